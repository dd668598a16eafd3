"""What every rule is: a code, a readable name, a category, a default severity, what a finding costs in the
reliability score and why, a docstring that is its documentation (with a failing and a passing example),
and `check(doc, ctx)`.

A rule sees an analysed document and a `RuleContext`, never a file, a CLI option or a report.

This module is the rule API: a rule module imports from here, `checker.model` and the standard library only
(tests/test_rule_api.py checks), so the rest of the checker can be rearranged without touching a rule. Besides
the rule kinds (`Rule`, `ProblemRule`, `CorpusRule` with its `Corpus` pass) and `RuleContext`, it re-exports
the pure helpers and constants rules share, from where they live:
- dates: `safe_date`, `weekday_name`, `match_date`, `MONTHS`, `WEEKDAYS`, `EARLIEST`, `NUMBER_WORDS` ("seven",
  "siete": 7);
- inference: `fmt_range`, `GRACE`, `EARLY`, `ELECT_EARLY`;
- the evidence model's readings: `at_declared`, `describe`, `stale_candidate`, `scheduled` (a date led by a
  schedule word: "until", "expiring", "by");
- claims: `describe_source`, `days_apart`;
- boilerplate phrases: `regex`, `matcher`, `of_kind`, `FOLDS_TO_ASCII`; and `fold`;
- the knowledge base's dates as it writes them ("2018-08-25", "1936"): `parse_partial`;
- outlets: `host_of`, `site_of`, `WHERE` (how a match was made, in words);
- suppressions: `directives`;
- the recycled-story pass: `RecycledStories`, `declared_of`, `signature`, `warm_signatures`;
- the reliability score's `DATE_POINTS` (with `DATE_REASON`) and `INPUT_POINTS`.
Run-time state (the knowledge base, this run's outlets table, the evidence model, the rule codes) is on the
`RuleContext` the engine builds once per run.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar, Iterable, Mapping, Optional, Protocol, Union

from checker.dates import EARLIEST, MONTHS, NUMBER_WORDS, WEEKDAYS, match_date, safe_date, weekday_name
from checker.evidence import Model, at_declared, describe, scheduled, stale_candidate, tenures_for
from checker.infer import EARLY, ELECT_EARLY, GRACE, fmt_range
from checker.ingest.claims import days_apart, describe_source
from checker.ingest.clean import iter_lines
from checker.kb import KnowledgeBase, Office, Person, fold, parse_partial
from checker.kb.outlets import Match, Outlets, host_of, identify, site_of
from checker.kb.phrases import FOLDS_TO_ASCII, matcher, of_kind, regex
from checker.lang.dictionaries import DICTIONARIES, dictionary, known
from checker.model import AnalysedDocument, Category, Document, Finding, Mention, ProblemCode, Severity, Span, Tenure
from checker.recycled import RecycledStories, declared_of, signature, warm as warm_signatures
from checker.suppress import directives

__all__ = ["DATE_POINTS", "DATE_REASON", "DICTIONARIES", "EARLIEST", "EARLY", "ELECT_EARLY", "FOLDS_TO_ASCII",
           "GRACE", "INPUT_POINTS", "MONTHS", "NUMBER_WORDS", "WEEKDAYS", "WHERE", "Corpus", "CorpusRule", "Points",
           "ProblemRule",
           "RecycledStories", "Rule", "RuleContext", "at_declared", "days_apart", "declared_of", "describe",
           "describe_source", "dictionary", "directives", "fmt_range", "fold", "host_of", "iter_lines", "known",
           "match_date", "matcher", "of_kind", "one_line", "parse_partial", "regex", "safe_date", "scheduled",
           "signature", "site_of", "stale_candidate", "warm_signatures", "weekday_name"]

# how an outlet was matched (checker/kb/outlets.py), as a finding says it
WHERE = {"url": "its URL", "site": "its site name", "page": "the page's own notice"}

# A finding's cost in the reliability score (checker/score.py): one number for every severity, or one for each
# of the three (the config can raise or lower a rule's severity). A negative number is a credit.
Points = Union[int, Mapping[Severity, int]]
# a date finding costs the most: a text whose date contradicts its content is what this tool exists to catch
DATE_POINTS: Mapping[Severity, int] = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 2}
DATE_REASON = "date finding: the date and the content disagree, or the date is missing"
# an input problem with no weight of its own weighs by its severity alone
INPUT_POINTS: Mapping[Severity, int] = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 5}


@dataclass
class RuleContext:
    """What a rule knows besides the document, built once per run by the engine: the knowledge base's
    queries, this run's outlets table (the user's, then the bundled one), the evidence model and the code of
    every rule. Rules ask it rather than loading these themselves, so a run's settings reach every rule."""

    kb: KnowledgeBase
    outlets: Outlets
    evidence: Model
    rule_codes: tuple[str, ...]
    # the latest (document, match): three rules ask about each document in turn
    _outlet: tuple[Optional[Document], Optional[Match]] = field(default=(None, None), init=False, repr=False)

    def person(self, person_id: str) -> Person:
        return self.kb.person(person_id)

    def office(self, office_id: str) -> Office:
        return self.kb.office(office_id)

    def tenures_for(self, mention: Mention) -> list[Tenure]:
        """The tenures of the people a mention can be in the offices its title names."""
        return tenures_for(self.kb, mention)

    def term_end_cue(self, text: str, at: int) -> Optional[re.Match]:
        """The words right after a name (at `at`) that say the person has since left the office ("who resigned",
        "que abdicó": the language packs' `lookback_after`, as the analysis reads them into `Qualifiers.ended`)."""
        from checker.analyse import people  # the packs' pattern, rebuilt when they change

        return people.ENDED_AFTER.match(text, at)

    def complete_from(self, office_id: str) -> Optional[dt.date]:
        """The day from which the knowledge base holds (nearly) every holder of the office; before it, a holder
        it lacks may be meant (`KnowledgeBase.complete_from`)."""
        return self.kb.complete_from(office_id)

    def known_name(self, word: str) -> bool:
        """A name or surname of someone in the knowledge base (whatever its case and accents)."""
        folded = fold(word)
        return folded in self.kb.alias_index or folded in self.kb.surname_index

    def outlet_of(self, document: Document) -> Optional[Match]:
        """The outlet the document comes from, matched in this run's outlets table."""
        if self._outlet[0] is not document:
            self._outlet = (document, identify(document, self.outlets))
        return self._outlet[1]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    # what a finding costs in the reliability score and why: every rule says (tests/test_rule_api.py)
    points: ClassVar[Points]
    points_reason: ClassVar[str]
    # the points are scaled by the finding's confidence (how sure a match is)
    points_by_confidence: ClassVar[bool] = False
    # the rule fires on documents that have no readable content too (input problems)
    on_unreadable: ClassVar[bool] = False

    def warm(self) -> None:
        """Load now what `check` would load on first use (dictionaries, parsers): called once before the
        engine forks its workers, so that each does not load it again."""

    def check(self, doc: AnalysedDocument, ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    def points_for(self, severity: Severity, confidence: float) -> int:
        """What a finding of this rule at this severity and confidence costs (< 0: earns)."""
        pts = self.points[severity] if isinstance(self.points, Mapping) else self.points
        return round(pts * confidence) if self.points_by_confidence else pts

    def finding(self, doc: AnalysedDocument, message: str, evidence: Iterable[Span] | str, *,
                severity: Optional[Severity] = None, expected: Optional[tuple[Optional[dt.date], Optional[dt.date]]] = None,
                confidence: float = 1.0, span: Optional[Span] = None) -> Finding:
        spans = [] if isinstance(evidence, str) else [s for s in evidence if s is not None]
        text = evidence if isinstance(evidence, str) else _join(spans)
        where = span or next((s for s in spans if s.end > s.start), None)
        return Finding(
            rule_id=str(self.code), rule=self.name, category=self.category, severity=severity or self.severity,
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
    this rule's code: a `ProblemCode`, so that a Problem and its rule cannot disagree on how it is spelt."""

    code: ClassVar[ProblemCode]
    on_unreadable = True

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if not isinstance(vars(cls).get("code"), ProblemCode):
            raise TypeError(f"{cls.__name__}: a ProblemRule's code is a ProblemCode, not {vars(cls).get('code')!r}")

    def check(self, doc: AnalysedDocument, ctx: RuleContext) -> Iterable[Finding]:
        for p in doc.document.problems:
            if p.code is self.code:
                yield self.finding(doc, p.message, [p.span] if p.span else "", confidence=1.0)


class Corpus(Protocol):
    """One run's pass of a `CorpusRule`: given every document as it goes by, in input order, it answers
    once the last has."""

    def add_document(self, document: Document) -> None:
        """Keep what the pass needs of a document checked in this process."""

    def add_note(self, doc_id: str, path: str, note: object) -> None:
        """Keep a document from what `CorpusRule.observe` took of it in a worker (None: left out)."""

    def content_digest(self) -> str:
        """A digest of everything the answer depends on: the cache keeps the answer under it."""

    def findings(self) -> list[tuple[str, str, Finding]]:
        """(doc_id, path, finding) for each document the pass finds against, in input order."""


class CorpusRule(Rule):
    """A rule that also looks across the whole corpus audited together, which no single document shows (a
    story re-run under a newer date). Besides `check` on each document, the engine gives every document to
    the rule's pass, and its findings join the same tables at the end, through the same gate."""

    def observe(self, document: Document) -> object:
        """What the pass keeps of a document, taken by the worker process that checks it (so it must
        pickle), in parallel rather than in the process that writes the tables."""
        raise NotImplementedError

    def corpus(self) -> Corpus:
        """A fresh pass, for one run."""
        raise NotImplementedError


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
