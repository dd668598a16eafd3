"""The two tables of the contract (../shared/CONTRACT.md), their pandera schemas, and how a document's
analysis becomes rows. Both tables are validated before anything is written: a schema failure is a bug.
"""
from __future__ import annotations

from typing import Iterable, Optional

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checker.model import AnalysedDocument, Category, Finding, Severity
from checker.score import reliability

VERDICTS = ["consistent", "inconsistent", "undated", "unverifiable", "unreadable"]
PARTIAL_ISO = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"

DOCUMENT_COLUMNS = ["doc_id", "path", "format", "language", "declared_date", "declared_source", "inferred_start",
                    "inferred_end", "verdict", "errors", "warnings", "infos", "reliability"]
FINDING_COLUMNS = ["doc_id", "path", "rule_id", "rule", "category", "severity", "message", "evidence", "line", "start",
                   "end", "declared_date", "expected_start", "expected_end", "confidence", "fingerprint"]


class DocumentsTable(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(unique=True)
    path: Series[str]
    format: Series[str]
    language: Series[str] = pa.Field(str_matches=r"^([a-z]{2}(,[a-z]{2})*)?$")
    declared_date: Series[str] = pa.Field(nullable=True, str_matches=PARTIAL_ISO)
    declared_source: Series[str] = pa.Field(nullable=True)
    inferred_start: Series[str] = pa.Field(nullable=True, str_matches=ISO_DAY)
    inferred_end: Series[str] = pa.Field(nullable=True, str_matches=ISO_DAY)
    verdict: Series[str] = pa.Field(isin=VERDICTS)
    errors: Series[int] = pa.Field(ge=0)
    warnings: Series[int] = pa.Field(ge=0)
    infos: Series[int] = pa.Field(ge=0)
    reliability: Series[int] = pa.Field(ge=0, le=100)

    class Config:
        strict = True
        ordered = True

    @pa.dataframe_check
    def window_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:  # noqa: N805
        return df["inferred_start"].isna() | (df["inferred_start"] <= df["inferred_end"])

    @pa.dataframe_check
    def window_given_together(cls, df: pd.DataFrame) -> Series[bool]:  # noqa: N805
        return df["inferred_start"].isna() == df["inferred_end"].isna()


class FindingsTable(pa.DataFrameModel):
    doc_id: Series[str]
    path: Series[str]
    rule_id: Series[str] = pa.Field(str_matches=r"^[A-Z]{2}\d{3}$")
    rule: Series[str]
    category: Series[str] = pa.Field(isin=[c.value for c in Category])
    severity: Series[str] = pa.Field(isin=[s.value for s in Severity])
    message: Series[str] = pa.Field(str_length={"min_value": 1})
    evidence: Series[str]
    line: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    declared_date: Series[str] = pa.Field(nullable=True, str_matches=PARTIAL_ISO)
    expected_start: Series[str] = pa.Field(nullable=True, str_matches=ISO_DAY)
    expected_end: Series[str] = pa.Field(nullable=True, str_matches=ISO_DAY)
    confidence: Series[float] = pa.Field(ge=0, le=1)
    # added column (the contract allows it): what baselines recognise a finding by (checker/baseline.py)
    fingerprint: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{20}$")

    class Config:
        strict = True
        ordered = True

    @pa.dataframe_check
    def span_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:  # noqa: N805
        return df["start"].isna() | df["end"].isna() | (df["start"] <= df["end"])


def verdict(doc: AnalysedDocument, findings: Iterable[Finding]) -> str:
    if not doc.document.readable:
        return "unreadable"
    if doc.declared is None:
        return "undated"
    if any(f.category is Category.DATE and f.severity is Severity.ERROR for f in findings):
        return "inconsistent"
    if doc.window is None:
        return "unverifiable"
    return "consistent"


def _iso(d) -> Optional[str]:
    return d.isoformat() if d is not None else None


def document_row(doc: AnalysedDocument, findings: list[Finding]) -> dict:
    w = doc.window
    count = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return {
        "doc_id": doc.document.doc_id, "path": doc.document.path, "format": doc.document.format,
        "language": ",".join(doc.languages) if doc.document.readable else "",
        "declared_date": doc.declared.value.iso() if doc.declared else None,
        "declared_source": doc.declared.source if doc.declared else None,
        "inferred_start": _iso(w.start) if w else None, "inferred_end": _iso(w.end) if w else None,
        "verdict": verdict(doc, findings),
        "errors": count[Severity.ERROR], "warnings": count[Severity.WARNING], "infos": count[Severity.INFO],
        "reliability": reliability(doc, findings),
    }


def finding_row(doc: AnalysedDocument, f: Finding) -> dict:
    d = doc.document
    return {
        "doc_id": d.doc_id, "path": d.path, "rule_id": f.rule_id, "rule": f.rule, "category": f.category.value,
        "severity": f.severity.value, "message": f.message, "evidence": f.evidence,
        "line": d.line_of(f.start) if f.start is not None else None, "start": f.start, "end": f.end,
        "declared_date": f.declared_date, "expected_start": _iso(f.expected_start), "expected_end": _iso(f.expected_end),
        "confidence": float(f.confidence),
    }


def documents_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    for c in ("errors", "warnings", "infos", "reliability"):
        df[c] = df[c].astype("int64")
    for c in ("doc_id", "path", "format", "language", "verdict", "declared_date", "declared_source",
              "inferred_start", "inferred_end"):
        df[c] = pd.Series(df[c].tolist(), dtype="str", index=df.index)
    return DocumentsTable.validate(df, lazy=True)


def _with_fingerprints(rows: list[dict]) -> list[dict]:
    """Rows made outside the engine's gate get their fingerprints here, numbered in the order given."""
    if all(r.get("fingerprint") for r in rows):
        return rows
    from checker.baseline import doc_key, fingerprints

    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault(r["doc_id"], []).append(i)
    rows = [dict(r) for r in rows]
    for ids in by_doc.values():
        first = rows[ids[0]]
        prints = fingerprints(doc_key(first["doc_id"], first["path"]), ((rows[i]["rule_id"], rows[i]["evidence"]) for i in ids))
        for i, fp in zip(ids, prints):
            rows[i]["fingerprint"] = rows[i].get("fingerprint") or fp
    return rows


def findings_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(_with_fingerprints(rows), columns=FINDING_COLUMNS)
    for c in ("line", "start", "end"):
        df[c] = pd.array(df[c].tolist(), dtype="Int64")
    df["confidence"] = df["confidence"].astype(float)
    for c in ("doc_id", "path", "rule_id", "rule", "category", "severity", "message", "evidence", "declared_date",
              "expected_start", "expected_end", "fingerprint"):
        df[c] = pd.Series(df[c].tolist(), dtype="str", index=df.index)
    return FindingsTable.validate(df, lazy=True)
