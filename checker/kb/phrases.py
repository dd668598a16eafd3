"""Boilerplate phrases the source rules look for (page chrome, archive notices, rights notices, bylines,
attributions, anonymous sourcing, truncation and "originally published" notes), read from
`data/boilerplate.csv` and checked against a small schema when loaded.

`match` says how a phrase meets a line: the whole line (`line`), its start (`prefix`), anywhere in it
(`contains`), or as whole words anywhere in it (`word`), always case-insensitively."""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

DATA = Path(__file__).parent / "data" / "boilerplate.csv"
KINDS = {"chrome", "archived", "rights", "byline", "issuer", "attribution", "anonymous", "truncated", "original"}
MATCHES = {"line", "prefix", "contains", "word"}


@dataclass(frozen=True)
class Phrase:
    kind: str
    match: str
    language: str
    phrase: str

    def hits(self, line: str) -> bool:
        low = " ".join(line.lower().strip(" \t•*·>|-–—").split()) if self.match != "line" else line.lower().strip(" \t•*·>|")
        if self.match == "line":
            return low == self.phrase
        if self.match == "prefix":
            return low.startswith(self.phrase)
        if self.match == "word":
            return self.find(low) >= 0
        return self.phrase in low

    def find(self, low: str) -> int:
        """Where the phrase stands in `low` (lower-cased) as whole words, or -1."""
        i = low.find(self.phrase)
        while i >= 0:
            j = i + len(self.phrase)
            if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                return i
            i = low.find(self.phrase, i + 1)
        return -1


@lru_cache(maxsize=2)
def boilerplate(path: Path = DATA) -> tuple[Phrase, ...]:
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), 2):
            p = Phrase(row["kind"].strip(), row["match"].strip(), row["language"].strip(), row["phrase"].strip().lower())
            if p.kind not in KINDS or p.match not in MATCHES or not p.phrase:
                raise ValueError(f"{path}:{n}: bad boilerplate row {row}")
            out.append(p)
    return tuple(out)


@lru_cache(maxsize=16)
def of_kind(kind: str) -> tuple[Phrase, ...]:
    return tuple(p for p in boilerplate() if p.kind == kind)


def _trie_pattern(phrases: list[str]) -> str:
    """The phrases as one pattern that branches on each character in turn (a trie), not an alternation
    the engine tries phrase by phrase at every position. At a branch a longer phrase is tried before
    the shorter one it extends, so the pattern matches what the alternation of the phrases, longest
    first, matches. A space stands for any run of white space."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        if "" in node:  # a phrase ends here: the longer ones first, then the end
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


# letters an ignore-case pattern takes for "i", "s" or "k" that str.lower() does not turn into them ("İ"
# lowers to "i" and a combining dot)
FOLDS_TO_ASCII = ("ı", "ſ", "\u0307", "\u212a")


class PhraseFinder:
    """A compiled pattern (`pattern`) behind a quick test: a text in which no phrase's longest word stands,
    lower-cased, holds no phrase, and the pattern is not run over it. Scanning a long text with a
    pattern of many phrases costs far more than looking for a few words in it with str.find."""

    def __init__(self, pattern: re.Pattern, key_words: tuple[str, ...]):
        self.pattern = pattern
        self.key_words = key_words

    def could_hold(self, text: str) -> bool:
        low = text.lower()
        return any(w in low for w in self.key_words) or any(c in low for c in FOLDS_TO_ASCII)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Optional[re.Match]:
        return self.pattern.search(text, pos, endpos) if self.could_hold(text[pos:endpos]) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        return self.pattern.finditer(text, pos, endpos) if self.could_hold(text[pos:endpos]) else iter(())


@lru_cache(maxsize=16)
def regex(kind: str) -> PhraseFinder:
    """One case-insensitive pattern for every phrase of a kind, as whole words with any run of spaces
    between them, the longest phrase where several start at one place: for finding phrases (with their
    offsets) in running text."""
    phrases = sorted({" ".join(p.phrase.split()) for p in of_kind(kind)})
    # the lookahead of first characters changes no match: it lets the engine pass over a position where
    # no phrase can start without entering the pattern there
    firsts = "".join(re.escape(c) for c in sorted({a[0] for a in phrases}))
    pattern = re.compile(rf"(?=[{firsts}])(?<![\w]){_trie_pattern(phrases)}(?![\w])", re.I)
    return PhraseFinder(pattern, tuple(sorted({max(a.split(), key=len) for a in phrases})))


@lru_cache(maxsize=32)
def matcher(*kinds: str):
    """One test for a line against every phrase of the kinds, equal to `any(p.hits(line) ...)` but
    normalising the line once: rules run it on every line of every document."""
    phrases = [p for k in kinds for p in of_kind(k)]
    whole = {p.phrase for p in phrases if p.match == "line"}
    prefixes = tuple(p.phrase for p in phrases if p.match == "prefix")
    contains = tuple(p.phrase for p in phrases if p.match == "contains")
    words = tuple(p for p in phrases if p.match == "word")

    def hits(line: str) -> bool:
        raw = line.lower()
        if raw.strip(" \t•*·>|") in whole:
            return True
        low = " ".join(raw.strip(" \t•*·>|-–—").split())
        # str.find per phrase: a third faster on these lines than one pattern of all the word phrases
        return low.startswith(prefixes) or any(c in low for c in contains) or any(p.find(low) >= 0 for p in words)

    return hits
