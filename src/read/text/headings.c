/* Headings of the text reader: which short lines head sections, and their
 * levels. */

#include <string.h>

#include "read/text/text.h"

/* Whether anything but closing matter ("Thanks to …", "Source: …", note
 * definitions) follows line i in the article. */
bool rt_body_follows(rt_builder *b, size_t i)
{
    for (size_t j = rt_next_text_line(b, i); j != SIZE_MAX; j = rt_next_text_line(b, j))
        if (!rt_line_is_end_marker(rt_line_at(b, j)))
            return true;
    /* A heading over the article's notes ("The Author's Notes") heads
     * something too, though the notes go to the end of the article; a
     * signature over them ("PUBLIUS") does not. */
    const rt_line *h = rt_line_at(b, i);
    char *folded = rt_fold(h->t, (gssize)h->tlen);
    bool notes = strstr(folded, "note") != NULL;
    g_free(folded);
    for (size_t j = i + 1; notes && j <= b->last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->notedef && l->note_label && !l->notecont)
            return true;
        if (!l->blank && !l->notedef)
            break;
    }
    return false;
}

/* "1. The Profit Motive": a short numbered line followed by prose rather than
 * by the next number heads a numbered section. */
bool rt_numbered_heading(rt_builder *b, size_t i, imprint_list_style style, int number, size_t skip)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (style == IMPRINT_LIST_BULLET || c->first != c->last || l->nchar > 100)
        return false;
    if (b->depth > 0 && b->last_block == b->stack[0].list && b->stack[0].next == number)
        return false;
    /* "25. In making the about, …" after "24. …" and a paragraph: the
     * numbering of the text's paragraphs runs on (numbered.c) */
    if (style == IMPRINT_LIST_DECIMAL && number > 1 && number == b->decimal_next)
        return false;
    size_t n = rt_next_text_line(b, i);
    if (n == SIZE_MAX)
        return false;
    imprint_list_style s2;
    int n2;
    size_t k2;
    if (rt_line_list_marker(rt_line_at(b, n), &s2, &n2, &k2) && s2 == style && n2 == number + 1)
        return false;
    rt_line rest = *l;
    rest.t += skip;
    rest.tlen -= skip;
    rest.nchar = rt_utf8_cols(rest.t, rest.tlen);
    /* a period may end a numbered heading ("1) Allegation … incredible.") */
    if (rest.tlen > 1 && rest.t[rest.tlen - 1] == '.')
        rest.tlen--;
    return rt_line_is_heading_like(&rest) ||
           (rest.tlen && rest.t[0] != 0 && rt_line_starts_quote(&rest) && rest.nchar <= 80);
}

/* Whether two heading texts are parallel: their second and third words are
 * the same ("Tacit support for Fascism", "Overt support for the overthrow"). */
static bool rt_parallel(const char *a, const char *b)
{
    /* numbered headings are a sequence by their numbers already, a
     * journal's "[Hale, June 3, 1851]" by its dates */
    if (g_ascii_isdigit(a[0]) || g_ascii_isdigit(b[0]) || a[0] == '[' || b[0] == '[')
        return false;
    char **wa = g_strsplit(a, " ", 4), **wb = g_strsplit(b, " ", 4);
    bool same = g_strv_length(wa) >= 4 && g_strv_length(wb) >= 4 &&
                g_ascii_strcasecmp(wa[1], wb[1]) == 0 && g_ascii_strcasecmp(wa[2], wb[2]) == 0;
    g_strfreev(wa);
    g_strfreev(wb);
    return same;
}

/* Two or more blank lines in a row: the scraper dropped something there. */
static bool rt_gap_after(rt_builder *b, size_t i)
{
    return i + 2 <= b->last && rt_line_at(b, i + 1)->blank && rt_line_at(b, i + 2)->blank;
}

/* "Gentlemen of the House of Representatives:" inside a speech turns to a
 * part of its hearers (at its top, rt_build_opener took it): a salutation
 * and a colon, every longer word in capitals ("Gentlemen of the jury were
 * told:" leads into a quotation). */
static bool addresses_hearers(const rt_line *l)
{
    if (l->t[l->tlen - 1] != ':' || !rt_line_is_salutation(l))
        return false;
    for (const char *p = l->t, *end = l->t + l->tlen; p < end;) {
        const char *w = p;
        while (p < end && g_ascii_isalpha(*p))
            p++;
        if (p - w > 3 && !g_ascii_isupper(*w))
            return false;
        if (p == w)
            p++;
    }
    return true;
}

