#!/usr/bin/env bash
# Benchmark: `imprint build -f pdf` of the whole corpus (every text in
# editions/sources, as one edition) against the same texts through
# pandoc + WeasyPrint and pandoc + xelatex. Runs alternate (imprint,
# weasyprint, xelatex, imprint, ...) so that all see the same machine load;
# prints each tool's median wall time and CPU time (user + system), the
# ratios, and imprint's median and largest peak memory (maximum resident set
# size, from /usr/bin/time -v). Target (issue 4): at least 10 times faster
# than WeasyPrint, peak memory under 200 MB.
#
# Usage: bench/pdf.sh [RUNS] (default 3: the other two tools take minutes).
# Needs: a built imprint (IMPRINT, default build/imprint; build it as
# Release for figures worth quoting), pandoc, weasyprint, xelatex with
# fonts-linuxlibertine and texlive-fonts-recommended, /usr/bin/time.
# Debian: apt-get install pandoc weasyprint texlive-xetex
# texlive-fonts-recommended lmodern fonts-linuxlibertine time
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
IMPRINT=${IMPRINT:-$ROOT/build/imprint}
[ -x "$IMPRINT" ] || { echo "no imprint binary at $IMPRINT (set IMPRINT=...)" >&2; exit 2; }
for tool in pandoc weasyprint xelatex; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (see the header of $0)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
export SOURCE_DATE_EPOCH=1795219200

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mapfile -t sources < <(ls "$ROOT"/editions/sources/*)
{
    echo "title: The whole corpus"
    echo "language: en"
    echo "date: 2026-11-22"
    echo "articles:"
    for s in "${sources[@]}"; do echo "  - source: $s"; done
} >"$T/corpus.yaml"
bytes=$(cat "${sources[@]}" | wc -c)
echo "corpus: ${#sources[@]} texts, $bytes bytes; $RUNS runs each, alternating"

# Plain text read as Markdown, as the EPUB benchmark does; `---` lines of the
# PDF export must not be taken for a YAML header.
PANDOC=(pandoc -f markdown-yaml_metadata_block --metadata title="The whole corpus")

# measure NAME CMD...: one run; appends wall seconds, CPU seconds and peak
# RSS (kB) to $T/NAME.wall, .cpu, .rss.
measure() {
    local name=$1
    shift
    /usr/bin/time -v -o "$T/time.txt" "$@" >/dev/null 2>"$T/$name.err" ||
        { echo "$name failed:" >&2; tail -5 "$T/$name.err" >&2; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$T/time.txt" >>"$T/$name.wall"
    awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' \
        "$T/time.txt" >>"$T/$name.cpu"
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$T/time.txt" >>"$T/$name.rss"
}

run_imprint() { measure imprint "$IMPRINT" build -q -f pdf -o "$T/out" "$T/corpus.yaml"; }
run_weasyprint() {
    measure weasyprint "${PANDOC[@]}" -t html5 --pdf-engine=weasyprint -o "$T/weasy.pdf" "${sources[@]}"
}
run_xelatex() {
    measure xelatex "${PANDOC[@]}" --pdf-engine=xelatex -V mainfont="Linux Libertine O" \
        -V papersize=a5 -o "$T/xelatex.pdf" "${sources[@]}"
}

# Warm-up (file cache, font caches), not counted.
"$IMPRINT" build -q -f pdf -o "$T/out" "$T/corpus.yaml" >/dev/null
for ((i = 0; i < RUNS; i++)); do
    run_imprint
    run_weasyprint
    run_xelatex
    echo "run $((i + 1))/$RUNS done" >&2
done

median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
for name in imprint weasyprint xelatex; do
    printf '%-10s median wall %7.2f s  median CPU %7.2f s\n' "$name" "$(median "$T/$name.wall")" \
        "$(median "$T/$name.cpu")"
done
echo "pages: imprint $(pages "$T/out/corpus.pdf"), weasyprint $(pages "$T/weasy.pdf"), xelatex $(pages "$T/xelatex.pdf")"
iw=$(median "$T/imprint.wall") ic=$(median "$T/imprint.cpu")
for name in weasyprint xelatex; do
    awk -v a="$(median "$T/$name.wall")" -v b="$iw" -v c="$(median "$T/$name.cpu")" -v d="$ic" -v n="$name" \
        'BEGIN { printf "%s / imprint: %.1fx wall, %.1fx CPU\n", n, a / b, c / d }'
done
echo "imprint peak RSS: median $(($(median "$T/imprint.rss") / 1024)) MB, largest $(($(sort -n "$T/imprint.rss" | tail -1) / 1024)) MB"
