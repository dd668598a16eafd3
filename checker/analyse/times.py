"""Time expressions: spaCy Matcher patterns find the spans; `checker.dates` normalises them.

Patterns run on accent-folded, lower-cased text (see `checker.kb.fold`), so "Marzo", "MARZO" and "marzo"
are one token shape. Bare words that only sometimes mean a date ("may", "set", "we") never match on their
own: a month name needs a day, a year or a preposition beside it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.matcher import Matcher

from checker import lang as languages
from checker.dates import MONTHS, NUMBER_WORDS, WEEKDAYS, match_date, nearest_year_for, relative_date, split_weekday
from checker.kb import fold
from checker.model import PartialDate, TimeKind

# Token sets rather than REGEX predicates: the Matcher looks a set up in one hash probe per token.
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
DAY_WORDS = sorted({str(d) for d in range(1, 32)} | {f"{d:02d}" for d in range(1, 10)}
                   | {f"{d}{_ORDINAL.get(d, 'th')}" for d in range(1, 32)} | {f"{d}{o}" for d in range(1, 32) for o in ("º", "°")})
YEAR_WORDS = sorted(str(y) for y in range(1700, 2100))
MONTH_NUMBERS = sorted({str(m) for m in range(1, 13)} | {f"{m:02d}" for m in range(1, 13)})
DAY = {"LOWER": {"IN": DAY_WORDS}}
YEAR = {"ORTH": {"IN": YEAR_WORDS}}
DOT = {"ORTH": ".", "OP": "?"}
COMMA = {"ORTH": ",", "OP": "?"}
DE = {"LOWER": {"IN": ["de", "del"]}}
OPT_DE = {"LOWER": {"IN": ["de", "del"]}, "OP": "?"}
YEAR_PREP = {"LOWER": {"IN": ["in", "since", "during", "by", "until", "before", "after", "en", "desde", "durante",
                              "hasta", "antes", "despues"]}}
MONTH_PREP_WORDS = ("in", "en", "last", "next", "this", "since", "desde", "until", "hasta")
MONTH_PREP = {"LOWER": {"IN": list(MONTH_PREP_WORDS)}}
_COUNT_WORDS = sorted({str(n) for n in range(1, 100)} | {"one", "two", "three", "four", "five", "six", "seven", "eight",
                                                          "nine", "ten", "eleven", "twelve"})
COUNT_OR_WORD = {"LOWER": {"IN": _COUNT_WORDS}}

KIND = {"absolute": TimeKind.ABSOLUTE, "partial": TimeKind.PARTIAL, "month_year": TimeKind.ABSOLUTE,
        "month": TimeKind.MONTH, "year": TimeKind.YEAR, "relative": TimeKind.RELATIVE}

# Month and weekday names, units and number words of every registered language, folded; the patterns and
# the trigger words built from them. Built by `_rebuild`.
MONTH_WORDS: list[str] = []
WEEKDAY_WORDS: list[str] = []
UNITS: list[str] = []
PATTERNS: dict[str, list[list[dict]]] = {}
# Words that every time-expression pattern holds at least one of: the matcher only runs around them.
TRIGGERS: frozenset[str] = frozenset()


def _rebuild() -> None:
    """The word lists, patterns and triggers from the registered languages."""
    global MONTH_WORDS, WEEKDAY_WORDS, UNITS, PATTERNS, TRIGGERS
    MONTH_WORDS = sorted({fold(m) for m in MONTHS})
    WEEKDAY_WORDS = sorted({fold(w) for w in WEEKDAYS})
    UNITS = sorted({fold(u) for u in languages.merged("unit_words")})
    month = {"LOWER": {"IN": MONTH_WORDS}}
    weekday = [{"LOWER": {"IN": WEEKDAY_WORDS}}, {"ORTH": ",", "OP": "?"}]
    dates_with_year = [
        [month, DOT, DAY, COMMA, OPT_DE, YEAR],  # March 28, 2024 / marzo 26, 2025
        [DAY, DE, month, COMMA, OPT_DE, YEAR],  # 26 de marzo de 2025
        [DAY, month, DOT, COMMA, YEAR],  # 28 March 2024
    ]
    dates_without_year = [
        [month, DOT, DAY],  # July 13th
        [DAY, DE, month],  # 13 de julio
    ]
    PATTERNS = {
        # each date shape alone, and after a weekday ("Thursday, March 28, 2024", "viernes 13 de julio")
        "absolute": dates_with_year + [weekday + p for p in dates_with_year] + [
            [YEAR, {"ORTH": "-"}, {"ORTH": {"IN": MONTH_NUMBERS}}, {"ORTH": "-"}, DAY],  # 2025-03-26
            [{"SHAPE": {"IN": ["dd/dd/dddd", "d/dd/dddd", "dd/d/dddd", "d/d/dddd"]}}],  # 02/05/2021
        ],
        "partial": dates_without_year + [weekday + p for p in dates_without_year],
        # March 2025, marzo de 2025; and after a preposition ("in December 2001"), which would otherwise leave
        # the longer-or-first pick between overlapping spans to "in December", without its year
        "month_year": [[month, COMMA, OPT_DE, YEAR], [MONTH_PREP, month, COMMA, OPT_DE, YEAR]],
        "month": [[MONTH_PREP, month]],
        "year": [[YEAR_PREP, YEAR],
                 [{"LOWER": {"IN": ["from", "between", "de", "entre"]}}, YEAR, {"LOWER": {"IN": ["to", "and", "a", "y", "-", "–"]}}, YEAR]],
        "relative": [
            [{"LOWER": {"IN": ["later", "earlier"]}}, {"LOWER": "this"}, {"LOWER": {"IN": ["year", "month", "week"]}}],
            [{"LOWER": {"IN": ["last", "next", "this", "past"]}}, {"LOWER": {"IN": ["year", "month", "week"]}}],
            [{"LOWER": {"IN": ["the"]}, "OP": "?"}, {"LOWER": {"IN": ["last", "past", "next", "coming"]}},
             {"OP": "?", "LOWER": {"IN": ["few"]}}, COUNT_OR_WORD,
             {"LOWER": {"IN": UNITS}}],
            [{"LOWER": {"IN": _COUNT_WORDS + ["a"]}}, {"LOWER": {"IN": UNITS}}, {"LOWER": "ago"}],
            [{"LOWER": "hace"}, {"LOWER": {"IN": [w for w in NUMBER_WORDS if w not in ("a", "an")] + [str(n) for n in range(1, 100)]}},
             {"LOWER": {"IN": UNITS}}],
            [{"LOWER": {"IN": ["el", "la"]}}, {"LOWER": {"IN": ["ano", "semana", "mes"]}}, {"LOWER": {"IN": ["pasado", "pasada", "proximo", "proxima", "entrante"]}}],
            [{"LOWER": {"IN": ["yesterday", "tomorrow", "ayer"]}}],
        ],
    }
    TRIGGERS = frozenset(MONTH_WORDS) | frozenset(WEEKDAY_WORDS) | frozenset(YEAR_WORDS) | frozenset(
        ["later", "earlier", "last", "next", "past", "coming", "ago", "hace", "yesterday", "tomorrow", "ayer", "ano",
         "semana", "mes"])


languages.on_change(_rebuild)
REACH_LEFT, REACH_RIGHT = 3, 8


_SLASH_DATE_SHAPES = ("dd/dd/dddd", "d/dd/dddd", "dd/d/dddd", "d/d/dddd")


def trigger_ids(vocab) -> "np.ndarray":
    import numpy as np

    return np.array(sorted({vocab.strings.add(w) for w in TRIGGERS} | {vocab.strings.add(s) for s in _SLASH_DATE_SHAPES}),
                    dtype="uint64")


def find(matcher: Matcher, doc, triggers) -> list[tuple[int, int, int]]:
    """Run `matcher` only on the stretches of `doc` around trigger words: most tokens of a news text are
    nowhere near a date, and the matcher's cost grows with every token it is given. Triggers are found on
    the token attribute arrays, without making a Python object per token."""
    import numpy as np
    from spacy.attrs import LOWER, SHAPE

    if not len(doc):
        return []
    arr = doc.to_array([LOWER, SHAPE])
    # `triggers` is sorted: a binary search per attribute value is a third of the cost of np.isin
    at = np.searchsorted(triggers, arr)
    np.minimum(at, len(triggers) - 1, out=at)
    hits = np.flatnonzero((triggers[at] == arr).any(axis=1))
    windows: list[list[int]] = []
    for i in hits.tolist():
        a, b = max(0, i - REACH_LEFT), min(len(doc), i + REACH_RIGHT)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    found = set()
    for a, b in windows:
        for m, s, e in matcher(doc[a:b]):
            found.add((m, a + s, a + e))
    return sorted(found, key=lambda x: (x[1], x[2]))


def build_matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


_YEAR_RE = re.compile(r"(?:1[7-9]|20)\d\d")
_LAST_N = re.compile(r"(?:the\s+)?(?:last|past)\s+(?:few\s+)?(\w+)\s+(\w+)", re.I)


def normalise(label: str, text: str, lang: str, base: Optional[dt.date]) -> tuple[Optional[PartialDate], Optional[int], bool]:
    """-> (value, weekday written, year explicit). `base` is the document's date (None: undated)."""
    rest, weekday, _ = split_weekday(text)
    rest = rest.strip(" ,")
    day_first = languages.get(lang).day_first
    if label == "month_year":  # "in December 2001": the month and year after the preposition
        first, _, after = rest.partition(" ")
        rest = after if fold(first) in MONTH_PREP_WORDS else rest
    if label in ("absolute", "month_year"):
        got = match_date(rest, 0, day_first=day_first)
        return (got[0] if got else None), weekday, True
    if label == "partial":
        m = re.match(r"(?P<a>\w+)\.?\s+(?:de\s+)?(?P<b>\w+)", fold(rest))
        if not m:
            return None, weekday, False
        a, b = m.group("a"), m.group("b")
        mon, day = (MONTHS.get(a), b) if a in MONTHS else (MONTHS.get(b), a)
        day = re.match(r"\d+", day)
        if mon is None or day is None:
            return None, weekday, False
        if base is None:
            return None, weekday, False
        d = nearest_year_for(mon, int(day.group(0)), base)
        return (PartialDate.of(d) if d else None), weekday, False
    if label == "year":
        years = _YEAR_RE.findall(rest)
        return (PartialDate(int(years[-1])) if years else None), None, bool(years)
    if label == "month":
        return None, None, False
    if label == "relative" and base is not None:
        low = fold(rest)
        if "this year" in low:
            return PartialDate(base.year), None, False
        if low in ("last year", "el ano pasado"):
            return PartialDate(base.year - 1), None, False
        if low in ("next year", "el ano proximo", "el proximo ano", "el ano entrante"):
            return PartialDate(base.year + 1), None, False
        m = _LAST_N.match(low)
        if m:
            # "the last seven months" is a stretch that ends at the document's date: its start is the value
            n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
            if n:
                return relative_date(f"{n} {m.group(2)} ago", "en", base), None, False
        return relative_date(rest, lang, base), None, False
    return None, weekday, False
