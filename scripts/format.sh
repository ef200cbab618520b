#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and .swift-format;
# with --lint, only checks and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
# Generated sources (Sources/*/Generated/, written by scripts/generate-language-data.py) are left as written.
mapfile -t files < <(find Package.swift Sources Tests Fuzz/Package.swift Fuzz/Sources -name '*.swift' -not -path '*/Generated/*' | sort)
if [[ ${1:-} == "--lint" ]]; then
    swift format lint --strict --parallel "${files[@]}"
else
    swift format format --in-place --parallel "${files[@]}"
fi
