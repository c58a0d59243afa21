/* The edition file: the bytes are written to ed.yaml in a scratch folder
 * that also holds one source of each dialect (a.txt, b.md, c.xml, d.txt as
 * a PDF export), so that an edition that loads is read and resolved as a
 * build does. Loading goes through the file, as every edition does (the
 * loader reads the file again for the positions of some messages). */
#include "fuzz.h"

#include "imprint/build.h"
#include "imprint/edition.h"

static const char source_txt[] = "First Piece\n\nSome text of the first piece.\xc2\xb9\n\n"
                                 "Second Piece\n\nAnd the second.\n\n\xc2\xb9 A note.\n";
static const char source_md[] = "---\ntitle: Markdown\n---\n# Heading\n\nText[^1] and "
                                "![fig](figure.png).\n\n[^1]: The note.\n";
static const char source_xml[] =
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"article\">"
    "<head>TEI</head><p>Text<note place=\"foot\" n=\"1\"><p>A note.</p></note></p>"
    "</div></body></text></TEI>\n";
static const char source_pdfmd[] = "Title\n\n---\n\nPage one text<sup>1</sup>\n\n"
                                   "<sup>1</sup> The note.\n\n---\n\nPage two.\n";

static void write_sources(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    g_free(fuzz_write_file("a.txt", source_txt, sizeof source_txt - 1));
    g_free(fuzz_write_file("b.md", source_md, sizeof source_md - 1));
    g_free(fuzz_write_file("c.xml", source_xml, sizeof source_xml - 1));
    g_free(fuzz_write_file("d.txt", source_pdfmd, sizeof source_pdfmd - 1));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    write_sources();
    char *path = fuzz_write_file("ed.yaml", data, size);
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *e = imprint_edition_load(path, diags);
    fuzz_check_result(e != NULL, diags);
    if (e) {
        imprint_doc *doc = imprint_edition_read(e, diags);
        fuzz_check_result(doc != NULL, diags);
        if (doc) {
            fuzz_check_doc(doc);
            imprint_build_resolved *r = imprint_build_resolve(e, doc, NULL, diags);
            fuzz_check_result(r != NULL, diags);
            imprint_build_resolved_free(r);
        }
        imprint_doc_free(doc);
    }
    imprint_edition_free(e);
    imprint_diags_free(diags);
    g_free(path);
    return 0;
}
