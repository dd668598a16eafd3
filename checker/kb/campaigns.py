"""Campaigns: who ran for which office, from the day they declared (or were chosen as running mate) to the
day the office sought was filled, shipped as `data/campaigns.csv` with the schema in `schema.py`.

A candidate is named by the last office they held: "Governor Reagan" in October 1980, "Senator Dole" in
the autumn of 1996, "Secretary Clinton" in 2016. Such a title after the term is the campaign's courtesy, not
a sign of a text moved forward; `checker.evidence` weighs it in cells of its own, fitted on real text like
every other. The table holds the major-party nominees for President and Vice President of the United States
since 1952, the candidates in the major parties' presidential primaries since 1996 who had left the office
they are named by ("Governor Jeb Bush" in June 2015, "Vice President Pence" in 2023), and the main candidates
for President of Mexico since 1994, where the knowledge base knows the person; a sitting officeholder's race
is left out (the title is current). Open world: a campaign the table lacks is no evidence that there was none.

Columns: person_id and office_id (the office sought), as in the knowledge base; start, the day the
candidacy was declared or the running mate chosen (YYYY where only the year is sure: the campaign is then
taken from the year's first day); election, the election day; inauguration, the day the winner took the
office sought (20 January for the United States, 1 December for Mexico until the 2024 term, which began on 1
October): the race's coverage runs on past election day, through the count, the concession and the
transition, under the titles of the campaign ("defeating Governor Mitt Romney" on the morning after, "Governor
Bush" during the Florida recount), so the campaign's courtesy lasts until the office is filled; withdrew, the
day a primary's candidate left the race, where the courtesy ends ("Mayor Giuliani" in November 2008, ten months
after he withdrew, is no candidate's title); note; source ("editorial": written here from the public record).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "campaigns.csv"

Stretch = tuple[dt.date, dt.date]


def _validated(path: Path) -> dict[str, tuple[Stretch, ...]]:
    import pandas as pd
    from pandera.errors import SchemaErrors

    from checker.kb.layers import partial
    from checker.kb.schema import CampaignsSchema

    df = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    try:
        df = CampaignsSchema.validate(df, lazy=True)
    except SchemaErrors as exc:
        raise ValueError(f"{path}: campaign table does not fit its schema:\n{exc.failure_cases.to_string()}") from None
    out: dict[str, list[Stretch]] = {}
    for r in df.itertuples():
        end = (dt.date.fromisoformat(r.withdrew) if isinstance(r.withdrew, str) and r.withdrew else
               dt.date.fromisoformat(r.inauguration) - dt.timedelta(days=1))
        out.setdefault(r.person_id, []).append((partial(r.start).first_day, end))
    return {pid: tuple(sorted(stretches)) for pid, stretches in out.items()}


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> dict[str, tuple[Stretch, ...]]:
    """person_id -> the stretches from declaring to the day before the inauguration, validated once per
    version of the file (kept in the user cache)."""
    from checker.kb import stash

    key = stash.files_key([Path(__file__), Path(__file__).with_name("schema.py"), path])
    return stash.kept("campaigns", key, dict, lambda: _validated(path))
