"""No dateline: the text does not say where it was reported from.

A dateline ("WASHINGTON (AP) —", "MEXICO CITY, March 4 —", "Oaxaca de Juárez, 26 de marzo.") opens a
news story or release with the place the reporting comes from, and often the day: a claim a reader can
check, and the habit of an outlet that reports rather than rewrites. Its absence is a weak signal (a
copy often loses it, and speeches or transcripts have none), hence info, and the rule stays quiet on
texts that give a date-and-place line anywhere among their first lines. Signal: W3C Credible Web
Community Group, "Credibility Signals" (location and date of reporting); Trust Project indicator
"Locally sourced" (dateline).

Fails:
    Date: May 2, 2019

    The council approved the budget on Tuesday.

Passes:
    Date: May 2, 2019

    SPRINGFIELD, Ill. — The council approved the budget on Tuesday.

Passes:
    Oaxaca de Juárez, 26 de marzo. Hoy, el subsecretario habló con el canciller.

Passes:
    MEXICO CITY, Tuesday, October 1, 2024 — The new president took office before Congress.
"""
from __future__ import annotations

import re

from checker.model import Category, Severity
from checker.rules.base import MONTHS, WEEKDAYS, Rule

FIRST_LINES = 12
# a place of up to four words, perhaps a state or an agency, then a dash: "WASHINGTON, D.C. –", "Lima (Reuters) -"
_PLACE_DASH = re.compile(r"^[ \t*_>]*[A-ZÁÉÍÓÚÑ][\w.'’-]*(?:[ \t]+(?:[A-ZÁÉÍÓÚÑ][\w.'’-]*|de|del|la)){0,3}"
                         r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*[-–—]{1,2}[ \t]")
# a capitalised place with no digits, a comma and a date: "Oaxaca de Juárez, 26 de marzo"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# ... perhaps with the weekday first: "MEXICO CITY, Tuesday, October 1, 2024 —", "Madrid, martes 1 de octubre"
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_PLACE_COMMA = re.compile(rf"^[ \t*_>]*(?P<place>[A-ZÁÉÍÓÚÑ][^\d,\n:]{{1,40}}),[ \t]+(?:(?:{_WEEKDAY})\.?,?[ \t]+)?"
                          rf"(?:\d{{1,2}}(?:[ \t]+de)?[ \t]+(?:{_MONTH})|(?:{_MONTH})\.?[ \t]+\d{{1,2}})\b", re.I)


def has_dateline(text: str, start: int) -> bool:
    seen = 0
    for line in text[start:].splitlines():
        if not line.strip():
            continue
        seen += 1
        if seen > FIRST_LINES:
            return False
        if _PLACE_DASH.match(line):
            return True
        m = _PLACE_COMMA.match(line)
        if m and m.group("place")[:1].isupper() and m.group("place").strip().lower() not in WEEKDAYS \
                and m.group("place").strip().lower() not in MONTHS:
            return True
    return False


class NoDateline(Rule):
    code = "SR106"
    name = "no-dateline"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 2
    points_reason = "no dateline: where it was reported from is not said"

    def check(self, doc, ctx):
        text = doc.document.text
        if has_dateline(text, doc.document.body_start) or has_dateline(text, 0):
            return
        yield self.finding(doc, "No dateline: the text does not say where (and when) it was reported from.", "",
                           confidence=0.4)
