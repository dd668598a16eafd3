"""A copyright or "do not reproduce" notice naming another outlet: republished content.

A text that carries "© 2015 Latin One. All rights reserved. Do not reproduce without permission" is
Latin One's: where it was found (a feed, a scrape, an aggregator) it is a copy, perhaps edited or
re-dated on the way. Quote the original outlet and check the text against its own page. The notice
names the outlet; when the document's URL or site name is known and belongs to the same outlet (the
outlets table knows that apnews.com prints "The Associated Press"), the notice is the outlet's own and
nothing is reported. A warning when the notice forbids reproduction or the document says it comes from
another site; otherwise info. Signal: NewsGuard, "gathers and presents information responsibly"
(credit to the original source); Credibility Coalition, content-provenance indicators.

Fails:
    Date: May 2, 2019

    The council approved the budget on Tuesday.

    © 2019 The Valley Herald. All rights reserved. Do not reproduce without permission.

Passes (json):
    {"url": "https://apnews.com/article/1", "date": "2019-05-02",
     "text": "The council approved the budget on Tuesday.\\n\\nCopyright 2019 The Associated Press. All rights reserved."}
"""
from __future__ import annotations

import re

from checker.model import Category, Severity, Span
from checker.rules.base import FOLDS_TO_ASCII, Rule, host_of, iter_lines, regex, site_of

# the holder: capitalised words after the sign and the year(s), up to the first stop
_NOTICE = re.compile(r"(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)\s*©?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?[\s,]*"
                     r"(?:by\s+)?(?P<holder>[A-Z][\w&'’ -]{1,60}?)\s*(?=[.,;|]|\s+[Aa]ll [Rr]ights|\s+[Tt]odos|$)", re.M)
_CREDIT = re.compile(r"(?:reprinted|republished|distributed) (?:with permission )?(?:from|of|by)\s+(?P<holder>[A-Z][\w&'’ -]{1,60}?)"
                     r"\s*(?=[.,;|]|$)", re.I | re.M)

# what a notice or a credit must hold, lower-cased: a quick test before either pattern runs on each line
_SIGNS = ("©", "(c)", "copyright", "reprinted", "republished", "distributed")


def _same(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"[^a-z0-9]", "", s.lower()).removeprefix("the")  # noqa: E731
    return bool(a and b) and (squash(a) in squash(b) or squash(b) in squash(a))


class Republished(Rule):
    code = "SR104"
    name = "republished-notice"
    category = Category.SOURCE
    severity = Severity.INFO
    points = {Severity.ERROR: 30, Severity.WARNING: 15, Severity.INFO: 8}
    points_reason = "another outlet's content, republished or copied"

    def check(self, doc, ctx):
        text = doc.document.text
        low = text.lower()
        if not any(sign in low for sign in _SIGNS) and not any(c in low for c in FOLDS_TO_ASCII):
            return  # neither pattern can match: most texts
        table = ctx.outlets
        host, site = host_of(doc.document.url), site_of(doc.document)
        own = ctx.outlet_of(doc.document)
        rights = regex("rights")
        for pos, line in iter_lines(text):
            m = _NOTICE.search(line) or _CREDIT.search(line)
            if not m or len(line) > 400:
                continue
            holder = m.group("holder").strip()
            named = table.by_name(holder)
            if named is not None and own is not None and own.how != "page" and named == own.outlet:
                continue
            if any(_same(holder, s) for s in (host or "", site or "")):
                continue
            forbids = any("reserved" not in f.group(0).lower() for f in rights.finditer(line))
            strong = forbids or bool(host or site)
            lead = len(line) - len(line.lstrip())
            where = f"; this copy is from {host or site}" if host or site else ""
            yield self.finding(doc, f"The text carries a notice of {holder} (“{line.strip()[:120]}”){where}: it is "
                                    f"{holder}'s content, republished or copied; cite and check the original.",
                               [Span(pos + lead, pos + len(line.rstrip()), line.strip())],
                               severity=Severity.WARNING if strong else Severity.INFO, confidence=0.8 if strong else 0.6)
            return
