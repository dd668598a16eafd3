"""Importers: third-party lists of office-holders -> the three tables of a knowledge-base layer.

- `wikidata_csv`: a Wikidata "position held" extract, one row per term (`position,person,personID,start,end`
  and optionally `gender,DOB`), with the positions file (`id,position,country,...`) that names the offices.
- `sparql_json`: the JSON results of a Wikidata SPARQL query (the W3C `application/sparql-results+json`
  form). The variables it reads are in `SPARQL_VARIABLES`; `checker.kb.sparql.position_query` writes a
  query that returns them.
- `congress`: the congress-legislators YAML files (`legislators-current.yaml`, `legislators-historical.yaml`,
  `executive.yaml`): every member of Congress with all terms, every president and vice president.

Each returns `Tables` ready for `layers.write_layer`. Office levels are read from the office's name
(`level_for`), since the generic titles ("Secretary", "Senator") are resolved by level.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Iterable, Optional

from checker.kb.layers import QID, LayerError, Tables
from checker.kb.text import fold

# Wikidata items of the countries whose offices the bundled layer covers (P17 "country" of a position).
COUNTRY_QIDS = {
    "Q30": "US", "Q96": "MX", "Q145": "GB", "Q29": "ES", "Q16": "CA", "Q142": "FR", "Q183": "DE", "Q38": "IT",
    "Q17": "JP", "Q148": "CN", "Q159": "RU", "Q155": "BR", "Q414": "AR", "Q408": "AU", "Q668": "IN",
    "Q252": "ID", "Q884": "KR", "Q43": "TR", "Q851": "SA", "Q258": "ZA", "Q212": "UA", "Q801": "IL",
    "Q774": "GT", "Q783": "HN", "Q792": "SV", "Q811": "NI", "Q800": "CR", "Q804": "PA", "Q242": "BZ",
    "Q241": "CU", "Q786": "DO", "Q790": "HT", "Q766": "JM", "Q778": "BS", "Q244": "BB", "Q754": "TT",
    "Q1183": "PR", "Q237": "VA", "Q458": "EU", "Q1065": "UN",
}
SPANISH_NAMING = {"MX", "ES", "AR", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "PR", "CO", "CL", "PE", "VE"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

# The variables a SPARQL result must (first two groups) or may bind.
SPARQL_VARIABLES = {
    "required": ("person", "personLabel", "position", "positionLabel", "start"),
    "optional": ("end", "startPrecision", "endPrecision", "country", "positionLabelEs", "aliases", "gender",
                 "born", "died", "acting"),
}

# (words in the folded office name, level); the first rule that matches wins, so the specific come first.
LEVEL_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(white house|chief of staff|press secretary|spokes|national security advis|homeland security advis"
     r"|counselor to the president|senior advis|special assistant|communications director|cabinet secretary)", "staff"),
    (r"\bvice[- ]president\b|\bvicepresident", "deputy_head_of_state"),
    (r"\b(deputy|under|assistant) secretary\b|\bundersecretary|\bsubsecretari|\bdeputy attorney general"
     r"|\bdeputy administrator", "deputy_cabinet"),
    (r"\b(ambassador|embajador|permanent representative)", "ambassador"),
    (r"\b(justice|judge|court|ministro de la suprema)", "judge"),
    (r"\b(senator|senador|representative|congress|speaker|member of|diputad|president of the senate"
     r"|president of the chamber|majority leader|minority leader)", "legislator"),
    (r"\b(lieutenant governor|governor|mayor|head of government of mexico city|mexico city"
     r"|secretary of state of|attorney general of (?!the united states|mexico))", "other"),
    (r"\b(prime minister|premier|chancellor(?! of the)|primer ministro|president of the government"
     r"|presidente del gobierno)", "head_of_government"),
    (r"^(president|presidente|king|queen|emperor|pope|monarch)\b", "head_of_state"),
    (r"\b(secretary|secretario|secretaria|minister|attorney general|fiscal general|trade representative"
     r"|administrator of the (environmental|small business)|director of the office of management)", "cabinet"),
)
# Titles the knowledge base resolves by level; an office does not list them as its own.
GENERIC = {"president", "vice president", "secretary", "minister", "attorney general", "governor", "senator",
           "representative", "speaker", "ambassador", "administrator", "presidente", "secretario", "secretaria",
           "gobernador", "senador", "chancellor", "prime minister"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")


def norm_office(label: str) -> str:
    """An office name without its country, so "Secretary of Defence" finds "United States Secretary of
    Defense" and "Attorney General" finds "Attorney General of Mexico"."""
    f = " ".join(fold(label).replace("defence", "defense").replace("u.s.", "united states").split())
    f = re.sub(r"\b(the )?united states (of america )?", "", f)
    f = re.sub(r"\s*\((mexico|united states)\)$|\s+of (mexico|the united states|america)$", "", f)
    return " ".join(f.split()).strip(" ,")


