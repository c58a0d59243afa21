/* The document model of a PDF export from its page fragments in reading
 * order: one article whose parts are headings, with paragraphs, lists,
 * tables, quotations, the pages' notes and the marks that refer to them. */
#include "read/pdfmd/pdfmd.h"

#include <string.h>

#include "read/markdown/md_inline.h"

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    const char *path;
    const pdfmd_pages *pages;
    imprint_node *article;
    GHashTable *note_by_page; /* "page:number" -> NOTE */
    GHashTable *note_by_part; /* "part:number" -> NOTE */
    bool too_deep;
} builder;

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
    builder *bd = ctx;
    int page = imprint_pdfmd_page_of_line(bd->pages, ref->pos.line);
    char *key = g_strdup_printf("%d:%s", page, digits);
    imprint_node *note = g_hash_table_lookup(bd->note_by_page, key);
    g_free(key);
    if (!note) {
        key = g_strdup_printf("%d:%s", bd->pages->page_part[page], digits);
        note = g_hash_table_lookup(bd->note_by_part, key);
        g_free(key);
    }
    if (note)
        imprint_note_add_ref(note, ref);
    else
        imprint_diags_report(bd->diags, IMPRINT_SEV_WARNING, ref->pos,
                             "note mark %s has no definition on its page or in its part; kept "
                             "unlinked",
                             digits);
}

static void parse_inlines(builder *bd, const pdfmd_block *b, const char *text, imprint_node *out,
                          bool refs, int depth)
{
    char *esc = escape_blocks(text);
    /* `text` is the block's text or a piece of it */
    const char *in = strstr(b->text->str, text);
    posmap m = {bd->path,
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
        .doc = bd->doc,
        .diags = bd->diags,
        .map_pos = map_pos,
        .pos_ctx = &m,
        .sup_digits_are_refs = refs,
        .on_ref = refs ? on_ref : NULL,
        .ref_ctx = bd,
        .depth = depth,
    };
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
        if (n != cmark_node_first_child(root))
            imprint_node_append_text(bd->doc, out, out->pos, " ", 1);
        imprint_md_block_inlines(&mi, n, out);
    }
    bd->too_deep |= mi.too_deep;
    cmark_node_free(root);
    cmark_parser_free(parser);
    g_array_free(m.line_starts, TRUE);
    g_free(esc);
}

static imprint_pos block_pos(builder *bd, const pdfmd_block *b)
{
    return (imprint_pos){bd->path, b->line, b->col};
}

