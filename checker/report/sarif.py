"""SARIF 2.1.0 (OASIS): what GitHub code scanning and other review tools read.

One run, with every rule in the tool's driver (its docstring as help) and one result per finding: the
rule, a level (error, warning, note), the message, the file and line with the evidence as a snippet, and
the finding's fingerprint as a partial fingerprint, so code scanning tracks a finding across commits the
way the baseline does. Tests validate the output against the OASIS schema.
"""
from __future__ import annotations

import json

import pandas as pd

from checker.report.locate import located, uri

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule(rule) -> dict:
    doc = rule.documentation()
    return {"id": rule.code, "name": rule.name, "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": doc}, "help": {"text": doc},
            "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
            "properties": {"category": rule.category.value, "tags": [rule.category.value]}}


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    from checker.cache import version
    from checker.rules import all_rules

    rules = list(all_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in located(documents, findings):
        region = {"startLine": f["file_line"] or 1}
        if f["evidence"]:
            region["snippet"] = {"text": f["evidence"]}
        result = {
            "ruleId": f["rule_id"], "level": LEVEL[f["severity"]], "message": {"text": f["message"]},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(f["path"]), "uriBaseId": "%SRCROOT%"},
                                                "region": region}}],
            "partialFingerprints": {"checker/v1": f["fingerprint"]},
            "properties": {k: f[k] for k in ("doc_id", "category", "confidence", "declared_date", "expected_start",
                                             "expected_end") if f.get(k) is not None},
        }
        if f["rule_id"] in index:
            result["ruleIndex"] = index[f["rule_id"]]
        results.append(result)
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "checker", "version": version(), "rules": [_rule(r) for r in rules]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    # compact: json's C encoder serves only unindented output, and a SARIF log is read by tools, not people
    return json.dumps(log, ensure_ascii=False, separators=(",", ":")) + "\n"
