"""The CI gate: configuration, suppressions, baselines, the exit codes, statistics, the cache."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REFERENCE_DATE

REF = ["--reference-date", REFERENCE_DATE.isoformat()]
OBAMA = "---\ntitle: Health law enrolment\ndate: 2014-06-18\n---\n\nEnrolment passed its target, former President Obama said on Tuesday.\n"
NAPOLITANO = ("---\ntitle: Border talks\ndate: 2023-04-02\n---\n\nHomeland Security Secretary Janet Napolitano met "
              "Mexico's Interior Minister Miguel Ángel Osorio Chong in Mexico City to discuss border crossings.\n")
CLEAN = "---\ntitle: Talks\ndate: 2022-03-01\n---\n\nSecretary of State Antony Blinken met his Mexican counterpart in Washington.\n"


def cli(*args, cwd: Path | None = None):
    """Run `checker` in this process (much faster than a subprocess); returns (exit code, stdout, stderr)."""
    from checker.cli import app

    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        r = CliRunner().invoke(app, list(map(str, args)))
    finally:
        os.chdir(old)
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def findings(out: Path) -> list[dict]:
    return list(csv.DictReader(open(out / "findings.csv", encoding="utf-8")))


@pytest.fixture()
def site(tmp_path, monkeypatch):
    """A folder of posts, the working directory, with its own cache folder."""
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "2014-obama.md").write_text(OBAMA, encoding="utf-8")
    (tmp_path / "posts" / "2022-talks.md").write_text(CLEAN, encoding="utf-8")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- configuration ----------------------------------------------------------------------------------

def test_config_is_found_upward_and_read(site):
    from checker import config as cfg
    from checker.rules import by_code

    (site / "pyproject.toml").write_text(
        '[tool.checker]\nselect = ["DT"]\nextend-select = ["SR103"]\nignore = ["DT107"]\nreference-date = 2026-11-24\n'
        'languages = ["en"]\nmax-warnings = 3\n[tool.checker.severity]\nDT104 = "warning"\n'
        '[tool.checker.per-path."archive/**"]\nignore = ["DT"]\nextend-select = ["DT102"]\n'
        '[tool.checker.per-file-ignores]\n"drafts/*.md" = ["SR"]\n', encoding="utf-8")
    (site / "posts" / "deep").mkdir()
    found = cfg.find_config(site / "posts" / "deep")
    assert found == site / "pyproject.toml"
    s = cfg.load(found, set(by_code()))
    assert s.reference_date == REFERENCE_DATE and s.languages == ("en",) and s.max_warnings == 3
    assert s.enabled("DT101", "posts/a.md") and not s.enabled("DT107", "posts/a.md")
    assert s.enabled("SR103", "posts/a.md") and not s.enabled("SR101", "posts/a.md")
    # per-path: DT off under archive/, but the more specific DT102 back on; SR off for drafts
    assert not s.enabled("DT101", "archive/2010/a.md") and s.enabled("DT102", "archive/2010/a.md")
    assert not s.enabled("SR103", "drafts/a.md") and s.enabled("SR103", "drafts/sub/a.md")
    assert s.enabled("DT101", str(site / "posts" / "a.md"))  # absolute paths are made relative to the root
    from checker.model import Severity
    assert s.severity_of("DT104", Severity.ERROR, "posts/a.md") is Severity.WARNING


@pytest.mark.parametrize("toml,message", [
    ('selct = ["DT"]', "did you mean 'select'"),
    ('select = ["DT1O1"]', "unknown rule code 'DT1O1'"),
    ('ignore = ["SR999"]', "unknown rule code 'SR999'"),
    ('[severity]\nDT101 = "fatal"', "must be one of info, warning, error"),
    ('[per-path."a/*"]\nignroe = ["DT"]', "did you mean 'ignore'"),
    ('languages = ["fr"]', "'fr' is not one the checker reads"),
    ('fail-on = "errors"', "did you mean 'error'"),
    ('max-warnings = -1', "max-warnings"),
    ('reference-date = "yesterday"', "YYYY-MM-DD"),
])
def test_config_errors_exit_2_with_a_suggestion(site, toml, message):
    (site / "checker.toml").write_text(toml + "\n", encoding="utf-8")
    code, _, err = cli("audit", "posts", *REF)
    assert code == 2 and message in err, err


def test_cli_codes_are_checked_with_a_suggestion(site):
    code, _, err = cli("audit", "posts", *REF, "--extend-select", "DT1O2")
    assert code == 2 and "did you mean" in err
    code, _, err = cli("audit", "posts", *REF, "--output", "report.docx")
    assert code == 2 and "no report format" in err


def test_severity_override_and_per_path_ignore_change_the_gate(site):
    (site / "checker.toml").write_text('[severity]\nDT = "warning"\n', encoding="utf-8")
    code, _, _ = cli("audit", "posts", *REF, "--out", "out", "--format", "json")
    assert code == 0  # errors made warnings do not reach --fail-on error
    assert {f["severity"] for f in findings(site / "out") if f["rule_id"].startswith("DT")} == {"warning"}
    (site / "checker.toml").write_text('[per-file-ignores]\n"2014-*.md" = ["DT"]\n', encoding="utf-8")
    code, _, _ = cli("audit", "posts", *REF, "--out", "out", "--format", "json")
    assert code == 0 and not [f for f in findings(site / "out") if f["rule_id"].startswith("DT")]


# -- suppressions -----------------------------------------------------------------------------------

def _check(text: str, name: str = "post.md", **settings):
    from checker.config import Settings
    from checker.engine import Checker
    from checker.ingest import read_one

    checker = Checker(Settings(reference_date=REFERENCE_DATE, **settings))
    (doc,) = list(read_one(name, text.encode("utf-8")))
    return checker.check(doc)


BODY = ("Enrolment passed its target, former President Obama said on Tuesday.\n\n"
        "Homeland Security Secretary Janet Napolitano said the border was calm.\n")


def test_suppressed_findings_are_gone_before_verdict_counts_and_score():
    head = "---\ndate: 2011-06-18\n---\n\n"
    row, finds = _check(head + BODY)
    assert row["verdict"] == "inconsistent" and [f["rule_id"] for f in finds].count("DT102") == 1
    row2, finds2 = _check(head + "<!-- checker: disable-next-line DT102 (quoted as printed) -->\n" + BODY)
    assert "DT102" not in [f["rule_id"] for f in finds2]
    assert row2["errors"] == row["errors"] - 1 and row2["reliability"] >= row["reliability"]


def test_disable_and_enable_regions():
    head = "---\ndate: 2011-06-18\n---\n\n<!-- checker: disable DT102, DT101 -->\n"
    _, finds = _check(head + BODY)
    assert not {"DT101", "DT102"} & {f["rule_id"] for f in finds}
    # enabled again before the sentence: the finding is back; a prefix works too
    _, finds = _check(head + "<!-- checker: enable DT10 -->\n" + BODY)
    assert "DT102" in {f["rule_id"] for f in finds}
    # a bare enable ends every disable; a region covers only what follows it
    _, finds = _check("---\ndate: 2011-06-18\n---\n\n" + BODY + "<!-- checker: disable -->\n")
    assert "DT102" in {f["rule_id"] for f in finds}


def test_front_matter_key_and_json_field_suppress_the_whole_document():
    _, finds = _check("---\ndate: 2011-06-18\nchecker:\n  disable: [DT102, SR105]\n  reason: quoted release\n---\n\n" + BODY)
    assert not {"DT102", "SR105"} & {f["rule_id"] for f in finds}
    record = {"id": "a", "published": "2011-06-18", "text": BODY, "checker": ["DT102"]}
    _, finds = _check(json.dumps(record), "post.json")
    assert "DT102" not in {f["rule_id"] for f in finds}
    # a position-less finding (no declared date: DT108) can be suppressed only there
    _, finds = _check("---\ntitle: x\nchecker: DT108\n---\n\n" + BODY)
    assert "DT108" not in {f["rule_id"] for f in finds}
    row, finds = _check("---\ntitle: x\nchecker: {disable: 5}\n---\n\n" + BODY)
    assert "IN002" in {f["rule_id"] for f in finds} and "DT108" in {f["rule_id"] for f in finds}


def test_misspelt_codes_are_reported_and_never_disable_everything():
    _, finds = _check("---\ndate: 2011-06-18\n---\n\n<!-- checker: disable DT1O2 -->\n" + BODY)
    codes = [f["rule_id"] for f in finds]
    assert "CK001" in codes and "DT102" in codes
    ck = next(f for f in finds if f["rule_id"] == "CK001")
    assert "DT1O2" in ck["message"] and ck["line"] == 5


def test_unused_suppressions_are_reported_on_request():
    text = ("---\ndate: 2011-06-18\n---\n\n<!-- checker: disable-next-line DT103 -->\n" + BODY +
            "<!-- checker: disable-next-line DT102 -->\nformer President Obama\n")
    _, finds = _check(text)
    assert "CK001" not in [f["rule_id"] for f in finds]
    _, finds = _check(text, report_unused_suppressions=True)
    unused = [f for f in finds if f["rule_id"] == "CK001"]
    assert len(unused) == 1 and "of DT103" in unused[0]["message"] and unused[0]["line"] == 5
    assert unused[0]["severity"] == "warning"


# -- baseline ---------------------------------------------------------------------------------------

def test_fingerprints_survive_edits_elsewhere():
    _, before = _check("---\ndate: 2011-06-18\n---\n\n" + BODY)
    _, after = _check("---\ndate: 2011-06-18\ntitle: A new title\n---\n\nA new first paragraph about the weather.\n\n"
                      + BODY.replace("calm", "calm and quiet") + "\nA closing line.\n")
    fp = {(f["rule_id"], f["evidence"]): f["fingerprint"] for f in before}
    fp2 = {(f["rule_id"], f["evidence"]): f["fingerprint"] for f in after}
    assert fp[("DT102", "former President Obama")] == fp2[("DT102", "former President Obama")]
    line = {f["rule_id"]: f["line"] for f in before}, {f["rule_id"]: f["line"] for f in after}
    assert line[0]["DT102"] != line[1]["DT102"]  # the line moved; the fingerprint did not
    # a second copy of the same phrase is a new finding, with a fingerprint of its own
    _, twice = _check("---\ndate: 2011-06-18\n---\n\n" + BODY + "\nAgain, former President Obama said so.\n")
    prints = [f["fingerprint"] for f in twice if f["rule_id"] == "DT102"]
    assert len(prints) == 2 and len(set(prints)) == 2 and fp[("DT102", "former President Obama")] in prints


def test_baseline_round_trip_only_new_findings_fail(site):
    code, _, err = cli("audit", "posts", *REF, "--write-baseline", "base.json")
    assert code == 0 and "baseline of" in err
    base = json.loads((site / "base.json").read_text())
    assert base["version"] == 1 and "posts/2014-obama.md" in {e["document"] for e in base["findings"]}
    assert cli("audit", "posts", *REF)[0] == 1
    code, out, _ = cli("audit", "posts", *REF, "--baseline", "base.json", "--out", "o", "--format", "text")
    assert code == 0 and "CONSISTENT" in out and not findings(site / "o")
    # the same documents named another way (./, absolute) still match
    assert cli("audit", "./posts", *REF, "--baseline", str(site / "base.json"))[0] == 0
    (site / "posts" / "2023-napolitano.md").write_text(NAPOLITANO, encoding="utf-8")
    code, out, _ = cli("audit", "posts", *REF, "--baseline", "base.json", "--statistics")
    assert code == 1 and "DT101" in out and "2014" not in out
    assert cli("audit", "posts", *REF, "--baseline", "missing.json")[0] == 2
    (site / "bad.json").write_text("[1, 2]")
    assert cli("audit", "posts", *REF, "--baseline", "bad.json")[0] == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_baseline_ref_audits_only_what_changed(site):
    def git(*a):
        subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *a], cwd=site, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "posts")
    git("commit", "-qm", "posts")
    code, _, err = cli("audit", "posts", *REF, "--baseline-ref", "HEAD", "--output", "r.sarif")
    assert code == 0 and "no document changed" in err and (site / "r.sarif").exists()
    (site / "posts" / "2023-napolitano.md").write_text(NAPOLITANO, encoding="utf-8")  # untracked: counts
    (site / "posts" / "2022-talks.md").write_text(CLEAN + "\nA correction.\n", encoding="utf-8")
    code, _, _ = cli("audit", "posts", *REF, "--baseline-ref", "HEAD", "--out", "o", "--format", "json")
    docs = list(csv.DictReader(open(site / "o" / "documents.csv", encoding="utf-8")))
    assert code == 1 and sorted(d["doc_id"] for d in docs) == ["posts/2022-talks.md", "posts/2023-napolitano.md"]
    assert cli("audit", "posts", "--baseline-ref", "no-such-ref")[0] == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_baseline_ref_passes_over_changed_tables_as_a_folder_walk_does(site):
    """A changed data table (a .csv of figures beside the posts) is no post: --baseline-ref reads what a
    folder's walk would, so it does not become an unreadable row that fails the gate."""
    def git(*a):
        subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *a], cwd=site, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "posts")
    git("commit", "-qm", "posts")
    (site / "posts" / "figures.csv").write_text("region,total\nnorth,3\n", encoding="utf-8")
    (site / "posts" / "2022-talks.md").write_text(CLEAN + "\nA correction.\n", encoding="utf-8")
    code, _, _ = cli("audit", "posts", *REF, "--baseline-ref", "HEAD", "--out", "o")
    docs = list(csv.DictReader(open(site / "o" / "documents.csv", encoding="utf-8")))
    assert code == 0 and [d["doc_id"] for d in docs] == ["posts/2022-talks.md"]