static imprint_node *paragraph(builder *bd, const pdfmd_block *b, const char *text,
                               imprint_node_kind kind, bool refs)
{
    imprint_node *p = imprint_node_new(bd->doc, kind, block_pos(bd, b));
    parse_inlines(bd, b, text, p, refs, 3);
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

static imprint_node *quote_block(builder *bd, pdfmd_block *b, pdfmd_block *attrib)
{
    imprint_node *q = imprint_node_new(bd->doc, IMPRINT_NODE_QUOTE, block_pos(bd, b));
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
        imprint_node_append(q, paragraph(bd, b, quote->str, IMPRINT_NODE_PARAGRAPH, true));
        imprint_node *c = imprint_node_new(bd->doc, IMPRINT_NODE_CITATION, block_pos(bd, b));
        parse_inlines(bd, b, cite->str, c, true, 3);
        imprint_node_append(q, c);
        g_string_free(quote, TRUE);
        g_string_free(cite, TRUE);
        return q;
    }
    imprint_node_append(q, paragraph(bd, b, s, IMPRINT_NODE_PARAGRAPH, true));
    if (attrib) {
        const char *cite = attrib->text->str;
        cite += g_str_has_prefix(cite, "\u2013 ") || g_str_has_prefix(cite, "\u2014 ") ? 4 : 0;
        imprint_node_append(q, paragraph(bd, attrib, cite, IMPRINT_NODE_CITATION, true));
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

static int heading_level(builder *bd, const pdfmd_block *b, bool part_head, int base)
{
    if (b->contents_index < 0 || !bd->pages->entries)
        return CLAMP(b->level - base, 1, 6);
    bool italic = g_array_index(bd->pages->entries, pdfmd_entry, b->contents_index).italic;
    if (bd->pages->nparts > 1)
        return part_head ? 1 : italic ? 3 : 2;
    return italic ? 2 : 1;
}

/* The export's '#' marks start at any depth ("###" for a booklet's top
 * headings): levels count from one above its highest heading. Says so when
 * the contents table gives the levels instead. */
static int heading_base(builder *bd, GPtrArray *seq)
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
        imprint_diags_report(bd->diags, IMPRINT_SEV_NOTE, block_pos(bd, ranked),
                             "heading levels taken from the contents table (%s), not from the "
                             "export's '#' marks",
                             bd->pages->nparts > 1
                                 ? "a part's first heading 1, its other entries 2, "
                                   "italic entries 3"
                                 : "entries 1, italic entries 2");
    return base;
}

/* `*part_seen`: the highest part whose heading came before: the first
 * heading of a part heads it. */
static imprint_node *heading(builder *bd, const pdfmd_block *b, int *part_seen, int base)
{
    char *text = heading_text(b);
    imprint_node *node = paragraph(bd, b, text, IMPRINT_NODE_HEADING, true);
    bool part_head = b->part > *part_seen;
    *part_seen = MAX(*part_seen, b->part);
    node->as.heading.level = heading_level(bd, b, part_head, base);
    g_free(text);
    return node;
}

/* The export writes items, not lists: item `b` goes in `list`, or in a new
 * one when `list` is NULL or of the other kind. Returns the list it went in. */
static imprint_node *list_item(builder *bd, const pdfmd_block *b, imprint_node *list)
{
    bool ordered = b->number > 0;
    if (!list || (list->as.list.style == IMPRINT_LIST_DECIMAL) != ordered) {
        list = imprint_node_new(bd->doc, IMPRINT_NODE_LIST, block_pos(bd, b));
        list->as.list.style = ordered ? IMPRINT_LIST_DECIMAL : IMPRINT_LIST_BULLET;
        list->as.list.start = ordered ? b->number : 0;
        imprint_node_append(bd->article, list);
    }
    imprint_node *item = imprint_node_new(bd->doc, IMPRINT_NODE_ITEM, block_pos(bd, b));
    imprint_node_append(item, paragraph(bd, b, b->text->str, IMPRINT_NODE_PARAGRAPH, true));
    imprint_node_append(list, item);
    return list;
}

static imprint_node *table(builder *bd, const pdfmd_block *b)
{
    imprint_node *node = imprint_node_new(bd->doc, IMPRINT_NODE_TABLE, block_pos(bd, b));
    cmark_parser *parser = imprint_md_parser_new(false);
    cmark_parser_feed(parser, b->text->str, b->text->len);
    cmark_node *root = cmark_parser_finish(parser);
    cmark_node *t = cmark_node_first_child(root);
    if (t && strcmp(cmark_node_get_type_string(t), "table") == 0) {
        for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
            imprint_node *rn = imprint_node_new(bd->doc, IMPRINT_NODE_ROW, block_pos(bd, b));
            imprint_node_append(node, rn);
            for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
                imprint_node *cell = imprint_node_new(bd->doc, IMPRINT_NODE_CELL, block_pos(bd, b));
                imprint_md_inline mi = {.doc = bd->doc, .diags = bd->diags, .depth = 4};
                imprint_md_inlines(&mi, c, cell);
                imprint_node_append(rn, cell);
            }
        }
    } else {
        imprint_diags_report(bd->diags, IMPRINT_SEV_WARNING, block_pos(bd, b),
                             "'|' lines that are not a table kept as a paragraph");
        node = paragraph(bd, b, b->text->str, IMPRINT_NODE_PARAGRAPH, true);
    }
    cmark_node_free(root);
    cmark_parser_free(parser);
    return node;
}

/* A paragraph, or a quotation: a quoted paragraph with its attribution on
 * the `next` line (then `*took_next`), or an epigraph. */
