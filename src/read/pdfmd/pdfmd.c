/* The `pdf-markdown` dialect: Markdown exported from a PDF booklet (corpus
 * 004). The export cuts the text into page fragments, puts each page's notes
 * under a "---" line, breaks words across pages, and writes the fragments
 * out of order. This reader splits the file into blocks and fragments, reads
 * the front matter and contents table (pdfmd_front.c), puts the fragments
 * back in reading order (pdfmd_order.c), joins what the page breaks cut
 * (pdfmd_hyphen.c), and builds one article whose parts are headings. */
#include "imprint/reader.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "read/markdown/md_inline.h"
#include "read/pdfmd/pdfmd.h"

/* Front matter lines are short; a longer paragraph is body text (used when
 * no contents table marks the end of the title pages). */
#define FRONT_MAX_BYTES 240

/* Blocks looked at for a contents table: it follows the title pages. */
#define CONTENTS_SCAN_BLOCKS 80

/* Shortest word that counts for the topic of a fragment (shorter words are
 * function words in every language seen). */
#define TOPIC_MIN_CHARS 5

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    const char *path;
    const imprint_read_opts *opts;
    GPtrArray *blocks;     /* pdfmd_block*, owned */
    GPtrArray *frags;      /* pdfmd_frag*, owned */
    GPtrArray *page_notes; /* per page: GPtrArray of note blocks */
    GArray *page_line;     /* unsigned: first line of each page */
    GArray *entries;       /* pdfmd_entry */
    pdfmd_words *words;
    imprint_node *article;
    GHashTable *note_by_page; /* "page:number" -> NOTE */
    GHashTable *note_by_part; /* "part:number" -> NOTE */
    int *page_part;
    int nparts;
    bool too_deep;
} reader;

/* --- fragments ------------------------------------------------------------ */

