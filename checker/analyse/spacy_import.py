"""`import spacy` without spaCy's command line.

spaCy's `__init__` runs `from .cli.info import info`, which imports its whole command-line package:
requests, weasel, httpx, rich, jinja2 and every training command, a large share of a pre-commit run's
start-up, for a function the checker never calls. While `import spacy` runs, stand-ins take the places of
`spacy.cli` and `spacy.cli.info`; they leave `sys.modules` as soon as it returns, so a later `import
spacy.cli` (spaCy's own `python -m spacy`, a user's script in the same process) loads the real package.
`spacy.info` is a function that imports the real one when called.

If spaCy is already imported, or its package cannot be found, nothing is changed.
"""
from __future__ import annotations

import importlib
import sys
import types


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return importlib.import_module("spacy")
    cli = types.ModuleType("spacy.cli", "stand-in while spacy is imported (checker/analyse/spacy_import.py)")
    cli.__path__ = []  # a package with no submodules of its own: only the stand-in below is found
    info = types.ModuleType("spacy.cli.info", cli.__doc__)
    info.info = _info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        spacy = importlib.import_module("spacy")
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy
