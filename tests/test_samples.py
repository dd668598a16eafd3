"""The bundled sample corpus: every rule fires where samples/EXPECTED.yaml says, clean documents pass."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conftest import REFERENCE_DATE, ROOT

SEV = {"info": 1, "warning": 2, "error": 3}
EXPECTED = yaml.safe_load((ROOT / "samples" / "EXPECTED.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_audit():
    from checker.config import Settings
    from checker.engine import audit

    return audit([str(ROOT / "samples" / "docs")], Settings(reference_date=REFERENCE_DATE))


def _key(doc_id: str) -> str:
    path, _, rec = doc_id.partition("#")
    return Path(path).name + (f"#{rec}" if rec else "")


def _v(x):
    return None if x is None or x != x or x == "" else x


def _day(s):
    return dt.date.fromisoformat(str(s)[:10]) if _v(s) is not None else None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_document(sample_audit, name):
    docs = {_key(r["doc_id"]): r for r in sample_audit.documents.to_dict("records")}
    finds = [f for f in sample_audit.findings.to_dict("records") if _key(f["doc_id"]) == name]
    e = EXPECTED[name]
    d = docs[name]
    want = e.get("declared_date")
    assert _v(d["declared_date"]) == (str(want) if want is not None else None)
    assert d["verdict"] == e["verdict"], [f["message"] for f in finds]
    ws, we = _day(d["inferred_start"]), _day(d["inferred_end"])
    for c in e.get("window_contains", []):
        assert ws and we and ws <= _day(c) <= we, (ws, we, c)
    if "window_within" in e:
        a, b = map(_day, e["window_within"])
        assert ws and we and a <= ws and we <= b, (ws, we, a, b)
    for f in e.get("must_find", []):
        hit = [x for x in finds if x["category"] == f["category"] and SEV[x["severity"]] >= SEV[f["severity"]]
               and f.get("contains", "").lower() in (x["evidence"] + " " + x["message"]).lower()
               and x["rule_id"] == f.get("rule", x["rule_id"])]
        assert hit, (f, [(x["rule_id"], x["severity"], x["message"]) for x in finds])
    for f in e.get("must_not_find", []):
        hit = [x for x in finds if x["category"] == f["category"] and x["severity"] == f["severity"]
               and f.get("contains", "").lower() in (x["evidence"] + " " + x["message"]).lower()]
        assert not hit, [x["message"] for x in hit]


def test_every_rule_fires_somewhere_in_the_samples(sample_audit):
    from checker.rules import all_rules

    fired = set(sample_audit.findings["rule_id"])
    # IN004 needs a checker bug, IN005 and IN006 a lowered time budget or size limit: their docstring examples
    # (run by test_rule_examples.py) cover them
    missing = {r.code for r in all_rules()} - fired - {"IN004", "IN005", "IN006"}
    assert not missing
