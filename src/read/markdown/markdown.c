/* The `markdown` dialect: CommonMark with GFM tables, autolinks and
 * `[^label]` footnotes (cmark-gfm), a YAML front matter block, the raw
 * inline HTML of md_inline.c, and pandoc's Markdown (pandoc.c rewrites it
 * into what cmark reads). One article per file, or one a level-1 heading
 * when there are several and no front matter title. */
#include "imprint/reader.h"

#include <cmark-gfm-core-extensions.h>
#include <glib.h>
#include <string.h>
#include <yaml.h>

#include "edition/yaml.h"
#include "model/nfc.h"
#include "read/markdown/md_chapters.h"
#include "model/typography.h"
#include "read/markdown/md_inline.h"
#include "read/markdown/md_nav.h"
#include "read/markdown/md_speech.h"
#include "read/markdown/pandoc.h"

/* Longest numeric note label taken as the reference's number (it must fit an
 * int); longer labels keep cmark's ordinal. */
#define MAX_NOTE_DIGITS 9

/* Levels of a list of pasted bullets ("•" over "◦" over "▪", as word
 * processors nest them): deeper ones stay at the deepest. */
#define MD_BULLET_MAX_LEVELS 4

/* A line this long (code points) was never wrapped by hand nor by an
 * editor (pandoc wraps at 72, editors at 80 to 120): a paragraph holding
 * one, each of its lines ending a sentence, was written a paragraph a line
 * with no blank line between (a transcript's export). */
#define MD_UNWRAPPED_MIN_CHARS 200

/* Of such a paragraph's lines, the share that holds more than one sentence:
 * a paragraph a line holds several, where a text written a sentence a line
 * ("semantic line breaks", its paragraphs set apart by blank lines) holds
 * one; that text's lines are joined as CommonMark joins them. */
#define MD_LINE_PARAGRAPH_MULTI_SHARE 0.5

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    const char *path;
    const char *data; /* the text cmark reads: the source after the pandoc pass */
    size_t len;
    GArray *line_starts; /* size_t byte offset of each line (index 0 = line 1) */
    const md_map *map;   /* from `data` back to the source */
    const char *src;     /* the source, for positions */
    size_t src_len;
    GArray *src_starts;    /* as line_starts, of the source */
    imprint_node *article; /* the one being read */
    GPtrArray *chapters;   /* the articles, when the file is one a `#` heading */
    GPtrArray *notes;      /* NOTE nodes by cmark footnote ordinal - 1 */
    GArray *pd_tables;     /* imprint_pandoc_table: pandoc's tables, by offset in `data` */
    /* the last position computed: columns are counted on from it */
    int last_line;
    size_t last_byte;
    unsigned last_col;
    int heading_base;
    bool drop_navigation;   /* `navigation: drop` */
    imprint_wrap_mode wrap; /* `wrapped: true`: lines are never paragraphs of their own;
                               `false`: each line of a paragraph is one */
    unsigned line_paras;    /* paragraphs cut into a paragraph a line */
    unsigned line_parts;    /* the paragraphs they were cut into */
    imprint_pos line_para_first;
    imprint_node *bullet_list; /* the list of "•" lines being filled, or NULL */
    /* its levels: the bullet each opened with and its list (0 the outer) */
    gunichar bullet_glyph[MD_BULLET_MAX_LEVELS];
    imprint_node *bullet_level[MD_BULLET_MAX_LEVELS];
    int bullet_depth;
    unsigned bullet_lists, bullet_items, bullet_nested;
    imprint_pos bullet_first;
    bool failed;
} md_reader;

/* The source line (1-based) holding source byte `off`. */
static int src_line_of(const md_reader *r, size_t off)
{
    guint lo = 0, hi = r->src_starts->len;
    while (hi - lo > 1) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(r->src_starts, size_t, mid) <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (int)lo + 1;
}

static imprint_pos pos_at(md_reader *r, int line, int col)
{
    imprint_pos p = {r->path, 0, 0};
    if (line <= 0 || (guint)line > r->line_starts->len)
        return p;
    size_t start = g_array_index(r->line_starts, size_t, line - 1);
    size_t byte = col > 0 ? (size_t)(col - 1) : 0;
    if (start + byte > r->len)
        byte = r->len - start;
    /* where that byte of the text cmark read stands in the source */
    size_t off = MIN(md_map_src_of(r->map, start + byte), r->src_len);
    line = src_line_of(r, off);
    start = g_array_index(r->src_starts, size_t, line - 1);
    byte = off - start;
    p.line = (unsigned)line;
    if (line == r->last_line && byte >= r->last_byte)
        p.col = r->last_col + (unsigned)g_utf8_strlen(r->src + start + r->last_byte,
                                                      (gssize)(byte - r->last_byte));
    else
        p.col = (unsigned)g_utf8_strlen(r->src + start, (gssize)byte) + 1;
    r->last_line = line;
    r->last_byte = byte;
    r->last_col = p.col;
    return p;
}

static imprint_pos map_pos(void *ctx, int line, int col)
{
    return pos_at(ctx, line, col);
}

static imprint_pos cm_pos(md_reader *r, cmark_node *n)
{
    imprint_pos p = pos_at(r, cmark_node_get_start_line(n), cmark_node_get_start_column(n));
    if (!p.line)
        p = (imprint_pos){r->path, 1, 1};
    return p;
}

/* Length of the line at `s` (at most `len` bytes) without its line end,
 * and in `*next` where the following line starts. A line ends as cmark says:
 * at LF, CR LF or a lone CR (old Mac files), so that line numbers agree. */
