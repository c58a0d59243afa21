/* The zip container of the book, in memory (libzip). */
#include "write/epub/epub.h"

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

/* MS-DOS date and time of a UTC time (zip entries have no time zone, so UTC
 * is used rather than libzip's local time: the same bytes anywhere). */
static void dos_time(gint64 t, zip_uint16_t *dtime, zip_uint16_t *ddate)
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

static bool add_entry(zip_t *za, const char *name, GBytes *data, bool store, gint64 epoch)
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
GBytes *imprint_epub_container(imprint_epub *e, GBytes *opf, const char *path)
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
    bool ok = add_entry(za, "mimetype", mimetype, true, e->opts->epoch) &&
              add_entry(za, "META-INF/container.xml", container, false, e->opts->epoch) &&
              add_entry(za, "OEBPS/content.opf", opf, false, e->opts->epoch);
    for (guint i = 0; ok && i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        char *name = g_strconcat("OEBPS/", f->href, NULL);
        /* PNG, JPEG and the subset fonts hardly shrink: stored, they open faster. */
        bool store = g_str_has_prefix(f->media_type, "image/");
        ok = add_entry(za, name, f->data, store, e->opts->epoch);
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
