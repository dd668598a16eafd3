"""Work done once and kept in the user cache folder: the validated merge of the knowledge base, the
validated outlet table, the tokenized names and titles the matchers are built from.

A pre-commit hook starts a new process for every commit, and each of these costs a tenth of a second or
more to redo. Each is stored as one pickle named by its kind and a digest of what it was made from (the
tables' sizes and modification times, the code that made it, the library versions), so a change to any
of them makes a new entry; the older entries of that kind are removed when it is written. A missing,
unreadable or half-written entry is simply made again; a read-only cache folder is no error.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar

CACHE_DIR_ENV = "CHECKER_CACHE_DIR"
T = TypeVar("T")


def cache_home() -> Path:
    """$CHECKER_CACHE_DIR when set, else the platform's user cache folder (~/.cache/checker on Linux,
    following $XDG_CACHE_HOME)."""
    env = os.environ.get(CACHE_DIR_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("checker", appauthor=False))


def files_key(paths: Iterable[Path]) -> tuple:
    """What an entry made from these files depends on: their paths, sizes and modification times."""
    out = []
    for p in paths:
        st = Path(p).stat()
        out.append((str(Path(p).resolve()), st.st_size, st.st_mtime_ns))
    return tuple(out)


DIGEST = 24  # hex digits of an entry's name


def path_for(kind: str, key: tuple) -> Path:
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:DIGEST]
    return cache_home() / f"{kind}-{digest}.pickle"


def read(path: Path, expected: type) -> Optional[object]:
    # The collector is paused while an entry is unpickled: the knowledge base's holds 110,000 containers, all
    # alive, and the full passes the collector makes as they pile up scan them and everything the process
    # already holds (pandas, spaCy) again and again, which cost twice the unpickling itself. Unpickling makes
    # no garbage to collect.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)
        return value if isinstance(value, expected) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # absent, half-written by a crash or from another version: made again
    finally:
        if enabled:
            gc.enable()


def write(path: Path, kind: str, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # this kind's entries only: "outlets-*" alone would also take the "outlets-user-*" entries
        for old in path.parent.glob(f"{kind}-{'[0-9a-f]' * DIGEST}.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache folder: the next run does the work again, it does not fail


def kept(kind: str, key: tuple, expected: type, make: Callable[[], T]) -> T:
    """The entry of this kind and key, made by `make()` and stored when absent."""
    path = path_for(kind, key)
    value = read(path, expected)
    if value is None:
        value = make()
        write(path, kind, value)
    return value
