/* The EPUB's zip container (src/write/epub/container.c), written without
 * libzip: its bytes against those libzip writes for the same entries (the
 * way the container was built before), and its limits. */
#include <glib.h>
#include <libdeflate.h>
#include <string.h>
#include <zip.h>

#include "write/epub/epub.h"

/* The level container.c deflates at (EPUB_DEFLATE_LEVEL there). */
#define LEVEL 6

/* --- the reference: libzip, with data deflated beforehand by libdeflate --- */

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

static zip_source_t *deflated_source(zip_t *za, struct libdeflate_compressor *c, const void *p,
                                     size_t len)
{
    size_t cap = libdeflate_deflate_compress_bound(c, len);
    guint8 *out = g_malloc(cap ? cap : 1);
    size_t n = libdeflate_deflate_compress(c, p, len, out, cap);
    g_assert_cmpuint(n, >, 0);
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
    return zip_source_function(za, deflated_cb, d);
}

/* MS-DOS time of a UTC time, as container.c computes it. */
static void dos_time(gint64 t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    GDateTime *dt = g_date_time_new_from_unix_utc(t);
    int y = dt ? g_date_time_get_year(dt) : 1980;
    if (!dt || y < 1980) {
        *dtime = 0;
        *ddate = (zip_uint16_t)((1 << 5) | 1);
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

static GBytes *libzip_archive(const imprint_zip_entry *entries, size_t n, gint64 epoch)
{
    zip_error_t ze;
    zip_error_init(&ze);
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(LEVEL);
    zip_source_t *buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    g_assert_nonnull(buf);
    zip_source_keep(buf);
    zip_t *za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    g_assert_nonnull(za);
    zip_uint16_t dtime, ddate;
    dos_time(epoch, &dtime, &ddate);
    for (size_t i = 0; i < n; i++) {
        gsize len = 0;
        const void *p = g_bytes_get_data(entries[i].data, &len);
        zip_source_t *src = entries[i].deflate ? deflated_source(za, c, p ? p : "", len)
                                               : zip_source_buffer(za, p, len, 0);
        g_assert_nonnull(src);
        zip_int64_t idx = zip_file_add(za, entries[i].name, src, ZIP_FL_ENC_UTF_8);
        g_assert_cmpint(idx, >=, 0);
        if (!entries[i].deflate)
            g_assert_cmpint(zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0), ==,
                            0);
        g_assert_cmpint(zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0), ==, 0);
        g_assert_cmpint(zip_file_extra_field_delete(za, (zip_uint64_t)idx, ZIP_EXTRA_FIELD_ALL,
                                                    ZIP_FL_CENTRAL | ZIP_FL_LOCAL),
                        ==, 0);
    }
    g_assert_cmpint(zip_close(za), ==, 0);
    zip_stat_t st;
    g_assert_cmpint(zip_source_stat(buf, &st), ==, 0);
    g_assert_cmpint(zip_source_open(buf), ==, 0);
    guint8 *data = g_malloc(st.size ? st.size : 1);
    g_assert_cmpint(zip_source_read(buf, data, st.size), ==, (zip_int64_t)st.size);
    zip_source_close(buf);
    zip_source_free(buf);
    libdeflate_free_compressor(c);
    zip_error_fini(&ze);
    return g_bytes_new_take(data, st.size);
}

/* --- the tests --- */

static GBytes *random_bytes(guint32 seed, size_t n)
{
    GRand *r = g_rand_new_with_seed(seed);
    guint8 *p = g_malloc(n);
    for (size_t i = 0; i < n; i++)
        p[i] = (guint8)g_rand_int(r);
    g_rand_free(r);
    return g_bytes_new_take(p, n);
}

