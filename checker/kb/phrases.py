"""Boilerplate phrases the source rules look for (page chrome, archive notices), read from
`data/boilerplate.csv` and checked against a small schema when loaded."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "boilerplate.csv"
KINDS = {"chrome", "archived"}
MATCHES = {"line", "prefix", "contains"}


@dataclass(frozen=True)
class Phrase:
    kind: str
    match: str
    language: str
    phrase: str

    def hits(self, line: str) -> bool:
        low = " ".join(line.lower().strip(" \t•*·>|-–—").split()) if self.match != "line" else line.lower().strip(" \t•*·>|")
        if self.match == "line":
            return low == self.phrase
        if self.match == "prefix":
            return low.startswith(self.phrase)
        return self.phrase in low


@lru_cache(maxsize=2)
def boilerplate(path: Path = DATA) -> tuple[Phrase, ...]:
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), 2):
            p = Phrase(row["kind"].strip(), row["match"].strip(), row["language"].strip(), row["phrase"].strip().lower())
            if p.kind not in KINDS or p.match not in MATCHES or not p.phrase:
                raise ValueError(f"{path}:{n}: bad boilerplate row {row}")
            out.append(p)
    return tuple(out)


def of_kind(kind: str) -> tuple[Phrase, ...]:
    return tuple(p for p in boilerplate() if p.kind == kind)
