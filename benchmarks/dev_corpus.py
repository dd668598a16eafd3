"""Audit ../shared/corpus-dev/docs and print the shared evaluator's rates against the issue's targets.

    .venv/bin/python benchmarks/dev_corpus.py [--jobs N] [--keep DIR]

Prints the time taken, the rates (false alarms, re-dated caught, "former" caught, wrong weekdays, undated
verdicts, window holding the true date, declared date exact), and whether each meets its target.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

# (metric, target, higher is better)
TARGETS = [("false_alarm", 0.03, False), ("redated_caught", 0.90, True), ("former_caught", 0.90, True),
           ("weekday_caught", 0.95, True), ("undated_verdict", 0.95, True), ("window_holds_true", 0.97, True)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep", type=Path, default=None, help="write the audit tables here")
    ap.add_argument("--all", action="store_true", help="print every rate the evaluator reports")
    ap.add_argument("--kb-data-dir", type=Path, default=None,
                    help="user data folder of imported knowledge-base layers (default: $CHECKER_DATA_DIR, then ~/.local/share/checker/kb)")
    args = ap.parse_args()
    from checker import report
    from checker.config import Settings
    from checker.engine import audit

    docs_dir = SHARED / "corpus-dev" / "docs"
    out = args.keep or Path(tempfile.mkdtemp(prefix="checker-dev-"))
    t0 = time.perf_counter()
    from checker import kb

    if args.kb_data_dir:
        os.environ["CHECKER_DATA_DIR"] = str(args.kb_data_dir)  # for the worker processes too
    base = kb.load()
    print(f"knowledge base: {base.stats()['tenures']:,} terms; imported layers: "
          f"{', '.join(f'{i.name} ({i.path})' for i in base.layers) or 'none'}")
    result = audit([str(docs_dir)], Settings(jobs=args.jobs))
    elapsed = time.perf_counter() - t0
    report.write_tables(out, result.documents, result.findings)
    ev = subprocess.run([sys.executable, str(SHARED / "tools" / "evaluate.py"), str(SHARED / "corpus-dev"), str(out)],
                        capture_output=True, text=True, check=True)
    m = json.loads(ev.stdout)
    n = len(result.documents)
    size = sum(p.stat().st_size for p in docs_dir.iterdir())
    print(f"dev corpus: {n} documents, {size / 1e6:.1f} MB in {elapsed:.1f} s "
          f"({n / elapsed:.0f} docs/s, {size / 1e6 / elapsed:.2f} MB/s, jobs={args.jobs})")
    print(f"{'metric':<22}{'rate':>8}{'hits':>7}{'total':>7}{'target':>9}  ok")
    ok_all = True
    for key, target, higher in TARGETS:
        r = m.get(key, {})
        rate = r.get("rate")
        ok = rate is not None and (rate >= target if higher else rate <= target)
        ok_all &= ok
        print(f"{key:<22}{rate if rate is not None else '-':>8}{r.get('hits', 0):>7}{r.get('total', 0):>7}"
              f"{('>=' if higher else '<=') + str(target):>9}  {'yes' if ok else 'NO'}")
    for key in ("declared_exact", "window_given", "undated_window_holds_true"):
        if key in m:
            print(f"{key:<22}{m[key]['rate']:>8}{m[key]['hits']:>7}{m[key]['total']:>7}")
    if args.all:
        for key, r in m.items():
            if isinstance(r, dict):
                print(f"  {key:<40}{r['rate']}  ({r['hits']}/{r['total']})")
    print(f"missing documents: {m['missing_docs']}")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
