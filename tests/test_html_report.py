"""The HTML report: self-contained, escaped, with a timeline per document; and, in a real headless
Chromium, the seeds' report shows its timelines and findings, logs no error, and runs no document's code;
at 1400 and 700 px its timelines' texts neither overlap nor leave the picture nor shrink below 10 px, each
person has one row and each mark a legend entry, names wrap between their parts, and a rule's row in the
summary filters the documents."""
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
# A document under a long path (it must wrap, between its parts) that names one person twice.
LONG_NAME = ("ministry_of_the_interior_press_office/border_security_releases/"
             "2013_06_03_secretary_napolitano_visits_the_nogales_crossing.txt")
TWICE = """Date: June 3, 2013

Homeland Security Secretary Janet Napolitano visited the Nogales crossing on Monday. Secretary Napolitano said the
new inspection lanes would open this summer.
"""


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
    page = (out / "report.html").read_text(encoding="utf-8").replace("<wbr>", "")  # a path's break points
    docs = json.loads((out / "audit.json").read_text(encoding="utf-8"))["documents"]
    timelines = [json.loads(line) for line in (out / "timelines.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["doc_id"] for t in timelines] == [d["doc_id"] for d in docs]
    assert page.count('<tr data-doc="doc-') == len(docs)
    assert page.count('<article class="doc"') == len(docs)
    dated = [d for d in docs if d["declared_date"] or d["inferred_start"]]
    assert page.count('<svg class="timeline"') == len(dated)
    # the re-dated sample: its constraints rule the declared date out, and say why
    napolitano = page[page.index("samples/docs/napolitano_redated.txt</span></h3>"):]
    napolitano = napolitano[: napolitano.index("</article>")]
    assert 'class="declared"' in napolitano and 'class="window"' in napolitano
    assert "bar rules-out" in napolitano and "Janet Napolitano was United States Secretary of Homeland Security" in napolitano
    assert "<mark>Homeland Security Secretary Janet Napolitano</mark>" in napolitano
    # the HTML sample: the byline that contradicts the JSON-LD is marked on the timeline
    trade = page[page.index("samples/docs/trade_talks_2023.html</span></h3>"):]
    assert "sig published off" in trade[: trade.index("</article>")] and "2021-05-18 (byline)" in trade
    for section in ('id="summary"', 'id="documents"', "Findings by rule", "Reliability"):
        assert section in page
    # every fact about a person is drawn on the row of that person and office; an event on a row of its own
    for t in timelines:
        for c in t["constraints"]:
            assert (" · " in c["row"]) is (not c["reason"].startswith("the text ")), c


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


@pytest.fixture(scope="module")
def seed_report(hostile_dir, tmp_path_factory) -> Path:
    """The audit of the seeds, the hostile documents and the long-named one: its folder (report.html,
    audit.json, timelines.jsonl)."""
    tmp = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SHARED / "seeds", tmp / "seeds", ignore=shutil.ignore_patterns("*.yaml"))
    for f in hostile_dir.iterdir():
        shutil.copy(f, tmp / "seeds" / f.name)
    (tmp / "seeds" / LONG_NAME).parent.mkdir(parents=True)
    (tmp / "seeds" / LONG_NAME).write_text(TWICE, encoding="utf-8")
    return audit(tmp, str(tmp / "seeds"), formats=("html", "json"))


@needs_shared
@needs_chromium
def test_seed_report_in_a_real_browser(seed_report, tmp_path):
    from playwright.sync_api import sync_playwright

    report = seed_report / "report.html"
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
        assert n_docs == 9
        assert page.locator("#count").inner_text() == "9 of 9 documents"  # the script ran
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
        assert 1 <= shown < n_docs and page.locator("#count").inner_text() == f"{shown} of 9 documents"
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


# Per timeline: its document, the box of the picture and of each text (CSS px), the rendered font size of
# each text, each row's whole label (its tooltip's first line), the kinds of mark drawn (MARKS), marks no
# kind names, and the marks its figure's legend explains.
TIMELINES = """marks => Array.from(document.querySelectorAll("svg.timeline")).map(svg => {
  const box = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const article = svg.closest("article");
  return {
    doc: document.querySelector(`tr[data-doc="${article.id}"] td`).dataset.v,
    svg: box(svg),
    texts: Array.from(svg.querySelectorAll("text")).map(t => ({
      text: t.firstChild ? t.firstChild.textContent : "", box: box(t),
      px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a })),
    rows: Array.from(svg.querySelectorAll("text.rlabel")).map(
      t => (t.querySelector("title") || t).textContent.split("\\n")[0]),
    drawn: Object.keys(marks).filter(k => svg.querySelector(marks[k])),
    unnamed: Array.from(svg.querySelectorAll("rect, path, circle, polygon, polyline, use, image"))
      .filter(el => !Object.values(marks).some(sel => el.matches(sel))).map(el => el.outerHTML.slice(0, 80)),
    legend: Array.from(article.querySelectorAll("figure [data-mark]"))
      .filter(li => li.getBoundingClientRect().height > 0 && li.textContent.trim()).map(li => li.dataset.mark),
  };
})"""
MARKS = {"declared": "rect.declared", "window": "rect.window", "bar": "rect.bar", "open": "path.open",
         "lower": "path.bound.lower", "upper": "path.bound.upper", "soft": ".soft", "rules-out": ".rules-out",
         "weak-out": ".weak-out", "fits": ".fits", "neutral": ".neutral", "sig": ".sig:not(.off):not(.copyright)",
         "sig-off": ".sig.off", "copyright": ".sig.copyright"}

# Each document name (the table's links, the headings) as its words, each split by where the lines fall:
# a word whose pieces sit on two lines was broken inside; and how many lines the whole name takes, and the
# CSS that decides where it may break.
NAMES = """() => Array.from(document.querySelectorAll("#docs tbody td:first-child > a, article.doc h3")).map(el => {
  const words = [], tops = new Set(), style = getComputedStyle(el);
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.parentElement.closest(".badge")) { continue; }
    for (const m of n.data.matchAll(/\\S+/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const lines = Array.from(r.getClientRects()).filter(b => b.width > 0).map(b => b.top);
      lines.forEach(t => tops.add(Math.round(t / 5)));
      words.push({ word: m[0], spread: Math.max(...lines) - Math.min(...lines) });
    }
  }
  return { name: el.textContent, words, lines: tops.size, wbr: el.querySelectorAll("wbr").length,
           wrap: style.overflowWrap, brk: style.wordBreak };
})"""


def _overlap(a: list, b: list, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def _inside(a: list, box: list, slack: float = 1.0) -> bool:
    return a[0] >= box[0] - slack and a[1] >= box[1] - slack and a[2] <= box[2] + slack and a[3] <= box[3] + slack


@needs_shared
@needs_chromium
def test_seed_report_layout_at_1400_and_700_px(seed_report, tmp_path):
    """Screenshots at both widths; in every timeline no two texts overlap, each lies inside the picture and
    renders at 10 px or more; one row per person and office; every mark drawn has a legend entry; the page
    never scrolls sideways as a whole; no document name is broken inside a word."""
    from playwright.sync_api import sync_playwright

    timelines = {t["doc_id"]: t for t in map(json.loads, (seed_report / "timelines.jsonl").read_text("utf-8").splitlines())}
    shots = Path(os.environ.get("CHECKER_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p, tempfile.TemporaryDirectory() as user_dir:
        browser = _launch(p, user_dir)
        page = browser.new_page()
        for width in (1400, 700):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto((seed_report / "report.html").as_uri())
            page.wait_for_load_state("load")
            shot = shots / f"seeds-report-{width}px.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 100_000
            # wide tables scroll inside their own box, not the page
            assert page.evaluate("document.documentElement.scrollWidth") <= width

            pictures = page.evaluate(TIMELINES, MARKS)
            assert len(pictures) >= 5
            for pic in pictures:
                where = (width, pic["doc"])
                texts = pic["texts"]
                assert texts and all(t["px"] >= 10 for t in texts), (where, [(t["text"], t["px"]) for t in texts])
                assert [t["text"] for t in texts if not _inside(t["box"], pic["svg"])] == [], where
                overlaps = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:]
                            if _overlap(a["box"], b["box"])]
                assert overlaps == [], (where, overlaps)
                # one row per person and office: the labels name them once each, not "became ..." and "was ..."
                facts = timelines[pic["doc"]]["constraints"]
                rows = pic["rows"]
                assert len(rows) == len(set(rows)) == min(len({c["row"] for c in facts}), 12), (where, rows)
                assert not [r for r in rows if re.search(r" (?:became|was) ", r)], (where, rows)
                people = {m.group(1) for c in facts if (m := re.match(r"(.+?) (?:became|was) ", c["reason"]))}
                if len(facts) <= 12:
                    assert all(any(r.startswith(f"{who} · ") for r in rows) for who in people), (where, people, rows)
                # every mark is one the legend knows, and the figure's legend explains each kind drawn
                assert pic["unnamed"] == [], (where, pic["unnamed"])
                assert set(pic["drawn"]) <= set(pic["legend"]), (where, set(pic["drawn"]) - set(pic["legend"]))
            seed = next(pic for pic in pictures if pic["doc"].endswith("001_8daeb831cf6be08f.txt"))
            assert {"copyright", "declared", "window", "rules-out", "bar", "lower"} <= set(seed["drawn"])
            twice = next(pic for pic in pictures if pic["doc"].endswith(LONG_NAME))
            assert twice["rows"] == ["Janet Napolitano · United States Secretary of Homeland Security"]

            names = page.evaluate(NAMES)
            assert len(names) == 2 * 9
            assert [(n["name"], w["word"]) for n in names for w in n["words"] if w["spread"] > 5] == []
            assert all(n["wrap"] != "anywhere" and n["brk"] != "break-all" for n in names), names
            long = [n for n in names if LONG_NAME in n["name"]]
            assert len(long) == 2 and all(n["wbr"] >= LONG_NAME.count("/") + LONG_NAME.count("_") for n in long)
            if width == 700:  # the check above saw names wrap: between their parts
                assert all(n["lines"] > 1 for n in long), long
        browser.close()


@needs_shared
@needs_chromium
def test_rule_links_and_the_rule_filter_in_a_real_browser(seed_report):
    """A rule code opens its explanation; a rule's row in "Findings by rule" shows only the documents with a
    finding of that rule, in the table and below it, and says how many; "show all" brings them all back."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as user_dir:
        browser = _launch(p, user_dir)
        page = browser.new_page()
        page.goto((seed_report / "report.html").as_uri())
        page.wait_for_load_state("load")
        total = page.locator("#docs tbody tr").count()
        assert page.locator("#count").inner_text() == f"{total} of {total} documents"

        link = page.locator("li.finding a.code").first
        code = link.inner_text()
        link.click()
        assert page.evaluate("location.hash") == f"#rule-{code}"
        explanation = page.locator(f"details#rule-{code}")
        assert explanation.evaluate("d => d.open") and explanation.locator("pre.ruledoc").is_visible()
        assert 0 <= explanation.bounding_box()["y"] < 900  # scrolled to it

        counts = {r.get_attribute("data-rule"): int(r.locator("button").inner_text().split()[-1])
                  for r in page.locator("table.rules tbody tr").all()}
        code, n = next((c, k) for c, k in counts.items() if k < total)
        row = page.locator(f'table.rules tr[data-rule="{code}"]')
        row.locator("td").nth(1).click()  # the row, not its code's link
        assert page.locator("#count").inner_text() == f"{n} of {total} documents"
        shown = page.locator("#docs tbody tr:not([hidden])")
        assert shown.count() == n
        assert all(code in r.get_attribute("data-rules").split() for r in shown.all())
        articles = page.locator("article.doc:not([hidden])")
        assert articles.count() == n
        assert all(a.locator("li.finding a.code", has_text=code).count() >= 1 for a in articles.all())
        assert row.locator("button").get_attribute("aria-pressed") == "true"
        # the code in the row still leads to its explanation, and leaves the filter alone
        row.locator("a.code").click()
        assert page.evaluate("location.hash") == f"#rule-{code}"
        assert page.locator(f"details#rule-{code}").evaluate("d => d.open")
        assert page.locator("#count").inner_text() == f"{n} of {total} documents"

        page.locator("#clear").click()
        assert page.locator("#count").inner_text() == f"{total} of {total} documents"
        assert page.locator("#docs tbody tr:not([hidden])").count() == total
        assert page.locator("article.doc:not([hidden])").count() == total and page.locator("#clear").is_hidden()
        row.locator("button").click()  # the row's button filters too, and a second click clears
        assert page.locator("#count").inner_text() == f"{n} of {total} documents"
        row.locator("button").click()
        assert page.locator("#count").inner_text() == f"{total} of {total} documents"
        browser.close()


def test_a_person_named_twice_gets_one_timeline_row(tmp_path):
    """Janet Napolitano, named twice, has one row, her term's bar and the flag of the day she took office on
    it; before, "Janet Napolitano became ..." and "Janet Napolitano was ..." were two rows."""
    from checker.config import Settings
    from checker.engine import audit as run_audit
    from checker.report import html

    doc = tmp_path / "twice.txt"
    doc.write_text(TWICE, encoding="utf-8")
    result = run_audit([str(doc)], Settings(reference_date=REFERENCE_DATE))
    page = html.render(result.documents, result.findings, result.timelines)
    svg = re.search(r'<svg class="timeline".*?</svg>', page, re.S).group(0)
    labels = re.findall(r'<text class="rlabel"[^>]*>([^<]*)', svg)
    assert [x for x in labels if "Napolitano" in x] == ["Janet Napolitano · United States Secretary of Homeland Security"]
    assert len(labels) == len(set(labels))
    rows = [r for r in re.findall(r'<g class="row">(.*?)</g>', svg, re.S) if "Napolitano" in r]
    assert len(rows) == 1
    assert re.search(r'<rect class="bar [^>]*><title>Janet Napolitano was ', rows[0])
    assert re.search(r'<path class="bound lower [^>]*><title>Janet Napolitano became ', rows[0])


def test_labels_keep_apart_and_names_break_between_their_parts():
    from checker.report import html

    labels = html.Labels()
    first = labels.place("declared 2024-03-28", 14, ((600, "start"), (500, "end")), "declared-label", bold=True)
    assert 'text-anchor="end"' in first  # no room after the line at 600: before it
    assert labels.place("window 2012 – 2013", 14, ((450, "end"),), "window-label", bold=True) == ""  # on the first
    assert labels.place("window 2012 – 2013", 34, ((450, "end"),), "window-label", bold=True)  # a lane below: room
    assert html.breakable('seeds/a_b.txt#x"<i>') == 'seeds/<wbr>a_<wbr>b.txt#<wbr>x&quot;&lt;i&gt;'


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
