"""The text, JSON and JSON Lines reports written from the tables on disk a chunk of documents at a time, so
an audit of any size writes them in bounded memory (the tables of a 300 MB archive do not fit in it as
data frames). The output is the same as the in-memory renderers' (`checker.report.text`, `jsonfmt`).

Findings are put in a temporary SQLite file indexed by document (findings of the corpus-wide pass come
after all the others in findings.csv), then each chunk of documents.csv is validated and rendered with its
findings, in the table's order.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from checker.report import (DOCUMENT_INTS, FINDING_FLOATS, FINDING_INTS, jsonfmt, text, typed_rows,
                            write_atomic_with)

STREAMED = {"text": "report.txt", "json": "audit.json", "jsonl": "findings.jsonl"}
CHUNK = 2000


def _chunks(path: Path) -> Iterator[list[dict]]:
    for df in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=CHUNK):
        yield df.to_dict("records")


def _documents(out: Path) -> Iterator[pd.DataFrame]:
    from checker.tables import documents_frame

    for rows in _chunks(out / "documents.csv"):
        yield documents_frame(typed_rows(rows, DOCUMENT_INTS))


def _findings(out: Path) -> Iterator[pd.DataFrame]:
    from checker.tables import findings_frame

    for rows in _chunks(out / "findings.csv"):
        yield findings_frame(typed_rows(rows, FINDING_INTS, FINDING_FLOATS))


class _Findings:
    """findings.csv, validated, in a SQLite file keyed by document; rows come back as they were read."""

    def __init__(self, out: Path, folder: str):
        self.db = sqlite3.connect(os.path.join(folder, "findings.sqlite"))
        self.db.execute("CREATE TABLE f (seq INTEGER PRIMARY KEY, doc_id TEXT, rule_id TEXT, rule TEXT, severity TEXT, row TEXT)")
        seq = 0
        for frame in _findings(out):
            recs = jsonfmt.records(frame)
            self.db.executemany("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?)",
                                [(seq + k, r["doc_id"], r["rule_id"], r["rule"], r["severity"], json.dumps(r))
                                 for k, r in enumerate(recs)])
            seq += len(recs)
        self.db.execute("CREATE INDEX f_doc ON f (doc_id, seq)")

    def of(self, doc_id: str) -> list[dict]:
        return [json.loads(r) for (r,) in self.db.execute("SELECT row FROM f WHERE doc_id = ? ORDER BY seq", (doc_id,))]

    def all(self) -> Iterator[dict]:
        for (r,) in self.db.execute("SELECT row FROM f ORDER BY seq"):
            yield json.loads(r)

    def by_rule(self) -> list[list]:
        return [list(r) for r in self.db.execute(
            "SELECT rule_id, rule, severity, COUNT(*) FROM f GROUP BY rule_id, rule, severity ORDER BY rule_id, rule, severity")]

    def by_severity(self) -> dict:
        return dict(self.db.execute("SELECT severity, COUNT(*) FROM f GROUP BY severity ORDER BY severity"))


def write(out: Path, fmt: str) -> Path:
    """Write report `fmt` (text, json or jsonl) of the audit whose tables are in `out`; atomically."""
    out = Path(out)
    target = out / STREAMED[fmt]
    with tempfile.TemporaryDirectory(dir=out, prefix=".report-") as work:
        findings = _Findings(out, work)
        try:
            write_atomic_with(target, lambda fh: _render(out, fmt, findings, fh))
        finally:
            findings.db.close()
    return target


def _render(out: Path, fmt: str, findings: _Findings, fh) -> None:
    if fmt == "jsonl":
        for f in findings.all():
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")
        return
    if fmt == "text":
        verdicts: dict[str, int] = {}
        for frame in _documents(out):
            for d in jsonfmt.records(frame):
                verdicts[d["verdict"]] = verdicts.get(d["verdict"], 0) + 1
                fh.write(text.document_block(d, findings.of(d["doc_id"])) + "\n")
        fh.write(text.summary(verdicts, findings.by_rule()))
        return
    # json: the summary first, so the verdicts are counted in a first pass over documents.csv
    verdicts, total = {}, 0
    for frame in _documents(out):
        for v in frame["verdict"]:
            verdicts[v] = verdicts.get(v, 0) + 1
            total += 1
    summary = {"documents": total, "verdicts": dict(sorted(verdicts.items())), "findings": findings.by_severity()}
    head = json.dumps({"summary": summary, "documents": []}, ensure_ascii=False, indent=2)
    if total == 0:
        fh.write(head + "\n")
        return
    fh.write(head[:head.rindex("[")] + "[\n")
    first = True
    for frame in _documents(out):
        for d in jsonfmt.records(frame):
            d["findings"] = findings.of(d["doc_id"])
            body = json.dumps(d, ensure_ascii=False, indent=2)
            fh.write(("" if first else ",\n") + "\n".join("    " + line for line in body.split("\n")))
            first = False
    fh.write("\n  ]\n}\n")