static size_t line_len(const char *s, size_t len, size_t *next)
{
    size_t i = 0;
    while (i < len && s[i] != '\n' && s[i] != '\r')
        i++;
    *next = i < len ? i + 1 + (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') : len;
    return i;
}

/* The source text of line `line` (1-based, within the line table), without
 * its line end. */
static const char *line_text(md_reader *r, int line, size_t *len)
{
    size_t start = g_array_index(r->line_starts, size_t, line - 1), next;
    *len = line_len(r->data + start, r->len - start, &next);
    return r->data + start;
}

/* Whether `len` bytes at `s` are spaces and tabs only. */
static bool blank_line(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static void on_ref(void *ctx, imprint_node *ref, const char *label)
{
    md_reader *r = ctx;
    int ordinal = 0;
    if (!imprint_text_number(label, G_MAXINT, &ordinal) || ordinal < 1 ||
        (guint)ordinal > r->notes->len)
        return;
    imprint_node *note = g_ptr_array_index(r->notes, ordinal - 1);
    imprint_note_add_ref(note, ref);
    /* cmark numbers references by first use; a numeric label is the number
     * the author wrote, and what the note is called in the output */
    const char *l = note->as.note.label;
    if (l && strlen(l) <= MAX_NOTE_DIGITS)
        imprint_text_number(l, G_MAXINT, &ref->as.noteref.number);
}

static bool inlines_soft(md_reader *r, cmark_node *from, imprint_node *to, int depth, bool link,
                         bool soft_breaks)
{
    imprint_md_inline mi = {
        .doc = r->doc,
        .diags = r->diags,
        .map_pos = map_pos,
        .pos_ctx = r,
        .on_ref = link ? on_ref : NULL,
        .ref_ctx = r,
        .soft_breaks = soft_breaks,
        .curly_quotes = true,
        .depth = depth,
    };
    if (!imprint_md_block_inlines(&mi, from, to)) {
        imprint_diags_report(r->diags, IMPRINT_SEV_ERROR, cm_pos(r, from),
                             "nested deeper than %d levels", IMPRINT_MAX_DEPTH);
        r->failed = true;
        return false;
    }
    return true;
}

static bool inlines_to(md_reader *r, cmark_node *from, imprint_node *to, int depth, bool link)
{
    return inlines_soft(r, from, to, depth, link, false);
}

static bool inlines(md_reader *r, cmark_node *from, imprint_node *to, int depth)
{
    return inlines_to(r, from, to, depth, true);
}

/* The first and last lines of cmark block `n`, in `*a` and `*b`; false
 * when cmark gives none within the line table. */
static bool block_lines(const md_reader *r, cmark_node *n, int *a, int *b)
{
    *a = cmark_node_get_start_line(n);
    *b = cmark_node_get_end_line(n);
    return *a >= 1 && *b >= *a && (guint)*b <= r->line_starts->len;
}

/* Whether `len` bytes at `s` end a sentence: a full stop, "!", "?" or
 * "…", past closing quotes, brackets and emphasis marks. */
static bool ends_sentence(const char *s, size_t len)
{
    for (const char *p = s + len; p > s;) {
        p = g_utf8_find_prev_char(s, p);
        gunichar c = g_utf8_get_char(p);
        if (c == '.' || c == '!' || c == '?' || c == 0x2026)
            return true;
        if (!(c == ' ' || c == '\t' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 ||
              c == ')' || c == ']' || c == '*' || c == '_'))
            return false;
    }
    return false;
}

/* Whether `len` bytes at `s` hold the end of a sentence before their own
 * end: a full stop, "!" or "?", closing marks, a space, then a capital
 * ("… feel good. So yes"). */
static bool sentences_inside(const char *s, size_t len)
{
    const char *end = s + len;
    for (const char *p = s; p < end; p++) {
        if (*p != '.' && *p != '!' && *p != '?')
            continue;
        const char *q = p + 1;
        while (q < end && strchr("\"')]*_", *q))
            q++;
        if (q >= end || *q != ' ')
            continue;
        while (q < end && *q == ' ')
            q++;
        while (q < end && strchr("\"'(*_", *q))
            q++;
        if (q < end && g_unichar_isupper(g_utf8_get_char(q)))
            return true;
    }
    return false;
}

/* Whether cmark paragraph `n` was written a paragraph a line: one of its
 * lines MD_UNWRAPPED_MIN_CHARS long at least, each line before the last
 * ending a sentence (a wrapped paragraph breaks mid-sentence), and
 * MD_LINE_PARAGRAPH_MULTI_SHARE of them holding more than one. */
static bool line_paragraphs(md_reader *r, cmark_node *n)
{
    int a, b;
    if (r->wrap == IMPRINT_WRAP_YES || !block_lines(r, n, &a, &b) || b == a)
        return false;
    if (r->wrap == IMPRINT_WRAP_NO)
        return true;
    long longest = 0;
    int multi = 0;
    for (int l = a; l <= b; l++) {
        size_t len;
        const char *s = line_text(r, l, &len);
        longest = MAX(longest, g_utf8_strlen(s, (gssize)len));
        if (l < b && !ends_sentence(s, len))
            return false;
        multi += sentences_inside(s, len);
    }
    return longest >= MD_UNWRAPPED_MIN_CHARS &&
           multi >= MD_LINE_PARAGRAPH_MULTI_SHARE * (b - a + 1);
}

/* Cuts `p`'s inlines at its LINEBREAKs into new paragraphs, each at its
 * first inline, returned in order (the caller frees the array); `p` is
 * left empty (nodes live in the arena). */
static GPtrArray *cut_lines(md_reader *r, imprint_node *p)
{
    GPtrArray *paras = g_ptr_array_new();
    imprint_node *cur = NULL;
    while (p->first_child) {
        imprint_node *c = p->first_child;
        imprint_node_unlink(c);
        if (c->kind == IMPRINT_NODE_LINEBREAK) {
            cur = NULL;
            continue;
        }
        if (!cur) {
            cur = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, c->pos);
            g_ptr_array_add(paras, cur);
        }
        imprint_node_append(cur, c);
    }
    return paras;
}

/* A paragraph that is a lone image becomes a figure. */
static imprint_node *figure_of(md_reader *r, cmark_node *para, int depth)
{
    cmark_node *img = cmark_node_first_child(para);
    if (!img || cmark_node_next(img) || cmark_node_get_type(img) != CMARK_NODE_IMAGE)
        return NULL;
    imprint_node *fig = imprint_node_new(r->doc, IMPRINT_NODE_FIGURE, cm_pos(r, para));
    fig->as.figure.src = imprint_arena_strdup(r->doc->arena, cmark_node_get_url(img));
    const char *title = cmark_node_get_title(img);
    if (!title || !*title) {
        inlines(r, img, fig, depth + 1);
        return fig;
    }
    /* `![alt](src "title")`: the title is the caption, the alt text describes
     * the image */
    imprint_node *alt = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, fig->pos);
    inlines_to(r, img, alt, depth + 1, false);
    const char *desc = imprint_node_plain_text(r->doc, alt);
    if (desc && *desc)
        fig->as.figure.placeholder = desc;
    imprint_node_append_text(r->doc, fig, fig->pos, title, strlen(title));
    return fig;
}

