# Shared by the tests/cli/pdf_tagged*.sh tests (sourced after common.sh).

# tagged_structure NAME...: builds editions/NAME.yaml as PDF and TEI and
# checks that the PDF's structure tree (pdfinfo -struct-text) holds every
# block and note of the model once, in the model's order, one Art per article.
tagged_structure() {
    local name
    for name in "$@"; do
        run "$IMPRINT" build -q -f pdf,tei -o out "$SOURCE_DIR/editions/$name.yaml"
        expect_rc 0 "build $name"
        python3 "$FIXTURES/pdf/cli/structcheck.py" "out/$name.pdf" "out/$name.xml" |
            sed "s/^/$name: /"
    done
}
