"""Sensational markers: runs of words in capitals, and exclamation marks, in the body of the text.

Reporting informs in an even voice; shouting ("THIS CHANGES EVERYTHING", "Unbelievable!!") is the voice
of clickbait and advocacy. Counted in running text only: lines wholly in capitals (headings, speaker
labels such as "PRESIDENTE LÓPEZ OBRADOR:") and quotations (a speaker may exclaim) are left out, and
acronyms are short. The rule fires at a run of four or more words in capitals after lower-case words on
the same line (two of them of four letters or more), at a doubled "!!" or "?!", or at three
exclamation marks or more outside quotations that end one sentence in twenty or more.
Signal: Credibility Coalition / W3C Credible Web, content indicators "clickbait title", "exclamation
marks" and "all caps"; NewsGuard, "avoids deceptive headlines".

Fails:
    Date: May 2, 2019

    The council did it again: THEY RAISED YOUR TAXES AGAIN, and nobody noticed!!

Passes:
    Date: May 2, 2019

    The council raised the property tax by 2% on Tuesday, the first rise since 2015.
"""
from __future__ import annotations

import re

from checker.model import Category, Severity, Span
from checker.rules.base import Rule

_CAPS_RUN = re.compile(r"\b[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ'’]+(?:[ \t,]+[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ'’]*){3,}\b")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|¡[^!\n]*!")
_DOUBLE = re.compile(r"[!?]*!!+|\?!|!\?")
MIN_EXCLAIMED = 3
EXCLAIMED_SHARE = 0.05  # of sentences: a long speech may exclaim now and then
# a transcript's speaker label: "AUDIENCE:", "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR:"
_SPEAKER = re.compile(r"^[ \t*_]*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .,'’()-]{1,80}:")


def _shouted(line: str, m: re.Match) -> bool:
    """Shouting inside a sentence: lower-case words before the run, two words of four letters or more, and
    no colon after it (a label); a line that starts in capitals is a headline."""
    long_words = [w for w in re.findall(r"[^\W\d_]+", m.group(0)) if len(w) >= 4]
    return (len(long_words) >= 2 and any(len(w) >= 5 for w in long_words) and re.search(r"[a-z]", line[:m.start()])
            is not None and not line[m.end():].lstrip().startswith(":"))


class Sensational(Rule):
    code = "SR111"
    name = "sensational-style"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 10
    points_reason = "sensational voice (NewsGuard: avoids deceptive headlines)"

    def check(self, doc, ctx):
        text = doc.document.text
        caps: list[Span] = []
        marks: list[Span] = []
        for start, end, _ in doc.paragraphs:
            pos = start
            for line in text[start:end].split("\n"):
                if any(c.islower() for c in line) and not _SPEAKER.match(line):
                    plain = _QUOTED.sub(lambda m: " " * len(m.group(0)), line)
                    caps += [Span(pos + m.start(), pos + m.end(), m.group(0)) for m in _CAPS_RUN.finditer(plain)
                             if _shouted(plain, m)]
                    marks += [Span(pos + m.start(), pos + m.end(), line[max(0, m.start() - 40):m.end()].strip())
                              for m in re.finditer(r"!+|\?!", plain)]
                pos += len(line) + 1
        doubled = [s for s in marks if _DOUBLE.fullmatch(text[s.start:s.end])]
        sentences = max(1, sum(text.count(c, s, e) for s, e, _ in doc.paragraphs for c in ".!?"))
        if not caps and not doubled and (len(marks) < MIN_EXCLAIMED or len(marks) < EXCLAIMED_SHARE * sentences):
            return
        parts = []
        if caps:
            parts.append(f"{len(caps)} run(s) of words in capitals (“{caps[0].text}”)")
        if marks:
            parts.append(f"{len(marks)} exclamation mark(s) outside quotations")
        yield self.finding(doc, " and ".join(parts) + ": a sensational voice, not a reporting one.",
                           (caps + doubled + marks)[:4], confidence=0.6)