def office_slug(name: str) -> str:
    """The id part of an office: its name without a leading "United States" or a trailing "(Mexico)"."""
    f = re.sub(r"^(the )?(united states|u\.s\.) ", "", fold(name).strip())
    return slug(re.sub(r"\s*\([^)]*\)$", "", f))


def level_for(name: str) -> str:
    f = fold(name)
    for pattern, level in LEVEL_RULES:
        if re.search(pattern, f):
            return level
    return "other"


def titles_for(*names: str) -> str:
    out = []
    for n in names:
        n = " ".join(n.split())
        short = re.sub(r"^(United States|U\.S\.) ", "", n)
        for t in (n, short):
            if t and fold(t) not in GENERIC and t not in out:
                out.append(t)
    return "|".join(out)


# Words that begin a surname of several ("del Campo", "De los Monteros", "von der Leyen", "San Román", "Castro y
# del Valle"): never a surname alone
SURNAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "san", "santa", "van", "von", "der", "den", "da",
                               "das", "do", "dos", "di", "du", "le", "bin", "ibn", "al"})


def _surname_units(words: list[str]) -> list[str]:
    """A name's words with each particle joined to the words after it: ["María", "Díaz", "del Campo"]. The
    first word is a given name even when it looks like one ("San", "Del")."""
    units: list[str] = []
    pending: list[str] = []
    for k, w in enumerate(words):
        if k and k < len(words) - 1 and w.lower() in SURNAME_PARTICLES:
            pending.append(w)
            continue
        units.append(" ".join(pending + [w]))
        pending = []
    return units


# A British peer's style after the personal name ("Tom King, Baron King of Bridgwater", "Joyce Quin, Baroness
# Quin"): the person is named by what comes before it, never by the peerage's place
_PEERAGE = re.compile(r",\s*(?:(?:The\s+)?(?:Rt\.?\s+Hon\.?\s+)?(?:Baron|Baroness|Viscount|Viscountess|Earl|Countess|"
                      r"Marquess|Marchioness|Duke|Duchess|Lord|Lady)\b).*$")


def personal_name(name: str) -> str:
    """The name without a peer's style after it: "John Reid, Baron Reid of Cardowan" -> "John Reid"."""
    return _PEERAGE.sub("", name).strip()


# The second halves of compound given names ("Miguel Ángel", "María Guadalupe", "José Antonio", "María Jesús"),
# folded: words seldom a surname. Names that are also surnames often ("Martín", "Félix", "Reyes", "Juan",
# "Jorge", "Diego") are left out: "Ramón Martín Huerta" and "Mercedes Juan López" keep two surnames.
SECOND_GIVEN_NAMES = frozenset({
    "angel", "jose", "maria", "antonio", "manuel", "luis", "carlos", "guadalupe", "elena", "alejandro",
    "guillermo", "felipe", "javier", "enrique", "eduardo", "alfonso", "humberto", "adriana", "esther", "ruben",
    "fernando", "adolfo", "raymundo", "jesus", "arturo", "ignacio", "eugenia", "isabel", "teresa",
    "cristina", "patricia", "fernanda", "gabriela", "alicia", "beatriz", "dolores", "concepcion", "lourdes",
    "soledad", "rosario", "veronica", "leticia", "lucia", "magdalena", "margarita", "ricardo", "roberto",
    "rafael", "ernesto", "gerardo", "hector", "sergio", "oscar", "mario", "daniel", "emilio",
    "gustavo", "ivan", "pablo", "raul", "rodolfo", "alfredo", "armando", "octavio"})