/* A quote's last paragraph opening with a dash is its attribution. */
static void quote_citation(imprint_node *quote)
{
    imprint_node *last = quote->last_child;
    if (!last || last == quote->first_child || last->kind != IMPRINT_NODE_PARAGRAPH)
        return;
    imprint_node *t = last->first_child;
    if (!t || t->kind != IMPRINT_NODE_TEXT)
        return;
    static const char *const dashes[] = {"\u2014", "\u2013", "\u2015", "-- "};
    for (size_t i = 0; i < G_N_ELEMENTS(dashes); i++) {
        size_t n = strlen(dashes[i]);
        if (strncmp(t->as.text.text, dashes[i], n) != 0)
            continue;
        const char *rest = t->as.text.text + n;
        while (*rest == ' ')
            rest++;
        t->as.text.text = rest;
        t->as.text.len = strlen(rest);
        last->kind = IMPRINT_NODE_CITATION;
        return;
    }
}

/* How many rows of cmark table `t`, from the first, are column heads: as
 * the pandoc table it was written from says (0 for a headerless one), else
 * those a GFM pipe table's delimiter row marks (-1: ask cmark). */
static int header_rows(const md_reader *r, cmark_node *t)
{
    int line = cmark_node_get_start_line(t);
    if (line <= 0 || (guint)line > r->line_starts->len)
        return -1;
    size_t at = g_array_index(r->line_starts, size_t, line - 1);
    guint lo = 0, hi = r->pd_tables->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        const imprint_pandoc_table *pt = &g_array_index(r->pd_tables, imprint_pandoc_table, mid);
        if (pt->out == at)
            return (int)pt->header_rows;
        if (pt->out < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static imprint_node *table(md_reader *r, cmark_node *n, imprint_pos pos, int depth)
{
    imprint_node *b = imprint_node_new(r->doc, IMPRINT_NODE_TABLE, pos);
    int heads = header_rows(r, n), k = 0;
    for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row), k++) {
        imprint_node *rn = imprint_node_new(r->doc, IMPRINT_NODE_ROW, cm_pos(r, row));
        rn->as.row.header =
            heads < 0 ? cmark_gfm_extensions_get_table_row_is_header(row) != 0 : k < heads;
        imprint_node_append(b, rn);
        for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
            imprint_node *cell = imprint_node_new(r->doc, IMPRINT_NODE_CELL, cm_pos(r, c));
            imprint_node_append(rn, cell);
            inlines(r, c, cell, depth + 3);
        }
    }
    return b;
}

static bool blocks(md_reader *r, cmark_node *parent, imprint_node *out, int depth);

