/* `-f epub`: drives the parts of the EPUB writer (epub.h) and writes the
 * container through a temporary file. */
#include "imprint/writer.h"

#include "write/epub/epub.h"

bool imprint_write_epub(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                        imprint_diags *diags)
{
    bool ok = false;
    GBytes *opf = NULL, *zipped = NULL;
    imprint_epub e;
    imprint_epub_init(&e, doc, opts, diags);
    imprint_epub_pages_init(&e);

    imprint_epub_front(&e);
    if (e.failed)
        goto cleanup;
    size_t i = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next, i++)
        imprint_epub_article(&e, a, i);
    imprint_epub_colophon(&e);
    imprint_epub_nav_files(&e);
    imprint_epub_css_fonts(&e);
    if (e.failed)
        goto cleanup;
    opf = g_string_free_to_bytes(imprint_epub_package(&e));
    zipped = imprint_epub_container(&e, opf, path);
    if (!zipped)
        goto cleanup;
    gsize zlen = 0;
    const char *zdata = g_bytes_get_data(zipped, &zlen);
    ok = imprint_output_write(path, zdata, zlen, diags);

cleanup:
    if (zipped)
        g_bytes_unref(zipped);
    if (opf)
        g_bytes_unref(opf);
    imprint_epub_pages_clear(&e);
    imprint_epub_clear(&e);
    return ok;
}