bool rt_colon_heading(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    imprint_node *h = b->last_heading;
    if (rt_line_is_contents_heading(l)) /* "Contents:", whatever is under it */
        return true;
    if (addresses_hearers(l))
        return true;
    /* a colon line parallel to the heading before it is its sibling */
    if (h && l->nchar <= 80 && l->t[l->tlen - 1] == ':' && !rt_gap_after(b, i)) {
        char *text = g_strndup(l->t, l->tlen);
        bool par = rt_parallel(text, imprint_node_plain_text(b->st->doc, h));
        g_free(text);
        if (par)
            return true;
    }
    if (!rt_line_is_colon_heading(l) || rt_gap_after(b, i))
        return false;
    size_t n = rt_next_text_line(b, i), name, skip;
    return n != SIZE_MAX && !rt_line_starts_quote(rt_line_at(b, n)) &&
           !rt_is_speech(b, n, &name, &skip);
}

/* In sources that set each paragraph off with a line of no-break spaces,
 * a short line after such a spacer is a heading even when a full stop ends
 * it ("Lack of oversight. This allowed Ezhov to function."). */
bool rt_spacer_heading(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    if (l->nchar > 60 || rt_line_words(l) > 10 || l->t[l->tlen - 1] != '.' ||
        !g_unichar_isupper(g_utf8_get_char(l->t)) || rt_line_starts_quote(l) ||
        rt_line_is_end_marker(l))
        return false;
    bool spacer = false;
    for (size_t j = i; j-- > b->first && rt_line_at(b, j)->blank;)
        spacer |= rt_line_at(b, j)->spacer;
    return spacer && rt_body_follows(b, i);
}

/* "[Clark, May 14, 1804]": a line in brackets that names a date, first of
 * its run of lines. */
static bool bracket_dated(const rt_state *st, const rt_line *l)
{
    if (l->tlen < 3 || l->t[0] != '[' || l->t[l->tlen - 1] != ']' ||
        memchr(l->t + 1, '[', l->tlen - 2) || &st->lines[st->chunks[l->chunk].first] != l)
        return false;
    rt_line inner = *l;
    inner.t++;
    inner.tlen -= 2;
    inner.nchar -= 2;
    return rt_line_is_dateline(&inner);
}

/* A journal's entry heads, "[Clark, May 14, 1804]" over each entry (set
 * apart, or right over its first line): lines in brackets that name a date,
 * BRACKET_HEADING_MIN_RUN of them in the article at least (one is an
 * editor's aside). */
bool rt_bracket_heading(rt_builder *b, size_t i)
{
    if (!bracket_dated(b->st, rt_line_at(b, i)))
        return false;
    if (b->bracket_dated < 0) {
        b->bracket_dated = 0;
        for (size_t j = b->first; j <= b->last; j++)
            b->bracket_dated += !rt_line_at(b, j)->blank && bracket_dated(b->st, rt_line_at(b, j));
    }
    return b->bracket_dated >= BRACKET_HEADING_MIN_RUN && rt_body_follows(b, i);
}

/* "AIR XIV. Pretty Parrot", "Psalm 23": a line opening with a word in
 * capitals or capitalised and a number (digits, or a roman numeral in
 * capitals) ending there or at a stop or a colon; the word, folded, in `*word` (the
 * caller g_free()s it) and the number's bytes at `*num`, `*num_len`. A
 * figure's, a plate's or a page's number heads nothing, nor a month's day. */
static bool series_number(const rt_line *l, char **word, const char **num, size_t *num_len)
{
    static const char *const captions[] = {"figure", "fig", "plate", "table", "page",
                                           "no",     "vol", "item",  "step",  "note"};
    size_t w = 0, n;
    while (w < l->tlen && g_ascii_isalpha(l->t[w]))
        w++;
    /* (a space or a no-break space after the word: "AIR X.") */
    size_t gap = w < l->tlen && l->t[w] == ' '                             ? 1
                 : w + 1 < l->tlen && memcmp(l->t + w, "\xC2\xA0", 2) == 0 ? 2
                                                                           : 0;
    if (w < 2 || !gap || w + gap + 1 > l->tlen || !g_ascii_isupper(l->t[0]))
        return false;
    for (n = w + gap;
         n < l->tlen && (g_ascii_isdigit(l->t[n]) || (l->t[n] && strchr("IVXLCDM", l->t[n]))); n++)
        ;
    const char *d = l->t + w + gap;
    size_t len = n - w - gap;
    /* (the number ends the line or a stop follows it: "Paragraph 3 of the
     * author" is a sentence) */
    if (len == 0 || (n < l->tlen && l->t[n] != '.' && l->t[n] != ':') ||
        !(g_ascii_isdigit(d[0]) ? strspn(d, "0123456789") >= len : rt_is_roman_numeral(d, len)))
        return false;
    if (read_word_in(l->t, w, captions, G_N_ELEMENTS(captions)))
        return false;
    /* ("May 5.  Meeting of the States General": a chronology's date) */
    if (g_ascii_isdigit(d[0]) && len <= 2 && rt_is_month_word(l->t, w))
        return false;
    *word = g_ascii_strdown(l->t, (gssize)w);
    *num = d;
    *num_len = len;
    return true;
}

/* The article's numbered words (series_number) and their numbers, in
 * b->numbered, made once. */
static GHashTable *numbered_words(rt_builder *b)
{
    if (b->numbered)
        return b->numbered;
    b->numbered = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_hash_table_destroy);
    for (size_t j = b->first; j <= b->last; j++) {
        const rt_line *l = rt_line_at(b, j);
        char *word;
        const char *num;
        size_t len;
        if (l->blank || b->st->chunks[l->chunk].first != b->st->chunks[l->chunk].last ||
            !series_number(l, &word, &num, &len))
            continue;
        GHashTable *nums = g_hash_table_lookup(b->numbered, word);
        if (!nums) {
            nums = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            g_hash_table_insert(b->numbered, word, nums);
        } else {
            g_free(word);
        }
        char *key = g_strndup(num, len);
        guint seen = GPOINTER_TO_UINT(g_hash_table_lookup(nums, key));
        g_hash_table_insert(nums, key, GUINT_TO_POINTER(seen + 1));
    }
    return b->numbered;
}

/* Whether a number of the series heads two lines or more: "Speaker 1"
 * speaks again, "AIR I" is sung once. */
static bool numbers_recur(GHashTable *nums)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, nums);
    while (g_hash_table_iter_next(&it, &key, &value))
        if (GPOINTER_TO_UINT(value) >= 2)
            return true;
    return false;
}

bool rt_numbered_series_heading(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    char *word;
    const char *num;
    size_t len;
    /* ("CHAPTER IV", "Part First": headings by their own rule) */
    if (c->first != c->last || l->nchar > READ_TEXT_MAX_HEADING_CHARS ||
        rt_line_opens_with_number(l) || rt_number_heading_kind(l->t, l->tlen) ||
        !series_number(l, &word, &num, &len))
        return false;
    GHashTable *nums = g_hash_table_lookup(numbered_words(b), word);
    g_free(word);
    /* ("Speaker 2: It has", a voice's label, where "SCENE I." of each act
     * numbers again) */
    bool label = num + len < l->t + l->tlen && num[len] == ':';
    return nums && g_hash_table_size(nums) >= NUMBERED_HEAD_MIN_RUN &&
           !(label && numbers_recur(nums)) && rt_body_follows(b, i);
}

void rt_headings_clear(rt_builder *b)
{
    if (b->numbered)
        g_hash_table_destroy(b->numbered);
    b->numbered = NULL;
}

/* A chunk of one line emphasised whole with a stanza under it. */
static bool caption_over_verse(const rt_state *st, const rt_line *l)
{
    const rt_chunk *c = &st->chunks[l->chunk];
    return c->first == c->last && l->chunk + 1 < st->nchunks && rt_chunk_emphasised(st, l->chunk) &&
           rt_verse_chunk(st, l->chunk + 1);
}

/* A miscellany's captions, "_Red-Lion, Egham._" or "_Written in a Lady's
 * Dressing Room._" over each piece: lines emphasised whole, set apart,
 * CAPTION_HEADING_MIN_RUN different ones over a stanza in the article at
 * least, each heading its piece though a full stop ends it. */
