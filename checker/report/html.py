"""The HTML report: one self-contained page a colleague can open without the command line.

A summary (verdicts, findings by rule and severity, reliability scores), a table of documents to sort and
filter, and per document a timeline picture: the declared date, the inferred window, and each constraint
behind it (the tenure of each person named, each dated event), red where it rules the declared date out,
so a reader sees at a glance why a date cannot be right; then the findings with their evidence marked in
its context, and the date signals the metadata gave.

Everything is inline (CSS, the sorting and filtering script, SVG drawn here): the file loads nothing and
works offline. Document text is untrusted: every string is escaped, the script only moves rows and reads
text, and a Content-Security-Policy admits nothing but this page's own style and script (by hash), so a
`<script>` or an `onerror=` in a document stays text even if an escape were missed.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from collections import Counter
from typing import Optional

import pandas as pd

from checker.report.locate import plural

VERDICTS = ["inconsistent", "consistent", "unverifiable", "undated", "unreadable"]
SEVERITIES = ["error", "warning", "info"]
MAX_ROWS = 12  # constraints drawn per timeline; the rest are listed under it

# timeline geometry (SVG user units)
WIDTH, LABEL, RIGHT, ROW, TOP, AXIS = 960, 300, 16, 22, 52, 30


def e(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else html.escape(str(value), quote=True)


def _v(value) -> Optional[str]:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)


def _day(s: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(s[:10]) if s else None


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# -- the timeline picture ------------------------------------------------------------------------------------

class Scale:
    def __init__(self, lo: dt.date, hi: dt.date):
        self.lo, self.hi = lo, hi
        self.span = max(1, (hi - lo).days)

    def x(self, d: dt.date) -> float:
        d = min(max(d, self.lo), self.hi)
        return round(LABEL + (WIDTH - LABEL - RIGHT) * (d - self.lo).days / self.span, 1)

    def ticks(self) -> list[tuple[dt.date, str]]:
        years = self.span / 365.25
        if years > 2:
            step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 9)
            y = (self.lo.year // step + 1) * step
            return [(dt.date(v, 1, 1), str(v)) for v in range(y, self.hi.year + 1, step)]
        months = self.span / 30.4
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 9)
        out, y, m = [], self.lo.year, self.lo.month
        while True:
            m += 1
            y, m = (y + 1, 1) if m > 12 else (y, m)
            d = dt.date(y, m, 1)
            if d > self.hi:
                return out
            if (m - 1) % step == 0:
                out.append((d, d.strftime("%b %Y") if m == 1 or not out else d.strftime("%b")))


def _domain(tl: dict) -> Optional[Scale]:
    days = []
    if tl.get("declared"):
        days += [_day(tl["declared"]["first"]), _day(tl["declared"]["last"])]
    if tl.get("window"):
        days += [_day(tl["window"]["start"]), _day(tl["window"]["end"])]
    days += [_day(c["first"]) for c in tl.get("claims", ()) if c["kind"] != "copyright"]
    for c in tl.get("constraints", ()):
        days += [_day(a) for iv in c["intervals"] for a in iv if a]
    days = [d for d in days if d]
    if not days:
        return None
    lo, hi = min(days), max(days)
    pad = max(dt.timedelta(days=45), (hi - lo) * 0.08)
    return Scale(lo - pad, hi + pad)


def _band(scale: Scale, first: dt.date, last: dt.date, cls: str, top: float, bottom: float, least: float,
          tip: str, label: str, label_y: float) -> str:
    """A stretch of days across every row (the window, the declared date), labelled above, on the side with room."""
    a, b = scale.x(first), scale.x(last + dt.timedelta(days=1))
    anchor = "end" if a > (LABEL + WIDTH) / 2 else "start"
    return (f'<rect class="{cls}" x="{a}" y="{top}" width="{max(least, round(b - a, 1))}" height="{bottom - top}">'
            f'<title>{e(tip)}</title></rect><text class="{cls}-label" text-anchor="{anchor}" '
            f'x="{b - 3 if anchor == "end" else a + 3}" y="{label_y}">{e(label)}</text>')


def rule_link(code: str) -> str:
    """A rule code that links to its explanation in the report's own list of rules."""
    return f'<a class="code" href="#rule-{e(code)}"><code>{e(code)}</code></a>'


