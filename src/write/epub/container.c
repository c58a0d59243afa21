/* The zip container of the book, in memory. Written here rather than with
 * libzip: the archive is one pass of local headers and data, then the
 * central directory, and libzip (with the libcrypto, bzip2 and lzma it
 * brings) cost a third of the dynamic loading of every build, EPUB or not
 * (6.7 M of 21 M instructions, callgrind). The bytes are those libzip
 * wrote (test epub-zip/same-as-libzip). */
#include "write/epub/epub.h"

#include <libdeflate.h>
#include <string.h>

/* Compression level of the deflated entries, for libdeflate. Chosen by
 * measurement on the bundled corpus (see bench/): level 6 takes a third of
 * the time of zlib's level 9, which this container used before, and its
 * files are smaller still; higher levels cost twice the time for under 1 %.
 * libdeflate's output depends only on its input, level and version, so two
 * builds give the same bytes. */
#define EPUB_DEFLATE_LEVEL 6

/* Zip fields as libzip wrote them: "made by" UNIX (3) with version 6.3 of
 * the format, each entry a regular file with mode 0666, and the version
 * needed to extract: 1.0 for a stored entry, 2.0 for a deflated one. */
#define ZIP_MADE_BY         ((3u << 8) | 63u)
#define ZIP_NEEDS_STORED    10u
#define ZIP_NEEDS_DEFLATED  20u
#define ZIP_EXTERNAL_ATTRS  (0100666u << 16)
#define ZIP_FLAG_UTF8       0x0800u /* general purpose bit 11: the name is UTF-8 */
#define ZIP_METHOD_STORED   0u
#define ZIP_METHOD_DEFLATED 8u
#define ZIP_END_RECORD      22u

/* Largest size or offset without Zip64 (which libzip would have switched
 * to): a book is far smaller, so past it the build fails instead. */
#define ZIP_MAX_32 G_MAXUINT32
/* Most entries without Zip64. */
#define ZIP_MAX_ENTRIES G_MAXUINT16

typedef struct {
    const char *name;
    guint16 flags, method, needs;
    guint32 crc, comp, size, offset;
} central;

static void put16(GByteArray *out, guint v)
{
    guint8 b[2] = {(guint8)v, (guint8)(v >> 8)};
    g_byte_array_append(out, b, 2);
}

static void put32(GByteArray *out, guint32 v)
{
    guint8 b[4] = {(guint8)v, (guint8)(v >> 8), (guint8)(v >> 16), (guint8)(v >> 24)};
    g_byte_array_append(out, b, 4);
}

/* MS-DOS date and time of a UTC time (zip entries have no time zone, so UTC
 * is used rather than local time: the same bytes anywhere). */
static void dos_time(gint64 t, guint16 *dtime, guint16 *ddate)
{
    GDateTime *dt = g_date_time_new_from_unix_utc(t);
    int y = dt ? g_date_time_get_year(dt) : 1980;
    if (!dt || y < 1980) {
        *dtime = 0;
        *ddate = (guint16)((0 << 9) | (1 << 5) | 1);
    } else {
        if (y > 2107)
            y = 2107;
        *dtime = (guint16)((g_date_time_get_hour(dt) << 11) | (g_date_time_get_minute(dt) << 5) |
                           (g_date_time_get_second(dt) / 2));
        *ddate = (guint16)(((y - 1980) << 9) | (g_date_time_get_month(dt) << 5) |
                           g_date_time_get_day_of_month(dt));
    }
    if (dt)
        g_date_time_unref(dt);
}

static bool is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return false;
    return true;
}

/* Appends one entry's local header and data: stored when `c` is NULL, else
 * deflated by `c`. False when it is too large for the archive. */
static bool add_entry(GByteArray *out, GArray *dir, const char *name, const void *data, size_t len,
                      struct libdeflate_compressor *c, guint16 dtime, guint16 ddate)
{
    size_t name_len = strlen(name);
    if (len > ZIP_MAX_32 || name_len > G_MAXUINT16 || out->len > ZIP_MAX_32 ||
        dir->len >= ZIP_MAX_ENTRIES)
        return false;
    central e = {
        .name = name,
        .flags = is_ascii(name) ? 0 : ZIP_FLAG_UTF8,
        .method = c ? ZIP_METHOD_DEFLATED : ZIP_METHOD_STORED,
        .needs = c ? ZIP_NEEDS_DEFLATED : ZIP_NEEDS_STORED,
        .crc = (guint32)libdeflate_crc32(0, data, len),
        .size = (guint32)len,
        .offset = out->len,
    };
    size_t header = out->len;
    put32(out, 0x04034b50);
    put16(out, e.needs);
    put16(out, e.flags);
    put16(out, e.method);
    put16(out, dtime);
    put16(out, ddate);
    put32(out, e.crc);
    put32(out, 0); /* compressed size: set below, once known */
    put32(out, e.size);
    put16(out, (guint)name_len);
    put16(out, 0); /* no extra field */
    g_byte_array_append(out, (const guint8 *)name, (guint)name_len);
    size_t comp = len;
    if (c) {
        size_t cap = libdeflate_deflate_compress_bound(c, len);
        size_t at = out->len;
        if (cap > ZIP_MAX_32 - at)
            return false;
        g_byte_array_set_size(out, (guint)(at + cap));
        comp = libdeflate_deflate_compress(c, data, len, out->data + at, cap);
        if (comp == 0)
            return false;
        g_byte_array_set_size(out, (guint)(at + comp));
    } else {
        g_byte_array_append(out, data, (guint)len);
    }
    e.comp = (guint32)comp;
    for (int i = 0; i < 4; i++)
        out->data[header + 18 + i] = (guint8)(e.comp >> (8 * i));
    g_array_append_val(dir, e);
    return true;
}

