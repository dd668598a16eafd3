"""Knowledge-base layers: how imported layers merge with the bundled one, who wins, what is reported."""
from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from checker import kb
from checker.kb import store
from checker.kb.layers import LayerError, LayerInfo, Tables, merge, write_layer

OFFICE = {"office_id": "zz.minister_of_tests", "country": "ZZ", "level": "cabinet", "name_en": "Minister of Tests",
          "name_es": "Ministra de Pruebas", "titles_en": "Minister of Tests|Tests Minister", "titles_es": "ministra de Pruebas"}


def person(pid, name, born="", qid="", aliases=""):
    return {"person_id": pid, "name": name, "aliases": aliases or name, "surnames": name.split()[-1], "gender": "f",
            "born": born, "qid": qid}


def term(pid, start, end="", office="zz.minister_of_tests", acting="false"):
    return {"person_id": pid, "office_id": office, "start": start, "end": end, "acting": acting}


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Never read or write the user's own data and cache folders."""
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))


def layer(name, people, tenures, offices=(OFFICE,)):
    return LayerInfo(name, None), Tables(list(people), list(offices), list(tenures))


BUNDLED = layer("bundled", [person("p.ana_ruiz", "Ana Ruiz", "1960-02-01", "Q100")],
                [term("p.ana_ruiz", "2010-01-15", "2014-06-30")])


