"""Document with no publication date in its metadata.

A text without a date cannot be checked against its content, and a reader cannot tell how current it
is. The finding suggests the window the content allows, when it allows one, as the date to look for.

Fails:
    Secretary of State Mike Pompeo met Foreign Secretary Marcelo Ebrard in Washington.

Passes:
    Published: June 5, 2019

    Secretary of State Mike Pompeo met Foreign Secretary Marcelo Ebrard in Washington.
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule, fmt_range


class Undated(Rule):
    code = "DT108"
    name = "undated-document"
    category = Category.DATE
    severity = Severity.WARNING
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is not None:
            return
        w = doc.window
        if w is None:
            yield self.finding(doc, "The document claims no publication date, and its content gives no evidence of one.", "")
            return
        reasons = "; ".join(c.reason for c in w.support[:3])
        yield self.finding(doc, f"The document claims no publication date; its content suggests "
                                f"{fmt_range(w.start, w.end)} ({reasons}).",
                           [s for c in w.support[:3] for s in c.evidence], expected=(w.start, w.end), confidence=0.8)
