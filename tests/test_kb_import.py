"""Importers (Wikidata CSV, SPARQL JSON, congress-legislators YAML) and the `checker kb` commands."""
from __future__ import annotations

import collections
import csv
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from checker import kb
from checker.cli import app
from checker.kb import importers
from checker.kb.layers import LayerError
from conftest import REFERENCE_DATE, SHARED, load_script, needs_shared

HOLDERS = """position,person,personID,start,end,gender,DOB
Secretary of Defence,Ana Ruiz,Q100,2010-01-15,2014-06,female,1960-02-01
Secretary of Defence,Bea Soto,Q101,2014-06,,female,
Harbour Master of Tests,Carl Diaz,Q102,1999,2003,male,
President,Dan Ames,Q103,2001-01-20,2009-01-20,male,1950-01-01
Secretary of State of Nowhere,Eve Lund,,2005-05-05,2004-01-01,female,
"""
POSITIONS = """id,position,country,jurisdiction
Q900,United States Secretary of Defense,Q30,Q30
Q901,President of the United States,Q30,Q30
"""


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))


def test_wikidata_csv(tmp_path):
    (tmp_path / "h.csv").write_text(HOLDERS)
    (tmp_path / "p.csv").write_text(POSITIONS)
    tables, skipped = importers.wikidata_csv(tmp_path / "h.csv", tmp_path / "p.csv")
    offices = {o["office_id"]: o for o in tables.offices}
    assert offices["us.secretary_of_defense"]["qid"] == "Q900"
    assert offices["us.secretary_of_defense"]["level"] == "cabinet"
    assert offices["us.president_of_the_united_states"]["level"] == "head_of_state"
    assert "President" not in offices["us.president_of_the_united_states"]["titles_en"].split("|")  # a generic title
    assert offices["us.harbour_master_of_tests"]["country"] == "US"  # the positions file names one country
    assert offices["us.secretary_of_state_of_nowhere"]["level"] == "other"
    terms = {(t["person_id"], t["start"]): t for t in tables.tenures}
    assert terms[("Q100", "2010-01-15")]["end"] == "2014-06" and terms[("Q100", "2010-01-15")]["end_precision"] == "month"
    assert terms[("Q102", "1999")]["start_precision"] == "year"
    assert terms[("Q101", "2014-06")]["end"] == ""
    people = {p["person_id"]: p for p in tables.people}
    assert people["Q100"]["born"] == "1960-02-01" and people["Q100"]["gender"] == "f" and people["Q100"]["qid"] == "Q100"
    assert people["p.eve.lund"]["qid"] == ""
    assert skipped == ["h.csv:6: ends (2004-01-01) before it starts (2005-05-05)"]


def test_wikidata_csv_needs_a_country_for_offices_it_cannot_place(tmp_path):
    (tmp_path / "h.csv").write_text(HOLDERS)
    with pytest.raises(LayerError, match="--country"):
        importers.wikidata_csv(tmp_path / "h.csv")
    tables, _ = importers.wikidata_csv(tmp_path / "h.csv", country="US")
    assert {o["country"] for o in tables.offices} == {"US"}


def binding(person, name, start, end=None, sp=11, ep=11, country="US", position="Q900", label="United States Secretary of Defense"):
    b = {"person": {"type": "uri", "value": f"http://www.wikidata.org/entity/{person}"},
         "personLabel": {"type": "literal", "value": name},
         "position": {"type": "uri", "value": f"http://www.wikidata.org/entity/{position}"},
         "positionLabel": {"type": "literal", "value": label},
         "positionLabelEs": {"type": "literal", "value": "secretario de Defensa de los Estados Unidos"},
         "start": {"type": "literal", "value": start}, "startPrecision": {"type": "literal", "value": str(sp)},
         "country": {"type": "literal", "value": country},
         "aliases": {"type": "literal", "value": "Ana|Ana M. Ruiz|Ruiz 2"}}
    if end:
        b["end"] = {"type": "literal", "value": end}
        b["endPrecision"] = {"type": "literal", "value": str(ep)}
    return b


SPARQL_VARS = ["person", "personLabel", "position", "positionLabel", "positionLabelEs", "start", "startPrecision",
               "end", "endPrecision", "country", "aliases"]
