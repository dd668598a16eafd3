"""Weekday that does not fit its date.

"Thu, Aug 4, 2009" cannot be right: August 4, 2009 was a Tuesday. A wrong weekday in a header is the
mark of a hand-edited date; in the body it is a typo or a sign that the text was moved to another year.
With no year written ("Friday, July 13th"), the day is the one nearest the declared date (in its year, the
year before or the year after), and the finding is a warning naming the nearest years in which the weekday
does fit.

Fails:
    Updated 11:06 PM EDT, Thu, Aug 4, 2009

    The committee met in Washington.

Passes:
    Updated 11:06 PM EDT, Tue, Aug 4, 2009

    The committee met in Washington.
"""
from __future__ import annotations

from checker.model import Category, Severity, Span, TimeKind
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule, describe_source, safe_date, weekday_name


class WeekdayMismatch(Rule):
    code = "DT104"
    name = "weekday-mismatch"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        for c in doc.document.claims:
            if c.weekday is not None and c.value.day is not None:
                real = c.value.first_day.weekday()
                if real != c.weekday:
                    yield self.finding(
                        doc, f"The date in {describe_source(c.source)} says {weekday_name(c.weekday)}, but "
                             f"{c.value.first_day:%B %-d, %Y} was a {weekday_name(real)}.", [c.span], confidence=0.99)
        for t in doc.times:
            if t.weekday is None or t.value is None or t.value.day is None:
                continue
            day = t.value.first_day
            if day.weekday() == t.weekday:
                continue
            if t.kind is TimeKind.ABSOLUTE:
                yield self.finding(doc, f"“{t.span.text}”: {day:%B %-d, %Y} was a {weekday_name(day.weekday())}, "
                                        f"not a {weekday_name(t.weekday)}.", [t.span], confidence=0.97)
            else:
                fits = [y for y in range(day.year - 6, day.year + 7)
                        if (d := safe_date(y, day.month, day.day)) and d.weekday() == t.weekday]
                near = sorted(fits, key=lambda y: abs(y - day.year))[:2]
                was = "was" if doc.declared is not None and day <= doc.declared.value.last_day else "is"
                yield self.finding(doc, f"“{t.span.text}”: {day:%B %-d, %Y}, the one nearest the declared date, {was} a "
                                        f"{weekday_name(day.weekday())}; {day:%B %-d} is a {weekday_name(t.weekday)} in "
                                        f"{' and '.join(map(str, sorted(near)))}.",
                                   [t.span], severity=Severity.WARNING, confidence=0.7)
