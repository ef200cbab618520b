#!/usr/bin/env bash
# Extraction quality and speed, side by side: Corroborate, trafilatura and readability-lxml on the same
# pages (default ../shared/eval/extraction/wcxb-dev), each pinned to one core, extraction time only,
# scored by ../shared/tools/score-extraction, overall and per page type. The reference tools are installed from PyPI into a throwaway
# venv that is deleted afterwards.
#
#   scripts/benchmark-extraction.sh [DATA]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval/extraction/wcxb-dev}
scorer=../shared/tools/score-extraction
[[ -d $data/html ]] || { echo "skipped: $data is absent" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --upgrade pip
"$work/venv/bin/pip" install -q trafilatura readability-lxml html-text
"$work/venv/bin/pip" list 2>/dev/null | grep -iE "^(trafilatura|readability-lxml|lxml|html-text) " >&2

swift build -c release --product corroborate-eval >&2
taskset -c 0 .build/release/corroborate-eval extraction --data "$data" --out "$work/corroborate.json" \
    | grep '^speed' | sed 's/^speed:/speed corroborate:/'
taskset -c 0 "$work/venv/bin/python" scripts/reference-extractors.py "$data" "$work"
for name in corroborate trafilatura readability; do
    echo "== $name"
    python3 "$scorer" --gold "$data" --pred "$work/$name.json" | grep -E "word overlap|shingles|^  type |^  (article|service|forum|listing|product|collection|documentation|title|author|date) |^extraction"
done
