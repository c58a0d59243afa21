#!/usr/bin/env bash
# Times the duplicate detection (src/compare), which the issue asks to
# compare 2,000 articles in well under a second:
#
#   1. bench_duplicates: imprint_compare_find() alone on synthetic documents
#      of 500 to 8,000 articles (medians of RUNS runs; bench/duplicates.c);
#   2. the whole command: `imprint lint` of one Markdown file of 2,000
#      chapters of 300 to 600 words (one article each; the file stays under
#      the 8 MiB source limit), every article distinct, and every tenth a
#      copy of an earlier one with its end changed: reading, checking,
#      comparing and printing, in wall and CPU time (/usr/bin/time).
#
# Usage: bench/duplicates.sh [RUNS] (default 5). Needs a Release build in
# build-release/ (scripts/setup.sh or bench/setup.sh makes it); BUILD=dir
# overrides it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
BUILD=${BUILD:-$ROOT/build-release}
for f in imprint bench_duplicates; do
    [ -x "$BUILD/$f" ] || { echo "no $BUILD/$f: build imprint as Release in $BUILD" >&2; exit 2; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

echo "## imprint_compare_find() on synthetic documents ($RUNS runs each)"
echo
"$BUILD/bench_duplicates" "$RUNS"
echo

# A file of N chapters; with copies=1 every tenth repeats an earlier one
# but for its last sentence.
python3 - "$T" <<'PY'
import random, sys
out = sys.argv[1]
for copies in (0, 1):
    rnd = random.Random(2026)
    texts = []
    with open(f"{out}/chapters{copies}.md", "w") as f:
        for i in range(2000):
            if copies and i % 10 == 9:
                body = texts[rnd.randrange(i)].rsplit(". ", 1)[0] + f". A new ending {i}."
            else:
                words = [f"w{rnd.randrange(20000)}" for _ in range(rnd.randrange(300, 601))]
                body = ". ".join(" ".join(words[k:k + 15]) for k in range(0, len(words), 15)) + "."
            texts.append(body)
            f.write(f"# Chapter {i}\n\n{body}\n\n")
PY

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: run bench/setup.sh" >&2; exit 2; }
echo "## imprint lint of 2,000 articles in one Markdown file ($RUNS runs each, medians)"
echo
echo "| file | size | wall | CPU | peak memory | copies reported |"
echo "|---|---|---|---|---|---|"
for copies in 0 1; do
    : >"$T/wall"
    : >"$T/cpu"
    : >"$T/rss"
    for r in $(seq "$RUNS"); do
        /usr/bin/time -o "$T/time" -f '%e %U %S %M' \
            "$BUILD/imprint" lint "$T/chapters$copies.md" >"$T/lint.out" 2>/dev/null || true
        read -r e u sy m <"$T/time"
        awk -v e="$e" 'BEGIN { printf "%d\n", e * 1000 }' >>"$T/wall"
        awk -v u="$u" -v s="$sy" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >>"$T/cpu"
        echo $((m / 1024)) >>"$T/rss"
    done
    n=$(grep -cE 'warning: (same text as|variant of)' "$T/lint.out" || true)
    size=$(( $(stat -c %s "$T/chapters$copies.md") / 1024 ))
    echo "| $([ $copies = 1 ] && echo 'every tenth a copy' || echo 'all distinct') | $size KB | $(median <"$T/wall") ms | $(median <"$T/cpu") ms | $(median <"$T/rss") MB | $n |"
done
