# Shared by the tests/cli/*.sh tests (sourced, not run): checks the
# environment ctest sets, makes a scratch folder, and offers run/expect helpers.
set -euo pipefail
: "${IMPRINT:?IMPRINT must name the imprint binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the repository}"
: "${FIXTURES:?FIXTURES must name tests/fixtures}"
# A SOURCE_DATE_EPOCH from the caller (reproducible-build environments set
# one for every command) would stand for the dates the tests compare; the
# tests that want one set it on their commands.
unset SOURCE_DATE_EPOCH
# Tests change folder: make relative paths absolute first.
case $IMPRINT in /*) ;; */*) IMPRINT=$PWD/$IMPRINT ;; esac
case $SOURCE_DIR in /*) ;; *) SOURCE_DIR=$PWD/$SOURCE_DIR ;; esac
case $FIXTURES in /*) ;; *) FIXTURES=$PWD/$FIXTURES ;; esac

T=$(mktemp -d "${TMPDIR:-/tmp}/imprint-cli-XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# run CMD ARGS...: runs a command; sets $rc, $out (stdout) and $err (stderr).
run() {
    set +e
    "$@" >"$T/.stdout" 2>"$T/.stderr"
    rc=$?
    set -e
    out=$(cat "$T/.stdout")
    err=$(cat "$T/.stderr")
}

# expect_rc N: the last run exited with status N.
expect_rc() {
    [ "$rc" -eq "$1" ] || fail "expected exit status $1, got $rc${2:+ ($2)}; stderr was: $err"
}

# expect_has TEXT NEEDLE: TEXT contains the fixed string NEEDLE.
expect_has() {
    grep -qF -- "$2" <<<"$1" || fail "expected to find: $2
in:
$1"
}

# expect_lacks TEXT NEEDLE: TEXT does not contain NEEDLE.
expect_lacks() {
    if grep -qF -- "$2" <<<"$1"; then
        fail "did not expect: $2
in:
$1"
    fi
}

# expect_no_outputs DIR: DIR is missing or holds no output and no temporary file.
expect_no_outputs() {
    [ -d "$1" ] || return 0
    local left
    left=$(find "$1" -mindepth 1 -print)
    [ -z "$left" ] || fail "expected no files in $1, found: $left"
}

# expect_epubcheck_clean EPUB...: epubcheck finds nothing in the books, in
# one JVM (the EpubCheckAll helper) when a JDK can run it.
expect_epubcheck_clean() {
    local lib book
    lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    if command -v javac >/dev/null; then
        run java -cp /usr/share/java/epubcheck.jar "$lib/EpubCheckAll.java" "$@"
        expect_rc 0 "epubcheck: $out"
    else
        for book in "$@"; do
            run java -jar /usr/share/java/epubcheck.jar "$book"
            expect_rc 0 "epubcheck $book: $out"
        done
    fi
    expect_lacks "$out$err" "WARNING"
    expect_lacks "$out$err" "INFO"
}

# Copies the two-article fixture source and writes an edition NAME.yaml in
# $T that builds it as plain text.
make_edition() {
    local name=$1
    mkdir -p "$T/sources"
    cp "$FIXTURES/edition/sources/two.txt" "$T/sources/two.txt"
    cat >"$T/$name.yaml" <<YAML
title: Test edition $name
date: 2026-11-22
articles:
  - source: sources/two.txt
    split: [First Piece, Second Piece]
YAML
}
