#include "write/pdf/pdf_internal.h"

/* Space between the body and the first note line, the short rule in its
 * middle, in note leadings. */
#define NOTE_SEPARATOR 1.2

double pdf_note_separator(const pdf_ctx *ctx)
{
    return ctx->style->note_size * ctx->style->line_height * NOTE_SEPARATOR;
}

void pdf_foot_clear(pdf_foot *foot)
{
    if (foot->foot)
        g_ptr_array_unref(foot->foot);
    if (foot->carry)
        g_ptr_array_unref(foot->carry);
    foot->foot = foot->carry = NULL;
    foot->height = 0;
    foot->split = false;
}

/* Fills the foot of a page: first the lines `carried` over from the previous
 * page (at most `carry_max` of them by height), then every note in `notes`,
 * each with at least PDF_NOTE_MIN_LINES lines (or all of a shorter note) on
 * this page. A note that does not fit whole continues in out->carry, and no
 * note may start after it. Returns false when the notes cannot start here:
 * the page must end before the reference. */
bool pdf_foot_fill(const pdf_ctx *ctx, GPtrArray *carried, GPtrArray *notes, double avail,
                   double carry_max, pdf_foot *out)
{
    out->foot = g_ptr_array_new();
    out->carry = g_ptr_array_new();
    out->height = 0;
    out->split = false;
    bool any = (carried && carried->len) || (notes && notes->len);
    if (!any)
        return true;
    double sep = pdf_note_separator(ctx);
    double room = avail - sep;
    double used = 0;
    guint i = 0;
    if (carried) {
        double cap = MIN(room, carry_max);
        for (; i < carried->len; i++) {
            pdf_item *it = g_ptr_array_index(carried, i);
            if (used + it->height > cap)
                break;
            used += it->height;
            g_ptr_array_add(out->foot, it);
        }
        for (; i < carried->len; i++)
            g_ptr_array_add(out->carry, g_ptr_array_index(carried, i));
    }
    bool ok = true;
    for (guint n = 0; notes && n < notes->len; n++) {
        GPtrArray *lines = g_hash_table_lookup(ctx->note_flows, g_ptr_array_index(notes, n));
        if (!lines)
            continue;
        if (out->split) {
            ok = false; /* an earlier note continues: this one cannot start here */
            break;
        }
        guint need = MIN(lines->len, PDF_NOTE_MIN_LINES);
        double need_h = 0;
        for (guint k = 0; k < need; k++)
            need_h += ((pdf_item *)g_ptr_array_index(lines, k))->height;
        if (used + need_h > room) {
            ok = false;
            break;
        }
        guint k = 0;
        double h = used;
        while (k < lines->len && h + ((pdf_item *)g_ptr_array_index(lines, k))->height <= room)
            h += ((pdf_item *)g_ptr_array_index(lines, k++))->height;
        /* A continuation keeps PDF_NOTE_MIN_LINES too, when the head can spare them. */
        if (k < lines->len && lines->len - k < PDF_NOTE_MIN_LINES) {
            guint give = PDF_NOTE_MIN_LINES - (lines->len - k);
            if (k >= need + give)
                k -= give;
        }
        for (guint j = 0; j < k; j++) {
            pdf_item *it = g_ptr_array_index(lines, j);
            used += it->height;
            g_ptr_array_add(out->foot, it);
        }
        if (k < lines->len) {
            out->split = true;
            for (; k < lines->len; k++)
                g_ptr_array_add(out->carry, g_ptr_array_index(lines, k));
        }
    }
    out->height = out->foot->len ? used + sep : 0;
    return ok;
}

/* Whether `s` is a plain number ("12"), as opposed to a part-qualified id. */
static bool all_digits(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s))
            return false;
    return true;
}

const char *pdf_note_label(const pdf_ctx *ctx, const imprint_node *note)
{
    const char *label = g_hash_table_lookup(ctx->note_ids, note);
    if (!label) {
        /* The number as written, so that a reader can match the source;
         * part-qualified ids ("1-19") read badly in print: those notes
         * take their number within the article. */
        label = all_digits(note->as.note.label) ? g_strdup(note->as.note.label)
                                                : g_strdup_printf("%d", note->as.note.number);
        g_hash_table_insert(ctx->note_ids, (gpointer)note, (gpointer)label);
    }
    return label;
}
