"""Ingest: paths (files, folders, `-` for standard input) -> `Document`s, in a stable order.

Every input that is meant as a document yields at least one Document, readable or not: nothing is
dropped silently.
"""
from __future__ import annotations

import io
import itertools
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from checker.ingest.clean import binary_message, strip_invisible
from checker.ingest.feeds import is_feed, read_feed
from checker.ingest.html import read_html
from checker.ingest.readers import read_json_file, read_jsonl, read_markdown, read_text, unreadable
from checker.failure import internal_error
from checker.ids import SeenIds
from checker.model import Document, Problem, ProblemCode

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".json": "json", ".jsonl": "jsonl",
           ".ndjson": "jsonl", ".html": "html", ".htm": "html", ".parquet": "parquet", ".csv": "csv", ".tsv": "csv",
           ".rss": "feed", ".atom": "feed", ".xml": "feed"}
# A folder's walk reads these; tables (.csv, .tsv) only when named, as a folder's tables are most often data
# of other kinds (a list of files, a report, a knowledge base) and would each be an unreadable row; and .xml
# files only where their first bytes show a feed (a sitemap or a project file is no story)
WALKED = frozenset(s for s, f in FORMATS.items() if f != "csv" and s != ".xml")
SNIFFED = {".xml": is_feed}
BATCH_FORMATS = ("jsonl", "parquet", "csv")  # read record by record, never held whole
MAX_BYTES = 20 * 1024 * 1024
WESTERN_ENCODINGS = ["utf_16", "utf_32", "cp1252", "latin_1", "iso8859_15", "mac_roman"]


OUTPUT_MARK = ".checker-output"  # checker.sink writes it in every --out folder