RESULTS = {"head": {"vars": SPARQL_VARS}, "results": {"bindings": [
    binding("Q100", "Ana Ruiz", "2010-01-15T00:00:00Z", "2014-06-01T00:00:00Z", ep=10),
    binding("Q100", "Ana Ruiz", "2010-01-15T00:00:00Z", "2014-06-01T00:00:00Z", ep=10),
    binding("Q104", "Q104", "2015-01-01T00:00:00Z"),
    binding("Q105", "Fay Wong", "1990-01-01T00:00:00Z", sp=9),
]}}


def test_sparql_json():
    tables, skipped = importers.sparql_json(RESULTS)
    assert [(t["person_id"], t["start"], t["end"]) for t in tables.tenures] == [
        ("Q100", "2010-01-15", "2014-06"), ("Q105", "1990", "")]
    assert skipped == ["binding 3: no person or no label for Q104"]
    (ana,) = [p for p in tables.people if p["person_id"] == "Q100"]
    assert ana["aliases"] == "Ana Ruiz|Ana M. Ruiz"  # one-word and numbered aliases are not names
    office = tables.offices[0]
    assert office["office_id"] == "us.secretary_of_defense" and office["qid"] == "Q900"
    assert "secretario de Defensa de los Estados Unidos" in office["titles_es"]
    with pytest.raises(LayerError, match=r"\?start"):
        importers.sparql_json({"head": {"vars": ["person", "personLabel", "position", "positionLabel"]},
                               "results": {"bindings": []}})
    with pytest.raises(LayerError):
        importers.sparql_json({"rows": []})


CONGRESS = """
- id: {bioguide: X000001, wikidata: Q200}
  name: {first: Robert, last: Quill, nickname: Bob, official_full: Robert Quill}
  bio: {birthday: '1950-03-04', gender: M}
  terms:
  - {type: rep, start: '1991-01-03', end: '1993-01-03', state: OR, district: 2}
  - {type: rep, start: '1993-01-05', end: '1995-01-03', state: OR, district: 2}
  - {type: rep, start: '1995-01-21', end: '1997-01-03', state: OR, district: 2}
  - {type: sen, start: '1999-01-06', end: '2005-01-03', state: OR}
  - {type: sen, start: '2005-01-04', end: '2099-01-03', state: OR}
- id: {bioguide: X000002}
  name: {first: Ida, middle: Mae, last: Brook}
  bio: {gender: F}
  terms:
  - {type: rep, start: '2003-01-07', end: '2005-01-03', state: TX}
"""


def test_congress(tmp_path):
    (tmp_path / "c.yaml").write_text(CONGRESS)
    tables, skipped = importers.congress([tmp_path / "c.yaml"], today=dt.date(2026, 1, 1), surnames=True)
    assert skipped == []
    terms = [(t["person_id"], t["office_id"], t["start"], t["end"], t["note"]) for t in tables.tenures]
    # a Congress that first sits eighteen days after the last one ended (as in 1971) leaves no gap in service
    assert terms == [("Q200", "us.house_representative", "1991-01-03", "1997-01-03", "OR"),
                     ("Q200", "us.senator", "1999-01-06", "", "OR; term ends 2099-01-03"),
                     ("p.bioguide.x000002", "us.house_representative", "2003-01-07", "2005-01-03", "TX")]
    people = {p["person_id"]: p for p in tables.people}
    assert people["Q200"]["aliases"].split("|") == ["Robert Quill", "Bob Quill"] and people["Q200"]["surnames"] == "Quill"
    current_only, _ = importers.congress([tmp_path / "c.yaml"], today=dt.date(2026, 1, 1))
    assert {p["surnames"] for p in current_only.people} == {""}
    assert people["p.bioguide.x000002"]["name"] == "Ida Mae Brook"
    titles = {o["office_id"]: o["titles_en"].split("|") for o in tables.offices}
    assert {"Sen.", "Senator"} <= set(titles["us.senator"])
    assert {"Rep.", "Representative", "Congressman", "Congresswoman"} <= set(titles["us.house_representative"])


def invoke(*args):
    return CliRunner().invoke(app, ["kb", *args], catch_exceptions=False)


