"""The command's contract: outputs, exit codes, standard input."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

from conftest import REFERENCE_DATE, ROOT

BAD = "Date: March 28, 2025\n\nThe visit was unrelated to the tariffs proposed by former President Trump.\n"
GOOD = "Date: March 28, 2025\n\nPresident Trump said the tariffs would take effect in April.\n"


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          input=input)


def test_exit_codes(tmp_path):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(BAD)
    good.write_text(GOOD)
    ref = ["--reference-date", REFERENCE_DATE.isoformat()]
    assert run("audit", str(good), *ref).returncode == 0
    assert run("audit", str(bad), *ref).returncode == 1
    assert run("audit", str(bad), *ref, "--fail-on", "never").returncode == 0
    assert run("audit", str(bad), "--fail-on", "sometimes").returncode == 2
    assert run("audit", str(bad), "--reference-date", "yesterday").returncode == 2
    assert run("audit", str(bad), "--select", "XX999").returncode == 2
    assert run("audit", str(bad), *ref, "--ignore", "DT102").returncode == 0


def test_out_writes_tables_and_reports(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text(BAD)
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "out"
    r = run("audit", str(tmp_path / "in"), "--out", str(out), "--format", "json", "--format", "text",
            "--reference-date", REFERENCE_DATE.isoformat())
    assert r.returncode == 1, r.stderr
    docs = list(csv.DictReader(open(out / "documents.csv", encoding="utf-8")))
    assert [d["verdict"] for d in docs] == ["inconsistent", "unreadable"]
    finds = list(csv.DictReader(open(out / "findings.csv", encoding="utf-8")))
    former = [f for f in finds if f["rule_id"] == "DT102"][0]
    assert former["evidence"] == "former President Trump" and former["line"] == "3"
    text = (tmp_path / "in" / "bad.txt").read_text()
    assert text[int(former["start"]):int(former["end"])] == "former President Trump"
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 2 and report["documents"][0]["findings"]
    assert "INCONSISTENT" in (out / "report.txt").read_text(encoding="utf-8")


def test_standard_input():
    r = run("audit", "-", "--reference-date", REFERENCE_DATE.isoformat(), "--format", "json", input=BAD)
    assert r.returncode == 1
    assert json.loads(r.stdout)["documents"][0]["doc_id"] == "-"


def test_rules_and_explain():
    r = run("rules")
    assert r.returncode == 0 and "DT101" in r.stdout and "SR103" in r.stdout
    r = run("explain", "dt102")
    assert r.returncode == 0 and "Fails:" in r.stdout and "former President Trump" in r.stdout
    assert run("explain", "DT999").returncode == 2


def test_spacy_command_line_is_left_out_of_start_up_and_loads_when_asked():
    # spaCy imports its own CLI (requests, weasel, httpx ...) on `import spacy`; the analyser does not
    code = ("import sys; import checker.analyse, spacy; "
            "assert 'spacy.cli' not in sys.modules and 'requests' not in sys.modules, sorted(sys.modules); "
            "nlp = spacy.blank('en'); assert len(nlp('Two words')) == 2; "
            "import spacy.cli; assert callable(spacy.cli.download) and spacy.cli.info.__module__ == 'spacy.cli.info'; "
            "assert isinstance(spacy.info(markdown=False, silent=True), dict)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]


def test_only_the_commands_own_process_freezes_its_start_up(tmp_path):
    """`checker` freezes the objects of its start-up so the garbage collector skips them (checker/cli.py,
    `_freeze_start_up`); a program or a test that calls `app` in its own process keeps its collector as it was."""
    import gc

    from typer.testing import CliRunner

    from checker.cli import app

    post = tmp_path / "post.txt"
    post.write_text(GOOD)
    frozen = gc.get_freeze_count()
    r = CliRunner().invoke(app, ["audit", str(post), "--reference-date", REFERENCE_DATE.isoformat(), "--no-cache"])
    assert r.exit_code == 0, r.output
    assert gc.get_freeze_count() == frozen
    own = subprocess.run([sys.executable, "-c", "import atexit, gc; atexit.register(lambda: print('frozen:', "
                          "gc.get_freeze_count() > 0)); from checker.cli import main; main()", "audit", str(post),
                          "--reference-date", REFERENCE_DATE.isoformat(), "--no-cache"],
                         capture_output=True, text=True, cwd=ROOT)
    assert own.returncode == 0 and own.stdout.rstrip().endswith("frozen: True"), own.stderr


def test_files_a_folder_walk_passes_over_are_counted(tmp_path):
    # a folder's images and data files are no stories, but passing them over says so: nothing unsaid
    (tmp_path / "post.md").write_text(GOOD)
    for name in ("a.png", "b.png", "notes.yaml", "list.csv"):
        (tmp_path / name).write_text("x")
    r = run("audit", str(tmp_path), "--reference-date", REFERENCE_DATE.isoformat(), "--no-cache")
    assert r.returncode == 0, r.stderr
    assert "3 other file(s) in the folders passed over, of no document type (.png 2, .yaml 1)" in r.stderr
    assert "1 table(s) in the folders passed over" in r.stderr
    for name in ("a.png", "b.png", "notes.yaml"):
        (tmp_path / name).unlink()
    assert "other file(s)" not in run("audit", str(tmp_path), "--reference-date", REFERENCE_DATE.isoformat()).stderr
