"""Run the stages over a corpus: ingest -> analyse -> infer -> rules -> rows. Nothing else.

Documents are processed in input order; with `jobs > 1` they go to worker processes, each of which
builds its pipelines once, and come back in the same order. A document that makes the checker fail gets
an internal-error finding and its row; the batch goes on.
"""
from __future__ import annotations

import collections
import gc
import threading
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable, Iterator, Optional

import pandas as pd

from checker import dates, evidence
from checker import kb as kb_module
from checker import recycled as recycled_module
from checker.kb import outlets
from checker.cache import Cache
from checker.config import Settings
from checker.failure import internal_error
from checker.gate import Gate
from checker.infer import infer
from checker.ingest import read_inputs
from checker.ingest.claims import declared_claim
from checker.model import AnalysedDocument, Document, Finding, Problem, ProblemCode
from checker.rules.base import Corpus, CorpusRule, RuleContext
from checker.timing import clock
from checker.tables import document_row, documents_frame, finding_row, findings_frame
from checker.timeline import timeline


@dataclass
class AuditResult:
    documents: pd.DataFrame
    findings: pd.DataFrame
    timelines: Optional[dict] = None  # doc_id -> checker.timeline.timeline(), what the HTML report draws


class Checker:
    """Everything one process needs to check documents: the knowledge base, pipelines and rules."""

    def __init__(self, settings: Settings):
        from checker.rules import all_rules

        self.settings = settings
        self.rules = [r for r in all_rules() if settings.enabled(r.code)]
        self.gate = Gate(settings)
        self.cache = Cache(settings) if settings.cache else None
        self._warm = False

    # built on first use: a run whose documents all come from the cache never loads them
    @cached_property
    def kb(self):
        return kb_module.load(kb_module.DATA_DIR, self.settings.reference_date, user_dir=self.settings.kb_dir)

    @cached_property
    def context(self) -> RuleContext:
        """What the rules know besides the document: this run's knowledge base and outlet ratings (the
        user's table, then the bundled one), the evidence model and every rule's code."""
        from checker.rules import by_code

        return RuleContext(self.kb, outlets.load(self.settings.outlets), evidence.model(), tuple(by_code()))

    @cached_property
    def analyser(self):
        from checker.analyse import Analyser

        return Analyser(self.kb, self.settings.languages)

    def warm(self) -> None:
        """Load now what a run loads on first use, for a process about to fork workers that would each do
        it: every language's pipeline with all its names and titles, the rules' dictionaries, the date
        parsers, pandera's checks of both tables (by checking and validating two small documents) and
        what the corpus rules' passes import. Once per Checker."""
        from checker.ingest.readers import read_text

        if self._warm:
            return
        self._warm = True
        docs, finds = [], []
        for n, text in enumerate((
                "Date: March 3, 2019\n\nSecretary Pompeo said on Monday, March 4, 2019 that the talks will resume "
                "later this year, two weeks after the vote.\n",
                "Fecha de publicación: 3 de marzo de 2019\n\nEl canciller Marcelo Ebrard dijo el lunes 4 de marzo "
                "que las pláticas seguirán el próximo año, hace dos semanas.\n")):
            drow, frows = self._check(read_text(f"warm-up-{n}", "warm-up", text))
            docs.append({k: v for k, v in drow.items() if k != "timeline"})
            finds.extend(frows)
        # pandera's first validation of a table builds its checks: done here once, before the workers fork
        documents_frame(docs)
        findings_frame(finds)
        for lang in self.analyser.languages:
            self.analyser.pipeline(lang)
            self.analyser.people[lang].add_all()
        for rule in self.rules:
            rule.warm()
        dates.warm(self.analyser.languages)

    def analyse(self, document: Document) -> AnalysedDocument:
        if not document.readable:
            return self._unanalysed(document)
        analysed = self.analyser.analyse(document, self.settings.reference_date, self.settings.time_budget)
        with clock("inference"):
            return infer(analysed, self.kb)

    def _unanalysed(self, document: Document) -> AnalysedDocument:
        return AnalysedDocument(document, declared_claim(document.claims), (), (), (), (), None, self.settings.reference_date)

    def check(self, document: Document) -> tuple[dict, list[dict]]:
        if self.cache is None:
            return self._check(document)
        key = self.cache.key(document, self.gate.recorded(document.doc_id, document.path))
        rows = self.cache.get(key)
        if rows is None:
            rows = self._check(document)
            self.cache.put(key, rows)
        return rows

    def _check(self, document: Document) -> tuple[dict, list[dict]]:
        """The document's rows. Whatever it makes the checker do, it gets them: a failure in analysis leaves
        the document unread with an IN004 finding naming the stage; a failure in one rule is that rule's IN004
        finding beside the other rules' findings; the batch goes on either way."""
        try:
            doc = self.analyse(document)
        except Exception as exc:
            doc = self._unanalysed(self._broken(document, "analysing the text", exc))
        findings: list[Finding] = []
        with clock("rules"):
            for rule in self.rules:
                if doc.document.readable or rule.on_unreadable:
                    try:
                        findings.extend(rule.check(doc, self.context))
                    except Exception as exc:
                        findings.append(self._rule_failed(doc, rule, exc))
        try:
            return self._rows(doc, findings)
        except Exception as exc:
            doc = self._unanalysed(self._broken(document, "writing the document's rows", exc))
            return self._rows(doc, [f for r in self.rules if r.on_unreadable for f in r.check(doc, self.context)])

    @staticmethod
    def _broken(document: Document, stage: str, exc: Exception) -> Document:
        return Document(document.doc_id, document.path, document.format, document.text, readable=False,
                        problems=document.problems + (Problem(ProblemCode.IN004, internal_error(stage, exc)),))

    def _rule_failed(self, doc: AnalysedDocument, rule, exc: Exception) -> Finding:
        from checker.rules import by_code

        return by_code()[ProblemCode.IN004].finding(doc, internal_error(f"running rule {rule.code} ({rule.name})", exc), "")

    def _rows(self, doc: AnalysedDocument, findings: list[Finding]) -> tuple[dict, list[dict]]:
        findings, prints = self.gate.settle(doc, findings)  # suppressed and baselined findings leave here
        with clock("tables"):
            # the timeline rides beside the contract's columns (the tables take only those) to the HTML report
            return (document_row(doc, findings) | {"timeline": timeline(doc, findings)},
                    [finding_row(doc, f) | {"fingerprint": fp} for f, fp in zip(findings, prints)])


