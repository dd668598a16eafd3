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
from typing import Optional

from checker.model import PartialDate

MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # Spanish
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
}
FULL_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december"]
FULL_MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"]

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}
WEEKDAY_NAMES_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Validity bounds for any date the checker believes (htmldate's idea, widened for historical speeches).
EARLIEST = dt.date(1776, 1, 1)

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|º|°|o)?"

# Each pattern is anchored at the start of the string it is given (re.match); none can backtrack
# catastrophically: every repetition is bounded or over a disjoint character class.
_PATTERNS = [
    ("iso", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?![\d/])(?:[T ][0-9:.]{0,15}(?:Z|[+-]\d{2}:?\d{2})?)?")),
    ("ymd_slash", re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)")),
    ("num", re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?!\d)")),
    ("mdy", re.compile(rf"(?P<mon>{_MONTH_ALT})\.?\s{{1,3}}(?P<d>\d{{1,2}}){_ORD}(?:,\s{{0,3}}|\s{{1,3}}|,?\s{{0,3}}de\s{{1,3}})(?P<y>\d{{4}})(?!\d)", re.I)),
    ("dmy_es", re.compile(rf"(?P<d>\d{{1,2}}){_ORD}\s{{1,3}}de\s{{1,3}}(?P<mon>{_MONTH_ALT})\.?(?:,?\s{{1,3}}(?:de(?:l)?\s{{1,3}})?(?P<y>\d{{4}})(?!\d))?", re.I)),
    ("dmy", re.compile(rf"(?P<d>\d{{1,2}}){_ORD}\s{{1,3}}(?P<mon>{_MONTH_ALT})\.?,?\s{{1,3}}(?P<y>\d{{4}})(?!\d)", re.I)),
    ("md", re.compile(rf"(?P<mon>{_MONTH_ALT})\.?\s{{1,3}}(?P<d>\d{{1,2}}){_ORD}(?![\d:])", re.I)),
    ("my", re.compile(rf"(?P<mon>{_MONTH_ALT})\.?,?\s{{1,3}}(?:de(?:l)?\s{{1,3}})?(?P<y>\d{{4}})(?!\d)", re.I)),
    ("year", re.compile(r"(?P<y>(?:1[7-9]|20)\d{2})(?!\d)")),
]

_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s{0,2}(?:[ap]\.?\s?m\.?)?(?:\s{0,2}\b(?:[ECMP][SD]T|UTC|GMT|ET)\b)?", re.I)
_WEEKDAY_RE = re.compile(rf"\b(?P<w>{_WEEKDAY_ALT})\b\.?,?", re.I)


def safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
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
            mo, d = (b, a) if (day_first and b <= 12) or a > 12 else (a, b)
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


def relative_date(text: str, lang: str, base: dt.date) -> Optional[PartialDate]:
    """Normalise a relative expression ("two weeks ago", "hace tres meses") against `base`."""
    return _dateparser_date(text, lang, base)


def weekday_name(n: int) -> str:
    return WEEKDAY_NAMES_EN[n]


def nearest_year_for(month: int, day: int, around: dt.date) -> Optional[dt.date]:
    """The date with this month and day closest to `around` (for "July 13th" in a dated document)."""
    best = None
    for y in (around.year - 1, around.year, around.year + 1):
        d = safe_date(y, month, day)
        if d and (best is None or abs((d - around).days) < abs((best - around).days)):
            best = d
    return best
