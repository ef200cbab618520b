#!/usr/bin/env python3
"""Writes a stream of real-looking news for the scale benchmark, in JSON Lines batch files.

Usage: make-scale-corpus.py TOTAL BATCH OUT_DIR [--per-day N] [--seed S] [--eval DIR]

The sentences come from the full-text articles of the evaluation sets (BASIL and PolNeAR in
../shared/eval, read at run time and never copied into the project). Articles are grouped into events, as
news is: an event mixes sentences of two source articles, gets names of its own (every capitalised word is
mapped to a made-up name, per event) and perturbed figures, and is reported by 1 to ~80 articles of 200
outlets over the following days (a heavy tail: most events have a handful of reports, a few have dozens);
about a quarter of the reports are wire copies of the event's first report. Events start at `--per-day`
articles a day (default 5,000), so the archive spans TOTAL / per-day days and stories close as they would.
Output is in publication order, BATCH articles per file (batch-00001.jsonl, ...). Deterministic per seed.
"""
import heapq
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

SYLLABLES = ["ka", "lo", "mer", "vin", "ta", "sor", "bel", "dan", "ri", "mo", "zu", "fen", "gar", "hol", "is",
             "jan", "kel", "lum", "nor", "pa", "quin", "ros", "sel", "tor", "ul", "ves", "wen", "yar", "zel", "ob"]
KEEP = {"The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "I", "This", "That",
        "Mr", "Mrs", "Ms", "Dr", "His", "Her", "Their", "Its", "For", "As", "If", "When", "After", "Before",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "There", "What", "Who"}


def load_texts(eval_dir: Path) -> list[list[str]]:
    texts = []
    for name in ["clustering/basil.jsonl", "quotes/polnear-train.jsonl", "quotes/polnear-dev.jsonl"]:
        path = eval_dir / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            text = json.loads(line).get("text", "")
            parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+|(?<=[.!?][\"”’])\s+", text)]
            # Sentences cut inside a quotation are left out: their quote marks would not pair.
            sentences = [s for s in parts if 40 <= len(s) <= 300 and "<" not in s and s.count("“") == s.count("”")
                         and s.count('"') % 2 == 0]
            if len(sentences) >= 6:
                texts.append(sentences)
    return texts


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def event_sentences(rng: random.Random, texts: list[list[str]]) -> list[str]:
    first, second = rng.sample(texts, 2)
    picked = rng.sample(first, min(len(first), rng.randint(8, 14))) + rng.sample(second, min(len(second), 3))
    names: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        word = match.group()
        if word in KEEP:
            return word
        if word not in names:
            names[word] = made_up_name(rng)
        return names[word]

    def renumber(match: re.Match) -> str:
        return str(int(match.group()) + rng.randint(1, 99))

    return [re.sub(r"\d+", renumber, re.sub(r"\b[A-Z][a-z]{2,}\b", rename, s)) for s in picked]


def reports(rng: random.Random) -> int:
    # Heavy-tailed: about 40% single reports, mean near 4, a few in the tens.
    return min(80, int(rng.paretovariate(1.3)) + (0 if rng.random() < 0.4 else rng.randint(1, 3)))


def main() -> int:
    args = sys.argv[1:]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    total, batch, out = int(args[0]), int(args[1]), Path(args[2])

    def option(name: str, default: str) -> str:
        return args[args.index(name) + 1] if name in args else default

    per_day = int(option("--per-day", "5000"))
    rng = random.Random(int(option("--seed", "11")))
    eval_dir = Path(option("--eval", str(Path(__file__).resolve().parent.parent.parent / "shared" / "eval")))
    texts = load_texts(eval_dir)
    if len(texts) < 10:
        print(f"make-scale-corpus: no article texts under {eval_dir} (BASIL, PolNeAR); pass --eval DIR",
              file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    outlets = [f"{made_up_name(rng)} {rng.choice(['Times', 'Post', 'Herald', 'News', 'Daily', 'Wire'])}"
               for _ in range(200)]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    pending: list[tuple[float, int, dict]] = []
    written = 0
    made = 0
    clock = 0.0  # seconds since start: when the next event breaks
    handle = None

    def emit(article: dict) -> None:
        nonlocal written, handle
        if written % batch == 0:
            if handle:
                handle.close()
            handle = (out / f"batch-{written // batch + 1:05d}.jsonl").open("w", encoding="utf-8")
        handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        written += 1

    while written < total:
        # Events break at a steady rate; reports follow over the next days.
        while made < total and (not pending or pending[0][0] > clock):
            pool = event_sentences(rng, texts)
            count = min(reports(rng), total - made)
            first = None
            for index in range(count):
                at = clock + (0 if index == 0 else rng.expovariate(1 / 40_000))
                if first is not None and rng.random() < 0.25:
                    body = list(first)
                    if rng.random() < 0.5:
                        body.pop(rng.randrange(len(body)))
                else:
                    body = rng.sample(pool, rng.randint(5, min(10, len(pool))))
                    first = first or body
                title = re.sub(r"[.!?\"”]+$", "", body[0])[:100]
                stamp = (start + timedelta(seconds=at)).strftime("%Y-%m-%dT%H:%M:%SZ")
                article = {"title": title, "text": " ".join(body), "source": rng.choice(outlets),
                           "published": stamp, "language": "en"}
                heapq.heappush(pending, (at, made, article))
                made += 1
            clock += 86_400 * count / per_day
        at, _, article = heapq.heappop(pending)
        emit(article)
    if handle:
        handle.close()
    print(f"make-scale-corpus: {written} articles in {(written + batch - 1) // batch} files under {out}, "
          f"{clock / 86_400:.0f} days from {start:%Y-%m-%d}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
