"""Page chrome scraped into the text: sign-up prompts, share buttons, cookie banners, "Close".

Text copied from a web page with its navigation and widgets was scraped, not written or edited for
publication: it may be incomplete, and what surrounds the article may have changed since. The whole
text is read, headers included: banners stand above the date line as often as below it. The phrases are
data (`checker/kb/data/boilerplate.csv`, kind `chrome`), matched only on short lines, so a sentence that
happens to say "share" is not chrome. Signal: W3C Credible Web Community Group, "Credibility Signals",
content-level signals of a page's production (ad and widget clutter).

Fails:
    Date: May 2, 2019

    Sign up to receive the latest news
    The council approved the budget on Tuesday.
    Close

Passes:
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, Severity, Span
from checker.rules.base import Rule, iter_lines, matcher

MAX_CHROME_LINE = 90


class PageChrome(Rule):
    code = "SR101"
    name = "page-chrome"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 10
    points_reason = "page chrome: scraped from a web page, may be incomplete or changed since"

    def check(self, doc, ctx):
        chrome = matcher("chrome")
        hits = []
        for pos, line in iter_lines(doc.document.text):
            if 0 < len(line.strip()) <= MAX_CHROME_LINE and chrome(line):
                lead = len(line) - len(line.lstrip())
                hits.append(Span(pos + lead, pos + len(line.rstrip()), line.strip()))
        if hits:
            shown = list(dict.fromkeys(h.text for h in hits))
            yield self.finding(doc, f"{len(hits)} line(s) of page chrome were scraped into the text "
                                    f"(e.g. “{shown[0]}”): the text was copied from a web page, not from the source.",
                               hits[:6], confidence=0.8)
