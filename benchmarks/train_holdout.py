"""False alarms at scale: the product's verdicts on the part of ../shared/corpus-train that the evidence model
never saw (part C of scripts/fit_evidence.py: neither its ratios nor its calibration nor its thresholds).

    .venv/bin/python benchmarks/train_holdout.py [--jobs 2] [--flagged FILE] [--reading benchmarks/holdout_reading.csv]

Writes part C's records to a temporary JSON Lines file, audits it as a user would (`checker audit --jobs N`),
and prints the share of documents called inconsistent, per kind of source. Every flagged document is
listed in --flagged (JSON Lines: id, kind, date and the error findings) for reading by hand; with
--reading, the hand classification (columns id, class, reason; class one of `source error`, `typo`,
`false alarm`) is joined to the flagged list and summed: which flags were right.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_evidence import SHARED, write_part  # noqa: E402

CHECKER = str(Path(sys.executable).parent / "checker")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus-train")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--flagged", type=Path, default=Path("/tmp/checker-holdout-flagged.jsonl"))
    ap.add_argument("--reading", type=Path, default=ROOT / "benchmarks" / "holdout_reading.csv")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-holdout-") as tmp:
        tmp = Path(tmp)
        batch = tmp / "part-c.jsonl"
        kinds = write_part(args.corpus, "C", batch)
        subprocess.run([CHECKER, "audit", str(batch), "--out", str(tmp / "out"), "--jobs", str(args.jobs), "--no-cache",
                        "--fail-on", "never", "--format", "csv"], check=True, capture_output=True)
        docs = list(csv.DictReader(open(tmp / "out" / "documents.csv", encoding="utf-8", newline="")))
        errors = collections.defaultdict(list)
        for f in csv.DictReader(open(tmp / "out" / "findings.csv", encoding="utf-8", newline="")):
            if f["category"] == "date" and f["severity"] == "error":
                errors[f["doc_id"]].append({"rule": f["rule_id"], "message": f["message"], "evidence": f["evidence"]})
    counts = collections.Counter()
    flagged = []
    for d in docs:
        rid = d["doc_id"].split("#", 1)[1]
        kind, date = kinds[rid]
        counts[(kind, "all")] += 1
        if d["verdict"] == "inconsistent":
            counts[(kind, "inconsistent")] += 1
            flagged.append({"id": rid, "kind": kind, "date": date, "errors": errors[d["doc_id"]]})
    with open(args.flagged, "w", encoding="utf-8") as fh:
        for f in flagged:
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")
    total = sum(v for (k, what), v in counts.items() if what == "all")
    bad = sum(v for (k, what), v in counts.items() if what == "inconsistent")
    for kind in sorted({k for k, _ in counts}):
        n, e = counts[(kind, "all")], counts[(kind, "inconsistent")]
        print(f"{kind:15} {e:4} of {n:6} called inconsistent ({100 * e / max(1, n):.2f}%)")
    print(f"{'all':15} {bad:4} of {total:6} called inconsistent ({100 * bad / max(1, total):.2f}%); list: {args.flagged}")
    by_rule = collections.Counter(e["rule"] for f in flagged for e in {x["rule"]: x for x in f["errors"]}.values())
    print("documents by rule: " + ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())))
    if args.reading.exists():
        read = {r["id"]: r for r in csv.DictReader(open(args.reading, encoding="utf-8", newline=""))}
        classes = collections.Counter(read[f["id"]]["class"] for f in flagged if f["id"] in read)
        unread = [f["id"] for f in flagged if f["id"] not in read]
        right = classes["source error"] + classes["typo"]
        print(f"read by hand: {sum(classes.values())} of {len(flagged)} flagged; " +
              ", ".join(f"{c} {n}" for c, n in sorted(classes.items())) +
              f"; right {right} ({100 * right / max(1, sum(classes.values())):.0f}%)" +
              (f"; not read: {', '.join(unread)}" if unread else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
