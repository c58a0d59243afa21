/* The front matter and contents table of a booklet exported from a PDF:
 * title, subtitle, author, date and source become metadata; the contents
 * table gives the order and rank of the headings. */
#include "read/pdfmd/pdfmd.h"

#include "model/nfc.h"
#include "model/typography.h"

#include <stdlib.h>
#include <string.h>

/* Front matter lines are short; a longer paragraph is body text (used when
 * no contents table marks the end of the title pages). */
#define FRONT_MAX_BYTES 240

/* Blocks looked at for a contents table: it follows the title pages. */
#define CONTENTS_SCAN_BLOCKS 80

char *imprint_pdfmd_plain(const char *md)
{
    GString *out = g_string_new(NULL);
    /* Once a search for '>' or ')' finds none, none is searched for again:
     * a text of many '<' costs linear time. */
    bool gt_left = true, paren_left = true;
    for (const char *p = md; *p;) {
        if (*p == '<' && gt_left) {
            const char *gt = strchr(p, '>');
            gt_left = gt != NULL;
            if (gt) {
                if (g_ascii_strncasecmp(p, "<br", 3) == 0) {
                    /* a word broken over a line of a table cell */
                    if (out->len && out->str[out->len - 1] == '-')
                        g_string_truncate(out, out->len - 1);
                    else
                        g_string_append_c(out, ' ');
                }
                p = gt + 1;
                continue;
            }
        }
        if (*p == '\\' && p[1] && g_ascii_ispunct(p[1])) {
            g_string_append_c(out, p[1]);
            p += 2;
            continue;
        }
        if (*p == '*') {
            p++;
            continue;
        }
        if (*p == ']' && p[1] == '(' && paren_left) { /* [text](url): keep the text */
            const char *close = strchr(p, ')');
            paren_left = close != NULL;
            if (close) {
                p = close + 1;
                continue;
            }
        }
        if (*p == '[') {
            p++;
            continue;
        }
        if (*p == '\n' || *p == '\t' || *p == '\r') {
            g_string_append_c(out, ' ');
            p++;
            continue;
        }
        g_string_append_c(out, *p++);
    }
    /* collapse runs of spaces */
    GString *c = g_string_new(NULL);
    for (size_t i = 0; i < out->len; i++)
        if (out->str[i] != ' ' || (c->len && c->str[c->len - 1] != ' '))
            g_string_append_c(c, out->str[i]);
    while (c->len && c->str[c->len - 1] == ' ')
        g_string_truncate(c, c->len - 1);
    g_string_free(out, TRUE);
    char *nfc = imprint_nfc_dup(c->str, c->len, NULL);
    g_string_free(c, TRUE);
    return nfc;
}

char *imprint_pdfmd_title_key(const char *text)
{
    char *plain = imprint_pdfmd_plain(text);
    char *low = g_utf8_strdown(plain, -1);
    GString *k = g_string_new(NULL);
    for (const char *p = low; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            g_string_append_unichar(k, c);
    }
    g_free(plain);
    g_free(low);
    return g_string_free(k, FALSE);
}

bool imprint_pdfmd_is_contents_heading(const pdfmd_block *b)
{
    if (b->kind != PDFMD_HEADING)
        return false;
    char *key = imprint_pdfmd_title_key(b->text->str);
    static const char *const names[] = {"contents", "tableofcontents", "содержание", "оглавление",
                                        "inhalt",   "sommaire",        "índice"};
    bool yes = false;
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        yes |= strcmp(key, names[i]) == 0;
    g_free(key);
    return yes;
}

/* Cuts the dot leaders (". . . . .") off a contents entry. */
static void cut_leaders(char *s)
{
    char *dots = strstr(s, " . .");
    if (!dots)
        dots = strstr(s, "....");
    if (!dots)
        dots = strstr(s, "\u2026");
    if (dots)
        *dots = '\0';
    g_strchomp(s);
}

/* The number a contents entry's page cell starts with ("12", "12 "); 0 for
 * none ("xii", ""). */
