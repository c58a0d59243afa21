/* Runs a writer as a build does: the edition resolved into the writers'
 * options first (imprint_build_resolve), with the styles and fonts of
 * imprint_data_dir() ($IMPRINT_DATA_DIR, which ctest sets to the source tree). */
#ifndef WRITER_FIXTURE_H
#define WRITER_FIXTURE_H

#include "imprint/build.h"
#include "imprint/writer.h"

static inline bool fx_write(imprint_format_writer write, imprint_doc *doc,
                            const imprint_edition *ed, const char *path, imprint_diags *diags)
{
    imprint_build_resolved *r = imprint_build_resolve(ed, doc, NULL, diags);
    if (!r)
        return false;
    bool ok = write(doc, imprint_build_resolved_opts(r), path, diags);
    imprint_build_resolved_free(r);
    return ok;
}

#endif
