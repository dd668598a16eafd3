"""Misspelled and doubled words.

Careless copy (misspellings, "know know") marks text that was not edited before publication, or was
retyped or machine-translated on the way. Words in English paragraphs are checked against pyspellchecker's
English frequency dictionary (a maintained library, not a hand-made list); capitalised words, and the
names in the knowledge base, are not checked, so proper names do not count as typos. Spanish paragraphs
are only checked for doubled words: pyspellchecker's Spanish dictionary lacks common inflected forms
("están", "fronteras") and would flag correct text. Signal: Credible Web
Community Group, "Credibility Signals": spelling and grammar errors.

Fails:
    Date: May 2, 2019

    The goverment recieved the the report on Tuesday.

Passes:
    Date: May 2, 2019

    The government received the report on Tuesday.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.kb import fold
from checker.model import Category, Severity, Span
from rules.base import Rule

_WORD = re.compile(r"(?<![\w@/.#-])([a-záéíóúñü]{4,})(?![\w@/-]|\.\w)")
_DOUBLED = re.compile(r"\b(\w{2,})\s+(\1)\b", re.I)
# "that that" and "had had" are grammatical; a doubled number is a list
_DOUBLE_OK = {"that", "had", "is", "que", "como"}
MAX_SHOWN = 8


@lru_cache(maxsize=2)
def _dictionary(lang: str):
    from spellchecker import SpellChecker

    return SpellChecker(language=lang, distance=1)


class Spelling(Rule):
    code = "SR103"
    name = "spelling-errors"
    category = Category.SOURCE
    severity = Severity.INFO

    def check(self, doc, kb):
        text = doc.document.text
        words: dict[str, Span] = {}
        doubled: list[Span] = []
        for start, end, lang in doc.paragraphs:
            if lang == "en":
                for m in _WORD.finditer(text, start, end):
                    words.setdefault(m.group(1), Span(m.start(1), m.end(1), m.group(1)))
            doubled += [Span(m.start(), m.end(), m.group(0)) for m in _DOUBLED.finditer(text, start, end)
                        if m.group(1).lower() not in _DOUBLE_OK and not m.group(1).isdigit()]
        unknown = _dictionary("en").unknown(words) if words else set()
        unknown = {w for w in unknown if fold(w) not in kb.alias_index and fold(w) not in kb.surname_index}
        if not unknown and not doubled:
            return
        miss = sorted(unknown, key=lambda w: words[w].start)
        parts = []
        if miss:
            parts.append(f"{len(miss)} word(s) not in the English dictionary: {', '.join(miss[:MAX_SHOWN])}")
        if doubled:
            parts.append(f"doubled word(s): {', '.join(d.text for d in doubled[:3])}")
        yield self.finding(doc, "; ".join(parts) + ".", [words[w] for w in miss[:MAX_SHOWN]] + doubled[:3],
                           confidence=0.6)
