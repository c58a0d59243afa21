# Bad input for `imprint build -f pdf`: an unknown paper size, a page too
# small for one line, a missing font file. Each: a clear message, exit 1,
# no PDF and no temporary file left.
source "$(dirname "$0")/lib/common.sh"
# Sanitizer builds: fontconfig loses memory once per process (see the file).
cd "$T"
cp "$FIXTURES"/pdf/cli/notes.txt "$FIXTURES"/pdf/cli/notes.yaml .

sed 's/paper: a5/paper: b7/' notes.yaml >badpaper.yaml
run "$IMPRINT" build -f pdf -o out badpaper.yaml
expect_rc 1
expect_has "$err" "badpaper.yaml:9:"
expect_has "$err" "b7"
expect_no_outputs out
echo "ok: unknown paper size: $(grep b7 <<<"$err" | head -1)"

sed 's/paper: a5/paper: 40x60mm/' notes.yaml >tiny.yaml
run "$IMPRINT" build -f pdf -o out tiny.yaml
expect_rc 1
expect_has "$err" "error: page too small"
expect_no_outputs out
echo "ok: page too small: $(grep 'too small' <<<"$err" | head -1)"

mkdir -p data
cp -r "$SOURCE_DIR/styles" "$SOURCE_DIR/fonts" data/
rm data/fonts/LinLibertine_RI.otf
IMPRINT_DATA_DIR=$PWD/data run "$IMPRINT" build -f pdf -o out notes.yaml
expect_rc 1
expect_has "$err" "LinLibertine_RI.otf"
expect_has "$err" "error:"
expect_no_outputs out
echo "ok: missing font: $(grep LinLibertine_RI <<<"$err" | head -1)"
