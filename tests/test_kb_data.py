"""The bundled tables: valid, broad, free of overlapping holders, and telling namesakes apart."""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from checker import kb


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def base():
    return kb.load(layers=False)


def test_the_bundled_tables_are_valid_and_lint_clean(base):
    frames = kb.validate_tables()
    assert len(frames["tenures"]) >= 3000
    assert kb.lint(base) == []


def test_the_lint_sees_an_overlap_only_where_every_reading_of_the_dates_has_one():
    """Two holders of a one-holder office whose dates are told to the year: a year-long start may be its last
    day, so holders who both began "in 1990", one of them gone by August, need not overlap; two who held it
    through the same certain months do."""
    from checker.kb import KnowledgeBase, Office, Person
    from checker.model import Precision, Tenure

    year, day = Precision.YEAR, Precision.DAY
    office = Office("xx.interior", "XX", "cabinet", "Minister of the Interior", "", ("Interior Minister",), ())

    def lint(*terms):
        people = [Person(pid, pid, (), (), "m") for pid in {t.person_id for t in terms}]
        return kb.lint(KnowledgeBase(people, [office], terms, dt.date(2026, 1, 1)))

    early = Tenure("p.a", "xx.interior", dt.date(1990, 1, 1), dt.date(1990, 8, 7), year, day)
    later = Tenure("p.b", "xx.interior", dt.date(1990, 1, 1), dt.date(1993, 12, 31), year, year)
    assert lint(early, later) == lint(later, early) == []
    # the same start to the day: both held it from January to August 1990
    sure = Tenure("p.b", "xx.interior", dt.date(1990, 1, 1), dt.date(1993, 12, 31), day, year)
    assert len(lint(early, sure)) == len(lint(sure, early)) == 1


def test_bundled_coverage(base):
    countries = {o.country for o in base.offices.values()}
    for cc in ("US", "MX", "GB", "ES", "FR", "DE", "IT", "JP", "CN", "RU", "IN", "BR", "AR", "CA", "AU", "ZA",
               "KR", "TR", "SA", "ID", "EU", "UA", "IL", "GT", "HN", "SV", "NI", "CR", "PA", "BZ", "CU", "DO", "HT",
               "JM", "BS", "BB", "TT", "VA", "UN"):
        assert cc in countries, cc
    for name in ("Volodymyr Zelensky", "Benjamin Netanyahu", "Keir Starmer", "Claudia Sheinbaum", "Pedro Sánchez",
                 "Xi Jinping", "António Guterres", "Leo XIV", "Friedrich Merz", "Luiz Inácio Lula da Silva",
                 "Mitch McConnell", "Russell Vought", "Rachel Reeves"):
        assert base.find_people(name), name


def terms(base, name, office):
    (pid,) = base.find_people(name)
    return [(str(t.start), str(t.end) if t.end else None) for t in base.tenures_of(pid, [office])]


def test_some_terms(base):
    assert terms(base, "Tony Blair", "gb.prime_minister") == [("1997-05-02", "2007-06-27")]
    assert terms(base, "Leo XIV", "va.pope") == [("2025-05-08", None)]
    assert terms(base, "Angela Merkel", "de.chancellor") == [("2005-11-22", "2021-12-08")]
    assert terms(base, "Kofi Annan", "un.secretary_general") == [("1997-01-01", "2006-12-31")]
    # month precision when the day is uncertain: the whole month counts
    assert terms(base, "Russell Vought", "us.omb_director")[0] == ("2019-01-01", "2020-07-22")


