/* Reading sources: dialect names and detection, and the checks every source
 * passes before a dialect reader sees it (size, NUL bytes, UTF-8, no text). */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "imprint/reader.h"

#define READ_FIXTURES FIXTURES_DIR "/read"

static bool has_message(const imprint_diags *diags, const char *text)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        char *line = imprint_diag_format(imprint_diags_get(diags, i));
        bool match = strstr(line, text) != NULL;
        g_free(line);
        if (match)
            return true;
    }
    return false;
}

static void test_dialect_names(void)
{
    const imprint_dialect all[] = {IMPRINT_DIALECT_AUTO, IMPRINT_DIALECT_TEXT,
                                   IMPRINT_DIALECT_PDF_MARKDOWN, IMPRINT_DIALECT_MARKDOWN,
                                   IMPRINT_DIALECT_TEI};
    const char *names[] = {"auto", "text", "pdf-markdown", "markdown", "tei"};
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
        g_assert_cmpstr(imprint_dialect_name(all[i]), ==, names[i]);
        imprint_dialect d = IMPRINT_DIALECT_AUTO;
        g_assert_true(imprint_dialect_parse(names[i], &d));
        g_assert_cmpint(d, ==, all[i]);
    }
    imprint_dialect d = IMPRINT_DIALECT_TEXT;
    g_assert_false(imprint_dialect_parse("txt", &d));
    g_assert_false(imprint_dialect_parse("TEXT", &d));
    g_assert_false(imprint_dialect_parse(NULL, &d));
    g_assert_cmpint(d, ==, IMPRINT_DIALECT_TEXT);
}

static imprint_dialect detect_fixture(const char *name)
{
    char *path = g_build_filename(READ_FIXTURES, name, NULL);
    char *data;
    gsize len;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    imprint_dialect d = imprint_dialect_detect(path, data, len);
    g_free(data);
    g_free(path);
    return d;
}

static void test_dialect_detect(void)
{
    g_assert_cmpint(detect_fixture("plain.txt"), ==, IMPRINT_DIALECT_TEXT);
    g_assert_cmpint(detect_fixture("tei.xml"), ==, IMPRINT_DIALECT_TEI);
    g_assert_cmpint(detect_fixture("tei-declared.txt"), ==, IMPRINT_DIALECT_TEI);
    g_assert_cmpint(detect_fixture("notes.md"), ==, IMPRINT_DIALECT_MARKDOWN);
    /* A thematic break alone does not make a PDF export... */
    g_assert_cmpint(detect_fixture("rule-only.md"), ==, IMPRINT_DIALECT_MARKDOWN);
    /* ...page fragments with page-bottom notes or inline HTML do, whatever
     * the file is called (corpus 004 is a .txt). */
    g_assert_cmpint(detect_fixture("export.md"), ==, IMPRINT_DIALECT_PDF_MARKDOWN);
    g_assert_cmpint(detect_fixture("export-html.txt"), ==, IMPRINT_DIALECT_PDF_MARKDOWN);
    /* ...but in a hand-written .md, a front-matter block and inline HTML are
     * ordinary Markdown: only page-foot note lines make it an export. */
    char *all = g_build_filename(FIXTURES_DIR, "markdown", "all.md", NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(all, &data, &len, NULL));
    g_assert_cmpint(imprint_dialect_detect(all, data, len), ==, IMPRINT_DIALECT_MARKDOWN);
    g_free(data);
    g_free(all);
    g_assert_cmpint(detect_fixture("export.txt"), ==, IMPRINT_DIALECT_PDF_MARKDOWN);
    /* Markdown by content, whatever the name: a footnote definition, a
     * front-matter block (whose "---" lines are no page rules), or ATX
     * headings; a single '#' line is not enough. */
    g_assert_cmpint(detect_fixture("md-notes.txt"), ==, IMPRINT_DIALECT_MARKDOWN);
    g_assert_cmpint(detect_fixture("md-frontmatter.txt"), ==, IMPRINT_DIALECT_MARKDOWN);
    g_assert_cmpint(detect_fixture("md-headings.txt"), ==, IMPRINT_DIALECT_MARKDOWN);
    g_assert_cmpint(detect_fixture("hash-once.txt"), ==, IMPRINT_DIALECT_TEXT);
    g_assert_cmpint(imprint_dialect_detect("x.MARKDOWN", "# A\n", 4), ==, IMPRINT_DIALECT_MARKDOWN);
    g_assert_cmpint(imprint_dialect_detect("dir.md/x", "# A\n", 4), ==, IMPRINT_DIALECT_TEXT);
    g_assert_cmpint(imprint_dialect_detect("x.txt", "\xEF\xBB\xBF  <?xml version='1.0'?>", 27), ==,
                    IMPRINT_DIALECT_TEI);
}

