"""Fold an imported knowledge-base layer into the bundled tables (checker/kb/data), each new row marked with
where it came from.

    .venv/bin/python scripts/bundle_layer.py congress --source unitedstates/congress-legislators@dfa9622 \
        path/to/legislators-current.yaml
    .venv/bin/python scripts/bundle_layer.py folder --source editorial /work/kbstage/some-folder

`congress` runs the congress-legislators importer (checker.kb.importers.congress; every current member with
all their terms, surnames indexed); `folder` reads a folder of the three tables in the bundled schema (with
an optional people_updates.csv: person_id,died,gender,born filling blanks of people already bundled). The
merge is the one `checker` applies to imported layers (checker.kb.layers.merge): a person with a known QID or
the same name and birth date joins the bundled one, a term that repeats a bundled term within 7 days is
dropped, one that contradicts it is reported and dropped (the bundled dates were checked against the
reference extracts). Rows that a source gives its own `source` keep it.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.kb import DATA_DIR  # noqa: E402
from checker.kb.layers import BUNDLED, TABLES, LayerInfo, Tables, merge, read_layer  # noqa: E402


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    cols = TABLES[name]
    with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: (r.get(c) or "") for c in cols})


def _at_precision(t: dict) -> dict:
    """A date written in full with a coarser precision ("1947-01-01", month) cut to it ("1947-01"): the
    knowledge base reads a date's precision from its form."""
    for col in ("start", "end"):
        v, p = (t.get(col) or "").strip(), (t.get(f"{col}_precision") or "").strip()
        if len(v) == 10 and p in ("month", "year"):
            t[col] = v[:7] if p == "month" else v[:4]
    return t


def _updates(base: Tables, path: Path) -> int:
    """Fill blank died/gender/born of bundled people from a people_updates.csv; returns the rows changed."""
    if not path.is_file():
        return 0
    people = {r["person_id"]: r for r in base.people}
    changed = 0
    for u in csv.DictReader(open(path, encoding="utf-8", newline="")):
        p = people.get((u.get("person_id") or "").strip())
        if p is None:
            continue
        touched = False
        for col in ("died", "gender", "born"):
            v = (u.get(col) or "").strip()
            if v and not (p.get(col) or "").strip():
                p[col] = v
                touched = True
        changed += touched
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=("congress", "folder"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--source", required=True, help="what each new row's source column says")
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    args = ap.parse_args()
    base = read_layer(args.data)
    if args.kind == "congress":
        from checker.kb.importers import congress

        new, skipped = congress([args.path], today=dt.date.today(), surnames=True)
        for s in skipped:
            print("skipped:", s, file=sys.stderr)
        updated = 0
    else:
        new = read_layer(args.path)
        for t in new.tenures:
            _at_precision(t)
        updated = _updates(base, args.path / "people_updates.csv")
    for t in new.tenures:
        t["source"] = t.get("source") or args.source
    merged = merge([(LayerInfo(BUNDLED, args.data), base), (LayerInfo("new", args.path), new)])
    for c in merged.conflicts:
        print(f"conflict, kept the bundled dates: {c}", file=sys.stderr)
    _write(args.data, "people", list(merged.people.values()))
    _write(args.data, "offices", list(merged.offices.values()))
    _write(args.data, "tenures", [r for r, _ in merged.tenures])
    out = merged.outcome.get("new", {})
    print(f"{len(merged.people)} people, {len(merged.offices)} offices, {len(merged.tenures)} terms; from the new "
          f"layer: {out}; {len(merged.conflicts)} conflicts; {updated} bundled people updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
