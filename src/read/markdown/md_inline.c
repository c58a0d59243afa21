/* Inline content of the Markdown readers: cmark-gfm inlines and the raw
 * inline HTML that PDF exports and hand-written Markdown use. */
#include "model/nfc.h"
#include "model/typography.h"
#include "read/markdown/md_inline.h"

#include <cmark-gfm-core-extensions.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Longest HTML tag name looked at; longer names are not the tags we map. */
#define TAG_NAME_MAX 16

cmark_parser *imprint_md_parser_new(bool footnotes)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(footnotes ? CMARK_OPT_FOOTNOTES : CMARK_OPT_DEFAULT);
    static const char *const exts[] = {"table", "autolink"};
    for (size_t i = 0; i < G_N_ELEMENTS(exts); i++) {
        cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
        if (e)
            cmark_parser_attach_syntax_extension(p, e);
    }
    return p;
}

static imprint_pos node_pos(imprint_md_inline *mi, cmark_node *n, imprint_pos fallback)
{
    int line = cmark_node_get_start_line(n);
    if (line <= 0 || !mi->map_pos)
        return fallback;
    imprint_pos p = mi->map_pos(mi->pos_ctx, line, cmark_node_get_start_column(n));
    return p.line ? p : fallback;
}

/* A parsed raw tag: `<name ...>`, `</name>` or `<name/>`. */
typedef struct {
    char name[TAG_NAME_MAX + 1];
    bool closing;
    bool self_closing;
} html_tag;

static bool parse_tag(const char *s, html_tag *tag)
{
    memset(tag, 0, sizeof *tag);
    if (*s++ != '<')
        return false;
    if (*s == '/') {
        tag->closing = true;
        s++;
    }
    size_t n = 0;
    while (g_ascii_isalnum(*s)) {
        if (n == TAG_NAME_MAX)
            return false;
        tag->name[n++] = g_ascii_tolower(*s++);
    }
    if (n == 0)
        return false;
    const char *end = strrchr(s, '>');
    if (!end)
        return false;
    tag->self_closing = end > s && end[-1] == '/';
    return true;
}

static imprint_node_kind tag_kind(const char *name)
{
    if (strcmp(name, "sup") == 0)
        return IMPRINT_NODE_SUP;
    if (strcmp(name, "sub") == 0)
        return IMPRINT_NODE_SUB;
    if (strcmp(name, "b") == 0 || strcmp(name, "strong") == 0)
        return IMPRINT_NODE_STRONG;
    if (strcmp(name, "i") == 0 || strcmp(name, "em") == 0)
        return IMPRINT_NODE_EMPH;
    return IMPRINT_NODE_KIND_COUNT;
}

static bool all_digits(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s))
            return false;
    return true;
}

/* The open HTML elements of one run of siblings. */
typedef struct {
    imprint_node *node[IMPRINT_MAX_DEPTH];
    char name[IMPRINT_MAX_DEPTH][TAG_NAME_MAX + 1];
    int len;
} tag_stack;

static imprint_node *stack_top(tag_stack *st, imprint_node *base)
{
    return st->len ? st->node[st->len - 1] : base;
}

static void keep_raw(imprint_md_inline *mi, imprint_node *into, imprint_pos pos, const char *raw)
{
    imprint_node_append_text(mi->doc, into, pos, raw, strlen(raw));
    mi->last = '>';
    imprint_diags_report(mi->diags, IMPRINT_SEV_WARNING, pos, "raw HTML '%s' kept as text", raw);
}

static bool convert_children(imprint_md_inline *mi, cmark_node *parent, imprint_node *out,
                             int depth);

/* A `<sup>N</sup>` run starting at `n`: returns the digits, or NULL. */
static const char *sup_ref_digits(cmark_node *n)
{
    cmark_node *t = cmark_node_next(n);
    cmark_node *c = t ? cmark_node_next(t) : NULL;
    if (!c || cmark_node_get_type(t) != CMARK_NODE_TEXT ||
        cmark_node_get_type(c) != CMARK_NODE_HTML_INLINE)
        return NULL;
    html_tag close;
    const char *digits = cmark_node_get_literal(t);
    if (!all_digits(digits) || strlen(digits) > 6 || !parse_tag(cmark_node_get_literal(c), &close))
        return NULL;
    return close.closing && strcmp(close.name, "sup") == 0 ? digits : NULL;
}

