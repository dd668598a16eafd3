"""`checker kb ...`: inspect, import into and refresh the knowledge base of office-holders.

The bundled tables ship with the checker; imported layers live in the user data folder: `--data-dir`, else
$CHECKER_DATA_DIR, else the config key `knowledge-base`, else ~/.local/share/checker/kb. Exit codes: 0 done,
2 a usage error, an invalid table or an endpoint that cannot be reached.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

kb_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                     help="Inspect, import into and refresh the knowledge base of office-holders.")
import_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Import office-holders from a file into a layer of the user data folder.")
kb_app.add_typer(import_app, name="import")

DATA_DIR_OPTION = typer.Option(None, "--data-dir", help="The user data folder of imported layers "
                               "(default: $CHECKER_DATA_DIR, the config's knowledge-base, ~/.local/share/checker/kb).")
CONFIG_OPTION = typer.Option(None, "--config", help="A checker.toml or pyproject.toml; found upward from here by default.")
LAYER_OPTION = typer.Option(None, "--layer", help="Name of the layer to write (replaced if it exists).")


def _fail(message: str) -> None:
    typer.echo(f"checker: error: {message}", err=True)
    raise typer.Exit(2)


def _user_dir(data_dir: Optional[Path], config: Optional[Path]) -> Path:
    from checker import kb
    from checker import config as cfg

    if data_dir is not None:
        return data_dir.expanduser()
    try:
        path = config if config else cfg.find_config(Path.cwd())
        from checker.rules import by_code

        settings = cfg.load(path, set(by_code()))
    except cfg.ConfigError as exc:
        _fail(str(exc))
    return kb.data_home(settings.kb_dir)


def _load(data_dir: Optional[Path], config: Optional[Path]):
    from checker import kb

    try:
        return kb.load(layers_dir=_user_dir(data_dir, config))
    except kb.LayerError as exc:
        _fail(str(exc))


def _table(rows: list[list], headers: list[str]) -> None:
    from tabulate import tabulate

    typer.echo(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))


def _term(t) -> str:
    from checker.kb import tenure_row

    r = tenure_row(t)
    return (f"{r['start']}{' or earlier' if t.start_open else ''}..{r['end'] or 'in office'}"
            f"{' or later' if t.end_open else ''}")


@kb_app.command("stats")
def kb_stats(data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """Counts of people, offices, tenures and countries, the layers merged and their conflicts; then, by kind
    of office, the offices, terms and people, and how many of those people have surnames, a gender, a year of
    birth (or a range of years, for a birth whose year is not settled) and (of the dead) a death date."""
    from tabulate import tabulate

    base = _load(data_dir, config)
    for k, v in base.stats().items():
        typer.echo(f"{k}: {v}")
    rows = []
    levels = sorted({o.level for o in base.offices.values()})
    for level in levels + [None]:
        offices = {oid for oid, o in base.offices.items() if level is None or o.level == level}
        terms = [t for ts in base.tenures.values() for t in ts if t.office_id in offices]
        people = [base.person(pid) for pid in {t.person_id for t in terms}]
        rows.append([level or "all", len(offices), len(terms), len(people), sum(bool(p.surnames) for p in people),
                     sum(p.gender in ("m", "f") for p in people), sum(bool(p.born) for p in people),
                     sum(bool(p.died) for p in people)])
    typer.echo("")
    typer.echo(tabulate(rows, headers=["kind of office", "offices", "terms", "people", "surnames", "gender", "born",
                                       "died"], tablefmt="simple", disable_numparse=True))
    for info in base.layers:
        o = base.outcome.get(info.name, {})
        typer.echo(f"layer {info.name}: {info.path}  (terms added {o.get('added', 0)}, same as an earlier layer "
                   f"{o.get('same', 0)}, in conflict {o.get('conflict', 0)}; {info.source or 'source unknown'})")


@kb_app.command("validate")
def kb_validate(data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """Validate the bundled tables and every imported layer against their schemas, and lint the bundled
    terms: two holders of a one-holder office at once, a term that starts before its holder was born."""
    from checker import kb
    from checker.kb.layers import discover

    try:
        infos = [kb.LayerInfo(kb.BUNDLED, kb.DATA_DIR)] + discover(_user_dir(data_dir, config))
    except kb.LayerError as exc:
        _fail(str(exc))
    bad = False
    for info in infos:
        try:
            frames = kb.validate_tables(info.path)
        except Exception as exc:  # pandera's SchemaErrors or a broken reference: report them all
            bad = True
            typer.echo(f"{info.name}: INVALID ({info.path})\n{exc}", err=True)
            continue
        typer.echo(f"{info.name}: valid: " + ", ".join(f"{k} {len(v)} rows" for k, v in frames.items()))
    if bad:
        raise typer.Exit(2)
    for warning in kb.lint(kb.load(layers=False)):
        typer.echo(f"warning: {warning}")


@kb_app.command("show")
def kb_show(person: str = typer.Argument(..., help="A name, alias, surname, person id or QID."),
            data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """Show what the knowledge base knows of a person: names and every term, with the layer it came from."""
    base = _load(data_dir, config)
    ids = base.find_people(person)
    if not ids:
        _fail(f"nobody called {person!r} in the knowledge base")
    for pid in ids:
        p = base.person(pid)
        extra = ", ".join(x for x in (f"born {p.born}" if p.born else "", f"died {p.died}" if p.died else "",
                                      {"f": "woman", "m": "man"}.get(p.gender, ""), p.qid) if x)
        typer.echo(f"{p.name} [{pid}]{'  ' + extra if extra else ''}")
        typer.echo(f"  aliases: {', '.join(p.aliases) or '-'}; surnames: {', '.join(p.surnames) or '-'}")
        for t in base.tenures_of(pid):
            o = base.office(t.office_id)
            flags = " (acting)" if t.acting else ""
            typer.echo(f"  {o.name_en} [{o.country}]: {_term(t)}{flags}  <{base.layer_of(t)}>")
        for c in base.conflicts:
            if c.person_id == pid:
                typer.echo(f"  conflict: {base.office(c.office_id).name_en}: {c.dropped_layer} says "
                           f"{c.dropped[0]}..{c.dropped[1] or 'in office'}; kept {c.kept_layer}'s "
                           f"{c.kept[0]}..{c.kept[1] or 'in office'}")


@kb_app.command("list")
def kb_list(country: Optional[str] = typer.Option(None, "--country", help="ISO country code, e.g. MX."),
            office: Optional[str] = typer.Option(None, "--office", help="An office id, or words of its name."),
            layer: Optional[str] = typer.Option(None, "--layer", help="Only terms from this layer ('bundled' too)."),
            data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """List terms of office: holder, office, country, start, end."""
    from checker.kb import fold

    base = _load(data_dir, config)
    want = fold(office).split() if office else []
    offices = {oid for oid, o in base.offices.items()
               if (not country or o.country == country.upper())
               and (not office or oid == office or all(w in fold(f"{o.name_en} {o.name_es} {oid}") for w in want))}
    if not offices:
        _fail("no office matches" + (f" --country {country}" if country else "") + (f" --office {office!r}" if office else ""))
    rows = []
    for ts in base.tenures.values():
        for t in ts:
            if t.office_id in offices and (layer is None or base.layer_of(t) == layer):
                rows.append((t.office_id, t.start, t))
    rows.sort(key=lambda r: (r[0], r[1]))
    _table([[base.person(t.person_id).name, base.office(t.office_id).name_en, base.office(t.office_id).country,
             _term(t), "acting" if t.acting else "", base.layer_of(t)] for _, _, t in rows],
           ["person", "office", "country", "term", "", "layer"])
    typer.echo(f"{len(rows)} terms", err=True)


@kb_app.command("conflicts")
def kb_conflicts(data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """Terms two layers disagree on by more than 7 days. The earlier layer's dates are kept (the bundled
    layer before imported ones, imported ones in name order); nothing is resolved silently."""
    base = _load(data_dir, config)
    rows = [[base.person(c.person_id).name, base.office(c.office_id).name_en,
             f"{c.kept[0]}..{c.kept[1] or 'in office'}", c.kept_layer,
             f"{c.dropped[0]}..{c.dropped[1] or 'in office'}", c.dropped_layer,
             c.start_days, "in office?" if c.end_days is None else c.end_days] for c in base.conflicts]
    _table(rows, ["person", "office", "kept", "from", "instead of", "from", "start Δd", "end Δd"])
    typer.echo(f"{len(rows)} conflicts", err=True)


@kb_app.command("export")
def kb_export(fmt: str = typer.Option("json", "--format", "-f", help="csv (the three tables, into --out DIR) or json."),
              out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder (csv) or file (json; default: standard output)."),
              data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """Export the merged knowledge base: every layer's people, offices and terms in one set of tables."""
    from checker.kb import Tables, tenure_row
    from checker.kb.layers import write_layer

    if fmt not in ("csv", "json"):
        _fail(f"--format must be csv or json, not {fmt!r}")
    if fmt == "csv" and out is None:
        _fail("--format csv writes three tables: give a folder with --out")
    base = _load(data_dir, config)
    people = [{"person_id": p.person_id, "name": p.name, "aliases": "|".join(p.aliases), "surnames": "|".join(p.surnames),
               "gender": p.gender, "born": p.born, "qid": p.qid, "died": p.died} for p in base.people.values()]
    offices = [{"office_id": o.office_id, "country": o.country, "level": o.level, "name_en": o.name_en,
                "name_es": o.name_es, "titles_en": "|".join(o.titles_en), "titles_es": "|".join(o.titles_es),
                "qid": o.qid} for o in base.offices.values()]
    tenures = [{**tenure_row(t), "note": f"layer {base.layer_of(t)}"} for ts in base.tenures.values() for t in ts]
    if fmt == "csv":
        write_layer(out, Tables(people, offices, tenures), {"source": "checker kb export", "imported": _now()})
        typer.echo(f"checker: {len(people)} people, {len(offices)} offices, {len(tenures)} terms -> {out}", err=True)
        return
    text = json.dumps({"people": people, "offices": offices, "tenures": tenures}, ensure_ascii=False, indent=1)
    if out is None:
        sys.stdout.write(text + "\n")
    else:
        out.write_text(text + "\n", encoding="utf-8")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _install(tables, skipped: list[str], layer: str, source: str, data_dir: Optional[Path], config: Optional[Path]) -> None:
    from checker import kb

    if not tables.tenures:
        _fail(f"nothing to import from {source}" + (f" ({len(skipped)} rows skipped: {skipped[0]})" if skipped else ""))
    user_dir = _user_dir(data_dir, config)
    folder = user_dir / layer
    try:
        kb.save_layer(folder, tables, {"source": source, "imported": _now()})
        base = kb.load(layers_dir=user_dir)
    except kb.LayerError as exc:
        _fail(str(exc))
    c = tables.counts()
    typer.echo(f"imported {c['people']} people, {c['offices']} offices, {c['tenures']} terms into layer "
               f"{layer} ({folder})")
    for s in skipped[:5]:
        typer.echo(f"  skipped {s}", err=True)
    if len(skipped) > 5:
        typer.echo(f"  ... and {len(skipped) - 5} more rows skipped", err=True)
    o = base.outcome.get(layer, {})
    typer.echo(f"merged: {o.get('added', 0)} terms added, {o.get('same', 0)} already known, "
               f"{o.get('conflict', 0)} in conflict with an earlier layer (checker kb conflicts)")


