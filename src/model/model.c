#include "imprint/model.h"

#include "model/nfc.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

static const char *const kind_names[IMPRINT_NODE_KIND_COUNT] = {
    [IMPRINT_NODE_DOCUMENT] = "document",
    [IMPRINT_NODE_ARTICLE] = "article",
    [IMPRINT_NODE_NOTE] = "note",
    [IMPRINT_NODE_HEADING] = "heading",
    [IMPRINT_NODE_PARAGRAPH] = "paragraph",
    [IMPRINT_NODE_QUOTE] = "quote",
    [IMPRINT_NODE_CITATION] = "citation",
    [IMPRINT_NODE_LIST] = "list",
    [IMPRINT_NODE_ITEM] = "item",
    [IMPRINT_NODE_VERSE] = "verse",
    [IMPRINT_NODE_LINE] = "line",
    [IMPRINT_NODE_SPEECH] = "speech",
    [IMPRINT_NODE_TABLE] = "table",
    [IMPRINT_NODE_ROW] = "row",
    [IMPRINT_NODE_CELL] = "cell",
    [IMPRINT_NODE_FIGURE] = "figure",
    [IMPRINT_NODE_BREAK] = "break",
    [IMPRINT_NODE_BIBL] = "bibl",
    [IMPRINT_NODE_SIDENOTE] = "sidenote",
    [IMPRINT_NODE_OPENER] = "opener",
    [IMPRINT_NODE_CLOSER] = "closer",
    [IMPRINT_NODE_CODE] = "code",
    [IMPRINT_NODE_TEXT] = "text",
    [IMPRINT_NODE_EMPH] = "emph",
    [IMPRINT_NODE_STRONG] = "strong",
    [IMPRINT_NODE_SUP] = "sup",
    [IMPRINT_NODE_SUB] = "sub",
    [IMPRINT_NODE_SMALLCAPS] = "smallcaps",
    [IMPRINT_NODE_LINK] = "link",
    [IMPRINT_NODE_NOTEREF] = "noteref",
    [IMPRINT_NODE_LINEBREAK] = "linebreak",
};

const char *imprint_node_kind_name(imprint_node_kind kind)
{
    if ((unsigned)kind >= IMPRINT_NODE_KIND_COUNT)
        return "invalid";
    return kind_names[kind];
}

imprint_doc *imprint_doc_new(void)
{
    imprint_doc *doc = g_new0(imprint_doc, 1);
    doc->arena = imprint_arena_new();
    doc->root = imprint_node_new(doc, IMPRINT_NODE_DOCUMENT, (imprint_pos){0});
    return doc;
}

void imprint_doc_free(imprint_doc *doc)
{
    if (!doc)
        return;
    imprint_arena_free(doc->arena);
    g_free(doc);
}

imprint_node *imprint_node_new(imprint_doc *doc, imprint_node_kind kind, imprint_pos pos)
{
    imprint_node *n = imprint_arena_alloc(doc->arena, sizeof *n);
    n->kind = kind;
    n->pos = pos;
    if (pos.file)
        n->pos.file = imprint_arena_strdup(doc->arena, pos.file);
    return n;
}

imprint_node *imprint_node_new_text(imprint_doc *doc, imprint_pos pos, const char *text, size_t len)
{
    imprint_node *n = imprint_node_new(doc, IMPRINT_NODE_TEXT, pos);
    n->as.text.text = imprint_arena_strndup(doc->arena, text, len);
    n->as.text.len = len;
    return n;
}

/* Smallest buffer a run of text starts growing in. */
#define RUN_MIN_CAP 64

/* Makes room for `need` bytes and a NUL in `t`'s run buffer, keeping its
 * first `keep` bytes: in place while the buffer is the node's own and large
 * enough, else in a new one of twice the size (the old one stays in the
 * arena: the arena never frees, and doubling bounds the waste by the size
 * of the run). */
