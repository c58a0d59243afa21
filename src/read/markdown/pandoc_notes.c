/* Notes as pandoc writes them from HTML: a marker link `[1](#fn1){#ref1}`
 * and its definition, a fenced div `::: {#fn1}` (in an ordered list of
 * endnotes, or with a backlink `[↩](#ref1)`) or a paragraph that opens with
 * the link back `[\[1\]](#ref1){#fn1}`. A marker is taken only with its
 * definition and a definition only with a marker; each pairing is reported. */
#include "read/markdown/pandoc_internal.h"

#include <string.h>

static pd_link *link_at(pd_state *st, guint i)
{
    return &g_array_index(st->links, pd_link, i);
}

static pd_def *def_at(pd_state *st, int i)
{
    return &g_array_index(st->defs, pd_def, i);
}

/* The links on lines first..last: [*lo, *hi) (links are in line order). */
static void links_between(pd_state *st, unsigned first, unsigned last, guint *lo, guint *hi)
{
    guint a = 0, b = st->links->len;
    while (a < b) {
        guint m = a + (b - a) / 2;
        if (link_at(st, m)->line < first)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (b < st->links->len && link_at(st, b)->line <= last)
        b++;
    *hi = MAX(a, b);
}

/* A link back from a note: an arrow, or a link to the marker's id. */
static bool is_backlink(const pd_link *l, const char *marker_id)
{
    static const char *const arrows[] = {
        "\u21a9", "\u21a9\ufe0e", "\u21a9\ufe0f", "\u2191", "\u2934", "^", "\\^", NULL};
    if (!l->target)
        return false;
    if (l->backlink || (marker_id && strcmp(l->target, marker_id) == 0))
        return true;
    for (const char *const *a = arrows; *a; a++)
        if (strcmp(l->text, *a) == 0)
            return true;
    return false;
}

/* Whether div `d` reads as the definition of marker `m`: an item of a list
 * of notes, named a note by its class, or holding a link back. */
static bool div_is_note(pd_state *st, const pd_div *d, const pd_link *m)
{
    if (d->item_width || d->note)
        return true;
    guint lo, hi;
    links_between(st, d->open, d->close == G_MAXUINT ? st->nlines : d->close, &lo, &hi);
    for (guint i = lo; i < hi; i++)
        if (is_backlink(link_at(st, i), m->id))
            return true;
    return false;
}

static bool marker_like(const pd_link *l)
{
    char *digits = NULL;
    bool number = pd_note_number(l->text, &digits);
    g_free(digits);
    return l->target && !l->para_start && (number || l->noteref);
}

/* The definition marker `m` points at, made if new; -1 if none. */
static int find_def(pd_state *st, const pd_link *m, GHashTable *divs, GHashTable *paras)
{
    int d = GPOINTER_TO_INT(g_hash_table_lookup(divs, m->target)) - 1;
    int p = GPOINTER_TO_INT(g_hash_table_lookup(paras, m->target)) - 1;
    if (d >= 0) {
        pd_div *div = &g_array_index(st->divs, pd_div, d);
        if (!div_is_note(st, div, m))
            return -1;
        if (div->def < 0) {
            pd_def def = {.div = d, .link = -1, .first = div->open, .id = div->id};
            def.last = div->close == G_MAXUINT ? st->nlines - 1 : div->close;
            div->def = (int)st->defs->len;
            g_array_append_val(st->defs, def);
        }
        return div->def;
    }
    if (p < 0)
        return -1;
    pd_link *back = link_at(st, (guint)p);
    /* the paragraph comes after its marker and, if both name ids, links to it */
    if (back->start <= m->start || (m->id && g_strcmp0(back->target, m->id) != 0))
        return -1;
    if (back->def < 0) {
        pd_def def = {.div = -1, .link = p, .first = back->line, .id = back->id};
        def.last = back->line;
        while (def.last + 1 < st->nlines && st->kind[def.last + 1] == PD_TEXT)
            def.last++;
        back->def = (int)st->defs->len;
        back->role = PD_LINK_DEF;
        g_array_append_val(st->defs, def);
    }
    return back->def;
}

static void sanitize(char *s)
{
    for (; *s; s++)
        if (!g_ascii_isalnum(*s) && !strchr("-_.:", *s))
            *s = '-';
}

/* The label a taken note is written with: its number when that is free,
 * else its id (made unique). `first` holds each note's first marker. */
static void label_defs(pd_state *st, GHashTable *used, const int *first)
{
    for (guint i = 0; i < st->defs->len; i++) {
        pd_def *def = def_at(st, (int)i);
        char *digits = NULL;
        pd_note_number(link_at(st, (guint)first[i])->text, &digits);
        char *label = digits ? digits : g_strdup(def->id ? def->id : "note");
        sanitize(label);
        for (unsigned n = 2; g_hash_table_contains(used, label); n++) {
            g_free(label);
            label = g_strdup_printf("%s-%u", def->id ? def->id : "note", n);
            sanitize(label);
        }
        g_hash_table_add(used, g_strdup(label));
        def->label = label;
    }
}

/* Backlinks of each taken note go; its lines are the note's. */
static void mark_regions(pd_state *st)
{
    GHashTable *marker_ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint m = 0; m < st->links->len; m++)
        if (link_at(st, m)->role == PD_LINK_MARKER && link_at(st, m)->id)
            g_hash_table_insert(marker_ids, link_at(st, m)->id,
                                GINT_TO_POINTER(link_at(st, m)->def + 1));
    for (guint i = 0; i < st->defs->len; i++) {
        pd_def *def = def_at(st, (int)i);
        for (unsigned l = def->first; l <= def->last; l++)
            st->def_of[l] = (int)i;
        guint lo, hi;
        links_between(st, def->first, def->last, &lo, &hi);
        for (guint k = lo; k < hi; k++) {
            pd_link *l = link_at(st, k);
            if (l->role != PD_LINK_PLAIN || !l->target)
                continue;
            int to = GPOINTER_TO_INT(g_hash_table_lookup(marker_ids, l->target)) - 1;
            if (to == (int)i || (to < 0 && is_backlink(l, NULL))) {
                l->role = PD_LINK_BACK;
                l->def = (int)i;
                def->backlinks++;
            }
        }
    }
    g_hash_table_destroy(marker_ids);
}