static void html_inline(imprint_md_inline *mi, cmark_node **np, tag_stack *st, imprint_node *base,
                        imprint_pos pos)
{
    cmark_node *n = *np;
    const char *raw = cmark_node_get_literal(n);
    html_tag tag;
    imprint_node *top = stack_top(st, base);
    if (!parse_tag(raw, &tag)) {
        keep_raw(mi, top, pos, raw);
        return;
    }
    if (strcmp(tag.name, "br") == 0 && !tag.closing) {
        imprint_node_append(top, imprint_node_new(mi->doc, IMPRINT_NODE_LINEBREAK, pos));
        mi->last = ' ';
        return;
    }
    imprint_node_kind kind = tag_kind(tag.name);
    if (kind == IMPRINT_NODE_KIND_COUNT || tag.self_closing) {
        keep_raw(mi, top, pos, raw);
        return;
    }
    if (!tag.closing) {
        const char *digits =
            mi->sup_digits_are_refs && kind == IMPRINT_NODE_SUP ? sup_ref_digits(n) : NULL;
        if (digits) {
            imprint_node *ref = imprint_node_new(mi->doc, IMPRINT_NODE_NOTEREF, pos);
            imprint_text_number(digits, G_MAXINT, &ref->as.noteref.number);
            imprint_node_append(top, ref);
            if (mi->on_ref)
                mi->on_ref(mi->ref_ctx, ref, digits);
            mi->last = '0';
            *np = cmark_node_next(cmark_node_next(n));
            return;
        }
        if (st->len + mi->depth >= IMPRINT_MAX_DEPTH) {
            mi->too_deep = true;
            return;
        }
        imprint_node *el = imprint_node_new(mi->doc, kind, pos);
        imprint_node_append(top, el);
        st->node[st->len] = el;
        g_strlcpy(st->name[st->len], tag.name, sizeof st->name[0]);
        st->len++;
        return;
    }
    for (int i = st->len - 1; i >= 0; i--) {
        if (tag_kind(st->name[i]) == kind) {
            st->len = i;
            return;
        }
    }
    keep_raw(mi, top, pos, raw);
}

/* The last character of `s`, or `none` if it is empty. */
static gunichar last_char(const char *s, gunichar none)
{
    size_t len = s ? strlen(s) : 0;
    return len ? g_utf8_get_char(g_utf8_find_prev_char(s, s + len)) : none;
}

/* The node after `n` in the block's reading order: its first child when
 * `into` and it has one, else the next sibling of it or of an enclosing
 * inline; NULL at the block's end. */
static cmark_node *node_after(const imprint_md_inline *mi, cmark_node *n, bool into)
{
    if (into && cmark_node_first_child(n))
        return cmark_node_first_child(n);
    for (; n && n != mi->block; n = cmark_node_parent(n))
        if (cmark_node_next(n))
            return cmark_node_next(n);
    return NULL;
}

/* The first character shown after the text node `n` in its block, 0 at its
 * end. Emphasis and links are entered; raw HTML tags show nothing. */
static gunichar char_after(const imprint_md_inline *mi, cmark_node *n)
{
    for (cmark_node *m = node_after(mi, n, false); m; m = node_after(mi, m, true)) {
        switch (cmark_node_get_type(m)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
            const char *lit = cmark_node_get_literal(m);
            if (lit && *lit)
                return g_utf8_get_char(lit);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            return ' ';
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return '0';
        default:
            break;
        }
    }
    return 0;
}

/* A text run: spaces squeezed as every Markdown renderer shows them (HTML
 * makes a run of spaces one, and ". &nbsp;" is a double space too), quotes
 * made curly by the characters around the run. */
static void text_run(imprint_md_inline *mi, cmark_node *n, imprint_node *into, imprint_pos pos,
                     const char *lit)
{
    char *t = g_strdup(lit ? lit : "");
    size_t len = imprint_typography_squeeze_spaces(t, strlen(t), NULL);
    t[len] = '\0';
    if (mi->curly_quotes && strpbrk(t, "\"'\xC2")) {
        char *c = imprint_typography_apply_between(t, len, mi->last, char_after(mi, n));
        g_free(t);
        t = c;
        len = strlen(t);
    }
    imprint_node_append_text(mi->doc, into, pos, t, len);
    mi->last = last_char(t, mi->last);
    g_free(t);
}

