/* Edition files: every key, every kind of mistake at its line and column,
 * select / split / dialect / overrides, default identifier, relative paths. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "imprint/build.h"
#include "imprint/edition.h"
#include "edition/yaml.h"
#include "build/uuid.h"

#define EDITION_FIXTURES FIXTURES_DIR "/edition"

/* A temporary folder holding an edition file and a source, removed at the end. */
typedef struct {
    char *dir;
    char *yaml;
} scratch;

static void scratch_init(scratch *s, const char *yaml_text)
{
    GError *error = NULL;
    s->dir = g_dir_make_tmp("imprint-edition-XXXXXX", &error);
    g_assert_no_error(error);
    char *src = g_build_filename(s->dir, "src.txt", NULL);
    g_assert_true(g_file_set_contents(src, "Some text.\n", -1, NULL));
    g_free(src);
    s->yaml = g_build_filename(s->dir, "ed.yaml", NULL);
    g_assert_true(g_file_set_contents(s->yaml, yaml_text, -1, NULL));
}

static void scratch_clear(scratch *s)
{
    GDir *d = g_dir_open(s->dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(s->dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(s->dir);
    g_free(s->dir);
    g_free(s->yaml);
}

/* Whether some message, formatted as printed, holds `tail`
 * ("ed.yaml:1:1: error: ..."). */
static bool has_message(const imprint_diags *diags, const char *tail)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        char *line = imprint_diag_format(imprint_diags_get(diags, i));
        bool match = strstr(line, tail) != NULL;
        g_free(line);
        if (match)
            return true;
    }
    return false;
}

static void dump(const imprint_diags *diags)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        char *line = imprint_diag_format(imprint_diags_get(diags, i));
        g_test_message("%s", line);
        g_free(line);
    }
}

/* Loads `yaml_text` and expects it to fail with a message ending in `tail`. */
static void expect_load_error(const char *yaml_text, const char *tail)
{
    scratch s;
    scratch_init(&s, yaml_text);
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(s.yaml, diags);
    dump(diags);
    g_assert_null(e);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), >=, 1);
    if (!has_message(diags, tail))
        g_error("expected a message ending in \"%s\"", tail);
    imprint_diags_free(diags);
    scratch_clear(&s);
}

#define ARTICLES "articles:\n  - source: src.txt\n"

/* An edition from `yaml_text` that loads; its messages in `diags`. */
static imprint_edition *load_ok(const char *yaml_text, imprint_diags *diags)
{
    scratch s;
    scratch_init(&s, yaml_text);
    imprint_edition *e = imprint_edition_load(s.yaml, diags);
    dump(diags);
    g_assert_nonnull(e);
    scratch_clear(&s);
    return e;
}