bool rt_caption_heading(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    if (c->first != c->last || !rt_chunk_emphasised(b->st, l->chunk))
        return false;
    if (b->captions < 0) {
        /* a label sung again over each chorus ("_Chorus._") is no caption */
        GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (size_t j = b->first; j <= b->last; j++) {
            const rt_line *m = rt_line_at(b, j);
            if (!m->blank && caption_over_verse(b->st, m))
                g_hash_table_add(seen, g_strndup(m->t, m->tlen));
        }
        b->captions = (int)g_hash_table_size(seen);
        g_hash_table_destroy(seen);
    }
    /* once the pieces are known to be captioned so, the caption over a
     * piece of prose ("_Underwritten._" over a line's reply) heads it too */
    return b->captions >= CAPTION_HEADING_MIN_RUN &&
           (caption_over_verse(b->st, l) || rt_body_follows(b, i));
}

/* Whether the heading's text (all of it: a number heading joined with its
 * title is more than its first line) is in capitals. */
static bool heading_caps(rt_state *st, const imprint_node *h)
{
    rt_line l = rt_line_of_text(imprint_node_plain_text(st->doc, h));
    /* (a dictionary's letter, "A", is its capitals too) */
    bool letter = l.nchar == 1 && g_unichar_isupper(g_utf8_get_char(l.t));
    return letter || rt_line_is_all_caps(&l);
}

/* The kind of the number a heading opens with ("XVIII. OPERA" → a roman
 * numeral, "CHAPTER I. THE FERRY" → "chapter"), 0 if none. */
static int number_prefix(rt_state *st, const imprint_node *h)
{
    const char *t = imprint_node_plain_text(st->doc, h);
    const char *stop = strstr(t, ". ");
    size_t n = stop ? (size_t)(stop - t) + 1 : strlen(t);
    return rt_number_heading_kind(t, n);
}

/* The number kind of the article's chapters: that of its first heading
 * that opens with a number, when a second one of the same kind follows. */
static int chapter_kind(rt_state *st)
{
    int first = 0;
    for (imprint_node *c = st->article->first_child; c; c = c->next) {
        int k = c->kind == IMPRINT_NODE_HEADING ? number_prefix(st, c) : 0;
        if (k && !first)
            first = k;
        else if (k && k == first)
            return k;
    }
    return 0;
}

/* Where an article's sections are headed in capitals, mixed-case headings
 * after a capitals heading are its subsections; its numbered chapters stay
 * one level, whatever their case. */
void rt_set_levels(rt_state *st)
{
    int caps = 0;
    for (imprint_node *c = st->article->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING) {
            const rt_line *l = rt_line_by_number(st, c->pos.line);
            caps += heading_caps(st, c) && !rt_line_is_bib_heading(l);
        }
    if (caps < 2)
        return;
    bool under_caps = false;
    int chapters = chapter_kind(st);
    for (imprint_node *c = st->article->first_child; c; c = c->next) {
        if (c->kind != IMPRINT_NODE_HEADING || (chapters && number_prefix(st, c) == chapters))
            continue;
        const rt_line *l = rt_line_by_number(st, c->pos.line);
        if (heading_caps(st, c)) {
            under_caps = !rt_line_is_bib_heading(l);
            continue;
        }
        if (under_caps && c->as.heading.level == 1) { /* (a contents' level stands) */
            c->as.heading.level = 2;
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, c->pos,
                                 "heading taken as a subsection (level 2) of the capitals "
                                 "heading above it");
        }
    }
}

/* A run of parallel headings after a heading of another shape are its
 * subsections (numbered chapters excepted). */
void rt_set_parallel_levels(rt_state *st)
{
    imprint_node *prev = NULL;
    const char *parent = NULL; /* the level-1 heading the current run hangs under */
    int chapters = chapter_kind(st);
    for (imprint_node *c = st->article->first_child; c; c = c->next) {
        if (c->kind != IMPRINT_NODE_HEADING)
            continue;
        if (chapters && number_prefix(st, c) == chapters) {
            prev = c;
            continue;
        }
        char *text = imprint_node_plain_text(st->doc, c);
        if (prev && c->as.heading.level == 1) {
            /* the run starts here if the next heading is parallel to this one */
            imprint_node *next = c->next;
            while (next && next->kind != IMPRINT_NODE_HEADING)
                next = next->next;
            char *ptext = imprint_node_plain_text(st->doc, prev);
            bool starts = next && rt_parallel(text, imprint_node_plain_text(st->doc, next)) &&
                          !rt_parallel(ptext, text);
            bool continues = prev->as.heading.level == 2 && rt_parallel(ptext, text);
            if (starts)
                parent = ptext;
            if (starts || continues) {
                c->as.heading.level = 2;
                imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, c->pos,
                                     "heading taken as a subsection (level 2): it is one of "
                                     "several parallel headings under \u201c%s\u201d",
                                     parent ? parent : ptext);
            }
        }
        prev = c;
    }
}

