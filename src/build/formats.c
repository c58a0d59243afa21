#include "imprint/format.h"
#include "imprint/writer.h"

#include <string.h>

/* One line a format, in the order a build writes them. */
const imprint_format imprint_formats[] = {
    {"tei", "xml", imprint_write_tei},
    {"epub", "epub", imprint_write_epub},
    {"pdf", "pdf", imprint_write_pdf},
    {NULL, NULL, NULL},
};

const imprint_format *imprint_format_find(const char *name)
{
    for (const imprint_format *f = imprint_formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}
