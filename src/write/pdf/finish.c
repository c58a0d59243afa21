/* What Cairo 1.16's interface cannot say, written into the file it made:
 * the document's language and its title as the window title (catalog), the
 * language of an article in another language and a figure's alternative
 * text (their structure elements, matched with what tags.c recorded as it
 * drew), the trim and bleed boxes (pages, marks.c) and running heads,
 * folios and rules as artifacts (page contents, artifact.c). */
#include "write/pdf/pdf_internal.h"

#include <libdeflate.h>
#include <string.h>

#include "write/pdf/patch.h"

/* The structure tree nests as the model does, a few levels per block;
 * deeper than this is not a tree tags.c made. */
#define FINISH_MAX_TREE_DEPTH 128

/* The level page contents are compressed again at: Cairo's own (zlib's
 * default), so the file is as small as Cairo made it. */
#define FINISH_DEFLATE_LEVEL 6

typedef struct {
    const pdf_ctx *ctx;
    pdf_patch *p;
    const GArray *log; /* pdf_tag_record */
    guint next;        /* the next record to match */
    struct libdeflate_compressor *zc;
    struct libdeflate_decompressor *zd;
    GString *why;
} finish;

static size_t offset(const finish *f, const char *at)
{
    size_t len;
    return (size_t)(at - pdf_patch_bytes(f->p, &len));
}

static bool fail(finish *f, const char *what)
{
    if (f->why->len == 0)
        g_string_assign(f->why, what);
    return false;
}

/* Inserts `text` after the value of `key` in the dictionary of `num`. */
static bool insert_after(finish *f, unsigned num, const char *key, const char *text)
{
    pdf_lexer lx;
    if (!pdf_patch_object(f->p, num, &lx) || !pdf_dict_find(&lx, key))
        return false;
    pdf_tok v = pdf_lex(&lx);
    if (!pdf_skip_value(&lx, v))
        return false;
    pdf_patch_insert(f->p, offset(f, lx.p), text);
    return true;
}

static bool catalog(finish *f)
{
    GString *add = g_string_new(NULL);
    const char *lang = f->ctx->opts->meta.language;
    if (lang && *lang) {
        g_string_append(add, "\n   /Lang ");
        pdf_append_text_string(add, lang);
    }
    g_string_append(add, "\n   /ViewerPreferences << /DisplayDocTitle true >>");
    bool ok = insert_after(f, pdf_patch_root(f->p), "/Type", add->str);
    g_string_free(add, TRUE);
    return ok || fail(f, "its catalog");
}

static bool element(finish *f, unsigned num, int depth);

/* The children in a /K value: elements (references), marked content
 * (numbers) and marked-content or object references (dictionaries). */
static bool kids(finish *f, pdf_lexer *lx, int depth)
{
    unsigned num;
    if (pdf_read_ref(lx, &num))
        return element(f, num, depth + 1);
    pdf_tok t = pdf_lex(lx);
    if (t.kind != PDF_TOK_ARRAY_OPEN)
        return t.kind == PDF_TOK_NUMBER || pdf_skip_value(lx, t);
    for (;;) {
        if (pdf_read_ref(lx, &num)) {
            if (!element(f, num, depth + 1))
                return false;
            continue;
        }
        t = pdf_lex(lx);
        if (t.kind == PDF_TOK_ARRAY_CLOSE)
            return true;
        if (t.kind != PDF_TOK_NUMBER && (t.kind != PDF_TOK_DICT_OPEN || !pdf_skip_value(lx, t)))
            return false;
    }
}

/* Elements in the order Cairo made them (the tree's preorder) are the
 * records in the order tags.c made them. */
