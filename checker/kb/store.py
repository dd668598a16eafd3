"""Reading, validating, merging, caching and writing the knowledge base's tables: the bundled ones in
`data/` and the layers a user imports into the user data folder (`data_home()`)."""
from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from checker.kb import stash
from checker.kb.base import KnowledgeBase
from checker.kb.layers import (BUNDLED, LayerError, LayerInfo, Tables, birth, discover, fingerprint, merge, partial,
                               read_layer)
from checker.kb.records import Office, Person
from checker.model import PartialDate, Precision, Tenure

DATA_DIR = Path(__file__).parent / "data"
DATA_DIR_ENV = "CHECKER_DATA_DIR"
parse_partial = partial  # "2025", "2025-03" or "2025-03-26" -> PartialDate; "" -> None
parse_birth = birth  # a person's `born`: as parse_partial, or a range of years "1755/1757" -> its first year


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


def _split(value: Optional[str]) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


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
                  r.get("acting", "").lower() == "true", el.first_day if el else None,
                  (r.get("start_open") or "").lower() == "true", (r.get("end_open") or "").lower() == "true")


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
            "elected": t.elected.isoformat() if t.elected else "", "start_open": "true" if t.start_open else "",
            "end_open": "true" if t.end_open else ""}


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


# the code a cached merge depends on: the records, the index the class builds (titles from the language
# packs among them), reading and merging
_HERE = Path(__file__).parent
_CODE = [_HERE / n for n in ("__init__.py", "base.py", "records.py", "titles.py", "store.py", "layers.py", "text.py")] + [
    _HERE.parent / "model.py", *sorted((_HERE.parent / "lang").glob("*.py"))]


def _cache_path(key: tuple) -> Path:
    code = stash.files_key(_CODE)
    return stash.path_for("kb", (code, key))
