# EPUB bad input: a font missing from fonts/, a cover that is not an image,
# an unwritable or impossible output folder. Each gives a clear message, a
# non-zero exit, and no .epub (nor a temporary file) left behind.
source "$(dirname "$0")/lib/common.sh"
# Under ASan: see the suppression file for the one leak outside imprint.
cd "$T"
cp "$FIXTURES/epub/cli/small.txt" "$FIXTURES/epub/cli/fake-cover.png" .

edition() { # NAME [EXTRA YAML]
    cat >"$1.yaml" <<YAML
title: Bad input $1
date: 2026-11-22
${2:-}
articles:
  - source: small.txt
YAML
}

# bad NAME MESSAGE [ENV...]: building NAME.yaml as EPUB fails with MESSAGE.
bad() {
    local name=$1 message=$2
    shift 2
    run env "$@" "$IMPRINT" build -q -f epub -o "out-$name" "$name.yaml"
    [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] || fail "$name: exit status $rc, wanted 1 or 2"
    expect_has "$err" ": error: "
    expect_has "$err" "$message"
    expect_no_outputs "out-$name"
    echo "ok: $name: $(grep -F -- "$message" <<<"$err" | head -n1)"
}

# A font file missing from the data folder's fonts/.
mkdir -p data/styles data/fonts
cp "$SOURCE_DIR"/styles/classic.* data/styles/
cp "$SOURCE_DIR"/fonts/LinLibertine_R.otf "$SOURCE_DIR"/fonts/LinLibertine_RI.otf \
    "$SOURCE_DIR"/fonts/LinLibertine_RBI.otf "$SOURCE_DIR"/fonts/LinLibertine_M.otf \
    "$SOURCE_DIR"/fonts/LICENSE-LinLibertine.txt data/fonts/
edition missing-font
bad missing-font "font file not found: $T/data/fonts/LinLibertine_RB.otf" IMPRINT_DATA_DIR="$T/data"

# A font file that is not a font.
echo "not a font" >data/fonts/LinLibertine_RB.otf
edition broken-font
bad broken-font "LinLibertine_RB.otf" IMPRINT_DATA_DIR="$T/data"

# A cover that is not an image (a text file named .png).
edition fake-cover "cover: fake-cover.png"
bad fake-cover "fake-cover.png is not a PNG or JPEG image"

# An output "folder" that is a file.
edition not-a-dir
echo "a file" >out-file
run "$IMPRINT" build -q -f epub -o out-file not-a-dir.yaml
[ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] || fail "not-a-dir: exit status $rc"
expect_has "$err" "error"
[ "$(cat out-file)" = "a file" ] || fail "not-a-dir: out-file changed"
echo "ok: not-a-dir: $(head -n1 <<<"$err")"

# An output folder without write permission (meaningless for root, who
# writes anywhere).
if [ "$(id -u)" -ne 0 ]; then
    edition read-only
    mkdir out-read-only
    chmod 555 out-read-only
    run "$IMPRINT" build -q -f epub -o out-read-only read-only.yaml
    [ "$rc" -eq 1 ] || fail "read-only: exit status $rc"
    expect_has "$err" "error"
    expect_no_outputs out-read-only
    echo "ok: read-only: $(head -n1 <<<"$err")"
fi

# An invalid SOURCE_DATE_EPOCH.
edition bad-epoch
bad bad-epoch "SOURCE_DATE_EPOCH" SOURCE_DATE_EPOCH=yesterday
echo "all EPUB bad-input cases pass"
