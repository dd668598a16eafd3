"""Reports: the validated tables -> files and terminal output, one module per format.

Every file is written atomically (a temporary file in the same folder, then a rename), so an interrupted
run leaves no half-written report.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from checker.report import concise, csvfmt, github, html, jsonfmt, junit, markdown, rdjson, sarif, text

FORMATS = {"text": ("report.txt", text.render), "json": ("audit.json", jsonfmt.render),
           "jsonl": ("findings.jsonl", jsonfmt.render_jsonl), "html": ("report.html", html.render)}
# the CI gate's formats (checker audit --format, or --output FILE by its extension: EXTENSIONS)
FORMATS.update({"markdown": ("report.md", markdown.render), "csv": ("findings.csv", csvfmt.render),
                "sarif": ("checker.sarif", sarif.render), "junit": ("junit.xml", junit.render),
                "github": ("github-annotations.txt", github.render), "rdjson": ("reviewdog.rdjson", rdjson.render),
                "concise": ("findings.txt", concise.render)})
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".json": "json",
              ".jsonl": "jsonl", ".ndjson": "jsonl", ".sarif": "sarif", ".xml": "junit", ".rdjson": "rdjson",
              ".html": "html", ".htm": "html"}
# formats that draw each document's timeline (checker/timeline.py) besides the tables
NEEDS_TIMELINES = {"html"}
TIMELINES = "timelines.jsonl"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: str) -> None:
    write_atomic_with(path, lambda fh: fh.write(content))


def write_atomic_with(path: Path, write) -> None:
    """`write(fh)` fills a temporary file beside `path`, which then replaces it: readers never see half a
    report, and an interrupted run leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write(fh)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


NULLABLE = {"declared_date", "declared_source", "inferred_start", "inferred_end", "line", "start", "end",
            "expected_start", "expected_end"}


def typed_rows(rows: list[dict], ints: tuple[str, ...], floats: tuple[str, ...] = ()) -> list[dict]:
    """Rows of a table read back as text: empty optional cells as None, numbers as numbers."""
    out = []
    for r in rows:
        r = {k: (None if v == "" and k in NULLABLE else v) for k, v in r.items()}
        for c in ints:
            r[c] = int(r[c]) if r[c] is not None else None
        for c in floats:
            r[c] = float(r[c])
        out.append(r)
    return out


DOCUMENT_INTS = ("errors", "warnings", "infos", "reliability")
FINDING_INTS, FINDING_FLOATS = ("line", "start", "end"), ("confidence",)


def read_tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two tables of a finished audit, read back from `out` and validated again."""
    from checker.tables import documents_frame, findings_frame

    def rows(name):
        return pd.read_csv(Path(out) / name, dtype=str, keep_default_na=False).to_dict("records")

    return (documents_frame(typed_rows(rows("documents.csv"), DOCUMENT_INTS)),
            findings_frame(typed_rows(rows("findings.csv"), FINDING_INTS, FINDING_FLOATS)))


def write_tables(out: Path, documents: pd.DataFrame, findings: pd.DataFrame) -> list[Path]:
    written = []
    for name, df in (("documents.csv", documents), ("findings.csv", findings)):
        write_atomic(out / name, df.to_csv(index=False, lineterminator="\n"))
        written.append(out / name)
    return written


def read_timelines(out: Path) -> dict:
    """The timelines an audit streamed into `out` (`audit_to(..., timelines=True)`), by document id."""
    import json

    path = Path(out) / TIMELINES
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        return {t["doc_id"]: t for t in map(json.loads, fh) if t}


def render(fmt: str, documents: pd.DataFrame, findings: pd.DataFrame, timelines: dict | None = None) -> str:
    fn = FORMATS[fmt][1]
    return fn(documents, findings, timelines=timelines) if fmt in NEEDS_TIMELINES else fn(documents, findings)


def write_format(out: Path, fmt: str, documents: pd.DataFrame, findings: pd.DataFrame, timelines: dict | None = None) -> Path:
    name, _ = FORMATS[fmt]
    if fmt in NEEDS_TIMELINES and timelines is None:
        timelines = read_timelines(out)
    write_atomic(out / name, render(fmt, documents, findings, timelines))
    return out / name
