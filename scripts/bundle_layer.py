"""Fold an imported knowledge-base layer into the bundled tables (checker/kb/data), each new row marked with
where it came from.

    .venv/bin/python scripts/bundle_layer.py congress --source unitedstates/congress-legislators@dfa9622 \
        path/to/legislators-current.yaml
    .venv/bin/python scripts/bundle_layer.py folder --source editorial /work/kbstage/some-folder
    .venv/bin/python scripts/bundle_layer.py wikidata holders.csv --bio bio.csv \
        --map "United States representative=us.house_representative" --source "<repo>@<commit>:<file>"

`congress` runs the congress-legislators importer (checker.kb.importers.congress; every member in the file with
all their terms, surnames indexed, a term ending at its holder's death; with `--replace` a member's bundled
terms in a chamber the file gives them make way for the file's); `wikidata` reads a Wikidata "positions held" extract
(`position,person,personID,start,end`, one row per term) joined to a biography extract (`id,gender,dob,dobp,dod,
dodp`: Wikidata P21, P569, P570 with their precisions), keeping the positions `--map` names and giving them the
bundled office ids, consecutive terms of one office joined; `folder` reads a folder of the three tables in the bundled schema (with
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
from typing import Optional

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


_PRECISION = {"9": 4, "10": 7, "11": 10}  # Wikidata time precision: year, month, day -> characters kept


def _bio_date(value: str, precision: str) -> str:
    v = (value or "").strip()
    return v[:_PRECISION.get((precision or "").strip(), len(v))] if v else ""


def _inline_bio(rows: list[dict]) -> dict[str, dict]:
    """A biography from an extract that carries its holders' gender, birth and death in its own columns
    (`gender,DOB,DOD`, each date written to its precision: "1961-03-10", "1961-03", "1961"); a person's rows
    agree, so the first that gives a value is kept."""
    bio: dict[str, dict] = {}
    for r in rows:
        b = bio.setdefault(r["personID"].strip(), {"gender": "", "dob": "", "dod": ""})
        for col, key in (("gender", "gender"), ("DOB", "dob"), ("DOD", "dod")):
            b[key] = b[key] or (r.get(col) or "").strip()
    return bio


def wikidata(path: Path, bio: Optional[Path], mapping: dict[str, str], country: str,
             complete_from: Optional[str] = None, join_within: int = 7) -> Tables:
    """Positions held (mapped ones only) joined to their holders' biographies, as bundled tables; a person
    without a birth date or a gender in the biography file is left out (every bundled person has both), and
    a term the extract leaves open is kept up to the newest day the extract records anything (its
    snapshot's day, at the latest), its end marked open (`end_open`: in office until then at least, perhaps
    after), since it may have ended since the extract was taken. `complete_from`:
    the day from which the extract holds every term. A person whose terms in an office begin on or before it
    may have served earlier than the extract says (a member since 1985 whose rows start in 1999), so their
    service is kept from the first term the extract holds whole on: the run of terms that reaches
    `complete_from` (earlier runs are dropped, since the years between them and it may hold terms the extract
    lacks) or, for a person whose service ended before it, their last run; that run's start is marked open
    (`start_open`): in office on that day, and perhaps before."""
    from checker.kb.importers import name_forms, precision_of, surnames_for
    from checker.kb.store import parse_partial

    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    people_bio = ({r["id"]: r for r in csv.DictReader(open(bio, encoding="utf-8", newline=""))} if bio is not None
                  else _inline_bio(rows))
    runs: dict[tuple[str, str], list[list[str]]] = {}
    names: dict[str, str] = {}
    # the extract is known to be current through the newest day it records: a term still open then ran that far
    seen = max(v.strip()[:10] for r in rows for v in (r["start"] or "", r["end"] or "") if len(v.strip()) >= 10)
    for r in rows:
        oid, qid = mapping.get(r["position"]), r["personID"].strip()
        b = people_bio.get(qid)
        if oid is None or b is None or not b.get("dob") or b.get("gender") not in ("male", "female") or not r["start"]:
            continue
        names[qid] = r["person"].strip()
        runs.setdefault((qid, oid), []).append([r["start"].strip(), (r["end"] or "").strip()])
    tables = Tables()
    # a person whose terms in an office may begin before the extract's complete years (kept from there on,
    # with an open start)
    partial = {key for key, terms in runs.items() if complete_from and min(s for s, _ in terms)[:10] <= complete_from}
    for qid, name in sorted(names.items()):
        b = people_bio[qid]
        tables.people.append({"person_id": qid, "name": name, "aliases": "|".join(name_forms(name)),
                              "surnames": surnames_for(name, country),
                              "gender": b["gender"][0], "born": _bio_date(b["dob"], b.get("dobp", "")),
                              "died": _bio_date(b.get("dod", ""), b.get("dodp", "")), "qid": qid})
    for (qid, oid), terms in sorted(runs.items()):
        joined: list[list[str]] = []
        for start, end in sorted(terms):
            prev = joined[-1][1] if joined else None
            # joined: a run still open, a term starting within `join_within` days of the run's end (a week; a
            # parliament's dissolution and election, for a member re-elected), or one overlapping it at the
            # coarser precision of the two ("1986".."2005" and 1999-01-06..2005-01-03)
            if prev is not None and (prev == "" or start[:len(prev)] <= prev[:len(start)] or (
                    len(prev) == 10 and len(start) == 10 and
                    dt.date.fromisoformat(start) <= dt.date.fromisoformat(prev) + dt.timedelta(days=join_within))):
                joined[-1][1] = "" if prev == "" or not end else max(prev, end)  # "" is still in office
            else:
                joined.append([start, end])
        opened = ""
        if (qid, oid) in partial:
            # the earliest run the extract may hold whole from its start on: the one reaching complete_from
            # (or the last, for a service that ended before it); earlier runs and their gaps are unknown
            reach = [k for k, (_, end) in enumerate(joined) if end == "" or end[:10] >= complete_from]
            first = reach[0] if reach else len(joined) - 1
            joined, opened = joined[first:], joined[first][0]
        b = people_bio[qid]
        born = parse_partial(_bio_date(b["dob"], b.get("dobp", "")))
        dod = _bio_date(b.get("dod", ""), b.get("dodp", ""))
        died = parse_partial(dod) if dod else None
        for start, end in joined:
            # left open by an extract of some years ago: in office through its newest day, perhaps since
            end, closed = (end, True) if end else (seen, False)
            if end[:len(start)] < start[:len(end)]:
                continue  # a term that ends before it starts: an error of the extract
            began = parse_partial(start).first_day
            if (died is not None and began > died.last_day) or began.year - born.year < 18:
                # a term after its holder's death or in their childhood: the row names a namesake's item
                print(f"left out: {names[qid]} ({qid}, born {b['dob']}, died {dod or '-'}) {oid} {start}..{end}",
                      file=sys.stderr)
                continue
            if died is not None and parse_partial(end).first_day > died.last_day:
                # a legislature's term runs to its end in the extract; a member who died in office left then
                end, closed = dod, True
            tables.tenures.append({"person_id": qid, "office_id": oid, "start": start, "end": end,
                                   "start_precision": precision_of(start), "end_precision": precision_of(end),
                                   "acting": "false", "start_open": "true" if start == opened else "",
                                   "end_open": "" if closed else "true"})
    held = {t["person_id"] for t in tables.tenures}
    tables.people[:] = [p for p in tables.people if p["person_id"] in held]
    return tables


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


def _join_same_people(people: dict[str, dict]) -> tuple[dict[str, dict], dict[str, str]]:
    """A person written here without a QID (a governor, `p.bob_graham`) and the same person from an extract
    (the senator, `Q578102`): the same full name, gender and year of birth make them one, under the QID. The
    layer merge joins by name and full birth date, which rows written here often lack."""
    from checker.kb.importers import personal_name
    from checker.kb.text import fold

    by_name: dict[tuple[str, str, str], list[str]] = {}
    for pid, p in people.items():
        if p.get("born") and p.get("gender"):
            by_name.setdefault((fold(personal_name(p["name"])), p["gender"], p["born"][:4]), []).append(pid)
    joined: dict[str, str] = {}
    for ids in by_name.values():
        qs = [i for i in ids if i.startswith("Q")]
        ps = [i for i in ids if not i.startswith("Q")]
        if len(qs) == 1 and len(ps) == 1:
            q, p = people[qs[0]], people[ps[0]]
            q["aliases"] = "|".join(dict.fromkeys(a for a in (q.get("aliases") or "").split("|") + [p["name"]] +
                                                 (p.get("aliases") or "").split("|") if a))
            q["died"] = q.get("died") or p.get("died") or ""
            joined[ps[0]] = qs[0]
    return {k: v for k, v in people.items() if k not in joined}, joined


def _end_at_death(tenures: list[dict], people: dict[str, dict]) -> None:
    """A term in Congress past its holder's death ends at the death: the record gives some members who died in
    office the Congress's end (Bruce Vento died on 2000-10-10; his term is recorded to 2001-01-03). The death is
    the bundled person's (congress-legislators has none)."""
    from checker.kb import parse_partial
    from checker.kb.importers import CONGRESS_OFFICES, precision_of

    chambers = {CONGRESS_OFFICES[k][0] for k in ("rep", "sen")}
    for t in tenures:
        died = (people.get(t["person_id"]) or {}).get("died") or ""
        if died and t["office_id"] in chambers and t.get("end") and parse_partial(t["end"]).first_day > parse_partial(died).last_day:
            print(f"ended at the death: {t['person_id']} {t['office_id']} {t['start']}..{t['end']} -> {died}",
                  file=sys.stderr)
            t["end"] = died
            if t.get("end_precision"):
                t["end_precision"] = precision_of(died)


