"""A web page's own date, decided by agreement between its signals: day/month order by locale and by the
other signals, UTC timestamps read as the local day, the modified-before-published quirk, template and
other-story dates, month-precision signals refined, and html-gold measured."""
from __future__ import annotations

import json

import pytest

from conftest import SHARED, needs_shared
from checker.ingest import read_one
from checker.ingest.claims import declared_claim

STORY = """<p>The regional council approved the new tram line on a vote of nine to four after a debate that
ran late into the evening, and the works will start in the spring.</p>
<p>Residents of the eastern districts had asked for the line for more than ten years.</p>"""


def web_page(lang: str = "en", head: str = "", byline: str = "", url: str = "", body: str = STORY) -> str:
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Tram line approved</title>
{canonical}{head}</head><body><article><h1>Tram line approved</h1>{byline}{body}</article>
<footer><p>All rights reserved.</p></footer></body></html>"""


def ld(**fields) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


def declared(html: str):
    doc = next(read_one("page.html", html.encode()))
    return doc, declared_claim(doc.claims)


def rules_of(findings, code):
    return [f for f in findings if f["rule_id"] == code]


# -- day and month order ----------------------------------------------------------------------------------

def test_a_german_page_writes_the_day_first(check_text):
    html = web_page("de", ld(datePublished="2023-11-02T09:00:00+01:00"), '<p class="date">02/11/2023</p>')
    doc, claim = declared(html)
    assert claim.value.iso() == "2023-11-02"
    assert [c.value.iso() for c in doc.claims if c.source == "html:byline"] == ["2023-11-02"]
    row, findings = check_text(html, "page.html")
    assert not rules_of(findings, "DT109") and row["verdict"] != "inconsistent"


def test_the_other_signals_decide_an_order_the_locale_does_not():
    # an English page of unknown region is read month first, unless the page's other signals say otherwise
    html = web_page("en", ld(datePublished="2023-11-02T09:00:00-05:00"), '<p class="date">02/11/2023</p>',
                    "https://www.example.com/news/tram-line")
    doc, claim = declared(html)
    byline = next(c for c in doc.claims if c.source == "html:byline")
    assert byline.value.iso() == "2023-11-02" and [a.iso() for a in byline.alternatives] == ["2023-02-11"]
    alone = next(c for c in declared(web_page("en", byline='<p class="date">02/11/2023</p>'))[0].claims
                 if c.source == "html:byline")
    assert alone.value.iso() == "2023-02-11"  # nothing to decide it: the locale's guess stands


def test_dotted_numeric_dates_are_day_first_everywhere():
    doc, _ = declared(web_page("en", byline='<p class="date">Posted 05.11.2021</p>'))
    assert [c.value.iso() for c in doc.claims if c.source == "html:byline"] == ["2021-11-05"]


def test_an_ambiguous_reading_is_never_an_error_on_its_own(check_text):
    html = web_page("en", ld(datePublished="2021-01-04T09:00:00-05:00"), '<p class="date">06/11/2023</p>')
    row, findings = check_text(html, "page.html")
    assert [f["severity"] for f in rules_of(findings, "DT109")] == ["warning"]
    assert row["verdict"] != "inconsistent"


# -- time zones ---------------------------------------------------------------------------------------------

def test_a_utc_timestamp_after_midnight_is_the_evening_the_page_names():
    # a story of a US evening: the stamp is the next day in UTC, the URL and the byline give the local day
    html = web_page("en", ld(datePublished="2023-11-09T03:00:00Z"), '<p class="byline">By Lee Park, November 8, 2023</p>',
                    "https://www.example.com/2023/11/08/tram-line")
    doc, claim = declared(html)
    assert claim.value.iso() == "2023-11-08" and claim.source == "html:json-ld:datePublished"


def test_a_utc_timestamp_near_midnight_takes_the_sites_local_day():
    late = web_page("it", ld(datePublished="2020-12-05T23:15:00Z"), url="https://www.giornale.example.it/news/tram")
    assert declared(late)[1].value.iso() == "2020-12-06"
    midday = web_page("it", ld(datePublished="2020-12-05T11:15:00Z"), url="https://www.giornale.example.it/news/tram")
    assert declared(midday)[1].value.iso() == "2020-12-05"
    # a stamp with its own offset is already local
    own = web_page("it", ld(datePublished="2020-12-05T23:15:00-05:00"), url="https://www.giornale.example.it/news/tram")
    assert declared(own)[1].value.iso() == "2020-12-05"


# -- metadata quirks ----------------------------------------------------------------------------------------

def test_modified_before_published_is_a_warning_not_a_misdated_page(check_text):
    html = web_page("en", ld(datePublished="2023-10-31T08:00:00-04:00", dateModified="2023-10-25T17:00:00-04:00"))
    row, findings = check_text(html, "page.html")
    assert [f["severity"] for f in rules_of(findings, "DT105")] == ["warning"]
    assert row["verdict"] != "inconsistent"


def test_a_template_date_is_outvoted_by_the_signals_that_agree():
    # the CMS fills article:published_time with the site's launch date; the byline, the URL and the first
    # <time> element agree on the story's own day
    head = '<meta property="article:published_time" content="2019-01-01T00:00:00+01:00">'
    byline = '<p class="byline">By Ana Ruiz, published May 4, 2023</p><time datetime="2023-05-04T10:00:00-05:00">May 4</time>'
    doc, claim = declared(web_page("en", head, byline, "https://www.example.com/2023/05/04/tram-line"))
    assert claim.value.iso() == "2023-05-04" and claim.source == "html:byline"


def test_a_visible_date_marked_as_the_update_is_not_the_publication():
    byline = '<p>By Ana Ruiz</p><time itemprop="dateModified" datetime="2018-08-29T14:15:57">2018-08-29 14:15:57</time>'
    head = '<meta itemprop="datePublished" content="2018-06-22T10:20:00">'
    doc, claim = declared(web_page("de", head, byline))
    assert claim.value.iso() == "2018-06-22"
    assert {c.kind.value for c in doc.claims if c.source == "html:byline"} == {"updated"}


def test_a_month_is_refined_by_a_signal_that_gives_the_day():
    html = web_page("en", byline='<p class="date">November 2021</p>', url="https://www.example.com/2021/11/10/tram-line")
    _, claim = declared(html)
    assert claim.value.iso() == "2021-11-10" and claim.source == "html:byline+html:url"


def test_a_time_element_with_only_an_hour_is_no_date():
    html = web_page("fr", byline='<p>Par Marie Roux <time>15h14</time></p>', url="https://www.example.fr/2019/06/29/tram")
    doc, claim = declared(html)
    assert not [c for c in doc.claims if c.source == "html:time"]
    assert claim.value.iso() == "2019-06-29"


def test_a_date_in_the_text_does_not_outvote_the_page():
    body = "<p>Version 3, 29 June 2007 of the licence applies to the code the council published.</p>" + STORY
    _, claim = declared(web_page("en", url="https://www.example.com/2016/11/18/tram-line", body=body))
    assert claim.value.iso() == "2016-11-18"


def test_the_order_of_trust_is_data_with_reasons():
    import csv

    from checker.ingest.claims import SIGNALS_FILE, source_rank, source_weight

    rows = list(csv.DictReader(open(SIGNALS_FILE, encoding="utf-8")))
    assert all(r["reason"].strip() and float(r["weight"]) > 0 for r in rows)
    assert source_rank("html:json-ld:datePublished") < source_rank("html:url") < source_rank("htmldate:original")
    assert source_weight("html:json-ld:datePublished") > source_weight("htmldate:original")


# -- measured -----------------------------------------------------------------------------------------------

@needs_shared
def test_html_gold_dates_and_no_correct_page_called_inconsistent_by_metadata(checker):
    rows = [json.loads(line) for line in open(SHARED / "html-gold" / "manifest.jsonl", encoding="utf-8")]
    right, flagged = 0, []
    for r in rows:
        data = (SHARED / "html-gold" / r["page"]).read_bytes()
        doc = next(read_one(r["page"], data))
        claim = declared_claim(doc.claims)
        if claim is not None and claim.value.iso() == r["date"]:
            right += 1
            row, findings = checker.check(doc)
            errors = {f["rule_id"] for f in findings if f["severity"] == "error"}
            if errors & {"DT105", "DT109"}:
                flagged.append((r["page"], sorted(errors)))
    assert right / len(rows) >= 0.95, (right, len(rows))
    assert flagged == []


def test_a_pages_only_time_element_is_its_own_even_in_a_teaser_styled_block():
    """A class that names a teaser ("c-teaser__meta") marks a list of other stories only where there are
    several of them to date: the one <time> of a page, labelled "Erschienen am", is the page's."""
    own = '<p class="c-teaser__meta"><span>Erschienen am</span> <time datetime="2022-01-26">26. Jan 2022</time></p>'
    head = '<meta property="og:updated_time" content="2022-01-27T18:34:20+0100">'
    doc, claim = declared(web_page("de", head, body=STORY + own))
    assert claim.value.iso() == "2022-01-26" and claim.source.startswith("html:time")
    # two teasers, each dated: other stories, not the page
    others = "".join(f'<div class="teaser"><a href="/x{k}">Other story</a> <time datetime="2021-0{k}-03">{k}</time></div>'
                     for k in (3, 4))
    doc, claim = declared(web_page("de", head, body=STORY + others))
    assert not [c for c in doc.claims if c.source == "html:time"]


def test_an_aside_marked_as_the_pages_byline_box_is_not_a_sidebar():
    """HTML5's <aside> holds sidebars, but some pages put their own date box in one ("<aside class=meta>",
    "meta__row--posted"): an aside whose names mark a byline and no list of other stories is the page's."""
    box = ('<aside class="meta" role="complementary"><div class="meta__row meta__row--posted"><p>'
           '<time datetime="2022-01-21" class="meta__label">21.01.2022 - 13:30</time></p></div></aside>')
    head = '<meta name="date" content="2022-1-26T14:32:06+02:00">'
    doc, claim = declared(web_page("de", head, byline=box))
    assert claim.value.iso() == "2022-01-21"
    side = ('<aside class="sidebar meta"><p>Mehr: <time datetime="2021-03-03">3.3.2021</time></p></aside>')
    doc, claim = declared(web_page("de", head, byline=side))
    assert claim.value.iso() == "2022-01-26"
