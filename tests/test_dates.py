from __future__ import annotations

import datetime as dt

import pytest

from checker.analyse.times import normalise
from checker.dates import parse_claim_value
from checker.model import PartialDate


@pytest.mark.parametrize("value,iso,weekday", [
    ("04:53 AM EDT, Thu, Mar 28, 2024", "2024-03-28", 3),
    ("July 12, 2018", "2018-07-12", None),
    ("14 de marzo de 2022", "2022-03-14", None),
    ("Marzo 26, 2025", "2025-03-26", None),
    ("2001-01-17T10:00:00-05:00", "2001-01-17", None),
    ("2025-03", "2025-03", None),
    ("Tuesday, 4 August 2009", "2009-08-04", 1),
])
def test_claim_values(value, iso, weekday):
    date, wd, _, _ = parse_claim_value(value)
    assert date.iso() == iso and wd == weekday


def test_impossible_date_is_not_a_date():
    assert parse_claim_value("February 30, 2024") is None
    # a "day" too large for the C integer a date is built from (found by tests/test_properties.py)
    assert normalise("partial", "2150000000 MAR", "en", dt.date(2020, 1, 1))[0] is None


def test_day_first_for_spanish_numeric_dates():
    assert parse_claim_value("02/05/2021", day_first=True)[0].iso() == "2021-05-02"
    assert parse_claim_value("02/05/2021")[0].iso() == "2021-02-05"


def test_partial_date_takes_the_year_nearest_the_document():
    value, weekday, explicit = normalise("partial", "Friday, July 13th", "en", dt.date(2018, 7, 12))
    assert value == PartialDate(2018, 7, 13) and weekday == 4 and not explicit
    value, _, _ = normalise("partial", "13 de julio", "es", dt.date(2019, 3, 3))
    assert value == PartialDate(2019, 7, 13)


def test_relative_expressions_against_the_document_date():
    base = dt.date(2013, 7, 1)
    assert normalise("relative", "the last seven months", "en", base)[0] == PartialDate(2012, 12)
    assert normalise("relative", "later this year", "en", base)[0] == PartialDate(2013)
    assert normalise("relative", "last year", "en", base)[0] == PartialDate(2012)


def _grammar() -> list[tuple[str, str]]:
    """Every shape of relative expression the time matcher finds, with counts in digits and words."""
    from checker.dates import NUMBER_WORDS

    counts = [str(n) for n in (1, 2, 3, 7, 11, 12, 13, 24, 99)] + [w for w in NUMBER_WORDS]
    out = [("en", w) for w in ("yesterday", "tomorrow", "last week", "next week", "this week", "last month",
                               "next month", "this month", "past week", "later this month", "earlier this week")]
    out += [("es", w) for w in ("ayer", "la semana pasada", "el mes pasado", "la semana próxima", "el mes entrante")]
    for c in counts:
        for unit in ("day", "days", "week", "weeks", "month", "months", "year", "years"):
            out.append(("en", f"{c} {unit} ago"))
        for unit in ("día", "dias", "semana", "semanas", "mes", "meses", "año", "anos"):
            out.append(("es", f"hace {c} {unit}"))
    return out


@pytest.mark.parametrize("base", [dt.date(2024, 3, 31), dt.date(2024, 2, 29), dt.date(2013, 1, 1), dt.date(2025, 12, 31)])
def test_relative_fast_path_agrees_with_dateparser(base):
    """The closed grammar is read without dateparser (whose first call costs 0.3 s); wherever dateparser
    reads an expression, the two agree to the day and the precision."""
    from checker.dates import _NOT_SIMPLE, _dateparser_date, _simple_relative

    compared = 0
    for lang, text in _grammar():
        fast = _simple_relative(text, base)
        slow = _dateparser_date(text, lang, base)
        if slow is not None:
            assert fast is not _NOT_SIMPLE, text
            assert fast == slow, (text, base, fast, slow)
            compared += 1
    assert compared > 250


def test_relative_fast_path_reads_spanish_number_words():
    base = dt.date(2019, 5, 20)
    assert normalise("relative", "hace tres meses", "es", base)[0] == PartialDate(2019, 2)
    assert normalise("relative", "hace dos semanas", "es", base)[0] == PartialDate(2019, 5, 6)
    assert normalise("relative", "hace once años", "es", base)[0] == PartialDate(2008)


@pytest.mark.parametrize("text, span, year, month", [
    ("In December 2001, the president said we would find him.", "In December 2001", 2001, 12),
    ("The law was signed in May 2008 by the governor.", "in May 2008", 2008, 5),
    ("Nothing has changed since January, 2010.", "since January, 2010", 2010, 1),
    ("En diciembre de 2001 el presidente lo prometió.", "En diciembre de 2001", 2001, 12),
])
def test_a_month_and_year_after_a_preposition_keep_the_year(checker, text, span, year, month):
    """"in December 2001": the preposition and the month alone ("in December") overlap the month and year;
    the longer span is the one kept, with its year."""
    from checker.ingest import read_one

    doc = next(iter(read_one("case.txt", f"Date: May 2, 2011\n\n{text}\n".encode())))
    times = checker.analyser.analyse(doc, dt.date(2026, 12, 1)).times
    assert [(t.span.text, t.value.year, t.value.month, t.year_explicit) for t in times] == [(span, year, month, True)]


def test_a_title_in_a_clause_dated_in_the_term_by_month_and_year_looks_back(check_text):
    drow, frows = check_text("Date: May 2, 2011\n\nThe congressman released the following statement today: In "
                             "December 2001, President Bush said we would get him, and a decade later his words ring true.\n")
    assert not [f for f in frows if f["category"] == "date" and f["severity"] in ("error", "warning")], frows
