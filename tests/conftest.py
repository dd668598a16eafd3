"""Shared fixtures. ../shared (seeds, dev corpus, reference extracts) sits beside the repository, in CI
too; tests that read it are skipped only when it is absent."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

needs_shared = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repository")

# Audits in tests use a fixed "today", so results do not change with the calendar.
REFERENCE_DATE = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def checker():
    from checker.config import Settings
    from checker.engine import Checker

    return Checker(Settings(reference_date=REFERENCE_DATE))


@pytest.fixture(scope="session")
def check_text(checker):
    """Check one document given as text; returns (documents row, findings rows)."""
    from dataclasses import replace

    from checker.ingest import read_one

    def run(text: str, name: str = "doc.txt", encoding: str = "utf-8", **settings):
        """`settings` override the session checker's (time_budget, max_bytes) for this one document."""
        data = text.encode(encoding)
        limit = settings.get("max_bytes", checker.settings.max_bytes)
        docs = list(read_one(name, data, max_bytes=limit))
        assert len(docs) == 1
        saved = checker.settings
        checker.settings = replace(saved, **settings)
        try:
            return checker.check(docs[0])
        finally:
            checker.settings = saved

    return run
