"""Dated event told in a tense that does not fit the declared date.

An event told in the past tense ("the summit was held on November 18, 2021") cannot be dated after the
text that tells of it; one told in the future tense ("will take effect on April 2, 2019") should not be
long before it. Tense comes from the sentence's verbs, so this is a warning. A past event within the rules'
hand-over week after the declared date is left alone, as the evidence model weighs it: a release's date field
a day before its publication, or an upcoming day that a past clause designates ("introduced a resolution
designating Friday, October 2, 2015 as ..."), is no text moved in time. A date led by a schedule word ("was
funded until December 11, 2015", "a term expiring June 16, 1970") is a deadline, not an event: a past clause
does not make it past.

Fails:
    Date: May 1, 2021

    The summit was held on November 18, 2021 in Washington.

Passes:
    Date: May 1, 2021

    The summit will be held on November 18, 2021 in Washington.
"""
from __future__ import annotations

import datetime as dt

from checker.model import Category, Severity, Tense, TimeKind
from checker.rules.base import DATE_POINTS, DATE_REASON, GRACE, Rule, scheduled

FUTURE_SLACK = dt.timedelta(days=180)


class TenseConflict(Rule):
    code = "DT107"
    name = "tense-conflict"
    category = Category.DATE
    severity = Severity.WARNING
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        for t in doc.times:
            if t.kind is not TimeKind.ABSOLUTE or not t.year_explicit or t.value is None or t.value.day is None:
                continue
            day = t.value.first_day
            if t.tense is Tense.PAST and day > d.last_day + GRACE and not scheduled(doc.document.text, t):
                yield self.finding(doc, f"“{t.span.text}” is told in the past tense, but it is after the declared date "
                                        f"{d.iso()} ({doc.declared.source}).", [t.span, t.sentence] if len(t.sentence.text) < 300 else [t.span],
                                   expected=(day, None), confidence=0.6, span=t.span)
            elif t.tense is Tense.FUTURE and day < d.first_day - FUTURE_SLACK:
                yield self.finding(doc, f"“{t.span.text}” is told in the future tense, but it is long before the declared "
                                        f"date {d.iso()} ({doc.declared.source}).", [t.span],
                                   expected=(None, day), confidence=0.5)
