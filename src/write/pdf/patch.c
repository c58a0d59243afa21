#include "write/pdf/patch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cross-reference entry is 20 bytes: "oooooooooo ggggg n\r\n" or " \n". */
#define XREF_ENTRY 20

typedef struct {
    size_t at, len;
    char *text;
    size_t n;
} edit;

struct pdf_patch {
    GString *pdf;
    size_t xref;     /* offset of "xref" */
    size_t entries;  /* offset of the first entry */
    size_t trailer;  /* offset after the last entry */
    GArray *offsets; /* size_t per object number; (size_t)-1: free */
    GArray *edits;   /* edit */
    unsigned root;
};

static bool is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
    return strchr("()<>[]{}/%", c) != NULL;
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end) {
        if (is_space(*p)) {
            p++;
        } else if (*p == '%') {
            while (p < end && *p != '\n' && *p != '\r')
                p++;
        } else {
            break;
        }
    }
    return p;
}

/* The end of the literal string opening at `p`, or NULL when unclosed. */
static const char *literal_end(const char *p, const char *end)
{
    int depth = 0;
    for (; p < end; p++) {
        if (*p == '\\') {
            p++;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')' && --depth == 0) {
            return p + 1;
        }
    }
    return NULL;
}

pdf_tok pdf_lex(pdf_lexer *lx)
{
    const char *p = skip_space(lx->p, lx->end), *end = lx->end;
    pdf_tok t = {PDF_TOK_END, p, 0};
    if (p >= end) {
        lx->p = end;
        return t;
    }
    const char *q = p + 1;
    if (*p == '(') {
        q = literal_end(p, end);
        t.kind = q ? PDF_TOK_STRING : PDF_TOK_BAD;
    } else if (*p == '<' && q < end && *q == '<') {
        q++;
        t.kind = PDF_TOK_DICT_OPEN;
    } else if (*p == '<') {
        q = memchr(p, '>', (size_t)(end - p));
        t.kind = q ? PDF_TOK_STRING : PDF_TOK_BAD;
        q = q ? q + 1 : NULL;
    } else if (*p == '>' && q < end && *q == '>') {
        q++;
        t.kind = PDF_TOK_DICT_CLOSE;
    } else if (*p == '[' || *p == ']') {
        t.kind = *p == '[' ? PDF_TOK_ARRAY_OPEN : PDF_TOK_ARRAY_CLOSE;
    } else if (*p == '/' || !is_delim(*p)) {
        while (q < end && !is_space(*q) && !is_delim(*q))
            q++;
        t.kind = *p == '/'                                            ? PDF_TOK_NAME
                 : (g_ascii_isdigit(*p) || strchr("+-.", *p) != NULL) ? PDF_TOK_NUMBER
                                                                      : PDF_TOK_WORD;
    } else {
        t.kind = PDF_TOK_BAD;
    }
    if (!q)
        q = end;
    t.n = (size_t)(q - p);
    lx->p = q;
    return t;
}

bool pdf_tok_is(pdf_tok t, const char *text)
{
    size_t n = strlen(text);
    return t.n == n && memcmp(t.s, text, n) == 0;
}

/* Containers nest in Cairo's objects a few levels deep; deeper is not a
 * file Cairo wrote. */
#define PDF_MAX_NESTING 64

bool pdf_skip_value(pdf_lexer *lx, pdf_tok first)
{
    int depth = 0;
    pdf_tok t = first;
    for (;;) {
        if (t.kind == PDF_TOK_END || t.kind == PDF_TOK_BAD)
            return false;
        if (t.kind == PDF_TOK_ARRAY_OPEN || t.kind == PDF_TOK_DICT_OPEN)
            depth++;
        else if (t.kind == PDF_TOK_ARRAY_CLOSE || t.kind == PDF_TOK_DICT_CLOSE)
            depth--;
        if (depth < 0 || depth > PDF_MAX_NESTING)
            return false;
        if (depth == 0)
            return true;
        t = pdf_lex(lx);
    }
}

