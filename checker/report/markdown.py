"""Markdown: a pull-request comment. A headline with the counts, the verdicts, then one table row per
finding (document, line, rule, message and evidence), errors first.

Document text is untrusted: every cell is escaped (HTML entities, Markdown's punctuation, table pipes) so
a document cannot inject markup, mentions or links into the comment. The comment stays under GitHub's
65,536-character limit: past it the table is cut and says how many findings were left out.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from checker.model import SEVERITY_RANK
from checker.report.locate import one_line, plural

LIMIT = 60_000
ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
_MD = re.compile(r"([\\`*_{}\[\]|~@])")


def cell(value) -> str:
    return _MD.sub(r"\\\1", html.escape(one_line(value), quote=False))


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    counts = findings["severity"].value_counts().to_dict() if len(findings) else {}
    flagged = findings["doc_id"].nunique() if len(findings) else 0
    if not len(findings):
        head = f"### checker: no findings in {plural(len(documents), 'document')} ✅"
    else:
        parts = [plural(int(counts[s]), s) for s in ("error", "warning", "info") if counts.get(s)]
        head = f"### checker: {', '.join(parts)} in {flagged} of {plural(len(documents), 'document')}"
    verdicts = documents["verdict"].value_counts().sort_index()
    out = [head, "", "verdicts: " + ", ".join(f"{v} {int(n)}" for v, n in verdicts.items()), ""]
    if len(findings):
        out += ["| | document | line | rule | finding | evidence |", "|---|---|---|---|---|---|"]
        rows = sorted(findings.to_dict(orient="records"), key=lambda f: (-SEVERITY_RANK[f["severity"]], f["doc_id"]))
        size = sum(len(x) + 1 for x in out)
        for i, f in enumerate(rows):
            line = "" if pd.isna(f["line"]) else str(int(f["line"]))
            row = (f"| {ICON[f['severity']]} | {cell(f['doc_id'])} | {line} | {cell(f['rule_id'])} {cell(f['rule'])} | "
                   f"{cell(f['message'])} | {cell(f['evidence'])} |")
            if size + len(row) > LIMIT:
                out.append("")
                out.append(f"… and {plural(len(rows) - i, 'more finding')}: see the full report.")
                break
            out.append(row)
            size += len(row) + 1
    out += ["", "<sub>`checker explain CODE` explains a rule; suppress a known finding with "
                "`<!-- checker: disable-next-line CODE -->` or record it with `--write-baseline`.</sub>"]
    return "\n".join(out) + "\n"
