"""The 0-100 reliability score: 100, less documented points per finding, plus documented credits,
clipped to 0..100. `explain` says what cost (or earned) how many points; `checker explain-score` prints it.

Each rule carries its own points and the reason for them (`points`, `points_reason` on the rule class, see
`checker/rules/base.py`). The weights, and why:
- Date findings cost the most: a text whose date contradicts its content is the failure this tool exists
  to catch (error 30, warning 10, info 2: `DATE_POINTS`).
- Source findings cost by rule, for what each says about how the text was produced.
  Where a NewsGuard criterion applies, its share of NewsGuard's 100 points guided the weight ("provides
  names of content creators" 5, "avoids deceptive headlines" 10, "does not repeatedly publish false
  content" 22); the rest are set against them: a scraped or careless copy costs as much as a sensational
  one, a missing dateline little.
- A trusted source (SR112: an official government domain or a wire service) earns up to 10 points back,
  scaled by how sure the match is (its URL: 10; a domain printed in its own banner: 5). Credits only
  offset costs: the score never exceeds 100.
- A rule counts once per document, at its costliest finding, however many times it fires.
- An unreadable document scores 0: nothing in it can be relied on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Union

from checker.model import AnalysedDocument, Finding, Severity


@dataclass(frozen=True)
class Line:
    """One rule's share of a document's score."""

    rule_id: str
    rule: str
    severity: str
    points: int  # lost (> 0) or earned (< 0)
    reason: str
    message: str


def _points(rule_id: str, severity: str, confidence: float) -> tuple[int, str]:
    """The points and reason its rule declares: a finding of a rule this checker does not know is an error."""
    from checker.rules import by_code

    rule = by_code()[rule_id]
    return rule.points_for(Severity(severity), confidence), rule.points_reason


def points(f: Finding) -> int:
    return _points(f.rule_id, f.severity.value, f.confidence)[0]


def _as_row(f: Union[Finding, Mapping]) -> Mapping:
    if isinstance(f, Finding):
        return {"rule_id": f.rule_id, "rule": f.rule, "category": f.category.value, "severity": f.severity.value,
                "confidence": f.confidence, "message": f.message}
    return f


def explain(findings: Iterable[Union[Finding, Mapping]]) -> list[Line]:
    """Each rule once, at its weightiest finding (costliest, or for a credit the largest), costliest first.
    Takes findings or rows of the findings table."""
    best: dict[str, Line] = {}
    for f in map(_as_row, findings):
        pts, reason = _points(f["rule_id"], f["severity"], float(f["confidence"]))
        if f["rule_id"] not in best or abs(pts) > abs(best[f["rule_id"]].points):
            best[f["rule_id"]] = Line(f["rule_id"], f["rule"], f["severity"], pts, reason, f["message"])
    return sorted(best.values(), key=lambda ln: (-ln.points, ln.rule_id))


def breakdown(findings: Iterable[Union[Finding, Mapping]]) -> dict[str, int]:
    """Points lost (or earned, negative) per rule."""
    return {ln.rule_id: ln.points for ln in explain(findings)}


def score(findings: Iterable[Union[Finding, Mapping]], readable: bool = True) -> int:
    if not readable:
        return 0
    return max(0, min(100, 100 - sum(breakdown(findings).values())))


def reliability(doc: AnalysedDocument, findings: Iterable[Finding]) -> int:
    return score(findings, doc.document.readable)
