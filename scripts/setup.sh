#!/usr/bin/env bash
# Sets Corroborate up on a Debian/Ubuntu machine that has the Swift toolchain: installs the system
# libraries that are missing (apt-get, through sudo when not root), builds the `corroborate` binary in
# release mode, adds the bundled sample articles to the default database and shows them.
#
#   scripts/setup.sh              everything above
#   scripts/setup.sh --deps-only  only the system libraries (used by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

# The Debian packages the build links against; keep in step with Package.swift's system libraries.
PACKAGES=(pkg-config libsqlite3-dev libstemmer-dev libgumbo-dev zlib1g-dev libcld2-dev libicu-dev)
# The tests also drive the web UI in a real headless browser (Tests/NewsServerTests/BrowserTests.swift).
if [[ ${1:-} == "--deps-only" ]]; then PACKAGES+=(chromium); fi

if [[ -t 2 ]]; then
    say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
else
    say() { printf '==> %s\n' "$*" >&2; }
fi

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null; then
    echo "error: the Swift toolchain (6.2 or newer) is not on PATH; install it from swift.org, then run this again" >&2
    exit 1
fi
[[ ${1:-} == "--deps-only" ]] && exit 0

say "building corroborate (release; the first build takes a few minutes)"
swift build -c release --product corroborate
corroborate=.build/release/corroborate

say "adding the bundled sample (Samples/seeds) to $("$corroborate" info --json | sed -n 's/.*"database" : "\(.*\)".*/\1/p')"
"$corroborate" add Samples/seeds
say "stored articles"
"$corroborate" articles
say "stories (the two reports are one story from two origins)"
"$corroborate" stories
say "search: Toner"
"$corroborate" search Toner
say "text analysis of the stored articles (kept, versioned by algorithm)"
"$corroborate" analyse --stored
say "who said what in the first one: corroborate article 1 --analysis"
"$corroborate" article 1 --analysis
newest=$("$corroborate" articles --json --limit 1 | sed -n 's/^ *"id" : \([0-9]*\).*/\1/p' | head -n 1)
say "what the two origins corroborate, and what only one reports: corroborate story $newest (summary; --format html|json|csv)"
"$corroborate" story "$newest" | sed -n '1,/^## Corroborated/p' | sed '$d'
say "done: $corroborate --help shows every command"
