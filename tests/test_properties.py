"""Property tests: ingestion, date normalisation and window inference never fail on arbitrary input, keep
their spans inside the text, and never give an empty window when the evidence agrees."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REFERENCE_DATE

from checker.analyse.times import normalise
from checker.dates import match_date, parse_claim_value
from checker.ingest import read_one

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
@given(common=DAYS, spans=st.lists(st.tuples(st.integers(0, 20000), st.integers(1, 20000), st.booleans()),
                                   min_size=1, max_size=8))
def test_window_is_never_empty_and_holds_a_day_every_tenure_shares(common, spans):
    from checker import evidence
    from checker.model import Evidence

    items = []
    for before, after, open_end in spans:
        hi = None if open_end else common + dt.timedelta(days=after)
        items.append(Evidence("title", "acting", "head", "one", ((common - dt.timedelta(days=before), hi),), "x", (), "k", "en"))
    lo, hi = evidence.window(evidence.model(), tuple(items), dt.date(1776, 1, 1), REFERENCE_DATE)
    assert lo <= hi and lo <= common <= hi


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
    odd = {"i": "İ", "s": "ſ", "k": "\u212a"}  # letters an ignore-case pattern takes for i, s and k
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from(phrases).map(str.upper),
                       st.sampled_from(phrases).map(lambda p: p[: len(p) // 2]),
                       st.sampled_from(phrases).map(lambda p: "".join(odd.get(c, c) for c in p)),
                       st.sampled_from(phrases).map(lambda p: p.replace("i", "ı")),
                       st.sampled_from([" ", "  ", "\n", "\t", "x", "s", ".", ",", "“", "”", "é"]))
    return st.one_of(st.text(max_size=200), st.lists(pieces, max_size=30).map("".join))


@settings(max_examples=400, deadline=None)
@given(text=_phrase_texts(), kind=st.sampled_from(["anonymous", "attribution", "rights", "truncated", "original"]))
def test_phrase_trie_matches_the_longest_first_alternation(text, kind):
    from checker.kb.phrases import regex

    finder = regex(kind)  # the quick test before the pattern changes nothing it finds
    assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder.pattern.finditer(text)]
    assert [m.span() for m in finder.finditer(text, 3, 40)] == [m.span() for m in finder.pattern.finditer(text, 3, 40)]
    quick, plain = finder.search(text, 2), finder.pattern.search(text, 2)
    assert (quick and quick.span()) == (plain and plain.span())
    assert [m.span() for m in regex(kind).pattern.finditer(text)] == [m.span() for m in _alternation(kind).finditer(text)]


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


@settings(max_examples=400, deadline=None)
@given(text=_phrase_texts(), kinds=st.sampled_from([("chrome",), ("issuer",), ("archived",), ("chrome", "issuer"),
                                                    ("chrome", "archived"), ("byline", "attribution")]))
def test_phrase_matcher_agrees_with_each_phrase(text, kinds):
    """`phrases.matcher` (the line normalised once for all phrases) says of every line what the phrases say
    one by one."""
    from checker.kb.phrases import matcher, of_kind

    hits = matcher(*kinds)
    for line in text.split("\n") + [text]:
        assert hits(line) == any(p.hits(line) for k in kinds for p in of_kind(k))


def test_phrase_finder_sees_letters_lower_does_not_make():
    """"ſaid", "İn a statement": an ignore-case pattern reads them as phrases, str.lower() does not; the
    finder's quick test must not pass over them."""
    from checker.kb.phrases import of_kind, regex

    odd = [{"s": "ſ"}, {"i": "İ"}, {"i": "ı"}, {"k": "\u212a"}]
    for kind in ("anonymous", "attribution", "rights", "truncated", "original"):
        finder = regex(kind)
        for phrase in sorted({p.phrase for p in of_kind(kind)}):
            for swap in odd:
                text = "x " + "".join(swap.get(c, c) for c in phrase) + " y"
                if text == "x " + phrase + " y":
                    continue
                assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder.pattern.finditer(text)], text


@settings(max_examples=500, deadline=None)
@given(words=st.lists(st.sampled_from(["the", "The", "council", "Budget", "said", "...", "…", ".", " ", "  ", "\t",
                                       "\u2003", "a", "x_", "42", "”", "!", ":", "—", "é"]), max_size=30))
def test_cut_line_read_from_its_end_as_the_whole_line_patterns(words):
    """SR110 reads only the end of a last line; the decision is the one of the patterns over the whole line."""
    import re

    from checker.rules.sr110_garbled_or_truncated import MIN_CUT_WORDS, _looks_cut

    ends_sentence = re.compile(r"[.!?:;…\"”’»)\]*_]\s*$|^\W*$")
    ellipsis = re.compile(r"\w\s*(?:\.\.\.|…)\s*$")
    for joiner in (" ", ""):
        ending = joiner.join(words).rstrip()
        w = ending.split()
        prose = sum(1 for x in w if x[:1].islower()) >= len(w) / 2
        whole = bool(ellipsis.search(ending) or (len(w) >= MIN_CUT_WORDS and prose and not ends_sentence.search(ending)
                                                 and w[-1].isalpha() and w[-1].islower()))
        assert _looks_cut(ending) == whole, ending


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(max_size=300), TEXTS, st.text(alphabet="aÁéÑñüÜİıΣσßẞ“”—Ab1 \n", max_size=80)))
def test_fold_is_the_table_applied_to_every_character(text):
    """fold() lowers the ASCII between non-ASCII runs with lower(): the same as the table on every character."""
    from checker.kb.text import _FOLD, fold

    assert fold(text) == text.translate(_FOLD)
    assert len(fold(text)) == len(text)


# chunks that are, or hold, spaCy's special cases, among plain words and punctuation
CHUNKS = st.sampled_from(["don't", "mr.", "u.s.", "(don't", "it's,", "dr.", "a.m.", ":)", "i'm", "obama", "obama's",
                          "the", "said", "said.", "(the", "2024,", "28/03/2025", "e.g.", "ee.uu.", "sr.", "del", "al",
                          "—", "“former", "president”", "\n", "  ", "\t", "no.", "vs.", "'s", "x"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.lists(CHUNKS, max_size=40).map(" ".join), min_size=1, max_size=6), lang=st.sampled_from(["en", "es"]))
def test_chunk_cache_keeps_spacy_tokens(checker, texts, lang):
    """The analyser fills spaCy's tokenizer cache chunk by chunk (checker/analyse/__init__.py _ChunkCache):
    text after text, the tokens are those of spaCy's tokenizer left to itself."""
    analyser = checker.analyser
    for text in texts:
        got = analyser.tokens(lang, text)
        plain = _plain_tokenizer(lang)(text)
        assert [(t.text, t.whitespace_) for t in got] == [(t.text, t.whitespace_) for t in plain]


@lru_cache(maxsize=2)
def _plain_tokenizer(lang: str):
    import spacy

    return spacy.blank(lang).tokenizer
