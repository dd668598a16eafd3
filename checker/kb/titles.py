"""Generic titles, each language's own (`checker.lang`): kept here for the knowledge base's title index."""
from __future__ import annotations

from checker import lang as languages

# Generic titles: a bare "Secretary Nielsen" names whichever cabinet office the person held. Each
# language's own (`checker.lang`), by language code; filled in place as languages are registered.
GENERIC_TITLES: dict[str, dict[str, tuple[str, ...]]] = {}


def _generic_titles() -> None:
    GENERIC_TITLES.clear()
    GENERIC_TITLES.update({p.code: dict(p.generic_titles) for p in languages.packs()})


languages.on_change(_generic_titles)