static pdfmd_frag *frag_new(reader *r, int page, unsigned line)
{
    pdfmd_frag *f = g_new0(pdfmd_frag, 1);
    f->blocks = g_ptr_array_new();
    f->headings = g_array_new(FALSE, FALSE, sizeof(int));
    f->head_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f->tail_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    f->page = page;
    f->line = line;
    g_ptr_array_add(r->frags, f);
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

static void split_fragments(reader *r, GPtrArray *body)
{
    int page = 0;
    bool notes_seen = false;
    pdfmd_frag *f = NULL;
    g_ptr_array_add(r->page_notes, g_ptr_array_new());
    for (guint i = 0; i < body->len; i++) {
        pdfmd_block *b = g_ptr_array_index(body, i);
        if (b->kind == PDFMD_RULE || b->kind == PDFMD_NOTE_DEF || b->kind == PDFMD_NOTE_CONT) {
            if (b->kind != PDFMD_RULE)
                g_ptr_array_add(g_ptr_array_index(r->page_notes, page), b);
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
            g_ptr_array_add(r->page_notes, g_ptr_array_new());
            notes_seen = false;
        }
        if (!f || new_page || b->kind == PDFMD_HEADING)
            f = frag_new(r, page, b->line);
        if (f->page >= (int)r->page_line->len) {
            unsigned line = b->line;
            g_array_append_val(r->page_line, line);
        }
        g_ptr_array_add(f->blocks, b);
    }
}

/* Adds the content words of `s` to `set` (value: the word's weight from
 * `idf`, or 1 when `idf` is NULL). */
static void topic_words(GHashTable *set, const char *s, GHashTable *idf)
{
    for (const char *p = s; *p;) {
        if (!g_unichar_isalpha(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char *start = p;
        glong chars = 0;
        while (*p && g_unichar_isalpha(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            chars++;
        }
        if (chars < TOPIC_MIN_CHARS)
            continue;
        char *w = g_utf8_strdown(start, p - start);
        gpointer weight = idf ? g_hash_table_lookup(idf, w) : GUINT_TO_POINTER(1);
        g_hash_table_replace(set, w, weight ? weight : GUINT_TO_POINTER(1));
    }
}

/* Word weights: 1000 x log(blocks / blocks holding the word). */
static GHashTable *word_weights(reader *r)
{
    GHashTable *df = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint blocks = 0;
    for (guint i = 0; i < r->frags->len; i++) {
        pdfmd_frag *f = g_ptr_array_index(r->frags, i);
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
static GPtrArray *page_marks(reader *r)
{
    GPtrArray *marks = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_destroy);
    for (guint p = 0; p < r->page_notes->len; p++)
        g_ptr_array_add(marks, g_hash_table_new(NULL, NULL));
    GArray *tmp = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint k = 0; k < r->frags->len; k++) {
        pdfmd_frag *o = g_ptr_array_index(r->frags, k);
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
static GPtrArray *page_defs(reader *r)
{
    GPtrArray *defs = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_destroy);
    for (guint p = 0; p < r->page_notes->len; p++) {
        GHashTable *set = g_hash_table_new(NULL, NULL);
        GPtrArray *notes = g_ptr_array_index(r->page_notes, p);
        for (guint k = 0; k < notes->len; k++) {
            pdfmd_block *d = g_ptr_array_index(notes, k);
            if (d->kind == PDFMD_NOTE_DEF)
                g_hash_table_add(set, GINT_TO_POINTER(d->number));
        }
        g_ptr_array_add(defs, set);
    }
    return defs;
}

static void describe_fragments(reader *r)
{
    /* rank of each matched contents entry */
    int *rank = g_new0(int, r->entries ? r->entries->len + 1 : 1);
    int ranks = 0;
    for (guint e = 0; r->entries && e < r->entries->len; e++)
        rank[e] = g_array_index(r->entries, pdfmd_entry, e).matched ? ranks++ : -1;

    GArray *refs = g_array_new(FALSE, FALSE, sizeof(int));
    GHashTable *idf = word_weights(r);
    GPtrArray *marks = page_marks(r), *defs = page_defs(r);
    for (guint i = 0; i < r->frags->len; i++) {
        pdfmd_frag *f = g_ptr_array_index(r->frags, i);
        pdfmd_block *first = g_ptr_array_index(f->blocks, 0);
        pdfmd_block *last = g_ptr_array_index(f->blocks, f->blocks->len - 1);
        f->start = imprint_pdfmd_start_of(first);
        f->end = imprint_pdfmd_end_of(last);
        f->first_word = imprint_pdfmd_edge_word(first->text->str, false, true);
        f->emphasis_open =
            last->kind != PDFMD_HEADING && imprint_pdfmd_trailing(last->text, '*') > 0;
        f->emphasis_opens = first->kind == PDFMD_PARA && first->text->str[0] == '*';
        f->last_word = imprint_pdfmd_edge_word(last->text->str, true, true);
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
        GPtrArray *notes = g_ptr_array_index(r->page_notes, f->page);
        GHashTable *here = g_ptr_array_index(defs, f->page);
        GHashTable *marked = g_ptr_array_index(marks, f->page);
        GArray *defined = g_array_new(FALSE, FALSE, sizeof(int));
        for (guint j = 0; j < refs->len; j++) {
            int n = g_array_index(refs, int, j);
            if (g_hash_table_contains(here, GINT_TO_POINTER(n)))
                g_array_append_val(defined, n);
        }
        bool last_of_page = i + 1 == r->frags->len ||
                            ((pdfmd_frag *)g_ptr_array_index(r->frags, i + 1))->page != f->page;
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

static void match_headings(reader *r, GPtrArray *body)
{
    if (!r->entries)
        return;
    for (guint i = 0; i < body->len; i++) {
        pdfmd_block *b = g_ptr_array_index(body, i);
        if (b->kind != PDFMD_HEADING)
            continue;
        char *key = imprint_pdfmd_title_key(b->text->str);
        for (guint e = 0; e < r->entries->len; e++) {
            pdfmd_entry *en = &g_array_index(r->entries, pdfmd_entry, e);
            if (!en->matched && strcmp(en->key, key) == 0) {
                en->matched = true;
                b->contents_index = (int)e;
                break;
            }
        }
        if (b->contents_index < 0) {
            char *plain = imprint_pdfmd_plain(b->text->str);
            imprint_diags_report(r->diags, IMPRINT_SEV_NOTE,
                                 (imprint_pos){r->path, b->line, b->col},
                                 "heading '%s' is not in the contents table", plain);
            g_free(plain);
        }
        g_free(key);
    }
    for (guint e = 0; e < r->entries->len; e++) {
        pdfmd_entry *en = &g_array_index(r->entries, pdfmd_entry, e);
        if (!en->matched)
            imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, (imprint_pos){r->path, en->line, 1},
                                 "contents entry '%s' (page %d) has no heading in the text",
                                 en->text, en->page);
    }
}

/* --- reading order ----------------------------------------------------- */

static char *hyphen_head(const pdfmd_frag *a)
{
    const pdfmd_block *b = g_ptr_array_index(a->blocks, a->blocks->len - 1);
    return imprint_pdfmd_edge_word(b->text->str, true, false);
}

static char *hyphen_tail(const pdfmd_frag *b)
{
    const pdfmd_block *first = g_ptr_array_index(b->blocks, 0);
    return imprint_pdfmd_edge_word(first->text->str, false, false);
}

static pdfmd_join frag_joins(void *ctx, const pdfmd_frag *a, const pdfmd_frag *b)
{
    reader *r = ctx;
    char *head = hyphen_head(a), *tail = hyphen_tail(b);
    pdfmd_join j = head && tail ? imprint_pdfmd_join(r->words, head, tail) : PDFMD_KEEP_UNKNOWN;
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

static void report_moves(reader *r, const int *order, const pdfmd_why *why, int n, long steps)
{
    int moved = 0;
    for (int i = 0; i < n; i++) {
        int f = order[i], prev = i ? order[i - 1] : -1;
        if (prev == f - 1)
            continue;
        moved++;
        pdfmd_frag *fr = g_ptr_array_index(r->frags, f);
        pdfmd_block *first = g_ptr_array_index(fr->blocks, 0);
        imprint_pos pos = {r->path, first->line, first->col};
        char *head = excerpt(first, false);
        if (prev < 0) {
            imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, pos,
                                 "reading order: fragment '%s' placed first: it opens with the "
                                 "contents table's first heading",
                                 head);
            g_free(head);
            continue;
        }
        pdfmd_frag *pf = g_ptr_array_index(r->frags, prev);
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
            r->diags, IMPRINT_SEV_NOTE, pos,
            "reading order: fragment '%s' (line %u) moved after line %u ('%s'): %s", head,
            first->line, plast->line, tail, reason);
        g_free(detail);
        g_free(head);
        g_free(tail);
    }
    imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, (imprint_pos){r->path, 1, 1},
                         "reading order: %d page fragments, %d moved, %d part%s (note numbers "
                         "restart in each part; %ld search steps)",
                         n, moved, r->nparts, r->nparts == 1 ? "" : "s", steps);
}

/* --- joining what the page breaks cut ------------------------------------ */

static int page_of_line(reader *r, unsigned line)
{
    int lo = 0, hi = (int)r->page_line->len - 1, page = 0;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (g_array_index(r->page_line, unsigned, mid) <= line) {
            page = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return page;
}

/* Appends `src`'s text to `dst`'s: the page break cut one paragraph in two.
 * Emphasis closed at the break and reopened after it is made one span; a
 * word broken by a hyphen is joined when it is a word. */
static void merge_into(reader *r, pdfmd_block *dst, pdfmd_block *src)
{
    while (dst->text->len && dst->text->str[dst->text->len - 1] == ' ')
        g_string_truncate(dst->text, dst->text->len - 1);
    size_t k1 = imprint_pdfmd_trailing(dst->text, '*');
    size_t k2 = imprint_pdfmd_count_prefix(src->text->str, src->text->len, '*');
    size_t core = dst->text->len - k1;
    const char *rest = src->text->str;
    GString *out = g_string_new_len(dst->text->str, (gssize)core);
    char *stars = g_strndup(dst->text->str + core, k1);
    imprint_pos pos = {r->path, src->line, src->col};
    bool hyphen = core >= 2 && dst->text->str[core - 1] == '-' &&
                  g_unichar_isalpha(g_utf8_get_char(
                      g_utf8_find_prev_char(dst->text->str, dst->text->str + core - 1))) &&
                  g_unichar_isalpha(g_utf8_get_char(src->text->str + k2));
    if (hyphen) {
        char *head = imprint_pdfmd_edge_word(dst->text->str, true, false);
        char *tail = imprint_pdfmd_edge_word(src->text->str + k2, false, false);
        pdfmd_join j = imprint_pdfmd_join(r->words, head, tail);
        bool join = j == PDFMD_JOIN_VOCABULARY || j == PDFMD_JOIN_DICTIONARY;
        if (join)
            g_string_truncate(out, out->len - 1);
        switch (j) {
        case PDFMD_JOIN_VOCABULARY:
        case PDFMD_JOIN_DICTIONARY:
            imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, pos,
                                 "joined the word broken across pages: '%s-' + '%s' = '%s%s' (%s)",
                                 head, tail, head, tail,
                                 j == PDFMD_JOIN_VOCABULARY
                                     ? "the text uses the word elsewhere"
                                     : "the hyphenation patterns break it there");
            break;
        case PDFMD_KEEP_COMPOUND:
            imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, pos,
                                 "kept the hyphen of '%s-%s' across pages: the text writes it so "
                                 "elsewhere",
                                 head, tail);
            break;
        case PDFMD_KEEP_UNKNOWN:
            imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, pos,
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
    g_string_assign(dst->text, out->str);
    g_string_free(out, TRUE);
    g_free(stars);
}

static bool should_merge(reader *r, const pdfmd_frag *a, const pdfmd_frag *b)
{
    const pdfmd_block *last = g_ptr_array_index(a->blocks, a->blocks->len - 1);
    const pdfmd_block *first = g_ptr_array_index(b->blocks, 0);
    if ((last->kind != PDFMD_PARA && last->kind != PDFMD_ITEM) || first->kind != PDFMD_PARA)
        return false;
    switch (a->end) {
    case PDFMD_END_MID:
        return true;
    case PDFMD_END_HYPHEN:
        return b->start == PDFMD_START_LOWER ||
               (b->start == PDFMD_START_CAPITAL && frag_joins(r, a, b) == PDFMD_KEEP_COMPOUND);
    case PDFMD_END_EITHER:
        return b->start == PDFMD_START_LOWER;
    default:
        return false;
    }
}

/* --- inlines ------------------------------------------------------------- */

typedef struct {
    const char *path;
    const pdfmd_block *b;
    size_t base;         /* offset in the block's text of the parsed text */
    GArray *line_starts; /* size_t offsets of the parsed text's lines */
    /* the last answer, to count columns on from it: nodes come in text order */
    const pdfmd_seg *last_seg;
    size_t last_off;
    unsigned last_col;
} posmap;

static imprint_pos map_pos(void *ctx, int line, int col)
{
    posmap *m = ctx;
    imprint_pos pos = {m->path, m->b->line, m->b->col};
    if (line < 1 || (guint)line > m->line_starts->len)
        return pos;
    size_t off =
        m->base + g_array_index(m->line_starts, size_t, line - 1) + (size_t)(col > 0 ? col - 1 : 0);
    off = MIN(off, m->b->text->len);
    const pdfmd_seg *best = NULL;
    for (guint i = 0; i < m->b->segs->len; i++) {
        const pdfmd_seg *s = &g_array_index(m->b->segs, pdfmd_seg, i);
        if (s->offset <= off)
            best = s;
    }
    if (!best)
        return pos;
    pos.line = best->line;
    if (m->last_seg == best && off >= m->last_off)
        pos.col = m->last_col + (unsigned)g_utf8_strlen(m->b->text->str + m->last_off,
                                                        (gssize)(off - m->last_off));
    else
        pos.col = best->col + (unsigned)g_utf8_strlen(m->b->text->str + best->offset,
                                                      (gssize)(off - best->offset));
    m->last_seg = best;
    m->last_off = off;
    m->last_col = pos.col;
    return pos;
}

/* Escapes what cmark would read as block syntax at the start of a line: the
 * block structure is this reader's, cmark only reads the inlines. */
static char *escape_blocks(const char *text)
{
    GString *out = g_string_new(NULL);
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        if (line_start) {
            size_t digits = strspn(p, "0123456789");
            if (strchr("#>+=|`~", *p) || ((*p == '-' || *p == '*') && p[1] == ' '))
                g_string_append_c(out, '\\');
            else if (digits && digits < 10 && (p[digits] == '.' || p[digits] == ')')) {
                g_string_append_len(out, p, (gssize)digits);
                g_string_append_c(out, '\\');
                p += digits;
            }
        }
        g_string_append_c(out, *p);
        line_start = *p == '\n';
    }
    return g_string_free(out, FALSE);
}

static void on_ref(void *ctx, imprint_node *ref, const char *digits)
{
    reader *r = ctx;
    int page = page_of_line(r, ref->pos.line);
    char *key = g_strdup_printf("%d:%s", page, digits);
    imprint_node *note = g_hash_table_lookup(r->note_by_page, key);
    g_free(key);
    if (!note) {
        key = g_strdup_printf("%d:%s", r->page_part[page], digits);
        note = g_hash_table_lookup(r->note_by_part, key);
        g_free(key);
    }
    if (note)
        imprint_note_add_ref(note, ref);
    else
        imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, ref->pos,
                             "note mark %s has no definition on its page or in its part; kept "
                             "unlinked",
                             digits);
}

static void parse_inlines(reader *r, const pdfmd_block *b, const char *text, imprint_node *out,
                          bool refs, int depth)
{
    char *esc = escape_blocks(text);
    /* `text` is the block's text or a piece of it */
    const char *in = strstr(b->text->str, text);
    posmap m = {r->path,
                b,
                in ? (size_t)(in - b->text->str) : 0,
                g_array_new(FALSE, FALSE, sizeof(size_t)),
                NULL,
                0,
                0};
    size_t zero = 0;
    g_array_append_val(m.line_starts, zero);
    for (const char *p = esc; *p; p++)
        if (*p == '\n') {
            size_t o = (size_t)(p - esc) + 1;
            g_array_append_val(m.line_starts, o);
        }
    cmark_parser *parser = imprint_md_parser_new(false);
    cmark_parser_feed(parser, esc, strlen(esc));
    cmark_node *root = cmark_parser_finish(parser);
    imprint_md_inline mi = {
        .doc = r->doc,
        .diags = r->diags,
        .map_pos = map_pos,
        .pos_ctx = &m,
        .sup_digits_are_refs = refs,
        .on_ref = refs ? on_ref : NULL,
        .ref_ctx = r,
        .depth = depth,
    };
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
        if (n != cmark_node_first_child(root))
            imprint_md_append_text(r->doc, out, out->pos, " ", 1);
        imprint_md_block_inlines(&mi, n, out);
    }
    r->too_deep |= mi.too_deep;
    cmark_node_free(root);
    cmark_parser_free(parser);
    g_array_free(m.line_starts, TRUE);
    g_free(esc);
}

static imprint_pos block_pos(reader *r, const pdfmd_block *b)
{
    return (imprint_pos){r->path, b->line, b->col};
}

static imprint_node *paragraph(reader *r, const pdfmd_block *b, const char *text,
                               imprint_node_kind kind, bool refs)
{
    imprint_node *p = imprint_node_new(r->doc, kind, block_pos(r, b));
    parse_inlines(r, b, text, p, refs, 3);
    return p;
}

/* --- quotes ------------------------------------------------------------ */

static bool opens_quote(const char *s)
{
    if (*s == '*')
        s++;
    return g_str_has_prefix(s, "\u201C") || *s == '"';
}

/* Whether `s` ends with a closing quotation mark (before emphasis and note
 * marks). */
static bool closes_quote(const char *s)
{
    size_t n = strlen(s);
    for (;;) {
        while (n && (s[n - 1] == '*' || s[n - 1] == ' '))
            n--;
        size_t cut = imprint_pdfmd_cut_note_mark(s, n);
        if (cut == n)
            break;
        n = cut;
    }
    return (n >= 3 && strncmp(s + n - 3, "\u201D", 3) == 0) || (n && s[n - 1] == '"');
}

/* `*"quote" – Author*` or `*"quote"* – Author`: the offset of the dash's
 * start and of the attribution, or false. */
static bool epigraph_split(const char *s, size_t *quote_end, size_t *cite_start)
{
    if (!opens_quote(s))
        return false;
    const char *best = NULL, *cite = NULL;
    static const char *const dashes[] = {" \u2013 ", " \u2014 "};
    for (size_t d = 0; d < G_N_ELEMENTS(dashes); d++) {
        for (const char *p = strstr(s, dashes[d]); p; p = strstr(p + 1, dashes[d])) {
            const char *q = p;
            while (q > s && q[-1] == '*')
                q--;
            bool closed =
                (q - s >= 3 && strncmp(q - 3, "\u201D", 3) == 0) || (q > s && q[-1] == '"');
            if (closed && (!best || p > best)) {
                best = p;
                cite = p + strlen(dashes[d]);
            }
        }
    }
    if (!best || !*cite)
        return false;
    *quote_end = (size_t)(best - s);
    *cite_start = (size_t)(cite - s);
    return true;
}

static bool attribution_line(const char *s)
{
    return g_str_has_prefix(s, "\u2013 ") || g_str_has_prefix(s, "\u2014 ");
}

static imprint_node *quote_block(reader *r, pdfmd_block *b, pdfmd_block *attrib)
{
    imprint_node *q = imprint_node_new(r->doc, IMPRINT_NODE_QUOTE, block_pos(r, b));
    size_t qe, cs;
    const char *s = b->text->str;
    if (!attrib && epigraph_split(s, &qe, &cs)) {
        GString *quote = g_string_new_len(s, (gssize)qe);
        GString *cite = g_string_new(s + cs);
        /* `*"…" – Author*`: the emphasis wraps both parts */
        if (s[0] == '*' && quote->str[quote->len - 1] != '*' &&
            imprint_pdfmd_trailing(cite, '*') == 1) {
            g_string_append_c(quote, '*');
            g_string_truncate(cite, cite->len - 1);
        }
        imprint_node_append(q, paragraph(r, b, quote->str, IMPRINT_NODE_PARAGRAPH, true));
        imprint_node *c = imprint_node_new(r->doc, IMPRINT_NODE_CITATION, block_pos(r, b));
        parse_inlines(r, b, cite->str, c, true, 3);
        imprint_node_append(q, c);
        g_string_free(quote, TRUE);
        g_string_free(cite, TRUE);
        return q;
    }
    imprint_node_append(q, paragraph(r, b, s, IMPRINT_NODE_PARAGRAPH, true));
    if (attrib) {
        const char *cite = attrib->text->str;
        cite += g_str_has_prefix(cite, "\u2013 ") || g_str_has_prefix(cite, "\u2014 ") ? 4 : 0;
        imprint_node_append(q, paragraph(r, attrib, cite, IMPRINT_NODE_CITATION, true));
    }
    return q;
}

/* --- the article ----------------------------------------------------------- */

/* Emphasis wrapping a whole heading is the export's typography, not the
 * author's: `### ***Stalinist Patriarchy***`. */
static char *heading_text(const pdfmd_block *b)
{
    const char *s = b->text->str;
    size_t k = imprint_pdfmd_count_prefix(s, b->text->len, '*');
    if (k && imprint_pdfmd_trailing(b->text, '*') == k && b->text->len > 2 * k)
        return g_strndup(s + k, b->text->len - 2 * k);
    return g_strdup(s);
}

static int heading_level(reader *r, const pdfmd_block *b, bool part_head, int base)
{
    if (b->contents_index < 0 || !r->entries)
        return CLAMP(b->level - base, 1, 6);
    bool italic = g_array_index(r->entries, pdfmd_entry, b->contents_index).italic;
    if (r->nparts > 1)
        return part_head ? 1 : italic ? 3 : 2;
    return italic ? 2 : 1;
}

static void build_body(reader *r, GPtrArray *seq)
{
    int base = 7;
    const pdfmd_block *ranked = NULL;
    for (guint i = 0; i < seq->len; i++) {
        pdfmd_block *b = g_ptr_array_index(seq, i);
        if (b->kind == PDFMD_HEADING)
            base = MIN(base, b->level);
        if (b->kind == PDFMD_HEADING && b->contents_index >= 0 && !ranked)
            ranked = b;
    }
    base -= 1;
    if (ranked)
        imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, block_pos(r, ranked),
                             "heading levels taken from the contents table (%s), not from the "
                             "export's '#' marks",
                             r->nparts > 1 ? "a part's first heading 1, its other entries 2, "
                                             "italic entries 3"
                                           : "entries 1, italic entries 2");
    int part_seen = 0;
    imprint_node *list = NULL;
    for (guint i = 0; i < seq->len; i++) {
        pdfmd_block *b = g_ptr_array_index(seq, i);
        pdfmd_block *next = i + 1 < seq->len ? g_ptr_array_index(seq, i + 1) : NULL;
        imprint_node *node = NULL;
        if (b->kind != PDFMD_ITEM)
            list = NULL;
        switch (b->kind) {
        case PDFMD_HEADING: {
            char *text = heading_text(b);
            node = paragraph(r, b, text, IMPRINT_NODE_HEADING, true);
            bool part_head = b->part > part_seen;
            part_seen = MAX(part_seen, b->part);
            node->as.heading.level = heading_level(r, b, part_head, base);
            g_free(text);
            break;
        }
        case PDFMD_ITEM: {
            bool ordered = b->number > 0;
            if (!list || (list->as.list.style == IMPRINT_LIST_DECIMAL) != ordered) {
                list = imprint_node_new(r->doc, IMPRINT_NODE_LIST, block_pos(r, b));
                list->as.list.style = ordered ? IMPRINT_LIST_DECIMAL : IMPRINT_LIST_BULLET;
                list->as.list.start = ordered ? b->number : 0;
                imprint_node_append(r->article, list);
            }
            imprint_node *item = imprint_node_new(r->doc, IMPRINT_NODE_ITEM, block_pos(r, b));
            imprint_node_append(item, paragraph(r, b, b->text->str, IMPRINT_NODE_PARAGRAPH, true));
            imprint_node_append(list, item);
            break;
        }
        case PDFMD_TABLE: {
            node = imprint_node_new(r->doc, IMPRINT_NODE_TABLE, block_pos(r, b));
            cmark_parser *parser = imprint_md_parser_new(false);
            cmark_parser_feed(parser, b->text->str, b->text->len);
            cmark_node *root = cmark_parser_finish(parser);
            cmark_node *t = cmark_node_first_child(root);
            if (t && strcmp(cmark_node_get_type_string(t), "table") == 0) {
                for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
                    imprint_node *rn = imprint_node_new(r->doc, IMPRINT_NODE_ROW, block_pos(r, b));
                    imprint_node_append(node, rn);
                    for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
                        imprint_node *cell =
                            imprint_node_new(r->doc, IMPRINT_NODE_CELL, block_pos(r, b));
                        imprint_md_inline mi = {.doc = r->doc, .diags = r->diags, .depth = 4};
                        imprint_md_inlines(&mi, c, cell);
                        imprint_node_append(rn, cell);
                    }
                }
            } else {
                imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, block_pos(r, b),
                                     "'|' lines that are not a table kept as a paragraph");
                node = paragraph(r, b, b->text->str, IMPRINT_NODE_PARAGRAPH, true);
            }
            cmark_node_free(root);
            cmark_parser_free(parser);
            break;
        }
        case PDFMD_PARA: {
            const char *s = b->text->str;
            size_t qe, cs;
            if (opens_quote(s) && closes_quote(s) && next && next->kind == PDFMD_PARA &&
                attribution_line(next->text->str)) {
                node = quote_block(r, b, next);
                i++;
            } else if (epigraph_split(s, &qe, &cs) ||
                       (s[0] == '*' && opens_quote(s) && closes_quote(s))) {
                node = quote_block(r, b, NULL);
            } else {
                node = paragraph(r, b, s, IMPRINT_NODE_PARAGRAPH, true);
            }
            break;
        }
        default:
            break;
        }
        if (node)
            imprint_node_append(r->article, node);
    }
}

