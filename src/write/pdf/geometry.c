#include "write/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

bool pdf_geometry_make(const imprint_output_opts *opts, pdf_geometry *geo, imprint_diags *diags)
{
    const imprint_style *style = opts->style;
    imprint_pos pos = {opts->edition_path, 0, 0};
    memset(geo, 0, sizeof *geo);
    geo->page_w = opts->paper_w;
    geo->page_h = opts->paper_h;
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
                             "page too small: paper of %.1f x %.1f mm with the margins of style '%s' "
                             "leaves a text block of %.1f x %.1f mm, and at least %.1f x %.1f mm "
                             "is needed for one line",
                             geo->page_w / MM_TO_PT, geo->page_h / MM_TO_PT, style->name ? style->name : "?", geo->text_w / MM_TO_PT,
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
