"""Settings in one place: defaults, the config file, and command-line overrides, in that order.

The config file is `checker.toml`, or the `[tool.checker]` table of `pyproject.toml`, found upward from
the working directory (the first folder that has either wins; `--config FILE` names one). Keys use ruff's
words for ruff's ideas:

    [tool.checker]
    select = ["DT", "SR101"]          # rule codes or prefixes; empty or absent: every rule
    extend-select = ["SR103"]         # added to `select` (or to every rule)
    ignore = ["DT107"]                # taken away; the more specific of a select and an ignore wins
    reference-date = "2026-11-24"     # "today" for checks of future dates; default: the real today
    languages = ["en"]                # languages the content is read in (default: en and es)
    knowledge-base = "kb"             # folder of imported knowledge-base layers (merged with the bundled one)
    outlets = "ratings.csv"           # your outlet ratings, read before the bundled ones
    fail-on = "error"                 # exit 1 when a finding reaches this severity
    max-warnings = 10                 # exit 1 when there are more warnings than this
    baseline = ".checker-baseline.json"
    cache = true                      # reuse results for unchanged documents

    [tool.checker.severity]           # severity overrides, by code or prefix
    DT104 = "warning"

    [tool.checker.per-path."archive/**"]   # overrides for documents whose path matches a glob
    ignore = ["DT108"]
    extend-select = []
    severity = { DT101 = "warning" }

    [tool.checker.per-file-ignores]   # ruff's shorthand for per-path ignores
    "drafts/*.md" = ["SR103"]

Paths in the file are relative to the file's folder, and so are per-path globs (a glob without `/` matches
a file name anywhere). An unknown key or rule code is a configuration error (exit 2) with the nearest
known one as a suggestion.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from checker.lang import registered as registered_languages
from checker.model import Finding, Severity


class ConfigError(ValueError):
    """A usage or configuration error: exit code 2."""


SEVERITIES = tuple(s.value for s in Severity)
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class PathOverride:
    """Overrides for the documents whose path matches `pattern`."""

    pattern: str
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()

    def matches(self, relpath: str) -> bool:
        return _glob(self.pattern).match(relpath) is not None or (
            "/" not in self.pattern and _glob(self.pattern).match(PurePosixPath(relpath).name) is not None)


# Folders and files that are never articles: dependencies, virtual environments, build output, and the
# manifests that share the article formats' suffixes (`package.json` touched in a commit is no post)
DEFAULT_EXCLUDE = ("node_modules", "bower_components", "vendor", ".venv", "venv", "site-packages", "__pycache__",
                   "build", "dist", "_site", ".git", ".hg", ".svn", ".tox", ".nox", ".cache", ".checker-cache",
                   "package.json", "package-lock.json", "composer.json", "composer.lock", "tsconfig.json",
                   "jsconfig.json", "*.schema.json", ".eslintrc.json", "manifest.json", "renovate.json", "CHANGELOG.md",
                   "LICENSE.md", "CODE_OF_CONDUCT.md", "CONTRIBUTING.md", "SECURITY.md")


@dataclass(frozen=True)
class Settings:
    reference_date: dt.date = field(default_factory=dt.date.today)
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    jobs: int = 1
    kb_dir: Optional[Path] = None
    time_budget: float = 10.0  # seconds of analysis per document before it stops (finding IN005)
    max_bytes: int = 20 * 1024 * 1024  # bytes read per file (finding IN006 beyond)
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code or prefix, severity)
    per_path: tuple[PathOverride, ...] = ()
    languages: tuple[str, ...] = ()  # empty: every language the analyser reads
    outlets: Optional[Path] = None
    max_warnings: Optional[int] = None
    baseline: Optional[Path] = None
    report_unused_suppressions: bool = False
    cache: Optional[bool] = None  # None: not said (the command turns it on; the library leaves it off)
    root: Path = field(default_factory=Path.cwd)  # per-path globs and baseline paths are relative to this
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # globs of paths a folder's walk passes over
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True  # a folder in a git work tree: what git ignores is passed over
    force_exclude: bool = False  # files named on the command line are excluded too (what a hook needs)

    def excluded(self, path: str) -> bool:
        """Whether `path` matches an exclude glob: relative to the root, or (a glob without '/') any one
        of its folder or file names, as ruff matches `exclude`."""
        names, paths = _excluders((*self.exclude, *self.extend_exclude))
        rel = self.relative(path)
        return bool(paths.match(rel) or (names.pattern != "(?!)" and any(names.match(p) for p in PurePosixPath(rel).parts)))

    def enabled(self, code: str, path: Optional[str] = None) -> bool:
        """Whether the rule reports on the document at `path`; without a path, whether it runs at all (on
        some path), so that a per-path `extend-select` can turn on a rule that is off elsewhere."""
        if path is None:
            return self._enabled(code, ()) or any(self._enabled(code, (o,)) for o in self.per_path)
        return self._enabled(code, self.overrides_for(path))

    def _enabled(self, code: str, overrides: Iterable[PathOverride]) -> bool:
        # the most specific of a select and an ignore wins (ruff's rule); a tie goes to the ignore
        picked = [n for n in (_longest(code, self.select) if self.select else 0,
                              _longest(code, self.extend_select)) if n is not None]
        dropped = _longest(code, self.ignore)
        state = bool(picked) and (dropped is None or max(picked) > dropped)
        for o in overrides:  # per-path settings come after the global ones
            add, drop = _longest(code, o.extend_select), _longest(code, o.ignore)
            if add is not None and (drop is None or add > drop):
                state = True
            elif drop is not None:
                state = False
        return state

    def severity_of(self, code: str, current: Severity, path: Optional[str] = None) -> Severity:
        chosen = _by_prefix(code, self.severity)
        for o in self.overrides_for(path) if path is not None else ():
            chosen = _by_prefix(code, o.severity) or chosen
        return Severity(chosen) if chosen else current

    def overrides_for(self, path: str) -> tuple[PathOverride, ...]:
        rel = self.relative(path)
        return tuple(o for o in self.per_path if o.matches(rel))

    def relative(self, path: str) -> str:
        """A document's file path as a POSIX path relative to the project root when it lies inside it:
        the form per-path globs and baseline entries use, whatever form the path was given in."""
        if path == "-":
            return path
        full, root = os.path.abspath(path), os.path.abspath(self.root)
        if full.startswith(root.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(full, root)).as_posix()
        return Path(path).as_posix()

    def adjust(self, path: str, findings: Iterable[Finding]) -> list[Finding]:
        """The findings this document's path keeps, at the severity the config gives them."""
        out = []
        for f in findings:
            if not self.enabled(f.rule_id, path):
                continue
            sev = self.severity_of(f.rule_id, f.severity, path)
            out.append(f if sev is f.severity else replace(f, severity=sev))
        return out

    def digest(self) -> str:
        """What the results of an audit depend on, for the cache: every setting but those that only decide
        the exit code, the worker count or where things are written."""
        skip = {"fail_on", "jobs", "max_warnings", "cache", "baseline"}
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in skip}
        return hashlib.sha256(repr(sorted(state.items())).encode()).hexdigest()