/* Creates the notes of the pages in reading order; a note's run-on text on
 * the next page joins it. */
static void build_notes(reader *r, const int *order, int n, GPtrArray *orphans)
{
    bool *seen = g_new0(bool, r->page_notes->len);
    GPtrArray *made = g_ptr_array_new(); /* NOTE nodes, parallel to `blocks` */
    GPtrArray *blocks = g_ptr_array_new();
    pdfmd_block *last_def = NULL;
    imprint_node *last_note = NULL;
    for (int i = 0; i < n; i++) {
        pdfmd_frag *f = g_ptr_array_index(r->frags, order[i]);
        if (seen[f->page])
            continue;
        seen[f->page] = true;
        GPtrArray *notes = g_ptr_array_index(r->page_notes, f->page);
        for (guint j = 0; j < notes->len; j++) {
            pdfmd_block *d = g_ptr_array_index(notes, j);
            imprint_pos pos = block_pos(r, d);
            if (d->kind == PDFMD_NOTE_CONT) {
                if (last_def) {
                    imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, pos,
                                         "note %s runs on to the next page; joined",
                                         last_note->as.note.label);
                    merge_into(r, last_def, d);
                } else {
                    imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, pos,
                                         "text under a page's rule continues no note; kept as a "
                                         "paragraph at the end");
                    g_ptr_array_add(orphans, d);
                }
                continue;
            }
            int part = r->page_part[f->page];
            imprint_node *note = imprint_node_new(r->doc, IMPRINT_NODE_NOTE, pos);
            note->as.note.label =
                r->nparts > 1 ? imprint_arena_printf(r->doc->arena, "%d-%d", part, d->number)
                              : imprint_arena_printf(r->doc->arena, "%d", d->number);
            imprint_article_append_note(r->article, note);
            char *pkey = g_strdup_printf("%d:%d", f->page, d->number);
            char *tkey = g_strdup_printf("%d:%d", part, d->number);
            if (g_hash_table_contains(r->note_by_page, pkey)) {
                imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, pos,
                                     "note %d is defined twice on this page; both kept", d->number);
                g_free(pkey);
            } else {
                g_hash_table_insert(r->note_by_page, pkey, note);
            }
            if (!g_hash_table_contains(r->note_by_part, tkey))
                g_hash_table_insert(r->note_by_part, tkey, note);
            else
                g_free(tkey);
            g_ptr_array_add(made, note);
            g_ptr_array_add(blocks, d);
            last_def = d;
            last_note = note;
        }
    }
    for (guint i = 0; i < made->len; i++) {
        pdfmd_block *d = g_ptr_array_index(blocks, i);
        imprint_node_append(g_ptr_array_index(made, i),
                            paragraph(r, d, d->text->str, IMPRINT_NODE_PARAGRAPH, false));
    }
    g_ptr_array_free(made, TRUE);
    g_ptr_array_free(blocks, TRUE);
    g_free(seen);
}