bool pdf_read_ref(pdf_lexer *lx, unsigned *num)
{
    pdf_lexer save = *lx;
    pdf_tok a = pdf_lex(lx), b = pdf_lex(lx), r = pdf_lex(lx);
    if (a.kind == PDF_TOK_NUMBER && b.kind == PDF_TOK_NUMBER && pdf_tok_is(r, "R")) {
        *num = (unsigned)strtoul(a.s, NULL, 10);
        return true;
    }
    *lx = save;
    return false;
}

bool pdf_dict_find(pdf_lexer *lx, const char *key)
{
    if (pdf_lex(lx).kind != PDF_TOK_DICT_OPEN)
        return false;
    for (;;) {
        pdf_tok k = pdf_lex(lx);
        if (k.kind != PDF_TOK_NAME)
            return false;
        if (pdf_tok_is(k, key))
            return true;
        pdf_tok v = pdf_lex(lx);
        if (!pdf_skip_value(lx, v))
            return false;
        /* A reference is three tokens: its "0 R" follow. */
        pdf_lexer peek = *lx;
        pdf_tok g = pdf_lex(&peek), r = pdf_lex(&peek);
        if (v.kind == PDF_TOK_NUMBER && g.kind == PDF_TOK_NUMBER && pdf_tok_is(r, "R"))
            *lx = peek;
    }
}

const char *pdf_find(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    while (p + n <= end) {
        const char *c = memchr(p, needle[0], (size_t)(end - p) - n + 1);
        if (!c)
            return NULL;
        if (memcmp(c, needle, n) == 0)
            return c;
        p = c + 1;
    }
    return NULL;
}

static bool read_trailer(pdf_patch *p)
{
    pdf_lexer lx = {p->pdf->str + p->trailer, p->pdf->str + p->pdf->len};
    if (!pdf_tok_is(pdf_lex(&lx), "trailer") || !pdf_dict_find(&lx, "/Root"))
        return false;
    return pdf_read_ref(&lx, &p->root);
}

/* The table Cairo writes: one section from object 0, then the trailer. */
static bool read_xref(pdf_patch *p)
{
    const char *s = p->pdf->str, *end = s + p->pdf->len, *sx = NULL;
    for (const char *f = s; (f = pdf_find(f, end, "\nstartxref\n")) != NULL; f++)
        sx = f;
    if (!sx)
        return false;
    p->xref = (size_t)g_ascii_strtoull(sx + 11, NULL, 10);
    if (p->xref + 5 > p->pdf->len || strncmp(s + p->xref, "xref\n", 5) != 0)
        return false;
    unsigned long first, count;
    int used;
    if (sscanf(s + p->xref + 5, "%lu %lu\n%n", &first, &count, &used) != 2 || first != 0)
        return false;
    p->entries = p->xref + 5 + (size_t)used;
    p->trailer = p->entries + count * XREF_ENTRY;
    if (p->trailer > p->pdf->len)
        return false;
    for (unsigned long i = 0; i < count; i++) {
        const char *e = s + p->entries + i * XREF_ENTRY;
        size_t off = e[17] == 'n' ? (size_t)g_ascii_strtoull(e, NULL, 10) : (size_t)-1;
        if (e[10] != ' ' || e[16] != ' ' || (off != (size_t)-1 && off >= p->xref))
            return false;
        g_array_append_val(p->offsets, off);
    }
    return read_trailer(p);
}

pdf_patch *pdf_patch_new(GString *pdf)
{
    pdf_patch *p = g_new0(pdf_patch, 1);
    p->pdf = pdf;
    p->offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
    p->edits = g_array_new(FALSE, FALSE, sizeof(edit));
    if (!read_xref(p)) {
        pdf_patch_free(p);
        return NULL;
    }
    return p;
}

void pdf_patch_free(pdf_patch *p)
{
    if (!p)
        return;
    for (guint i = 0; i < p->edits->len; i++)
        g_free(g_array_index(p->edits, edit, i).text);
    g_array_unref(p->edits);
    g_array_unref(p->offsets);
    g_free(p);
}

unsigned pdf_patch_root(const pdf_patch *p)
{
    return p->root;
}

const char *pdf_patch_bytes(const pdf_patch *p, size_t *len)
{
    *len = p->pdf->len;
    return p->pdf->str;
}

