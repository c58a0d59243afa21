#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build imprint (Release) and
# build every bundled edition in editions/ into out/ in every format (EPUB,
# PDF, TEI). Safe to run again; works from any folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

scripts/install-deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DIMPRINT_WERROR=ON
cmake --build build-release -j "$jobs"

imprint=build-release/imprint
echo "setup: building editions/*.yaml into out/ as: $("$imprint" --list-formats | cut -d' ' -f1 | paste -sd, -)"
"$imprint" build editions/*.yaml -o out -j "$jobs"
echo "setup: done; the editions are in $root/out and the tool is $root/$imprint"
ls -l out
