# Command-line usage: --help, --version, and usage errors exit 2 with a message.
source "$(dirname "$0")/lib/common.sh"

run "$IMPRINT" --help
expect_rc 0
expect_has "$out" "Usage:"
expect_has "$out" "imprint build EDITION.yaml..."
expect_has "$out" "imprint inspect SOURCE..."
expect_has "$out" "imprint lint EDITION.yaml|SOURCE..."
expect_has "$out" "Exit status: 0 success, 1 the input has errors, 2 usage error."

run "$IMPRINT" --version
expect_rc 0
grep -qE '^imprint [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out" || fail "bad --version output: $out"
version=$(sed -nE 's/^project\(imprint VERSION ([0-9.]+).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")
[ "$out" = "imprint $version" ] || fail "--version says '$out', CMakeLists.txt says $version"

for cmd in build inspect lint; do
    run "$IMPRINT" "$cmd" --help
    expect_rc 0 "$cmd --help"
    expect_has "$out" "imprint $cmd [OPTION"
done

run "$IMPRINT" --list-formats
expect_rc 0
expect_has "$out" "tei xml"

# Usage errors: exit 2, a message naming the problem, a hint, nothing on stdout.
usage_case() {
    local want=$1
    shift
    run "$IMPRINT" "$@"
    expect_rc 2 "imprint $*"
    expect_has "$err" "$want"
    [ -z "$out" ] || fail "usage error printed to stdout: $out"
}
usage_case "Usage:"
usage_case "unknown command 'frobnicate' (commands: build, inspect, lint, diff)" frobnicate
usage_case "unknown command 'insp' (did you mean 'inspect'?)" insp
usage_case "unknown option '--frob'" --frob
usage_case "no edition file given" build
usage_case "Try 'imprint build --help'." build
usage_case "unknown format 'docx' (use epub, pdf or tei)" build -f tei,docx x.yaml
usage_case "-j needs a number of at least 1, not 0" build -j 0 x.yaml
usage_case "Unknown option --bogus" build --bogus x.yaml
usage_case "'notes.txt' is not an edition file (*.yaml); 'imprint inspect' reads sources" build notes.txt
usage_case "no source file given" inspect
usage_case "unknown --as 'html' (use tei or outline)" inspect --as html x.txt
usage_case "unknown dialect 'txt'" inspect --dialect txt x.txt
usage_case "--dialect applies to sources; an edition sets 'dialect' itself" inspect --dialect text e.yaml
usage_case "'e.yaml' is an edition: give one edition file or sources only" inspect a.txt e.yaml
usage_case "no edition or source file given" lint
usage_case "unknown dialect 'docx'" lint --dialect docx x.txt
echo "ok"