def test_an_office_is_complete_from_the_day_its_seats_stay_filled(base):
    # the presidency from the first inauguration; the House from the Congress before 1981 (every member who
    # served from 1981 on is bundled, with all their terms) and the Commons from the extract's first
    # Parliament, not from the few members the record knows from earlier years
    assert base.complete_from("us.president") == dt.date(1789, 4, 30)
    assert dt.date(1977, 1, 1) <= base.complete_from("us.house_representative") <= dt.date(1981, 1, 31)
    assert dt.date(1996, 1, 1) <= base.complete_from("gb.member_of_parliament") <= dt.date(1999, 12, 31)
    # a sede vacante of weeks does not break the papacy's record
    assert base.complete_from("va.pope") <= dt.date(1500, 1, 1)
    assert (base.seats("va.pope"), base.seats("us.senator")) == (1, 100)
    assert 435 <= base.seats("us.house_representative") <= 445  # with the delegates and a hand-over's overlap


def test_complete_from_counts_the_seats_and_the_breaks():
    from checker.kb.base import _complete_from
    from checker.model import Tenure

    d = dt.date
    one = [Tenure("a", "o", d(1950, 1, 1), d(1960, 1, 1)), Tenure("b", "o", d(1970, 1, 1), d(1980, 1, 1)),
           Tenure("c", "o", d(1980, 6, 1), None)]
    # a ten-year hole breaks the record; a vacancy of five months does not
    assert _complete_from(one, d(2026, 1, 1)) == (d(1970, 1, 1), 1)
    # four seats, two of them held for two years: not complete until the others are held
    four = [Tenure(p, "o", d(2000 if p in "ab" else 2002, 1, 1), None) for p in "abcd"]
    assert _complete_from(four, d(2026, 1, 1)) == (d(2002, 1, 1), 4)
    # a term the source last saw running (an open end) leaves what follows unknown, not empty
    seen = [Tenure("a", "o", d(2000, 1, 1), d(2010, 1, 1), end_open=True), Tenure("b", "o", d(2020, 1, 1), None)]
    assert _complete_from(seen, d(2026, 1, 1)) == (d(2000, 1, 1), 1)


@pytest.mark.parametrize("title,name,office", [
    ("Prime Minister", "Johnson", "gb.prime_minister"),         # not President Johnson
    ("President", "Johnson", "us.president"),
    ("Chancellor", "Merkel", "de.chancellor"),
    ("Chancellor", "Reeves", "gb.chancellor_of_the_exchequer"),
    ("presidente", "Sánchez", "es.prime_minister"),            # "el presidente Sánchez" in Spanish papers
    ("King", "Charles", "gb.monarch"),
    ("Pope", "Francis", "va.pope"),
    ("Secretary-General", "Guterres", "un.secretary_general"),
])
def test_titles_pick_the_office(base, title, name, office):
    specific, levels = base.offices_for_title(title)
    pids = base.surname_index.get(kb.fold(name), set())
    assert pids, name
    found = {t.office_id for p in pids for t in base.tenures_of(p)
             if (t.office_id in specific) or (not specific and base.office(t.office_id).level in levels)}
    assert office in found


def test_a_generic_president_never_reaches_a_king_or_a_pope(base):
    _, levels = base.offices_for_title("presidente")
    for pid in base.surname_index[kb.fold("Felipe")] | base.surname_index[kb.fold("Francisco")]:
        assert not [t for t in base.tenures_of(pid) if base.office(t.office_id).level in levels]


def titled(checker, text):
    from checker.infer import tenures_for
    from checker.ingest import read_one

    (doc,) = read_one("doc.txt", ("Date: June 3, 2019\n\n" + text + "\n").encode())
    analysed = checker.analyse(doc)
    return {m.span.text: sorted({t.office_id for t in tenures_for(checker.kb, m)}) for m in analysed.mentions if m.title}


def test_a_first_name_that_is_not_the_candidates_leaves_the_mention_unresolved(checker):
    """"Rep. Walter Price" is not Tom Price: with a first name that fits nobody of that surname, the mention
    gives no constraint rather than someone else's term."""
    got = titled(checker, "U.S. Rep. Walter Price met Sen. Randolph Kennedy's staff. Energy Secretary Stephen Chu "
                          "and Prime Minister Johnson spoke later.")
    assert not any(k.endswith(("Price", "Kennedy")) for k in got)
    assert got["Energy Secretary Stephen Chu"] == ["us.secretary_of_energy"]  # Steven, misspelt: same first letters
    assert got["Prime Minister Johnson"] == ["gb.prime_minister"]


