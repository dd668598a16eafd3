"""Turning date text into dates: the one place that knows month names, numeric orders and dateparser.

Fast, deterministic paths handle the shapes that make up nearly all dates in news text (ISO, "March 28,
2025", "28 de marzo de 2025", "02/05/2021"); anything else goes to a reused `dateparser.DateDataParser`
per language, cached. dateparser ignores a weekday that contradicts the date, so the weekday is taken
off first and returned separately: checking it is a rule's job.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterable, Optional

from checker import lang
from checker.model import PartialDate

# Names of every registered language, together: a bilingual release writes both ("March 28" and "28 de
# marzo"). Filled (in place, so that `from checker.dates import MONTHS` stays current) by `_rebuild`.
MONTHS: dict[str, int] = {}
WEEKDAYS: dict[str, int] = {}

# Validity bounds for any date the checker believes (htmldate's idea, widened for historical speeches).
EARLIEST = dt.date(1776, 1, 1)

_ORD = r"(?:st|nd|rd|th|º|°|o)?"

# Each pattern is anchored at the start of the string it is given (re.match); none can backtrack
# catastrophically: every repetition is bounded or over a disjoint character class. Built by `_rebuild`
# from the registered languages' month names.
_PATTERNS: list[tuple[str, re.Pattern]] = []
_WEEKDAY_RE = re.compile("(?!)")

_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s{0,2}(?:[ap]\.?\s?m\.?)?(?:\s{0,2}\b(?:[ECMP][SD]T|UTC|GMT|ET)\b)?", re.I)


def safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):  # "31 February"; a ten-digit "day" beyond C's int ("2150000000 MAR")
        return None


def _two_digit_year(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        return 2000 + v if v < 50 else 1900 + v
    return v


def match_date(text: str, pos: int = 0, day_first: bool = False) -> Optional[tuple[PartialDate, int]]:
    """Read a date that starts exactly at `text[pos]`; return it and where it ends.

    `day_first` decides "02/05/2021" (Spanish and most of the world: 2 May; US: 5 February).
    Month names without a day ("March 2025") give month precision; a lone year gives year precision;
    a month and day without a year ("July 13th") are not a PartialDate and return None here.
    """
    for kind, rx in _PATTERNS:
        m = rx.match(text, pos)
        if not m:
            continue
        g = m.groupdict()
        if kind == "md":
            continue  # no year: handled by the caller that knows the document's date
        y = _two_digit_year(g["y"]) if g.get("y") else None
        if y is None:
            continue
        if kind in ("iso", "ymd_slash"):
            mo, d = int(g["m"]), int(g["d"]) if g.get("d") else None
        elif kind == "num":
            a, b = int(g["a"]), int(g["b"])
            # "05.11.2021": dotted numeric dates are written day first wherever they are written
            dotted = m.group(0)[len(g["a"])] == "."
            mo, d = (b, a) if ((day_first or dotted) and b <= 12) or a > 12 else (a, b)
        elif kind == "year":
            mo, d = None, None
        else:
            mo = MONTHS[g["mon"].lower()]
            d = int(g["d"]) if g.get("d") else None
        if mo is not None and not 1 <= mo <= 12:
            return None
        if d is not None and safe_date(y, mo, d) is None:
            return None
        return PartialDate(y, mo, d), m.end()
    return None


def other_reading(text: str, read: PartialDate) -> Optional[PartialDate]:
    """The other order of a numeric date such as "02/11/2023" or "3/4/21" at the start of `text`, read as
    `read`: None for an unambiguous date ("25/11/2023", "05.11.2021": dotted dates are day first
    everywhere), a date that was not read from such text, or anything else."""
    m = re.match(r"\s*(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?!\d)", text)
    if not m:
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), _two_digit_year(m.group("y"))
    if a == b or a > 12 or b > 12 or y != read.year or {read.month, read.day} != {a, b}:
        return None
    return PartialDate(y, read.day, read.month)


def split_weekday(text: str) -> tuple[str, Optional[int], Optional[tuple[int, int]]]:
    """Take the first weekday name off `text`; return the rest, the weekday and where it stood."""
    m = _WEEKDAY_RE.search(text)
    if not m:
        return text, None, None
    rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return rest, WEEKDAYS[m.group("w").lower()], (m.start(), m.end())


def parse_claim_value(value: str, day_first: bool = False) -> Optional[tuple[PartialDate, Optional[int], Optional[tuple[int, int]], int]]:
    """Parse a metadata value such as "04:53 AM EDT, Thu, Mar 28, 2024" or "2025-03 Llamada ...".

    Returns the date, the weekday written beside it (and its offsets in `value`), and the offset where
    the date text ends. Time of day and time zones are blanked first, because they stop both our
    patterns and dateparser.
    """
    blanked = _TIME_RE.sub(lambda m: " " * (m.end() - m.start()), value)
    blanked, weekday, wspan = split_weekday(blanked)
    i = 0
    while i < len(blanked) and blanked[i] in " \t,;:-–—.|":
        i += 1
    got = match_date(blanked, i, day_first=day_first)
    if got is None:
        got2 = _dateparser_date(blanked.strip(), "es" if day_first else "en")
        if got2 is None:
            return None
        return got2, weekday, wspan, len(value.rstrip())
    return got[0], weekday, wspan, got[1]


@lru_cache(maxsize=256)
def _parser(lang: str, base: Optional[dt.date] = None):
    """One DateDataParser per language (and per relative base, for relative expressions)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", "PARSERS": ["absolute-time", "relative-time"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    return DateDataParser(languages=[lang], settings=settings)