def discover(paths: Iterable[str], settings=None, leave_out: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Expand folders (recursively, sorted) into files; return (files, skipped files of unknown type).

    With `settings` (the command's), a folder's walk passes over what they exclude (`exclude`,
    `extend-exclude`), what git ignores in a work tree (`respect-gitignore`) and the folders in
    `leave_out` (the run's own output); a file named on the command line is read whatever its suffix,
    and excluded only with `force-exclude` (a hook is handed the staged files one by one)."""
    files, skipped = [], []
    out = {os.path.realpath(p) for p in leave_out}
    paths = list(dict.fromkeys(paths))  # a path named twice is one document, not a duplicate row
    named = [p for p in paths if p != "-" and not os.path.isdir(p)]
    ignored = _git_ignored(named) if settings is not None and settings.force_exclude and named else set()
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            kept = _not_ignored(path) if settings is not None and settings.respect_gitignore else None
            for root, dirs, names in os.walk(path):
                if settings is not None and OUTPUT_MARK in names:
                    dirs[:] = []  # a folder of the checker's own reports
                    continue
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) not in out
                                 and not (settings is not None and settings.excluded(os.path.join(root, d))))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if name.startswith(".") or (settings is not None and settings.excluded(full)):
                        continue
                    if kept is not None and os.path.realpath(full) not in kept:
                        continue
                    suffix = Path(name).suffix.lower()
                    walked = suffix in WALKED or (suffix in SNIFFED and SNIFFED[suffix](_head(full)))
                    (files if walked else skipped).append(full)
        elif settings is not None and settings.force_exclude and (settings.excluded(p) or p in ignored):
            continue
        else:
            files.append(p)  # named explicitly: a document whatever its suffix (or a missing file: a row)
    return files, skipped


def _head(path: str, size: int = 4096) -> bytes:
    """A file's first bytes (none where it cannot be read: it is then passed over as of unknown type)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def _not_ignored(folder: Path) -> Optional[set[str]]:
    """The real paths of the files under `folder` that git does not ignore (tracked or untracked), or None
    when the folder is not in a git work tree (or git is not installed): then nothing is left out."""
    import subprocess

    try:
        r = subprocess.run(["git", "-C", str(folder), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if r.returncode != 0:
        return None
    return {os.path.realpath(os.path.join(folder, f)) for f in r.stdout.decode("utf-8", "surrogateescape").split("\0") if f}


def _git_ignored(paths: list[str]) -> set[str]:
    """Which of the files named on the command line git ignores: one `git check-ignore` for them all (a
    hook names every staged file), else one per file when they are not all in the working folder's work
    tree; none when git is not there."""
    import subprocess

    def check(batch: list[str], cwd: str) -> Optional[set[str]]:
        try:
            r = subprocess.run(["git", "-C", cwd, "check-ignore", "-z", "--stdin"], capture_output=True, timeout=60,
                               input="\0".join(os.path.abspath(p) for p in batch).encode("utf-8", "surrogateescape"))
        except (OSError, subprocess.SubprocessError):
            return set()
        if r.returncode not in (0, 1):  # 128: not a work tree, or a path outside it
            return None
        hits = {f for f in r.stdout.decode("utf-8", "surrogateescape").split("\0") if f}
        return {p for p in batch if os.path.abspath(p) in hits}

    together = check(paths, os.getcwd())
    if together is not None:
        return together
    return {p for p in paths if check([p], os.path.dirname(os.path.abspath(p))) or set()}


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text; the second value names the fallback encoding used, if any."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        # English and Spanish text that is not UTF-8 comes in these; letting the detector consider every
        # code page makes it read short Spanish texts as Central European (cp852: "publicaciˇn")
        best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
        if best is not None:
            return str(best), best.encoding
    except ImportError:  # charset-normalizer is a dependency; without it, fall back to cp1252
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


READERS = {"jsonl": "JSON Lines reader", "json": "JSON reader", "feed": "feed reader", "md": "Markdown reader",
           "html": "HTML reader", "parquet": "Parquet reader", "csv": "CSV reader", "txt": "text reader"}


def failed(doc_id: str, path: str, fmt: str, exc: BaseException) -> Document:
    """The row of a document the reader itself failed on (a bug, or a library's exception we did not
    foresee): unreadable, with IN004 naming the reader and the error, so the run goes on."""
    return unreadable(doc_id, path, fmt, ProblemCode.IN004,
                      internal_error(f"reading the document ({READERS.get(fmt, 'reader')})", exc))


def read_one(path: str, data: bytes | None = None, fmt: str | None = None, max_bytes: int = MAX_BYTES,
             stream: BinaryIO | None = None) -> Iterator[Document]:
    """The document(s) in one file (or in `data`, or in `stream` for a batch format): always at least one,
    readable or not, and never an exception."""
    fmt = fmt or FORMATS.get(Path(path).suffix.lower(), "txt")
    if fmt in BATCH_FORMATS:
        yield from _read_batch(path, fmt, data, stream, max_bytes)
        return
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            yield _open_error(path, fmt, exc)
            return
    try:
        yield from _read_whole(path, data, fmt, max_bytes)
    except Exception as exc:
        yield failed(path, path, fmt, exc)


def _open_error(path: str, fmt: str, exc: OSError) -> Document:
    if isinstance(exc, FileNotFoundError):
        return unreadable(path, path, fmt, ProblemCode.IN001, "File not found (or a broken link).")
    if isinstance(exc, IsADirectoryError):
        return unreadable(path, path, fmt, ProblemCode.IN001, "Is a directory.")
    return unreadable(path, path, fmt, ProblemCode.IN001, f"Cannot read the file: {exc.strerror or exc}.")


def _read_batch(path: str, fmt: str, data: bytes | None, stream: BinaryIO | None, max_bytes: int) -> Iterator[Document]:
    """A JSON Lines or Parquet file, record by record: a batch is never held whole, and the size limit
    applies to each record. A reader that fails between records ends the file with a row saying so."""
    opened = None
    if stream is None and data is None:
        try:
            stream = opened = open(path, "rb")
        except OSError as exc:
            yield _open_error(path, fmt, exc)
            return
    elif stream is None:
        stream = io.BufferedReader(io.BytesIO(data))
    n = 0
    try:
        reader = read_jsonl(path, stream, max_bytes, lambda doc_id, exc: failed(doc_id, path, fmt, exc)) \
            if fmt == "jsonl" else read_csv(path, stream, max_bytes) if fmt == "csv" else read_parquet(path, stream, max_bytes)
        for doc in reader:
            n += 1
            yield doc
    except Exception as exc:
        yield failed(f"{path}#after{n}", path, fmt, exc)
    finally:
        if opened is not None:
            opened.close()


def _read_whole(path: str, data: bytes, fmt: str, max_bytes: int) -> Iterator[Document]:
    doc_id = path
    if not data.strip():
        yield unreadable(doc_id, path, fmt, ProblemCode.IN001, "The file is empty." if not data else "The file holds only white space.")
        return
    binary = binary_message(data)
    if binary:
        yield unreadable(doc_id, path, fmt, ProblemCode.IN001, binary)
        return
    notes = []
    if len(data) > max_bytes:
        notes.append(Problem(ProblemCode.IN006, f"The file is larger than the {max_bytes / 2**20:g} MB limit: only its first "
                                      f"{max_bytes / 2**20:g} MB were read and checked."))
        data = data[:max_bytes]
    text, encoding = decode(data)
    if encoding:
        notes.append(Problem(ProblemCode.IN003, f"The file is not UTF-8; read it as {encoding}."))
    text, invisible = strip_invisible(text)
    if invisible:
        notes.append(Problem(ProblemCode.IN007, f"Removed {invisible} invisible character(s) (zero-width, soft hyphen or "
                                      f"bidirectional control) before reading the text."))
    if fmt == "json":
        for doc in read_json_file(doc_id, path, text):
            yield replace(doc, problems=doc.problems + tuple(notes)) if notes else doc
        return
    if fmt == "feed":
        for doc in read_feed(doc_id, path, text):
            yield replace(doc, problems=doc.problems + tuple(notes)) if notes else doc
        return
    if fmt == "md":
        doc = read_markdown(doc_id, path, text)
    elif fmt == "html":
        doc = read_html(doc_id, path, text)
    else:
        doc = read_text(doc_id, path, text, fmt)
    yield replace(doc, problems=doc.problems + tuple(notes)) if notes else doc


PARQUET_BATCH = 256  # rows a Parquet shard is read in


def read_parquet(path: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document]:
    """A Parquet shard of records (one document per row, the JSON field names as columns), read a row group
    batch at a time; a row whose text fields hold more than `max_bytes` is a row of its own, unread."""
    from checker.ingest.readers import record_id

    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield unreadable(path, path, "parquet", ProblemCode.IN001, "Reading Parquet needs pyarrow (pip install 'checker[dask]').")
        return
    try:
        batches = pq.ParquetFile(stream).iter_batches(batch_size=PARQUET_BATCH)
        first = next(batches, None)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        yield unreadable(path, path, "parquet", ProblemCode.IN001, f"Not a readable Parquet file: {exc}.")
        return
    seen, n = SeenIds(), 0
    for batch in itertools.chain([first] if first is not None else [], batches):
        for rec in batch.to_pylist():
            n += 1
            yield _table_row(path, "parquet", rec, record_id(path, rec, n, seen), n, max_bytes)
    if n == 0:
        yield unreadable(path, path, "parquet", ProblemCode.IN001, "The Parquet file holds no records.")


def _table_row(path: str, fmt: str, rec: dict, doc_id: str, n: int, max_bytes: int) -> Document:
    """One row of a table (Parquet, CSV) as a document: read as a JSON record is, unread when its text
    fields hold more than `max_bytes`, and a failure of the reader is the row's own."""
    from checker.ingest.readers import read_record

    size = sum(len(v) for v in rec.values() if isinstance(v, (str, bytes)))
    if size > max_bytes:
        return unreadable(doc_id, path, fmt, ProblemCode.IN001,
                          f"Row {n} is a record of {size:,} characters, over the {max_bytes:,}-byte limit.")
    try:
        return read_record(doc_id, path, rec, fmt)
    except Exception as exc:
        return failed(doc_id, path, fmt, exc)


def read_csv(path: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document]:
    """A CSV (or tab-separated) table of records, one document per row, the JSON field names as columns
    (`id`, `title`, `date`, `content` ...), read row by row; a table with no text column is one unreadable
    row (a list of files, a report), and a row over `max_bytes` one of its own."""
    import csv

    from checker.ingest.readers import TEXT_FIELDS, record_id

    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    head = text.readline()
    if not head.strip():
        yield unreadable(path, path, "csv", ProblemCode.IN001, "The file is empty: no header row.")
        return
    delimiter = "\t" if path.lower().endswith(".tsv") or head.count("\t") > head.count(",") else ","
    columns = next(csv.reader([head], delimiter=delimiter))
    if not set(columns) & set(TEXT_FIELDS):
        yield unreadable(path, path, "csv", ProblemCode.IN001, f"The table has no text column ({', '.join(TEXT_FIELDS[:3])}, "
                                                               f"...): its columns are {', '.join(columns[:8])}.")
        return
    csv.field_size_limit(max(max_bytes, 1 << 17))
    seen, n = SeenIds(), 0
    rows = csv.DictReader(text, fieldnames=columns, delimiter=delimiter)
    while True:
        try:
            rec = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:  # a field over the limit, a broken quote: the table cannot be read on
            yield unreadable(f"{path}#after{n}", path, "csv", ProblemCode.IN001, f"The table cannot be read past row {n}: {exc}.")
            return
        n += 1
        rec = {k: v for k, v in rec.items() if k is not None}
        yield _table_row(path, "csv", rec, record_id(path, rec, n, seen, unit="row"), n, max_bytes)
    if n == 0:
        yield unreadable(path, path, "csv", ProblemCode.IN001, "The table holds no rows.")


def read_inputs(paths: Iterable[str], stdin_format: str = "txt", max_bytes: int = MAX_BYTES,
                stdin_name: Optional[str] = None) -> Iterator[Document]:
    """Every document of the paths; '-' is standard input, named `stdin_name` in the reports if given."""
    files, _ = discover(paths)
    for f in files:
        if f == "-":
            yield from read_stdin(stdin_format, max_bytes, stdin_name or "-")
        else:
            yield from read_one(f, max_bytes=max_bytes)


def read_stdin(fmt: str, max_bytes: int, name: str = "-") -> Iterator[Document]:
    """Standard input as one document, or as a stream of records for JSON Lines."""
    if fmt == "jsonl":
        yield from read_one(name, fmt=fmt, max_bytes=max_bytes, stream=sys.stdin.buffer)
    else:
        yield from read_one(name, sys.stdin.buffer.read(max_bytes + 1), fmt, max_bytes)
