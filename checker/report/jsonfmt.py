"""JSON: the whole audit as one object (documents, each with its findings), and JSON Lines of findings."""
from __future__ import annotations

import json

import pandas as pd


def _clean(v):
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    if v is pd.NA:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def records(df: pd.DataFrame) -> list[dict]:
    return [{k: _clean(v) for k, v in rec.items()} for rec in df.to_dict(orient="records")]


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    by_doc: dict[str, list[dict]] = {}
    for f in records(findings):
        by_doc.setdefault(f["doc_id"], []).append(f)
    docs = []
    for d in records(documents):
        d = dict(d)
        d["findings"] = by_doc.get(d["doc_id"], [])
        docs.append(d)
    summary = {"documents": len(documents), "verdicts": documents["verdict"].value_counts().sort_index().to_dict(),
               "findings": findings["severity"].value_counts().sort_index().to_dict() if len(findings) else {}}
    return json.dumps({"summary": summary, "documents": docs}, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    return "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in records(findings))
