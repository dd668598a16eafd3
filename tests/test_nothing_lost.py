"""Nothing lost: every input streams through whatever its size, every document gets its row whatever it
makes the checker do, and what is wrong with the command line is one line and exit code 2."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REFERENCE_DATE, ROOT

from checker.config import Settings
from checker.ingest import MAX_BYTES, read_one

REF = ["--reference-date", REFERENCE_DATE.isoformat()]


def run_cli(*args, cwd=None, env=None):
    """`checker` in a new process, as a user runs it: (exit code, stdout, stderr)."""
    r = subprocess.run([sys.executable, "-m", "checker.cli", *map(str, args)], capture_output=True, text=True,
                       cwd=cwd, env={**os.environ, **(env or {})}, timeout=600)
    return r.returncode, r.stdout, r.stderr


def rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# -- streaming ----------------------------------------------------------------------------------------------

def release(i: int) -> dict:
    """A short dated release with a bulky field the reader keeps but does not check (archives carry page
    HTML and the like beside the text), so a file passes the byte limit with few records to analyse."""
    year = 2010 + i % 9
    return {"id": f"r{i}", "date": f"{year}-03-0{1 + i % 9}",
            "text": f"The committee met on budget item {i} and approved it after a short debate.",
            "raw_html": "<div>" + ("archived page markup " * 700) + "</div>"}


def test_a_jsonl_archive_over_the_byte_limit_keeps_every_record_with_the_cache_on(tmp_path):
    archive = tmp_path / "archive.jsonl"
    with open(archive, "w", encoding="utf-8") as fh:
        n = 0
        while fh.tell() <= MAX_BYTES + 5 * 2**20:  # 25 MB and more: over the 20 MB per-file limit
            fh.write(json.dumps(release(n)) + "\n")
            n += 1
    assert archive.stat().st_size > 25 * 2**20
    cache = tmp_path / "cache"
    for attempt in ("cold cache", "warm cache"):
        code, _, err = run_cli("audit", archive, "--out", tmp_path / "out", "--fail-on", "never", "--jobs", "2",
                               "--select", "DT", "--select", "IN", *REF, env={"CHECKER_CACHE_DIR": str(cache)})
        assert code == 0, err
        docs = rows(tmp_path / "out" / "documents.csv")
        assert len(docs) == n, attempt
        assert [d["doc_id"] for d in docs] == [f"{archive}#r{i}" for i in range(n)]
        assert {d["verdict"] for d in docs} <= {"consistent", "unverifiable"}
        assert not [f for f in rows(tmp_path / "out" / "findings.csv") if f["rule_id"].startswith("IN")]


def test_a_record_over_the_limit_is_its_own_row_and_the_file_goes_on():
    records = [json.dumps({"id": "a", "text": "First."}), json.dumps({"id": "big", "text": "y" * 5000}),
               json.dumps({"id": "c", "text": "Third."})]
    docs = list(read_one("b.jsonl", ("\n".join(records) + "\n").encode(), max_bytes=1000))
    assert [d.doc_id for d in docs] == ["b.jsonl#a", "b.jsonl#line2", "b.jsonl#c"]
    assert [d.readable for d in docs] == [True, False, True]
    assert "5,0" in docs[1].problems[0].message and "over the 1,000-byte limit" in docs[1].problems[0].message


class CountingStream(io.RawIOBase):
    """An endless JSON Lines stream that counts the bytes taken from it."""

    def __init__(self):
        self.taken = 0
        self.n = 0
        self.pending = b""

    def readable(self):
        return True

    def readinto(self, buffer):
        while len(self.pending) < len(buffer):
            self.pending += (json.dumps(release(self.n)) + "\n").encode()
            self.n += 1
        k = len(buffer)
        buffer[:k], self.pending = self.pending[:k], self.pending[k:]
        self.taken += k
        return k


def test_records_are_read_as_they_are_wanted_not_ahead():
    stream = CountingStream()
    docs = read_one("endless.jsonl", stream=io.BufferedReader(stream), fmt="jsonl")
    first = [next(docs) for _ in range(100)]
    assert [d.doc_id for d in first] == [f"endless.jsonl#r{i}" for i in range(100)]
    assert stream.taken < 110 * len(json.dumps(release(0)))  # a hundred records and a buffer, not the stream


def test_ids_stay_unique_when_a_record_names_another_lines_id():
    data = b'{"id": "line3", "text": "One."}\n{"id": "x", "text": "Two."}\n{"id": "x", "text": "Three."}\n'
    ids = [d.doc_id for d in read_one("f.jsonl", data)]
    assert len(set(ids)) == 3 and ids[0] == "f.jsonl#line3"


def test_parquet_streams_in_batches_with_a_row_per_record(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from checker.ingest import PARQUET_BATCH

    n = PARQUET_BATCH * 3 + 5
    table = pa.table({"id": [f"p{i}" for i in range(n)],
                      "text": ["President Obama spoke on Tuesday." if i != 7 else "z" * 3000 for i in range(n)],
                      "date": ["2014-05-06"] * n})
    pq.write_table(table, tmp_path / "shard.parquet", row_group_size=100)
    docs = list(read_one(str(tmp_path / "shard.parquet"), max_bytes=2000))
    assert len(docs) == n and [d.doc_id for d in docs][:2] == [f"{tmp_path}/shard.parquet#p0", f"{tmp_path}/shard.parquet#p1"]
    assert [d.readable for d in docs].count(False) == 1 and not docs[7].readable


def test_standard_input_streams_json_lines(tmp_path):
    data = "".join(json.dumps({"id": f"s{i}", "date": "2019-05-02", "text": "The council met."}) + "\n" for i in range(30))
    r = subprocess.run([sys.executable, "-m", "checker.cli", "audit", "-", "--stdin-format", "jsonl", "--out",
                        str(tmp_path / "o"), "--no-cache", *REF], input=data, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert [d["doc_id"] for d in rows(tmp_path / "o" / "documents.csv")] == [f"-#s{i}" for i in range(30)]


# -- isolation: front matter that breaks YAML libraries -----------------------------------------------------

GOOD = {
    "good-former.md": "---\ndate: 2015-06-01\n---\nFormer President Obama spoke to the graduates on Monday.\n",
    "good-plain.md": "---\ndate: 2019-05-02\n---\nThe council approved the budget on Thursday, May 2, 2019.\n",
}
BAD = {
    "year-zero.md": "---\ndate: 0000-01-01\n---\nThe council met.\n",
    "year-10000.md": "---\ndate: 10000-01-01\n---\nThe council met.\n",
    "timestamp-tag.md": "---\ndate: !!timestamp 2019-13-45\n---\nThe council met.\n",
    "python-tag.md": "---\ndate: !!python/object/apply:os.system ['echo hacked']\n---\nThe council met.\n",
    "alias-bomb.md": "---\n" + "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
        + "date: *j\ntitle: *j\nlang: *j\n---\nThe council met.\n",
    "nul-in-front-matter.md": "---\ndate: 2019-05-02\x00\n---\nThe council met.\n",
    "timestamp-offset.md": "---\ndate: 2019-05-02 23:30:00 -05:00\n---\nThe council met on Thursday, May 2, 2019.\n",
}


def test_front_matter_that_breaks_yaml_gets_rows_beside_the_good_files(tmp_path):
    for name, text in {**GOOD, **BAD}.items():
        (tmp_path / "all" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "all" / name).write_text(text, encoding="utf-8")
        if name in GOOD:
            (tmp_path / "good").mkdir(exist_ok=True)
            (tmp_path / "good" / name).write_text(text, encoding="utf-8")
    code, _, err = run_cli("audit", tmp_path / "all", "--out", tmp_path / "o-all", "--no-cache", "--fail-on", "never", *REF)
    assert code == 0 and "Traceback" not in err, err
    docs = {os.path.basename(d["doc_id"]): d for d in rows(tmp_path / "o-all" / "documents.csv")}
    assert set(docs) == set(GOOD) | set(BAD)
    finds = rows(tmp_path / "o-all" / "findings.csv")
    codes = {name: {f["rule_id"] for f in finds if os.path.basename(f["doc_id"]) == name} for name in docs}
    for name in ("year-zero.md", "year-10000.md", "timestamp-tag.md", "alias-bomb.md"):
        assert "IN002" in codes[name] and "IN004" not in codes[name], name
    assert "IN002" in codes["python-tag.md"]  # not run: the safe loader refuses the tag, and says so
    assert docs["nul-in-front-matter.md"]["verdict"] == "unreadable"
    assert docs["timestamp-offset.md"]["declared_date"] == "2019-05-02" and "IN002" not in codes["timestamp-offset.md"]
    # the good files' rows are those they get when audited alone
    run_cli("audit", tmp_path / "good", "--out", tmp_path / "o-good", "--no-cache", "--fail-on", "never", *REF)
    alone = {os.path.basename(f["doc_id"]): (f["rule_id"], f["message"]) for f in rows(tmp_path / "o-good" / "findings.csv")}
    beside = {os.path.basename(f["doc_id"]): (f["rule_id"], f["message"]) for f in finds
              if os.path.basename(f["doc_id"]) in GOOD}
    assert alone == beside and ("DT102" in {c for c, _ in alone.values()})


# -- isolation: an exception in each stage ------------------------------------------------------------------

def audit_docs(folder):
    from checker.engine import audit

    return audit([str(folder)], Settings(reference_date=REFERENCE_DATE))


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text("Date: May 2, 2019\n\nSecretary Pompeo met the minister on Thursday, April 25.\n")
    (tmp_path / "b.html").write_text("<html><head><meta property='article:published_time' content='2019-05-02'>"
                                     "</head><body><p>The council approved the budget on Thursday.</p></body></html>")
    (tmp_path / "c.md").write_text("---\ndate: 2015-06-04\n---\nFormer President Obama spoke on Thursday.\n")
    return tmp_path


def in004(result, name):
    f = result.findings
    return list(f[(f["rule_id"] == "IN004") & f["doc_id"].str.endswith(name)]["message"])


def test_a_failing_rule_is_that_rules_finding_and_the_other_rules_still_report(folder, monkeypatch):
    import checker.rules.dt104_weekday_mismatch as dt104

    def boom(self, doc, ctx):
        raise KeyError("no such weekday")

    monkeypatch.setattr(dt104.WeekdayMismatch, "check", boom)
    result = audit_docs(folder)
    assert len(result.documents) == 3
    for name in ("a.txt", "b.html", "c.md"):
        (message,) = in004(result, name)
        assert "running rule DT104 (weekday-mismatch): KeyError: 'no such weekday'" in message
    c = result.findings[result.findings["doc_id"].str.endswith("c.md")]
    assert "DT102" in set(c["rule_id"])  # the other rules' findings are kept


def test_a_failing_reader_is_that_documents_row(folder, monkeypatch):
    import checker.ingest

    def boom(doc_id, path, text):
        raise RuntimeError("lxml said no")

    monkeypatch.setattr(checker.ingest, "read_html", boom)
    result = audit_docs(folder)
    assert len(result.documents) == 3
    (message,) = in004(result, "b.html")
    assert "reading the document (HTML reader): RuntimeError: lxml said no" in message
    verdicts = dict(zip(result.documents["doc_id"].map(os.path.basename), result.documents["verdict"]))
    assert verdicts["b.html"] == "unreadable" and verdicts["a.txt"] != "unreadable"


def test_a_failing_date_parser_is_that_documents_row(folder, monkeypatch):
    import checker.analyse

    real = checker.analyse.normalise

    def flaky(label, text, lang, base):
        if "April 25" in text:
            raise OverflowError("date value out of range")
        return real(label, text, lang, base)

    monkeypatch.setattr(checker.analyse, "normalise", flaky)
    result = audit_docs(folder)
    assert len(result.documents) == 3
    (message,) = in004(result, "a.txt")
    assert "analysing the text: OverflowError: date value out of range" in message
    assert not in004(result, "b.html") and not in004(result, "c.md")
    c = result.findings[result.findings["doc_id"].str.endswith("c.md")]
    assert "DT102" in set(c["rule_id"])


def test_a_failing_record_reader_is_that_records_row(monkeypatch):
    import checker.ingest.readers as readers

    real = readers.read_record

    def flaky(doc_id, path, record, fmt):
        if record.get("id") == "bad":
            raise UnicodeError("surrogates not allowed")
        return real(doc_id, path, record, fmt)

    monkeypatch.setattr(readers, "read_record", flaky)
    data = b'{"id": "a", "text": "One."}\n{"id": "bad", "text": "Two."}\n{"id": "c", "text": "Three."}\n'
    docs = list(read_one("r.jsonl", data))
    assert [(d.doc_id, d.readable) for d in docs] == [("r.jsonl#a", True), ("r.jsonl#bad", False), ("r.jsonl#c", True)]
    assert "JSON Lines reader): UnicodeError: surrogates not allowed" in docs[1].problems[0].message


# -- usage errors: one line, exit 2 -------------------------------------------------------------------------

def one_line_exit_2(code, out, err, words):
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("checker: error:") and words in lines[0], err
    assert "Traceback" not in err


def test_out_naming_a_file(tmp_path, folder):
    (tmp_path / "taken").write_text("x")
    one_line_exit_2(*run_cli("audit", folder / "a.txt", "--out", tmp_path / "taken", *REF), "a file is in the way")


def test_out_where_nothing_can_be_written(folder):
    one_line_exit_2(*run_cli("audit", folder / "a.txt", "--out", "/proc/checker-out", *REF), "cannot write there")


def test_output_file_under_a_file(tmp_path, folder):
    (tmp_path / "taken").write_text("x")
    one_line_exit_2(*run_cli("audit", folder / "a.txt", "--output", tmp_path / "taken" / "r.json", *REF),
                    "a file is in the way")


def test_a_broken_discovered_pyproject(tmp_path, folder):
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "pyproject.toml").write_text('[tool.checker\nselect = ["DT"]\n')
    one_line_exit_2(*run_cli("audit", folder / "a.txt", *REF, cwd=tmp_path / "proj"), "is not valid TOML")
    # a broken pyproject.toml that is not ours is not ours to report
    (tmp_path / "proj" / "pyproject.toml").write_text('[project\nname = "x"\n')
    assert run_cli("audit", folder / "a.txt", "--fail-on", "never", "--no-cache", *REF, cwd=tmp_path / "proj")[0] == 0


def test_a_missing_input_path(tmp_path, folder):
    one_line_exit_2(*run_cli("audit", folder / "a.txt", tmp_path / "nope.md", "--fail-on", "never", *REF),
                    f"no such file or folder: {tmp_path / 'nope.md'}")


def test_a_broken_link_named_on_the_command_line_is_a_row(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    code, _, err = run_cli("audit", tmp_path / "link.txt", "--out", tmp_path / "o", "--no-cache", *REF)
    assert code == 1 and rows(tmp_path / "o" / "documents.csv")[0]["verdict"] == "unreadable"


def test_an_input_folder_with_no_documents_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = run_cli("audit", tmp_path / "empty", "--no-cache", *REF)
    assert code == 0 and f"no documents found in {tmp_path / 'empty'}" in err and "1 other file(s) passed over" in err


# -- fuzzing what comes from outside ------------------------------------------------------------------------

YAML_SCALARS = st.one_of(
    st.dates(min_value=__import__("datetime").date(1, 1, 1)).map(str),
    st.sampled_from(["0000-01-01", "10000-01-01", "2019-02-29", "2019-13-01", "2019-05-02T25:61:00Z",
                     "2019-05-02 10:00:00 +14:00", "2019-05-02t10:00:00.5-05:00", "!!timestamp 2019-05-02",
                     "!!timestamp 0000-00-00", "!!binary aGVsbG8=", "!!int 99999999999999999999", "!!float .nan",
                     "&a 2019", "*nowhere", "!custom x", "[2019, 5]", "{y: 2019}", "~", "''", "yes", "0x7E3", "2019",
                     "-2019", "1e400", "'2019-05-02'", "|\n  2019-05-02", ">-\n  May 2, 2019"]),
    st.integers().map(str), st.text(max_size=30).map(json.dumps))
KEYS = st.sampled_from(["date", "updated", "lastmod", "published", "lang", "title", "checker", "author"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.lists(st.tuples(KEYS, YAML_SCALARS), max_size=5))
def test_any_front_matter_gives_one_row(checker, fields):
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields) + "---\nThe council met on Thursday, May 2, 2019.\n"
    docs = list(read_one("f.md", text.encode("utf-8")))
    assert len(docs) == 1
    drow, _ = checker._check(docs[0])
    assert drow["doc_id"] == "f.md"


JSON_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                                     st.sampled_from(["2019-05-02", "0000-01-01", "May 2, 2019", "10000-01-01T00:00:00Z"])),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
JSON_FIELDS = st.sampled_from(["id", "text", "body", "content", "title", "headline", "date", "published", "datePublished",
                               "updated", "dateModified", "lang", "language", "url", "checker", "author"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.dictionaries(JSON_FIELDS, JSON_VALUES, max_size=6), min_size=1, max_size=4))
def test_any_json_values_give_one_row_a_record(checker, records):
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    docs = list(read_one("r.jsonl", data))
    assert len(docs) == len(records) and len({d.doc_id for d in docs}) == len(docs)
    (one,) = read_one("r.json", json.dumps(records[0]).encode())
    for d in [*docs, one]:
        assert checker._check(d)[0]["doc_id"] == d.doc_id


META = st.sampled_from(['<meta property="article:published_time" content="{}">', '<meta name="date" content="{}">',
                        '<script type="application/ld+json">{{"datePublished": "{}"}}</script>',
                        '<script type="application/ld+json">{}</script>', '<time datetime="{}">x</time>',
                        '<html lang="{}">', '<meta property="og:locale" content="{}">', '<link rel="canonical" href="{}">',
                        '<p class="byline">By A. Writer | {}</p>'])
META_VALUES = st.one_of(st.sampled_from(["2019-05-02", "0000-00-00", "02/11/2023", "9999-99-99T99:99", "", "[", "{{", "]]>",
                                         "\x00", "&#0;", "http://", "es_MX", "2019-05-02T03:00:00Z", '"}', "<!--"]),
                        st.text(max_size=20))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.tuples(META, META_VALUES), max_size=6))
def test_any_broken_html_metadata_gives_one_row(checker, parts):
    head = "".join(m.format(v) for m, v in parts)
    page = f"<html><head>{head}</head><body><article><p>The council approved the budget on Thursday.</p>{head}</article></body></html>"
    docs = list(read_one("p.html", page.encode("utf-8", "surrogatepass")))
    assert len(docs) == 1
    assert checker._check(docs[0])[0]["doc_id"] == "p.html"


# -- reports written a chunk at a time ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_streamed_reports_equal_the_in_memory_ones(tmp_path, monkeypatch, fmt):
    import shutil

    from checker import report
    from checker.report import stream

    for name in ("documents.csv", "findings.csv"):  # the sample audit: SR114 rows come after the others
        shutil.copy(ROOT / "reports" / "sample" / name, tmp_path / name)
    monkeypatch.setattr(stream, "CHUNK", 7)  # many chunks, documents split across them
    docs, finds = report.read_tables(tmp_path)
    assert stream.write(tmp_path, fmt).read_text(encoding="utf-8") == report.render(fmt, docs, finds)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no work files left behind
