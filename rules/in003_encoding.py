"""Text that is not UTF-8 and was decoded with a detected encoding.

The checker read the file with the encoding charset-normalizer detected (cp1252, latin-1, ...). Accents
may be wrong where the detection was; save the file as UTF-8 to be sure.

Fails (cp1252):
    Date: May 2, 2019

    The café on the plaza reopened after the renovation.

Passes:
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import ProblemRule


class Encoding(ProblemRule):
    code = ProblemCode.IN003
    name = "not-utf8"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 2
    points_reason = "encoding guessed: accents may be wrong"
