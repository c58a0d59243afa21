#include "write/epub/epub.h"
#include "write/fonts.h"

#include <pango/pangocairo.h>
#include <string.h>
#include <libdeflate.h>

/* Side margin of the cover text, in pixels. */
#define COVER_MARGIN 160
/* Tallest the title may be (pixels): a longer title is set smaller. */
#define COVER_TITLE_MAX_HEIGHT 1100
/* Title size limits in pixels; the largest that fits is used, trying
 * sizes this many pixels apart. */
#define COVER_TITLE_MAX_PX  170
#define COVER_TITLE_MIN_PX  60
#define COVER_TITLE_STEP_PX 10

/* The frame: its inset from the edges and its weight, in pixels. */
#define COVER_FRAME_INSET 80
#define COVER_FRAME_WIDTH 6
/* Where the title's top stands. */
#define COVER_TITLE_TOP 640
/* The rule under the title: its gaps above and below, weight and half length. */
#define COVER_RULE_ABOVE 70
#define COVER_RULE_BELOW 90
#define COVER_RULE_WIDTH 4
#define COVER_RULE_HALF  200
/* Subtitle and editor sizes in pixels; the editor's line ends this far
 * above the bottom edge. */
#define COVER_SUBTITLE_PX   90
#define COVER_EDITOR_PX     80
#define COVER_EDITOR_BOTTOM 320

static void rgb(const char *hex, double *r, double *g, double *b)
{
    unsigned v = (unsigned)g_ascii_strtoull(hex && hex[0] == '#' ? hex + 1 : "000000", NULL, 16);
    *r = ((v >> 16) & 0xff) / 255.0;
    *g = ((v >> 8) & 0xff) / 255.0;
    *b = (v & 0xff) / 255.0;
}

static PangoLayout *text_layout(PangoContext *ctx, const char *family, const char *text, double px,
                                PangoStyle slant, PangoWeight weight)
{
    PangoLayout *layout = pango_layout_new(ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
    pango_font_description_set_style(fd, slant);
    pango_font_description_set_weight(fd, weight);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(layout, (IMPRINT_COVER_WIDTH - 2 * COVER_MARGIN) * PANGO_SCALE);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    imprint_fonts_set_layout(layout, text, -1, NULL);
    return layout;
}

/* Draws `layout` centred horizontally with its top at `y`; returns its height. */
static int draw(cairo_t *cr, PangoLayout *layout, int y)
{
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, COVER_MARGIN, y);
    pango_cairo_show_layout(cr, layout);
    return h;
}

/* zlib (RFC 1950) level of the cover's image data, for libdeflate: the cover
 * is mostly one flat colour; level 6 makes the corpus cover 30 KB instead of
 * 40 KB for twice the instructions of the whole cover (130 M against 69 M,
 * callgrind), a tenth of an EPUB build. */
#define COVER_DEFLATE_LEVEL 1

static void put32(GByteArray *out, guint32 v)
{
    guint8 b[4] = {(guint8)(v >> 24), (guint8)(v >> 16), (guint8)(v >> 8), (guint8)v};
    g_byte_array_append(out, b, 4);
}

static void chunk(GByteArray *out, const char *type, const guint8 *data, guint32 len)
{
    put32(out, len);
    size_t start = out->len;
    g_byte_array_append(out, (const guint8 *)type, 4);
    g_byte_array_append(out, data, len);
    put32(out, (guint32)libdeflate_crc32(0, out->data + start, len + 4));
}

/* The cover is drawn as coverage (an A8 surface: a quarter of the pixels of
 * RGB) and every pixel is a blend of the two cover colours by its coverage,
 * so it is written as a palette PNG of that blend: each row the filter byte
 * 0 and the coverage bytes, deflated once with libdeflate (no libpng, no
 * second pass over the image). NULL when out of memory. */
static GBytes *palette_png(cairo_surface_t *surface, const char *bg, const char *fg)
{
    static const guint8 sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const guint8 *pixels = cairo_image_surface_get_data(surface);
    size_t raw_len = (size_t)h * ((size_t)w + 1);
    guint8 *raw = g_malloc(raw_len);
    for (int y = 0; y < h; y++) {
        raw[(size_t)y * (w + 1)] = 0;
        memcpy(raw + (size_t)y * (w + 1) + 1, pixels + (size_t)y * stride, (size_t)w);
    }
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(COVER_DEFLATE_LEVEL);
    size_t cap = c ? libdeflate_zlib_compress_bound(c, raw_len) : 0;
    guint8 *z = c ? g_malloc(cap) : NULL;
    size_t zlen = c ? libdeflate_zlib_compress(c, raw, raw_len, z, cap) : 0;
    libdeflate_free_compressor(c);
    g_free(raw);
    if (zlen == 0 || zlen > G_MAXUINT32) {
        g_free(z);
        return NULL;
    }
    GByteArray *out = g_byte_array_sized_new((guint)zlen + 1024);
    g_byte_array_append(out, sig, 8);
    guint8 ihdr[13] = {0};
    for (int i = 0; i < 4; i++) {
        ihdr[i] = (guint8)((guint32)w >> (24 - 8 * i));
        ihdr[4 + i] = (guint8)((guint32)h >> (24 - 8 * i));
    }
    ihdr[8] = 8; /* bits per index */
    ihdr[9] = 3; /* palette */
    chunk(out, "IHDR", ihdr, sizeof ihdr);
    double br, bgr, bb, fr, fgg, fb;
    rgb(bg, &br, &bgr, &bb);
    rgb(fg, &fr, &fgg, &fb);
    guint8 plte[256 * 3];
    for (int i = 0; i < 256; i++) {
        double t = i / 255.0;
        plte[3 * i] = (guint8)(255 * (br + (fr - br) * t) + 0.5);
        plte[3 * i + 1] = (guint8)(255 * (bgr + (fgg - bgr) * t) + 0.5);
        plte[3 * i + 2] = (guint8)(255 * (bb + (fb - bb) * t) + 0.5);
    }
    chunk(out, "PLTE", plte, sizeof plte);
    chunk(out, "IDAT", z, (guint32)zlen);
    chunk(out, "IEND", NULL, 0);
    g_free(z);
    return g_byte_array_free_to_bytes(out);
}