def test_the_same_term_told_twice_is_kept_once():
    m = merge([BUNDLED, layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2010-01-20", "2014-06-30")])])
    assert [r["start"] for r, _ in m.tenures] == ["2010-01-15"]
    assert m.conflicts == [] and m.outcome["wd"] == {"added": 0, "same": 1, "conflict": 0}


def test_a_disagreement_beyond_a_week_is_reported_and_the_earlier_layer_wins():
    m = merge([BUNDLED, layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2010-03-01", "2014-06-30")])])
    assert [r["start"] for r, _ in m.tenures] == ["2010-01-15"]
    (c,) = m.conflicts
    assert (c.person_id, c.kept_layer, c.kept, c.dropped_layer, c.dropped) == (
        "p.ana_ruiz", "bundled", ("2010-01-15", "2014-06-30"), "wd", ("2010-03-01", "2014-06-30"))
    assert c.start_days == 45 and c.end_days == 0


def test_precision_is_respected_when_comparing():
    # "2010-01" covers the 15th; a year-precise end covers June 30
    m = merge([BUNDLED, layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2010-01", "2014")])])
    assert m.conflicts == []


def test_in_office_against_an_end():
    past = merge([BUNDLED, layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2010-01-15")])])
    assert past.conflicts[0].end_days is None  # one says she left in 2014, the other that she is in office
    # a scheduled end still to come agrees with "in office"
    now = layer("bundled", [person("p.ana_ruiz", "Ana Ruiz", qid="Q100")], [term("p.ana_ruiz", "2020-01-15")])
    later = layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2020-01-15", "2099-01-03")])
    assert merge([now, later]).conflicts == []


def test_consecutive_terms_are_one_stretch_of_service():
    split = layer("wd", [person("Q100", "Ana Ruiz")],
                  [term("Q100", "2010-01-15", "2012-01-03", acting="true"), term("Q100", "2012-01-04", "2014-06-30")])
    m = merge([BUNDLED, split])
    assert m.conflicts == [] and m.outcome["wd"]["same"] == 1


def test_new_terms_are_added_with_their_layer():
    m = merge([BUNDLED, layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2018-05-01", "2019-05-01")])])
    assert sorted((r["start"], lay) for r, lay in m.tenures) == [("2010-01-15", "bundled"), ("2018-05-01", "wd")]
    assert all(r["person_id"] == "p.ana_ruiz" for r, _ in m.tenures)


def test_people_join_by_qid_by_name_and_birth_or_by_name_and_a_shared_term():
    by_birth = layer("a", [person("p.other", "Ana Ruiz", born="1960-02-01")], [term("p.other", "2018-01-01", "2019-01-01")])
    by_term = layer("b", [person("p.third", "Ana Ruiz")], [term("p.third", "2011-01-01", "2014-06-30")])
    namesake = layer("c", [person("p.fourth", "Ana Ruiz", born="1990-01-01")], [term("p.fourth", "2021-01-01", "2022-01-01")])
    m = merge([BUNDLED, by_birth, by_term, namesake])
    owners = {r["start"]: r["person_id"] for r, _ in m.tenures}
    assert owners["2018-01-01"] == "p.ana_ruiz"  # same name, same birthday
    assert m.outcome["b"] == {"added": 0, "same": 0, "conflict": 1}  # same name, same office, same years
    assert owners["2021-01-01"] == "p.fourth"  # a namesake born thirty years later is someone else
    assert set(m.people) == {"p.ana_ruiz", "p.fourth"}


def test_namesakes_in_one_office_at_one_time_born_in_different_years_are_two_people():
    """Two Mike Rogers sat in the House from 2003 to 2015 (born 1958 and 1963): the same name in the same
    office at the same time joins two rows only where their years of birth do not differ."""
    first = layer("bundled", [person("Q1", "Mike Rogers", born="1958-07-16")], [term("Q1", "2003-01-07")])
    second = layer("hist", [person("Q2", "Mike Rogers", born="1963-06-02")], [term("Q2", "2001-01-03", "2015-01-03")])
    m = merge([first, second])
    assert set(m.people) == {"Q1", "Q2"} and m.conflicts == []
    assert sorted(r["person_id"] for r, _ in m.tenures) == ["Q1", "Q2"]


def test_the_first_layer_defines_names_and_titles():
    renamed = {**OFFICE, "titles_en": "Tests Czar"}
    m = merge([BUNDLED, layer("wd", [person("Q100", "A. Ruiz", aliases="POTUS 45")],
                              [term("Q100", "2018-01-01", "2019-01-01")], offices=[renamed])])
    assert m.people["p.ana_ruiz"]["aliases"] == "Ana Ruiz"
    assert m.offices["zz.minister_of_tests"]["titles_en"] == "Minister of Tests|Tests Minister"


def test_offices_join_by_name_within_a_country():
    other = {**OFFICE, "office_id": "zz.tests_ministry_head", "name_en": "Tests Minister"}
    m = merge([BUNDLED, layer("wd", [person("Q100", "Ana Ruiz")], [term("Q100", "2010-01-15", "2014-06-30", office="zz.tests_ministry_head")],
                              offices=[other])])
    assert set(m.offices) == {"zz.minister_of_tests"} and m.conflicts == [] and m.outcome["wd"]["same"] == 1


def write(folder, info_tables):
    _, tables = info_tables
    write_layer(folder, tables, {"source": "test"})


def test_load_merges_user_layers_in_name_order(tmp_path):
    write(tmp_path / "bundled", BUNDLED)
    write(tmp_path / "data" / "b-second", layer("x", [person("Q100", "Ana Ruiz")], [term("Q100", "2010-03-01", "2014-06-30")]))
    write(tmp_path / "data" / "a-first", layer("x", [person("Q100", "Ana Ruiz")], [term("Q100", "2016-01-01", "2017-01-01")]))
    base = kb.load(tmp_path / "bundled", dt.date(2026, 1, 1))
    assert [i.name for i in base.layers] == ["a-first", "b-second"]
    assert [(str(t.start), base.layer_of(t)) for t in base.tenures_of("p.ana_ruiz")] == [
        ("2010-01-15", "bundled"), ("2016-01-01", "a-first")]
    assert base.stats()["conflicts"] == 1 and base.conflicts[0].dropped_layer == "b-second"
    assert kb.load(tmp_path / "bundled", dt.date(2026, 1, 1), layers=False).stats()["tenures"] == 1


def test_loaded_merges_are_cached_and_the_cache_follows_the_files(tmp_path, monkeypatch):
    write(tmp_path / "bundled", BUNDLED)
    folder = tmp_path / "data" / "wd"
    write(folder, layer("x", [person("Q100", "Ana Ruiz")], [term("Q100", "2016-01-01", "2017-01-01")]))
    kb.load(tmp_path / "bundled", dt.date(2026, 1, 2))
    cached = list((tmp_path / "cache").glob("kb-*.pickle"))
    assert len(cached) == 1

    def no_merge(*a, **k):
        raise AssertionError("merged again although nothing changed")

    monkeypatch.setattr(store, "merge", no_merge)
    store._load.cache_clear()
    assert kb.load(tmp_path / "bundled", dt.date(2026, 1, 3)).as_of == dt.date(2026, 1, 3)
    monkeypatch.undo()
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    time.sleep(0.01)
    write(folder, layer("x", [person("Q100", "Ana Ruiz")], [term("Q100", "2018-01-01", "2019-01-01")]))
    assert [str(t.start) for t in kb.load(tmp_path / "bundled", dt.date(2026, 1, 3)).tenures_of("p.ana_ruiz")] == [
        "2010-01-15", "2018-01-01"]
    for f in (tmp_path / "cache").glob("kb-*.pickle"):
        f.write_bytes(b"not a pickle")
    store._load.cache_clear()
    assert kb.load(tmp_path / "bundled", dt.date(2026, 1, 3)).stats()["tenures"] == 2


def test_a_bad_layer_is_named(tmp_path):
    write(tmp_path / "bundled", BUNDLED)
    write(tmp_path / "data" / "broken", layer("x", [person("Q100", "Ana Ruiz")], [term("Q100", "last spring")]))
    with pytest.raises(LayerError, match="broken"):
        kb.load(tmp_path / "bundled")
    (tmp_path / "data" / "half").mkdir()
    (tmp_path / "data" / "half" / "people.csv").write_text("person_id,name\n")
    with pytest.raises(LayerError, match="incomplete"):
        kb.load(tmp_path / "bundled")


def test_where_the_user_data_folder_is(tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert kb.data_home() == tmp_path / "xdg" / "checker" / "kb"
    assert kb.data_home(tmp_path / "configured") == tmp_path / "configured"
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "env"))
    assert kb.data_home(tmp_path / "configured") == tmp_path / "env"


def test_within_one_layer_two_ids_stay_two():
    twin = {**OFFICE, "office_id": "zz.old_minister_of_tests", "name_en": "Minister of Tests (1900-1950)",
            "titles_en": "Minister of Tests"}
    one = layer("bundled", [person("p.ana_ruiz", "Ana Ruiz", qid="Q100"), person("p.old", "Ana Ruiz", qid="Q100")],
                [term("p.ana_ruiz", "2010-01-15"), term("p.old", "1920-01-01", "1930-01-01", office="zz.old_minister_of_tests")],
                offices=[OFFICE, twin])
    m = merge([one])
    assert set(m.offices) == {"zz.minister_of_tests", "zz.old_minister_of_tests"} and set(m.people) == {"p.ana_ruiz", "p.old"}
