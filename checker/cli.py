"""The `checker` command: a thin typer layer over the engine, the rules and the knowledge base.

Exit codes (the contract): 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage or
configuration error.
"""
from __future__ import annotations

import collections
import gc
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Check news articles and press releases: do their dates fit what they say?")
from checker.cli_kb import kb_app  # noqa: E402 (the `kb` sub-commands live in their own module)

app.add_typer(kb_app, name="kb")
NEVER = 99  # --fail-on never: a rank no finding reaches



def _version(value: bool) -> None:
    if value:
        from checker.cache import version

        typer.echo(f"checker {version()}")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the checker's version and exit.")) -> None:
    """Check news articles and press releases: do their dates fit what they say?"""


def _check_kb_layers(settings) -> None:
    """A broken imported knowledge-base layer is a configuration error (exit 2), not a crash."""
    from checker import config as cfg
    from checker import kb

    try:
        kb.load(kb.DATA_DIR, settings.reference_date, user_dir=settings.kb_dir)
    except kb.LayerError as exc:
        raise cfg.ConfigError(str(exc)) from None


def _fail(message: str) -> None:
    typer.echo(f"checker: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def audit(
    paths: List[str] = typer.Argument(..., help="Files or folders (recursed); '-' reads one document from standard input."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for documents.csv, findings.csv and the --format files."),
    fmt: List[str] = typer.Option([], "--format", "-f", help="Report format: text, markdown, csv, json, jsonl, sarif, junit, github, rdjson, html (repeatable)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a finding reaches this severity: error, warning, info, never."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="'Today' for checks of future dates (YYYY-MM-DD)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A checker.toml or pyproject.toml; found upward from here by default."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    select: List[str] = typer.Option([], "--select", help="Only these rule codes or prefixes (repeatable)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Skip these rule codes or prefixes (repeatable)."),
    stdin_format: Optional[str] = typer.Option(None, "--stdin-format", help="Format of the document on standard input: txt, md, json, jsonl, csv, html, feed (RSS or Atom) (default: from --stdin-filename, else txt)."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="The name of the document on standard input, for reports and its format (posts/a.md)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Terminal report: only documents with findings, and no infos."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, help="Read at most this many bytes of a file (default 20 MB)."),
    time_budget: Optional[float] = typer.Option(None, "--time-budget", min=0, help="Seconds of analysis per document (default 10)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask (a Dask cluster; needs --out)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address; none starts a LocalCluster of --jobs workers."),
    extend_select: List[str] = typer.Option([], "--extend-select", help="Add these rule codes or prefixes to the selection (repeatable)."),
    output: List[Path] = typer.Option([], "--output", help="Write a report to FILE, its format chosen by the extension: .txt .md .csv .json .jsonl .sarif .xml (JUnit) .rdjson .html (repeatable)."),
    max_warnings: Optional[int] = typer.Option(None, "--max-warnings", min=0, help="Exit 1 when there are more than N warnings."),
    statistics: bool = typer.Option(False, "--statistics", help="Print the number of findings per rule instead of the report."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Leave out the findings this baseline file records: only new ones count."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record every finding of this run in FILE and exit 0."),
    baseline_ref: Optional[str] = typer.Option(None, "--baseline-ref", help="Audit only the files changed since this git commit (and untracked ones)."),
    report_unused: bool = typer.Option(False, "--report-unused-suppressions", help="Report suppression comments that suppress nothing (CK001)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Analyse every document again, without the cache of unchanged ones."),
    extend_exclude: List[str] = typer.Option([], "--extend-exclude", help="Pass over paths matching this glob too, besides the config's exclude (repeatable)."),
    force_exclude: bool = typer.Option(False, "--force-exclude", help="Apply the excludes and .gitignore to files named on the command line too (as a hook needs)."),
    no_gitignore: bool = typer.Option(False, "--no-respect-gitignore", help="Read the files git ignores too."),
) -> None:
    """Audit documents: declared dates against what the content allows, and source-reliability signals."""
    o = AuditOptions(**locals())  # the parameters, as they came: first, before any other name is bound
    from checker.config import ConfigError

    try:
        settings, outputs, paths, stdin_format = _configure(o)
    except ConfigError as exc:
        _fail(str(exc))
    _freeze_start_up()
    from checker.model import SEVERITY_RANK

    threshold = SEVERITY_RANK.get(settings.fail_on, NEVER)
    if engine == "dask":
        from checker.distributed import audit_dask

        summary = audit_dask(paths, settings, out, scheduler)
        typer.echo(f"checker: {summary.documents} documents, {summary.findings} findings in {summary.partitions} "
                   f"partitions -> {out}/documents/, {out}/findings/", err=True)
        raise typer.Exit(1 if summary.worst >= threshold else 0)
    if baseline_ref and not paths:
        # the reports are still written (empty): a CI step that uploads them finds them
        typer.echo(f"checker: no document changed since {baseline_ref}", err=True)
    from checker.ingest import FORMATS, discover
    from checker.progress import Progress

    found, skipped = discover(paths, settings, leave_out=[str(out)] if out is not None else [])
    if not found and not baseline_ref:
        _warn_nothing_found(paths, skipped)
    tables = [f for f in skipped if FORMATS.get(Path(f).suffix.lower()) == "csv"]
    if tables:
        typer.echo(f"checker: note: {len(tables)} table(s) in the folders passed over ({', '.join(tables[:3])}"
                   f"{', ...' if len(tables) > 3 else ''}): name a .csv or .tsv to read it as a table of stories, "
                   f"one row each", err=True)
    others = [f for f in skipped if FORMATS.get(Path(f).suffix.lower()) != "csv"]  # one pass, whatever the counts
    if others and found:
        kinds = collections.Counter(Path(f).suffix.lower() or "no suffix" for f in others)
        typer.echo(f"checker: note: {len(others)} other file(s) in the folders passed over, of no document type "
                   f"({', '.join(f'{k} {n}' for k, n in kinds.most_common(5))}{', ...' if len(kinds) > 5 else ''}): "
                   f"name a file to read it as text", err=True)
    progress = Progress(len(found))  # the engine reads these files, and nothing the excludes or .gitignore leave out
    if out is not None:
        docs, finds, timelines, counts, to_stdout = _audit_to_folder(o, found, settings, outputs, stdin_format, progress)
    else:
        from checker.engine import audit as run_audit

        result = run_audit(found, settings, stdin_format=stdin_format, progress=progress, stdin_name=stdin_filename)
        progress.close()
        docs, finds, timelines = result.documents, result.findings, result.timelines
        counts = finds["severity"].value_counts().to_dict()
        to_stdout = list(dict.fromkeys(fmt or ([] if outputs or statistics or write_baseline else ["text"])))
    _print_and_write(o, docs, finds, timelines, to_stdout, outputs)
    if write_baseline:
        from checker import baseline as baseline_module
        from checker.cache import version
        from checker.report import write_atomic

        write_atomic(write_baseline, baseline_module.render(finds, version()))
        typer.echo(f"checker: baseline of {len(finds)} findings in {len(docs)} documents -> {write_baseline}", err=True)
        raise typer.Exit(0)
    worst = max((SEVERITY_RANK[s] for s, n in counts.items() if n), default=0)
    too_many = settings.max_warnings is not None and counts.get("warning", 0) > settings.max_warnings
    if too_many:
        typer.echo(f"checker: {counts.get('warning', 0)} warnings, more than --max-warnings {settings.max_warnings}", err=True)
    raise typer.Exit(1 if worst >= threshold or too_many else 0)


@dataclass(frozen=True)
class AuditOptions:
    """`checker audit`'s parameters as typer gives them, for the steps of the command to share."""

    paths: List[str]
    out: Optional[Path]
    fmt: List[str]
    fail_on: Optional[str]
    reference_date: Optional[str]
    config: Optional[Path]
    jobs: Optional[int]
    select: List[str]
    ignore: List[str]
    stdin_format: Optional[str]
    stdin_filename: Optional[str]
    quiet: bool
    max_bytes: Optional[int]
    time_budget: Optional[float]
    engine: str
    scheduler: Optional[str]
    extend_select: List[str]
    output: List[Path]
    max_warnings: Optional[int]
    statistics: bool
    baseline: Optional[Path]
    write_baseline: Optional[Path]
    baseline_ref: Optional[str]
    report_unused: bool
    no_cache: bool
    extend_exclude: List[str]
    force_exclude: bool
    no_gitignore: bool


def _configure(o: AuditOptions):
    """The run's settings (the config file's, overridden by the options), the --output files' formats, the
    paths to read and the format of standard input; a ConfigError for any usage error, before any work."""
    from dataclasses import replace

    from checker import config as cfg
    from checker import report
    from checker.rules import by_code

    known = set(by_code())
    settings = cfg.load(o.config if o.config else cfg.find_config(Path.cwd()), known)
    if o.reference_date:
        settings = replace(settings, reference_date=cfg.parse_date(o.reference_date, "--reference-date"))
    if o.fail_on:
        settings = replace(settings, fail_on=cfg.check_fail_on(o.fail_on, "--fail-on"))
    if o.jobs:
        settings = replace(settings, jobs=o.jobs)
    if o.select:
        cfg.check_codes([s.upper() for s in o.select], known, "--select")
        settings = replace(settings, select=tuple(s.upper() for s in o.select))
    if o.ignore:
        cfg.check_codes([s.upper() for s in o.ignore], known, "--ignore")
        settings = replace(settings, ignore=settings.ignore + tuple(s.upper() for s in o.ignore))
    for f in o.fmt:
        if f not in report.FORMATS:
            raise cfg.ConfigError(f"unknown --format {f!r}; choose from {', '.join(report.FORMATS)}")
    stdin_format = _stdin_format(o.stdin_format, o.stdin_filename)
    if o.extend_exclude:
        settings = replace(settings, extend_exclude=settings.extend_exclude + tuple(o.extend_exclude))
    if o.force_exclude:
        settings = replace(settings, force_exclude=True)
    if o.no_gitignore:
        settings = replace(settings, respect_gitignore=False)
    if o.stdin_filename and "-" not in o.paths:
        raise cfg.ConfigError("--stdin-filename names the document on standard input: give '-' as a path")
    # one stream carries one format: a second one would corrupt the first (JSON after a text report)
    on_stdout = list(dict.fromkeys(o.fmt)) if o.out is None else [f for f in dict.fromkeys(o.fmt) if f == "text"]
    if len(on_stdout) > 1:
        raise cfg.ConfigError(f"--format {' and '.join(on_stdout)} would both go to standard output; "
                              f"keep one there and write the others with --output FILE (or all with --out DIR)")
    if o.max_bytes:
        settings = replace(settings, max_bytes=o.max_bytes)
    if o.time_budget is not None:
        settings = replace(settings, time_budget=o.time_budget)
    if o.engine not in ("local", "dask"):
        raise cfg.ConfigError(f"--engine must be local or dask, not {o.engine!r}")
    if o.engine == "dask" and o.out is None:
        raise cfg.ConfigError("--engine dask writes partitioned Parquet tables: give --out DIR")
    settings, outputs = _gate_options(settings, known, o.extend_select, o.output, o.fmt, o.max_warnings, o.baseline,
                                      o.write_baseline, o.report_unused, o.no_cache)
    if o.engine == "dask" and (o.write_baseline or outputs or o.statistics or o.baseline_ref):
        raise cfg.ConfigError("--engine dask writes Parquet tables only: --write-baseline, --output, --statistics "
                              "and --baseline-ref work with the local engine")
    _check_inputs(o.paths)
    if o.out is not None:
        _check_folder(o.out, "--out")
    for path in [*outputs, *([o.write_baseline] if o.write_baseline else [])]:
        _check_file(path, "--write-baseline" if path == o.write_baseline else "--output")
    paths = _changed(o.baseline_ref, o.paths) if o.baseline_ref else o.paths
    _check_kb_layers(settings)
    return settings, outputs, paths, stdin_format


def _warn_nothing_found(asked: List[str], skipped) -> None:
    from checker.ingest import WALKED, discover

    left_out = len(discover(asked)[0])  # what the walk would have read without excludes and .gitignore
    typer.echo(f"checker: warning: no documents found in {', '.join(asked)} (looked for "
               f"{', '.join(sorted(WALKED))}{f'; {len(skipped)} other file(s) passed over' if skipped else ''}"
               f"{f'; {left_out} left out by exclude, .gitignore or a report folder (--no-respect-gitignore, exclude in checker.toml)' if left_out else ''})",
               err=True)


def _audit_to_folder(o: AuditOptions, paths, settings, outputs, stdin_format, progress):
    """The tables stream to --out as documents finish; the reports are made from them afterwards. Returns
    the tables where something still needs them in memory (else None), the counts by severity and the
    formats for standard output."""
    from checker import report
    from checker.engine import audit_to
    from checker.report import stream

    html = "html" in o.fmt or "html" in outputs.values()
    sink = audit_to(paths, settings, o.out, stdin_format=stdin_format, timelines=html, progress=progress,
                    stdin_name=o.stdin_filename)
    progress.close()
    written = [o.out / "documents.csv", o.out / "findings.csv"]
    # csv is findings.csv itself, written already
    wanted = [f for f in dict.fromkeys(o.fmt or ["text", "json"]) if f != "csv"]
    docs = finds = timelines = None
    # text, json and jsonl files are written a chunk of documents at a time; the other formats, and
    # whatever goes to the terminal, are made from the tables in memory
    for f in wanted:
        if f in stream.STREAMED:
            written.append(stream.write(o.out, f))
    in_memory = [f for f in wanted if f not in stream.STREAMED]
    if in_memory or outputs or o.statistics or o.write_baseline or "text" in o.fmt:
        docs, finds = report.read_tables(o.out)
        timelines = report.read_timelines(o.out) if html else None
        for f in in_memory:
            written.append(report.write_format(o.out, f, docs, finds))
    typer.echo(f"checker: {sink.documents} documents, {sink.findings} findings -> {', '.join(str(p) for p in written)}", err=True)
    return docs, finds, timelines, dict(sink.severities), ["text"] if "text" in o.fmt else []


def _print_and_write(o: AuditOptions, docs, finds, timelines, to_stdout, outputs) -> None:
    """--statistics and the reports for standard output, then the --output files."""
    from checker import report

    if o.statistics:
        sys.stdout.write(_statistics(finds))
    for f in to_stdout:
        if f == "text":
            sys.stdout.write(report.text.render(docs, finds, quiet=o.quiet, terminal=sys.stdout.isatty()))
        elif f == "concise":
            sys.stdout.write(report.concise.render(docs, finds, quiet=o.quiet))
        else:
            sys.stdout.write(report.render(f, docs, finds, timelines))
    for path, f in outputs.items():
        report.write_atomic(path, report.render(f, docs, finds, timelines))


STDIN_FORMATS = ("txt", "md", "json", "jsonl", "csv", "html", "feed")


def _stdin_format(given: Optional[str], filename: Optional[str]) -> str:
    from checker import config as cfg
    from checker.ingest import FORMATS

    fmt = given or (FORMATS.get(Path(filename).suffix.lower()) if filename else None) or "txt"
    if fmt not in STDIN_FORMATS:
        raise cfg.ConfigError(f"--stdin-format must be one of {', '.join(STDIN_FORMATS)}, not {fmt!r}")
    return fmt


def _gate_options(settings, known, extend_select, output, fmt, max_warnings, baseline, write_baseline, report_unused,
                  no_cache):
    """The CI gate's options over the config's settings; returns them and the --output files' formats."""
    from dataclasses import replace

    from checker import config as cfg
    from checker import report

    if extend_select:
        codes = tuple(s.upper() for s in extend_select)
        cfg.check_codes(codes, known, "--extend-select")
        settings = replace(settings, extend_select=settings.extend_select + codes)
    if max_warnings is not None:
        settings = replace(settings, max_warnings=max_warnings)
    if report_unused:
        settings = replace(settings, report_unused_suppressions=True)
    # the command caches unless told not to (the library does not: its callers measure and test)
    settings = replace(settings, cache=not no_cache and settings.cache is not False)
    if write_baseline:
        settings = replace(settings, baseline=None)  # a new baseline records every current finding
    elif baseline:
        settings = replace(settings, baseline=baseline.resolve())
    if settings.baseline:
        from checker import baseline as baseline_module

        try:
            baseline_module.load(settings.baseline)
        except baseline_module.BaselineError as exc:
            raise cfg.ConfigError(str(exc)) from None
    outputs = {}
    for path in output:
        f = report.EXTENSIONS.get(path.suffix.lower())
        if f is None and len(set(fmt)) == 1:
            f = fmt[0]
        if f is None or f not in report.FORMATS:
            raise cfg.ConfigError(f"--output {path}: no report format for {path.suffix or 'a name without extension'!r}; "
                                  f"use one of {', '.join(sorted(report.EXTENSIONS))} (or one --format)")
        outputs[path] = f
    return settings, outputs


def _check_inputs(paths: List[str]) -> None:
    """A path named on the command line that does not exist is a usage error, as in any linter; one that
    exists but cannot be read (a broken link among them) is a document row that says so."""
    from checker import config as cfg

    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing:
        raise cfg.ConfigError(f"no such file or folder: {', '.join(missing)}")
    if paths.count("-") > 1:
        raise cfg.ConfigError("'-' (standard input) can be named once")


def _check_folder(folder: Path, option: str) -> None:
    """`folder` is, or can be made, a folder this process can write in."""
    from checker import config as cfg

    if folder.exists() and not folder.is_dir():
        raise cfg.ConfigError(f"{option} {folder}: a file is in the way; name a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise cfg.ConfigError(f"{option} {folder}: cannot write there ({exc.strerror or exc})") from None


def _check_file(path: Path, option: str) -> None:
    from checker import config as cfg

    if path.is_dir():
        raise cfg.ConfigError(f"{option} {path}: a folder is in the way; name a file")
    _check_folder(path.parent, f"{option} {path}: folder")


def _changed(ref: str, paths: List[str]) -> List[str]:
    from checker import baseline as baseline_module
    from checker import config as cfg
    from checker.ingest import WALKED

    try:
        changed = baseline_module.changed_since(ref, paths)
    except baseline_module.BaselineError as exc:
        raise cfg.ConfigError(str(exc)) from None
    return [p for p in changed if Path(p).suffix.lower() in WALKED]  # what a folder's walk reads


def _statistics(findings) -> str:
    from tabulate import tabulate

    if not len(findings):
        return "no findings\n"
    by_rule = findings.groupby(["rule_id", "rule", "severity"]).size().reset_index(name="count")
    by_rule = by_rule.sort_values(["count", "rule_id"], ascending=[False, True])
    rows = [[int(r["count"]), r["rule_id"], r["rule"], r["severity"]] for _, r in by_rule.iterrows()]
    return tabulate(rows, headers=["count", "code", "name", "severity"], tablefmt="simple") + \
        f"\n\n{len(findings)} findings\n"


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, category, default severity and what it checks."""
    from tabulate import tabulate

    from checker.rules import all_rules

    rows = [[r.code, r.name, r.category.value, r.severity.value, r.summary()] for r in all_rules()]
    typer.echo(tabulate(rows, headers=["code", "name", "category", "severity", "checks"], tablefmt="simple"))


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code, e.g. DT101.")) -> None:
    """Print a rule's documentation, with its failing and passing examples."""
    import difflib

    from checker.rules import by_code

    rules = by_code()
    rule = rules.get(code.upper())
    if rule is None:
        hint = difflib.get_close_matches(code.upper(), sorted(rules), n=1)
        _fail(f"no rule {code!r}" + (f"; did you mean {hint[0]}?" if hint else "; `checker rules` lists them"))
    typer.echo(f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value})\n")
    typer.echo(rule.documentation())


@app.command("explain-score")
def explain_score(
    paths: List[str] = typer.Argument(..., help="Documents or folders, audited together (recycled stories are found across them)."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="'Today' for checks of future dates (YYYY-MM-DD)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A checker.toml or pyproject.toml; found upward from here by default."),
) -> None:
    """Show each document's reliability score (0-100) and what cost or earned how many points."""
    from collections import defaultdict
    from dataclasses import replace

    from checker import config as cfg
    from checker import score
    from checker.engine import audit as run_audit
    from checker.rules import by_code

    try:
        settings = cfg.load(config if config else cfg.find_config(Path.cwd()), set(by_code()))
        if reference_date:
            settings = replace(settings, reference_date=cfg.parse_date(reference_date, "--reference-date"))
    except cfg.ConfigError as exc:
        _fail(str(exc))
    result = run_audit(paths, settings)
    by_doc = defaultdict(list)
    for f in result.findings.to_dict("records"):
        by_doc[f["doc_id"]].append(f)
    for d in result.documents.to_dict("records"):
        typer.echo(f"{d['doc_id']}: reliability {d['reliability']}/100")
        if d["verdict"] == "unreadable":
            typer.echo("     0  unreadable: nothing in it can be relied on")
            continue
        lines = score.explain(by_doc[d["doc_id"]])
        for ln in lines:
            typer.echo(f"  {-ln.points:+4d}  {ln.rule_id} {ln.rule} ({ln.severity}): {ln.reason}")
            typer.echo(f"          {ln.message if len(ln.message) <= 110 else ln.message[:109] + '…'}")
        raw = 100 - sum(ln.points for ln in lines)
        sums = " ".join(f"{-ln.points:+d}" for ln in lines) if lines else "(nothing cost points)"
        typer.echo(f"        100 {sums} = {raw}" + (f", held to {d['reliability']}" if raw != d["reliability"] else ""))


@app.command("explain-date")
def explain_date(
    paths: List[str] = typer.Argument(..., help="Documents or folders; '-' reads one document from standard input."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="'Today' for checks of future dates (YYYY-MM-DD)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A checker.toml or pyproject.toml; found upward from here by default."),
    stdin_format: str = typer.Option("txt", "--stdin-format", help="Format of the document on standard input: txt, md, json, jsonl, csv, html, feed (RSS or Atom)."),
) -> None:
    """Print each document's date ledger: every piece of evidence, its cell, its likelihood ratio, the sum."""
    from dataclasses import replace

    from checker import config as cfg
    from checker import evidence
    from checker.engine import Checker
    from checker.failure import internal_error
    from checker.ingest import read_inputs
    from checker.rules import by_code

    try:
        settings = cfg.load(config if config else cfg.find_config(Path.cwd()), set(by_code()))
        if reference_date:
            settings = replace(settings, reference_date=cfg.parse_date(reference_date, "--reference-date"))
        _check_inputs(paths)
    except cfg.ConfigError as exc:
        _fail(str(exc))
    checker = Checker(settings)
    model = evidence.model()
    for document in read_inputs(paths, stdin_format, settings.max_bytes):
        try:
            doc = checker.analyse(document)
        except Exception as exc:  # one document's failure is its own line, as in an audit (IN004)
            typer.echo(f"{document.doc_id}\n  {internal_error('analysing the text', exc)}")
            continue
        typer.echo(evidence.ledger(model, doc))


# True when the checker runs as its own command (`main()`), in a process of its own: not when a program or a
# test calls `app` in its process
_OWN_PROCESS = False


def _freeze_start_up() -> None:
    """The modules, the settings and the rules are loaded (the knowledge base comes later, unpickled with the
    collector paused: `stash.read`): some 160,000 objects that live as long as the process, and that each
    full pass of the garbage collector scanned again (a fifth of a one-post audit's time). Frozen
    (`gc.freeze`), the collector leaves them out, in the forked workers too. Only in the command's own
    process: a program that calls `app` keeps its collector as it was."""
    if _OWN_PROCESS:
        gc.freeze()


def main() -> None:
    global _OWN_PROCESS
    _OWN_PROCESS = True
    app()


if __name__ == "__main__":
    main()