static imprint_node *para(builder *bd, pdfmd_block *b, pdfmd_block *next, bool *took_next)
{
    const char *s = b->text->str;
    size_t qe, cs;
    *took_next = false;
    if (opens_quote(s) && closes_quote(s) && next && next->kind == PDFMD_PARA &&
        attribution_line(next->text->str)) {
        *took_next = true;
        return quote_block(bd, b, next);
    }
    if (epigraph_split(s, &qe, &cs) || (s[0] == '*' && opens_quote(s) && closes_quote(s)))
        return quote_block(bd, b, NULL);
    return paragraph(bd, b, s, IMPRINT_NODE_PARAGRAPH, true);
}

static void build_body(builder *bd, GPtrArray *seq)
{
    int base = heading_base(bd, seq);
    int part_seen = 0;
    imprint_node *list = NULL;
    for (guint i = 0; i < seq->len; i++) {
        pdfmd_block *b = g_ptr_array_index(seq, i);
        pdfmd_block *next = i + 1 < seq->len ? g_ptr_array_index(seq, i + 1) : NULL;
        imprint_node *node = NULL;
        bool took_next = false;
        if (b->kind != PDFMD_ITEM)
            list = NULL;
        switch (b->kind) {
        case PDFMD_HEADING:
            node = heading(bd, b, &part_seen, base);
            break;
        case PDFMD_ITEM:
            list = list_item(bd, b, list);
            break;
        case PDFMD_TABLE:
            node = table(bd, b);
            break;
        case PDFMD_PARA:
            node = para(bd, b, next, &took_next);
            i += took_next;
            break;
        default:
            break;
        }
        if (node)
            imprint_node_append(bd->article, node);
    }
}

/* Creates the notes of the pages in reading order; a note's run-on text on
 * the next page joins it. */
static void build_notes(builder *bd, const int *order, int n, GPtrArray *orphans)
{
    bool *seen = g_new0(bool, bd->pages->page_notes->len);
    GPtrArray *made = g_ptr_array_new(); /* NOTE nodes, parallel to `blocks` */
    GPtrArray *blocks = g_ptr_array_new();
    pdfmd_block *last_def = NULL;
    imprint_node *last_note = NULL;
    for (int i = 0; i < n; i++) {
        pdfmd_frag *f = g_ptr_array_index(bd->pages->frags, order[i]);
        if (seen[f->page])
            continue;
        seen[f->page] = true;
        GPtrArray *notes = g_ptr_array_index(bd->pages->page_notes, f->page);
        for (guint j = 0; j < notes->len; j++) {
            pdfmd_block *d = g_ptr_array_index(notes, j);
            imprint_pos pos = block_pos(bd, d);
            if (d->kind == PDFMD_NOTE_CONT) {
                if (last_def) {
                    imprint_diags_report(bd->diags, IMPRINT_SEV_NOTE, pos,
                                         "note %s runs on to the next page; joined",
                                         last_note->as.note.label);
                    imprint_pdfmd_merge_into(bd->pages, last_def, d);
                } else {
                    imprint_diags_report(bd->diags, IMPRINT_SEV_WARNING, pos,
                                         "text under a page's rule continues no note; kept as a "
                                         "paragraph at the end");
                    g_ptr_array_add(orphans, d);
                }
                continue;
            }
            int part = bd->pages->page_part[f->page];
            imprint_node *note = imprint_node_new(bd->doc, IMPRINT_NODE_NOTE, pos);
            note->as.note.label =
                bd->pages->nparts > 1
                    ? imprint_arena_printf(bd->doc->arena, "%d-%d", part, d->number)
                    : imprint_arena_printf(bd->doc->arena, "%d", d->number);
            imprint_article_append_note(bd->article, note);
            char *pkey = g_strdup_printf("%d:%d", f->page, d->number);
            char *tkey = g_strdup_printf("%d:%d", part, d->number);
            if (g_hash_table_contains(bd->note_by_page, pkey)) {
                imprint_diags_report(bd->diags, IMPRINT_SEV_WARNING, pos,
                                     "note %d is defined twice on this page; both kept", d->number);
                g_free(pkey);
            } else {
                g_hash_table_insert(bd->note_by_page, pkey, note);
            }
            if (!g_hash_table_contains(bd->note_by_part, tkey))
                g_hash_table_insert(bd->note_by_part, tkey, note);
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
                            paragraph(bd, d, d->text->str, IMPRINT_NODE_PARAGRAPH, false));
    }
    g_ptr_array_free(made, TRUE);
    g_ptr_array_free(blocks, TRUE);
    g_free(seen);
}

