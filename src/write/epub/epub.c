#include "write/epub/epub.h"
#include "imprint/build.h"
#include "edition/uuid.h"
#include "imprint/writer.h"

#include <errno.h>
#include <string.h>
#include <zip.h>

/* Compression level of the deflated entries: zlib's best, the same on every
 * build so that the bytes are too. */
#define EPUB_DEFLATE_LEVEL 9

static const char container_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n"
    "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "</rootfiles>\n"
    "</container>\n";

time_t imprint_epub_epoch(const imprint_edition *edition, imprint_diags *diags)
{
    const char *env = g_getenv("SOURCE_DATE_EPOCH");
    guint64 v = 0;
    /* 253402300799 is 9999-12-31T23:59:59Z, the last time dcterms:modified
     * can say. */
    if (env &&
        !g_ascii_string_to_unsigned(env, 10, 0, G_GUINT64_CONSTANT(253402300799), &v, NULL)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){0},
                             "SOURCE_DATE_EPOCH must be a number of seconds up to year 9999, "
                             "not '%s'",
                             env);
        return -1;
    }
    /* The same stamp as every other output of the build. */
    return (time_t)imprint_build_epoch(edition);
}

char *imprint_epub_identifier(const imprint_edition *edition)
{
    if (edition && edition->identifier && *edition->identifier)
        return g_strdup(edition->identifier);
    char uuid[IMPRINT_UUID_STRLEN + 1];
    imprint_uuid_v5(imprint_uuid_ns_url, edition && edition->name ? edition->name : "", uuid);
    return g_strconcat("urn:uuid:", uuid, NULL);
}

static void file_free(gpointer p)
{
    imprint_epub_file *f = p;
    g_free(f->id);
    g_free(f->href);
    g_free(f->media_type);
    g_free(f->properties);
    g_bytes_unref(f->data);
    g_free(f);
}

static void nav_free(gpointer p)
{
    imprint_epub_nav *n = p;
    g_free(n->label);
    g_free(n->href);
    g_free(n);
}

void imprint_epub_add_bytes(imprint_epub *e, const char *id, const char *href,
                            const char *media_type, const char *properties, bool spine,
                            GBytes *data)
{
    imprint_epub_file *f = g_new0(imprint_epub_file, 1);
    f->id = g_strdup(id);
    f->href = g_strdup(href);
    f->media_type = g_strdup(media_type);
    f->properties = g_strdup(properties);
    f->spine = spine;
    f->data = data;
    g_ptr_array_add(e->files, f);
}

void imprint_epub_add(imprint_epub *e, const char *id, const char *href, const char *media_type,
                      const char *properties, bool spine, GString *data)
{
    imprint_epub_add_bytes(e, id, href, media_type, properties, spine,
                           g_string_free_to_bytes(data));
}

/* MS-DOS date and time of a UTC time (zip entries have no time zone, so UTC
 * is used rather than libzip's local time: the same bytes anywhere). */
static void dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    GDateTime *dt = g_date_time_new_from_unix_utc(t);
    int y = dt ? g_date_time_get_year(dt) : 1980;
    if (!dt || y < 1980) {
        *dtime = 0;
        *ddate = (zip_uint16_t)((0 << 9) | (1 << 5) | 1);
    } else {
        if (y > 2107)
            y = 2107;
        *dtime =
            (zip_uint16_t)((g_date_time_get_hour(dt) << 11) | (g_date_time_get_minute(dt) << 5) |
                           (g_date_time_get_second(dt) / 2));
        *ddate = (zip_uint16_t)(((y - 1980) << 9) | (g_date_time_get_month(dt) << 5) |
                                g_date_time_get_day_of_month(dt));
    }
    if (dt)
        g_date_time_unref(dt);
}

static bool add_entry(zip_t *za, const char *name, GBytes *data, bool store, time_t epoch)
{
    gsize len = 0;
    const void *p = g_bytes_get_data(data, &len);
    zip_source_t *src = zip_source_buffer(za, p, len, 0);
    if (!src)
        return false;
    zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return false;
    }
    zip_uint16_t dtime, ddate;
    dos_time(epoch, &dtime, &ddate);
    return zip_set_file_compression(za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                    store ? 0 : EPUB_DEFLATE_LEVEL) == 0 &&
           zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) == 0 &&
           zip_file_extra_field_delete(za, (zip_uint64_t)idx, ZIP_EXTRA_FIELD_ALL,
                                       ZIP_FL_CENTRAL | ZIP_FL_LOCAL) == 0;
}

