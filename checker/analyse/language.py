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


@lru_cache(maxsize=1)
def _stop_words() -> tuple[frozenset[str], frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES

    shared = EN & ES
    return frozenset(EN - shared), frozenset(ES - shared)


def detect(text: str, default: Optional[str] = None) -> Optional[str]:
    """'en', 'es', or `default` when the text has too few stop words to tell."""
    en, es = _stop_words()
    n_en = n_es = 0
    for m in _WORD.finditer(text[:5000]):
        w = m.group(0).lower()
        if w in en:
            n_en += 1
        elif w in es:
            n_es += 1
    if n_en + n_es < 3:
        return default
    return "en" if n_en >= n_es else "es"
