"""Title of an office the person did not hold on the declared date, in a clause that has them act now.

"President Bush said on Tuesday ..." in a story dated 2012 gives Bush an office he had left: a stale
title pasted into a newer story, or an old story under a new date. A title outlives its office in
retrospect ("President Clinton" in a 2009 story about his term) and by courtesy, so only a mention in a
present-tense, acting clause with no look-back cue ("under", "then-", a date inside the term) counts, or
one in a future clause when the date is after the term (a future clause before it names an office to come:
"As Attorney General, Richardson will ..." the day he is named), and its weight is what real text says: how much more often such a mention occurs in misdated documents than in
rightly dated ones (checker/evidence.py). This holds even where everything else in the text fits the
date: one stale title is not outvoted by the people named rightly beside it.

Fails:
    Date: March 10, 2025

    President of Mexico Andrés Manuel López Obrador says the border talks will go on, and Secretary of State
    Marco Rubio agrees.

Passes:
    Date: March 10, 2025

    President of Mexico Claudia Sheinbaum says the border talks will go on, and Secretary of State Marco Rubio
    agrees.
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule, at_declared, describe, stale_candidate


class StaleTitle(Rule):
    code = "DT111"
    name = "title-out-of-office"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        model = ctx.evidence
        d = doc.declared.value
        for ev in doc.evidence:
            if not stale_candidate(ev):
                continue
            # the most favourable day of the declared period
            day, _ = at_declared(model, (ev,), d.first_day, d.last_day)
            log_ratio = model.stale(ev, day)
            if log_ratio is None or log_ratio < model.mention_warning_at:
                continue
            severity = Severity.ERROR if log_ratio >= model.mention_error_at else Severity.WARNING
            yield self.finding(
                doc, f"Declared date {d.iso()} ({doc.declared.source}): {describe(model, ev, day)}.",
                list(ev.evidence), severity=severity, confidence=min(0.999, model.probability((ev,), day)))