def rules_explained(findings: pd.DataFrame) -> str:
    """What each rule with findings in the report checks and why: its documentation, from the rule."""
    from checker.rules import by_code

    codes = sorted(set(findings["rule_id"])) if len(findings) else []
    rules = by_code()
    items = []
    for code in codes:
        rule = rules.get(code)
        if rule is None:
            continue
        about = re.split(r"\n\s*\n(?:Fails|Passes)\b", rule.documentation(), maxsplit=1)[0]
        items.append(f'<details id="rule-{e(code)}"><summary><code>{e(code)}</code> {e(rule.name)}</summary>'
                     f'<pre class="ruledoc">{e(about)}</pre></details>')
    if not items:
        return ""
    return (f'<section id="rules"><h2>The rules behind these findings</h2><p class="muted">`checker explain CODE` '
            f'prints the same, with examples.</p>{"".join(items)}</section>')


def out_class(fits_declared, flagged: bool) -> str:
    """A constraint's colour: red ("rules the declared date out") only where a date finding of the document
    says so; a constraint outside the declared date on a document with no such finding is too weak to call
    the date wrong (a courtesy title, one namesake), and is drawn amber: the report never shows a
    contradiction its findings do not state."""
    if fits_declared is False:
        return "rules-out" if flagged else "weak-out"
    return "fits" if fits_declared else "neutral"


