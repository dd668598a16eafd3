"""Settings in one place: defaults, the config file (`checker.toml`, or `[tool.checker]` in
`pyproject.toml`), and command-line overrides, in that order.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


class ConfigError(ValueError):
    """A usage or configuration error: exit code 2."""


@dataclass(frozen=True)
class Settings:
    reference_date: dt.date = field(default_factory=dt.date.today)
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    jobs: int = 1
    kb_dir: Optional[Path] = None

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i) for i in self.ignore)


KEYS = {"reference-date", "select", "ignore", "fail-on", "jobs", "knowledge-base"}
FAIL_ON = ("error", "warning", "info", "never")


def parse_date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{what} must be a date as YYYY-MM-DD, not {value!r}") from None


def find_config(start: Path) -> Optional[Path]:
    for folder in [start, *start.parents]:
        if (folder / "checker.toml").is_file():
            return folder / "checker.toml"
        pp = folder / "pyproject.toml"
        if pp.is_file():
            try:
                if "checker" in tomllib.loads(pp.read_text(encoding="utf-8")).get("tool", {}):
                    return pp
            except (tomllib.TOMLDecodeError, OSError):
                continue
    return None


def load(path: Optional[Path], known_rules: set[str]) -> Settings:
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("checker", {})
    s = Settings()
    for key, value in data.items():
        if key not in KEYS:
            hint = difflib.get_close_matches(key, sorted(KEYS), n=1)
            raise ConfigError(f"{path}: unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    if "reference-date" in data:
        s = replace(s, reference_date=parse_date(data["reference-date"], "reference-date"))
    for key in ("select", "ignore"):
        if key in data:
            codes = tuple(str(c).upper() for c in data[key])
            check_codes(codes, known_rules, f"{path}: {key}")
            s = replace(s, **{key: codes})
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON:
            raise ConfigError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}")
        s = replace(s, fail_on=data["fail-on"])
    if "jobs" in data:
        s = replace(s, jobs=int(data["jobs"]))
    if "knowledge-base" in data:
        s = replace(s, kb_dir=(path.parent / data["knowledge-base"]).resolve())
    return s


def check_codes(codes, known_rules: set[str], where: str) -> None:
    for c in codes:
        if not any(k.startswith(c) for k in known_rules):
            hint = difflib.get_close_matches(c, sorted(known_rules), n=1)
            raise ConfigError(f"{where}: unknown rule code {c!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
