/* The body of a PDF export as page fragments: cut between the pages' "---"
 * rules, described for the reading-order search (how each opens and ends,
 * its note numbers, headings and words), put back in reading order
 * (order.c), and joined again where a page break cut a paragraph or a word. */
#include "read/pdfmd/pdfmd.h"

#include <math.h>
#include <string.h>

/* Shortest word that counts for the topic of a fragment (shorter words are
 * function words in every language seen). */
#define TOPIC_MIN_CHARS 5

/* --- fragments ------------------------------------------------------------ */

static pdfmd_frag *frag_new(pdfmd_pages *pg, int page, unsigned line)
{
    pdfmd_frag *f = g_new0(pdfmd_frag, 1);
    f->blocks = g_ptr_array_new();
    f->headings = g_array_new(FALSE, FALSE, sizeof(int));
    f->head_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f->tail_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f->page = page;
    f->line = line;
    g_ptr_array_add(pg->frags, f);
    return f;
}

static void frag_free(gpointer p)
{
    pdfmd_frag *f = p;
    g_ptr_array_free(f->blocks, TRUE);
    g_array_free(f->headings, TRUE);
    g_hash_table_destroy(f->head_words);
    g_hash_table_destroy(f->tail_words);
    g_free(f->first_word);
    g_free(f->last_word);
    g_free(f);
}

static void split_fragments(pdfmd_pages *pg, GPtrArray *body)
{
    int page = 0;
    bool notes_seen = false;
    pdfmd_frag *f = NULL;
    g_ptr_array_add(pg->page_notes, g_ptr_array_new());
    for (guint i = 0; i < body->len; i++) {
        pdfmd_block *b = g_ptr_array_index(body, i);
        if (b->kind == PDFMD_RULE || b->kind == PDFMD_NOTE_DEF || b->kind == PDFMD_NOTE_CONT) {
            if (b->kind != PDFMD_RULE)
                g_ptr_array_add(g_ptr_array_index(pg->page_notes, page), b);
            notes_seen = true;
            continue;
        }
        /* a paragraph opening in lower case goes on a sentence cut by a page
         * break, unless it follows a heading (headings keep with their text) */
        pdfmd_block *before = f ? g_ptr_array_index(f->blocks, f->blocks->len - 1) : NULL;
        bool new_page =
            f && (notes_seen || (b->kind == PDFMD_PARA && before->kind != PDFMD_HEADING &&
                                 imprint_pdfmd_start_of(b) == PDFMD_START_LOWER));
        if (new_page) {
            page++;
            g_ptr_array_add(pg->page_notes, g_ptr_array_new());
            notes_seen = false;
        }
        if (!f || new_page || b->kind == PDFMD_HEADING)
            f = frag_new(pg, page, b->line);
        if (f->page >= (int)pg->page_line->len) {
            unsigned line = b->line;
            g_array_append_val(pg->page_line, line);
        }
        g_ptr_array_add(f->blocks, b);
    }
}

/* Adds the content words of `s` to `set` (value: the word's weight from
 * `idf`, or 1 when `idf` is NULL). */
/* `len` bytes of ASCII letters lower-cased as g_utf8_strdown() does, or
 * NULL when it would consult the locale (a capital I: dotless in Turkish). */
static char *ascii_down(const char *s, size_t len)
{
    if (memchr(s, 'I', len))
        return NULL;
    return g_ascii_strdown(s, (gssize)len);
}

