/* A digest or archive of mail or news messages (a Usenet digest, a
 * mailing list's archive): each message opened by its header block
 * ("Date: …" / "From: …" / "Subject: …"). The Subject is the message's
 * title, From its author and Date its date; the other header lines
 * (Path, Message-ID, Xref, …) are the transport's, left out with a note
 * (`boilerplate: keep` keeps them). Runs on the physical lines, before
 * they are joined, so that no header is read as a speaker or a heading. */
#include <string.h>

#include "read/text/text.h"

enum {
    FIELD_OTHER = RT_MAIL_NONE,
    FIELD_SUBJECT = RT_MAIL_SUBJECT,
    FIELD_FROM = RT_MAIL_FROM,
    FIELD_DATE = RT_MAIL_DATE
};

size_t rt_line_field_name(const rt_line *l)
{
    size_t n = 0;
    while (n < l->tlen && (g_ascii_isalnum(l->t[n]) || l->t[n] == '-' || l->t[n] == '.'))
        n++;
    if (n == 0 || n >= l->tlen || l->t[n] != ':' || (n + 1 < l->tlen && l->t[n + 1] != ' '))
        return 0;
    return n;
}

size_t rt_line_header_field(const rt_line *l)
{
    size_t n = l->blank ? 0 : rt_line_field_name(l);
    return n && read_is_header_field(l->t, n) ? n : 0;
}

/* The field of header line `l` ("Subject: …" → FIELD_SUBJECT), with the
 * bytes before its value in `*skip`; -1 if it is no header line: a field
 * name of RFC 822 or of news at the margin, or any "X-" one, then a colon;
 * or an mbox's "From " envelope line. */
static int header_field(const rt_line *l, size_t *skip)
{
    if (l->blank || l->indent > 0)
        return -1;
    /* (an mbox's envelope, "From kls Fri Nov 13 22:47:31 1992", over the headers) */
    if (l->tlen > 5 && strncmp(l->t, "From ", 5) == 0 && !memchr(l->t, ':', MIN(l->tlen, 12))) {
        *skip = l->tlen;
        return FIELD_OTHER;
    }
    size_t n = rt_line_field_name(l);
    if (!n || !read_is_mail_field(l->t, n))
        return -1;
    size_t v = n + 1;
    while (v < l->tlen && l->t[v] == ' ')
        v++;
    *skip = v;
    static const char *const subject[] = {"subject"}, *const from[] = {"from"},
                             *const date[] = {"date"};
    return read_word_in(l->t, n, subject, 1) ? FIELD_SUBJECT
           : read_word_in(l->t, n, from, 1)  ? FIELD_FROM
           : read_word_in(l->t, n, date, 1)  ? FIELD_DATE
                                             : FIELD_OTHER;
}

/* Whether line `l` is a header line with a field's name ("Subject: …"),
 * not an mbox's envelope. */
static bool named_field(const rt_line *l)
{
    size_t skip;
    return header_field(l, &skip) >= 0 && rt_line_field_name(l) > 0;
}

/* The end (exclusive) of the header block from line `i`: header lines,
 * and lines under one that go on its value (folded, or a value that
 * begins on the next line: "Path:" over the path), a Subject with a value
 * among them and a From or a Date (one "Subject:" line is a memo's, or a line of
 * prose that opens so) unless `!sender_needed`; `i` if there is none. */
static size_t header_block(const rt_state *st, size_t i, bool sender_needed)
{
    size_t j = i, skip;
    bool subject = false, sender = false, empty = false;
    for (; j < st->nlines; j++) {
        /* (a double-spaced text's header: one blank line between fields) */
        if (st->lines[j].blank && j > i && j + 1 < st->nlines && named_field(&st->lines[j - 1]) &&
            named_field(&st->lines[j + 1]))
            continue;
        /* (a rule under the header, "=====…", ends it as a blank line does) */
        if (st->lines[j].blank || (j > i && rt_line_is_break(&st->lines[j])))
            break;
        int f = header_field(&st->lines[j], &skip);
        /* (a field no list knows under known ones: an archive's "Link: …") */
        if (f < 0 && j > i && st->lines[j].indent == 0 && rt_line_field_name(&st->lines[j])) {
            empty = false;
            continue;
        }
        if (f < 0) {
            if (j == i || !(st->lines[j].indent > 0 || empty))
                return i;
            continue;
        }
        subject = subject || (f == FIELD_SUBJECT && skip < st->lines[j].tlen);
        sender = sender || f == FIELD_FROM || f == FIELD_DATE;
        empty = skip >= st->lines[j].tlen;
    }
    return subject && (sender || !sender_needed) ? j : i;
}

