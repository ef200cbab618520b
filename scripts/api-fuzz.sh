#!/usr/bin/env bash
# Property-based tests of the JSON API with schemathesis: a real `corroborate serve` on 127.0.0.1 over a
# throwaway database holding the bundled sample, every operation of the served OpenAPI document exercised with
# valid and invalid inputs, a token for the writes.
#   scripts/api-fuzz.sh [SECONDS=120] [SCHEMATHESIS OPTIONS…]
# Fails on a 5xx, a response outside the document (status, content type, headers, body schema), an invalid
# input accepted, a valid one refused, or a request taking over 5 s. schemathesis comes from PyPI, into a
# venv under .build-apifuzz/ (made once); its reports go to .build-apifuzz/report/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-120}
shift || true
scratch="$root/.build-apifuzz"
venv="$scratch/venv"
if [[ ! -x "$venv/bin/schemathesis" ]]; then
    echo "installing schemathesis into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'schemathesis>=4,<5'
fi
swift build -c release --product corroborate --package-path "$root" >/dev/null
binary="$root/.build/release/corroborate"

work=$(mktemp -d)
db="$work/api.sqlite"
"$binary" add --db "$db" "$root/Samples/seeds" >/dev/null
token=$("$binary" token create --db "$db" schemathesis 2>/dev/null | grep -Eo 'cor_[0-9a-f]{64}' | head -1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" serve --db "$db" --port "$port" --no-poll > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/openapi.json" >/dev/null && break
    sleep 0.1
done

status=0
# NB: from the scratch folder: schemathesis keeps its example database (.schemathesis/) in the working folder.
cd "$scratch"
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/v1/openapi.json" \
    --checks all --max-time "$seconds" --workers 1 --max-response-time 5 --request-timeout 10 \
    -H "Authorization: Bearer $token" --seed 20261203 --no-color \
    --report junit,ndjson --report-dir "$scratch/report" "$@" || status=$?
if grep -q "request failed" "$work/serve.log"; then
    echo "the server logged failures:" >&2
    grep "request failed" "$work/serve.log" | head -20 >&2
    status=1
fi
exit $status