static void topic_words(GHashTable *set, const char *s, GHashTable *idf)
{
    for (const char *p = s; *p;) {
        /* ASCII, most of it, without a Unicode table lookup. */
        unsigned char b = (unsigned char)*p;
        if (b < 0x80 ? !g_ascii_isalpha(b) : !g_unichar_isalpha(g_utf8_get_char(p))) {
            p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
            continue;
        }
        const char *start = p;
        glong chars = 0;
        bool ascii = true;
        for (; *p; chars++) {
            b = (unsigned char)*p;
            if (b < 0x80) {
                if (!g_ascii_isalpha(b))
                    break;
                p++;
            } else {
                if (!g_unichar_isalpha(g_utf8_get_char(p)))
                    break;
                ascii = false;
                p = g_utf8_next_char(p);
            }
        }
        if (chars < TOPIC_MIN_CHARS)
            continue;
        char *w = ascii ? ascii_down(start, (size_t)(p - start)) : NULL;
        if (!w)
            w = g_utf8_strdown(start, p - start);
        gpointer weight = idf ? g_hash_table_lookup(idf, w) : GUINT_TO_POINTER(1);
        g_hash_table_replace(set, w, weight ? weight : GUINT_TO_POINTER(1));
    }
}

/* Word weights: 1000 x log(blocks / blocks holding the word). */
static GHashTable *word_weights(pdfmd_pages *pg)
{
    GHashTable *df = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint blocks = 0;
    for (guint i = 0; i < pg->frags->len; i++) {
        pdfmd_frag *f = g_ptr_array_index(pg->frags, i);
        for (guint j = 0; j < f->blocks->len; j++, blocks++) {
            GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            topic_words(set, ((pdfmd_block *)g_ptr_array_index(f->blocks, j))->text->str, NULL);
            GHashTableIter it;
            gpointer key;
            g_hash_table_iter_init(&it, set);
            while (g_hash_table_iter_next(&it, &key, NULL)) {
                guint n = GPOINTER_TO_UINT(g_hash_table_lookup(df, key));
                g_hash_table_replace(df, g_strdup(key), GUINT_TO_POINTER(n + 1));
            }
            g_hash_table_destroy(set);
        }
    }
    GHashTableIter it;
    gpointer key, val;
    g_hash_table_iter_init(&it, df);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        double idf = log((double)(blocks + 1) / GPOINTER_TO_UINT(val));
        g_hash_table_iter_replace(&it, GUINT_TO_POINTER((guint)(idf * 1000) + 1));
    }
    return df;
}

/* The note numbers that marks on each page refer to (one set a page). */
static GPtrArray *page_marks(pdfmd_pages *pg)
{
    GPtrArray *marks = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_destroy);
    for (guint p = 0; p < pg->page_notes->len; p++)
        g_ptr_array_add(marks, g_hash_table_new(NULL, NULL));
    GArray *tmp = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint k = 0; k < pg->frags->len; k++) {
        pdfmd_frag *o = g_ptr_array_index(pg->frags, k);
        g_array_set_size(tmp, 0);
        for (guint m = 0; m < o->blocks->len; m++)
            imprint_pdfmd_refs_in(((pdfmd_block *)g_ptr_array_index(o->blocks, m))->text->str, tmp);
        for (guint q = 0; q < tmp->len; q++)
            g_hash_table_add(g_ptr_array_index(marks, o->page),
                             GINT_TO_POINTER(g_array_index(tmp, int, q)));
    }
    g_array_free(tmp, TRUE);
    return marks;
}

/* The note numbers defined on each page. */
static GPtrArray *page_defs(pdfmd_pages *pg)
{
    GPtrArray *defs = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_destroy);
    for (guint p = 0; p < pg->page_notes->len; p++) {
        GHashTable *set = g_hash_table_new(NULL, NULL);
        GPtrArray *notes = g_ptr_array_index(pg->page_notes, p);
        for (guint k = 0; k < notes->len; k++) {
            pdfmd_block *d = g_ptr_array_index(notes, k);
            if (d->kind == PDFMD_NOTE_DEF)
                g_hash_table_add(set, GINT_TO_POINTER(d->number));
        }
        g_ptr_array_add(defs, set);
    }
    return defs;
}

