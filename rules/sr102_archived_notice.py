"""Archived or outdated-content notice.

A page that says it is archived ("Archived Content", "this page is no longer updated") tells the reader
that it may not reflect current policy or facts: quote it as of its date, not as current. Signal:
NewsGuard's criterion "clearly labels ... content", and the Credible Web signals on date and currency.

Fails:
    Archived Content

    Release Date: July 12, 2018

    The secretary will travel to Mexico City.

Passes:
    Release Date: July 12, 2018

    The secretary will travel to Mexico City.
"""
from __future__ import annotations

from checker.model import Category, Severity, Span
from checker.rules.base import Rule, iter_lines, matcher


class ArchivedNotice(Rule):
    code = "SR102"
    name = "archived-notice"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 5
    points_reason = "archived: a record of its date, may not reflect current facts"

    def check(self, doc, ctx):
        archived = matcher("archived")
        for pos, line in iter_lines(doc.document.text):
            if len(line) <= 400 and archived(line):
                lead = len(line) - len(line.lstrip())
                yield self.finding(doc, "The page says it is archived or no longer updated: treat it as a record of its "
                                        "date, not as current information.",
                                   [Span(pos + lead, pos + len(line.rstrip()), line.strip())], confidence=0.9)
                return