static void assert_same_as_libzip(const imprint_zip_entry *entries, size_t n, gint64 epoch)
{
    const char *error = NULL;
    GBytes *mine = imprint_zip_build(entries, n, epoch, &error);
    g_assert_null(error);
    g_assert_nonnull(mine);
    GBytes *theirs = libzip_archive(entries, n, epoch);
    gsize a = 0, b = 0;
    const void *pa = g_bytes_get_data(mine, &a), *pb = g_bytes_get_data(theirs, &b);
    g_assert_cmpmem(pa, a, pb, b);
    g_bytes_unref(mine);
    g_bytes_unref(theirs);
}

/* A book's kinds of entries (stored first, deflated text, a stored image,
 * incompressible data deflated, empty files both ways, a name outside
 * ASCII, a long name) at a time in range, before 1980 and past 2107. */
static void test_same_as_libzip(void)
{
    GString *text = g_string_new(NULL);
    for (int i = 0; i < 2000; i++)
        g_string_append_printf(text, "<p>Paragraph %d of the book, with some words.</p>\n", i);
    GBytes *mimetype = g_bytes_new_static("application/epub+zip", 20);
    GBytes *xhtml = g_bytes_new(text->str, text->len);
    GBytes *noise = random_bytes(3, 70000);
    GBytes *empty = g_bytes_new_static("", 0);
    char longname[300];
    memset(longname, 'n', sizeof longname - 1);
    memcpy(longname, "OEBPS/", 6);
    longname[sizeof longname - 1] = '\0';
    imprint_zip_entry entries[] = {
        {"mimetype", mimetype, false},
        {"OEBPS/a001.xhtml", xhtml, true},
        {"OEBPS/images/cover.png", noise, false},
        {"OEBPS/fonts/noise.otf", noise, true},
        {"OEBPS/empty-deflated.txt", empty, true},
        {"OEBPS/empty-stored.txt", empty, false},
        {"OEBPS/images/M\xc3\xbcller \xe2\x80\x93 Stra\xc3\x9f"
         "e.png",
         noise, false},
        {"OEBPS/r\xc3\xa9sum\xc3\xa9.xhtml", xhtml, true},
        {longname, xhtml, true},
    };
    assert_same_as_libzip(entries, G_N_ELEMENTS(entries), 1795219200);
    assert_same_as_libzip(entries, G_N_ELEMENTS(entries), 0);
    assert_same_as_libzip(entries, G_N_ELEMENTS(entries), G_GINT64_CONSTANT(4500000000));
    assert_same_as_libzip(entries, 1, 1795219200);
    g_bytes_unref(mimetype);
    g_bytes_unref(xhtml);
    g_bytes_unref(noise);
    g_bytes_unref(empty);
    g_string_free(text, TRUE);
}

/* At most 65,535 entries (no Zip64): one more is an error, not a broken
 * archive. */
static void test_max_entries(void)
{
    const size_t n = G_MAXUINT16 + 1;
    GBytes *one = g_bytes_new_static("x", 1);
    imprint_zip_entry *entries = g_new(imprint_zip_entry, n);
    char **names = g_new(char *, n);
    for (size_t i = 0; i < n; i++) {
        names[i] = g_strdup_printf("f%zu", i);
        entries[i] = (imprint_zip_entry){names[i], one, false};
    }
    const char *error = NULL;
    GBytes *full = imprint_zip_build(entries, n - 1, 0, &error);
    g_assert_nonnull(full);
    g_assert_null(error);
    /* The end record counts them all. */
    gsize len = 0;
    const guint8 *p = g_bytes_get_data(full, &len);
    g_assert_cmpuint(p[len - 22 + 10] | p[len - 22 + 11] << 8, ==, G_MAXUINT16);
    g_bytes_unref(full);
    GBytes *over = imprint_zip_build(entries, n, 0, &error);
    g_assert_null(over);
    g_assert_nonnull(error);
    g_assert_nonnull(strstr(error, "65,535"));
    for (size_t i = 0; i < n; i++)
        g_free(names[i]);
    g_free(names);
    g_free(entries);
    g_bytes_unref(one);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/epub-zip/same-as-libzip", test_same_as_libzip);
    g_test_add_func("/epub-zip/max-entries", test_max_entries);
    return g_test_run();
}
