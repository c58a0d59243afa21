/* An edition resolved once for every writer (DESIGN.md, "Pipeline"). */
#include "imprint/build.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "build/image.h"
#include "build/uuid.h"
#include "read/file.h"

struct imprint_build_resolved {
    imprint_output_opts opts;
    imprint_style *style; /* opts.style */
    guint8 *cover;        /* opts.cover.data */
    char *identifier;     /* opts.meta.identifier when it is the default */
};

bool imprint_build_epoch(const imprint_edition *edition, int64_t *epoch, imprint_diags *diags)
{
    const char *env = g_getenv("SOURCE_DATE_EPOCH");
    if (env) {
        guint64 v = 0;
        if (!g_ascii_string_to_unsigned(env, 10, 0, (guint64)IMPRINT_MAX_EPOCH, &v, NULL)) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){0},
                                 "SOURCE_DATE_EPOCH='%s' is not a number of seconds up to year "
                                 "9999",
                                 env);
            return false;
        }
        *epoch = (int64_t)v;
        return true;
    }
    *epoch = 0;
    if (edition && edition->date) {
        int y, m, d;
        if (sscanf(edition->date, "%d-%d-%d", &y, &m, &d) == 3) {
            GDateTime *t = g_date_time_new_utc(y, m, d, 0, 0, 0);
            if (t) {
                *epoch = g_date_time_to_unix(t);
                g_date_time_unref(t);
            }
        }
    }
    return true;
}

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* The default identifier: "urn:uuid:" and the UUID v5 of the edition's name
 * (DESIGN.md: the NAME of NAME.epub, so that a retitled edition keeps its
 * identity on readers' shelves). */
static char *default_identifier(const imprint_edition *e)
{
    char uuid[IMPRINT_UUID_STRLEN + 1];
    imprint_uuid_v5(imprint_uuid_ns_url, e->name ? e->name : "", uuid);
    return g_strconcat("urn:uuid:", uuid, NULL);
}

/* The document's metadata (the edition's, copied in by imprint_edition_read),
 * with every default applied, so that no writer invents one of its own. */
static void resolve_meta(const imprint_edition *e, const imprint_doc *doc,
                         imprint_build_resolved *r)
{
    imprint_meta *m = &r->opts.meta;
    const imprint_meta *d = &doc->meta;
    m->title = nonempty(d->title) ? d->title : nonempty(e->title) ? e->title : e->name;
    m->subtitle = nonempty(d->subtitle);
    m->editor = nonempty(d->editor);
    m->language = nonempty(d->language) ? d->language : nonempty(e->language) ? e->language : "en";
    m->identifier = nonempty(d->identifier) ? d->identifier : nonempty(e->identifier);
    if (!m->identifier)
        m->identifier = r->identifier = default_identifier(e);
    m->date = nonempty(d->date);
    m->publisher = nonempty(d->publisher);
    m->rights = nonempty(d->rights);
    m->description = nonempty(d->description);
}

/* The cover named by the edition, read and checked now, so that a bad cover
 * fails the edition before any output is written. */
static bool resolve_cover(const imprint_edition *e, imprint_build_resolved *r, imprint_diags *diags)
{
    if (!e->cover || strcmp(e->cover, "auto") == 0)
        return true;
    imprint_pos pos = {e->path, 0, 0};
    if (!e->allow_outside_files && g_file_test(e->cover, G_FILE_TEST_EXISTS) &&
        !imprint_file_inside(e->cover, e->dir)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "cover image %s is outside the edition's folder %s (write "
                             "'allow-outside-files: true' to use it)",
                             e->cover, e->dir);
        return false;
    }
    size_t len = 0;
    const char *type = NULL;
    char *error = NULL;
    switch (build_image_read(e->cover, &r->cover, &len, &type, &error)) {
    case BUILD_IMAGE_OK:
        r->opts.cover = (imprint_image){r->cover, len, type};
        return true;
    case BUILD_IMAGE_MISSING:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "cannot read cover image: %s is not a file", e->cover);
        break;
    case BUILD_IMAGE_UNREADABLE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cannot read cover image: %s", error);
        g_free(error);
        break;
    case BUILD_IMAGE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cover image %s is larger than %u MB",
                             e->cover, IMPRINT_BUILD_MAX_IMAGE_BYTES / (1024 * 1024));
        break;
    case BUILD_IMAGE_NOT_IMAGE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cover %s is not a PNG or JPEG image",
                             e->cover);
        break;
    }
    return false;
}

imprint_build_resolved *imprint_build_resolve(const imprint_edition *edition, imprint_doc *doc,
                                              const char *data_dir, imprint_diags *diags)
{
    imprint_build_resolved *r = g_new0(imprint_build_resolved, 1);
    imprint_output_opts *o = &r->opts;
    o->edition_path = edition->path;
    o->data_dir = data_dir ? data_dir : imprint_data_dir();
    o->paper_w = edition->paper_w;
    o->paper_h = edition->paper_h;
    o->notes = edition->notes;
    o->print = edition->print;
    resolve_meta(edition, doc, r);
    if (!imprint_build_epoch(edition, &o->epoch, diags))
        goto fail;
    r->style = imprint_style_load(o->data_dir, edition->style ? edition->style : "classic", diags);
    if (!r->style)
        goto fail;
    o->style = r->style;
    if (!resolve_cover(edition, r, diags))
        goto fail;
    imprint_build_figures(doc, edition, diags);
    return r;

fail:
    imprint_build_resolved_free(r);
    return NULL;
}

const imprint_output_opts *imprint_build_resolved_opts(const imprint_build_resolved *r)
{
    return &r->opts;
}

void imprint_build_resolved_free(imprint_build_resolved *r)
{
    if (!r)
        return;
    imprint_style_free(r->style);
    g_free(r->cover);
    g_free(r->identifier);
    g_free(r);
}
