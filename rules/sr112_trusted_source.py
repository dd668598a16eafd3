"""Published by an official government body or a wire service (or an outlet the user rates high).

A text that comes from a government's own domain (.gov, .gob.mx) is that government's word; a wire
service (AP, Reuters, AFP, EFE) edits its copy before it goes out. Neither makes a text true, but a
fact-checker knows whom to ask and where the original stands. The document is matched to the outlets
table (`checker/kb/data/outlets.csv` and the user's own, see `checker/kb/outlets.py`) on its URL, its
site name, or, more weakly, a domain printed in the page's own banner or archive notice; the match's
confidence says which. This finding is a credit in the reliability score, never a cost. Signal:
NewsGuard's rating of the outlet as a whole; Credibility Coalition / W3C Credible Web, "publisher"
indicators.

Fails (json):
    {"url": "https://www.dhs.gov/news/2018/07/12/secretary-travel", "date": "2018-07-12",
     "text": "The secretary will travel to Mexico City on Friday."}

Passes (json):
    {"url": "https://example.com/news/1", "date": "2018-07-12",
     "text": "The secretary will travel to Mexico City on Friday."}
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import WHERE, Rule

class TrustedSource(Rule):
    code = "SR112"
    name = "trusted-source"
    category = Category.SOURCE
    severity = Severity.INFO
    points = -10
    points_reason = "trusted source: official government domain or wire service (credit, by match confidence)"
    points_by_confidence = True  # a banner anyone can paste earns less than the page's own URL

    def check(self, doc, ctx):
        match = ctx.outlet_of(doc.document)
        if match is None or match.outlet.rating != "high":
            return
        o = match.outlet
        yield self.finding(doc, f"From {o.outlet} ({o.kind}, rated {o.rating} in the {o.table} outlets table: {o.note}), "
                                f"matched on {WHERE[match.how]} “{match.evidence}”.", match.evidence,
                           confidence=match.confidence)
