# Memory checks on the corpus: `imprint inspect` of every text in
# editions/sources under valgrind (no leaks, no invalid access), as TEI and
# once as an outline. A sanitizer build cannot run under valgrind; there the same
# runs are checked by AddressSanitizer and LeakSanitizer instead.
source "$(dirname "$0")/lib/common.sh"

# ldd's output is taken whole: `ldd | grep -q` under pipefail fails at random
# when grep's early exit gives ldd a SIGPIPE.
libs=$(ldd "$IMPRINT" 2>/dev/null || true)
if [[ $libs == *libasan* ]]; then
    echo "sanitizer build: checking with ASan/LSan instead of valgrind"
    export ASAN_OPTIONS="detect_leaks=1:exitcode=99${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    checker=()
else
    command -v valgrind >/dev/null || fail "valgrind is not installed (scripts/install-deps.sh installs it)"
    checker=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible
        --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99)
fi

checked=0
for src in "$SOURCE_DIR"/editions/sources/*; do
    # TEI for every text; the outline writer once, on the smallest text.
    forms=(tei)
    case $src in */003_*) forms+=(outline) ;; esac
    for form in "${forms[@]}"; do
        set +e
        "${checker[@]}" "$IMPRINT" inspect -q --as "$form" "$src" >"$T/out" 2>"$T/err"
        rc=$?
        set -e
        [ "$rc" -ne 99 ] || fail "memory errors on $src (--as $form):
$(cat "$T/err")"
        [ "$rc" -eq 0 ] || fail "inspect $src exited $rc: $(cat "$T/err")"
        [ -s "$T/out" ] || fail "inspect $src printed nothing"
        checked=$((checked + 1))
    done
done
[ "$checked" -ge 5 ] || fail "expected at least 4 corpus texts and one outline, ran $checked"
echo "ok: $checked runs clean"
