/* Program code, commands and grammar set into a text (an RFC's ABNF, a
 * manual's C prototypes and DOS sessions, a protocol's diagram): lines to
 * keep as typed. Found on the physical lines before any is joined
 * (wrap.c), by what each line is made of; blocks.c makes a run of them one
 * CODE block. */
#include <string.h>

#include "read/text/text.h"

/* What a line is made of, as far as code goes. */
typedef enum {
    LINE_UNSORTED,
    LINE_PLAIN, /* neither: a fragment, a name, a number */
    LINE_CODE,  /* a sign of code (a prompt, a rule, a call, a path) */
    LINE_DRAWN, /* a line of a drawing in characters: code when another is beside it */
    LINE_BITS,  /* a packet diagram's rule of bits, "+-+-+-+-+-+-+-+-+": code */
    LINE_CELL,  /* a row of its fields "|  Source Port  |", its bits "0 1 2 3": code by one */
    LINE_PROSE, /* a sentence */
} line_sort;

/* A line or an arrow of a drawing in characters. */
static bool is_line_mark(char c)
{
    switch (c) {
    case '-':
    case '|':
    case '+':
    case '/':
    case '\\':
    case '<':
    case '>':
    case '^':
    case '_':
    case '=':
    case '*':
    case '~':
        return true;
    default:
        return false;
    }
}

static bool is_ident(char c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '.';
}

/* "C:\WINDOWS>D:", "$ ls -l", ">>> import os", "2.1.8-1999-02-22>rawrite2":
 * a prompt before a command. */
static bool prompt(const char *s, size_t n)
{
    if (n >= 4 && g_ascii_isalpha(s[0]) && s[1] == ':' && s[2] == '\\')
        return memchr(s, '>', n) != NULL;
    if (n >= 3 && (s[0] == '$' || s[0] == '%') && s[1] == ' ')
        return g_ascii_islower(s[2]) || s[2] == '/' || s[2] == '.';
    if (n >= 5 && strncmp(s, ">>> ", 4) == 0)
        return true;
    size_t k = 0;
    while (k < n && s[k] != ' ' && s[k] != '<' && s[k] != '>')
        k++;
    return k > 0 && k + 1 < n && s[k] == '>' && g_ascii_isalpha(s[k + 1]);
}

/* "safe-nature = "yes" | "no"", "CRLF = CR LF", "x := 1", "rule ::= a b",
 * "CC=gcc": one name, then an equals sign. */
static bool definition(const char *s, size_t n)
{
    size_t k = 0;
    if (k < n && s[k] == '<') /* <"> = <US-ASCII double-quote mark (34)> */
        while (k < n && s[k] != '>')
            k++;
    while (k < n && (is_ident(s[k]) || s[k] == '>' || s[k] == '"' || s[k] == '#'))
        k++;
    if (k == 0)
        return false;
    while (k < n && s[k] == ' ')
        k++;
    if (k < n && s[k] == ':')
        k += k + 2 < n && s[k + 1] == ':' ? 2 : 1;
    if (k + 1 < n && s[k] == '=' && memchr(s, ' ', n) == NULL)
        return true; /* CPPFLAGS=-DPNG_NO_FLOATING_ARITHMETIC */
    if (s[n - 1] == '.' || (n >= 2 && s[n - 2] == '.' && s[n - 1] == ')'))
        return false; /* "ALDERNEY = Vâques (Cows).", "… (Drones.)": glosses */
    return k + 1 < n && s[k] == '=' && (s[k + 1] == ' ' || s[k + 1] == '/') &&
           (k + 2 >= n || s[k + 2] != '=');
}

/* `| "Chocolate" )`, `( "Cream" | …`, `)`: a grammar rule going on. */
static bool alternative(const char *s, size_t n)
{
    if (s[0] == '|' && n >= 2 && s[1] == ' ')
        return s[n - 1] != '|'; /* ("| a | b |" is a table's row) */
    if ((s[0] == '(' || s[0] == '[' || s[0] == ')') && n >= 2 &&
        (memchr(s, '"', n) || memchr(s, '|', n) || memchr(s, '*', n))) { /* ("[7]": a mark) */
        size_t marks = 0;
        for (size_t k = 0; k < n; k++)
            marks += strchr("\"|*()[]<>", s[k]) != NULL && s[k] != '\0';
        return marks * 100 >= n * READ_TEXT_CODE_RULE_MARK_PCT;
    }
    return false;
}

