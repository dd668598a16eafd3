"""Copyright year older than the declared date or than the content.

A page's copyright notice carries the year it was last rendered, so it is at least the publication
year: "© 2015" under a 2024 "Updated" header means the page is older than it claims (htmldate treats
the copyright year as a lower bound for the same reason). A copyright year older than everything the
content names is the same conflict seen from the other side. Both are warnings: footers go stale.

Fails:
    Published March 3, 2022

    The agency opened a new office.

    © 2016 Example News. All rights reserved.

Passes:
    Published March 3, 2022

    The agency opened a new office.

    © 2022 Example News. All rights reserved.
"""
from __future__ import annotations

from checker.model import Category, ClaimKind, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule


class CopyrightYearConflict(Rule):
    code = "DT106"
    name = "copyright-year-conflict"
    category = Category.DATE
    severity = Severity.WARNING
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        notices = [c for c in doc.document.claims if c.kind is ClaimKind.COPYRIGHT]
        if not notices:
            return
        c = max(notices, key=lambda c: c.value.year)
        year = c.value.year
        if doc.declared is not None and year < doc.declared.value.year:
            d = doc.declared.value
            yield self.finding(doc, f"The copyright notice “{c.span.text}” says {year}, older than the declared date "
                                    f"{d.iso()} ({doc.declared.source}): the page is older than its date claims.",
                               [c.span], severity=Severity.WARNING if d.year - year >= 2 else Severity.INFO,
                               confidence=0.6)
        elif doc.window is not None and year < doc.window.start.year:
            w = doc.window
            yield self.finding(doc, f"The copyright notice “{c.span.text}” says {year}, but the content points to "
                                    f"{w.start.isoformat()} or later.", [c.span], expected=(w.start, w.end), confidence=0.5)
