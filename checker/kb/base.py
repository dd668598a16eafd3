"""`KnowledgeBase`: the query interface over people, offices and tenures that the analyser and the rules use."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from checker import lang as languages
from checker.kb.layers import BUNDLED, Conflict, LayerInfo
from checker.kb.records import Office, Person
from checker.kb.text import fold
from checker.kb.titles import GENERIC_TITLES
from checker.model import Tenure

INTERNATIONAL = {"EU", "UN", "XI"}  # office "countries" that are not countries (XI: NATO, the IMF, the WHO...)


class KnowledgeBase:
    def __init__(self, people: Iterable[Person], offices: Iterable[Office], tenures: Iterable[Tenure], as_of: dt.date,
                 layers: tuple[LayerInfo, ...] = (), conflicts: tuple[Conflict, ...] = (),
                 origin: Optional[dict[Tenure, str]] = None, outcome: Optional[dict[str, dict[str, int]]] = None):
        self.people = {p.person_id: p for p in people}
        self.offices = {o.office_id: o for o in offices}
        self.as_of = as_of
        self.layers = layers  # the imported layers merged into the bundled one, in merge order
        self.conflicts = conflicts
        self.origin = origin or {}  # tenure -> the layer it came from (absent: bundled)
        self.outcome = outcome or {}  # layer -> stretches of service it added, repeated, contradicted
        self.tenures: dict[str, list[Tenure]] = {}
        for t in tenures:
            self.tenures.setdefault(t.person_id, []).append(t)
        for ts in self.tenures.values():
            ts.sort(key=lambda t: t.start)
        self.alias_index: dict[str, set[str]] = {}
        self.surname_index: dict[str, set[str]] = {}
        for p in self.people.values():
            for a in {p.name, *p.aliases}:
                self.alias_index.setdefault(fold(a), set()).add(p.person_id)
            for s in p.surnames:
                self.surname_index.setdefault(fold(s), set()).add(p.person_id)
        self.title_index: dict[str, set[str]] = {}
        for o in self.offices.values():
            for t in o.titles_en + o.titles_es:
                self.title_index.setdefault(fold(t), set()).add(o.office_id)
        self.generic_index: dict[str, tuple[str, ...]] = {
            fold(k): v for lang in GENERIC_TITLES.values() for k, v in lang.items()}
        # a language that writes "former" into the word: expresidente, exsecretaria, excanciller; and into
        # the titles of its offices that name one office: exrey, exalcaldesa, exsecretario general de la ONU.
        # Each such title -> the title it says the person held
        self.former_titles: dict[str, str] = {}
        for p in languages.packs():
            if p.former_prefix:
                plain = [fold(k) for k in p.generic_titles if " " not in k] + [
                    fold(t).strip() for o in self.offices.values() for t in getattr(o, f"titles_{p.code}", ()) if t.strip()]
                self.former_titles.update((p.former_prefix + t, t) for t in plain)
        # office -> (complete_from, seats), made on first use
        self._complete: Optional[dict[str, tuple[Optional[dt.date], int]]] = None
        self._by_office: dict[str, list[Tenure]] = {}

    # -- queries -------------------------------------------------------------------------------
    def complete_from(self, office_id: str) -> Optional[dt.date]:
        """The day from which the record of the office holds (nearly) every holder: from then on its seats
        stay filled (nine in ten of them, or its one seat) without a break of a year or more. Before that
        day a title and a surname may name a holder the knowledge base lacks (open world): the US House of
        Representatives is complete from the extract's first Congress, the presidency from 1789. None for an
        office without terms."""
        if getattr(self, "_complete", None) is None:  # (a knowledge base pickled before the field has none)
            self._by_office = {}
            for ts in self.tenures.values():
                for t in ts:
                    self._by_office.setdefault(t.office_id, []).append(t)
            self._complete = {}
        if office_id not in self._complete:
            self._complete[office_id] = _complete_from(self._by_office.get(office_id, []), self.as_of)
        return self._complete[office_id][0]

    def seats(self, office_id: str) -> int:
        """How many hold the office at once (`complete_from` says how it is counted); 0 for an office
        without terms."""
        self.complete_from(office_id)
        return self._complete[office_id][1]

    def person(self, person_id: str) -> Person:
        return self.people[person_id]

    def office(self, office_id: str) -> Office:
        return self.offices[office_id]

    def tenures_of(self, person_id: str, office_ids: Iterable[str] = ()) -> list[Tenure]:
        ts = self.tenures.get(person_id, [])
        office_ids = set(office_ids)
        return [t for t in ts if not office_ids or t.office_id in office_ids]

    def offices_for_title(self, title: str) -> tuple[set[str], tuple[str, ...]]:
        """Specific offices a title names ("Homeland Security Secretary"), and the office levels a generic
        title names ("Secretary")."""
        f = fold(title).strip()
        f = self.former_titles.get(f, f)  # "expresidente", "exrey": the plain title's office; "former" is read elsewhere
        if f in self.generic_index:
            # "President" names whichever head of state the person was, in any country
            return set(), self.generic_index[f]
        return self.title_index.get(f, set()), ()

    def layer_of(self, tenure: Tenure) -> str:
        return self.origin.get(tenure, BUNDLED)

    def find_people(self, query: str) -> list[str]:
        """Person ids a name, alias, surname or id names, for the `kb` commands (not for matching text)."""
        if query in self.people:
            return [query]
        f = " ".join(fold(query).split())
        ids = self.alias_index.get(f, set()) | self.surname_index.get(f, set())
        if not ids:
            ids = {p.person_id for p in self.people.values() if p.qid == query}
        return sorted(ids, key=lambda pid: (self.people[pid].name, pid))

    def stats(self) -> dict[str, int]:
        return {"people": len(self.people), "offices": len(self.offices),
                "tenures": sum(len(v) for v in self.tenures.values()),
                "countries": len({o.country for o in self.offices.values()} - INTERNATIONAL),
                "layers": 1 + len(self.layers), "conflicts": len(self.conflicts),
                # of the people with a birth, those whose year is not settled (a range of years, "1755/1757")
                "born within a range of years": sum("/" in p.born for p in self.people.values())}


GAP = dt.timedelta(days=365)  # a vacancy, or a holder not recorded, this long breaks an office's record
FILLED = 0.9  # the share of its seats an office's record must hold to be complete


def _complete_from(tenures: list[Tenure], as_of: dt.date) -> tuple[Optional[dt.date], int]:
    """The day from which the terms fill the office's seats (`KnowledgeBase.complete_from`). Its seats are
    the most holders at once, over a month or longer, in the record's last ten years; a stretch of a year or
    more with fewer than nine in ten of them (fewer than one, for an office of one seat) ends before that
    day. The record's last years end where the first term the source saw still running stops (an open end):
    what comes after is not known, and does not break it. Returns that day and the seats."""
    if not tenures:
        return None, 0
    horizon = min((t.end for t in tenures if t.end_open and t.end is not None), default=as_of)
    steps: dict[dt.date, int] = {}
    for t in tenures:
        steps[t.start] = steps.get(t.start, 0) + 1
        end = (t.end or as_of) + dt.timedelta(days=1)
        steps[end] = steps.get(end, 0) - 1
    days = sorted(steps)
    stretches, held = [], 0  # (first day, last day, holders)
    for a, b in zip(days, days[1:]):
        held += steps[a]
        stretches.append((a, b - dt.timedelta(days=1), held))
    recent = horizon - dt.timedelta(days=round(10 * 365.25))
    seats = max((n for a, b, n in stretches if (b - a).days >= 30 and b >= recent and a <= horizon), default=1)
    need = max(1, int(FILLED * seats))
    first = days[0]
    for a, b, n in stretches:
        if n < need and b - a >= GAP and b < horizon:
            first = b + dt.timedelta(days=1)
    return first, seats
