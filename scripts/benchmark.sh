#!/usr/bin/env bash
# Ingest benchmark: `corroborate add` of N small synthetic JSON Lines articles into a new SQLite file,
# pinned to one core, best of R runs; then the same file again (every article a duplicate), and a few
# searches. Prints a Markdown table for BENCHMARKS.md. Needs python3 (corpus) and GNU time.
#
#   scripts/benchmark.sh [N=100000] [R=3]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product corroborate >&2
bin=.build/release/corroborate
python3 scripts/make-bench-corpus.py "$count" "$work/corpus.jsonl"
size=$(du -m "$work/corpus.jsonl" | cut -f1)

measure() {  # label, then the command; prints "seconds maxrss_kb" of the best run
    local best="" rss=""
    for _ in $(seq "$runs"); do
        rm -f "$work"/db.sqlite*
        [[ $1 == readd ]] && "$bin" add --no-cluster --db "$work/db.sqlite" "$work/corpus.jsonl" >/dev/null 2>&1
        /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$bin" add --no-cluster --db "$work/db.sqlite" "$work/corpus.jsonl" >/dev/null 2>&1
        read -r seconds kb <"$work/time"
        if [[ -z $best ]] || python3 -c "import sys; sys.exit(0 if $seconds < $best else 1)"; then best=$seconds rss=$kb; fi
    done
    echo "$best $rss"
}

read -r add_s add_kb < <(measure add)
read -r readd_s readd_kb < <(measure readd)
db_mb=$(du -m "$work/db.sqlite" | cut -f1)
search_ms=$(python3 - "$bin" "$work/db.sqlite" <<'PY'
import subprocess, sys, time
bin, db = sys.argv[1], sys.argv[2]
queries = ["Toner", "civilian casualties", "\"air strikes\"", "Kerry OR Lavrov", "strike*"]
best = []
for q in queries:
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([bin, "search", "--db", db, "--json", q], check=True, capture_output=True)
        runs.append((time.perf_counter() - start) * 1000)
    best.append(min(runs))
print(f"{sum(best) / len(best):.1f}")
PY
)
rate() { python3 -c "print(f'{$count / $1:,.0f}')"; }
cat <<TABLE
| measure | result |
|---|---|
| corpus | $count articles, $size MB JSON Lines (scripts/make-bench-corpus.py, seed 7) |
| \`add\` into a new database, one core | $add_s s, **$(rate "$add_s") articles/s**, peak RSS $((add_kb / 1024)) MB |
| \`add\` again (all duplicates), one core | $readd_s s, $(rate "$readd_s") articles/s, peak RSS $((readd_kb / 1024)) MB |
| database size | $db_mb MB |
| \`search --json\`, whole command, mean of 5 queries (best of 5 each) | $search_ms ms |
TABLE
