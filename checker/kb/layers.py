"""Knowledge-base layers: the bundled tables and the layers a user imports, merged when the base is loaded.

A layer is a folder with the three tables of the bundled schema (people.csv, offices.csv, tenures.csv) and,
for an imported layer, a `layer.json` that says where it came from. The bundled layer comes first; the
imported layers live in the user data folder, one sub-folder each, and follow in the order of their names
(rename a folder to change it).

How layers merge, and who wins:
- Ids. A row that names a person or an office by a Wikidata QID joins the earlier row with that QID, so
  `Q22250` in a congress layer and the bundled `p.cantwell` (qid Q22250) are one person. A person without a
  QID joins an earlier person with the same name and the same date of birth; an office joins an earlier
  office of the same country whose name or title is its name.
- People and offices. The first layer that defines one defines its names, aliases and titles; later layers
  only add terms. Our curated names beat imported aliases ("POTUS 45", a bare surname).
- Terms. Per person and office, terms that touch (within 7 days) form one stretch of service. An imported
  stretch that overlaps a stretch from an earlier layer is the same service told twice: when its start and
  end agree within 7 days (at the precision each side gives) it is dropped as a duplicate; when they do not,
  the earlier layer's dates are kept and the pair is reported as a `Conflict` (`checker kb conflicts`, the
  count in `checker kb stats`). The bundled layer wins because each of its dates was checked against the
  reference extracts, with every disagreement explained in reference_exceptions.csv; an import is taken as
  it comes, and crowd-sourced data are sometimes wrong. Stretches that overlap nothing earlier are added.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from checker.kb.text import fold
from checker.model import PartialDate

PEOPLE_COLUMNS = ("person_id", "name", "aliases", "surnames", "gender", "born", "qid", "died")
OFFICE_COLUMNS = ("office_id", "country", "level", "name_en", "name_es", "titles_en", "titles_es", "qid")
TENURE_COLUMNS = ("person_id", "office_id", "start", "end", "start_precision", "end_precision", "acting",
                  "elected", "note", "source", "start_open", "end_open")
TABLES = {"people": PEOPLE_COLUMNS, "offices": OFFICE_COLUMNS, "tenures": TENURE_COLUMNS}
TOLERANCE = dt.timedelta(days=7)  # the same hand-over told by two sources rarely agrees to the day
QID = re.compile(r"^Q\d+$")
BUNDLED = "bundled"


class LayerError(ValueError):
    """A layer that cannot be read: a missing table, a bad column, a date that is not a date."""


@dataclass
class Tables:
    """The three tables of one layer, as rows of strings (the CSV's own form)."""

    people: list[dict] = field(default_factory=list)
    offices: list[dict] = field(default_factory=list)
    tenures: list[dict] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"people": len(self.people), "offices": len(self.offices), "tenures": len(self.tenures)}


@dataclass(frozen=True)
class LayerInfo:
    name: str
    path: Path
    source: str = ""  # what it was imported from
    imported: str = ""  # when (ISO timestamp)


@dataclass(frozen=True)
class Conflict:
    """Two layers disagree about one stretch of service by more than the tolerance: `kept` won."""

    person_id: str
    office_id: str
    kept_layer: str
    kept: tuple[str, str]  # (start, end) as written; "" end: in office
    dropped_layer: str
    dropped: tuple[str, str]
    start_days: int  # how far apart the starts are, in days (0 within precision)
    end_days: Optional[int]  # None when one side says "in office" and the other gives a past end


def _blank(columns: Iterable[str], row: dict) -> dict:
    return {c: (row.get(c) or "").strip() for c in columns}


def read_table(path: Path, columns: tuple[str, ...]) -> list[dict]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in columns[:2] if c not in (reader.fieldnames or ())]
            if missing:
                raise LayerError(f"{path}: missing column(s) {', '.join(missing)}")
            return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]
    except FileNotFoundError:
        raise LayerError(f"{path.parent} is not a knowledge-base layer: {path.name} is missing") from None
    except UnicodeDecodeError as exc:
        raise LayerError(f"{path}: not UTF-8 ({exc})") from None


