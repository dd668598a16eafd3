""""-elect" title outside the time between the election and taking office.

"President-elect X" is only true from the election (or the decisive result) until the inauguration; in a
text dated outside that stretch, the title or the date is wrong. Spanish "presidente electo" counts too.
"then President-elect" and "under President-elect X" look back at that time and say nothing; so does a
clause the text dates inside that time ("Last month, the senators sent a letter to President-elect X", "On
December 3, President-elect X named ...", "Back in November, we wrote to President-elect X": the last
November up to the text's date): the letter went to the president-elect.

Fails:
    Published: June 3, 2021

    President-elect Joe Biden named his choice for Secretary of State.

Passes:
    Published: December 3, 2020

    President-elect Joe Biden named his choice for Secretary of State.
"""
from __future__ import annotations

import datetime as dt

from checker.model import Category, Severity, Tense, TimeKind
from checker.rules.base import DATE_POINTS, DATE_REASON, EARLY, ELECT_EARLY, MONTHS, Rule, fmt_range


def _stretch(t, day: dt.date):
    """The days a time expression names: its value; for a month named without its year in a past clause
    ("back in November"), the last such month up to `day`, the text's date. None when it names none."""
    if t.value is not None:
        return t.value.first_day, t.value.last_day
    if t.kind is not TimeKind.MONTH or t.tense is not Tense.PAST:
        return None
    month = next((MONTHS[w] for w in t.span.text.lower().replace(".", " ").split() if w in MONTHS), None)
    if month is None:
        return None
    year = day.year if month <= day.month else day.year - 1
    first = dt.date(year, month, 1)
    return first, (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def elect_title(office: str) -> str:
    """"President of the United States" -> "President-elect of the United States"."""
    head, sep, rest = office.partition(" of ")
    return f"{head}-elect{sep}{rest}"


class ElectOutsideWindow(Rule):
    code = "DT103"
    name = "elect-title-outside-window"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        for m in doc.mentions:
            if not m.qualifiers.elect or m.qualifiers.then or m.qualifiers.retrospective:
                continue
            ts = ctx.tenures_for(m)
            if not ts:
                continue
            # a record that starts open does not say when the person was elected: nothing before it is known
            if any(t.start_open and d.first_day <= t.start for t in ts):
                continue
            wins = [((t.elected or t.start - dt.timedelta(days=120)) - ELECT_EARLY, t.start + EARLY) for t in ts
                    if not t.start_open]
            if not wins:
                continue
            if any(a <= d.last_day and d.first_day <= b for a, b in wins):
                continue
            told = [_stretch(t, d.first_day) for t in doc.times if m.sentence.start <= t.span.start < m.sentence.end]
            if any(s is not None and any(a <= s[1] and s[0] <= b for a, b in wins) for s in told):
                continue  # the clause is dated inside the window: told afterwards of what was done then
            a, b = min(wins, key=lambda w: abs((w[0] - d.first_day).days))
            office = elect_title(ctx.office(ts[0].office_id).name_en)
            yield self.finding(
                doc, f"“{' '.join(m.span.text.split())}” on a text dated {d.iso()}: {ctx.person(ts[0].person_id).name} "
                     f"was {office} only {fmt_range(a + ELECT_EARLY, b - EARLY)}.",
                [m.span], expected=(a, b), confidence=0.9)
