"""A linter's manners at the gate: what a folder's walk passes over (.gitignore, excludes, manifests), the
hook's entry on a commit that touches package.json, authors from front matter and JSON, one line per
finding, one format per stream, quiet, version, standard input with a name, and a table that fits the
terminal."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import REFERENCE_DATE, ROOT

POST = ("---\ndate: 2025-03-28\ntitle: Tariffs\n---\n\nThe visit was unrelated to the tariffs proposed by former "
        "President Trump.\n")
REF = ["--reference-date", REFERENCE_DATE.isoformat()]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(*args, cwd=ROOT, input=None, env=None):
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd,
                          input=input, env={**os.environ, **(env or {})})


def site(tmp_path):
    """A newsroom's repository: posts, a package manifest, dependencies, generated pages git ignores."""
    root = tmp_path / "site"
    for folder in ("posts", "node_modules/some-lib", "public", "drafts"):
        (root / folder).mkdir(parents=True)
    (root / "posts" / "tariffs.md").write_text(POST)
    (root / "node_modules" / "some-lib" / "README.md").write_text(POST)
    (root / "public" / "tariffs.html").write_text("<html><body><p>" + POST + "</p></body></html>")
    (root / "drafts" / "old.md").write_text(POST)
    (root / "package.json").write_text('{"name": "site", "version": "1.0.0", "scripts": {"build": "eleventy"}}')
    (root / ".gitignore").write_text("public/\n")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def audited(result) -> set[str]:
    return {line.split(":", 1)[0] for line in result.stdout.splitlines() if line and not line.startswith("Found ")}


@needs_git
def test_a_folders_walk_skips_ignored_and_excluded_files(tmp_path):
    root = site(tmp_path)
    r = run("audit", ".", "--format", "concise", "--no-cache", *REF, cwd=root)
    assert r.returncode == 1, r.stderr
    assert audited(r) == {"./posts/tariffs.md", "./drafts/old.md"}, r.stdout
    (root / "checker.toml").write_text('extend-exclude = ["drafts/**"]\n')
    r = run("audit", ".", "--format", "concise", "--no-cache", *REF, cwd=root)
    assert audited(r) == {"./posts/tariffs.md"}, r.stdout
    # naming an ignored folder reads nothing, and says why
    r = run("audit", "public", "--no-cache", *REF, cwd=root)
    assert r.returncode == 0 and "1 left out by exclude, .gitignore" in r.stderr, r.stderr
    # a run's own output folder is never read back
    run("audit", ".", "--out", "reports", "--format", "text", "--no-cache", *REF, cwd=root)
    r = run("audit", ".", "--format", "concise", "--no-cache", *REF, cwd=root)
    assert audited(r) == {"./posts/tariffs.md"}, r.stdout


@needs_git
def test_the_hooks_entry_passes_a_commit_that_touches_package_json(tmp_path):
    import yaml

    root = site(tmp_path)
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]
    entry = hook["entry"].split()
    assert entry[:2] == ["checker", "audit"] and "--format" in entry
    assert re.search(hook["files"], "package.json")  # pre-commit hands it over...
    r = run(*entry[1:], "package.json", *REF, cwd=root)
    assert r.returncode == 0 and r.stdout == "", r.stdout + r.stderr  # ... and the checker leaves it
    r = run(*entry[1:], "package.json", "posts/tariffs.md", *REF, cwd=root)
    assert r.returncode == 1 and audited(r) == {"posts/tariffs.md"}, r.stdout


def test_an_author_in_front_matter_or_json_is_a_byline(tmp_path):
    md = tmp_path / "a.md"
    md.write_text('---\ndate: 2025-03-28\nauthor: "Jane Doe"\n---\n\nThe council met on Monday.\n')
    js = tmp_path / "b.json"
    js.write_text('{"published": "2025-03-28", "author": [{"@type": "Person", "name": "Ana Ruiz"}], '
                  '"text": "The council met on Monday."}')
    bare = tmp_path / "c.md"
    bare.write_text("---\ndate: 2025-03-28\n---\n\nThe council met on Monday.\n")
    r = run("audit", str(md), str(js), str(bare), "--format", "concise", "--select", "SR105", "--no-cache", *REF)
    assert audited(r) == {str(bare)}, r.stdout


def test_concise_is_one_sorted_line_per_finding(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST)
    r = run("audit", str(post), "--format", "concise", "--no-cache", *REF)
    lines = r.stdout.splitlines()
    assert lines[-1].startswith("Found ") and "1 error" in lines[-1]
    findings = lines[:-1]
    dt102 = next(line for line in findings if " DT102 " in line)
    # path:line:col: the line and column of "former President Trump" in the file
    text_line = POST.splitlines().index(next(ln for ln in POST.splitlines() if "former" in ln)) + 1
    col = POST.splitlines()[text_line - 1].index("former") + 1
    assert dt102.startswith(f"{post}:{text_line}:{col}: DT102 error "), dt102
    # file-level findings first, then by line; errors before warnings and infos at one place
    assert findings == sorted(findings, key=lambda ln: (len(ln.split(": ")[0].split(":")) > 1,))
    assert r.returncode == 1


def test_one_stream_carries_one_format(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST)
    r = run("audit", str(post), "--format", "json", "--format", "text", *REF)
    assert r.returncode == 2 and "standard output" in r.stderr and r.stdout == ""
    out = tmp_path / "out"
    r = run("audit", str(post), "--out", str(out), "--format", "json", "--format", "text", *REF)
    assert r.returncode == 1 and (out / "audit.json").exists()


