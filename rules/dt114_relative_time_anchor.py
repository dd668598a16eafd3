"""A stretch of time counted back from the text to a date it names, which does not end at the declared date.

"Ten years ago, on September 11, 2001" is written about 2011; "over the last seven months, since the
hurricane struck on October 10, 2018" in May 2019; "hace siete meses, el 10 de octubre de 2018" likewise.
When the stretch the text counts, laid from the date it names, ends years (or months, weeks, days) away from
the declared date, the date was changed or the text reused. Only a count next to its date is read: "N years
ago, on DATE", "DATE, N years ago", "the last N months, since ... DATE", "hace N años, el DATE"; a count
led by "more than" or "over" has no upper end and is left alone, and "about", "nearly", "some" widen the
tolerance by one unit. The tolerance is one unit of the count (a year for years), half a week for weeks and
a day for days.

Fails:
    Date: June 3, 2016

    Ten years ago, on September 11, 2001, the towers fell.

Passes:
    Date: September 11, 2011

    Ten years ago, on September 11, 2001, the towers fell.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.model import Category, Severity, TimeKind
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule

# a count of units: "ten years ago", "the last seven months", "hace dos semanas"
_COUNTED = re.compile(r"\b(?:ago|hace)\b|^(?:the\s+)?(?:last|past)\s+(?!few\b)\S+\s+\w+$", re.I)
_UNIT = re.compile(r"\b(year|years|ano|anos|año|años|month|months|mes|meses|week|weeks|semana|semanas|day|days|dia|dias|día|días)\b",
                   re.I)
# between the count and the date it reaches back to
_AGO_THEN_DATE = re.compile(r"^\s*(?:today|hoy)?\s*,?\s*(?:on|in|el|en|del)?\s*$", re.I)
_SINCE_DATE = re.compile(r"^\s*,?\s*(?:since|desde)\b[^.;:!?]{0,60}$", re.I)
_DATE_THEN_AGO = re.compile(r"^\s*,?\s*$")
_OPEN = re.compile(r"\b(?:more\s+than|over|upwards\s+of|at\s+least|más\s+de|mas\s+de|al\s+menos)\s*$", re.I)
# the count is the tail of a larger number the pattern did not take ("forty one years ago", "forty-one")
_NUMBER_BEFORE = re.compile(r"(?:\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and|y)|\d)[ \t-]*$",
                            re.I)
_ROUGH = re.compile(r"\b(?:about|nearly|almost|some|around|roughly|approximately|casi|cerca\s+de|unos|unas|alrededor\s+de)\s*$",
                    re.I)


def _months(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


class RelativeTimeAnchor(Rule):
    code = "DT114"
    name = "relative-time-off-its-date"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        text = doc.document.text
        times = sorted(doc.times, key=lambda t: t.span.start)
        for i, rel in enumerate(times):
            if rel.kind is not TimeKind.RELATIVE or rel.value is None or not _COUNTED.search(rel.span.text):
                continue
            unit = _UNIT.search(rel.span.text)
            # a hedge before "N years ago" ("more than ten years ago"); "over the last seven months" is "during"
            lead = "" if re.match(r"(?i)(?:the\s+)?(?:last|past)\b", rel.span.text) else \
                text[max(0, rel.span.start - 20):rel.span.start]
            if unit is None or _OPEN.search(lead) or _NUMBER_BEFORE.search(text[max(0, rel.span.start - 12):rel.span.start]):
                continue
            anchor = self._anchor(text, rel, times[i - 1] if i else None, times[i + 1] if i + 1 < len(times) else None)
            if anchor is None:
                continue
            rough = 1 if _ROUGH.search(lead) else 0
            found = self._off(unit.group(1).lower(), rel.value, anchor.value, rough, d)
            if found is None:
                continue
            off, (lo, hi) = found
            yield self.finding(
                doc, f"“{' '.join(rel.span.text.split())}” counted back from the declared date {d.iso()} reaches "
                     f"{rel.value.iso()}, but the text names {anchor.value.iso()} as that day, {off}: the count fits a "
                     f"text written {lo.isoformat()}..{hi.isoformat()}.",
                [rel.span, anchor.span], expected=(lo, hi), confidence=0.9)

    @staticmethod
    def _anchor(text, rel, before, after):
        """The dated expression the count reaches back to, written right next to it."""
        ago = not re.match(r"^(?:the\s+)?(?:last|past)\b", rel.span.text, re.I)
        if after is not None and after.kind is TimeKind.ABSOLUTE and after.value is not None \
                and after.sentence == rel.sentence:
            gap = text[rel.span.end:after.span.start]
            if (_AGO_THEN_DATE if ago else _SINCE_DATE).match(gap) or (
                    not ago and re.match(r"^\s*,?\s*$", gap) and re.match(r"(?i)since|desde", after.span.text)):
                return after
        if ago and before is not None and before.kind is TimeKind.ABSOLUTE and before.value is not None \
                and before.sentence == rel.sentence and _DATE_THEN_AGO.match(text[before.span.end:rel.span.start]):
            return before
        return None

    @staticmethod
    def _off(unit, reached, named, rough, declared):
        """How far the day the count reaches lies from the day the text names, in words, and the declared
        dates the count fits; None within the tolerance (one unit of the count; half a week for weeks, a day
        for days; one unit more for a rough count)."""
        d = declared.first_day
        if unit.startswith(("year", "ano", "año")):
            gap, slack = reached.year - named.year, 1 + rough
            if abs(gap) <= slack:
                return None
            year = d.year - gap
            return f"{abs(gap)} years {'after' if gap > 0 else 'before'} it", (dt.date(year - slack, 1, 1),
                                                                              dt.date(year + slack, 12, 31))
        if named.month is None:
            return None
        if unit.startswith(("month", "mes")):
            gap, slack = _months(reached.first_day) - _months(named.first_day), 1 + rough
            if abs(gap) <= slack:
                return None
            lo, hi = _months(d) - gap - slack, _months(d) - gap + slack + 1
            return f"{abs(gap)} months {'after' if gap > 0 else 'before'} it", (
                dt.date(lo // 12, lo % 12 + 1, 1), dt.date(hi // 12, hi % 12 + 1, 1) - dt.timedelta(days=1))
        if named.day is None or reached.day is None:
            return None
        weeks = unit.startswith(("week", "semana"))
        gap, slack = (reached.first_day - named.first_day).days, (4 if weeks else 1) + rough * (7 if weeks else 1)
        if abs(gap) <= slack:
            return None
        return f"{abs(gap)} days {'after' if gap > 0 else 'before'} it", (
            d - dt.timedelta(days=gap + slack), d - dt.timedelta(days=gap - slack))