bool pdf_patch_object(const pdf_patch *p, unsigned num, pdf_lexer *lx)
{
    if (num >= p->offsets->len || g_array_index(p->offsets, size_t, num) == (size_t)-1)
        return false;
    lx->p = p->pdf->str + g_array_index(p->offsets, size_t, num);
    lx->end = p->pdf->str + p->xref;
    pdf_tok n = pdf_lex(lx), g = pdf_lex(lx), o = pdf_lex(lx);
    return n.kind == PDF_TOK_NUMBER && strtoul(n.s, NULL, 10) == num && g.kind == PDF_TOK_NUMBER &&
           pdf_tok_is(o, "obj");
}

void pdf_patch_replace(pdf_patch *p, size_t at, size_t len, const char *text, size_t n)
{
    edit e = {at, len, g_memdup2(text, n), n};
    g_array_append_val(p->edits, e);
}

void pdf_patch_insert(pdf_patch *p, size_t at, const char *text)
{
    pdf_patch_replace(p, at, 0, text, strlen(text));
}

static int by_offset(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

/* Where byte `at` of the file as read is once the edits are in. */
static size_t moved(const GArray *edits, size_t at)
{
    size_t to = at;
    for (guint i = 0; i < edits->len; i++) {
        const edit *e = &g_array_index(edits, edit, i);
        if (e->at + e->len > at)
            break;
        to = to - e->len + e->n;
    }
    return to;
}

bool pdf_patch_apply(pdf_patch *p)
{
    g_array_sort(p->edits, by_offset);
    size_t from = 0;
    for (guint i = 0; i < p->edits->len; i++) {
        const edit *e = &g_array_index(p->edits, edit, i);
        if (e->at < from || e->at + e->len > p->xref)
            return false;
        from = e->at + e->len;
    }
    const char *s = p->pdf->str;
    GString *out = g_string_sized_new(p->pdf->len + 4096);
    from = 0;
    for (guint i = 0; i < p->edits->len; i++) {
        const edit *e = &g_array_index(p->edits, edit, i);
        g_string_append_len(out, s + from, (gssize)(e->at - from));
        g_string_append_len(out, e->text, (gssize)e->n);
        from = e->at + e->len;
    }
    g_string_append_len(out, s + from, (gssize)(p->entries - from));
    for (guint i = 0; i < p->offsets->len; i++) {
        size_t off = g_array_index(p->offsets, size_t, i);
        const char *old = s + p->entries + (size_t)i * XREF_ENTRY;
        if (off == (size_t)-1)
            g_string_append_len(out, old, XREF_ENTRY);
        else
            g_string_append_printf(out, "%010zu%.10s", moved(p->edits, off), old + 10);
    }
    const char *sx = pdf_find(s + p->trailer, s + p->pdf->len, "startxref\n");
    if (!sx) {
        g_string_free(out, TRUE);
        return false;
    }
    g_string_append_len(out, s + p->trailer, sx - (s + p->trailer));
    g_string_append_printf(out, "startxref\n%zu\n%%%%EOF\n", moved(p->edits, p->xref));
    g_string_truncate(p->pdf, 0);
    g_string_append_len(p->pdf, out->str, (gssize)out->len);
    g_string_free(out, TRUE);
    return true;
}

void pdf_append_text_string(GString *out, const char *utf8)
{
    bool ascii = true;
    for (const unsigned char *c = (const unsigned char *)utf8; *c; c++)
        if (*c < 0x20 || *c > 0x7e)
            ascii = false;
    if (ascii) {
        g_string_append_c(out, '(');
        for (const char *c = utf8; *c; c++) {
            if (*c == '(' || *c == ')' || *c == '\\')
                g_string_append_c(out, '\\');
            g_string_append_c(out, *c);
        }
        g_string_append_c(out, ')');
        return;
    }
    glong n = 0;
    gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
    g_string_append(out, "<FEFF");
    for (glong i = 0; u && i < n; i++)
        g_string_append_printf(out, "%04X", u[i]);
    g_string_append_c(out, '>');
    g_free(u);
}
