"""docs/rules.md is generated from the rules (docs/gen_rules.py): this fails when it is stale, so the
published rule documentation cannot drift from `checker explain`."""
from __future__ import annotations

from conftest import ROOT, load_script


def _generator():
    return load_script("docs/gen_rules.py")


def test_rules_md_is_current():
    expected = _generator().render()
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == expected, "docs/rules.md is stale: run `python docs/gen_rules.py` and commit it"


def test_rules_md_documents_every_rule_with_its_examples():
    from checker.rules import all_rules

    text = _generator().render()
    for r in all_rules():
        assert f"\n## {r.code}\n" in text and r.summary() in text
        for kind, examples in r.examples().items():
            for example, _ in examples:
                assert example.strip("\n") in text, (r.code, kind)


def test_readme_is_a_newcomers_page_and_its_links_resolve():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode()) <= 8 * 1024
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    local = [x for x in links if not x.startswith(("http://", "https://"))]
    assert {"docs/usage.md", "docs/rules.md", "docs/ci.md", "docs/knowledge-base.md", "docs/html-report.md",
            "docs/architecture.md", "docs/benchmarks.md"} <= set(local)
    assert all((ROOT / x).exists() for x in local), [x for x in local if not (ROOT / x).exists()]
    # the two commands: running the tool installs what it needs, the test command the test extras
    assert "scripts/audit-sample" in readme and "scripts/run-tests" in readme
    audit = (ROOT / "scripts" / "audit-sample").read_text()
    tests = (ROOT / "scripts" / "run-tests").read_text()
    assert "pip install" in audit and "[test]" not in audit
    assert "-e '.[test]'" in tests
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("scripts/run-tests\"")


def test_the_github_actions_example_pins_the_install_caches_and_uses_real_options():
    """The example a newsroom copies: a pinned install (no made-up tag), pip's and the checker's caches keyed
    by the pin, and an audit command whose every option the CLI accepts."""
    import subprocess
    import sys

    import yaml

    flow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text())
    steps = flow["jobs"]["audit"]["steps"]
    pin = flow["env"]["CHECKER_REF"]
    assert not pin.startswith("v"), "pin a commit, not a tag that may not exist"
    install = next(s["run"] for s in steps if s.get("name", "").startswith("Install"))
    assert "${CHECKER_REF}" in install
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert "CHECKER_REF" in cache["with"]["key"] and cache["with"]["path"] == "~/.cache/checker"
    audit = next(s["run"] for s in steps if s.get("name", "").startswith("Audit")).split()
    options = [a for a in audit if a.startswith("--")]
    usage = subprocess.run([sys.executable, "-m", "checker.cli", "audit", "--help"], capture_output=True, text=True,
                           env={"COLUMNS": "200", "PATH": ""}).stdout
    assert options and all(o in usage for o in options), [o for o in options if o not in usage]
