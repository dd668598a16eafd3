"""Audit on a Dask cluster: one task per shard (a JSON Lines or Parquet file of records), partitioned
Parquet tables out.

Each worker builds its Checker once (cached in the worker process) and turns a shard into the two tables,
validated by the same pandera schemas as a local run; the client writes each partition as it arrives
(`documents/part-00000.parquet`, `findings/part-00000.parquet`), so the output folder only needs to exist
where the client runs, and memory on the client holds one partition at a time. Partition N is the N-th shard
in sorted order, and rows keep their order within it, so a run is reproducible.

With no scheduler address, a LocalCluster of `jobs` single-threaded worker processes is started (and
stopped) for the run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from checker.config import Settings

SHARD_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
_checkers: dict = {}


@dataclass
class DaskSummary:
    documents: int
    findings: int
    partitions: int
    worst: int  # highest severity rank found (0 none, 1 info, 2 warning, 3 error)


def shards(paths: Iterable[str]) -> list[str]:
    out = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.suffix in SHARD_SUFFIXES and f.is_file())
        else:
            out.append(str(path))
    return out


def audit_shard(shard: str, settings: Settings):
    """Runs on a worker: the validated tables of one shard."""
    from checker.engine import Checker
    from checker.tables import documents_frame, findings_frame

    key = repr(settings)
    checker = _checkers.get(key)
    if checker is None:
        checker = _checkers[key] = Checker(settings)
    from checker.ingest import read_one

    docs, finds = [], []
    for d in read_one(shard):
        drow, frows = checker.check(d)
        docs.append(drow)
        finds.extend(frows)
    return documents_frame(docs), findings_frame(finds)


def _write(frame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def audit_dask(paths: Iterable[str], settings: Settings, out: Path, scheduler: Optional[str] = None) -> DaskSummary:
    from distributed import Client, LocalCluster, as_completed

    todo = shards(paths)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, settings.jobs), threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    rank = {"info": 1, "warning": 2, "error": 3}
    n_docs = n_finds = worst = 0
    try:
        futures = {client.submit(audit_shard, s, settings, pure=False): i for i, s in enumerate(todo)}
        for fut in as_completed(futures):
            i = futures[fut]
            docs, finds = fut.result()
            _write(docs, Path(out) / "documents" / f"part-{i:05d}.parquet")
            _write(finds, Path(out) / "findings" / f"part-{i:05d}.parquet")
            n_docs += len(docs)
            n_finds += len(finds)
            worst = max([worst] + [rank[s] for s in finds["severity"].unique()])
            fut.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return DaskSummary(n_docs, n_finds, len(todo), worst)


def read_tables(out: Path):
    """The partitioned tables back as two DataFrames, partitions in order."""
    import pandas as pd

    def read(kind):
        parts = sorted((Path(out) / kind).glob("part-*.parquet"))
        return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True) if parts else pd.DataFrame()

    return read("documents"), read("findings")
