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
        # a language that writes "former" into the word: expresidente, exsecretaria, excanciller
        self.former_titles = {p.former_prefix + fold(k) for p in languages.packs() if p.former_prefix
                              for k in p.generic_titles if " " not in k}

    # -- queries -------------------------------------------------------------------------------
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
        if f.startswith("ex") and f[2:] in self.generic_index:
            f = f[2:]  # "expresidente": the office is the president's; the "former" is read elsewhere
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