def surnames_for(name: str, country: str) -> str:
    name = personal_name(name)
    words = _surname_units([w for w in name.replace(",", " ").split() if w.lower() not in NAME_SUFFIXES])
    if len(words) < 2:
        return ""
    out = [words[-1]]
    compound = len(words) == 3 and fold(words[1]) in SECOND_GIVEN_NAMES  # "Miguel Ángel Rodríguez"
    if country in SPANISH_NAMING and len(words) >= 3 and not compound:
        out = [words[-2], f"{words[-2]} {words[-1]}"]  # the father's surname comes first: López Obrador
    # a surname of two letters is one only as a capital and a small letter ("Wu", "Li", "Yú"; never "J." or "JR")
    return "|".join(w for w in out if (len(w) > 2 or (len(w) == 2 and w[0].isupper() and w[1].islower()))
                    and not w.endswith("."))


def name_forms(name: str) -> list[str]:
    """The name and the shorter forms news writes it in: without middle initials and without a suffix
    ("Charles B. Rangel" -> "Charles Rangel"; "Thomas J. Bliley, Jr." -> "Thomas J. Bliley", "Thomas Bliley"; a
    peer by the personal name: "Tom King, Baron King of Bridgwater" -> "Tom King")."""
    words = personal_name(name).replace(",", " ").split()
    plain = [w for w in words if w.lower() not in NAME_SUFFIXES]
    bare = [w for k, w in enumerate(plain) if k == len(plain) - 1 or not re.fullmatch(r"[A-Z]\.", w)]
    forms = [name, " ".join(plain), " ".join(bare)]
    return [f for f in dict.fromkeys(forms) if len(f.split()) >= 2]


def precision_of(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "")