/* pdf.imposition, sheet, signature, crop-marks, creep and bleed. */
static void test_print_keys(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = load_ok("title: T\npdf:\n  paper: a5\n  imposition: booklet\n  sheet: a4\n"
                                 "  signature: 16\n  crop-marks: true\n  creep: 0.1mm\n"
                                 "  bleed: 3mm\n" ARTICLES,
                                 diags);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    const imprint_print_opts *p = &e->print;
    g_assert_cmpint(p->imposition, ==, IMPRINT_IMPOSE_BOOKLET);
    g_assert_cmpfloat_with_epsilon(p->sheet_w, 210 * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon(p->sheet_h, 297 * 72 / 25.4, 0.01);
    g_assert_cmpint(p->signature, ==, 16);
    g_assert_true(p->crop_marks);
    g_assert_cmpfloat_with_epsilon(p->creep, 0.1 * 72 / 25.4, 1e-6);
    g_assert_cmpfloat_with_epsilon(p->bleed, 3 * 72 / 25.4, 1e-6);
    imprint_edition_free(e);
    /* Defaults: no imposition, nothing else. */
    e = load_ok("title: T\n" ARTICLES, diags);
    g_assert_cmpint(e->print.imposition, ==, IMPRINT_IMPOSE_NONE);
    g_assert_cmpfloat(e->print.sheet_w, ==, 0);
    g_assert_cmpfloat(e->print.bleed, ==, 0);
    g_assert_false(e->print.crop_marks);
    imprint_edition_free(e);
    e = load_ok("title: T\npdf:\n  imposition: 2up\n" ARTICLES, diags);
    g_assert_cmpint(e->print.imposition, ==, IMPRINT_IMPOSE_2UP);
    imprint_edition_free(e);
    /* A sheet without an imposition is read by nothing: a warning. */
    e = load_ok("title: T\npdf:\n  sheet: a4\n  signature: 8\n" ARTICLES, diags);
    g_assert_true(has_message(diags, "ed.yaml:3:10: warning: 'sheet' has no effect without "
                                     "'imposition: booklet' or '2up'"));
    g_assert_true(has_message(diags, "ed.yaml:4:14: warning: 'signature' has no effect"));
    imprint_edition_free(e);
    imprint_diags_free(diags);

    expect_load_error("title: T\npdf:\n  imposition: bookelt\n" ARTICLES,
                      "ed.yaml:3:15: error: bad imposition 'bookelt' (did you mean 'booklet'?)");
    expect_load_error("title: T\npdf:\n  imposition: fold\n" ARTICLES,
                      "error: bad imposition 'fold' (use booklet, 2up or none)");
    expect_load_error("title: T\npdf:\n  imposition: booklet\n  sheet: b9\n" ARTICLES,
                      "ed.yaml:4:10: error: bad sheet size 'b9' (use a4, a3, letter, "
                      "WIDTHxHEIGHTin or WIDTHxHEIGHTmm, at most 2000 mm a side)");
    expect_load_error("title: T\npdf:\n  imposition: booklet\n  signature: 30\n" ARTICLES,
                      "ed.yaml:4:14: error: bad signature '30' (a multiple of 4 pages, from 4 to "
                      "256)");
    expect_load_error("title: T\npdf:\n  signature: 260\n" ARTICLES,
                      "error: bad signature '260' (a multiple of 4 pages, from 4 to 256)");
    expect_load_error("title: T\npdf:\n  signature: 0\n" ARTICLES, "error: bad signature '0'");
    expect_load_error("title: T\npdf:\n  crop-marks: yes please\n" ARTICLES,
                      "error: bad crop-marks 'yes please' (use true or false)");
    expect_load_error("title: T\npdf:\n  bleed: 3\n" ARTICLES,
                      "ed.yaml:3:10: error: bad bleed '3' (a length such as 3mm, 8pt or 0.1in, at "
                      "most 25 mm)");
    expect_load_error("title: T\npdf:\n  bleed: 26mm\n" ARTICLES, "error: bad bleed '26mm'");
    expect_load_error("title: T\npdf:\n  bleed: -1mm\n" ARTICLES, "error: bad bleed '-1mm'");
    expect_load_error("title: T\npdf:\n  creep: 3mm\n" ARTICLES,
                      "error: bad creep '3mm' (a length such as 3mm, 8pt or 0.1in, at most 2 mm)");
    expect_load_error("title: T\npdf:\n  imposition: [booklet]\n" ARTICLES,
                      "error: 'imposition' must be a string, not a list");
}

static void test_lengths(void)
{
    double pt = -1;
    g_assert_true(imprint_edition_length_parse("3mm", &pt));
    g_assert_cmpfloat_with_epsilon(pt, 3 * 72 / 25.4, 1e-9);
    g_assert_true(imprint_edition_length_parse("8pt", &pt));
    g_assert_cmpfloat(pt, ==, 8);
    g_assert_true(imprint_edition_length_parse("0.125IN", &pt));
    g_assert_cmpfloat(pt, ==, 9);
    g_assert_true(imprint_edition_length_parse("0mm", &pt));
    g_assert_cmpfloat(pt, ==, 0);
    g_assert_false(imprint_edition_length_parse("3", &pt));
    g_assert_false(imprint_edition_length_parse("mm", &pt));
    g_assert_false(imprint_edition_length_parse("-3mm", &pt));
    g_assert_false(imprint_edition_length_parse("3 mm", &pt));
    g_assert_false(imprint_edition_length_parse("3mmm", &pt));
    g_assert_false(imprint_edition_length_parse(NULL, &pt));
}

static void test_every_key(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(EDITION_FIXTURES "/full.yaml", diags);
    dump(diags);
    g_assert_nonnull(e);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    g_assert_cmpstr(e->name, ==, "full");
    g_assert_cmpstr(e->dir, ==, EDITION_FIXTURES);
    g_assert_cmpstr(e->title, ==, "The Moscow Trials");
    g_assert_cmpstr(e->subtitle, ==, "Contending accounts");
    g_assert_cmpstr(e->editor, ==, "Archive editors");
    g_assert_cmpstr(e->language, ==, "de-AT");
    g_assert_cmpstr(e->date, ==, "2026-11-21");
    g_assert_cmpstr(e->identifier, ==, "urn:isbn:9780000000000");
    g_assert_cmpstr(e->publisher, ==, "Imprint Press");
    g_assert_cmpstr(e->rights, ==, "CC BY-SA 4.0");
    g_assert_cmpstr(e->description, ==, "A test edition with every key.");
    g_assert_cmpstr(e->style, ==, "classic");
    g_assert_cmpstr(e->cover, ==, "auto");
    g_assert_cmpstr(e->paper, ==, "6x9in");
    g_assert_cmpint(e->notes, ==, IMPRINT_NOTES_ARTICLE);
    g_assert_cmpint(e->page_list, ==, IMPRINT_PAGE_LIST_ALWAYS);
    g_assert_cmpuint(e->narticles, ==, 1);
    const imprint_edition_article *a = &e->articles[0];
    g_assert_cmpstr(a->source, ==, "sources/two.txt");
    g_assert_cmpstr(a->source_path, ==, EDITION_FIXTURES "/sources/two.txt");
    g_assert_true(g_file_test(a->source_path, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpstr(a->select, ==, "second piece");
    g_assert_nonnull(a->split);
    g_assert_cmpuint(g_strv_length(a->split), ==, 2);
    g_assert_cmpstr(a->split[0], ==, "First Piece");
    g_assert_cmpstr(a->split[1], ==, "Second Piece");
    g_assert_cmpint(a->dialect, ==, IMPRINT_DIALECT_TEXT);
    g_assert_cmpstr(a->author, ==, "A. Writer");
    g_assert_cmpstr(a->title, ==, "The Second, Renamed");
    g_assert_cmpstr(a->url, ==, "https://example.org/second");
    g_assert_true(a->order_source);
    g_assert_true(a->drop_navigation);
    g_assert_cmpstr(a->language, ==, "fr-CH");
    g_assert_cmpuint(a->pos.line, ==, 16);
    g_assert_cmpuint(a->pos.col, ==, 5);
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_defaults(void)
{
    scratch s;
    scratch_init(&s, "title: The Moscow Trials\narticles:\n  - source: src.txt\n");
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(s.yaml, diags);
    g_assert_nonnull(e);
    g_assert_cmpstr(e->name, ==, "ed");
    g_assert_null(e->language); /* the build's default, "en", is not the edition's */
    g_assert_cmpstr(e->style, ==, "classic");
    g_assert_cmpstr(e->cover, ==, "auto");
    g_assert_cmpstr(e->paper, ==, "a5");
    g_assert_cmpint(e->notes, ==, IMPRINT_NOTES_PAGE);
    g_assert_cmpint(e->page_list, ==, IMPRINT_PAGE_LIST_AUTO);
    g_assert_cmpint(e->duplicates, ==, IMPRINT_DUPLICATES_WARN);
    g_assert_null(e->date);
    g_assert_null(e->subtitle);
    g_assert_cmpint(e->articles[0].dialect, ==, IMPRINT_DIALECT_AUTO);
    g_assert_false(e->articles[0].order_source);
    g_assert_false(e->articles[0].drop_navigation);
    g_assert_cmpint(e->articles[0].wrap, ==, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(e->articles[0].verse, ==, IMPRINT_VERSE_AUTO);
    g_assert_null(e->articles[0].split);
    /* The build resolves the defaults: language en, and the UUID v5 (URL
     * namespace) of the edition's name (the file name without .yaml, as in
     * DESIGN.md), as Python's uuid.uuid5 gives it. */
    g_assert_null(e->identifier);
    imprint_doc *doc = imprint_edition_read(e, diags);
    g_assert_nonnull(doc);
    imprint_build_resolved *r = imprint_build_resolve(e, doc, SOURCE_DIR, diags);
    g_assert_nonnull(r);
    const imprint_output_opts *o = imprint_build_resolved_opts(r);
    g_assert_cmpstr(o->meta.identifier, ==, "urn:uuid:a754861a-e216-5ac0-bc83-467e9efc01bc");
    g_assert_cmpstr(o->meta.language, ==, "en");
    g_assert_cmpstr(o->meta.title, ==, "The Moscow Trials");
    g_assert_cmpfloat_with_epsilon(o->paper_w, 419.53, 0.01);
    g_assert_null(o->cover.data);
    imprint_build_resolved_free(r);
    imprint_doc_free(doc);
    /* A source path is taken relative to the edition file's folder. */
    char *expected = g_build_filename(s.dir, "src.txt", NULL);
    g_assert_cmpstr(e->articles[0].source_path, ==, expected);
    g_free(expected);
    imprint_edition_free(e);
    imprint_diags_free(diags);
    scratch_clear(&s);
}

static void test_cover_path(void)
{
    /* Any existing file will do for the loader; the path is resolved
     * against the edition's folder. */
    scratch s;
    scratch_init(&s, "title: T\ncover: src.txt\narticles:\n  - source: src.txt\n    order: auto\n");
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(s.yaml, diags);
    g_assert_nonnull(e);
    char *expected = g_build_filename(s.dir, "src.txt", NULL);
    g_assert_cmpstr(e->cover, ==, expected);
    g_assert_false(e->articles[0].order_source);
    g_free(expected);
    imprint_edition_free(e);
    imprint_diags_free(diags);
    scratch_clear(&s);
}

static void test_nfc(void)
{
    /* "Café" with a combining acute (NFD) comes out composed (NFC). */
    scratch s;
    scratch_init(&s, "title: \"Cafe\u0301\"\narticles:\n  - source: src.txt\n");
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(s.yaml, diags);
    g_assert_nonnull(e);
    g_assert_cmpstr(e->title, ==, "Caf\xC3\xA9");
    imprint_edition_free(e);
    imprint_diags_free(diags);
    scratch_clear(&s);
}

static void test_uuid_v5_vectors(void)
{
    char out[IMPRINT_UUID_STRLEN + 1];
    /* Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") */
    imprint_uuid_v5(imprint_uuid_ns_dns, "python.org", out);
    g_assert_cmpstr(out, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    /* uuid.uuid5(uuid.NAMESPACE_URL, "The Moscow Trials") */
    imprint_uuid_v5(imprint_uuid_ns_url, "The Moscow Trials", out);
    g_assert_cmpstr(out, ==, "d46b76a1-7f5c-5382-9984-662c52496e11");
    g_assert_cmpuint(strlen(out), ==, IMPRINT_UUID_STRLEN);
}

static void test_unknown_keys(void)
{
    expect_load_error("titel: A typo\n" ARTICLES,
                      "ed.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?)");
    expect_load_error("title: T\nlangauge: en\n" ARTICLES,
                      "ed.yaml:2:1: error: unknown key 'langauge' (did you mean 'language'?)");
    expect_load_error("title: T\nfrobnicate: yes\n" ARTICLES,
                      "ed.yaml:2:1: error: unknown key 'frobnicate' (known keys: title, "
                      "subtitle, editor, language, date, identifier, publisher, rights, "
                      "description, style, cover, pdf, allow-outside-files, articles, epub, "
                      "duplicates)");
    expect_load_error("title: T\narticles:\n  - sorce: src.txt\n",
                      "ed.yaml:3:5: error: unknown key 'sorce' (did you mean 'source'?)");
    expect_load_error("title: T\npdf:\n  papr: a4\n" ARTICLES,
                      "ed.yaml:3:3: error: unknown key 'papr' (did you mean 'paper'?)");
    expect_load_error("title: T\ntitle: U\n" ARTICLES,
                      "ed.yaml:2:1: error: duplicate key 'title' (first given at line 1)");
}

/* `epub: page-list:` takes auto, true or false, and nothing else. */
static void test_page_list(void)
{
    static const struct {
        const char *value;
        imprint_page_list_mode mode;
    } good[] = {
        {"auto", IMPRINT_PAGE_LIST_AUTO},
        {"true", IMPRINT_PAGE_LIST_ALWAYS},
        {"false", IMPRINT_PAGE_LIST_NEVER},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        char *yaml = g_strdup_printf("title: T\nepub:\n  page-list: %s\n" ARTICLES, good[i].value);
        scratch s;
        scratch_init(&s, yaml);
        imprint_diags *diags = imprint_diags_new();
        imprint_edition *e = imprint_edition_load(s.yaml, diags);
        dump(diags);
        g_assert_nonnull(e);
        g_assert_cmpint(e->page_list, ==, good[i].mode);
        imprint_edition_free(e);
        imprint_diags_free(diags);
        scratch_clear(&s);
        g_free(yaml);
    }
    expect_load_error("title: T\nepub:\n  page-list: yes\n" ARTICLES,
                      "ed.yaml:3:14: error: bad page-list 'yes' (use auto: when the PDF is built "
                      "too, true: always, or false: never)");
    expect_load_error("title: T\nepub:\n  page-list: [1, 2]\n" ARTICLES,
                      "ed.yaml:3:14: error: bad page-list a list (use auto: when the PDF is "
                      "built too, true: always, or false: never)");
    expect_load_error("title: T\nepub: true\n" ARTICLES,
                      "ed.yaml:2:7: error: 'epub' must be a mapping (page-list:), not a value");
    expect_load_error("title: T\nepub:\n  pagelist: true\n" ARTICLES,
                      "ed.yaml:3:3: error: unknown key 'pagelist' (did you mean 'page-list'?)");
}

static void test_wrong_types(void)
{
    expect_load_error("title: [a, b]\n" ARTICLES,
                      "ed.yaml:1:8: error: 'title' must be a string, not a list");
    expect_load_error("title:\n  x: y\n" ARTICLES,
                      "ed.yaml:2:3: error: 'title' must be a string, not a mapping");
    expect_load_error("title: T\nsubtitle:\n" ARTICLES,
                      "ed.yaml:2:10: error: 'subtitle' has no value (give one or remove the key)");
    expect_load_error("title: T\npdf: a4\n" ARTICLES,
                      "ed.yaml:2:6: error: 'pdf' must be a mapping (paper:, notes:), not a value");
    expect_load_error("title: T\npdf:\n  notes: bottom\n" ARTICLES,
                      "ed.yaml:3:10: error: bad notes value 'bottom' (use page or article)");
    expect_load_error("title: T\npdf:\n  paper: b5\n" ARTICLES,
                      "ed.yaml:3:10: error: bad paper size 'b5' (use a4, a5, letter, "
                      "WIDTHxHEIGHTin or WIDTHxHEIGHTmm, at most 2000 mm a side)");
    expect_load_error("title: T\ndate: 21.11.2026\n" ARTICLES,
                      "ed.yaml:2:7: error: bad date '21.11.2026' (write YYYY-MM-DD)");
    expect_load_error("title: T\ndate: 2026-02-30\n" ARTICLES,
                      "ed.yaml:2:7: error: bad date '2026-02-30' (write YYYY-MM-DD)");
    expect_load_error("title: T\nlanguage: english\n" ARTICLES,
                      "ed.yaml:2:11: error: bad language 'english' (write a language tag such "
                      "as en or de-AT)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    language: fr_FR!\n",
                      "ed.yaml:4:15: error: bad language 'fr_FR!' (write a language tag such "
                      "as fr or de-AT)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    language: [fr]\n",
                      "ed.yaml:4:15: error: 'language' must be a string, not a list");
    expect_load_error("title: T\nstyle: ../evil\n" ARTICLES,
                      "ed.yaml:2:8: error: bad style name '../evil' (letters, digits, - and _ "
                      "only)");
    expect_load_error("title: T\nstyle: nosuch\n" ARTICLES,
                      "ed.yaml:2:8: error: unknown style 'nosuch' (no styles/nosuch.yaml in ");
    expect_load_error("title: T\ncover: nope.png\n" ARTICLES, "ed.yaml:2:8: error: cover image "
                                                              "'nope.png' not found");
    expect_load_error("title: T\narticles: src.txt\n",
                      "ed.yaml:2:11: error: 'articles' must be a list, not a value");
    expect_load_error("title: T\narticles: []\n",
                      "ed.yaml:2:11: error: 'articles' is empty: an edition needs at least one "
                      "article");
    expect_load_error("title: T\narticles:\n  - src.txt\n",
                      "ed.yaml:3:5: error: each article must be a mapping with a 'source' key, "
                      "not a value");
    expect_load_error("title: T\narticles:\n  - select: X\n",
                      "ed.yaml:3:5: error: article has no 'source'");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    dialect: txt\n",
                      "ed.yaml:4:14: error: unknown dialect 'txt' (did you mean 'text'?)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    encoding: latin-99\n",
                      "ed.yaml:4:15: error: unknown encoding 'latin-99' (use a name iconv "
                      "knows, e.g. latin1)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    dialect: latex\n",
                      "ed.yaml:4:14: error: unknown dialect 'latex' (use auto, text, "
                      "pdf-markdown, markdown or tei)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    split: First\n",
                      "ed.yaml:4:12: error: 'split' must be a list of title lines, not a value");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    split: []\n",
                      "ed.yaml:4:12: error: 'split' is an empty list (name at least one title "
                      "line)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    split: [[a]]\n",
                      "ed.yaml:4:13: error: 'split' must be a string, not a list");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    order: random\n",
                      "ed.yaml:4:12: error: bad order 'random' (use source or auto)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    navigation: hide\n",
                      "ed.yaml:4:17: error: bad navigation 'hide' (use drop or keep)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    wrapped: yes\n",
                      "ed.yaml:4:14: error: bad wrapped 'yes' (use true or false, or leave it "
                      "out to have it found)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    verse: maybe\n",
                      "ed.yaml:4:12: error: bad verse 'maybe' (use true or false, or leave it "
                      "out to have it found)");
    expect_load_error("title: T\narticles:\n  - source: src.txt\n    author: [a, b]\n",
                      "ed.yaml:4:13: error: 'author' must be a string, not a list");
    expect_load_error("[title, articles]\n", "ed.yaml:1:1: error: an edition file is a mapping "
                                             "of keys (title:, articles:...), not a list");
    expect_load_error("? [a]\n: b\n" ARTICLES,
                      "ed.yaml:1:3: error: a key must be a plain word, not a list");
}

static void test_missing_keys(void)
{
    expect_load_error(ARTICLES, "ed.yaml:1:1: error: missing required key 'title'");
    expect_load_error("title: T\n", "ed.yaml:1:1: error: missing required key 'articles'");
    expect_load_error("", "ed.yaml: error: empty edition file (it needs at least 'title' and "
                          "'articles')");
}

static void test_syntax_errors(void)
{
    expect_load_error("title: [unclosed\n",
                      "ed.yaml:2:1: error: YAML syntax error: did not find expected ',' or ']'");
    expect_load_error("title: \"open\n", "ed.yaml:2:1: error: YAML syntax error: found "
                                         "unexpected end of stream");
    expect_load_error("title: a\n  b: c\n",
                      "ed.yaml:2:4: error: YAML syntax error: mapping values are not allowed "
                      "in this context");
    expect_load_error("title: T\n" ARTICLES "---\ntitle: U\n",
                      "ed.yaml:4:1: error: a second YAML document: the file holds one");
}

/* YML_MAX_DEPTH: 16 levels of nesting are read (and refused as the wrong
 * type), 17 are refused while parsing; so is a deep nest far below the
 * size limit, in well under a second. */
static void test_nesting_limit(void)
{
    GString *ok = g_string_new("title: T\n" ARTICLES "description: ");
    GString *deep = g_string_new(ok->str);
    for (int i = 0; i < YML_MAX_DEPTH - 1; i++)
        g_string_append_c(ok, '[');
    for (int i = 0; i < YML_MAX_DEPTH - 1; i++)
        g_string_append_c(ok, ']');
    g_string_append_c(ok, '\n');
    expect_load_error(ok->str, "'description' must be a string, not a list");
    for (int i = 0; i < 200000; i++)
        g_string_append_c(deep, '[');
    g_string_append_c(deep, '\n');
    gint64 t0 = g_get_monotonic_time();
    expect_load_error(deep->str, "nested more than 16 levels deep");
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 5 * G_USEC_PER_SEC);
    /* the other shapes a fuzzer makes: block mappings, block lists, flow maps */
    static const char *const step[] = {"k:\n", "- ", "{k: "};
    for (size_t s = 0; s < G_N_ELEMENTS(step); s++) {
        g_string_assign(deep, "title: T\n" ARTICLES);
        g_string_append(deep, s == 2 ? "description: " : "description:\n");
        for (int i = 0; i < 300; i++) {
            for (int k = 0; s == 0 && k <= i; k++)
                g_string_append_c(deep, ' ');
            g_string_append(deep, step[s]);
        }
        g_string_append(deep, "x");
        for (int i = 0; s == 2 && i < 300; i++)
            g_string_append_c(deep, '}');
        g_string_append_c(deep, '\n');
        expect_load_error(deep->str, "nested more than 16 levels deep");
    }
    g_string_free(ok, TRUE);
    g_string_free(deep, TRUE);
}

/* Aliases are refused: a billion-laughs tree of them would expand when
 * walked. */
static void test_aliases_refused(void)
{
    expect_load_error("a: &x T\ntitle: *x\n" ARTICLES,
                      "ed.yaml:2:8: error: YAML syntax error: aliases (*name) are not accepted; "
                      "write the value out");
    /* billion laughs: nine levels of ten aliases each */
    GString *lol = g_string_new("title: T\n" ARTICLES "l0: &l0 lol\n");
    for (int i = 1; i < 10; i++) {
        g_string_append_printf(lol, "l%d: &l%d [", i, i);
        for (int k = 0; k < 10; k++)
            g_string_append_printf(lol, "%s*l%d", k ? ", " : "", i - 1);
        g_string_append(lol, "]\n");
    }
    gint64 t0 = g_get_monotonic_time();
    expect_load_error(lol->str, "aliases (*name) are not accepted");
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 5 * G_USEC_PER_SEC);
    g_string_free(lol, TRUE);
}

static void test_size_limit(void)
{
    /* Over EDITION_MAX_BYTES (1 MiB): refused before parsing. */
    GString *big = g_string_new("title: T\n" ARTICLES "description: ");
    while (big->len <= 1024 * 1024)
        g_string_append(big, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    g_string_append_c(big, '\n');
    expect_load_error(big->str, "is this a source rather than an edition?)");
    g_string_free(big, TRUE);
}

static void test_missing_file(void)
{
    imprint_diags *diags = imprint_diags_new();
    g_assert_null(imprint_edition_load(EDITION_FIXTURES "/no-such.yaml", diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "cannot read edition"),
                     ==, 1);
    imprint_diags_free(diags);
}

/* Loads and reads a fixture edition; the document must be sound. */
static imprint_doc *read_fixture(const char *name, imprint_diags *diags, imprint_edition **out)
{
    char *path = g_build_filename(EDITION_FIXTURES, name, NULL);
    imprint_edition *e = imprint_edition_load(path, diags);
    g_free(path);
    g_assert_nonnull(e);
    imprint_doc *doc = imprint_edition_read(e, diags);
    dump(diags);
    if (doc) {
        GString *problems = g_string_new(NULL);
        if (!imprint_doc_check(doc, problems))
            g_error("document check failed: %s", problems->str);
        g_string_free(problems, TRUE);
    }
    *out = e;
    return doc;
}

/* `language:` of an entry is its articles' language; each article then has
 * the quotation marks of its own language (the edition's when it sets none). */
static void test_read_languages(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(FIXTURES_DIR "/language/languages.yaml", diags);
    g_assert_nonnull(e);
    imprint_doc *doc = imprint_edition_read(e, diags);
    g_assert_nonnull(doc);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_WARNING), ==, 0);
    const imprint_node *fr = doc->root->first_child, *de = fr->next, *en = de->next;
    g_assert_null(fr->as.article.lang);
    g_assert_cmpstr(de->as.article.lang, ==, "de");
    g_assert_cmpstr(en->as.article.lang, ==, "en");
    char *t = imprint_node_plain_text(doc, fr);
    g_assert_nonnull(
        strstr(t, "r\u00e9pondit\u202F: \u00AB\u202FNous ne reculerons pas\u202F!\u202F\u00BB"));
    t = imprint_node_plain_text(doc, de);
    g_assert_nonnull(strstr(t, "\u201EDie Gewerkschaften"));
    t = imprint_node_plain_text(doc, en);
    g_assert_nonnull(strstr(t, "She said \u201Cyes\u201D: the answer?"));
    g_assert_cmpstr(doc->meta.title, ==, "\u00C9ditions \u00AB\u202Fmultilingues\u202F\u00BB");
    imprint_doc_free(doc);
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_select_and_overrides(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("full.yaml", diags, &e);
    g_assert_nonnull(doc);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 0);
    imprint_node *a = doc->root->first_child;
    g_assert_nonnull(a);
    g_assert_null(a->next);
    g_assert_cmpstr(a->as.article.title, ==, "The Second, Renamed");
    g_assert_nonnull(a->as.article.authors);
    g_assert_cmpstr(a->as.article.authors[0], ==, "A. Writer");
    g_assert_null(a->as.article.authors[1]);
    g_assert_cmpstr(a->as.article.source_url, ==, "https://example.org/second");
    g_assert_cmpstr(a->as.article.lang, ==, "fr-CH");
    /* The body is the second piece's, not the first's. */
    char *text = imprint_node_plain_text(doc, a);
    g_assert_nonnull(strstr(text, "second piece"));
    g_assert_null(strstr(text, "first piece"));
    /* The reader's messages about the article left out (lines 1-4) do not
     * pass on. */
    g_assert_false(has_message(diags, "two.txt:1:"));
    /* `navigation: drop` is the markdown reader's: the text reader says so */
    g_assert_true(has_message(diags, "'navigation: drop' applies to the markdown dialect only"));
    g_assert_cmpstr(doc->meta.title, ==, "The Moscow Trials");
    g_assert_cmpstr(doc->meta.subtitle, ==, "Contending accounts");
    g_assert_cmpstr(doc->meta.language, ==, "de-AT");
    g_assert_cmpstr(doc->meta.identifier, ==, "urn:isbn:9780000000000");
    g_assert_cmpstr(doc->meta.date, ==, "2026-11-21");
    g_assert_cmpstr(doc->meta.editor, ==, "Archive editors");
    g_assert_cmpstr(doc->meta.publisher, ==, "Imprint Press");
    g_assert_cmpstr(doc->meta.rights, ==, "CC BY-SA 4.0");
    g_assert_cmpstr(doc->meta.description, ==, "A test edition with every key.");
    imprint_doc_free(doc);
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_same_source_twice(void)
{
    /* Second Piece, First Piece by select, then the whole source again:
     * four articles in edition order, each a node of its own. */
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("reuse-figures.yaml", diags, &e);
    g_assert_nonnull(doc);
    const char *want[] = {"Second Piece", "First Piece", "First Piece", "Second Piece"};
    size_t n = 0;
    for (imprint_node *a = doc->root->first_child; a; a = a->next, n++) {
        g_assert_cmpuint(n, <, G_N_ELEMENTS(want));
        char *have = g_strdup(a->as.article.title);
        g_assert_cmpstr(g_strstrip(have), ==, want[n]);
        g_free(have);
    }
    g_assert_cmpuint(n, ==, 4);
    /* The source was read once, and each of the reader's warnings (one
     * placeholder an article) is passed on once, when its article is first
     * taken: the second article's (line 11) first. */
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_WARNING), ==, 2);
    size_t w = 0;
    const unsigned want_lines[] = {11, 5};
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        const imprint_diag *d = imprint_diags_get(diags, i);
        if (d->severity == IMPRINT_SEV_WARNING)
            g_assert_cmpuint(d->line, ==, want_lines[w++]);
    }
    imprint_doc_free(doc);
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_select_matching(void)
{
    /* A title with a no-break space and curly quotes is found from a
     * select typed with plain spaces, straight quotes and other case. */
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("select-nbsp.yaml", diags, &e);
    g_assert_nonnull(doc);
    imprint_node *a = doc->root->first_child;
    g_assert_nonnull(a);
    g_assert_null(a->next);
    g_assert_nonnull(strstr(a->as.article.title, "Moscow"));
    imprint_doc_free(doc);
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_select_missing(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("select-missing.yaml", diags, &e);
    g_assert_null(doc);
    g_assert_true(has_message(diags, "select-missing.yaml:4:13: error: no article titled 'Third "
                                     "Piece' in sources/two.txt; the titles found follow"));
    g_assert_true(has_message(diags, "two.txt:1:1: note: article 'First Piece'"));
    g_assert_true(has_message(diags, "two.txt:5:1: note: article 'Second Piece'"));
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_missing_source(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("missing-source.yaml", diags, &e);
    g_assert_null(doc);
    g_assert_true(has_message(diags,
                              "missing-source.yaml:3:13: error: source 'sources/nope.txt' "
                              "not found (looked at " EDITION_FIXTURES "/sources/nope.txt)"));
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

/* A source that fails to read because of what the edition asked (a split
 * title that is not there): the error names the source, a note the entry. */
static void test_read_split_missing(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("split-missing.yaml", diags, &e);
    g_assert_null(doc);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "Secnd Piece"), ==, 1);
    g_assert_true(has_message(diags, "split-missing.yaml:3:5: note: while reading "
                                     "'sources/two.txt' for this article entry"));
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_title_needs_select(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("title-many.yaml", diags, &e);
    g_assert_null(doc);
    g_assert_true(has_message(diags, "title-many.yaml:7:12: error: 'title' renames one article, "
                                     "but sources/two.txt holds 2; add 'select'"));
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

static void test_read_dialect_forced(void)
{
    /* dialect: tei on a text file: the TEI reader must refuse it. */
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e;
    imprint_doc *doc = read_fixture("dialect-tei.yaml", diags, &e);
    g_assert_null(doc);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), >=, 1);
    /* No note about guessing: the dialect was given. */
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_NOTE, "read as dialect"), ==,
                     0);
    imprint_edition_free(e);
    imprint_diags_free(diags);
}

