"""Inference: evidence is weighed, not intersected; looks back, hand-overs and namesakes do not mislead."""
from __future__ import annotations

import datetime as dt

def verdict(check_text, text):
    row, findings = check_text(text)
    return row["verdict"], [(f["rule_id"], f["severity"]) for f in findings if f["category"] == "date"]


def test_retrospective_mention_is_not_a_conflict(check_text):
    text = ("Date: June 5, 2017\n\nPresident Trump said on Monday that he would review the policies of President Obama "
            "on trade, which the committee has criticised.\n")
    v, f = verdict(check_text, text)
    assert v == "consistent" and ("DT101", "error") not in f


def test_speech_recalling_a_past_president(check_text):
    text = ("Date: May 29, 1995\n\nThirty years ago President Kennedy challenged the nation to reach the moon, "
            "and the nation answered.\n")
    v, f = verdict(check_text, text)
    assert ("DT101", "error") not in f


def test_inauguration_day_overlap_is_not_a_conflict(check_text):
    text = "Date: January 20, 2017\n\nPresident Obama left Washington as President Trump took the oath of office.\n"
    v, f = verdict(check_text, text)
    assert v == "consistent", f


def test_two_presidents_bush_are_told_apart_by_date(check_text):
    for year in (1990, 2005):
        v, f = verdict(check_text, f"Date: March 3, {year}\n\nPresident Bush is meeting the governors on Monday.\n")
        assert v == "consistent", (year, f)
    v, f = verdict(check_text, "Date: March 3, 1997\n\nPresident Bush is meeting the governors on Monday.\n")
    assert v == "inconsistent"


def test_janet_and_grace_napolitano(check_text):
    rep = "Date: May 2, 2018\n\nRep. Grace Napolitano is pressing the committee for transit funds.\n"
    assert verdict(check_text, rep)[0] != "inconsistent"
    # the Secretary is Janet, out of office since 2013: flagged (how surely is what real text says of one
    # present-tense cabinet title five years on, near the error threshold)
    sec = "Date: May 2, 2018\n\nSecretary Napolitano is visiting the border this week.\n"
    assert ("DT111", "warning") in verdict(check_text, sec)[1] or verdict(check_text, sec)[0] == "inconsistent"
    assert not [f for f in verdict(check_text, rep)[1] if f[0] in ("DT101", "DT111")]


def test_redated_header_caught_with_evidence(check_text):
    text = ("Updated 04:53 AM EDT, Thu, Mar 28, 2024\n\nMexico's Minister of the Interior Miguel Angel Osorio Chong met "
            "U.S. Homeland Security Secretary Janet Napolitano, who is in Mexico City this week.\n")
    row, findings = check_text(text)
    assert row["verdict"] == "inconsistent"
    f = [f for f in findings if f["rule_id"] == "DT101"][0]
    assert "Napolitano" in f["evidence"] and f["expected_end"] <= "2013-09-06"


def test_former_with_namesakes_and_returning_presidents(check_text):
    def date_findings(text):
        return {f["rule_id"] for f in check_text(text)[1] if f["category"] == "date"}

    # the father had left office: "former President Bush" in 2005 is no anachronism
    assert "DT102" not in date_findings("Date: May 5, 2005\n\nFormer President Bush spoke at the library.\n")
    # Trump between his terms is a former president; during his second term he is not
    assert "DT102" not in date_findings("Date: March 28, 2023\n\nformer President Trump spoke.\n")
    assert "DT102" in date_findings("Date: March 28, 2025\n\nformer President Trump spoke.\n")
    assert "DT102" in date_findings("Date: May 5, 2016\n\nFormer President Obama spoke at the library.\n")


