"""JUnit XML: what CI servers (GitLab, Jenkins, Azure Pipelines) show as a test report.

One test suite per document and one test case per finding, named by rule code and name, with the file and
line; errors and warnings are failures (their type is the severity), infos pass with the message as
output. A document without findings is one passing test case, so the report counts every document.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pandas as pd

from checker.report.locate import located

# characters XML 1.0 cannot carry at all, even escaped: a document's text may hold them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(value) -> str:
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    by_doc: dict[str, list[dict]] = {}
    for f in located(documents, findings):
        by_doc.setdefault(f["doc_id"], []).append(f)
    root = ET.Element("testsuites", name="checker")
    total = failed = 0
    for d in documents.to_dict(orient="records"):
        fs = by_doc.get(d["doc_id"], [])
        suite = ET.SubElement(root, "testsuite", name=_x(d["doc_id"]), file=_x(d["path"]))
        fails = 0
        if not fs:
            ET.SubElement(suite, "testcase", name=f"checker: {d['verdict']}", classname=_x(d["doc_id"]), file=_x(d["path"]))
        for f in fs:
            attrs = {"name": f"{f['rule_id']} {f['rule']}", "classname": _x(d["doc_id"]), "file": _x(f["path"])}
            if f["file_line"]:
                attrs["line"] = str(f["file_line"])
            case = ET.SubElement(suite, "testcase", **attrs)
            body = f"{f['message']}\nevidence: {f['evidence']}" + (f"\nline {f['line']} of the document" if f["line"] else "")
            if f["severity"] in ("error", "warning"):
                fails += 1
                failure = ET.SubElement(case, "failure", message=_x(f["message"]), type=f["severity"])
                failure.text = _x(body)
            else:
                ET.SubElement(case, "system-out").text = _x(body)
        cases = max(1, len(fs))
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        total += cases
        failed += fails
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