def test_import_commands_write_layers(tmp_path):
    (tmp_path / "h.csv").write_text(HOLDERS)
    (tmp_path / "r.json").write_text(json.dumps(RESULTS))
    (tmp_path / "c.yaml").write_text(CONGRESS)
    r = invoke("import", "wikidata-csv", str(tmp_path / "h.csv"), "--country", "US", "--layer", "tests")
    assert r.exit_code == 0, r.output
    assert "imported 5 people, 4 offices, 4 terms into layer tests" in r.output
    assert invoke("import", "sparql-json", str(tmp_path / "r.json")).exit_code == 0
    assert invoke("import", "congress", str(tmp_path / "c.yaml")).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["congress", "sparql-r", "tests"]
    assert json.loads((tmp_path / "data" / "tests" / "layer.json").read_text())["counts"]["tenures"] == 4
    stats = invoke("stats").output
    assert "layers: 4" in stats and "layer congress:" in stats
    shown = invoke("show", "Robert Quill").output
    assert "United States Senator [US]: 1999-01-06..in office  <congress>" in shown
    assert "Bob Quill" in shown
    listed = invoke("list", "--office", "us.house_representative", "--layer", "congress").output
    assert "Ida Mae Brook" in listed and "Robert Quill" in listed
    assert invoke("show", "Nobody Atall").exit_code == 2
    (tmp_path / "bad.json").write_text("{")
    assert invoke("import", "sparql-json", str(tmp_path / "bad.json")).exit_code == 2
    assert not (tmp_path / "data" / "sparql-bad").exists()


def test_validate_list_show_export(tmp_path):
    r = invoke("validate")
    assert r.exit_code == 0 and "bundled: valid" in r.output, r.output
    r = invoke("list", "--country", "MX", "--office", "president")
    assert r.exit_code == 0 and "Claudia Sheinbaum" in r.output
    assert invoke("list", "--country", "QQ").exit_code == 2
    r = invoke("show", "Sheinbaum")
    assert "President of Mexico [MX]: 2024-10-01..in office  <bundled>" in r.output
    assert "born 1962-06-24, woman" in r.output
    assert "born 1922, died 1987-11-25, man" in invoke("show", "Harold Washington").output  # died in office
    out = tmp_path / "export"
    assert invoke("export", "--format", "csv", "--out", str(out)).exit_code == 0
    assert kb.validate_tables(out)["tenures"].shape[0] == kb.load(layers=False).stats()["tenures"]
    r = invoke("export", "--format", "json")
    data = json.loads(r.stdout)
    assert {"people", "offices", "tenures"} == set(data) and len(data["tenures"]) == kb.load(layers=False).stats()["tenures"]
    assert invoke("export", "--format", "xml").exit_code == 2
    assert invoke("export", "--format", "csv").exit_code == 2


def test_a_broken_layer_is_a_usage_error(tmp_path):
    (tmp_path / "data" / "half").mkdir(parents=True)
    (tmp_path / "data" / "half" / "tenures.csv").write_text("person_id,office_id\n")
    r = invoke("stats")
    assert r.exit_code == 2 and "incomplete" in r.output


@needs_shared
def test_congress_layer_makes_members_of_congress_checkable(tmp_path):
    """"Sen. Maria Cantwell" in a 1999 text is an anachronism (she joined the Senate in 2001); with the
    congress-legislators layer imported the checker sees it, and a 2019 text passes."""
    from checker.config import Settings
    from checker.engine import Checker
    from checker.ingest import read_one

    ref = SHARED / "kb-reference"
    r = invoke("import", "congress", str(ref / "legislators-current.yaml"), str(ref / "executive.yaml"))
    assert r.exit_code == 0, r.output
    checker = Checker(Settings(reference_date=REFERENCE_DATE))
    assert checker.kb.layers[0].name == "congress"

    def check(text):
        (doc,) = read_one("doc.txt", text.encode())
        return checker.analyse(doc), checker.check(doc)[0]

    old, row = check("Date: June 3, 1999\n\nSen. Maria Cantwell said the bill would pass the Senate next week.\n")
    assert old.window is not None and old.window.start == dt.date(2001, 1, 3)
    # a title two years before the term, in what the tense reader takes for a past-tense clause: the evidence
    # model's warning (16x as common in misdated text; an error needs more)
    assert row["warnings"] >= 1 or row["verdict"] == "inconsistent"
    new, row = check("Date: June 3, 2019\n\nSen. Maria Cantwell said the bill would pass the Senate next week.\n")
    assert row["verdict"] != "inconsistent" and new.window.start <= dt.date(2019, 6, 3)
    rep, _ = check("Date: March 3, 1994\n\nRep. Maria Cantwell says the House will vote on Tuesday.\n")
    # her House term, through its recorded end (the day the next Congress met)
    assert rep.window.start == dt.date(1993, 1, 5) and rep.window.end == dt.date(1995, 1, 3)


