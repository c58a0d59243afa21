#!/usr/bin/env bash
# Benchmarks imprint against the tools a user would pick instead, on the
# whole bundled corpus (every text in editions/sources as one edition), and
# how imprint scales. Prints Markdown tables (README's benchmark table comes
# from them), with the date and the machine.
#
#   EPUB  imprint build -f epub   vs  pandoc -f commonmark -t epub3 (same texts)
#   PDF   imprint build -f pdf    vs  WeasyPrint on an HTML file made beforehand
#                                     (pandoc -f commonmark -s -t html5): only
#                                     typesetting is timed
#                                 vs  xelatex on a LaTeX file made beforehand
#                                     (pandoc -f commonmark -s -t latex), one pass
#   TEI   imprint build -f tei    (target: at most 30 ms)
#   scaling: the corpus 1x, 4x and 16x (the texts repeated), every format:
#            time, MB/s of source read, peak memory
#   release: 100 editions (the bundled ones, 20 times each), -j2
#
# Runs of the tools compared alternate (imprint, rival, imprint, ...) so that
# both see the same machine load; medians of wall time and of CPU time
# (user + system, steadier on a busy machine), peak memory (maximum resident
# set size) from /usr/bin/time. Each imprint run is the whole process.
#
# Usage: bench/run.sh [RUNS] (default 5). Needs bench/setup.sh first (the
# rivals, /usr/bin/time, imprint built as Release in build-release/);
# IMPRINT=path overrides the binary. Output files go to a temporary folder.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
IMPRINT=${IMPRINT:-$ROOT/build-release/imprint}
[ -x "$IMPRINT" ] || { echo "no imprint at $IMPRINT: run bench/setup.sh (or set IMPRINT)" >&2; exit 2; }
for tool in pandoc weasyprint xelatex /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: run bench/setup.sh" >&2; exit 2; }
done
export SOURCE_DATE_EPOCH=1795219200
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mapfile -t sources < <(ls "$ROOT"/editions/sources/*)
TITLE="The whole corpus"

# corpus K: an edition of the texts repeated K times (copy k of each text in
# its own file), at $T/cK/corpus.yaml; prints its size in bytes.
corpus() {
    local k=$1 dir=$T/c$1 i
    mkdir -p "$dir"
    { echo "title: $TITLE"; echo "language: en"; echo "date: 2026-11-22"; echo "articles:"; } >"$dir/corpus.yaml"
    for ((i = 1; i <= k; i++)); do
        for s in "${sources[@]}"; do
            cp "$s" "$dir/copy${i}_$(basename "$s")"
            echo "  - source: copy${i}_$(basename "$s")" >>"$dir/corpus.yaml"
        done
    done
    cat "$dir"/copy*_* | wc -c
}

# measure NAME CMD...: one run; appends wall s, CPU s and peak RSS kB to $T/NAME.{wall,cpu,rss}.
measure() {
    local name=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$T/time.txt" "$@" >/dev/null 2>"$T/err.txt" ||
        { echo "$name failed: $*" >&2; tail -5 "$T/err.txt" >&2; exit 1; }
    read -r wall user sys rss <"$T/time.txt"
    echo "$wall" >>"$T/$name.wall"
    awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }' >>"$T/$name.cpu"
    echo "$rss" >>"$T/$name.rss"
}
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
maxof() { sort -g "$1" | tail -n1; }
fmt_s() { awk -v v="$1" 'BEGIN { if (v < 1) printf "%.0f ms", v * 1000; else printf "%.2f s", v }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

bytes=$(corpus 1)
C1=$T/c1/corpus.yaml
mapfile -t copies < <(ls "$T"/c1/copy1_*)
echo "bench: $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr)"
echo "bench: imprint $("$IMPRINT" --version | head -n1), $(pandoc --version | head -n1), WeasyPrint $(weasyprint --version | awk '{ print $NF }'), $(xelatex --version | head -n1)"
echo "bench: corpus ${#sources[@]} texts, $bytes bytes; $RUNS runs each, alternating"
echo >&2 "bench: preparing the rivals' inputs (not timed)"
pandoc -f commonmark -s -t html5 --metadata title="$TITLE" -o "$T/corpus.html" "${copies[@]}"
pandoc -f commonmark -s -t latex --metadata title="$TITLE" -V mainfont="Linux Libertine O" \
    -V papersize=a5 -o "$T/corpus.tex" "${copies[@]}"
mkdir -p "$T/tex"

run_imprint() { measure "imprint-$1" "$IMPRINT" build -q -f "$1" -o "$T/out" "$C1"; }
run_imprint_j2() { measure "imprint-$1-j2" "$IMPRINT" build -q -j 2 -f "$1" -o "$T/out" "$C1"; }
run_pandoc() { measure pandoc pandoc -f commonmark -t epub3 --metadata title="$TITLE" -o "$T/pandoc.epub" "${copies[@]}"; }
run_weasy() { measure weasyprint weasyprint "$T/corpus.html" "$T/weasy.pdf"; }
run_xelatex() { measure xelatex xelatex -interaction=batchmode -halt-on-error -output-directory="$T/tex" "$T/corpus.tex"; }

# Warm-up: file cache, font caches, TeX's format; not counted.
"$IMPRINT" build -q -o "$T/out" "$C1"
run_pandoc; run_weasy; run_xelatex
rm -f "$T"/*.wall "$T"/*.cpu "$T"/*.rss
for ((i = 0; i < RUNS; i++)); do
    run_imprint epub; run_imprint_j2 epub; run_pandoc
    run_imprint pdf; run_imprint_j2 pdf; run_weasy; run_xelatex
    run_imprint tei; run_imprint_j2 tei
    echo >&2 "bench: run $((i + 1))/$RUNS"
done

row() { # row LABEL IMPRINT-NAME RIVAL-NAME RIVAL-LABEL
    local iw ic rw rc
    iw=$(median "$T/$2.wall") ic=$(median "$T/$2.cpu")
    if [ -n "$3" ]; then
        rw=$(median "$T/$3.wall") rc=$(median "$T/$3.cpu")
        printf '| %s | %s (CPU %s), %s | %s: %s (CPU %s) | %s× (CPU %s×) |\n' "$1" "$(fmt_s "$iw")" \
            "$(fmt_s "$ic")" "$(mb "$(maxof "$T/$2.rss")")" "$4" "$(fmt_s "$rw")" "$(fmt_s "$rc")" \
            "$(awk -v a="$rw" -v b="$iw" 'BEGIN { printf "%.1f", a / b }')" \
            "$(awk -v a="$rc" -v b="$ic" 'BEGIN { printf "%.1f", a / b }')"
    else
        printf '| %s | %s (CPU %s), %s | — | — |\n' "$1" "$(fmt_s "$iw")" "$(fmt_s "$ic")" \
            "$(mb "$(maxof "$T/$2.rss")")"
    fi
}
echo
echo "| output | imprint: median wall (CPU), peak memory | other tool: median wall (CPU) | ratio |"
echo "|---|---|---|---|"
row EPUB imprint-epub pandoc "pandoc -f commonmark -t epub3"
row "EPUB, -j2" imprint-epub-j2 pandoc "pandoc -f commonmark -t epub3"
row PDF imprint-pdf weasyprint "WeasyPrint on ready HTML"
row "PDF, -j2" imprint-pdf-j2 weasyprint "WeasyPrint on ready HTML"
row PDF imprint-pdf xelatex "xelatex on ready LaTeX, one pass"
row TEI imprint-tei "" ""
row "TEI, -j2" imprint-tei-j2 "" ""
echo "pages: imprint $(pdfinfo "$T/out/corpus.pdf" | awk '/^Pages:/ { print $2 }'), WeasyPrint $(pdfinfo "$T/weasy.pdf" | awk '/^Pages:/ { print $2 }'), xelatex $(pdfinfo "$T/tex/corpus.pdf" | awk '/^Pages:/ { print $2 }')"

# Scaling: 1x, 4x, 16x, every format, imprint only.
SRUNS=${SCALE_RUNS:-3}
echo
echo "| corpus | format | median wall (CPU) | MB/s | peak memory | time / 1× time |"
echo "|---|---|---|---|---|---|"
declare -A base
for k in 1 4 16; do
    [ "$k" -eq 1 ] || bytes=$(corpus "$k")
    for f in epub pdf tei; do
        rm -f "$T/s.wall" "$T/s.cpu" "$T/s.rss"
        for ((i = 0; i < SRUNS; i++)); do
            measure s "$IMPRINT" build -q -f "$f" -o "$T/sout" "$T/c$k/corpus.yaml"
        done
        w=$(median "$T/s.wall") c=$(median "$T/s.cpu")
        [ "$k" -eq 1 ] && base[$f]=$w
        printf '| %s× (%s KB) | %s | %s (CPU %s) | %s | %s | %s |\n' "$k" "$((bytes / 1024))" "$f" \
            "$(fmt_s "$w")" "$(fmt_s "$c")" "$(awk -v b="$bytes" -v w="$w" 'BEGIN { printf "%.1f", b / 1048576 / w }')" \
            "$(mb "$(maxof "$T/s.rss")")" "$(awk -v w="$w" -v b="${base[$f]}" 'BEGIN { printf "%.1f", w / b }')"
    done
    [ "$k" -eq 1 ] || rm -rf "$T/c$k"
done

# A release of 100 editions: the bundled ones, 20 copies each, -j2, every format.
mkdir -p "$T/release"
cp -r "$ROOT/editions/sources" "$T/release/sources"
for ((i = 1; i <= 20; i++)); do
    for ed in "$ROOT"/editions/*.yaml; do cp "$ed" "$T/release/$(basename "$ed" .yaml)-$i.yaml"; done
done
neds=$(ls "$T"/release/*.yaml | wc -l)
rm -f "$T/r.wall" "$T/r.cpu" "$T/r.rss"
measure r "$IMPRINT" build -q -j 2 -o "$T/rout" --manifest "$T/manifest.txt" "$T"/release/*.yaml
echo
echo "release: $neds editions, -j2, every format: $(fmt_s "$(cat "$T/r.wall")") (CPU $(fmt_s "$(cat "$T/r.cpu")")), peak $(mb "$(cat "$T/r.rss")"), $(wc -l <"$T/manifest.txt") outputs in the manifest"