static int leading_number(const char *s)
{
    while (g_ascii_isspace(*s))
        s++;
    size_t n = strspn(s, "0123456789");
    if (n == 0 || n > 9)
        return 0;
    char digits[10] = {0};
    memcpy(digits, s, n);
    int v = 0;
    imprint_text_number(digits, G_MAXINT, &v);
    return v;
}

GArray *imprint_pdfmd_contents(const pdfmd_block *table)
{
    GArray *entries = g_array_new(FALSE, TRUE, sizeof(pdfmd_entry));
    char **rows = g_strsplit(table->text->str, "\n", -1);
    for (guint r = 0; rows[r]; r++) {
        char *row = g_strstrip(rows[r]);
        if (*row == '|')
            row++;
        size_t rl = strlen(row);
        if (rl && row[rl - 1] == '|')
            row[rl - 1] = '\0';
        if (strspn(row, "|-: ") == strlen(row))
            continue; /* the separator row */
        char **cells = g_strsplit(row, "|", -1);
        guint n = g_strv_length(cells);
        char *first = g_strstrip(cells[0]);
        char *text = imprint_pdfmd_plain(first);
        cut_leaders(text);
        if (*text) {
            pdfmd_entry e = {.text = text, .line = table->line + r};
            e.key = imprint_pdfmd_title_key(text);
            e.italic = g_str_has_prefix(first, "<i>") || g_str_has_prefix(first, "<em>") ||
                       (first[0] == '*' && first[1] != '*');
            char *page = n > 1 ? imprint_pdfmd_plain(cells[n - 1]) : g_strdup("");
            e.page = leading_number(page);
            g_free(page);
            g_array_append_val(entries, e);
        } else {
            g_free(text);
        }
        g_strfreev(cells);
    }
    g_strfreev(rows);
    return entries;
}

void imprint_pdfmd_entries_free(GArray *entries)
{
    if (!entries)
        return;
    for (guint i = 0; i < entries->len; i++) {
        g_free(g_array_index(entries, pdfmd_entry, i).text);
        g_free(g_array_index(entries, pdfmd_entry, i).key);
    }
    g_array_free(entries, TRUE);
}

static bool is_date(const char *s)
{
    return g_regex_match_simple(
        "^((\\d{1,2}(st|nd|rd|th)?\\s+)?(January|February|March|April|May|June|July|August|"
        "September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
        "\\.?(\\s+\\d{1,2}(st|nd|rd|th)?,?)?\\s+)?\\d{4}$|^\\d{4}-\\d{2}(-\\d{2})?$",
        s, G_REGEX_CASELESS, 0);
}

/* The URL of the first Markdown link in `md`, or NULL (g_free()). */
static char *first_url(const char *md)
{
    const char *p = strstr(md, "](");
    if (!p)
        return NULL;
    const char *close = strchr(p + 2, ')');
    return close ? g_strndup(p + 2, (size_t)(close - p - 2)) : NULL;
}

static void take(pdfmd_front *f, const char *what, const char *value, unsigned line)
{
    if (value)
        g_ptr_array_add(f->taken, g_strdup_printf("%s '%s' (line %u)", what, value, line));
    else
        g_ptr_array_add(f->taken, g_strdup_printf("%s (line %u)", what, line));
}

static bool same(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    char *ka = imprint_pdfmd_title_key(a), *kb = imprint_pdfmd_title_key(b);
    bool eq = strcmp(ka, kb) == 0;
    g_free(ka);
    g_free(kb);
    return eq;
}

/* The lines of a paragraph, as plain text. */
static char **plain_lines(const pdfmd_block *b)
{
    char **lines = g_strsplit(b->text->str, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        char *p = imprint_pdfmd_plain(lines[i]);
        g_free(lines[i]);
        lines[i] = p;
    }
    return lines;
}