# -- the gate ---------------------------------------------------------------------------------------

def test_exit_codes_fail_on_and_max_warnings(site):
    (site / "posts" / "2014-obama.md").unlink()
    (site / "posts" / "undated.md").write_text("---\ntitle: Notes\n---\n\nThe council met on Tuesday.\n")
    assert cli("audit", "posts", *REF)[0] == 0  # warnings and infos only
    assert cli("audit", "posts", *REF, "--fail-on", "warning")[0] == 1
    assert cli("audit", "posts", *REF, "--max-warnings", "0")[0] == 1
    assert cli("audit", "posts", *REF, "--max-warnings", "5")[0] == 0
    assert cli("audit", "posts", *REF, "--fail-on", "sometimes")[0] == 2


def test_statistics_counts_findings_per_rule(site):
    (site / "posts" / "2023-napolitano.md").write_text(NAPOLITANO, encoding="utf-8")
    code, out, _ = cli("audit", "posts", *REF, "--statistics")
    lines = {ln.split()[1]: int(ln.split()[0]) for ln in out.splitlines() if ln[:7].strip().isdigit()}
    # DT101 on the re-dated post; DT102 on the post that calls a sitting president "former" (its DT101, p =
    # 0.94, under the fitted error threshold (0.9677 since 2026-12-07), is a warning: a line of its own, of one
    # finding too)
    assert code == 1 and lines["DT101"] == 1 and lines["DT102"] == 1 and "CONSISTENT" not in out


