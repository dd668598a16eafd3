"""The terminal report: per document its verdict, declared date, window and findings with their
evidence (tabulate), then a summary of verdicts and findings by rule."""
from __future__ import annotations

import textwrap

import pandas as pd
from tabulate import tabulate

WIDTH = 60


def _wrap(s: str, width: int = WIDTH) -> str:
    return "\n".join(textwrap.wrap(str(s), width)) if s else ""


def _v(x) -> str:
    return "" if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x)


def render(documents: pd.DataFrame, findings: pd.DataFrame, quiet: bool = False) -> str:
    out = []
    by_doc = {k: g for k, g in findings.groupby("doc_id", sort=False)} if len(findings) else {}
    for _, d in documents.iterrows():
        fs = by_doc.get(d["doc_id"])
        if quiet and fs is None and d["verdict"] == "consistent":
            continue
        out.append(document_block(d, [f for _, f in fs.iterrows()] if fs is not None else []))
    by_rule = findings.groupby(["rule_id", "rule", "severity"]).size().reset_index(name="findings").values.tolist() \
        if len(findings) else []
    out.append(summary(documents["verdict"].value_counts().to_dict(), by_rule))
    return "\n".join(out)


def document_block(d, findings) -> str:
    """One document's lines: its verdict, declared date, window and score, then its findings (rows of the
    findings table, in order) as a table; a blank line after."""
    window = f"{_v(d['inferred_start'])}..{_v(d['inferred_end'])}" if _v(d["inferred_start"]) else "none"
    declared = f"{_v(d['declared_date']) or 'none'}" + (f" ({_v(d['declared_source'])})" if _v(d["declared_source"]) else "")
    out = [f"{d['doc_id']}: {d['verdict'].upper()}  declared {declared}  window {window}  reliability {d['reliability']}"]
    if findings:
        rows = [[f["severity"], f["rule_id"], _v(f["line"]), _wrap(f["message"]), _wrap(f["evidence"], 40)]
                for f in findings]
        out.append(tabulate(rows, headers=["severity", "rule", "line", "message", "evidence"], tablefmt="simple"))
    out.append("")
    return "\n".join(out)


def summary(verdicts: dict, by_rule: list) -> str:
    """Documents by verdict, and findings by rule ([rule_id, rule, severity, count], sorted)."""
    out = [tabulate([[v, int(n)] for v, n in sorted(verdicts.items())], headers=["verdict", "documents"], tablefmt="simple")]
    if by_rule:
        out.append("")
        out.append(tabulate(by_rule, headers=["rule", "name", "severity", "findings"], tablefmt="simple"))
    return "\n".join(out) + "\n"
