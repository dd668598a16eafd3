"""The 0-100 reliability score: 100, less documented points per finding.

Date errors cost the most: a text whose date contradicts its content is the failure this tool exists
to catch. Source findings cost by rule, for what each says about how the text was produced. An
unreadable document scores 0: nothing in it can be relied on. A rule's points are counted once per
document, however many times it fires.
"""
from __future__ import annotations

from typing import Iterable

from checker.model import AnalysedDocument, Category, Finding, Severity

DATE_POINTS = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 2}
SOURCE_POINTS = {
    "SR101": 15,  # page chrome: scraped, not from the source
    "SR102": 10,  # archived: may not reflect current facts
    "SR103": 10,  # careless copy
    "IN002": 10,  # metadata that cannot be read
    "IN003": 2,   # encoding guessed
}
DEFAULT_SOURCE_POINTS = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 5}


def points(f: Finding) -> int:
    if f.category is Category.DATE:
        return DATE_POINTS[f.severity]
    return SOURCE_POINTS.get(f.rule_id, DEFAULT_SOURCE_POINTS[f.severity])


def breakdown(findings: Iterable[Finding]) -> dict[str, int]:
    """Points lost per rule (each rule counted once, at its most costly finding)."""
    out: dict[str, int] = {}
    for f in findings:
        out[f.rule_id] = max(out.get(f.rule_id, 0), points(f))
    return out


def reliability(doc: AnalysedDocument, findings: Iterable[Finding]) -> int:
    if not doc.document.readable:
        return 0
    return max(0, 100 - sum(breakdown(findings).values()))
