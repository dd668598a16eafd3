"""The knowledge base: who held which office when, and how texts write their names and titles.

The bundled tables live in `data/` (people.csv, offices.csv, tenures.csv) and are validated by the pandera
schemas in `schema.py`. Layers a user imports (`checker kb import ...`, `checker kb update`) live in the
user data folder (`data_home()`) and merge with the bundled tables when the base is loaded; `layers.py`
says how, and which layer wins a disagreement. Rules and the analyser use only the query methods of
`KnowledgeBase`; nothing here imports the rest of the checker but the model and the language packs.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from checker import lang as languages
from checker.kb.layers import (BUNDLED, Conflict, LayerError, LayerInfo, Tables, discover, fingerprint, merge,
                               partial, read_layer)
from checker.kb import stash
from checker.kb.text import fold
from checker.model import PartialDate, Precision, Tenure

DATA_DIR = Path(__file__).parent / "data"
INTERNATIONAL = {"EU", "UN", "XI"}  # office "countries" that are not countries (XI: NATO, the IMF, the WHO...)
DATA_DIR_ENV = "CHECKER_DATA_DIR"

__all__ = ["BUNDLED", "DATA_DIR", "GENERIC_TITLES", "Conflict", "KnowledgeBase", "LayerError", "LayerInfo", "Office",
           "Person", "Tables", "data_home", "fold", "lint", "load", "parse_partial", "save_layer", "tenure_row",
           "validate_tables"]


def data_home(configured: Optional[Path] = None) -> Path:
    """The user data folder that holds imported layers: $CHECKER_DATA_DIR when set, else the configured
    folder (the config key `knowledge-base`), else $XDG_DATA_HOME/checker/kb (~/.local/share/checker/kb).
    The environment wins over the config file so that one run can point elsewhere without editing it."""
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME", "").strip() or Path.home() / ".local" / "share"
    return Path(base) / "checker" / "kb"


parse_partial = partial  # "2025", "2025-03" or "2025-03-26" -> PartialDate; "" -> None


@dataclass(frozen=True)
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    gender: str
    born: str = ""
    qid: str = ""
    died: str = ""  # empty: alive, or not known to have died


@dataclass(frozen=True)
class Office:
    office_id: str
    country: str
    level: str
    name_en: str
    name_es: str
    titles_en: tuple[str, ...]
    titles_es: tuple[str, ...]
    qid: str = ""


def _split(value: Optional[str]) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


# Generic titles: a bare "Secretary Nielsen" names whichever cabinet office the person held. Each
# language's own (`checker.lang`), by language code; filled in place as languages are registered.
GENERIC_TITLES: dict[str, dict[str, tuple[str, ...]]] = {}


def _generic_titles() -> None:
    GENERIC_TITLES.clear()
    GENERIC_TITLES.update({p.code: dict(p.generic_titles) for p in languages.packs()})


languages.on_change(_generic_titles)


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
                "layers": 1 + len(self.layers), "conflicts": len(self.conflicts)}


def validate_tables(data_dir: Path = DATA_DIR):
    """Validate one layer's three tables with their pandera schemas and check that every tenure names a
    person and an office of the layer; raises pandera's SchemaErrors or ValueError on a bad row."""
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


def _tenure(r: dict) -> Tenure:
    s, e = parse_partial(r["start"]), parse_partial(r.get("end", ""))
    el = parse_partial(r.get("elected", ""))
    return Tenure(r["person_id"], r["office_id"], s.first_day, e.last_day if e else None,
                  s.precision, e.precision if e else Precision.DAY,
                  r.get("acting", "").lower() == "true", el.first_day if el else None)


def load(data_dir: Path = DATA_DIR, as_of: Optional[dt.date] = None, validate: bool = True,
         user_dir: Optional[Path] = None, layers: bool = True, layers_dir: Optional[Path] = None) -> KnowledgeBase:
    """Read (and validate) the bundled tables and the imported layers of the user data folder, and merge
    them. The folder is `data_home(user_dir)` (`user_dir` being the configured one, which the environment
    overrides), or exactly `layers_dir` when given (a command-line option). `as_of` closes open tenures
    ("still in office"); `layers=False` reads the bundled tables alone."""
    infos = tuple(discover(layers_dir or data_home(user_dir))) if layers else ()
    key = fingerprint([Path(data_dir)] + [i.path for i in infos])
    return _load(Path(data_dir), infos, as_of or dt.date.today(), validate, key)


@lru_cache(maxsize=4)
def _load(data_dir: Path, infos: tuple[LayerInfo, ...], as_of: dt.date, validate: bool, key: tuple) -> KnowledgeBase:
    # Imported layers can be large (100,000 congressional terms), and even the bundled tables cost a second
    # to validate, which a pre-commit hook pays on every run: a merge that was validated once is kept in the
    # user cache, keyed by every table's size and modification time and by this code.
    cache = _cache_path(key)
    if cache is not None:
        kb = stash.read(cache, KnowledgeBase)
        if kb is not None:
            kb.as_of = as_of
            return kb
    layers = []
    for info in (LayerInfo(BUNDLED, data_dir), *infos):
        if validate:
            try:
                validate_tables(info.path)
            except Exception as exc:  # pandera's SchemaErrors, a broken reference: name the layer
                raise LayerError(f"knowledge-base layer {info.name} ({info.path}) is invalid: {exc}") from exc
        layers.append((info, read_layer(info.path)))
    merged = merge(layers)
    people = [Person(r["person_id"], r["name"], _split(r.get("aliases")), _split(r.get("surnames")),
                     r.get("gender", ""), r.get("born", ""), r.get("qid", ""), r.get("died", ""))
              for r in merged.people.values()]
    offices = [Office(r["office_id"], r["country"], r["level"], r["name_en"], r.get("name_es", ""),
                      _split(r.get("titles_en")), _split(r.get("titles_es")), r.get("qid", ""))
               for r in merged.offices.values()]
    try:
        tenures = [(_tenure(r), layer) for r, layer in merged.tenures]
    except (TypeError, ValueError, KeyError) as exc:
        raise LayerError(f"a tenure could not be read: {exc}") from exc
    origin = {t: layer for t, layer in tenures if layer != BUNDLED}
    kb = KnowledgeBase(people, offices, [t for t, _ in tenures], as_of, infos, tuple(merged.conflicts), origin,
                       merged.outcome)
    if cache is not None and validate:
        stash.write(cache, "kb", kb)
    return kb


