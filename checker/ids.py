"""Sets of ids that stay small: a million documents' ids cost 8 bytes each, not the ~150 of a set of strings."""
from __future__ import annotations

import hashlib

import numpy as np


class SeenIds:
    """The document ids written so far, at 8 bytes each (a set of the ids themselves costs about 150 bytes
    a document, which a million-document audit would feel): 64-bit digests in a sorted array, the latest
    few thousand in a set. A digest seen before is confirmed against the ids themselves (`confirm`), so a
    collision of digests is never taken for a repeated id."""

    MERGE = 4096

    def __init__(self):
        self._sorted = np.empty(0, dtype=np.uint64)
        self._recent: set[int] = set()

    def add(self, doc_id: str, confirm) -> bool:
        """False when `doc_id` was added before (`confirm(doc_id)` is asked when the digests agree)."""
        h = int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
        i = int(np.searchsorted(self._sorted, np.uint64(h)))
        if (h in self._recent or (i < len(self._sorted) and int(self._sorted[i]) == h)) and confirm(doc_id):
            return False
        self._recent.add(h)
        if len(self._recent) >= self.MERGE:
            self._sorted = np.union1d(self._sorted, np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent)))
            self._recent.clear()
        return True
