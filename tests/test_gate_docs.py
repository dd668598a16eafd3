"""docs/rules.md is generated from the rules (docs/gen_rules.py): this fails when it is stale, so the
published rule documentation cannot drift from `checker explain`."""
from __future__ import annotations

import importlib.util

from conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rules", ROOT / "docs" / "gen_rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
