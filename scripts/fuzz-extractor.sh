#!/usr/bin/env bash
# Fuzzes the HTML extractor with libFuzzer and AddressSanitizer, starting from the fixture pages.
#   scripts/fuzz-extractor.sh [SECONDS=60]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${1:-60}
# NB: gold, the default linker here, crashes on sanitizer objects; the toolset selects the toolchain's lld.
# AddressSanitizer also checks gumbo's C code, which Swift's own safety does not cover.
swift build -c release --scratch-path ../.build-fuzz --toolset toolset.json -Xswiftc -sanitize=fuzzer,address
corpus=$(mktemp -d)
cp ../Tests/NewsExtractTests/Fixtures/*.html "$corpus"/  # the test pages seed the corpus
../.build-fuzz/release/FuzzExtractor "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1
