/* The whole pipeline: any source → model → imprint_doc_check() → TEI →
 * read back as TEI → TEI again, byte-identical; then the EPUB and the PDF
 * written into a scratch folder with the options an edition resolves to,
 * the EPUB with the page map of the PDF's layout.
 * The first byte picks the dialect (auto, where the name's extension counts
 * too, or one forced) and the notes mode; the rest is the source. */
#include "fuzz.h"

#include <string.h>

#include "imprint/build.h"
#include "imprint/edition.h"
#include "imprint/pdf.h"
#include "imprint/reader.h"
#include "imprint/writer.h"

static const struct {
    imprint_dialect dialect;
    const char *name;
} dialects[] = {
    {IMPRINT_DIALECT_AUTO, "source.txt"},        {IMPRINT_DIALECT_AUTO, "source.md"},
    {IMPRINT_DIALECT_AUTO, "source.xml"},        {IMPRINT_DIALECT_TEXT, "source.txt"},
    {IMPRINT_DIALECT_PDF_MARKDOWN, "source.md"}, {IMPRINT_DIALECT_MARKDOWN, "source.md"},
    {IMPRINT_DIALECT_TEI, "source.xml"},
};

static char *tei_of(const imprint_doc *doc)
{
    GString *out = g_string_new(NULL);
    if (!imprint_write_tei_string(doc, &doc->meta, out))
        fuzz_fail("the TEI writer failed", NULL);
    return g_string_free(out, FALSE);
}

/* TEI → model → TEI gives the same bytes. */
static void round_trip(const char *tei)
{
    imprint_doc *back = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEI};
    int n = imprint_read_buffer(back, "roundtrip.xml", tei, strlen(tei), &opts, diags);
    if (n < 0) {
        GString *why = g_string_new(tei);
        for (size_t i = 0; i < imprint_diags_len(diags); i++) {
            char *line = imprint_diag_format(imprint_diags_get(diags, i));
            g_string_append_printf(why, "\n%s", line);
            g_free(line);
        }
        fuzz_fail("the TEI written does not read back", why->str);
    }
    fuzz_check_doc(back);
    char *again = tei_of(back);
    if (strcmp(again, tei) != 0) {
        char *both = g_strdup_printf("first:\n%s\nsecond:\n%s", tei, again);
        fuzz_fail("TEI read back and written again differs", both);
    }
    g_free(again);
    imprint_diags_free(diags);
    imprint_doc_free(back);
}

/* The EPUB and the PDF, through the options imprint_build_resolve() makes
 * of an edition in memory, as tests/unit/writer_fixture.h does, and as a
 * build of both makes them: the PDF laid out once, the EPUB given its pages
 * (each of which must find its place there), the PDF drawn from the layout. */
static void write_books(imprint_doc *doc, imprint_notes_mode notes)
{
    const char *dir = fuzz_scratch();
    char *ed_path = g_build_filename(dir, "fuzz.yaml", NULL);
    imprint_edition ed = {0};
    ed.path = ed_path;
    ed.dir = (char *)dir;
    ed.name = "fuzz";
    ed.title = "Fuzz";
    ed.date = "2026-11-22";
    ed.style = "classic";
    ed.cover = "auto";
    ed.notes = notes;
    imprint_edition_paper_parse("a5", &ed.paper_w, &ed.paper_h);
    imprint_diags *diags = imprint_diags_new();
    imprint_build_resolved *r = imprint_build_resolve(&ed, doc, NULL, diags);
    if (!r)
        fuzz_fail("the edition did not resolve", NULL);
    imprint_output_opts opts = *imprint_build_resolved_opts(r);
    char *epub = g_build_filename(dir, "fuzz.epub", NULL);
    char *pdf = g_build_filename(dir, "fuzz.pdf", NULL);
    imprint_pdf_layout *layout = imprint_pdf_lay_out(doc, &opts, diags);
    if (!layout)
        fuzz_fail("the PDF layout failed on a sound document", NULL);
    imprint_output_opts eopts = opts;
    eopts.pages = imprint_pdf_layout_pages(layout);
    eopts.page_source = "fuzz.pdf";
    if (!imprint_write_epub(doc, &eopts, epub, diags))
        fuzz_fail("the EPUB writer failed on a sound document", NULL);
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        const char *m = imprint_diags_get(diags, i)->message;
        if (strstr(m, "has no place in the EPUB") || strstr(m, "in the EPUB's reading order"))
            fuzz_fail("the EPUB and the PDF's page map disagree", m);
    }
    if (!imprint_pdf_layout_write(layout, pdf, diags, NULL))
        fuzz_fail("the PDF writer failed on a sound document", NULL);
    imprint_pdf_layout_free(layout);
    fuzz_check_result(true, diags);
    g_unlink(epub);
    g_unlink(pdf);
    g_free(pdf);
    g_free(epub);
    imprint_build_resolved_free(r);
    imprint_diags_free(diags);
    g_free(ed_path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    if (size < 1)
        return 0;
    unsigned pick = data[0] % G_N_ELEMENTS(dialects);
    imprint_notes_mode notes = data[0] & 0x80 ? IMPRINT_NOTES_ARTICLE : IMPRINT_NOTES_PAGE;
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = dialects[pick].dialect};
    int n = imprint_read_buffer(doc, dialects[pick].name, (const char *)data + 1, size - 1, &opts,
                                diags);
    fuzz_check_result(n >= 0, diags);
    if (n > 0) {
        fuzz_check_doc(doc);
        char *tei = tei_of(doc);
        round_trip(tei);
        g_free(tei);
        write_books(doc, notes);
    }
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    return 0;
}
