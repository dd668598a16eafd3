"""Ingest: paths (files, folders, `-` for standard input) -> `Document`s, in a stable order.

Every input that is meant as a document yields at least one Document, readable or not: nothing is
dropped silently.
"""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from checker.ingest.clean import strip_invisible
from checker.ingest.html import read_html
from checker.ingest.readers import read_json, read_jsonl, read_markdown, read_text, unreadable
from checker.model import Document, Problem

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".json": "json", ".jsonl": "jsonl",
           ".ndjson": "jsonl", ".html": "html", ".htm": "html", ".parquet": "parquet"}
MAX_BYTES = 20 * 1024 * 1024
WESTERN_ENCODINGS = ["utf_16", "utf_32", "cp1252", "latin_1", "iso8859_15", "mac_roman"]


def discover(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Expand folders (recursively, sorted) into files; return (files, skipped files of unknown type)."""
    files, skipped = [], []
    for p in dict.fromkeys(paths):  # a path named twice is one document, not a duplicate row
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if name.startswith("."):
                        continue
                    (files if Path(name).suffix.lower() in FORMATS else skipped).append(full)
        else:
            files.append(p)  # named explicitly: a document whatever its suffix (or a missing file: a row)
    return files, skipped


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


def read_one(path: str, data: bytes | None = None, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """The document(s) in one file (or in `data`): always at least one, readable or not."""
    doc_id = path
    fmt = fmt or FORMATS.get(Path(path).suffix.lower(), "txt")
    if data is None:
        try:
            with open(path, "rb") as fh:
                # Parquet is binary and a JSON Lines file is a batch of documents: a cut file is a broken
                # file, so both are read whole, and the size limit applies to each record instead
                data = fh.read() if fmt in ("parquet", "jsonl") else fh.read(max_bytes + 1)
        except FileNotFoundError:
            yield unreadable(doc_id, path, fmt, "IN001", "File not found (or a broken link).")
            return
        except IsADirectoryError:
            yield unreadable(doc_id, path, fmt, "IN001", "Is a directory.")
            return
        except OSError as exc:
            yield unreadable(doc_id, path, fmt, "IN001", f"Cannot read the file: {exc.strerror or exc}.")
            return
    if fmt == "parquet":
        yield from read_parquet(path, data)
        return
    if not data.strip():
        yield unreadable(doc_id, path, fmt, "IN001", "The file is empty." if not data else "The file holds only white space.")
        return
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield unreadable(doc_id, path, fmt, "IN001", "The file is binary, not text.")
        return
    notes = []
    if len(data) > max_bytes and fmt != "jsonl":
        notes.append(Problem("IN006", f"The file is larger than the {max_bytes / 2**20:g} MB limit: only its first "
                                      f"{max_bytes / 2**20:g} MB were read and checked."))
        data = data[:max_bytes]
    text, encoding = decode(data)
    if encoding:
        notes.append(Problem("IN003", f"The file is not UTF-8; read it as {encoding}."))
    text, invisible = strip_invisible(text)
    if invisible:
        notes.append(Problem("IN007", f"Removed {invisible} invisible character(s) (zero-width, soft hyphen or "
                                      f"bidirectional control) before reading the text."))
    if fmt == "jsonl":
        docs = read_jsonl(path, text, max_bytes)
    elif fmt == "json":
        docs = [read_json(doc_id, path, text)]
    elif fmt == "md":
        docs = [read_markdown(doc_id, path, text)]
    elif fmt == "html":
        docs = [read_html(doc_id, path, text)]
    else:
        docs = [read_text(doc_id, path, text, fmt)]
    for doc in docs:
        yield replace(doc, problems=doc.problems + tuple(notes)) if notes else doc


def read_parquet(path: str, data: bytes) -> Iterator[Document]:
    """A Parquet shard of records (one document per row, the JSON field names as columns)."""
    import io

    from checker.ingest.readers import read_record

    try:
        import pyarrow.parquet as pq

        rows = pq.read_table(io.BytesIO(data)).to_pylist()
    except ImportError:
        yield unreadable(path, path, "parquet", "IN001", "Reading Parquet needs pyarrow (pip install 'checker[dask]').")
        return
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        yield unreadable(path, path, "parquet", "IN001", f"Not a readable Parquet file: {exc}.")
        return
    seen: set[str] = set()
    for n, rec in enumerate(rows, 1):
        rid = rec.get("id") if isinstance(rec.get("id"), (str, int)) else None
        doc_id = f"{path}#{rid}" if rid is not None and f"{path}#{rid}" not in seen else f"{path}#line{n}"
        seen.add(doc_id)
        yield read_record(doc_id, path, rec, "parquet")


def read_inputs(paths: Iterable[str], stdin_format: str = "txt", max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    files, _ = discover(paths)
    for f in files:
        if f == "-":
            yield from read_one("-", sys.stdin.buffer.read(max_bytes + 1), stdin_format, max_bytes)
        else:
            yield from read_one(f, max_bytes=max_bytes)
