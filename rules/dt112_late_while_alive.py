""""The late" (Spanish "el fallecido", "el finado", "el extinto") for someone still alive on the declared date.

A text dated while X lived cannot call X "the late Senator X": the person's death is told, so the text is
not older than it. The death dates are the knowledge base's. The twin of DT102 ("former" while in office):
a contradiction, not a likelihood. Nothing is reported when anyone the name fits had died by then ("the late
Senator Kennedy" in 2005 is Robert or John, not Edward), when anyone it fits has no known death date (the
knowledge base is an open world: they may have died unrecorded), when the text gives only a surname ("the late
Senator Smith": one the knowledge base lacks may be meant), in the week before the death (a time zone,
a story filed as the news broke), or where "late" is no title's qualifier ("the meeting ran late Senator
Smith said": an article must lead it).

Fails:
    Date: July 4, 2017

    The late Senator John McCain was honored on Thursday at the Naval Academy.

Passes:
    Date: July 4, 2019

    The late Senator John McCain was honored on Thursday at the Naval Academy.
"""
from __future__ import annotations

import re

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, GRACE, Rule, parse_partial

# an article (or a contraction of one) right before the qualifier: "the late", "el fallecido", "del finado"
_ARTICLE = re.compile(r"\b(?:the|el|la|del|al)\s+$", re.I)


class LateWhileAlive(Rule):
    code = "DT112"
    name = "late-while-alive"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        text = doc.document.text
        for m in doc.mentions:
            if not m.qualifiers.late or not _ARTICLE.search(text[max(0, m.span.start - 8):m.span.start]):
                continue
            if m.surname_only:
                continue  # "the late Senator Smith": a Smith the knowledge base lacks may have died by then
            people = sorted({t.person_id for t in ctx.tenures_for(m)})
            deaths = [ctx.person(p).died for p in people]
            if not people or not all(deaths):
                continue
            first = min(parse_partial(x).first_day for x in deaths)
            if d.last_day >= first - GRACE:
                continue  # someone the name fits had died by then (or was dying: the week before)
            who = " or ".join(f"{ctx.person(p).name} (died {parse_partial(x).iso()})" for p, x in zip(people, deaths))
            yield self.finding(
                doc, f"“{' '.join(m.span.text.split())}” on a text dated {d.iso()}: {who} was alive then, so the "
                     f"text, which tells of the death, is not older than {first.isoformat()}.",
                [m.span], expected=(first, None), confidence=0.95)