@lru_cache(maxsize=65536)
def _dateparser_date(text: str, lang: str, base: Optional[dt.date] = None) -> Optional[PartialDate]:
    """dateparser for what our patterns do not cover, cached per (text, language, base)."""
    if not text or len(text) > 80:
        return None
    try:
        data = _parser(lang, base).get_date_data(text)
    except Exception:  # dateparser raises on some odd inputs; an unparsable date is simply no date
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return PartialDate(d.year)
    if period == "month":
        return PartialDate(d.year, d.month)
    return PartialDate(d.year, d.month, d.day)


NUMBER_WORDS: dict[str, int] = {}
_UNIT: dict[str, str] = {}
_SHIFT: dict[str, int] = {}
_NOT_SIMPLE = object()


def _shift(base: dt.date, unit: str, n: int) -> PartialDate:
    """`base` moved by n units, at the precision dateparser gives such an expression (weeks: the day)."""
    if unit in ("day", "week"):
        return PartialDate.of(base + dt.timedelta(days=n * (7 if unit == "week" else 1)))
    if unit == "month":
        months = base.year * 12 + base.month - 1 + n
        return PartialDate(months // 12, months % 12 + 1)
    return PartialDate(base.year + n)


def _simple_relative(text: str, base: dt.date):
    """The closed grammar of relative expressions the time matcher finds ("two weeks ago", "hace 3
    meses", "last month", "la semana pasada", "yesterday"), read without dateparser: its first call
    builds every time zone's regular expression, which a pre-commit run of one post should not pay. Gives what dateparser gives (tests/test_dates.py compares them), and also reads number words
    dateparser misses ("hace tres meses"). `_NOT_SIMPLE` for anything else."""
    words = text.lower().replace(",", " ").split()
    if words in (["yesterday"], ["ayer"]):
        return _shift(base, "day", -1)
    if words == ["tomorrow"]:
        return _shift(base, "day", 1)
    n = None
    if len(words) == 3 and words[2] == "ago":
        count, unit = words[0], words[1]
    elif len(words) == 3 and words[0] == "hace":
        count, unit = words[1], words[2]
    else:
        count = unit = None
    if unit is not None:
        n = NUMBER_WORDS.get(count) or (int(count) if count.isdigit() and len(count) < 5 else None)
        if n is None or unit not in _UNIT:
            return _NOT_SIMPLE
        if _UNIT[unit] == "year" and base.year - n < 1:
            return None
        return _shift(base, _UNIT[unit], -n)
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in ("week", "month"):
        return _shift(base, words[1], _SHIFT[words[0]])
    if len(words) == 3 and words[0] in ("el", "la") and words[1] in ("semana", "mes") and words[2] in _SHIFT:
        return _shift(base, _UNIT[words[1]], _SHIFT[words[2]])
    return _NOT_SIMPLE


def warm(languages: Iterable[str]) -> None:
    """Build each language's dateparser now (its first parse compiles the time-zone and locale regular
    expressions), for a process about to fork workers: they share the compiled ones."""
    for lang in languages:
        _dateparser_date("12 Jan 2020 10:00", lang)


def relative_date(text: str, lang: str, base: dt.date) -> Optional[PartialDate]:
    """Normalise a relative expression ("two weeks ago", "hace tres meses") against `base`: the
    matcher's closed grammar directly, anything else with dateparser."""
    got = _simple_relative(text, base)
    return _dateparser_date(text, lang, base) if got is _NOT_SIMPLE else got


def weekday_name(n: int) -> str:
    """The weekday's English name: messages are written in English."""
    return lang.get("en").weekday_names[n]


def nearest_year_for(month: int, day: int, around: dt.date) -> Optional[dt.date]:
    """The date with this month and day closest to `around` (for "July 13th" in a dated document)."""
    best = None
    for y in (around.year - 1, around.year, around.year + 1):
        d = safe_date(y, month, day)
        if d and (best is None or abs((d - around).days) < abs((best - around).days)):
            best = d
    return best


def _rebuild() -> None:
    """The word tables and patterns of every registered language; a language's dateparser goes with it."""
    global _PATTERNS, _WEEKDAY_RE
    for table, attr in ((MONTHS, "months"), (WEEKDAYS, "weekdays"), (NUMBER_WORDS, "number_words"),
                        (_UNIT, "unit_words"), (_SHIFT, "shift_words")):
        table.clear()
        table.update(lang.merged(attr))
    month_alt = "|".join(sorted(MONTHS, key=len, reverse=True))
    weekday_alt = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    _PATTERNS = [
        ("iso", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?![\d/])(?:[T ][0-9:.]{0,15}(?:Z|[+-]\d{2}:?\d{2})?)?")),
        ("ymd_slash", re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)")),
        ("num", re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?!\d)")),
        ("mdy", re.compile(rf"(?P<mon>{month_alt})\.?\s{{1,3}}(?P<d>\d{{1,2}}){_ORD}(?:,\s{{0,3}}|\s{{1,3}}|,?\s{{0,3}}de\s{{1,3}})(?P<y>\d{{4}})(?!\d)", re.I)),
        ("dmy_es", re.compile(rf"(?P<d>\d{{1,2}}){_ORD}\s{{1,3}}de\s{{1,3}}(?P<mon>{month_alt})\.?(?:,?\s{{1,3}}(?:de(?:l)?\s{{1,3}})?(?P<y>\d{{4}})(?!\d))?", re.I)),
        ("dmy", re.compile(rf"(?P<d>\d{{1,2}}){_ORD}\s{{1,3}}(?P<mon>{month_alt})\.?,?\s{{1,3}}(?P<y>\d{{4}})(?!\d)", re.I)),
        ("md", re.compile(rf"(?P<mon>{month_alt})\.?\s{{1,3}}(?P<d>\d{{1,2}}){_ORD}(?![\d:])", re.I)),
        ("my", re.compile(rf"(?P<mon>{month_alt})\.?,?\s{{1,3}}(?:de(?:l)?\s{{1,3}})?(?P<y>\d{{4}})(?!\d)", re.I)),
        ("year", re.compile(r"(?P<y>(?:1[7-9]|20)\d{2})(?!\d)")),
    ]
    _WEEKDAY_RE = re.compile(rf"\b(?P<w>{weekday_alt})\b\.?,?", re.I)
    _parser.cache_clear()
    _dateparser_date.cache_clear()


lang.on_change(_rebuild)
