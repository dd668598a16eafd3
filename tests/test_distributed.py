"""The Dask engine on a 2-worker LocalCluster gets exactly the rows of a local run."""
from __future__ import annotations

import json

import pytest

from conftest import REFERENCE_DATE, ROOT

pytest.importorskip("distributed")


def _shards(tmp_path):
    """The sample corpus's JSON-readable documents, re-packed as two JSON Lines shards."""
    import pandas as pd  # noqa: F401  (parquet shard below)
    from checker.ingest import read_inputs

    records = []
    for d in read_inputs([str(ROOT / "samples" / "docs")]):
        if d.readable:
            records.append({"id": f"r{len(records):03d}", "text": d.text[d.body_start:], "title": d.title or "",
                            "published": d.claims[0].value.iso() if d.claims else None, "lang": d.language_hint})
    half = len(records) // 2
    folder = tmp_path / "shards"
    folder.mkdir()
    with open(folder / "a.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records[:half])
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(records[half:]), folder / "b.parquet")
    return folder


def test_dask_run_equals_local_run(tmp_path):
    import pandas as pd

    from checker.config import Settings
    from checker.distributed import audit_dask, read_tables
    from checker.engine import audit

    folder = _shards(tmp_path)
    # the Dask engine checks each shard on its own: it has no corpus-wide pass (SR114's recycled stories)
    summary = audit_dask([str(folder)], Settings(reference_date=REFERENCE_DATE, jobs=2, ignore=("SR114",)), tmp_path / "out")
    docs, finds = read_tables(tmp_path / "out")
    local = audit([str(folder)], Settings(reference_date=REFERENCE_DATE, ignore=("SR114",)))
    assert summary.partitions == 2 and summary.documents == len(local.documents) > 10
    pd.testing.assert_frame_equal(docs, local.documents, check_dtype=False)
    pd.testing.assert_frame_equal(finds, local.findings, check_dtype=False)
    assert summary.worst == 3  # the samples hold date errors
