/* Closings: the lines that end a letter, a preface or a poem, set apart from
 * the text above them: a sign-off over a signature ("Your affectionate
 * brother," / "John"), a place and date ("Pittsburg, 1889."), a part's
 * last line ("THE END OF THE FIRST BOOK."). One block,
 * line by line (IMPRINT_NODE_CLOSER), never a heading or a paragraph. */
#include <string.h>

#include "read/text/limits.h"
#include "read/text/text.h"

/* "John", "JANE MARSH.", "—J. S.", "_The Laurels_,": short, and opened by
 * a dash or a capital (past emphasis marks), never by a word in lower case
 * (prose). */
static bool signature_line(const rt_line *l)
{
    if (l->blank || l->notedef || l->nchar > CLOSER_MAX_CHARS)
        return false;
    const char *p = l->t;
    while (p < l->t + l->tlen && (*p == '_' || *p == '*'))
        p++;
    gunichar c = g_utf8_get_char(p);
    return g_unichar_isupper(c) || c == '-' || c == 0x2013 || c == 0x2014;
}

/* "The wick was changed before the gales.": a sentence, most of its words
 * in small letters, where a name, a title or a place has few ("Secretary
 * to the Committee of Correspondence"). */
static bool sentence_line(const rt_line *l)
{
    unsigned words = 0, lower = 0;
    for (const char *q = l->t, *end = l->t + l->tlen; q < end; q++)
        if (q == l->t || q[-1] == ' ') {
            words++;
            lower += g_unichar_islower(g_utf8_get_char(q)) != 0;
        }
    return words >= CLOSER_SENTENCE_WORDS && 2 * lower > words;
}

/* "Yours ever,", "Ever your loving", "Believe me, dear Sir, yours
 * faithfully,": a closing formula that does not end a sentence. */
static bool sign_off_line(const rt_line *l)
{
    if (!rt_line_is_closing(l) || rt_line_words(l) > CLOSER_SIGN_OFF_WORDS)
        return false;
    char end = l->t[l->tlen - 1];
    return !strchr(".?!;:", end);
}

/* Whether chunk `k`'s lines are all signature lines, at most `room`, none
 * exclaiming or asking (a couplet under the name is verse, not its
 * address: "But the devil himself for the bad!"). */
static bool signature_chunk(rt_builder *b, size_t k, size_t room)
{
    const rt_chunk *c = &b->st->chunks[k];
    if (c->last - c->first + 1 > room)
        return false;
    for (size_t j = c->first; j <= c->last; j++) {
        const rt_line *l = &b->st->lines[j];
        if (!signature_line(l) || strchr("!?", l->t[l->tlen - 1]) ||
            (sentence_line(l) && !sign_off_line(l)))
            return false;
    }
    return true;
}

/* Whether what follows line `last` lets the lines above close a text: the
 * end of the article, a heading's line set apart, a separator, a "P.S.", never a
 * sentence going on in lower case. After a date, or in a collection of
 * verse (a verse line may start "Yours"), only the end or a heading will do. */
static bool closes_text(rt_builder *b, size_t last, bool dated)
{
    size_t after = rt_next_text_line(b, last);
    if (after == SIZE_MAX)
        return true;
    const rt_line *n = rt_line_at(b, after);
    if (rt_line_is_break(n)) /* ("***" between the pieces of a collection) */
        return true;
    const rt_chunk *c = &b->st->chunks[n->chunk];
    bool apart = c->first == c->last &&
                 (rt_line_is_heading_like(n) || rt_number_heading_kind(n->t, n->tlen));
    /* a date over prose heads an entry of a diary ("JANUARY 4, 1891") */
    if (apart || b->st->verse || dated)
        return apart;
    gunichar first = g_utf8_get_char(n->t);
    return !g_unichar_islower(first);
}

/* The last line of the sign-off that opens chunk of line `i` and the
 * signature under it (in the chunk, or in the next one after a blank);
 * SIZE_MAX if there is none. */
static size_t sign_off_end(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    /* "I remain, Gentlemen," over "Your obedient servant,": the sign-off's
     * lead; in a book of verse the sign-off under it ends in its comma too
     * ("Leave your home behind you," over "Your friends by field and town"
     * is a stanza; a letter's "Your expectant" over "BEETHOVEN." needs none) */
    const rt_line *under = c->last > i ? &st->lines[i + 1] : NULL;
    bool lead = under && l->nchar <= CLOSER_MAX_CHARS && l->t[l->tlen - 1] == ',' &&
                sign_off_line(under) && (!st->verse || under->t[under->tlen - 1] == ',');
    if (c->first != i || !(lead || sign_off_line(l)))
        return SIZE_MAX;
    if (c->last > i + lead) {
        for (size_t j = i + 1 + lead; j <= c->last; j++)
            if (!signature_line(&st->lines[j]) || j - i + 1 > CLOSER_MAX_LINES)
                return SIZE_MAX;
        return c->last;
    }
    size_t k = l->chunk + 1;
    if (k >= st->nchunks || st->chunks[k].first > b->last || rt_blank_before(st, k) > 2 ||
        !signature_chunk(b, k, CLOSER_MAX_LINES - 1 - lead))
        return SIZE_MAX;
    return st->chunks[k].last;
}

