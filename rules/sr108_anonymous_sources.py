"""Reliance on anonymous sources: "sources said", "people familiar with", "según fuentes".

What an unnamed source says cannot be checked with that source; a text that leans on them asks to be
taken on trust. One mention is a note (info), three or more are reliance (warning). Anonymous sourcing
can be sound journalism (the outlet knows the source), so this is a signal to weigh, never proof. The
phrases are data (kind `anonymous` in `checker/kb/data/boilerplate.csv`). Signal: Credibility
Coalition / W3C Credible Web, content indicator "anonymous sources"; NewsGuard, "gathers and presents
information responsibly".

Fails:
    Date: May 2, 2019

    The mayor will resign next week, according to sources close to the council.

Passes:
    Date: May 2, 2019

    The mayor will resign next week, council spokesperson Ana Ruiz said.
"""
from __future__ import annotations

from checker.model import Category, Severity, Span
from checker.rules.base import Rule, regex

RELIANCE = 3


class AnonymousSources(Rule):
    code = "SR108"
    name = "anonymous-sources"
    category = Category.SOURCE
    severity = Severity.INFO
    points = {Severity.ERROR: 30, Severity.WARNING: 10, Severity.INFO: 3}
    points_reason = "claims rest on unnamed sources"

    def check(self, doc, ctx):
        text = doc.document.text
        pattern = regex("anonymous")
        hits = [Span(m.start(), m.end(), m.group(0)) for s, e, _ in doc.paragraphs for m in pattern.finditer(text, s, e)]
        if not hits:
            return
        heavy = len(hits) >= RELIANCE
        yield self.finding(doc, f"{len(hits)} claim(s) rest on unnamed sources (“{' '.join(hits[0].text.split())}”)"
                                + (": the text relies on them" if heavy else "") + "; they cannot be checked with the source.",
                           hits[:4], severity=Severity.WARNING if heavy else Severity.INFO, confidence=0.7)
