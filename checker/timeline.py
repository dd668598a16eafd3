"""Per document, what a picture of its dates needs: the declared date, the inferred window and every
constraint behind it, the metadata's date signals, and each finding's evidence in its context.

The two tables of the contract carry verdicts and findings, not the reasoning; the HTML report draws this
instead. It is built from the analysed document beside the table rows and holds only plain JSON values
(ISO dates, strings, numbers), so it travels through worker processes, the cache and `timelines.jsonl`.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from checker.model import AnalysedDocument, Constraint, Finding, PartialDate, Span

CONTEXT = 160  # characters of text shown on each side of a piece of evidence

def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d is not None else None


def _partial(p: PartialDate) -> dict:
    return {"value": p.iso(), "first": p.first_day.isoformat(), "last": p.last_day.isoformat()}


def row_label(c: Constraint) -> str:
    """The row the picture draws `c` on: the person and office for a person's facts (all of them on one
    row: "became ..." and "was ..." on two rows read as two people), else the fact itself."""
    return c.subject or c.reason


def bound(c: Constraint) -> Optional[str]:
    """"lower" or "upper" for a fact that bounds the date on one side only (the day a person took office or
    first left it, an event told in the past or expected), drawn as a mark at that day; None for a span of
    days, drawn as a bar: a term in office (one still running too) or the months as president-elect."""
    if len(c.intervals) != 1 or c.key.endswith("#term"):
        return None
    lo, hi = c.intervals[0]
    return "lower" if hi is None and lo is not None else "upper" if lo is None and hi is not None else None


def excerpt(text: str, span: Span, line_of) -> dict:
    """The span with the text around it, cut at paragraph breaks; metadata spans (no offsets) alone."""
    if span.end <= span.start:
        return {"start": None, "end": None, "line": None, "before": "", "text": span.text, "after": ""}
    lo = max(0, span.start - CONTEXT)
    hi = min(len(text), span.end + CONTEXT)
    before, after = text[lo:span.start], text[span.end:hi]
    cut = before.rfind("\n\n")
    before = before[cut + 2:] if cut >= 0 else ("…" + before.split(" ", 1)[-1] if lo > 0 and " " in before else before)
    cut = after.find("\n\n")
    after = after[:cut] if cut >= 0 else (after.rsplit(" ", 1)[0] + "…" if hi < len(text) and " " in after else after)
    return {"start": span.start, "end": span.end, "line": line_of(span.start), "before": " ".join(before.split("\n")),
            "text": text[span.start:span.end], "after": " ".join(after.split("\n"))}


def timeline(doc: AnalysedDocument, findings: Iterable[Finding]) -> dict:
    d = doc.document
    ex = lambda s: excerpt(d.text, s, d.line_of)  # noqa: E731
    declared = doc.declared
    first = declared.value.first_day if declared else None
    last = declared.value.last_day if declared else None
    support = set(id(c) for c in doc.window.support) if doc.window else set()

    def fits(c) -> Optional[bool]:
        if declared is None:
            return None
        return any((lo is None or lo <= last) and (hi is None or first <= hi) for lo, hi in c.intervals)

    return {
        "doc_id": d.doc_id,
        "title": d.title, "url": d.url, "metadata": dict(d.metadata),
        "reference_date": doc.reference_date.isoformat(),
        "declared": {**_partial(declared.value), "source": declared.source, "evidence": ex(declared.span)} if declared else None,
        "window": {"start": doc.window.start.isoformat(), "end": doc.window.end.isoformat()} if doc.window else None,
        "claims": [{"kind": c.kind.value, **_partial(c.value), "source": c.source, "evidence": ex(c.span)} for c in d.claims],
        "constraints": [{"reason": c.reason, "row": row_label(c), "bound": bound(c), "weight": c.weight,
                         "strength": c.strength.value, "intervals": [[_iso(a), _iso(b)] for a, b in c.intervals],
                         "in_window": id(c) in support, "fits_declared": fits(c),
                         "evidence": [ex(s) for s in c.evidence]} for c in doc.constraints if not c.step],
        "findings": [{"rule_id": f.rule_id, "start": f.start, "end": f.end,
                      "evidence": [ex(s) for s in (f.extra or ())]} for f in findings],
    }