/* `duplicates:` takes warn, keep-fuller or error; anything else is an error
 * at its line and column. */
static void test_duplicates_key(void)
{
    static const struct {
        const char *value;
        imprint_duplicates_mode mode;
    } good[] = {
        {"warn", IMPRINT_DUPLICATES_WARN},
        {"keep-fuller", IMPRINT_DUPLICATES_KEEP_FULLER},
        {"error", IMPRINT_DUPLICATES_ERROR},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        char *yaml = g_strdup_printf("title: T\nduplicates: %s\n" ARTICLES, good[i].value);
        scratch s;
        scratch_init(&s, yaml);
        imprint_diags *diags = imprint_diags_new();
        imprint_edition *e = imprint_edition_load(s.yaml, diags);
        g_assert_nonnull(e);
        g_assert_cmpint(e->duplicates, ==, good[i].mode);
        imprint_edition_free(e);
        imprint_diags_free(diags);
        scratch_clear(&s);
        g_free(yaml);
    }
    expect_load_error("title: T\nduplicates: keep-fullr\n" ARTICLES,
                      "ed.yaml:2:13: error: bad duplicates value 'keep-fullr' (did you mean "
                      "'keep-fuller'?)");
    expect_load_error("title: T\nduplicates: drop\n" ARTICLES,
                      "ed.yaml:2:13: error: bad duplicates value 'drop' (use warn, keep-fuller or "
                      "error)");
    expect_load_error("title: T\nduplicates: [warn]\n" ARTICLES,
                      "ed.yaml:2:13: error: 'duplicates' must be warn, keep-fuller or error, not "
                      "a list");
    expect_load_error("title: T\nduplicates:\n" ARTICLES,
                      "error: 'duplicates' must be warn, keep-fuller or error, not an empty value");
}

