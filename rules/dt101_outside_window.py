"""Declared date outside the window of dates the content allows.

The people a text names with their titles, and the dated events it tells of, bound when it can have been
written. When the date the metadata claims is improbable for that evidence, either the date or the text is
not what it says: a re-dated story, a recycled page, a wrong header. Each piece of evidence weighs what
real text says it is worth: how much more often it occurs in misdated than in rightly dated documents,
measured on tens of thousands of dated documents (checker/evidence.py). The finding gives the probability
that the date is wrong and the two or three strongest pieces, each from the knowledge base, so a reader can
check them in seconds; `checker explain-date` prints the whole ledger.

Fails:
    Release Date: July 1, 2023

    Homeland Security Secretary Janet Napolitano met Mexican President Felipe Calderón in Mexico City.
    President Obama will travel to the border next month, the secretary said.

Passes:
    Release Date: July 1, 2010

    Homeland Security Secretary Janet Napolitano met Mexican President Felipe Calderón in Mexico City.
    President Obama will travel to the border next month, the secretary said.
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule, at_declared, describe, fmt_range


class DeclaredOutsideWindow(Rule):
    code = "DT101"
    name = "declared-date-outside-window"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None or not doc.evidence:
            return
        model = ctx.evidence
        d = doc.declared.value
        day, p = at_declared(model, doc.evidence, d.first_day, d.last_day)
        if p < model.warning_at:
            return
        against = sorted((row for row in model.weighed(doc.evidence, day) if row[3] and row[2] > 0), key=lambda r: -r[2])
        strongest = [ev for ev, _, _, _ in against[:3]]
        w = doc.window
        where = ""
        if w is not None:
            side = "before" if d.last_day < w.start else "after" if d.first_day > w.end else "outside"
            where = f" It lies {side} the window {fmt_range(w.start, w.end)} that the content allows."
        message = (f"Declared date {d.iso()} ({doc.declared.source}) is probably wrong (p = {p:.2f}): "
                   + "; ".join(describe(model, ev, day) for ev in strongest) + "." + where)
        spans = [s for ev in strongest for s in ev.evidence]
        severity = Severity.ERROR if p >= model.error_at else Severity.WARNING
        yield self.finding(doc, message, spans, severity=severity,
                           expected=(w.start, w.end) if w is not None else None, confidence=min(0.999, p))