/* "#include <png.h>", a comment opened or closed, "{", "}": C and its kin. */
static bool c_marks(const char *s, size_t n)
{
    static const char *const starts[] = {"#include", "#define", "#if", "#endif",
                                         "#else",    "/*",      "*/",  "//"};
    for (size_t k = 0; k < G_N_ELEMENTS(starts); k++)
        if (n >= strlen(starts[k]) && strncmp(s, starts[k], strlen(starts[k])) == 0)
            return true;
    if (n >= 2 && s[n - 2] == '*' && s[n - 1] == '/')
        return true;
    return n <= 3 && (s[0] == '{' || s[0] == '}');
}

/* Whether an underscore stands between letters or digits at `k` of `s`
 * ("row_pointers"; "_so_" is emphasis). */
static bool underscore_at(const char *s, size_t n, size_t k)
{
    return s[k] == '_' && k > 0 && k + 1 < n && g_ascii_isalnum(s[k - 1]) &&
           g_ascii_isalnum(s[k + 1]);
}

static bool inner_underscore(const char *s, size_t n)
{
    for (size_t k = 1; k + 1 < n; k++)
        if (underscore_at(s, n, k))
            return true;
    return false;
}

/* "png_byte *row_pointers[height];", "if (height > MAX)", "return 0;": a
 * statement (a line of verse may end on a semicolon too, but not on a name
 * of underscores or a call). */
static bool statement(const char *s, size_t n)
{
    static const char *const keywords[] = {"if (", "for (", "while (", "switch (", "return "};
    char last = s[n - 1];
    for (size_t k = 0; k < G_N_ELEMENTS(keywords); k++)
        if (n > strlen(keywords[k]) && strncmp(s, keywords[k], strlen(keywords[k])) == 0)
            return last == ';' || last == '{' || last == ')';
    if (last != ';')
        return false;
    return inner_underscore(s, n) || (n >= 2 && s[n - 2] == ')') ||
           g_strstr_len(s, (gssize)n, " = ") != NULL;
}

/* "user_error_ptr, user_error_fn, user_warning_fn,", "PNG_TRANSFORM_SCALE_16 |
 * PNG_EXPAND": half its words or more names joined by underscores (an
 * underscore between letters or digits: "_so_" is emphasis). */
static bool identifiers(const char *s, size_t n)
{
    size_t words = 0, names = 0;
    bool in = false, named = false;
    for (size_t k = 0; k <= n; k++) {
        if (k == n || s[k] == ' ') {
            words += in;
            names += in && named;
            in = named = false;
            continue;
        }
        in = true;
        named = named || underscore_at(s, n, k);
    }
    /* (one name alone, "trotsky_poster_destroy_verm", may be a picture's file) */
    bool punct = memchr(s, '(', n) || memchr(s, ',', n) || memchr(s, '|', n) || memchr(s, ';', n);
    return (names >= 2 || (names == 1 && punct)) && names * 2 >= words;
}

/* "png_structp png_create_read_struct(", "x = f(y);": a call. */
static bool call(const char *s, size_t n)
{
    char last = s[n - 1];
    if (last != ';' && last != '{' && last != ')' && last != ',')
        return false;
    /* a call: a name right against its parenthesis ("1843(?)" is no name) */
    for (size_t k = 1; k < n; k++) {
        if (s[k] != '(')
            continue;
        size_t b = k;
        bool letter = false;
        for (; b > 0 && (g_ascii_isalnum(s[b - 1]) || s[b - 1] == '_'); b--)
            letter = letter || !g_ascii_isdigit(s[b - 1]);
        if (letter)
            return last != ')' || s[0] != '(';
    }
    return false;
}

