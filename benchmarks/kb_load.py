"""Knowledge-base scale: load a 100,000-term imported layer, build the matchers, check the dev corpus.

    .venv/bin/python benchmarks/kb_load.py [--tenures 100000] [--passes 3]

Generates a synthetic layer (people with made-up names that no text contains, so only the cost is
measured, not new matches) in a temporary data folder, then prints:
- load + matcher build of the bundled tables alone, cold and warm, against the target of 1 s warm (what a
  pre-commit run pays before its first document);
- load + matcher build with the layer, cold (validation and merge, no cache) and warm (the merge cache of
  the user cache folder), against the target of 5 s;
- the time per document over ../shared/corpus-dev/docs with the bundled tables only and with the big layer
  (best of --passes, analysis and rules only), against the target of at most 10% more.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

SYLLABLES = ["zor", "vath", "quil", "lon", "brek", "tav", "mir", "osk", "yul", "dren", "kaz", "phel", "um", "rix",
             "ost", "vell", "grim", "ank", "soph", "ter", "wyn", "dax", "ilo", "mek"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


def synthetic_layer(n_tenures: int, seed: int = 11):
    from checker.kb.layers import Tables

    rng = random.Random(seed)
    n_offices = max(50, n_tenures // 50)
    n_people = max(100, n_tenures // 4)
    offices = [{"office_id": f"qz.office_{i}", "country": "QZ", "level": rng.choice(["cabinet", "other", "legislator"]),
                "name_en": f"Keeper of the {word(rng)} Rolls {i}", "name_es": "",
                "titles_en": f"Keeper of the {word(rng)} Rolls {i}", "titles_es": "", "qid": ""} for i in range(n_offices)]
    people = []
    for i in range(n_people):
        first, last = word(rng), word(rng)
        people.append({"person_id": f"p.synthetic.{i}", "name": f"{first} {last}", "aliases": f"{first} {last}",
                       "surnames": last, "gender": "", "born": "", "qid": ""})
    tenures = []
    for k in range(n_tenures):
        p = people[k % n_people]
        start = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(0, 45000))
        end = start + dt.timedelta(days=rng.randrange(30, 3000))
        tenures.append({"person_id": p["person_id"], "office_id": offices[rng.randrange(n_offices)]["office_id"],
                        "start": start.isoformat(), "end": end.isoformat(), "start_precision": "day",
                        "end_precision": "day", "acting": "false", "elected": "", "note": ""})
    return Tables(people, offices, tenures)


def load_and_build(user_dir: Path):
    from checker import kb
    from checker.analyse import Analyser

    kb.store._load.cache_clear()
    t0 = time.perf_counter()
    base = kb.load(user_dir=user_dir)
    t1 = time.perf_counter()
    analyser = Analyser(base)
    for lang in ("en", "es"):
        analyser.pipeline(lang)
    t2 = time.perf_counter()
    return base, t1 - t0, t2 - t1


def per_document(documents, user_dir: Path, passes: int) -> tuple[float, int]:
    from checker.config import Settings
    from checker.engine import Checker

    checker = Checker(Settings(reference_date=dt.date(2026, 11, 24), kb_dir=user_dir))
    for d in documents[:5]:  # warm the pipelines
        checker.check(d)
    best = float("inf")
    for _ in range(passes):
        t0 = time.perf_counter()
        for d in documents:
            checker.check(d)
        best = min(best, time.perf_counter() - t0)
    return best / len(documents), checker.kb.stats()["tenures"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tenures", type=int, default=100_000)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one per-document measurement
    args = ap.parse_args()
    if args.measure:
        measure_here(args.measure, args.passes)
        return 0
    work = Path(tempfile.mkdtemp(prefix="checker-kb-load-"))
    os.environ["CHECKER_CACHE_DIR"] = str(work / "cache")
    os.environ.pop("CHECKER_DATA_DIR", None)
    from checker import kb
    from checker.kb.layers import write_layer

    empty, big = work / "empty", work / "big"
    empty.mkdir()
    t0 = time.perf_counter()
    write_layer(big / "synthetic", synthetic_layer(args.tenures), {"source": "benchmarks/kb_load.py"})
    print(f"synthetic layer: {args.tenures:,} terms written in {time.perf_counter() - t0:.1f} s ({big})")

    def timed(label: str, folder: Path, target: Optional[float] = None):
        """Load the knowledge base (and the layers in `folder`) and build the matchers; print the times.
        The first load of a folder validates, merges and writes the cache; the second reads the cache."""
        base, load_s, build_s = load_and_build(folder)
        total = load_s + build_s
        what = (f"({base.stats()['tenures']:,} terms, validated and merged, cache written)" if target is None else
                f"(merge cache)   target <= {target:g} s: {'yes' if total <= target else 'NO'}")
        print(f"{label + ':':19} load {load_s:5.2f} s + matchers {build_s:5.2f} s = {total:5.2f} s  {what}")
        return total

    timed("bundled only, cold", empty)
    bundled_warm = timed("bundled only, warm", empty, target=1)
    timed("with layer, cold", big)
    warm = timed("with layer, warm", big, target=5)
    kb.store._load.cache_clear()

    docs_dir = SHARED / "corpus-dev" / "docs"
    if not docs_dir.is_dir():
        print("../shared/corpus-dev is absent: per-document times skipped")
        return 0
    # each measurement in a fresh process, so neither pays for the other's objects
    small = measure(empty, args.passes)
    large = measure(big, args.passes)
    rise = large["per_doc"] / small["per_doc"] - 1
    print(f"per document ({small['documents']} dev documents, best of {args.passes}, separate processes): "
          f"{small['per_doc'] * 1000:.1f} ms with {small['tenures']:,} terms, {large['per_doc'] * 1000:.1f} ms with "
          f"{large['tenures']:,} terms: {rise:+.1%}   target <= +10%: {'yes' if rise <= 0.10 else 'NO'}")
    return 0 if warm <= 5 and bundled_warm <= 1 and rise <= 0.10 else 1


def measure(user_dir: Path, passes: int) -> dict:
    import json
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--measure", str(user_dir), "--passes", str(passes)],
                         capture_output=True, text=True, check=True, env=os.environ)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_here(user_dir: Path, passes: int) -> None:
    import json

    from checker.ingest import read_one

    docs_dir = SHARED / "corpus-dev" / "docs"
    documents = [d for p in sorted(docs_dir.iterdir()) for d in read_one(str(p), p.read_bytes())]
    per_doc, tenures = per_document(documents, user_dir, passes)
    print(json.dumps({"per_doc": per_doc, "tenures": tenures, "documents": len(documents)}))

if __name__ == "__main__":
    sys.exit(main())
