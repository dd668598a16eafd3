"""The cache of unchanged documents: the same audit run twice over 1,000 generated Markdown posts.

    .venv/bin/python benchmarks/cache.py [--documents 1000] [--jobs 1]

The posts are the speed benchmark's synthetic press releases (benchmarks/generate.py), written as Markdown
with front matter, as a site's content folder holds them. Each run is the whole command as the example CI
workflow runs it (`checker audit POSTS --format github --output checker.sarif`), timed from the outside:
process start, reading the posts, the validated tables and the reports.
The first run starts from an empty cache folder (CHECKER_CACHE_DIR) and fills it; the second finds every
post unchanged (each figure is the best of a few runs). It is measured with every rule, and without SR114,
whose recycled-story pass takes every document's MinHash signature on every run (its comparison across
the corpus is kept while the corpus is unchanged). The same two audits are also timed inside one process
whose imports are done: the audit's own work, without the start-up that every run of the command pays.
A last run with one post edited shows that only that post is analysed again. The goal (issue 5): the
second run at least 10 times faster than the first.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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


def audit(posts: Path, out: Path, env: dict, jobs: int, extra: list[str]) -> tuple[float, list]:
    """The CI gate's command, as examples/github-actions.yml runs it: annotations on standard output, SARIF
    to a file. Returns the seconds it took and the SARIF results."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = [str(ROOT / ".venv" / "bin" / "checker"), "audit", str(posts), "--format", "github",
           "--output", str(out / "checker.sarif"), "--reference-date", REFERENCE_DATE, "--jobs", str(jobs), *extra]
    if not Path(cmd[0]).exists():
        cmd[0:1] = [sys.executable, "-m", "checker.cli"]
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({r.returncode}): {r.stderr[-2000:]}")
    (out / "annotations.txt").write_text(r.stdout, encoding="utf-8")
    return elapsed, json.loads((out / "checker.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]


def measure(posts: Path, tmp: Path, jobs: int, extra: list[str]) -> dict:
    """First runs from an empty cache (best of two), second runs with every post unchanged (best of three):
    the machine may be busy with other work, and the best run is the one it disturbed least."""
    cache = tmp / "cache"
    env = dict(os.environ, CHECKER_CACHE_DIR=str(cache))
    firsts, seconds = [], []
    for _ in range(2):
        shutil.rmtree(cache, ignore_errors=True)
        t, results1 = audit(posts, tmp / "out1", env, jobs, extra)
        firsts.append(t)
    for _ in range(3):
        t, results2 = audit(posts, tmp / "out2", env, jobs, extra)
        seconds.append(t)
    if results1 != results2 or (tmp / "out1" / "annotations.txt").read_bytes() != (tmp / "out2" / "annotations.txt").read_bytes():
        raise SystemExit("the cached run's findings differ from the first run's")
    return {"first": min(firsts), "second": min(seconds), "firsts": firsts, "seconds": seconds,
            "findings": len(results1), "entries": sum(1 for _ in cache.rglob("*.json"))}


IN_PROCESS = """
import datetime as dt, json, sys, time
sys.path.insert(0, {root!r})
from checker.config import Settings
from checker.engine import audit
from checker.rules import all_rules
all_rules()
settings = Settings(reference_date=dt.date.fromisoformat({ref!r}), cache=True, ignore={ignore!r})
times = []
for _ in range(2):
    start = time.perf_counter()
    result = audit([{posts!r}], settings)
    times.append(time.perf_counter() - start)
    if len(times) == 1:
        first = result
assert result.documents.equals(first.documents) and result.findings.equals(first.findings)
print(json.dumps(times))
"""


def in_process(posts: Path, tmp: Path, ignore: tuple[str, ...] = ()) -> tuple[float, float]:
    """engine.audit twice in one process whose imports are done: the audit's own work, without the
    interpreter's start and the libraries' imports that every run of the command pays."""
    env = dict(os.environ, CHECKER_CACHE_DIR=str(tmp / "cache"))
    code = IN_PROCESS.format(root=str(ROOT), ref=REFERENCE_DATE, posts=str(posts), ignore=ignore)
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(f"in-process audit failed: {r.stderr[-2000:]}")
    first, second = json.loads(r.stdout.strip().splitlines()[-1])
    return first, second


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    configs = [("every rule", []), ("every rule but SR114", ["--ignore", "SR114"])]
    rows = []
    with tempfile.TemporaryDirectory(prefix="checker-cache-bench-") as tmp:
        tmp = Path(tmp)
        posts = tmp / "posts"
        size = write_posts(posts, args.documents)
        for label, extra in configs:
            rows.append((label, measure(posts, tmp / label.replace(" ", "-"), args.jobs, extra)))
        inside = [(label, in_process(posts, tmp / f"in-process-{n}", tuple(extra[1:]))) for n, (label, extra) in enumerate(configs)]
        edited = sorted(posts.rglob("*.md"))[0]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction was added to this post.\n", encoding="utf-8")
        env = dict(os.environ, CHECKER_CACHE_DIR=str(tmp / configs[1][0].replace(" ", "-") / "cache"))
        third, _ = audit(posts, tmp / "out3", env, args.jobs, configs[1][1])
    print(f"{args.documents} Markdown posts, {size / 1e6:.1f} MB, --jobs {args.jobs}")
    print("The gate's command (--format github --output checker.sarif), timed from outside:")
    print(f"  {'rules':<24}{'findings':>9}{'first s':>9}{'second s':>10}{'speed-up':>10}  all runs (first; second)")
    for label, m in rows:
        print(f"  {label:<24}{m['findings']:>9}{m['first']:>9.2f}{m['second']:>10.2f}{m['first'] / m['second']:>9.1f}x  "
              f"{', '.join(f'{t:.2f}' for t in m['firsts'])}; {', '.join(f'{t:.2f}' for t in m['seconds'])}")
    print(f"  one post edited, every rule but SR114: {third:.2f} s (only that post is analysed again)")
    print("The audit in one process, its imports done (engine.audit), timed inside:")
    for label, (first, second) in inside:
        print(f"  {label:<24}{'':>9}{first:>9.2f}{second:>10.2f}{first / second:>9.1f}x")
    print("SR114 (recycled stories) keeps its comparison for an unchanged corpus, but still takes every document's")
    print("MinHash signature on each run. Every run of the command also pays the interpreter's start and the")
    print("imports (pandas, pandera, the rules): the second run's floor. Goal (issue 5): the second run at least")
    print("10x faster than the first.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
