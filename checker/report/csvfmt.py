"""CSV: the findings table of the contract, as `findings.csv` holds it (to standard output, for a pipe)."""
from __future__ import annotations

import pandas as pd


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    return findings.to_csv(index=False, lineterminator="\n")