_worker: Optional[Checker] = None
BATCH_PER_JOB = 256  # documents read ahead per worker process
CHUNK = 8  # documents sent to a worker at a time


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Checker(settings)


def _check_in_worker(job: tuple[Document, tuple[str, ...]]):
    """A document's rows and what each corpus rule named keeps of it: taken here, in parallel, rather than in
    the process that reads the input and writes the tables."""
    from checker.rules import by_code

    document, codes = job
    return _worker.check(document), tuple(_observe(by_code()[code], document) for code in codes)


def _observe(rule: CorpusRule, document: Document) -> object:
    try:
        return rule.observe(document)
    except Exception:  # the document is then left out of that rule's corpus pass only
        return None


def _timed(documents: Iterable[Document]) -> Iterator[Document]:
    it = iter(documents)
    while True:
        with clock("ingest"):
            d = next(it, None)
        if d is None:
            return
        yield d


def run(documents: Iterable[Document], settings: Settings, checker: Optional[Checker] = None,
        corpora: Optional[dict[str, Corpus]] = None) -> Iterator[tuple[dict, list[dict]]]:
    """Rows for each document, in input order. `checker` reuses one already built; `corpora` (corpus rule
    code -> its pass) are given each document, in input order too."""
    documents = _timed(documents)
    corpora = corpora or {}
    if settings.jobs <= 1:
        checker = checker or Checker(settings)
        for d in documents:
            for corpus in corpora.values():
                corpus.add_document(d)
            yield checker.check(d)
        return
    import multiprocessing as mp

    global _worker
    if "fork" in mp.get_all_start_methods():
        # built once here, with both languages' pipelines, and inherited by the forked workers
        _worker = checker or Checker(settings)
        _worker.warm()
        ctx, init, args = mp.get_context("fork"), None, ()
    else:
        ctx, init, args = mp.get_context(), _init_worker, (settings,)
    # Pool.imap reads its input in a thread of its own as fast as it can: the whole corpus, for a large
    # one. A semaphore lets it read at most `ahead` documents more than have come back, so memory stays
    # flat, and the workers start on the first documents while the next are read.
    ahead = threading.Semaphore(BATCH_PER_JOB * settings.jobs)
    stop = threading.Event()
    pending: collections.deque = collections.deque()  # (id, path) of documents in flight, in order
    codes = tuple(corpora)

    def throttled() -> Iterator[tuple[Document, tuple[str, ...]]]:
        for d in documents:
            while not ahead.acquire(timeout=0.2):
                if stop.is_set():  # the caller stopped taking rows: let the pool shut down
                    return
            if codes:
                pending.append((d.doc_id, d.path))
            yield d, codes

    # The parent's objects (the knowledge base, the pipelines) are shared with forked workers page by page
    # until written; the garbage collector's passes write to every object they scan, so each worker would
    # copy most of the parent's memory on its first passes. Frozen (`gc.freeze`) before the fork, they are
    # left out of every process's passes; the parent takes them back when the workers are done.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    with ctx.Pool(settings.jobs, initializer=init, initargs=args) as pool:
        try:
            for rows, notes in pool.imap(_check_in_worker, throttled(), chunksize=CHUNK):
                ahead.release()
                if codes:
                    doc_id, path = pending.popleft()
                    for code, note in zip(codes, notes):
                        corpora[code].add_note(doc_id, path, note)
                yield rows
        finally:
            stop.set()
            if not frozen_before:
                gc.unfreeze()