def _date(value: str, precision: Optional[int] = None) -> str:
    """An ISO date cut to its precision (Wikidata: 9 year, 10 month, 11 day); "" when it is not a date."""
    v = (value or "").strip()
    m = re.match(r"^\+?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v)
    if not m or v.startswith("-"):
        return ""
    y, mo, d = m.group(1), m.group(2), m.group(3)
    keep = {9: 1, 10: 2, 11: 3}.get(precision or 11, 3)
    if mo in (None, "00") or keep == 1:
        return y
    if d in (None, "00") or keep == 2:
        return f"{y}-{mo}"
    try:
        dt.date(int(y), int(mo), int(d))
    except ValueError:
        return f"{y}-{mo}"
    return f"{y}-{mo}-{d}"


def _gender(value: str) -> str:
    v = fold(value or "").rsplit("/", 1)[-1]
    return {"male": "m", "m": "m", "q6581097": "m", "female": "f", "f": "f", "q6581072": "f"}.get(v, "")


def _tenure(pid: str, oid: str, start: str, end: str, acting: bool = False, note: str = "") -> dict:
    return {"person_id": pid, "office_id": oid, "start": start, "end": end, "start_precision": precision_of(start),
            "end_precision": precision_of(end), "acting": "true" if acting else "false", "elected": "", "note": note}


class _Builder:
    """Collects people, offices and terms, one row per id, and drops terms that end before they start."""

    def __init__(self):
        self.tables = Tables()
        self.people: dict[str, dict] = {}
        self.offices: dict[str, dict] = {}
        self.skipped: list[str] = []

    def person(self, pid: str, name: str, aliases: Iterable[str] = (), surnames: str = "", gender: str = "",
               born: str = "", qid: str = "", died: str = "") -> str:
        if pid not in self.people:
            names = [name] + [a for a in aliases if a and a != name]
            row = {"person_id": pid, "name": name, "aliases": "|".join(dict.fromkeys(names)), "surnames": surnames,
                   "gender": gender, "born": born if precision_of(born) else "", "qid": qid,
                   "died": died if precision_of(died) else ""}
            self.people[pid] = row
            self.tables.people.append(row)
        return pid

    def office(self, oid: str, country: str, name_en: str, name_es: str = "", qid: str = "",
               level: Optional[str] = None, titles_en: str = "", titles_es: str = "") -> str:
        if oid not in self.offices:
            row = {"office_id": oid, "country": country, "level": level or level_for(name_en), "name_en": name_en,
                   "name_es": name_es, "titles_en": titles_en or titles_for(name_en),
                   "titles_es": titles_es or (titles_for(name_es) if name_es else ""), "qid": qid}
            self.offices[oid] = row
            self.tables.offices.append(row)
        return oid

    def tenure(self, pid: str, oid: str, start: str, end: str, acting: bool = False, note: str = "", where: str = ""):
        if not start:
            self.skipped.append(f"{where}: no start date")
            return
        if end and end[:len(start)] < start[:len(end)]:
            self.skipped.append(f"{where}: ends ({end}) before it starts ({start})")
            return
        self.tables.tenures.append(_tenure(pid, oid, start, end, acting, note))


def _person_id(qid: str, fallback: str) -> str:
    return qid if QID.match(qid or "") else "p." + slug(fallback).replace("_", ".")


# -- Wikidata "position held" CSV ---------------------------------------------------------------------

def read_positions(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if rows and not {"id", "position"} <= set(rows[0]):
        raise LayerError(f"{path}: a positions file needs the columns id and position")
    return rows


def wikidata_csv(holders: Path, positions: Optional[Path] = None, country: Optional[str] = None) -> tuple[Tables, list[str]]:
    """Read a Wikidata position-held extract. Each `position` label is matched to the positions file by
    name without the country ("Secretary of Defence" -> "United States Secretary of Defense"), which gives
    the office its QID, full name and country; an office the positions file does not name gets its label as
    its name and `country` (required then). Returns the tables and the rows skipped, with why."""
    pos_rows = read_positions(positions) if positions else []
    by_norm: dict[str, dict] = {}
    for p in pos_rows:
        by_norm.setdefault(norm_office(p["position"]), p)
    countries = {COUNTRY_QIDS.get(p.get("country", "")) for p in pos_rows} - {None}
    default_country = country or (countries.pop() if len(countries) == 1 else None)
    b = _Builder()
    with open(holders, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        need = {"position", "person", "personID", "start"}
        if not need <= set(reader.fieldnames or ()):
            raise LayerError(f"{holders}: a position-held file needs the columns {', '.join(sorted(need))}")
        for n, r in enumerate(reader, 2):
            where = f"{holders.name}:{n}"
            label = (r.get("position") or "").strip()
            pos = by_norm.get(norm_office(label))
            cc = (COUNTRY_QIDS.get(pos.get("country", "")) if pos else None) or default_country
            if not cc:
                raise LayerError(f"{where}: no country for {label!r}; pass --country")
            name_en = pos["position"] if pos else label
            oid = b.office(f"{cc.lower()}.{office_slug(name_en)}", cc, name_en,
                           qid=pos["id"] if pos and QID.match(pos["id"]) else "",
                           titles_en=titles_for(name_en, label))
            name = (r.get("person") or "").strip()
            qid = (r.get("personID") or "").strip()
            if not name:
                b.skipped.append(f"{where}: no name")
                continue
            pid = b.person(_person_id(qid, name), name, surnames=surnames_for(name, cc), gender=_gender(r.get("gender", "")),
                           born=_date(r.get("DOB", "")), qid=qid if QID.match(qid) else "", died=_date(r.get("DOD", "")))
            b.tenure(pid, oid, _date(r.get("start", "")), _date(r.get("end", "")), where=where)
    return b.tables, b.skipped


# -- Wikidata SPARQL JSON -----------------------------------------------------------------------------

def _value(binding: dict, var: str) -> str:
    return str(binding.get(var, {}).get("value", "")).strip()


def _entity(binding: dict, var: str) -> str:
    v = _value(binding, var)
    return v.rsplit("/", 1)[-1] if v else ""


def sparql_json(data: dict, country: Optional[str] = None) -> tuple[Tables, list[str]]:
    """Read SPARQL results: one binding per term. `country` is the ISO code for bindings without ?country."""
    try:
        names = data["head"]["vars"]
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError):
        raise LayerError("not SPARQL JSON results: expected {\"head\": {\"vars\": ...}, \"results\": {\"bindings\": ...}}") from None
    missing = [v for v in SPARQL_VARIABLES["required"] if v not in names]
    if missing:
        raise LayerError(f"the SPARQL results lack the variable(s) {', '.join('?' + v for v in missing)}; "
                         f"see checker.kb.importers.SPARQL_VARIABLES")
    b = _Builder()
    for n, row in enumerate(bindings, 1):
        where = f"binding {n}"
        qid, pos_qid = _entity(row, "person"), _entity(row, "position")
        name, label = _value(row, "personLabel"), _value(row, "positionLabel")
        if not QID.match(qid) or not name or QID.match(name):
            b.skipped.append(f"{where}: no person or no label for {qid or '?'}")
            continue
        raw_cc = _value(row, "country")
        cc = COUNTRY_QIDS.get(raw_cc.rsplit("/", 1)[-1], raw_cc.upper()) or (country or "").upper()
        if not re.match(r"^[A-Z]{2}$", cc or ""):
            b.skipped.append(f"{where}: no country for {label!r}; pass --country")
            continue
        label_es = _value(row, "positionLabelEs")
        oid = b.office(f"{cc.lower()}.{office_slug(label) or pos_qid.lower()}", cc, label, label_es,
                       qid=pos_qid if QID.match(pos_qid) else "")
        aliases = [a for a in _value(row, "aliases").split("|") if len(a.split()) >= 2 and not re.search(r"\d", a)]
        pid = b.person(qid, name, aliases, surnames_for(name, cc), _gender(_value(row, "gender")),
                       _date(_value(row, "born")), qid, _date(_value(row, "died")))

        def prec(var: str) -> Optional[int]:
            v = _value(row, var)
            return int(v) if v.isdigit() else None

        b.tenure(pid, oid, _date(_value(row, "start"), prec("startPrecision")),
                 _date(_value(row, "end"), prec("endPrecision")),
                 acting=_value(row, "acting").lower() in ("true", "1"), where=where)
    # one statement per term, but the label service repeats a term for each alias or country: keep one
    seen, unique = set(), []
    for t in b.tables.tenures:
        k = (t["person_id"], t["office_id"], t["start"], t["end"])
        if k not in seen:
            seen.add(k)
            unique.append(t)
    b.tables.tenures = unique
    return b.tables, b.skipped


# -- congress-legislators YAML ------------------------------------------------------------------------

CONGRESS_OFFICES = {
    "sen": ("us.senator", "United States Senator", "Senador de los Estados Unidos", "legislator",
            "United States Senator|U.S. Senator|US Senator|Senator|Sen.",
            "senador estadounidense|senadora estadounidense|senador de Estados Unidos|senadora de Estados Unidos|senador|senadora"),
    "rep": ("us.house_representative", "Member of the United States House of Representatives",
            "Miembro de la Cámara de Representantes de los Estados Unidos", "legislator",
            "U.S. Representative|US Representative|Representative|Rep.|Congressman|Congresswoman",
            "congresista estadounidense|congresista|representante"),
    "prez": ("us.president", "President of the United States", "Presidente de los Estados Unidos", "head_of_state",
             "President of the United States|U.S. President|US President",
             "presidente de los Estados Unidos|presidente de Estados Unidos|presidenta de Estados Unidos"),
    "viceprez": ("us.vice_president", "Vice President of the United States", "Vicepresidente de los Estados Unidos",
                 "deputy_head_of_state", "Vice President of the United States|U.S. Vice President|US Vice President",
                 "vicepresidente de los Estados Unidos|vicepresidente de Estados Unidos|vicepresidenta de Estados Unidos"),
}


# Between one Congress's end (January 3) and the next's first day a re-elected member serves on: up to 18 days
# in the 1970s (1971-01-03 to 1971-01-21), so consecutive terms this close are one stretch of service.
CONGRESS_RECESS = dt.timedelta(days=31)


def congress(paths: Iterable[Path], today: Optional[dt.date] = None, surnames: bool = False) -> tuple[Tables, list[str]]:
    """Read congress-legislators YAML: each person with every term, consecutive terms of one office joined
    into one tenure (a senator re-elected twice served one stretch). A last term that ends after `today` is
    the scheduled end of a current term: the tenure is left open and the note says when the term ends.

    Members are found by their full names ("Sen. Maria Cantwell", "Rep. Nancy Mace"). Their surnames alone
    ("Rep. Levin") are indexed only with `surnames=True`, for a complete set (legislators-historical.yaml
    too): with the current members only, a surname in an older text usually names a former member the
    file lacks (Sander Levin, not Mike Levin), and would constrain the text to the wrong person's term."""
    import yaml

    today = today or dt.date.today()
    b = _Builder()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            try:
                members = yaml.load(fh, Loader=loader)
            except yaml.YAMLError as exc:
                raise LayerError(f"{path}: not YAML ({exc})") from None
        if not isinstance(members, list):
            raise LayerError(f"{path}: expected a list of people, as in congress-legislators")
        for n, m in enumerate(members, 1):
            where = f"{Path(path).name}: person {n}"
            ids, nm, bio = m.get("id") or {}, m.get("name") or {}, m.get("bio") or {}
            first, last = str(nm.get("first", "")).strip(), str(nm.get("last", "")).strip()
            if not last:
                b.skipped.append(f"{where}: no last name")
                continue
            middle = str(nm.get("middle") or "").strip()
            # "John Quincy Adams": a middle name written out is part of the name; an initial is not
            full = str(nm.get("official_full") or " ".join(x for x in (first, middle if middle and not middle.endswith(".") else "", last) if x))
            forms = [full, f"{first} {last}"]
            if nm.get("nickname"):
                forms.append(f"{nm['nickname']} {last}")
            if middle and not middle.endswith("."):
                forms.append(f"{first} {middle} {last}")
            qid = str(ids.get("wikidata") or "")
            key = str(ids.get("bioguide") or f"{first} {last} {bio.get('birthday', '')}")
            pid = b.person(qid if QID.match(qid) else "p.bioguide." + slug(key).replace("_", "."), full,
                           [" ".join(f.split()) for f in forms], last if surnames else "", _gender(str(bio.get("gender", ""))),
                           _date(str(bio.get("birthday", ""))), qid if QID.match(qid) else "")
            runs: list[list] = []
            for t in sorted((t for t in m.get("terms") or () if t.get("type") in CONGRESS_OFFICES),
                            key=lambda t: str(t.get("start", ""))):
                oid, *spec = CONGRESS_OFFICES[t["type"]]
                b.office(oid, "US", spec[0], spec[1], level=spec[2], titles_en=spec[3], titles_es=spec[4])
                start, end = _date(str(t.get("start", ""))), _date(str(t.get("end", "")))
                where_state = t.get("state", "")
                if runs and runs[-1][0] == oid and start and runs[-1][2] and \
                        dt.date.fromisoformat(start) <= dt.date.fromisoformat(runs[-1][2]) + CONGRESS_RECESS:
                    runs[-1][2] = max(runs[-1][2], end)
                    if where_state and where_state not in runs[-1][3]:
                        runs[-1][3].append(where_state)
                else:
                    runs.append([oid, start, end, [where_state] if where_state else []])
            for oid, start, end, states in runs:
                note = ", ".join(states)
                if end and len(end) == 10 and dt.date.fromisoformat(end) > today:
                    note = (note + "; " if note else "") + f"term ends {end}"
                    end = ""
                b.tenure(pid, oid, start, end, note=note, where=where)
    return b.tables, b.skipped
