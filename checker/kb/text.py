"""Accent folding shared by the knowledge base's indexes and the analyser's matchers."""
from __future__ import annotations

import unicodedata


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else ch


# ASCII and the Latin ranges (where the accents of English and Spanish live), folded once.
_FOLD = str.maketrans({chr(c): _fold_char(chr(c)) for c in range(0x41, 0x250) if _fold_char(chr(c)) != chr(c)})


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one character per character (offsets survive)."""
    return text.translate(_FOLD)