static void add_central(GByteArray *out, const central *e, guint16 dtime, guint16 ddate)
{
    size_t name_len = strlen(e->name);
    put32(out, 0x02014b50);
    put16(out, ZIP_MADE_BY);
    put16(out, e->needs);
    put16(out, e->flags);
    put16(out, e->method);
    put16(out, dtime);
    put16(out, ddate);
    put32(out, e->crc);
    put32(out, e->comp);
    put32(out, e->size);
    put16(out, (guint)name_len);
    put16(out, 0); /* extra field */
    put16(out, 0); /* comment */
    put16(out, 0); /* disk */
    put16(out, 0); /* internal attributes */
    put32(out, ZIP_EXTERNAL_ATTRS);
    put32(out, e->offset);
    g_byte_array_append(out, (const guint8 *)e->name, (guint)name_len);
}

GBytes *imprint_zip_build(const imprint_zip_entry *entries, size_t n, gint64 epoch,
                          const char **error)
{
    *error = NULL;
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(EPUB_DEFLATE_LEVEL);
    if (!c) {
        *error = "out of memory";
        return NULL;
    }
    guint16 dtime, ddate;
    dos_time(epoch, &dtime, &ddate);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += g_bytes_get_size(entries[i].data);
    /* Room for the data (deflated, it shrinks) and some headers, so that
     * the array seldom grows. */
    GByteArray *out = g_byte_array_sized_new((guint)MIN(total + 4096, (size_t)ZIP_MAX_32));
    GArray *dir = g_array_sized_new(FALSE, FALSE, sizeof(central), (guint)n);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        gsize len = 0;
        const void *data = g_bytes_get_data(entries[i].data, &len);
        ok = add_entry(out, dir, entries[i].name, data ? data : "", len,
                       entries[i].deflate ? c : NULL, dtime, ddate);
    }
    size_t dir_start = out->len;
    for (guint i = 0; ok && i < dir->len; i++)
        add_central(out, &g_array_index(dir, central, i), dtime, ddate);
    ok = ok && out->len <= ZIP_MAX_32 - ZIP_END_RECORD;
    if (ok) {
        size_t dir_len = out->len - dir_start;
        put32(out, 0x06054b50);
        put16(out, 0); /* this disk */
        put16(out, 0); /* the directory's disk */
        put16(out, dir->len);
        put16(out, dir->len);
        put32(out, (guint32)dir_len);
        put32(out, (guint32)dir_start);
        put16(out, 0); /* no comment */
    }
    libdeflate_free_compressor(c);
    g_array_unref(dir);
    if (!ok) {
        *error = "a file or the whole book is too large for a zip container (4 GiB, 65,535 files)";
        g_byte_array_unref(out);
        return NULL;
    }
    return g_byte_array_free_to_bytes(out);
}

static const char container_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n"
    "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "</rootfiles>\n"
    "</container>\n";

/* Packs the book: mimetype first and stored, then the container, the
 * package document and every file in order. */
GBytes *imprint_epub_container(imprint_epub *e, GBytes *opf, const char *path)
{
    size_t n = 3 + e->files->len;
    imprint_zip_entry *entries = g_new(imprint_zip_entry, n);
    char **names = g_new0(char *, n);
    entries[0] =
        (imprint_zip_entry){"mimetype", g_bytes_new_static("application/epub+zip", 20), false};
    entries[1] =
        (imprint_zip_entry){"META-INF/container.xml",
                            g_bytes_new_static(container_xml, sizeof container_xml - 1), true};
    entries[2] = (imprint_zip_entry){"OEBPS/content.opf", g_bytes_ref(opf), true};
    for (guint i = 0; i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        names[3 + i] = g_strconcat("OEBPS/", f->href, NULL);
        /* PNG and JPEG hardly shrink: stored, they open faster. */
        entries[3 + i] = (imprint_zip_entry){names[3 + i], g_bytes_ref(f->data),
                                             !g_str_has_prefix(f->media_type, "image/")};
    }
    const char *error = NULL;
    GBytes *result = imprint_zip_build(entries, n, e->opts->epoch, &error);
    if (!result)
        imprint_diags_report(e->diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "cannot build the EPUB container: %s", error);
    for (size_t i = 0; i < n; i++) {
        g_bytes_unref(entries[i].data);
        g_free(names[i]);
    }
    g_free(names);
    g_free(entries);
    return result;
}
