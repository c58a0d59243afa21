/* The zip container of the book, in memory (libzip). */
#include "write/epub/epub.h"

#include <libdeflate.h>
#include <string.h>
#include <zip.h>

/* Compression level of the deflated entries, for libdeflate. Chosen by
 * measurement on the bundled corpus (see bench/): level 6 takes a third of
 * the time of zlib's level 9, which this container used before, and its
 * files are smaller still; higher levels cost twice the time for under 1 %.
 * libdeflate's output depends only on its input, level and version, so two
 * builds give the same bytes. */
#define EPUB_DEFLATE_LEVEL 6

/* An entry deflated beforehand, handed to libzip as compressed data (its
 * method, size and CRC in the stat, as zip_source_function(3) asks), so
 * that libzip copies it instead of compressing it again with zlib. */
typedef struct {
    guint8 *data;
    size_t len, pos;
    zip_stat_t st;
    zip_error_t error;
} deflated;

static zip_int64_t deflated_cb(void *user, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    deflated *d = user;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        d->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        size_t n = MIN((size_t)len, d->len - d->pos);
        memcpy(data, d->data + d->pos, n);
        d->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT:
        if (len < sizeof d->st) {
            zip_error_set(&d->error, ZIP_ER_INVAL, 0);
            return -1;
        }
        memcpy(data, &d->st, sizeof d->st);
        return sizeof d->st;
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&d->error, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&d->error);
        g_free(d->data);
        g_free(d);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        zip_error_set(&d->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

/* `len` bytes at `p` deflated (raw DEFLATE, as zip holds it) into a source;
 * NULL when that fails. */
static zip_source_t *deflated_source(zip_t *za, struct libdeflate_compressor *c, const void *p,
                                     size_t len)
{
    size_t cap = libdeflate_deflate_compress_bound(c, len);
    guint8 *out = g_malloc(cap ? cap : 1);
    size_t n = libdeflate_deflate_compress(c, p, len, out, cap);
    if (n == 0) {
        g_free(out);
        return NULL;
    }
    deflated *d = g_new0(deflated, 1);
    d->data = out;
    d->len = n;
    zip_error_init(&d->error);
    zip_stat_init(&d->st);
    d->st.valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
    d->st.size = len;
    d->st.comp_size = n;
    d->st.comp_method = ZIP_CM_DEFLATE;
    d->st.crc = (zip_uint32_t)libdeflate_crc32(0, p, len);
    zip_source_t *src = zip_source_function(za, deflated_cb, d);
    if (!src) {
        zip_error_fini(&d->error);
        g_free(d->data);
        g_free(d);
    }
    return src;
}

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

/* Adds `data` as `name`: stored when `c` is NULL, else deflated by `c`. */
static bool add_entry(zip_t *za, const char *name, GBytes *data, struct libdeflate_compressor *c,
                      gint64 epoch)
{
    gsize len = 0;
    const void *p = g_bytes_get_data(data, &len);
    zip_source_t *src = c ? deflated_source(za, c, p, len) : zip_source_buffer(za, p, len, 0);
    if (!src)
        return false;
    zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return false;
    }
    zip_uint16_t dtime, ddate;
    dos_time(epoch, &dtime, &ddate);
    /* A deflated source keeps the default method: libzip takes its data as it is. */
    return (c || zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0) == 0) &&
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
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(EPUB_DEFLATE_LEVEL);
    zip_source_t *buf = c ? zip_source_buffer_create(NULL, 0, 0, &ze) : NULL;
    if (!buf) {
        zip_error_set(&ze, ZIP_ER_MEMORY, 0);
        goto fail;
    }
    zip_source_keep(buf);
    za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    if (!za)
        goto fail;
    bool ok = add_entry(za, "mimetype", mimetype, NULL, e->opts->epoch) &&
              add_entry(za, "META-INF/container.xml", container, c, e->opts->epoch) &&
              add_entry(za, "OEBPS/content.opf", opf, c, e->opts->epoch);
    for (guint i = 0; ok && i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        char *name = g_strconcat("OEBPS/", f->href, NULL);
        /* PNG and JPEG hardly shrink: stored, they open faster. */
        bool store = g_str_has_prefix(f->media_type, "image/");
        ok = add_entry(za, name, f->data, store ? NULL : c, e->opts->epoch);
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
    libdeflate_free_compressor(c);
    zip_error_fini(&ze);
    g_bytes_unref(mimetype);
    g_bytes_unref(container);
    return result;
}
