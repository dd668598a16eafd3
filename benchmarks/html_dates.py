"""Declared dates of the news pages in ../shared/corpus-dev, side by side with htmldate's extensive mode.

    .venv/bin/python benchmarks/html_dates.py [--show]

For every `news-html` document of the manifest: the date our HTML reader declares (the documents table's
`declared_date`, by the order of trust in checker/ingest/html.py) and htmldate's `find_date` with
`extensive_search=True`, both as a plain call (`original_date=False`, htmldate's default) and asking for
the original date, each compared with the manifest's date. Prints the three rates and the time each took;
`--show` lists every page where one of them misses. Exit code 1 when we do worse than htmldate.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus-dev")
    ap.add_argument("--show", action="store_true", help="list the pages where a reader misses")
    args = ap.parse_args()
    from htmldate import find_date

    from checker.ingest import read_one
    from checker.ingest.claims import declared_claim

    rows = [json.loads(line) for line in open(args.corpus / "manifest.jsonl", encoding="utf-8")]
    rows = [r for r in rows if r["source"] == "news-html"]
    hits = {"checker": 0, "htmldate": 0, "htmldate-original": 0}
    spent = dict.fromkeys(hits, 0.0)
    misses = []
    for r in rows:
        data = (args.corpus / r["doc"]).read_bytes()
        want = r["declared_date"] or r["true_date"]
        t0 = time.perf_counter()
        doc = next(read_one(str(args.corpus / r["doc"]), data))
        claim = declared_claim(doc.claims)
        got = {"checker": claim.value.iso() if claim else None}
        spent["checker"] += time.perf_counter() - t0
        # bytes, never a str: htmldate downloads a str that looks like a URL
        for name, original in (("htmldate", False), ("htmldate-original", True)):
            t0 = time.perf_counter()
            got[name] = find_date(data, extensive_search=True, original_date=original)
            spent[name] += time.perf_counter() - t0
        for name, value in got.items():
            hits[name] += value == want
        if any(v != want for v in got.values()):
            misses.append((r["doc"], want, got, claim.source if claim else None))
    n = len(rows)
    print(f"news-html pages: {n} (declared date = manifest date)")
    print(f"{'reader':<34}{'rate':>8}{'hits':>6}{'s/page':>9}")
    labels = {"checker": "checker declared_date", "htmldate": "htmldate extensive",
              "htmldate-original": "htmldate extensive, original_date"}
    for name in hits:
        print(f"{labels[name]:<34}{hits[name] / n:>8.3f}{hits[name]:>6}{spent[name] / n:>9.3f}")
    if args.show:
        for doc, want, got, source in misses:
            print(f"  {doc}: manifest {want}; " + ", ".join(f"{k} {v}" for k, v in got.items()) + f" (ours from {source})")
    return 0 if hits["checker"] >= max(hits["htmldate"], hits["htmldate-original"]) else 1


if __name__ == "__main__":
    sys.exit(main())
