"""The cache of unchanged documents: the same audit run twice over 1,000 generated Markdown posts.

    .venv/bin/python benchmarks/cache.py [--documents 1000] [--jobs 1]

The posts are the speed benchmark's synthetic press releases (benchmarks/generate.py), written as Markdown
with front matter, as a site's content folder holds them. Each run is the whole command, `checker audit
POSTS --out OUT`, timed from the outside: process start, reading the posts, the tables and the reports.
The first run starts from an empty cache folder (CHECKER_CACHE_DIR) and fills it; the second finds every
post unchanged. A third run with one post edited shows that only that post is analysed again. The goal
(issue 5): the second run at least 10 times faster than the first.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
REFERENCE_DATE = "2026-11-24"


def write_posts(folder: Path, n: int, seed: int = 7) -> int:
    from generate import document, holders

    from checker import kb as kbm

    kb = kbm.load()
    pools = {(c, lv): holders(kb, c, lv) for c in ("US", "MX") for lv in ("head_of_state", "cabinet")}
    rng = random.Random(seed)
    size = 0
    for i in range(n):
        d = document(i, kb, pools, rng)
        text = (f"---\ntitle: {json.dumps(d['title'], ensure_ascii=False)}\ndate: {d['published']}\nlang: {d['lang']}\n"
                f"---\n\n{d['text']}\n")
        path = folder / d["published"][:4] / f"{d['id']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def audit(posts: Path, out: Path, env: dict, jobs: int) -> tuple[float, int]:
    cmd = [str(ROOT / ".venv" / "bin" / "checker"), "audit", str(posts), "--out", str(out), "--format", "json",
           "--reference-date", REFERENCE_DATE, "--jobs", str(jobs)]
    if not Path(cmd[0]).exists():
        cmd[0:1] = [sys.executable, "-m", "checker.cli"]
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({r.returncode}): {r.stderr[-2000:]}")
    with open(out / "findings.csv", encoding="utf-8") as fh:
        return elapsed, sum(1 for _ in csv.DictReader(fh))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-cache-bench-") as tmp:
        tmp = Path(tmp)
        posts = tmp / "posts"
        size = write_posts(posts, args.documents)
        env = dict(os.environ, CHECKER_CACHE_DIR=str(tmp / "cache"))
        first, n1 = audit(posts, tmp / "out1", env, args.jobs)
        second, n2 = audit(posts, tmp / "out2", env, args.jobs)
        for name in ("documents.csv", "findings.csv"):
            if (tmp / "out1" / name).read_bytes() != (tmp / "out2" / name).read_bytes():
                raise SystemExit(f"the cached run's {name} differs from the first run's")
        edited = sorted(posts.rglob("*.md"))[0]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction was added to this post.\n", encoding="utf-8")
        third, _ = audit(posts, tmp / "out3", env, args.jobs)
        entries = sum(1 for _ in (tmp / "cache").rglob("*.json"))
    print(f"{args.documents} Markdown posts, {size / 1e6:.1f} MB, --jobs {args.jobs}; {n1} findings")
    print(f"{'run':<34}{'seconds':>10}{'docs/s':>10}")
    for label, t in (("first (empty cache)", first), ("second (all unchanged)", second), ("third (one post edited)", third)):
        print(f"{label:<34}{t:>10.2f}{args.documents / t:>10.0f}")
    print(f"speed-up of the second run: {first / second:.1f}x (goal: at least 10x); tables identical: yes; "
          f"cache entries: {entries}")
    return 0 if first / second >= 10 and n1 == n2 else 1


if __name__ == "__main__":
    sys.exit(main())