def test_former_reaches_across_and_to_the_second_title(check_text):
    """"former Israeli Prime Minister and President Shimon Peres" on the day he died: the "former" is the
    presidency's too, so no stale-title finding; but it never reaches past a name ("former Secretary Clinton
    and President Obama" in 2014 leaves Obama in office)."""
    def date_rules(text):
        return {f["rule_id"] for f in check_text(text)[1] if f["category"] == "date"}

    text = ("Date: September 28, 2016\n\nThe congresswoman issued a statement today after the passing of former "
            "Israeli Prime Minister and President Shimon Peres, who serves as a model for us all.\n")
    assert not {"DT101", "DT111"} & date_rules(text)
    assert "DT102" not in date_rules("Date: May 5, 2014\n\nHe thanked former Secretary Clinton and President Obama, "
                                     "who leads the talks.\n")


def test_a_title_given_between_confirmation_and_oath_is_a_nominees(check_text):
    """The Senate confirmed Julián Castro on 9 July 2014; he took the oath on 28 July. A statement on the
    confirmation calls him Secretary the next day: a title ahead of the term, as a nominee's, not a stale
    one. The same title with no word of the appointment, years before the term, still is."""
    def date_rules(text):
        return {f["rule_id"] for f in check_text(text)[1] if f["category"] == "date"}

    body = ("Congressman Al Green released a statement on the Senate's confirmation of Mayor Julián Castro. \"I applaud "
            "the Senate's confirmation of Secretary Julián Castro. Secretary Castro is an outstanding public servant, "
            "and I look forward to working with Secretary Castro.\"\n")
    assert not {"DT101", "DT111"} & date_rules("Date: July 10, 2014\n\n" + body)
    stale = "Date: July 10, 2011\n\nSecretary Julián Castro announces new housing grants and says they help families.\n"
    assert {"DT101", "DT111"} & date_rules(stale)


def test_the_next_holder_is_a_title_to_come(check_text):
    """"the next First Lady, Michelle Obama" on election night 2008: a title to come, like "incoming"."""
    text = ("Date: November 4, 2008\n\nI would not be standing here tonight without the unyielding support of the "
            "love of my life, the next First Lady, Michelle Obama, who is with us.\n")
    assert not {"DT101", "DT111"} & {f["rule_id"] for f in check_text(text)[1] if f["category"] == "date"}


def test_a_member_of_congress_is_known_from_the_first_day_in_the_house(check_text):
    """The congress record gives every member who served from 1981 on from their first term: Barney Frank took
    his seat on 1981-01-05, so "Rep. Barney Frank" acting in 1976 is before his term, no longer an open start."""
    text = "Date: March 3, {}\n\nRep. Barney Frank is pressing the committee for housing funds this week.\n"
    v, f = verdict(check_text, text.format(1976))
    assert v == "inconsistent" and [x for x in f if x[0] in ("DT101", "DT111")], f
    v, f = verdict(check_text, text.format(1990))
    assert v != "inconsistent", f


def test_a_term_whose_record_starts_late_bounds_only_its_end(check_text, checker):
    """Dennis Skinner's record here begins with an open start ("1997-05-01 or earlier": the Commons extract
    begins with that Parliament; he sat from 1970): the knowledge base does not say when he took his seat, so
    a story from 1990 is not "before his term", while one from 2026 is years after it."""
    from checker.infer import mention_constraints

    text = "Date: March 3, {}\n\nLabour MP Dennis Skinner is pressing the committee for housing funds this week.\n"
    v, f = verdict(check_text, text.format(1990))
    assert v != "inconsistent" and not [x for x in f if x[0] in ("DT101", "DT111")], f
    v, f = verdict(check_text, text.format(2026))
    assert [x for x in f if x[0] in ("DT101", "DT111")], f  # how surely: what real text says of it
    from checker.ingest import read_one

    doc = checker.analyse(next(iter(read_one("doc.txt", text.format(1990).encode()))))
    constraints = mention_constraints(checker.kb, doc.mentions, doc.times)
    keys = [c.key for c in constraints]
    # a term in office, but no "became Member on ..." lower bound; the term's interval is open to the left
    assert keys and not [k for k in keys if k.endswith("#start")]
    assert [c.intervals for c in constraints if c.key.endswith("#term")][0][0][0] is None