static imprint_node *block(md_reader *r, cmark_node *n, int depth)
{
    imprint_pos pos = cm_pos(r, n);
    imprint_node *b = NULL;
    const char *type = cmark_node_get_type_string(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
        b = figure_of(r, n, depth);
        if (!b) {
            b = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, pos);
            inlines(r, n, b, depth + 1);
        }
        return b;
    case CMARK_NODE_HEADING: {
        b = imprint_node_new(r->doc, IMPRINT_NODE_HEADING, pos);
        int level = cmark_node_get_heading_level(n) - r->heading_base;
        b->as.heading.level = CLAMP(level, 1, 6);
        inlines(r, n, b, depth + 1);
        return b;
    }
    case CMARK_NODE_BLOCK_QUOTE:
        b = imprint_node_new(r->doc, IMPRINT_NODE_QUOTE, pos);
        blocks(r, n, b, depth + 1);
        quote_citation(b);
        return b;
    case CMARK_NODE_LIST:
        b = imprint_node_new(r->doc, IMPRINT_NODE_LIST, pos);
        b->as.list.style = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? IMPRINT_LIST_DECIMAL
                                                                             : IMPRINT_LIST_BULLET;
        b->as.list.start = cmark_node_get_list_start(n);
        for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
            imprint_node *item = imprint_node_new(r->doc, IMPRINT_NODE_ITEM, cm_pos(r, it));
            imprint_node_append(b, item);
            if (!blocks(r, it, item, depth + 2))
                break;
        }
        return b;
    case CMARK_NODE_THEMATIC_BREAK:
        return imprint_node_new(r->doc, IMPRINT_NODE_BREAK, pos);
    case CMARK_NODE_CODE_BLOCK:
        b = imprint_node_new(r->doc, IMPRINT_NODE_CODE, pos);
        inlines(r, n, b, depth + 1); /* its lines, each at its place in the file */
        return b;
    case CMARK_NODE_HTML_BLOCK:
        b = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, pos);
        inlines(r, n, b, depth + 1);
        return b;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        return NULL; /* read first, into the article's notes */
    default:
        break;
    }
    if (strcmp(type, "table") == 0)
        return table(r, n, pos, depth);
    imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, pos, "Markdown %s kept as a paragraph",
                         type);
    b = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, pos);
    inlines(r, n, b, depth + 1);
    return b;
}

/* The length of the bullet ("•", "◦", "▪", "‣", "⁃") and the spaces after
 * it that line `s` opens with, past its indent; 0 for none, or when no
 * text follows and `need_text`. CommonMark
 * knows only "-", "+" and "*": these come from text pasted out of a word
 * processor or a web page. */
static size_t bullet_len(const char *s, size_t len, bool need_text)
{
    static const gunichar bullets[] = {0x2022, 0x25E6, 0x25AA, 0x2023, 0x2043};
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= len)
        return 0;
    gunichar c = g_utf8_get_char(s + i);
    bool bullet = false;
    for (size_t k = 0; k < G_N_ELEMENTS(bullets); k++)
        bullet |= c == bullets[k];
    const char *after = g_utf8_next_char(s + i);
    if (!bullet || after >= s + len || (*after != ' ' && *after != '\t'))
        return 0;
    while (after < s + len && (*after == ' ' || *after == '\t'))
        after++;
    return after < s + len || !need_text ? (size_t)(after - s) : 0;
}

/* Whether every line of cmark paragraph `n` opens with a bullet. */
static bool bullet_lines(md_reader *r, cmark_node *n)
{
    int a, b;
    if (!block_lines(r, n, &a, &b))
        return false;
    for (int l = a; l <= b; l++) {
        size_t len;
        const char *s = line_text(r, l, &len);
        if (!bullet_len(s, len, true))
            return false;
    }
    return true;
}

/* Takes the bullet and the spaces after it off the head of paragraph `p`. */
static void strip_bullet(md_reader *r, imprint_node *p)
{
    imprint_node *t = p->first_child;
    size_t n = t && t->kind == IMPRINT_NODE_TEXT
                   ? bullet_len(t->as.text.text, strlen(t->as.text.text), false)
                   : 0;
    if (!n)
        return;
    imprint_node_unlink(t);
    if (!t->as.text.text[n])
        return; /* "• **Bold** item": the bullet was a text of its own */
    imprint_node *rest =
        imprint_node_new_text(r->doc, t->pos, t->as.text.text + n, strlen(t->as.text.text + n));
    imprint_node_prepend(p, rest);
}

/* The list that paragraph `p`, opening with a bullet, is an item of: the
 * level whose bullet it opens with, or a new one inside the last item when
 * its bullet is new to the list ("◦" under "•"). */
static imprint_node *bullet_level(md_reader *r, imprint_node *p)
{
    imprint_node *t = p->first_child;
    const char *s = t && t->kind == IMPRINT_NODE_TEXT ? t->as.text.text : "";
    while (*s == ' ' || *s == '\t')
        s++;
    gunichar c = g_utf8_get_char(s);
    if (r->bullet_depth == 0) {
        r->bullet_glyph[0] = c;
        r->bullet_level[0] = r->bullet_list;
        r->bullet_depth = 1;
    }
    for (int d = 0; d < r->bullet_depth; d++)
        if (r->bullet_glyph[d] == c) {
            r->bullet_depth = d + 1;
            return r->bullet_level[d];
        }
    imprint_node *parent = r->bullet_level[r->bullet_depth - 1];
    if (r->bullet_depth == MD_BULLET_MAX_LEVELS || !parent->last_child)
        return parent;
    imprint_node *sub = imprint_node_new(r->doc, IMPRINT_NODE_LIST, p->pos);
    sub->as.list.style = IMPRINT_LIST_BULLET;
    imprint_node_append(parent->last_child, sub);
    r->bullet_glyph[r->bullet_depth] = c;
    r->bullet_level[r->bullet_depth++] = sub;
    r->bullet_nested++;
    return sub;
}

/* Paragraph `n`, each line opening with a bullet, as the items of a list:
 * the list `out` ends with when the item before was one too. */
