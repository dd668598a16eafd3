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
kb_app = typer.Typer(no_args_is_help=True, help="Inspect the knowledge base of office-holders.")
app.add_typer(kb_app, name="kb")

SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


def _fail(message: str) -> None:
    typer.echo(f"checker: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def audit(
    paths: List[str] = typer.Argument(..., help="Files or folders (recursed); '-' reads one document from standard input."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for documents.csv, findings.csv and the --format files."),
    fmt: List[str] = typer.Option([], "--format", "-f", help="Report format: text, json, jsonl (repeatable)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a finding reaches this severity: error, warning, info, never."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="'Today' for checks of future dates (YYYY-MM-DD)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A checker.toml or pyproject.toml; found upward from here by default."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    select: List[str] = typer.Option([], "--select", help="Only these rule codes or prefixes (repeatable)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Skip these rule codes or prefixes (repeatable)."),
    stdin_format: str = typer.Option("txt", "--stdin-format", help="Format of the document on standard input: txt, md, json, jsonl."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Terminal report: only documents with findings."),
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
    except cfg.ConfigError as exc:
        _fail(str(exc))

    from checker.engine import audit as run_audit

    result = run_audit(paths, settings, stdin_format=stdin_format)
    docs, finds = result.documents, result.findings
    if out is not None:
        written = report.write_tables(out, docs, finds)
        for f in dict.fromkeys(fmt or ["text", "json"]):
            written.append(report.write_format(out, f, docs, finds))
        typer.echo(f"checker: {len(docs)} documents, {len(finds)} findings -> {', '.join(str(p) for p in written)}", err=True)
    if out is None or "text" in fmt:
        sys.stdout.write(report.text.render(docs, finds, quiet=quiet) if (not fmt or "text" in fmt) else "")
    for f in fmt:
        if out is None and f != "text":
            sys.stdout.write(report.render(f, docs, finds))
    threshold = SEVERITY_RANK[settings.fail_on]
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


@kb_app.command("stats")
def kb_stats() -> None:
    """Counts of people, offices, tenures and countries in the knowledge base."""
    from checker import kb

    for k, v in kb.load().stats().items():
        typer.echo(f"{k}: {v}")


@kb_app.command("validate")
def kb_validate() -> None:
    """Validate the bundled tables against their schemas."""
    from checker import kb

    try:
        frames = kb.validate_tables()
    except Exception as exc:  # pandera's SchemaErrors or a broken reference: report, exit 2
        _fail(f"knowledge base invalid: {exc}")
    typer.echo("valid: " + ", ".join(f"{k} {len(v)} rows" for k, v in frames.items()))


@kb_app.command("show")
def kb_show(person: str = typer.Argument(..., help="A name, alias or id.")) -> None:
    """Show what the knowledge base knows of a person: names and tenures."""
    from checker import kb as kbm

    base = kbm.load()
    ids = base.alias_index.get(kbm.fold(person), set()) | base.surname_index.get(kbm.fold(person), set())
    if person in base.people:
        ids.add(person)
    if not ids:
        _fail(f"nobody called {person!r} in the knowledge base")
    for pid in sorted(ids):
        p = base.person(pid)
        typer.echo(f"{p.name} [{pid}]  aliases: {', '.join(p.aliases) or '-'}")
        for t in base.tenures_of(pid):
            typer.echo(f"  {base.office(t.office_id).name_en}: {t.start}..{t.end or 'in office'}{' (acting)' if t.acting else ''}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