def test_the_config_key_names_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_DATA_DIR")
    (tmp_path / "proj" / "layers").mkdir(parents=True)
    config = tmp_path / "proj" / "checker.toml"
    config.write_text('knowledge-base = "layers"\n')
    (tmp_path / "c.yaml").write_text(CONGRESS)
    r = invoke("import", "congress", str(tmp_path / "c.yaml"), "--config", str(config))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "proj" / "layers" / "congress" / "tenures.csv").is_file()
    assert "layer congress:" in invoke("stats", "--config", str(config)).output
    # the environment wins over the config file, --data-dir over both
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert "layers: 1" in invoke("stats", "--config", str(config)).output
    assert "layers: 2" in invoke("stats", "--config", str(config), "--data-dir", str(tmp_path / "proj" / "layers")).output


def test_an_audit_with_a_broken_layer_exits_2(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "data" / "half").mkdir(parents=True)
    (tmp_path / "data" / "half" / "people.csv").write_text("person_id,name\n")
    (tmp_path / "doc.txt").write_text("Date: June 3, 2019\n\nPresident Trump spoke.\n")
    r = subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(tmp_path / "doc.txt")], capture_output=True,
                       text=True, cwd=ROOT, env={**os.environ, "CHECKER_DATA_DIR": str(tmp_path / "data")})
    assert r.returncode == 2 and "incomplete knowledge-base layer" in r.stderr


def test_stats_count_by_kind_of_office_and_what_people_lack():
    out = invoke("stats").output
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()[out.splitlines().index("") + 3:] if line.strip()}
    assert {"head_of_state", "cabinet", "legislator", "other", "all"} <= set(table)
    offices, terms, people, surnames, gender, born, died = map(int, table["all"])
    assert terms >= 5000 and people <= terms and gender == people
    # every person but the monarchs, who go by regnal names, is known by surnames
    assert people - surnames == int(table["monarch"][2]) - int(table["monarch"][3])


def test_a_wikidata_extract_complete_from_a_day_keeps_earlier_members_with_an_open_start(tmp_path):
    """`scripts/bundle_layer.py wikidata --complete-from`: a member whose rows begin before the day the extract
    is complete from is kept from the run of terms that reaches that day, its start marked open; earlier runs
    (whose gaps the extract may not hold) are dropped; a member who came later keeps exact terms."""
    bundle = _bundle_module()
    (tmp_path / "held.csv").write_text(
        "position,person,personID,start,end\n"
        "United States representative,Ada Q. Testwell,Q9000001,1983-01-03,1991-01-03\n"  # an early run, then a gap
        "United States representative,Ada Q. Testwell,Q9000001,1995,2001\n"
        "United States representative,Ada Q. Testwell,Q9000001,1999-01-06,2001-01-03\n"
        "United States representative,Ada Q. Testwell,Q9000001,2001-01-03,2005-01-03\n"
        "United States representative,Bo Newman,Q9000002,2003-01-07,2007-01-03\n"
        "United States representative,Cy Oldham,Q9000003,1971-01-03,1993-01-03\n"
        "United States representative,Di Stillwell,Q9000004,2004-01-03,\n", encoding="utf-8")  # still serving
    (tmp_path / "bio.csv").write_text(
        "id,gender,dob,dobp,dod,dodp\nQ9000001,female,1940-02-03,11,,\nQ9000002,male,1960-01-01,11,,\n"
        "Q9000003,male,1920-01-01,11,1999-05-05,11\nQ9000004,female,1970-01-01,11,,\n", encoding="utf-8")
    t = bundle.wikidata(tmp_path / "held.csv", tmp_path / "bio.csv",
                        {"United States representative": "us.house_representative"}, "US", "1999-01-07")
    terms = {(r["person_id"], r["start"]): r for r in t.tenures}
    # the 1983-91 run is dropped; 1995 ("or earlier") through 2005, joined across precisions
    assert set(terms) == {("Q9000001", "1995"), ("Q9000002", "2003-01-07"), ("Q9000003", "1971-01-03"),
                          ("Q9000004", "2004-01-03")}
    # a term still open when the extract was taken runs to the newest day it records, perhaps beyond
    assert terms[("Q9000004", "2004-01-03")]["end"] == "2007-01-03" and terms[("Q9000004", "2004-01-03")]["end_open"] == "true"
    assert terms[("Q9000001", "1995")]["end"] == "2005-01-03" and terms[("Q9000001", "1995")]["start_open"] == "true"
    assert terms[("Q9000002", "2003-01-07")]["start_open"] == ""
    assert terms[("Q9000003", "1971-01-03")]["start_open"] == "true"  # a service that ended before the day
    people = {p["person_id"]: p for p in t.people}
    assert people["Q9000001"]["aliases"].split("|") == ["Ada Q. Testwell", "Ada Testwell"]