static char *run_reserve(imprint_doc *doc, imprint_node *t, size_t keep, size_t need)
{
    if (need == SIZE_MAX)
        g_error("imprint: text run too long");
    if (t->as.text.run && t->as.text.text == t->as.text.run && need < t->as.text.run_cap)
        return t->as.text.run;
    size_t cap = MAX((size_t)RUN_MIN_CAP, need + 1);
    if (t->as.text.run_cap <= SIZE_MAX / 2)
        cap = MAX(cap, 2 * t->as.text.run_cap);
    char *buf = imprint_arena_alloc(doc->arena, cap);
    memcpy(buf, t->as.text.text, keep);
    t->as.text.run = buf;
    t->as.text.run_cap = cap;
    return buf;
}

imprint_node *imprint_node_append_text(imprint_doc *doc, imprint_node *parent, imprint_pos pos,
                                       const char *text, size_t len)
{
    imprint_node *t = parent->last_child;
    bool fresh = !t || t->kind != IMPRINT_NODE_TEXT;
    if (fresh) {
        if (!imprint_node_can_contain(parent->kind, IMPRINT_NODE_TEXT))
            return NULL;
        t = imprint_node_new(doc, IMPRINT_NODE_TEXT, pos);
        t->as.text.text = "";
    }
    /* Only the end of the run can change when text is appended: the tail
     * after its last starter is normalised again with the new text. */
    size_t keep = imprint_nfc_stable_prefix(t->as.text.text, t->as.text.len);
    size_t tail = t->as.text.len - keep;
    char *joined = g_malloc(tail + len + 1);
    memcpy(joined, t->as.text.text + keep, tail);
    memcpy(joined + tail, text, len);
    char *nfc = imprint_nfc(joined, (gssize)(tail + len));
    g_free(joined);
    if (!nfc)
        return NULL;
    size_t n = strlen(nfc);
    char *buf = run_reserve(doc, t, keep, keep + n);
    memcpy(buf + keep, nfc, n + 1);
    g_free(nfc);
    t->as.text.text = buf;
    t->as.text.len = keep + n;
    if (fresh)
        imprint_node_append(parent, t);
    return t;
}

bool imprint_node_append_literal(imprint_doc *doc, imprint_node *code, imprint_pos pos,
                                 const char *text, size_t len)
{
    if (!g_utf8_validate(text, (gssize)len, NULL))
        return false;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        len--;
    const char *p = text, *end = text + len;
    bool first = code->first_child == NULL;
    while (p <= end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        size_t n = (size_t)(stop - p);
        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (!first)
            imprint_node_append(code, imprint_node_new(doc, IMPRINT_NODE_LINEBREAK, pos));
        first = false;
        if (n > 0)
            imprint_node_append_text(doc, code, pos, p, n); /* valid: checked above */
        if (!nl)
            break;
        p = nl + 1;
    }
    return true;
}

bool imprint_node_kind_is_block(imprint_node_kind kind)
{
    switch (kind) {
    case IMPRINT_NODE_HEADING:
    case IMPRINT_NODE_PARAGRAPH:
    case IMPRINT_NODE_QUOTE:
    case IMPRINT_NODE_CITATION:
    case IMPRINT_NODE_LIST:
    case IMPRINT_NODE_VERSE:
    case IMPRINT_NODE_SPEECH:
    case IMPRINT_NODE_TABLE:
    case IMPRINT_NODE_FIGURE:
    case IMPRINT_NODE_BREAK:
    case IMPRINT_NODE_BIBL:
    case IMPRINT_NODE_SIDENOTE:
    case IMPRINT_NODE_OPENER:
    case IMPRINT_NODE_CLOSER:
    case IMPRINT_NODE_CODE:
        return true;
    default:
        return false;
    }
}

bool imprint_node_kind_is_inline(imprint_node_kind kind)
{
    return kind >= IMPRINT_NODE_TEXT && kind < IMPRINT_NODE_KIND_COUNT;
}

bool imprint_node_kind_holds_text(imprint_node_kind kind)
{
    return !imprint_node_kind_is_inline(kind) && imprint_node_can_contain(kind, IMPRINT_NODE_TEXT);
}

