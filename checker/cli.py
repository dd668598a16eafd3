"""The `checker` command: a thin typer layer over the engine, the rules and the knowledge base.

Exit codes (the contract): 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage or
configuration error.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Check news articles and press releases: do their dates fit what they say?")
from checker.cli_kb import kb_app  # noqa: E402 (the `kb` sub-commands live in their own module)

app.add_typer(kb_app, name="kb")

SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


def _fail(message: str) -> None:
    typer.echo(f"checker: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def audit(
    paths: List[str] = typer.Argument(..., help="Files or folders (recursed); '-' reads one document from standard input."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for documents.csv, findings.csv and the --format files."),
    fmt: List[str] = typer.Option([], "--format", "-f", help="Report format: text, json, jsonl, html (repeatable)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a finding reaches this severity: error, warning, info, never."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="'Today' for checks of future dates (YYYY-MM-DD)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A checker.toml or pyproject.toml; found upward from here by default."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    select: List[str] = typer.Option([], "--select", help="Only these rule codes or prefixes (repeatable)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Skip these rule codes or prefixes (repeatable)."),
    stdin_format: str = typer.Option("txt", "--stdin-format", help="Format of the document on standard input: txt, md, json, jsonl."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Terminal report: only documents with findings."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, help="Read at most this many bytes of a file (default 20 MB)."),
    time_budget: Optional[float] = typer.Option(None, "--time-budget", min=0, help="Seconds of analysis per document (default 10)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask (a Dask cluster; needs --out)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address; none starts a LocalCluster of --jobs workers."),
) -> None:
    """Audit documents: declared dates against what the content allows, and source-reliability signals."""
    from dataclasses import replace

    from checker import config as cfg
    from checker import report
    from rules import by_code

    known = set(by_code())
    try:
        settings = cfg.load(config if config else cfg.find_config(Path.cwd()), known)
        if reference_date:
            settings = replace(settings, reference_date=cfg.parse_date(reference_date, "--reference-date"))
        if fail_on:
            if fail_on not in cfg.FAIL_ON:
                raise cfg.ConfigError(f"--fail-on must be one of {', '.join(cfg.FAIL_ON)}, not {fail_on!r}")
            settings = replace(settings, fail_on=fail_on)
        if jobs:
            settings = replace(settings, jobs=jobs)
        if select:
            cfg.check_codes([s.upper() for s in select], known, "--select")
            settings = replace(settings, select=tuple(s.upper() for s in select))
        if ignore:
            cfg.check_codes([s.upper() for s in ignore], known, "--ignore")
            settings = replace(settings, ignore=settings.ignore + tuple(s.upper() for s in ignore))
        for f in fmt:
            if f not in report.FORMATS:
                raise cfg.ConfigError(f"unknown --format {f!r}; choose from {', '.join(report.FORMATS)}")
        if stdin_format not in ("txt", "md", "json", "jsonl"):
            raise cfg.ConfigError(f"--stdin-format must be txt, md, json or jsonl, not {stdin_format!r}")
        if max_bytes:
            settings = replace(settings, max_bytes=max_bytes)
        if time_budget is not None:
            settings = replace(settings, time_budget=time_budget)
        if engine not in ("local", "dask"):
            raise cfg.ConfigError(f"--engine must be local or dask, not {engine!r}")
        if engine == "dask" and out is None:
            raise cfg.ConfigError("--engine dask writes partitioned Parquet tables: give --out DIR")
    except cfg.ConfigError as exc:
        _fail(str(exc))

    threshold = SEVERITY_RANK[settings.fail_on]
    if engine == "dask":
        from checker.distributed import audit_dask

        summary = audit_dask(paths, settings, out, scheduler)
        typer.echo(f"checker: {summary.documents} documents, {summary.findings} findings in {summary.partitions} "
                   f"partitions -> {out}/documents/, {out}/findings/", err=True)
        raise typer.Exit(1 if summary.worst >= threshold else 0)
    if out is not None:
        # the tables stream to disk as documents finish; reports are made from them afterwards
        from checker.engine import audit_to

        sink = audit_to(paths, settings, out, stdin_format=stdin_format, timelines="html" in fmt)
        written = [out / "documents.csv", out / "findings.csv"]
        wanted = list(dict.fromkeys(fmt or ["text", "json"]))
        if wanted:
            docs, finds = report.read_tables(out)
            for f in wanted:
                written.append(report.write_format(out, f, docs, finds))
            if "text" in fmt:
                sys.stdout.write(report.text.render(docs, finds, quiet=quiet))
        typer.echo(f"checker: {sink.documents} documents, {sink.findings} findings -> {', '.join(str(p) for p in written)}", err=True)
        raise typer.Exit(1 if sink.worst() >= threshold else 0)

    from checker.engine import audit as run_audit

    result = run_audit(paths, settings, stdin_format=stdin_format)
    docs, finds = result.documents, result.findings
    if not fmt or "text" in fmt:
        sys.stdout.write(report.text.render(docs, finds, quiet=quiet))
    for f in fmt:
        if f != "text":
            sys.stdout.write(report.render(f, docs, finds, result.timelines))
    worst = max((SEVERITY_RANK[s] for s in finds["severity"]), default=0)
    raise typer.Exit(1 if worst >= threshold else 0)


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, category, default severity and what it checks."""
    from tabulate import tabulate

    from rules import all_rules

    rows = [[r.code, r.name, r.category.value, r.severity.value, r.summary()] for r in all_rules()]
    typer.echo(tabulate(rows, headers=["code", "name", "category", "severity", "checks"], tablefmt="simple"))


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code, e.g. DT101.")) -> None:
    """Print a rule's documentation, with its failing and passing examples."""
    import difflib

    from rules import by_code

    rules = by_code()
    rule = rules.get(code.upper())
    if rule is None:
        hint = difflib.get_close_matches(code.upper(), sorted(rules), n=1)
        _fail(f"no rule {code!r}" + (f"; did you mean {hint[0]}?" if hint else "; `checker rules` lists them"))
    typer.echo(f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value})\n")
    typer.echo(rule.documentation())


def main() -> None:
    app()


if __name__ == "__main__":
    main()