/* "Pittsburg, 1889." after a poem, "ATLANTA, GA., FEB. 1, 1903." after a
 * preface: a dateline alone on its line under the text it closes; with the
 * signer's name over it ("L. Frank Baum" / "Chicago, April, 1900."). */
static size_t place_date_end(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    /* under a heading it is the opening's date ("Ashby, June 3, 1851."), not a closing */
    if (c->first != i || c->last > i + 1 || !b->last_block ||
        b->last_block->kind == IMPRINT_NODE_HEADING)
        return SIZE_MAX;
    if (c->last == i)
        return rt_line_is_place_date(l) ? i : SIZE_MAX;
    return rt_is_person_name(l->t, l->tlen) && rt_line_is_dateline(rt_line_at(b, i + 1)) ? i + 1
                                                                                         : SIZE_MAX;
}

/* Whether no word of the line longer than three letters is in lower case:
 * "End of Part the First", not "The end of the story is soon told." */
static bool title_cased(const rt_line *l)
{
    const char *p = l->t, *end = l->t + l->tlen;
    while (p < end) {
        const char *w = p;
        size_t letters = 0;
        while (p < end && g_unichar_isalpha(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            letters++;
        }
        if (letters > 3 && g_unichar_islower(g_utf8_get_char(w)))
            return false;
        if (p == w)
            p = g_utf8_next_char(p);
    }
    return true;
}

/* "THE END OF THE FIRST BOOK.", "End of Part the First": the line that
 * closes a part, alone under its text. */
static bool part_end_line(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    if (c->first != i || c->last != i || !b->last_block ||
        b->last_block->kind == IMPRINT_NODE_HEADING || l->nchar > CLOSER_MAX_CHARS ||
        !title_cased(l))
        return false;
    char *f = rt_fold(l->t, (gssize)l->tlen);
    bool end = g_str_has_prefix(f, "the end of ") || g_str_has_prefix(f, "end of ");
    g_free(f);
    return end;
}

/* The length of the line's text without the stop or comma it ends with. */
static size_t bare_len(const rt_line *l)
{
    size_t n = l->tlen;
    while (n && (l->t[n - 1] == '.' || l->t[n - 1] == ','))
        n--;
    return n;
}

/* The names the file signs with under a sign-off ("Your friend," over
 * "L. VAN BEETHOVEN.", a blank line or two between), stops left out: a
 * signature's line, no sentence ("Believe me, if all …", a song's title,
 * over "A parody on the following."). */
static GHashTable *signatures_new(const rt_state *st)
{
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t j = 1; j < st->nlines; j++) {
        const rt_line *m = &st->lines[j];
        size_t k = j - 1;
        while (k > 0 && j - k <= 2 && st->lines[k].blank)
            k--;
        if (signature_line(m) && !sentence_line(m) && !st->lines[k].blank &&
            sign_off_line(&st->lines[k]))
            g_hash_table_add(names, g_strndup(m->t, bare_len(m)));
    }
    return names;
}

/* Whether the name on line `l` signs another letter under its sign-off:
 * the writer's signature, not a heading written so each time ("EDITOR'S
 * NOTE."). */
static bool signs_elsewhere(rt_state *st, const rt_line *l)
{
    if (!st->signatures)
        st->signatures = signatures_new(st);
    char *key = g_strndup(l->t, bare_len(l));
    bool found = g_hash_table_contains(st->signatures, key);
    g_free(key);
    return found;
}

/* "CHARLES POOTER." over "The Laurels, / Brickfield Terrace, / Holloway.",
 * "JANE MARSH.": the writer's name alone under the last paragraph, with
 * the lines of an address under it, in one run or a blank line apart. */
