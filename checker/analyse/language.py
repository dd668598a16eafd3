"""Which language a paragraph is in: English or Spanish, by the share of each language's stop words.

The stop-word lists are spaCy's own (`spacy.lang.en.stop_words`, `spacy.lang.es.stop_words`); words
the two lists share ("a", "no", "me") count for neither.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SUPPORTED = ("en", "es")
SAMPLE = 5000  # characters read from the start of a text


@lru_cache(maxsize=1)
def _stop_words() -> tuple[frozenset[str], frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES

    shared = EN & ES
    return frozenset(EN - shared), frozenset(ES - shared)


def detect(text: str, default: Optional[str] = None) -> Optional[str]:
    """'en', 'es', or `default` when the text has too few stop words to tell."""
    en, es = _stop_words()  # disjoint
    words = list(map(str.lower, _WORD.findall(text[:SAMPLE])))
    n_en = sum(map(en.__contains__, words))
    n_es = sum(map(es.__contains__, words))
    if n_en + n_es < 3:
        return default
    return "en" if n_en >= n_es else "es"