bool imprint_node_can_contain(imprint_node_kind parent, imprint_node_kind child)
{
    switch (parent) {
    case IMPRINT_NODE_DOCUMENT:
        return child == IMPRINT_NODE_ARTICLE;
    case IMPRINT_NODE_ARTICLE:
    case IMPRINT_NODE_NOTE:
    case IMPRINT_NODE_ITEM:
    case IMPRINT_NODE_SPEECH:
        return imprint_node_kind_is_block(child) && child != IMPRINT_NODE_CITATION;
    case IMPRINT_NODE_QUOTE:
        return imprint_node_kind_is_block(child);
    case IMPRINT_NODE_LIST:
        return child == IMPRINT_NODE_ITEM;
    case IMPRINT_NODE_VERSE:
        return child == IMPRINT_NODE_LINE;
    case IMPRINT_NODE_TABLE:
        return child == IMPRINT_NODE_ROW;
    case IMPRINT_NODE_ROW:
        return child == IMPRINT_NODE_CELL;
    case IMPRINT_NODE_HEADING:
    case IMPRINT_NODE_PARAGRAPH:
    case IMPRINT_NODE_CITATION:
    case IMPRINT_NODE_BIBL:
    case IMPRINT_NODE_SIDENOTE:
    case IMPRINT_NODE_OPENER:
    case IMPRINT_NODE_CLOSER:
    case IMPRINT_NODE_LINE:
    case IMPRINT_NODE_CELL:
    case IMPRINT_NODE_FIGURE:
    case IMPRINT_NODE_EMPH:
    case IMPRINT_NODE_STRONG:
    case IMPRINT_NODE_SUP:
    case IMPRINT_NODE_SUB:
    case IMPRINT_NODE_SMALLCAPS:
    case IMPRINT_NODE_LINK:
        return imprint_node_kind_is_inline(child);
    case IMPRINT_NODE_CODE:
        return child == IMPRINT_NODE_TEXT || child == IMPRINT_NODE_LINEBREAK;
    case IMPRINT_NODE_TEXT:
    case IMPRINT_NODE_NOTEREF:
    case IMPRINT_NODE_LINEBREAK:
    case IMPRINT_NODE_BREAK:
    case IMPRINT_NODE_KIND_COUNT:
        return false;
    }
    return false;
}

bool imprint_node_append(imprint_node *parent, imprint_node *child)
{
    if (!imprint_node_can_contain(parent->kind, child->kind) || child->parent)
        return false;
    child->parent = parent;
    child->prev = parent->last_child;
    child->next = NULL;
    if (parent->last_child)
        parent->last_child->next = child;
    else
        parent->first_child = child;
    parent->last_child = child;
    return true;
}

bool imprint_node_prepend(imprint_node *parent, imprint_node *child)
{
    return parent->first_child ? imprint_node_insert_before(parent->first_child, child)
                               : imprint_node_append(parent, child);
}

bool imprint_node_insert_before(imprint_node *sibling, imprint_node *node)
{
    imprint_node *parent = sibling->parent;
    if (!parent || node->parent || !imprint_node_can_contain(parent->kind, node->kind))
        return false;
    node->parent = parent;
    node->next = sibling;
    node->prev = sibling->prev;
    if (sibling->prev)
        sibling->prev->next = node;
    else
        parent->first_child = node;
    sibling->prev = node;
    return true;
}

void imprint_node_unlink(imprint_node *node)
{
    if (node->prev)
        node->prev->next = node->next;
    else if (node->parent)
        node->parent->first_child = node->next;
    if (node->next)
        node->next->prev = node->prev;
    else if (node->parent)
        node->parent->last_child = node->prev;
    node->parent = node->prev = node->next = NULL;
}