static void test_corpus_dialects(void)
{
    const struct {
        const char *file;
        imprint_dialect dialect;
    } corpus[] = {
        {"000_c8437d6b3ad2a941.txt", IMPRINT_DIALECT_TEXT},
        {"001_d1cafe7658540bb9.txt", IMPRINT_DIALECT_TEXT},
        {"003_0bac6d7f76fcfd08.txt", IMPRINT_DIALECT_TEXT},
        {"004_558719087223f094.txt", IMPRINT_DIALECT_PDF_MARKDOWN},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(corpus); i++) {
        char *path = g_build_filename(SOURCE_DIR, "editions", "sources", corpus[i].file, NULL);
        char *data;
        gsize len;
        g_assert_true(g_file_get_contents(path, &data, &len, NULL));
        g_assert_cmpint(imprint_dialect_detect(path, data, len), ==, corpus[i].dialect);
        g_free(data);
        g_free(path);
    }
}

/* Reads `len` bytes as a source named "f.txt"; expects failure with a
 * message holding `text`, and nothing appended to the document. */
static void expect_buffer_error(const char *data, size_t len, const char *text)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", data, len, NULL, diags), ==, -1);
    g_assert_null(doc->root->first_child);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 1);
    if (!has_message(diags, text)) {
        char *got = imprint_diag_format(imprint_diags_get(diags, 0));
        g_error("expected \"%s\", got \"%s\"", text, got);
    }
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

static void test_invalid_utf8(void)
{
    /* 0xE9 (Latin-1 é) at byte 8: line 2, after the 4 code points "cdéf". */
    const char data[] = "ab\ncd\xC3\xA9"
                        "f\xE9"
                        "tail\n";
    expect_buffer_error(data, sizeof data - 1, "f.txt:2:5: error: invalid UTF-8 at byte 8 (0xE9)");
    /* A truncated sequence at the very end. */
    const char cut[] = "abc\xE2\x80";
    expect_buffer_error(cut, sizeof cut - 1, "f.txt:1:4: error: invalid UTF-8 at byte 3 (0xE2)");
    /* An overlong encoding of '/'. */
    const char overlong[] = "x\xC0\xAF";
    expect_buffer_error(overlong, sizeof overlong - 1, "f.txt:1:2: error: invalid UTF-8 at byte 1");
}

/* A declared encoding: the bytes are converted to UTF-8 before any check, so
 * Latin-1 text reads, UTF-16 is not taken for binary, and bytes that are not
 * in the encoding are an error naming the byte offset. */
static void test_declared_encoding(void)
{
    imprint_read_opts latin1 = {.dialect = IMPRINT_DIALECT_TEXT, .encoding = "latin1"};
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    const char text[] = "Caf\xE9 society and na\xEFve readers.\n";
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", text, sizeof text - 1, &latin1, diags), ==,
                    1);
    char *plain = imprint_node_plain_text(doc, doc->root->first_child);
    g_assert_nonnull(strstr(plain, "Caf\xC3\xA9 society and na\xC3\xAFve"));
    imprint_doc_free(doc);
    imprint_diags_free(diags);

    imprint_read_opts utf16 = {.dialect = IMPRINT_DIALECT_TEXT, .encoding = "UTF-16LE"};
    doc = imprint_doc_new();
    diags = imprint_diags_new();
    const char wide[] = "H\0i\0 \0t\0h\0e\0r\0e\0.\0\n\0";
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", wide, sizeof wide - 1, &utf16, diags), ==, 1);
    g_assert_cmpstr(imprint_node_plain_text(doc, doc->root->first_child), ==, "Hi there.");
    imprint_doc_free(doc);
    imprint_diags_free(diags);

    imprint_read_opts ascii = {.dialect = IMPRINT_DIALECT_TEXT, .encoding = "ASCII"};
    doc = imprint_doc_new();
    diags = imprint_diags_new();
    const char high[] = "abc\xE9";
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", high, sizeof high - 1, &ascii, diags), ==,
                    -1);
    g_assert_null(doc->root->first_child);
    g_assert_true(has_message(diags, "f.txt: error: cannot convert from ASCII at byte 3"));
    imprint_doc_free(doc);
    imprint_diags_free(diags);
}

/* A file that is not UTF-8 and whose Project Gutenberg header declares
 * ISO-8859-1 is read as windows-1252 (its curly quotes too), with a note;
 * one that declares UTF-8 or nothing, or that holds UTF-8 besides its
 * stray byte, stays an error. */
