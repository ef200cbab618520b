#!/usr/bin/env bash
# Server benchmark (BENCHMARKS.md, "Serving"): a database of STORIES synthetic stories (scripts/synth-stories.py;
# 12,000 make a little over 10,000 stories once near-identical ones are grouped),
# `corroborate serve` on 127.0.0.1, then wrk with 32 connections asking for random story pages and random
# story API documents; memory is sampled during a long run.
#
#   scripts/benchmark-server.sh [STORIES=12000] [SECONDS=60] [SOAK_SECONDS=600]
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-12000}
seconds=${2:-60}
soak=${3:-600}
work=${BENCH_DIR:-$(mktemp -d)}
port=18480
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product corroborate
corroborate=.build/release/corroborate
db="$work/serve-bench.sqlite"

if [[ ! -s "$db" ]]; then
    echo "== writing $stories synthetic stories"
    python3 scripts/synth-stories.py "$stories" > "$work/stories.jsonl"
    /usr/bin/time -f "add + group: %e s, peak RSS %M KB" "$corroborate" add "$work/stories.jsonl" --db "$db" >/dev/null
    /usr/bin/time -f "analyse: %e s" "$corroborate" analyse --stored --db "$db" >/dev/null
fi
sqlite3 "$db" "SELECT id FROM story WHERE merged_into IS NULL" > "$work/ids"
echo "== $(wc -l < "$work/ids") stories, $(sqlite3 "$db" 'SELECT count(*) FROM article') articles"

"$corroborate" serve --db "$db" --port $port --no-poll > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 2
echo "== first views (each comparison computed once, then kept): every story's page and API document"
start=$(date +%s.%N)
xargs -P 2 -I{} curl -s -o /dev/null "http://127.0.0.1:$port/stories/{}" < "$work/ids"
xargs -P 2 -I{} curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/stories/{}" < "$work/ids"
echo "warm-up: $(echo "$(date +%s.%N) - $start" | bc) s for $(( 2 * $(wc -l < "$work/ids") )) first views"
rss() { awk '/VmRSS/ {print $2}' /proc/$server/status; }
echo "server RSS after warm-up: $(rss) KB"

for prefix in /stories/ /api/v1/stories/; do
    echo "== wrk -t2 -c32 -d${seconds}s random $prefix{id}"
    IDS="$work/ids" PREFIX=$prefix wrk -t2 -c32 -d"${seconds}s" --latency -s scripts/bench/random-story.lua \
        "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx"
done

if (( soak > 0 )); then
    echo "== soak: ${soak}s of random story pages, RSS every 60 s"
    IDS="$work/ids" PREFIX=/stories/ wrk -t2 -c32 -d"${soak}s" --latency -s scripts/bench/random-story.lua \
        "http://127.0.0.1:$port" > "$work/soak.txt" &
    soaker=$!
    for (( i = 0; i < soak / 60; i++ )); do sleep 60; echo "  t=$(( (i + 1) * 60 ))s RSS $(rss) KB"; done
    wait $soaker
    grep -E "Requests/sec|99%|requests in|Non-2xx" "$work/soak.txt"
fi
