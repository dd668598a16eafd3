"""An "Updated" date with no original publication date.

"Updated 04:53 AM EDT, Thu, Mar 28, 2024" says when the page last changed, not when the story was
first published: a page that shows only the update hides the story's age, and a re-run story can look
new. The claims come from ingest (header lines, front matter, JSON and HTML metadata); the rule fires
when the text has an update claim and no publication claim, dateline or dated opening. Signal: W3C
Credible Web Community Group, "Credibility Signals" (date of publication and of update shown);
NewsGuard, "clearly labels ... content" (when it was published).

Fails:
    Updated: March 28, 2024

    The council approved the budget on Tuesday.

Passes:
    Published: March 27, 2024
    Updated: March 28, 2024

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, ClaimKind, Severity
from checker.rules.base import Rule


class UpdatedWithoutOriginal(Rule):
    code = "SR109"
    name = "updated-without-original-date"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 5
    points_reason = "only an update date: the story's age is hidden"

    def check(self, doc, ctx):
        claims = doc.document.claims
        updated = [c for c in claims if c.kind is ClaimKind.UPDATED]
        if not updated or any(c.kind in (ClaimKind.PUBLISHED, ClaimKind.DATELINE) for c in claims):
            return
        u = updated[0]
        yield self.finding(doc, f"The page gives only an update date ({u.value.iso()}, {u.source}), not when the story "
                                "was first published: it may be much older than it looks.", [u.span], confidence=0.8)
