"""Nothing lost at any size: a large JSON Lines archive audited with the default settings (the document
cache on, in a fresh cache folder), its rows counted against its records, with the peak memory of the
whole process tree and the rate.

    .venv/bin/python benchmarks/stream.py [--file ../shared/corpus-train/press-releases.jsonl]
                                          [--copies 1,4] [--jobs 2] [--format csv]

Each --copies N audits the file concatenated N times (4 copies of the 78 MB press releases are 312 MB),
to show that memory does not grow with the file; with no --format the command writes its default
reports (text and json) beside the tables, `--format csv` writes the tables alone. Prints one row per
size: records in the file, rows in documents.csv, rows that are unreadable, seconds, documents per
second, and peak RSS and PSS (RSS counts the pages forked workers share with their parent once per
process; PSS counts a shared page once).
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import CHECKER, SHARED, run_measured  # noqa: E402

MB = 2**20


def concatenated(source: Path, copies: int, folder: Path) -> Path:
    if copies == 1:
        return source
    target = folder / f"{source.stem}-x{copies}.jsonl"
    with open(target, "wb") as out:
        for _ in range(copies):
            with open(source, "rb") as fh:
                shutil.copyfileobj(fh, out, 16 * MB)
    return target


def records(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=SHARED / "corpus-train" / "press-releases.jsonl")
    ap.add_argument("--copies", default="1,4", help="comma-separated: audit the file concatenated N times")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--format", action="append", default=[],
                    help="report formats besides the tables (repeatable); none given: the command's defaults (text, json)")
    args = ap.parse_args()
    if not args.file.is_file():
        print(f"no file {args.file}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="checker-stream-") as tmp:
        tmp = Path(tmp)
        for copies in [int(c) for c in args.copies.split(",") if c]:
            path = concatenated(args.file, copies, tmp)
            expected = records(path)
            out, cache = tmp / f"out-{copies}", tmp / f"cache-{copies}"
            cmd = ["env", f"CHECKER_CACHE_DIR={cache}", CHECKER, "audit", str(path), "--out", str(out),
                   "--fail-on", "never", "--jobs", str(args.jobs)] + [a for f in args.format for a in ("--format", f)]
            wall, (rss, pss), _ = run_measured(cmd)
            with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
                docs = list(csv.DictReader(fh))
            unreadable = sum(d["verdict"] == "unreadable" for d in docs)
            rows.append([f"{path.name}", f"{path.stat().st_size / MB:,.0f}", f"{expected:,}", f"{len(docs):,}",
                         unreadable, f"{wall:,.0f}", f"{len(docs) / wall:,.0f}", f"{rss / MB:,.0f}", f"{pss / MB:,.0f}"])
            print(tabulate(rows[-1:], tablefmt="plain"), flush=True)
            shutil.rmtree(out)
            shutil.rmtree(cache, ignore_errors=True)
            if path != args.file:
                path.unlink()
            if len(docs) != expected:
                print(f"LOST: {expected - len(docs):,} records of {path.name} have no row", file=sys.stderr)
    print()
    print(tabulate(rows, headers=["file", "MB", "records", "rows", "unreadable", "seconds", "docs/s", "peak RSS MB",
                                  "peak PSS MB"], tablefmt="github"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