/* Definitions no marker points at, and markers with nothing to point at. */
static void report_unpaired(pd_state *st)
{
    for (guint i = 0; i < st->divs->len; i++) {
        pd_div *d = &g_array_index(st->divs, pd_div, i);
        pd_link none = {.id = NULL};
        if (d->def < 0 && d->id && (d->note || (d->item_width && div_is_note(st, d, &none))))
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING,
                                 pd_pos(st, pd_line_start(st, d->open)),
                                 "'#%s' looks like a note, but no note reference points at it; "
                                 "kept as text",
                                 d->id);
    }
    for (guint i = 0; i < st->links->len; i++) {
        pd_link *l = link_at(st, i);
        char *digits = NULL;
        bool number = l->target && pd_note_number(l->text, &digits);
        g_free(digits);
        /* (the position only for a report: its column costs the line's length) */
        if (l->para_start && number && l->id && l->role == PD_LINK_PLAIN)
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, pd_pos(st, l->start),
                                 "'[%s]' opens its paragraph like a note, but no note reference "
                                 "points at '#%s'; kept as text",
                                 l->text, l->id);
        else if (l->role == PD_LINK_PLAIN && marker_like(l) &&
                 (l->noteref || !g_hash_table_contains(st->ids, l->target)))
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, pd_pos(st, l->start),
                                 "'[%s](#%s)' looks like a note reference, but no note is "
                                 "defined there; kept as text",
                                 l->text, l->target);
    }
}

void pd_notes_pair(pd_state *st)
{
    GHashTable *divs = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *paras = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *used = st->used;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, st->labels);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_hash_table_add(used, g_strdup(key));
    for (guint i = st->divs->len; i-- > 0;) /* the first div of an id wins */
        if (g_array_index(st->divs, pd_div, i).id)
            g_hash_table_insert(divs, g_array_index(st->divs, pd_div, i).id,
                                GINT_TO_POINTER((int)i + 1));
    for (guint i = st->links->len; i-- > 0;)
        if (link_at(st, i)->para_start && link_at(st, i)->id && link_at(st, i)->target)
            g_hash_table_insert(paras, link_at(st, i)->id, GINT_TO_POINTER((int)i + 1));
    GArray *first = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < st->links->len; i++) {
        pd_link *m = link_at(st, i);
        if (m->role != PD_LINK_PLAIN || !marker_like(m))
            continue;
        int def = find_def(st, m, divs, paras);
        if (def < 0)
            continue;
        m->role = PD_LINK_MARKER;
        m->def = def;
        if (def_at(st, def)->refs++ == 0) {
            g_array_set_size(first, st->defs->len);
            g_array_index(first, int, def) = (int)i;
        }
    }
    label_defs(st, used, (const int *)(void *)first->data);
    g_array_free(first, TRUE);
    mark_regions(st);
    for (guint i = 0; i < st->links->len; i++) {
        pd_link *m = link_at(st, i);
        if (m->role != PD_LINK_MARKER)
            continue;
        const pd_def *def = def_at(st, m->def);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, pd_pos(st, m->start),
                             "pandoc note [%s](#%s) paired with its definition at line %u%s",
                             m->text, m->target, def->first + 1,
                             def->backlinks ? "; its link back removed" : "");
    }
    report_unpaired(st);
    g_hash_table_destroy(divs);
    g_hash_table_destroy(paras);
}

char *pd_inline_label(pd_state *st)
{
    /* (numbers the file's own notes have not taken: no two marks alike) */
    char *label = NULL;
    for (unsigned n = st->inline_notes->len + 1; !label || g_hash_table_contains(st->used, label);
         n++) {
        g_free(label);
        label = g_strdup_printf("%u", n);
    }
    g_hash_table_add(st->used, g_strdup(label));
    return label;
}

void pd_inline_notes_write(pd_state *st)
{
    for (guint i = 0; i < st->inline_notes->len; i++) {
        const pd_inline_note *n = &g_array_index(st->inline_notes, pd_inline_note, i);
        char *def = g_strdup_printf("\n\n[^%s]: ", n->label);
        md_map_lit(st->out, def, strlen(def), n->src);
        md_map_lit(st->out, n->text, strlen(n->text), n->src + 2);
        md_map_lit(st->out, "\n", 1, n->src);
        g_free(def);
    }
}