static void describe_fragments(pdfmd_pages *pg)
{
    /* rank of each matched contents entry */
    int *rank = g_new0(int, pg->entries ? pg->entries->len + 1 : 1);
    int ranks = 0;
    for (guint e = 0; pg->entries && e < pg->entries->len; e++)
        rank[e] = g_array_index(pg->entries, pdfmd_entry, e).matched ? ranks++ : -1;

    GArray *refs = g_array_new(FALSE, FALSE, sizeof(int));
    GHashTable *idf = word_weights(pg);
    GPtrArray *marks = page_marks(pg), *defs = page_defs(pg);
    for (guint i = 0; i < pg->frags->len; i++) {
        pdfmd_frag *f = g_ptr_array_index(pg->frags, i);
        pdfmd_block *first = g_ptr_array_index(f->blocks, 0);
        pdfmd_block *last = g_ptr_array_index(f->blocks, f->blocks->len - 1);
        f->start = imprint_pdfmd_start_of(first);
        f->end = imprint_pdfmd_end_of(last);
        f->first_word = imprint_pdfmd_edge_word(first->text->str, first->text->len, false, true);
        f->emphasis_open =
            last->kind != PDFMD_HEADING && imprint_pdfmd_trailing(last->text, '*') > 0;
        f->emphasis_opens = first->kind == PDFMD_PARA && first->text->str[0] == '*';
        f->last_word = imprint_pdfmd_edge_word(last->text->str, last->text->len, true, true);
        g_array_set_size(refs, 0);
        for (guint j = 0; j < f->blocks->len; j++) {
            pdfmd_block *b = g_ptr_array_index(f->blocks, j);
            if (b->kind == PDFMD_HEADING) {
                int entry = b->contents_index >= 0 ? rank[b->contents_index] : -1;
                g_array_append_val(f->headings, entry);
            }
            imprint_pdfmd_refs_in(b->text->str, refs);
            if (b->kind == PDFMD_ITEM && b->number && !f->next_item && !f->headings->len)
                f->next_item = b->number;
        }
        topic_words(f->head_words, first->text->str, idf);
        topic_words(f->tail_words, last->text->str, idf);
        f->last_item = last->kind == PDFMD_ITEM ? last->number : 0;
        /* the page's definitions give the numbers: a mark without one is
         * noise here, a definition nobody refers to orders the page's last
         * fragment */
        GPtrArray *notes = g_ptr_array_index(pg->page_notes, f->page);
        GHashTable *here = g_ptr_array_index(defs, f->page);
        GHashTable *marked = g_ptr_array_index(marks, f->page);
        GArray *defined = g_array_new(FALSE, FALSE, sizeof(int));
        for (guint j = 0; j < refs->len; j++) {
            int n = g_array_index(refs, int, j);
            if (g_hash_table_contains(here, GINT_TO_POINTER(n)))
                g_array_append_val(defined, n);
        }
        bool last_of_page = i + 1 == pg->frags->len ||
                            ((pdfmd_frag *)g_ptr_array_index(pg->frags, i + 1))->page != f->page;
        for (guint j = 0; last_of_page && j < notes->len; j++) {
            pdfmd_block *d = g_ptr_array_index(notes, j);
            if (d->kind != PDFMD_NOTE_DEF ||
                g_hash_table_contains(marked, GINT_TO_POINTER(d->number)))
                continue;
            g_array_append_val(defined, d->number);
        }
        g_array_free(refs, TRUE);
        refs = defined;
        for (guint j = 0; j < refs->len; j++) {
            int n = g_array_index(refs, int, j);
            f->first_note = f->first_note ? MIN(f->first_note, n) : n;
            f->last_note = MAX(f->last_note, n);
        }
    }
    g_array_free(refs, TRUE);
    g_ptr_array_free(marks, TRUE);
    g_ptr_array_free(defs, TRUE);
    g_hash_table_destroy(idf);
    g_free(rank);
}

