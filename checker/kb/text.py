"""Accent folding shared by the knowledge base's indexes and the analyser's matchers."""
from __future__ import annotations

import re
import unicodedata


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else ch


# ASCII and the Latin ranges (where the accents of English and Spanish live), folded once; and the spaces
# other than the plain one that web pages put between a title and a name ("President&nbsp;Obama", a thin
# space, an ideographic space), which are spaces to the matchers
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_FOLD = str.maketrans({**{chr(c): _fold_char(chr(c)) for c in range(0x41, 0x250) if _fold_char(chr(c)) != chr(c)},
                       **{ch: " " for ch in _SPACES}})


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one character per character (offsets survive).

    The table is applied only to the runs of non-ASCII characters: str.translate leaves its fast path at
    the first of them (a curly quote, an accent) and goes character by character from there, while
    lower() does the ASCII between them, which the table maps the same, in C. News text is mostly ASCII
    with a few such characters, so most of it stays on the fast path."""
    if text.isascii():
        return text.lower()
    out = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        out.append(text[pos:m.start()].lower())
        out.append(m.group().translate(_FOLD))
        pos = m.end()
    out.append(text[pos:].lower())
    return "".join(out)
