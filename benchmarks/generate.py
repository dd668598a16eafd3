"""Generate a corpus of synthetic press releases for speed and scale benchmarks.

    .venv/bin/python benchmarks/generate.py OUT_DIR --documents 100000 [--shard 10000] [--seed 7]

Writes JSON Lines shards (`shard-00000.jsonl`, ...), one record per document: `id`, `title`, `published`,
`lang`, `text`. Each document is about 2.5 KB, in English (80%) or Spanish, dated between 2001 and 2024, and
names officials who really held their office on that date (read from the bundled knowledge base), so the
checker does the same work it does on real releases. One in ten is re-dated by several years, as a real
audit would find, and one in fifty is an earlier story published again under a later date (SR114's case);
the other stories share few 5-word sequences, as the stories of a real archive do. The sentences are
templates written for this benchmark.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EN_LEADS = [
    "{title} {name} met with community leaders on {date} to discuss {topic}.",
    "{title} {name} announced new funding for {topic} on {date}.",
    "Speaking on {date}, {title} {name} called for swift action on {topic}.",
]
ES_LEADS = [
    "El {date}, {title} {name} se reunió con representantes locales para hablar de {topic}.",
    "{title} {name} anunció el {date} nuevos recursos para {topic}.",
]
EN_TOPICS = ["rural broadband", "veterans' health care", "flood prevention", "small business loans",
             "border infrastructure", "water quality", "public transit", "wildfire response", "school safety"]
ES_TOPICS = ["seguridad pública", "salud rural", "vivienda", "infraestructura carretera", "empleo juvenil",
             "agua potable", "educación básica"]
# Filler sentences are built from templates whose slots stand at most four words apart, filled from word
# lists and numbers, so two documents share few 5-word sequences: an archive is mostly distinct stories,
# and the recycled-story pass (SR114) should find the planted copies, not the templates.
EN_FILLER = [
    "{group} in {place} {verb} the {adj} {noun} on {weekday}, {n} days after {agency} {verb2} its {noun2}.",
    "About {n} {people} from {place} {verb} {agency}'s {noun} and asked for {adj} {noun2}.",
    "{agency} said {n} {noun}s in {place} {verb2} {adj} {noun2} since {month} {year}.",
    "The {adj} {noun} will cost {place} about ${n} million, {agency} {verb2} in a {adj2} {noun2}.",
    "{people} near {place} {verb} {n} {noun}s, and {group} {verb2} a {adj} {noun2} by {month}.",
    "Officials from {agency} {verb} the {noun} with {group} of {place} for {n} {unit}.",
]
EN_WORDS = {
    "group": ["farmers", "teachers", "nurses", "veterans", "parents", "students", "mayors", "engineers", "retirees",
              "fishermen", "truckers", "librarians", "firefighters", "ranchers", "pastors", "merchants"],
    "people": ["residents", "workers", "families", "volunteers", "tenants", "commuters", "patients", "voters",
               "shop owners", "drivers", "growers", "apprentices", "officers", "clinicians"],
    "place": ["Fresno", "Tulsa", "Albany", "Duluth", "El Paso", "Macon", "Boise", "Laredo", "Yakima", "Dayton",
              "Erie", "Gary", "Provo", "Joplin", "Butte", "Bangor", "Mobile", "Ogden", "Casper", "Keene", "Ames",
              "Helena", "Lowell", "Medford", "Pueblo", "Salina", "Topeka", "Waco", "Yuma", "Biloxi"],
    "verb": ["praised", "questioned", "reviewed", "backed", "opposed", "studied", "debated", "welcomed", "criticized",
             "examined", "endorsed", "challenged", "discussed", "outlined", "toured", "inspected"],
    "verb2": ["published", "expanded", "delayed", "approved", "revised", "announced", "completed", "cancelled",
              "funded", "audited", "reported", "doubled", "renewed", "paused", "merged"],
    "adj": ["regional", "temporary", "emergency", "long-term", "pilot", "bipartisan", "statewide",
            "quarterly", "overdue", "modest", "ambitious", "detailed", "costly", "unusual", "preliminary"],
    "adj2": ["brief", "lengthy", "public", "written", "joint", "formal", "sharp", "cautious", "final", "new"],
    "noun": ["grant", "levee", "clinic", "bridge", "curriculum", "permit", "survey", "pipeline", "shelter",
             "depot", "hearing", "budget", "corridor", "hospital", "reservoir", "ordinance", "audit", "census"],
    "noun2": ["statement", "report", "timeline", "estimate", "review", "schedule", "guidance", "forecast",
              "inventory", "proposal", "agreement", "roadmap", "assessment", "memo"],
    "agency": ["the county board", "the state auditor", "the water district", "the transit authority",
               "the housing office", "the port commission", "the health department", "the school board",
               "the planning office", "the utilities commission", "the parks service", "the labor board"],
    "unit": ["hours", "days", "weeks", "months", "sessions", "rounds", "visits"],
}
ES_FILLER = [
    "{group} de {place} {verb} el {noun} {adj} el {weekday}, {n} días después de que {agency} {verb2} su {noun2}.",
    "Cerca de {n} {people} de {place} {verb} el {noun} de {agency} y pidieron un {noun2} {adj}.",
    "{agency} informó que {n} {noun}s en {place} {verb2} un {noun2} {adj} desde {month} de {year}.",
    "El {noun} {adj} costará a {place} unos {n} millones de pesos, según un {noun2} de {agency}.",
    "{people} de {place} {verb} {n} {noun}s, y {group} {verb2} un {noun2} {adj} para {month}.",
]
ES_WORDS = {
    "group": ["campesinos", "maestros", "enfermeras", "pescadores", "comerciantes", "estudiantes", "alcaldes",
              "ingenieros", "transportistas", "jubilados", "médicos", "artesanos", "ejidatarios", "colonos"],
    "people": ["vecinos", "trabajadores", "familias", "voluntarios", "productores", "pacientes", "usuarios",
               "jornaleros", "locatarios", "choferes", "agricultores", "docentes"],
    "place": ["Tlaxcala", "Colima", "Zacatecas", "Tepic", "Culiacán", "Mérida", "Oaxaca", "Pachuca", "Durango",
              "Celaya", "Tapachula", "Ensenada", "Matamoros", "Uruapan", "Tehuacán", "Córdoba", "Irapuato",
              "Tuxtepec", "Comitán", "Apizaco", "Guaymas", "Manzanillo", "Orizaba", "Zamora"],
    "verb": ["revisaron", "respaldaron", "cuestionaron", "analizaron", "celebraron", "criticaron", "recorrieron",
             "discutieron", "apoyaron", "evaluaron", "rechazaron", "presentaron"],
    "verb2": ["publicó", "amplió", "retrasó", "aprobó", "modificó", "anunció", "concluyó", "canceló", "financió",
              "auditó", "duplicó", "renovó", "suspendió"],
    "adj": ["regional", "temporal", "emergente", "piloto", "estatal", "trimestral", "pendiente", "modesto",
            "ambicioso", "detallado", "costoso", "preliminar", "integral", "urgente"],
    "noun": ["hospital", "puente", "programa", "permiso", "censo", "albergue", "presupuesto", "acueducto",
             "mercado", "libramiento", "padrón", "reglamento", "convenio", "drenaje", "bordo", "plantel"],
    "noun2": ["informe", "calendario", "diagnóstico", "padrón", "estudio", "acuerdo", "proyecto", "balance",
              "reporte", "dictamen", "plan", "registro"],
    "agency": ["el cabildo", "la auditoría estatal", "el organismo de agua", "la secretaría de obras",
               "el instituto de vivienda", "la junta de caminos", "la comisión de salud", "el comité escolar",
               "la oficina de planeación", "la procuraduría agraria"],
}
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
WEEKDAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes"]
REPUBLISHED = 0.02  # share of documents that are an earlier story published again with a later date
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]


def holders(kb, country: str, level: str):
    out = []
    for pid, ts in kb.tenures.items():
        for t in ts:
            o = kb.office(t.office_id)
            if o.country == country and o.level == level and not t.acting and t.start.year >= 2000:
                out.append((kb.person(pid), o, t))
    return out


def pick(pool, day: dt.date, rng: random.Random):
    live = [(p, o, t) for p, o, t in pool if t.start <= day and (t.end is None or day < t.end)]
    return rng.choice(live) if live else None


def sentence(template: str, words: dict, months: list[str], weekdays: list[str], day: dt.date, rng: random.Random) -> str:
    slots = {k: rng.choice(v) for k, v in words.items()}
    # numbers and months in the filler are not dates the checker should weigh: years before the story's
    text = template.format(n=rng.randrange(2, 950), month=rng.choice(months), year=day.year - rng.randrange(1, 4),
                           weekday=rng.choice(weekdays), **slots)
    return text[0].upper() + text[1:]


def document(i: int, kb, pools, rng: random.Random) -> dict:
    spanish = rng.random() < 0.2
    day = dt.date(2001, 3, 1) + dt.timedelta(days=rng.randrange((dt.date(2024, 6, 1) - dt.date(2001, 3, 1)).days))
    country = "MX" if spanish else "US"
    head = pick(pools[country, "head_of_state"], day, rng)
    minister = pick(pools[country, "cabinet"], day, rng)
    lang = "es" if spanish else "en"
    months = MONTHS_ES if spanish else MONTHS_EN
    said = f"{day.day} de {months[day.month - 1]} de {day.year}" if spanish else f"{months[day.month - 1]} {day.day}, {day.year}"
    paras = []
    for who in (minister, head):
        if who is None:
            continue
        person, office, _ = who
        titles = office.titles_es if spanish else office.titles_en
        title = titles[0] if titles else ("presidente" if spanish else "President")
        lead = rng.choice(ES_LEADS if spanish else EN_LEADS)
        paras.append(lead.format(title=title, name=person.name, date=said,
                                 topic=rng.choice(ES_TOPICS if spanish else EN_TOPICS)))
    filler, words = (ES_FILLER, ES_WORDS) if spanish else (EN_FILLER, EN_WORDS)
    weekdays = WEEKDAYS_ES if spanish else WEEKDAYS_EN
    while sum(len(p) for p in paras) < 2400:
        paras.append(" ".join(sentence(rng.choice(filler), words, months, weekdays, day, rng) for _ in range(3)))
    published = day
    if rng.random() < 0.1:  # re-dated by 4 to 9 years, forwards or backwards
        published = day + dt.timedelta(days=rng.choice([-1, 1]) * rng.randrange(4 * 365, 9 * 365))
    return {"id": f"gen{i:07d}", "title": paras[0][:80], "published": published.isoformat(), "lang": lang,
            "text": "\n\n".join(paras)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--shard", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from checker import kb as kbm

    kb = kbm.load()
    pools = {(c, lv): holders(kb, c, lv) for c in ("US", "MX") for lv in ("head_of_state", "cabinet")}
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    size = 0
    recent: list[dict] = []  # the last thousand stories, which a republished copy is taken from
    for s in range(0, args.documents, args.shard):
        path = args.out / f"shard-{s // args.shard:05d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(s, min(args.documents, s + args.shard)):
                if recent and rng.random() < REPUBLISHED:
                    # an earlier story published again under a later date: what SR114 is for
                    old = rng.choice(recent)
                    later = dt.date.fromisoformat(old["published"]) + dt.timedelta(days=rng.randrange(400, 5 * 365))
                    record = dict(old, id=f"gen{i:07d}", published=later.isoformat())
                else:
                    record = document(i, kb, pools, rng)
                    if len(recent) < 1000:
                        recent.append(record)
                    else:
                        recent[i % 1000] = record
                line = json.dumps(record, ensure_ascii=False) + "\n"
                size += len(line.encode("utf-8"))
                fh.write(line)
    print(f"{args.documents} documents, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
