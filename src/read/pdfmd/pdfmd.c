/* The `pdf-markdown` dialect: Markdown exported from a PDF booklet (corpus
 * 004). The export cuts the text into page fragments, puts each page's notes
 * under a "---" line, breaks words across pages, and writes the fragments
 * out of order. This reader splits the file into blocks (blocks.c), reads
 * the front matter and contents table (front.c), cuts the body into page
 * fragments and puts them back in reading order (fragments.c, order.c,
 * hyphen.c), and builds one article whose parts are headings (build.c). */
#include "imprint/reader.h"

#include "read/pdfmd/pdfmd.h"

int imprint_read_pdfmd(imprint_doc *doc, const char *path, const char *data, size_t len,
                       const imprint_read_opts *opts, imprint_diags *diags)
{
    if (opts && opts->split) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "split applies to the text dialect only; a pdf-markdown file is one "
                             "article (remove 'split:' or read the file with 'dialect: text')");
        return -1;
    }
    GPtrArray *blocks = g_ptr_array_new_with_free_func(imprint_pdfmd_block_free);
    GPtrArray *front_blocks = g_ptr_array_new(), *body = g_ptr_array_new();
    pdfmd_front front = {0};
    pdfmd_pages pages = {0};

    imprint_pdfmd_parse_blocks(blocks, data, len);
    GArray *entries = imprint_pdfmd_front_split(blocks, front_blocks, body, path, diags);
    imprint_pdfmd_front_read(front_blocks, &front);
    imprint_pdfmd_pages_read(&pages, body, entries, path, diags);
    imprint_pdfmd_pages_order(&pages, opts && opts->order_source);
    int result = imprint_pdfmd_build(doc, &pages, &front);

    imprint_pdfmd_pages_clear(&pages);
    imprint_pdfmd_front_clear(&front);
    imprint_pdfmd_entries_free(entries);
    g_ptr_array_free(front_blocks, TRUE);
    g_ptr_array_free(body, TRUE);
    g_ptr_array_free(blocks, TRUE);
    return result;
}
