"""A content-hash cache of results: a document that has not changed is not analysed again.

An entry holds a document's rows (its documents row and its findings rows, after suppressions and the
baseline) under a key that hashes everything the rows depend on:
- the document as read (id, path, format, text, metadata claims: `repr` of the frozen `Document`);
- the checker's version and its code and bundled data (every .py, .csv and .yaml file of the `checker`
  and `rules` packages, by path, size and modification time), so an upgrade, or an edit in a checkout,
  starts afresh;
- the settings that shape results (`Settings.digest`: rules, severities, per-path overrides, reference
  date, languages, limits);
- the knowledge-base layers and the outlet table the config names (their files, likewise);
- the baseline entries recorded for this document.

Each corpus rule's pass (a `CorpusRule`, such as the recycled-story one) keeps its answer too, keyed by all
it kept of every document (for recycled stories: id, date and MinHash signature): an unchanged corpus is not
compared pair by pair again. A file's documents, as ingest
read them, are kept too (pickled, keyed by the file's path and bytes), so an unchanged file is not even
parsed again; JSON Lines and Parquet batches, which stream, are not kept whole (their records' rows are). The cache folder is the user's own, as their shell's start-up
files are: whoever can write there can already run code as the user, so unpickling from it adds no risk.

Entries live in the user cache folder (`$CHECKER_CACHE_DIR`, else the platform's user cache dir, such as
`~/.cache/checker`), one JSON file per document under a folder per code-and-settings generation; the
eight most recently used generations are kept. Files are written atomically, so parallel runs (pre-commit
starts several) never read half an entry; an unreadable entry is a miss. `--no-cache` (or `cache = false`
in the config) turns it off.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from checker.config import Settings
from checker.kb.stash import cache_home
from checker.model import Document, Finding

if TYPE_CHECKING:
    from checker.rules.base import CorpusRule

GENERATIONS = 8
Rows = tuple[dict, list[dict]]


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as dist_version

    try:
        return dist_version("checker")
    except PackageNotFoundError:
        return "unknown"


def _stat(p: Path) -> bytes:
    st = p.stat()
    return f"{p}\x1f{st.st_size}\x1f{st.st_mtime_ns}\x1e".encode("utf-8", "surrogateescape")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The checker's version and its code and bundled data files (every .py, .csv, .yaml and .json of the
    `checker` and `rules` packages) by path, size and modification time: an upgrade or an edit in a checkout
    changes it, and taking it reads the files' metadata, not their bytes."""
    import checker.rules as rules

    h = hashlib.sha256(version().encode())
    for package in (Path(__file__).parent, Path(rules.__file__).parent):
        for p in sorted(package.rglob("*")):
            if p.suffix in (".py", ".csv", ".yaml", ".json") and "__pycache__" not in p.parts:
                h.update(_stat(p))
    return h.hexdigest()


def files_digest(paths: Iterable[Optional[Path]]) -> str:
    """The files under `paths` (a file or a folder each), by path, size and modification time."""
    h = hashlib.sha256()
    for root in paths:
        if root is None or not Path(root).exists():
            continue
        files = [Path(root)] if Path(root).is_file() else sorted(p for p in Path(root).rglob("*") if p.is_file())
        for p in files:
            h.update(_stat(p))
    return h.hexdigest()


def _kb_folders(settings: Settings) -> list[Optional[Path]]:
    """Where the knowledge-base layers of this run are read from (see checker.kb.data_home)."""
    from checker.kb import data_home

    return [data_home(settings.kb_dir)]


