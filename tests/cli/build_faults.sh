# Faults during a build (issue 11): a build killed with SIGKILL at several
# points never leaves a corrupt file under a final name; the next build of
# the edition removes the temporaries the killed ones left; builds running at
# once into one folder (the same edition twice, and -j 64) never corrupt each
# other's outputs nor remove each other's temporaries.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
# A source long enough that the PDF takes a while: corpus 001 twice.
for _ in 1 2; do cat "$SOURCE_DIR/editions/sources/001_d1cafe7658540bb9.txt"; done >long.txt
cat >long.yaml <<'YAML'
title: Long
date: 2026-11-22
articles:
  - source: long.txt
YAML

# check_outputs DIR: every EPUB tests as a zip, every PDF passes qpdf, every
# TEI file is well-formed XML.
check_outputs() {
    local f n=0
    for f in "$1"/*.epub; do
        [ -e "$f" ] || continue
        unzip -tq "$f" >/dev/null || fail "$f is corrupt (unzip -t)"
        n=$((n + 1))
    done
    for f in "$1"/*.pdf; do
        [ -e "$f" ] || continue
        qpdf --check "$f" >/dev/null || fail "$f is corrupt (qpdf --check)"
        n=$((n + 1))
    done
    for f in "$1"/*.xml; do
        [ -e "$f" ] || continue
        xmllint --noout "$f" || fail "$f is corrupt (xmllint)"
        n=$((n + 1))
    done
    checked=$n
}

# How long one whole build takes on this machine and build type.
start=$(date +%s%N)
"$IMPRINT" build -q -o timing long.yaml || fail "the long build failed"
full_ms=$((($(date +%s%N) - start) / 1000000))
check_outputs timing
[ "$checked" -eq 3 ] || fail "the long build wrote $checked outputs, not 3"
echo "ok: a whole build takes ${full_ms} ms"

# Kill builds at tenths of that time, into one folder that starts empty.
# Each build removes what the one before left, so count after each kill.
seen=0
for tenth in 1 3 5 7 9; do
    "$IMPRINT" build -q -o killed long.yaml &
    pid=$!
    sleep "$(awk -v ms="$full_ms" -v t="$tenth" 'BEGIN { printf "%.3f", ms * t / 10000 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    check_outputs killed
    seen=$((seen + $(find killed -name '.long.*' | wc -l)))
done
echo "ok: 5 builds killed at 10% to 90% of their time; $checked whole outputs; $seen temporaries seen"

# Killed for sure while its PDF is being written: wait for the temporary.
# A loaded machine may let a build finish between two looks; try again then.
left=
for _ in 1 2 3 4 5; do
    "$IMPRINT" build -q -o killed long.yaml &
    pid=$!
    for _ in $(seq 1000); do
        [ -z "$(find killed -name '.long.pdf.*')" ] || break
        sleep 0.01
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    left=$(find killed -name '.long.*')
    [ -z "$left" ] || break
done
[ -n "$left" ] || fail "the build was not killed while it wrote its PDF"
check_outputs killed

# The next build of the edition removes the temporaries and writes all three.
run "$IMPRINT" build -o killed long.yaml
expect_rc 0 "the build after the killed ones"
expect_has "$err" "$(basename "$left"): note: removed the temporary file of an interrupted build"
[ -z "$(find killed -name '.long.*')" ] || fail "temporaries left: $(find killed -name '.long.*')"
check_outputs killed
[ "$checked" -eq 3 ] || fail "after the killed builds, $checked outputs, not 3"
echo "ok: the next build removed $left"

# Builds at once into one folder: the same edition twice, and with -j 64
# beside a second edition. Each cleans temporaries as it starts, and must
# not take the other's.
cp long.yaml other.yaml
for round in 1 2; do
    "$IMPRINT" build -q -o shared long.yaml >a.log 2>&1 &
    a=$!
    "$IMPRINT" build -q -o shared long.yaml >b.log 2>&1 &
    b=$!
    "$IMPRINT" build -q -j 64 -o shared long.yaml other.yaml >c.log 2>&1 &
    c=$!
    for p in $a $b $c; do
        wait "$p" || fail "round $round: a build at once failed: $(cat a.log b.log c.log)"
    done
    check_outputs shared
    [ "$checked" -eq 6 ] || fail "round $round: $checked outputs, not 6"
    [ -z "$(find shared -name '.*')" ] || fail "round $round: temporaries left"
done
echo "ok: three builds at once into one folder, two rounds: all outputs whole"
