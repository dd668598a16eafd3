"""No byline and no issuing body: nobody stands behind the text.

A reader should be able to tell who wrote a text, or which office issued it: a byline ("By Ana Ruiz",
"Por Juan Pérez", an `author` in the page's metadata), a spokesperson it is attributable to, or the marks
of an institutional release ("FOR IMMEDIATE RELEASE", "Press release", "Release Date:", "###",
"Versión estenográfica", "Comunicado"). A text with none of them is anonymous: a weak signal alone, as
many pages drop their bylines when copied, hence info. The phrases are data (kinds `byline` and
`issuer` in `checker/kb/data/boilerplate.csv`). Signal: NewsGuard, "provides names of content creators";
Credibility Coalition / W3C Credible Web, "author/byline".

Fails:
    Date: May 2, 2019

    The council approved the budget on Tuesday.

Passes:
    Date: May 2, 2019
    By Ana Ruiz and John Smith

    The council approved the budget on Tuesday.

Passes:
    FOR IMMEDIATE RELEASE
    Date: May 2, 2019

    The council approved the budget on Tuesday.
"""
from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.base import Rule, matcher, of_kind

TOP, BOTTOM = 25, 15  # lines from each end where bylines and release marks stand
_JOINERS = {"and", "y", "de", "del", "la", "las", "los", "van", "von", "da", "di", "e", "with", "con"}


def looks_like_names(rest: str) -> bool:
    words = rest.replace(",", " ").replace("|", " ").split()
    if not words or not words[0][:1].isupper() or len(words) > 10 or len(rest) > 100:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _JOINERS)
    return caps >= 0.75 * len(words) and sum(1 for w in words if w[:1].isupper()) >= 2


def byline(lines: list[str]) -> bool:
    for line in lines:
        clean = line.strip(" \t*_#>|-–—")
        low = clean.lower()
        for p in of_kind("byline"):
            at = low.find(p.phrase) if p.match == "contains" else (0 if low.startswith(p.phrase) else -1)
            if at < 0:
                continue
            rest = clean[at + len(p.phrase):]
            if p.phrase[-1:].isalpha() and rest[:1].isalpha():
                continue  # "Bypass", "Portugal": a longer word, not the phrase
            if looks_like_names(rest.strip(" :\t")):
                return True
    return False


class NoByline(Rule):
    code = "SR105"
    name = "no-byline"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 5
    points_reason = "nobody named as author or issuer (NewsGuard: names of content creators)"

    def check(self, doc, ctx):
        if dict(getattr(doc.document, "metadata", ()) or ()).get("author"):
            return
        lines = [ln for ln in doc.document.text.splitlines() if ln.strip()]
        ends = lines[:TOP] + lines[-BOTTOM:]
        if byline(ends):
            return
        issuer = matcher("issuer")
        if any(issuer(ln) for ln in ends):
            return
        yield self.finding(doc, "No byline, author or issuing office: the text does not say who wrote or issued it; "
                                "find the original publisher before quoting it.", "", confidence=0.5)