static void set_metadata(builder *bd, const pdfmd_front *front)
{
    imprint_node *a = bd->article;
    imprint_arena *arena = bd->doc->arena;
    a->as.article.title = imprint_arena_strdup(arena, front->title);
    a->as.article.subtitle = imprint_arena_strdup(arena, front->subtitle);
    a->as.article.date = imprint_arena_strdup(arena, front->date);
    a->as.article.source_url = imprint_arena_strdup(arena, front->source_url);
    a->as.article.source_file = imprint_arena_strdup(arena, bd->path);
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
        imprint_diags_report(bd->diags, IMPRINT_SEV_NOTE, (imprint_pos){bd->path, 1, 1},
                             "front matter taken as the article's metadata: %s; %u other "
                             "line%s kept at the end of the article",
                             msg->str, front->kept->len, front->kept->len == 1 ? "" : "s");
        g_string_free(msg, TRUE);
    }
}

static void check_notes(builder *bd)
{
    for (imprint_node *n = bd->article->as.article.first_note; n; n = n->as.note.next_note)
        if (!n->as.note.first_ref)
            imprint_diags_report(bd->diags, IMPRINT_SEV_WARNING, n->pos,
                                 "note %s is defined but never referenced; kept", n->as.note.label);
}

/* Text under a page's rule that continues no note, and front matter lines
 * no field took, go after a break at the end: nothing is dropped. */
static void end_matter(builder *bd, GPtrArray *orphans, GPtrArray *kept)
{
    if (!orphans->len && !kept->len)
        return;
    pdfmd_block *first = orphans->len ? g_ptr_array_index(orphans, 0) : g_ptr_array_index(kept, 0);
    imprint_node_append(bd->article,
                        imprint_node_new(bd->doc, IMPRINT_NODE_BREAK, block_pos(bd, first)));
    for (guint i = 0; i < orphans->len; i++) {
        pdfmd_block *b = g_ptr_array_index(orphans, i);
        imprint_node_append(bd->article,
                            paragraph(bd, b, b->text->str, IMPRINT_NODE_PARAGRAPH, false));
    }
    for (guint i = 0; i < kept->len; i++) {
        pdfmd_block *b = g_ptr_array_index(kept, i);
        imprint_node_append(bd->article,
                            paragraph(bd, b, b->text->str, IMPRINT_NODE_PARAGRAPH, false));
    }
}

int imprint_pdfmd_build(imprint_doc *doc, const pdfmd_pages *pg, const pdfmd_front *front)
{
    builder bd = {.doc = doc, .diags = pg->diags, .path = pg->path, .pages = pg};
    bd.note_by_page = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    bd.note_by_part = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *orphans = g_ptr_array_new();
    int result = -1;

    bd.article =
        imprint_node_new(doc, IMPRINT_NODE_ARTICLE,
                         (imprint_pos){pg->path, front->title_line ? front->title_line : 1, 1});
    set_metadata(&bd, front);
    build_notes(&bd, pg->order, (int)pg->frags->len, orphans);
    GPtrArray *seq = imprint_pdfmd_pages_assemble(pg);
    build_body(&bd, seq);
    end_matter(&bd, orphans, front->kept);
    if (bd.too_deep) {
        /* conversion stopped at the limit: an incomplete article is not added */
        imprint_diags_report(bd.diags, IMPRINT_SEV_ERROR, (imprint_pos){pg->path, 1, 1},
                             "inline markup nested deeper than %d levels", IMPRINT_MAX_DEPTH);
    } else {
        check_notes(&bd);
        imprint_node_append(doc->root, bd.article);
        result = 1;
    }
    g_ptr_array_free(seq, TRUE);
    g_ptr_array_free(orphans, TRUE);
    g_hash_table_destroy(bd.note_by_page);
    g_hash_table_destroy(bd.note_by_part);
    return result;
}
