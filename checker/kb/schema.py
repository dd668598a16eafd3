"""pandera schemas for the knowledge-base tables (people, offices, tenures) and the outlet and campaign
tables, next to the data they guard."""
from __future__ import annotations

from typing import Optional

import pandera.pandas as pa
from pandera.typing import Series

# the outlet table's values (checker/kb/outlets.py reads the table; this says what it may hold)
KINDS = ["government", "wire", "outlet", "aggregator", "state-media", "satire", "other"]
RATINGS = ["high", "medium", "low"]
DOMAIN = r"[a-z0-9-]+(\.[a-z0-9-]+)*"

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
BIRTH = r"^\d{4}(-\d{2}(-\d{2})?|/\d{4})?$"
# "monarch" (kings, queens, emperors, popes) is apart from "head_of_state" so that a generic "President"
# before a regnal name ("President Felipe ...") never reaches a king.
LEVELS = ["head_of_state", "head_of_government", "deputy_head_of_state", "monarch", "cabinet", "deputy_cabinet", "staff",
          "ambassador", "legislator", "judge", "other"]
PRECISIONS = ["day", "month", "year"]


class PeopleSchema(pa.DataFrameModel):
    person_id: Series[str] = pa.Field(unique=True, str_matches=r"^(Q\d+|p\.[a-z0-9_.]+)$")
    name: Series[str] = pa.Field(str_length={"min_value": 2})
    aliases: Series[str] = pa.Field(nullable=True)
    surnames: Series[str] = pa.Field(nullable=True)
    gender: Series[str] = pa.Field(isin=["m", "f", ""], nullable=True)
    # a date, or the range of years a birth whose year is not settled may be in ("1755/1757")
    born: Series[str] = pa.Field(nullable=True, str_matches=BIRTH)
    qid: Series[str] = pa.Field(nullable=True, str_matches=r"^Q\d+$")
    died: Optional[Series[str]] = pa.Field(nullable=True, str_matches=ISO_DATE)

    class Config:
        strict = False
        coerce = True

    @pa.dataframe_check
    def born_before_died(cls, df):  # noqa: N805 (pandera passes the class)
        if "died" not in df:
            return df["person_id"].notna()
        first = df["born"].str.replace(r"/.*$", "", regex=True)  # a range's earliest year
        return df["died"].isna() | df["born"].isna() | (first.str[:10] <= df["died"].str[:10].str.pad(10, "right", "9"))

    @pa.dataframe_check
    def birth_range_in_order(cls, df):  # noqa: N805
        years = df["born"].str.extract(r"^(\d{4})/(\d{4})$")
        return years[0].isna() | (years[0] <= years[1])


class OfficesSchema(pa.DataFrameModel):
    # ISO 3166 codes, EU and UN; international bodies (NATO, the IMF...) are XI, with ids under "int."
    office_id: Series[str] = pa.Field(unique=True, str_matches=r"^([a-z]{2}|int)\.[a-z0-9_]+$")
    country: Series[str] = pa.Field(str_matches=r"^[A-Z]{2}$")
    level: Series[str] = pa.Field(isin=LEVELS)
    name_en: Series[str]
    name_es: Series[str] = pa.Field(nullable=True)
    titles_en: Series[str] = pa.Field(nullable=True)
    titles_es: Series[str] = pa.Field(nullable=True)
    qid: Series[str] = pa.Field(nullable=True, str_matches=r"^Q\d+$")

    class Config:
        strict = False
        coerce = True


class TenuresSchema(pa.DataFrameModel):
    person_id: Series[str]
    office_id: Series[str]
    start: Series[str] = pa.Field(str_matches=ISO_DATE)
    end: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    start_precision: Series[str] = pa.Field(isin=PRECISIONS, nullable=True)
    end_precision: Series[str] = pa.Field(isin=PRECISIONS, nullable=True)
    acting: Series[str] = pa.Field(isin=["true", "false", "True", "False", ""], nullable=True)
    # "true": the source holds the term from `start` on, not its beginning (the person may have held the
    # office before `start`); see checker.model.Tenure.start_open
    start_open: Optional[Series[str]] = pa.Field(isin=["true", "false", "True", "False", ""], nullable=True)
    # "true": in office until `end` at least, perhaps after (a record taken while the person served)
    end_open: Optional[Series[str]] = pa.Field(isin=["true", "false", "True", "False", ""], nullable=True)
    elected: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    note: Series[str] = pa.Field(nullable=True)
    # where the row comes from: a file of a repository at a commit, an importer, or "editorial" (written here)
    source: Optional[Series[str]] = pa.Field(nullable=True)

    class Config:
        strict = False
        coerce = True

    @pa.dataframe_check
    def start_before_end(cls, df):  # noqa: N805 (pandera passes the class)
        return (df["end"].isna()) | (df["end"] == "") | (df["start"].str[:10] <= df["end"].str[:10].str.pad(10, "right", "9"))


# the outlet table (checker/kb/outlets.py says what its columns mean)
class OutletsSchema(pa.DataFrameModel):
    outlet: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=KINDS)
    rating: Series[str] = pa.Field(isin=RATINGS)
    domains: Series[str] = pa.Field(nullable=True, str_matches=rf"^{DOMAIN}(\|{DOMAIN})*$")
    names: Series[str] = pa.Field(nullable=True)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def domain_or_name(cls, df):  # noqa: N805 (pandera passes the class)
        return df["domains"].notna() | df["names"].notna()


# the campaign table (checker/kb/campaigns.py says what its columns mean)
class CampaignsSchema(pa.DataFrameModel):
    person_id: Series[str] = pa.Field(str_matches=r"^(Q\d+|p\.[a-z0-9_.]+)$")
    office_id: Series[str] = pa.Field(str_matches=r"^([a-z]{2}|int)\.[a-z0-9_]+$")
    start: Series[str] = pa.Field(str_matches=ISO_DATE)
    election: Series[str] = pa.Field(str_matches=r"^\d{4}-\d{2}-\d{2}$")
    inauguration: Series[str] = pa.Field(str_matches=r"^\d{4}-\d{2}-\d{2}$")
    withdrew: Series[str] = pa.Field(str_matches=r"^\d{4}-\d{2}-\d{2}$", nullable=True)
    note: Series[str] = pa.Field(nullable=True)
    source: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def start_before_election(cls, df):  # noqa: N805 (pandera passes the class)
        return df["start"].str[:10] <= df["election"]

    @pa.dataframe_check
    def election_before_inauguration(cls, df):  # noqa: N805 (pandera passes the class)
        return df["election"] < df["inauguration"]

    @pa.dataframe_check
    def withdrew_while_running(cls, df):  # noqa: N805 (pandera passes the class)
        return df["withdrew"].isna() | ((df["start"].str[:10] <= df["withdrew"]) & (df["withdrew"] <= df["election"]))
