"""Garbled or truncated text: mojibake ("peopleâ€™s"), replacement characters, or a story cut short.

Text whose characters were decoded with the wrong encoding somewhere on the way ("Ã©", "â€œ", "�"),
or that stops at "Continue reading", "[...]" or in the middle of a sentence, is a damaged copy: words
may be lost, and what is missing may change the meaning. Mojibake is found by ftfy's badness measure (a
maintained library that knows the encodings' tell-tale sequences) and shown repaired; truncation by the
phrases of kind `truncated` in `checker/kb/data/boilerplate.csv` near the end, a trailing ellipsis, or a
last paragraph of a dozen words or more that stops without a sentence's end. Signal: W3C Credible Web
Community Group, "Credibility Signals" (content integrity); NewsGuard, "gathers and presents
information responsibly".

Fails:
    Date: May 2, 2019

    The councilâ€™s budget passed on Tuesday, the mayorâ€™s office said.

Fails:
    Date: May 2, 2019

    The council approved the budget on Tuesday after a long debate.

    The mayor said the vote would allow the city to hire more teachers and

Passes:
    Date: May 2, 2019

    The council’s budget passed on Tuesday, the mayor’s office said.
"""
from __future__ import annotations

import re

from checker.model import Category, Severity, Span
from checker.rules.base import Rule, iter_lines, matcher, regex

LAST_LINES = 4
MIN_CUT_WORDS = 12
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’»)\]*_]")  # the last character of a right-stripped line
_ELLIPSIS = re.compile(r"\w\s*(?:\.\.\.|…)\s*$")


# the lead characters of UTF-8 read as Latin-1 or cp1252 ("Ã©", "â€™", "Â "), and the replacement character
_SUSPECT = re.compile("[\u00c2-\u00c5\u00e2\u00ef\u00d0\u00d1\u0080-\u009f\ufffd€™]")


def _garbled(text: str) -> list[Span]:
    out = []
    if not _SUSPECT.search(text):
        return out
    from ftfy.badness import is_bad
    for pos, line in iter_lines(text):
        if "\ufffd" in line or (_SUSPECT.search(line) and is_bad(line)):
            out.append(Span(pos, pos + len(line), line.strip()))
    return out


def _cut(doc) -> list[Span]:
    text = doc.document.text
    skip = matcher("chrome", "issuer")
    tail: list[tuple[int, str]] = []
    end = len(text)
    while end > doc.document.body_start and len(tail) < LAST_LINES:  # the last lines, read from the end
        start = max(text.rfind("\n", doc.document.body_start, end) + 1, doc.document.body_start)
        line = text[start:end].rstrip("\r")
        if line.strip() and not skip(line):
            tail.insert(0, (start, line))
        end = start - 1
    marker = regex("truncated")
    for pos, line in tail:
        if m := marker.search(line):
            return [Span(pos + m.start(), pos + m.end(), m.group(0))]
    if not tail:
        return []
    pos, line = tail[-1]
    ending = line.rstrip()
    if _looks_cut(ending):
        return [Span(pos + max(0, len(ending) - 60), pos + len(ending), ending[-60:].strip())]
    return []


def _looks_cut(ending: str) -> bool:
    """The (right-stripped) last line trails off in an ellipsis, or is running text of some length that
    stops on a lower-case word without a closing mark. Only its end is read, but for counting the words
    in lower case, the last test (a line can be a whole article)."""
    words = ending.split()
    return _trails_off(ending) or (len(words) >= MIN_CUT_WORDS and not _ENDS_SENTENCE.search(ending[-1:])
                                   and words[-1].isalpha() and words[-1].islower() and _prose(words))


def _trails_off(ending: str) -> bool:
    """A word and an ellipsis end the line: the ellipsis pattern, tried only where its word can stand,
    just before the spaces before the final ellipsis."""
    for dots in ("...", "…"):
        if ending.endswith(dots):
            word_at = len(ending[:-len(dots)].rstrip()) - 1
            return word_at >= 0 and _ELLIPSIS.search(ending, word_at) is not None
    return False


def _prose(words: list[str]) -> bool:
    """Running text, not a list of names: half the words or more start in lower case."""
    return sum(1 for w in words if w[:1].islower()) >= len(words) / 2


class GarbledOrTruncated(Rule):
    code = "SR110"
    name = "garbled-or-truncated-text"
    category = Category.SOURCE
    severity = Severity.WARNING
    points = {Severity.ERROR: 30, Severity.WARNING: 15, Severity.INFO: 8}
    points_reason = "garbled or cut-short copy: words may be lost"

    def warm(self) -> None:
        import ftfy.badness  # noqa: F401 (its regular expressions are built on import: once, before the fork)

    def check(self, doc, ctx):
        bad = _garbled(doc.document.text)
        if bad:
            from ftfy import fix_text  # only for garbled text: a clean post's pre-commit run need not import it

            fixed = fix_text(bad[0].text, uncurl_quotes=False)
            yield self.finding(doc, f"{len(bad)} line(s) hold garbled characters (mojibake or “�”), e.g. “{bad[0].text[:80]}”"
                                    + (f", which reads “{fixed[:80]}” once repaired" if fixed != bad[0].text else "")
                                    + ": the text passed through a wrong encoding and may have lost characters.",
                               bad[:3], confidence=0.8)
        cut = _cut(doc)
        if cut:
            yield self.finding(doc, f"The text looks cut short (it ends “…{cut[0].text}”): what follows is missing; "
                                    "find the complete original.", cut, severity=Severity.INFO, confidence=0.6)
