#!/usr/bin/env bash
# Benchmark: `imprint build -f epub` of the largest bundled edition against
# `pandoc -t epub3` of the same source texts. Runs alternate (imprint, pandoc,
# imprint, ...) so that both see the same machine load; prints each tool's
# median wall time, their ratio, and imprint's peak memory (maximum resident
# set size, from /usr/bin/time -v).
#
# Usage: bench/epub.sh [RUNS] (default 7). Needs: a built imprint (IMPRINT,
# default build/imprint), pandoc, /usr/bin/time (Debian: pandoc, time).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-7}
IMPRINT=${IMPRINT:-$ROOT/build/imprint}
[ -x "$IMPRINT" ] || { echo "no imprint binary at $IMPRINT (set IMPRINT=...)" >&2; exit 2; }
command -v pandoc >/dev/null || { echo "pandoc is missing (apt-get install pandoc)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
export SOURCE_DATE_EPOCH=1795219200

# The largest edition: the one whose source files (each counted once) weigh
# most, among those that take their sources whole (no `select:`), so that
# pandoc converts exactly the text imprint does.
largest= best=0
for ed in "$ROOT"/editions/*.yaml; do
    grep -q '^ *select:' "$ed" && continue
    size=0
    while read -r src; do
        f="$ROOT/editions/$src"
        [ -f "$f" ] && size=$((size + $(stat -c %s "$f")))
    done < <(sed -n 's/^ *- *source: *//p' "$ed" | sort -u)
    if [ "$size" -gt "$best" ]; then best=$size largest=$ed; fi
done
[ -n "$largest" ] || { echo "no editions in $ROOT/editions" >&2; exit 2; }
mapfile -t sources < <(sed -n 's/^ *- *source: *//p' "$largest" | sort -u | sed "s|^|$ROOT/editions/|")
name=$(basename "$largest" .yaml)
echo "edition: $name ($(basename -a "${sources[@]}" | tr '\n' ' ')= $best bytes)"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
title=$(sed -n 's/^title: *//p' "$largest" | head -n1)

# One run of each; wall seconds appended to $T/TOOL.times, CPU seconds (user +
# system: less sensitive to a busy machine) to $T/TOOL.cpu, imprint's peak RSS
# (kB) to $T/imprint.rss.
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$T/time.txt" >>"$1"; }
run_imprint() {
    /usr/bin/time -v -o "$T/time.txt" "$IMPRINT" build -q -f epub -o "$T/out" "$largest" >/dev/null
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$T/time.txt" >>"$T/imprint.times"
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$T/time.txt" >>"$T/imprint.rss"
    cpu "$T/imprint.cpu"
}
run_pandoc() {
    /usr/bin/time -v -o "$T/time.txt" pandoc -f markdown -t epub3 --metadata title="$title" \
        -o "$T/pandoc.epub" "${sources[@]}" >/dev/null 2>&1
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$T/time.txt" >>"$T/pandoc.times"
    cpu "$T/pandoc.cpu"
}

# Warm-up (file cache, fonts), not counted.
"$IMPRINT" build -q -f epub -o "$T/out" "$largest" >/dev/null
pandoc -f markdown -t epub3 --metadata title="$title" -o "$T/pandoc.epub" "${sources[@]}" >/dev/null 2>&1
for ((i = 0; i < RUNS; i++)); do
    run_imprint
    run_pandoc
done

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mi=$(median "$T/imprint.times")
mp=$(median "$T/pandoc.times")
rss=$(sort -n "$T/imprint.rss" | tail -n1)
ci=$(median "$T/imprint.cpu")
cp=$(median "$T/pandoc.cpu")
echo "runs: $RUNS each, alternating"
echo "imprint build -f epub: median ${mi} s ($(ls -l "$T/out/$name.epub" | awk '{print $5}') bytes)"
echo "pandoc -t epub3:       median ${mp} s ($(ls -l "$T/pandoc.epub" | awk '{print $5}') bytes)"
awk -v a="$mi" -v b="$mp" 'BEGIN { if (a > 0) printf "ratio (wall): pandoc / imprint = %.1f\n", b / a; else print "ratio: imprint under the timer resolution" }'
echo "CPU time (user+system): imprint median ${ci} s, pandoc median ${cp} s"
awk -v a="$ci" -v b="$cp" 'BEGIN { if (a > 0) printf "ratio (CPU): pandoc / imprint = %.1f\n", b / a }'
awk -v k="$rss" 'BEGIN { printf "imprint peak memory (max RSS): %.1f MB\n", k / 1024 }'