static void match_headings(pdfmd_pages *pg, GPtrArray *body)
{
    if (!pg->entries)
        return;
    for (guint i = 0; i < body->len; i++) {
        pdfmd_block *b = g_ptr_array_index(body, i);
        if (b->kind != PDFMD_HEADING)
            continue;
        char *key = imprint_pdfmd_title_key(b->text->str);
        for (guint e = 0; e < pg->entries->len; e++) {
            pdfmd_entry *en = &g_array_index(pg->entries, pdfmd_entry, e);
            if (!en->matched && strcmp(en->key, key) == 0) {
                en->matched = true;
                b->contents_index = (int)e;
                break;
            }
        }
        if (b->contents_index < 0) {
            char *plain = imprint_pdfmd_plain(b->text->str);
            imprint_diags_report(pg->diags, IMPRINT_SEV_NOTE,
                                 (imprint_pos){pg->path, b->line, b->col},
                                 "heading '%s' is not in the contents table", plain);
            g_free(plain);
        }
        g_free(key);
    }
    for (guint e = 0; e < pg->entries->len; e++) {
        pdfmd_entry *en = &g_array_index(pg->entries, pdfmd_entry, e);
        if (!en->matched)
            imprint_diags_report(
                pg->diags, IMPRINT_SEV_WARNING, (imprint_pos){pg->path, en->line, 1},
                "contents entry '%s' (page %d) has no heading in the text", en->text, en->page);
    }
}

/* The body's text, for the vocabulary: tables and rules hold no running text. */
static void body_text(GPtrArray *body, GString *out)
{
    for (guint i = 0; i < body->len; i++) {
        pdfmd_block *b = g_ptr_array_index(body, i);
        if (b->kind == PDFMD_RULE || b->kind == PDFMD_TABLE)
            continue;
        g_string_append(out, b->text->str);
        g_string_append_c(out, '\n');
    }
}

/* --- reading order ----------------------------------------------------- */

static char *hyphen_head(const pdfmd_frag *a)
{
    const pdfmd_block *b = g_ptr_array_index(a->blocks, a->blocks->len - 1);
    return imprint_pdfmd_edge_word(b->text->str, b->text->len, true, false);
}

static char *hyphen_tail(const pdfmd_frag *b)
{
    const pdfmd_block *first = g_ptr_array_index(b->blocks, 0);
    return imprint_pdfmd_edge_word(first->text->str, first->text->len, false, false);
}

/* The search's and the merging's verdict on a word broken across fragments
 * (`words`: the document's read_words). */
static read_join frag_joins(void *words, const pdfmd_frag *a, const pdfmd_frag *b)
{
    char *head = hyphen_head(a), *tail = hyphen_tail(b);
    read_join j = head && tail ? read_words_join(words, head, tail) : READ_KEEP_UNKNOWN;
    g_free(head);
    g_free(tail);
    return j;
}

/* A few words of a block's text for messages (g_free()). */
static char *excerpt(const pdfmd_block *b, bool tail)
{
    char *plain = imprint_pdfmd_plain(b->text->str);
    glong n = g_utf8_strlen(plain, -1);
    const glong keep = 40;
    char *out;
    if (n <= keep)
        out = g_strdup(plain);
    else if (tail)
        out = g_strconcat("…", g_utf8_offset_to_pointer(plain, n - keep), NULL);
    else {
        char *head = g_utf8_substring(plain, 0, keep);
        out = g_strconcat(head, "…", NULL);
        g_free(head);
    }
    g_free(plain);
    return out;
}