def read_layer(folder: Path) -> Tables:
    return Tables(*(read_table(folder / f"{name}.csv", cols) for name, cols in TABLES.items()))


def write_layer(folder: Path, tables: Tables, meta: dict) -> None:
    """Write a layer atomically: a reader sees the old layer or the new one, never half of each."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, cols in TABLES.items():
        tmp = folder / f".{name}.csv.tmp"
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            for row in getattr(tables, name):
                w.writerow(_blank(cols, row))
        os.replace(tmp, folder / f"{name}.csv")
    meta = {**meta, "counts": tables.counts()}
    tmp = folder / ".layer.json.tmp"
    tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, folder / "layer.json")


def is_layer(folder: Path) -> bool:
    return all((folder / f"{n}.csv").is_file() for n in TABLES)


def discover(user_dir: Optional[Path]) -> list[LayerInfo]:
    """The imported layers in a user data folder, in merge order. The folder may itself be one layer."""
    if user_dir is None or not user_dir.is_dir():
        return []
    folders = [user_dir] if is_layer(user_dir) else []
    for sub in sorted(p for p in user_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if is_layer(sub):
            folders.append(sub)
        elif any((sub / f"{n}.csv").exists() for n in TABLES):
            missing = [f"{n}.csv" for n in TABLES if not (sub / f"{n}.csv").is_file()]
            raise LayerError(f"{sub} is an incomplete knowledge-base layer: {', '.join(missing)} missing")
    out = []
    for f in folders:
        meta = {}
        if (f / "layer.json").is_file():
            try:
                meta = json.loads((f / "layer.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
        out.append(LayerInfo(f.name, f, str(meta.get("source", "")), str(meta.get("imported", ""))))
    return out


def fingerprint(folders: Iterable[Path]) -> tuple:
    """What a cached merge depends on: every table's path, size and modification time."""
    out = []
    for f in folders:
        for n in TABLES:
            p = f / f"{n}.csv"
            st = p.stat()
            out.append((str(p.resolve()), st.st_size, st.st_mtime_ns))
    return tuple(out)


# -- merging ------------------------------------------------------------------------------------------

_NAME_NOISE = re.compile(r"^(?:[a-z]\.?|jr\.?|sr\.?|ii|iii|iv)$")


def name_key(name: str) -> str:
    """A name without middle initials and suffixes, for telling whether two sources name one person:
    "John B. King Jr." and "John King" are one key."""
    words = fold(name).replace(",", " ").split()
    kept = [w for i, w in enumerate(words) if i == 0 or not _NAME_NOISE.match(w)]
    return " ".join(kept)


def office_key(name: str) -> str:
    """An office name as two sources may both write it: "Deputy Secretary of Defence" and "United States
    Deputy Secretary of Defense" are one key."""
    f = " ".join(fold(name).replace("defence", "defense").split())
    return re.sub(r"^(the )?(united states|u\.s\.|us) ", "", f)


# A birth whose year is not settled is written as the range of years it may be in: "1755/1757" (the years of
# ISO 8601's interval notation), for a person whose sources disagree or give only an age
BIRTH_RANGE = re.compile(r"^(\d{4})/(\d{4})$")


def birth(value: str) -> Optional[PartialDate]:
    """A person's `born` as the earliest birth it allows: the date, or a range's first year. What the checker
    draws from a birth (no one holds a title as a child) is then never more than the record says."""
    m = BIRTH_RANGE.match((value or "").strip())
    return PartialDate(int(m.group(1))) if m else partial(value)


@lru_cache(maxsize=1 << 16)  # a large layer repeats its dates; each is parsed once
def partial(value: str) -> Optional[PartialDate]:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return PartialDate(*(int(p) for p in value[:10].split("-")))
    except (TypeError, ValueError):
        raise LayerError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from None


