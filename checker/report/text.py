"""The terminal report: per document its verdict, declared date, window and findings with their
evidence (tabulate), errors first, then a summary of verdicts and findings by rule.

Written to a terminal, the table fits its width and severities are coloured (not with `NO_COLOR` set or
a dumb terminal); written to a file, it has the fixed widths below and no colour. `quiet` leaves out the
infos and the documents left with nothing to say."""
from __future__ import annotations

import os
import shutil
import textwrap

import pandas as pd
from tabulate import tabulate

from checker.model import SEVERITY_RANK

WIDTH = 60
EVIDENCE_WIDTH = 40
COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET = "\033[0m"
# what the other columns and the gaps between them take: severity, rule and line (tabulate pads each header
# by two) and four gaps of two
FIXED = 32


def widths(columns: int) -> tuple[int, int]:
    """Message and evidence widths that fit a terminal of `columns`."""
    evidence = max(16, min(EVIDENCE_WIDTH, (columns - FIXED) // 3))
    return max(24, columns - FIXED - evidence), evidence


def use_colour() -> bool:
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM", "") != "dumb"


def _wrap(s: str, width: int = WIDTH) -> str:
    return "\n".join(textwrap.wrap(str(s), width)) if s else ""


def _line(x) -> float:
    v = _v(x)
    return float(v) if v else float("inf")


def _v(x) -> str:
    return "" if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x)


def render(documents: pd.DataFrame, findings: pd.DataFrame, quiet: bool = False, terminal: bool = False) -> str:
    out = []
    if quiet and len(findings):
        findings = findings[findings["severity"] != "info"]
    by_doc = {k: g for k, g in findings.groupby("doc_id", sort=False)} if len(findings) else {}
    message_width, evidence_width = widths(shutil.get_terminal_size((123, 24)).columns) if terminal else (WIDTH, EVIDENCE_WIDTH)
    colour = terminal and use_colour()
    for _, d in documents.iterrows():
        fs = by_doc.get(d["doc_id"])
        if quiet and fs is None and d["verdict"] == "consistent":
            continue
        out.append(document_block(d, [f for _, f in fs.iterrows()] if fs is not None else [],
                                  message_width, evidence_width, colour))
    by_rule = findings.groupby(["rule_id", "rule", "severity"]).size().reset_index(name="findings").values.tolist() \
        if len(findings) else []
    out.append(summary(documents["verdict"].value_counts().to_dict(), by_rule))
    return "\n".join(out)


def document_block(d, findings, message_width: int = WIDTH, evidence_width: int = EVIDENCE_WIDTH,
                   colour: bool = False) -> str:
    """One document's lines: its verdict, declared date, window and score, then its findings (rows of the
    findings table) as a table, errors first and then by line; a blank line after."""
    window = f"{_v(d['inferred_start'])}..{_v(d['inferred_end'])}" if _v(d["inferred_start"]) else "none"
    declared = f"{_v(d['declared_date']) or 'none'}" + (f" ({_v(d['declared_source'])})" if _v(d["declared_source"]) else "")
    out = [f"{d['doc_id']}: {d['verdict'].upper()}  declared {declared}  window {window}  reliability {d['reliability']}"]
    if findings:
        ordered = sorted(findings, key=lambda f: (-SEVERITY_RANK.get(f["severity"], 0), _line(f["line"])))
        rows = [[f"{COLOURS[f['severity']]}{f['severity']}{RESET}" if colour and f["severity"] in COLOURS else f["severity"],
                 f["rule_id"], _v(f["line"]), _wrap(f["message"], message_width), _wrap(f["evidence"], evidence_width)]
                for f in ordered]
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
