"""Generate a corpus of synthetic press releases for speed and scale benchmarks.

    .venv/bin/python benchmarks/generate.py OUT_DIR --documents 100000 [--shard 10000] [--seed 7]

Writes JSON Lines shards (`shard-00000.jsonl`, ...), one record per document: `id`, `title`, `published`,
`lang`, `text`. Each document is about 2.5 KB, in English (80%) or Spanish, dated between 2001 and 2024, and
names officials who really held their office on that date (read from the bundled knowledge base), so the
checker does the same work it does on real releases. One in ten is re-dated by several years, as a real
audit would find. The sentences are templates written for this benchmark.
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
EN_FILLER = [
    "The program has drawn support from local officials across the district, who say the need is urgent.",
    "Residents raised concerns about costs, delays and the pace of construction during the meeting.",
    "A report released by the committee found that demand had grown steadily over the past decade.",
    "Several mayors attended and described the projects they hope to complete in the coming months.",
    "The office will publish a summary of the comments it received and respond to each of them.",
    "Advocates welcomed the announcement but said more work remains before families see results.",
    "The funds will be distributed through existing state agencies to avoid new administrative costs.",
    "Officials said the plan was drafted after months of consultation with county governments.",
]
ES_FILLER = [
    "Las autoridades locales señalaron que el programa atenderá primero a las comunidades más alejadas.",
    "Durante el encuentro, vecinos y organizaciones plantearon dudas sobre los plazos y los costos.",
    "El informe presentado indica que la demanda creció de manera constante en la última década.",
    "Los recursos se distribuirán a través de las dependencias estatales ya existentes.",
    "Se publicará un resumen de las propuestas recibidas y se dará respuesta a cada una de ellas.",
    "Representantes de la sociedad civil reconocieron el anuncio, aunque pidieron mayor seguimiento.",
]
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
    filler = ES_FILLER if spanish else EN_FILLER
    while sum(len(p) for p in paras) < 2400:
        paras.append(" ".join(rng.sample(filler, 3)))
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
    for s in range(0, args.documents, args.shard):
        path = args.out / f"shard-{s // args.shard:05d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(s, min(args.documents, s + args.shard)):
                line = json.dumps(document(i, kb, pools, rng), ensure_ascii=False) + "\n"
                size += len(line.encode("utf-8"))
                fh.write(line)
    print(f"{args.documents} documents, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
