"""The knowledge base: who held which office when, and how texts write their names and titles.

The bundled tables live in `data/` (people.csv, offices.csv, tenures.csv), are validated by the pandera
schemas in `schema.py`, and are read once per process. Rules and the analyser use only the query methods
of `KnowledgeBase`; nothing here imports the rest of the checker but the model.
"""
from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from checker.model import PartialDate, Precision, Tenure

DATA_DIR = Path(__file__).parent / "data"


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else ch


# ASCII and the Latin ranges (where the accents of English and Spanish live), folded once.
_FOLD = str.maketrans({chr(c): _fold_char(chr(c)) for c in range(0x41, 0x250) if _fold_char(chr(c)) != chr(c)})


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one character per character (offsets survive)."""
    return text.translate(_FOLD)


def parse_partial(value: str) -> Optional[PartialDate]:
    value = (value or "").strip()
    if not value:
        return None
    parts = value[:10].split("-")
    nums = [int(p) for p in parts]
    return PartialDate(*nums)


@dataclass(frozen=True)
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    gender: str


@dataclass(frozen=True)
class Office:
    office_id: str
    country: str
    level: str
    name_en: str
    name_es: str
    titles_en: tuple[str, ...]
    titles_es: tuple[str, ...]


def _split(value: Optional[str]) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


# Generic titles: a bare "Secretary Nielsen" names whichever cabinet office the person held.
GENERIC_TITLES = {
    "en": {"secretary": ("cabinet", "deputy_cabinet"), "sec.": ("cabinet",), "minister": ("cabinet",),
           "president": ("head_of_state",), "pres.": ("head_of_state",), "vice president": ("deputy_head_of_state",),
           "attorney general": ("cabinet",), "ambassador": ("ambassador",), "deputy secretary": ("deputy_cabinet",),
           "undersecretary": ("deputy_cabinet",), "under secretary": ("deputy_cabinet",), "administrator": ("cabinet",),
           "senator": ("legislator",), "sen.": ("legislator",), "representative": ("legislator",), "rep.": ("legislator",),
           "congressman": ("legislator",), "congresswoman": ("legislator",), "speaker": ("legislator",),
           "governor": ("other",), "gov.": ("other",),
           "prime minister": ("head_of_government", "head_of_state"), "chancellor": ("head_of_government",)},
    "es": {"secretario": ("cabinet",), "secretaria": ("cabinet",), "presidente": ("head_of_state",),
           "presidenta": ("head_of_state",), "canciller": ("cabinet",), "subsecretario": ("deputy_cabinet",),
           "subsecretaria": ("deputy_cabinet",), "fiscal general": ("cabinet",), "procurador": ("cabinet",),
           "embajador": ("ambassador",), "embajadora": ("ambassador",), "vicepresidente": ("deputy_head_of_state",),
           "vicepresidenta": ("deputy_head_of_state",), "senador": ("legislator",), "senadora": ("legislator",),
           "titular": ("cabinet",), "gobernador": ("other",),
           "gobernadora": ("other",), "primer ministro": ("head_of_government",), "mandatario": ("head_of_state",),
           "mandataria": ("head_of_state",)},
}


class KnowledgeBase:
    def __init__(self, people: Iterable[Person], offices: Iterable[Office], tenures: Iterable[Tenure], as_of: dt.date):
        self.people = {p.person_id: p for p in people}
        self.offices = {o.office_id: o for o in offices}
        self.as_of = as_of
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
        # Spanish writes "former" into the word: expresidente, exsecretaria, excanciller
        self.former_titles = {"ex" + fold(k) for k in GENERIC_TITLES["es"] if " " not in k}

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

    def holders_on(self, office_id: str, day: dt.date) -> list[Tenure]:
        return [t for ts in self.tenures.values() for t in ts if t.office_id == office_id and t.start <= day
                and (t.end is None or day <= t.end)]

    def end_of(self, tenure: Tenure) -> dt.date:
        return tenure.end or self.as_of

    def stats(self) -> dict[str, int]:
        return {"people": len(self.people), "offices": len(self.offices),
                "tenures": sum(len(v) for v in self.tenures.values()),
                "countries": len({o.country for o in self.offices.values()})}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def validate_tables(data_dir: Path = DATA_DIR):
    """Validate the three tables with their pandera schemas; raises pandera's SchemaError on a bad row."""
    import pandas as pd

    from checker.kb.schema import OfficesSchema, PeopleSchema, TenuresSchema

    frames = {}
    for name, schema in (("people", PeopleSchema), ("offices", OfficesSchema), ("tenures", TenuresSchema)):
        df = pd.read_csv(data_dir / f"{name}.csv", dtype=str, keep_default_na=False).replace({"": None})
        frames[name] = schema.validate(df, lazy=True)
    people, offices, tenures = frames["people"], frames["offices"], frames["tenures"]
    missing_p = set(tenures["person_id"]) - set(people["person_id"])
    missing_o = set(tenures["office_id"]) - set(offices["office_id"])
    if missing_p or missing_o:
        raise ValueError(f"tenures name unknown people {sorted(missing_p)[:5]} or offices {sorted(missing_o)[:5]}")
    return frames


def _end_date(p: PartialDate) -> dt.date:
    return p.last_day


@lru_cache(maxsize=4)
def load(data_dir: Path = DATA_DIR, as_of: Optional[dt.date] = None, validate: bool = True) -> KnowledgeBase:
    """Read (and validate) the bundled tables. `as_of` closes open tenures ("still in office")."""
    if validate:
        validate_tables(data_dir)
    people = [Person(r["person_id"], r["name"], _split(r.get("aliases")), _split(r.get("surnames")), r.get("gender", ""))
              for r in _read_csv(data_dir / "people.csv")]
    offices = [Office(r["office_id"], r["country"], r["level"], r["name_en"], r.get("name_es", ""),
                      _split(r.get("titles_en")), _split(r.get("titles_es"))) for r in _read_csv(data_dir / "offices.csv")]
    tenures = []
    for r in _read_csv(data_dir / "tenures.csv"):
        s, e = parse_partial(r["start"]), parse_partial(r.get("end", ""))
        el = parse_partial(r.get("elected", ""))
        tenures.append(Tenure(r["person_id"], r["office_id"], s.first_day, e.last_day if e else None,
                              s.precision, e.precision if e else Precision.DAY,
                              r.get("acting", "").lower() == "true", el.first_day if el else None))
    return KnowledgeBase(people, offices, tenures, as_of or dt.date.today())