/* The blocks of the fragments in `order`, with paragraphs cut by a page
 * break made whole again. */
static GPtrArray *assemble(reader *r, const int *order, int n)
{
    GPtrArray *seq = g_ptr_array_new();
    for (int i = 0; i < n; i++) {
        pdfmd_frag *f = g_ptr_array_index(r->frags, order[i]);
        pdfmd_frag *prev = i ? g_ptr_array_index(r->frags, order[i - 1]) : NULL;
        for (guint j = 0; j < f->blocks->len; j++) {
            pdfmd_block *b = g_ptr_array_index(f->blocks, j);
            b->part = f->part;
            if (j == 0 && prev && seq->len && should_merge(r, prev, f))
                merge_into(r, g_ptr_array_index(seq, seq->len - 1), b);
            else
                g_ptr_array_add(seq, b);
        }
    }
    return seq;
}

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

static void set_metadata(reader *r, pdfmd_front *front)
{
    imprint_node *a = r->article;
    imprint_arena *arena = r->doc->arena;
    a->as.article.title = imprint_arena_strdup(arena, front->title);
    a->as.article.subtitle = imprint_arena_strdup(arena, front->subtitle);
    a->as.article.date = imprint_arena_strdup(arena, front->date);
    a->as.article.source_url = imprint_arena_strdup(arena, front->source_url);
    a->as.article.source_file = imprint_arena_strdup(arena, r->path);
    a->as.article.source_line = front->title_line ? front->title_line : 1;
    if (front->author) {
        const char **authors = imprint_arena_alloc(arena, 2 * sizeof *authors);
        authors[0] = imprint_arena_strdup(arena, front->author);
        a->as.article.authors = authors;
    }
    if (front->taken->len) {
        GString *msg = g_string_new(NULL);
        for (guint i = 0; i < front->taken->len; i++)
            g_string_append_printf(msg, "%s%s", i ? ", " : "",
                                   (char *)g_ptr_array_index(front->taken, i));
        imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, (imprint_pos){r->path, 1, 1},
                             "front matter taken as the article's metadata: %s; %u other "
                             "line%s kept at the end of the article",
                             msg->str, front->kept->len, front->kept->len == 1 ? "" : "s");
        g_string_free(msg, TRUE);
    }
}