static gint by_line(gconstpointer a, gconstpointer b)
{
    const pdfmd_block *x = *(pdfmd_block *const *)a, *y = *(pdfmd_block *const *)b;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Takes the title, source and date of the front `blocks` into `f` and sorts
 * the rest: kept as text, or candidates (`cands`) for author and subtitle.
 * Returns the title page's verso, which repeats author, title, subtitle and
 * date, or NULL. */
static const pdfmd_block *sort_front(GPtrArray *blocks, pdfmd_front *f, GPtrArray *cands)
{
    const pdfmd_block *verso = NULL;
    for (guint i = 0; i < blocks->len; i++) {
        pdfmd_block *b = g_ptr_array_index(blocks, i);
        char *plain = imprint_pdfmd_plain(b->text->str);
        if (b->kind == PDFMD_HEADING && !f->title) {
            f->title = g_strdup(plain);
            f->title_line = b->line;
            take(f, "title", plain, b->line);
        } else if (!f->title || b->kind != PDFMD_PARA) {
            g_ptr_array_add(f->kept, b);
        } else if (g_regex_match_simple("^retrieved\\b", plain, G_REGEX_CASELESS, 0)) {
            char *url = first_url(b->text->str);
            if (url && !f->source_url) {
                f->source_url = url;
                take(f, "source", url, b->line);
            } else {
                g_free(url);
            }
            g_ptr_array_add(f->kept, b);
        } else if (is_date(plain)) {
            if (!f->date) {
                f->date = g_strdup(plain);
                take(f, "date", plain, b->line);
            } else if (!same(f->date, plain)) {
                g_ptr_array_add(f->kept, b);
            }
        } else if (strchr(b->text->str, '\n') && !verso) {
            /* the title page's verso repeats author, title, subtitle, date */
            char **lines = plain_lines(b);
            bool has_title = false;
            for (guint l = 0; lines[l]; l++)
                has_title |= same(lines[l], f->title);
            if (has_title)
                verso = b;
            else
                g_ptr_array_add(cands, b);
            g_strfreev(lines);
        } else {
            g_ptr_array_add(cands, b);
        }
        g_free(plain);
    }
    return verso;
}

/* The verso's author (the line before the title) and subtitle (the line
 * after it), and the date if none was found yet: the first of each, around
 * the first line that is the title (a verso may repeat it). */
static void read_verso(const pdfmd_block *verso, pdfmd_front *f, char **v_author, char **v_subtitle)
{
    char **lines = plain_lines(verso);
    guint l = 0;
    while (lines[l] && !same(lines[l], f->title))
        l++;
    if (lines[l]) {
        if (l > 0)
            *v_author = g_strdup(lines[l - 1]);
        if (lines[l + 1] && !is_date(lines[l + 1]))
            *v_subtitle = g_strdup(lines[l + 1]);
        for (guint d = l + 1; !f->date && lines[d]; d++)
            if (is_date(lines[d]))
                f->date = g_strdup(lines[d]);
    }
    g_strfreev(lines);
}

/* Author and subtitle among the candidates: the ones the verso names, or
 * without a verso by place (the subtitle first, the author last). */
static void place_candidates(GPtrArray *cands, const pdfmd_block *verso, const char *v_author,
                             const char *v_subtitle, pdfmd_front *f)
{
    for (guint i = 0; i < cands->len; i++) {
        pdfmd_block *b = g_ptr_array_index(cands, i);
        char *plain = imprint_pdfmd_plain(b->text->str);
        bool is_author = verso ? same(plain, v_author) : i == cands->len - 1;
        bool is_subtitle = verso ? same(plain, v_subtitle) : (i == 0 && cands->len > 1);
        if (is_author && !f->author) {
            f->author = g_strdup(plain);
            take(f, "author", plain, b->line);
        } else if (is_subtitle && !f->subtitle) {
            f->subtitle = g_strdup(plain);
            take(f, "subtitle", plain, b->line);
        } else {
            g_ptr_array_add(f->kept, b);
        }
        g_free(plain);
    }
}

/* A verso line that repeats nothing is text of its own: the whole verso is
 * then kept. */
static void keep_verso(const pdfmd_block *verso, pdfmd_front *f)
{
    char **lines = plain_lines(verso);
    bool repeats = true;
    for (guint l = 0; lines[l]; l++)
        repeats &= same(lines[l], f->title) || same(lines[l], f->author) ||
                   same(lines[l], f->subtitle) || same(lines[l], f->date);
    if (!repeats)
        g_ptr_array_add(f->kept, (gpointer)verso);
    else
        take(f, "a repeat of the title page", NULL, verso->line);
    g_strfreev(lines);
}

void imprint_pdfmd_front_read(GPtrArray *blocks, pdfmd_front *f)
{
    memset(f, 0, sizeof *f);
    f->kept = g_ptr_array_new();
    f->taken = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *cands = g_ptr_array_new(); /* paragraphs after the title */
    const pdfmd_block *verso = sort_front(blocks, f, cands);

    /* subtitle and author: from the verso if there is one, else by place */
    char *v_author = NULL, *v_subtitle = NULL;
    if (verso)
        read_verso(verso, f, &v_author, &v_subtitle);
    place_candidates(cands, verso, v_author, v_subtitle, f);
    if (verso)
        keep_verso(verso, f);
    g_free(v_author);
    g_free(v_subtitle);
    g_ptr_array_free(cands, TRUE);
    g_ptr_array_sort(f->kept, by_line);
}

void imprint_pdfmd_front_clear(pdfmd_front *f)
{
    g_free(f->title);
    g_free(f->subtitle);
    g_free(f->author);
    g_free(f->date);
    g_free(f->source_url);
    if (f->kept)
        g_ptr_array_free(f->kept, TRUE);
    if (f->taken)
        g_ptr_array_free(f->taken, TRUE);
    memset(f, 0, sizeof *f);
}

/* A line of a title page: short, and not a sentence (names, subtitles,
 * dates and "Retrieved on…" lines). */
static bool front_line(const pdfmd_block *b)
{
    if (b->text->len > FRONT_MAX_BYTES)
        return false;
    if (g_str_has_prefix(b->text->str, "Retrieved"))
        return true;
    return imprint_pdfmd_end_of(b) != PDFMD_END_COMPLETE;
}

/* Where the body starts after a contents table near the top, whose entries
 * go in `*entries` and whose title pages in `front`; 0 (and `*entries` NULL)
 * without one. */
static guint after_contents(GPtrArray *blocks, GPtrArray *front, GArray **entries, const char *path,
                            imprint_diags *diags)
{
    for (guint i = 0; i + 1 < blocks->len && i < CONTENTS_SCAN_BLOCKS; i++) {
        pdfmd_block *b = g_ptr_array_index(blocks, i), *t = g_ptr_array_index(blocks, i + 1);
        if (imprint_pdfmd_is_contents_heading(b) && t->kind == PDFMD_TABLE) {
            *entries = imprint_pdfmd_contents(t);
            for (guint j = 0; j < i; j++)
                g_ptr_array_add(front, g_ptr_array_index(blocks, j));
            unsigned last = t->line + (unsigned)t->segs->len - 1;
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, (imprint_pos){path, b->line, b->col},
                                 "contents table (lines %u-%u, %u entries) recognised and dropped; "
                                 "it orders and ranks the headings",
                                 b->line, last, (*entries)->len);
            return i + 2;
        }
    }
    return 0;
}

