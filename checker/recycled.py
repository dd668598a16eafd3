"""Recycled stories across a corpus: near-duplicate documents whose declared dates differ (SR114).

A corpus-level pass beside the per-document one. The engine feeds each document as it goes by (`feed`
wraps the stream of documents); only a MinHash signature (192 32-bit values: 768 bytes), a content
digest and the document's id, path and declared date are kept, never its text. At the end `findings`
answers, and `amend` / `amend_files` put its findings into the same tables as the others:

1. Shingles: the content (after the headers) is folded (lower case, no accents) and cut into paragraphs;
   each paragraph gives its 5-word sequences. Paragraph order does not matter, and a reworded lead or a
   changed date line changes only its own shingles.
2. MinHash (datasketch's, affine32 scheme, one shared set of permutations) estimates the Jaccard
   similarity of two documents' shingle sets.
3. LSH banding finds candidate pairs without comparing every pair: the signature is cut into 48 bands
   of 4 rows; documents that agree on a whole band meet in one run of that band's sorted hashes. A pair
   at similarity 0.5 becomes a candidate with probability 1-(1-0.5^4)^48 = 0.95, at 0.6 with 0.998, at
   0.1 (stories that share a press office's footer) with 0.005. A band costs a sort: the pass is
   O(n log n) in time and O(n) in memory. (datasketch's own MinHashLSH keeps a Python set per bucket:
   855 MB for 100,000 documents, measured; the bands here are numpy arrays.) Candidates are kept when
   their estimated similarity reaches the threshold, 0.4: over half of each text's 5-word sequences
   in common.
4. Exact duplicates (the same words in the same order) share a digest of the content.

A finding goes on the later-dated document of a pair and names the earliest earlier-dated one: "same
story as X, dated Y". Identical copies with the same date get a note on the later one in input order;
an undated copy cannot be ordered and is left alone unless it is identical to another undated one.
"""
from __future__ import annotations

import hashlib
import os
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np

from checker.kb import fold, parse_partial
from checker.model import Document, Finding

THRESHOLD = 0.4  # estimated Jaccard similarity of shingle sets for "the same story"
NUM_PERM = 192
ROWS = 4  # per LSH band: NUM_PERM // ROWS bands
SHINGLE = 5  # words
MIN_WORDS = 40  # shorter texts share too much by chance to be called copies
MAX_RUN = 64  # a band bucket larger than this is a template: its members are compared with its first only
_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
_BLOCK = 4096  # signatures are stored in blocks of this many rows
_MIX = np.uint64(0x9E3779B97F4A7C15)


def shingles(text: str) -> tuple[list[bytes], bytes, int]:
    """The shingles (5-word sequences within each paragraph), a digest of the words in order, and the
    number of words."""
    out: list[bytes] = []
    digest = hashlib.blake2b(digest_size=16)
    count = 0
    for para in _PARAGRAPH.split(fold(text)):
        words = _WORD.findall(para)
        if not words:
            continue
        count += len(words)
        digest.update(" ".join(words).encode() + b" ")
        out.extend(" ".join(words[i:i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1)))
    return out, digest.digest(), count


@dataclass(frozen=True)
class Copy:
    index: int  # the later document
    original: int  # the earlier one it copies
    similarity: float
    exact: bool


