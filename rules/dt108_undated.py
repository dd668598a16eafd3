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
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule, describe, fmt_range


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
        # the pieces of evidence that fit the window best, weighed on its first day (the window is a run of
        # days the evidence weighs alike): each with the term or date it rests on and what real text says of it
        model = ctx.evidence
        fits = [ev for ev, _, _, _ in sorted((r for r in model.weighed(doc.evidence, w.start) if r[3]),
                                             key=lambda r: r[2])[:3]]
        reasons = "; ".join(describe(model, ev, w.start) for ev in fits)
        yield self.finding(doc, f"The document claims no publication date; its content suggests "
                                f"{fmt_range(w.start, w.end)}" + (f": {reasons}." if reasons else "."),
                           [s for ev in fits for s in ev.evidence], expected=(w.start, w.end), confidence=0.8)
