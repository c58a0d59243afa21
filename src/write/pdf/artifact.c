/* Running heads, folios, rules and leader dots as artifacts. tags.c draws
 * them while no element that holds content is open, so Cairo 1.16 writes
 * them outside any marked-content sequence with an MCID, and has no call
 * to mark them otherwise. A page's content stream is therefore walked
 * operator by operator, and each stretch drawn outside such a sequence is
 * put between "/Artifact BMC" and "EMC". Cairo ends its text object
 * before every structure sequence, so a stretch never has to be closed
 * inside one. */
#include "write/pdf/pdf_internal.h"

#include <string.h>

#include "write/pdf/patch.h"

/* How deep marked content nests in what Cairo writes: an element's
 * sequence, an ActualText span inside it, and the artifact around both. */
#define ARTIFACT_MAX_NESTING 16

typedef struct {
    GString *out;
    const char *copied;               /* input before it is in `out` */
    char stack[ARTIFACT_MAX_NESTING]; /* 'M': with an MCID, 'A': artifact, 'o': other */
    int depth, mcids;
    bool in_text;
} walk;

/* Operators that only set the graphics state: alone they draw nothing, so
 * they open no artifact. */
static bool state_only(pdf_tok op)
{
    static const char *const ops[] = {"q",   "Q", "cm", "w",  "J",  "j",  "M",   "d",
                                      "ri",  "i", "gs", "CS", "cs", "SC", "SCN", "sc",
                                      "scn", "G", "g",  "RG", "rg", "K",  "k"};
    for (size_t i = 0; i < G_N_ELEMENTS(ops); i++)
        if (pdf_tok_is(op, ops[i]))
            return true;
    return false;
}

static void emit_before(walk *w, const char *at, const char *text)
{
    g_string_append_len(w->out, w->copied, at - w->copied);
    if (w->out->len > 0 && !g_ascii_isspace(w->out->str[w->out->len - 1]))
        g_string_append_c(w->out, '\n');
    g_string_append(w->out, text);
    w->copied = at;
}

static bool push(walk *w, char kind)
{
    if (w->depth == ARTIFACT_MAX_NESTING)
        return false;
    w->stack[w->depth++] = kind;
    w->mcids += kind == 'M';
    return true;
}

static bool in_artifact(const walk *w)
{
    return memchr(w->stack, 'A', (size_t)w->depth) != NULL;
}

static bool open_artifact(walk *w, const char *at)
{
    if (w->mcids > 0 || in_artifact(w))
        return true;
    if (w->in_text)
        return false;
    emit_before(w, at, "/Artifact BMC\n");
    return push(w, 'A');
}

/* Before a sequence with an MCID, and at the end: the artifact must be the
 * innermost sequence then, outside a text object. */
static bool close_artifact(walk *w, const char *at)
{
    if (!in_artifact(w))
        return true;
    if (w->stack[w->depth - 1] != 'A' || w->in_text)
        return false;
    emit_before(w, at, "EMC\n");
    w->depth--;
    return true;
}

/* One operator `op`, its operands starting at `from`. */
static bool operator(walk *w, pdf_tok op, const char *from, bool mcid)
{
    if (pdf_tok_is(op, "BDC") || pdf_tok_is(op, "BMC")) {
        if (mcid)
            return close_artifact(w, from) && push(w, 'M');
        return open_artifact(w, from) && push(w, 'o');
    }
    if (pdf_tok_is(op, "EMC")) {
        if (w->depth == 0 || w->stack[w->depth - 1] == 'A')
            return false; /* more ends than beginnings */
        w->mcids -= w->stack[--w->depth] == 'M';
        return true;
    }
    if (pdf_tok_is(op, "BI") || pdf_tok_is(op, "ID"))
        return false; /* inline images: Cairo writes none */
    if (state_only(op))
        return true;
    if (!open_artifact(w, from))
        return false;
    if (pdf_tok_is(op, "BT"))
        w->in_text = true;
    else if (pdf_tok_is(op, "ET"))
        w->in_text = false;
    return true;
}

bool pdf_mark_artifacts(const char *content, size_t n, GString *out)
{
    walk w = {out, content, {0}, 0, 0, false};
    pdf_lexer lx = {content, content + n};
    const char *from = NULL;
    bool mcid = false;
    for (;;) {
        pdf_tok t = pdf_lex(&lx);
        if (t.kind == PDF_TOK_END)
            break;
        if (t.kind == PDF_TOK_BAD)
            return false;
        if (t.kind != PDF_TOK_WORD) {
            from = from ? from : t.s;
            mcid = mcid || pdf_tok_is(t, "/MCID");
            if (t.kind == PDF_TOK_DICT_OPEN || t.kind == PDF_TOK_ARRAY_OPEN) {
                if (!pdf_skip_value(&lx, t))
                    return false;
                mcid = mcid || pdf_find(t.s, lx.p, "/MCID") != NULL;
            }
            continue;
        }
        if (!operator(&w, t, from ? from : t.s, mcid))
            return false;
        from = NULL;
        mcid = false;
    }
    if (from || !close_artifact(&w, content + n) || w.depth != 0)
        return false;
    g_string_append_len(out, w.copied, content + n - w.copied);
    return true;
}
