"""Doubts about the knowledge base's data that its schemas cannot see (`checker kb validate`)."""
from __future__ import annotations

import datetime as dt

from checker.kb.base import KnowledgeBase
from checker.kb.store import parse_birth, parse_partial
from checker.model import PartialDate, Precision, Tenure


# Levels whose office has one holder at a time: two holders at once is a typo in a date.
ONE_HOLDER = {"head_of_state", "head_of_government", "deputy_head_of_state", "cabinet", "deputy_cabinet", "staff",
              "ambassador"}


def lint(kb: KnowledgeBase) -> list[str]:
    """Doubts about the data a schema cannot see: two holders of a one-holder office at once (beyond a
    week's hand-over), a term that starts before its holder turned 18, a term that starts in the future."""
    out = []
    by_office: dict[str, list[Tenure]] = {}
    for ts in kb.tenures.values():
        for t in ts:
            by_office.setdefault(t.office_id, []).append(t)
    week = dt.timedelta(days=7)

    def latest_start(t: Tenure) -> dt.date:
        if t.start_precision is Precision.DAY:
            return t.start
        return (PartialDate(t.start.year, t.start.month) if t.start_precision is Precision.MONTH
                else PartialDate(t.start.year)).last_day

    def earliest_end(t: Tenure) -> dt.date:
        if t.end is None:
            return dt.date.max
        if t.end_precision is Precision.DAY:
            return t.end
        return t.end.replace(day=1) if t.end_precision is Precision.MONTH else t.end.replace(month=1, day=1)

    for oid, ts in sorted(by_office.items()):
        if kb.office(oid).level not in ONE_HOLDER:
            continue
        ts.sort(key=lambda t: t.start)
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                if b.start >= earliest_end(a):
                    break
                # an acting holder may stand in while the holder is on leave; dates told to the month or
                # the year only overlap when every reading of them does: each began before the other's end
                # (two starts told as one year sort in no telling order)
                if a.person_id != b.person_id and not (a.acting or b.acting) \
                        and latest_start(b) + week < earliest_end(a) and latest_start(a) + week < earliest_end(b):
                    out.append(f"{oid}: {kb.person(a.person_id).name} {a.start}..{a.end or 'in office'} overlaps "
                               f"{kb.person(b.person_id).name} {b.start}..{b.end or 'in office'}")
    for pid, ts in kb.tenures.items():
        born = parse_birth(kb.person(pid).born) if kb.person(pid).born else None
        died = parse_partial(kb.person(pid).died) if kb.person(pid).died else None
        for t in ts:
            # a child may inherit a throne under a regent; no one is elected or appointed at 17
            if born and t.start.year - born.year < 18 and kb.office(t.office_id).level != "monarch":
                out.append(f"{pid}: {t.office_id} from {t.start}, but born {kb.person(pid).born}")
            if died and t.start > died.last_day:
                out.append(f"{pid}: {t.office_id} from {t.start}, but died {kb.person(pid).died}")
            if died and t.end is None:
                out.append(f"{pid}: {t.office_id} still in office, but died {kb.person(pid).died}")
            elif died and t.end > died.last_day + dt.timedelta(days=31):
                out.append(f"{pid}: {t.office_id} until {t.end}, but died {kb.person(pid).died}")
            if t.start > dt.date.today():
                out.append(f"{pid}: {t.office_id} starts in the future ({t.start})")
    return out
