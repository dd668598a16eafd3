"""The tense a sentence shows around a phrase, without a trained model.

Blank spaCy pipelines have no part-of-speech tags, so tense comes from markers: auxiliaries and
time adverbs ("will", "was", "has", "será", "fue"), and verb endings that only a past or future form has
("-ed" after a subject, Spanish "-ó", "-aron", "-rá"). The marker nearest the phrase wins, so in "The visit
was unrelated to the tariffs that will take effect" the tariffs are future and the visit past.
"""
from __future__ import annotations

import re

from checker.model import Tense

_MARKERS = {
    "en": {
        Tense.FUTURE: {"will", "'ll", "shall", "upcoming", "tomorrow", "wo", "gonna"},
        Tense.PAST: {"was", "were", "had", "did", "ago", "yesterday", "former", "formerly", "previously", "then",
                     "earlier", "once", "said", "went", "met", "took", "gave", "made", "signed", "held", "spoke",
                     "told", "led", "served", "became", "began", "came", "won", "left", "saw", "wrote", "sent",
                     "thought", "brought", "got", "knew", "stood", "ran", "kept", "felt", "chose", "fought"},
        Tense.PRESENT: {"is", "are", "am", "has", "have", "says", "today", "now", "currently", "continues",
                        "remains", "serves", "announces", "announced", "urges", "urged", "calls", "believes",
                        "wants", "needs", "does", "do", "can", "must", "should", "would", "could", "may"},
    },
    "es": {
        Tense.FUTURE: {"será", "serán", "habrá", "mañana", "próximo", "próxima", "próximos", "próximas", "iremos",
                       "vamos"},
        Tense.PAST: {"fue", "fueron", "era", "eran", "había", "habían", "estuvo", "ayer", "hace", "entonces",
                     "anterior", "dijo", "tuvo", "hizo", "anteriormente"},
        Tense.PRESENT: {"es", "son", "está", "están", "hoy", "ahora", "actualmente", "tiene", "tienen", "ha",
                        "han", "hemos", "puede", "debe", "estamos", "somos", "tenemos", "quiere"},
    },
}
_FUTURE_PHRASES = {
    "en": re.compile(r"\b(?:going to|set to|scheduled to|expected to|plans? to|planning to|to be held|next (?:week|month|year))\b", re.I),
    "es": re.compile(r"\b(?:va a|van a|vamos a|se llevará|próxim[oa]s? (?:semana|mes|año))\b", re.I),
}
_EN_PAST_ED = re.compile(r"^[a-z]{3,}ed$")
_EN_NOT_PAST = {"need", "indeed", "united", "red", "bed", "speed", "feed", "seed", "proceed", "succeed", "exceed",
                "hundred", "based", "related", "limited", "interested", "concerned", "dedicated", "detailed",
                "advanced", "proposed", "armed", "sacred", "naked", "wicked", "beloved", "alleged", "needed",
                "supposed", "used", "expected", "scheduled", "planned", "continued", "increased", "reduced",
                "undocumented", "unprecedented", "shared", "coordinated", "organized", "required", "trafficked"}
_ES_PAST = re.compile(r"^\w{2,}(?:ó|aron|ieron|ió)$")
_ES_FUTURE = re.compile(r"^\w{3,}(?:rá|rán|remos)$")


_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_MODAL_AUX = {"to", "can", "could", "should", "must", "may", "might", "would"}


def _participle_tense(before: list[str]) -> Tense | None:
    """"will be formally signed": a participle after "will" is future; after "to be", "must be", none."""
    for w in reversed(before[-3:]):
        if w in _FUTURE_AUX:
            return Tense.FUTURE
        if w in _MODAL_AUX:
            return None
    return Tense.PAST


def _classify(word: str, lang: str) -> Tense | None:
    w = word.lower()
    markers = _MARKERS.get(lang, _MARKERS["en"])
    for tense in (Tense.FUTURE, Tense.PAST, Tense.PRESENT):
        if w in markers[tense]:
            return tense
    if lang == "en":
        if _EN_PAST_ED.match(w) and w not in _EN_NOT_PAST and word[0].islower():
            return Tense.PAST
    else:
        if _ES_FUTURE.match(w):
            return Tense.FUTURE
        if _ES_PAST.match(w) and w not in {"no", "yo"}:
            return Tense.PAST
    return None


_TOKEN = re.compile(r"[\w']+", re.UNICODE)


def tense_near(sentence: str, start: int, end: int, lang: str) -> Tense:
    """The tense of the sentence around sentence[start:end] (offsets relative to the sentence)."""
    fut = _FUTURE_PHRASES.get(lang)
    best: tuple[int, Tense] | None = None
    if fut:
        for m in fut.finditer(sentence):
            d = m.start() - end if m.start() >= end else start - m.end()
            if best is None or abs(d) < best[0]:
                best = (abs(d), Tense.FUTURE)
    words: list[str] = []
    for m in _TOKEN.finditer(sentence):
        word = m.group(0)
        before = words[-3:]
        words.append(word.lower())
        if start <= m.start() < end:
            continue  # words of the phrase itself ("former", a month name) say nothing of the verb
        t = _classify(word, lang)
        if t is Tense.PAST and lang == "en" and word.lower() not in ("was", "were", "had", "did", "ago", "yesterday"):
            t = _participle_tense(before)
        if t is None:
            continue
        d = m.start() - end if m.start() >= end else start - m.end()
        if best is None or abs(d) < best[0]:
            best = (abs(d), t)
    return best[1] if best else Tense.UNKNOWN