def _replaced(base: Tables, new: Tables) -> tuple[Tables, Tables]:
    """The bundled tables less the terms, in a chamber of Congress, of the members the new layer gives terms in
    that chamber: the same person by id or Wikidata QID, or by a name and a year of birth that agree with a
    bundled term in that chamber overlapping one of the new ones (a person written by hand, without a QID).
    Returns them and the new layer, its members found by name given the bundled ids (so the merge joins them
    to the bundled person, whose row stands)."""
    from checker.analyse.people import same_given
    from checker.kb.importers import CONGRESS_OFFICES
    from checker.kb.layers import name_key

    chambers = {CONGRESS_OFFICES[k][0] for k in ("rep", "sen")}
    by_qid = {(r.get("qid") or r["person_id"]): r["person_id"] for r in base.people}
    ids = {r["person_id"] for r in base.people}
    by_name: dict[str, set[str]] = {}
    for r in base.people:
        for n in [r["name"]] + (r.get("aliases") or "").split("|"):
            if n.strip():
                by_name.setdefault(name_key(n), set()).add(r["person_id"])
    born = {r["person_id"]: (r.get("born") or "")[:4] for r in base.people}
    terms_of: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t in base.tenures:
        terms_of.setdefault((t["person_id"], t["office_id"]), []).append((t["start"], t.get("end") or "9999"))
    person = {r["person_id"]: r for r in new.people}

    by_surname: dict[tuple[str, str, str], set[str]] = {}  # (surname, gender, year of birth) -> people
    for r in base.people:
        if r.get("born") and r["name"].split():
            by_surname.setdefault((name_key(r["name"]).split()[-1], r.get("gender", ""), r["born"][:4]), set()).add(r["person_id"])

    def givens(forms: list[str]) -> set[str]:
        """The first name of each form, and the next one after an initial ("J. Strom Thurmond")."""
        out = set()
        for words in (name_key(n).split() for n in forms if n.strip()):
            out.add(words[0])
            if len(words[0].rstrip(".")) == 1 and len(words) > 2:
                out.add(words[1])
        return out

    first_names = {r["person_id"]: givens([r["name"]] + (r.get("aliases") or "").split("|")) for r in base.people}

    def same(t: dict) -> str:
        p = person.get(t["person_id"], {})
        if t["person_id"] in ids:
            return t["person_id"]
        if by_qid.get(p.get("qid") or t["person_id"]):
            return by_qid[p.get("qid") or t["person_id"]]
        names = {name_key(n) for n in [p.get("name", "")] + (p.get("aliases") or "").split("|") if n.strip()}
        year = (p.get("born") or "")[:4]
        for other in sorted({o for n in names for o in by_name.get(n, ())}):
            if year and born[other] and year != born[other]:
                continue
            if any(a <= (t.get("end") or "9999") and t["start"] <= b for a, b in terms_of.get((other, t["office_id"]), ())):
                return other
        # a cabinet member written by hand ("Ed Derwinski", born 1926) is the member of Congress of that surname,
        # gender and year of birth whose given name agrees ("Edward Joseph Derwinski")
        if year and p.get("name", "").split():
            mine = givens([p.get("name", "")] + (p.get("aliases") or "").split("|"))
            for other in sorted(by_surname.get((name_key(p["name"]).split()[-1], p.get("gender", ""), year), ())):
                if any(same_given(a, b) for a in mine for b in first_names[other]):
                    return other
        return ""

    pairs, renamed = set(), {}
    for t in new.tenures:
        if t["office_id"] in chambers:
            pid = same(t)
            if pid:
                if (pid, t["office_id"]) in terms_of:
                    pairs.add((pid, t["office_id"]))
                if pid != t["person_id"] and not by_qid.get(person.get(t["person_id"], {}).get("qid") or t["person_id"]):
                    renamed[t["person_id"]] = pid  # found by name: the merge joins them by the bundled id
    for new_id, pid in sorted(renamed.items()):
        print(f"found by name: {person[new_id]['name']} ({new_id}) is {pid}", file=sys.stderr)
    kept = [t for t in base.tenures if (t["person_id"], t["office_id"]) not in pairs]
    print(f"replaced: {len(base.tenures) - len(kept)} bundled terms of {len(pairs)} members and chambers "
          f"({len(renamed)} members found by name)", file=sys.stderr)
    return (Tables(base.people, base.offices, kept),
            Tables([{**p, "person_id": renamed.get(p["person_id"], p["person_id"])} for p in new.people], new.offices,
                   [{**t, "person_id": renamed.get(t["person_id"], t["person_id"])} for t in new.tenures]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=("congress", "folder", "wikidata"))
    ap.add_argument("--bio", type=Path, help="wikidata: the biography extract (id,gender,dob,dobp,dod,dodp); "
                    "without it, the extract's own gender,DOB,DOD columns")
    ap.add_argument("--map", action="append", default=[], help="wikidata: POSITION LABEL=office_id")
    ap.add_argument("--country", default="US", help="wikidata: the country whose naming gives surnames")
    ap.add_argument("--complete-from", help="wikidata: the day (YYYY-MM-DD) from which the extract holds every term")
    ap.add_argument("--join-within", type=int, default=7,
                    help="wikidata: days between a term's end and the next one's start that still make one stretch "
                         "(7; a legislature's dissolution before an election, for members re-elected: 100)")
    ap.add_argument("--replace", action="store_true",
                    help="congress: a member's bundled terms in a chamber the file also gives them are replaced by "
                         "the file's (congress-legislators is the record of Congress; an extract's terms of the same "
                         "member may start open or end where the extract stopped)")
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
        if args.replace:
            base, new = _replaced(base, new)
    elif args.kind == "wikidata":
        new = wikidata(args.path, args.bio, dict(m.split("=", 1) for m in args.map), args.country, args.complete_from,
                       args.join_within)
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
    people, joined = _join_same_people(merged.people)
    tenures = [{**r, "person_id": joined.get(r["person_id"], r["person_id"])} for r, _ in merged.tenures]
    if args.kind == "congress":
        _end_at_death(tenures, people)
    for old, new in joined.items():
        print(f"one person: {old} joined to {new} (same name, gender and year of birth)", file=sys.stderr)
    _write(args.data, "people", list(people.values()))
    _write(args.data, "offices", list(merged.offices.values()))
    _write(args.data, "tenures", tenures)
    out = merged.outcome.get("new", {})
    print(f"{len(merged.people)} people, {len(merged.offices)} offices, {len(merged.tenures)} terms; from the new "
          f"layer: {out}; {len(merged.conflicts)} conflicts; {updated} bundled people updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