/* "/usr/bin/dpkg -i", "\DISTS\SLINK\MAIN", "D:\DISTS\", "ls -l /etc": a
 * path or a command with its options. */
static bool command(const char *s, size_t n)
{
    bool drive = n > 2 && g_ascii_isalpha(s[0]) && s[1] == ':' && s[2] == '\\';
    if (s[0] == '/' || s[0] == '\\' || drive || (n > 2 && s[0] == '~' && s[1] == '/') ||
        (n > 2 && s[0] == '.' && s[1] == '/')) {
        size_t seps = 0, k = 0;
        for (; k < n && s[k] != ' '; k++) {
            if (!is_ident(s[k]) && !strchr("/\\~:", s[k]))
                return false; /* "\resizebox*{4in}": no path */
            seps += s[k] == '/' || s[k] == '\\';
        }
        return seps >= 2 || k == n;
    }
    if (!g_ascii_islower(s[0]))
        return false;
    for (size_t k = 1; k + 2 < n; k++)
        if (s[k] == ' ' && s[k + 1] == '-' &&
            (g_ascii_isalpha(s[k + 2]) ||
             (s[k + 2] == '-' && k + 3 < n && g_ascii_isalpha(s[k + 3]))))
            return true;
    return false;
}

/* What a line's ink is made of, counted in one pass. */
typedef struct {
    size_t ink;     /* characters but spaces */
    size_t marks;   /* lines and arrows (is_line_mark) */
    size_t letters; /* letters, and the commas, stops and apostrophes of prose */
    unsigned words; /* runs of characters between spaces */
    bool one;       /* one character repeated ("-----", "* * *"), not a bar */
    bool bar_or_arrow;
} ink_count;

static ink_count count_ink(const char *s, size_t n)
{
    ink_count c = {.one = s[0] != '|'};
    for (size_t k = 0; k < n; k++) {
        char ch = s[k];
        if (ch == ' ' || ch == '\t')
            continue;
        c.words += k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t';
        c.ink++;
        c.marks += is_line_mark(ch);
        c.letters += g_ascii_isalpha(ch) || (unsigned char)ch >= 0x80 || ch == ',' || ch == '.' ||
                     ch == '\'';
        c.one = c.one && ch == s[0];
        c.bar_or_arrow = c.bar_or_arrow || ch == '|' || (ch == '>' && k > 0 && s[k - 1] == '-') ||
                         (ch == '-' && k > 0 && s[k - 1] == '<');
    }
    return c;
}

/* "|/----V----\|", "UA -----v----- A", "<--------- response chain": a
 * drawing in characters, most of its marks lines and arrows (a rule of
 * one character repeated, "-----" or "* * *", is a break, not this; bars
 * alone, "|    |", are lines going down). */
static bool drawing(const ink_count *c)
{
    return !c->one && c->marks >= READ_TEXT_CODE_DRAWING_MARKS &&
           c->marks * 100 >= c->ink * READ_TEXT_CODE_MARK_PCT;
}

/* "+-+-+-+-+-+-+-+-+", "+--+--+--+--+": a packet diagram's rule, a
 * crossing at every bit (READ_TEXT_CODE_BIT_CROSSINGS at least, three
 * dashes at most between two), more than any drawn table has. */
static bool bit_rule(const char *s, size_t n)
{
    size_t crossings = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '+') {
            crossings++;
            run = 0;
        } else if (s[k] != '-' || ++run > 3) {
            return false;
        }
    }
    return crossings >= READ_TEXT_CODE_BIT_CROSSINGS;
}

/* "|  Data |       |C|E|U|", ":   Data   :", "0 1 2 3 4 5 6 7 8 9 0 1": a
 * row of a packet diagram's fields (opened and closed by a bar or a
 * colon), or the numbers of its bits (digits and spaces, a digit every
 * other column or so). */
static bool bit_cell(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '|' || s[0] == ':') && (s[n - 1] == '|' || s[n - 1] == ':'))
        return true;
    size_t digits = 0;
    for (size_t k = 0; k < n; k++) {
        if (g_ascii_isdigit(s[k]))
            digits++;
        else if (s[k] != ' ')
            return false;
    }
    return digits >= READ_TEXT_CODE_BIT_CROSSINGS;
}

