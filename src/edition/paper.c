/* Paper sizes of the edition's `pdf.paper`. */
#include "imprint/edition.h"

#include <glib.h>

#define MM_TO_PT (72.0 / 25.4)

typedef struct {
    const char *name;
    double w_mm, h_mm;
} named_paper;

static const named_paper papers[] = {
    {"a3", 297, 420},
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

bool imprint_edition_paper_parse(const char *spec, double *width_pt, double *height_pt)
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
    if (!found || w_mm > IMPRINT_EDITION_MAX_PAPER_MM || h_mm > IMPRINT_EDITION_MAX_PAPER_MM)
        return false;
    *width_pt = w_mm * MM_TO_PT;
    *height_pt = h_mm * MM_TO_PT;
    return true;
}

bool imprint_edition_length_parse(const char *spec, double *pt)
{
    static const struct {
        const char *unit;
        double pt;
    } units[] = {{"mm", MM_TO_PT}, {"pt", 1.0}, {"in", 72.0}};
    if (!spec || !g_ascii_isdigit(*spec))
        return false;
    char *end;
    double v = g_ascii_strtod(spec, &end);
    if (end == spec || !(v >= 0))
        return false;
    for (size_t i = 0; i < G_N_ELEMENTS(units); i++)
        if (g_ascii_strcasecmp(end, units[i].unit) == 0) {
            *pt = v * units[i].pt;
            return true;
        }
    return false;
}