def _bundle_module():
    return load_script("scripts/bundle_layer.py")


def test_a_legislature_extract_reads_its_own_biographies_and_joins_members_across_a_dissolution(tmp_path):
    """`scripts/bundle_layer.py wikidata` without `--bio`: gender, birth and death from the extract's own
    columns. `--join-within`: a member re-elected at the next election is one stretch across the weeks of the
    dissolution. A term past its holder's death ends at the death; one after it, or in the holder's childhood,
    is a namesake's row and is left out."""
    bundle = _bundle_module()
    (tmp_path / "held.csv").write_text(
        "position,person,personID,start,end,gender,DOB,DOD\n"
        "Member of the 1st Parliament,Ann Marlowe,Q9100001,2001-06-07,2005-04-11,female,1950-03-04,\n"
        "Member of the 2nd Parliament,Ann Marlowe,Q9100001,2005-05-05,2010-04-12,female,1950-03-04,\n"
        "Member of the 1st Parliament,Bert Quayle,Q9100002,2001-06-07,2005-04-11,male,1944,2003-02-01\n"
        "Member of the 2nd Parliament,Cal Ruddock,Q9100003,2005-05-05,2010-04-12,male,1809,1850\n"
        "Member of the 2nd Parliament,Dee Young,Q9100004,2005-05-05,2010-04-12,female,1995,\n"
        "Member of the 2nd Parliament,Eve Nobirth,Q9100005,2005-05-05,2010-04-12,female,,\n", encoding="utf-8")
    mapping = {"Member of the 1st Parliament": "gb.member_of_parliament",
               "Member of the 2nd Parliament": "gb.member_of_parliament"}
    t = bundle.wikidata(tmp_path / "held.csv", None, mapping, "GB", join_within=100)
    terms = sorted((r["person_id"], r["start"], r["end"]) for r in t.tenures)
    assert terms == [("Q9100001", "2001-06-07", "2010-04-12"), ("Q9100002", "2001-06-07", "2003-02-01")]
    people = {p["person_id"]: p for p in t.people}
    assert set(people) == {"Q9100001", "Q9100002"}  # no term left, or no birth date: not bundled
    assert people["Q9100001"]["gender"] == "f" and people["Q9100001"]["born"] == "1950-03-04"
    assert people["Q9100002"]["died"] == "2003-02-01"
    # a week apart only: two stretches
    apart = bundle.wikidata(tmp_path / "held.csv", None, mapping, "GB")
    assert sorted((r["start"], r["end"]) for r in apart.tenures if r["person_id"] == "Q9100001") == [
        ("2001-06-07", "2005-04-11"), ("2005-05-05", "2010-04-12")]


