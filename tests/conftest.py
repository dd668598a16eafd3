"""Shared fixtures. ../shared (seeds, dev corpus, reference extracts) sits beside the repository, in CI
too; tests that read it are skipped only when it is absent."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

# Tests never read or fill the user's cache, nor read the knowledge-base layers a developer imported: one
# fresh cache folder and one empty data folder per test session (tests that import layers name their own).
os.environ.setdefault("CHECKER_CACHE_DIR", tempfile.mkdtemp(prefix="checker-test-cache-"))
os.environ.setdefault("CHECKER_DATA_DIR", tempfile.mkdtemp(prefix="checker-test-data-"))

needs_shared = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repository")

# Audits in tests use a fixed "today", so results do not change with the calendar.
REFERENCE_DATE = dt.date(2026, 11, 24)


def load_script(path: str):
    """A script of the repository (not a package module) imported as a module, by its path from the root:
    load_script("scripts/fit_evidence.py")."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
        saved, saved_cache = checker.settings, getattr(checker, "cache", None)
        checker.settings = replace(saved, **settings)
        if settings:
            checker.cache = None  # cached rows were made under the session's settings
        try:
            return checker.check(docs[0])
        finally:
            checker.settings, checker.cache = saved, saved_cache

    return run
