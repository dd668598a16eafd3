"""Infer: what the content says -> its evidence, the window of dates it allows, and constraints to draw.

The evidence and the window come from the evidence model (checker/evidence.py): each titled person,
"former", "-elect" or nominee title and dated event is weighed by how often such evidence occurs in
rightly and wrongly dated real text, and the window is the run of days the model finds most likely.

The same facts are also kept as `Constraint`s, intervals with a weight, which the timeline of the HTML
report draws and which the window's support and against lists name:
- a title before a name bounds the text from below at the person's first day in office (LOWER_BOUND);
- it bounds it from above at their last day more weakly, by the tense of the sentence (IN_OFFICE), and
  not at all with a look-back cue ("under", "the policies of", "then-");
- "-elect" pins it between the election and the inauguration (ELECT); "former" after the first term ended
  (FORMER); a dated event told in the past or the future tense bounds it on one side (PAST_EVENT,
  FUTURE_EVENT).
Namesakes ("President Bush") that the title and office cannot tell apart give the union of their terms.
A term ends the day before its recorded end (the successor's first day), so inauguration-day overlaps are
not conflicts; the rules allow a few days' grace around the declared date instead.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Iterable, Optional

from checker.dates import EARLIEST
from checker import evidence
from checker.evidence import anchored_in_past, tenures_for
from checker.kb import KnowledgeBase
from checker.model import AnalysedDocument, Constraint, Mention, Strength, Tense, Tenure, TimeExpression, TimeKind, Window

LOWER_BOUND = 3.0
IN_OFFICE = {Tense.PRESENT: 2.0, Tense.FUTURE: 2.0, Tense.UNKNOWN: 1.5, Tense.PAST: 1.0}
REPEAT_BONUS = 0.5  # per extra mention of the same person in the same office not in the past tense
REPEAT_CAP = 1.0
# A plain title grows less plausible the longer after the term the text is: each step adds its weight.
AFTER_TERM_STEPS = ((dt.timedelta(days=2 * 365), 0.5), (dt.timedelta(days=4 * 365), 0.5))
ELECT = 3.0
FORMER = 2.0
PAST_EVENT = 1.25
FUTURE_EVENT = 1.0
GRACE = dt.timedelta(days=7)  # slack the rules give the declared date around a hand-over
EARLY = dt.timedelta(days=3)
ELECT_EARLY = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)


def fmt_range(start: Optional[dt.date], end: Optional[dt.date]) -> str:
    return f"{start.isoformat() if start else '…'}..{end.isoformat() if end else 'today'}"


def fmt_tenure(t: Tenure) -> str:
    """A term as a reader checks it: "1999-01-03 or earlier..2009-08-25" where the record's start is open,
    "2013-01-03..2022-03-18 or later" where its end is."""
    text = fmt_range(t.start, t.end)
    return (text.replace("..", " or earlier..", 1) if t.start_open else text) + (" or later" if t.end_open else "")


def _office_name(kb: KnowledgeBase, office_id: str, lang: str) -> str:
    o = kb.office(office_id)
    return (o.name_es if lang == "es" and o.name_es else o.name_en)


def mention_constraints(kb: KnowledgeBase, mentions: Iterable[Mention], times: Iterable[TimeExpression] = ()) -> list[Constraint]:
    groups: dict[str, list[tuple[Mention, list]]] = {}
    times = tuple(times)
    for m in mentions:
        if m.title is None or not m.person_ids or m.qualifiers.late:
            continue
        ts = tenures_for(kb, m)
        if not ts:
            continue
        key = "|".join(sorted({f"{t.person_id}@{t.office_id}" for t in ts}))
        groups.setdefault(key, []).append((m, ts))
    out: list[Constraint] = []
    for key, items in groups.items():
        ts = items[0][1]
        # the first day in office, where every term's record holds its start (an open start may hide an
        # earlier one)
        first = None if any(t.start_open for t in ts) else min(t.start for t in ts)
        people = sorted({kb.person(t.person_id).name for t in ts})
        who = " or ".join(people)
        office = _office_name(kb, ts[0].office_id, "en")
        subject = f"{who} · {office}"
        terms = ", ".join(fmt_tenure(t) for t in ts)
        plain = [(m, t) for m, t in items if not (m.qualifiers.former or m.qualifiers.elect or m.qualifiers.future
                                                    or m.qualifiers.then)]
        if plain:
            ev = tuple(m.span for m, _ in plain[:3])
            if first is not None:
                out.append(Constraint(((first, None),), LOWER_BOUND, Strength.STRONG,
                                      f"{who} became {office} on {first.isoformat()}", ev, key + "#start", subject=subject))
            current = [(m, t) for m, t in plain if not m.qualifiers.retrospective and not anchored_in_past(m, t, times)]
            if current:
                best = max(IN_OFFICE[m.tense] for m, _ in current)
                not_past = sum(1 for m, _ in current if m.tense is not Tense.PAST)
                weight = best + min(REPEAT_CAP, REPEAT_BONUS * max(0, not_past - 1))
                intervals = tuple((t.begun, (t.left - DAY) if t.left else None) for t in ts)
                ev = tuple(m.span for m, _ in current[:3])
                out.append(Constraint(intervals, weight, Strength.STRONG if weight >= 2 else Strength.SOFT,
                                      f"{who} was {office} {terms}", ev, key + "#term", subject=subject))
                for step, w in AFTER_TERM_STEPS:
                    if any(t.left for t in ts):
                        stretched = tuple((t.begun, t.left + step if t.left else None) for t in ts)
                        out.append(Constraint(stretched, w, Strength.SOFT,
                                              f"{who} left the office of {office} more than {step.days // 365} years earlier "
                                              f"({terms})", ev, key + f"#after{step.days}", step=True, subject=subject))
        for m, mts in items:
            if m.qualifiers.elect:
                wins = []
                for t in mts:
                    if not t.start_open:  # an open start is not the day the person took office
                        wins.append((t.elected or t.start - dt.timedelta(days=120), t.start))
                if not wins:
                    break
                out.append(Constraint(tuple(wins), ELECT, Strength.STRONG,
                                      f"{who} was {office}-elect between the election and taking office ({', '.join(fmt_range(a, b) for a, b in wins)})",
                                      (m.span,), key + "#elect", subject=subject))
                break
        for m, mts in items:
            if m.qualifiers.former:
                ends = [t.end for t in mts if t.end]
                if ends:
                    # before a record that starts open, an earlier term may have ended: no bound there
                    opened = [t.start for t in mts if t.start_open]
                    allowed = (((None, min(opened) - DAY),) if opened else ()) + ((min(ends), None),)
                    out.append(Constraint(allowed, FORMER, Strength.STRONG,
                                          f"{who} first left the office of {office} on {min(ends).isoformat()}", (m.span,), key + "#former", subject=subject))
                break
        for m, mts in items:
            if m.qualifiers.then and not plain and first is not None:
                out.append(Constraint(((first, None),), LOWER_BOUND, Strength.STRONG,
                                      f"{who} became {office} on {first.isoformat()}", (m.span,), key + "#start", subject=subject))
                break
    return out


def time_constraints(doc: AnalysedDocument) -> list[Constraint]:
    out = []
    for t in doc.times:
        if t.value is None or not t.year_explicit:
            continue
        if t.kind is TimeKind.ABSOLUTE and t.value.day is not None:
            if t.tense is Tense.PAST:
                out.append(Constraint(((t.value.first_day, None),), PAST_EVENT, Strength.SOFT,
                                      f"the text tells of {t.span.text} in the past tense", (t.span,), f"time:{t.span.start}"))
            elif t.tense is Tense.FUTURE:
                out.append(Constraint(((None, t.value.last_day),), FUTURE_EVENT, Strength.SOFT,
                                      f"the text expects {t.span.text} in the future tense", (t.span,), f"time:{t.span.start}"))
        elif t.kind is TimeKind.YEAR and t.tense is Tense.PAST:
            out.append(Constraint(((t.value.first_day, None),), PAST_EVENT / 2, Strength.SOFT,
                                  f"the text tells of {t.span.text} in the past tense", (t.span,), f"time:{t.span.start}"))
    return out


def infer(doc: AnalysedDocument, kb: KnowledgeBase) -> AnalysedDocument:
    """The document's evidence (checker/evidence.py) and the window of dates the model finds it consistent
    with; the constraints are the same facts as intervals, which the timeline draws and the window's
    support and against lists name."""
    constraints = mention_constraints(kb, doc.mentions, doc.times) + time_constraints(doc)
    items = tuple(evidence.items(doc, kb))
    prefer = (doc.declared.value.first_day, doc.declared.value.last_day) if doc.declared else None
    stretch = evidence.window(evidence.model(), items, EARLIEST, doc.reference_date, prefer)
    window = None
    if stretch is not None:
        start, end = stretch
        held = [c.allows(start) and c.allows(end) for c in constraints]  # one pass: no search of a long tuple
        window = Window(start, end, tuple(c for c, h in zip(constraints, held) if h),
                        tuple(c for c, h in zip(constraints, held) if not h))
    return replace(doc, constraints=tuple(constraints), window=window, evidence=items)
