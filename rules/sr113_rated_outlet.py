"""Published by an outlet rated medium or low in the outlets table.

Outlets are rated by the user (the `outlets` key of the config names their table; see
`checker/kb/outlets.py` for its columns): a known fabricator, a satire site, a content farm, a partisan
aggregator. A text from an outlet rated low is a warning, from one rated medium a note. The document is
matched on its URL, its site name, or a domain printed in the page's own notices. Signal: NewsGuard's
rating of the outlet as a whole ("does not repeatedly publish false content", among its nine criteria).

Fails (json):
    {"url": "https://www.theonion.com/council-approves-budget", "date": "2019-05-02",
     "text": "The council approved the budget on Tuesday."}

Passes (json):
    {"url": "https://apnews.com/article/council-budget", "date": "2019-05-02",
     "text": "The council approved the budget on Tuesday."}
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import WHERE, Rule


class RatedOutlet(Rule):
    code = "SR113"
    name = "rated-outlet"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = {Severity.ERROR: 30, Severity.WARNING: 22, Severity.INFO: 5}
    points_reason = "outlet rated low or medium (NewsGuard: repeatedly publishes false content)"

    def check(self, doc, ctx):
        match = ctx.outlet_of(doc.document)
        if match is None or match.outlet.rating == "high":
            return
        o = match.outlet
        yield self.finding(doc, f"From {o.outlet} ({o.kind}), rated {o.rating} in the {o.table} outlets table"
                                f"{': ' + o.note if o.note else ''}; matched on {WHERE[match.how]} “{match.evidence}”.",
                           match.evidence, severity=Severity.WARNING if o.rating == "low" else Severity.INFO,
                           confidence=match.confidence)
