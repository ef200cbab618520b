#!/usr/bin/env bash
# Several pollers on one database (BENCHMARKS.md, "Fetching feeds"): the 1,000-feed fixture of
# benchmark-fetch.sh, WORKERS `corroborate fetch` processes and one `corroborate serve` (polling) started at
# once on one database, by default a throwaway PostgreSQL server (scripts/postgres-test-server.sh). Reports the
# round's wall time, how many times each feed was requested (must be once), and whether every article is stored
# once and in exactly one live story.
#
#   scripts/benchmark-workers.sh [WORKERS=3] [DB=throwaway PostgreSQL]
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-3}
swift build -c release --product corroborate >/dev/null
swift build -c release --product corroborate-eval >/dev/null
bin=.build/release/corroborate
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -n ${PG_TEST_DIR:-} ]] && scripts/postgres-test-server.sh stop "$PG_TEST_DIR"
    rm -rf "$work"
}
trap cleanup EXIT
if [[ -n ${2:-} ]]; then
    db=$2
else
    eval "$(PG_TEST_DURABLE=1 scripts/postgres-test-server.sh start)"
    db="$CORROBORATE_TEST_POSTGRES"
fi
.build/release/corroborate-eval serve-feeds --opml "$work/feeds.opml" --request-log "$work/requests" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/feeds.opml" ] && break; sleep 0.1; done
"$bin" feeds import "$work/feeds.opml" --db "$db" >/dev/null
export CORROBORATE_ALLOW_PRIVATE_ADDRESSES=1
start=$(date +%s.%N)
"$bin" serve --db "$db" --port 18491 --allow-private-addresses >"$work/serve.log" 2>&1 &
pids+=($!)
fetchers=()
for index in $(seq "$workers"); do
    /usr/bin/time -f "%e %M" -o "$work/time.$index" "$bin" fetch --db "$db" --allow-private-addresses --json \
        >"$work/fetch.$index.json" 2>"$work/fetch.$index.err" &
    fetchers+=($!)
done
for pid in "${fetchers[@]}"; do wait "$pid" || true; done
end=$(date +%s.%N)
sleep 3  # the server's last leased chunk, and the request log's next write
echo "database: $("$bin" info --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["database"])')"
python3 - "$work" "$workers" "$start" "$end" <<'PY'
import json, sys
work, workers, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
counts = dict(line.rsplit(" ", 1) for line in open(f"{work}/requests").read().split("\n") if line)
counts = {k: int(v) for k, v in counts.items()}
twice = [k for k, v in counts.items() if v > 1]
print(f"{len(counts)} of 1000 feeds requested; {len(twice)} requested more than once")
for index in range(1, workers + 1):
    doc = json.load(open(f"{work}/fetch.{index}.json"))
    seconds, kb = open(f"{work}/time.{index}").read().split()
    print(f"worker {index}: {len(doc['feeds'])} feeds, {doc['added']} articles added, {seconds} s, peak RSS {int(kb) // 1024} MB")
print(f"round (all workers done): {end - start:.1f} s")
PY
grep -c "polled feeds" "$work/serve.log" | sed 's/^/server poll rounds logged: /' || true
kill "${pids[1]}" 2>/dev/null || true
"$bin" info --db "$db" --check | sed -n '1,3p;/articles/p;/stories/p'
