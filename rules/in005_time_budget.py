"""Document whose analysis ran out of its time budget.

Every document gets a bounded share of time (`--time-budget`, 10 s by default), so one pathological
input (a 10 MB line, a flood of names) cannot stall a batch. When the budget runs out, the analysis stops
at a paragraph boundary: what was read is checked, the rest is not, and this finding says how much.

Fails (budget):
    Date: May 2, 2019

    The council approved the budget on Tuesday.

Passes:
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import INPUT_POINTS, ProblemRule


class TimeBudget(ProblemRule):
    code = ProblemCode.IN005
    name = "time-budget-exceeded"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = INPUT_POINTS
    points_reason = "source finding"