/* A sentence: READ_TEXT_CODE_PROSE_WORDS words at least, or
 * READ_TEXT_CODE_STOP_WORDS ending on a stop, mostly letters; no bar or
 * arrow in it ("|  rcv ACK of FIN  |  rcv ACK of FIN" labels a drawing). */
static bool sentence(const char *s, size_t n, const ink_count *c)
{
    char last = s[n - 1];
    bool stop = last == '.' || last == '?' || last == '!' || last == '"';
    if (c->bar_or_arrow ||
        (c->words < READ_TEXT_CODE_PROSE_WORDS && !(stop && c->words >= READ_TEXT_CODE_STOP_WORDS)))
        return false;
    return c->letters * 100 >= c->ink * READ_TEXT_CODE_PROSE_LETTER_PCT;
}

/* "[Footnote 11: History of …", "[Illustration: A mill]": a transcriber's
 * tag in brackets, a word and a colon. */
static bool bracket_tag(const char *s, size_t n)
{
    if (n < 4 || s[0] != '[' || !g_ascii_isupper(s[1]))
        return false;
    size_t k = 2;
    while (k < n && g_ascii_isalpha(s[k]))
        k++;
    while (k < n && s[k] != ':' && s[k] != ']' && s[k] != '[')
        k++;
    return k < n && s[k] == ':';
}

static line_sort sort_line(const rt_line *l)
{
    const char *s = l->t;
    size_t n = l->tlen;
    /* (a note's or a picture's text, whatever it holds; a paragraph on one
     * line, longer than any program's) */
    if (l->nchar > READ_TEXT_CODE_MAX_CHARS || bracket_tag(s, n) || rt_line_placeholder(l))
        return LINE_PROSE;
    if (prompt(s, n) || definition(s, n) || alternative(s, n) || c_marks(s, n))
        return LINE_CODE;
    if (bit_rule(s, n))
        return LINE_BITS;
    ink_count c = count_ink(s, n);
    if (drawing(&c))
        return LINE_DRAWN;
    if (bit_cell(s, n))
        return LINE_CELL;
    /* (a sentence may name a call or a command: "ls -l lists them all.") */
    if (sentence(s, n, &c))
        return LINE_PROSE;
    return call(s, n) || statement(s, n) || identifiers(s, n) || command(s, n) ? LINE_CODE
                                                                               : LINE_PLAIN;
}

/* The lines' sorts, each found when first asked for. */
typedef struct {
    const rt_state *st;
    line_sort *sorts; /* LINE_UNSORTED until asked */
} sorter;

static line_sort sort_of(sorter *so, size_t k)
{
    if (so->sorts[k] == LINE_UNSORTED)
        so->sorts[k] = sort_line(&so->st->lines[k]);
    return so->sorts[k];
}

/* The sorts of the lines of run [i, j] counted, up to the first sentence
 * (one is enough: the run is no code as a whole). */
typedef struct {
    size_t code, prose; /* (code: lines of drawings too, when there are two) */
    bool drawn;         /* a table drawn with rules and bars (ruled.c) */
} tally;

static tally count_run(sorter *so, size_t i, size_t j)
{
    tally t = {0};
    size_t drawings = 0, bits = 0, cells = 0;
    for (size_t k = i; k <= j; k++) {
        line_sort sort = sort_of(so, k);
        if (sort == LINE_PROSE) {
            t.prose = 1;
            return t;
        }
        t.code += sort == LINE_CODE;
        drawings += sort == LINE_DRAWN;
        bits += sort == LINE_BITS;
        cells += sort == LINE_CELL;
    }
    /* (one rule "----+----" alone is a break or a table's edge; rows
     * between bars are a packet's fields only under its rule of bits) */
    t.code += bits + (bits ? cells : 0);
    if (drawings >= 2 || t.code)
        t.code += drawings;
    t.drawn = rt_lines_ruled_table(so->st->lines, i, j);
    return t;
}

