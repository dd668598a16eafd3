"""Recycled story: an older story under a newer date.

A story re-run with a fresh date passes old news off as new. Two ways to see it:
- in one document, a note that it was "Originally published" (or "first appeared", "publicado
  originalmente") on a date before the date it now claims;
- across the corpus audited together, a near-duplicate of another document with an earlier declared
  date (MinHash signatures of word shingles, with locality-sensitive hashing: see `checker/recycled.py`),
  or an exact duplicate. The finding goes on the later one and names the earlier: "same story as X,
  dated Y". An exact duplicate with the same date is reported as a note (the corpus holds it twice).
Rewording the lead, reordering paragraphs or changing the date does not hide a copy: most of its word
sequences stay. Signal: NewsGuard, "clearly labels ... content" (dates that tell the story's age);
Credibility Coalition / W3C Credible Web, "originality" (original reporting versus recycled content).

Fails:
    Date: March 28, 2024

    Originally published on July 10, 2013.

    The two governments signed a memorandum on border security.

Passes:
    Date: July 10, 2013

    Originally published on July 10, 2013.

    The two governments signed a memorandum on border security.
"""
from __future__ import annotations

from typing import Optional

from checker.model import Category, Document, Finding, Severity, Span
from checker.rules.base import CorpusRule, RecycledStories, declared_of, match_date, regex, signature, warm_signatures

LOOK_AHEAD = 40  # characters after "originally published" where its date may start


class RecycledStory(CorpusRule):
    code = "SR114"
    name = "recycled-story"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = {Severity.ERROR: 30, Severity.WARNING: 20, Severity.INFO: 0}
    points_reason = "recycled story: older than its date says"

    def warm(self) -> None:
        warm_signatures()

    def observe(self, document: Document) -> Optional[tuple[Optional[str], object]]:
        """Its declared date and the MinHash signature of its content (a signature of None: too short to
        compare); None for an unreadable document."""
        if not document.readable:
            return None
        return declared_of(document), signature(document.text[document.body_start:])

    def corpus(self) -> RecycledStories:
        return RecycledStories(self.across)

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        text = doc.document.text
        for m in regex("original").finditer(text):
            for pos in range(m.end(), min(m.end() + LOOK_AHEAD, len(text))):
                got = match_date(text, pos)
                if got is None:
                    continue
                if got[0].last_day < doc.declared.value.first_day:
                    yield self.finding(doc, f"The text says it was {m.group(0).lower()} {got[0].iso()}, but it is dated "
                                            f"{doc.declared.value.iso()} ({doc.declared.source}): an older story under a newer date.",
                                       [Span(m.start(), got[1], text[m.start():got[1]]), doc.declared.span], confidence=0.9)
                    return
                break

    def across(self, declared: Optional[str], original_id: str, original_date: Optional[str], similarity: float,
               exact: bool) -> Finding:
        """The corpus-level finding on a document, naming the earlier one it copies."""
        same = f"the same text as {original_id}" if exact else \
            f"the same story as {original_id} ({similarity:.0%} of its word sequences shared)"
        if original_date == declared:
            message = f"Exact duplicate: {same}, with the same date {declared or '(none)'}."
            severity = Severity.INFO
        else:
            message = (f"Recycled story: {same}, dated {original_date}; this copy is dated {declared}, "
                       f"so the story is older than its date says.")
            severity = self.severity
        return Finding(rule_id=self.code, rule=self.name, category=self.category, severity=severity, message=message,
                       evidence=original_id, declared_date=declared, confidence=round(1.0 if exact else similarity, 3))