static void test_header_encoding(void)
{
    imprint_read_opts text = {.dialect = IMPRINT_DIALECT_TEXT};
    const char latin1[] = "Title: Caf\xE9s\r\n\r\nCharacter set encoding: ISO-8859-1\r\n\r\n"
                          "*** START OF THIS PROJECT GUTENBERG EBOOK CAFES ***\r\n\r\n"
                          "The caf\xE9 was \x93quiet\x94 that year.\r\n";
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", latin1, sizeof latin1 - 1, &text, diags), ==,
                    1);
    g_assert_true(has_message(diags, "f.txt:3:1: note: the file is not UTF-8 and declares its "
                                     "character set: read as WINDOWS-1252"));
    char *plain = imprint_node_plain_text(doc, doc->root->first_child);
    g_assert_nonnull(strstr(plain, "caf\xC3\xA9 was \xE2\x80\x9Cquiet\xE2\x80\x9D"));
    imprint_doc_free(doc);
    imprint_diags_free(diags);

    /* UTF-8 ("caf\xC3\xA9") with a stray byte under a stale header is UTF-8 */
    const char stale[] = "Character set encoding: ISO-8859-1\n\nThe caf\xC3\xA9 \xE9.\n";
    expect_buffer_error(stale, sizeof stale - 1,
                        "f.txt:3:10: error: invalid UTF-8 at byte 46 (0xE9)");
    const char utf8[] = "Character set encoding: UTF-8\n\nThe caf\xE9.\n";
    expect_buffer_error(utf8, sizeof utf8 - 1, "f.txt:3:8: error: invalid UTF-8 at byte 38 (0xE9)");
}

/* Control characters in running text: kept, and warned about once with the
 * place of the first; a form feed is white space and no such character. */
static void test_control_characters(void)
{
    imprint_read_opts text = {.dialect = IMPRINT_DIALECT_TEXT};
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    const char data[] = "Page one ends.\n\fPage two \x1b starts \x07 here.\n";
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", data, sizeof data - 1, &text, diags), ==, 1);
    g_assert_true(
        has_message(diags, "f.txt:2:11: warning: control character U+001B (2 in the file)"));
    char *plain = imprint_node_plain_text(doc, doc->root->first_child);
    g_assert_nonnull(strchr(plain, '\x1b'));
    g_assert_nonnull(strchr(plain, '\x07'));
    imprint_doc_free(doc);
    imprint_diags_free(diags);
}

static void test_binary(void)
{
    const char data[] = "PK\x03\x04\nab\0cd";
    expect_buffer_error(data, sizeof data - 1,
                        "f.txt:2:3: error: binary file: NUL byte at byte 7; imprint reads text "
                        "only");
    /* NUL after bytes that are not UTF-8 either: no line to point at. */
    const char junk[] = "\xFF\xFE\0\0";
    expect_buffer_error(junk, sizeof junk - 1, "f.txt: error: binary file: NUL byte at byte 2");
}

static void test_empty(void)
{
    expect_buffer_error("", 0, "f.txt: error: empty file: no text to read");
    const char blank[] = "  \n\t\n\xC2\xA0\xC2\xA0\n\n";
    expect_buffer_error(blank, sizeof blank - 1,
                        "f.txt: error: no text: the file holds only white space");
}

static void test_size_limit_buffer(void)
{
    /* The length alone decides; the bytes past the limit are never looked at. */
    size_t len = (size_t)IMPRINT_MAX_SOURCE_BYTES + 1;
    char *big = g_malloc0(len);
    expect_buffer_error(big, len,
                        "f.txt: error: file too large: 8388609 bytes (the limit is "
                        "8388608 bytes)");
    g_free(big);
}

/* The limit holds for the UTF-8 a conversion makes: Latin-1 bytes over 0x7F
 * take two bytes each, so a file within the limit can grow past it. */
static void test_size_limit_converted(void)
{
    size_t len = IMPRINT_MAX_SOURCE_BYTES / 5 * 3;
    char *latin1 = g_malloc(len);
    memset(latin1, 0xE9, len);
    for (size_t i = 79; i < len; i += 80)
        latin1[i] = '\n';
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT, .encoding = "latin1"};
    g_assert_cmpint(imprint_read_buffer(doc, "f.txt", latin1, len, &opts, diags), ==, -1);
    g_assert_true(has_message(diags, "f.txt: error: file too large once converted from latin1"));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_free(latin1);
}