# -- cache ------------------------------------------------------------------------------------------

def test_cache_reuses_unchanged_documents_and_is_invalidated(site, monkeypatch):
    # the config's knowledge-base folder is what this test changes; the environment would override it
    monkeypatch.delenv("CHECKER_DATA_DIR", raising=False)
    from checker.cache import Cache
    from checker.config import Settings
    from checker.engine import Checker
    from checker.ingest import read_inputs

    def run(**kw):
        checker = Checker(Settings(reference_date=REFERENCE_DATE, cache=True, **kw))
        rows = [checker.check(d) for d in read_inputs(["posts"])]
        return checker, rows

    first, rows = run()
    assert (first.cache.hits, first.cache.misses) == (0, 2)
    second, rows2 = run()
    assert (second.cache.hits, second.cache.misses) == (2, 0) and rows2 == rows
    assert "kb" not in vars(second)  # the knowledge base was never loaded: nothing needed analysing
    (site / "posts" / "2022-talks.md").write_text(CLEAN + "\nA correction.\n", encoding="utf-8")
    third, _ = run()
    assert (third.cache.hits, third.cache.misses) == (1, 1)
    other, _ = run(ignore=("SR",))  # other settings: another generation
    assert other.cache.hits == 0 and other.cache.folder != third.cache.folder
    # a knowledge-base layer folder that changes invalidates everything
    kb = site / "kb"
    kb.mkdir()
    a = Cache(Settings(reference_date=REFERENCE_DATE, kb_dir=kb))
    (kb / "notes.csv").write_text("x\n")
    assert Cache(Settings(reference_date=REFERENCE_DATE, kb_dir=kb)).salt != a.salt
    assert any((site / "cache" / "documents").iterdir())  # CHECKER_CACHE_DIR is where it lives


