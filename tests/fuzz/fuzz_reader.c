/* One fuzz target per reader: the bytes are a source read with the dialect
 * forced (FUZZ_DIALECT and FUZZ_PATH, set by tests/CMakeLists.txt), through
 * imprint_read_buffer() and so through the checks every source passes. The
 * buffer has no NUL after it: a read past its end is caught. The document
 * read must pass imprint_doc_check(). */
#include "fuzz.h"

#include "imprint/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = FUZZ_DIALECT};
    int n = imprint_read_buffer(doc, FUZZ_PATH, (const char *)data, size, &opts, diags);
    fuzz_check_result(n >= 0, diags);
    if (n >= 0) {
        fuzz_check_doc(doc);
        int articles = 0;
        for (const imprint_node *a = doc->root->first_child; a; a = a->next)
            articles++;
        if (articles != n)
            fuzz_fail("the reader's count is not the number of articles", NULL);
    }
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    return 0;
}