/* The words a section's number follows ("CHAPTER IV", "Letter 12"). */
static const char *const number_words[] = {"chapter", "book", "part", "canto", "act", "letter"};

/* "first" … "twentieth", "last": the ordinal that numbers a section in
 * words ("THE FIRST CHAPTER", "Chapter the Second"). */
static bool ordinal_word(const char *s, size_t n)
{
    static const char *const ordinals[] = {
        "first",      "second",     "third",     "fourth",    "fifth",       "sixth",
        "seventh",    "eighth",     "ninth",     "tenth",     "eleventh",    "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth", "twentieth",  "last"};
    return read_word_in(s, n, ordinals, G_N_ELEMENTS(ordinals));
}

/* "THE FIRST CHAPTER" (`word` last) or "Chapter the First" (`word` first):
 * whether the `n` bytes of `s` number a section in words. */
static bool ordinal_heading(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    /* (capitalised: "the first letter" in a sentence numbers nothing) */
    if (n > 4 + w + 1 && g_ascii_strncasecmp(s, "the ", 4) == 0 &&
        g_ascii_strncasecmp(s + n - w, word, w) == 0 && s[n - w - 1] == ' ' &&
        g_ascii_isupper(s[4]) && g_ascii_isupper(s[n - w]))
        return ordinal_word(s + 4, n - 4 - w - 1);
    if (n > w + 5 && g_ascii_strncasecmp(s, word, w) == 0 &&
        g_ascii_strncasecmp(s + w, " the ", 5) == 0 && g_ascii_isupper(s[0]) &&
        g_ascii_isupper(s[w + 5]))
        return ordinal_word(s + w + 5, n - w - 5);
    return false;
}

int rt_number_heading_kind(const char *s, size_t n)
{
    bool stop = n && s[n - 1] == '.';
    while (n && (s[n - 1] == '.' || s[n - 1] == ':'))
        n--;
    if (n && rt_is_roman_numeral(s, n))
        return 1;
    /* "216.": a letter's or a section's number (with its stop, which a
     * page number has not; a year has four digits) */
    if (stop && n && n <= 3 && strspn(s, "0123456789") == n)
        return 2 + (int)G_N_ELEMENTS(number_words);
    /* (each form opens with the word or with "the ") */
    char first = n ? g_ascii_tolower(s[0]) : '\0';
    for (size_t i = 0; i < G_N_ELEMENTS(number_words); i++) {
        if (first != 't' && first != number_words[i][0])
            continue;
        size_t w = strlen(number_words[i]);
        if (ordinal_heading(s, n, number_words[i]))
            return 2 + (int)i;
        if (n <= w + 1 || g_ascii_strncasecmp(s, number_words[i], w) != 0 || s[w] != ' ')
            continue;
        const char *num = s + w + 1;
        size_t len = n - w - 1;
        if (rt_is_roman_numeral(num, len) || (len <= 3 && strspn(num, "0123456789") == len))
            return 2 + (int)i;
    }
    return 0;
}

bool rt_line_opens_with_number(const rt_line *l)
{
    if (rt_number_heading_kind(l->t, l->tlen))
        return true;
    /* the first word and the end of the second */
    size_t w1 = 0;
    while (w1 < l->tlen && l->t[w1] != ' ')
        w1++;
    if (w1 > 1 && w1 < l->tlen && l->t[w1 - 1] == '.' && rt_number_heading_kind(l->t, w1))
        return true; /* "IV. The Ransom", "12. Of Trade" */
    if (w1 >= l->tlen)
        return false;
    size_t w2 = w1 + 1;
    while (w2 < l->tlen && l->t[w2] != ' ' && l->t[w2] != '-' && (unsigned char)l->t[w2] < 0x80)
        w2++;
    size_t n2 = w2;
    while (n2 > w1 + 1 && strchr(".:,", l->t[n2 - 1]))
        n2--;
    if (rt_number_heading_kind(l->t, n2))
        return true; /* "PART I.--DRILL.", "CHAPTER IV. OF CONSTITUTIONS" */
    /* "FIRST ACT", "Second Book" */
    return ordinal_word(l->t, w1) &&
           read_word_in(l->t + w1 + 1, n2 - w1 - 1, number_words, G_N_ELEMENTS(number_words));
}

