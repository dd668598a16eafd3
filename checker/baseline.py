"""Baselines: adopt the checker on an archive that already has findings, and fail only on new ones.

`checker audit PATH --write-baseline FILE` records every finding of the run; `--baseline FILE` then
leaves out the findings it records, before verdicts, counts and scores are computed (as suppressions
are), so only new findings reach the gate.

A finding is recognised by its fingerprint, not by its line: the rule code, the document (its path
relative to the working directory, POSIX style, plus the `#id` of a JSON Lines record), the evidence
text (white space collapsed, case folded) and its occurrence index among the document's findings of the
same rule and evidence. Edits elsewhere in the document (a new paragraph above, a fixed typo below) keep
the fingerprint; a second copy of the same bad phrase is a new finding; a finding whose evidence is edited
is a new finding, which is what a reviewer wants to see. Write the baseline and run the gate from the same
folder (the repository's top, as pre-commit and CI do).

`--baseline-ref GIT_REF` audits only the files that changed since that commit (`git diff`), plus files
git does not track yet: the gate of a pull request.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read, or a git reference that cannot be used: exit code 2."""


def doc_key(doc_id: str, path: str) -> str:
    """The document part of a fingerprint: the file relative to the working directory, plus the record id
    that the doc id adds to it (`data.jsonl#42`)."""
    if path == "-" or not path:
        return doc_id
    suffix = doc_id[len(path):] if doc_id.startswith(path) else ""
    full = os.path.abspath(path)
    here = os.getcwd()
    rel = os.path.relpath(full, here) if full.startswith(here.rstrip(os.sep) + os.sep) else full
    return Path(rel).as_posix() + suffix


def normalise(evidence: str) -> str:
    return " ".join((evidence or "").split()).casefold()


def fingerprint(rule_id: str, key: str, evidence: str, occurrence: int) -> str:
    raw = "\x1f".join((rule_id, key, normalise(evidence), str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def fingerprints(key: str, findings: Iterable[tuple[str, str]]) -> list[str]:
    """Fingerprints of one document's findings, given as (rule_id, evidence) in the document's order."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for rule_id, evidence in findings:
        k = (rule_id, normalise(evidence))
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(fingerprint(rule_id, key, evidence, n))
    return out


@dataclass(frozen=True)
class Baseline:
    """The fingerprints a baseline file records, by document key."""

    by_doc: dict[str, frozenset[str]]

    def for_doc(self, key: str) -> frozenset[str]:
        return self.by_doc.get(key, frozenset())

    @property
    def size(self) -> int:
        return sum(len(s) for s in self.by_doc.values())


def load(path: Path) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path} does not exist (write one with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"baseline {path} cannot be read: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path} is not a checker baseline (version {VERSION})")
    by_doc: dict[str, set[str]] = {}
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) or not isinstance(entry.get("document"), str):
            raise BaselineError(f"{path}: every finding needs a fingerprint and a document: {entry!r}")
        by_doc.setdefault(entry["document"], set()).add(entry["fingerprint"])
    return Baseline({k: frozenset(v) for k, v in by_doc.items()})


def render(findings, tool_version: str) -> str:
    """The baseline file for a findings table: sorted, one entry per finding, readable in a diff."""
    entries = []
    for r in findings.to_dict(orient="records"):
        entries.append({"document": doc_key(r["doc_id"], r["path"]), "rule_id": r["rule_id"],
                        "fingerprint": r["fingerprint"], "evidence": r["evidence"], "message": r["message"]})
    entries.sort(key=lambda e: (e["document"], e["rule_id"], e["fingerprint"]))
    return json.dumps({"version": VERSION, "tool": f"checker {tool_version}", "findings": entries},
                      ensure_ascii=False, indent=1) + "\n"


def changed_since(ref: str, paths: Iterable[str], cwd: Optional[Path] = None) -> list[str]:
    """Files under `paths` that differ from commit `ref` (added, copied, modified, renamed) or that git
    does not track yet, relative to the working directory, in a stable order."""
    def git(*args: str) -> str:
        try:
            r = subprocess.run(["git", *args], capture_output=True, text=True, cwd=cwd, timeout=120)
        except FileNotFoundError:
            raise BaselineError("--baseline-ref needs git, and git is not installed") from None
        if r.returncode != 0:
            raise BaselineError(f"git {' '.join(args)}: {r.stderr.strip() or 'failed'}")
        return r.stdout

    if shutil.which("git") is None:
        raise BaselineError("--baseline-ref needs git, and git is not installed")
    try:
        git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except BaselineError:
        raise BaselineError(f"--baseline-ref {ref}: no such commit here (is this a git checkout with that history?)") from None
    scope = [p for p in paths if p != "-"] or ["."]
    changed = git("diff", "--name-only", "--relative", "--diff-filter=ACMR", "-z", ref, "--", *scope).split("\0")
    untracked = git("ls-files", "--others", "--exclude-standard", "-z", "--", *scope).split("\0")
    return sorted({p for p in changed + untracked if p})
