/* A book's index at its end: under an "INDEX" heading, its entries one
 * chunk each, "Alberti Bass, 26, 30, 33 (note), 109." with the sub-entries
 * set in under it ("  influence on Kuhnau, 42."), every line naming pages.
 * Kept as one list, an entry an item line by line: the short lines set in
 * are no stanzas and the entries no paragraphs. */

#include "read/text/text.h"

#include "read/names.h"

#include <string.h>

bool rt_line_is_index_heading(const rt_line *l)
{
    static const char *const words[] = {"index", "register", "namenregister"};
    if (rt_line_is_title_word(l, words, G_N_ELEMENTS(words)))
        return true;
    /* "INDEX OF CHARACTERS", "Index to the Plates", "GENERAL INDEX" */
    if (l->blank || l->nchar > INDEX_HEADING_MAX_CHARS)
        return false;
    char *f = rt_fold(l->t, (gssize)l->tlen);
    size_t len = strlen(f);
    while (len && strchr(":. ", f[len - 1]))
        f[--len] = '\0';
    bool yes = g_str_has_prefix(f, "index of ") || g_str_has_prefix(f, "index to ") ||
               (g_str_has_suffix(f, " index") && !strchr(f, ','));
    g_free(f);
    return yes;
}

/* "v", "xii": a page of the front matter, lower-case roman. */
static bool roman_page(const char *p, size_t n)
{
    if (n == 0 || n > INDEX_ROMAN_MAX)
        return false;
    for (size_t k = 0; k < n; k++)
        if (!strchr("ivxlc", p[k]))
            return false;
    return true;
}

/* "112", "85-91", "45n", "xii": a page or a run of pages. */
static bool page_token(const char *p, size_t n)
{
    size_t k = 0;
    while (k < n && (g_ascii_isdigit(p[k]) || p[k] == '-'))
        k++;
    if (k > 0 && g_ascii_isdigit(p[0]))
        return k == n || (k + 1 == n && g_ascii_isalpha(p[k]));
    return roman_page(p, n);
}

/* Whether line `l` ends by naming pages, "ALBERTI, 109, 112.", "Arbeau T.
 * Orchésographie, 15 and 16.", "Arrowpoints of Chiriqui 34", past a
 * note's mark or a range's ("229 and (note).", "21, _note_", "101 _et
 * seq._"): its last words, without the stops and emphasis marks after
 * them, pages. A line of more than INDEX_ENTRY_MAX_WORDS words is an entry
 * only when INDEX_PAGES_SHARE of them are pages (an entry's long list of
 * pages, turned over and joined): a wrapped paragraph that ends on a
 * year, "… was closed in 1899.", is none. */
static bool names_page(const rt_line *l)
{
    static const char *const after[] = {"(note)", "(notes)", "note", "notes", "n", "and",
                                        "ff",     "passim",  "et",   "seq",   "sq"};
    const char *p = l->t;
    size_t len = l->tlen, pages = 0, words = rt_line_words(l);
    for (;;) {
        while (len && strchr(".,;:_ ", p[len - 1]))
            len--;
        size_t word = len;
        while (word && p[word - 1] != ' ')
            word--;
        size_t from = word + (word < len && p[word] == '_');
        if (read_word_in(p + from, len - from, after, G_N_ELEMENTS(after)))
            len = word;
        else if (word > 0 && page_token(p + from, len - from))
            pages++, len = word;
        else
            break;
    }
    if (pages == 0)
        return false;
    if (words <= INDEX_ENTRY_MAX_WORDS)
        return true;
    /* pages inside the line count too: "Beethoven, 27, 28, …, 322; his
     * sonatas, 182;" */
    size_t all = 0;
    for (size_t k = 0; k < l->tlen;) {
        size_t n = 0;
        while (k + n < l->tlen && !strchr(" ,;.", l->t[k + n]))
            n++;
        all += n > 0 && page_token(l->t + k, n);
        k += n + 1;
    }
    return all >= INDEX_PAGES_SHARE * words;
}

/* "Grand Medicine Society. See Midewiwin.", "  see chamber-music": an entry
 * that sends the reader to another instead of naming pages. */
static bool cross_reference(const rt_line *l)
{
    static const char *const inside[] = {" See ", "; see ", ", see ", " see also "};
    if (l->tlen > 4 && (strncmp(l->t, "See ", 4) == 0 || strncmp(l->t, "see ", 4) == 0))
        return true;
    for (size_t k = 0; k < G_N_ELEMENTS(inside); k++)
        if (g_strstr_len(l->t, (gssize)l->tlen, inside[k]))
            return true;
    return false;
}

/* "A", "B.": the letter that heads the entries of its letter. */
static bool letter_divider(const rt_state *st, const rt_chunk *c)
{
    const rt_line *l = &st->lines[c->first];
    size_t len = l->tlen - (l->tlen > 1 && l->t[l->tlen - 1] == '.');
    return c->first == c->last && len == 1 && g_ascii_isupper(l->t[0]);
}