static bool element(finish *f, unsigned num, int depth)
{
    pdf_lexer lx, s;
    if (depth > FINISH_MAX_TREE_DEPTH || !pdf_patch_object(f->p, num, &lx))
        return fail(f, "its structure tree");
    s = lx;
    if (!pdf_dict_find(&s, "/S"))
        return fail(f, "its structure tree");
    pdf_tok type = pdf_lex(&s);
    if (f->next >= f->log->len)
        return fail(f, "its structure tree, which has more elements than were drawn");
    const pdf_tag_record *r = &g_array_index(f->log, pdf_tag_record, f->next++);
    if (type.kind != PDF_TOK_NAME || type.n != strlen(r->name) + 1 ||
        memcmp(type.s + 1, r->name, type.n - 1) != 0)
        return fail(f, "its structure tree, whose elements are not those drawn");
    if (r->lang || r->alt || r->attrs) {
        GString *add = g_string_new(NULL);
        if (r->lang) {
            g_string_append(add, "\n   /Lang ");
            pdf_append_text_string(add, r->lang);
        }
        if (r->alt) {
            g_string_append(add, "\n   /Alt ");
            pdf_append_text_string(add, r->alt);
        }
        if (r->attrs)
            g_string_append_printf(add, "\n   %s", r->attrs);
        pdf_patch_insert(f->p, offset(f, type.s + type.n), add->str);
        g_string_free(add, TRUE);
    }
    return !pdf_dict_find(&lx, "/K") || kids(f, &lx, depth) || fail(f, "its structure tree");
}

static bool structure(finish *f)
{
    pdf_lexer lx;
    unsigned tree;
    if (!pdf_patch_object(f->p, pdf_patch_root(f->p), &lx) ||
        !pdf_dict_find(&lx, "/StructTreeRoot") || !pdf_read_ref(&lx, &tree) ||
        !pdf_patch_object(f->p, tree, &lx) || !pdf_dict_find(&lx, "/K") || !kids(f, &lx, 0))
        return fail(f, "its structure tree");
    return f->next == f->log->len ||
           fail(f, "its structure tree, which has fewer elements than were drawn");
}

/* Inflates a zlib stream of unknown size. */
static bool inflate_all(finish *f, const char *z, size_t n, GString *out)
{
    size_t cap = MAX(n * 4, 4096), got = 0;
    for (int tries = 0; tries < 16; tries++, cap *= 4) {
        g_string_set_size(out, cap);
        enum libdeflate_result r = libdeflate_zlib_decompress(f->zd, z, n, out->str, cap, &got);
        if (r == LIBDEFLATE_SUCCESS) {
            g_string_set_size(out, got);
            return true;
        }
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE)
            return false;
    }
    return false;
}

/* The stream of object `num`: its data replaced by what artifact.c makes
 * of it, its length with it. */
static bool contents(finish *f, unsigned num)
{
    pdf_lexer lx, d;
    if (!pdf_patch_object(f->p, num, &lx))
        return false;
    d = lx;
    if (!pdf_dict_find(&d, "/Length"))
        return false;
    unsigned len_obj;
    pdf_tok len_tok;
    if (pdf_read_ref(&d, &len_obj)) {
        pdf_lexer lv;
        if (!pdf_patch_object(f->p, len_obj, &lv))
            return false;
        len_tok = pdf_lex(&lv);
    } else {
        len_tok = pdf_lex(&d);
    }
    d = lx;
    bool flate = pdf_dict_find(&d, "/Filter") && pdf_tok_is(pdf_lex(&d), "/FlateDecode");
    if (len_tok.kind != PDF_TOK_NUMBER || !pdf_skip_value(&lx, pdf_lex(&lx)) ||
        !pdf_tok_is(pdf_lex(&lx), "stream"))
        return false;
    const char *data = lx.p + (lx.p[0] == '\r') + 1;
    size_t n = (size_t)g_ascii_strtoull(len_tok.s, NULL, 10);
    size_t file_len;
    const char *file = pdf_patch_bytes(f->p, &file_len);
    if (n > file_len || (size_t)(data - file) > file_len - n)
        return false; /* a length past the file's end */
    GString *raw = g_string_new(NULL), *marked = g_string_new(NULL);
    bool ok = flate ? inflate_all(f, data, n, raw) : (g_string_append_len(raw, data, n), true);
    ok = ok && pdf_mark_artifacts(raw->str, raw->len, marked);
    if (ok && flate) {
        size_t cap = libdeflate_zlib_compress_bound(f->zc, marked->len);
        g_string_set_size(raw, cap);
        size_t z = libdeflate_zlib_compress(f->zc, marked->str, marked->len, raw->str, cap);
        g_string_set_size(raw, z);
        ok = z > 0;
    } else if (ok) {
        g_string_truncate(raw, 0);
        g_string_append_len(raw, marked->str, (gssize)marked->len);
    }
    if (ok) {
        char digits[G_ASCII_DTOSTR_BUF_SIZE];
        g_snprintf(digits, sizeof digits, "%zu", raw->len);
        pdf_patch_replace(f->p, offset(f, data), n, raw->str, raw->len);
        pdf_patch_replace(f->p, offset(f, len_tok.s), len_tok.n, digits, strlen(digits));
    }
    g_string_free(raw, TRUE);
    g_string_free(marked, TRUE);
    return ok;
}

