#ifndef IMPRINT_LANGUAGE_H
#define IMPRINT_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

#include "imprint/diag.h"
#include "imprint/model.h"

/*
 * Typography for each language: which quotation marks a language uses and
 * whether it sets a narrow no-break space (U+202F) inside guillemets and
 * before ; : ! ? (French). The readers leave English marks (“ ” ‘ ’); the
 * edition's language turns them into the language's own once the document
 * is read (imprint_language_localize_doc), so that every writer shows the
 * same text.
 */

/** The rules of one language. Static data: never freed. */
typedef struct {
    const char *tag;            /* "fr", "de-CH": the most specific tag it is for */
    const char *open1, *close1; /* outer quotation marks */
    const char *open2, *close2; /* quotation marks inside them */
    bool french_spacing;        /* U+202F inside « » and before ; : ! ? */
} imprint_language_rules;

/** The rules for BCP 47 `tag` ("fr", "fr-CA", "de-AT", case-insensitive):
 * the entry for the language and region when there is one, else the one for
 * the language. NULL for a language the table does not know (the caller
 * warns; the text is then left as the reader gave it). */
const imprint_language_rules *imprint_language_find(const char *tag);

/** Whether `tag` names English (whose marks the readers already use). */
bool imprint_language_is_english(const char *tag);

/** Deepest nesting of quotations followed; deeper marks are left as written. */
#define IMPRINT_LANGUAGE_MAX_QUOTE_DEPTH 8

/** What a run of text carries from one text node to the next within one
 * block: the quotations open and the last character written. */
typedef struct {
    char open[IMPRINT_LANGUAGE_MAX_QUOTE_DEPTH]; /* '1' outer (“), '2' inner (‘) */
    int depth;
    gunichar prev;   /* last character written; 0 at the start of a block */
    gunichar before; /* the one before it (a space before a French mark is dropped) */
    bool swallow;    /* French: spaces after « are dropped, up to the next character */
} imprint_quote_state;

/** Appends `len` bytes of UTF-8 `text` to `out` with the quotation marks
 * and spacing of `rules` (see the file comment), carrying `state` across
 * calls. Apostrophes (’ inside a word, or with no quotation ‘ open) are kept. */
void imprint_language_localize(const imprint_language_rules *rules, imprint_quote_state *state,
                               GString *out, const char *text, size_t len);

/** Localizes every article of `doc` by its language (the article's, else
 * the document's, else English): text, titles and notes. An unknown
 * language is a warning at the article (or `edition_pos`) and its text is
 * left as it is. */
void imprint_language_localize_doc(imprint_doc *doc, imprint_pos edition_pos, imprint_diags *diags);

#endif
