"""Recycled stories (SR114): planted near-duplicates are found with precision and recall of 0.95 or more,
and the corpus pass's findings land in the same validated tables, counted in the documents' rows."""
from __future__ import annotations

import pandas as pd

from conftest import REFERENCE_DATE

from benchmarks.recycled import planted_corpus, score
from checker.config import Settings
from checker.rules import by_code


def test_planted_near_duplicates_are_found():
    # 3,000 stories, 5% of them copies: lead reworded, paragraphs shuffled, a later date (every tenth exact)
    docs, truth = planted_corpus(3000, planted=0.05, seed=11)
    corpus = by_code()["SR114"].corpus()
    for doc_id, date, text in docs:
        corpus.add(doc_id, doc_id, date, text)
    findings = corpus.findings()
    precision, recall, n = score(findings, truth)
    assert len(truth) > 100 and n > 100
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    # what is kept per document is its signature, 192 32-bit values (on disk, in a temporary folder)
    assert corpus.signatures().shape == (len(docs), 192) and corpus.signatures().dtype.itemsize == 4


def test_distinct_stories_are_not_paired():
    docs, _ = planted_corpus(1500, planted=0.0, seed=5)
    corpus = by_code()["SR114"].corpus()
    for doc_id, date, text in docs:
        corpus.add(doc_id, doc_id, date, text)
    assert corpus.findings() == []


STORY = ["The harbor commission approved a plan on Tuesday to dredge the main channel and rebuild the old fish "
         "market, the largest public works project in the town's history.",
         "The plan will cost about $40 million over five years. Half of the money will come from a state grant, and "
         "the rest from bonds that the town will repay with fees paid by cargo ships.",
         "Dredging will deepen the channel to 12 meters, so that larger container ships can dock at the east pier. "
         "The work is expected to begin in the autumn, after the fishing season ends.",
         "Commission chair Robert Hale said the project would create about 300 jobs. Two commissioners voted against "
         "the plan, saying the town could not afford the debt."]


def _write(folder, name, date, paragraphs):
    (folder / name).write_text(f"Date: {date}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def _corpus(tmp_path):
    _write(tmp_path, "a_original.txt", "April 5, 2016", STORY)
    _write(tmp_path, "b_recycled.txt", "October 12, 2022",
           ["On Tuesday the harbor commission gave its approval to dredging the channel and rebuilding the fish market, "
            "in what officials call the biggest project the town has seen."] + [STORY[3], STORY[1], STORY[2]])
    _write(tmp_path, "c_duplicate.txt", "April 5, 2016", STORY)
    _write(tmp_path, "d_other.txt", "April 6, 2016",
           ["The school board voted on Monday to extend the library's opening hours on weekends, starting in May.",
            "Parents had asked for the change for two years, the board's chair said after the vote."] * 3)
    return [str(tmp_path)]


def test_engine_puts_corpus_findings_in_the_tables(tmp_path):
    from checker.engine import audit

    result = audit(_corpus(tmp_path), Settings(reference_date=REFERENCE_DATE))
    f = result.findings[result.findings["rule_id"] == "SR114"]
    by_doc = {p.rsplit("/", 1)[-1]: r for p, r in zip(f["path"], f.to_dict("records"))}
    assert set(by_doc) == {"b_recycled.txt", "c_duplicate.txt"}
    assert by_doc["b_recycled.txt"]["severity"] == "warning"
    assert "a_original.txt" in by_doc["b_recycled.txt"]["message"] and "2016-04-05" in by_doc["b_recycled.txt"]["message"]
    assert by_doc["c_duplicate.txt"]["severity"] == "info" and "Exact duplicate" in by_doc["c_duplicate.txt"]["message"]
    docs = result.documents.set_index(result.documents["path"].str.rsplit("/", n=1).str[-1])
    # the same source findings as the original (no byline, no dateline), and SR114's 20 points
    assert docs.loc["b_recycled.txt", "warnings"] == 1
    assert docs.loc["b_recycled.txt", "reliability"] == docs.loc["a_original.txt", "reliability"] - 20
    assert docs.loc["b_recycled.txt", "verdict"] == docs.loc["a_original.txt", "verdict"]  # source findings keep the verdict


def test_streamed_tables_carry_the_same_corpus_findings(tmp_path):
    from checker.engine import audit, audit_to

    (tmp_path / "in").mkdir()
    paths = _corpus(tmp_path / "in")
    settings = Settings(reference_date=REFERENCE_DATE)
    sink = audit_to(paths, settings, tmp_path / "out")
    whole = audit(paths, settings)
    cols = ["doc_id", "errors", "warnings", "infos", "reliability"]
    streamed = pd.read_csv(tmp_path / "out" / "documents.csv")[cols]
    assert streamed.equals(whole.documents[cols].astype({c: "int64" for c in cols[1:]}))
    streamed_finds = pd.read_csv(tmp_path / "out" / "findings.csv", dtype=str, keep_default_na=False)
    assert list(streamed_finds["message"]) == list(whole.findings["message"])
    assert sink.findings == len(whole.findings) and sink.severities.get("warning", 0) >= 1


def test_the_pass_can_be_ignored(tmp_path):
    from checker.engine import audit

    result = audit(_corpus(tmp_path), Settings(reference_date=REFERENCE_DATE, ignore=("SR114",)))
    assert "SR114" not in set(result.findings["rule_id"])


def test_undated_copies_are_left_alone():
    corpus = by_code()["SR114"].corpus()
    text = "\n\n".join(STORY)
    corpus.add("x", "x", None, text)
    corpus.add("y", "y", "2020-01-01", text.replace("Tuesday", "Monday"))
    assert corpus.findings() == []
