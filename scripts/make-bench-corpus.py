#!/usr/bin/env python3
"""Writes N small synthetic JSON Lines articles for the ingest benchmark.

Each article is 2-4 sentences drawn from the bundled sample articles, with numbers, outlets and dates
perturbed, so texts are distinct (no duplicates) but read like news. Deterministic for a given seed.
Usage: make-bench-corpus.py N OUT.jsonl [--seed S]
"""
import json
import random
import re
import sys
from pathlib import Path

def main() -> int:
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    count, out = int(args[0]), Path(args[1])
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    rng = random.Random(seed)
    samples = Path(__file__).resolve().parent.parent / "Samples" / "seeds"
    sentences = []
    for path in sorted(samples.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 240]
    outlets = ["Wire One", "Daily Ledger", "Morning Post", "Global Desk", "City Herald", "Evening Star"]
    with out.open("w", encoding="utf-8") as handle:
        for index in range(count):
            picked = rng.sample(sentences, rng.randint(2, 4))
            body = " ".join(re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 999)), s) for s in picked)
            title = re.sub(r"[.!?]$", "", picked[0])[:90]
            article = {
                "title": f"{title} ({index})",
                "text": body,
                "source": rng.choice(outlets),
                "published": f"2015-12-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z",
                "language": "en",
            }
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return 0

if __name__ == "__main__":
    sys.exit(main())
