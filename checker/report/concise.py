"""One line per finding, for CI logs and editors: `path:line:col: CODE severity message [evidence]`.

The shape of ruff's `concise` and eslint's `unix` formats, which editors and CI problem matchers already
read. Findings are sorted by file, line and column, and within a place by severity (errors first). The
line and column point into the file where the document's text is the file (text and Markdown); a record
of a JSON Lines file points at its line; otherwise the line is left out and the finding is the file's.
A last line counts the findings by severity (none when there are none).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import pandas as pd

from checker.model import GRAVEST_FIRST, SEVERITY_RANK
from checker.report.locate import SAME_TEXT, located, one_line



@lru_cache(maxsize=256)
def _line_starts(path: str) -> Optional[tuple[int, ...]]:
    """Where each line of a text file starts, as the readers see it (UTF-8, newlines folded)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline=None) as fh:
            text = fh.read()
    except OSError:
        return None
    starts, pos = [0], 0
    for line in text.split("\n")[:-1]:
        pos += len(line) + 1
        starts.append(pos)
    return tuple(starts)


def column(path: str, doc_format: str, line: Optional[int], start: Optional[int]) -> Optional[int]:
    if doc_format not in SAME_TEXT or line is None or start is None or path == "-":
        return None
    starts = _line_starts(path)
    if not starts or not 1 <= line <= len(starts):
        return None
    col = start - starts[line - 1] + 1
    return col if col >= 1 else None


def render(documents: pd.DataFrame, findings: pd.DataFrame, quiet: bool = False) -> str:
    formats = dict(zip(documents["doc_id"], documents["format"]))
    rows = []
    for f in located(documents, findings):
        if quiet and f["severity"] == "info":
            continue
        line = f["file_line"]
        col = column(f["path"], formats.get(f["doc_id"], ""), line, f.get("start")) if line else None
        where = f["path"] + (f":{line}" if line else "") + (f":{col}" if line and col else "")
        evidence = one_line(f["evidence"])
        text = f"{where}: {f['rule_id']} {f['severity']} {one_line(f['message'])}" + (f" [{evidence}]" if evidence else "")
        rows.append(((f["path"], line or 0, col or 0, -SEVERITY_RANK.get(f["severity"], 0)), text))
    out = [text for _, text in sorted(rows, key=lambda r: r[0])]
    if out:
        counts = {s: sum(1 for f in findings["severity"] if f == s) for s in GRAVEST_FIRST}
        shown = {s: n for s, n in counts.items() if n and not (quiet and s == "info")}
        out.append(f"Found {sum(shown.values())} finding{'s' if sum(shown.values()) != 1 else ''} in "
                   f"{findings['doc_id'].nunique()} of {len(documents)} documents ("
                   + ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in shown.items()) + ").")
    return "".join(line + "\n" for line in out)
