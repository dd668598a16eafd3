"""A stretch of time counted back from the text to a date it names, which does not end at the declared date.

"Ten years ago, on September 11, 2001" is written about 2011; "over the last seven months, since the
hurricane struck on October 10, 2018" in May 2019; "hace siete meses, el 10 de octubre de 2018" likewise.
When the stretch the text counts, laid from the date it names, ends years (or months, weeks, days) away from
the declared date, the date was changed or the text reused. Only a count next to its date is read: "N years
ago, on DATE", "DATE, N years ago", "the last N months, since ... DATE", "hace N años, el DATE"; a count
led by "more than" or "over" has no upper end and is left alone, and "about", "nearly", "some" widen the
tolerance by one unit. The tolerance is one unit of the count (a year for years), half a week for weeks and a
day for days. A count back to the day someone took office ("in the seven months since he took office,
President Biden has ...", "a seis meses de que asumió, la presidenta Claudia Sheinbaum ...") is read against
the knowledge base's start of that term, where the sentence names one titled person, in one unbroken term,
and the clause neither dates itself nor speaks of a later term. So is a count back to the day someone left
office, told right after the name ("Governor Palin, who resigned last year", "el rey Juan Carlos, que abdicó
el mes pasado"), against the end of their last term before the declared date; a surname alone in an office of
many seats is left alone where the knowledge base may lack the holder meant.

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

from checker.model import Category, PartialDate, Severity, TimeKind
from checker.rules.base import DATE_POINTS, DATE_REASON, GRACE, NUMBER_WORDS, Rule

# a count of units: "ten years ago", "the last seven months", "hace dos semanas"
_COUNTED = re.compile(r"\b(?:ago|hace)\b|^(?:the\s+)?(?:last|past)\s+(?!few\b)\S+\s+\w+$", re.I)
_UNIT = re.compile(r"\b(years?|anos?|años?|months?|mes|meses|weeks?|semanas?|days?|dias?|días?)\b", re.I)
# a stretch that ends at the text ("the last seven months"), against a count back from it ("seven months ago")
_STRETCH = re.compile(r"(?:the\s+)?(?:last|past)\b", re.I)
# between the count and the date it reaches back to
_AGO_THEN_DATE = re.compile(r"^\s*(?:today|hoy)?\s*,?\s*(?:on|in|el|en|del)?\s*$", re.I)
_SINCE_DATE = re.compile(r"^\s*,?\s*(?:since|desde)\b[^.;:!?]{0,60}$", re.I)
_DATE_THEN_AGO = re.compile(r"^\s*,?\s*$")
_OPEN = re.compile(r"\b(?:more\s+than|over|upwards\s+of|at\s+least|más\s+de|mas\s+de|al\s+menos)\s*$", re.I)
# the count is the tail of a larger number the pattern did not take ("forty one years ago", "forty-one")
_NUMBER_BEFORE = re.compile(
    r"(?:\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and|y)|\d)[ \t-]*$", re.I)
_ROUGH = re.compile(
    r"\b(?:about|nearly|almost|some|around|roughly|approximately|casi|cerca\s+de|unos|unas|alrededor\s+de)\s*$", re.I)


_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNITS = r"(?P<unit>years?|months?|weeks?|days?|años?|meses|mes|semanas?|días?|dias?)"
# a count back to the day the person took office: "seven months since he took office", "since taking office";
# "a seis meses de que asumió", "seis meses después de que tomó posesión" is not read (told of the past as often)
_SINCE_OFFICE = re.compile(
    r"\b" + _COUNT + r"\s+" + _UNITS + r"\s+(?:since\s+(?:(?:he|she)\s+(?:took|assumed|entered)\s+office|"
    r"(?:he|she)\s+was\s+(?:sworn\s+in|inaugurated)|taking\s+office|(?:his|her)\s+(?:inauguration|swearing-in))|"
    r"(?:desde\s+que|de\s+que)\s+(?:asumió|tomó\s+posesión|rindió\s+protesta))\b"
    # not a later term's start: "since he took office for a second term", "desde que asumió por segunda vez";
    # nor one the clause dates itself ("since he took office in 2013": which term is meant, the text says)
    r"(?!\s+(?:for\s+(?:a|his|her)\s+(?:second|third|fourth|new)|again|a\s+second|por\s+segunda|de\s+nuevo|nuevamente|"
    r"in\s+\w|on\s+\w|en\s+\w|el\s+\d))",
    re.I)

# what every such clause holds, looked for first: the whole pattern tried at each word of a text is slow
_CLAUSE = re.compile(r"\bsince\s+(?:he|she|taking|his|her)\b|\bque\s+(?:asumió|tomó|rindió)\b", re.I)

# right after the words that say a person left the office (the language packs' `lookback_after`: "who
# resigned", "que abdicó"), a count back to that day: "Governor Palin, who resigned last year", "Speaker
# Boehner, who retired two years ago", "el rey Juan Carlos, que abdicó el mes pasado"
_COUNT_AFTER = re.compile(
    r"\s+(?:(?:last|(?:el|la)(?=\s+\w+\s+pasad))\s+(?P<last>year|month|week|año|mes|semana)(?:\s+pasad[oa])?|"
    r"(?:hace\s+)?" + _COUNT + r"\s+" + _UNITS + r"(?:\s+ago)?)\b", re.I)


def _count(match: re.Match) -> int:
    """The count a pattern's "n" group holds, in digits or words (0 for none it knows)."""
    count = match.group("n").lower()
    return NUMBER_WORDS.get(count) or (int(count) if count.isdigit() else 0)


