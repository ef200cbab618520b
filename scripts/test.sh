#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: system libraries, format lint, one build with strict
# import checks, then every test against that build (with a throwaway PostgreSQL server for the store tests).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --deps-only
scripts/format.sh --lint
# Build once; `swift test --skip-build` reuses it. The import check fails an undeclared cross-target import.
swift build --build-tests --explicit-target-dependency-import-check error
# The store conformance suite runs against PostgreSQL too: a throwaway server (installed from Debian's packages
# when missing, a new cluster in a temporary folder on a Unix socket), stopped however the tests end.
eval "$(scripts/postgres-test-server.sh start)"
trap 'scripts/postgres-test-server.sh stop "$PG_TEST_DIR"' EXIT
swift test --skip-build
# Quality gate: extraction scores on ../shared/eval must not drop below Eval/baseline.json (skipped, with a
# message, when ../shared is absent). Release build: the extractor is ten times slower in debug.
swift build -c release --product corroborate-eval
.build/release/corroborate-eval extraction --gate
# Quote finding and attribution on PolNeAR dev (../shared/eval/quotes, scored by ../shared/tools/score-quotes),
# with the project's own Eval/quotes-dev alongside; skipped when ../shared is absent.
.build/release/corroborate-eval quotes --gate
# Story clustering on ../shared/eval/clustering (BASIL, GoogleNews-TS); skipped when ../shared is absent.
.build/release/corroborate-eval clustering --gate
# Every fuzz target (HTML, feeds, OPML, article files, robots.txt, the analysis, search, the server's requests)
# for a few seconds under libFuzzer and AddressSanitizer, from the fixtures; long runs are scripts/fuzz.sh's.
scripts/fuzz.sh all "${FUZZ_SMOKE_SECONDS:-8}"