def test_surnames_keep_their_particles():
    """"del Campo", not "del": a particle begins a surname of several words and is never one alone."""
    assert importers.surnames_for("María Angélica Díaz del Campo", "MX") == "Díaz|Díaz del Campo"
    assert importers.surnames_for("Guillermo del Valle", "MX") == "del Valle"
    assert importers.surnames_for("Adriana Espinosa De los Monteros", "MX") == "Espinosa|Espinosa De los Monteros"
    assert importers.surnames_for("Ursula von der Leyen", "DE") == "von der Leyen"
    assert importers.surnames_for("Chris Van Hollen", "US") == "Van Hollen"
    assert importers.surnames_for("Shaktikanta Das", "IN") == "Das"  # a particle's word as the last: a surname
    assert importers.surnames_for("Nora Yú", "MX") == "Yú"  # two letters, the second accented


def test_a_compound_given_name_is_no_surname():
    """Three words of a Spanish name are a given name and two surnames ("Ramón Martín Huerta") unless the
    second is the second half of a compound given name ("Miguel Ángel", "María Guadalupe", "José Antonio"):
    then only the last is a surname, as extracts often leave the mother's surname out."""
    assert importers.surnames_for("Miguel Ángel Rodríguez", "CR") == "Rodríguez"
    assert importers.surnames_for("María Guadalupe Moctezuma", "MX") == "Moctezuma"
    assert importers.surnames_for("María Jesús Montero", "ES") == "Montero"
    assert importers.surnames_for("Ramón Martín Huerta", "MX") == "Martín|Martín Huerta"
    assert importers.surnames_for("Carlos Joaquín González", "MX") == "Joaquín|Joaquín González"
    assert importers.surnames_for("Andrés Manuel López Obrador", "MX") == "López|López Obrador"
    assert importers.surnames_for("José Antonio Alonso", "US") == "Alonso"


def test_a_peer_is_named_by_the_personal_name_not_the_peerage():
    """"Tom King, Baron King of Bridgwater" is Tom King: "Secretary King", never "Secretary Bridgwater"; a
    peerage's place is no surname, and a name that only looks like a title ("Baron Hill", "Michael Lord") is
    a name."""
    assert importers.surnames_for("Tom King, Baron King of Bridgwater", "GB") == "King"
    assert importers.surnames_for("Dennis Turner, Baron Bilston", "GB") == "Turner"
    assert importers.surnames_for("Angela Smith, Baroness Smith of Basildon", "GB") == "Smith"
    assert importers.name_forms("John Reid, Baron Reid of Cardowan") == ["John Reid, Baron Reid of Cardowan", "John Reid"]
    assert importers.surnames_for("Baron Hill", "US") == "Hill" and importers.surnames_for("Michael Lord", "GB") == "Lord"
    assert importers.personal_name("Earl Blumenauer") == "Earl Blumenauer"


def test_bundled_peers_have_their_own_surnames_and_one_row():
    """Every bundled peer goes by the personal name's surname, and a peer bundled twice (a minister written
    here, the member of Parliament from an extract) is one person."""
    people = list(csv.DictReader(open(kb.DATA_DIR / "people.csv", newline="", encoding="utf-8")))
    peers = [p for p in people if importers.personal_name(p["name"]) != p["name"]]
    assert len(peers) > 50
    for p in peers:
        assert p["surnames"] == importers.surnames_for(p["name"], "GB"), p["name"]
        assert importers.personal_name(p["name"]) in p["aliases"].split("|"), p["name"]
    named = collections.Counter((importers.personal_name(p["name"]), p["born"][:4]) for p in people if p["born"])
    assert all(named[(importers.personal_name(p["name"]), p["born"][:4])] == 1 for p in peers)


def test_name_forms_drop_middle_initials_and_suffixes():
    assert importers.name_forms("Charles B. Rangel") == ["Charles B. Rangel", "Charles Rangel"]
    assert importers.name_forms("Thomas J. Bliley, Jr.") == ["Thomas J. Bliley, Jr.", "Thomas J. Bliley", "Thomas Bliley"]
    assert importers.name_forms("J. Dennis Hastert") == ["J. Dennis Hastert", "Dennis Hastert"]
    assert importers.name_forms("Barney Frank") == ["Barney Frank"]
    assert importers.surnames_for("David Wu", "US") == "Wu" and importers.surnames_for("John Q. JR", "US") == ""