@import_app.command("wikidata-csv")
def import_wikidata_csv(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A position-held CSV: position,person,personID,start,end."),
    positions: Optional[Path] = typer.Option(None, "--positions", exists=True, dir_okay=False,
                                             help="The positions CSV (id,position,country,...); default: the "
                                                  "sibling file with 'positions' for 'officeholders' in its name."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO code for offices the positions file does not name."),
    layer: Optional[str] = LAYER_OPTION,
    data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Import a Wikidata "position held" extract."""
    from checker.kb import LayerError, importers

    if positions is None and "officeholders" in file.name:
        sibling = file.with_name(file.name.replace("officeholders", "positions"))
        positions = sibling if sibling.is_file() else None
    try:
        tables, skipped = importers.wikidata_csv(file, positions, country.upper() if country else None)
    except (LayerError, OSError, UnicodeDecodeError) as exc:
        _fail(str(exc))
    _install(tables, skipped, layer or importers.slug(file.stem).replace("_", "-"), str(file), data_dir, config)


@import_app.command("sparql-json")
def import_sparql_json(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="SPARQL JSON results (see `checker kb update`)."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO code for rows without ?country."),
    layer: Optional[str] = LAYER_OPTION,
    data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Import Wikidata SPARQL results. Required variables: ?person ?personLabel ?position ?positionLabel
    ?start; optional: ?end ?startPrecision ?endPrecision ?country ?positionLabelEs ?aliases ?gender ?born
    ?acting."""
    from checker.kb import LayerError, importers

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        tables, skipped = importers.sparql_json(data, country)
    except (ValueError, OSError) as exc:  # LayerError is a ValueError, as is bad JSON
        _fail(f"{file}: {exc}" if not isinstance(exc, LayerError) else str(exc))
    _install(tables, skipped, layer or "sparql-" + importers.slug(file.stem).replace("_", "-"), str(file), data_dir, config)


@import_app.command("congress")
def import_congress(
    files: List[Path] = typer.Argument(..., exists=True, dir_okay=False,
                                       help="congress-legislators YAML: legislators-current.yaml, legislators-historical.yaml, executive.yaml."),
    surnames: bool = typer.Option(False, "--surnames", help="Also find members by surname alone (\"Rep. Levin\"): only "
                                  "for a complete set of files, historical members included."),
    layer: Optional[str] = LAYER_OPTION,
    data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Import members of Congress (every term) and presidents and vice presidents."""
    from checker.kb import LayerError, importers

    try:
        tables, skipped = importers.congress(files, surnames=surnames)
    except (LayerError, OSError, UnicodeDecodeError) as exc:
        _fail(str(exc))
    _install(tables, skipped, layer or "congress", ", ".join(str(f) for f in files), data_dir, config)


@kb_app.command("update")
def kb_update(
    wikidata: bool = typer.Option(False, "--wikidata", help="Ask Wikidata's SPARQL endpoint (the only source for now)."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", help="SPARQL endpoint URL (default: https://query.wikidata.org/sparql)."),
    positions: List[str] = typer.Option([], "--positions", help="Wikidata position ids (repeatable; default: the "
                                        "bundled offices that have one)."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.1, help="Seconds to wait for the endpoint."),
    layer: str = typer.Option("wikidata", "--layer", help="Name of the layer to write (replaced)."),
    data_dir: Optional[Path] = DATA_DIR_OPTION, config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Fetch the holders of chosen positions from a SPARQL endpoint and write them as a layer."""
    from checker import kb
    from checker.kb import importers, sparql

    if not wikidata:
        _fail("say where to update from: --wikidata")
    qids = [q.strip() for p in positions for q in p.replace(",", " ").split()]
    if not qids:
        qids = sorted({o.qid for o in kb.load(layers=False).offices.values() if o.qid})
    try:
        query = sparql.position_query(qids)
    except ValueError as exc:
        _fail(str(exc))
    url = endpoint or sparql.DEFAULT_ENDPOINT
    typer.echo(f"asking {url} for the holders of {len(qids)} positions...", err=True)
    try:
        data = sparql.fetch(url, query, timeout)
        tables, skipped = importers.sparql_json(data)
    except (sparql.EndpointError, kb.LayerError) as exc:
        _fail(str(exc))
    _install(tables, skipped, layer, f"{url} positions {' '.join(qids)}", data_dir, config)
