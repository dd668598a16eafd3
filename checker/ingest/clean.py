"""Characters a reader cannot see but a matcher trips on: zero-width spaces and joiners, soft hyphens, byte
order marks inside the text, and bidirectional controls (which can also make text display in an order
other than the one it is stored in). They are removed from the document text before anything reads it,
and the document says so; no line break is touched, so line numbers stay those of the file.

Also the text's lines and paragraph breaks, as everything downstream reads them.
"""
from __future__ import annotations

import re
from typing import Iterator

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_invisible(text: str) -> tuple[str, int]:
    cleaned, n = INVISIBLE.subn("", text)
    return cleaned, n


# A blank line (spaces allowed): where one paragraph ends and the next begins.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Each line of `text` from `start`, with the offset it begins at, without its line break."""
    pos = start
    for line in text[start:].splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)
