"""Invisible characters removed from the text.

Zero-width spaces and joiners, soft hyphens and bidirectional controls are invisible to a reader but split
words for a matcher ("Oba\\u200bma"), and bidirectional controls can make text display in another order
than the one it is stored in. They are removed before the text is read; this finding says how many, since
their presence in a press release or article is itself unusual.

Fails:
    Date: May 2, 2019

    Secretary Pom​peo met the minister on Tuesday.

Passes:
    Date: May 2, 2019

    Secretary Pompeo met the minister on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ProblemCode, Severity
from checker.rules.base import INPUT_POINTS, ProblemRule


class InvisibleCharacters(ProblemRule):
    code = ProblemCode.IN007
    name = "invisible-characters"
    category = Category.SOURCE
    severity = Severity.INFO
    points = INPUT_POINTS
    points_reason = "source finding"