def read_inputs(paths: Iterable[str], stdin_format: str, max_bytes: int, cache: "Cache",
                stdin_name: Optional[str] = None) -> Iterator[Document]:
    """`checker.ingest.read_inputs`, with the documents of an unchanged file taken from the cache instead of
    parsed again (front matter, headers, datelines): a run over an unchanged folder reads bytes and hashes.
    JSON Lines, Parquet and CSV batches are streamed as without the cache."""
    from checker.ingest import BATCH_FORMATS, FORMATS, discover, read_one
    from checker.ingest import read_inputs as read_plain

    files, _ = discover(paths)
    for f in files:
        if f == "-" or FORMATS.get(Path(f).suffix.lower()) in BATCH_FORMATS:
            # standard input, and batches, which stream record by record: a batch's documents are not kept
            # as one entry (that would hold the whole file); each record's rows are still cached by its key
            yield from read_plain([f], stdin_format, max_bytes, stdin_name)
            continue
        try:
            with open(f, "rb") as fh:
                data = fh.read(max_bytes + 1)  # what read_one reads: it notes a file cut at the limit
        except OSError:
            yield from read_one(f, max_bytes=max_bytes)  # the reader says what went wrong, in a row
            continue
        key = cache.file_key(f, data)
        docs = cache.get_documents(key)
        if docs is None:
            docs = list(read_one(f, data, max_bytes=max_bytes))
            cache.put_documents(key, docs)
        yield from docs


class KeptCorpus:
    """A corpus rule's pass with its answer kept: on a corpus where all the pass keeps of each document is as
    before, the pass does not answer again (for recycled stories, the comparison of every document with every
    other)."""

    def __init__(self, cache: "Cache", rule: "CorpusRule"):
        self.cache = cache
        self.code = rule.code
        self.corpus = rule.corpus()

    def add_document(self, document: Document) -> None:
        self.corpus.add_document(document)

    def add_note(self, doc_id: str, path: str, note: object) -> None:
        self.corpus.add_note(doc_id, path, note)

    def content_digest(self) -> str:
        return self.corpus.content_digest()

    def findings(self) -> list[tuple[str, str, Finding]]:
        key = hashlib.sha256((self.cache.salt + self.code + self.corpus.content_digest()).encode()).hexdigest()
        found = self.cache.get_pickle("corpus", key)
        if found is None:
            found = self.corpus.findings()
            self.cache.put_pickle("corpus", key, found)
        return found


class Cache:
    def __init__(self, settings: Settings, folder: Optional[Path] = None):
        salt = hashlib.sha256("\x1f".join((
            code_digest(), settings.digest(), files_digest(_kb_folders(settings)), files_digest([settings.outlets]),
        )).encode()).hexdigest()
        self.salt = salt
        self.root = Path(folder) if folder else cache_home() / "documents"
        self.folder = self.root / salt[:16]
        self.hits = 0
        self.misses = 0
        self._pruned = False
        try:
            os.utime(self.folder)  # this generation is in use, even by a run that only reads it
        except OSError:
            pass

    def key(self, document: Document, extra: Iterable[str] = ()) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(repr(document).encode("utf-8", "surrogatepass"))
        for e in sorted(extra):
            h.update(b"\x1f" + e.encode())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    # -- a file's documents as read, so an unchanged file is not parsed again -----------------------------
    def file_key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(path.encode("utf-8", "surrogateescape") + b"\x1f")
        h.update(data)
        return h.hexdigest()

    def get_documents(self, key: str) -> Optional[list[Document]]:
        docs = self.get_pickle("files", key)
        return docs if isinstance(docs, list) and all(isinstance(d, Document) for d in docs) else None

    def put_documents(self, key: str, docs: list[Document]) -> None:
        self.put_pickle("files", key, docs)

    def get_pickle(self, kind: str, key: str):
        try:
            with open(self.folder / kind / key[:2] / f"{key}.pickle", "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def put_pickle(self, kind: str, key: str, value) -> None:
        path = self.folder / kind / key[:2] / f"{key}.pickle"
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass

    def get(self, key: str) -> Optional[Rows]:
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                doc_row, finding_rows = json.load(fh)
        except (OSError, ValueError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return doc_row, finding_rows

    def put(self, key: str, rows: Rows) -> None:
        path = self._path(key)
        try:
            if not self._pruned:
                self._prune()
            data = json.dumps([rows[0], rows[1]], ensure_ascii=False)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, path)
        except (OSError, TypeError, ValueError):
            pass  # a read-only or full disk, or a value JSON cannot hold: the audit goes on without caching

    def _prune(self) -> None:
        """Keep the most recently used generations; a new one starts when code or settings change."""
        self._pruned = True
        self.folder.mkdir(parents=True, exist_ok=True)
        os.utime(self.folder)
        gens = sorted((p for p in self.root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in gens[GENERATIONS:]:
            shutil.rmtree(old, ignore_errors=True)