static bool number_only(const char *s)
{
    return rt_number_heading_kind(s, strlen(s)) != 0;
}

void rt_join_number_headings(rt_state *st)
{
    for (imprint_node *h = st->article->first_child; h; h = h->next) {
        imprint_node *t = h->next;
        if (h->kind != IMPRINT_NODE_HEADING || !t || t->kind != IMPRINT_NODE_HEADING)
            continue;
        char *num = imprint_node_plain_text(st->doc, h);
        char *title = imprint_node_plain_text(st->doc, t);
        if (!number_only(num) || number_only(title))
            continue;
        size_t n = strlen(num);
        const char *sep = n && (num[n - 1] == '.' || num[n - 1] == ':') ? " " : ". ";
        imprint_node_append(h, imprint_node_new_text(st->doc, t->pos, sep, strlen(sep)));
        while (t->first_child) {
            imprint_node *c = t->first_child;
            imprint_node_unlink(c);
            imprint_node_append(h, c);
        }
        imprint_node_unlink(t);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, h->pos,
                             "the number heading \u201c%s\u201d and the title under it read as "
                             "one heading",
                             num);
    }
}

/* A paragraph of READ_TEXT_BIB_PROSE_WORDS words at least. */
static bool prose_paragraph(rt_state *st, const imprint_node *n)
{
    if (n->kind != IMPRINT_NODE_PARAGRAPH)
        return false;
    const char *t = imprint_node_plain_text(st->doc, n);
    return rt_count_words(t, strlen(t)) >= READ_TEXT_BIB_PROSE_WORDS;
}

/* Whether paragraph `p` is an imprint's lines in capitals kept one under
 * another ("ELKIN & CO., LTD.," / "8 & 10 BEAK STREET,"): a line break
 * among its children and no small letter. A transcriber's note kept line
 * by line is prose. */
static bool capitals_by_line(rt_state *st, const imprint_node *p)
{
    bool lines = false;
    for (const imprint_node *c = p->first_child; c && !lines; c = c->next)
        lines = c->kind == IMPRINT_NODE_LINEBREAK;
    if (!lines)
        return false;
    for (const char *t = imprint_node_plain_text(st->doc, p); *t; t = g_utf8_next_char(t))
        if (g_unichar_islower(g_utf8_get_char(t)))
            return false;
    return true;
}

/* Whether `h` heads a section of the book rather than being a line of its
 * title page: "Contents", "Preface", "Introduction", any heading over a
 * table of contents. */
static bool heads_section(rt_state *st, const imprint_node *h)
{
    static const char *const contents[] = {"contents", "table of contents"};
    const rt_line *l = rt_line_by_number(st, h->pos.line);
    /* ("Herein Is Written" over a table of contents heads it) */
    if (h->next && h->next->kind == IMPRINT_NODE_LIST && h->next->as.list.contents)
        return true;
    /* (nor is a heading right over prose, "CHAPTER I" / "THE WORKSHOP", or
     * over its subtitle in brackets over prose, "ETYMOLOGY." / "(Supplied by
     * a Late Consumptive Usher …)"; a publisher's address in capitals under
     * "LONDON" is no prose) */
    const imprint_node *under = h->next;
    const rt_line *ul = under ? rt_line_by_number(st, under->pos.line) : NULL;
    if (under && under->next && ul && rt_line_is_paren_subtitle(ul))
        under = under->next;
    if (h->kind == IMPRINT_NODE_HEADING && under && prose_paragraph(st, under) &&
        !capitals_by_line(st, under))
        return true;
    /* ("CONTENTS OF VOLUME II." as "CONTENTS") */
    return l && (rt_line_is_section_word(l) ||
                 rt_line_is_title_word(l, contents, G_N_ELEMENTS(contents)) ||
                 (l->tlen > 9 && g_ascii_strncasecmp(l->t, "contents ", 9) == 0));
}

