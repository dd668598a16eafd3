"""Property tests: ingestion, date normalisation and window inference never fail on arbitrary input, keep
their spans inside the text, and never give an empty window when the evidence agrees."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REFERENCE_DATE

from checker.analyse.times import normalise
from checker.dates import match_date, parse_claim_value
from checker.infer import best_window
from checker.ingest import read_one
from checker.model import Constraint, Strength

FORMATS = ["txt", "md", "json", "jsonl", "html"]
# text that looks like the documents we read: headers, dates, titles, names, accents, odd characters
PIECES = st.sampled_from(["Date: ", "Release Date: ", "Updated ", "---\n", "date: ", "\n", "\n\n", "President ",
                          "former ", "Secretary ", "Obama", "Trump ", "López Obrador", "presidente ", "March 28, 2025",
                          "28 de marzo de 2025", "Thu, ", "13th", "2019", "{", "}", '"text": ', "\u200b", "\u202e",
                          "©", " ", ",", ".", "-elect", "then-", "02/30/2024", "<p>", "</p>", "#"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=600), TEXTS.map(lambda t: t.encode("utf-8"))), fmt=st.sampled_from(FORMATS))
def test_ingest_never_fails_and_spans_stay_inside(data, fmt):
    docs = list(read_one(f"x.{fmt}", data))
    assert docs
    for d in docs:
        assert 0 <= d.body_start <= len(d.text)
        for c in d.claims:
            assert 0 <= c.span.start <= c.span.end <= len(d.text) or c.span.end == 0
        assert d.readable or d.problems


@settings(max_examples=500, deadline=None)
@given(text=TEXTS, day_first=st.booleans(), pos=st.integers(min_value=0, max_value=50))
def test_date_parsing_never_fails(text, day_first, pos):
    got = match_date(text, min(pos, len(text)), day_first=day_first)
    if got:
        date, end = got
        assert date.first_day <= date.last_day and end <= len(text)
    parse_claim_value(text, day_first=day_first)
    for label in ("absolute", "partial", "month_year", "month", "year", "relative"):
        for lang in ("en", "es"):
            value, weekday, _ = normalise(label, text, lang, dt.date(2020, 1, 1))
            assert weekday is None or 0 <= weekday <= 6


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_analysis_spans_quote_the_text(checker, text):
    docs = list(read_one("x.txt", text.encode("utf-8")))
    for d in docs:
        if not d.readable:
            continue
        a = checker.analyse(d)
        for m in a.mentions:
            assert d.text[m.span.start:m.span.end] == m.span.text
        for t in a.times:
            assert d.text[t.span.start:t.span.end] == t.span.text
        if a.window:
            assert a.window.start <= a.window.end


DAYS = st.dates(min_value=dt.date(1800, 1, 1), max_value=REFERENCE_DATE)


@settings(max_examples=300, deadline=None)
@given(common=DAYS, spans=st.lists(st.tuples(st.integers(0, 20000), st.integers(0, 20000),
                                              st.floats(0.5, 3), st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_window_never_empty_when_constraints_agree(common, spans):
    constraints = []
    for before, after, w, open_lo, open_hi in spans:
        lo = None if open_lo else common - dt.timedelta(days=before)
        hi = None if open_hi else common + dt.timedelta(days=after)
        constraints.append(Constraint(((lo, hi),), w, Strength.STRONG, "", ()))
    window = best_window(constraints, dt.date(1776, 1, 1), REFERENCE_DATE)
    assert window is not None and window.start <= window.end
    assert all(c.allows(window.start) and c.allows(window.end) for c in constraints)


def _alternation(kind: str):
    """The plain form of `phrases.regex`: every phrase of the kind, longest first, tried one by one."""
    import re

    from checker.kb.phrases import of_kind

    alts = sorted({p.phrase for p in of_kind(kind)}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


def _phrase_texts():
    from checker.kb.phrases import boilerplate

    phrases = sorted({p.phrase for p in boilerplate()})
    # phrases and their pieces, cased and spaced every which way, glued to letters or not
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from(phrases).map(str.upper),
                       st.sampled_from(phrases).map(lambda p: p[: len(p) // 2]),
                       st.sampled_from([" ", "  ", "\n", "\t", "x", "s", ".", ",", "“", "”", "é"]))
    return st.one_of(st.text(max_size=200), st.lists(pieces, max_size=30).map("".join))


@settings(max_examples=400, deadline=None)
@given(text=_phrase_texts(), kind=st.sampled_from(["anonymous", "attribution", "rights", "truncated", "original"]))
def test_phrase_trie_matches_the_longest_first_alternation(text, kind):
    from checker.kb.phrases import regex

    assert [m.span() for m in regex(kind).finditer(text)] == [m.span() for m in _alternation(kind).finditer(text)]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(["share", "this", "article", "on", "print", "page", "  ", "\n"]), max_size=12))
def test_phrase_trie_takes_the_longest_phrase(words):
    """Phrases that extend one another (the chrome kind has "share", "share this", "share this article"):
    the trie takes the longest that ends on a word boundary, as the alternation, longest first, does."""
    import re

    from checker.kb.phrases import _trie_pattern

    phrases = ["share", "share this", "share this article", "share on", "print", "print this page", "page"]
    trie = re.compile(rf"(?<![\w]){_trie_pattern(sorted(phrases))}(?![\w])", re.I)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)
    text = " ".join(words)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group(0) for m in trie.finditer("Share this article, share on X")] == ["Share this article", "share on"]
