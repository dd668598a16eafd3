"""The thresholds of the evidence model (scripts/fit_evidence.py): a budget of one or two right-dated documents
of part B must not make a threshold one document's score, which the next refit's part B may not hold."""
from __future__ import annotations

import math
import random
import statistics

from conftest import load_script


def _fit():
    return load_script("scripts/fit_evidence.py")


def test_a_threshold_is_the_bootstrap_mean_of_its_order_statistic_and_moves_less_between_samples():
    fit = _fit()
    values = [10.0, 9.0, 8.0, 7.0] + [1.0] * 2000
    # one value may reach the plain cut; the bootstrap's lies between the values around it, the same each run
    assert fit._cut(values, 1, 0.5) == 9.0 + 1e-9
    cut = fit._bootstrap(values, 1, 0.5)
    assert 7.0 < cut < 10.0 and cut != 9.0 + 1e-9 and cut == fit._bootstrap(values, 1, 0.5)
    assert fit._bootstrap([-math.inf] * 50 + [0.2], 1, 0.5) == 0.5  # nothing above the floor: the floor
    # over resamples of one population of scores, the cut a budget of two documents gives moves less than
    # the plain order statistic
    rng = random.Random(3)
    population = [rng.expovariate(1.0) for _ in range(4000)]
    plain, bagged = [], []
    for _ in range(60):
        sample = [population[rng.randrange(4000)] for _ in range(4000)]
        plain.append(fit._cut(sample, 2, 0.0))
        bagged.append(fit._bootstrap(sample, 2, 0.0))
    assert statistics.pstdev(bagged) < statistics.pstdev(plain)


def test_the_binomial_draw_has_the_mean_and_spread_of_one():
    fit = _fit()
    rng = random.Random(5)
    draws = [fit._binomial(rng, 6000, 1 / 6000) for _ in range(4000)]
    assert abs(statistics.mean(draws) - 1.0) < 0.06 and abs(statistics.pvariance(draws) - 1.0) < 0.1


def test_with_coverage_a_wrong_date_lands_only_where_its_kind_of_source_has_right_dated_text():
    import datetime as dt

    fit = _fit()
    day = dt.date(2015, 6, 1)
    everywhere = fit.shifted(day, "press-releases")
    assert any(d.year == 2023 for d in everywhere)  # a 2015 release moved eight years on
    fit.set_coverage([("a", "press-releases", dt.date(2005, 1, 3), ()), ("b", "press-releases", dt.date(2019, 3, 1), ()),
                      ("c", "transcripts-es", dt.date(2018, 12, 3), ())])
    inside = fit.shifted(day, "press-releases")
    assert inside and all(dt.date(2005, 1, 3) <= d <= dt.date(2019, 3, 1) for d in inside)
    assert set(inside) < set(everywhere)
    assert fit.wrong_day("press-releases#x", day) in inside
    assert fit.shifted(day, "speeches") == everywhere  # a kind part A does not have: no limit


def test_source_errors_read_by_hand_leave_the_right_dated_documents(tmp_path):
    """The thresholds budget false alarms: a document of part B whose own text proves another date (a source
    error, read by hand) is no right-dated document to budget; false alarms and typos stay."""
    fit = _fit()
    reading = tmp_path / "reading.csv"
    reading.write_text('id,class,reason\npr-1,source error,"the text proves 2005"\npr-2,false alarm,"a courtesy title"\n'
                       'pr-3,typo,"a weekday slip"\n', encoding="utf-8")
    assert fit.source_errors(reading) == frozenset({"pr-1"})
    assert fit.source_errors(tmp_path / "absent.csv") == frozenset()
    # the reading kept in the repository: every row classed, and the source errors among them are few
    shipped = fit.source_errors(fit.ROOT / "benchmarks" / "partb_reading.csv")
    assert 0 < len(shipped) <= 5
