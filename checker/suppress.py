"""Suppressions: the author's word that a finding is known and accepted, written in the document itself.

Where they can be written:
- Markdown (any text, in fact) comments, the way ESLint and markdownlint do it:
      <!-- checker: disable DT102 -->      ... from here on, until
      <!-- checker: enable DT102 -->       ... here (no `enable`: to the end of the document)
      <!-- checker: disable-next-line DT101 SR103 -->   only the line right after the comment
  Codes are separated by spaces or commas and may be prefixes (`DT`); none means every rule. Text in
  parentheses after the codes is a reason, for the reader: `<!-- checker: disable DT102 (quoted from the
  2014 release) -->`. An `enable` ends the `disable`s of the codes it names (a bare one ends them all).
- For the whole document: a `checker:` key in the front matter, or a `checker` field in a JSON record:
      checker:
        disable: [DT102, SR103]
  (or `checker: DT102, SR103`). These are the only way to suppress a finding that has no place in the
  text, such as DT108 (no declared date).

What suppression does: a suppressed finding is removed before the document's verdict, its counts and its
reliability score are computed, so it weighs nothing anywhere (the engine calls `apply` between the rules
and the tables). A code that names no rule is reported (rule CK001) and suppresses nothing, so a typo never
turns into "disable everything". With `--report-unused-suppressions`, a suppression that matched no
finding is reported too (CK001), so stale ones can be cleaned up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from checker.model import Document, Finding

METADATA_KEY = "checker"  # the front-matter key and the JSON field
COMMENT = re.compile(r"<!--\s*checker\s*:\s*(disable-next-line|disable|enable)\b(.*?)-->", re.I | re.S)
CODE = re.compile(r"^[A-Za-z]{2}\d{0,3}$")
NOTHING = "\0"  # the code of a directive whose every code was unknown


@dataclass
class Directive:
    action: str  # disable, enable, disable-next-line, or document (from the metadata)
    codes: tuple[str, ...]  # empty: every rule
    unknown: tuple[str, ...]  # tokens that are not rule codes
    start: int  # the comment (or the metadata line) in the text, for line numbers
    end: int
    covers: tuple[int, Optional[int]] = (0, None)  # text offsets this suppression covers (None: to the end)
    used: dict[str, int] = field(default_factory=dict)  # code ("" for every rule) -> findings suppressed

    def covers_finding(self, f: Finding) -> Optional[str]:
        """The code of this directive that suppresses `f`, if one does ("" for a bare directive)."""
        if self.action == "enable":
            return None
        if self.action != "document":
            if f.start is None or f.start < self.covers[0] or (self.covers[1] is not None and f.start >= self.covers[1]):
                return None
        if not self.codes:
            return ""
        return next((c for c in self.codes if f.rule_id.startswith(c)), None)


def split_codes(text: str, known: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """'DT102, SR (a reason)' -> (codes, unknown tokens)."""
    text = text.split("(", 1)[0]
    known = tuple(known)
    codes, unknown = [], []
    for token in re.split(r"[\s,]+", text.strip()):
        if not token:
            continue
        code = token.upper()
        if CODE.match(token) and any(k.startswith(code) for k in known):
            codes.append(code)
        else:
            unknown.append(token)
    return tuple(dict.fromkeys(codes)), tuple(unknown)


def directives(document: Document, known: Iterable[str]) -> list[Directive]:
    known = tuple(known)
    text = document.text
    out: list[Directive] = []
    meta = dict(document.metadata).get(METADATA_KEY)
    if meta is not None:
        codes, unknown = split_codes(meta, known)
        at = _metadata_line(text)
        # an empty list disables nothing: only a bare directive in a comment means "every rule"
        if codes or unknown:
            out.append(Directive("document", codes, unknown, at[0], at[1]))
    for m in COMMENT.finditer(text):
        action = m.group(1).lower()
        codes, unknown = split_codes(m.group(2), known)
        if unknown and not codes:
            codes = (NOTHING,)  # only unknown codes: suppresses nothing, never "every rule"
        if action == "disable-next-line":
            nl = text.find("\n", m.end())
            line_start = len(text) if nl < 0 else nl + 1
            nl2 = text.find("\n", line_start)
            out.append(Directive(action, codes, unknown, m.start(), m.end(),
                                 (line_start, len(text) if nl2 < 0 else nl2)))
        elif action == "disable":
            # one region per code, so that an `enable` of one code leaves the others disabled
            for i, code in enumerate(codes or ("",)):
                out.append(Directive(action, (code,) if code else (), unknown if i == 0 else (), m.start(), m.end(),
                                     (m.end(), None)))
        else:
            out.append(Directive(action, codes, unknown, m.start(), m.end()))
    _close_regions(out)
    return out


def _close_regions(ds: list[Directive]) -> None:
    for i, d in enumerate(ds):
        if d.action != "disable":
            continue
        for e in ds[i + 1:]:
            if e.action == "enable" and (not e.codes or any((d.codes or ("",))[0].startswith(x) for x in e.codes)):
                d.covers = (d.covers[0], e.start)
                break


def _metadata_line(text: str) -> tuple[int, int]:
    m = re.search(rf"^{METADATA_KEY}\s*:", text[:20000], re.M) if text.startswith("---") else None
    return (m.start(), m.end()) if m else (0, 0)


@dataclass
class Outcome:
    kept: list[Finding]
    suppressed: list[Finding]
    directives: list[Directive]

    def unused(self) -> Iterable[tuple[Directive, str]]:
        """(directive, code) pairs that suppressed nothing; code "" for a bare directive."""
        for d in self.directives:
            if d.action == "enable" or d.codes == (NOTHING,):
                continue
            for code in d.codes or ("",):
                if not d.used.get(code):
                    yield d, code


def apply(document: Document, findings: Iterable[Finding], known: Iterable[str]) -> Outcome:
    ds = directives(document, known)
    kept, suppressed = [], []
    for f in findings:
        hit = None
        for d in ds:
            code = d.covers_finding(f)
            if code is not None:
                d.used[code] = d.used.get(code, 0) + 1
                hit = d
        (suppressed if hit else kept).append(f)
    return Outcome(kept, suppressed, ds)
