"""What every rule is: a code, a readable name, a category, a default severity, a docstring that is its
documentation (with a failing and a passing example), and `check(doc, kb)`.

A rule sees an analysed document and the knowledge base's query interface, never a file, a CLI option or
a report.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar, Iterable, Iterator, Optional

from checker.kb import KnowledgeBase
from checker.model import AnalysedDocument, Category, Finding, Severity, Span


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    # the rule fires on documents that have no readable content too (input problems)
    on_unreadable: ClassVar[bool] = False

    def warm(self) -> None:
        """Load now what `check` would load on first use (dictionaries, parsers): called once before the
        engine forks its workers, so that each does not load it again."""

    def check(self, doc: AnalysedDocument, kb: KnowledgeBase) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, doc: AnalysedDocument, message: str, evidence: Iterable[Span] | str, *,
                severity: Optional[Severity] = None, expected: Optional[tuple[Optional[dt.date], Optional[dt.date]]] = None,
                confidence: float = 1.0, span: Optional[Span] = None) -> Finding:
        spans = [] if isinstance(evidence, str) else [s for s in evidence if s is not None]
        text = evidence if isinstance(evidence, str) else _join(spans)
        where = span or next((s for s in spans if s.end > s.start), None)
        return Finding(
            rule_id=self.code, rule=self.name, category=self.category, severity=severity or self.severity,
            message=message, evidence=text, start=where.start if where else None, end=where.end if where else None,
            declared_date=doc.declared.value.iso() if doc.declared else None,
            expected_start=expected[0] if expected else None, expected_end=expected[1] if expected else None,
            confidence=round(confidence, 3), extra=tuple(spans))

    # -- documentation -----------------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        """The rule's module docstring: what `checker explain CODE` prints."""
        import sys

        return (cls.__doc__ or sys.modules[cls.__module__].__doc__ or "").strip()

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().splitlines()[0]

    @classmethod
    def examples(cls) -> dict[str, list[tuple[str, str]]]:
        """The indented blocks under "Fails:" and "Passes:" in the docstring, as (document text, kind).

        The kind in parentheses ("Fails (json):", "Fails (cp1252):") names the file suffix or the
        encoding the example is written with; plain text by default.
        """
        out: dict[str, list[tuple[str, str]]] = {"fails": [], "passes": []}
        doc = _dedent(cls.documentation())
        for m in re.finditer(r"^(Fails|Passes)(?: \(([\w.-]+)\))?:[ \t]*\n((?:(?:    .*)?\n)+)", doc + "\n", re.M):
            block = "\n".join(line[4:] for line in m.group(3).rstrip("\n").split("\n"))
            out[m.group(1).lower()].append((block.strip("\n") + "\n", m.group(2) or "txt"))
        return out


class ProblemRule(Rule):
    """A rule that reports what ingest or analysis could not do, recorded on the document as a Problem with
    this rule's code."""

    on_unreadable = True

    def check(self, doc: AnalysedDocument, kb: KnowledgeBase) -> Iterable[Finding]:
        for p in doc.document.problems:
            if p.code == self.code:
                yield self.finding(doc, p.message, [p.span] if p.span else "", confidence=1.0)


def _dedent(text: str) -> str:
    import textwrap

    first, _, rest = text.partition("\n")
    return first.strip() + "\n" + textwrap.dedent(rest)


def _join(spans: Iterable[Span]) -> str:
    seen, out = set(), []
    for s in spans:
        t = " ".join(s.text.split())
        if t and t not in seen:
            seen.add(t)
            out.append(t)
    return " | ".join(out)


def one_line(text: str, limit: int = 160) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    pos = start
    for line in text[start:].splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)
