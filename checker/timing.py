"""Time spent per stage, accumulated per process: the speed benchmark prints it, and it costs two
perf_counter calls a stage.

Stages: ingest, language, matching, dates (normalisation), inference, rules, tables, reports.
"""
from __future__ import annotations

import time
from collections import defaultdict
from contextlib import contextmanager

STAGES = ("ingest", "language", "matching", "dates", "inference", "rules", "tables", "reports")
spent: dict[str, float] = defaultdict(float)


@contextmanager
def clock(stage: str):
    t = time.perf_counter()
    try:
        yield
    finally:
        spent[stage] += time.perf_counter() - t


def snapshot() -> dict[str, float]:
    return {s: spent.get(s, 0.0) for s in STAGES}


def merge(into: dict[str, float], other: dict[str, float]) -> None:
    for k, v in other.items():
        into[k] = into.get(k, 0.0) + v
