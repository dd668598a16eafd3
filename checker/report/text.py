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
        window = f"{_v(d['inferred_start'])}..{_v(d['inferred_end'])}" if _v(d["inferred_start"]) else "none"
        declared = f"{_v(d['declared_date']) or 'none'}" + (f" ({_v(d['declared_source'])})" if _v(d["declared_source"]) else "")
        out.append(f"{d['doc_id']}: {d['verdict'].upper()}  declared {declared}  window {window}  "
                   f"reliability {d['reliability']}")
        if fs is not None:
            rows = [[f["severity"], f["rule_id"], _v(f["line"]), _wrap(f["message"]), _wrap(f["evidence"], 40)]
                    for _, f in fs.iterrows()]
            out.append(tabulate(rows, headers=["severity", "rule", "line", "message", "evidence"], tablefmt="simple"))
        out.append("")
    counts = documents["verdict"].value_counts()
    out.append(tabulate([[v, int(n)] for v, n in sorted(counts.items())], headers=["verdict", "documents"], tablefmt="simple"))
    if len(findings):
        by_rule = findings.groupby(["rule_id", "rule", "severity"]).size().reset_index(name="findings")
        out.append("")
        out.append(tabulate(by_rule.values.tolist(), headers=["rule", "name", "severity", "findings"], tablefmt="simple"))
    return "\n".join(out) + "\n"