static void check_notes(reader *r)
{
    for (imprint_node *n = r->article->as.article.first_note; n; n = n->as.note.next_note)
        if (!n->as.note.first_ref)
            imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, n->pos,
                                 "note %s is defined but never referenced; kept", n->as.note.label);
}

/* A line of a title page: short, and not a sentence (names, subtitles,
 * dates and "Retrieved on…" lines). */
static bool front_line(const pdfmd_block *b)
{
    if (b->text->len > FRONT_MAX_BYTES)
        return false;
    if (g_str_has_prefix(b->text->str, "Retrieved"))
        return true;
    return imprint_pdfmd_end_of(b) != PDFMD_END_COMPLETE;
}

int imprint_read_pdfmd(imprint_doc *doc, const char *path, const char *data, size_t len,
                       const imprint_read_opts *opts, imprint_diags *diags)
{
    if (opts && opts->split) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "split applies to the text dialect only; a pdf-markdown file is one "
                             "article (remove 'split:' or read the file with 'dialect: text')");
        return -1;
    }
    reader r = {.doc = doc, .diags = diags, .path = path, .opts = opts};
    r.blocks = g_ptr_array_new_with_free_func(imprint_pdfmd_block_free);
    r.frags = g_ptr_array_new_with_free_func(frag_free);
    r.page_notes = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    r.page_line = g_array_new(FALSE, FALSE, sizeof(unsigned));
    r.note_by_page = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    r.note_by_part = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *front_blocks = g_ptr_array_new(), *body = g_ptr_array_new();
    GPtrArray *orphans = g_ptr_array_new();
    GPtrArray *seq = NULL;
    pdfmd_front front = {0};
    int *order = NULL;
    pdfmd_why *why = NULL;
    int result = -1;

    imprint_pdfmd_parse_blocks(r.blocks, data, len);

    /* front matter, then the contents table, then the body */
    guint body_start = 0;
    for (guint i = 0; i + 1 < r.blocks->len && i < CONTENTS_SCAN_BLOCKS; i++) {
        pdfmd_block *b = g_ptr_array_index(r.blocks, i), *t = g_ptr_array_index(r.blocks, i + 1);
        if (imprint_pdfmd_is_contents_heading(b) && t->kind == PDFMD_TABLE) {
            r.entries = imprint_pdfmd_contents(t);
            for (guint j = 0; j < i; j++)
                g_ptr_array_add(front_blocks, g_ptr_array_index(r.blocks, j));
            body_start = i + 2;
            unsigned last = t->line + (unsigned)t->segs->len - 1;
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, block_pos(&r, b),
                                 "contents table (lines %u-%u, %u entries) recognised and dropped; "
                                 "it orders and ranks the headings",
                                 b->line, last, r.entries->len);
            break;
        }
    }
    if (!r.entries) {
        bool titled = false;
        for (guint i = 0; i < r.blocks->len; i++) {
            pdfmd_block *b = g_ptr_array_index(r.blocks, i);
            bool front_like = (b->kind == PDFMD_HEADING && b->level == 1 && !titled) ||
                              (titled && b->kind == PDFMD_PARA && front_line(b));
            if (!front_like)
                break;
            titled |= b->kind == PDFMD_HEADING;
            body_start = i + 1;
        }
        if (!titled)
            body_start = 0;
        for (guint j = 0; j < body_start; j++)
            g_ptr_array_add(front_blocks, g_ptr_array_index(r.blocks, j));
    }
    for (guint i = body_start; i < r.blocks->len; i++)
        g_ptr_array_add(body, g_ptr_array_index(r.blocks, i));
    imprint_pdfmd_front_read(front_blocks, &front);

    match_headings(&r, body);
    split_fragments(&r, body);
    GString *vocab = g_string_new(NULL);
    body_text(body, vocab);
    r.words = imprint_pdfmd_words_new(vocab->str, "en");
    g_string_free(vocab, TRUE);
    describe_fragments(&r);

    int n = (int)r.frags->len;
    order = g_new0(int, n + 1);
    why = g_new0(pdfmd_why, n + 1);
    long steps = 0;
    int entries = 0;
    for (guint e = 0; r.entries && e < r.entries->len; e++)
        entries += g_array_index(r.entries, pdfmd_entry, e).matched;
    bool found = imprint_pdfmd_order((pdfmd_frag **)r.frags->pdata, n, entries, r.words, frag_joins,
                                     &r, order, why, &steps);
    if (!found) {
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, (imprint_pos){path, 1, 1},
                             "no reading order of the %d page fragments keeps the notes, the "
                             "contents table and the sentences in sequence (%ld steps tried); "
                             "the file's order is kept",
                             n, steps);
        for (int i = 0; i < n; i++)
            ((pdfmd_frag *)g_ptr_array_index(r.frags, i))->part = 1;
    }
    r.nparts = 1;
    for (int i = 0; i < n; i++)
        r.nparts = MAX(r.nparts, ((pdfmd_frag *)g_ptr_array_index(r.frags, i))->part);
    if (!found || (opts && opts->order_source)) {
        for (int i = 0; i < n; i++)
            order[i] = i;
        if (found)
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, (imprint_pos){path, 1, 1},
                                 "order: source - the file's order of the page fragments is kept");
    } else {
        report_moves(&r, order, why, n, steps);
    }
    r.page_part = g_new0(int, r.page_notes->len + 1);
    for (int i = 0; i < n; i++) {
        pdfmd_frag *f = g_ptr_array_index(r.frags, i);
        r.page_part[f->page] = f->part;
    }

    r.article = imprint_node_new(doc, IMPRINT_NODE_ARTICLE,
                                 (imprint_pos){path, front.title_line ? front.title_line : 1, 1});
    set_metadata(&r, &front);
    build_notes(&r, order, n, orphans);
    seq = assemble(&r, order, n);
    build_body(&r, seq);
    if (orphans->len || front.kept->len) {
        pdfmd_block *first =
            orphans->len ? g_ptr_array_index(orphans, 0) : g_ptr_array_index(front.kept, 0);
        imprint_node_append(r.article,
                            imprint_node_new(doc, IMPRINT_NODE_BREAK, block_pos(&r, first)));
        for (guint i = 0; i < orphans->len; i++) {
            pdfmd_block *b = g_ptr_array_index(orphans, i);
            imprint_node_append(r.article,
                                paragraph(&r, b, b->text->str, IMPRINT_NODE_PARAGRAPH, false));
        }
        for (guint i = 0; i < front.kept->len; i++) {
            pdfmd_block *b = g_ptr_array_index(front.kept, i);
            imprint_node_append(r.article,
                                paragraph(&r, b, b->text->str, IMPRINT_NODE_PARAGRAPH, false));
        }
    }
    if (r.too_deep) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 1, 1},
                             "inline markup nested deeper than %d levels", IMPRINT_MAX_DEPTH);
        goto cleanup;
    }
    check_notes(&r);
    imprint_node_append(doc->root, r.article);
    result = 1;
cleanup:
    if (seq)
        g_ptr_array_free(seq, TRUE);
    g_free(order);
    g_free(why);
    g_free(r.page_part);
    imprint_pdfmd_front_clear(&front);
    imprint_pdfmd_entries_free(r.entries);
    imprint_pdfmd_words_free(r.words);
    g_ptr_array_free(front_blocks, TRUE);
    g_ptr_array_free(body, TRUE);
    g_ptr_array_free(orphans, TRUE);
    g_ptr_array_free(r.frags, TRUE);
    g_ptr_array_free(r.page_notes, TRUE);
    g_ptr_array_free(r.blocks, TRUE);
    g_array_free(r.page_line, TRUE);
    g_hash_table_destroy(r.note_by_page);
    g_hash_table_destroy(r.note_by_part);
    return result;
}