@dataclass
class _Stretch:
    """Consecutive terms of one person in one office, in one layer."""

    start: PartialDate
    end: Optional[PartialDate]  # None: in office
    rows: list
    layer: str

    @property
    def last(self) -> dt.date:
        return self.end.last_day if self.end else dt.date.max

    def overlaps(self, other: "_Stretch") -> bool:
        return self.start.first_day <= other.last and other.start.first_day <= self.last


def _apart(a: PartialDate, b: PartialDate) -> int:
    """Days between two dates at the precision each is given (0 when the ranges meet)."""
    if a.last_day < b.first_day:
        return (b.first_day - a.last_day).days
    if b.last_day < a.first_day:
        return (a.first_day - b.last_day).days
    return 0


def _end_apart(a: Optional[PartialDate], b: Optional[PartialDate], today: dt.date) -> Optional[int]:
    if a is None and b is None:
        return 0
    if a is None or b is None:
        closed = a or b
        # a scheduled end still to come ("term ends 2029-01-20") agrees with "in office"
        return 0 if closed.last_day >= today else None
    return _apart(a, b)


def stretches(rows: list[dict], layer: str = "") -> list[_Stretch]:
    out: list[_Stretch] = []
    dated = sorted(((partial(r["start"]), partial(r.get("end", "")), r) for r in rows), key=lambda x: x[0].first_day)
    for s, e, row in dated:
        if out and out[-1].start.first_day <= s.first_day and (out[-1].end is None or s.first_day <= out[-1].last + TOLERANCE):
            cur = out[-1]
            if cur.end is not None and (e is None or e.last_day > cur.end.last_day):
                cur.end = e
            cur.rows.append(row)
        else:
            out.append(_Stretch(s, e, [row], layer))
    return out


@dataclass
class Merged:
    people: dict[str, dict]
    offices: dict[str, dict]
    tenures: list[tuple[dict, str]]  # (row, layer name)
    conflicts: list[Conflict]
    # per layer: stretches of service it "added", told the "same" as an earlier layer, or told in "conflict"
    outcome: dict[str, dict[str, int]]