KEYS = {"reference-date", "select", "extend-select", "ignore", "severity", "per-path", "per-file-ignores",
        "languages", "knowledge-base", "outlets", "fail-on", "max-warnings", "jobs", "baseline", "cache",
        "time-budget", "max-bytes", "exclude", "extend-exclude", "respect-gitignore", "force-exclude"}
PATH_KEYS = {"ignore", "extend-select", "severity"}


def _longest(code: str, prefixes: Iterable[str]) -> Optional[int]:
    lengths = [len(p) for p in prefixes if code.startswith(p)]
    return max(lengths) if lengths else None


def _by_prefix(code: str, pairs: Iterable[tuple[str, str]]) -> Optional[str]:
    best = max(((len(p), sev) for p, sev in pairs if code.startswith(p)), default=None)
    return best[1] if best else None


@lru_cache(maxsize=16)
def _excluders(patterns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """Exclude globs as two regexes: one for a single folder or file name (a glob without '/'), matched
    against each part of a path, and one for whole relative paths (every glob)."""
    def alt(globs):
        return re.compile("|".join(f"(?:{_glob(g).pattern})" for g in globs) or "(?!)")

    globs = [p.rstrip("/") for p in patterns]
    return alt([g for g in globs if "/" not in g]), alt(globs)


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern:
    """A path glob: `*` and `?` within one folder name, `**` across folders."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def parse_date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
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
                text = pp.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            try:
                if "checker" in tomllib.loads(text).get("tool", {}):
                    return pp
            except tomllib.TOMLDecodeError as exc:
                # a pyproject.toml that cannot be read is only ours to report when it holds our table: then
                # the run would otherwise go on with defaults the user did not choose
                if re.search(r"^\s*\[\s*tool\s*\.\s*checker\b", text, re.M):
                    raise ConfigError(f"{pp} is not valid TOML ({exc}); its [tool.checker] table cannot be read") from None
    return None


def _hint(word: str, choices: Iterable[str]) -> str:
    hint = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean {hint[0]!r}?)" if hint else ""


def _unknown_keys(table: dict, known: set[str], where: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(f"{where}: unknown key {key!r}{_hint(key, known)}; known keys: {', '.join(sorted(known))}")


def _codes(value: Any, known_rules: set[str], where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes, like [\"DT101\", \"SR\"]")
    codes = tuple(v.strip().upper() for v in value)
    check_codes(codes, known_rules, where)
    return codes


def _severities(value: Any, known_rules: set[str], where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of rule code = severity, like {{ DT104 = \"warning\" }}")
    out = []
    for code, sev in value.items():
        check_codes([code.upper()], known_rules, where)
        if sev not in SEVERITIES:
            raise ConfigError(f"{where}: severity of {code} must be one of {', '.join(SEVERITIES)}, not {sev!r}"
                              f"{_hint(str(sev), SEVERITIES)}")
        out.append((code.upper(), sev))
    return tuple(out)


def load(path: Optional[Path], known_rules: set[str]) -> Settings:
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    path = Path(path)
    where = f"{path}: [tool.checker]" if path.name == "pyproject.toml" else str(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("checker", {})
    return from_table(data, known_rules, path.resolve().parent, where)


def from_table(data: dict, known_rules: set[str], root: Path, where: str) -> Settings:
    """Settings from the config table; `root` is the folder that relative paths and globs start from."""
    _unknown_keys(data, KEYS, where)
    s = Settings(root=root)
    if "reference-date" in data:
        s = replace(s, reference_date=parse_date(data["reference-date"], f"{where}: reference-date"))
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            s = replace(s, **{key.replace("-", "_"): _codes(data[key], known_rules, f"{where}: {key}")})
    if "severity" in data:
        s = replace(s, severity=_severities(data["severity"], known_rules, f"{where}: severity"))
    overrides = []
    for pattern, table in (data.get("per-path") or {}).items():
        w = f"{where}: per-path {pattern!r}"
        if not isinstance(table, dict):
            raise ConfigError(f"{w} must be a table with {', '.join(sorted(PATH_KEYS))}")
        _unknown_keys(table, PATH_KEYS, w)
        overrides.append(PathOverride(
            pattern, ignore=_codes(table.get("ignore", []), known_rules, f"{w}: ignore"),
            extend_select=_codes(table.get("extend-select", []), known_rules, f"{w}: extend-select"),
            severity=_severities(table.get("severity", {}), known_rules, f"{w}: severity")))
    for pattern, codes in (data.get("per-file-ignores") or {}).items():
        overrides.append(PathOverride(pattern, ignore=_codes(codes, known_rules, f"{where}: per-file-ignores {pattern!r}")))
    s = replace(s, per_path=tuple(overrides))
    if "languages" in data:
        langs = data["languages"] if isinstance(data["languages"], list) else [data["languages"]]
        readable = registered_languages()  # the languages the analyser has pipelines for
        for lang in langs:
            if lang not in readable:
                raise ConfigError(f"{where}: languages: {lang!r} is not one the checker reads ({', '.join(readable)})"
                                  f"{_hint(str(lang), readable)}")
        if not langs:
            raise ConfigError(f"{where}: languages must name at least one of {', '.join(readable)}")
        s = replace(s, languages=tuple(dict.fromkeys(langs)))
    if "fail-on" in data:
        s = replace(s, fail_on=check_fail_on(data["fail-on"], f"{where}: fail-on"))
    for key, attr, kind in (("max-warnings", "max_warnings", int), ("jobs", "jobs", int),
                            ("time-budget", "time_budget", float), ("max-bytes", "max_bytes", int)):
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < (0 if key == "max-warnings" else 1) \
                    or (kind is int and not isinstance(value, int)):
                raise ConfigError(f"{where}: {key} must be a {'whole ' if kind is int else ''}number"
                                  f"{' of 0 or more' if key == 'max-warnings' else ' above 0'}, not {value!r}")
            s = replace(s, **{attr: kind(value)})
    if "cache" in data:
        if not isinstance(data["cache"], bool):
            raise ConfigError(f"{where}: cache must be true or false")
        s = replace(s, cache=data["cache"])
    if "knowledge-base" in data:
        s = replace(s, kb_dir=_folder(root, data["knowledge-base"], f"{where}: knowledge-base"))
    if "outlets" in data:
        s = replace(s, outlets=_file(root, data["outlets"], f"{where}: outlets"))
    if "baseline" in data:
        s = replace(s, baseline=(root / str(data["baseline"])).resolve())
    for key in ("exclude", "extend-exclude"):
        if key in data:
            value = data[key]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{where}: {key} must be a list of path globs, such as [\"drafts/**\", \"*.json\"]")
            s = replace(s, **{key.replace("-", "_"): tuple(value)})
    for key in ("respect-gitignore", "force-exclude"):
        if key in data:
            if not isinstance(data[key], bool):
                raise ConfigError(f"{where}: {key} must be true or false")
            s = replace(s, **{key.replace("-", "_"): data[key]})
    return s


def _folder(root: Path, value: Any, where: str) -> Path:
    p = (root / str(value)).resolve()
    if not p.is_dir():
        raise ConfigError(f"{where}: {p} is not a folder")
    return p


def _file(root: Path, value: Any, where: str) -> Path:
    p = (root / str(value)).resolve()
    if not p.is_file():
        raise ConfigError(f"{where}: {p} does not exist")
    return p


def check_fail_on(value: Any, where: str) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f"{where} must be one of {', '.join(FAIL_ON)}, not {value!r}{_hint(str(value), FAIL_ON)}")
    return value


def check_codes(codes, known_rules: set[str], where: str) -> None:
    for c in codes:
        if not c or not any(k.startswith(c) for k in known_rules):
            raise ConfigError(f"{where}: unknown rule code {c!r}{_hint(c, known_rules)}")