/* "BY" over a name, or "By Name", on the title page: the author. */
static void title_page_author(rt_state *st, const imprint_node *p, const imprint_node *next)
{
    imprint_node *art = st->article;
    /* (a Project Gutenberg header's author is set as written, not in capitals) */
    if (art->as.article.authors || st->book_author)
        return;
    char *text = imprint_node_plain_text(st->doc, p);
    const char *name = NULL;
    if (g_ascii_strcasecmp(text, "by") == 0 && next)
        name = imprint_node_plain_text(st->doc, next);
    else if (g_ascii_strncasecmp(text, "by ", 3) == 0)
        name = text + 3;
    if (!name || !rt_is_person_name(name, strlen(name)))
        return;
    const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
    authors[0] = name;
    authors[1] = NULL;
    art->as.article.authors = authors;
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, p->pos,
                         "the title page's byline taken as the author: %s", name);
}

/* A byline of a title page: "by H. G. Wells", or "by" over the name. */
static bool page_byline(const rt_line *l)
{
    return l && (rt_line_is_byline(l) || rt_line_is_lone_by(l));
}

/* A line of a title page as read: a heading, or the byline a paragraph;
 * on the page of a titled book (`titled`, where a line must repeat the
 * title) display lines short of prose too ("(1790-1826.)", "London" /
 * "CHARLES H. KELLY"), in a book of prose lines set as verse. */
static bool title_page_line(rt_state *st, const imprint_node *h, bool titled)
{
    if (h->kind == IMPRINT_NODE_HEADING)
        return true;
    if (h->kind == IMPRINT_NODE_VERSE)
        return titled && !st->verse;
    return h->kind == IMPRINT_NODE_PARAGRAPH &&
           (page_byline(rt_line_by_number(st, h->pos.line)) ||
            (titled && (!prose_paragraph(st, h) || capitals_by_line(st, h))));
}

/* `s` case-folded, its typographic apostrophes plain and its ampersands
 * words: a header's "Beethoven's Letters" is the title page's "BEETHOVEN’S
 * LETTERS.", its "Critical & Historical Essays" the page's "CRITICAL AND
 * HISTORICAL ESSAYS". */
static char *fold_title(const char *s)
{
    char *folded = rt_fold(s, -1);
    GString *f = g_string_new(folded);
    g_free(folded);
    g_string_replace(f, "\u2019", "'", 0);
    g_string_replace(f, " & ", " and ", 0);
    return g_string_free(f, FALSE);
}

/* Whether `line` (case-folded) is the title `want`, or its first words
 * ("beethoven's letters." in "Beethoven's Letters 1790-1826 Vol. 2"). */
static bool names_title(const char *line, const char *want)
{
    size_t n = strlen(line);
    while (n && strchr(".,:; ", line[n - 1]))
        n--;
    if (n == 0 || strncmp(line, want, n) != 0)
        return false;
    return want[n] == '\0' || (rt_count_words(line, n) >= 2 && strchr(" ,:;.", want[n]));
}

/* The first heading from `h` on that names the title `want` (folded), or
 * NULL. */
static imprint_node *heading_naming(rt_state *st, imprint_node *h, const char *want)
{
    for (; h; h = h->next) {
        if (h->kind != IMPRINT_NODE_HEADING)
            continue;
        char *text = fold_title(imprint_node_plain_text(st->doc, h));
        bool names = names_title(text, want);
        g_free(text);
        if (names)
            return h;
    }
    return NULL;
}

/* The blank lines above the first line of block `h`. */
static size_t blanks_over(const rt_state *st, const imprint_node *h)
{
    const rt_line *l = rt_line_by_number(st, h->pos.line);
    return l ? rt_blank_before(st, l->chunk) : 0;
}

/* The lines of a title page from `first` on (title_page_line, up to a
 * heading of the book's sections); whether one repeats the title `want`
 * (folded; NULL for none) in `*repeats`, whether one under the first is a
 * byline in `*byline`. */