/* Packs the book into a zip in memory: mimetype first and stored, then the
 * container, the package document and every file in order. */
static GBytes *pack(imprint_epub *e, GBytes *opf, const char *path)
{
    zip_error_t ze;
    zip_error_init(&ze);
    GBytes *mimetype = g_bytes_new_static("application/epub+zip", 20);
    GBytes *container = g_bytes_new_static(container_xml, sizeof container_xml - 1);
    GBytes *result = NULL;
    zip_t *za = NULL;
    zip_source_t *buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!buf)
        goto fail;
    zip_source_keep(buf);
    za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    if (!za)
        goto fail;
    bool ok = add_entry(za, "mimetype", mimetype, true, e->epoch) &&
              add_entry(za, "META-INF/container.xml", container, false, e->epoch) &&
              add_entry(za, "OEBPS/content.opf", opf, false, e->epoch);
    for (guint i = 0; ok && i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        char *name = g_strconcat("OEBPS/", f->href, NULL);
        /* PNG, JPEG and the subset fonts hardly shrink: stored, they open faster. */
        bool store = g_str_has_prefix(f->media_type, "image/");
        ok = add_entry(za, name, f->data, store, e->epoch);
        g_free(name);
    }
    if (!ok) {
        zip_error_set(&ze, zip_error_code_zip(zip_get_error(za)), 0);
        zip_discard(za);
        za = NULL;
        goto fail;
    }
    if (zip_close(za) < 0) {
        zip_error_set(&ze, zip_error_code_zip(zip_get_error(za)), 0);
        zip_discard(za);
        za = NULL;
        goto fail;
    }
    za = NULL;
    zip_stat_t st;
    if (zip_source_stat(buf, &st) < 0 || zip_source_open(buf) < 0)
        goto fail;
    guint8 *data = g_malloc(st.size ? st.size : 1);
    zip_int64_t n = zip_source_read(buf, data, st.size);
    zip_source_close(buf);
    if (n < 0 || (zip_uint64_t)n != st.size) {
        g_free(data);
        goto fail;
    }
    result = g_bytes_new_take(data, st.size);
    goto done;

fail:
    imprint_diags_report(e->diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                         "cannot build the EPUB container: %s", zip_error_strerror(&ze));
done:
    if (buf)
        zip_source_free(buf);
    zip_error_fini(&ze);
    g_bytes_unref(mimetype);
    g_bytes_unref(container);
    return result;
}

bool imprint_format_write_epub(const imprint_doc *doc, const imprint_edition *edition,
                               const char *path, imprint_diags *diags)
{
    bool ok = false;
    const char *data_dir = imprint_data_dir();
    imprint_style *style = NULL;
    GString *opf = NULL;
    GBytes *opf_bytes = NULL, *zipped = NULL;
    imprint_epub e = {0};
    e.doc = doc;
    e.edition = edition;
    e.data_dir = data_dir;
    e.diags = diags;
    e.unicodes = hb_set_create();
    e.nav = g_ptr_array_new_with_free_func(nav_free);
    e.files = g_ptr_array_new_with_free_func(file_free);

    style =
        imprint_style_load(data_dir, edition && edition->style ? edition->style : "classic", diags);
    if (!style)
        goto cleanup;
    e.style = style;
    e.epoch = imprint_epub_epoch(edition, diags);
    if (e.epoch < 0)
        goto cleanup;
    e.lang = doc->meta.language && *doc->meta.language ? doc->meta.language
             : edition && edition->language            ? edition->language
                                                       : "en";
    e.identifier = doc->meta.identifier && *doc->meta.identifier ? g_strdup(doc->meta.identifier)
                                                                 : imprint_epub_identifier(edition);

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
    opf = imprint_epub_package(&e);
    opf_bytes = g_string_free_to_bytes(opf);
    opf = NULL;
    zipped = pack(&e, opf_bytes, path);
    if (!zipped)
        goto cleanup;
    /* Through a temporary file renamed into place, as every output. */
    gsize zlen = 0;
    const char *zdata = g_bytes_get_data(zipped, &zlen);
    ok = imprint_output_write(path, zdata, zlen, diags);

cleanup:
    if (zipped)
        g_bytes_unref(zipped);
    if (opf_bytes)
        g_bytes_unref(opf_bytes);
    if (opf)
        g_string_free(opf, TRUE);
    g_free(e.identifier);
    g_ptr_array_free(e.files, TRUE);
    g_ptr_array_free(e.nav, TRUE);
    hb_set_destroy(e.unicodes);
    imprint_style_free(style);
    return ok;
}
