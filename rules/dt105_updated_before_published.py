"""Update date earlier than the publication date.

A page cannot be updated before it was first published; when its metadata says so, one of the two dates
was typed or carried over wrongly, and neither can be trusted without a look. In a document's own front
matter, JSON fields or header lines someone typed both dates, and the gate should stop the typo: an
error. In a web page's metadata it is a warning, not proof that the page is misdated: content systems
often write the draft's last edit as `dateModified` and the moment it went out as `datePublished`, so a
story correctly dated carries it. A day's difference is no
conflict (time zones, and a post scheduled in advance is last modified before it goes out), and htmldate's
reading of a page is not the page's own statement.

Fails (md):
    ---
    date: 2020-06-10
    updated: 2019-01-02
    ---
    The council met on Tuesday.

Passes (md):
    ---
    date: 2020-06-10
    updated: 2021-01-02
    ---
    The council met on Tuesday.
"""
from __future__ import annotations

import datetime as dt

from checker.model import Category, ClaimKind, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule

GRACE = dt.timedelta(days=1)


class UpdatedBeforePublished(Rule):
    code = "DT105"
    name = "updated-before-published"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        claims = [c for c in doc.document.claims if not c.source.startswith("htmldate:")]
        published = [c for c in claims if c.kind is ClaimKind.PUBLISHED]
        for u in (c for c in claims if c.kind is ClaimKind.UPDATED):
            for p in published:
                if u.value.last_day + GRACE < p.value.first_day:
                    web = u.source.startswith("html:") or p.source.startswith("html:")
                    yield self.finding(doc, f"The update date {u.value.iso()} ({u.source}) is earlier than the "
                                            f"publication date {p.value.iso()} ({p.source})"
                                            + ("; in a page's metadata this is often the draft's last edit, not a "
                                               "misdated story." if web else "."),
                                       [p.span, u.span], severity=Severity.WARNING if web else None,
                                       confidence=0.6 if web else 0.95)
                    return
