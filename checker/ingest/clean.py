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


# Hard-wrapped text (html2text's Markdown, mail, plain-text archives) breaks lines at a fixed width, in the
# middle of sentences and names ("la licenciada Olga Sánchez\nCordero"). Such a line break is a space. A text is
# taken as wrapped when, of its lines that run on into another line and fill most of the width (the longest
# but one in twenty of them), nearly all stop only because the next word would not fit; a list, a table, a
# heading, a quotation, an image or a speaker's label on the next line keeps its break.
WRAP_MIN_WIDTH = 30  # narrower "widths" are lists of short lines
WRAP_FILL = 0.6  # a line this share of the width or longer is one the wrapper filled
WRAP_SHARE = 0.8  # of the filled lines, the share that must stop because the next word would not fit
WRAP_MIN_LINES = 3
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#|>|\||!\[|\*\*[^*\n]{1,80}:\*\*|[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ .,'-]{1,80}:)")


def wrap_width(text: str) -> int | None:
    """The width `text` was hard-wrapped at, or None when it was not."""
    runs = [(len(a), b) for a, b in _run_ons(text.split("\n"))]
    if len(runs) < WRAP_MIN_LINES:
        return None
    lengths = sorted(n for n, _ in runs)
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width < WRAP_MIN_WIDTH:
        return None
    filled = [(n, b) for n, b in runs if n >= WRAP_FILL * width]
    full = sum(n + 1 + len(b.split(None, 1)[0]) > width for n, b in filled)
    return width if len(filled) >= WRAP_MIN_LINES and full >= WRAP_SHARE * len(filled) else None


def _run_ons(lines: list[str]) -> Iterator[tuple[str, str]]:
    """Each non-blank line that another non-blank line follows (trailing spaces removed), with that line."""
    for a, b in zip(lines, lines[1:]):
        a = a.rstrip()
        if a and b.strip():
            yield a, b.strip()


def unwrap(text: str) -> str:
    """`text` with the line breaks that hard wrapping made turned into spaces (the same length, so offsets
    stay those of `text`); unchanged when it was not wrapped."""
    width = wrap_width(text)
    if width is None:
        return text
    out = list(text)
    pos = 0
    lines = text.split("\n")
    for a, b in zip(lines, lines[1:]):
        pos += len(a)  # at the line break after a
        stem = a.rstrip()
        if (stem and b.strip() and len(stem) >= WRAP_FILL * width and len(stem) <= width
                and len(stem) + 1 + len(b.split(None, 1)[0]) > width and not _BLOCK_START.match(b)):
            out[pos] = " "
        pos += 1
    return "".join(out)


# The first bytes of the binary documents a newsroom's folders hold, and what to call them
_MAGIC = ((b"%PDF-", "a PDF document", "extract its text (pdftotext, or the viewer's Save as Text) and audit that."),
          (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .xlsx document is one)", "save it as text (.txt) or HTML and audit that."),
          (b"\xd0\xcf\x11\xe0", "an old Word or Excel document", "save it as text (.txt) or HTML and audit that."),
          (b"\x89PNG", "a PNG image", "its text is not read from images."),
          (b"\xff\xd8\xff", "a JPEG image", "its text is not read from images."),
          (b"GIF8", "a GIF image", "its text is not read from images."))


def binary_message(data: bytes) -> str | None:
    """What to tell of a file that is binary, by its first bytes: a known kind of document ("The file is a PDF
    document, not text: extract its text ... and audit that."), or any file with a NUL byte in its first 4 KB
    that is no UTF-16 text; None for text."""
    for magic, kind, advice in _MAGIC:
        if data.startswith(magic):
            return f"The file is {kind}, not text: {advice}"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "The file is binary, not text."
    return None