/* Numbers in the boxes, as Cairo writes the media box: six decimals, never
 * the locale's mark. */
static void append_box(GString *s, const char *name, double x0, double y0, double x1, double y1)
{
    char b[4][G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(
        s, "\n   /%s [ %s %s %s %s ]", name, g_ascii_formatd(b[0], sizeof b[0], "%f", x0),
        g_ascii_formatd(b[1], sizeof b[1], "%f", y0), g_ascii_formatd(b[2], sizeof b[2], "%f", x1),
        g_ascii_formatd(b[3], sizeof b[3], "%f", y1));
}

static bool page(finish *f, unsigned num, const char *boxes)
{
    if (boxes && !insert_after(f, num, "/MediaBox", boxes))
        return fail(f, "the boxes of its pages");
    pdf_lexer lx;
    unsigned c;
    if (!pdf_patch_object(f->p, num, &lx) || !pdf_dict_find(&lx, "/Contents"))
        return fail(f, "the contents of its pages");
    if (pdf_read_ref(&lx, &c))
        return contents(f, c) || fail(f, "the contents of its pages");
    if (pdf_lex(&lx).kind != PDF_TOK_ARRAY_OPEN)
        return fail(f, "the contents of its pages");
    while (pdf_read_ref(&lx, &c))
        if (!contents(f, c))
            return fail(f, "the contents of its pages");
    return true;
}

/* Every page of the page tree under `num`, in order. */
static bool pages(finish *f, unsigned num, const char *boxes, int depth)
{
    pdf_lexer lx, k;
    if (depth > FINISH_MAX_TREE_DEPTH || !pdf_patch_object(f->p, num, &lx))
        return fail(f, "its page tree");
    k = lx;
    if (!pdf_dict_find(&k, "/Kids"))
        return page(f, num, boxes);
    unsigned kid;
    if (pdf_lex(&k).kind != PDF_TOK_ARRAY_OPEN)
        return fail(f, "its page tree");
    while (pdf_read_ref(&k, &kid))
        if (!pages(f, kid, boxes, depth + 1))
            return false;
    return true;
}

static bool all_pages(finish *f)
{
    pdf_lexer lx;
    unsigned root;
    if (!pdf_patch_object(f->p, pdf_patch_root(f->p), &lx) || !pdf_dict_find(&lx, "/Pages") ||
        !pdf_read_ref(&lx, &root))
        return fail(f, "its page tree");
    const pdf_ctx *ctx = f->ctx;
    double o = pdf_trim_offset(ctx), b = ctx->opts->print.bleed;
    double w = ctx->geo.page_w, h = ctx->geo.page_h;
    GString *boxes = NULL;
    if (o > 0) {
        boxes = g_string_new(NULL);
        append_box(boxes, "TrimBox", o, o, o + w, o + h);
        append_box(boxes, "BleedBox", o - b, o - b, o + w + b, o + h + b);
    }
    bool ok = pages(f, root, boxes ? boxes->str : NULL, 0);
    if (boxes)
        g_string_free(boxes, TRUE);
    return ok;
}

bool pdf_finish(const pdf_ctx *ctx, GString *pdf, const GArray *log, GString *why)
{
    finish f = {ctx, pdf_patch_new(pdf), log, 0, NULL, NULL, why};
    bool ok = false;
    if (!f.p) {
        fail(&f, "its cross-reference table");
        goto cleanup;
    }
    f.zc = libdeflate_alloc_compressor(FINISH_DEFLATE_LEVEL);
    f.zd = libdeflate_alloc_decompressor();
    if (!f.zc || !f.zd) {
        fail(&f, "its page contents (out of memory)");
        goto cleanup;
    }
    ok = catalog(&f) && structure(&f) && all_pages(&f) &&
         (pdf_patch_apply(f.p) || fail(&f, "its cross-reference table"));
cleanup:
    /* libdeflate's frees do not all accept NULL. */
    if (f.zc)
        libdeflate_free_compressor(f.zc);
    if (f.zd)
        libdeflate_free_decompressor(f.zd);
    pdf_patch_free(f.p);
    return ok;
}