static void bullet_items(md_reader *r, cmark_node *n, imprint_node *out, int depth)
{
    imprint_node *all = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, cm_pos(r, n));
    inlines_soft(r, n, all, depth + 2, true, true);
    imprint_node *list = out->last_child;
    if (!list || list != r->bullet_list) {
        list = imprint_node_new(r->doc, IMPRINT_NODE_LIST, all->pos);
        list->as.list.style = IMPRINT_LIST_BULLET;
        imprint_node_append(out, list);
        r->bullet_list = list;
        r->bullet_lists++;
        r->bullet_depth = 0;
    }
    GPtrArray *paras = cut_lines(r, all);
    for (guint i = 0; i < paras->len; i++) {
        imprint_node *p = g_ptr_array_index(paras, i);
        imprint_node *into = bullet_level(r, p);
        strip_bullet(r, p);
        imprint_node *item = imprint_node_new(r->doc, IMPRINT_NODE_ITEM, p->pos);
        imprint_node_append(item, p);
        imprint_node_append(into, item);
    }
    r->bullet_items += paras->len;
    g_ptr_array_free(paras, TRUE);
}

/* Appends block `n` to `out`: a paragraph written a line each as the
 * paragraphs of its lines, one of bulleted lines as a list's items. */
static void append_block(md_reader *r, cmark_node *n, imprint_node *out, int depth)
{
    if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && bullet_lines(r, n)) {
        if (!r->bullet_items)
            r->bullet_first = cm_pos(r, n);
        bullet_items(r, n, out, depth);
        return;
    }
    if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && line_paragraphs(r, n)) {
        imprint_node *p = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, cm_pos(r, n));
        if (!r->line_paras)
            r->line_para_first = p->pos;
        inlines_soft(r, n, p, depth + 1, true, true);
        GPtrArray *paras = cut_lines(r, p);
        for (guint i = 0; i < paras->len; i++)
            imprint_node_append(out, g_ptr_array_index(paras, i));
        r->line_parts += paras->len;
        r->line_paras++;
        g_ptr_array_free(paras, TRUE);
        return;
    }
    imprint_node *b = block(r, n, depth);
    if (b)
        imprint_node_append(out, b);
}

static bool blocks(md_reader *r, cmark_node *parent, imprint_node *out, int depth)
{
    if (depth >= IMPRINT_MAX_DEPTH) {
        if (!r->failed)
            imprint_diags_report(r->diags, IMPRINT_SEV_ERROR, cm_pos(r, parent),
                                 "nested deeper than %d levels", IMPRINT_MAX_DEPTH);
        r->failed = true;
        return false;
    }
    for (cmark_node *n = cmark_node_first_child(parent); n && !r->failed; n = cmark_node_next(n))
        append_block(r, n, out, depth);
    return !r->failed;
}

/* --- YAML front matter ------------------------------------------------- */

/* Length of the front matter block (both fences included) at the start of
 * `data`, or 0; its YAML runs from `*yaml_start` to `*yaml_end`. */
static size_t front_matter_len(const char *data, size_t len, size_t *yaml_start, size_t *yaml_end)
{
    size_t next;
    if (line_len(data, len, &next) != 3 || strncmp(data, "---", 3) != 0 || next == 3)
        return 0;
    *yaml_start = next;
    for (size_t at = next; at < len; at += next) {
        size_t ll = line_len(data + at, len - at, &next);
        while (ll && data[at + ll - 1] == ' ')
            ll--;
        if (ll == 3 && (strncmp(data + at, "---", 3) == 0 || strncmp(data + at, "...", 3) == 0)) {
            *yaml_end = at;
            return at + next;
        }
    }
    return 0;
}

static void meta_authors(md_reader *r, yml_doc *y, yaml_node_t *v)
{
    GPtrArray *list = g_ptr_array_new();
    if (v->type == YAML_SCALAR_NODE) {
        g_ptr_array_add(list, (gpointer)yml_scalar(v));
    } else if (v->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top;
             i++) {
            const char *s = yml_scalar(yml_node(y, *i));
            if (s)
                g_ptr_array_add(list, (gpointer)s);
        }
    }
    const char **authors = imprint_arena_alloc(r->doc->arena, (list->len + 1) * sizeof *authors);
    for (guint i = 0; i < list->len; i++) {
        const char *name = g_ptr_array_index(list, i);
        char *nfc = imprint_typography_apply(name, strlen(name));
        authors[i] = imprint_arena_strdup(r->doc->arena, nfc);
        g_free(nfc);
    }
    r->article->as.article.authors = list->len ? authors : NULL;
    g_ptr_array_free(list, TRUE);
}

static bool is_blank(const char *s)
{
    for (; *s; s = g_utf8_next_char(s))
        if (!g_unichar_isspace(g_utf8_get_char(s)))
            return false;
    return true;
}

/* Where a front-matter key's value goes in the article, or NULL. */
static const char **meta_field(imprint_node *a, const char *key)
{
    if (strcmp(key, "title") == 0)
        return &a->as.article.title;
    if (strcmp(key, "subtitle") == 0)
        return &a->as.article.subtitle;
    /* pandoc names an HTML page's date meta `dcterms.date` */
    if (strcmp(key, "date") == 0 || strcmp(key, "dcterms.date") == 0)
        return &a->as.article.date;
    if (strcmp(key, "source") == 0 || strcmp(key, "url") == 0 || strcmp(key, "source_url") == 0)
        return &a->as.article.source_url;
    if (strcmp(key, "lang") == 0 || strcmp(key, "language") == 0)
        return &a->as.article.lang;
    return NULL;
}