/* Without a contents table, the title pages are a level-1 heading and the
 * short lines under it; where the body starts (0 without a title). */
static guint after_title_pages(GPtrArray *blocks)
{
    guint body_start = 0;
    bool titled = false;
    for (guint i = 0; i < blocks->len; i++) {
        pdfmd_block *b = g_ptr_array_index(blocks, i);
        bool front_like = (b->kind == PDFMD_HEADING && b->level == 1 && !titled) ||
                          (titled && b->kind == PDFMD_PARA && front_line(b));
        if (!front_like)
            break;
        titled |= b->kind == PDFMD_HEADING;
        body_start = i + 1;
    }
    return titled ? body_start : 0;
}

GArray *imprint_pdfmd_front_split(GPtrArray *blocks, GPtrArray *front, GPtrArray *body,
                                  const char *path, imprint_diags *diags)
{
    GArray *entries = NULL;
    guint body_start = after_contents(blocks, front, &entries, path, diags);
    if (!entries) {
        body_start = after_title_pages(blocks);
        for (guint j = 0; j < body_start; j++)
            g_ptr_array_add(front, g_ptr_array_index(blocks, j));
    }
    for (guint i = body_start; i < blocks->len; i++)
        g_ptr_array_add(body, g_ptr_array_index(blocks, i));
    return entries;
}