static size_t page_run(rt_state *st, imprint_node *first, const char *want, bool *repeats,
                       bool *byline)
{
    size_t n = 0;
    *repeats = *byline = false;
    /* (the title set one phrase a line, "THE" over "PIANOFORTE SONATA",
     * repeats it too: the lines from the first, joined) */
    GString *joined = g_string_new(NULL);
    for (imprint_node *h = first;
         h && title_page_line(st, h, want != NULL) && !heads_section(st, h); h = h->next, n++) {
        char *text = fold_title(imprint_node_plain_text(st->doc, h));
        g_string_append_printf(joined, "%s%s", n ? " " : "", text);
        *repeats =
            *repeats || (want && (names_title(text, want) || strcmp(joined->str, want) == 0));
        *byline = *byline || (n > 0 && page_byline(rt_line_by_number(st, h->pos.line)));
        g_free(text);
    }
    g_string_free(joined, TRUE);
    return n;
}

void rt_title_page(rt_state *st)
{
    imprint_node *art = st->article;
    /* (a Project Gutenberg header's title names the article once it is read) */
    const char *title = art->as.article.title ? art->as.article.title : st->book_title;
    char *want = title ? fold_title(title) : NULL;
    imprint_node *first = art->first_child;
    while (first && first->kind == IMPRINT_NODE_FIGURE)
        first = first->next; /* a frontispiece */
    imprint_node *top = first;
    bool repeats, byline;
    size_t n = page_run(st, first, want, &repeats, &byline);
    /* (a transcriber's notes before the title page: the page opens with
     * the first heading that names the book, set apart from them by more
     * than one blank line, as a page is) */
    imprint_node *named = want && !repeats && first ? heading_naming(st, first, want) : NULL;
    if (named && blanks_over(st, named) > 1) {
        first = named;
        n = page_run(st, first, want, &repeats, &byline);
    }
    g_free(want);
    /* An untitled article that opens with such a run: its first line is the
     * title, as on any title page. A title over its byline ("DUBLINERS",
     * "By James Joyce") is one too. */
    if ((n < TITLE_PAGE_MIN_LINES && !(n >= 2 && byline)) || (title && !repeats))
        return;
    imprint_pos at = first->pos;
    if (!title) {
        art->as.article.title = imprint_node_plain_text(st->doc, first);
        imprint_node *next = first->next;
        imprint_node_unlink(first);
        first = next;
        n--;
    }
    imprint_node *c = first;
    for (size_t k = 0; k < n; k++, c = c->next) {
        if (c->kind == IMPRINT_NODE_HEADING)
            c->kind = IMPRINT_NODE_PARAGRAPH;
        if (c->kind == IMPRINT_NODE_PARAGRAPH)
            title_page_author(st, c, k + 1 < n ? c->next : NULL);
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, at,
                         "%zu lines %s read as the title page (paragraphs, not "
                         "headings)%s",
                         n, first == top ? "at the top" : "from here",
                         title ? ": one repeats the title" : "; the first is the title");
}

/* Whether heading `h` opens with a chapter's number ("I. The Origin",
 * "CHAPTER IV", rt_line_opens_with_number). */
static bool heading_numbered(rt_state *st, const imprint_node *h)
{
    rt_line l = rt_line_of_text(imprint_node_plain_text(st->doc, h));
    return rt_line_opens_with_number(&l);
}

void rt_half_title(rt_state *st)
{
    imprint_node *art = st->article;
    const char *title = art->as.article.title ? art->as.article.title : st->book_title;
    if (!title)
        return;
    char *want = fold_title(title);
    /* (the front of the book, before its first paragraph of prose, once; in a
     * poem of many books each book's half-title) */
    bool front = true;
    for (imprint_node *h = art->first_child, *next; h; h = next) {
        next = h->next;
        front = front && !prose_paragraph(st, h);
        if (h->kind != IMPRINT_NODE_HEADING || !next || next->kind != IMPRINT_NODE_HEADING)
            continue;
        /* (past a preface, over the first chapter's number: "CRITICAL AND
         * HISTORICAL ESSAYS" over "I. THE ORIGIN OF MUSIC") */
        if (!front && !st->verse && !heading_numbered(st, next))
            continue;
        char *text = fold_title(imprint_node_plain_text(st->doc, h));
        bool same = strcmp(text, want) == 0;
        g_free(text);
        if (!same)
            continue;
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, h->pos,
                             "heading \u201c%s\u201d repeats the title over the next "
                             "heading with nothing of its own (a half-title): dropped",
                             imprint_node_plain_text(st->doc, h));
        imprint_node_unlink(h);
        if (!st->verse)
            break;
    }
    g_free(want);
}