typedef struct {
    size_t first, last;
    tally t;
    bool plain; /* no sentence in it, no list, set in off the margin: code beside code would take it
                 */
} run;

/* Whether run `r` is code as a whole: no sentence in it,
 * READ_TEXT_CODE_MIN_PCT of its lines signs of code, or
 * READ_TEXT_CODE_MARGIN_PCT at the prose's margin (a rule of grammar, a
 * drawing set there). A drawn table (ruled.c) is no code. */
static bool code_run(const rt_state *st, const run *r)
{
    size_t n = r->last - r->first + 1;
    unsigned pct = st->lines[r->first].indent != st->base_indent ? READ_TEXT_CODE_MIN_PCT
                                                                 : READ_TEXT_CODE_MARGIN_PCT;
    return !r->t.prose && !r->t.drawn && r->t.code * 100 >= n * pct;
}

static bool sort_is_code(line_sort sort)
{
    return sort == LINE_CODE || sort == LINE_DRAWN || sort == LINE_BITS;
}

/* In a run of prose, lines of code set in deeper than the line above them
 * ("a rule such as" / "   ( *LWS element *( *LWS "," *LWS element ))"),
 * or opening the run deeper than the line below: code inside the
 * paragraph, which it breaks. */
static void code_inside(rt_state *st, sorter *so, size_t i, size_t j)
{
    for (size_t k = i; k <= j; k++) {
        unsigned d = st->lines[k].indent;
        bool above = k > i && st->lines[k - 1].indent + 1 < d;
        bool below = k < j && st->lines[k + 1].indent + 1 < d;
        if (!(above || (k == i && below)) || !sort_is_code(sort_of(so, k)))
            continue;
        size_t e = k;
        while (e < j && st->lines[e + 1].indent >= st->lines[k].indent &&
               sort_of(so, e + 1) != LINE_PROSE)
            e++;
        for (size_t m = k; m <= e; m++)
            st->lines[m].code = true;
        k = e;
    }
}

/* Whether every line of run [i, j] opens with a list's marker ("I.
 * Introduction", "1) The PNG file gamma"): a list, not code. */
static bool list_run(const rt_state *st, size_t i, size_t j)
{
    imprint_list_style style;
    int number;
    size_t skip;
    for (size_t k = i; k <= j; k++)
        if (!rt_line_list_marker(&st->lines[k], &style, &number, &skip))
            return false;
    return true;
}

static GArray *find_runs(const rt_state *st, sorter *so)
{
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(run));
    for (size_t i = 0; i < st->nlines;) {
        if (st->lines[i].blank) {
            i++;
            continue;
        }
        size_t j = rt_run_last(st, i);
        tally t = count_run(so, i, j);
        run r = {i, j, t,
                 !t.prose && !t.drawn && st->lines[i].indent > st->base_indent &&
                     !list_run(st, i, j)};
        g_array_append_val(runs, r);
        i = j + 1;
    }
    return runs;
}

/* Whether run `b` sits one blank line from run `a`, code, at its indent. */
static bool beside_code(const rt_state *st, const run *a, const run *b)
{
    size_t gap = a->last < b->first ? b->first - a->last : a->first - b->last;
    return gap == 2 && st->lines[a->first].code &&
           st->lines[a->first].indent == st->lines[b->first].indent;
}

/* The indents of a double-spaced dump's code ("D:\>CD", a blank line,
 * "\DISTS\SLINK\MAIN"): a line of code one blank line from another at
 * its indent counts for that indent (key: indent + 1). */
static GHashTable *spaced_code_indents(const rt_state *st, const GArray *runs)
{
    GHashTable *indents = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint k = 0; k + 1 < runs->len; k++) {
        const run *a = &g_array_index(runs, run, k), *b = a + 1;
        if (a->first != a->last || b->first != b->last || !st->lines[b->first].code ||
            !beside_code(st, a, b))
            continue;
        gpointer key = GUINT_TO_POINTER(st->lines[a->first].indent + 1);
        guint seen = GPOINTER_TO_UINT(g_hash_table_lookup(indents, key));
        g_hash_table_replace(indents, key, GUINT_TO_POINTER(seen + 1));
    }
    return indents;
}

