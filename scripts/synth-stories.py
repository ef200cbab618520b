#!/usr/bin/env python3
"""Writes synthetic news articles as JSON Lines for the server benchmark: STORIES stories, each told by 2-3
outlets that share some sentences (quotes, figures, dates) and add their own. Deterministic (seeded); made
up names and places, so nothing here comes from a real data set.

    scripts/synth-stories.py 10000 > stories.jsonl
"""
import json
import random
import sys

stories = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
rng = random.Random(20261122)
syllables = ["ka", "lo", "mi", "ran", "te", "vo", "shi", "bar", "den", "ul", "pra", "nes", "tor", "quil", "ma", "zen"]


def word(parts=3):
    return "".join(rng.choice(syllables) for _ in range(parts))


def name():
    return word(2).capitalize() + " " + word(3).capitalize()


outlets = [f"{word(2).capitalize()} {rng.choice(['Times', 'Post', 'News', 'Herald', 'Daily', 'Wire'])}" for _ in range(300)]
verbs = ["reported", "confirmed", "announced", "denied", "warned", "said"]
for story in range(stories):
    place = word(3).capitalize()
    person = name()
    agency = word(2).capitalize() + " Agency"
    topic = [word(3) for _ in range(6)]
    number = rng.randint(3, 900)
    day = 1 + story % 28
    month = 1 + (story // 28) % 12
    shared = [
        f"Officials in {place} {rng.choice(verbs)} that {number} people were affected by the {topic[0]} {topic[1]} on {month}/{day}.",
        f"\"We will not accept the {topic[2]} {topic[3]},\" said {person}, a spokesman for the {agency}.",
        f"The {agency} said the {topic[4]} began on Monday near {place}.",
        f"{person} added that talks on the {topic[5]} {topic[0]} would resume next week.",
    ]
    for copy, outlet in enumerate(rng.sample(outlets, rng.randint(2, 3))):
        own = [
            f"According to {outlet}, residents of {place} described the {topic[rng.randint(0, 5)]} as {word(2)}.",
            f"Local groups counted {number + rng.randint(1, 50)} cases, a figure the {agency} disputes.",
            f"The {topic[1]} {topic[3]} has drawn criticism from {name()} and others.",
        ]
        sentences = shared[: 2 + copy] + own[: 1 + rng.randint(0, 2)] + shared[2 + copy :]
        article = {
            "title": f"{place} {topic[0]} {topic[1]}: {person} {rng.choice(verbs)} {topic[2]}",
            "text": "\n\n".join(sentences),
            "source": outlet,
            "url": f"https://{outlet.lower().replace(' ', '')}.example/{story}-{copy}",
            "published": f"2026-{month:02d}-{day:02d}T{8 + copy:02d}:00:00Z",
            "language": "en",
        }
        print(json.dumps(article))
