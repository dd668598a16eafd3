"""Input that could not be read as a document.

Empty or binary files, files that are missing or unreadable, malformed JSON, JSON with no text field,
and formats the checker does not read yet. The document still has its row (verdict `unreadable`), so
nothing drops out of an audit silently.

Fails (json):
    {"title": "A record with a title and no text field"}

Passes (json):
    {"title": "A record", "date": "2019-05-02", "text": "The council approved the budget on Tuesday."}

Passes:
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import INPUT_POINTS, ProblemRule


class Unreadable(ProblemRule):
    code = ProblemCode.IN001
    name = "unreadable-input"
    category = Category.SOURCE
    severity = Severity.ERROR
    points = INPUT_POINTS
    points_reason = "source finding"
