""""Former", "ex-" or "then-" title for someone who had not yet held the office on the declared date.

A text dated before X first took office cannot call X "former President": the title tells of a term that
had not begun, so the text is not older than its end; nor "then-President X" (Spanish "el entonces
presidente"), which tells of a time before the text when X held the office, so the text is not older than
the term's start. The twin of DT102 ("former" while in office) at the
other end of the term, and a contradiction, not a likelihood. Nothing is reported when anyone the name fits
had held the office by then ("former Governor Brown" in 1970 is Pat Brown, not Jerry); when the text gives
only a surname, or a term's start is open (the record may lack its beginning); when the knowledge base's
record of the office is not complete from the year the person turned 18, or the person's birth is unknown
(open world: an earlier term it lacks may be meant, as a Mexican secretary's of the 1990s); or in the
hand-over week before the first term.

Fails:
    Date: June 2, 2015

    Former President Donald Trump said on Tuesday that the tariffs would stay.

Passes:
    Date: June 2, 2022

    Former President Donald Trump said on Tuesday that the tariffs would stay.
"""
from __future__ import annotations

import datetime as dt

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, GRACE, Rule, parse_partial

COMING_OF_AGE = 18  # years: the record must reach back to when the person could first have held the office


class FormerBeforeOffice(Rule):
    code = "DT113"
    name = "former-title-before-office"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        for m in doc.mentions:
            if not (m.qualifiers.former or m.qualifiers.then) or m.surname_only:
                continue
            tenures = ctx.tenures_for(m)
            if not tenures or any(t.start_open or t.start <= d.last_day + GRACE for t in tenures):
                continue  # someone the name fits had held it by then (or was taking it up that week)
            if not all(self._record_reaches_back(ctx, t) for t in tenures):
                continue
            first = min(tenures, key=lambda t: t.start)
            who = ctx.person(first.person_id).name
            words = " ".join(m.span.text.split())
            became = (f"“{words}” on a text dated {d.iso()}: {who} first became "
                      f"{ctx.office(first.office_id).name_en} on {first.start.isoformat()}")
            if m.qualifiers.former:
                # "former" is right once the first term is over: the text is not older than its end
                after = (f"the text is not older than the end of that term, {first.end.isoformat()}" if first.end
                         else "nor has been since: the term is still running")
                message, since = f"{became}, so was not a former one then; {after}.", first.end or first.start
            else:  # "then-": the office was held at a time the text looks back on
                message, since = (f"{became}, so had not held it by then; the text, which looks back on that "
                                  f"term, is not older than its start."), first.start
            yield self.finding(doc, message, [m.span], expected=(since, None), confidence=0.95)

    @staticmethod
    def _record_reaches_back(ctx, tenure) -> bool:
        """Whether the knowledge base holds every holder of the office since the person could first have held
        it, so that it would know an earlier term of theirs."""
        born = ctx.person(tenure.person_id).born
        complete = ctx.complete_from(tenure.office_id)
        if not born or complete is None:
            return False
        earliest = parse_partial(born.split("/")[0]).first_day
        return complete <= dt.date(earliest.year + COMING_OF_AGE, earliest.month, 1)
