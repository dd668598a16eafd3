"""The 0-100 reliability score: 100, less documented points per finding, plus documented credits,
clipped to 0..100. `explain` says what cost (or earned) how many points; `checker explain-score` prints it.

The weights, and why:
- Date findings cost the most: a text whose date contradicts its content is the failure this tool exists
  to catch (error 30, warning 10, info 2).
- Source findings cost by rule, for what each says about how the text was produced (`SOURCE_POINTS`).
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

from checker.model import AnalysedDocument, Category, Finding, Severity

DATE_POINTS = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 2}
# rule -> points (one number, or by severity) and why
SOURCE_POINTS: dict[str, tuple[Union[int, Mapping[Severity, int]], str]] = {
    "SR101": (10, "page chrome: scraped from a web page, may be incomplete or changed since"),
    "SR102": (5, "archived: a record of its date, may not reflect current facts"),
    "SR103": (10, "careless copy: not edited before publication"),
    "SR104": ({Severity.WARNING: 15, Severity.INFO: 8}, "another outlet's content, republished or copied"),
    "SR105": (5, "nobody named as author or issuer (NewsGuard: names of content creators)"),
    "SR106": (2, "no dateline: where it was reported from is not said"),
    "SR107": (8, "quotations without a speaker cannot be checked"),
    "SR108": ({Severity.WARNING: 10, Severity.INFO: 3}, "claims rest on unnamed sources"),
    "SR109": (5, "only an update date: the story's age is hidden"),
    "SR110": ({Severity.WARNING: 15, Severity.INFO: 8}, "garbled or cut-short copy: words may be lost"),
    "SR111": (10, "sensational voice (NewsGuard: avoids deceptive headlines)"),
    "SR112": (-10, "trusted source: official government domain or wire service (credit, by match confidence)"),
    "SR113": ({Severity.WARNING: 22, Severity.INFO: 5}, "outlet rated low or medium (NewsGuard: repeatedly publishes false content)"),
    "SR114": ({Severity.WARNING: 20, Severity.INFO: 0}, "recycled story: older than its date says"),
    "IN002": (10, "metadata that cannot be read"),
    "IN003": (2, "encoding guessed: accents may be wrong"),
    "CK001": (0, "about the checker's own suppression comments, not the text"),
}
DEFAULT_SOURCE_POINTS = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 5}
DATE_REASON = "date finding: the date and the content disagree, or the date is missing"
SCALED_BY_CONFIDENCE = {"SR112"}


@dataclass(frozen=True)
class Line:
    """One rule's share of a document's score."""

    rule_id: str
    rule: str
    severity: str
    points: int  # lost (> 0) or earned (< 0)
    reason: str
    message: str


def _points(rule_id: str, category: str, severity: str, confidence: float) -> tuple[int, str]:
    sev = Severity(severity)
    if Category(category) is Category.DATE:
        return DATE_POINTS[sev], DATE_REASON
    weight, reason = SOURCE_POINTS.get(rule_id, (DEFAULT_SOURCE_POINTS, "source finding"))
    pts = weight.get(sev, DEFAULT_SOURCE_POINTS[sev]) if isinstance(weight, Mapping) else weight
    if rule_id in SCALED_BY_CONFIDENCE:
        pts = round(pts * confidence)
    return pts, reason


def points(f: Finding) -> int:
    return _points(f.rule_id, f.category.value, f.severity.value, f.confidence)[0]


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
        pts, reason = _points(f["rule_id"], f["category"], f["severity"], float(f["confidence"]))
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
