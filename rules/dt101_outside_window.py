"""Declared date outside the window of dates the content allows.

The people a text names with their titles, and the dated events it tells of, bound when it can have been
written. When the date the metadata claims lies outside that window, either the date or the text is not
what it says: a re-dated story, a recycled page, a wrong header. The evidence lists the facts that the
declared date contradicts, each from the knowledge base, so a reader can check them in seconds.

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

from checker.infer import GRACE, deficit, fmt_range, violated
from checker.model import Category, Severity
from rules.base import Rule

# How much evidence weight the declared date must give up against the best window (see checker.infer).
ERROR_DEFICIT = 1.5
WARNING_DEFICIT = 1.0


class DeclaredOutsideWindow(Rule):
    code = "DT101"
    name = "declared-date-outside-window"
    category = Category.DATE
    severity = Severity.ERROR

    def check(self, doc, kb):
        if doc.declared is None or doc.window is None:
            return
        d = doc.declared.value
        # a few days' grace: a text dated the day after a hand-over may still use the old title
        lost, day = deficit(doc, d.first_day - GRACE, d.last_day + GRACE)
        if lost < WARNING_DEFICIT:
            return
        against = violated(doc, day)
        w = doc.window
        side = "before" if d.last_day < w.start else "after" if d.first_day > w.end else "outside"
        reasons = "; ".join(c.reason for c in against[:3])
        severity = Severity.ERROR if lost >= ERROR_DEFICIT else Severity.WARNING
        message = (f"Declared date {d.iso()} ({doc.declared.source}) lies {side} the window "
                   f"{fmt_range(w.start, w.end)} that the content allows: {reasons}.")
        spans = [s for c in against[:3] for s in c.evidence]
        yield self.finding(doc, message, spans, severity=severity, expected=(w.start, w.end),
                           confidence=min(0.99, lost / (lost + 1.0)))
