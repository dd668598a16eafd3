"""Declared date that cannot be a publication date: after today, or before 1776.

A text cannot have been published after the day it is checked (`--reference-date`, today by default), and
no news text the checker reads predates the United States; such a date is a typo, a placeholder
(1900-01-01, 2099-12-31) or a deliberate fake. htmldate rejects dates outside its bounds for the same
reason; here the date is kept and reported, so the reader sees what the metadata says.

Fails:
    Date: March 3, 2099

    The council approved the budget on Tuesday.

Passes:
    Date: March 3, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, EARLIEST, Rule


class ImplausibleDate(Rule):
    code = "DT110"
    name = "implausible-declared-date"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        if d.first_day > doc.reference_date:
            why = f"after the reference date {doc.reference_date.isoformat()} (today, unless --reference-date says otherwise)"
        elif d.last_day < EARLIEST:
            why = f"before {EARLIEST.year}, earlier than any text this checker reads"
        else:
            return
        yield self.finding(doc, f"Declared date {d.iso()} ({doc.declared.source}) is {why}.", [doc.declared.span],
                           expected=(EARLIEST, doc.reference_date), confidence=0.99)
