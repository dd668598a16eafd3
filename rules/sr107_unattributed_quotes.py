"""Quotations without attribution: words in quotation marks that nobody is said to have said.

A quotation is evidence only when the reader knows whose words they are: "said", "told", "according
to", "dijo", "señaló", or a colon after the speaker's name. A quoted sentence with no such word in its
paragraph, nor a lead-in ending in a colon just before it, cannot be checked with its speaker. Short
quoted phrases (titles, scare quotes) are left alone: only quotations of eight words or more count. The
attribution words are data (kind `attribution` in `checker/kb/data/boilerplate.csv`). Signal:
Credibility Coalition / W3C Credible Web, content indicators "quotes from outside experts" and
"sourcing" (whether quotes are attributed); NewsGuard, "gathers and presents information responsibly".

Fails:
    Date: May 2, 2019

    “We will not raise taxes on any family in this city next year.” The budget passed on Tuesday.

Passes:
    Date: May 2, 2019

    “We will not raise taxes on any family in this city next year,” the mayor said on Tuesday.
"""
from __future__ import annotations

import re

from checker.model import Category, Severity, Span
from checker.rules.base import Rule, regex

MIN_WORDS = 8
_QUOTE = re.compile(r"“([^”\n]{20,2000})”|\"([^\"\n]{20,2000})\"|«([^»\n]{20,2000})»")


def _attributed(text: str, para: tuple[int, int], q: re.Match, said: re.Pattern) -> bool:
    start, end = para
    outside = text[start:q.start()] + " " + text[q.end():end]
    if said.search(outside) or text[start:q.start()].rstrip().endswith(":"):
        return True
    before = text[:start].rstrip()
    return before.endswith(":")  # "The below is attributable to ...:" or "He said:" on the line above


class UnattributedQuotes(Rule):
    code = "SR107"
    name = "unattributed-quotes"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 8
    points_reason = "quotations without a speaker cannot be checked"

    def check(self, doc, ctx):
        text = doc.document.text
        said = regex("attribution").pattern  # most quotes have a "said" near them: no quick test first
        bare: list[Span] = []
        quotes = 0
        for start, end, _lang in doc.paragraphs:
            for q in _QUOTE.finditer(text, start, end):
                inner = next(g for g in q.groups() if g is not None)
                if len(inner.split()) < MIN_WORDS:
                    continue
                quotes += 1
                if not _attributed(text, (start, end), q, said):
                    bare.append(Span(q.start(), q.end(), q.group(0)))
        if bare:
            yield self.finding(doc, f"{len(bare)} of {quotes} quotation(s) name no speaker (no “said”, “according to”, "
                                    f"“dijo” near them): whose words they are cannot be checked.",
                               bare[:3], confidence=0.6)
