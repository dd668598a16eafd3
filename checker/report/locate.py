"""Where a finding is in its file, for the formats that point into files (SARIF, JUnit, GitHub, rdjson).

The findings table's `line` counts lines of the document's text. For text and Markdown that text is the
file, so it is the file's line. For a JSON object, a record of a JSON Lines file or an HTML page it is the
text the reader extracted, so those findings point at the record's line when the doc id gives it
(`data.jsonl#line7`) and otherwise at the file as a whole.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import quote

import pandas as pd

from checker.report.jsonfmt import records

SAME_TEXT = {"txt", "md"}
_RECORD_LINE = re.compile(r"#line(\d+)$")


def file_line(doc_format: str, doc_id: str, line: Optional[int]) -> Optional[int]:
    if doc_format in SAME_TEXT:
        return line
    m = _RECORD_LINE.search(doc_id)
    return int(m.group(1)) if m else None


def located(documents: pd.DataFrame, findings: pd.DataFrame) -> Iterator[dict]:
    """Finding records with `file_line` added (None: the file as a whole)."""
    formats = dict(zip(documents["doc_id"], documents["format"]))
    for f in records(findings):
        f["file_line"] = file_line(formats.get(f["doc_id"], ""), f["doc_id"], f["line"])
        yield f


@lru_cache(maxsize=4096)
def uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (to the checkout), POSIX style."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/-._~")


def one_line(text: Optional[str]) -> str:
    return " ".join(str(text or "").split())


def plural(n: int, noun: str) -> str:
    """"1 document", "3 documents": a count in words, never "document(s)"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