/* Plain runs one blank line from code at its indent ("RaWrite 2.0 - Write
 * disk file to" under "2.1.8-1999-02-22>rawrite2"), or at the indent where
 * READ_TEXT_CODE_MIN_INDENT_RUNS pairs of lines of code sit double-spaced:
 * the same session's lines, a double-spaced dump having cut it into runs. */
static void code_beside(rt_state *st, GArray *runs)
{
    GHashTable *indents = spaced_code_indents(st, runs);
    for (int pass = 0; pass < 2; pass++)
        for (guint n = 0; n < runs->len; n++) {
            guint k = pass ? runs->len - 1 - n : n;
            run *r = &g_array_index(runs, run, k);
            if (!r->plain || st->lines[r->first].code)
                continue;
            gpointer key = GUINT_TO_POINTER(st->lines[r->first].indent + 1);
            bool beside =
                (k > 0 && beside_code(st, &g_array_index(runs, run, k - 1), r)) ||
                (k + 1 < runs->len && beside_code(st, &g_array_index(runs, run, k + 1), r));
            if (beside || GPOINTER_TO_UINT(g_hash_table_lookup(indents, key)) >=
                              READ_TEXT_CODE_MIN_INDENT_RUNS)
                for (size_t m = r->first; m <= r->last; m++)
                    st->lines[m].code = true;
        }
    g_hash_table_destroy(indents);
}

void rt_find_code(rt_state *st)
{
    sorter so = {st, g_new0(line_sort, st->nlines + 1)};
    st->base_indent = rt_common_indent(st);
    GArray *runs = find_runs(st, &so);
    for (guint k = 0; k < runs->len; k++) {
        const run *r = &g_array_index(runs, run, k);
        if (code_run(st, r))
            for (size_t m = r->first; m <= r->last; m++)
                st->lines[m].code = true;
        else if (!r->t.drawn)
            code_inside(st, &so, r->first, r->last);
    }
    code_beside(st, runs);
    /* one blank line between lines of code is the block's own */
    for (size_t i = 1; i + 1 < st->nlines; i++)
        st->lines[i].code = st->lines[i].code ||
                            (st->lines[i].blank && st->lines[i - 1].code && st->lines[i + 1].code);
    g_array_free(runs, TRUE);
    g_free(so.sorts);
}

/* The bytes of `l`'s text past `least` leading spaces (its own indent
 * beyond the block's kept), trailing spaces dropped. */
static const char *past_indent(const rt_line *l, unsigned least, size_t *len)
{
    const char *p = l->text;
    for (unsigned k = 0; k < least && p < l->t; k++)
        p = g_utf8_next_char(p);
    *len = (size_t)(l->t + l->tlen - p);
    return p;
}

size_t rt_build_code(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    if (!l->code)
        return 0;
    size_t j = i;
    unsigned least = l->indent;
    while (j < b->last && rt_line_at(b, j + 1)->code) {
        j++;
        if (!rt_line_at(b, j)->blank)
            least = MIN(least, rt_line_at(b, j)->indent);
    }
    imprint_node *code =
        imprint_node_new(st->doc, IMPRINT_NODE_CODE, rt_pos(st, l->lineno, l->tcol));
    for (size_t k = i; k <= j; k++) {
        const rt_line *m = rt_line_at(b, k);
        size_t len = 0;
        const char *p = m->blank ? "" : past_indent(m, least, &len);
        /* (the lines are valid UTF-8: read so) */
        imprint_node_append_literal(st->doc, code, rt_pos(st, m->lineno, m->blank ? 1 : m->tcol), p,
                                    len);
    }
    rt_append(b, code, j);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, code->pos,
                         "%zu line%s read as code (commands, grammar, program text or a drawing: "
                         "prompts, rules, calls, paths), kept as typed (to line %u)",
                         j - i + 1, j > i ? "s" : "", rt_line_at(b, j)->lineno);
    return j + 1;
}