def tenure_row(t: Tenure) -> dict:
    """A tenure back in the tables' own form, each date at its precision."""
    def at(d: Optional[dt.date], p: Precision) -> str:
        if d is None:
            return ""
        return PartialDate(d.year, d.month if p is not Precision.YEAR else None,
                           d.day if p is Precision.DAY else None).iso()

    return {"person_id": t.person_id, "office_id": t.office_id, "start": at(t.start, t.start_precision),
            "end": at(t.end, t.end_precision), "start_precision": t.start_precision.value,
            "end_precision": t.end_precision.value if t.end else "", "acting": "true" if t.acting else "false",
            "elected": t.elected.isoformat() if t.elected else ""}


def save_layer(folder: Path, tables: Tables, meta: dict) -> None:
    """Write an imported layer and validate it before it replaces the layer of that name: a bad import
    leaves the previous layer in place."""
    import shutil

    from checker.kb.layers import write_layer

    new = folder.parent / f".{folder.name}.new"
    shutil.rmtree(new, ignore_errors=True)
    write_layer(new, tables, meta)
    try:
        validate_tables(new)
    except Exception as exc:  # pandera's SchemaErrors or a broken reference
        shutil.rmtree(new, ignore_errors=True)
        raise LayerError(f"the imported tables are invalid, nothing was written: {exc}") from exc
    old = folder.parent / f".{folder.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


# Levels whose office has one holder at a time: two holders at once is a typo in a date.
ONE_HOLDER = {"head_of_state", "head_of_government", "deputy_head_of_state", "cabinet", "deputy_cabinet", "staff",
              "ambassador"}


def lint(kb: KnowledgeBase) -> list[str]:
    """Doubts about the data a schema cannot see: two holders of a one-holder office at once (beyond a
    week's hand-over), a term that starts before its holder turned 18, a term that starts in the future."""
    out = []
    by_office: dict[str, list[Tenure]] = {}
    for ts in kb.tenures.values():
        for t in ts:
            by_office.setdefault(t.office_id, []).append(t)
    week = dt.timedelta(days=7)

    def latest_start(t: Tenure) -> dt.date:
        if t.start_precision is Precision.DAY:
            return t.start
        return (PartialDate(t.start.year, t.start.month) if t.start_precision is Precision.MONTH
                else PartialDate(t.start.year)).last_day

    def earliest_end(t: Tenure) -> dt.date:
        if t.end is None:
            return dt.date.max
        if t.end_precision is Precision.DAY:
            return t.end
        return t.end.replace(day=1) if t.end_precision is Precision.MONTH else t.end.replace(month=1, day=1)

    for oid, ts in sorted(by_office.items()):
        if kb.office(oid).level not in ONE_HOLDER:
            continue
        ts.sort(key=lambda t: t.start)
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                if b.start >= earliest_end(a):
                    break
                # an acting holder may stand in while the holder is on leave; dates told to the month or
                # the year only overlap when even their latest reading does
                if a.person_id != b.person_id and not (a.acting or b.acting) \
                        and latest_start(b) + week < earliest_end(a):
                    out.append(f"{oid}: {kb.person(a.person_id).name} {a.start}..{a.end or 'in office'} overlaps "
                               f"{kb.person(b.person_id).name} {b.start}..{b.end or 'in office'}")
    for pid, ts in kb.tenures.items():
        born = parse_partial(kb.person(pid).born) if kb.person(pid).born else None
        died = parse_partial(kb.person(pid).died) if kb.person(pid).died else None
        for t in ts:
            # a child may inherit a throne under a regent; no one is elected or appointed at 17
            if born and t.start.year - born.year < 18 and kb.office(t.office_id).level != "monarch":
                out.append(f"{pid}: {t.office_id} from {t.start}, but born {kb.person(pid).born}")
            if died and t.start > died.last_day:
                out.append(f"{pid}: {t.office_id} from {t.start}, but died {kb.person(pid).died}")
            if died and t.end is None:
                out.append(f"{pid}: {t.office_id} still in office, but died {kb.person(pid).died}")
            elif died and t.end > died.last_day + dt.timedelta(days=31):
                out.append(f"{pid}: {t.office_id} until {t.end}, but died {kb.person(pid).died}")
            if t.start > dt.date.today():
                out.append(f"{pid}: {t.office_id} starts in the future ({t.start})")
    return out


_CODE = [Path(__file__).parent / n for n in ("__init__.py", "layers.py", "text.py")] + [
    Path(__file__).parent.parent / "model.py"]


def _cache_path(key: tuple) -> Path:
    code = stash.files_key(_CODE)
    return stash.path_for("kb", (code, key))
