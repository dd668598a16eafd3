"""The HTML report: self-contained, escaped, with a timeline per document; and, in a real headless
Chromium, the seeds' report shows its timelines and findings, logs no error, and runs no document's code."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import REFERENCE_DATE, ROOT, SHARED, needs_shared

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and os.path.exists(p)), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (.ci/run installs Debian's package)")

# Text a hostile page could carry: each must stay text in the report, never markup or code.
HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', "'><svg onload=alert(3)>",
           '<img src=x onerror="window.__pwned = 1">']
HOSTILE_TXT = f"""Date: March 28, 2025

{HOSTILE[0]} President Donald Trump met President Claudia Sheinbaum. {HOSTILE[1]}
Homeland Security Secretary Kristi Noem {HOSTILE[2]} said the talks went well. {HOSTILE[3]}
"""
HOSTILE_HTML = f"""<!DOCTYPE html><html><head><title>{HOSTILE[1].replace('<', '&lt;')} talks</title>
<script>window.__pwned = 2</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2025-03-28",
 "headline": "x", "author": {{"name": "\\"><img src=x onerror=alert(7)>"}}}}</script></head>
<body><article><h1>Talks</h1><p class="byline">Published March 28, 2025 &lt;script&gt;alert(4)&lt;/script&gt;</p>
<p>President Donald Trump met President Claudia Sheinbaum &lt;img src=x onerror=alert(5)&gt; in Washington on
Friday to discuss tariffs, migration and the security agreement both governments signed last year.</p>
<p>Commerce Secretary Howard Lutnick &quot;&gt;&lt;img src=x onerror=window.__pwned=3&gt; joined them later.</p>
</article></body></html>"""


def audit(tmp: Path, *paths: str, formats=("html",)) -> Path:
    out = tmp / "out"
    args = [sys.executable, "-m", "checker.cli", "audit", *paths, "--out", str(out), "--fail-on", "never",
            "--reference-date", REFERENCE_DATE.isoformat()]
    for f in formats:
        args += ["--format", f]
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "story.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (folder / 'x"><img src=x onerror=alert(6)>.txt').write_text(HOSTILE_TXT, encoding="utf-8")
    (folder / "page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_report(hostile_dir, tmp_path_factory) -> Path:
    return audit(tmp_path_factory.mktemp("hostile-out"), str(hostile_dir)) / "report.html"


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_report_is_self_contained_and_locked_down(hostile_report):
    page = hostile_report.read_text(encoding="utf-8")
    # nothing to fetch: no external source, link or stylesheet, and a policy that forbids any
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page)
    assert "<link" not in page and "@import" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(scripts) == 1 and len(styles) == 1
    assert f"'{_sha(scripts[0])}'" in csp and f"'{_sha(styles[0])}'" in csp


def test_document_text_is_escaped(hostile_report):
    page = hostile_report.read_text(encoding="utf-8")
    # the only markup of that kind is the report's own script tag; every payload is there as text
    assert page.count("<script") == 1  # the report's own
    for payload in HOSTILE:
        assert payload not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert not re.search(r"<(?:img|svg|iframe|object|embed)\b[^>]*\bon\w+\s*=", page, re.I)
    assert not re.search(r"<\w+[^>]*\s on\w+\s*=", page)


def test_report_has_summary_table_and_a_timeline_per_document(tmp_path):
    out = audit(tmp_path, str(ROOT / "samples" / "docs"), formats=("html", "json"))
    page = (out / "report.html").read_text(encoding="utf-8")
    docs = json.loads((out / "audit.json").read_text(encoding="utf-8"))["documents"]
    timelines = [json.loads(line) for line in (out / "timelines.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["doc_id"] for t in timelines] == [d["doc_id"] for d in docs]
    assert page.count('<tr data-doc="doc-') == len(docs)
    assert page.count('<article class="doc"') == len(docs)
    dated = [d for d in docs if d["declared_date"] or d["inferred_start"]]
    assert page.count('<svg class="timeline"') == len(dated)
    # the re-dated sample: its constraints rule the declared date out, and say why
    napolitano = page[page.index("samples/docs/napolitano_redated.txt</h3>"):]
    napolitano = napolitano[: napolitano.index("</article>")]
    assert 'class="declared"' in napolitano and 'class="window"' in napolitano
    assert "bar rules-out" in napolitano and "Janet Napolitano was United States Secretary of Homeland Security" in napolitano
    assert "<mark>Homeland Security Secretary Janet Napolitano</mark>" in napolitano
    # the HTML sample: the byline that contradicts the JSON-LD is marked on the timeline
    trade = page[page.index("samples/docs/trade_talks_2023.html</h3>"):]
    assert "sig published off" in trade[: trade.index("</article>")] and "2021-05-18 (byline)" in trade
    for section in ('id="summary"', 'id="documents"', "Findings by rule", "Reliability"):
        assert section in page


def test_render_without_timelines_still_reports(tmp_path):
    from checker.config import Settings
    from checker.engine import audit as run_audit
    from checker.report import html

    result = run_audit([str(ROOT / "samples" / "docs" / "napolitano_redated.txt")], Settings(reference_date=REFERENCE_DATE))
    assert result.timelines and "samples" in next(iter(result.timelines))
    page = html.render(result.documents, result.findings)
    assert "No timeline data" in page and "DT101" in page


def _launch(playwright, user_dir: str):
    return playwright.chromium.launch_persistent_context(
        user_dir, executable_path=CHROMIUM, headless=True, viewport={"width": 1280, "height": 900},
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync"])


@needs_shared
@needs_chromium
def test_seed_report_in_a_real_browser(hostile_dir, tmp_path):
    from playwright.sync_api import sync_playwright

    shutil.copytree(SHARED / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns("*.yaml"))
    for f in hostile_dir.iterdir():
        shutil.copy(f, tmp_path / "seeds" / f.name)
    out = audit(tmp_path, str(tmp_path / "seeds"))
    report = out / "report.html"
    problems, dialogs, requests = [], [], []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as user_dir:
        browser = _launch(p, user_dir)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri())
        page.wait_for_load_state("load")

        n_docs = page.locator("#docs tbody tr").count()
        assert n_docs == 8
        assert page.locator("#count").inner_text() == "8 of 8 documents"  # the script ran
        # seed 001: header 2024, content 2012-2013: a declared line outside the window, red constraints
        seed = page.locator("article.doc", has_text="001_8daeb831cf6be08f.txt")
        assert seed.locator("svg.timeline rect.declared").count() == 1
        assert seed.locator("svg.timeline rect.window").count() == 1
        assert seed.locator("svg.timeline rect.bar.rules-out").count() >= 2
        assert seed.locator("li.finding", has_text="Napolitano").count() >= 1
        assert seed.locator("li.finding mark").count() >= 1
        assert page.locator("article.doc svg.timeline").count() >= 5

        # sorting and filtering work on the table
        page.locator("#docs th", has_text="reliability").locator("button").click()
        scores = [int(x) for x in page.locator("#docs tbody tr td:last-child").all_inner_texts()]
        assert scores == sorted(scores)
        page.select_option("#f-verdict", "inconsistent")
        shown = page.locator("#docs tbody tr:not([hidden])").count()
        assert 1 <= shown < n_docs and page.locator("#count").inner_text() == f"{shown} of 8 documents"
        page.select_option("#f-verdict", "")
        page.fill("#q", "001_8daeb831")
        assert page.locator("#docs tbody tr:not([hidden])").count() == 1

        # hostile text is shown as text, and nothing of it ran
        page.fill("#q", "")
        body = page.evaluate("document.body.textContent")
        assert "<script>alert(1)</script>" in body and 'onerror=alert(2)>' in body
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert all(u.startswith("file://") for u in requests), requests

        shot = Path(os.environ.get("CHECKER_SCREENSHOTS", tmp_path)) / "seeds-report.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        seed.screenshot(path=str(shot))  # the seed's heading, timeline and findings
        assert shot.stat().st_size > 10_000
        browser.close()
    assert problems == [], problems


def test_evidence_excerpts_stay_in_their_paragraph():
    from checker.model import Span
    from checker.timeline import excerpt

    text = "Headline\n\nFirst paragraph ends here.\n\nThe minister said the talks would resume " + "soon " * 60 + "\n\nNext."
    start = text.index("minister")
    x = excerpt(text, Span(start, start + 8, "minister"), lambda i: text.count("\n", 0, i) + 1)
    assert (x["before"], x["text"], x["line"]) == ("The ", "minister", 5)
    assert x["after"].startswith(" said the talks") and x["after"].endswith("…") and "Next" not in x["after"]
    meta = excerpt(text, Span(0, 0, "JSON-LD datePublished: 2020-01-01"), lambda i: 1)
    assert meta == {"start": None, "end": None, "line": None, "before": "", "text": "JSON-LD datePublished: 2020-01-01", "after": ""}


def test_no_red_bar_without_a_finding_that_says_so(tmp_path):
    """A constraint outside the declared date is drawn red only where a date finding states the conflict;
    a courtesy title too weak for a finding is amber, and the document's own words stay "consistent"."""
    quiet, loud = tmp_path / "courtesy.txt", tmp_path / "stale.txt"
    quiet.write_text("Date: October 2, 2009\n\nThe foundation thanked President Clinton, who spoke at its dinner "
                     "last week about the health initiative he started.\n")
    loud.write_text("Date: January 14, 2025\n\nGerman Chancellor Angela Merkel says Europe must spend more on defence, "
                    "and she will meet other leaders in Brussels next week.\n")
    for doc, red in ((quiet, False), (loud, True)):
        html = tmp_path / f"{doc.stem}.html"
        r = subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(doc), "--output", str(html), "--no-cache",
                            "--reference-date", REFERENCE_DATE.isoformat()], capture_output=True, text=True, cwd=ROOT)
        page = html.read_text(encoding="utf-8")
        bars = re.findall(r'class="bar ([a-z-]+)', page)
        assert ("rules-out" in bars) is red, (doc.name, bars, r.stderr[-500:])
        if not red:
            assert "weak-out" in bars


def test_rule_codes_link_to_their_explanation_and_counts_read_as_words(tmp_path):
    doc = tmp_path / "stale.txt"
    doc.write_text("Date: March 28, 2025\n\nThe visit was unrelated to the tariffs proposed by former President Trump.\n")
    html = tmp_path / "r.html"
    subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(doc), "--output", str(html), "--no-cache",
                    "--reference-date", REFERENCE_DATE.isoformat()], capture_output=True, text=True, cwd=ROOT)
    page = html.read_text(encoding="utf-8")
    links = set(re.findall(r'href="#rule-([A-Z]{2}\d{3})"', page))
    targets = set(re.findall(r'id="rule-([A-Z]{2}\d{3})"', page))
    assert "DT102" in links and links == targets
    assert "Former" in page.split('id="rule-DT102"', 1)[1][:400]  # the rule's own words
    assert "(s)" not in re.sub(r"<script>.*?</script>|<style>.*?</style>", "", page, flags=re.S)
    assert "1 document," in page and "1 documents" not in page
