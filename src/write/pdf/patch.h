#ifndef IMPRINT_PDF_PATCH_H
#define IMPRINT_PDF_PATCH_H

/* Edits to the file Cairo 1.16 wrote, for what its interface cannot say
 * (finish.c): the file is read through its one classic cross-reference
 * table, edits replace byte ranges, and applying them writes the table
 * again with every object moved by what came before it. */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/* The tokens of PDF syntax (objects and content streams alike). */
typedef enum {
    PDF_TOK_END,
    PDF_TOK_NUMBER,
    PDF_TOK_NAME,   /* with its slash */
    PDF_TOK_STRING, /* (literal) or <hex>, delimiters included */
    PDF_TOK_ARRAY_OPEN,
    PDF_TOK_ARRAY_CLOSE,
    PDF_TOK_DICT_OPEN,
    PDF_TOK_DICT_CLOSE,
    PDF_TOK_WORD, /* an operator or a keyword (R, obj, true, …) */
    PDF_TOK_BAD,  /* an unclosed string or a stray delimiter */
} pdf_tok_kind;

typedef struct {
    pdf_tok_kind kind;
    const char *s; /* into the lexed bytes */
    size_t n;
} pdf_tok;

typedef struct {
    const char *p, *end;
} pdf_lexer;

/* The next token of [lx->p, lx->end); PDF_TOK_END at the end. */
pdf_tok pdf_lex(pdf_lexer *lx);
/* Whether `t` is the name or word `text` (a name with its slash). */
bool pdf_tok_is(pdf_tok t, const char *text);
/* Skips one whole value (a dictionary or an array with all it holds);
 * false at the end or on bad syntax. */
bool pdf_skip_value(pdf_lexer *lx, pdf_tok first);

typedef struct pdf_patch pdf_patch;

/* Reads the cross-reference table of `pdf` (borrowed until freed); NULL
 * when the file is not laid out as Cairo writes it. */
pdf_patch *pdf_patch_new(GString *pdf);
/* Accepts NULL; edits not applied are lost. */
void pdf_patch_free(pdf_patch *p);
/* The number of the catalog (the trailer's /Root), 0 when none. */
unsigned pdf_patch_root(const pdf_patch *p);
/* A lexer over object `num`'s body, after "num 0 obj"; false when the
 * object is not in the file. */
bool pdf_patch_object(const pdf_patch *p, unsigned num, pdf_lexer *lx);
/* Positions the lexer after `key` in the dictionary that opens the body in
 * `lx`, its value next; false when the key is absent. */
bool pdf_dict_find(pdf_lexer *lx, const char *key);
/* Reads an indirect reference "num 0 R"; false (lexer unmoved) otherwise. */
bool pdf_read_ref(pdf_lexer *lx, unsigned *num);
/* Bytes of the file, for offsets. */
const char *pdf_patch_bytes(const pdf_patch *p, size_t *len);
/* Replaces `len` bytes at `at` (an offset into the file as read) by
 * `text` (`n` bytes, copied). Edits may not overlap. */
void pdf_patch_replace(pdf_patch *p, size_t at, size_t len, const char *text, size_t n);
/* Inserts a C string at `at`. */
void pdf_patch_insert(pdf_patch *p, size_t at, const char *text);
/* Writes the edits into the file and its cross-reference table again;
 * false (the file unchanged) when edits overlap or reach the table. */
bool pdf_patch_apply(pdf_patch *p);

/* The first `needle` in [p, end), or NULL: the file holds binary streams,
 * so no C string search will do. */
const char *pdf_find(const char *p, const char *end, const char *needle);

/* Appends `utf8` as a PDF text string: literal when printable ASCII (with
 * its parentheses and backslashes escaped), else UTF-16BE in hex. */
void pdf_append_text_string(GString *out, const char *utf8);

#endif
