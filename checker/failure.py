"""How a failure of the checker itself is told: the stage it happened in and the exception's first line.

The engine and the readers turn any exception a document causes into that document's IN004 finding with
this message, so one document never stops a run and the message says where to look.
"""
from __future__ import annotations


def internal_error(stage: str, exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    line = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    if len(line) > 300:
        line = line[:299] + "…"
    return f"The checker failed while {stage}: {line}. The run went on; please report it with the document."