/* Reading an edition applies `duplicates:`: two sources of the same text
 * are two warnings' worth with warn, one article with keep-fuller, and no
 * document with error. */
static void test_read_duplicates(void)
{
    static const char text[] =
        "A Title\n\nThe same paragraph of text stands in both of these sources, word for "
        "word, long enough to be a copy and not a chance phrase.\n";
    static const char *const modes[] = {"warn", "keep-fuller", "error"};
    for (size_t m = 0; m < G_N_ELEMENTS(modes); m++) {
        char *yaml = g_strdup_printf("title: T\nduplicates: %s\narticles:\n  - source: a.txt\n"
                                     "  - source: b.txt\n",
                                     modes[m]);
        scratch s;
        scratch_init(&s, yaml);
        for (int k = 0; k < 2; k++) {
            char *p = g_build_filename(s.dir, k ? "b.txt" : "a.txt", NULL);
            g_assert_true(g_file_set_contents(p, text, -1, NULL));
            g_free(p);
        }
        imprint_diags *diags = imprint_diags_new();
        imprint_edition *e = imprint_edition_load(s.yaml, diags);
        g_assert_nonnull(e);
        imprint_doc *doc = imprint_edition_read(e, diags);
        dump(diags);
        g_assert_cmpuint(
            imprint_diags_count_matching(diags, m == 2 ? IMPRINT_SEV_ERROR : IMPRINT_SEV_WARNING,
                                         "same text as "),
            ==, 1);
        if (m == 2) {
            g_assert_null(doc);
            g_assert_true(has_message(diags, "ed.yaml: error: copies of one text found (1 pair)"));
        } else {
            g_assert_nonnull(doc);
            size_t n = 0;
            for (const imprint_node *a = doc->root->first_child; a; a = a->next)
                n++;
            g_assert_cmpuint(n, ==, m == 0 ? 2 : 1);
            g_assert_cmpuint(doc->root->first_child->as.article.nwitnesses, ==, 1);
        }
        imprint_doc_free(doc);
        imprint_edition_free(e);
        imprint_diags_free(diags);
        scratch_clear(&s);
        g_free(yaml);
    }
}

