#!/usr/bin/env python3
"""Generate extra English articles in the CMS shape (see src/main/resources/sample/articles.json).

Usage: gen-articles.py COUNT [--start-hours-ago H] > extra.ndjson

Deterministic (seeded), stdlib only. Output is NDJSON, one article per line, accepted by
`java -jar target/karvon.jar import FILE`. Published times lie in the past (spaced 37 minutes apart,
starting H hours before now) so nothing is rejected as "in the future" or treated as embargoed.
"""
import argparse
import datetime as dt
import json
import random
import sys

CITIES = ["Tashkent", "Samarkand", "Bukhara", "Namangan", "Andijan", "Fergana", "Nukus", "Karshi", "Termez", "Urgench"]
SECTIONS = {
    "economy": ["economy", "trade", "energy", "agriculture", "transport"],
    "technology": ["technology", "telecom", "startups"],
    "culture": ["culture", "heritage", "music"],
    "sport": ["sport", "football", "athletics"],
    "weather": ["weather", "climate"],
}
SUBJECTS = ["regional authorities", "the ministry of economy", "a consortium of local firms", "the city administration",
            "the national railway operator", "the statistics agency", "the central bank", "a group of farmers' cooperatives",
            "the ministry of energy", "the chamber of commerce"]
ACTIONS = ["announced a new programme", "signed an agreement", "reported quarterly figures", "opened a facility",
           "approved a budget", "launched a pilot project", "published a five-year plan", "completed the first phase"]
OBJECTS = ["for irrigation upgrades", "on solar power plants", "for cotton processing", "on a new bus network",
           "for broadband in rural districts", "on textile exports", "for school renovation", "on water metering"]
AUTHORS = ["Aziz Karimov", "Malika Yusupova", "Timur Nazarov", "Gulnora Ismoilova", "Rustam Ergashev", "Nodira Tosheva"]


def sentence(rnd):
    n = rnd.randint(3, 480)
    pct = rnd.randint(2, 40)
    return rnd.choice([
        f"Officials said the work would cost about {n} billion soums and create {rnd.randint(50, 900)} jobs.",
        f"According to preliminary data, output rose by {pct}% compared with the same period last year.",
        f"The first results are expected by the end of the quarter, a spokesperson for {rnd.choice(SUBJECTS)} said.",
        f"Residents of {rnd.choice(CITIES)} will be able to follow progress on the project's public website.",
        f"Analysts noted that similar schemes in neighbouring regions had cut costs by roughly {pct}%.",
        f"The agreement covers {n} kilometres of network and {rnd.randint(3, 40)} district centres.",
        f"Under the plan, {rnd.randint(10, 90)} companies have already applied for preferential loans.",
    ])


def body(rnd, city, subject, action, obj):
    paras = [f"<p>{subject[0].upper() + subject[1:]} in {city} {action} {obj} on Tuesday. "
             f"{sentence(rnd)}</p>"]
    for _ in range(rnd.randint(1, 2)):
        paras.append(f"<p>{sentence(rnd)} {sentence(rnd)}</p>")
    if rnd.random() < 0.5:
        paras.append(f"<blockquote><p>“We expect the first effects to be visible within a year,” said "
                     f"{rnd.choice(AUTHORS)}, who oversees the programme.</p></blockquote>")
    paras.append(f'<p>Details are available on the <a href="https://{city.lower()}.example/news">{city} '
                 f'administration website</a>.</p>')
    return "\n".join(paras)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("count", type=int)
    ap.add_argument("--start-hours-ago", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    tz = dt.timezone(dt.timedelta(hours=5))
    start = dt.datetime.now(tz).replace(second=0, microsecond=0) - dt.timedelta(hours=a.start_hours_ago)
    for i in range(a.count):
        section = rnd.choice(list(SECTIONS))
        cats = [section] + rnd.sample(SECTIONS[section][1:], 1)
        city = rnd.choice(CITIES)
        subject = rnd.choice(SUBJECTS)
        action = rnd.choice(ACTIONS)
        obj = rnd.choice(OBJECTS)
        title = f"{city}: {subject} {action} {obj}"
        key = f"kaa-bench-{i + 1:04d}"
        when = (start - dt.timedelta(minutes=37 * i)).isoformat()
        art = {
            "id": key + "-en",
            "lang": "en",
            "translation_key": key,
            "slug": f"{city.lower()}-{section}-bench-{i + 1:04d}",
            "title": title[0].upper() + title[1:],
            "summary": f"{subject[0].upper() + subject[1:]} in {city} {action} {obj}. {sentence(rnd)}",
            "body_html": body(rnd, city, subject, action, obj),
            "section": section,
            "categories": cats,
            "tags": [city, section, cats[1]],
            "author": rnd.choice(AUTHORS),
            "dateline": city,
            "image": None,
            "published": when,
            "updated": when,
            "status": "published",
            "correction_note": None,
        }
        sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
