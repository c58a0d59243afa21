#!/usr/bin/env bash
# Quick start, step 2: install what is missing, then build and run the whole
# test suite twice: a Debug build (build/) and an AddressSanitizer +
# UndefinedBehaviorSanitizer build (build-asan/). Works from any folder.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# JOBS, BUILD_DIR and ASAN_DIR may be set to share a machine or keep builds apart.
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
build_dir=${BUILD_DIR:-build}
asan_dir=${ASAN_DIR:-build-asan}

scripts/install-deps.sh || exit 1

passed=0
failed=0
broken=0
# Runs one configuration: configure, build, ctest; adds to the counts.
run_suite() {
    local dir=$1 type=$2
    echo "== $type build in $dir"
    if ! cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" -DIMPRINT_WERROR=ON ||
        ! cmake --build "$dir" -j "$jobs"; then
        echo "test: error: the $type build failed" >&2
        broken=$((broken + 1))
        return
    fi
    local log
    log=$(mktemp)
    ctest --test-dir "$dir" --output-on-failure -j "$jobs" 2>&1 | tee "$log"
    # "95% tests passed, 1 tests failed out of 20"
    local line total nfail
    line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1)
    rm -f "$log"
    if [ -z "$line" ]; then
        echo "test: error: ctest gave no summary in $dir" >&2
        broken=$((broken + 1))
        return
    fi
    nfail=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
    total=$(echo "$line" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
    passed=$((passed + total - nfail))
    failed=$((failed + nfail))
}

start=$(date +%s)
run_suite "$build_dir" Debug
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Leak suppressions (tests/sanitizers/lsan.supp) come from tests/CMakeLists.txt.
run_suite "$asan_dir" Asan
unset ASAN_OPTIONS UBSAN_OPTIONS
elapsed=$(($(date +%s) - start))

echo
[ "$broken" -eq 0 ] || echo "test: $broken build(s) failed to configure, build or run"
echo "test: both suites ran in ${elapsed}s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
