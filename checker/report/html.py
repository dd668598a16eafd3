"""The HTML report: one self-contained page a colleague can open without the command line.

A summary (verdicts, findings by rule and severity, reliability scores; a rule's row filters the documents),
a table of documents to sort and filter, and per document a timeline picture with a legend of its marks:
the declared date, the inferred window, and each constraint behind it on one row per person and office
(their term, the day they took office) or dated event, red where it rules the declared date out, so a
reader sees at a glance why a date cannot be right; then the findings with their evidence marked in its
context, and the date signals the metadata gave.

Everything is inline (CSS, the sorting and filtering script, SVG drawn here): the file loads nothing and
works offline. Document text is untrusted: every string is escaped, the script only moves and hides rows,
opens a rule's explanation and reads text, and a Content-Security-Policy admits nothing but this page's own style and script (by hash), so a
`<script>` or an `onerror=` in a document stays text even if an escape were missed.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
import unicodedata
from collections import Counter
from typing import Iterable, Optional

import pandas as pd

from checker.report.locate import plural

VERDICTS = ["inconsistent", "consistent", "unverifiable", "undated", "unreadable"]
SEVERITIES = ["error", "warning", "info"]
MAX_ROWS = 12  # rows (a person in an office, a dated event) drawn per timeline; the rest are listed under it

# Timeline geometry, in SVG user units. The picture is drawn at about one unit to a CSS pixel and shown
# 620 to 760 pixels wide (STYLE: .tl-pic, svg.timeline; narrower, it scrolls sideways in its box), so its
# text, FONT units high, renders at 10.5 to 13 px whatever the window's width: a viewBox scales the text
# with the picture, and a picture as wide as the page drew it at 7 px in a 700-pixel window.
WIDTH = 700
FONT = 12
EDGE = 2  # text keeps this far inside the picture
PAD = 8  # the least indent of a row's label
PLOT_L, PLOT_R = 14, WIDTH - 14  # the time axis; an open end's arrow reaches 7 units past it
LANE = 20  # a line of text outside the rows: the declared date's label above them, ticks and window below
ROW = 36  # a row: its label on a line of its own, its marks under it
MARKS = 25  # the middle of a row's marks, from the row's top
ASCENT, DESCENT = 0.93, 0.24  # DejaVu Sans' (Chromium's sans-serif on Linux), in em: the height of a text's box
GAP = 2  # the least room between two texts on one line
DAY = dt.timedelta(days=1)


def e(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else html.escape(str(value), quote=True)


def _v(value) -> Optional[str]:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)


def _day(s: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(s[:10]) if s else None


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def breakable(text: str) -> str:
    """`text` escaped, with a line break allowed (<wbr>) after each "/", "_" and "#": a long path wraps
    between its parts. CSS that breaks anywhere (`overflow-wrap: anywhere`, `word-break: break-all`) cut
    names mid-word ("napol" / "itano_redated.txt")."""
    return "<wbr>".join(e(part) for part in re.split(r"(?<=[/_#])", text))


# -- the timeline picture ------------------------------------------------------------------------------------

_NARROW = frozenset("fijlrtI.,:;'!|()[]/ -·")
_WIDE = frozenset("mwMW#%@…—")


def _em(ch: str) -> float:
    """At least a character's advance in em in DejaVu Sans, the widest of the common sans-serif fonts: text
    laid out by these widths overlaps in none of them (the server cannot measure the reader's font)."""
    base = unicodedata.normalize("NFD", ch)[:1]
    if base in _NARROW:
        return 0.42
    if base in _WIDE or not base.isascii():
        return 1.0
    return 0.79 if base.isupper() else 0.64


def text_width(text: str, bold: bool = False) -> float:
    """An upper estimate of `text`'s width in user units at FONT (bold text is up to 18% wider)."""
    return sum(map(_em, text)) * FONT * (1.18 if bold else 1.0)


def _fit(text: str, room: float) -> str:
    """`text` cut to `room` units with an ellipsis; the whole goes into the label's tooltip."""
    if text_width(text) <= room:
        return text
    while text and text_width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


class Labels:
    """The texts of one picture, each put at the first of its spots where it lies inside the picture and
    overlaps no text placed before it; a label with no such spot is left out (its mark keeps a tooltip)."""

    def __init__(self) -> None:
        self.boxes: list[tuple[float, float, float, float]] = []

    def place(self, text: str, y: float, spots: Iterable[tuple[float, str]], cls: str, bold: bool = False,
              tip: str = "") -> str:
        w = text_width(text, bold)
        for x, anchor in spots:
            left = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
            box = (left, y - ASCENT * FONT, left + w, y + DESCENT * FONT)
            if box[0] < EDGE or box[2] > WIDTH - EDGE:
                continue
            if any(box[0] < b[2] + GAP and b[0] < box[2] + GAP and box[1] < b[3] and b[1] < box[3] for b in self.boxes):
                continue
            self.boxes.append(box)
            title = f"<title>{e(tip)}</title>" if tip else ""
            return f'<text class="{cls}" text-anchor="{anchor}" x="{round(x, 1)}" y="{y}">{e(text)}{title}</text>'
        return ""


class Scale:
    def __init__(self, lo: dt.date, hi: dt.date):
        self.lo, self.hi = lo, hi
        self.span = max(1, (hi - lo).days)

    def x(self, d: dt.date) -> float:
        d = min(max(d, self.lo), self.hi)
        return round(PLOT_L + (PLOT_R - PLOT_L) * (d - self.lo).days / self.span, 1)

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


def _band(scale: Scale, first: str, last: str, cls: str, top: float, bottom: float, least: float,
          tip: str) -> tuple[float, float, str]:
    """A stretch of days across the rows (the window, the declared date): its left and right x and its rect."""
    a, b = scale.x(_day(first)), scale.x(_day(last) + DAY)
    return a, b, (f'<rect class="{cls}" x="{a}" y="{top}" width="{max(least, round(b - a, 1))}" height="{bottom - top}">'
                  f'<title>{e(tip)}</title></rect>')


def _flag(x: float, y: float, side: int) -> str:
    """A bound's mark: an upright at the day with a point toward the days it allows (side 1: later)."""
    return f"M{x - 1.5 * side} {y - 8} h{3 * side} v5 l{6 * side} 3 l{-6 * side} 3 v5 h{-3 * side} Z"


def _diamond(x: float, y: float) -> str:
    return f"M{x} {y - 6} L{x + 6} {y} L{x} {y + 6} L{x - 6} {y} Z"


# What each mark a picture can draw means, with a swatch drawn with the picture's own classes. A figure's
# legend lists the marks its picture drew, every one of them (the grey square of a copyright year was
# drawn and explained nowhere).
LEGEND = (
    ("declared", '<rect class="declared" x="7.5" y="0" width="3" height="14"/>', "the declared date"),
    ("window", '<rect class="window" x="1" y="1" width="16" height="12"/>', "the window of dates the content allows"),
    ("bar", '<rect class="shape" x="1" y="2" width="16" height="10" rx="2"/>', "a term in office (or as president-elect)"),
    ("open", '<rect class="shape" x="0" y="2" width="10" height="10"/><path class="shape" d="M9 0 L17 7 L9 14 Z"/>',
     "still in office: runs on past the edge"),
    ("lower", f'<path class="shape" d="{_flag(5, 7, 1)}"/>', "not before this day: took office, left it, an event told as past"),
    ("upper", f'<path class="shape" d="{_flag(13, 7, -1)}"/>', "not after this day: an event the text expects"),
    ("soft", '<rect class="shape soft" x="1" y="2" width="16" height="10" rx="2"/>', "paler: soft evidence, weighed less"),
    ("rules-out", '<rect class="rules-out" x="1" y="2" width="16" height="10" rx="2"/>',
     "rules the declared date out (a date finding says so)"),
    ("weak-out", '<rect class="weak-out" x="1" y="2" width="16" height="10" rx="2"/>',
     "outside the declared date, too weak for a finding"),
    ("fits", '<rect class="fits" x="1" y="2" width="16" height="10" rx="2"/>', "allows the declared date"),
    ("neutral", '<rect class="neutral" x="1" y="2" width="16" height="10" rx="2"/>', "no declared date to test"),
    ("sig", f'<path class="sig" d="{_diamond(9, 7)}"/>', "a date the metadata gives (published, updated, dateline)"),
    ("sig-off", f'<path class="sig off" d="{_diamond(9, 7)}"/>', "a metadata date that contradicts the declared date"),
    ("copyright", '<rect class="sig copyright" x="5" y="3" width="8" height="8"/>', "a copyright year"),
)


def legend(used: set[str]) -> str:
    items = "".join(f'<li data-mark="{mark}"><svg class="key" viewBox="0 0 18 14" aria-hidden="true">{swatch}</svg>'
                    f'{words}</li>' for mark, swatch, words in LEGEND if mark in used)
    return f'<ul class="legend2" aria-label="legend">{items}</ul>'


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


def _tip(c: dict, flagged: bool) -> str:
    """A fact's tooltip: why, how much it weighs, and what it says of the declared date."""
    says = ((", rules out the declared date" if flagged else ", outside the declared date but too weak for a finding")
            if c["fits_declared"] is False else "")
    return f'{c["reason"]} (weight {c["weight"]:g}, {c["strength"]}{says})'


def _order(c: dict) -> tuple:
    return c["fits_declared"] is not False, -c["weight"]  # what rules the declared date out first, then by weight


def _rows(constraints) -> list[tuple[str, list[dict]]]:
    """The facts by row: one row per person and office (the day they took office, their term, ...) or per
    dated event, in the order of the row's first fact."""
    rows: dict[str, list[dict]] = {}
    for c in constraints:
        rows.setdefault(c["row"], []).append(c)
    return sorted(rows.items(), key=lambda row: min(map(_order, row[1])))


def _signals(tl: dict, scale: Scale) -> list[dict]:
    """The metadata's date signals to draw, each once. A copyright year does not set the picture's span (a
    page's copyright line says little of its story's date) and is drawn only inside it, never at an edge."""
    seen, out = set(), []
    for c in tl.get("claims", ()):
        key = (c["kind"], c["value"], c["source"])
        if key in seen or (c["kind"] == "copyright" and not scale.lo <= _day(c["first"]) <= scale.hi):
            continue
        seen.add(key)
        out.append(c)
    return out


def _fact_marks(scale: Scale, y: float, c: dict, flagged: bool, used: set[str]) -> tuple[float, str]:
    """One fact's marks, their middle at `y`, and the x where they start: a bar per span of days it allows
    (an arrow where the span runs on past the picture), or a flag at the day it bounds the date on."""
    cls = out_class(c["fits_declared"], flagged)
    used.update((cls, c["strength"]))  # "soft" is paler; "strong", the default look, has no legend entry
    tip = f'<title>{e(_tip(c, flagged))}</title>'
    if c["bound"]:
        used.add(c["bound"])
        lower = c["bound"] == "lower"
        x = scale.x(_day(c["intervals"][0][0])) if lower else scale.x(_day(c["intervals"][0][1]) + DAY)
        return x, f'<path class="bound {c["bound"]} {cls} {e(c["strength"])}" d="{_flag(x, y, 1 if lower else -1)}">{tip}</path>'
    used.add("bar")
    out, start = [], PLOT_R
    for lo, hi in c["intervals"]:
        a = scale.x(_day(lo)) if lo else PLOT_L
        b = scale.x(_day(hi) + DAY) if hi else PLOT_R
        start = min(start, a)
        out.append(f'<rect class="bar {cls} {e(c["strength"])}" x="{a}" y="{y - 5}" width="{max(2.0, round(b - a, 1))}" '
                   f'height="10" rx="2">{tip}</rect>')
        if not hi:
            out.append(f'<path class="open {cls}" d="M{b - 1} {y - 7} L{b + 7} {y} L{b - 1} {y + 7} Z"/>')
        if not lo:
            out.append(f'<path class="open {cls}" d="M{a + 1} {y - 7} L{a - 7} {y} L{a + 1} {y + 7} Z"/>')
        if not (lo and hi):
            used.add("open")
    return start, "".join(out)


def timeline_figure(tl: dict, flagged: bool = True) -> str:
    """The picture of a document's dates and its legend. Every text has a line of its own: the declared
    date's label on a lane above the rows, each row's label (a person and office, a dated event) above its
    marks, the ticks and the window's label on two lanes under the axis; so no line runs through a label
    and no label lies on another (`Labels`), and the text stays out of the marks it names."""
    scale = _domain(tl)
    if scale is None:
        return '<p class="muted">No dates to draw: the document declares none and its content gives no evidence.</p>'
    declared, window = tl.get("declared"), tl.get("window")
    signals = _signals(tl, scale)
    rows = _rows(tl.get("constraints", ()))
    shown = rows[:MAX_ROWS]
    top = LANE + 4 if declared else 4
    bottom = top + ROW * max(1, len(shown) + bool(signals))
    ticks_y = bottom + LANE - 4
    height = ticks_y + (LANE if window else 0) + 6
    labels, used = Labels(), set()
    # drawn in this order: the grid and the window, the rows' marks, the declared date's line over them (the
    # line every fact is measured against), and the text over everything, haloed (STYLE) where a line crosses it
    back, marks, line, texts = [], [], "", []
    if declared:
        used.add("declared")
        a, b, line = _band(scale, declared["first"], declared["last"], "declared", EDGE, bottom, 2.5,
                           f'Declared {declared["value"]} ({declared["source"]})')
        texts.append(labels.place(f'declared {declared["value"]}', LANE - 6, ((b + 4, "start"), (a - 4, "end")),
                                  "declared-label", bold=True))
    if window:
        used.add("window")
        tip = f'Inferred window {window["start"]} – {window["end"]}'
        a, b, rect = _band(scale, window["start"], window["end"], "window", top, bottom, 3.0, tip)
        back.append(rect)
        label = f'window {window["start"]} – {window["end"]}'
        w = text_width(label, bold=True)
        x = min(max((a + b - w) / 2, PAD), WIDTH - PAD - w)  # under the window, inside the picture
        texts.append(labels.place(label, ticks_y + LANE, ((x, "start"),), "window-label", bold=True, tip=tip))
    y = top
    if signals:
        mid = y + MARKS
        xs, row, labelled = [], [], set()
        for c in signals:
            x = scale.x(_day(c["first"]))
            xs.append(x)
            said = f'{c["source"]}: {c["value"]} ({c["kind"]}) — {c["evidence"]["text"]}'
            tip = f"<title>{e(_clip(said, 300))}</title>"
            if c["kind"] == "copyright":
                used.add("copyright")
                row.append(f'<rect class="sig copyright" x="{x - 4}" y="{mid - 4}" width="8" height="8">{tip}</rect>')
                continue
            # a publication signal more than a day from the declared date is the page contradicting itself
            off = declared is not None and c["kind"] in ("published", "dateline") and (
                _day(c["first"]) - _day(declared["last"]) > DAY or _day(declared["first"]) - _day(c["last"]) > DAY)
            used.add("sig-off" if off else "sig")
            row.append(f'<path class="sig {e(c["kind"])}{" off" if off else ""}" d="{_diamond(x, mid)}">{tip}</path>')
            if off and c["value"] not in labelled:  # once, away from the declared date, else the other side
                labelled.add(c["value"])
                left = x < scale.x(_day(declared["first"]))
                spots = ((x - 9, "end"), (x + 9, "start")) if left else ((x + 9, "start"), (x - 9, "end"))
                texts.append(labels.place(f'{c["value"]} ({c["source"].removeprefix("html:")})', mid + 4, spots,
                                          "offlabel", bold=True))
        marks.append(f'<g class="signals">{"".join(row)}</g>')
        texts.append(_row_label("date signals in the metadata", "", min(xs), y, labels, "siglabel"))
        y += ROW
    for label, facts in shown:
        drawn = [_fact_marks(scale, y + MARKS, c, flagged, used) for c in sorted(facts, key=lambda c: bool(c["bound"]))]
        marks.append(f'<g class="row">{"".join(m for _, m in drawn)}</g>')  # bars first: a flag at a term's start on top
        texts.append(_row_label(label, "\n".join(_tip(c, flagged) for c in sorted(facts, key=_order)),
                                min(x for x, _ in drawn), y, labels))
        y += ROW
    for d, label in scale.ticks():  # the grid; a tick's label only where it has room
        x = scale.x(d)
        back.append(f'<line class="grid" x1="{x}" y1="{top}" x2="{x}" y2="{bottom}"/>')
        texts.append(labels.place(label, ticks_y, ((x, "middle"),), "tick"))
    back.append(f'<line class="axis" x1="{PLOT_L}" y1="{bottom}" x2="{PLOT_R}" y2="{bottom}"/>')
    more = len(rows) - len(shown)
    note = f'<p class="muted small">{plural(more, "more row")} not drawn: every constraint is listed below.</p>' if more else ""
    svg = (f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" font-size="{FONT}" role="img" aria-label="Timeline: '
           f'declared date, inferred window and {plural(len(rows), "row")} of constraints">'
           f'{"".join(back)}{"".join(marks)}{line}{"".join(texts)}</svg>')
    return f'<figure class="tl"><div class="tl-pic">{svg}{note}</div>{legend(used)}</figure>'


def _row_label(label: str, facts: str, x: float, y: float, labels: Labels, cls: str = "rlabel") -> str:
    """A row's label on the line above its marks, from where they start (kept inside the picture), cut to
    the picture's width with an ellipsis; the tooltip holds the whole label and the row's facts."""
    text = _fit(label, WIDTH - 2 * PAD)
    x = min(max(x, PAD), WIDTH - PAD - text_width(text))
    return labels.place(text, y + 13, ((x, "start"),), cls, tip=f"{label}\n{facts}" if facts else label)


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
            # the row filters the documents (the script); its rule code still links to the explanation
            rows.append(f'<tr data-rule="{e(rid)}"><td>{rule_link(rid)}</td><td>{e(name)}</td><td>{e(cat)}</td>'
                        + "".join(f'<td class="num">{c.get(s, 0) or ""}</td>' for s in SEVERITIES)
                        + f'<td class="num"><button type="button" class="pick" aria-pressed="false" title="show only the '
                          f'documents with a {e(rid)} finding">show {part["doc_id"].nunique()}</button></td></tr>')
        rules = ('<div class="scroll"><table class="rules"><thead><tr><th>rule</th><th>name</th><th>category</th>'
                 '<th class="num">errors</th><th class="num">warnings</th><th class="num">infos</th>'
                 f'<th class="num">documents</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
                 '<p class="muted small">Click a rule\'s row to show only the documents with its findings, again (or '
                 '<i>show all</i> above the documents) to show them all; its code links to what the rule checks.</p>')
    return f"""<section id="summary"><h2>Summary</h2>
<div class="cards">
<div class="card wide"><h3>Verdicts of {plural(n, "document")}</h3>{stacked_bar(counts, n) if n else ''}<ul class="legend">{legend}</ul></div>
<div class="card"><h3>Findings</h3><ul class="sevs">{''.join(f'<li>{sev(s)} <b>{sev_counts.get(s, 0)}</b></li>' for s in SEVERITIES)}</ul>
<p class="muted">{len(findings)} in all, in {plural(findings['doc_id'].nunique() if len(findings) else 0, "document")}</p></div>
<div class="card"><h3>Reliability (0–100)</h3>{histogram(scores) if scores else ''}<p class="muted">{stats}</p></div>
</div>
<h3>Findings by rule</h3>{rules or '<p class="muted">No findings.</p>'}
</section>"""


def doc_table(documents: pd.DataFrame, worst: dict[str, str], titles: dict[str, str],
              rules: dict[str, list[str]]) -> str:
    """The table of documents to sort and filter; `rules` names the rules with findings in each document."""
    rows = []
    for i, d in enumerate(documents.to_dict("records")):
        declared, source = _v(d["declared_date"]), _v(d["declared_source"])
        start, end = _v(d["inferred_start"]), _v(d["inferred_end"])
        title = titles.get(d["doc_id"])
        rows.append(
            f'<tr data-doc="doc-{i}" data-verdict="{e(d["verdict"])}" data-format="{e(d["format"])}" '
            f'data-worst="{worst.get(d["doc_id"], "none")}" data-rules="{e(" ".join(rules.get(d["doc_id"], ())))}">'
            f'<td data-v="{e(d["doc_id"])}"><a class="name" href="#doc-{i}">{breakable(d["doc_id"])}</a>'
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
    codes = sorted({r for found in rules.values() for r in found})
    return f"""<section id="documents"><h2>Documents</h2>
<form class="filters" role="search">
<input id="q" type="search" placeholder="Filter: name, title, source…" aria-label="filter documents">
<select id="f-verdict" aria-label="verdict"><option value="">any verdict</option>{''.join(f'<option>{v}</option>' for v in VERDICTS)}</select>
<select id="f-severity" aria-label="findings"><option value="">any findings</option><option value="info">with findings</option>
<option value="warning">with warnings or errors</option><option value="error">with errors</option></select>
<select id="f-format" aria-label="format"><option value="">any format</option>{''.join(f'<option>{e(f)}</option>' for f in formats)}</select>
<select id="f-rule" aria-label="rule"><option value="">any rule</option>{''.join(f'<option>{e(r)}</option>' for r in codes)}</select>
<button type="button" id="clear" class="pick" hidden>show all</button>
<span id="count" class="muted"></span></form>
<div class="scroll"><table id="docs"><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"""


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
        bits += [f'<span class="url">{breakable(tl["url"])}</span>'] if tl.get("url") else []
        meta = f'<p class="pagemeta">{" · ".join(bits)}</p>' if bits else ""
    flagged = any(f["category"] == "date" and f["severity"] in ("error", "warning") for f in fs)
    picture = timeline_figure(tl, flagged) if tl else '<p class="muted">No timeline data (the audit was not run for this report).</p>'
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
                      for c in sorted(tl["constraints"], key=_order))
        extra += f'<details><summary>Constraints behind the window ({len(tl["constraints"])})</summary><ul class="constraints">{lis}</ul></details>'
    if tl and tl.get("claims"):
        lis = "".join(f'<tr><td>{e(c["kind"])}</td><td><b>{e(c["value"])}</b></td><td><code>{e(c["source"])}</code></td>'
                      f'<td>{e(_clip(c["evidence"]["text"], 160))}</td></tr>' for c in tl["claims"])
        extra += (f'<details><summary>Date signals in the metadata ({len(tl["claims"])})</summary><div class="scroll"><table '
                  'class="claims"><thead><tr><th>kind</th><th>date</th><th>source</th><th>as written</th></tr></thead>'
                  f'<tbody>{lis}</tbody></table></div></details>')
    return (f'<article class="doc" id="doc-{i}" data-verdict="{e(d["verdict"])}"><h3>{badge(d["verdict"])} '
            f'<span class="name">{breakable(d["doc_id"])}</span></h3>{meta}<p class="facts">{" · ".join(facts)}</p>{picture}'
            f'<h4>Findings</h4>{findings}{extra}<p class="top"><a href="#documents">back to the table</a></p></article>')


STYLE = """
:root{--ink:#1d2327;--muted:#5f6b73;--line:#d7dde1;--bg:#f6f8f9;--red:#d32f2f;--green:#388e3c;--amber:#f9a825;--blue:#1e88e5;--slate:#78909c}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header,section,article.doc{max-width:1180px;margin:0 auto;padding:0 20px}header{padding-top:18px}
h1{font-size:24px;margin:8px 0 2px}h2{font-size:20px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:8px 0}h4{margin:14px 0 6px}.muted{color:var(--muted)}.small{font-size:12px}code{font-size:13px}
.cards{display:grid;grid-template-columns:2fr 1fr 1fr;gap:14px}.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.stack{width:100%;height:28px;border-radius:4px;display:block}.legend{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.pick{font:inherit;background:#fff;border:1px solid var(--line);border-radius:14px;padding:2px 10px;cursor:pointer}.pick:hover{border-color:var(--blue)}
.pick[aria-pressed=true]{border-color:var(--blue);background:#e3f0fb}
.sevs{list-style:none;padding:0;margin:0}.sevs li{margin:4px 0}.hist{width:100%;max-width:420px;height:auto}.hbar{fill:var(--blue)}
.v-inconsistent{fill:var(--red);background:var(--red)}.v-consistent{fill:var(--green);background:var(--green)}
.v-unverifiable{fill:var(--amber);background:var(--amber)}.v-undated{fill:#8d6e63;background:#8d6e63}.v-unreadable{fill:#757575;background:#757575}
.badge{display:inline-block;color:#fff;border-radius:10px;padding:0 9px;font-size:12px;font-weight:600;vertical-align:2px}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600}
.s-error{background:#fde0e0;color:#b71c1c}.s-warning{background:#fff3cd;color:#7a5b00}.s-info{background:#e3f0fb;color:#0d47a1}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef2f4;font-size:13px;white-space:nowrap}th.num{text-align:right}th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}#docs td:first-child{min-width:200px}td.d{white-space:nowrap}
tr[data-rule]{cursor:pointer}tr[data-rule]:hover td{background:#f5f9fd}tr[data-rule].active td{background:#e3f0fb}
.name,.url{overflow-wrap:break-word}.url{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0 0 10px}.filters input,.filters select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{min-width:260px}
article.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:18px auto;padding:4px 20px 10px;max-width:1140px}
article.doc h3{font-size:17px}.facts,.pagemeta{margin:4px 0;font-size:14px}
figure.tl{display:flex;flex-wrap:wrap;align-items:flex-start;gap:8px 24px;margin:10px 0}.tl-pic{flex:1 1 620px;min-width:0;max-width:760px;overflow-x:auto}
svg.timeline{width:100%;min-width:620px;height:auto;display:block;background:#fbfcfd;border:1px solid var(--line);border-radius:6px}
.timeline text{fill:var(--ink);paint-order:stroke;stroke:#fbfcfd;stroke-width:3px;stroke-linejoin:round}.timeline .tick{fill:var(--muted)}
.hist .tick{font-size:10px;fill:var(--muted);text-anchor:middle}
.timeline .grid{stroke:#e6eaed}.timeline .axis{stroke:#9aa5ab}.timeline .window-label{fill:#1565c0;font-weight:700}
.timeline .declared-label{font-weight:700}.timeline .offlabel{fill:var(--red);font-weight:700}
svg .window{fill:rgba(30,136,229,.13);stroke:var(--blue);stroke-dasharray:4 3}svg .declared{fill:rgba(29,35,39,.85)}
.fits{fill:var(--green);background:var(--green)}.rules-out{fill:var(--red);background:var(--red)}.weak-out{fill:var(--amber);background:var(--amber)}
.neutral{fill:var(--slate);background:var(--slate)}svg .shape{fill:var(--muted)}svg .soft{opacity:.55}svg .bound{stroke:#fff;stroke-width:1}
.sig{fill:#6a1b9a;stroke:#fff;stroke-width:1}.sig.off{fill:var(--red)}.sig.copyright{fill:#9e9e9e}
.legend2{flex:1 1 220px;list-style:none;padding:0;margin:0;font-size:13px;color:var(--muted)}.legend2 li{display:flex;align-items:center;gap:6px;margin:2px 0}
.key{width:18px;height:14px;flex:none}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
.ruledoc{white-space:pre-wrap;font-size:.85em;max-width:60em}a.code{text-decoration:none}
.legend .sw{margin:0 6px 0 0}ol.findings{padding-left:20px}.finding{margin:8px 0}.finding p{margin:2px 0 4px}
blockquote.ctx{margin:4px 0 6px;padding:6px 10px;background:#f7f7f2;border-left:3px solid #c9c29a;font-size:14px;white-space:pre-wrap;word-break:break-word}
blockquote.ctx .where{float:right;font-size:11px;color:var(--muted);margin-left:8px}mark{background:#ffe082;padding:0 1px;border-radius:2px}
details{margin:8px 0}summary{cursor:pointer;color:#1565c0}ul.constraints{padding-left:4px;list-style:none}ul.constraints li{margin:6px 0}
table.claims td{font-size:13px}.top{font-size:13px}footer{max-width:1180px;margin:20px auto;padding:0 20px 30px;color:var(--muted);font-size:12px}
@media (max-width:820px){.cards{grid-template-columns:1fr}header,section,article.doc,footer{padding-left:12px;padding-right:12px}
table{font-size:14px}th,td{padding:4px 6px}#docs td:first-child{min-width:9em}.filters input{min-width:0;flex:1 1 12em}}
"""

SCRIPT = """(function () {
  "use strict";
  // a rule code links to the rule's explanation, a closed <details>: open it, so the link shows the words
  function reveal(id) {
    var target = document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  document.querySelectorAll("a.code").forEach(function (a) {
    a.addEventListener("click", function () { reveal(a.getAttribute("href").slice(1)); });
  });
  if (location.hash) { reveal(decodeURIComponent(location.hash.slice(1))); }
  var table = document.getElementById("docs");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var q = document.getElementById("q"), verdict = document.getElementById("f-verdict");
  var severity = document.getElementById("f-severity"), format = document.getElementById("f-format");
  var rule = document.getElementById("f-rule"), clear = document.getElementById("clear");
  var count = document.getElementById("count");
  var filters = [q, verdict, severity, format, rule];
  var ruleRows = document.querySelectorAll("tr[data-rule]");
  var rank = { none: 0, info: 1, warning: 2, error: 3 };
  function apply() {
    var text = q.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ok = (!text || r.textContent.toLowerCase().indexOf(text) >= 0)
        && (!verdict.value || r.dataset.verdict === verdict.value)
        && (!format.value || r.dataset.format === format.value)
        && (!rule.value || r.dataset.rules.split(" ").indexOf(rule.value) >= 0)
        && rank[r.dataset.worst] >= rank[severity.value || "none"];
      r.hidden = !ok;
      var detail = document.getElementById(r.dataset.doc);
      if (detail) { detail.hidden = !ok; }
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " documents";
    clear.hidden = filters.every(function (el) { return !el.value; });
    ruleRows.forEach(function (tr) {
      var on = tr.dataset.rule === rule.value;
      tr.classList.toggle("active", on);
      tr.querySelector("button").setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  filters.forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  clear.addEventListener("click", function () {
    filters.forEach(function (el) { el.value = ""; });
    apply();
  });
  function pick(select, value) {
    select.value = select.value === value ? "" : value;
    apply();
    document.getElementById("documents").scrollIntoView();
  }
  document.querySelectorAll("button.pick[data-verdict]").forEach(function (b) {
    b.addEventListener("click", function () { pick(verdict, b.dataset.verdict); });
  });
  ruleRows.forEach(function (tr) {
    tr.addEventListener("click", function (ev) {
      if (!ev.target.closest("a")) { pick(rule, tr.dataset.rule); }  // the code itself: its explanation
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
    rules_in = {k: sorted({f["rule_id"] for f in fs}) for k, fs in by_doc.items()}  # what a rule's row filters on
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
facts behind it, a row per person and office, red where a fact rules the declared date out; a legend beside each says
what its marks mean.</p></header>
{summary(documents, findings)}
{doc_table(documents, worst, titles, rules_in)}
<section id="details"><h2>Documents one by one</h2></section>
{details}
{rules_explained(findings)}
<footer>{e(made_by)} · one self-contained file: it loads nothing from the network.</footer>
<script>{SCRIPT}</script>
</body>
</html>
"""