# first names and the short forms a person goes by ("Wally Hickel" is Walter Hickel, "Fritz Hollings" Ernest)
_GOES_BY = {"bill": "william", "will": "william", "bob": "robert", "rob": "robert", "jim": "james", "jimmy": "james",
            "dick": "richard", "rick": "richard", "mike": "michael", "tom": "thomas", "ted": "edward", "ed": "edward",
            "chuck": "charles", "joe": "joseph", "fritz": "ernest", "wally": "walter", "dave": "david", "dan": "daniel",
            "don": "donald", "ron": "ronald", "tony": "anthony", "pat": "patrick", "ben": "benjamin", "steve": "stephen",
            "sam": "samuel", "andy": "andrew", "jack": "john", "hank": "henry", "larry": "lawrence", "jerry": "gerald"}
# people of one surname, first name and year of birth who are two people
_NOT_THE_SAME = {frozenset({"p.ron_johnson", "Q970272"}),  # the ambassador to Mexico (2025) and the senator
                 frozenset({"p.francisco_flores", "Q18217094"})}  # El Salvador's president and a Mexican deputy


def test_no_bundled_person_is_written_twice():
    """One person in two rows (a governor written here, the senator from an extract, under another form of the
    name) splits their terms: "Governor Risch" and "Senator Risch" would be two namesakes, and neither row's
    other office would be known. Rows of the same surname, gender and birth whose first names are one
    ("Jim"/"James") and whose other names agree are one person."""
    from checker.kb.text import fold

    people = list(csv.DictReader(open(kb.DATA_DIR / "people.csv", newline="", encoding="utf-8")))

    def forms(p):
        out = set()
        for name in [p["name"], *p["aliases"].split("|")]:
            words = [w for w in fold(importers.personal_name(name)).replace(",", " ").replace(".", " ").split()
                     if len(w) > 1 and w not in ("jr", "sr", "ii", "iii")]
            if len(words) >= 2:
                out.add((_GOES_BY.get(words[0], words[0]), frozenset(words[1:])))
        return out

    by_key = collections.defaultdict(list)
    for p in people:
        if p["born"] and p["name"]:
            last = fold(importers.personal_name(p["name"])).replace(".", " ").split()
            last = [w for w in last if w not in ("jr", "sr", "ii", "iii")]
            by_key[(last[-1], p["gender"], p["born"][:4])].append(p)
    twice = []
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if "-" in a["born"] and "-" in b["born"] and a["born"] != b["born"]:
                    continue  # two full dates of birth that differ: two people
                if frozenset({a["person_id"], b["person_id"]}) in _NOT_THE_SAME:
                    continue
                if any(fa == fb and (ra <= rb or rb <= ra) for fa, ra in forms(a) for fb, rb in forms(b)):
                    twice.append((a["person_id"], a["name"], b["person_id"], b["name"]))
    assert twice == []


def test_no_member_of_congress_is_left_open_where_an_extract_stopped():
    """A term an extract saw still running is kept to its last day with an open end, concluding nothing
    later; for Congress the historical file closes every such term (a member who left in January 2023 is
    "Congressman Brady" in a 2024 text only as a courtesy, and the checker can tell)."""
    rows = list(csv.DictReader(open(kb.DATA_DIR / "tenures.csv", newline="", encoding="utf-8")))
    chambers = ("us.house_representative", "us.senator")
    assert not [r["person_id"] for r in rows if r["office_id"] in chambers and r["end_open"]]


def test_no_term_is_bundled_twice():
    """One person's terms of one office do not overlap (a hand-over month may end one and begin the next):
    a term written twice, once to the day and once to the year, stretches the person's service to the ends
    of the years."""
    def earliest(s):
        return s if len(s) == 10 else s + "-01" if len(s) == 7 else s + "-01-01"

    rows = list(csv.DictReader(open(kb.DATA_DIR / "tenures.csv", newline="", encoding="utf-8")))
    terms = collections.defaultdict(list)
    for r in rows:
        terms[(r["person_id"], r["office_id"])].append((earliest(r["start"]), earliest(r["end"]) if r["end"] else "9999"))
    twice = [k for k, v in terms.items() for (_, end), (start, _) in zip(sorted(v), sorted(v)[1:]) if start < end]
    assert not twice