void imprint_article_append_note(imprint_node *article, imprint_node *note)
{
    g_return_if_fail(article->kind == IMPRINT_NODE_ARTICLE && note->kind == IMPRINT_NODE_NOTE);
    note->parent = article;
    note->as.note.next_note = NULL;
    if (article->as.article.last_note)
        article->as.article.last_note->as.note.next_note = note;
    else
        article->as.article.first_note = note;
    article->as.article.last_note = note;
    article->as.article.note_count++;
    note->as.note.number = article->as.article.note_count;
}

static const char *arena_copy(imprint_doc *doc, const char *s)
{
    return s ? imprint_arena_strdup(doc->arena, s) : NULL;
}

void imprint_article_add_witness(imprint_doc *doc, imprint_node *article, const imprint_witness *w)
{
    g_return_if_fail(article->kind == IMPRINT_NODE_ARTICLE);
    /* The array's room is the power of two at or above its length: it is
     * copied into twice the room when full, so that n witnesses (a source
     * of n copies of one text) cost O(n) in all. */
    size_t n = article->as.article.nwitnesses;
    imprint_witness *list = (imprint_witness *)article->as.article.witnesses;
    if (n == 0 || (n & (n - 1)) == 0) {
        list = imprint_arena_alloc(doc->arena, (n ? 2 * n : 1) * sizeof *list);
        if (n)
            memcpy(list, article->as.article.witnesses, n * sizeof *list);
    }
    list[n] = *w;
    list[n].file = arena_copy(doc, w->file);
    list[n].url = arena_copy(doc, w->url);
    list[n].title = arena_copy(doc, w->title);
    article->as.article.witnesses = list;
    article->as.article.nwitnesses = n + 1;
}

void imprint_note_add_ref(imprint_node *note, imprint_node *ref)
{
    g_return_if_fail(note->kind == IMPRINT_NODE_NOTE && ref->kind == IMPRINT_NODE_NOTEREF);
    ref->as.noteref.note = note;
    ref->as.noteref.next_ref = NULL;
    if (note->as.note.last_ref)
        note->as.note.last_ref->as.noteref.next_ref = ref;
    else
        note->as.note.first_ref = ref;
    note->as.note.last_ref = ref;
}

size_t imprint_note_ref_count(const imprint_node *note)
{
    size_t n = 0;
    for (const imprint_node *r = note->as.note.first_ref; r; r = r->as.noteref.next_ref)
        n++;
    return n;
}

imprint_node *imprint_node_article(const imprint_node *node)
{
    for (const imprint_node *n = node; n; n = n->parent)
        if (n->kind == IMPRINT_NODE_ARTICLE)
            return (imprint_node *)n;
    return NULL;
}

void imprint_node_append_plain(const imprint_node *node, void *out)
{
    GString *s = out;
    imprint_iter it;
    imprint_iter_init(&it, node);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        if (it.event != IMPRINT_EVENT_ENTER)
            continue;
        if (it.node->kind == IMPRINT_NODE_TEXT)
            g_string_append_len(s, it.node->as.text.text, (gssize)it.node->as.text.len);
        else if (it.node->kind == IMPRINT_NODE_LINEBREAK)
            g_string_append_c(s, ' ');
    }
}

void imprint_node_append_alt(const imprint_node *fig, void *out)
{
    GString *s = out;
    size_t before = s->len;
    imprint_node_append_plain(fig, s);
    if (s->len > before)
        return;
    const char *what = fig->as.figure.placeholder ? fig->as.figure.placeholder
                       : fig->as.figure.src       ? fig->as.figure.src
                                                  : NULL;
    if (what)
        g_string_append(s, what);
}

char *imprint_node_plain_text(imprint_doc *doc, const imprint_node *node)
{
    GString *s = g_string_new(NULL);
    imprint_node_append_plain(node, s);
    char *r = imprint_arena_strndup(doc->arena, s->str, s->len);
    g_string_free(s, TRUE);
    return r;
}

/* Appends the words of `text` to `label` up to the word limit; returns false
 * when words were left out. */
