"""File larger than the size limit, checked only in part.

Text, Markdown, JSON and HTML files are read up to a limit (`--max-bytes`, 20 MB by default) so one huge
file cannot exhaust memory; the rest of the file is not checked, and this finding says so. Raise the limit
to check it whole. JSON Lines and Parquet batches are never cut: they stream record by record, and the
limit applies to each record (a record over it is an unreadable row of its own, IN001).

Fails (max-bytes):
    Date: May 2, 2019

    The council approved the budget on Tuesday.

Passes:
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import INPUT_POINTS, ProblemRule


class Truncated(ProblemRule):
    code = ProblemCode.IN006
    name = "truncated-input"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = INPUT_POINTS
    points_reason = "source finding"