static void meta_pair(md_reader *r, yml_doc *y, yaml_node_t *k, yaml_node_t *v)
{
    const char *key = yml_scalar(k), *val = yml_scalar(v);
    imprint_pos kp = yml_pos(y, k);
    if (!key)
        return;
    if (strcmp(key, "author") == 0 || strcmp(key, "authors") == 0) {
        meta_authors(r, y, v);
        return;
    }
    const char **field = meta_field(r->article, key);
    if (!field) {
        imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, kp, "front matter key '%s' is not used",
                             key);
    } else if (!val) {
        imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, kp,
                             "front matter key '%s' is not a single value; not used", key);
    } else if (is_blank(val)) {
        /* An exported file's empty `title:` must not beat its # heading. */
        imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, kp,
                             "front matter key '%s' is empty; not used", key);
    } else {
        /* words, as the body's, get curly quotes; an address or a date not */
        bool words =
            field == &r->article->as.article.title || field == &r->article->as.article.subtitle;
        char *nfc = words ? imprint_typography_apply(val, strlen(val)) : imprint_nfc(val, -1);
        *field = imprint_arena_strdup(r->doc->arena, nfc);
        g_free(nfc);
    }
}

/* Reads the front matter (from line 2 of the file) into the article's
 * metadata. False on a YAML error. */
static bool front_matter(md_reader *r, const char *yaml, size_t len, bool *is_mapping)
{
    yml_doc y;
    *is_mapping = false;
    if (!yml_parse(&y, r->path, 2, yaml, len, "front matter", r->diags))
        return false;
    yaml_node_t *root = yml_root(&y);
    if (root && root->type == YAML_MAPPING_NODE) {
        *is_mapping = true;
        for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
             pair < root->data.mapping.pairs.top; pair++)
            meta_pair(r, &y, yml_node(&y, pair->key), yml_node(&y, pair->value));
    }
    yml_clear(&y);
    return true;
}

/* --- footnotes --------------------------------------------------------- */

/* The label of a `[^label]:` definition written at the start of `s`; NULL if
 * the line is not one. The caller g_free()s it. */
static char *def_label(const char *s, size_t len, size_t *marker_len)
{
    size_t i = 0;
    while (i < len && i < 3 && s[i] == ' ')
        i++;
    if (i + 2 >= len || s[i] != '[' || s[i + 1] != '^')
        return NULL;
    size_t start = i + 2, j = start;
    while (j < len && s[j] != ']' && s[j] != ' ' && s[j] != '\t')
        j++;
    if (j == start || j + 1 >= len || s[j] != ']' || s[j + 1] != ':')
        return NULL;
    *marker_len = j + 2;
    return g_strndup(s + start, j - start);
}

static void read_notes(md_reader *r, cmark_node *root, GHashTable *def_lines)
{
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
            continue;
        int line = cmark_node_get_start_line(n);
        size_t ll, ml = 0;
        const char *text = line_text(r, line, &ll);
        char *label = def_label(text, ll, &ml);
        imprint_node *note = imprint_node_new(r->doc, IMPRINT_NODE_NOTE, pos_at(r, line, 1));
        note->as.note.label = imprint_arena_strdup(r->doc->arena, label);
        g_free(label);
        imprint_article_append_note(r->article, note);
        g_ptr_array_add(r->notes, note);
        g_hash_table_add(def_lines, GINT_TO_POINTER(line));
    }
    guint i = 0;
    for (cmark_node *n = cmark_node_first_child(root); n && !r->failed; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
            blocks(r, n, g_ptr_array_index(r->notes, i++), 1);
}

/* cmark-gfm leaves out definitions nobody refers to: find them in the source
 * and keep them as notes without references. */
static void unreferenced_notes(md_reader *r, GHashTable *def_lines, GHashTable *code_lines)
{
    for (guint line = 1; line <= r->line_starts->len && !r->failed; line++) {
        size_t ll, ml = 0;
        const char *text = line_text(r, (int)line, &ll);
        char *label = def_label(text, ll, &ml);
        if (!label || g_hash_table_contains(def_lines, GINT_TO_POINTER(line)) ||
            g_hash_table_contains(code_lines, GINT_TO_POINTER(line))) {
            g_free(label);
            continue;
        }
        imprint_pos p = pos_at(r, (int)line, 1);
        imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, p,
                             "note [^%s] is defined but never referenced; kept", label);
        imprint_node *note = imprint_node_new(r->doc, IMPRINT_NODE_NOTE, p);
        note->as.note.label = imprint_arena_strdup(r->doc->arena, label);
        g_free(label);
        imprint_article_append_note(r->article, note);
        /* the definition runs to the next blank line, definition or block */
        GString *body = g_string_new(NULL);
        while (ml < ll && (text[ml] == ' ' || text[ml] == '\t'))
            ml++;
        g_string_append_len(body, text + ml, (gssize)(ll - ml));
        guint end = line;
        for (guint l = line + 1; l <= r->line_starts->len; l++) {
            size_t nl;
            const char *t = line_text(r, (int)l, &nl);
            size_t tl = 0;
            char *next_label = def_label(t, nl, &tl);
            /* a block cmark found there (an HTML block cut in) is the article's */
            bool ends = blank_line(t, nl) || next_label ||
                        g_hash_table_contains(code_lines, GINT_TO_POINTER((int)l));
            g_free(next_label);
            if (ends)
                break;
            g_string_append_c(body, '\n');
            g_string_append_len(body, t, (gssize)nl);
            end = l;
        }
        cmark_parser *p2 = imprint_md_parser_new(false);
        cmark_parser_feed(p2, body->str, body->len);
        cmark_node *sub = cmark_parser_finish(p2);
        for (cmark_node *b = cmark_node_first_child(sub); b; b = cmark_node_next(b)) {
            imprint_node *para = imprint_node_new(r->doc, IMPRINT_NODE_PARAGRAPH, p);
            imprint_md_inline mi = {
                .doc = r->doc, .diags = r->diags, .curly_quotes = true, .depth = 2};
            imprint_md_block_inlines(&mi, b, para);
            imprint_node_append(note, para);
        }
        cmark_node_free(sub);
        cmark_parser_free(p2);
        g_string_free(body, TRUE);
        line = end;
    }
}