class _Merger:
    def __init__(self, today: dt.date):
        self.today = today
        self.people: dict[str, dict] = {}
        self.offices: dict[str, dict] = {}
        self.person_by_qid: dict[str, str] = {}
        self.person_by_birth: dict[tuple[str, str], str] = {}
        self.person_by_name: dict[str, set[str]] = {}
        self.office_by_qid: dict[str, str] = {}
        self.office_by_name: dict[tuple[str, str], str] = {}
        self.accepted: dict[tuple[str, str], list[_Stretch]] = {}
        self.tenures: list[tuple[dict, str]] = []
        self.conflicts: list[Conflict] = []
        self.outcome: dict[str, dict[str, int]] = {}
        self._later: list = []  # index entries a layer adds, applied once the layer is merged

    def add(self, info: LayerInfo, tables: Tables) -> None:
        omap = {r["office_id"]: self._office(r) for r in tables.offices}
        rows_of: dict[str, list[dict]] = {}
        for r in tables.tenures:
            rows_of.setdefault(r["person_id"], []).append({**r, "office_id": omap.get(r["office_id"], r["office_id"])})
        pmap = {r["person_id"]: self._person(r, rows_of.get(r["person_id"], [])) for r in tables.people}
        grouped: dict[tuple[str, str], list[dict]] = {}
        for pid, rows in rows_of.items():
            for row in rows:
                row["person_id"] = pmap.get(pid, pid)
                grouped.setdefault((row["person_id"], row["office_id"]), []).append(row)
        added: dict[tuple[str, str], list[_Stretch]] = {}
        outcome = self.outcome.setdefault(info.name, {"added": 0, "same": 0, "conflict": 0})
        for key, rows in grouped.items():
            for st in stretches(rows, info.name):
                earlier = [a for a in self.accepted.get(key, ()) if a.overlaps(st)]
                if not earlier:
                    added.setdefault(key, []).append(st)
                    self.tenures.extend((row, info.name) for row in st.rows)
                    outcome["added"] += 1
                    continue
                first = min(earlier, key=lambda a: a.start.first_day)
                last = max(earlier, key=lambda a: a.last)
                ds, de = _apart(first.start, st.start), _end_apart(last.end, st.end, self.today)
                agree = ds <= TOLERANCE.days and de is not None and de <= TOLERANCE.days
                outcome["same" if agree else "conflict"] += 1
                if not agree:
                    self.conflicts.append(Conflict(
                        key[0], key[1], first.layer, (first.start.iso(), last.end.iso() if last.end else ""),
                        info.name, (st.start.iso(), st.end.iso() if st.end else ""), ds, de))
        for key, sts in added.items():
            self.accepted.setdefault(key, []).extend(sts)
        # ids join rows of earlier layers only: within one layer, two ids are two offices or people (the
        # bundled Secretary of War of 1862 is not the Secretary of Defense styled so since 2025)
        for index in self._later:
            index()
        self._later.clear()

    def _office(self, r: dict) -> str:
        oid, qid, country = r["office_id"], r.get("qid", ""), r.get("country", "")
        target = oid if oid in self.offices else self.office_by_qid.get(qid) if qid else None
        if target is None:
            target = self.office_by_name.get((country, office_key(r.get("name_en", ""))))
        if target is None:
            target = oid
            self.offices[oid] = r
            for name in [r.get("name_en", "")] + (r.get("titles_en") or "").split("|"):
                if name.strip():
                    self._later.append(lambda k=(country, office_key(name)), v=oid: self.office_by_name.setdefault(k, v))
        if qid:
            self._later.append(lambda k=qid, v=target: self.office_by_qid.setdefault(k, v))
        return target

    def _person(self, r: dict, rows: list[dict]) -> str:
        pid, born = r["person_id"], r.get("born", "")
        qid = r.get("qid") or (pid if QID.match(pid) else "")
        name = name_key(r.get("name", ""))
        target = pid if pid in self.people else self.person_by_qid.get(qid) if qid else None
        names = {name, *(name_key(a) for a in (r.get("aliases") or "").split("|") if a.strip())}
        if target is None and born:
            target = next((self.person_by_birth[(n, born)] for n in sorted(names) if (n, born) in self.person_by_birth), None)
        if target is None:
            # the same name in the same office at the same time is the same person, unless they were born in
            # different years (two Mike Rogers sat in the House from 2003 to 2015, born 1958 and 1963)
            for other in sorted(self.person_by_name.get(name, ())):
                theirs = self.people.get(other, {}).get("born", "")
                if born and theirs and born[:4] != theirs[:4]:
                    continue
                if any(st.overlaps(_Stretch(partial(row["start"]), partial(row.get("end", "")), [row], ""))
                       for row in rows for st in self.accepted.get((other, row["office_id"]), ())):
                    target = other
                    break
        if target is None:
            target = pid
            self.people[pid] = r
            for n in names:
                self._later.append(lambda k=n, v=pid: self.person_by_name.setdefault(k, set()).add(v))
                if born:
                    self._later.append(lambda k=(n, born), v=pid: self.person_by_birth.setdefault(k, v))
        if qid:
            self._later.append(lambda k=qid, v=target: self.person_by_qid.setdefault(k, v))
        return target


def merge(layers: list[tuple[LayerInfo, Tables]], today: Optional[dt.date] = None) -> Merged:
    m = _Merger(today or dt.date.today())
    for info, tables in layers:
        m.add(info, tables)
    return Merged(m.people, m.offices, m.tenures, m.conflicts, m.outcome)