def test_unchanged_files_are_not_even_parsed_again(site, monkeypatch):
    import checker.ingest
    from checker.cache import Cache, read_inputs
    from checker.config import Settings

    cache = Cache(Settings(reference_date=REFERENCE_DATE))
    fresh = list(checker.ingest.read_inputs(["posts"]))
    assert list(read_inputs(["posts"], "txt", 2**20, cache)) == fresh  # parsed, and kept

    def no_parsing(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(checker.ingest, "read_one", no_parsing)
    assert list(read_inputs(["posts"], "txt", 2**20, cache)) == fresh
    (site / "posts" / "2022-talks.md").write_text(CLEAN + "\nA correction.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="parsed again"):
        list(read_inputs(["posts"], "txt", 2**20, cache))


def test_the_recycled_story_pass_is_not_made_again_on_an_unchanged_corpus(site, monkeypatch):
    from checker.cache import Cache, KeptCorpus
    from checker.config import Settings
    from checker.recycled import RecycledStories
    from checker.rules import by_code

    story = ("The county council approved a plan on Tuesday to rebuild the harbor wall, repave the market road and "
             "open a ferry stop by the old mill, at a cost the mayor put at twelve million dollars over five years. "
             "Work on the wall is to start in the spring, once the fishing season ends, and the road will be closed "
             "to trucks for two months while crews lay the new surface and the drains beneath it.")
    cache = Cache(Settings(reference_date=REFERENCE_DATE))

    def run():
        corpus = KeptCorpus(cache, by_code()["SR114"])
        corpus.corpus.add("old.md", "old.md", "2016-04-05", story)  # the rule's pass, under the kept answer
        corpus.corpus.add("new.md", "new.md", "2022-10-12", story + " The plan was announced again.")
        return corpus.findings()

    first = run()
    assert [doc_id for doc_id, _, _ in first] == ["new.md"]  # the later one copies the earlier
    monkeypatch.setattr(RecycledStories, "findings", lambda self: pytest.fail("compared again"))
    assert run() == first


def test_cache_on_the_command_line_and_no_cache(site):
    assert cli("audit", "posts", *REF)[0] == 1
    entries = list((site / "cache" / "documents").rglob("*.json"))
    pickles = list((site / "cache" / "documents").rglob("*.pickle"))
    assert len(entries) == 2 and len([p for p in pickles if p.parent.parent.name == "files"]) == 2
    for e in entries + pickles:  # a corrupt entry is a miss, not a crash
        e.write_text("{not json")
    code, out, _ = cli("audit", "posts", *REF, "--format", "json")
    assert code == 1 and json.loads(out)["summary"]["documents"] == 2
    shutil.rmtree(site / "cache")
    assert cli("audit", "posts", *REF, "--no-cache")[0] == 1
    assert not (site / "cache" / "documents").exists() or not list((site / "cache" / "documents").rglob("*.json"))


# -- progress ---------------------------------------------------------------------------------------

def test_progress_line_only_on_a_terminal():
    import io

    from checker.progress import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    quiet, loud = io.StringIO(), Tty()
    for stream in (quiet, loud):
        p = Progress(3, stream, delay=0, every=0)
        for _ in range(3):
            p()
        p.close()
    assert quiet.getvalue() == ""
    assert "3/3 documents" in loud.getvalue() and loud.getvalue().endswith("\r\x1b[K")