class RecycledStories:
    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, rows: int = ROWS):
        self.threshold = threshold
        self.num_perm = num_perm
        self._permutations = None  # made with the second document: a one-document audit never imports datasketch
        self._first: Optional[tuple] = None
        self.bands, self.rows = num_perm // rows, rows
        self._blocks: list[np.ndarray] = []
        self.ids: list[str] = []
        self.paths: list[str] = []
        self.dates: list[Optional[str]] = []
        self._digests: dict[bytes, int] = {}
        self._identical: dict[int, int] = {}  # document -> the first one with the same words

    def add(self, doc_id: str, path: str, declared: Optional[str], text: str) -> None:
        if self._permutations is None:
            if self._first is None:
                self._first = (doc_id, path, declared, text)  # nothing to compare it with yet
                return
            from datasketch import MinHash

            self._permutations = MinHash(num_perm=self.num_perm, seed=1, hashfunc=zlib.crc32, scheme="affine32").permutations
            first, self._first = self._first, None
            self._add(*first)
        self._add(doc_id, path, declared, text)

    def _add(self, doc_id: str, path: str, declared: Optional[str], text: str) -> None:
        from datasketch import MinHash

        grams, digest, count = shingles(text)
        if count < MIN_WORDS:
            return
        m = MinHash(num_perm=self.num_perm, seed=1, hashfunc=zlib.crc32, permutations=self._permutations,
                    scheme="affine32")
        m.update_batch(grams)
        i = len(self.ids)
        if i % _BLOCK == 0:
            self._blocks.append(np.empty((_BLOCK, self.num_perm), dtype=np.uint32))
        self._blocks[-1][i % _BLOCK] = m.hashvalues
        self.ids.append(doc_id)
        self.paths.append(path)
        self.dates.append(declared)
        first = self._digests.setdefault(digest, i)
        if first != i:
            self._identical[i] = first

    def feed(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Pass the documents on, keeping each one's signature."""
        from checker.ingest.claims import declared_claim

        for d in documents:
            if d.readable:
                claim = declared_claim(d.claims)
                self.add(d.doc_id, d.path, claim.value.iso() if claim else None, d.text[d.body_start:])
            yield d

    def signatures(self) -> np.ndarray:
        n = len(self.ids)
        return np.concatenate(self._blocks)[:n] if n else np.empty((0, self.num_perm), dtype=np.uint32)

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        """Pairs (a < b) whose estimated similarity reaches the threshold, each once."""
        sig = self.signatures()
        seen: set[tuple[int, int]] = set()
        for band in range(self.bands):
            cols = sig[:, band * self.rows:(band + 1) * self.rows].astype(np.uint64)
            key = np.zeros(len(sig), dtype=np.uint64)
            for c in range(cols.shape[1]):
                key = key * _MIX + cols[:, c]
            order = np.argsort(key, kind="stable")
            ranked = key[order]
            starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
            sizes = np.diff(np.r_[starts, len(ranked)])
            for s, size in zip(starts[sizes > 1], sizes[sizes > 1]):
                run = np.sort(order[s:s + size])
                # A bucket this large is a template (boilerplate notices, generated text), not a few copies:
                # every member is compared with the bucket's first document only, so the work stays linear
                # instead of growing with the square of the bucket.
                leaders = len(run) - 1 if len(run) <= MAX_RUN else 1
                for x in range(leaders):
                    a = int(run[x])
                    for b in run[x + 1:]:
                        pair = (a, int(b))
                        if pair in seen:
                            continue
                        seen.add(pair)
                        sim = float(np.mean(sig[a] == sig[pair[1]]))
                        if sim >= self.threshold:
                            yield a, pair[1], sim

    def copies(self) -> list[Copy]:
        near: dict[int, list[tuple[int, float, bool]]] = defaultdict(list)
        for a, b, sim in self.pairs():
            near[a].append((b, sim, False))
            near[b].append((a, sim, False))
        for i, first in self._identical.items():
            near[i].append((first, 1.0, True))
            near[first].append((i, 1.0, True))
        days = {i: parse_partial(self.dates[i]) for i in near if self.dates[i]}
        out = []
        for i in sorted(near):
            mine = days.get(i)
            earlier = [(days[j].first_day, j, sim, exact) for j, sim, exact in near[i]
                       if mine is not None and j in days and days[j].last_day < mine.first_day]
            if earlier:
                _, j, sim, exact = min(earlier, key=lambda e: (e[0], e[1], -e[2]))
                out.append(Copy(i, j, sim, exact or self._identical.get(i) == j or self._identical.get(j) == i))
            elif i in self._identical and self.dates[self._identical[i]] == self.dates[i]:
                out.append(Copy(i, self._identical[i], 1.0, True))
        return out

    def findings(self) -> list[tuple[str, str, Finding]]:
        """(doc_id, path, finding) for each document that copies an earlier one, in input order."""
        from rules import by_code

        rule = by_code()["SR114"]
        return [(self.ids[c.index], self.paths[c.index],
                 rule.across(self.dates[c.index], self.ids[c.original], self.dates[c.original], c.similarity, c.exact))
                for c in self.copies()]


def finding_rows(extra: list[tuple[str, str, Finding]]) -> list[dict]:
    return [{"doc_id": doc_id, "path": path, "rule_id": f.rule_id, "rule": f.rule, "category": f.category.value,
             "severity": f.severity.value, "message": f.message, "evidence": f.evidence, "line": None, "start": None,
             "end": None, "declared_date": f.declared_date, "expected_start": None, "expected_end": None,
             "confidence": float(f.confidence)} for doc_id, path, f in extra]


_COUNTS = ("errors", "warnings", "infos", "reliability")
_NULLABLE = ("declared_date", "declared_source", "inferred_start", "inferred_end")


def _patch(drow: dict, old: list[dict], new: list[dict]) -> dict:
    from checker import score

    out = dict(drow)
    for key, sev in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
        out[key] = int(out[key]) + sum(1 for r in new if r["severity"] == sev)
    out["reliability"] = score.score(old + new, drow["verdict"] != "unreadable")
    return out


def amend(doc_rows: list[dict], finding_rows_: list[dict], extra: list[tuple[str, str, Finding]]) -> None:
    """Add the corpus findings to in-memory rows: appended to the findings, counted in the documents."""
    new = defaultdict(list)
    for r in finding_rows(extra):
        new[r["doc_id"]].append(r)
    if not new:
        return
    old = defaultdict(list)
    for r in finding_rows_:
        if r["doc_id"] in new:
            old[r["doc_id"]].append(r)
    for n, drow in enumerate(doc_rows):
        if drow["doc_id"] in new:
            doc_rows[n] = _patch(drow, old[drow["doc_id"]], new[drow["doc_id"]])
    finding_rows_.extend(r for rows in new.values() for r in rows)


def amend_files(out: Path, extra: list[tuple[str, str, Finding]], chunk: int = 20_000) -> list[dict]:
    """The same for tables already written to `out`: findings appended, affected document rows rewritten
    (chunk by chunk, validated), the file renamed into place. Returns the finding rows added."""
    import pandas as pd

    from checker.tables import documents_frame, findings_frame

    rows = finding_rows(extra)
    new = defaultdict(list)
    for r in rows:
        new[r["doc_id"]].append(r)
    if not new:
        return []
    out = Path(out)
    old = defaultdict(list)
    for part in pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False, chunksize=chunk):
        for r in part[part["doc_id"].isin(new)].to_dict("records"):
            old[r["doc_id"]].append(r)
    tmp = out / f".documents.csv.{os.getpid()}.amend"
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        for n, part in enumerate(pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False, chunksize=chunk)):
            hit = part["doc_id"].isin(new)
            if hit.any():
                patched = [_patch(r, old[r["doc_id"]], new[r["doc_id"]]) for r in part[hit].to_dict("records")]
                documents_frame([{k: (None if v == "" and k in _NULLABLE else v) for k, v in r.items()} for r in patched])
                for col in _COUNTS:
                    part.loc[hit, col] = [str(r[col]) for r in patched]
            part.to_csv(fh, index=False, header=n == 0, lineterminator="\n")
    os.replace(tmp, out / "documents.csv")
    with open(out / "findings.csv", "a", encoding="utf-8", newline="") as fh:
        findings_frame(rows).to_csv(fh, index=False, header=False, lineterminator="\n")
    return rows
