"""A checker suppression that names no rule, or (with `--report-unused-suppressions`) suppresses nothing.

A suppression comment (`<!-- checker: disable DT102 -->`) or a `checker:` front-matter key is the
author's word that a finding is known and accepted. One with a misspelt code hides nothing and gives a
false sense of safety, so it is reported, and it never widens into "every rule". One that matched no
finding (the text was fixed, or the rule no longer fires) is reported on request, as ruff's RUF100 does,
so stale suppressions cannot hide a future finding. This finding costs no reliability points: it is
about the checker's own comments, not the text. See `checker/suppress.py` for the forms.

Fails (md):
    ---
    date: 2025-03-28
    ---
    <!-- checker: disable DT1O2 -->
    The visit was unrelated to the tariffs proposed by former President Trump.

Passes (md):
    ---
    date: 2025-03-28
    ---
    <!-- checker: disable-next-line DT102 (quoted from an older release) -->
    The visit was unrelated to the tariffs proposed by former President Trump.
"""
from __future__ import annotations

from checker.model import Category, Severity, Span
from checker.rules.base import Rule, directives


class Suppression(Rule):
    code = "CK001"
    name = "suppression-comment"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = 0
    points_reason = "about the checker's own suppression comments, not the text"

    def check(self, doc, ctx):
        text = doc.document.text
        for d in directives(doc.document, ctx.rule_codes):
            for token in d.unknown:
                span = Span(d.start, d.end, text[d.start:d.end]) if d.end > d.start else None
                yield self.finding(
                    doc, f"“{token}” in a checker suppression is not a rule code, so it suppresses nothing; "
                         f"`checker rules` lists the codes.", [span] if span else f"checker: {token}", confidence=1.0)