static void report_moves(pdfmd_pages *pg, const int *order, const pdfmd_why *why, int n, long steps)
{
    int moved = 0;
    for (int i = 0; i < n; i++) {
        int f = order[i], prev = i ? order[i - 1] : -1;
        if (prev == f - 1)
            continue;
        moved++;
        pdfmd_frag *fr = g_ptr_array_index(pg->frags, f);
        pdfmd_block *first = g_ptr_array_index(fr->blocks, 0);
        imprint_pos pos = {pg->path, first->line, first->col};
        char *head = excerpt(first, false);
        if (prev < 0) {
            imprint_diags_report(pg->diags, IMPRINT_SEV_NOTE, pos,
                                 "reading order: fragment '%s' placed first: it opens with the "
                                 "contents table's first heading",
                                 head);
            g_free(head);
            continue;
        }
        pdfmd_frag *pf = g_ptr_array_index(pg->frags, prev);
        pdfmd_block *plast = g_ptr_array_index(pf->blocks, pf->blocks->len - 1);
        char *tail = excerpt(plast, true);
        const char *reason;
        char *detail = NULL;
        switch (why[i]) {
        case PDFMD_WHY_HYPHEN:
            reason = "it completes the word broken there";
            break;
        case PDFMD_WHY_NOTES:
            if (fr->first_note == 1)
                detail = g_strdup_printf("its notes begin part %d at 1", fr->part);
            else if (fr->first_note == fr->last_note)
                detail = g_strdup_printf("its note %d follows note %d of part %d", fr->first_note,
                                         fr->first_note - 1, fr->part);
            else
                detail =
                    g_strdup_printf("its notes %d-%d follow note %d of part %d", fr->first_note,
                                    fr->last_note, fr->first_note - 1, fr->part);
            reason = detail;
            break;
        case PDFMD_WHY_HEADING:
            reason = "its heading is the next entry of the contents table";
            break;
        default:
            reason = pf->end == PDFMD_END_MID ? "the sentence there goes on in it"
                                              : "no other place fits it";
            break;
        }
        imprint_diags_report(
            pg->diags, IMPRINT_SEV_NOTE, pos,
            "reading order: fragment '%s' (line %u) moved after line %u ('%s'): %s", head,
            first->line, plast->line, tail, reason);
        g_free(detail);
        g_free(head);
        g_free(tail);
    }
    imprint_diags_report(pg->diags, IMPRINT_SEV_NOTE, (imprint_pos){pg->path, 1, 1},
                         "reading order: %d page fragments, %d moved, %d part%s (note numbers "
                         "restart in each part; %ld search steps)",
                         n, moved, pg->nparts, pg->nparts == 1 ? "" : "s", steps);
}

/* --- joining what the page breaks cut ------------------------------------ */

