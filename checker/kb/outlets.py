"""Outlet ratings: which sites and bylines a fact-checker can lean on, shipped as `data/outlets.csv` with
the schema below, extended by the user's own table (the `outlets` key of the config file).

Each row names an outlet, its kind (an official government body, a wire service, a news outlet ...), a
rating (`high`, `medium`, `low`), the domains it publishes on ("|"-separated; a row for `gov` covers
`dhs.gov` and `www.state.gov`), the names it prints ("|"-separated: "Associated Press|AP") and a note
saying where the rating comes from. The bundled rows are only those whose standing is a matter of record:
domains registered only to government bodies, and wire services. Ratings of other outlets are the
user's call: their table's rows come first, so they override a bundled row for the same domain or name.

A document is matched to an outlet, in this order (htmldate's idea: strong signals first):
1. the host of its URL (`url` in JSON, the page's canonical URL in HTML);
2. the site name in its metadata (`site`), read as a name or a domain;
3. a domain printed in the page's own chrome or archive notice ("In an effort to keep DHS.gov current")
   which is weaker: anyone can paste a banner, so rules scale what they make of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from checker.kb.phrases import matcher
from checker.kb.text import fold

DATA = Path(__file__).parent / "data" / "outlets.csv"
_DOMAIN_IN_TEXT = re.compile(r"(?<![\w@.-])((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-])")
# how sure a match is, by where it was made
CONFIDENCE = {"url": 1.0, "site": 0.9, "page": 0.5}


@dataclass(frozen=True)
class Outlet:
    outlet: str
    kind: str
    rating: str
    domains: tuple[str, ...]
    names: tuple[str, ...]
    note: str
    table: str  # "bundled", or the user's file


@dataclass(frozen=True)
class Match:
    outlet: Outlet
    how: str  # url, site or page
    evidence: str  # the host, site name or printed domain it was matched on

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.how]


def _name_key(name: str) -> str:
    words = re.sub(r"[^\w]+", " ", fold(name)).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


class Outlets:
    def __init__(self, rows: list[Outlet]):
        self.rows = tuple(rows)
        self._domains: dict[str, Outlet] = {}
        self._names: dict[str, Outlet] = {}
        for o in rows:  # the first row for a domain or name wins: the user's table comes first
            for d in o.domains:
                self._domains.setdefault(d, o)
            for n in o.names:
                self._names.setdefault(_name_key(n), o)

    def by_host(self, host: str) -> Optional[Outlet]:
        """The most specific row whose domain is the host or a parent of it."""
        labels = host.lower().strip(".").split(".")
        for i in range(len(labels)):
            hit = self._domains.get(".".join(labels[i:]))
            if hit:
                return hit
        return None

    def by_name(self, name: str) -> Optional[Outlet]:
        key = _name_key(name)
        return self._names.get(key) or (self.by_host(key.replace(" ", ".")) if "." in name else None)


def _read(path: Path, table: str) -> list[Outlet]:
    """The table's rows, validated once per version of the file (kept in the user cache)."""
    from checker.kb import stash

    key = (stash.files_key([Path(__file__), Path(__file__).with_name("schema.py"), path]), table)
    kind = "outlets" if table == "bundled" else "outlets-user"  # each kind keeps one entry
    return stash.kept(kind, key, list, lambda: _validated(path, table))


def _validated(path: Path, table: str) -> list[Outlet]:
    import pandas as pd
    from pandera.errors import SchemaErrors

    from checker.kb.schema import OutletsSchema

    df = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    try:
        df = OutletsSchema.validate(df, lazy=True)
    except SchemaErrors as exc:
        raise ValueError(f"{path}: outlet table does not fit its schema:\n{exc.failure_cases.to_string()}") from None

    def split(v):
        return tuple(x.strip() for x in (v if isinstance(v, str) else "").split("|") if x.strip())

    return [Outlet(r.outlet, r.kind, r.rating, tuple(d.lower() for d in split(r.domains)), split(r.names), r.note if isinstance(r.note, str) else "", table)
            for r in df.itertuples()]


@lru_cache(maxsize=8)
def load(user_table: Optional[Path] = None) -> Outlets:
    """The user's rows (if any), then the bundled ones."""
    rows = _read(Path(user_table), str(user_table)) if user_table else []
    return Outlets(rows + _read(DATA, "bundled"))


def host_of(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host.lower() if host else None


def site_of(document) -> Optional[str]:
    return dict(getattr(document, "metadata", ()) or ()).get("site")


def identify(document, outlets: Outlets) -> Optional[Match]:
    host = host_of(document.url)
    if host and (o := outlets.by_host(host)):
        return Match(o, "url", host)
    site = site_of(document)
    if site and (o := outlets.by_name(site)):
        return Match(o, "site", site)
    if host or site:
        return None  # the page says where it is from, and the table does not know it
    notice = matcher("chrome", "archived")
    for m in _DOMAIN_IN_TEXT.finditer(document.text):
        o = outlets.by_host(m.group(1))
        if o is None:
            continue
        text = document.text
        end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1:end if end >= 0 else len(text)]
        if len(line) <= 400 and notice(line):
            return Match(o, "page", m.group(1))
    return None
