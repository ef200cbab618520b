#!/usr/bin/env bash
# Scale benchmark (BENCHMARKS.md, "Scale"): grows one SQLite database with `corroborate add` (storing and
# clustering) in batches of real-looking news (scripts/make-scale-corpus.py: sentences of the BASIL and
# PolNeAR texts in ../shared/eval, grouped in events spread over time), pinned to one core. Prints, per
# batch, seconds, articles/s, peak RSS and database size; then the cost of adding 100 more articles to the
# grown database, and the latency of the river (`GET /`) and of `GET /api/v1/stories` served from it.
#
#   scripts/benchmark-scale.sh [TOTAL=1000000] [BATCH=20000]
#
# SCALE_DIR=dir keeps the corpus and the database there (default: a temporary directory, removed after);
# SCALE_NO_BUILD=1 uses the release binary as it is; SCALE_BIN=path runs another binary;
# SCALE_DB=postgres://… grows a PostgreSQL schema instead (emptied first; the server runs beside, unpinned).
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1000000}
batch=${2:-20000}
(( total % batch == 0 )) || { echo "benchmark-scale: TOTAL ($total) must be a multiple of BATCH ($batch)" >&2; exit 2; }
if [[ -n ${SCALE_DIR:-} ]]; then
    work=$SCALE_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
[[ -n ${SCALE_NO_BUILD:-} ]] || swift build -c release --product corroborate >&2
bin=${SCALE_BIN:-$PWD/.build/release/corroborate}
db="$work/scale.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
if [[ ${SCALE_DB:-} == postgres* ]]; then
    db=$SCALE_DB
    # psql reads libpq's URL, which has no schema parameter: strip it and name the schema in SQL.
    schema=$(python3 -c "import sys, urllib.parse as u; q = u.parse_qs(u.urlsplit(sys.argv[1]).query); print(q.get('schema', ['corroborate'])[0])" "$db")
    psql_url=$(python3 -c "import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); q = [(k, v) for k, v in u.parse_qsl(p.query) if k != 'schema']; print(u.urlunsplit(p._replace(query=u.urlencode(q))))" "$db")
    psql "$psql_url" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >&2
fi
sql() { if [[ -n ${schema:-} ]]; then psql "$psql_url" -Atc "SET search_path TO $schema; $1" | tail -1; else sqlite3 "$db" "$1"; fi; }

echo "== corpus: $total + 100 articles in batches of $batch under $work/corpus" >&2
rm -rf "$work/corpus"
python3 scripts/make-scale-corpus.py $((total + 100)) "$batch" "$work/corpus"
files=("$work"/corpus/batch-*.jsonl)
tail_file=${files[-1]}

size_mb() {
    if [[ -n ${schema:-} ]]; then
        sql "SELECT sum(pg_total_relation_size(c.oid))::bigint / 1048576 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$schema' AND c.relkind = 'r'"
    else
        du -cm "$db" "$db-wal" 2>/dev/null | tail -1 | cut -f1 || true
    fi
}
add() {  # file; prints "seconds peak_kb user_seconds system_seconds"
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" taskset -c 0 "$bin" add --db "$db" "$1" >"$work/add.log" 2>&1 \
        || { echo "benchmark-scale: add of $1 failed:" >&2; cat "$work/add.log" >&2; exit 1; }
    cat "$work/time"
}

# NB: CPU seconds (user + system) are printed next to wall seconds: on a shared VM the wall time of one run
# varies by ±20%, the CPU time much less.
echo "| batch | stored after | seconds | CPU seconds | articles/s | peak RSS MB | database MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
stored=0
for file in "${files[@]::${#files[@]}-1}"; do
    read -r seconds kb user system < <(add "$file")
    stored=$((stored + batch))
    printf '| %d | %d | %s | %.2f | %.0f | %d | %d |\n' $((stored / batch)) "$stored" "$seconds" \
        "$(python3 -c "print($user + $system)")" "$(python3 -c "print($batch / max($seconds, 0.01))")" \
        $((kb / 1024)) "$(size_mb)"
done
read -r seconds kb user system < <(add "$tail_file")
echo
echo "100 articles into the $stored-article database: $seconds s, peak RSS $((kb / 1024)) MB (whole command)"
echo "stories: $(sql 'SELECT count(*) FROM story WHERE merged_into IS NULL')," \
    "articles in a live story: $(sql 'SELECT count(*) FROM story_article JOIN story ON story.id = story_article.story_id WHERE story.merged_into IS NULL')"

port=18490
"$bin" serve --db "$db" --port $port --no-poll >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; [[ -n ${SCALE_DIR:-} ]] || rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/stories?limit=1" && break; sleep 0.2; done
# A story 5,000 deep (or half-way down a smaller archive), for the keyset pages (after=ID) next to the offset ones.
live=$(sql 'SELECT count(*) FROM story WHERE merged_into IS NULL')
depth=$(( live / 2 < 5000 ? live / 2 : 5000 ))
deep=$(curl -fs "http://127.0.0.1:$port/api/v1/stories?limit=1&offset=$depth" \
    | python3 -c "import json, sys; print(json.load(sys.stdin)['stories'][0]['id'])")
python3 - "$port" "$deep" "$depth" <<'PY'
import http.client, sys, time
port, deep, depth = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
connection = http.client.HTTPConnection("127.0.0.1", port)
for path in ["/", "/?sort=coverage", f"/?after={deep}", "/?page=50", "/api/v1/stories",
             "/api/v1/stories?order=coverage", f"/api/v1/stories?after={deep}", f"/api/v1/stories?offset={depth}"]:
    times = []
    for _ in range(200):
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            sys.exit(f"benchmark-scale: GET {path} answered {response.status}")
    times.sort()
    print(f"GET {path}: p50 {times[100]:.1f} ms, p99 {times[197]:.1f} ms (200 requests, one connection)")
PY