def test_replace_gives_a_members_chambers_to_the_congress_record(tmp_path):
    """`scripts/bundle_layer.py congress --replace`: a member's bundled terms in a chamber the file also gives
    them (an extract's run that starts open in 1999) make way for the file's, found by QID or, for a person
    written by hand, by name, year of birth and an overlapping term; a namesake born in another year keeps
    theirs, and so do other offices."""
    from checker.kb.layers import Tables

    bundle = _bundle_module()
    base = Tables(
        people=[{"person_id": "Q200", "name": "Robert Quill", "qid": "Q200", "born": "1950-03-04"},
                {"person_id": "p.ida_brook", "name": "Ida Brook", "qid": "", "born": ""},
                {"person_id": "p.other_brook", "name": "Ida Brook", "qid": "", "born": "1931"}],
        offices=[],
        tenures=[{"person_id": "Q200", "office_id": "us.house_representative", "start": "1999-01-06", "end": "",
                  "start_open": "true"},
                 {"person_id": "Q200", "office_id": "us.secretary_of_energy", "start": "2006-01-01", "end": "2008-01-01"},
                 {"person_id": "p.ida_brook", "office_id": "us.house_representative", "start": "2003-01-07",
                  "end": "2005-01-03"},
                 {"person_id": "p.other_brook", "office_id": "us.house_representative", "start": "1961-01-03",
                  "end": "1963-01-03"}])
    (tmp_path / "c.yaml").write_text(CONGRESS)
    new, _ = importers.congress([tmp_path / "c.yaml"], today=dt.date(2026, 1, 1), surnames=True)
    kept, renamed = bundle._replaced(base, new)
    assert sorted((t["person_id"], t["office_id"]) for t in kept.tenures) == [
        ("Q200", "us.secretary_of_energy"), ("p.other_brook", "us.house_representative")]
    # the member found by name takes the bundled id, so the merge joins the two rows
    assert {t["person_id"] for t in renamed.tenures} == {"Q200", "p.ida_brook"}


def test_replace_finds_a_member_written_by_hand_by_surname_birth_and_given_name(tmp_path):
    """A cabinet member written by hand ("Ed Derwinski", born 1926) is the member of Congress of that surname,
    gender and year of birth whose given name agrees ("Edward Joseph Derwinski"): the record's terms join the
    bundled person; a namesake born in another year stays someone else. A term in Congress past the bundled
    person's death ends at the death."""
    from checker.kb.layers import Tables

    bundle = _bundle_module()
    (tmp_path / "h.yaml").write_text("""
- id: {bioguide: X000010}
  name: {first: Edward, middle: Joseph, last: Marwick}
  bio: {birthday: '1926-11-15', gender: M}
  terms:
  - {type: rep, start: '1959-01-07', end: '1983-01-03', state: IL}
- id: {bioguide: X000011}
  name: {first: Edward, last: Norbury}
  bio: {birthday: '1940-01-01', gender: M}
  terms:
  - {type: rep, start: '1991-01-03', end: '1993-01-03', state: IL}
""")
    new, _ = importers.congress([tmp_path / "h.yaml"], today=dt.date(2026, 1, 1), surnames=True)
    base = Tables(people=[{"person_id": "p.ed_marwick", "name": "Ed Marwick", "qid": "", "born": "1926", "gender": "m",
                           "died": "1982-06-01"},
                          {"person_id": "p.ed_norbury", "name": "Ed Norbury", "qid": "", "born": "1931", "gender": "m"}],
                  offices=[], tenures=[])
    _, renamed = bundle._replaced(base, new)
    owners = {t["start"]: t["person_id"] for t in renamed.tenures}
    assert owners == {"1959-01-07": "p.ed_marwick", "1991-01-03": "p.bioguide.x000011"}
    tenures = [dict(t) for t in renamed.tenures]
    bundle._end_at_death(tenures, {p["person_id"]: p for p in base.people})
    assert [t["end"] for t in tenures if t["person_id"] == "p.ed_marwick"] == ["1982-06-01"]
    # a death known to the year only ends the term in that year, at that precision
    tenures = [dict(t, end_precision="day") for t in renamed.tenures]
    bundle._end_at_death(tenures, {"p.ed_marwick": {"died": "1982"}})
    assert [(t["end"], t["end_precision"]) for t in tenures if t["person_id"] == "p.ed_marwick"] == [("1982", "year")]
