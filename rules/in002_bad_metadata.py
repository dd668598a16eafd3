"""Metadata that is there but cannot be read: malformed front matter, a date field that is not a date.

The document is still checked, as plain text, but the date its author meant to declare is lost: fix the
metadata, or the audit is comparing the content with nothing.

Fails (md):
    ---
    date: [not, a, date
    ---
    The council approved the budget on Tuesday.

Passes (md):
    ---
    date: 2019-05-02
    ---
    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import ProblemRule


class BadMetadata(ProblemRule):
    code = ProblemCode.IN002
    name = "bad-metadata"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = 10
    points_reason = "metadata that cannot be read"