def _corpus_passes(settings: Settings) -> dict[str, Corpus]:
    """A pass for each enabled corpus rule, by code: given every document as it goes by, they answer at the
    end; with the cache on, an unchanged corpus's answers come from it."""
    from checker.rules import all_rules

    rules = [r for r in all_rules() if isinstance(r, CorpusRule) and settings.enabled(r.code)]
    if settings.cache and rules:
        from checker.cache import KeptCorpus

        cache = Cache(settings)
        return {r.code: KeptCorpus(cache, r) for r in rules}
    return {r.code: r.corpus() for r in rules}


def _corpus_findings(corpora: dict[str, Corpus]) -> list[tuple[str, str, Finding]]:
    return [found for corpus in corpora.values() for found in corpus.findings()]


def _inputs(paths: Iterable[str], stdin_format: str, settings: Settings, stdin_name: Optional[str] = None) -> Iterator[Document]:
    """The documents to check; with the cache on, an unchanged file's documents come from it, unparsed."""
    if settings.cache:
        from checker.cache import read_inputs as read_cached

        return read_cached(paths, stdin_format, settings.max_bytes, Cache(settings), stdin_name)
    return read_inputs(paths, stdin_format, settings.max_bytes, stdin_name)


def audit(paths: Iterable[str], settings: Settings, stdin_format: str = "txt",
          progress: Optional[Callable[[], None]] = None, stdin_name: Optional[str] = None) -> AuditResult:
    """`progress` is called once per document done (the terminal's progress bar)."""
    doc_rows, finding_rows, timelines = [], [], {}
    corpora = _corpus_passes(settings)
    documents = _inputs(paths, stdin_format, settings, stdin_name)
    for drow, frows in run(documents, settings, corpora=corpora):
        timelines[drow["doc_id"]] = drow.pop("timeline", None)
        doc_rows.append(drow)
        finding_rows.extend(frows)
        if progress:
            progress()
    if corpora:
        recycled_module.amend(doc_rows, finding_rows, Gate(settings).corpus(_corpus_findings(corpora)))
    return AuditResult(documents_frame(doc_rows), findings_frame(finding_rows), timelines)


def audit_to(paths: Iterable[str], settings: Settings, out, stdin_format: str = "txt", checker: Optional[Checker] = None,
             progress: Optional[Callable[[], None]] = None, timelines: bool = False, stdin_name: Optional[str] = None):
    """Audit and stream the two tables into `out` as documents finish; returns the sink with its counts.
    With `timelines`, each document's timeline streams into `out/timelines.jsonl` too (the HTML report's)."""
    from checker.sink import TableSink

    sink = TableSink(out, timelines=timelines)
    corpora = _corpus_passes(settings)
    try:
        documents = _inputs(paths, stdin_format, settings, stdin_name)
        for drow, frows in run(documents, settings, checker, corpora=corpora):
            sink.add(drow, frows)
            if progress:
                progress()
        sink.close()
        for r in recycled_module.amend_files(out, Gate(settings).corpus(_corpus_findings(corpora))) if corpora else []:
            sink.findings += 1
            sink.severities[r["severity"]] = sink.severities.get(r["severity"], 0) + 1
    except BaseException:
        sink.abort()
        raise
    return sink
