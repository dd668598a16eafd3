"""End to end: the gate in a newsroom's repository, run by pre-commit from this checkout's hook definition.

A snapshot of this checkout (working tree included) becomes a git repository that the site's
.pre-commit-config.yaml names by path with a pinned rev, as a site would name ours by URL. pre-commit builds
the hook's virtualenv itself (pip installs the checker and its dependencies, once per test run, from the
package registry or pip's cache): that is the slow part, hence the generous, bounded timeout.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REFERENCE_DATE, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

INSTALL_TIMEOUT = 1800  # the first run builds the hook's environment
RUN_TIMEOUT = 300

POSTS = {
    "content/2014-06-18-health-law.md": (
        "---\ntitle: Health law enrolment passes its target\ndate: 2014-06-18\nauthor: Staff\n---\n\n"
        "WASHINGTON, June 18 - Enrolment under the health law passed its target, the White House said, and "
        "former President Obama thanked the volunteers who had signed people up.\n"),
    "content/2022-03-01-talks.md": (
        "---\ntitle: Talks in Washington\ndate: 2022-03-01\nauthor: Staff\n---\n\n"
        "WASHINGTON, March 1 - Secretary of State Antony Blinken met his Mexican counterpart to discuss trade.\n"),
}
NEW_BAD = ("content/2023-04-02-border.md",
           "---\ntitle: Border talks\ndate: 2023-04-02\nauthor: Staff\n---\n\nMEXICO CITY, April 2 - Homeland Security "
           "Secretary Janet Napolitano met Interior Minister Miguel Ángel Osorio Chong to discuss the border crossings.\n")


def _git(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk", "-c", "commit.gpgsign=false",
                           *args], cwd=cwd, capture_output=True, text=True, timeout=RUN_TIMEOUT, env=env)


def _snapshot(dest: Path) -> str:
    """This checkout's files (tracked, and new ones git does not ignore) as a one-commit repository."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    assert (dest / ".pre-commit-hooks.yaml").is_file()
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    assert _git(dest, "commit", "-qm", "checker").returncode == 0
    return _git(dest, "rev-parse", "HEAD").stdout.strip()


def test_pre_commit_gate_fails_passes_with_a_baseline_and_fails_on_a_new_post(tmp_path):
    hook = tmp_path / "checker-hook"
    hook.mkdir()
    rev = _snapshot(hook)

    site = tmp_path / "site"
    site.mkdir()
    assert _git(site, "init", "-q").returncode == 0
    for name, text in POSTS.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "README.md").write_text("# The site\n\nNot a post: the hook's `files` leaves it alone.\n")
    # the site's own settings, found by the hook upward from the repository's top
    (site / "pyproject.toml").write_text(f'[tool.checker]\nreference-date = "{REFERENCE_DATE.isoformat()}"\n')

    def config(*args: str) -> None:
        (site / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {hook}\n    rev: {rev}\n    hooks:\n      - id: checker\n"
            f"        files: ^content/\n        args: [{', '.join(args)}]\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), CHECKER_CACHE_DIR=str(tmp_path / "cache"))

    def pre_commit(*args: str, timeout: int = RUN_TIMEOUT) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=site, env=env, capture_output=True,
                              text=True, timeout=timeout)

    # 1. the re-dated post fails the gate
    config()
    _git(site, "add", "-A")
    r = pre_commit("run", "--all-files", timeout=INSTALL_TIMEOUT)
    log = r.stdout + r.stderr
    assert r.returncode == 1, log
    assert "former President Obama" in log and "DT102" in log and "2014-06-18-health-law.md" in log, log
    # the hook's default output is concise: one `path:line:col: CODE [severity] message` line per finding
    assert re.search(r"^\S*2014-06-18-health-law\.md:\d+:\d+: DT102 ", log, re.M), log
    assert "README" not in log

    # 2. the desk accepts what is there: a baseline, committed with the config that uses it
    w = subprocess.run([sys.executable, "-m", "checker.cli", "audit", "content", "--write-baseline", ".checker-baseline.json"],
                       cwd=site, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert w.returncode == 0, w.stderr
    config("--baseline", ".checker-baseline.json")
    _git(site, "add", "-A")
    r = pre_commit("run", "--all-files")
    assert r.returncode == 0, r.stdout + r.stderr
    assert pre_commit("install").returncode == 0
    # the commits run the installed hook: with this test's pre-commit home and cache, not the user's
    c = _git(site, "commit", "-qm", "Adopt the checker with a baseline", env=env)
    assert c.returncode == 0, c.stdout + c.stderr

    # 3. a new re-dated post cannot be committed; the old one stays accepted
    (site / NEW_BAD[0]).write_text(NEW_BAD[1], encoding="utf-8")
    with open(site / "content" / "2014-06-18-health-law.md", "a", encoding="utf-8") as fh:
        fh.write("\nUpdated with a correction to the enrolment figure.\n")  # an edit elsewhere in the old post
    _git(site, "add", "-A")
    head = _git(site, "rev-parse", "HEAD").stdout
    c = _git(site, "commit", "-qm", "Border talks", env=env)
    log = c.stdout + c.stderr
    assert c.returncode != 0, log
    assert "Janet Napolitano" in log and "2023-04-02-border.md" in log and "former President Obama" not in log
    assert _git(site, "rev-parse", "HEAD").stdout == head  # the commit was refused

    # 4. a commit that touches only a package manifest passes: the hook's entry leaves it alone
    _git(site, "reset", "-q")
    (site / NEW_BAD[0]).unlink()
    _git(site, "checkout", "--", "content/2014-06-18-health-law.md")
    (site / "content" / "package.json").write_text('{"name": "site-theme", "version": "1.0.0"}\n', encoding="utf-8")
    _git(site, "add", "content/package.json")
    c = _git(site, "commit", "-qm", "Theme manifest", env=env)
    assert c.returncode == 0, c.stdout + c.stderr
