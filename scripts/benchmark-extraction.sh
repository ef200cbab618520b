#!/usr/bin/env bash
# Extraction quality and speed, side by side: Corroborate, trafilatura and readability-lxml on the same
# pages (default ../shared/eval/extraction/wcxb-dev), each pinned to one core, extraction time only,
# scored by ../shared/tools/score-extraction, overall and per page type. The reference tools are installed from PyPI into a throwaway
# venv that is deleted afterwards.
#
#   scripts/benchmark-extraction.sh [DATA]
#   LARGEST=136 scripts/benchmark-extraction.sh     only the N largest pages (decompressed), where parsing dominates
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval/extraction/wcxb-dev}
scorer=../shared/tools/score-extraction
[[ -d $data/html ]] || { echo "skipped: $data is absent" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n ${LARGEST:-} ]]; then
    # A set of the same layout holding the largest pages, linked (not copied) from DATA.
    python3 - "$data" "$work/largest" "$LARGEST" <<'PY'
import gzip, json, os, sys
data, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(os.listdir(f"{data}/html"))
sizes = sorted(((len(gzip.open(f"{data}/html/{name}").read()), name) for name in names), reverse=True)
for folder in ("html", "ground-truth"):
    os.makedirs(f"{out}/{folder}")
os.symlink(os.path.abspath(f"{data}/metadata.json"), f"{out}/metadata.json")
for _, name in sizes[:count]:
    os.symlink(os.path.abspath(f"{data}/html/{name}"), f"{out}/html/{name}")
    page = name[: -len(".html.gz")]
    for gold in os.listdir(f"{data}/ground-truth"):
        if gold.split(".")[0] == page:
            os.symlink(os.path.abspath(f"{data}/ground-truth/{gold}"), f"{out}/ground-truth/{gold}")
PY
    data=$work/largest
fi

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
