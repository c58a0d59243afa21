#include "write/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

typedef struct {
    const char *name;
    double w_mm, h_mm;
} named_paper;

static const named_paper papers[] = {
    {"a4", 210, 297},
    {"a5", 148, 210},
    {"letter", 215.9, 279.4},
};

/* "WxHunit" with a positive decimal width and height. */
static bool parse_pair(const char *spec, const char *unit, double *w, double *h)
{
    char *end;
    *w = g_ascii_strtod(spec, &end);
    if (end == spec || (*end != 'x' && *end != 'X') || !(*w > 0))
        return false;
    const char *hs = end + 1;
    *h = g_ascii_strtod(hs, &end);
    if (end == hs || !(*h > 0))
        return false;
    return g_ascii_strcasecmp(end, unit) == 0;
}

bool imprint_pdf_paper_parse(const char *spec, double *width_pt, double *height_pt)
{
    if (!spec)
        return false;
    double w_mm = 0, h_mm = 0, w, h;
    bool found = false;
    for (size_t i = 0; i < G_N_ELEMENTS(papers); i++)
        if (g_ascii_strcasecmp(spec, papers[i].name) == 0) {
            w_mm = papers[i].w_mm;
            h_mm = papers[i].h_mm;
            found = true;
        }
    if (!found && parse_pair(spec, "in", &w, &h)) {
        w_mm = w * 25.4;
        h_mm = h * 25.4;
        found = true;
    }
    if (!found && parse_pair(spec, "mm", &w, &h)) {
        w_mm = w;
        h_mm = h;
        found = true;
    }
    if (!found || w_mm > IMPRINT_PDF_MAX_PAPER_MM || h_mm > IMPRINT_PDF_MAX_PAPER_MM)
        return false;
    *width_pt = w_mm * MM_TO_PT;
    *height_pt = h_mm * MM_TO_PT;
    return true;
}

bool pdf_geometry_make(const imprint_style *style, const imprint_edition *edition,
                       pdf_geometry *geo, imprint_diags *diags)
{
    imprint_pos pos = {edition->path, 0, 0};
    const char *paper = edition->paper ? edition->paper : "a5";
    memset(geo, 0, sizeof *geo);
    if (!imprint_pdf_paper_parse(paper, &geo->page_w, &geo->page_h)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "paper size '%s' not understood (use a4, a5, letter, 6x9in or "
                             "WIDTHxHEIGHTmm, at most %.0f mm a side)",
                             paper, IMPRINT_PDF_MAX_PAPER_MM);
        return false;
    }
    geo->top = style->margin_top_mm * MM_TO_PT;
    geo->bottom = style->margin_bottom_mm * MM_TO_PT;
    geo->inner = style->margin_inner_mm * MM_TO_PT;
    geo->outer = style->margin_outer_mm * MM_TO_PT;
    geo->two_sided = style->two_sided;
    geo->text_w = geo->page_w - geo->inner - geo->outer;
    geo->text_h = geo->page_h - geo->top - geo->bottom;
    /* The text block must hold an article title line and a measure of a few
     * words; anything less cannot be typeset at all. */
    double need_h = 3 * style->title_size * style->line_height;
    double need_w = 8 * style->body_size;
    if (geo->text_w < need_w || geo->text_h < need_h) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "page too small: paper '%s' with the margins of style '%s' leaves a "
                             "text block of %.1f x %.1f mm, and at least %.1f x %.1f mm is needed "
                             "for one line",
                             paper, style->name ? style->name : "?", geo->text_w / MM_TO_PT,
                             geo->text_h / MM_TO_PT, need_w / MM_TO_PT, need_h / MM_TO_PT);
        return false;
    }
    return true;
}

double pdf_page_left(const pdf_geometry *geo, int page_number)
{
    /* Odd pages are recto: the inner margin is on the left. */
    if (!geo->two_sided || page_number % 2 == 1)
        return geo->inner;
    return geo->outer;
}
