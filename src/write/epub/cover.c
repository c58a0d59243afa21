#include "write/epub/epub.h"
#include "write/fonts.h"

#include <pango/pangocairo.h>
#include <string.h>
#include <zlib.h>

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
    pango_layout_set_text(layout, text, -1);
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

static cairo_status_t png_write(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

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
    put32(out, (guint32)crc32(0, out->data + start, len + 4));
}

/* The cover is drawn as coverage (an A8 surface, which cairo writes as an
 * 8-bit grey PNG): a quarter of the pixels of RGB, so a quarter of the time
 * to encode. Every pixel is a blend of the two cover colours by its
 * coverage, so the grey PNG becomes a palette PNG of that blend: the same
 * image data, the grey chunk header swapped for a palette. */
static GBytes *grey_to_palette(const GByteArray *png, const char *bg, const char *fg)
{
    static const guint8 sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (png->len < 8 || memcmp(png->data, sig, 8) != 0)
        return NULL;
    GByteArray *out = g_byte_array_sized_new(png->len + 1024);
    g_byte_array_append(out, sig, 8);
    double br, bgr, bb, fr, fgg, fb;
    rgb(bg, &br, &bgr, &bb);
    rgb(fg, &fr, &fgg, &fb);
    for (size_t pos = 8; pos + 12 <= png->len;) {
        const guint8 *p = png->data + pos;
        guint32 len = (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
        if (pos + 12 + (size_t)len > png->len)
            break;
        const guint8 *data = p + 8;
        if (memcmp(p + 4, "IHDR", 4) == 0 && len == 13 && data[8] == 8 && data[9] == 0) {
            guint8 ihdr[13];
            memcpy(ihdr, data, 13);
            ihdr[9] = 3; /* palette */
            chunk(out, "IHDR", ihdr, 13);
            guint8 plte[256 * 3];
            for (int i = 0; i < 256; i++) {
                double t = i / 255.0;
                plte[3 * i] = (guint8)(255 * (br + (fr - br) * t) + 0.5);
                plte[3 * i + 1] = (guint8)(255 * (bgr + (fgg - bgr) * t) + 0.5);
                plte[3 * i + 2] = (guint8)(255 * (bb + (fb - bb) * t) + 0.5);
            }
            chunk(out, "PLTE", plte, sizeof plte);
        } else if (memcmp(p + 4, "IHDR", 4) == 0) {
            g_byte_array_free(out, TRUE);
            return NULL;
        } else if (memcmp(p + 4, "bKGD", 4) != 0) {
            /* bKGD is dropped: as grey it has no meaning in a palette image. */
            g_byte_array_append(out, p, len + 12);
        }
        pos += 12 + (size_t)len;
    }
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
    GByteArray *buf = g_byte_array_new();
    if (cairo_status(cr) == CAIRO_STATUS_SUCCESS &&
        cairo_surface_write_to_png_stream(surface, png_write, buf) == CAIRO_STATUS_SUCCESS &&
        (png = grey_to_palette(buf, style->cover_background, style->cover_foreground))) {
        g_byte_array_free(buf, TRUE);
    } else {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){0},
                             "cannot draw the cover: %s", cairo_status_to_string(cairo_status(cr)));
        g_byte_array_free(buf, TRUE);
    }
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    g_object_unref(map);
    return png;
}
