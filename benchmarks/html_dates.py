"""Declared dates of web pages, side by side with htmldate, per language.

    .venv/bin/python benchmarks/html_dates.py [--corpus ../shared/html-gold] [--show]

Reads every page of a corpus with gold dates: `../shared/html-gold` (the default: 287 pages in eight
languages, `manifest.jsonl` rows `{"page", "date", "lang"}`) or a labelled corpus such as
`../shared/corpus-dev` (its `news-html` documents, `{"doc", "true_date", "source"}`). For each page it
compares with the gold date:

- the checker's declared date (`checker.ingest.read_one`, then `declared_claim`, as an audit does);
- htmldate's `find_date` in three settings: fast (`extensive_search=False`), extensive, and extensive
  asking for the original date (`original_date=True`), each handed the page's bytes (never a URL).

Prints one table of rates by language group (every language with 10 or more pages, the rest as "other",
and all), the seconds per page of each reader, and lists every page where the checker is wrong with all
four answers and the source of ours (`--show` also lists the pages only htmldate misses). Exit code 1
when the checker does worse than the best htmldate setting overall.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

READERS = {"checker": "checker", "fast": "htmldate fast", "extensive": "htmldate extensive",
           "original": "htmldate extensive+original"}
MIN_GROUP = 10


def gold_pages(corpus: Path) -> list[tuple[Path, str, str]]:
    """(page, gold date, language group) for every page of the corpus's manifest."""
    rows = [json.loads(line) for line in open(corpus / "manifest.jsonl", encoding="utf-8")]
    if rows and "page" in rows[0]:
        pages = [(corpus / r["page"], r["date"], r.get("lang") or "none") for r in rows]
    else:
        pages = [(corpus / r["doc"], r["declared_date"] or r["true_date"], "en") for r in rows
                 if r.get("source") == "news-html"]
    sizes = collections.Counter(lang for _, _, lang in pages)
    return [(p, d, lang if sizes[lang] >= MIN_GROUP else "other") for p, d, lang in pages]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "html-gold")
    ap.add_argument("--show", action="store_true", help="also list the pages that only htmldate misses")
    args = ap.parse_args()
    if not (args.corpus / "manifest.jsonl").exists():
        print(f"no manifest.jsonl in {args.corpus}", file=sys.stderr)
        return 2
    from htmldate import find_date

    from checker.ingest import read_one
    from checker.ingest.claims import declared_claim

    pages = gold_pages(args.corpus)
    hits: dict[str, collections.Counter] = {name: collections.Counter() for name in READERS}
    totals: collections.Counter = collections.Counter()
    spent = dict.fromkeys(READERS, 0.0)
    wrong, only_htmldate = [], []
    for page, gold, group in pages:
        data = page.read_bytes()
        totals[group] += 1
        t0 = time.perf_counter()
        doc = next(read_one(str(page), data))
        claim = declared_claim(doc.claims)
        got = {"checker": claim.value.iso() if claim else None}
        spent["checker"] += time.perf_counter() - t0
        for name, kwargs in (("fast", {"extensive_search": False}), ("extensive", {"extensive_search": True}),
                             ("original", {"extensive_search": True, "original_date": True})):
            t0 = time.perf_counter()
            got[name] = find_date(data, **kwargs)
            spent[name] += time.perf_counter() - t0
        for name, value in got.items():
            hits[name][group] += value == gold
        line = (page.name, group, gold, *(got[n] or "-" for n in READERS), claim.source if claim else "-")
        if got["checker"] != gold:
            wrong.append(line)
        elif any(got[n] != gold for n in READERS):
            only_htmldate.append(line)
    groups = sorted(totals, key=lambda g: (g == "other", -totals[g], g))
    n = sum(totals.values())
    table = [[f"{g} ({totals[g]})", *(f"{100 * hits[r][g] / totals[g]:.1f}" for r in READERS)] for g in groups]
    table.append([f"all ({n})", *(f"{100 * sum(hits[r].values()) / n:.1f}" for r in READERS)])
    table.append(["s/page", *(f"{spent[r] / n:.3f}" for r in READERS)])
    print(f"{args.corpus}: {n} pages, per cent whose date equals the gold date")
    print(tabulate(table, headers=["language", *READERS.values()], tablefmt="github"))
    headers = ["page", "lang", "gold", *READERS, "our source"]
    print(f"\nthe checker wrong ({len(wrong)}):")
    print(tabulate(sorted(wrong, key=lambda r: (r[1], r[0])), headers=headers, tablefmt="github"))
    if args.show:
        print(f"\nonly htmldate wrong ({len(only_htmldate)}):")
        print(tabulate(sorted(only_htmldate, key=lambda r: (r[1], r[0])), headers=headers, tablefmt="github"))
    ours = sum(hits["checker"].values())
    return 0 if ours >= max(sum(hits[r].values()) for r in READERS if r != "checker") else 1


if __name__ == "__main__":
    sys.exit(main())
