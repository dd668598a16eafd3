"""How often the spelling rule (SR103) fires on the dev corpus, and on what.

    .venv/bin/python benchmarks/spelling.py [--source press-release] [--words]

For each manifest source, prints the share of documents with an SR103 finding. For the chosen source
(press releases by default: edited government copy, where a finding should be rare) it lists every
flagged word and sorts it, for a human to judge, into:
  name     the knowledge base knows it, or the same document writes it capitalised elsewhere
  spanish  a Spanish dictionary (es, es_MX) knows it
  other    neither: a typo, or a word missing from the dictionaries
and prints the share of those documents whose finding rests on a name or a Spanish word (the goal is
under 5%): a finding "rests on" them when, without them, fewer errors than the rule's threshold remain.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default="press-release")
    ap.add_argument("--words", action="store_true", help="list every flagged document with its words")
    args = ap.parse_args()
    from checker.config import Settings
    from checker.engine import Checker
    from checker.ingest import read_inputs
    from checker.kb import fold
    from checker.rules.sr103_spelling import MIN_ERRORS, known

    corpus = SHARED / "corpus-dev"
    source = {json.loads(line)["doc"]: json.loads(line)["source"] for line in open(corpus / "manifest.jsonl")}
    checker = Checker(Settings(select=("SR103",)))
    t0 = time.perf_counter()
    seen, flagged = Counter(), Counter()
    kinds_total: Counter = Counter()
    resting = []
    listing = defaultdict(list)
    for document in read_inputs([str(corpus / "docs")]):
        src = source[str(Path(document.path).relative_to(corpus))]
        seen[src] += 1
        _, findings = checker.check(document)
        hit = next((f for f in findings if f["rule_id"] == "SR103"), None)
        if hit is None:
            continue
        flagged[src] += 1
        if src != args.source:
            continue
        words = [w for w in hit["evidence"].split(" | ") if " " not in w]
        doubled = [w for w in hit["evidence"].split(" | ") if " " in w]
        kinds = {}
        for w in words:
            capitalised = re.search(rf"\b{re.escape(w[:1].upper() + w[1:])}\b", document.text)
            if fold(w) in checker.kb.alias_index or fold(w) in checker.kb.surname_index or capitalised:
                kinds[w] = "name"
            elif known(w, "es"):
                kinds[w] = "spanish"
            else:
                kinds[w] = "other"
        kinds_total.update(kinds.values())
        others = sum(1 for k in kinds.values() if k == "other") + len(doubled)
        if others < MIN_ERRORS:
            resting.append(document.path)
        listing[document.path] = [f"{w} ({k})" for w, k in kinds.items()] + [f"“{d}” (doubled)" for d in doubled]
    elapsed = time.perf_counter() - t0
    print(f"SR103 on the dev corpus ({sum(seen.values())} documents, {elapsed:.1f} s):")
    for src in sorted(seen):
        print(f"  {src:<15} {flagged[src]:>4} of {seen[src]:>4} flagged ({flagged[src] / seen[src]:.1%})")
    n = seen[args.source]
    print(f"{args.source}: flagged words by kind: {dict(kinds_total) or 'none'}")
    print(f"{args.source}: findings resting on names or Spanish words: {len(resting)} of {n} "
          f"({len(resting) / max(n, 1):.1%}; goal < 5%)")
    if args.words or len(listing) <= 20:
        for path, words in listing.items():
            print(f"  {Path(path).name}: {', '.join(words)}")
    return 0 if len(resting) / max(n, 1) < 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
