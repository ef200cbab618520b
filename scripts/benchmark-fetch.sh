#!/usr/bin/env bash
# Fetch benchmark (BENCHMARKS.md): 1,000 synthetic feeds of 20 items on 100 loopback hosts, served by
# `corroborate-eval serve-feeds`, fetched by the release `corroborate fetch` into a new SQLite file.
# Reports wall time (fetching, then analysing and grouping) and peak memory (GNU time's max RSS).
#
#   scripts/benchmark-fetch.sh [--summary-only 0.25] [--slow-feeds 10 --dead-feeds 10] [--timeout 10]
set -euo pipefail
cd "$(dirname "$0")/.."
serve_args=()
fetch_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --summary-only|--slow-feeds|--dead-feeds|--feeds|--hosts|--items) serve_args+=("$1" "$2"); shift 2 ;;
        *) fetch_args+=("$1"); shift ;;
    esac
done
swift build -c release --product corroborate >/dev/null
swift build -c release --product corroborate-eval >/dev/null
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
.build/release/corroborate-eval serve-feeds --opml "$work/feeds.opml" ${serve_args[@]+"${serve_args[@]}"} &
server=$!
for _ in $(seq 100); do [ -s "$work/feeds.opml" ] && break; sleep 0.1; done
.build/release/corroborate feeds import "$work/feeds.opml" --db "$work/bench.sqlite" >/dev/null
/usr/bin/time -f "peak RSS %M KB, wall %e s" .build/release/corroborate fetch --db "$work/bench.sqlite" \
    --allow-private-addresses --json ${fetch_args[@]+"${fetch_args[@]}"} >"$work/fetch.json" 2>"$work/stderr" || true
tail -1 "$work/stderr"
python3 - "$work/fetch.json" <<'PY'
import json, sys, collections
d = json.load(open(sys.argv[1]))
codes = collections.Counter(f.get("errorCode") for f in d["feeds"] if f["status"] == "failed")
ok = [f["milliseconds"] for f in d["feeds"] if f["status"] != "failed"]
ok.sort()
print(f'feeds {len(d["feeds"])}: {len(ok)} ok, {d["failed"]} failed {dict(codes)}; articles added {d["added"]}')
print(f'fetch phase {d["fetchSeconds"]:.1f} s; analysed {d["analysed"]}, grouped {d.get("clustered")}; total {d["totalSeconds"]:.1f} s')
if ok:
    print(f'per-feed poll time (ok feeds): median {ok[len(ok)//2]} ms, max {ok[-1]} ms')
PY
