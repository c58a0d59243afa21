# The corpus's copies of one text: `imprint lint` of every bundled source
# finds exactly the pairs of tests/golden/duplicates.txt (established by
# tests/golden/duplicates.py with difflib, independently of the detector),
# no pair more; each bundled edition, which holds no two copies, gets none.
source "$(dirname "$0")/lib/common.sh"

cd "$SOURCE_DIR/editions"
run "$IMPRINT" lint sources/*.txt
expect_rc 0
# "FILE:LINE:COL: warning: same text as FILE:LINE ..." → "same FIRST SECOND"
grep -E ': warning: (same text as|variant of) ' <<<"$out" |
    sed -E 's#^sources/([^:]+):([0-9]+):[0-9]+: warning: (same text as|variant of) sources/([^:]+):([0-9]+) .*#\3 \4:\5 \1:\2#; s#^same text as #same #; s#^variant of #variant #' |
    sort >"$T/found"
grep -v '^#' "$SOURCE_DIR/tests/golden/duplicates.txt" | sort >"$T/golden"
diff -u "$T/golden" "$T/found" || fail "the detector's pairs differ from tests/golden/duplicates.txt"

# Each message follows the compiler convention.
bad=$(grep -E '(same text as|variant of) ' <<<"$out" |
    grep -vE '^[^:]+:[0-9]+:[0-9]+: (warning|error): (same text as|variant of) [^:]+:[0-9]+ ".*"' || true)
[ -z "$bad" ] || fail "not in the compiler convention: $bad"
expect_has "$out" 'variant of sources/000_c8437d6b3ad2a941.txt:709 "Moscow Trials (Part 3 – THE GREAT'
expect_has "$out" 'sources/001_d1cafe7658540bb9.txt:1125:1: note: heading “Conclusion” is not in the other copy (sources/000_c8437d6b3ad2a941.txt:709)'

# The bundled editions hold no two copies of a text.
for e in *.yaml; do
    run "$IMPRINT" lint "$e"
    expect_rc 0 "$e"
    expect_lacks "$out" "same text as"
    expect_lacks "$out" "variant of"
done
echo ok