def timeline_svg(tl: dict, flagged: bool = True) -> str:
    scale = _domain(tl)
    if scale is None:
        return '<p class="muted">No dates to draw: the document declares none and its content gives no evidence.</p>'
    constraints = sorted(tl.get("constraints", ()), key=lambda c: (c["fits_declared"] is not False, -c["weight"]))
    shown = constraints[:MAX_ROWS]
    height = TOP + ROW * (len(shown) + 1) + AXIS
    plot_bottom = height - AXIS
    out = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="Timeline: declared date, inferred window and {len(constraints)} constraints">']
    for d, label in scale.ticks():  # axis and grid
        x = scale.x(d)
        out.append(f'<line class="grid" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{plot_bottom}"/>'
                   f'<text class="tick" x="{x}" y="{plot_bottom + 16}">{e(label)}</text>')
    out.append(f'<line class="axis" x1="{LABEL}" y1="{plot_bottom}" x2="{WIDTH - RIGHT}" y2="{plot_bottom}"/>')
    w = tl.get("window")
    if w:
        out.append(_band(scale, _day(w["start"]), _day(w["end"]), "window", TOP - 6, plot_bottom, 3.0,
                         f'Inferred window {w["start"]} – {w["end"]}', f'window {w["start"]} – {w["end"]}', TOP - 10))
    # row 0: what the metadata says (each signal a diamond; copyright years as squares)
    y0 = TOP + ROW // 2
    out.append(f'<text class="rlabel" x="{LABEL - 8}" y="{y0 + 4}">date signals in the metadata</text>')
    seen, labelled = set(), set()
    declared = tl.get("declared")
    for c in tl.get("claims", ()):
        key = (c["kind"], c["value"], c["source"])
        if key in seen:
            continue
        seen.add(key)
        x = scale.x(_day(c["first"]))
        tip = f'{c["source"]}: {c["value"]} ({c["kind"]}) — {c["evidence"]["text"]}'
        # a publication signal more than a day from the declared date is the page contradicting itself
        off = declared is not None and c["kind"] in ("published", "dateline") and (
            _day(c["first"]) - _day(declared["last"]) > dt.timedelta(days=1)
            or _day(declared["first"]) - _day(c["last"]) > dt.timedelta(days=1))
        cls = f'sig {e(c["kind"])}{" off" if off else ""}'
        shape = (f'<rect class="sig copyright" x="{x - 4}" y="{y0 - 4}" width="8" height="8">' if c["kind"] == "copyright"
                 else f'<path class="{cls}" d="M{x} {y0 - 6} L{x + 6} {y0} L{x} {y0 + 6} L{x - 6} {y0} Z">')
        out.append(f'{shape}<title>{e(_clip(tip, 300))}</title>{"</rect>" if c["kind"] == "copyright" else "</path>"}')
        if off and c["value"] not in labelled:
            labelled.add(c["value"])
            left = x < scale.x(_day(declared["first"]))  # the label goes on the side away from the declared date
            out.append(f'<text class="offlabel" text-anchor="{"end" if left else "start"}" x="{x - 9 if left else x + 9}" '
                       f'y="{y0 + 4}">{e(c["value"])} ({e(c["source"].removeprefix("html:"))})</text>')
    for i, c in enumerate(shown, 1):
        y = TOP + ROW * i + ROW // 2
        cls = out_class(c["fits_declared"], flagged)
        tip = f'{c["reason"]} (weight {c["weight"]:g}, {c["strength"]}' + \
              ((", rules out the declared date)" if flagged else ", outside the declared date but too weak for a finding)")
               if c["fits_declared"] is False else ")")
        out.append(f'<text class="rlabel" x="{LABEL - 8}" y="{y + 4}">{e(_clip(c["reason"], 46))}<title>{e(tip)}</title></text>')
        for lo, hi in c["intervals"]:
            a = scale.x(_day(lo)) if lo else LABEL
            b = scale.x(_day(hi) + dt.timedelta(days=1)) if hi else WIDTH - RIGHT
            out.append(f'<rect class="bar {cls} {e(c["strength"])}" x="{a}" y="{y - 5}" width="{max(2.0, round(b - a, 1))}" '
                       f'height="10" rx="2"><title>{e(tip)}</title></rect>')
            if not hi:
                out.append(f'<path class="open {cls}" d="M{b - 1} {y - 7} L{b + 7} {y} L{b - 1} {y + 7} Z"/>')
            if not lo:
                out.append(f'<path class="open {cls}" d="M{a + 1} {y - 7} L{a - 7} {y} L{a + 1} {y + 7} Z"/>')
    if declared:
        out.append(_band(scale, _day(declared["first"]), _day(declared["last"]), "declared", TOP - 18, plot_bottom, 2.5,
                         f'Declared {declared["value"]} ({declared["source"]})', f'declared {declared["value"]}', TOP - 22))
    out.append("</svg>")
    more = len(constraints) - len(shown)
    if more:
        out.append(f'<p class="muted">{plural(more, "more constraint")} listed below.</p>')
    return "".join(out)


# -- pieces --------------------------------------------------------------------------------------------------

def badge(verdict: str) -> str:
    return f'<span class="badge v-{e(verdict)}">{e(verdict)}</span>'


def sev(severity: str) -> str:
    return f'<span class="sev s-{e(severity)}">{e(severity)}</span>'


def quote(x: dict) -> str:
    """A piece of evidence marked in its context (escaped: document text is untrusted)."""
    where = f'line {x["line"]}' if x.get("line") else "metadata"
    return (f'<blockquote class="ctx"><span class="where">{where}</span>{e(x["before"])}<mark>{e(x["text"])}</mark>'
            f'{e(x["after"])}</blockquote>')


def stacked_bar(counts: dict[str, int], total: int) -> str:
    x, parts = 0.0, []
    for v in VERDICTS:
        n = counts.get(v, 0)
        if not n:
            continue
        w = 1000 * n / total
        parts.append(f'<rect class="v-{v}" x="{x:.1f}" y="0" width="{w:.1f}" height="28"><title>{v}: {n}</title></rect>')
        x += w
    return f'<svg class="stack" viewBox="0 0 1000 28" preserveAspectRatio="none" role="img" aria-label="verdicts">{"".join(parts)}</svg>'