def test_stash_keeps_one_entry_per_kind(tmp_path, monkeypatch):
    """Writing an entry removes the older ones of its kind, not those of a kind whose name it begins
    ("outlets" and "outlets-user")."""
    from checker.kb import stash

    monkeypatch.setenv(stash.CACHE_DIR_ENV, str(tmp_path))
    user = stash.kept("outlets-user", ("a",), list, lambda: ["user"])
    assert stash.kept("outlets", ("b",), list, lambda: ["bundled"]) == ["bundled"]
    assert stash.kept("outlets", ("c",), list, lambda: ["newer"]) == ["newer"]
    assert sorted(p.name.split("-")[0] + ("-user" if "-user-" in p.name else "") for p in tmp_path.glob("*.pickle")) == \
        ["outlets", "outlets-user"]
    assert stash.kept("outlets-user", ("a",), list, lambda: ["made again"]) == user


def test_the_matchers_phrases_are_kept_and_made_again_when_the_names_change(tmp_path, monkeypatch):
    """The names and titles the matchers are built from, tokenized and grouped by their first word, come from
    the user cache after the first run: read back, they are what was made, and a matcher built from either
    finds the same people; a knowledge base whose names differ gets its own entry, made from its names."""
    from spacy.strings import get_string_id

    from checker.analyse import _blank
    from checker.analyse.people import PeopleMatcher, pattern_words
    from checker.kb import KnowledgeBase, Office, Person

    def small(*aliases):
        return KnowledgeBase([Person("p.ruiz", "Ana Ruiz", aliases, ("Ruiz",), "f")],
                             [Office("mx.things", "MX", "cabinet", "Secretary of Things", "", ("Secretary of Things",), ())],
                             [], dt.date(2026, 1, 1))

    def found(base, patterns):
        nlp = _blank("en")
        text = "Secretary of Things Ana Ruiz met Secretary Ruiz and Ana María Ruiz."
        return [(m.start, m.end, m.person_ids) for m in PeopleMatcher(base, nlp.vocab, patterns).find(nlp(kb.fold(text)), text)]

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    made = pattern_words(small(), "en")
    assert len(list(tmp_path.glob("patterns-en-*.pickle"))) == 1
    kept = pattern_words(small(), "en")
    assert kept == made and kept is not made
    assert all(get_string_id(words[0].lower()) == first for first, phrases in kept.items() for _, words in phrases)
    assert ("NAME", ("ana", "ruiz")) in kept[get_string_id("ana")]
    assert found(small(), made) == found(small(), kept) != []  # made here, and read back
    entry = next(tmp_path.glob("patterns-en-*.pickle")).name
    more = pattern_words(small("Ana María Ruiz"), "en")
    assert [p.name for p in tmp_path.glob("patterns-en-*.pickle")] != [entry]
    assert ("NAME", ("ana", "maria", "ruiz")) in more[get_string_id("ana")]
    assert ("NAME", ("ana", "maria", "ruiz")) not in pattern_words(small(), "en")[get_string_id("ana")]


def test_every_bundled_term_says_where_it_comes_from():
    frames = kb.validate_tables()
    assert frames["tenures"]["source"].notna().all()


def test_a_death_before_a_birth_is_refused(tmp_path):
    import shutil

    import pandera.errors

    for name in ("people", "offices", "tenures"):
        shutil.copy(kb.DATA_DIR / f"{name}.csv", tmp_path / f"{name}.csv")
    with open(tmp_path / "people.csv", "a", encoding="utf-8") as fh:
        fh.write("p.nobody_test,Nobody Test,,Test,m,1950-01-01,,1940-05-01\n")
    with pytest.raises(pandera.errors.SchemaErrors):
        kb.validate_tables(tmp_path)


