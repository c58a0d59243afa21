#include "write/epub/epub.h"
#include "write/fonts.h"

#include <string.h>

/* Code points every book keeps beyond its text: the ones generated pages and
 * back-links use, so a reader's own strings and digits never fall back. */
static const char *const always_kept = "0123456789 .,:;-\u00a0\u2191\u2026\u2013\u2014";

/* A CSS number: locale-independent, at most three decimals. */
static void num(GString *out, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf, sizeof buf, "%.3g", v);
    g_string_append(out, buf);
}

static void font_face(GString *out, const char *family, const char *file, const char *weight,
                      const char *style)
{
    g_string_append_printf(out,
                           "@font-face {\n  font-family: \"%s\";\n  font-weight: %s;\n"
                           "  font-style: %s;\n  src: url(\"../fonts/%s\");\n}\n",
                           family, weight, style, file);
}

/* Code: in the style's mono face when it has one (embedded only then), in
 * the reader's own monospaced font otherwise; long lines wrap rather than
 * run off a small screen. */
static void code_css(const imprint_style *s, bool mono, GString *out)
{
    if (mono)
        font_face(out, s->font_mono_family, s->font_mono, "normal", "normal");
    g_string_append(out, "pre.code {\n  font-family: ");
    if (mono)
        g_string_append_printf(out, "\"%s\", ", s->font_mono_family);
    g_string_append(out, "monospace;\n  font-size: ");
    num(out, s->quote_size / s->body_size);
    g_string_append(out, "em;\n  white-space: pre-wrap;\n  margin: 0.6em 0 0.6em 1em;\n}\n");
}

void imprint_epub_css(const imprint_style *s, GString *out)
{
    g_string_append(out,
                    "@charset \"UTF-8\";\n/* From the style's YAML: shared with the PDF. */\n");
    font_face(out, s->font_family, s->font_regular, "normal", "normal");
    font_face(out, s->font_family, s->font_italic, "normal", "italic");
    font_face(out, s->font_family, s->font_bold, "bold", "normal");
    font_face(out, s->font_family, s->font_bold_italic, "bold", "italic");
    g_string_append_printf(
        out, "body {\n  font-family: \"%s\", serif;\n  line-height: ", s->font_family);
    num(out, s->line_height);
    g_string_append(out, ";\n}\np {\n  margin: 0;\n  text-indent: 0;\n}\n"
                         "p + p {\n  text-indent: ");
    num(out, s->indent_em);
    g_string_append(out, "em;\n}\nh1 {\n  font-size: ");
    num(out, s->title_size / s->body_size);
    g_string_append(out, "em;\n}\n");
    for (int rank = 2; rank <= 6; rank++) {
        g_string_append_printf(out, "h%d {\n  font-size: ", rank);
        num(out, s->heading_size[rank - 2] / s->body_size);
        g_string_append(out, "em;\n}\n");
    }
    g_string_append(out, "blockquote {\n  font-size: ");
    num(out, s->quote_size / s->body_size);
    g_string_append(out, "em;\n  margin: 0.8em ");
    num(out, s->quote_indent_em);
    g_string_append(out, "em;\n}\n.footnotes {\n  font-size: ");
    num(out, s->note_size / s->body_size);
    g_string_append(out, "em;\n}\n");
}

static bool read_file(imprint_epub *e, const char *path, gchar **data, gsize *len)
{
    GError *err = NULL;
    if (g_file_get_contents(path, data, len, &err))
        return true;
    imprint_diags_report(e->diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0}, "%s",
                         err->message);
    g_error_free(err);
    e->failed = true;
    return false;
}

void imprint_epub_css_fonts(imprint_epub *e)
{
    const imprint_style *s = e->opts->style;
    hb_set_t *unicodes = imprint_epub_unicodes(e);
    for (const char *p = always_kept; *p; p = g_utf8_next_char(p))
        hb_set_add(unicodes, g_utf8_get_char(p));

    /* the mono face last, only when the book has code */
    bool mono = e->has_code && s->font_mono;
    const char *files[] = {s->font_regular, s->font_italic, s->font_bold, s->font_bold_italic,
                           s->font_mono};
    for (size_t i = 0; i < G_N_ELEMENTS(files) - !mono; i++) {
        char *path = imprint_style_font_path(e->opts->data_dir, files[i]);
        GBytes *font = imprint_font_subset(path, unicodes, e->diags);
        if (font && i == 0) {
            /* Readers would fall back to fonts of their own for these; the
             * editor should know, as the PDF build says too. */
            GArray *missing = imprint_font_missing(path, unicodes);
            imprint_fonts_warn_missing(
                e->diags, (imprint_pos){e->opts->edition_path, 0, 0}, s->font_family,
                "and e-readers will take them from fonts of their own", missing);
            if (missing)
                g_array_unref(missing);
        }
        g_free(path);
        if (!font) {
            e->failed = true;
            return;
        }
        char id[16];
        if (files[i] == s->font_mono)
            g_strlcpy(id, "font-mono", sizeof id);
        else
            g_snprintf(id, sizeof id, "font%zu", i + 1);
        char *href = g_strconcat("fonts/", files[i], NULL);
        imprint_epub_add_bytes(e, id, href, "font/otf", NULL, false, font);
        g_free(href);
    }

    /* The licence travels with the fonts (the OFL asks for it). */
    char *lpath = imprint_style_font_path(e->opts->data_dir, s->font_license);
    gchar *data = NULL;
    gsize len = 0;
    bool ok = read_file(e, lpath, &data, &len);
    g_free(lpath);
    if (!ok)
        return;
    char *lhref = g_strconcat("fonts/", s->font_license, NULL);
    imprint_epub_add_bytes(e, "font-license", lhref, "text/plain", NULL, false,
                           g_bytes_new_take(data, len));
    g_free(lhref);

    GString *css = g_string_new(NULL);
    imprint_epub_css(s, css);
    if (e->has_code)
        code_css(s, mono, css);
    if (s->css) {
        g_string_append(css, "/* From the style's CSS: EPUB only. */\n");
        g_string_append(css, s->css);
    }
    imprint_epub_add(e, "css", "css/style.css", "text/css", NULL, false, css);
}
