"""Streaming tables: the same bytes as the in-memory audit, in chunks, renamed into place at the end."""
from __future__ import annotations

from conftest import REFERENCE_DATE, ROOT

from checker.config import Settings
from checker.engine import audit, read_inputs, run
from checker.sink import TableSink


def test_streamed_tables_equal_the_in_memory_ones(tmp_path):
    # run() checks documents one by one; the corpus-wide pass (SR114) is audit's and audit_to's, and
    # tests/test_recycled.py compares those two
    settings = Settings(reference_date=REFERENCE_DATE, ignore=("SR114",))
    paths = [str(ROOT / "samples" / "docs")]
    sink = TableSink(tmp_path, chunk=3)  # several chunks, each validated on its own
    for drow, frows in run(read_inputs(paths), settings):
        sink.add(drow, frows)
    sink.close()
    whole = audit(paths, settings)
    assert (tmp_path / "documents.csv").read_text(encoding="utf-8") == whole.documents.to_csv(index=False, lineterminator="\n")
    assert (tmp_path / "findings.csv").read_text(encoding="utf-8") == whole.findings.to_csv(index=False, lineterminator="\n")
    assert sink.documents == len(whole.documents) and sink.findings == len(whole.findings)
    assert not list(tmp_path.glob(".*.tmp"))


def test_parallel_run_gives_the_same_rows():
    import gc

    paths = [str(ROOT / "samples" / "docs")]
    one = audit(paths, Settings(reference_date=REFERENCE_DATE, jobs=1))
    assert gc.get_freeze_count() == 0
    two = audit(paths, Settings(reference_date=REFERENCE_DATE, jobs=2))
    assert one.documents.equals(two.documents) and one.findings.equals(two.findings)
    # the objects frozen for the forked workers are the collector's again once they are done
    assert gc.get_freeze_count() == 0


def test_a_repeated_document_id_is_refused_after_its_row_was_written(tmp_path):
    import pytest

    settings = Settings(reference_date=REFERENCE_DATE, ignore=("SR114",))
    rows = list(run(read_inputs([str(ROOT / "samples" / "docs")]), settings))
    sink = TableSink(tmp_path, chunk=2)
    for drow, frows in rows:
        sink.add(dict(drow), frows)
    with pytest.raises(ValueError, match="twice"):
        sink.add(dict(rows[0][0]), rows[0][1])  # its row is in the file by now, not in memory
    sink.abort()


def test_seen_ids_hold_digests_and_confirm_a_match():
    from checker.ids import SeenIds

    seen = SeenIds()
    assert all(seen.add(f"doc-{i}", lambda _: pytest_fail()) for i in range(10_000))  # merged twice on the way
    assert not seen.add("doc-17", lambda doc_id: doc_id == "doc-17")
    assert not seen.add("doc-9999", lambda doc_id: True)
    # the digests agree but the ids do not (a collision): not a repeat
    assert seen.add("doc-42", lambda doc_id: False)


def pytest_fail():
    raise AssertionError("a new id was taken for a repeat")
