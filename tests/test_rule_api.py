"""The rule API: a rule module sees the checker only through `checker.rules.base` and `checker.model`, so the
rest of the checker can move without touching a rule, and a rule can be read on its own."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from checker.model import Problem, ProblemCode, Severity
from checker.rules import all_rules, by_code
from checker.rules.base import ProblemRule

RULES = Path(__file__).resolve().parents[1] / "rules"
ALLOWED = {"checker.rules.base", "checker.model"}
MODULES = sorted(p for p in RULES.glob("*.py") if p.stem not in ("__init__", "base"))


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an `import` or `from ... import` names, at any depth (inside functions too); `from
    checker import evidence` names `checker.evidence`."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the rules package itself
                base = ".".join(["checker", "rules"] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base in ("checker", "checker.rules"):
                out += [(node.lineno, f"{base}.{a.name}") for a in node.names]
            else:
                out.append((node.lineno, base))
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_rule_imports_only_the_rule_api(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = [f"line {n}: {name}" for n, name in _imported(tree)
             if (name == "checker" or name.startswith("checker.")) and name not in ALLOWED]
    assert not wrong, f"{path.name} imports {wrong}: take it from checker.rules.base or the RuleContext"


def test_the_walk_sees_imports_inside_functions():
    tree = ast.parse("def f():\n    from checker.rules import by_code\n    from checker import evidence\n")
    assert [name for _, name in _imported(tree)] == ["checker.rules.by_code", "checker.evidence"]


def test_every_problem_code_has_exactly_one_problem_rule():
    problem_rules = [r for r in all_rules() if isinstance(r, ProblemRule)]
    assert all(isinstance(r.code, ProblemCode) for r in problem_rules)
    assert sorted(r.code for r in problem_rules) == sorted(ProblemCode)


def test_a_problem_code_is_typed():
    assert str(Problem(ProblemCode.IN005, "stopped").code) == "IN005"  # how the tables print it
    for wrong in ("IN0O5", "IN005"):  # a typo, or even the right code as a bare string
        with pytest.raises(TypeError):
            Problem(wrong, "stopped")
    with pytest.raises(TypeError):
        type("Typo", (ProblemRule,), {"code": "IN005"})


@pytest.mark.parametrize("code", [r.code for r in all_rules()])
def test_every_rule_declares_its_points(code):
    """A rule's cost in the reliability score is on the rule, with its reason: none falls back to a default."""
    rule = by_code()[code]
    own = vars(type(rule))
    assert "points" in own and own.get("points_reason"), f"{code} does not say what its findings cost and why"
    if isinstance(rule.points, dict):
        assert set(rule.points) == set(Severity), f"{code} has no points for some severity"
    else:
        assert isinstance(rule.points, int)


def test_corpus_rules_are_run_by_kind_not_by_code():
    """The engine, the gate and the recycled-story pass run whatever corpus rules are registered: none is
    wired in by its code."""
    from checker.rules.base import CorpusRule

    assert [r.code for r in all_rules() if isinstance(r, CorpusRule)] == ["SR114"]
    root = RULES.parent / "checker"
    for name in ("engine.py", "gate.py", "recycled.py", "cache.py"):
        assert "SR114" not in (root / name).read_text(encoding="utf-8"), name
