"""Ingest: paths (files, folders, `-` for standard input) -> `Document`s, in a stable order.

Every input that is meant as a document yields at least one Document, readable or not: nothing is
dropped silently.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from checker.ingest.html import read_html
from checker.ingest.readers import read_json, read_jsonl, read_markdown, read_text, unreadable
from checker.model import Document

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".json": "json", ".jsonl": "jsonl",
           ".ndjson": "jsonl", ".html": "html", ".htm": "html"}
MAX_BYTES = 20 * 1024 * 1024


def discover(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Expand folders (recursively, sorted) into files; return (files, skipped files of unknown type)."""
    files, skipped = [], []
    for p in paths:
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

        best = from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    except ImportError:  # charset-normalizer is a dependency; without it, fall back to cp1252
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def read_one(path: str, data: bytes | None = None, fmt: str | None = None) -> Iterator[Document]:
    doc_id = path
    fmt = fmt or FORMATS.get(Path(path).suffix.lower(), "txt")
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            yield unreadable(doc_id, path, fmt, "IN001", "File not found (or a broken link).")
            return
        except IsADirectoryError:
            yield unreadable(doc_id, path, fmt, "IN001", "Is a directory.")
            return
        except OSError as exc:
            yield unreadable(doc_id, path, fmt, "IN001", f"Cannot read the file: {exc.strerror or exc}.")
            return
    if not data.strip():
        yield unreadable(doc_id, path, fmt, "IN001", "The file is empty." if not data else "The file holds only white space.")
        return
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield unreadable(doc_id, path, fmt, "IN001", "The file is binary, not text.")
        return
    text, encoding = decode(data[:MAX_BYTES])
    if fmt == "jsonl":
        yield from read_jsonl(path, text)
        return
    if fmt == "json":
        doc = read_json(doc_id, path, text)
    elif fmt == "md":
        doc = read_markdown(doc_id, path, text)
    elif fmt == "html":
        doc = read_html(doc_id, path, text)
    else:
        doc = read_text(doc_id, path, text, fmt if fmt != "txt" else "txt")
    if encoding:
        from dataclasses import replace
        from checker.model import Problem

        doc = replace(doc, problems=doc.problems + (Problem("IN003", f"The file is not UTF-8; read it as {encoding}."),))
    yield doc


def read_inputs(paths: Iterable[str], stdin_format: str = "txt") -> Iterator[Document]:
    files, _ = discover(paths)
    for f in files:
        if f == "-":
            yield from read_one("-", sys.stdin.buffer.read(), stdin_format)
        else:
            yield from read_one(f)
