"""The checker itself failed on this document.

A bug, not a property of the document: the row is kept, with the error, so the audit stays complete and
the failure can be reported. Please send the document (or a part that shows the failure) with the
message.

Passes:
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import INPUT_POINTS, ProblemRule


class InternalError(ProblemRule):
    code = ProblemCode.IN004
    name = "internal-error"
    category = Category.SOURCE
    severity = Severity.ERROR
    points = INPUT_POINTS
    points_reason = "source finding"
