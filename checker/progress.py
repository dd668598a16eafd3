"""A progress line on the terminal for long runs: the documents done (of the files found) and the rate.

It writes to standard error, only when that is a terminal (never into a log, a pipe or a CI job's
output), and only once a run has gone on for a second, so a pre-commit hook on one post stays silent.
"""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


class Progress:
    def __init__(self, total: Optional[int], stream: Optional[TextIO] = None, delay: float = 1.0, every: float = 0.2):
        self.total = total
        self.stream = stream = stream or sys.stderr
        try:
            self.enabled = bool(stream.isatty())
        except (AttributeError, ValueError):  # no isatty, or closed
            self.enabled = False
        self.start = time.monotonic()
        self.delay, self.every = delay, every
        self.done = 0
        self._last = 0.0
        self._shown = False

    def __call__(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or now - self._last < self.every:
            return
        self._last = now
        rate = self.done / (now - self.start)
        of = f"/{self.total}" if self.total and self.done <= self.total else ""
        self.stream.write(f"\rchecker: {self.done}{of} documents, {rate:,.0f}/s ")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")  # clear the line: the summary that follows stands alone
            self.stream.flush()