def test_quiet_leaves_out_infos_and_version_prints(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST)
    loud = run("audit", str(post), "--no-cache", *REF).stdout
    quiet = run("audit", str(post), "--no-cache", "-q", *REF).stdout
    assert "SR105" in loud and "SR105" not in quiet and "DT102" in quiet
    v = run("--version")
    assert v.returncode == 0 and re.fullmatch(r"checker \d+\.\d+\S*\n", v.stdout)


def test_standard_input_with_a_name_and_html(tmp_path):
    r = run("audit", "-", "--stdin-filename", "posts/tariffs.md", "--format", "concise", *REF, input=POST)
    assert r.returncode == 1 and any(line.startswith("posts/tariffs.md:") and "DT102" in line for line in r.stdout.splitlines())
    page = ("<html lang='en'><head><title>Tariffs</title><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "datePublished": "2025-03-28T10:00:00-04:00"}</script></head><body><article>'
            "<p>The visit was unrelated to the tariffs proposed by former President Trump, officials said.</p>"
            "</article></body></html>")
    r = run("audit", "-", "--stdin-format", "html", "--format", "concise", *REF, input=page)
    assert r.returncode == 1 and "DT102" in r.stdout, r.stdout + r.stderr
    assert run("audit", "--stdin-filename", "a.md", str(tmp_path), *REF).returncode == 2


def test_the_terminal_table_fits_the_terminal_and_errors_come_first():
    import pandas as pd

    from checker.report import text

    docs = pd.DataFrame([{"doc_id": "a.md", "verdict": "inconsistent", "declared_date": "2025-03-28",
                          "declared_source": "frontmatter:date", "inferred_start": None, "inferred_end": None,
                          "reliability": 80}])
    long = "a message long enough to need wrapping on a narrow terminal, " * 3
    finds = pd.DataFrame([{"doc_id": "a.md", "severity": s, "rule_id": code, "line": n, "message": long,
                           "evidence": "former President Trump and more words of evidence " * 2, "rule": code}
                          for s, code, n in (("info", "SR105", None), ("warning", "DT104", 3), ("error", "DT102", 5))])
    for columns in (80, 100):
        os.environ["COLUMNS"] = str(columns)
        try:
            out = text.render(docs, finds, terminal=True)
        finally:
            del os.environ["COLUMNS"]
        plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
        block = plain.split("\n\n")[0]
        table = block.splitlines()[1:]  # under the document's line (its path may be long)
        assert max(len(line) for line in table) <= columns, block
        order = [code for code in re.findall(r"\b(DT102|DT104|SR105)\b", block)]
        assert order == ["DT102", "DT104", "SR105"]
    assert "\x1b[31m" in text.render(docs, finds, terminal=True) and "\x1b[" not in text.render(docs, finds)


def test_the_rules_install_under_the_projects_name():
    """The rules/ folder stays at the top of the repository, but installs as checker.rules: a top-level
    `rules` package would collide with an unrelated one of that name on PyPI."""
    import importlib.util

    from checker.config import tomllib

    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "checker.rules" in setup["packages"] and not any(p.split(".")[0] == "rules" for p in setup["packages"])
    assert setup["package-dir"] == {"checker.rules": "rules"}
    spec = importlib.util.find_spec("checker.rules")
    assert spec is not None and spec.origin == str(ROOT / "rules" / "__init__.py")
    # every module imports the rules by that name
    stray = [str(p.relative_to(ROOT)) for folder in ("checker", "rules", "tests", "scripts", "benchmarks", "docs")
             for p in (ROOT / folder).rglob("*.py")
             if re.search(r"(?m)^\s*(?:from rules[. ]|import rules\b)", p.read_text(encoding="utf-8"))]
    assert stray == []


def test_messages_name_one_finding_per_words_and_say_where_a_date_comes_from(tmp_path):
    """An "-elect" title on a text dated after the inauguration is one finding (DT103), with the stretch
    the title was true in, named as the office's -elect title; the date-wide DT101, if it fires, does not
    quote the same words. A weekday check names the line the date came from in words."""
    (tmp_path / "elect.txt").write_text("Date: 2017-03-01\n\nPresident-elect Donald Trump met the governors on "
                                        "Tuesday. President-elect Trump said the budget is sound.\n")
    (tmp_path / "weekday.txt").write_text("Release Date: Tuesday, March 28, 2024\n\nThe council met today.\n")
    out = tmp_path / "out"
    r = run("audit", str(tmp_path / "elect.txt"), str(tmp_path / "weekday.txt"), "--out", str(out), "--no-cache",
            "--fail-on", "never", *REF)
    assert r.returncode == 0, r.stderr
    import csv

    rows = list(csv.DictReader(open(out / "findings.csv", encoding="utf-8")))
    elect = [f for f in rows if f["doc_id"].endswith("elect.txt") and f["category"] == "date"]
    dt103 = [f for f in elect if f["rule_id"] == "DT103"]
    assert len(dt103) == 2 and all("President-elect of the United States only 2016-11-08..2017-01-20" in f["message"]
                                   for f in dt103), elect
    quoted = {f["evidence"] for f in dt103}
    assert not [f for f in elect if f["rule_id"] == "DT101" and any(q in f["evidence"] for q in quoted)], elect
    weekday = [f for f in rows if f["doc_id"].endswith("weekday.txt") and f["rule_id"] == "DT104"]
    assert [f["message"] for f in weekday] == [
        "The date in the “Release Date:” line says Tuesday, but March 28, 2024 was a Thursday."]