static void test_paper_sizes(void)
{
    double w, h;
    g_assert_true(imprint_edition_paper_parse("a5", &w, &h));
    g_assert_cmpfloat_with_epsilon(w, 419.53, 0.01);
    g_assert_cmpfloat_with_epsilon(h, 595.28, 0.01);
    g_assert_true(imprint_edition_paper_parse("A4", &w, &h));
    g_assert_cmpfloat_with_epsilon(w, 595.28, 0.01);
    g_assert_true(imprint_edition_paper_parse("letter", &w, &h));
    g_assert_cmpfloat_with_epsilon(w, 612.0, 0.01);
    g_assert_cmpfloat_with_epsilon(h, 792.0, 0.01);
    g_assert_true(imprint_edition_paper_parse("6x9in", &w, &h));
    g_assert_cmpfloat_with_epsilon(w, 432.0, 0.01);
    g_assert_cmpfloat_with_epsilon(h, 648.0, 0.01);
    g_assert_true(imprint_edition_paper_parse("120.5x190mm", &w, &h));
    g_assert_cmpfloat_with_epsilon(w, 120.5 * 72 / 25.4, 0.01);
    g_assert_false(imprint_edition_paper_parse("b5", &w, &h));
    g_assert_false(imprint_edition_paper_parse("6x9", &w, &h));
    g_assert_false(imprint_edition_paper_parse("0x9in", &w, &h));
    g_assert_false(imprint_edition_paper_parse("-5x9in", &w, &h));
    g_assert_false(imprint_edition_paper_parse("x9mm", &w, &h));
    g_assert_false(imprint_edition_paper_parse("", &w, &h));
    g_assert_false(imprint_edition_paper_parse(NULL, &w, &h));
    /* IMPRINT_EDITION_MAX_PAPER_MM */
    g_assert_true(imprint_edition_paper_parse("2000x2000mm", &w, &h));
    g_assert_false(imprint_edition_paper_parse("2001x100mm", &w, &h));
}