def _recorded_before(ctx, tenure) -> bool:
    """Whether the knowledge base holds every holder of the office from before the term began: then a title
    and a surname that fit the term mean its holder, not a namesake the base lacks."""
    complete = ctx.complete_from(tenure.office_id)
    return complete is not None and complete < tenure.start


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
            lead = "" if _STRETCH.match(rel.span.text) else \
                text[max(0, rel.span.start - 20):rel.span.start]
            if unit is None or _OPEN.search(lead) or \
                    _NUMBER_BEFORE.search(text[max(0, rel.span.start - 12):rel.span.start]):
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

        yield from self._since_office(doc, ctx, d, text)
        yield from self._left_office(doc, ctx, d, text)

    def _left_office(self, doc, ctx, d, text):
        """A count back to the day a titled person left the office, told right after the name, read against the
        knowledge base's end of their last term before the declared date."""
        for m in doc.mentions:
            if m.title is None or not m.qualifiers.ended:
                continue
            cue = ctx.term_end_cue(text, m.span.end)
            match = _COUNT_AFTER.match(text, cue.end()) if cue else None
            if match is None or (match.group("last") is None and not re.search(r"(?i)\b(?:ago|hace)\b", match.group(0))):
                continue
            tenures = ctx.tenures_for(m)
            ended = [t for t in tenures if t.end is not None and not t.end_open and t.end <= d.last_day + GRACE]
            if not ended or len({t.person_id for t in tenures}) != 1:
                continue
            if m.surname_only and any(ctx.kb.seats(t.office_id) > 1 and not _recorded_before(ctx, t) for t in tenures):
                continue  # "Senator Smith": a namesake the knowledge base lacks may be meant in an office of many seats
            last = max(ended, key=lambda t: t.end)
            n, unit = (1, match.group("last").lower()) if match.group("last") else (_count(match), match.group("unit").lower())
            yield from self._term_count(doc, ctx, d, m, text[m.span.end:match.end()].strip(" ,"), n, unit, last, "left")

    def _since_office(self, doc, ctx, d, text):
        if not _CLAUSE.search(text):
            return
        for match in _SINCE_OFFICE.finditer(text):
            titled = [m for m in doc.mentions if m.sentence.start <= match.start() < m.sentence.end and m.title]
            if len(titled) != 1:
                continue
            m = titled[0]
            q = m.qualifiers
            if q.former or q.then or q.elect:
                continue
            tenures = sorted(ctx.tenures_for(m), key=lambda t: t.start)
            if not tenures or len({t.person_id for t in tenures}) != 1 or tenures[0].start_open:
                continue
            if m.surname_only and not all(_recorded_before(ctx, t) for t in tenures):
                continue  # "Governor Smith": a holder the knowledge base lacks may be meant, unless it holds them all
            # one unbroken stretch of service: its start is the day the count reaches back to
            if any(b.start > (a.end or b.start) + GRACE for a, b in zip(tenures, tenures[1:])):
                continue
            # whom the count is of: the pronoun's person ("since she took office"), else the subject the clause
            # leads to ("Since taking office, President ..."; "a seis meses de que asumió, la presidenta ...")
            pronoun = re.search(r"(?i)\b(he|his|she|her)\b", match.group(0))
            if pronoun:
                gender = "m" if pronoun.group(1).lower() in ("he", "his") else "f"
                if ctx.person(tenures[0].person_id).gender != gender:
                    continue
            elif not re.fullmatch(r"(?i)\s*,?\s*(?:the|el|la)?\s*", text[match.end():m.span.start]):
                continue
            yield from self._term_count(doc, ctx, d, m, match.group(0), _count(match), match.group("unit").lower(),
                                        tenures[0], "took")

    def _term_count(self, doc, ctx, d, m, words: str, n: int, unit: str, tenure, took_or_left: str):
        """The finding where `n` `unit`s counted back from the declared date miss the day `tenure` began
        ("took") or ended ("left"); nothing within the count's tolerance."""
        day = tenure.start if took_or_left == "took" else tenure.end
        if not n:
            return
        reached = self._back(d.first_day, n, unit)
        found = self._off(unit, reached, PartialDate.of(day), 0, d)
        if found is None:
            return
        off, (lo, hi) = found
        yield self.finding(
            doc, f"“{' '.join(words.split())}”: {ctx.person(tenure.person_id).name} {took_or_left} office as "
                 f"{ctx.office(tenure.office_id).name_en} on {day.isoformat()}, so the count, laid back from the "
                 f"declared date {d.iso()}, reaches {reached.iso()}, {off}: it fits a text written "
                 f"{lo.isoformat()}..{hi.isoformat()}.",
            [m.span], expected=(lo, hi), confidence=0.9)

    @staticmethod
    def _back(day: dt.date, n: int, unit: str) -> PartialDate:
        """The day `n` units before `day`, at the precision of the unit."""
        if unit.startswith(("year", "año")):
            return PartialDate(day.year - n)
        if unit.startswith("m"):
            months = _months(day) - n
            return PartialDate(months // 12, months % 12 + 1)
        return PartialDate.of(day - dt.timedelta(days=n * (7 if unit.startswith(("week", "semana")) else 1)))

    @staticmethod
    def _anchor(text, rel, before, after):
        """The dated expression the count reaches back to, written right next to it."""
        ago = not _STRETCH.match(rel.span.text)
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