@pytest.mark.parametrize("born, died, valid", [
    ("1755/1757", "1804-07-12", True),  # a birth whose year is not settled: the range of years it may be in
    ("1757/1755", "1804-07-12", False),  # a range runs forward
    ("1941/1942", "1940-05-01", False),  # and begins before the death
    ("1755-1757", "", False),  # a range is written with a slash
])
def test_a_birth_may_be_a_range_of_years(tmp_path, born, died, valid):
    import shutil

    import pandera.errors

    for name in ("people", "offices", "tenures"):
        shutil.copy(kb.DATA_DIR / f"{name}.csv", tmp_path / f"{name}.csv")
    with open(tmp_path / "people.csv", "a", encoding="utf-8") as fh:
        fh.write(f"p.nobody_test,Nobody Test,,Test,m,{born},,{died}\n")
    if valid:
        kb.validate_tables(tmp_path)
    else:
        with pytest.raises(pandera.errors.SchemaErrors):
            kb.validate_tables(tmp_path)


def test_a_range_of_birth_years_is_read_as_its_first_year():
    # what the checker draws from a birth (no one holds a title as a child) never goes past the record
    assert kb.parse_birth("1755/1757").first_day == dt.date(1755, 1, 1)
    assert kb.parse_birth("1962-09-02").first_day == dt.date(1962, 9, 2)
    assert kb.parse_birth("") is None


def test_no_bundled_person_has_half_a_compound_given_name_for_a_surname(base):
    """The bundled people follow the same rule: no "Ángel" or "Guadalupe" as a surname of a three-word name."""
    from checker.kb import fold, importers

    bad = [p.name for p in base.people.values() if len(p.name.split()) == 3
           and fold(p.name.split()[1]) in importers.SECOND_GIVEN_NAMES
           and any(s.split()[0] == p.name.split()[1] for s in p.surnames)]
    assert not bad, bad[:10]


def test_the_campaign_table_is_valid_and_names_known_people_and_offices(base):
    """Every campaign names a person and an office of the bundled knowledge base, starts before its election
    and says where it comes from; a person's campaigns do not overlap."""
    from checker.kb import campaigns

    table = campaigns.load()
    assert len(table) >= 40
    people, offices = set(base.people), set(base.offices)
    with open(campaigns.DATA, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["person_id"] in people and r["office_id"] in offices and r["source"] for r in rows)
    for stretches in table.values():
        assert all(a <= b for a, b in stretches)
        assert all(b1 < a2 for (_, b1), (a2, _) in zip(stretches, stretches[1:]))
    assert dt.date(1979, 11, 13) <= dt.date(1980, 10, 28) <= dict(table["Q9960"])[dt.date(1979, 11, 13)]
    # a primary's candidate runs until the day they withdrew, not until the office is filled
    assert dict(table["p.rudy_giuliani"])[dt.date(2007, 2, 5)] == dt.date(2008, 1, 30)


def test_a_campaign_row_that_does_not_fit_the_schema_is_refused(tmp_path):
    from checker.kb import campaigns

    bad = tmp_path / "campaigns.csv"
    head = "person_id,office_id,start,election,inauguration,withdrew,note,source\n"
    for row in ("Q9960,us.president,1981-01-01,1980-11-04,1981-01-20,,,editorial",  # declared after the election
                "Q9960,us.president,1979-11-13,1980-11-04,1980-01-20,,,editorial",  # inaugurated before it
                "Q9960,us.president,1979-11-13,1980-11-04,1981-01-20,1979-10-01,,editorial",  # withdrew before declaring
                "Q9960,us.president,1979-11-13,1980-11-04,1981-01-20,1980-11-20,,editorial"):  # after the election
        bad.write_text(head + row + "\n")
        with pytest.raises(ValueError, match="campaign table"):
            campaigns._validated(bad)
