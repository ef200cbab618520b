#!/usr/bin/env bash
# Fuzzes Corroborate's parsers with libFuzzer and AddressSanitizer, each seeded from the test fixtures.
#   scripts/fuzz.sh [TARGET|all] [SECONDS=60]      (scripts/fuzz.sh --list names the targets)
# Each target runs for SECONDS; a crash, a leak of the limits (-rss_limit_mb, -timeout) or a broken promise
# stops it with the input saved under .build-fuzz/findings/TARGET/. Corpora grow in .build-fuzz/corpus/TARGET/
# and are reused by the next run. FUZZ_CONFIGURATION=debug builds a debug harness (slower to run).
# NB: SwiftPM does not notice a source file added to the main package since the last fuzz build; after adding
# one, `touch Package.swift`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-all}
seconds=${2:-60}
configuration=${FUZZ_CONFIGURATION:-release}
scratch="$root/.build-fuzz"
# NB: gold, the default linker here, crashes on sanitizer objects; the toolset selects the toolchain's lld.
# AddressSanitizer also checks the C code beneath (gumbo, ICU calls, CLD2, SQLite calls) Swift's safety misses.
(cd "$root/Fuzz" && swift build -c "$configuration" --scratch-path "$scratch" --toolset toolset.json \
    -Xswiftc -sanitize=fuzzer,address --product CorroborateFuzz)
binary="$scratch/$configuration/CorroborateFuzz"
if [[ "$target" == "--list" ]]; then exec "$binary" --list; fi

# Seeds: the fixtures the tests use, plus Fuzz/Seeds/TARGET/ for inputs no test fixture has.
seed() {
    local name=$1 corpus="$scratch/corpus/$1"
    mkdir -p "$corpus"
    case "$name" in
        extractor) cp "$root"/Tests/NewsExtractTests/Fixtures/*.html "$corpus"/ ;;
        feed) cp "$root"/Tests/NewsFeedsTests/Fixtures/*.{xml,json} "$corpus"/ ;;
        opml) cp "$root"/Tests/NewsFeedsTests/Fixtures/*.opml "$corpus"/ ;;
        articles)  # the first byte picks the format: 0 sniff, 1 JSON, 2 JSON Lines, 3 plain text
            local file
            for file in "$root"/Samples/seeds/*.json; do
                { printf '\001'; cat "$file"; } > "$corpus/$(basename "$file").json"
                { printf '\002'; tr -d '\n' < "$file"; printf '\n{"title":"x","text":"y"}\n'; } \
                    > "$corpus/$(basename "$file").jsonl"
            done
            { printf '\003'; printf 'A title\n\nThe council met on Monday.\n'; } > "$corpus/plain.txt" ;;
        analyser)
            python3 -c 'import json,sys
for i, p in enumerate(sys.argv[2:]):
    open(f"{sys.argv[1]}/seed-{i}.txt", "w").write(json.load(open(p))["text"])' "$corpus" "$root"/Samples/seeds/*.json ;;
        *) ;;
    esac
    if [[ -d "$root/Fuzz/Seeds/$name" ]]; then cp "$root/Fuzz/Seeds/$name"/* "$corpus"/; fi
}

run() {
    local name=$1 findings="$scratch/findings/$1"
    seed "$name"
    mkdir -p "$findings"
    echo "== $name: ${seconds}s"
    # The bounds: no input over 512 MB in one allocation; 3 s per input and 2 GB in all leave room for
    # AddressSanitizer's own slowdown (2-3×) and shadow memory on top of the 1 s / 512 MB the code must keep.
    # NB: Swift's own backtracer, on an abort under AddressSanitizer, takes minutes; libFuzzer reports instead.
    # Leaks at exit are the server's threads still running when libFuzzer stops, not leaks per input.
    # A dictionary (Fuzz/Dictionaries/TARGET.dict) gives the mutator the words and marks the parser keys on: the
    # analyser's crashes behind "reported by" and ", who" need those words where a line or a text ends.
    local dictionary=()
    if [[ -f "$root/Fuzz/Dictionaries/$name.dict" ]]; then dictionary=(-dict="$root/Fuzz/Dictionaries/$name.dict"); fi
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" "$name" "$scratch/corpus/$name" "${dictionary[@]}" \
        -max_total_time="$seconds" -max_len=65536 -timeout=3 \
        -rss_limit_mb=2048 -malloc_limit_mb=512 -artifact_prefix="$findings/" -print_final_stats=1 \
        2>&1 | grep -a -E --line-buffered '^(==|#[0-9]+ +(DONE|INITED)|stat::|fuzz:|SUMMARY|artifact|Test unit|Slowest|INFO: Seed)' || true
    # A finding leaves a file; the run's exit code is lost in the pipe, so the findings folder decides.
    if compgen -G "$findings/*" > /dev/null; then
        echo "FAILED: $name left findings in $findings:" >&2
        ls "$findings" >&2
        return 1
    fi
}

status=0
if [[ "$target" == "all" ]]; then
    for name in extractor feed opml articles robots analyser search request; do run "$name" || status=1; done
else
    run "$target" || status=1
fi
exit $status