/* Line `l`'s view from its value on ("Dave Banisar <Banisar@EPIC.ORG>"). */
static void keep_value(rt_line *l, size_t skip)
{
    l->tcol += (unsigned)g_utf8_strlen(l->t, (gssize)skip);
    l->nchar -= (unsigned)g_utf8_strlen(l->t, (gssize)skip);
    l->t += skip;
    l->tlen -= skip;
}

/* Rewrites the header block from line `i` to `end`: the Subject's,
 * From's and Date's values on its first lines, in that order, the other
 * lines blank (kept, when `keep`, as they are). Returns the lines left out. */
static size_t rewrite_block(rt_state *st, size_t i, size_t end, bool keep)
{
    rt_line *head = g_new(rt_line, end - i);
    size_t kept = 0, dropped = 0;
    for (int want = FIELD_SUBJECT; want <= FIELD_DATE; want++)
        for (size_t j = i; j < end; j++) {
            size_t skip;
            if (header_field(&st->lines[j], &skip) == want && skip < st->lines[j].tlen) {
                head[kept] = st->lines[j];
                head[kept].mail = (unsigned char)want;
                keep_value(&head[kept++], skip);
                st->lines[j].text = NULL; /* (moved to head) */
                break;
            }
        }
    for (size_t j = i; j < end; j++) {
        if (!st->lines[j].text)
            continue;
        head[kept] = st->lines[j];
        if (!keep && !head[kept].blank) {
            rt_line_set_blank(&head[kept]);
            dropped++;
        }
        kept++;
    }
    memcpy(&st->lines[i], head, (end - i) * sizeof *head);
    g_free(head);
    return dropped;
}

/* Blanks the rules ("=====…") right over and under the header block from
 * `i` to `end`, which frame it as a blank line would: the messages are
 * told apart without them. Returns how many. */
static size_t drop_frame(rt_state *st, size_t i, size_t end)
{
    size_t n = 0;
    if (i > 0 && !st->lines[i - 1].blank && rt_line_is_break(&st->lines[i - 1])) {
        rt_line_set_blank(&st->lines[i - 1]);
        n++;
    }
    if (end < st->nlines && !st->lines[end].blank && rt_line_is_break(&st->lines[end])) {
        rt_line_set_blank(&st->lines[end]);
        n++;
    }
    return n;
}

/* The note on the `n` messages found, the first at line `first`. */
static void report(rt_state *st, unsigned first, size_t n, size_t dropped, size_t rules, bool keep)
{
    GString *what = g_string_new(NULL);
    if (n == 1)
        g_string_append(what, "a message's mail headers open the file: its Subject the title");
    else
        g_string_append_printf(what,
                               "%zu messages opened by mail headers: each its Subject the "
                               "title",
                               n);
    g_string_append_printf(what,
                           ", its From the author and its Date the date; %zu other header "
                           "line%s (Path, Message-ID, …) %s",
                           dropped, dropped == 1 ? "" : "s",
                           keep ? "kept" : "left out (`boilerplate: keep` keeps them)");
    if (rules)
        g_string_append_printf(what,
                               "; %zu rule%s framing headers taken as the messages' "
                               "separators",
                               rules, rules == 1 ? "" : "s");
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first, 1), "%s", what->str);
    g_string_free(what, TRUE);
}

void rt_mail_headers(rt_state *st, bool keep)
{
    GArray *blocks = g_array_new(FALSE, FALSE, sizeof(size_t)); /* first, end, first, end, … */
    for (size_t i = 0; i < st->nlines; i++) {
        if (i > 0 && !st->lines[i - 1].blank && !rt_line_is_break(&st->lines[i - 1]))
            continue;
        size_t end = header_block(st, i, true);
        if (end > i) {
            g_array_append_val(blocks, i);
            g_array_append_val(blocks, end);
            i = end - 1;
        }
    }
    size_t n = blocks->len / 2, dropped = 0, lead = 0;
    /* (a file that is one posting: its header, a Subject at least, opens it) */
    while (lead < st->nlines && st->lines[lead].blank)
        lead++;
    size_t lead_end = n < MAIL_MIN_MESSAGES ? header_block(st, lead, false) : lead;
    if (lead_end > lead) {
        g_array_set_size(blocks, 0);
        g_array_append_val(blocks, lead);
        g_array_append_val(blocks, lead_end);
        n = 1;
    }
    if (n >= MAIL_MIN_MESSAGES || lead_end > lead) {
        size_t rules = 0;
        unsigned first = st->lines[g_array_index(blocks, size_t, 0)].lineno;
        for (guint k = 0; k < blocks->len; k += 2) {
            size_t from = g_array_index(blocks, size_t, k),
                   end = g_array_index(blocks, size_t, k + 1);
            dropped += rewrite_block(st, from, end, keep);
            rules += drop_frame(st, from, end);
        }
        st->mail = true;
        report(st, first, n, dropped, rules, keep);
    }
    g_array_free(blocks, TRUE);
}
