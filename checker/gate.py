"""Between the rules and the tables: what the project's gate makes of a document's findings.

In this order, for each document:
1. the config's per-path overrides and severity overrides (`Settings.adjust`);
2. fingerprints, taken on that full list so that suppressing one finding does not renumber the others;
3. inline and metadata suppressions (`checker.suppress`), and, on request, a CK001 finding for each
   suppression that matched nothing;
4. the baseline (`checker.baseline`): findings it records are left out.
What is left is what the tables hold: the verdict, the counts, the reliability score and the exit code are
computed from it alone, so a suppressed or baselined finding weighs nothing anywhere.
"""
from __future__ import annotations

from typing import Optional

from checker import baseline as baseline_module
from checker import suppress
from checker.config import Settings
from checker.model import AnalysedDocument, Finding, Span


class Gate:
    def __init__(self, settings: Settings):
        from checker.rules import by_code

        self.settings = settings
        rules = by_code()
        self.known = tuple(rules)  # every rule, enabled or not: a suppression of a disabled rule is no typo
        self.unused_rule = rules.get("CK001")
        self.baseline = baseline_module.load(settings.baseline) if settings.baseline else None

    def recorded(self, doc_id: str, path: str) -> frozenset[str]:
        """The baseline's fingerprints for this document (part of its cache key)."""
        if self.baseline is None:
            return frozenset()
        return self.baseline.for_doc(baseline_module.doc_key(doc_id, path))

    def settle(self, doc: AnalysedDocument, findings: list[Finding]) -> tuple[list[Finding], list[str]]:
        """The findings the tables get, with their fingerprints, in the document's order."""
        document = doc.document
        key = baseline_module.doc_key(document.doc_id, document.path)
        # in the document's order before the fingerprints, which number repeated findings in turn
        findings = sorted(self.settings.adjust(document.path, findings), key=_in_document_order)
        prints = dict(zip(map(id, findings), baseline_module.fingerprints(key, ((f.rule_id, f.evidence) for f in findings))))
        outcome = suppress.apply(document, findings, self.known)
        kept = outcome.kept
        if self.settings.report_unused_suppressions and self.unused_rule is not None:
            unused = self.settings.adjust(document.path, self._unused(doc, outcome))
            prints.update(zip(map(id, unused), baseline_module.fingerprints(key, ((f.rule_id, f.evidence) for f in unused))))
            kept = sorted(kept + unused, key=_in_document_order)
        recorded = self.recorded(document.doc_id, document.path)
        kept = [f for f in kept if prints[id(f)] not in recorded]
        return kept, [prints[id(f)] for f in kept]

    def corpus(self, extra: list[tuple[str, str, Finding]]) -> list[tuple[str, str, Finding]]:
        """Findings of the corpus rules' passes ((doc_id, path, finding), such as recycled stories),
        made after each document has gone by: the config (per-path overrides, severities) and the baseline
        apply to them; inline and metadata suppressions cannot, so use a per-path `ignore` for those."""
        by_doc: dict[tuple[str, str], list[Finding]] = {}
        for doc_id, path, f in extra:
            by_doc.setdefault((doc_id, path), []).append(f)
        out = []
        for (doc_id, path), found in by_doc.items():
            found = self.settings.adjust(path, found)
            prints = baseline_module.fingerprints(baseline_module.doc_key(doc_id, path), ((f.rule_id, f.evidence) for f in found))
            recorded = self.recorded(doc_id, path)
            out += [(doc_id, path, f) for f, fp in zip(found, prints) if fp not in recorded]
        return out

    def _unused(self, doc: AnalysedDocument, outcome: suppress.Outcome) -> list[Finding]:
        text = doc.document.text
        out = []
        for d, code in outcome.unused():
            what = f"of {code}" if code else "of every rule"
            where = "in the metadata" if d.action == "document" else "here"
            reason = "" if not code or self.settings.enabled(code, doc.document.path) else \
                f" ({code} is not enabled for this file)"
            span: Optional[Span] = Span(d.start, d.end, text[d.start:d.end]) if d.end > d.start else None
            out.append(self.unused_rule.finding(
                doc, f"The suppression {what} {where} matched no finding{reason}; remove it so that it cannot hide "
                     f"a future one.", [span] if span else text[d.start:d.end] or "checker:", confidence=1.0))
        return out


def _in_document_order(f: Finding) -> tuple:
    """Findings by where they are in the text (document-wide ones first), then by rule and message."""
    return (f.start if f.start is not None else -1, f.rule_id, f.message)
