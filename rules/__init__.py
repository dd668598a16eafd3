"""The rule registry: every module in this package named by its code (`dt101_outside_window.py`) holds one
`Rule` subclass. Adding a rule is adding a module; nothing else lists them.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from checker.rules.base import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name == "base" or not info.name[:2].isalpha() or not info.name[2:5].isdigit():
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                found.append(obj())
    codes = [r.code for r in found]
    if len(codes) != len(set(codes)):
        raise RuntimeError(f"two rules share a code: {sorted(codes)}")
    return tuple(sorted(found, key=lambda r: r.code))


@lru_cache(maxsize=1)
def by_code() -> Mapping[str, Rule]:
    """The rules by code, built once: the score asks it for every finding."""
    return MappingProxyType({r.code: r for r in all_rules()})