static size_t signature_end(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    size_t len = l->tlen;
    while (len && l->t[len - 1] == ',')
        len--;
    /* (a name, or a line in capitals under a sentence that runs into it:
     * "…with the most vehement regard, your" / "GENERALISSIMUS.", or the
     * name the writer signs with elsewhere: "BEETHOVEN." under "…portions.
     * Your _amicus_") */
    if (c->first != i || !b->last_block || b->last_block->kind != IMPRINT_NODE_PARAGRAPH ||
        !signature_line(l) ||
        !(rt_is_person_name(l->t, len) || (rt_line_is_all_caps(l) && rt_after_closing(b, i)) ||
          signs_elsewhere(st, l)) ||
        c->last - c->first + 1 > CLOSER_MAX_LINES)
        return SIZE_MAX;
    for (size_t j = i + 1; j <= c->last; j++)
        if (!signature_line(&st->lines[j]))
            return SIZE_MAX;
    size_t k = l->chunk + 1, room = CLOSER_MAX_LINES - (c->last - c->first + 1);
    if (room && k < st->nchunks && st->chunks[k].first <= b->last && rt_blank_before(st, k) <= 2 &&
        signature_chunk(b, k, room) && closes_text(b, st->chunks[k].last, true))
        return st->chunks[k].last;
    return c->last;
}

/* Whether a postscript, an address or a couplet of CLOSER_POSTSCRIPT_LINES
 * at most follows the signature on line `i` (ending on `last`), one the
 * writer signs with elsewhere, before the next letter's number or the end. */
static bool postscript_closes(rt_builder *b, size_t i, size_t last)
{
    if (!signs_elsewhere(b->st, rt_line_at(b, i)))
        return false;
    size_t after = rt_next_text_line(b, last);
    if (after == SIZE_MAX)
        return false;
    const rt_chunk *c = &b->st->chunks[rt_line_at(b, after)->chunk];
    if (c->last - c->first + 1 > CLOSER_POSTSCRIPT_LINES || c->last > b->last)
        return false;
    /* (the next letter's number, "217.", or the end: not the heading over
     * an editor's note written so each time) */
    size_t next = rt_next_text_line(b, c->last);
    const rt_line *n = next == SIZE_MAX ? NULL : rt_line_at(b, next);
    return !n || rt_number_heading_kind(n->t, n->tlen);
}

/* The lines from `from` to `to` (blank ones passed over) put in `closer`,
 * one under another, or in a new closing when it is NULL. */
static imprint_node *closer_lines(rt_builder *b, imprint_node *closer, size_t from, size_t to)
{
    rt_state *st = b->st;
    for (size_t j = from; j <= to; j++) {
        const rt_line *m = rt_line_at(b, j);
        if (m->blank)
            continue;
        imprint_pos pos = rt_pos(st, m->lineno, m->tcol);
        if (!closer)
            closer = imprint_node_new(st->doc, IMPRINT_NODE_CLOSER, pos);
        else
            imprint_node_append(closer, imprint_node_new(st->doc, IMPRINT_NODE_LINEBREAK, pos));
        rt_append_inlines(st, closer, m, 0, m->tlen);
    }
    return closer;
}

size_t rt_build_closer(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    size_t last = sign_off_end(b, i);
    bool dated = last == SIZE_MAX, signed_only = false;
    if (dated && (last = signature_end(b, i)) != SIZE_MAX)
        signed_only = true;
    else if (dated)
        last = part_end_line(b, i) ? i : place_date_end(b, i);
    if (last == SIZE_MAX ||
        !(closes_text(b, last, dated) || (signed_only && postscript_closes(b, i, last))))
        return 0;
    imprint_node *closer = NULL;
    /* a date under the signature, a blank line apart, closes with it */
    if (dated && !signed_only && b->last_block && b->last_block->kind == IMPRINT_NODE_CLOSER)
        closer = b->last_block;
    closer = closer_lines(b, closer, i, last);
    if (closer != b->last_block)
        rt_append(b, closer, last);
    else
        b->last_line = last;
    const rt_line *l = rt_line_at(b, i);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         signed_only ? "a name alone under the text taken as its signature, "
                                       "a closing (to line %u)"
                         : dated     ? "a place and date, or a part's last line, under the text "
                                       "taken as its closing (to line %u)"
                                     : "a sign-off and signature taken as the closing of a letter "
                                       "(to line %u)",
                         rt_line_at(b, last)->lineno);
    return last + 1;
}

size_t rt_build_mail_signature(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    size_t n = c->last - c->first;
    if (!st->mail || c->first != i || l->tlen != 2 || memcmp(l->t, "--", 2) != 0 || n == 0 ||
        n > MAIL_SIGNATURE_MAX_LINES)
        return 0;
    rt_append(b, closer_lines(b, NULL, i + 1, c->last), c->last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "a message's signature under its \"--\" line taken as its closing, "
                         "line by line, the \"--\" left out (to line %u)",
                         st->lines[c->last].lineno);
    return c->last + 1;
}
