#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and .swift-format;
# with --lint, only checks and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == "--lint" ]]; then
    swift format lint --strict --recursive --parallel Package.swift Sources Tests
else
    swift format format --in-place --recursive --parallel Package.swift Sources Tests
fi