int imprint_pdfmd_page_of_line(const pdfmd_pages *pg, unsigned line)
{
    int lo = 0, hi = (int)pg->page_line->len - 1, page = 0;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (g_array_index(pg->page_line, unsigned, mid) <= line) {
            page = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return page;
}

/* Emphasis closed at the break and reopened after it is made one span; a
 * word broken by a hyphen is joined when it is a word. */
void imprint_pdfmd_merge_into(const pdfmd_pages *pg, pdfmd_block *dst, pdfmd_block *src)
{
    while (dst->text->len && dst->text->str[dst->text->len - 1] == ' ')
        g_string_truncate(dst->text, dst->text->len - 1);
    size_t k1 = imprint_pdfmd_trailing(dst->text, '*');
    size_t k2 = imprint_pdfmd_count_prefix(src->text->str, src->text->len, '*');
    size_t core = dst->text->len - k1;
    const char *rest = src->text->str;
    /* dst grows in place: a paragraph continued over many pages is built in
     * time linear in its length */
    char *stars = g_strndup(dst->text->str + core, k1);
    g_string_truncate(dst->text, core);
    GString *out = dst->text;
    imprint_pos pos = {pg->path, src->line, src->col};
    bool hyphen = core >= 2 && dst->text->str[core - 1] == '-' &&
                  g_unichar_isalpha(g_utf8_get_char(
                      g_utf8_find_prev_char(dst->text->str, dst->text->str + core - 1))) &&
                  g_unichar_isalpha(g_utf8_get_char(src->text->str + k2));
    if (hyphen) {
        char *head = imprint_pdfmd_edge_word(dst->text->str, dst->text->len, true, false);
        char *tail =
            imprint_pdfmd_edge_word(src->text->str + k2, src->text->len - k2, false, false);
        read_join j = read_words_join(pg->words, head, tail);
        bool join = j == READ_JOIN_VOCABULARY || j == READ_JOIN_DICTIONARY;
        if (join)
            g_string_truncate(out, out->len - 1);
        switch (j) {
        case READ_JOIN_VOCABULARY:
        case READ_JOIN_DICTIONARY:
            imprint_diags_report(pg->diags, IMPRINT_SEV_NOTE, pos,
                                 "joined the word broken across pages: '%s-' + '%s' = '%s%s' (%s)",
                                 head, tail, head, tail,
                                 j == READ_JOIN_VOCABULARY
                                     ? "the text uses the word elsewhere"
                                     : "the hyphenation patterns break it there");
            break;
        case READ_KEEP_COMPOUND:
            imprint_diags_report(pg->diags, IMPRINT_SEV_NOTE, pos,
                                 "kept the hyphen of '%s-%s' across pages: the text writes it so "
                                 "elsewhere",
                                 head, tail);
            break;
        case READ_KEEP_UNKNOWN:
            imprint_diags_report(pg->diags, IMPRINT_SEV_WARNING, pos,
                                 "word broken across pages kept as '%s-%s': '%s%s' is not a known "
                                 "word",
                                 head, tail, head, tail);
            break;
        }
        if (k1 && k2 == k1) {
            rest += k2; /* the emphasis goes on */
        } else if (k1) {
            size_t tl = strlen(tail);
            g_string_append_len(out, rest, (gssize)tl);
            g_string_append(out, stars);
            rest += tl;
        }
        g_free(head);
        g_free(tail);
    } else if (k1 && k1 == k2) {
        g_string_append_c(out, ' ');
        rest += k2;
    } else {
        g_string_append(out, stars);
        g_string_append_c(out, ' ');
    }
    size_t base = out->len, skip = (size_t)(rest - src->text->str);
    g_string_append(out, rest);
    for (guint i = 0; i < src->segs->len; i++) {
        pdfmd_seg seg = g_array_index(src->segs, pdfmd_seg, i);
        seg.offset = base + (seg.offset > skip ? seg.offset - skip : 0);
        g_array_append_val(dst->segs, seg);
    }
    g_free(stars);
}

static bool should_merge(const pdfmd_pages *pg, const pdfmd_frag *a, const pdfmd_frag *b)
{
    const pdfmd_block *last = g_ptr_array_index(a->blocks, a->blocks->len - 1);
    const pdfmd_block *first = g_ptr_array_index(b->blocks, 0);
    if ((last->kind != PDFMD_PARA && last->kind != PDFMD_ITEM) || first->kind != PDFMD_PARA)
        return false;
    switch (a->end) {
    case PDFMD_END_MID:
        return true;
    case PDFMD_END_HYPHEN:
        return b->start == PDFMD_START_LOWER || (b->start == PDFMD_START_CAPITAL &&
                                                 frag_joins(pg->words, a, b) == READ_KEEP_COMPOUND);
    case PDFMD_END_EITHER:
        return b->start == PDFMD_START_LOWER;
    default:
        return false;
    }
}

GPtrArray *imprint_pdfmd_pages_assemble(const pdfmd_pages *pg)
{
    GPtrArray *seq = g_ptr_array_new();
    const int *order = pg->order;
    for (int i = 0; i < (int)pg->frags->len; i++) {
        pdfmd_frag *f = g_ptr_array_index(pg->frags, order[i]);
        pdfmd_frag *prev = i ? g_ptr_array_index(pg->frags, order[i - 1]) : NULL;
        for (guint j = 0; j < f->blocks->len; j++) {
            pdfmd_block *b = g_ptr_array_index(f->blocks, j);
            b->part = f->part;
            if (j == 0 && prev && seq->len && should_merge(pg, prev, f))
                imprint_pdfmd_merge_into(pg, g_ptr_array_index(seq, seq->len - 1), b);
            else
                g_ptr_array_add(seq, b);
        }
    }
    return seq;
}

/* --- the stages ------------------------------------------------------------ */

void imprint_pdfmd_pages_read(pdfmd_pages *pg, GPtrArray *body, GArray *entries, const char *path,
                              imprint_diags *diags)
{
    *pg = (pdfmd_pages){.path = path, .diags = diags, .entries = entries};
    pg->frags = g_ptr_array_new_with_free_func(frag_free);
    pg->page_notes = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    pg->page_line = g_array_new(FALSE, FALSE, sizeof(unsigned));
    match_headings(pg, body);
    split_fragments(pg, body);
    GString *vocab = g_string_new(NULL);
    body_text(body, vocab);
    pg->words = read_words_new(vocab->str, "en");
    g_string_free(vocab, TRUE);
    describe_fragments(pg);
}

/* Runs the search into pg->order; false when it finds no order within its
 * limits (reported): every fragment is then in part 1. */
static bool search_order(pdfmd_pages *pg, long *steps)
{
    int n = (int)pg->frags->len;
    int entries = 0;
    for (guint e = 0; pg->entries && e < pg->entries->len; e++)
        entries += g_array_index(pg->entries, pdfmd_entry, e).matched;
    bool found = imprint_pdfmd_order((pdfmd_frag **)pg->frags->pdata, n, entries, pg->words,
                                     frag_joins, pg->words, pg->order, pg->why, steps);
    if (!found) {
        imprint_diags_report(pg->diags, IMPRINT_SEV_WARNING, (imprint_pos){pg->path, 1, 1},
                             "no reading order of the %d page fragments keeps the notes, the "
                             "contents table and the sentences in sequence (%ld steps tried); "
                             "the file's order is kept",
                             n, *steps);
        for (int i = 0; i < n; i++)
            ((pdfmd_frag *)g_ptr_array_index(pg->frags, i))->part = 1;
    }
    return found;
}

void imprint_pdfmd_pages_order(pdfmd_pages *pg, bool keep_source)
{
    int n = (int)pg->frags->len;
    pg->order = g_new0(int, n + 1);
    pg->why = g_new0(pdfmd_why, n + 1);
    long steps = 0;
    bool found = search_order(pg, &steps);
    pg->nparts = 1;
    for (int i = 0; i < n; i++)
        pg->nparts = MAX(pg->nparts, ((pdfmd_frag *)g_ptr_array_index(pg->frags, i))->part);
    if (!found || keep_source) {
        for (int i = 0; i < n; i++)
            pg->order[i] = i;
        if (found)
            imprint_diags_report(pg->diags, IMPRINT_SEV_NOTE, (imprint_pos){pg->path, 1, 1},
                                 "order: source - the file's order of the page fragments is kept");
    } else {
        report_moves(pg, pg->order, pg->why, n, steps);
    }
    pg->page_part = g_new0(int, pg->page_notes->len + 1);
    for (int i = 0; i < n; i++) {
        pdfmd_frag *f = g_ptr_array_index(pg->frags, i);
        pg->page_part[f->page] = f->part;
    }
}

void imprint_pdfmd_pages_clear(pdfmd_pages *pg)
{
    g_free(pg->order);
    g_free(pg->why);
    g_free(pg->page_part);
    read_words_free(pg->words);
    if (pg->frags)
        g_ptr_array_free(pg->frags, TRUE);
    if (pg->page_notes)
        g_ptr_array_free(pg->page_notes, TRUE);
    if (pg->page_line)
        g_array_free(pg->page_line, TRUE);
    memset(pg, 0, sizeof *pg);
}