static bool convert_children(imprint_md_inline *mi, cmark_node *parent, imprint_node *out,
                             int depth)
{
    if (depth >= IMPRINT_MAX_DEPTH) {
        mi->too_deep = true;
        return false;
    }
    tag_stack *st = g_new0(tag_stack, 1);
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        imprint_node *top = stack_top(st, out);
        imprint_pos pos = node_pos(mi, n, top->pos);
        const char *lit = cmark_node_get_literal(n);
        imprint_node *el = NULL;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            text_run(mi, n, top, pos, lit);
            break;
        case CMARK_NODE_CODE:
            imprint_node_append_text(mi->doc, top, pos, lit, strlen(lit));
            mi->last = last_char(lit, mi->last);
            break;
        case CMARK_NODE_SOFTBREAK:
            if (mi->soft_breaks)
                imprint_node_append(top, imprint_node_new(mi->doc, IMPRINT_NODE_LINEBREAK, pos));
            else
                imprint_node_append_text(mi->doc, top, pos, " ", 1);
            mi->last = ' ';
            break;
        case CMARK_NODE_LINEBREAK:
            imprint_node_append(top, imprint_node_new(mi->doc, IMPRINT_NODE_LINEBREAK, pos));
            mi->last = ' ';
            break;
        case CMARK_NODE_HTML_INLINE:
            html_inline(mi, &n, st, out, pos);
            break;
        case CMARK_NODE_EMPH:
            el = imprint_node_new(mi->doc, IMPRINT_NODE_EMPH, pos);
            break;
        case CMARK_NODE_STRONG:
            el = imprint_node_new(mi->doc, IMPRINT_NODE_STRONG, pos);
            break;
        case CMARK_NODE_LINK:
            el = imprint_node_new(mi->doc, IMPRINT_NODE_LINK, pos);
            el->as.link.url = imprint_arena_strdup(mi->doc->arena, cmark_node_get_url(n));
            break;
        case CMARK_NODE_IMAGE: {
            const char *title = cmark_node_get_title(n);
            bool titled = title && *title;
            imprint_diags_report(
                mi->diags, IMPRINT_SEV_WARNING, pos, "inline image '%s' kept as its description%s",
                cmark_node_get_url(n), titled ? " and, in parentheses, its title" : "");
            convert_children(mi, n, top, depth + 1);
            if (titled) {
                char *t = g_strdup_printf(" (%s)", title);
                imprint_node_append_text(mi->doc, top, pos, t, strlen(t));
                g_free(t);
            }
            break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
            imprint_node *ref = imprint_node_new(mi->doc, IMPRINT_NODE_NOTEREF, pos);
            imprint_text_number(lit, G_MAXINT, &ref->as.noteref.number);
            imprint_node_append(top, ref);
            if (mi->on_ref)
                mi->on_ref(mi->ref_ctx, ref, lit);
            mi->last = '0'; /* a quote after a reference closes, as after a word */
            break;
        }
        default:
            /* extension inlines (none attached that the model lacks) keep their text */
            convert_children(mi, n, top, depth + 1);
            break;
        }
        if (el) {
            imprint_node_append(top, el);
            convert_children(mi, n, el, depth + 1);
        }
        if (mi->too_deep)
            break;
    }
    g_free(st);
    return !mi->too_deep;
}

bool imprint_md_inlines(imprint_md_inline *mi, cmark_node *parent, imprint_node *out)
{
    mi->block = parent;
    mi->last = 0;
    return convert_children(mi, parent, out, mi->depth);
}

/* A code or HTML block's text is its literal; cmark gives it no children.
 * Into a CODE node the lines go as they are, no guess to report; into a
 * paragraph (pdfmd's code, any HTML) they are reported. */
static void literal_block(imprint_md_inline *mi, cmark_node *n, imprint_node *out)
{
    bool html = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    imprint_pos pos = node_pos(mi, n, out->pos);
    if (out->kind != IMPRINT_NODE_CODE)
        imprint_diags_report(mi->diags, html ? IMPRINT_SEV_WARNING : IMPRINT_SEV_NOTE, pos,
                             html ? "raw HTML block kept as text"
                                  : "code block kept as a plain paragraph");
    int fence_len = 0, fence_offset = 0;
    char fence_char = 0;
    /* a fenced block's text starts on the line after the fence */
    int first_line = cmark_node_get_start_line(n) +
                     (!html && cmark_node_get_fenced(n, &fence_len, &fence_offset, &fence_char));
    const char *lit = cmark_node_get_literal(n);
    char **lines = g_strsplit(lit ? lit : "", "\n", -1);
    guint nl = g_strv_length(lines);
    while (nl > 0 && !*lines[nl - 1])
        nl--;
    for (guint i = 0; i < nl; i++) {
        imprint_pos lp = pos;
        if (mi->map_pos && (i > 0 || !html)) {
            imprint_pos m = mi->map_pos(mi->pos_ctx, first_line + (int)i, 1);
            lp = m.line ? m : pos;
        }
        if (i)
            imprint_node_append(out, imprint_node_new(mi->doc, IMPRINT_NODE_LINEBREAK, lp));
        if (*lines[i])
            imprint_node_append_text(mi->doc, out, lp, lines[i], strlen(lines[i]));
    }
    g_strfreev(lines);
}

bool imprint_md_block_inlines(imprint_md_inline *mi, cmark_node *n, imprint_node *out)
{
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_CODE_BLOCK) {
        literal_block(mi, n, out);
        return true;
    }
    return imprint_md_inlines(mi, n, out);
}