static void code_lines_of(cmark_node *root, GHashTable *code_lines)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_CODE_BLOCK && t != CMARK_NODE_HTML_BLOCK))
            continue;
        for (int l = cmark_node_get_start_line(n); l <= cmark_node_get_end_line(n); l++)
            g_hash_table_add(code_lines, GINT_TO_POINTER(l));
    }
    cmark_iter_free(it);
}

/* References to labels with no definition stay as text "[^x]"; say so. */
static void warn_dangling_refs(md_reader *r, cmark_node *root)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT)
            continue;
        const char *s = cmark_node_get_literal(n);
        for (const char *q = strstr(s, "[^"); q; q = strstr(q + 2, "[^")) {
            const char *close = strchr(q, ']');
            if (close && close > q + 2 && close[1] != ':')
                imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, cm_pos(r, n),
                                     "note reference %.*s has no definition; kept as text",
                                     (int)(close - q + 1), q);
        }
    }
    cmark_iter_free(it);
}

/* --- the article ------------------------------------------------------- */

static int min_heading_level(cmark_node *root)
{
    int min = 7;
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
            min = MIN(min, cmark_node_get_heading_level(n));
    return min;
}

/* The first level-1 heading, which titles the article when the front matter
 * does not. */
static cmark_node *title_heading(cmark_node *root)
{
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1)
            return n;
    return NULL;
}

/* The edition's options for other dialects would otherwise go unseen. False
 * if one makes the file unreadable. */
static bool check_opts(const char *path, const imprint_read_opts *opts, imprint_diags *diags)
{
    imprint_pos file = {path, 0, 0};
    if (opts && opts->split) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file,
                             "split applies to the text dialect only; a markdown file is one "
                             "article, or one a '#' heading (remove 'split:' or read the file "
                             "with 'dialect: text')");
        return false;
    }
    if (opts && opts->order_source)
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, file,
                             "'order: source' applies to the pdf-markdown dialect only; a markdown "
                             "file is always read in its own order");
    return true;
}

/* The byte offset of every line's start in `data`; a line end at the end
 * of the text starts an empty last line, as cmark counts. */
static GArray *line_table(const char *data, size_t len)
{
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(size_t));
    size_t start = 0, next;
    for (;;) {
        g_array_append_val(starts, start);
        if (start + line_len(data + start, len - start, &next) == len)
            break;
        start += next;
    }
    return starts;
}

/* The first level-1 heading as the article's title. */
static void title_from(md_reader *r, cmark_node *title)
{
    /* the title is a plain string: a reference in it cannot be linked */
    imprint_node *h = imprint_node_new(r->doc, IMPRINT_NODE_HEADING, cm_pos(r, title));
    inlines_to(r, title, h, 1, false);
    r->article->as.article.title = imprint_node_plain_text(r->doc, h);
    r->article->as.article.source_line = h->pos.line;
    for (imprint_node *c = h->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_NOTEREF)
            imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, c->pos,
                                 "a note reference in the title cannot be placed in the "
                                 "text; the note is kept");
}

/* A scraped page's breadcrumb or "top of the page" line: reported, and
 * dropped when the edition says so. */
static bool navigation(md_reader *r, cmark_node *n)
{
    const char *what = imprint_md_navigation(n);
    if (!what)
        return false;
    if (r->drop_navigation)
        imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, cm_pos(r, n),
                             "site navigation (%s) dropped, as 'navigation: drop' asks", what);
    else
        imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, cm_pos(r, n),
                             "this looks like site navigation (%s); kept (set 'navigation: "
                             "drop' in the edition to drop it)",
                             what);
    return r->drop_navigation;
}

/* Level-1 headings of the file when there are several and no front matter
 * names the article: chapters, one article each. */
static unsigned chapter_count(const md_reader *r, cmark_node *root)
{
    unsigned n = 0;
    if (r->article->as.article.title)
        return 0;
    for (cmark_node *c = cmark_node_first_child(root); c; c = cmark_node_next(c))
        n += cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1;
    return n >= 2 ? n : 0;
}

/* A new article at heading `h`, with the front matter's authors, date,
 * source and language. */
static void next_chapter(md_reader *r, cmark_node *h)
{
    imprint_node *prev = r->article;
    r->article = imprint_node_new(r->doc, IMPRINT_NODE_ARTICLE, cm_pos(r, h));
    r->article->as.article.source_file = prev->as.article.source_file;
    r->article->as.article.authors = prev->as.article.authors;
    r->article->as.article.date = prev->as.article.date;
    r->article->as.article.source_url = prev->as.article.source_url;
    r->article->as.article.lang = prev->as.article.lang;
    g_ptr_array_add(r->chapters, r->article);
    title_from(r, h);
}

static void article_blocks(md_reader *r, cmark_node *root, cmark_node *title, unsigned chapters)
{
    if (chapters)
        imprint_diags_report(r->diags, IMPRINT_SEV_NOTE, cm_pos(r, title),
                             "%u level-1 headings: one article each (a 'title:' in front "
                             "matter keeps the file one article)",
                             chapters);
    for (cmark_node *n = cmark_node_first_child(root); n && !r->failed; n = cmark_node_next(n)) {
        if (n == title || navigation(r, n))
            continue;
        if (chapters && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
            cmark_node_get_heading_level(n) == 1) {
            next_chapter(r, n);
            continue;
        }
        append_block(r, n, r->article, 1);
    }
}

