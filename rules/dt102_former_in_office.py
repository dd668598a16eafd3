""""Former" or "ex-" title for someone who held the office on the declared date.

A text dated while X was president cannot call X "former President": either the title was edited in, or
the date is wrong. Spanish forms count too ("expresidente", "exsecretaria", "ex presidente"). Someone
who left and came back (Trump, 2021-2025) is "former" only between the two terms; when the name fits
several people ("former President Bush" in 2005), one of whom had left by then, nothing is reported.

Fails:
    Date: March 28, 2025

    The visit was unrelated to the tariffs proposed by former President Trump.

Passes:
    Date: March 28, 2022

    The visit was unrelated to the tariffs proposed by former President Trump.
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, GRACE, Rule


class FormerWhileInOffice(Rule):
    code = "DT102"
    name = "former-title-while-in-office"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        if doc.declared is None:
            return
        d = doc.declared.value
        for m in doc.mentions:
            if not m.qualifiers.former:
                continue
            tenures = ctx.tenures_for(m)
            by_person: dict[str, list] = {}
            for t in tenures:
                by_person.setdefault(t.person_id, []).append(t)

            def fits(ts) -> bool:  # out of office on the declared date, after having held it
                return any(t.end is not None and t.end < d.first_day for t in ts) and not any(
                    t.start <= d.last_day and (t.end is None or d.first_day <= t.end) for t in ts)

            if any(fits(ts) for ts in by_person.values()):
                continue  # someone the name can mean was a former holder then ("former President Bush" in 2005)
            for t in tenures:
                end = t.end or doc.reference_date
                # in office through the whole declared period, away from the hand-over days
                if t.start + GRACE <= d.first_day and d.last_day <= end - GRACE:
                    office = ctx.office(t.office_id).name_en
                    person = ctx.person(t.person_id).name
                    still = ("still in office" if t.end is None else
                             f"in office until {t.end.isoformat()}{' or later' if t.end_open else ''}")
                    yield self.finding(
                        doc, f"“{' '.join(m.span.text.split())}” on a text dated {d.iso()}: {person} was {office} "
                             f"from {t.start.isoformat()}{' or earlier' if t.start_open else ''} and {still}, so not a former "
                             f"one then.",
                        [m.span], expected=(t.end, None), confidence=0.95)
                    break
