"""Streaming tables: rows are validated in chunks and appended to the CSV files as documents finish, so
memory does not grow with the corpus. The files are written under temporary names and renamed into place
at the end: an interrupted run leaves no half-written table.
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from checker.ids import SeenIds
from checker.model import SEVERITY_RANK
from checker.tables import DOCUMENT_COLUMNS, FINDING_COLUMNS, documents_frame, findings_frame

CHUNK = 2000


# A file that marks a folder of reports, so that a later `checker audit .` does not read them as documents
# (the idea of CACHEDIR.TAG)
OUTPUT_MARK = ".checker-output"


def mark_output(folder: Path) -> None:
    mark = Path(folder) / OUTPUT_MARK
    if not mark.exists():
        try:
            mark.write_text("This folder holds checker's tables and reports; `checker audit` does not read it.\n",
                            encoding="utf-8")
        except OSError:
            pass


class TableSink:
    def __init__(self, out: Path, chunk: int = CHUNK, timelines: bool = False):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        mark_output(self.out)
        self.chunk = chunk
        self._docs: list[dict] = []
        self._finds: list[dict] = []
        self._tmp = {name: self.out / f".{name}.{os.getpid()}.tmp" for name in ("documents.csv", "findings.csv")}
        # each document's timeline (checker/timeline.py), one JSON line each, for the HTML report
        self._timelines = open(self.out / f".timelines.jsonl.{os.getpid()}.tmp", "w", encoding="utf-8") if timelines else None
        self._started = {name: False for name in self._tmp}
        self._seen = SeenIds()
        self.documents = 0
        self.findings = 0
        self.verdicts: dict[str, int] = {}
        self.severities: dict[str, int] = {}

    def add(self, doc_row: dict, finding_rows: list[dict]) -> None:
        if not self._seen.add(doc_row["doc_id"], self._written):
            raise ValueError(f"document id {doc_row['doc_id']!r} twice in one audit")
        picture = doc_row.pop("timeline", None)
        if self._timelines is not None and picture is not None:
            self._timelines.write(json.dumps(picture, ensure_ascii=False) + "\n")
        self._docs.append(doc_row)
        self._finds.extend(finding_rows)
        self.documents += 1
        self.findings += len(finding_rows)
        self.verdicts[doc_row["verdict"]] = self.verdicts.get(doc_row["verdict"], 0) + 1
        for f in finding_rows:
            self.severities[f["severity"]] = self.severities.get(f["severity"], 0) + 1
        if len(self._docs) >= self.chunk or len(self._finds) >= self.chunk * 4:
            self.flush()

    def _written(self, doc_id: str) -> bool:
        """Whether a row for `doc_id` is already in the table (held or written)."""
        if any(r["doc_id"] == doc_id for r in self._docs):
            return True
        tmp = self._tmp["documents.csv"]
        if not self._started["documents.csv"] or not tmp.exists():
            return False
        with open(tmp, encoding="utf-8", newline="") as fh:
            return any(row.get("doc_id") == doc_id for row in csv.DictReader(fh))

    def worst(self) -> int:
        return max((SEVERITY_RANK[s] for s in self.severities), default=0)

    def flush(self) -> None:
        self._append("documents.csv", documents_frame(self._docs))
        self._append("findings.csv", findings_frame(self._finds))
        self._docs, self._finds = [], []

    def _append(self, name: str, frame) -> None:
        header = not self._started[name]
        if frame.empty and not header:
            return
        with open(self._tmp[name], "a", encoding="utf-8", newline="") as fh:
            frame.to_csv(fh, index=False, header=header, lineterminator="\n")
        self._started[name] = True

    def close(self) -> list[Path]:
        self.flush()
        done = []
        for name, tmp in self._tmp.items():
            if not self._started[name]:
                cols = DOCUMENT_COLUMNS if name == "documents.csv" else FINDING_COLUMNS
                tmp.write_text(",".join(cols) + "\n", encoding="utf-8")
            os.replace(tmp, self.out / name)
            done.append(self.out / name)
        if self._timelines is not None:
            self._timelines.close()
            os.replace(self._timelines.name, self.out / "timelines.jsonl")
            done.append(self.out / "timelines.jsonl")
        return done

    def abort(self) -> None:
        for tmp in self._tmp.values():
            if tmp.exists():
                tmp.unlink()
        if self._timelines is not None:
            self._timelines.close()
            Path(self._timelines.name).unlink(missing_ok=True)
