"""The bundled knowledge base against the Wikidata extracts in ../shared/kb-reference.

Every bundled stretch of service that the reference also gives (the same person, by QID or else by name with a
term in the same office, and the same office, matched by name) must start and end within 7 days of the
reference's dates, at the precision each side gives, or be listed in data/reference_exceptions.csv with the
reason the reference is not followed. The extracts are snapshots (US: August 2022, Mexico: July 2022), so
a term the reference leaves open agrees with a bundled end after its snapshot. Run with -s for the figures.
"""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from checker import kb
from checker.kb import importers
from checker.kb.layers import BUNDLED, TOLERANCE, LayerInfo, merge, partial, read_layer
from conftest import SHARED, needs_shared

SNAPSHOTS = {"us": dt.date(2022, 8, 1), "mx": dt.date(2022, 7, 1)}


def exceptions() -> dict[tuple[str, str, str], dict]:
    with open(kb.DATA_DIR / "reference_exceptions.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        assert r["reason"].strip(), f"an exception without a reason: {r}"
    return {(r["person_id"], r["office_id"], r["field"]): r for r in rows}


def compare(country: str):
    ref = SHARED / "kb-reference"
    tables, _ = importers.wikidata_csv(ref / f"wikidata-{country}-officeholders.csv", ref / f"wikidata-{country}-positions.csv")
    merged = merge([(LayerInfo(BUNDLED, kb.DATA_DIR), read_layer(kb.DATA_DIR)), (LayerInfo("reference", ref), tables)],
                   today=SNAPSHOTS[country])
    return merged


@needs_shared
@pytest.mark.parametrize("country", sorted(SNAPSHOTS))
def test_bundled_terms_agree_with_the_reference(country):
    merged = compare(country)
    excused = exceptions()
    snapshot = SNAPSHOTS[country]
    unexplained, explained = [], 0
    for c in merged.conflicts:
        fields = []
        if c.start_days > TOLERANCE.days:
            fields.append("start")
        if c.end_days is None:
            kept_end = partial(c.kept[1]) if c.kept[1] else None
            # the reference is a snapshot: "in office" then agrees with an end after it
            if not (c.dropped[1] == "" and kept_end is not None and kept_end.last_day >= snapshot - TOLERANCE):
                fields.append("end")
        elif c.end_days > TOLERANCE.days:
            fields.append("end")
        if not fields:
            continue
        missing = [f for f in fields if (c.person_id, c.office_id, f) not in excused]
        if missing:
            unexplained.append(f"{c.person_id} {c.office_id} {'/'.join(missing)}: ours {c.kept[0]}..{c.kept[1] or 'open'}, "
                               f"reference {c.dropped[0]}..{c.dropped[1] or 'open'}")
        else:
            explained += 1
    compared = merged.outcome["reference"]["same"] + merged.outcome["reference"]["conflict"]
    agreeing = compared - explained - len(unexplained)
    print(f"\n{country}: {compared} bundled stretches of service also in the reference; {agreeing} agree within "
          f"{TOLERANCE.days} days ({agreeing / compared:.1%}), {explained} differ with a documented exception, "
          f"{len(unexplained)} differ without one")
    assert compared > 50
    assert not unexplained, "\n".join(unexplained)


@needs_shared
def test_every_exception_is_still_needed():
    """An exception whose difference is gone (the row was fixed) is removed, so the file stays honest."""
    needed = set()
    for country, snapshot in SNAPSHOTS.items():
        for c in compare(country).conflicts:
            needed.add((c.person_id, c.office_id, "start"))
            needed.add((c.person_id, c.office_id, "end"))
    stale = [k for k in exceptions() if k[2] in ("start", "end") and k not in needed]
    assert not stale, stale