/* A TEI source of `n` articles. */
static void write_articles(const char *path, int n)
{
    GString *tei = g_string_new("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>\n");
    for (int i = 0; i < n; i++)
        g_string_append(tei, "<div type=\"article\"><p>x</p></div>\n");
    g_string_append(tei, "</body></text></TEI>\n");
    g_assert_true(g_file_set_contents(path, tei->str, (gssize)tei->len, NULL));
    g_string_free(tei, TRUE);
}

/* IMPRINT_MAX_ARTICLES: a source of that many articles is read, one more is
 * an error; so is an edition whose sources add up to more. */
static void test_article_limit(void)
{
    scratch s;
    scratch_init(&s, "title: T\narticles:\n  - source: many.xml\n  - source: half.xml\n"
                     "  - source: half.xml\n    dialect: tei\n");
    char *many = g_build_filename(s.dir, "many.xml", NULL);
    char *half = g_build_filename(s.dir, "half.xml", NULL);
    write_articles(many, IMPRINT_MAX_ARTICLES + 1);
    write_articles(half, IMPRINT_MAX_ARTICLES / 2);
    imprint_diags *diags = imprint_diags_new();
    imprint_doc *doc = imprint_doc_new();
    g_assert_cmpint(imprint_read_file(doc, many, NULL, diags), ==, -1);
    g_assert_true(has_message(diags, "many.xml: error: 10001 articles (the limit is 10000)"));
    imprint_doc_free(doc);
    doc = imprint_doc_new();
    write_articles(many, IMPRINT_MAX_ARTICLES);
    g_assert_cmpint(imprint_read_file(doc, many, NULL, diags), ==, IMPRINT_MAX_ARTICLES);
    imprint_doc_free(doc);

    imprint_edition *e = imprint_edition_load(s.yaml, diags);
    g_assert_nonnull(e);
    g_assert_null(imprint_edition_read(e, diags));
    g_assert_true(has_message(diags, "ed.yaml: error: the edition has 20000 articles (the limit "
                                     "is 10000)"));
    imprint_edition_free(e);
    imprint_diags_free(diags);
    g_free(many);
    g_free(half);
    scratch_clear(&s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/edition/paper-sizes", test_paper_sizes);
    g_test_add_func("/edition/nesting-limit", test_nesting_limit);
    g_test_add_func("/edition/aliases", test_aliases_refused);
    g_test_add_func("/edition/every-key", test_every_key);
    g_test_add_func("/edition/defaults", test_defaults);
    g_test_add_func("/edition/cover-path", test_cover_path);
    g_test_add_func("/edition/article-limit", test_article_limit);
    g_test_add_func("/edition/uuid-v5", test_uuid_v5_vectors);
    g_test_add_func("/edition/nfc", test_nfc);
    g_test_add_func("/edition/unknown-keys", test_unknown_keys);
    g_test_add_func("/edition/wrong-types", test_wrong_types);
    g_test_add_func("/edition/page-list", test_page_list);
    g_test_add_func("/edition/missing-keys", test_missing_keys);
    g_test_add_func("/edition/syntax-errors", test_syntax_errors);
    g_test_add_func("/edition/size-limit", test_size_limit);
    g_test_add_func("/edition/missing-file", test_missing_file);
    g_test_add_func("/edition/read/select-and-overrides", test_read_select_and_overrides);
    g_test_add_func("/edition/read/same-source-twice", test_read_same_source_twice);
    g_test_add_func("/edition/read/select-matching", test_read_select_matching);
    g_test_add_func("/edition/read/select-missing", test_read_select_missing);
    g_test_add_func("/edition/read/missing-source", test_read_missing_source);
    g_test_add_func("/edition/read/split-missing", test_read_split_missing);
    g_test_add_func("/edition/read/title-needs-select", test_read_title_needs_select);
    g_test_add_func("/edition/read/dialect-forced", test_read_dialect_forced);
    g_test_add_func("/edition/read/languages", test_read_languages);
    g_test_add_func("/edition/print-keys", test_print_keys);
    g_test_add_func("/edition/lengths", test_lengths);
    g_test_add_func("/edition/duplicates-key", test_duplicates_key);
    g_test_add_func("/edition/read/duplicates", test_read_duplicates);
    return g_test_run();
}
