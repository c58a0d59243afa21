#!/usr/bin/env bash
# Usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# Builds the libFuzzer build (clang, -DIMPRINT_FUZZ=ON, AddressSanitizer and
# UndefinedBehaviorSanitizer) in its own folder, build-fuzz/ (or $FUZZ_DIR),
# runs fuzz target TARGET (text, pdfmd, markdown, tei, edition, style,
# pipeline) for SECONDS seconds, one process, from its seed corpus
# (tests/fuzz/corpus/TARGET), the crash inputs found so far
# (tests/fuzz/regressions/TARGET) and its dictionary (tests/fuzz/TARGET.dict),
# then copies every new crash, leak, timeout or out-of-memory input into
# tests/fuzz/regressions/TARGET, where ctest replays it. The inputs the run
# found interesting stay in build-fuzz/corpus/TARGET for the next run.
# Prints the number of executions; exits non-zero when the run found a problem.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
targets="text pdfmd markdown tei edition style pipeline"
if [ $# -lt 2 ] || ! grep -qw -- "$1" <<<"$targets" || ! [[ $2 =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]" >&2
    echo "targets: $targets" >&2
    exit 2
fi
target=$1 seconds=$2
shift 2
dir=${FUZZ_DIR:-build-fuzz}
jobs=${JOBS:-2}

# "Fuzz" adds no flags of its own: IMPRINT_FUZZ sets -O1 -g and the sanitizers.
mkdir -p "$dir"
cmake -S . -B "$dir" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Fuzz -DIMPRINT_FUZZ=ON \
    >"$dir/configure.log" 2>&1 || { cat "$dir/configure.log" >&2; exit 1; }
cmake --build "$dir" --target "fuzz_$target" -j "$jobs" >/dev/null || {
    echo "fuzz: error: building fuzz_$target failed" >&2
    exit 1
}

work=$dir/corpus/$target
artifacts=$dir/artifacts/$target
regressions=tests/fuzz/regressions/$target
mkdir -p "$work" "$artifacts" "$regressions"
log=$dir/fuzz-$target.log
echo "fuzz: running fuzz_$target for $seconds s (log: $log)"
IMPRINT_DATA_DIR=$root \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    LSAN_OPTIONS=suppressions=$root/tests/sanitizers/lsan.supp \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$dir/tests/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -max_len=65536 -dict="tests/fuzz/$target.dict" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 "$@" "$work" "tests/fuzz/corpus/$target" "$regressions" >"$log" 2>&1
status=$?

new=0
for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$f" ] || continue
    name=$(basename "$f")
    if [ ! -e "$regressions/$name" ]; then
        cp "$f" "$regressions/$name"
        echo "fuzz: new regression input: $regressions/$name"
        new=$((new + 1))
    fi
done
execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -n1)
echo "fuzz: fuzz_$target: ${execs:-?} executions in $seconds s, exit status $status, $new new regression input(s)"
[ "$status" -eq 0 ] || tail -n 60 "$log" >&2
[ "$status" -eq 0 ] && [ "$new" -eq 0 ]