GBytes *imprint_cover_render(const imprint_meta *meta, const imprint_style *style,
                             const char *data_dir, imprint_diags *diags)
{
    PangoFontMap *map = imprint_fonts_map_new(data_dir, style, diags);
    if (!map)
        return NULL;
    cairo_surface_t *surface =
        cairo_image_surface_create(CAIRO_FORMAT_A8, IMPRINT_COVER_WIDTH, IMPRINT_COVER_HEIGHT);
    cairo_t *cr = cairo_create(surface);
    PangoContext *ctx = pango_font_map_create_context(map);
    /* No hinting, grey antialiasing: the same pixels on every machine. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    /* The book's language, not the machine's locale: the same shaping anywhere. */
    pango_context_set_language(
        ctx, pango_language_from_string(meta->language && *meta->language ? meta->language : "en"));
    pango_cairo_update_context(cr, ctx);

    /* Coverage: 0 is the background colour, 1 the foreground. */
    cairo_set_source_rgba(cr, 0, 0, 0, 1);

    /* Frame and rules: a plain typographic cover. */
    cairo_set_line_width(cr, COVER_FRAME_WIDTH);
    cairo_rectangle(cr, COVER_FRAME_INSET, COVER_FRAME_INSET,
                    IMPRINT_COVER_WIDTH - 2 * COVER_FRAME_INSET,
                    IMPRINT_COVER_HEIGHT - 2 * COVER_FRAME_INSET);
    cairo_stroke(cr);

    const char *title = meta->title && *meta->title ? meta->title : "Untitled";
    double px = COVER_TITLE_MAX_PX;
    PangoLayout *tl = NULL;
    for (;;) {
        tl = text_layout(ctx, style->font_family, title, px, PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD);
        int w, h;
        pango_layout_get_pixel_size(tl, &w, &h);
        if (h <= COVER_TITLE_MAX_HEIGHT)
            break;
        if (px <= COVER_TITLE_MIN_PX) {
            /* Still too long at the smallest size: the cover shows what fits
             * and an ellipsis (the title page has it whole). */
            pango_layout_set_height(tl, COVER_TITLE_MAX_HEIGHT * PANGO_SCALE);
            pango_layout_set_ellipsize(tl, PANGO_ELLIPSIZE_END);
            break;
        }
        g_object_unref(tl);
        px -= COVER_TITLE_STEP_PX;
    }
    int y = COVER_TITLE_TOP;
    y += draw(cr, tl, y);
    g_object_unref(tl);

    y += COVER_RULE_ABOVE;
    cairo_set_line_width(cr, COVER_RULE_WIDTH);
    cairo_move_to(cr, IMPRINT_COVER_WIDTH / 2.0 - COVER_RULE_HALF, y);
    cairo_line_to(cr, IMPRINT_COVER_WIDTH / 2.0 + COVER_RULE_HALF, y);
    cairo_stroke(cr);
    y += COVER_RULE_BELOW;

    if (meta->subtitle && *meta->subtitle) {
        PangoLayout *sl = text_layout(ctx, style->font_family, meta->subtitle, COVER_SUBTITLE_PX,
                                      PANGO_STYLE_ITALIC, PANGO_WEIGHT_NORMAL);
        draw(cr, sl, y);
        g_object_unref(sl);
    }
    if (meta->editor && *meta->editor) {
        PangoLayout *el = text_layout(ctx, style->font_family, meta->editor, COVER_EDITOR_PX,
                                      PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL);
        int w, h;
        pango_layout_get_pixel_size(el, &w, &h);
        draw(cr, el, IMPRINT_COVER_HEIGHT - COVER_EDITOR_BOTTOM - h);
        g_object_unref(el);
    }

    GBytes *png = NULL;
    cairo_surface_flush(surface);
    if (cairo_status(cr) == CAIRO_STATUS_SUCCESS)
        png = palette_png(surface, style->cover_background, style->cover_foreground);
    if (!png)
        imprint_diags_report(
            diags, IMPRINT_SEV_ERROR, (imprint_pos){0}, "cannot draw the cover: %s",
            cairo_status(cr) != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(cairo_status(cr))
                                                     : "out of memory");
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    g_object_unref(map);
    return png;
}
