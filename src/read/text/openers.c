/* Openers: the salutation that opens a letter or a speech ("My dear
 * Sister,", "DEAR SIR,--", "Gentlemen,", "Fellow-Citizens of the Senate:"),
 * with the place and date set over it, right under the letter's heading.
 * One block each (IMPRINT_NODE_OPENER), not a paragraph; closers.c has the
 * letter's other end. */
#include <string.h>

#include "read/text/limits.h"
#include "read/text/text.h"

/* Bytes of a dash at the end of `l` ("--" or an em dash), 0 if none. */
static size_t end_dash(const rt_line *l)
{
    const char *e = l->t + l->tlen;
    if (l->tlen > 2 && strncmp(e - 2, "--", 2) == 0)
        return 2;
    return l->tlen > 3 && strncmp(e - 3, "\u2014", 3) == 0 ? 3 : 0;
}

/* "Dear Z.,--", "MY GOOD ADJUTANT,--", "Lieber Freund!": a salutation's
 * words and its end. */
/* The salutation word line `l` opens with, as an index of `words` (only
 * the first EXCLAIMED may end in "!"), or -1. */
enum { EXCLAIMED = 5 };
static int salutation_word(const rt_line *l)
{
    /* (only the German ones may end in "!": "Lieber Freund!", not "Dear me!") */
    static const char *const words[] = {
        "lieber",
        "liebe",
        "liebster",
        "verehrter",
        "hochverehrter",
        "dear",
        "my dear",
        "dearest",
        "my dearest",
        "sir",
        "sirs",
        "madam",
        "madame",
        "gentlemen",
        "ladies",
        "honoured sir",
        "honored sir",
        "reverend sir",
        "mon cher",
        "ma ch\u00e8re",
        "cher",
        "ch\u00e8re",
        "fellow-citizens",
        "fellow citizens",
        "fellow-countrymen",
        "fellow countrymen",
    };
    char *f = rt_fold(l->t, (gssize)l->tlen);
    int found = -1;
    for (size_t i = 0; i < G_N_ELEMENTS(words) && found < 0; i++) {
        size_t n = strlen(words[i]);
        if (g_str_has_prefix(f, words[i]) && !g_ascii_isalpha(f[n]))
            found = (int)i;
    }
    g_free(f);
    return found;
}

bool rt_line_opens_salutation(const rt_line *l)
{
    return !l->blank && l->nchar <= OPENER_MAX_CHARS && salutation_word(l) >= 0;
}

bool rt_line_is_salutation(const rt_line *l)
{
    if (l->blank || l->nchar > OPENER_MAX_CHARS)
        return false;
    size_t dash = end_dash(l);
    char last = l->t[l->tlen - 1 - dash];
    if (dash && (last == ',' || last == '!') && rt_line_is_all_caps(l))
        return true; /* Gutenberg's "BEST OF ALL PRINTERS AND ENGRAVERS,--" */
    int found = salutation_word(l);
    return found >= 0 &&
           (last == ',' || last == ':' || (last == '!' && (dash || found < EXCLAIMED)));
}

/* Whether the blocks of the letter so far are only its heading, or its
 * heading and the place and date under it (an opener already). */
static bool at_top(const rt_builder *b)
{
    const imprint_node *last = b->last_block;
    return !last || last->kind == IMPRINT_NODE_HEADING || last->kind == IMPRINT_NODE_OPENER;
}

/* "Monday May 14th 1804" right under a journal entry's heading, over its
 * first line: the entry's dateline. */
static bool entry_dateline(rt_builder *b, size_t i)
{
    const imprint_node *h = b->last_block;
    const rt_line *l = rt_line_at(b, i);
    /* (under a heading, or first under the article's own title: "249." /
     * "TO THE ARCHDUKE RUDOLPH." over "Nussdorf, Sept. 1, 1817.") */
    bool under = h ? h->kind == IMPRINT_NODE_HEADING && rt_next_text_line(b, b->last_line) == i
                   : b->st->article->as.article.title && rt_next_text_line(b, b->first - 1) == i &&
                         !rt_line_is_heading_like(l); /* ("The Trials (1936-1938)": a heading) */
    return under && (rt_line_is_place_date(l) || rt_line_is_day_date(l));
}

size_t rt_build_opener(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    size_t n = rt_next_text_line(b, i);
    if (n == SIZE_MAX || !at_top(b))
        return 0;
    const char *what = "a salutation under the heading taken as the letter's opener";
    if (c->first != i || c->last != i || !rt_line_is_salutation(l)) {
        const rt_line *m = rt_line_at(b, n);
        /* "Ashby, June 3, 1851." over the salutation */
        bool over = c->first == i && c->last == i && rt_line_is_place_date(l) &&
                    st->chunks[m->chunk].first == n && st->chunks[m->chunk].last == n &&
                    rt_line_is_salutation(m);
        if (over)
            what = "a place and date over the salutation taken as the letter's opener";
        else if (entry_dateline(b, i) && !rt_line_is_heading_like(m))
            what = "a date right under the heading taken as the entry's dateline, an opener";
        else
            return 0;
    }
    imprint_node *o = rt_block_with_text(st, IMPRINT_NODE_OPENER, l, 0);
    rt_append(b, o, i);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, o->pos, "%s", what);
    return i + 1;
}
