"""The knowledge base: who held which office when, and how texts write their names and titles.

The bundled tables live in `data/` (people.csv, offices.csv, tenures.csv) and are validated by the pandera
schemas in `schema.py`. Layers a user imports (`checker kb import ...`, `checker kb update`) live in the
user data folder (`data_home()`) and merge with the bundled tables when the base is loaded; `layers.py`
says how, and which layer wins a disagreement. Rules and the analyser use only the query methods of
`KnowledgeBase`; nothing here imports the rest of the checker but the model and the language packs.

The package's modules: `records.py` (people and offices), `base.py` (`KnowledgeBase`, its queries),
`titles.py` (generic titles from the language packs), `store.py` (loading, validating, caching, saving),
`lint.py` (doubts a schema cannot see), `layers.py` (imported layers and their merge), `text.py` (folding).
"""
from __future__ import annotations

from checker.kb.base import INTERNATIONAL, KnowledgeBase
from checker.kb.layers import BUNDLED, Conflict, LayerError, LayerInfo, Tables
from checker.kb.lint import lint
from checker.kb.records import Office, Person
from checker.kb.store import (DATA_DIR, DATA_DIR_ENV, data_home, load, parse_birth, parse_partial, save_layer,
                              tenure_row, validate_tables)
from checker.kb.text import fold
from checker.kb.titles import GENERIC_TITLES

__all__ = ["BUNDLED", "DATA_DIR", "DATA_DIR_ENV", "GENERIC_TITLES", "INTERNATIONAL", "Conflict", "KnowledgeBase",
           "LayerError", "LayerInfo", "Office", "Person", "Tables", "data_home", "fold", "lint", "load",
           "parse_birth", "parse_partial", "save_layer", "tenure_row", "validate_tables"]