int imprint_read_markdown(imprint_doc *doc, const char *path, const char *data, size_t len,
                          const imprint_read_opts *opts, imprint_diags *diags)
{
    if (!check_opts(path, opts, diags))
        return -1;
    md_reader r = {.doc = doc, .diags = diags, .path = path, .src = data, .src_len = len};
    r.drop_navigation = opts && opts->drop_navigation;
    r.wrap = opts ? opts->wrap : IMPRINT_WRAP_AUTO;
    r.src_starts = line_table(data, len);
    r.notes = g_ptr_array_new();
    r.chapters = g_ptr_array_new();
    r.pd_tables = g_array_new(FALSE, FALSE, sizeof(imprint_pandoc_table));
    GHashTable *def_lines = g_hash_table_new(NULL, NULL);
    GHashTable *code_lines = g_hash_table_new(NULL, NULL);
    char *body = g_strndup(data, len);
    md_map text = {NULL, NULL};
    cmark_parser *parser = NULL;
    cmark_node *root = NULL;
    int result = -1;

    r.article = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, (imprint_pos){path, 1, 1});
    r.article->as.article.source_file = imprint_arena_strdup(doc->arena, path);
    r.article->as.article.source_line = 1;
    g_ptr_array_add(r.chapters, r.article);

    size_t yaml_start = 0, yaml_end = 0, fm = front_matter_len(data, len, &yaml_start, &yaml_end);
    if (fm) {
        bool mapping;
        if (!front_matter(&r, data + yaml_start, yaml_end - yaml_start, &mapping))
            goto cleanup;
        /* blank the block out, keeping line numbers for cmark */
        if (mapping)
            for (size_t i = 0; i < fm; i++)
                if (body[i] != '\n' && body[i] != '\r')
                    body[i] = ' ';
    }
    md_map_init(&text);
    imprint_pandoc_rewrite(path, body, len, diags, &text, r.pd_tables);
    r.map = &text;
    r.data = text.text->str;
    r.len = text.text->len;
    r.line_starts = line_table(r.data, r.len);

    parser = imprint_md_parser_new(true);
    cmark_parser_feed(parser, r.data, r.len);
    root = cmark_parser_finish(parser);

    cmark_node *title = r.article->as.article.title ? NULL : title_heading(root);
    r.heading_base = title ? 1 : min_heading_level(root) - 1;
    read_notes(&r, root, def_lines);
    unsigned chapters = chapter_count(&r, root);
    if (title)
        title_from(&r, title);
    article_blocks(&r, root, title, chapters);
    if (r.failed)
        goto cleanup;
    code_lines_of(root, code_lines);
    unreferenced_notes(&r, def_lines, code_lines);
    warn_dangling_refs(&r, root);
    for (guint i = 0; i < r.notes->len; i++) {
        imprint_node *note = g_ptr_array_index(r.notes, i);
        if (!note->as.note.first_ref)
            imprint_diags_report(diags, IMPRINT_SEV_WARNING, note->pos,
                                 "note [^%s] is only referenced from the title",
                                 note->as.note.label);
    }
    if (r.failed)
        goto cleanup;
    if (r.bullet_items)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, r.bullet_first,
                             "%u lines opening with a bullet (\"•\", which Markdown does not "
                             "know) taken as the items of %u bulleted list%s%s",
                             r.bullet_items, r.bullet_lists, r.bullet_lists == 1 ? "" : "s",
                             r.bullet_nested ? ", a bullet new to its list (\"◦\" under \"•\") "
                                               "opening a list inside the item above"
                                             : "");
    if (r.line_paras && r.wrap == IMPRINT_WRAP_NO)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, r.line_para_first,
                             "%u block%s of lines cut into %u paragraphs, one a line, as "
                             "'wrapped: false' says",
                             r.line_paras, r.line_paras == 1 ? "" : "s", r.line_parts);
    else if (r.line_paras)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, r.line_para_first,
                             "%u block%s of lines written a paragraph a line (a line of %d "
                             "characters or more in each, every line ending a sentence, most "
                             "holding more than one, no blank line between) cut into %u "
                             "paragraphs, one a line (edition key 'wrapped: true' keeps them "
                             "joined)",
                             r.line_paras, r.line_paras == 1 ? "" : "s", MD_UNWRAPPED_MIN_CHARS,
                             r.line_parts);
    imprint_md_speeches(doc, r.chapters, diags);
    imprint_md_place_notes(r.chapters, diags);
    for (guint i = 0; i < r.chapters->len; i++)
        imprint_node_append(doc->root, g_ptr_array_index(r.chapters, i));
    result = (int)r.chapters->len;
cleanup:
    if (root)
        cmark_node_free(root);
    if (parser)
        cmark_parser_free(parser);
    g_free(body);
    md_map_clear(&text);
    g_hash_table_destroy(def_lines);
    g_hash_table_destroy(code_lines);
    g_ptr_array_free(r.notes, TRUE);
    g_ptr_array_free(r.chapters, TRUE);
    g_array_free(r.pd_tables, TRUE);
    if (r.line_starts)
        g_array_free(r.line_starts, TRUE);
    g_array_free(r.src_starts, TRUE);
    return result;
}