static bool take_words(GString *label, const char *text)
{
    int n = 0;
    const char *p = text;
    for (;;) {
        while (*p && (g_unichar_isspace(g_utf8_get_char(p)) || g_utf8_get_char(p) == 0x00A0))
            p = g_utf8_next_char(p);
        if (!*p)
            return true;
        if (n == IMPRINT_ARTICLE_LABEL_WORDS)
            return false;
        if (n++)
            g_string_append_c(label, ' ');
        while (*p && !g_unichar_isspace(g_utf8_get_char(p)) && g_utf8_get_char(p) != 0x00A0) {
            const char *next = g_utf8_next_char(p);
            g_string_append_len(label, p, next - p);
            p = next;
        }
    }
}

char *imprint_article_label(const imprint_node *article)
{
    if (article->as.article.title && *article->as.article.title)
        return g_strdup(article->as.article.title);
    GString *label = g_string_new(NULL);
    GString *text = g_string_new(NULL);
    for (const imprint_node *c = article->first_child; c && label->len == 0; c = c->next) {
        if (c->kind == IMPRINT_NODE_SIDENOTE || c->kind == IMPRINT_NODE_CODE)
            continue; /* the margin's summary, a program's lines: not the article's words */
        g_string_truncate(text, 0);
        imprint_node_append_plain(c, text);
        if (!take_words(label, text->str))
            g_string_append(label, "\u2026");
    }
    g_string_free(text, TRUE);
    if (label->len == 0)
        g_string_append(label, "Untitled");
    return g_string_free(label, FALSE);
}

/* Tree check. Iterative over siblings, recursive over depth; the readers
 * bound depth by IMPRINT_MAX_DEPTH, and the check reports deeper trees
 * instead of recursing into them. */
typedef struct {
    GString *problems;
    bool ok;
    GHashTable *chained; /* every NOTEREF in some note's chain */
} check_state;

