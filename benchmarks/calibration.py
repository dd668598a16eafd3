"""Calibration of the evidence model on held-out text: does a predicted probability of 0.8 mean that eight
in ten such documents are misdated?

    .venv/bin/python benchmarks/calibration.py [--items /tmp/checker-evidence-items.pickle] [--png FILE]

Reads the evidence items that scripts/fit_evidence.py took from ../shared/corpus-train (it takes them
first if the file is missing) and uses only part C, which neither the ratios nor the calibration nor the
thresholds saw. Each document with evidence is scored at its own date (right) and at one shifted date
(wrong), so half the cases are misdated; the cases are binned by predicted probability in deciles, and
each bin's observed share of wrong dates is printed beside its mean prediction, as a table and as a plot
(`--png`, default reports/calibration.png; needs matplotlib, the `bench` extra).
"""
from __future__ import annotations

import argparse
import datetime as dt
import pickle
import sys
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fit_evidence  # noqa: E402
from checker import evidence  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=Path, default=Path("/tmp/checker-evidence-items.pickle"))
    ap.add_argument("--corpus", type=Path, default=fit_evidence.SHARED / "corpus-train")
    ap.add_argument("--png", type=Path, default=ROOT / "reports" / "calibration.png")
    args = ap.parse_args()
    if args.items.exists():
        rows = pickle.loads(args.items.read_bytes())
    else:
        rows = fit_evidence.extract(args.corpus, 2)
        args.items.write_bytes(pickle.dumps(rows))
    model = evidence.model()
    cases = []  # (predicted probability, wrong?)
    for doc_id, kind, date, its, _ in rows:
        key = f"{kind}#{doc_id}"
        if not its or not date or fit_evidence.part(key) != "C":
            continue
        day = dt.date.fromisoformat(date[:10])
        cases.append((model.probability(its, day), 0))
        cases.append((model.probability(its, fit_evidence.wrong_day(key, day)), 1))
    bins = [[] for _ in range(10)]
    for p, wrong in cases:
        bins[min(9, int(p * 10))].append((p, wrong))
    table = []
    for k, b in enumerate(bins):
        if b:
            table.append([f"{k / 10:.1f}-{(k + 1) / 10:.1f}", len(b), f"{sum(p for p, _ in b) / len(b):.3f}",
                          f"{sum(w for _, w in b) / len(b):.3f}"])
    print(f"part C of corpus-train: {len(cases) // 2:,} documents with evidence, each at its own date and at one "
          f"shifted date")
    print(tabulate(table, headers=["predicted", "cases", "mean predicted", "observed wrong"], tablefmt="github"))
    brier = sum((p - w) ** 2 for p, w in cases) / max(1, len(cases))
    print(f"Brier score {brier:.4f}")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install -e '.[bench]'): no plot", file=sys.stderr)
        return 0
    fig, ax = plt.subplots(figsize=(5, 5))
    xs = [float(r[2]) for r in table]
    ys = [float(r[3]) for r in table]
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    ax.plot(xs, ys, marker="o", label="evidence model, part C")
    for x, y, r in zip(xs, ys, table):
        ax.annotate(str(r[1]), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlabel("predicted probability that the date is wrong")
    ax.set_ylabel("observed share of wrong dates")
    ax.set_title("Calibration on held-out corpus-train (n per point)")
    ax.legend(loc="upper left")
    fig.tight_layout()
    args.png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.png, dpi=120)
    print(f"plot: {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
