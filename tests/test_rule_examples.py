"""Every rule's docstring carries a failing and a passing example, and they do what they say: the
documentation cannot rot."""
from __future__ import annotations

import pytest

from checker.rules import all_rules

CASES = [(r.code, kind, i) for r in all_rules() for kind in ("fails", "passes") for i in range(len(r.examples()[kind]))]


def test_every_rule_documents_a_passing_example():
    for r in all_rules():
        ex = r.examples()
        assert ex["passes"], f"{r.code} has no passing example"
        assert ex["fails"] or r.code == "IN004", f"{r.code} has no failing example"


@pytest.mark.parametrize("code,kind,i", CASES)
def test_docstring_example(check_text, code, kind, i):
    from checker.rules import by_code

    text, form = by_code()[code].examples()[kind][i]
    # the form names the file suffix, an encoding, or a limit the example runs under
    limits = {"budget": {"time_budget": 0.0}, "max-bytes": {"max_bytes": 30}}
    suffix, encoding = (form, "utf-8") if form in ("txt", "md", "json", "jsonl", "html") else ("txt", form)
    if form in limits:
        suffix, encoding = "txt", "utf-8"
    _, findings = check_text(text, f"example.{suffix}", encoding, **limits.get(form, {}))
    codes = [f["rule_id"] for f in findings]
    if kind == "fails":
        assert code in codes, findings
    else:
        assert code not in codes, [f["message"] for f in findings if f["rule_id"] == code]
