# Every bundled edition as a tagged PDF: pdfinfo says Tagged, qpdf finds it
# clean, and the running heads and folios are in no structure element while
# all the rest (but section break ornaments) is in one.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
run "$IMPRINT" build -q -j2 -f pdf,tei -o out "$SOURCE_DIR"/editions/*.yaml
expect_rc 0 "build"
for ed in "$SOURCE_DIR"/editions/*.yaml; do
    name=$(basename "$ed" .yaml)
    run pdfinfo "out/$name.pdf"
    expect_has "$out" "Tagged:          yes"
    run qpdf --check "out/$name.pdf"
    expect_rc 0 "qpdf --check $name"
    python3 "$FIXTURES/pdf/cli/markcheck.py" "out/$name.pdf" "out/$name.xml" | sed "s/^/$name: /"
done