def histogram(scores: list[int]) -> str:
    bins = [0] * 10
    for s in scores:
        bins[min(9, s // 10)] += 1
    top = max(bins) or 1
    bars = []
    for i, n in enumerate(bins):
        h = round(80 * n / top, 1)
        bars.append(f'<rect class="hbar" x="{i * 30 + 2}" y="{90 - h}" width="26" height="{h}"><title>{i * 10}–{i * 10 + 9 if i < 9 else 100}: {n}</title></rect>'
                    f'<text class="tick" x="{i * 30 + 15}" y="104">{i * 10}</text>')
    return f'<svg class="hist" viewBox="0 0 300 108" role="img" aria-label="reliability scores">{"".join(bars)}</svg>'


def summary(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    n = len(documents)
    counts = documents["verdict"].value_counts().to_dict() if n else {}
    legend = "".join(f'<li><button type="button" class="pick" data-verdict="{v}"><span class="sw v-{v}"></span>{v} '
                     f'<b>{counts.get(v, 0)}</b></button></li>' for v in VERDICTS)
    sev_counts = findings["severity"].value_counts().to_dict() if len(findings) else {}
    scores = [int(s) for s in documents["reliability"]] if n else []
    readable = [int(s) for s, v in zip(documents["reliability"], documents["verdict"]) if v != "unreadable"] if n else []
    stats = (f'mean <b>{sum(readable) / len(readable):.0f}</b>, median <b>{sorted(readable)[len(readable) // 2]}</b>, '
             f'lowest <b>{min(readable)}</b> (readable documents)') if readable else "no readable documents"
    rules = ""
    if len(findings):
        g = findings.groupby(["rule_id", "rule", "category"])
        rows = []
        for (rid, name, cat), part in sorted(g, key=lambda kv: kv[0][0]):
            c = part["severity"].value_counts().to_dict()
            rows.append(f'<tr><td>{rule_link(rid)}</td><td>{e(name)}</td><td>{e(cat)}</td>'
                        + "".join(f'<td class="num">{c.get(s, 0) or ""}</td>' for s in SEVERITIES)
                        + f'<td class="num">{part["doc_id"].nunique()}</td></tr>')
        rules = ('<table class="rules"><thead><tr><th>rule</th><th>name</th><th>category</th><th class="num">errors</th>'
                 f'<th class="num">warnings</th><th class="num">infos</th><th class="num">documents</th></tr></thead>'
                 f'<tbody>{"".join(rows)}</tbody></table>')
    return f"""<section id="summary"><h2>Summary</h2>
<div class="cards">
<div class="card wide"><h3>Verdicts of {plural(n, "document")}</h3>{stacked_bar(counts, n) if n else ''}<ul class="legend">{legend}</ul></div>
<div class="card"><h3>Findings</h3><ul class="sevs">{''.join(f'<li>{sev(s)} <b>{sev_counts.get(s, 0)}</b></li>' for s in SEVERITIES)}</ul>
<p class="muted">{len(findings)} in all, in {plural(findings['doc_id'].nunique() if len(findings) else 0, "document")}</p></div>
<div class="card"><h3>Reliability (0–100)</h3>{histogram(scores) if scores else ''}<p class="muted">{stats}</p></div>
</div>
<h3>Findings by rule</h3>{rules or '<p class="muted">No findings.</p>'}
</section>"""


def doc_table(documents: pd.DataFrame, worst: dict[str, str], titles: dict[str, str]) -> str:
    rows = []
    for i, d in enumerate(documents.to_dict("records")):
        declared, source = _v(d["declared_date"]), _v(d["declared_source"])
        start, end = _v(d["inferred_start"]), _v(d["inferred_end"])
        title = titles.get(d["doc_id"])
        rows.append(
            f'<tr data-doc="doc-{i}" data-verdict="{e(d["verdict"])}" data-format="{e(d["format"])}" data-worst="{worst.get(d["doc_id"], "none")}">'
            f'<td data-v="{e(d["doc_id"])}"><a href="#doc-{i}">{e(d["doc_id"])}</a>'
            + (f'<div class="muted small">{e(_clip(title, 90))}</div>' if title else "") + "</td>"
            f'<td data-v="{e(d["format"])}">{e(d["format"])}</td><td data-v="{e(d["language"])}">{e(d["language"])}</td>'
            f'<td class="d" data-v="{e(declared or "")}">{e(declared or "—")}<div class="muted small">{e(source or "")}</div></td>'
            f'<td class="d" data-v="{e(start or "")}">{e(start or "—")}{f"<br>– {e(end)}" if start else ""}</td>'
            f'<td data-v="{VERDICTS.index(d["verdict"])}">{badge(d["verdict"])}</td>'
            + "".join(f'<td class="num" data-v="{int(d[c])}">{int(d[c]) or ""}</td>' for c in ("errors", "warnings", "infos"))
            + f'<td class="num" data-v="{int(d["reliability"])}">{int(d["reliability"])}</td></tr>')
    heads = [("document", "text"), ("format", "text"), ("lang", "text"), ("declared", "text"), ("window", "text"),
             ("verdict", "num"), ("errors", "num"), ("warnings", "num"), ("infos", "num"), ("reliability", "num")]
    right = ' class="num"'
    th = "".join(f'<th data-type="{t}"{right if t == "num" and h != "verdict" else ""}><button type="button">{h}</button></th>'
                 for h, t in heads)
    formats = sorted(set(documents["format"])) if len(documents) else []
    return f"""<section id="documents"><h2>Documents</h2>
<form class="filters" role="search">
<input id="q" type="search" placeholder="Filter: name, title, source…" aria-label="filter documents">
<select id="f-verdict" aria-label="verdict"><option value="">any verdict</option>{''.join(f'<option>{v}</option>' for v in VERDICTS)}</select>
<select id="f-severity" aria-label="findings"><option value="">any findings</option><option value="info">with findings</option>
<option value="warning">with warnings or errors</option><option value="error">with errors</option></select>
<select id="f-format" aria-label="format"><option value="">any format</option>{''.join(f'<option>{e(f)}</option>' for f in formats)}</select>
<span id="count" class="muted"></span></form>
<table id="docs"><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"""


def doc_detail(i: int, d: dict, fs: list[dict], tl: Optional[dict]) -> str:
    declared, source = _v(d["declared_date"]), _v(d["declared_source"])
    start, end = _v(d["inferred_start"]), _v(d["inferred_end"])
    facts = [f'format <b>{e(d["format"])}</b>', f'language <b>{e(d["language"] or "—")}</b>',
             f'declared <b>{e(declared or "none")}</b>' + (f' <span class="muted">({e(source)})</span>' if source else ""),
             f'window <b>{e(f"{start} – {end}" if start else "none")}</b>', f'reliability <b>{int(d["reliability"])}</b>']
    meta = ""
    if tl:
        bits = [f'<b>{e(tl["title"])}</b>'] if tl.get("title") else []
        bits += [e(f"{k}: {v}") for k, v in (tl.get("metadata") or {}).items() if k != "description"]
        bits += [f'<span class="url">{e(tl["url"])}</span>'] if tl.get("url") else []
        meta = f'<p class="pagemeta">{" · ".join(bits)}</p>' if bits else ""
    flagged = any(f["category"] == "date" and f["severity"] in ("error", "warning") for f in fs)
    picture = timeline_svg(tl, flagged) if tl else '<p class="muted">No timeline data (the audit was not run for this report).</p>'
    legend = ('<p class="legend2"><span class="sw declared"></span>declared date <span class="sw window"></span>inferred window '
              '<span class="sw rules-out"></span>rules the declared date out <span class="sw weak-out"></span>outside it, '
              'too weak for a finding <span class="sw fits"></span>allows it '
              '<span class="sw neutral"></span>no declared date <span class="sw sig"></span>metadata date signal</p>')
    by_key: dict[tuple, list] = {}
    for f in (tl or {}).get("findings", ()):
        by_key.setdefault((f["rule_id"], f["start"], f["end"]), []).append(f["evidence"])
    items = []
    for f in sorted(fs, key=lambda f: SEVERITIES.index(f["severity"])):  # errors first, then by place
        start_, end_ = (None if _v(f["start"]) is None else int(f["start"])), (None if _v(f["end"]) is None else int(f["end"]))
        got = by_key.get((f["rule_id"], start_, end_))
        ev = got.pop(0) if got else None
        if ev:  # one quote per place, however many of the finding's facts rest on it
            ev = list({(x["start"], x["end"], x["text"]): x for x in ev}.values())
        shown = "".join(quote(x) for x in ev) if ev else (f'<blockquote class="ctx">{e(f["evidence"])}</blockquote>' if _v(f["evidence"]) else "")
        items.append(f'<li class="finding">{sev(f["severity"])} {rule_link(f["rule_id"])} <span class="muted">{e(f["rule"])}</span>'
                     f'<p>{e(f["message"])}</p>{shown}</li>')
    findings = f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="muted">No findings.</p>'
    extra = ""
    if tl and tl.get("constraints"):
        quoted: set = set()  # a person's several constraints rest on the same words: quote them once

        def first_quote(evidence: list) -> str:
            fresh = [x for x in evidence if (x["start"], x["end"]) not in quoted][:1]
            quoted.update((x["start"], x["end"]) for x in evidence)
            return "".join(quote(x) for x in fresh)

        lis = "".join(f'<li><span class="sw {out_class(c["fits_declared"], flagged)}"></span>'
                      f'{e(c["reason"])} <span class="muted">(weight {c["weight"]:g}, {e(c["strength"])}'
                      f'{", in the window" if c["in_window"] else ", given up by the window"})</span>'
                      f'{first_quote(c["evidence"])}</li>'
                      for c in sorted(tl["constraints"], key=lambda c: (c["fits_declared"] is not False, -c["weight"])))
        extra += f'<details><summary>Constraints behind the window ({len(tl["constraints"])})</summary><ul class="constraints">{lis}</ul></details>'
    if tl and tl.get("claims"):
        lis = "".join(f'<tr><td>{e(c["kind"])}</td><td><b>{e(c["value"])}</b></td><td><code>{e(c["source"])}</code></td>'
                      f'<td>{e(_clip(c["evidence"]["text"], 160))}</td></tr>' for c in tl["claims"])
        extra += (f'<details><summary>Date signals in the metadata ({len(tl["claims"])})</summary><table class="claims">'
                  f'<thead><tr><th>kind</th><th>date</th><th>source</th><th>as written</th></tr></thead><tbody>{lis}</tbody></table></details>')
    return (f'<article class="doc" id="doc-{i}" data-verdict="{e(d["verdict"])}"><h3>{badge(d["verdict"])} {e(d["doc_id"])}</h3>'
            f'{meta}<p class="facts">{" · ".join(facts)}</p><figure>{picture}{legend}</figure>'
            f'<h4>Findings</h4>{findings}{extra}<p class="top"><a href="#documents">back to the table</a></p></article>')


STYLE = """
:root{--ink:#1d2327;--muted:#5f6b73;--line:#d7dde1;--bg:#f6f8f9;--red:#d32f2f;--green:#388e3c;--amber:#f9a825;--blue:#1e88e5;--slate:#78909c}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header,section,article.doc{max-width:1180px;margin:0 auto;padding:0 20px}header{padding-top:18px}
h1{font-size:24px;margin:8px 0 2px}h2{font-size:20px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:8px 0}h4{margin:14px 0 6px}.muted{color:var(--muted)}.small{font-size:12px}code{font-size:13px}
.cards{display:grid;grid-template-columns:2fr 1fr 1fr;gap:14px}.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
@media (max-width:820px){.cards{grid-template-columns:1fr}}
.stack{width:100%;height:28px;border-radius:4px;display:block}.legend{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.pick{font:inherit;background:#fff;border:1px solid var(--line);border-radius:14px;padding:2px 10px;cursor:pointer}.pick:hover{border-color:var(--blue)}
.sevs{list-style:none;padding:0;margin:0}.sevs li{margin:4px 0}.hist{width:100%;height:auto}.hbar{fill:var(--blue)}
.v-inconsistent{fill:var(--red);background:var(--red)}.v-consistent{fill:var(--green);background:var(--green)}
.v-unverifiable{fill:var(--amber);background:var(--amber)}.v-undated{fill:#8d6e63;background:#8d6e63}.v-unreadable{fill:#757575;background:#757575}
.badge{display:inline-block;color:#fff;border-radius:10px;padding:0 9px;font-size:12px;font-weight:600;vertical-align:2px}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600}
.s-error{background:#fde0e0;color:#b71c1c}.s-warning{background:#fff3cd;color:#7a5b00}.s-info{background:#e3f0fb;color:#0d47a1}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef2f4;font-size:13px;white-space:nowrap}th.num{text-align:right}th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}#docs td:first-child{overflow-wrap:anywhere;min-width:240px}td.d{white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0 0 10px}.filters input,.filters select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{min-width:260px}
article.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:18px auto;padding:4px 20px 10px;max-width:1140px}
article.doc h3{font-size:17px;word-break:break-all}.facts,.pagemeta{margin:4px 0;font-size:14px}.url{word-break:break-all;color:var(--muted)}
figure{margin:10px 0}svg.timeline{width:100%;height:auto;display:block;background:#fbfcfd;border:1px solid var(--line);border-radius:6px}
.timeline text{font-size:11px;fill:var(--ink)}.timeline .tick,.hist .tick{font-size:10px;fill:var(--muted);text-anchor:middle}
.timeline .grid{stroke:#e6eaed}.timeline .axis{stroke:#9aa5ab}.timeline .rlabel{text-anchor:end}
.timeline .window{fill:rgba(30,136,229,.13);stroke:var(--blue);stroke-dasharray:4 3}.timeline .window-label{fill:#1565c0;font-weight:600}
.timeline .declared{fill:rgba(29,35,39,.85)}.timeline .declared-label{font-weight:700}
.bar.fits,.open.fits{fill:var(--green)}.bar.rules-out,.open.rules-out{fill:var(--red)}.bar.weak-out,.open.weak-out{fill:var(--amber)}.bar.neutral,.open.neutral{fill:var(--slate)}.bar.soft{opacity:.55}
.sig{fill:#6a1b9a;stroke:#fff;stroke-width:1}.sig.off{fill:var(--red)}.timeline .offlabel{fill:var(--red);font-weight:600}.sig.updated{fill:#ab47bc}.sig.dateline{fill:#8e24aa}.sig.copyright{fill:#bdbdbd}
.legend2{font-size:12px;color:var(--muted);margin:6px 0 0}.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
.sw.declared{background:#1d2327;width:4px}.sw.window{background:rgba(30,136,229,.25);border:1px dashed var(--blue)}.ruledoc{white-space:pre-wrap;font-size:.85em;max-width:60em}a.code{text-decoration:none}.sw.rules-out{background:var(--red)}.sw.weak-out{background:var(--amber)}
.sw.fits{background:var(--green)}.sw.neutral{background:var(--slate)}.sw.sig{background:#6a1b9a;transform:rotate(45deg);width:9px;height:9px}
.legend .sw{margin:0 6px 0 0}ol.findings{padding-left:20px}.finding{margin:8px 0}.finding p{margin:2px 0 4px}
blockquote.ctx{margin:4px 0 6px;padding:6px 10px;background:#f7f7f2;border-left:3px solid #c9c29a;font-size:14px;white-space:pre-wrap;word-break:break-word}
blockquote.ctx .where{float:right;font-size:11px;color:var(--muted);margin-left:8px}mark{background:#ffe082;padding:0 1px;border-radius:2px}
details{margin:8px 0}summary{cursor:pointer;color:#1565c0}ul.constraints{padding-left:4px;list-style:none}ul.constraints li{margin:6px 0}
table.claims td{font-size:13px}.top{font-size:13px}footer{max-width:1180px;margin:20px auto;padding:0 20px 30px;color:var(--muted);font-size:12px}
"""

SCRIPT = """(function () {
  "use strict";
  var table = document.getElementById("docs");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var q = document.getElementById("q"), verdict = document.getElementById("f-verdict");
  var severity = document.getElementById("f-severity"), format = document.getElementById("f-format");
  var count = document.getElementById("count");
  var rank = { none: 0, info: 1, warning: 2, error: 3 };
  function apply() {
    var text = q.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ok = (!text || r.textContent.toLowerCase().indexOf(text) >= 0)
        && (!verdict.value || r.dataset.verdict === verdict.value)
        && (!format.value || r.dataset.format === format.value)
        && rank[r.dataset.worst] >= rank[severity.value || "none"];
      r.hidden = !ok;
      var detail = document.getElementById(r.dataset.doc);
      if (detail) { detail.hidden = !ok; }
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " documents";
  }
  [q, verdict, severity, format].forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  document.querySelectorAll("button.pick").forEach(function (b) {
    b.addEventListener("click", function () {
      verdict.value = verdict.value === b.dataset.verdict ? "" : b.dataset.verdict;
      apply();
      document.getElementById("documents").scrollIntoView();
    });
  });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    th.querySelector("button").addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var numeric = th.dataset.type === "num";
      rows.sort(function (a, b) {
        var x = a.cells[i].dataset.v, y = b.cells[i].dataset.v;
        if (numeric) { return dir * ((parseFloat(x) || 0) - (parseFloat(y) || 0)); }
        return dir * x.localeCompare(y);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
}());
"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def render(documents: pd.DataFrame, findings: pd.DataFrame, timelines: Optional[dict] = None) -> str:
    timelines = timelines or {}
    by_doc: dict[str, list[dict]] = {}
    worst: dict[str, str] = {}
    for f in findings.to_dict("records"):
        by_doc.setdefault(f["doc_id"], []).append(f)
        # SEVERITIES runs from the worst down
        worst[f["doc_id"]] = min(worst.get(f["doc_id"], "info"), f["severity"], key=SEVERITIES.index)
    titles = {k: t["title"] for k, t in timelines.items() if t and t.get("title")}
    docs = documents.to_dict("records")
    reference = next((t["reference_date"] for t in timelines.values() if t), None)
    details = "".join(doc_detail(i, d, by_doc.get(d["doc_id"], []), timelines.get(d["doc_id"])) for i, d in enumerate(docs))
    verdicts = Counter(documents["verdict"]) if len(documents) else Counter()
    csp = (f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    try:
        from importlib.metadata import version

        made_by = f"checker {version('checker')}"
    except Exception:  # run from a source tree that was never installed
        made_by = "checker"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>checker audit: {plural(len(docs), "document")}, {verdicts.get('inconsistent', 0)} inconsistent</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>Date and source audit</h1>
<p class="muted">{plural(len(docs), "document")}, {plural(len(findings), "finding")}{f", reference date {e(reference)}" if reference else ""}. Sort and filter the
table; each document below shows its timeline: the declared date (black), the window its content allows (blue), and the
facts behind it, red where a fact rules the declared date out.</p></header>
{summary(documents, findings)}
{doc_table(documents, worst, titles)}
<section id="details"><h2>Documents one by one</h2></section>
{details}
{rules_explained(findings)}
<footer>{e(made_by)} · one self-contained file: it loads nothing from the network.</footer>
<script>{SCRIPT}</script>
</body>
</html>
"""
