#include "imprint/format.h"
#include "write/epub/epub.h"
#include "imprint/pdf.h"

#include <string.h>

/* One line a format. A NULL writer makes `build -f NAME` fail with
 * "not built yet" rather than write anything. */
const imprint_format imprint_formats[] = {
    {"tei", "xml", imprint_format_write_tei},
    {"epub", "epub", imprint_format_write_epub},
    {"pdf", "pdf", imprint_format_write_pdf},
    {NULL, NULL, NULL},
};

const imprint_format *imprint_format_find(const char *name)
{
    for (const imprint_format *f = imprint_formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}