static void problem(check_state *st, const imprint_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(check_state *st, const imprint_node *n, const char *fmt, ...)
{
    st->ok = false;
    if (!st->problems)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_string_append_printf(st->problems, "%s:%u:%u: %s: %s\n", n->pos.file ? n->pos.file : "?",
                           n->pos.line, n->pos.col, imprint_node_kind_name(n->kind), msg);
    g_free(msg);
}

static void check_text(check_state *st, const imprint_node *n)
{
    const char *t = n->as.text.text;
    if (!t) {
        problem(st, n, "text is NULL");
        return;
    }
    if (strlen(t) != n->as.text.len)
        problem(st, n, "length %zu does not match the text", n->as.text.len);
    if (!imprint_utf8_validate(t, n->as.text.len, NULL)) {
        problem(st, n, "text is not valid UTF-8");
        return;
    }
    if (!imprint_nfc_is(t, n->as.text.len))
        problem(st, n, "text is not in NFC");
}

static void check_node(check_state *st, const imprint_node *n, int depth)
{
    if (depth > IMPRINT_MAX_DEPTH + 8) {
        problem(st, n, "nested deeper than %d", IMPRINT_MAX_DEPTH);
        return;
    }
    if (n->kind == IMPRINT_NODE_ARTICLE)
        for (const imprint_node *note = n->as.article.first_note; note;
             note = note->as.note.next_note)
            for (const imprint_node *r = note->as.note.first_ref; r; r = r->as.noteref.next_ref)
                g_hash_table_add(st->chained, (gpointer)r);
    if (n->kind != IMPRINT_NODE_DOCUMENT && n->pos.line == 0)
        problem(st, n, "no source position");
    if (n->kind == IMPRINT_NODE_TEXT)
        check_text(st, n);
    if (n->kind == IMPRINT_NODE_NOTEREF && n->first_child)
        problem(st, n, "a note reference has children");
    if (n->kind == IMPRINT_NODE_NOTEREF && n->as.noteref.note) {
        if (!g_hash_table_contains(st->chained, n))
            problem(st, n, "reference missing from its note's list of references");
        if (imprint_node_article(n->as.noteref.note) != imprint_node_article(n))
            problem(st, n, "reference to a note of another article");
    }
    if (n->kind == IMPRINT_NODE_HEADING && (n->as.heading.level < 1 || n->as.heading.level > 6))
        problem(st, n, "heading level %d outside 1..6", n->as.heading.level);
    if (n->kind == IMPRINT_NODE_LINK && !n->as.link.url)
        problem(st, n, "link without URL");
    if (n->kind == IMPRINT_NODE_SPEECH && !n->as.speech.speaker)
        problem(st, n, "speech without speaker");

    const imprint_node *prev = NULL;
    for (const imprint_node *c = n->first_child; c; c = c->next) {
        if (c->parent != n)
            problem(st, c, "wrong parent link");
        if (c->prev != prev)
            problem(st, c, "wrong previous-sibling link");
        if (!imprint_node_can_contain(n->kind, c->kind))
            problem(st, c, "may not stand inside %s", imprint_node_kind_name(n->kind));
        if (c->kind == IMPRINT_NODE_CITATION && c->next)
            problem(st, c, "citation is not the last child of its quote");
        check_node(st, c, depth + 1);
        prev = c;
    }
    if (n->last_child != prev)
        problem(st, n, "wrong last-child link");

    if (n->kind == IMPRINT_NODE_ARTICLE) {
        int number = 0;
        const imprint_node *last = NULL;
        for (const imprint_node *note = n->as.article.first_note; note;
             note = note->as.note.next_note) {
            if (note->kind != IMPRINT_NODE_NOTE) {
                problem(st, note, "in the notes chain but not a note");
                break;
            }
            number++;
            if (note->parent != n)
                problem(st, note, "note's parent is not its article");
            if (note->as.note.number != number)
                problem(st, note, "numbered %d, expected %d", note->as.note.number, number);
            const imprint_node *tail = NULL;
            for (const imprint_node *r = note->as.note.first_ref; r; r = r->as.noteref.next_ref) {
                if (r->kind != IMPRINT_NODE_NOTEREF || r->as.noteref.note != note)
                    problem(st, note, "a reference in its list does not point back to it");
                tail = r;
            }
            if (tail != note->as.note.last_ref)
                problem(st, note, "wrong last-reference link");
            check_node(st, note, depth + 1);
            last = note;
        }
        if (number != n->as.article.note_count)
            problem(st, n, "note count %d but %d notes chained", n->as.article.note_count, number);
        if (last != n->as.article.last_note)
            problem(st, n, "wrong last-note link");
    }
}

bool imprint_doc_check(const imprint_doc *doc, void *problems)
{
    if (!doc->root || doc->root->kind != IMPRINT_NODE_DOCUMENT) {
        if (problems)
            g_string_append(problems, "document has no DOCUMENT root\n");
        return false;
    }
    check_state st = {.problems = problems, .ok = true};
    st.chained = g_hash_table_new(NULL, NULL);
    check_node(&st, doc->root, 0);
    g_hash_table_destroy(st.chained);
    return st.ok;
}

static void count_node(const imprint_node *root, imprint_doc_stats *s)
{
    imprint_iter it;
    imprint_iter_init(&it, root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        if (it.event != IMPRINT_EVENT_ENTER)
            continue;
        const imprint_node *n = it.node;
        s->nodes++;
        switch (n->kind) {
        case IMPRINT_NODE_ARTICLE:
            s->articles++;
            for (const imprint_node *note = n->as.article.first_note; note;
                 note = note->as.note.next_note) {
                s->notes++;
                count_node(note, s);
            }
            break;
        case IMPRINT_NODE_HEADING:
            s->headings++;
            break;
        case IMPRINT_NODE_PARAGRAPH:
            s->paragraphs++;
            break;
        case IMPRINT_NODE_NOTEREF:
            s->noterefs++;
            break;
        default:
            break;
        }
    }
}

void imprint_doc_count(const imprint_doc *doc, imprint_doc_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    count_node(doc->root, stats);
}
