"""Reviewdog Diagnostic Format (rdjson): `reviewdog -f=rdjson` posts the findings as review comments.

One DiagnosticResult object: the source (checker), and a diagnostic per finding with its message, file,
line (when the finding has one in the file), severity (ERROR, WARNING, INFO) and rule code.
"""
from __future__ import annotations

import json

import pandas as pd

from checker.report.locate import located

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    diagnostics = []
    for f in located(documents, findings):
        location = {"path": f["path"]}
        if f["file_line"]:
            location["range"] = {"start": {"line": f["file_line"]}}
        diagnostics.append({"message": f["message"], "location": location, "severity": SEVERITY[f["severity"]],
                            "code": {"value": f["rule_id"]}, "original_output": f["evidence"]})
    return json.dumps({"source": {"name": "checker"}, "diagnostics": diagnostics}, ensure_ascii=False, indent=2) + "\n"