static void test_line_limit(void)
{
    /* MAX_LINE_BYTES (1 MiB) per line: a line one byte longer, on line 2, is refused. */
    size_t n = 1024 * 1024 + 1;
    GString *s = g_string_new("Title\n");
    for (size_t i = 0; i < n; i++)
        g_string_append_c(s, i % 8 == 7 ? ' ' : 'w');
    g_string_append(s, "\nlast line\n");
    expect_buffer_error(s->str, s->len,
                        "f.txt:2:1: error: line too long: 1048577 bytes (the limit is 1048576)");
    /* Exactly at the limit is fine as far as the checks go. */
    g_string_assign(s, "Title\n\n");
    for (size_t i = 0; i < n - 1; i++)
        g_string_append_c(s, i % 8 == 7 ? ' ' : 'w');
    g_string_append_c(s, '\n');
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT};
    imprint_read_buffer(doc, "f.txt", s->str, s->len, &opts, diags);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "line too long"), ==,
                     0);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_string_free(s, TRUE);
}

static void test_size_limit_file(void)
{
    /* A sparse file one byte over the limit: refused before it is read. */
    GError *error = NULL;
    char *dir = g_dir_make_tmp("imprint-read-XXXXXX", &error);
    g_assert_no_error(error);
    char *path = g_build_filename(dir, "huge.txt", NULL);
    FILE *f = fopen(path, "wb");
    g_assert_nonnull(f);
    g_assert_cmpint(fseek(f, (long)IMPRINT_MAX_SOURCE_BYTES, SEEK_SET), ==, 0);
    g_assert_cmpint(fputc('a', f), ==, 'a');
    fclose(f);
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    g_assert_cmpint(imprint_read_file(doc, path, NULL, diags), ==, -1);
    g_assert_true(has_message(diags, "huge.txt: error: file too large: 8388609 bytes"));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

static void test_missing_and_folder(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    g_assert_cmpint(imprint_read_file(doc, READ_FIXTURES "/nope.txt", NULL, diags), ==, -1);
    g_assert_true(has_message(diags, "nope.txt: error: cannot read: No such file or directory"));
    g_assert_cmpint(imprint_read_file(doc, READ_FIXTURES, NULL, diags), ==, -1);
    g_assert_true(has_message(diags, "read: error: cannot read: is a folder, not a file"));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

static void test_auto_note_and_read(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    int n = imprint_read_file(doc, READ_FIXTURES "/plain.txt", NULL, diags);
    g_assert_cmpint(n, >=, 1);
    g_assert_true(has_message(diags, "plain.txt: note: read as dialect 'text' because no other "
                                     "dialect's signs were found"));
    GString *problems = g_string_new(NULL);
    g_assert_true(imprint_doc_check(doc, problems));
    g_string_free(problems, TRUE);
    imprint_diags_free(diags);
    imprint_doc_free(doc);

    /* A dialect that is given is not announced. */
    doc = imprint_doc_new();
    diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT};
    g_assert_cmpint(imprint_read_file(doc, READ_FIXTURES "/plain.txt", &opts, diags), >=, 1);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_NOTE, "read as dialect"), ==,
                     0);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

static void test_bom_skipped(void)
{
    const char data[] = "\xEF\xBB\xBF"
                        "A Title\n\nSome text.\n";
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT};
    g_assert_cmpint(imprint_read_buffer(doc, "bom.txt", data, sizeof data - 1, &opts, diags), >=,
                    1);
    char *text = imprint_node_plain_text(doc, doc->root);
    g_assert_null(strstr(text, "\xEF\xBB\xBF"));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/read/dialect-names", test_dialect_names);
    g_test_add_func("/read/dialect-detect", test_dialect_detect);
    g_test_add_func("/read/corpus-dialects", test_corpus_dialects);
    g_test_add_func("/read/invalid-utf8", test_invalid_utf8);
    g_test_add_func("/read/declared-encoding", test_declared_encoding);
    g_test_add_func("/read/header-encoding", test_header_encoding);
    g_test_add_func("/read/control-characters", test_control_characters);
    g_test_add_func("/read/binary", test_binary);
    g_test_add_func("/read/empty", test_empty);
    g_test_add_func("/read/size-limit-buffer", test_size_limit_buffer);
    g_test_add_func("/read/size-limit-converted", test_size_limit_converted);
    g_test_add_func("/read/size-limit-file", test_size_limit_file);
    g_test_add_func("/read/line-limit", test_line_limit);
    g_test_add_func("/read/missing-and-folder", test_missing_and_folder);
    g_test_add_func("/read/auto-note", test_auto_note_and_read);
    g_test_add_func("/read/bom", test_bom_skipped);
    return g_test_run();
}
