"""Date signals in the page's own metadata that disagree with one another.

A page says when it was published in several places at once: JSON-LD, meta tags, the visible byline, a
`<time>` element, the URL, a dateline, a header line. When they name different days, at most one is the
real date, and the page has been re-dated, republished or templated carelessly: a fact-checker should
know which date each place gives before quoting any of them. The finding names every signal and its
value (htmldate's reading is left out: it is derived from these same signals, not a witness of its own).

Publication signals are compared with each other, update signals with each other (an update after the
publication is no conflict; DT105 checks that order), and update signals that disagree are at most a
warning: they say when the page last changed, not when the story was written. Signals within a day of
each other agree: a date written in two time zones. Two strong signals (structured metadata, header lines,
the visible byline) more than a year apart are an error, unless one of them could be read another way
("02/11/2023" in a page of unknown locale, a UTC timestamp): that reading is settled by the other signals
and is never an error on its own, nor is a visible date with no word beside it that is later than the
structured one (the masthead's date of the day the page was saved, an update). Closer than a year, strong signals that disagree are a warning: content
systems carry a draft's date into one field, sites show a "reviewed" date in the byline, and neither says
the story is misdated. A weak signal (the first `<time>` element, the URL, a dateline) more than a year
off is a warning, and closer an info: sites build URLs from draft dates and put other stories' times on
the page (htmldate treats these as weak for the same reasons).

Fails (html):
    <html><head><title>Port deal signed</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-03-14T10:00:00Z"}</script>
    </head><body><article><h1>Port deal signed</h1>
    <p class="byline">By Ana Ruiz. Published June 2, 2023</p>
    <p>The port authority signed the agreement with the shipping company on Tuesday after two years of talks.</p>
    </article></body></html>

Passes (html):
    <html><head><title>Port deal signed</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-06-02T23:30:00-05:00"}</script>
    </head><body><article><h1>Port deal signed</h1>
    <p class="byline">By Ana Ruiz. Published June 3, 2023</p>
    <p>The port authority signed the agreement with the shipping company on Tuesday after two years of talks.</p>
    </article></body></html>
"""
from __future__ import annotations

import datetime as dt

from checker.model import Category, ClaimKind, Severity
from checker.rules.base import DATE_POINTS, DATE_REASON, Rule, days_apart

AGREE = dt.timedelta(days=1)
STRONG_APART = dt.timedelta(days=366)
WEAK_APART = dt.timedelta(days=366)
WEAK = ("html:time", "html:url", "dateline", "opening")
DERIVED = ("htmldate:",)
GROUPS = (("publication", (ClaimKind.PUBLISHED, ClaimKind.DATELINE)), ("update", (ClaimKind.UPDATED,)))


def gap(a, b) -> dt.timedelta:
    """Days between two partial dates' spans (0 when one contains the other)."""
    return dt.timedelta(days=days_apart(a, b))


def bare_later(a, b) -> bool:
    """`a` is a visible date with no word beside it ("11/11/2021" in a date box) later than `b`: the
    masthead's date of the day the page was saved, or an update shown without saying so."""
    return a.source == "html:byline" and not any(ch.isalpha() for ch in a.span.text) and a.value.first_day > b.value.last_day


def label(c) -> str:
    shown = c.source.removeprefix("html:").replace("json-ld:", "JSON-LD ")
    return f"{shown} “{c.span.text}”" if c.span.end > c.span.start else shown


class MetadataSignalsDisagree(Rule):
    code = "DT109"
    name = "metadata-signals-disagree"
    category = Category.DATE
    severity = Severity.ERROR
    points = DATE_POINTS
    points_reason = DATE_REASON

    def check(self, doc, ctx):
        for what, kinds in GROUPS:
            claims = [c for c in doc.document.claims if c.kind in kinds and not c.source.startswith(DERIVED)]
            worst, severity = dt.timedelta(0), None
            for i, a in enumerate(claims):
                for b in claims[i + 1:]:
                    apart = gap(a.value, b.value)
                    if apart <= AGREE:
                        continue
                    weak = a.source.startswith(WEAK) or b.source.startswith(WEAK)
                    uncertain = bool(a.alternatives or b.alternatives) or bare_later(a, b) or bare_later(b, a)
                    s = (Severity.WARNING if apart > WEAK_APART else Severity.INFO) if weak else \
                        (Severity.ERROR if apart > STRONG_APART and not uncertain else Severity.WARNING)
                    if severity is None or s.rank > severity.rank or (s is severity and apart > worst):
                        worst, severity = apart, s
            if severity is None:
                continue
            if what == "update" and severity is Severity.ERROR:
                severity = Severity.WARNING
            by_value: dict[str, list] = {}
            for c in claims:
                by_value.setdefault(c.value.iso(), []).append(c)
            listed = "; ".join(f"{v} ({', '.join(label(c) for c in cs)})" for v, cs in sorted(by_value.items()))
            apart = f"{worst.days // 365} years" if worst.days >= 730 else f"{worst.days} days"
            yield self.finding(doc, f"The metadata gives {len(by_value)} different {what} dates, up to {apart} apart: {listed}.",
                               [c.span for c in claims], severity=severity,
                               confidence={Severity.ERROR: 0.8, Severity.WARNING: 0.6, Severity.INFO: 0.4}[severity])
