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

/* The field of header line `l` ("Subject: …" → FIELD_SUBJECT), with the
 * bytes before its value in `*skip`; -1 if it is no header line: a field
 * name of RFC 822 or of news at the margin, or any "X-" one, then a colon;
 * or an mbox's "From " envelope line. */
static int header_field(const rt_line *l, size_t *skip)
{
    static const char *const fields[] = {"date",         "from",         "subject",
                                         "to",           "cc",           "bcc",
                                         "reply-to",     "sender",       "message-id",
                                         "in-reply-to",  "references",   "newsgroups",
                                         "path",         "organization", "organisation",
                                         "lines",        "xref",         "approved",
                                         "followup-to",  "return-path",  "received",
                                         "mime-version", "content-type", "keywords",
                                         "summary",      "distribution", "nntp-posting-host",
                                         "precedence",   "errors-to",    "expires",
                                         "supersedes",   "comments",     "status",
                                         "article-i.d.", "posted"};
    if (l->blank || l->indent > 0)
        return -1;
    /* (an mbox's envelope, "From kls Fri Nov 13 22:47:31 1992", over the headers) */
    if (l->tlen > 5 && strncmp(l->t, "From ", 5) == 0 && !memchr(l->t, ':', MIN(l->tlen, 12))) {
        *skip = l->tlen;
        return FIELD_OTHER;
    }
    size_t n = 0;
    while (n < l->tlen && (g_ascii_isalnum(l->t[n]) || l->t[n] == '-' || l->t[n] == '.'))
        n++;
    if (n == 0 || n >= l->tlen || l->t[n] != ':' || (n + 1 < l->tlen && l->t[n + 1] != ' '))
        return -1;
    bool known = (n > 2 && g_ascii_strncasecmp(l->t, "x-", 2) == 0) ||
                 read_word_in(l->t, n, fields, G_N_ELEMENTS(fields));
    if (!known)
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

/* The end (exclusive) of the header block from line `i`: header lines,
 * and lines under one that go on its value (folded, or a value that
 * begins on the next line: "Path:" over the path), a Subject with a value
 * among them and a From or a Date (one "Subject:" line is a memo's, or a line of
 * prose that opens so); `i` if there is none. */
static size_t header_block(const rt_state *st, size_t i)
{
    size_t j = i;
    bool subject = false, sender = false, empty = false;
    for (; j < st->nlines && !st->lines[j].blank; j++) {
        size_t skip;
        int f = header_field(&st->lines[j], &skip);
        if (f < 0) {
            if (j == i || !(st->lines[j].indent > 0 || empty))
                return i;
            continue;
        }
        subject = subject || (f == FIELD_SUBJECT && skip < st->lines[j].tlen);
        sender = sender || f == FIELD_FROM || f == FIELD_DATE;
        empty = skip >= st->lines[j].tlen;
    }
    return subject && sender ? j : i;
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
        if (!keep) {
            rt_line_set_blank(&head[kept]);
            dropped++;
        }
        kept++;
    }
    memcpy(&st->lines[i], head, (end - i) * sizeof *head);
    g_free(head);
    return dropped;
}

void rt_mail_headers(rt_state *st, bool keep)
{
    GArray *blocks = g_array_new(FALSE, FALSE, sizeof(size_t)); /* first, end, first, end, … */
    for (size_t i = 0; i < st->nlines; i++) {
        if (i > 0 && !st->lines[i - 1].blank && !rt_line_is_break(&st->lines[i - 1]))
            continue;
        size_t end = header_block(st, i);
        if (end > i) {
            g_array_append_val(blocks, i);
            g_array_append_val(blocks, end);
            i = end - 1;
        }
    }
    size_t n = blocks->len / 2, dropped = 0;
    if (n >= MAIL_MIN_MESSAGES) {
        unsigned first = st->lines[g_array_index(blocks, size_t, 0)].lineno;
        for (guint k = 0; k < blocks->len; k += 2)
            dropped += rewrite_block(st, g_array_index(blocks, size_t, k),
                                     g_array_index(blocks, size_t, k + 1), keep);
        st->mail = true;
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first, 1),
                             "%zu messages opened by mail headers: each its Subject the title, "
                             "its From the author and its Date the date; %zu other header lines "
                             "(Path, Message-ID, …) %s",
                             n, dropped,
                             keep ? "kept" : "left out (`boilerplate: keep` keeps them)");
    }
    g_array_free(blocks, TRUE);
}