/* Whether line `l` names pages or sends to another entry. */
static bool entry_line(const rt_line *l)
{
    return names_page(l) || cross_reference(l);
}

/* Whether chunk `c` is entries: INDEX_ENTRY_LINE_SHARE of its lines name
 * pages (or send to another entry), its first or its last among them (an
 * entry may turn over before its pages, "La Hontan, …, cited on practices"
 * / "    of … medicine men  151-152"; a letter's last may name none,
 * "Hunter, Mrs. (_P.P._)"). */
static bool entry_chunk(const rt_state *st, const rt_chunk *c)
{
    if (!entry_line(&st->lines[c->first]) && !entry_line(&st->lines[c->last]))
        return false;
    size_t lines = 0, pages = 0;
    for (size_t j = c->first; j <= c->last; j++) {
        lines++;
        pages += entry_line(&st->lines[j]);
    }
    return pages >= INDEX_ENTRY_LINE_SHARE * lines;
}

/* The least indent of lines [first, last]. */
static unsigned least_indent(const rt_state *st, size_t first, size_t last)
{
    unsigned least = st->lines[first].indent;
    for (size_t j = first; j <= last; j++)
        least = MIN(least, st->lines[j].indent);
    return least;
}

/* How many entries chunk `c` holds: its lines at its least indent. */
static size_t count_entries(const rt_state *st, const rt_chunk *c)
{
    unsigned base = least_indent(st, c->first, c->last);
    size_t n = 0;
    for (size_t j = c->first; j <= c->last; j++)
        n += st->lines[j].indent <= base;
    return n;
}

/* Appends the entries of lines [first, last] to `list`, an item each: a
 * line at their least indent opens an entry ("  Accents, 92." / "  Adagio,
 * 189.", one a line), with the lines it turns over onto before it names
 * its pages ("Hennepin, Louis, cited on practices of" / "    Algonkian
 * medicine men  152, 154"); the lines set in further under it are its
 * sub-entries, a list of their own in its item, INDEX_MAX_LEVELS levels
 * deep (a deeper one stays a line of the sub-entry above it). */
static void add_entries(rt_state *st, imprint_node *list, size_t first, size_t last, int level)
{
    unsigned base = least_indent(st, first, last);
    for (size_t j = first; j <= last;) {
        size_t start = j;
        for (j++; j <= last && st->lines[j].indent > base; j++)
            ;
        rt_chunk head = st->chunks[st->lines[start].chunk];
        head.first = head.last = start;
        while (head.last < j - 1 && !entry_line(&st->lines[head.last]))
            head.last++;
        if (level + 1 >= INDEX_MAX_LEVELS)
            head.last = j - 1;
        const rt_line *e = &st->lines[start];
        imprint_node *item =
            imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, e->lineno, e->tcol));
        imprint_node_append(item, rt_lines_block(st, IMPRINT_NODE_PARAGRAPH, &head));
        if (head.last < j - 1) {
            const rt_line *s0 = &st->lines[head.last + 1];
            imprint_node *sub =
                imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, s0->lineno, s0->tcol));
            sub->as.list.style = IMPRINT_LIST_PLAIN;
            add_entries(st, sub, head.last + 1, j - 1, level + 1);
            imprint_node_append(item, sub);
        }
        imprint_node_append(list, item);
    }
}

size_t rt_build_index(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const imprint_node *h = b->last_block;
    const rt_line *hl =
        h && h->kind == IMPRINT_NODE_HEADING ? rt_line_by_number(st, h->pos.line) : NULL;
    const rt_line *l = rt_line_at(b, i);
    if (!hl || !rt_line_is_index_heading(hl) || st->chunks[l->chunk].first != i)
        return 0;
    size_t k = l->chunk, last = rt_line_at(b, b->last)->chunk, entries = 0, end = k;
    for (; k <= last; k++) {
        const rt_chunk *c = &st->chunks[k];
        if (letter_divider(st, c))
            continue;
        if (!entry_chunk(st, c))
            break;
        entries += count_entries(st, c);
        end = k;
    }
    if (entries < INDEX_MIN_ENTRIES)
        return 0;
    imprint_node *list =
        imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
    list->as.list.style = IMPRINT_LIST_PLAIN;
    for (k = l->chunk; k <= end; k++)
        add_entries(st, list, st->chunks[k].first, st->chunks[k].last, 0);
    rt_append(b, list, st->chunks[end].last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                         "an index of %zu entries (to line %u) kept as a list, an entry an item "
                         "with its sub-entries a list in it",
                         entries, st->lines[st->chunks[end].last].lineno);
    return st->chunks[end].last + 1;
}
