"""The knowledge base's records of people and offices (tenures are `checker.model.Tenure`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    gender: str
    born: str = ""
    qid: str = ""
    died: str = ""  # empty: alive, or not known to have died


@dataclass(frozen=True)
class Office:
    office_id: str
    country: str
    level: str
    name_en: str
    name_es: str
    titles_en: tuple[str, ...]
    titles_es: tuple[str, ...]
    qid: str = ""
