"""Recycled stories across a corpus: near-duplicate documents whose declared dates differ (the pass of the
recycled-story rule, a `CorpusRule`).

A corpus-level pass beside the per-document one. The engine gives it each document as it goes by
(`add_document`, or `add_note` with what a worker took of it); only a MinHash signature (192 32-bit values:
768 bytes), a content digest and the document's id, path and declared date are kept, never its text, and
those on disk. At the end `findings` answers, and `amend` / `amend_files` put its findings into the same
tables as the others:

1. Shingles: the content (after the headers) is folded (lower case, no accents) and cut into paragraphs;
   each paragraph gives its 5-word sequences. Paragraph order does not matter, and a reworded lead or a
   changed date line changes only its own shingles.
2. MinHash (datasketch's, affine32 scheme, one shared set of permutations) estimates the Jaccard
   similarity of two documents' shingle sets.
3. LSH banding finds candidate pairs without comparing every pair: the signature is cut into 48 bands
   of 4 rows; documents that agree on a whole band meet in one run of that band's sorted hashes. A pair
   at similarity 0.5 becomes a candidate with probability 1-(1-0.5^4)^48 = 0.95, at 0.6 with 0.998, at
   0.1 (stories that share a press office's footer) with 0.005. A band costs a sort: the pass is
   O(n log n) in time. What it keeps per document (signature, band keys, digest, id, path, date) goes
   to a temporary folder as it comes, so memory stays flat however large the corpus; at the end one
   band's keys at a time are read back (8 bytes per document). (datasketch's own MinHashLSH keeps a
   Python set per bucket: 855 MB for 100,000 documents, measured.) Candidates are kept when
   their estimated similarity reaches the threshold, 0.4: over half of each text's 5-word sequences
   in common.
4. Exact duplicates (the same words in the same order) share a digest of the content.

A finding goes on the later-dated document of a pair and names the earliest earlier-dated one: "same
story as X, dated Y". Identical copies with the same date get a note on the later one in input order;
an undated copy cannot be ordered and is left alone unless it is identical to another undated one.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import weakref
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

import numpy as np

from checker.ingest.clean import PARAGRAPH_BREAK
from checker.kb import fold, parse_partial
from checker.model import Document, Finding

THRESHOLD = 0.4  # estimated Jaccard similarity of shingle sets for "the same story"
NUM_PERM = 192
ROWS = 4  # per LSH band: NUM_PERM // ROWS bands
SHINGLE = 5  # words
MIN_WORDS = 40  # shorter texts share too much by chance to be called copies
MAX_RUN = 64  # a band bucket larger than this is a template: its members are compared with its first only
REMEMBER = 500_000  # measured pairs remembered, so that pairs meeting in several bands are measured once
_WORD = re.compile(r"\w+")
_BLOCK = 4096  # signatures are stored in blocks of this many rows
_MIX = np.uint64(0x9E3779B97F4A7C15)


def shingles(text: str) -> tuple[list[bytes], bytes, int]:
    """The shingles (5-word sequences within each paragraph), a digest of the words in order, and the
    number of words."""
    out: list[bytes] = []
    digest = hashlib.blake2b(digest_size=16)
    count = 0
    for para in PARAGRAPH_BREAK.split(fold(text)):
        words = _WORD.findall(para)
        if not words:
            continue
        count += len(words)
        digest.update(" ".join(words).encode() + b" ")
        out.extend(" ".join(words[i:i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1)))
    return out, digest.digest(), count


_PERMUTATIONS: dict[int, np.ndarray] = {}  # per signature size: one shared set, made on first use


def signature(text: str, num_perm: int = NUM_PERM) -> Optional[tuple[bytes, np.ndarray]]:
    """The content digest and MinHash signature of a document's content, or None when it is too short
    to compare. Taken by whichever process checks the document (a worker, when there are several)."""
    from datasketch import MinHash

    grams, digest, count = shingles(text)
    if count < MIN_WORDS:
        return None
    if num_perm not in _PERMUTATIONS:
        _PERMUTATIONS[num_perm] = MinHash(num_perm=num_perm, seed=1, hashfunc=zlib.crc32, scheme="affine32").permutations
    m = MinHash(num_perm=num_perm, seed=1, hashfunc=zlib.crc32, permutations=_PERMUTATIONS[num_perm], scheme="affine32")
    m.update_batch(grams)
    return digest, m.hashvalues.astype(np.uint32)


def warm() -> None:
    """Import datasketch now (half a second), before the engine forks its workers."""
    import datasketch  # noqa: F401


def declared_of(document: Document) -> Optional[str]:
    from checker.ingest.claims import declared_claim

    claim = declared_claim(document.claims)
    return claim.value.iso() if claim else None


@dataclass(frozen=True)
class Copy:
    index: int  # the later document
    original: int  # the earlier one it copies
    similarity: float
    exact: bool


class RecycledStories:
    """The corpus pass. What it keeps per document goes to files in a temporary folder as it comes, a
    block of 4,096 documents at a time: the signatures (row by row, for the similarity of a candidate
    pair), each band's keys (band by band, for the sort that finds candidates), the content digests and
    the document's id, path and date. Memory holds one block and, at the end, one band's keys (8 bytes per
    document) and the answer, so it does not grow with the corpus. `finding` is the rule's finding on a copy,
    from its declared date, the original's id and date, their similarity and whether the copy is exact."""

    def __init__(self, finding: Callable[[Optional[str], str, Optional[str], float, bool], Finding],
                 threshold: float = THRESHOLD, num_perm: int = NUM_PERM, rows: int = ROWS,
                 folder: Optional[Path] = None):
        self.finding = finding
        self.threshold = threshold
        self.num_perm = num_perm
        # the first document waits for a second before its signature is taken: a one-document audit never
        # imports datasketch (half a second)
        self._first: Optional[tuple] = None
        self.bands, self.rows = num_perm // rows, rows
        self._parent = folder
        self._dir: Optional[Path] = None
        self._block = np.empty((_BLOCK, num_perm), dtype=np.uint32)
        self._meta: list[str] = []  # the block's documents, one JSON line each
        self._digests: list[bytes] = []
        self.count = 0  # documents stored (those long enough to compare)
        self._content = hashlib.sha256()
        self._done: Optional[tuple[dict, dict]] = None

    def add(self, doc_id: str, path: str, declared: Optional[str], text: str) -> None:
        if self._first is None and self.count == 0 and not _PERMUTATIONS:
            self._first = (doc_id, path, declared, text)  # nothing to compare it with yet
            return
        self.add_signature(doc_id, path, declared, signature(text, self.num_perm))  # the waiting one first

    def add_signature(self, doc_id: str, path: str, declared: Optional[str],
                      sig: Optional[tuple[bytes, np.ndarray]]) -> None:
        """Keep a document whose `signature()` was taken elsewhere (by the worker that checked it)."""
        if self._first is not None:
            first, self._first = self._first, None
            self.add_signature(*first[:3], signature(first[3], self.num_perm))
        if sig is None:
            return
        digest, hashvalues = sig
        row = len(self._meta)
        self._block[row] = hashvalues
        meta = json.dumps([doc_id, path, declared], ensure_ascii=False)
        self._meta.append(meta)
        self._digests.append(digest)
        self._content.update(meta.encode("utf-8", "surrogatepass") + digest + self._block[row].tobytes())
        self.count += 1
        self._done = None
        if len(self._meta) == _BLOCK:
            self._flush()

    def _file(self, name: str) -> Path:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="checker-recycled-", dir=self._parent))
            weakref.finalize(self, shutil.rmtree, self._dir, True)
        return self._dir / name

    def _flush(self) -> None:
        n = len(self._meta)
        if not n:
            return
        block = self._block[:n]
        with open(self._file("signatures.u32"), "ab") as fh:
            block.tofile(fh)
        for band in range(self.bands):
            with open(self._file(f"band-{band:03d}.u64"), "ab") as fh:
                self._band_keys(block, band).tofile(fh)
        with open(self._file("digests.bin"), "ab") as fh:
            fh.write(b"".join(self._digests))
        with open(self._file("documents.jsonl"), "a", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write("\n".join(self._meta) + "\n")
        self._meta, self._digests = [], []

    def _band_keys(self, sig: np.ndarray, band: int) -> np.ndarray:
        cols = sig[:, band * self.rows:(band + 1) * self.rows].astype(np.uint64)
        key = np.zeros(len(sig), dtype=np.uint64)
        for c in range(cols.shape[1]):
            key = key * _MIX + cols[:, c]
        return key

    def add_document(self, document: Document) -> None:
        """Keep a document checked in this process."""
        if document.readable:
            self.add(document.doc_id, document.path, declared_of(document), document.text[document.body_start:])

    def add_note(self, doc_id: str, path: str,
                 note: Optional[tuple[Optional[str], Optional[tuple[bytes, np.ndarray]]]]) -> None:
        """Keep a document from its declared date and signature, taken by the worker that checked it (None:
        left out)."""
        declared, sig = note if note is not None else (None, None)
        self.add_signature(doc_id, path, declared, sig)

    def content_digest(self) -> str:
        """A digest of everything the answer depends on: every stored document's id, path, date, content
        digest and signature, in order."""
        return self._content.hexdigest()

    def signatures(self) -> np.ndarray:
        self._flush()
        if not self.count:
            return np.empty((0, self.num_perm), dtype=np.uint32)
        return np.fromfile(self._file("signatures.u32"), dtype=np.uint32).reshape(-1, self.num_perm)

    def _identical(self) -> dict[int, int]:
        """Document -> the first one with the same words in the same order."""
        self._flush()
        if not self.count:
            return {}
        digests = np.fromfile(self._file("digests.bin"), dtype=np.uint64).reshape(-1, 2)
        _, first, inverse = np.unique(digests, axis=0, return_index=True, return_inverse=True)
        firsts = first[inverse.reshape(-1)]
        return {int(i): int(firsts[i]) for i in np.flatnonzero(firsts != np.arange(len(firsts)))}

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        """Pairs (a < b) whose estimated similarity reaches the threshold. A pair that meets in several
        bands is measured once while the record of measured pairs is under `REMEMBER` entries; past that
        the record starts again, and a pair may be given twice (the answer does not mind), so a corpus of
        templates costs time, not memory."""
        self._flush()
        if self.count < 2:
            return
        size = self.num_perm * 4
        measured: set[tuple[int, int]] = set()
        with open(self._file("signatures.u32"), "rb") as fh:
            fd = fh.fileno()

            def signature(i: int) -> np.ndarray:
                return np.frombuffer(os.pread(fd, size, i * size), dtype=np.uint32)

            for band in range(self.bands):
                key = np.fromfile(self._file(f"band-{band:03d}.u64"), dtype=np.uint64)
                order = np.argsort(key, kind="stable")
                ranked = key[order]
                starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
                sizes = np.diff(np.r_[starts, len(ranked)])
                for s, n in zip(starts[sizes > 1], sizes[sizes > 1]):
                    run = np.sort(order[s:s + n]).tolist()
                    # A bucket this large is a template (boilerplate notices, generated text), not a few
                    # copies: every member is compared with the bucket's first document only, so the work
                    # stays linear instead of growing with the square of the bucket.
                    small = len(run) <= MAX_RUN
                    sigs: dict[int, np.ndarray] = {}

                    def read(i: int) -> np.ndarray:
                        got = sigs.get(i)
                        if got is None:
                            got = signature(i)
                            if small:  # a template's members are read once each, and not kept
                                sigs[i] = got
                        return got

                    for x in range(len(run) - 1 if small else 1):
                        a = run[x]
                        sa = read(a)
                        for b in run[x + 1:]:
                            if (a, b) in measured:
                                continue
                            if len(measured) >= REMEMBER:
                                measured.clear()
                            measured.add((a, b))
                            sim = float(np.mean(sa == read(b)))
                            if sim >= self.threshold:
                                yield a, b, sim

    def _days(self) -> tuple[np.ndarray, np.ndarray]:
        """Each stored document's declared date as its first and last day (ordinals; 0 when undated)."""
        first = np.zeros(self.count, dtype=np.int32)
        last = np.zeros(self.count, dtype=np.int32)
        with open(self._file("documents.jsonl"), encoding="utf-8", errors="surrogatepass") as fh:
            for i, line in enumerate(fh):
                declared = json.loads(line)[2]
                day = parse_partial(declared) if declared else None
                if day is not None:
                    first[i], last[i] = day.first_day.toordinal(), day.last_day.toordinal()
        return first, last

    def _documents(self, wanted: set[int]) -> dict[int, tuple[str, str, Optional[str]]]:
        """Id, path and declared date of the stored documents `wanted`, read back from the folder."""
        self._flush()
        out = {}
        if not wanted:
            return out
        with open(self._file("documents.jsonl"), encoding="utf-8", errors="surrogatepass") as fh:
            for i, line in enumerate(fh):
                if i in wanted:
                    out[i] = tuple(json.loads(line))
        return out

    def _answer(self) -> tuple[list["Copy"], dict[int, tuple[str, str, Optional[str]]]]:
        """Each document's earliest-dated similar document among those dated before it (ties: the lower
        index, then the higher similarity), kept in arrays of a few bytes per document as pairs come."""
        if self._done is not None:
            return self._done
        identical = self._identical()
        if self.count < 2:
            self._done = ([], {})
            return self._done
        first, last = self._days()
        best = np.full(self.count, -1, dtype=np.int64)
        best_sim = np.zeros(self.count, dtype=np.float64)

        def offer(i: int, j: int, sim: float) -> None:
            """`j` as the original of `i`, if dated before it and earlier than what `i` has."""
            if not first[i] or not first[j] or last[j] >= first[i]:
                return
            k = best[i]
            if k < 0 or (first[j], j, -sim) < (first[k], k, -best_sim[i]):
                best[i], best_sim[i] = j, sim

        for a, b, sim in self.pairs():
            offer(a, b, sim)
            offer(b, a, sim)
        for i, j in identical.items():
            offer(i, j, 1.0)
            offer(j, i, 1.0)
        out = []
        for i in sorted(set(np.flatnonzero(best >= 0).tolist()) | set(identical)):
            j = int(best[i])
            if j >= 0:
                out.append(Copy(i, j, float(best_sim[i]), identical.get(i) == j or identical.get(j) == i))
            elif first[identical[i]] == first[i] and last[identical[i]] == last[i]:
                out.append(Copy(i, identical[i], 1.0, True))
        docs = self._documents({c.index for c in out} | {c.original for c in out})
        self._done = (out, docs)
        return self._done

    def copies(self) -> list[Copy]:
        return self._answer()[0]

    def findings(self) -> list[tuple[str, str, Finding]]:
        """(doc_id, path, finding) for each document that copies an earlier one, in input order."""
        copies, docs = self._answer()
        return [(docs[c.index][0], docs[c.index][1],
                 self.finding(docs[c.index][2], docs[c.original][0], docs[c.original][2], c.similarity, c.exact))
                for c in copies]


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
