"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.

    ::error file=posts/2014-obama.md,line=7,title=DT102 former-title-while-in-office::“former President ...

Errors and warnings keep their level; infos are notices. Values are escaped as the runner expects (`%`,
CR and LF in the message; also `:` and `,` in properties), so a document's text cannot forge a command.
"""
from __future__ import annotations

import pandas as pd

from checker.report.locate import located

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    out = []
    for f in located(documents, findings):
        props = [f"file={_prop(f['path'])}"]
        if f["file_line"]:
            props.append(f"line={f['file_line']}")
        props.append(f"title={_prop(f['rule_id'] + ' ' + f['rule'])}")
        message = f["message"] + (f" [{f['evidence']}]" if f["evidence"] else "")
        out.append(f"::{LEVEL[f['severity']]} {','.join(props)}::{_data(message)}\n")
    return "".join(out)
