/* The text reader on texts of other shapes: each heuristic on a fixture of
 * its case and on one of the lookalike it must not take, and each named
 * limit of src/read/text/limits.h on both sides of its line. Fixtures are
 * in tests/fixtures/text/shapes/. */

#include "read_text_test_util.h"
#include "read/text/limits.h"

static rt_result read_shape(const char *name)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", name, NULL);
    rt_result r = rt_read_file(path, NULL);
    g_free(path);
    return r;
}

/* Reads `data` with the given wrap mode. */
static rt_result read_wrap(const char *name, const char *data, imprint_wrap_mode wrap)
{
    rt_result r = {0};
    r.doc = imprint_doc_new();
    r.diags = imprint_diags_new();
    r.path = g_strdup(name);
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT, .wrap = wrap};
    r.articles = imprint_read_text(r.doc, r.path, data, strlen(data), &opts, r.diags);
    return r;
}

/* Reads the fixture `name` with `boilerplate: keep`. */
static rt_result read_shape_kept(const char *name)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", name, NULL);
    rt_result r = {.doc = imprint_doc_new(), .diags = imprint_diags_new(), .path = path};
    g_assert_true(g_file_get_contents(path, &r.data, &r.len, NULL));
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT, .keep_boilerplate = true};
    r.articles = imprint_read_text(r.doc, path, r.data, r.len, &opts, r.diags);
    return r;
}

static void assert_words(rt_result *r)
{
    char *problem = rt_check_words(r->doc, r->data, r->len);
    if (problem)
        g_printerr("%s: %s\n", r->path, problem);
    g_assert_null(problem);
}

/* The kinds of an article's blocks, one letter each: P paragraph, H
 * heading, Q quote, V verse, L list, S speech, B break, D date, Y byline,
 * s section (its blocks follow in brackets), F figure, M sidenote, C closer,
 * O opener, T table, E code. */
static void kinds_of(const imprint_node *parent, GString *out)
{
    for (const imprint_node *c = parent->first_child; c; c = c->next) {
        switch (c->kind) {
        case IMPRINT_NODE_PARAGRAPH:
            g_string_append_c(out, 'P');
            break;
        case IMPRINT_NODE_HEADING:
            g_string_append_c(out, 'H');
            break;
        case IMPRINT_NODE_QUOTE:
            g_string_append_c(out, 'Q');
            break;
        case IMPRINT_NODE_VERSE:
            g_string_append_c(out, 'V');
            break;
        case IMPRINT_NODE_LIST:
            g_string_append_c(out, 'L');
            break;
        case IMPRINT_NODE_SPEECH:
            g_string_append_c(out, 'S');
            break;
        case IMPRINT_NODE_BREAK:
            g_string_append_c(out, 'B');
            break;
        case IMPRINT_NODE_FIGURE:
            g_string_append_c(out, 'F');
            break;
        case IMPRINT_NODE_SIDENOTE:
            g_string_append_c(out, 'M');
            break;
        case IMPRINT_NODE_CLOSER:
            g_string_append_c(out, 'C');
            break;
        case IMPRINT_NODE_OPENER:
            g_string_append_c(out, 'O');
            break;
        case IMPRINT_NODE_TABLE:
            g_string_append_c(out, 'T');
            break;
        case IMPRINT_NODE_CODE:
            g_string_append_c(out, 'E');
            break;
        default:
            g_string_append_printf(out, "<%d>", (int)c->kind);
            break;
        }
    }
}

/* Counts the nodes of `kind` under `n`. */
static size_t count_under(const imprint_node *n, imprint_node_kind kind)
{
    size_t c = 0;
    imprint_iter it;
    imprint_iter_init(&it, n);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        c += it.event == IMPRINT_EVENT_ENTER && it.node->kind == kind;
    return c;
}

static char *kinds(const imprint_node *parent)
{
    GString *s = g_string_new(NULL);
    kinds_of(parent, s);
    return g_string_free(s, FALSE);
}

#define assert_kinds(parent, want)                                                                 \
    do {                                                                                           \
        char *got_ = kinds(parent);                                                                \
        g_assert_cmpstr(got_, ==, want);                                                           \
        g_free(got_);                                                                              \
    } while (0)

/* The note of `article` numbered `n`. */
static imprint_node *note_of(imprint_node *article, int n)
{
    for (imprint_node *note = article->as.article.first_note; note; note = note->as.note.next_note)
        if (note->as.note.number == n)
            return note;
    g_assert_not_reached();
    return NULL;
}

static int refs_in(const imprint_node *n)
{
    int count = n->kind == IMPRINT_NODE_NOTEREF;
    for (const imprint_node *c = n->first_child; c; c = c->next)
        count += refs_in(c);
    return count;
}

/* ---- hard-wrapped text ---------------------------------------------- */

static void test_wrapped(void)
{
    rt_result r = read_shape("wrapped.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Harbour Town");
    assert_kinds(a, "PPPQP");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 0)),
                                   "The harbour of the old town was never a large one, and by the "
                                   "time the railway reached"));
    const char *second = rt_text(&r, rt_child(a, 1));
    g_assert_nonnull(strstr(second, "a wonderful place"));            /* the dictionary joins */
    g_assert_nonnull(strstr(second, "council called self-reliance")); /* a compound stays */
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines broken at 65 columns"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 13, "wonder-ful \u2192 wonderful"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 15, "kept: self-reliance"));
    /* the indented lines keep their lines: verse quoted in the prose */
    imprint_node *verse = rt_child(rt_child(a, 3), 0);
    g_assert_cmpint(verse->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_cmpint(rt_count_children(verse), ==, 2);
    rt_result_free(&r);
}

/* One paragraph a line, short lines of an address: nothing is joined;
 * the address is one paragraph, line by line. */
static void test_unwrapped(void)
{
    rt_result r = read_shape("unwrapped.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPPPPPPPPPPPPP");
    int breaks = 0;
    for (imprint_node *c = rt_child(a, 2)->first_child; c; c = c->next)
        breaks += c->kind == IMPRINT_NODE_LINEBREAK;
    g_assert_cmpint(breaks, ==, 3);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hard-wrapped"));
    assert_words(&r);
    rt_result_free(&r);
}

/* The indent of a paragraph's first line is no block; a block indented on
 * every line is a quotation, its lines kept. */
static void test_wrapped_indented(void)
{
    rt_result r = read_shape("wrapped_indented.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPQPP");
    g_assert_cmpint(rt_child(rt_child(a, 2), 0)->kind, ==, IMPRINT_NODE_VERSE);
    assert_words(&r);
    rt_result_free(&r);
}

/* `wrapped: false` keeps the lines; `wrapped: true` joins a file too short
 * to tell. */
static void test_wrap_key(void)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "wrapped.txt", NULL);
    char *data = NULL;
    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    rt_result r = read_wrap(path, data, IMPRINT_WRAP_NO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hard-wrapped"));
    g_assert_cmpint(rt_count_children(rt_article(&r, 0)), >, 10);
    rt_result_free(&r);
    g_free(data);
    g_free(path);

    const char *short_text = "Title Line\n\nA paragraph broken\nover two lines.\n";
    r = read_wrap("short.txt", short_text, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(rt_count_children(rt_article(&r, 0)), ==, 2);
    rt_result_free(&r);
    r = read_wrap("short.txt", short_text, IMPRINT_WRAP_YES);
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "P");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)), ==, "A paragraph broken over two lines.");
    rt_result_free(&r);
}

/* `n` paragraphs of two lines, each broken where the next word would not
 * fit `width` columns. */
static char *wrapped_paragraphs(int n, unsigned width)
{
    GString *s = g_string_new("A Wrapped Text\n\n");
    for (int p = 0; p < n; p++) {
        GString *line = g_string_new(NULL);
        /* first line: words up to the width; the next word would not fit */
        while (line->len + 1 + strlen("harbour") <= width)
            g_string_append(line, line->len ? " harbour" : "Harbour");
        g_string_append_printf(s, "%s\nlonger words follow here.\n\n", line->str);
        g_string_free(line, TRUE);
    }
    return g_string_free(s, FALSE);
}

/* WRAP_MIN_BREAKS: a file is judged wrapped from that many breaks on. */
static void test_wrap_min_breaks(void)
{
    char *few = wrapped_paragraphs(WRAP_MIN_BREAKS - 1, 50);
    rt_result r = read_wrap("few.txt", few, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hard-wrapped"));
    rt_result_free(&r);
    char *enough = wrapped_paragraphs(WRAP_MIN_BREAKS, 50);
    r = read_wrap("enough.txt", enough, IMPRINT_WRAP_AUTO);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"));
    g_assert_cmpint(rt_count_children(rt_article(&r, 0)), ==, WRAP_MIN_BREAKS);
    rt_result_free(&r);
    g_free(few);
    g_free(enough);
}

/* A book of readings: `prose` wrapped paragraphs of three lines, each
 * followed by two stanzas of four short lines. */
static char *readings(int prose)
{
    GString *s = g_string_new("Readings for the Day\n\n");
    for (int p = 0; p < prose; p++) {
        GString *line = g_string_new(NULL);
        while (line->len + 1 + strlen("harbour") <= 60)
            g_string_append(line, line->len ? " harbour" : "Harbour");
        g_string_append_printf(s, "%s\n%s\nlonger words follow here.\n\n", line->str, line->str);
        g_string_free(line, TRUE);
        for (int k = 0; k < 2; k++)
            g_string_append(s, "The river runs beside the mill\nAnd turns the wheel by day\n"
                               "The miller sings above the rill\nAnd all the valley hears\n\n");
    }
    return g_string_free(s, FALSE);
}

/* Stanzas say nothing of how a book's prose is set: a book of readings,
 * twice as many stanzas as paragraphs, is wrapped when its paragraphs of
 * prose are, WRAP_MIN_PROSE_PARAGRAPHS of them at least (one fewer, and
 * the stanzas count against them, as in a book of poems with a short
 * preface); the stanzas keep their lines either way. */
static void test_wrap_readings(void)
{
    for (int more = 0; more < 2; more++) {
        char *t = readings(WRAP_MIN_PROSE_PARAGRAPHS - 1 + more);
        rt_result r = read_wrap("readings.txt", t, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"), ==, more);
        imprint_node *a = rt_article(&r, 0);
        /* wrapped: the paragraph joined, every stanza its four lines; else
         * the paragraph's three lines kept too */
        imprint_node *first = rt_child(a, 0);
        g_assert_cmpint(first->kind, ==, more ? IMPRINT_NODE_PARAGRAPH : IMPRINT_NODE_VERSE);
        for (imprint_node *c = first->next; more && c; c = c->next)
            g_assert_cmpint(rt_count_children(c), ==, c->kind == IMPRINT_NODE_VERSE ? 4 : 1);
        rt_result_free(&r);
        g_free(t);
    }
}

/* WRAP_MAX_WIDTH: lines longer than that are paragraphs of one line. */
static void test_wrap_max_width(void)
{
    char *narrow = wrapped_paragraphs(WRAP_MIN_BREAKS + 2, WRAP_MAX_WIDTH - 10);
    rt_result r = read_wrap("narrow.txt", narrow, IMPRINT_WRAP_AUTO);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"));
    rt_result_free(&r);
    char *wide = wrapped_paragraphs(WRAP_MIN_BREAKS + 2, WRAP_MAX_WIDTH + 10);
    r = read_wrap("wide.txt", wide, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hard-wrapped"));
    rt_result_free(&r);
    g_free(narrow);
    g_free(wide);
}

/* WRAP_OVERLONG_RATIO and WRAP_OVERLONG_SHARE: `n` paragraphs broken as a
 * wrapper at 50 columns breaks them, the second line of `overlong` of them
 * just past WRAP_OVERLONG_RATIO times that (a label over a one-line
 * paragraph, as Otter sets a turn). A share under WRAP_OVERLONG_SHARE is a
 * wrapped text's stray long line; at it, no wrapper made the breaks. */
static void test_wrap_overlong(void)
{
    const int n = 20;
    for (int over = 0; over < 2; over++) {
        int overlong = (int)(WRAP_OVERLONG_SHARE * n) - 1 + over;
        char *base = wrapped_paragraphs(n, 50);
        GString *t = g_string_new(NULL);
        char **paras = g_strsplit(base, "longer words follow here.", -1);
        for (int k = 0; paras[k]; k++) {
            g_string_append(t, paras[k]);
            if (!paras[k + 1])
                break;
            if (k < overlong) {
                GString *line = g_string_new("Longer");
                while (line->len <= WRAP_OVERLONG_RATIO * 50 + 2)
                    g_string_append(line, " words");
                g_string_append(t, line->str);
                g_string_free(line, TRUE);
            } else {
                g_string_append(t, "longer words follow here.");
            }
        }
        g_strfreev(paras);
        rt_result r = read_wrap("overlong.txt", t->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"), ==, !over);
        rt_result_free(&r);
        g_string_free(t, TRUE);
        g_free(base);
    }
}

/* ---- footnote styles ------------------------------------------------ */

/* "(1)" glued to a word, "(1) text" under "NOTES:"; "(1854)" and
 * "item (2)" are no markers. */
static void test_notes_paren(void)
{
    rt_result r = read_shape("notes_paren.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PP");
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    g_assert_cmpint(refs_in(a), ==, 3);
    const char *p = rt_text(&r, rt_child(a, 0));
    g_assert_nonnull(strstr(p, "great flood (1854), and"));
    g_assert_nonnull(strstr(p, "item (2) being"));
    g_assert_cmpstr(rt_text(&r, note_of(a, 2)), ==, "The fulling mill burned in 1871.");
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "heading \u201cNOTES:\u201d over the notes"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "note marker 2 linked"));
    rt_result_free(&r);
}

/* Gutenberg's "[Footnote 1: …]" over two paragraphs, its closing bracket
 * cut; "[pdf]" is no marker. */
static void test_notes_footnote(void)
{
    rt_result r = read_shape("notes_footnote.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PP");
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    imprint_node *n1 = note_of(a, 1);
    g_assert_cmpint(rt_count_children(n1), ==, 2);
    g_assert_cmpstr(rt_text(&r, rt_child(n1, 1)), ==, "The sum was two hundred pounds.");
    g_assert_cmpstr(rt_text(&r, note_of(a, 2)), ==, "His diary survives in the county archive.");
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 1)), "shelves [pdf], not"));
    rt_result_free(&r);
}

/* Gutenberg's "{1}"; "{like these}" is text. */
static void test_notes_brace(void)
{
    rt_result r = read_shape("notes_brace.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "P");
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    g_assert_cmpint(refs_in(a), ==, 2);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "braces {like these} in"));
    rt_result_free(&r);
}

/* "*" and "†" glued to a word; "*urgent*" is emphasis, no marker. */
static void test_notes_symbols(void)
{
    rt_result r = read_shape("notes_symbols.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PP");
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    g_assert_cmpint(refs_in(rt_child(a, 0)), ==, 2);
    g_assert_cmpint(refs_in(rt_child(a, 1)), ==, 0);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, "referenced again"));
    imprint_node *emph = rt_child(rt_child(a, 1), 1);
    g_assert_cmpint(emph->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_cmpstr(rt_text(&r, emph), ==, "urgent");
    rt_result_free(&r);
}

/* Gutenberg's lettered notes, "[A]" glued to the word with "[Footnote A:
 * text]" below; and "[a] text" definitions. A paragraph that ends in its
 * marker ("road.[b]") ends a sentence: no heading. */
static void test_notes_lettered(void)
{
    rt_result r = read_shape("notes_lettered.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PP");
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    g_assert_cmpint(refs_in(rt_child(a, 0)), ==, 2);
    g_assert_cmpint(refs_in(rt_child(a, 1)), ==, 1);
    g_assert_cmpint(rt_count_children(note_of(a, 2)), ==, 2);
    g_assert_cmpstr(rt_text(&r, note_of(a, 3)), ==, "The book is now in the county record office.");
    rt_result_free(&r);

    r = read_wrap("lower.txt",
                  "Two Towns\n\nThe road ran east to the market town.[a] The bridge was "
                  "older than the road.[b]\n\n[a] It was paved in 1820.\n\n[b] The bridge "
                  "is of the thirteenth century.\n",
                  IMPRINT_WRAP_AUTO);
    a = rt_article(&r, 0);
    assert_kinds(a, "P");
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    g_assert_cmpint(refs_in(rt_child(a, 0)), ==, 2);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, "looks like a heading"));
    rt_result_free(&r);
}

/* "marked [A]" names a point on a plan (a space before it), and the key
 * under the plan is a list of names: no notes. */
static void test_notes_lettered_lookalike(void)
{
    rt_result r = read_shape("notes_lettered_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 0);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "marked [A] and the tower [B];"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Gutenberg's "[Sidenote: ...]" lines, one or two over a paragraph, one
 * wrapped over two lines: sidenotes, and each paragraph reads on whole. */
static void test_sidenotes(void)
{
    rt_result r = read_shape("sidenotes.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "MPMMPMPMP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 5)), ==,
                    "The second mill, built in the dry summer of 1788, and its engine.");
    g_assert_cmpint(rt_child(a, 5)->first_child->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "taken as a sidenote"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Closers: a sign-off over the signature and its title (in one run of
 * lines, or a blank line apart), with the place and date under them, is
 * one closer, line by line, never a heading or paragraphs; CLOSER_MAX_LINES
 * lines at most. */
static void test_closers(void)
{
    rt_result r = read_shape("closers.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HOPCHOPCHOPC");
    imprint_node *first = rt_child(a, 3);
    g_assert_cmpstr(rt_text(&r, first), ==,
                    "I remain, Gentlemen, Your obedient servant, WILLIAM TERN, Lock-keeper.");
    g_assert_cmpint(rt_count_children(first), ==, 2 * 4 - 1); /* four lines, three breaks */
    g_assert_cmpstr(rt_text(&r, rt_child(a, 7)), ==,
                    "Your loving father, W. T. Lock House, May 2, 1862.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 20, "sign-off and signature"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 24, "place and date"));
    assert_words(&r);
    rt_result_free(&r);
    /* one line more than CLOSER_MAX_LINES under the sign-off is no closing */
    GString *s = g_string_new("A Letter\n\nThe gate holds and the boats pass.\n\nYours,\n");
    for (int k = 0; k < CLOSER_MAX_LINES; k++)
        g_string_append_printf(s, "Line %d\n", k + 1);
    r = read_wrap("long.txt", s->str, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "sign-off"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* What closers must not take: a diary's date over its entry (a heading),
 * "Yours truly," that a sentence goes on from in lower case, a sentence
 * opened by "Sincerely", a date between paragraphs. */
static void test_closers_lookalike(void)
{
    rt_result r = read_shape("closers_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    for (imprint_node *c = a->first_child; c; c = c->next)
        g_assert_cmpint(c->kind, !=, IMPRINT_NODE_CLOSER);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "closing"));
    assert_words(&r);
    rt_result_free(&r);
}

/* The first block of `kind` under `parent`, searching sections too. */
static imprint_node *first_of(imprint_node *parent, imprint_node_kind kind)
{
    imprint_iter it;
    imprint_iter_init(&it, parent);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == kind && it.node != parent)
            return (imprint_node *)it.node;
    return NULL;
}

/* A play's persons and scenes, one a line under their headings: lists
 * without markers (IMPRINT_LIST_PLAIN), not headings; a turn whose name
 * lost its stop before a bracketed direction ("RUTH [_Laughing_.]") is
 * still RUTH's. */
static void test_play_persons(void)
{
    rt_result r = read_shape("play_persons.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *persons = first_of(a, IMPRINT_NODE_LIST);
    g_assert_nonnull(persons);
    g_assert_cmpint(persons->as.list.style, ==, IMPRINT_LIST_PLAIN);
    g_assert_false(persons->as.list.contents);
    g_assert_cmpint(rt_count_children(persons), ==, 4);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "persons or scenes"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 21, "persons or scenes"));
    bool laughing = false;
    imprint_iter it;
    imprint_iter_init(&it, a);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (it.event != IMPRINT_EVENT_ENTER || n->kind != IMPRINT_NODE_SPEECH)
            continue;
        g_assert_true(strcmp(n->as.speech.speaker, "AMOS") == 0 ||
                      strcmp(n->as.speech.speaker, "RUTH") == 0);
        laughing |= strstr(rt_text(&r, n), "Squire\u2019s arithmetic") != NULL &&
                    strcmp(n->as.speech.speaker, "RUTH") == 0;
    }
    g_assert_true(laughing);
    rt_result_free(&r);
}

/* "The Characters" over prose is a section of an essay, not a cast. */
static void test_play_persons_lookalike(void)
{
    rt_result r = read_shape("play_persons_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_null(first_of(a, IMPRINT_NODE_LIST));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "persons or scenes"));
    assert_words(&r);
    rt_result_free(&r);
}

/* "<1>" markers, glued or after a space, defined as "1. text" under a
 * "NOTES TO …" heading. */
static void test_notes_angle(void)
{
    rt_result r = read_shape("notes_angle.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
        g_assert_nonnull(n->as.note.first_ref);
    g_assert_cmpstr(rt_text(&r, note_of(a, 2)), ==,
                    "A sack at Michaelmas and another at Lady Day.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "note marker 2 linked"));
    /* (no word check: the heading over the notes is dropped, with a note) */
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 23, "over the notes dropped"));
    rt_result_free(&r);
}

/* "<1>" with no definition of its label stays text, and a sentence that
 * begins "Notes to" is no heading over notes: the numbered line under it
 * stays a list. */
static void test_notes_angle_lookalike(void)
{
    rt_result r = read_shape("notes_angle_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 0);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "as <1> open, <2> half open"));
    g_assert_nonnull(first_of(a, IMPRINT_NODE_LIST));
    assert_words(&r);
    rt_result_free(&r);
}

/* In a hard-wrapped text, a quotation whose lines the unwrapper kept apart,
 * each opening with a capital, is verse in a quote; a quoted paragraph
 * wrapped as prose is joined, and two quoted lines that each end a
 * sentence stay lines of prose. */
static void test_quoted_verse(void)
{
    rt_result r = read_shape("wrapped_quoted_verse.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PQPQP");
    imprint_node *v = rt_child(a, 3)->first_child;
    g_assert_cmpint(v->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_cmpint(rt_count_children(v), ==, 4);
    g_assert_cmpint(rt_child(a, 1)->first_child->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 16, "quoted lines of 4 lines"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("wrapped_quoted_verse_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_null(first_of(a, IMPRINT_NODE_VERSE));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as verse"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A rhyme quoted in italics, each line's marks its own ("_Had lost her
 * only cow;_"), one line in brackets: its lines open with a capital past
 * the marks, verse in the quote, each indent kept; its lookalike, a
 * notice in italics set short on a board, goes on in small letters and
 * is no verse. */
static void test_quoted_verse_marked(void)
{
    rt_result r = read_shape("wrapped_quoted_verse_marked.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PQPPP");
    imprint_node *v = rt_child(a, 1)->first_child;
    g_assert_cmpint(v->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_cmpint(rt_count_children(v), ==, 4);
    g_assert_cmpint(rt_child(v, 1)->as.line.indent, ==, 3);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "of 4 lines taken as verse"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("wrapped_quoted_verse_marked_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_null(first_of(a, IMPRINT_NODE_VERSE));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as verse"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A long poem in books: the title again over "BOOK II." is the book's
 * half-title (dropped, with a note), no second poem; "THE END OF THE FIRST
 * BOOK." closes the book (a closer), no heading. */
static void test_verse_books(void)
{
    rt_result r = read_shape("verse_books.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HVVVVCHVVV");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 5)), ==, "THE END OF THE FIRST BOOK.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 29, "half-title"));
    rt_result_free(&r);
}

/* Two poems of one title are two poems when stanzas follow each title;
 * "The end of the winter." is a line of the text, no part's end. */
static void test_verse_books_lookalike(void)
{
    rt_result r = read_shape("verse_books_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "Song");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "half-title"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "closing"));
    g_assert_cmpstr(r.doc->meta.title, ==, "Songs of the Tarn");
    rt_result_free(&r);
}

/* A pamphlet's numbered paragraphs, with paragraphs of no number between
 * them, are paragraphs with their numbers, not five lists; "4. The
 * ferryman is not to cross…" after a paragraph is no heading. */
static void test_numbered_pamphlet(void)
{
    rt_result r = read_shape("numbered_pamphlet.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPPPPP");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 5)), "4. The ferryman is not"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "5 numbered paragraphs"));
    assert_words(&r);
    rt_result_free(&r);
}

/* NUMBERED_PARA_MIN_WORDS and NUMBERED_PARA_MIN_LISTS: an inventory's short
 * items, their numbers running on across the clerk's remarks, stay lists;
 * and so do two lists of long items. */
static void test_numbered_pamphlet_lookalike(void)
{
    rt_result r = read_shape("numbered_pamphlet_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPLPPLPL");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "numbered paragraphs"));
    rt_result_free(&r);
    GString *s = g_string_new("Rules\n\n");
    for (int k = 1; k < NUMBERED_PARA_MIN_LISTS; k++)
        g_string_append_printf(s,
                               "%d. The ferry crosses from the first light of the day until the "
                               "last light, and at no other time of the day or night.\n\nA remark "
                               "between the rules.\n\n",
                               k);
    r = read_wrap("two.txt", s->str, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "numbered paragraphs"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* GLOSSARY_MIN_ENTRIES paragraphs opened by "_Term:_" are a glossary: a
 * list without markers; two ("_Note:_", "_Warning:_") are paragraphs. */
static void test_glossary(void)
{
    rt_result r = read_shape("glossary.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PLP");
    g_assert_cmpint(rt_child(a, 1)->as.list.style, ==, IMPRINT_LIST_PLAIN);
    g_assert_cmpint(rt_count_children(rt_child(a, 1)), ==, 4);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 13, "glossary"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("glossary_lookalike.txt");
    assert_kinds(rt_article(&r, 0), "PPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "glossary"));
    rt_result_free(&r);
}

/* A table of contents whose entries repeat under a second part ("Oars and
 * rowlocks", "(a) Care") is one list to its end; the first heading set
 * apart that repeats an entry ends it. */
static void test_contents_repeats(void)
{
    rt_result r = read_shape("contents_repeats.txt");
    imprint_node *list = first_of(rt_article(&r, 0), IMPRINT_NODE_LIST);
    g_assert_nonnull(list);
    g_assert_true(list->as.list.contents);
    g_assert_cmpint(rt_count_children(list), ==, 9);
    rt_result_free(&r);
}

/* A name alone under a preface's last paragraph, its address under it a
 * blank line apart, over the next chapter: one closer, the signature; a
 * name over its paragraph (a life's heading) is a heading. */
static void test_signatures(void)
{
    rt_result r = read_shape("signatures.txt");
    imprint_node *closer = first_of(rt_article(&r, 0), IMPRINT_NODE_CLOSER);
    g_assert_nonnull(closer);
    g_assert_cmpstr(rt_text(&r, closer), ==, "ANNE VALE. The Mill House, Tarn Foot.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "its signature"));
    rt_result_free(&r);
    r = read_shape("signatures_lookalike.txt");
    g_assert_null(first_of(rt_article(&r, 0), IMPRINT_NODE_CLOSER));
    g_assert_nonnull(first_of(rt_article(&r, 0), IMPRINT_NODE_HEADING));
    assert_words(&r);
    rt_result_free(&r);
}

/* Openers: a salutation alone under a letter's heading ("Gentlemen,", "MY
 * DEAR TOM,--", "Lieber Freund!"), with the place and date over it, is the
 * letter's opener, and the letter's first paragraph follows; "Dear me, what
 * a morning it was!", a sentence opened by "Dear" and a "Sir," in the
 * middle of the text are not. */
static void test_openers(void)
{
    rt_result r = read_shape("openers.txt");
    GString *all = g_string_new(NULL);
    for (int k = 0; k < r.articles; k++)
        kinds_of(rt_article(&r, k), all);
    g_assert_cmpstr(all->str, ==, "OPOPOP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 23, "salutation under the heading"));
    g_string_free(all, TRUE);
    rt_result_free(&r);
    /* under a letter's number heading, its place and date over the
     * salutation: both the opener */
    r = read_shape("letters_numbered.txt");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 8, "place and date over the salutation"));
    imprint_node *date = first_of(rt_article(&r, 0), IMPRINT_NODE_OPENER);
    g_assert_cmpstr(rt_text(&r, date), ==, "Ashby, June 3, 1851.");
    g_assert_cmpint(date->next->kind, ==, IMPRINT_NODE_OPENER);
    rt_result_free(&r);
    r = read_shape("openers_lookalike.txt");
    g_assert_null(first_of(rt_article(&r, 0), IMPRINT_NODE_OPENER));
    assert_words(&r);
    rt_result_free(&r);
}

/* In a hard-wrapped text, "CONTENTS" set in alone is a heading (over its
 * entries, their bullets the list's), not one line of quoted verse; a
 * sentence set in alone is a quote. */
static void test_wrapped_set_in(void)
{
    rt_result r = read_shape("wrapped_set_in.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HLHPPQP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)), ==, "CONTENTS");
    g_assert_true(rt_child(a, 1)->as.list.contents);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)->first_child), ==, "Preface");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 5)), ==, "Grind while the water runs.");
    rt_result_free(&r);
}

/* A journal wrapped by a writer who capitalised at will: greedy lines of
 * 60 columns, a few let run to 70 (so the 99th percentile misses the
 * width), `caps` of every 20 continuation lines going on in a capital. */
static char *capitalised_journal(int caps)
{
    static const char *const words[] = {"the",         "river",  "rose", "in",   "night",   "and",
                                        "we",          "camped", "on",   "a",    "sandbar", "under",
                                        "cottonwoods", "with",   "men",  "tired"};
    GString *s = g_string_new("A JOURNAL\n\n");
    int line = 0;
    for (int para = 0; para < 12; para++) {
        GString *l = g_string_new(NULL);
        for (int w = 0; w < 90; w++) {
            const char *word = words[(para * 7 + w * 3) % G_N_ELEMENTS(words)];
            if (l->len && l->len + 1 + strlen(word) > 60 && (line % 25 != 7 || l->len > 64)) {
                g_string_append_printf(s, "%s\n", l->str);
                g_string_truncate(l, 0);
                line++;
                if (line % 20 < caps) {
                    g_string_append_c(l, g_ascii_toupper(word[0]));
                    g_string_append(l, word + 1);
                    continue;
                }
            }
            if (l->len)
                g_string_append_c(l, ' ');
            g_string_append(l, word);
        }
        g_string_append_printf(s, "%s.\n\n", l->str);
        g_string_free(l, TRUE);
    }
    return g_string_free(s, FALSE);
}

/* WRAP_RAGGED_SURE_SHARE: nearly all of the journal's breaks are a
 * wrapper's at the ragged width, so going on in a small letter half the
 * time (WRAP_LOWER_SHARE_SURE) is enough; two thirds in capitals is not. */
static void test_ragged_sure(void)
{
    char *half = capitalised_journal(9); /* 52 % go on in a small letter */
    rt_result r = read_wrap("half.txt", half, IMPRINT_WRAP_AUTO);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"));
    rt_result_free(&r);
    g_free(half);
    char *most = capitalised_journal(12); /* 38 % */
    r = read_wrap("most.txt", most, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"));
    rt_result_free(&r);
    g_free(most);
}

/* A journal's entries under "[Hale, June 2, 1851]" heads (three at least,
 * BRACKET_HEADING_MIN_RUN), all of one level, each with its day's date right
 * under the head as an opener (with a year or not); one such line in
 * brackets in prose is a paragraph. */
static void test_journal_entries(void)
{
    rt_result r = read_shape("journal_entries.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HOPHOPHP");
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING)
            g_assert_cmpint(c->as.heading.level, ==, 1);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "Tuesday June 3rd");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "one of 3, taken as an entry's heading"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("journal_entries_lookalike.txt");
    g_assert_null(first_of(rt_article(&r, 0), IMPRINT_NODE_HEADING));
    g_assert_null(first_of(rt_article(&r, 0), IMPRINT_NODE_OPENER));
    rt_result_free(&r);
}

/* "By Anne Vale" set apart under a collection's title is the collection's
 * author (each poem's), no poem; "By the River" is a poem's title. */
static void test_verse_collection_byline(void)
{
    rt_result r = read_shape("verse_collection_byline.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "Song");
    g_assert_cmpstr(rt_article(&r, 0)->as.article.authors[0], ==, "Anne Vale");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "By the River");
    rt_result_free(&r);
}

/* "[Sidenote: paid]" inside a sentence, one that a sentence goes on from
 * ("...] and the ledger goes on") and one never closed are the text's own. */
static void test_sidenotes_lookalike(void)
{
    rt_result r = read_shape("sidenotes_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPPPP");
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "wrote [Sidenote: paid] beside"));
    g_assert_cmpstr(rt_text(&r, rt_child(a, 2)), ==, "[Sidenote: an entry never closed");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as a sidenote"));
    assert_words(&r);
    rt_result_free(&r);
}

/* "1. text" under a Notes heading, referred to by digits a scrape left
 * glued to the sentence ("lamp.1"); the numbered list above the heading
 * stays a list. */
static void test_notes_heading(void)
{
    rt_result r = read_shape("notes_heading.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPL");
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    g_assert_cmpint(refs_in(rt_child(a, 0)), ==, 2);
    g_assert_cmpstr(rt_text(&r, note_of(a, 1)), ==, "Harbour board minutes, 1840.");
    g_assert_cmpint(rt_count_children(rt_child(a, 2)), ==, 2);
    rt_result_free(&r);
}

/* MARKER_MAX_DIGITS: "[1234]" may be a note, "[12345]" is not. */
static void test_marker_max_digits(void)
{
    GString *s = g_string_new("Digits\n\n");
    char big[16], small[16];
    g_snprintf(small, sizeof small, "%0*d", MARKER_MAX_DIGITS, 1);
    small[0] = '9';
    g_snprintf(big, sizeof big, "9%0*d", MARKER_MAX_DIGITS, 1);
    g_string_append_printf(s,
                           "A claim.[%s] Another claim.[%s]\n\n[%s] The note.\n\n[%s] Not one.\n",
                           small, big, small, big);
    rt_result r = read_wrap("digits.txt", s->str, IMPRINT_WRAP_AUTO);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 1);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), big));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* MARKER_MAX_GAP: a note goes on over that many paragraphs between two
 * definitions of its run; more is body text between two runs. */
static void test_marker_max_gap(void)
{
    for (int gap = MARKER_MAX_GAP; gap <= MARKER_MAX_GAP + 1; gap++) {
        GString *s = g_string_new("Gaps\n\nThe first claim is made here.[1] The second claim "
                                  "follows it.[2]\n\n[1] The first note.\n\n");
        for (int k = 0; k < gap; k++)
            g_string_append_printf(s, "More of it, paragraph %d.\n\n", k + 1);
        g_string_append(s, "[2] The second note.\n");
        rt_result r = read_wrap("gap.txt", s->str, IMPRINT_WRAP_AUTO);
        imprint_node *a = rt_article(&r, 0);
        int in_note = rt_count_children(note_of(a, 1)) - 1;
        /* past the gap, "[2] …" is another run of notes, whose markers
         * would come after the first run */
        g_assert_cmpint(a->as.article.note_count, ==, gap <= MARKER_MAX_GAP ? 2 : 1);
        g_assert_cmpint(in_note, ==, gap <= MARKER_MAX_GAP ? gap : 0);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* MARKER_RUN_SHARE: a run of definitions is taken when that share of them
 * has a marker; the others stay as notes nothing refers to. */
static void test_marker_run_share(void)
{
    const char *half = "Half\n\nOne.[1] Two.[2]\n\n[1] a.\n[2] b.\n[3] c.\n[4] d.\n";
    rt_result r = read_wrap("half.txt", half, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(rt_article(&r, 0)->as.article.note_count, ==, 4);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 7, "note 3 is never referenced"));
    rt_result_free(&r);
    const char *few = "Few\n\nOne.[1] Two.\n\n[1] a.\n[2] b.\n[3] c.\n[4] d.\n";
    r = read_wrap("few.txt", few, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(rt_article(&r, 0)->as.article.note_count, ==, 0);
    rt_result_free(&r);
}

/* Chapters that number their endnotes from 1 again: each chapter's notes
 * close it without closing the book (the next "CHAPTER" heading is of the
 * same series), and each marker links to the first definition of its
 * number below it. The subtitle between the title and the byline is the
 * subtitle. */
static void test_chapter_endnotes(void)
{
    rt_result r = read_shape("chapter_endnotes.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE CROSSING AT HOLM");
    g_assert_cmpstr(a->as.article.subtitle, ==, "A HISTORY OF ONE PARISH");
    g_assert_nonnull(a->as.article.authors);
    g_assert_cmpstr(a->as.article.authors[0], ==, "Martha Ellery");
    assert_kinds(a, "HPPPHPPPHPP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "CHAPTER II. THE BRIDGE");
    g_assert_cmpint(a->as.article.note_count, ==, 5);
    const unsigned chapter[] = {9, 36, 62}, def_chapter[] = {0, 0, 1, 1, 2};
    int k = 0;
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note, k++) {
        g_assert_nonnull(n->as.note.first_ref);
        g_assert_true(n->as.note.first_ref == n->as.note.last_ref);
        unsigned at = n->as.note.first_ref->pos.line;
        g_assert_cmpuint(at, >, chapter[def_chapter[k]]);
        g_assert_cmpuint(at, <, n->pos.line);
    }
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 55, "the numbers start again"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, ""));
    /* (no word check: the subtitle and the author are the article's, with
     * no place in its text) */
    rt_result_free(&r);
}

/* Its lookalikes: a post's notes do close it when a title of no numbered
 * series follows, that title is not a paragraph of the last note, a number
 * defined twice in one post with no marker for the second stays a warning,
 * and "I." alone over prose heads a section. */
static void test_chapter_endnotes_lookalike(void)
{
    rt_result r = read_shape("chapter_endnotes_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "A Visit to the Seed Library");
    imprint_node *first = rt_article(&r, 0);
    g_assert_cmpint(first->as.article.note_count, ==, 2);
    g_assert_cmpint(rt_count_children(note_of(first, 2)), ==, 1);
    imprint_node *second = rt_article(&r, 1);
    g_assert_cmpint(second->as.article.note_count, ==, 2);
    g_assert_null(note_of(second, 2)->as.note.first_ref);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 32, "no marker links to it"));
    imprint_node *third = rt_article(&r, 2);
    assert_kinds(third, "HPHP");
    g_assert_cmpstr(rt_text(&r, rt_child(third, 0)), ==, "I.");
    assert_words(&r);
    rt_result_free(&r);
}

/* "N. text" lines with no Notes heading after the text, each with its
 * marker glued to a word above ("saying,(1)"): notes. */
static void test_bare_numbered_notes(void)
{
    rt_result r = read_shape("bare_numbered_notes.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPP");
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    g_assert_cmpint(refs_in(rt_child(a, 0)), ==, 1);
    g_assert_cmpint(refs_in(rt_child(a, 1)), ==, 1);
    g_assert_cmpstr(rt_text(&r, note_of(a, 2)), ==,
                    "A strong colony eats some twenty pounds of honey between October and "
                    "March.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "N. text, each with its marker"));
    rt_result_free(&r);
}

/* Its lookalike: a numbered list after a text with one "(1)" glued to a
 * word stays a list, and the "(1)" stays text: no marker without its
 * definition. */
static void test_bare_numbered_lookalike(void)
{
    rt_result r = read_shape("bare_numbered_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PLP");
    g_assert_cmpint(a->as.article.note_count, ==, 0);
    g_assert_cmpint(refs_in(a), ==, 0);
    g_assert_true(strstr(rt_text(&r, rt_child(a, 0)), "father.(1)") != NULL);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, ""));
    assert_words(&r);
    rt_result_free(&r);
}

/* MARKER_BARE_MIN_RUN: so many numbered lines, each with its glued
 * marker, are notes; one fewer are not. */
static void test_bare_min_run(void)
{
    for (int n = MARKER_BARE_MIN_RUN - 1; n <= MARKER_BARE_MIN_RUN; n++) {
        GString *s = g_string_new("A Title\n\nThe text of the essay goes on here");
        for (int k = 1; k <= n; k++)
            g_string_append_printf(s, ", and a clause,(%d) and more words", k);
        g_string_append(s, ".\n\n");
        for (int k = 1; k <= n; k++)
            g_string_append_printf(s, "%d. The source of clause %d.\n\n", k, k);
        rt_result r = read_wrap("bare.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_article(&r, 0)->as.article.note_count, ==,
                        n >= MARKER_BARE_MIN_RUN ? n : 0);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* ---- verse ---------------------------------------------------------- */

/* A collection: the head gives the book's title and author, each poem is
 * an article; a one-line "Alas!" inside a poem is a line, a date under a
 * title its subtitle, part numerals its sections. */
static void test_verse_collection(void)
{
    rt_result r = read_shape("verse_collection.txt");
    g_assert_cmpint(r.articles, ==, 5);
    g_assert_cmpstr(r.doc->meta.title, ==, "SONGS OF THE SHORE");
    const char *titles[] = {"THE TIDE", "EVENING", "THE FERRY", "THE GULLS", "THE LAST BOAT"};
    for (int i = 0; i < 5; i++) {
        imprint_node *a = rt_article(&r, i);
        g_assert_cmpstr(a->as.article.title, ==, titles[i]);
        g_assert_nonnull(a->as.article.authors);
        g_assert_cmpstr(a->as.article.authors[0], ==, "Mary Holm");
    }
    imprint_node *tide = rt_article(&r, 0);
    assert_kinds(tide, "VVV");
    imprint_node *second = rt_child(tide, 1);
    g_assert_cmpint(rt_count_children(second), ==, 3);
    g_assert_cmpstr(rt_text(&r, second->last_child), ==, "Alas!");
    imprint_node *ferry = rt_article(&r, 2);
    g_assert_cmpstr(ferry->as.article.subtitle, ==, "1889");
    assert_kinds(ferry, "HVHV");
    g_assert_cmpstr(rt_text(&r, rt_child(ferry, 0)), ==, "I.");
    rt_result_free(&r);
}

/* VERSE_FILE_MIN_STANZAS: fewer verse runs are no collection, whatever
 * their share. */
static void test_verse_file_min_stanzas(void)
{
    for (int n = VERSE_FILE_MIN_STANZAS - 1; n <= VERSE_FILE_MIN_STANZAS; n++) {
        GString *s = g_string_new(NULL);
        for (int k = 0; k < n; k++)
            g_string_append_printf(s,
                                   "%sThe tide comes in across the sand\nAnd leaves its weed "
                                   "upon the land\nAnd takes the marks the children made\n",
                                   k ? "\n" : "");
        rt_result r = read_wrap("stanzas.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "verse: most runs"), ==,
                        n >= VERSE_FILE_MIN_STANZAS);
        /* the even lines are no wrapped prose, the first stanza no title */
        g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hard-wrapped"));
        g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "article split"));
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* A collection of verse: a poem's head over several lines set apart
 * ("Epistle" / "TO THE BISHOP." / "Christmas Day, 1811.") is one poem's,
 * the date opening none (POEM_DATE_MAX_WORDS); a title that ends in "of"
 * goes on in the line under it. Its lookalike: a year set apart after a
 * poem's stanzas ("1914.") titles the next poem. */
static void test_poem_heads(void)
{
    const char *stanza = "The river runs, the river turns,\nAnd no one knows the way\n"
                         "It went before the miller came\nTo stop it for a day.\n\n"
                         "The mill is gone, the wheel is still,\nThe ford is deep and wide,\n"
                         "And no one crosses at the mill\nTo reach the other side.\n\n\n\n";
    GString *s = g_string_new("RIVER POEMS\n\n\n\n");
    g_string_append_printf(s, "Epistle\n\nTO THE BISHOP.\n\n\nChristmas Day, 1811.\n\n%s", stanza);
    g_string_append_printf(s, "Hymn written for the Reverend Walker, of\nChichester.\n\n%s",
                           stanza);
    g_string_append_printf(s, "1914.\n\n%s", stanza);
    g_string_append_printf(s, "The Last Song\n\n%s", stanza);
    rt_result r = read_wrap("poems.txt", s->str, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(r.articles, ==, 4);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "Epistle");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==,
                    "Hymn written for the Reverend Walker, of Chichester.");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "1914.");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "The Last Song");
    rt_result_free(&r);
    /* POEM_DATE_MAX_WORDS: a set-apart line with a year and so many words
     * is the head's date; one word more, a poem's title */
    for (int n = POEM_DATE_MAX_WORDS; n <= POEM_DATE_MAX_WORDS + 1; n++) {
        g_string_assign(s, "RIVER POEMS\n\n\n\nEpistle\n\n\n");
        for (int k = 1; k < n; k++)
            g_string_append(s, k == 1 ? "Written" : " there");
        g_string_append_printf(s, " 1811.\n\n%sThe Next Song\n\n%sThe Last Song\n\n%s", stanza,
                               stanza, stanza);
        r = read_wrap("poems.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(r.articles, ==, n <= POEM_DATE_MAX_WORDS ? 3 : 4);
        rt_result_free(&r);
    }
    g_string_free(s, TRUE);
}

/* Numbers set off at the end of a stanza's lines by WRAP_COLUMN_GAP
 * spaces that count its lines are their numbers (the text without them);
 * one space fewer, they are the lines' text. */
static void test_verse_margin_numbers(void)
{
    for (int gap = WRAP_COLUMN_GAP - 1; gap <= WRAP_COLUMN_GAP; gap++) {
        GString *s = g_string_new("A POEM\n\n");
        const char *lines[] = {"The river runs, the river turns,",   "And no one knows the way",
                               "It went before the miller came",     "To stop it for a day,",
                               "And no one knows the miller's name", "Or where he went away."};
        for (int k = 0; k < 6; k++)
            g_string_append_printf(s, "%s%*s\n", lines[k], k == 2 || k == 4 ? gap + 1 : 0,
                                   k == 2   ? "3"
                                   : k == 4 ? "5"
                                            : "");
        rt_result r = read_wrap("poem.txt", s->str, IMPRINT_WRAP_AUTO);
        imprint_node *verse = rt_child(rt_article(&r, 0), 0);
        g_assert_cmpint(verse->kind, ==, IMPRINT_NODE_VERSE);
        imprint_node *third = rt_child(verse, 2);
        g_assert_cmpint(third->as.line.number, ==, gap >= WRAP_COLUMN_GAP ? 3 : 0);
        g_assert_cmpint(strcmp(rt_text(&r, third), lines[2]) == 0, ==, gap >= WRAP_COLUMN_GAP);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* A work's last line ("THE END", "FINIS.", "CURTAIN") is a paragraph
 * with no warning; another heading-like line with nothing after it is
 * still unplaced text, warned. */
static void test_end_line(void)
{
    const char *ends[] = {"THE END", "FINIS.", "CURTAIN", "MORE TO COME"};
    for (int k = 0; k < 4; k++) {
        char *t = g_strdup_printf("A Title\n\nThe story ends here, as stories do, with the mill "
                                  "still standing by the ford.\n\n%s\n",
                                  ends[k]);
        rt_result r = read_wrap("end.txt", t, IMPRINT_WRAP_AUTO);
        imprint_node *last = rt_article(&r, 0)->last_child;
        g_assert_cmpint(last->kind, ==, IMPRINT_NODE_PARAGRAPH);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_WARNING, 5, "unplaced text"), ==, k == 3);
        rt_result_free(&r);
        g_free(t);
    }
}

/* A text wrapped by hand, ragged (some paragraphs run to 66 columns,
 * most to 62): wrapped at the WRAP_RAGGED_QUANTILE width (61), its breaks going
 * on in small letters (WRAP_LOWER_SHARE); an indented quotation wrapped
 * narrower is prose joined in a quote, the indented stanza stays verse. Its
 * lookalike: the same lines each going on in a capital are not joined. */
static void test_ragged(void)
{
    rt_result r = read_shape("ragged.txt");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines broken at 61 columns"));
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPQPPQPP");
    imprint_node *q = rt_child(a, 2);
    g_assert_cmpint(rt_count_children(q), ==, 1);
    g_assert_cmpint(rt_child(q, 0)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_true(g_str_has_suffix(rt_text(&r, rt_child(q, 0)), "as they always did"));
    g_assert_cmpint(rt_child(rt_child(a, 5), 0)->kind, ==, IMPRINT_NODE_VERSE);
    assert_words(&r);
    /* every line going on in a capital: under WRAP_LOWER_SHARE */
    char *caps = g_strdup(r.data);
    for (char *p = caps + 1; *p; p++)
        if (p[-1] == '\n' && *p != '\n' && *p != ' ')
            *p = g_ascii_toupper(*p);
    rt_result_free(&r);
    r = read_wrap("ragged_caps.txt", caps, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"));
    rt_result_free(&r);
    g_free(caps);
}

/* An article split at the source's last line has a title and no body: no
 * byline or subtitle is looked for past the end (the sanitizer build
 * would see the read). */
static void test_title_at_end(void)
{
    const char *split[] = {"Second", NULL};
    const char *t = "First\n\nThe text of the first article, long enough to be prose here.\n\n"
                    "Second\n";
    rt_result r = rt_read_buffer("split.txt", t, strlen(t), split);
    g_assert_cmpint(r.articles, ==, 2);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "Second");
    g_assert_null(rt_article(&r, 1)->as.article.subtitle);
    rt_result_free(&r);
}

/* ---- letters, posts, titles ----------------------------------------- */

/* Letters: a title, its dateline; the closing and signature are no
 * headings but the letter's closer; the file's first line is the book's
 * title. A date inside a sentence is no dateline. */
static void test_letters(void)
{
    rt_result r = read_shape("letters.txt");
    g_assert_cmpint(r.articles, ==, 2);
    g_assert_cmpstr(r.doc->meta.title, ==, "Letters from the Harbour");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "LETTER I.");
    g_assert_cmpstr(a->as.article.date, ==, "Harbour Town, 3 May 1817.");
    assert_kinds(a, "OPC");
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 1)), "On 3 May 1817 we walked"));
    /* the closing and the signature: one closer, line by line */
    imprint_node *closer = rt_child(a, 2);
    g_assert_cmpstr(rt_text(&r, closer), ==, "Your affectionate brother, John");
    g_assert_cmpint(closer->first_child->next->kind, ==, IMPRINT_NODE_LINEBREAK);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 11, "sign-off and signature"));
    g_assert_cmpstr(rt_article(&r, 1)->as.article.date, ==, "Harbour Town, 10 May 1817.");
    rt_result_free(&r);
}

/* A play: the speaker's name alone on its line in capitals, the speech
 * under it; a name heard once (BOATMAN) is a speaker too once the file is a
 * play; a stage direction in brackets between speeches stays outside them;
 * "ACT I" and the one-word speech "Yes." are no names. */
static void test_play(void)
{
    rt_result r = read_shape("play.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE LIGHTHOUSE KEEPER");
    imprint_node *act = NULL;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING && strcmp(rt_text(&r, c), "ACT I") == 0)
            act = c;
    g_assert_nonnull(act);
    GString *turns = g_string_new(NULL);
    imprint_node *after[16] = {0};
    int n = 0;
    for (imprint_node *c = act->next; c; c = c->next) {
        if (n < 16)
            after[n++] = c;
        g_string_append_c(turns, c->kind == IMPRINT_NODE_SPEECH ? 'S' : '-');
        if (c->kind == IMPRINT_NODE_SPEECH)
            g_assert_cmpint(c->first_child->kind, ==, IMPRINT_NODE_PARAGRAPH);
    }
    g_assert_cmpstr(turns->str, ==, "-SSSS-SSSSS-");
    g_string_free(turns, TRUE);
    g_assert_cmpstr(after[4]->as.speech.speaker, ==, "MARTHA");
    g_assert_true(g_str_has_prefix(rt_text(&r, after[4]->first_child), "[Without turning.]"));
    g_assert_cmpstr(after[8]->as.speech.speaker, ==, "BOATMAN");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 14, "a play: 9 speeches"));
    rt_result_free(&r);
}

/* Not a play: "NOTE." three times is one recurring capital line, and
 * "Yes." recurs but is no name; headings and paragraphs as ever. */
static void test_play_lookalike(void)
{
    rt_result r = read_shape("play_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    for (imprint_node *c = a->first_child; c; c = c->next)
        g_assert_cmpint(c->kind, !=, IMPRINT_NODE_SPEECH);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    rt_result_free(&r);
}

static bool any_speech(rt_result *r)
{
    for (imprint_node *c = rt_article(r, 0)->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_SPEECH)
            return true;
    return false;
}

/* PLAY_NAME_MIN_TURNS: two names three times each make a play; twice each
 * do not. PLAY_NAME_SHARE: the same six name lines among fifty paragraphs
 * of prose are no play. */
static void test_play_limits(void)
{
    GString *src = g_string_new("Scenes\n\n");
    for (int i = 0; i < PLAY_NAME_MIN_TURNS; i++)
        g_string_append(src, "ANNE.\n\nA line of hers.\n\nJOHN.\n\nA line of his.\n\n");
    rt_result r = rt_read_buffer("play.txt", src->str, src->len, NULL);
    g_assert_true(any_speech(&r));
    rt_result_free(&r);
    g_string_assign(src, "Scenes\n\n");
    for (int i = 0; i < PLAY_NAME_MIN_TURNS - 1; i++)
        g_string_append(src, "ANNE.\n\nA line of hers.\n\nJOHN.\n\nA line of his.\n\n");
    r = rt_read_buffer("play.txt", src->str, src->len, NULL);
    g_assert_false(any_speech(&r));
    rt_result_free(&r);
    g_string_assign(src, "Scenes\n\n");
    for (int i = 0; i < PLAY_NAME_MIN_TURNS; i++)
        g_string_append(src, "ANNE.\n\nA line of hers.\n\nJOHN.\n\nA line of his.\n\n");
    int prose = (int)(2 * PLAY_NAME_MIN_TURNS / PLAY_NAME_SHARE);
    for (int i = 0; i < prose; i++)
        g_string_append(src, "A paragraph of the essay around the scene, of ordinary prose.\n\n");
    r = rt_read_buffer("play.txt", src->str, src->len, NULL);
    g_assert_false(any_speech(&r));
    rt_result_free(&r);
    g_string_free(src, TRUE);
}

/* A play whose turns are "Name.  text" (two spaces) or "MR. DUNN. text"
 * (capitals, the name going on in capitals past "MR."): each a speech with
 * its speaker; a paragraph without a name goes on the turn above it; stage
 * directions in brackets stay outside. */
static void test_play_inline(void)
{
    rt_result r = read_shape("play_inline.txt");
    imprint_node *a = rt_article(&r, 0);
    GString *kinds_s = g_string_new(NULL);
    const char *speakers[16] = {0};
    int n = 0;
    for (imprint_node *c = a->first_child->next; c; c = c->next) {
        g_string_append_c(kinds_s, c->kind == IMPRINT_NODE_SPEECH ? 'S' : '-');
        if (c->kind == IMPRINT_NODE_SPEECH && n < 16)
            speakers[n++] = c->as.speech.speaker;
    }
    g_assert_cmpstr(kinds_s->str, ==, "--SSSS-SSSSS-");
    g_string_free(kinds_s, TRUE);
    g_assert_cmpstr(speakers[0], ==, "Martha");
    g_assert_cmpstr(speakers[1], ==, "Old Holt");
    g_assert_cmpstr(speakers[6], ==, "MR. DUNN");
    imprint_node *holt = NULL;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_SPEECH && strcmp(c->as.speech.speaker, "Old Holt") == 0)
            holt = c;
    g_assert_cmpint(rt_count_children(holt), ==, 2); /* "It was the church…" goes on */
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "a play: 9 of its 15 paragraphs"));
    rt_result_free(&r);
}

/* Not a play (PLAY_STOP_LABEL_SHARE): prose, double spaced, whose
 * paragraphs open with "Yes.  " and "No.  " twice each, a quarter of them. */
static void test_play_inline_lookalike(void)
{
    rt_result r = read_shape("prose_double_space.txt");
    g_assert_false(any_speech(&r));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    rt_result_free(&r);
}

/* PLAY_STOP_LABEL_SHARE on both sides: two names, two turns each, among
 * prose paragraphs that make the turns just over and just under the share. */
static void test_play_stop_share(void)
{
    for (int more = 0; more < 2; more++) {
        int prose = (int)(4 / PLAY_STOP_LABEL_SHARE) - 4 + more * 2 - 1;
        GString *src = g_string_new("Scenes\n\n");
        g_string_append(src, "Anne.  A line of hers.\n\nJohn.  A line of his.\n\n"
                             "Anne.  Another of hers.\n\nJohn.  Another of his.\n\n");
        for (int i = 0; i < prose; i++)
            g_string_append(src, "A paragraph of the prose around them.\n\n");
        rt_result r = rt_read_buffer("play.txt", src->str, src->len, NULL);
        g_assert_cmpint(any_speech(&r), ==, !more);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* The speakers of the article's speeches, in order, each followed by "|"
 * (g_free it). */
static char *speakers_of(const imprint_node *a)
{
    GString *s = g_string_new(NULL);
    for (const imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_SPEECH)
            g_string_append_printf(s, "%s|", c->as.speech.speaker);
    return g_string_free(s, FALSE);
}

/* A play of names on lines of their own after a long front (a preface
 * and a cast): one from its first name on, when PLAY_SPAN_MIN_TURNS
 * names head speeches there (one fewer, and no play); a name line of the
 * front ("_The Lock-Keeper_" under the title) is nobody's. */
static void test_play_names_after_front(void)
{
    for (int more = 0; more < 2; more++) {
        GString *src = g_string_new("THE LOCK-KEEPER\n\n_The Lock-Keeper_\n\nA play.\n\n");
        for (int i = 0; i < 5 * PLAY_SPAN_MIN_TURNS; i++)
            g_string_append(src, "A paragraph of the preface, long enough to be prose and "
                                 "nothing else.\n\n");
        for (int i = 0; i < PLAY_SPAN_MIN_TURNS - 1 + more; i++)
            g_string_append(src, i % 2 ? "_Tom._\n\nA line of his, and he says it.\n\n"
                                       : "_Anna._\n\nA line of hers, and she says it.\n\n");
        rt_result r = rt_read_buffer("play.txt", src->str, src->len, NULL);
        g_assert_cmpint(any_speech(&r), ==, more);
        if (more) {
            char *speakers = speakers_of(rt_article(&r, 0));
            g_assert_true(g_str_has_prefix(speakers, "Anna|Tom|"));
            g_free(speakers);
            g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play from here"));
        }
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* A dialogue after a long preface: a play from its first turn, though
 * its turns are under half the book's paragraphs; a name written out or
 * cut once ("_Fisherman_.", "_Fis_.") is the speaker of the name that
 * recurs, a cut of two letters ("_Fi_.") nobody's; a paragraph without a
 * name goes on the turn above it. */
static void test_dialogue_preface(void)
{
    rt_result r = read_shape("dialogue_preface.txt");
    imprint_node *a = rt_article(&r, 0);
    char *speakers = speakers_of(a);
    g_assert_cmpstr(speakers, ==,
                    "Fisherman|Walker|Fish|Walk|Fish|Walk|Fish|Walk|Fish|Walk|Fis|Walk|Fish|");
    g_free(speakers);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 23, "a play from here: 13 of the 14"));
    /* "One thing more" goes on the last turn */
    g_assert_cmpint(rt_count_children(a->last_child), ==, 2);
    assert_words(&r);
    rt_result_free(&r);
}

/* PLAY_SPAN_MIN_TURNS on both sides: a long preface, then turns of two
 * names one after another, one turn short of the limit and at it. */
static void test_play_span_min_turns(void)
{
    for (int more = 0; more < 2; more++) {
        GString *src = g_string_new("Scenes\n\n");
        for (int i = 0; i < 3 * PLAY_SPAN_MIN_TURNS; i++)
            g_string_append(src, "A paragraph of the preface, long enough to be prose and "
                                 "nothing else.\n\n");
        for (int i = 0; i < PLAY_SPAN_MIN_TURNS - 1 + more; i++)
            g_string_append(src,
                            i % 2 ? "_John_. A line of his.\n\n" : "_Anne_. A line of hers.\n\n");
        rt_result r = rt_read_buffer("play.txt", src->str, src->len, NULL);
        g_assert_cmpint(any_speech(&r), ==, more);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* A wrapped text whose long list holds most of its line breaks is still
 * wrapped: most of its paragraphs of several lines are wrapped prose
 * (WRAP_PROSE_PARAGRAPHS); the list, indented off the prose (whose indent
 * counts every physical line of a joined paragraph), keeps its lines, set
 * off. */
static void test_wrapped_lists(void)
{
    rt_result r = read_shape("wrapped_lists.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped text"));
    g_assert_true(g_str_has_suffix(rt_text(&r, rt_child(a, 0)), "neglected for a generation."));
    g_assert_cmpint(rt_child(a, 3)->kind, ==, IMPRINT_NODE_QUOTE);
    imprint_node *list = rt_child(rt_child(a, 3), 0);
    g_assert_cmpint(list->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_cmpint(rt_count_children(list), ==, 16);
    rt_result_free(&r);
}

/* An image's file name without its extension ("lenin_poster_1920") is a
 * figure placeholder; a wrapped line ending in emphasis ("programme._") is
 * text. */
static void test_figure_underscore(void)
{
    const char *src = "Posters\n\nThe first poster was printed in the spring of that year.\n\n"
                      "lenin_poster_1920\n\nThe notices are to appear in the\n\nprogramme._\n\n"
                      "The end of the article comes here.\n";
    rt_result r = rt_read_buffer("posters.txt", src, strlen(src), NULL);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_child(a, 1)->kind, ==, IMPRINT_NODE_FIGURE);
    for (imprint_node *c = rt_child(a, 2); c; c = c->next)
        g_assert_cmpint(c->kind, !=, IMPRINT_NODE_FIGURE);
    rt_result_free(&r);
}

/* Double spaces between sentences (and old HTML's ". &nbsp;") read as one
 * space, with a note; a no-break space alone stays, in a title too. */
static void test_double_spaces(void)
{
    const char *src = "Mr.\u00a0Smith  Goes\n\nOne.  Two. \u00a0Three.\n\nA 10\u00a0km walk.\n";
    rt_result r = rt_read_buffer("spaces.txt", src, strlen(src), NULL);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "Mr.\u00a0Smith Goes");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)), ==, "One. Two. Three.");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "A 10\u00a0km walk.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "read as one space in 2 places"));
    rt_result_free(&r);
}

/* Posts of an archive: title, byline and date a head; "By the time …" in
 * the text is no byline. */
static void test_posts(void)
{
    rt_result r = read_shape("posts.txt");
    g_assert_cmpint(r.articles, ==, 2);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "A New Lamp on the Pier");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Jane Dale");
    g_assert_cmpstr(a->as.article.date, ==, "March 3, 2015");
    assert_kinds(a, "PP");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 1)), "By the time"));
    g_assert_cmpstr(rt_article(&r, 1)->as.article.authors[0], ==, "Tom Holm");
    rt_result_free(&r);
}

/* French spacing: no-break spaces before "?", ";", "»" are typography, not
 * the scraped blog's title cue; one article. */
static void test_french_spacing(void)
{
    rt_result r = read_shape("french.txt");
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "Le Port de la ville");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "article split: \u201cQui"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Numbered letters in a book whose title names them ("THE LETTERS OF JANE
 * MARSH."): each number over its addressee opens an article titled with
 * both ("41. TO MR. HALE."), not an article a letter with its date under
 * it; the notes of each letter number from 1; the signature under the
 * closing is no heading. */
static void test_letters_numbered(void)
{
    rt_result r = read_shape("letters_numbered.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(r.doc->meta.title, ==, "THE LETTERS OF JANE MARSH.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "3 numbers alone on their lines"));
    const char *titles[] = {"41. TO MR. HALE.", "42. TO HER SISTER.", "43. TO MR. HALE."};
    for (int k = 0; k < 3; k++) {
        imprint_node *a = rt_article(&r, k);
        g_assert_cmpstr(a->as.article.title, ==, titles[k]);
        g_assert_null(first_of(a, IMPRINT_NODE_HEADING));
        g_assert_cmpint(a->as.article.note_count, ==, k < 2 ? 1 : 0);
        for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
            g_assert_nonnull(n->as.note.first_ref);
    }
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, ""));
    rt_result_free(&r);
}

/* A book of `numbers` numbered parts, its title `title`. */
static rt_result numbered_parts(const char *title, int numbers)
{
    GString *s = g_string_new(title);
    g_string_append(s, "\n\nA word before the parts, to say where they were found.\n");
    for (int k = 1; k <= numbers; k++)
        g_string_append_printf(s,
                               "\n\n%d.\n\nTO MR. HALE.\n\nThe part goes on for a good "
                               "many words about the mill.\n",
                               k);
    rt_result r = rt_read_buffer("parts.txt", s->str, s->len, NULL);
    g_string_free(s, TRUE);
    return r;
}

/* NUMBERED_PIECES_MIN: so many numbers of one series make the pieces of a
 * book named for them, one fewer stay its sections; in a book whose title
 * names no pieces ("THE MILL ACCOUNTS") they are sections however many. */
static void test_numbered_pieces_min(void)
{
    rt_result r = numbered_parts("THE LETTERS OF JANE MARSH.", NUMBERED_PIECES_MIN);
    g_assert_cmpint(r.articles, ==, NUMBERED_PIECES_MIN + 1);
    rt_result_free(&r);
    r = numbered_parts("THE LETTERS OF JANE MARSH.", NUMBERED_PIECES_MIN - 1);
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);
    r = numbered_parts("THE MILL ACCOUNTS.", NUMBERED_PIECES_MIN + 2);
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);
}

/* Its lookalikes: a year alone ("1895.") is no number heading (under the
 * preface it is the preface's closing date); a title with its date over an
 * ornament (a play's first night) opens no article. */
static void test_letters_numbered_lookalike(void)
{
    rt_result r = read_shape("letters_numbered_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    bool year = false;
    for (imprint_node *c = rt_article(&r, 0)->first_child; c; c = c->next)
        if (strcmp(rt_text(&r, c), "1895.") == 0) {
            g_assert_cmpint(c->kind, ==, IMPRINT_NODE_CLOSER);
            year = true;
        }
    g_assert_true(year);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "number heading"));
    rt_result_free(&r);
}

/* Letters whose signatures recur (two writers, each under "Your friend,")
 * are no play: a name under a closing is a signature, not a speaker; the
 * two make the letter's closer. */
static void test_signatures_no_play(void)
{
    GString *s = g_string_new("LETTERS FROM THE FORD\n\n");
    for (int k = 0; k < 2 * PLAY_NAME_MIN_TURNS + 2; k++)
        g_string_append_printf(s,
                               "My dear friend,\n\nThe river is high again this week and the "
                               "ford is closed to carts.\n\nYour friend,\n\n%s\n\n",
                               k % 2 ? "THOMAS HALE." : "JANE MARSH.");
    rt_result r = read_wrap("letters.txt", s->str, IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    for (imprint_node *c = rt_article(&r, 0)->first_child; c; c = c->next)
        g_assert_cmpint(c->kind, ==,
                        strstr(rt_text(&r, c), "Your friend")       ? IMPRINT_NODE_CLOSER
                        : strcmp(rt_text(&r, c), "My dear friend,") ? IMPRINT_NODE_PARAGRAPH
                        : c->prev && c->prev->kind == IMPRINT_NODE_CLOSER
                            ? IMPRINT_NODE_PARAGRAPH /* (no heading over the next letter) */
                            : IMPRINT_NODE_OPENER);
    rt_result_free(&r);
    /* the same names with speeches under them are a play */
    g_string_assign(s, "A PLAY\n\n");
    for (int k = 0; k < 2 * PLAY_NAME_MIN_TURNS + 2; k++)
        g_string_append_printf(s, "%s\n\nThe river is high again, and the ford is closed.\n\n",
                               k % 2 ? "THOMAS HALE." : "JANE MARSH.");
    r = read_wrap("play.txt", s->str, IMPRINT_WRAP_AUTO);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* A hard-wrapped text set by hand: lines centred over the wrap width are
 * the title (joined, CENTRED_TITLE_MAX_LINES at most) and a title page,
 * lines against the right edge a signature; neither is verse nor a quote.
 * A stanza indented by the same spaces stays verse. ALIGN_TOLERANCE on
 * both sides. */
static char *aligned_text(int off, int title_lines)
{
    /* the prose below reaches column 68: the middle is at 34 */
    GString *s = g_string_new(NULL);
    const char *title[] = {"THE MILL", "AT THE", "FORD", "AGAIN"};
    for (int k = 0; k < title_lines; k++)
        g_string_append_printf(s, "%*s%s\n", (int)(34 - strlen(title[k]) / 2) + off, "", title[k]);
    g_string_append_printf(s, "\n%*sBY\n%*sHANNAH PREWITT\n\n", 33, "", 27, "");
    for (int p = 0; p < 8; p++) {
        g_string_append(s, "The mill stood by the ford, and the miller kept the ford as well as\n"
                           "the mill, for the road ran through his yard and over his bridge, and\n"
                           "every cart that came that way paid him a penny for the crossing.\n\n");
        if (p == 3) /* (an inscription set centred) */
            g_string_append_printf(s, "%*sHere the carts paid\n%*sa penny each\n\n", 25, "", 27,
                                   "");
    }
    g_string_append_printf(s, "%*sHANNAH PREWITT.\n\n", 53, "");
    g_string_append(s, "    The river runs, the river turns,\n    And no one knows the way\n"
                       "    It went before the miller came\n    To stop it for a day.\n\n"
                       "The end of the story is the end of the mill, which burned in the\n"
                       "winter of the flood, with the miller's ledger on its shelf inside.\n");
    return g_string_free(s, FALSE);
}

static void test_aligned(void)
{
    char *t = aligned_text(0, 2);
    rt_result r = read_wrap("aligned.txt", t, IMPRINT_WRAP_AUTO);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE MILL AT THE");
    int verse = 0, quotes = 0;
    for (imprint_node *c = a->first_child; c; c = c->next) {
        quotes += c->kind == IMPRINT_NODE_QUOTE;
        if (c->kind == IMPRINT_NODE_QUOTE && c->first_child->kind == IMPRINT_NODE_VERSE)
            verse++;
        if (c->kind == IMPRINT_NODE_PARAGRAPH && strcmp(rt_text(&r, c), "HANNAH PREWITT.") == 0)
            verse += 10; /* the signature, a paragraph */
    }
    g_assert_cmpint(verse, ==, 11);
    g_assert_cmpint(quotes, ==, 1);
    /* ("BY" over the name, centred in one run: the title's byline) */
    g_assert_cmpstr(a->as.article.authors[0], ==, "HANNAH PREWITT");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "lines set centred"));
    rt_result_free(&r);
    g_free(t);
    for (int off = ALIGN_TOLERANCE; off <= ALIGN_TOLERANCE + 2; off += 2) {
        t = aligned_text(off, 2);
        r = read_wrap("aligned.txt", t, IMPRINT_WRAP_AUTO);
        /* a middle `off` columns right of the width's: centred within the
         * tolerance (else the lines are a title and its subtitle) */
        const char *title = rt_article(&r, 0)->as.article.title;
        g_assert_cmpint(g_strcmp0(title, "THE MILL AT THE") == 0, ==, off <= ALIGN_TOLERANCE);
        rt_result_free(&r);
        g_free(t);
    }
    for (int n = CENTRED_TITLE_MAX_LINES; n <= CENTRED_TITLE_MAX_LINES + 1; n++) {
        t = aligned_text(0, n);
        r = read_wrap("aligned.txt", t, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_article(&r, 0)->as.article.title != NULL, ==,
                        n <= CENTRED_TITLE_MAX_LINES);
        rt_result_free(&r);
        g_free(t);
    }
}

/* A play's front: the title with its subtitle under it; the persons one a
 * line, each long word capitalised, one paragraph line by line, not verse.
 * Its lookalike: a stanza with small words ("the river turns") stays
 * verse, and a name under the title is a byline, no subtitle. */
static void test_cast_list(void)
{
    const char *t = "The Ferry at Night\nA Comedy in One Act\n\nTHE PERSONS\n\n"
                    "Tom Ashby, a Ferryman\nMary Ashby, his Wife\nThe Traveller\n\n"
                    "The ferry house at night, the river seen through the window at the back "
                    "of the room, and a lamp on the table.\n\n"
                    "The river runs, the river turns,\nAnd no one knows the way\n"
                    "It went before the miller came\n";
    rt_result r = read_wrap("cast.txt", t, IMPRINT_WRAP_AUTO);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Ferry at Night");
    g_assert_cmpstr(a->as.article.subtitle, ==, "A Comedy in One Act");
    assert_kinds(a, "HPPV");
    g_assert_cmpint(rt_child(rt_child(a, 1), 1)->kind, ==, IMPRINT_NODE_LINEBREAK);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "3 lines of names"));
    rt_result_free(&r);
    r = read_wrap("byline.txt", "The Ferry at Night\nBy Mary Ashby\n\nThe text of it.\n",
                  IMPRINT_WRAP_AUTO);
    g_assert_null(rt_article(&r, 0)->as.article.subtitle);
    rt_result_free(&r);
}

/* A play of "Jack.  text" turns: its first-night cast ("Jack Worthing:
 * Mr. Alexander.") and "TIME: The Present." name no speaker; nor do the
 * same colon lines in a file with no such turns: three labels, each once,
 * are no question and its answer (SPEECH_EXCHANGE_MAX_SINGLES). */
static void test_play_cast_colons(void)
{
    GString *s = g_string_new("THE FERRY\n\nJack Worthing: Mr. George Dale.\n"
                              "Mary Holt: Miss Ellen Ford.\n\nTIME: The Present.\n\n");
    GString *cast = g_string_new(s->str);
    for (int k = 0; k < 4; k++)
        g_string_append(s, "Jack.  Is the boat in yet?\n\nMary.  It is, but the ferryman is at "
                           "supper.\n\n");
    rt_result r = read_wrap("play.txt", s->str, IMPRINT_WRAP_AUTO);
    int speeches = 0;
    for (imprint_node *c = rt_article(&r, 0)->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_SPEECH) {
            speeches++;
            g_assert_true(strcmp(c->as.speech.speaker, "Jack") == 0 ||
                          strcmp(c->as.speech.speaker, "Mary") == 0);
        }
    g_assert_cmpint(speeches, ==, 8);
    rt_result_free(&r);
    r = read_wrap("cast.txt", cast->str, IMPRINT_WRAP_AUTO);
    speeches = 0;
    for (imprint_node *c = rt_article(&r, 0)->first_child; c; c = c->next)
        speeches += c->kind == IMPRINT_NODE_SPEECH;
    g_assert_cmpint(speeches, ==, 0);
    rt_result_free(&r);
    g_string_free(s, TRUE);
    g_string_free(cast, TRUE);
}

/* A transcribed book: notes numbered "[01]" (two digits) at each
 * chapter's end; "[01] through [03]" in the transcriber's note names them
 * and a legend line "[1]  = a whole note" opens its paragraph: neither is
 * a marker. "Here are the lines …:" over indented verse leads in to it;
 * "The Vicar's Book", set apart by two blank lines, is still a heading.
 * The numbered chapters stay one level. */
static void test_transcribed_book(void)
{
    rt_result r = read_shape("transcribed_book.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note) {
        g_assert_nonnull(n->as.note.first_ref);
        g_assert_true(n->as.note.first_ref == n->as.note.last_ref);
    }
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 1)), "here [01] through [03] and"));
    const char *heads[] = {"TRANSCRIBER\u2019S NOTE", "I. THE FIRST SONGS", "II. THE CHURCH SONGS",
                           "The Vicar\u2019s Book"};
    const int levels[] = {1, 1, 1, 2};
    int h = 0;
    for (imprint_node *c = a->first_child; c; c = c->next) {
        if (c->kind == IMPRINT_NODE_HEADING) {
            g_assert_cmpint(h, <, 4);
            g_assert_cmpstr(rt_text(&r, c), ==, heads[h]);
            g_assert_cmpint(c->as.heading.level, ==, levels[h++]);
        }
        if (c->kind == IMPRINT_NODE_PARAGRAPH && strstr(rt_text(&r, c), "Here are the lines"))
            g_assert_cmpint(c->next->kind, ==, IMPRINT_NODE_QUOTE);
    }
    g_assert_cmpint(h, ==, 4);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, ""));
    rt_result_free(&r);
}

/* ---- speech and quotations ------------------------------------------ */

/* A transcript: a paragraph without a name is the turn's above it; an
 * editor's "Note:" is not. */
static void test_transcript(void)
{
    rt_result r = read_shape("transcript.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSP");
    imprint_node *dale = rt_child(a, 1);
    g_assert_cmpstr(dale->as.speech.speaker, ==, "Mr. Dale");
    g_assert_cmpint(rt_count_children(dale), ==, 2);
    g_assert_true(g_str_has_prefix(rt_text(&r, a->last_child), "Note: the bridge"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "a transcript: 4 of its 6 paragraphs"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A machine transcript: "[Speaker 1] [00:00] text", a line a turn, the
 * voices numbered and in brackets, the time stamp kept at the head of
 * the turn's words; "[Speaker 2]: text" with a colon; "[Laughter] [00:17]"
 * is a sound, no voice, though it recurs. */
static void test_transcript_voices(void)
{
    rt_result r = read_shape("transcript_voices.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSPSSSPS");
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "Speaker 1");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 0)), "[00:00] Good evening"));
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 7)), "[01:02:10] The grant"));
    g_assert_cmpstr(rt_child(a, 9)->as.speech.speaker, ==, "Speaker 2");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 9)), ==, "Then the ferry stops in October.");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 4)), "[Laughter] [00:17]"));
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "(8 turns of 3 speakers, the first \"[Speaker 1]\")"));
    assert_words(&r);
    rt_result_free(&r);
}

/* "Speaker 1: text", the voice's number ending its name, and a paragraph
 * without a name going on the turn above it. */
static void test_transcript_numbered(void)
{
    rt_result r = read_shape("transcript_numbered.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSS");
    g_assert_cmpstr(rt_child(a, 1)->as.speech.speaker, ==, "Speaker 2");
    g_assert_cmpint(rt_count_children(rt_child(a, 1)), ==, 2);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a series of"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Its lookalikes: a transcriber's corrections "Page 12: …" (recurring,
 * a page's number, no voice's; the second line no source of the first),
 * "Step 1:" and "Step 2:" once each, "Dear Sir:" over a letter, and
 * "[Laughter]", "[Note]" without a time stamp are paragraphs. */
static void test_transcript_voices_lookalike(void)
{
    rt_result r = read_shape("transcript_voices_lookalike.txt");
    assert_kinds(rt_article(&r, 0), "PPPPPPPPPPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a transcript"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "block quote"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A court's or an interview's export: "Justice Wagner (00:01:18): text",
 * the time stamp between the name and its colon kept at the head of the
 * words; its lookalikes, a plan's "Lunch (12:30):" lines, each once, and
 * a record's "Track 2 (03:15):" (a numbering word), are no turns. */
static void test_transcript_stamped(void)
{
    rt_result r = read_shape("transcript_stamped.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSSS");
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "Justice Wagner");
    g_assert_cmpstr(rt_child(a, 1)->as.speech.speaker, ==, "Speaker 1");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 2)), ==, "(00:03:02) And at a loss?");
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_stamped_lookalike.txt");
    g_assert_false(any_speech(&r));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a transcript"));
    assert_words(&r);
    rt_result_free(&r);
}

/* An interview's export: "Speaker 1 (00:00:00):" on a line of its own,
 * the words on the lines right under it; the name as printed keeps its
 * time stamp, as a play's keeps its direction. Its lookalike, a record's
 * "Track 2 (03:15):" over each tune (a numbering word, though it recurs),
 * is no one's. */
static void test_transcript_name_lines(void)
{
    rt_result r = read_shape("transcript_name_lines.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSS");
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "Speaker 1 (00:00:00)");
    g_assert_cmpint(rt_count_children(rt_child(a, 3)), ==, 2);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "a transcript: 6 speeches"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_name_lines_lookalike.txt");
    g_assert_false(any_speech(&r));
    assert_words(&r);
    rt_result_free(&r);
}

/* An interview's transcript with each name alone on its line, a colon
 * after it, the words right under it ("Ada Pringle:" over her answer):
 * the names recur and one is no word of the text in small letters. Its
 * lookalike, recipes whose "Ingredients:" and "Method:" recur as often,
 * are labels: both words are found in small letters in the text. */
static void test_transcript_colon_names(void)
{
    rt_result r = read_shape("transcript_colon_names.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PSSSSSS");
    g_assert_cmpstr(rt_child(a, 1)->as.speech.speaker, ==, "Interviewer");
    g_assert_cmpstr(rt_child(a, 2)->as.speech.speaker, ==, "Ada Pringle");
    g_assert_cmpint(rt_count_children(rt_child(a, 4)), ==, 2);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 5, "a transcript: 6 speeches"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_colon_names_lookalike.txt");
    g_assert_false(any_speech(&r));
    assert_words(&r);
    rt_result_free(&r);
}

/* The same transcript with a blank line under each name ("Ada Pringle:" /
 * blank / her words): names of two words are speakers still. Its
 * lookalike, a manual's one-word labels in small letters set apart so
 * ("Usage:", "Options:", recurring), are no one's. */
static void test_transcript_names_apart(void)
{
    rt_result r = read_shape("transcript_names_apart.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSS");
    g_assert_cmpstr(rt_child(a, 1)->as.speech.speaker, ==, "Tom Barrow");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "Every day.");
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_names_apart_lookalike.txt");
    g_assert_false(any_speech(&r));
    assert_words(&r);
    rt_result_free(&r);
}

/* A play in verse whose names stand alone with a colon over the lines
 * ("FERRYMAN:" over a couplet): each speech holds its lines as verse; a
 * speech of one line is a paragraph, and the interview above, whose lines
 * under a name are prose, holds none. */
static void test_play_colon_verse(void)
{
    rt_result r = read_shape("play_colon_verse.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSS");
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "FERRYMAN");
    assert_kinds(rt_child(a, 0), "V");
    g_assert_cmpint(count_under(rt_child(a, 0), IMPRINT_NODE_LINE), ==, 2);
    assert_kinds(rt_child(a, 3), "P");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "a play: 6 speeches"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_colon_names.txt");
    g_assert_cmpint(count_under(rt_article(&r, 0), IMPRINT_NODE_VERSE), ==, 0);
    rt_result_free(&r);
}

/* A charter's clauses, "(1) …" over "(2) …" over "(3) …": one list, the
 * numbers kept in the words, reported. Its lookalike: a year in brackets
 * "(1854)" and a paragraph opening "(2) of the old rules" with no "(1)"
 * before it stay prose. */
static void test_paren_items(void)
{
    rt_result r = read_shape("paren_items.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HPHLHP");
    imprint_node *list = rt_child(a, 3);
    g_assert_cmpint(list->as.list.style, ==, IMPRINT_LIST_PLAIN);
    g_assert_cmpint(rt_count_children(list), ==, 3);
    g_assert_cmpstr(rt_text(&r, list->first_child), ==,
                    "(1) Books are fetched by the staff and may not leave the room.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "taken as a list"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("paren_items_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "PPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as a list"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A call's export with the time stamp before each name ("[00:00:02]
 * Speaker 1: text", "00:01:05 Maria: text"): the name is the speaker, the
 * stamp stays at the head of the words. Its lookalike, a day's programme
 * ("9:00 Registration: tea…"), each label once, is no one's. */
static void test_transcript_lead_stamps(void)
{
    rt_result r = read_shape("transcript_lead_stamps.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSSSS");
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "Speaker 1");
    g_assert_cmpstr(rt_child(a, 3)->as.speech.speaker, ==, "Speaker 3");
    g_assert_cmpstr(rt_child(a, 6)->as.speech.speaker, ==, "Maria");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 6)), ==, "00:01:05 And the towpath, before we close?");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==,
                    "[00:00:07] I can hear you. The signal on the canal is poor today.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "a transcript"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_lead_stamps_lookalike.txt");
    g_assert_false(any_speech(&r));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a transcript"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Otter's export: "Ana  0:00" alone on its line over the words (a line
 * of a few columns over one of a hundred, no wrapper's break), a voice
 * heard once ("Unknown Speaker  0:29") a turn too, as its time stamp marks
 * it. Its lookalike, a timetable's "Morning  7:15" over each crossing, all
 * names heard once, is no one's. */
static void test_transcript_otter(void)
{
    rt_result r = read_shape("transcript_otter.txt");
    imprint_node *a = rt_article(&r, 0);
    /* (the service's credit, a block after the last turn, is nobody's:
     * every turn is one block) */
    assert_kinds(a, "SSSSSSSSSSSSSSP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 14)), ==, "Transcribed by https://otter.ai");
    g_assert_cmpstr(rt_child(a, 3)->as.speech.speaker, ==, "Unknown Speaker 0:29");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 3)), ==, "Sorry, can you hear me now?");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "a transcript: 14 speeches"));
    /* (the short name lines over long ones are no wrapper's breaks) */
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hard-wrapped"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_otter_lookalike.txt");
    g_assert_false(any_speech(&r));
    assert_words(&r);
    rt_result_free(&r);
}

/* Where a turn's words go on after a blank line ("Speaker 2 (00:00:06):"
 * over two paragraphs), the format does not give every paragraph its
 * name: a paragraph after a turn stays the turn's, the last one's too. */
static void test_transcript_name_blocks_lookalike(void)
{
    rt_result r = read_shape("transcript_name_blocks_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSS");
    /* (its short turns under their stamped names are no stanzas) */
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "verse: most runs"));
    g_assert_cmpint(rt_count_children(rt_child(a, 1)), ==, 2);
    g_assert_cmpint(rt_count_children(rt_child(a, 5)), ==, 2);
    assert_words(&r);
    rt_result_free(&r);
}

/* One voice's recording: "Unknown Speaker  0:05" over every turn, its
 * times going on (one_recording), PLAY_SPAN_MIN_TURNS turns and more, is a
 * transcript, though two names recur in none. Its lookalike, a plan's
 * "Run  10:00" over each stretch, its times going back and forth, is
 * no one's; and one turn fewer than PLAY_SPAN_MIN_TURNS is none. */
static void test_transcript_one_voice(void)
{
    rt_result r = read_shape("transcript_one_voice.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "SSSSSSSSSSSSSP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "1 name heard often"));
    /* (its first turn, "Unknown Speaker  0:05" over "Alrighty, that is",
     * no title over its subtitle: stamped_turns) */
    g_assert_null(a->as.article.title);
    assert_words(&r);
    rt_result_free(&r);
    /* a sermon's "John 3:16" over its subtitle stays its title */
    const char *sermon = "John 3:16\nA Sermon for Easter Morning\n\nFor God so loved the world, "
                         "the verse begins, and we begin with it.\n";
    r = rt_read_buffer("sermon.txt", sermon, strlen(sermon), NULL);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "John 3:16");
    rt_result_free(&r);
    r = read_shape("transcript_one_voice_lookalike.txt");
    g_assert_false(any_speech(&r));
    assert_words(&r);
    rt_result_free(&r);
    for (int more = 0; more < 2; more++) {
        GString *t = g_string_new(NULL);
        for (int k = 0; k < PLAY_SPAN_MIN_TURNS - 1 + more; k++)
            g_string_append_printf(t,
                                   "Unknown Speaker  %d:%02d  \nThe words of turn %d, "
                                   "a sentence long enough to be one.\n\n",
                                   k / 6, k * 10 % 60, k);
        r = rt_read_buffer("one.txt", t->str, t->len, NULL);
        g_assert_cmpint(any_speech(&r), ==, more);
        rt_result_free(&r);
        g_string_free(t, TRUE);
    }
}

/* A recording's export that names no one: "0:21" alone over the words of
 * each paragraph; the stamp heads its paragraph's words. Its lookalike, a
 * time trial's column of times, each right under the other, keeps each
 * time its own line. */
static void test_transcript_stamps_only(void)
{
    rt_result r = read_shape("transcript_stamps_only.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_count_children(a), ==, 17);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==,
                    "0:24 Everybody really just about literally everybody was growing Red "
                    "Delicious back then.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "16 lines holding only a time stamp"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("transcript_stamps_only_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "24:12");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 5)), ==, "27:19");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "holding only a time stamp"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Bullets pasted from a word processor nest by their glyph, at one
 * indent: "◦" under "•" is a list inside the item above, "•" again the
 * outer list. Its lookalike, "-" and "*" items mixed, is one list. */
static void test_bullets_nested(void)
{
    rt_result r = read_shape("bullets_nested.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PLP");
    imprint_node *list = rt_child(a, 1);
    g_assert_cmpint(rt_count_children(list), ==, 3);
    imprint_node *sub = list->first_child->last_child;
    g_assert_cmpint(sub->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpint(rt_count_children(sub), ==, 2);
    g_assert_cmpint(list->last_child->last_child->kind, ==, IMPRINT_NODE_LIST);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "a list inside the item above"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("bullets_nested_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "PLP");
    g_assert_cmpint(rt_count_children(rt_child(a, 1)), ==, 4);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a list inside the item above"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Sidenotes a transcriber set in diamonds: "♦The old quays.♦" on a line
 * of its own, and "♦Harbour dues.♦ These dues…" inside a paragraph (one
 * over two lines), each a sidenote before its paragraph, the paragraph
 * reading on without it. Its lookalikes: the transcriber's note that
 * shows the mark ("symbols: ♦sidenote text♦."), and a bridge hand's
 * suits ("♦ A K 7", "this: ♦overtrick♦."), no sentence round them, stay
 * text. */
static void test_sidenotes_diamonds(void)
{
    rt_result r = read_shape("sidenotes_diamonds.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PHMMMPMP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 3)), ==, "Harbour dues.");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "The harbour masters.");
    const char *para = rt_text(&r, rt_child(a, 5));
    g_assert_nonnull(strstr(para, "fall to ruin. These dues varied"));
    g_assert_nonnull(strstr(para, "what he could. The first harbour masters"));
    g_assert_null(strstr(para, "\u2666"));
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "\u2666sidenote text\u2666."));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "4 sidenotes set in diamonds"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("sidenotes_diamonds_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_SIDENOTE), ==, 0);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "set in diamonds"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Words of a user's own above a Project Gutenberg header (a reading
 * list that quotes the book) are no part of the header: kept, the header
 * set aside from its "The Project Gutenberg eBook of" line. */
static void test_gutenberg_preamble(void)
{
    rt_result r = read_shape("gutenberg_preamble.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 0)), "Reading for the second week"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "lines 4-18: the Project Gutenberg header"));
    g_assert_cmpstr(a->as.article.title, ==, "The Harbour Book");
    rt_result_free(&r);
    /* its lookalike: an old header that opens with asterisks, "***The
     * Project Gutenberg's Etext of …***", a "Project Gutenberg's" line
     * below it, is the header from its first line */
    r = read_shape("gutenberg_preamble_lookalike.txt");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines 1-13: the Project Gutenberg header"));
    g_assert_null(strstr(rt_text(&r, rt_article(&r, 0)), "Copyright laws"));
    rt_result_free(&r);
}

/* After a book's contents and a part of them ("MAPS." over entries with
 * their pages), a heading over a table ("TOLLS OF THE CANAL." over rows
 * of three columns, no page among them) heads a table, no part of the
 * contents; the part with its pages stays in them. */
static void test_contents_then_table(void)
{
    rt_result r = read_shape("contents_then_table.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HLHTHP");
    g_assert_true(rt_child(a, 1)->as.list.contents);
    g_assert_cmpint(rt_count_children(rt_child(a, 1)), ==, 6);
    g_assert_cmpint(rt_count_children(rt_child(a, 3)), ==, 5);
    assert_words(&r);
    rt_result_free(&r);
}

/* A chronology's dates ("June 17.  The company's meeting", "June 20.")
 * are no series of numbered headings, as "PSALM 23." … "PSALM 25." over
 * their texts, its lookalike, are. */
static void test_chronology_dates(void)
{
    rt_result r = read_shape("chronology_dates.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_HEADING), ==, 0);
    g_assert_cmpint(rt_count_children(a), ==, 7);
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("chronology_dates_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "HPPHPPHPP"); /* (its two lines apiece, unwrapped) */
    rt_result_free(&r);
}

/* Names that speak together on a line of their own ("ROPER AND BLAND.",
 * "JANE, ROPER, and BLAND.") head a turn, each name one that speaks
 * alone too. Its lookalike, "LORDS AND LADIES." (no lord and no lady
 * heard alone), heads none. */
static void test_play_groups(void)
{
    rt_result r = read_shape("play_groups.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HSSSSSSSSSS");
    g_assert_cmpstr(rt_child(a, 7)->as.speech.speaker, ==, "ROPER AND BLAND");
    g_assert_cmpstr(rt_child(a, 9)->as.speech.speaker, ==, "JANE, ROPER, and BLAND");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 9)), ==, "At last!");
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("play_groups_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "HSSSSSHPS");
    assert_words(&r);
    rt_result_free(&r);
}

/* A transcriber's bold, "=The First Cut.=", is bold where the file has
 * BOLD_EQUALS_MIN_SPANS such spans; "F = n f = 12 x 8" and "x=2", its
 * lookalike, keep their signs. */
static void test_bold_equals(void)
{
    rt_result r = read_shape("bold_equals.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *first = rt_child(a, 1)->first_child;
    g_assert_cmpint(first->kind, ==, IMPRINT_NODE_STRONG);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "The First Cut. By A. HALE. With 2 Maps.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "4 spans written =so= taken as bold"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("bold_equals_lookalike.txt");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as bold"));
    assert_words(&r);
    rt_result_free(&r);
    /* BOLD_EQUALS_MIN_SPANS from both sides */
    for (int more = 0; more < 2; more++) {
        GString *t = g_string_new("A List\n\n");
        for (int k = 0; k < BOLD_EQUALS_MIN_SPANS - 1 + more; k++)
            g_string_append_printf(t, "=Book %d.= A book of the series.\n\n", k + 1);
        r = rt_read_buffer("eq.txt", t->str, t->len, NULL);
        a = rt_article(&r, 0);
        g_assert_cmpint(a->first_child->first_child->kind == IMPRINT_NODE_STRONG, ==, more);
        rt_result_free(&r);
        g_string_free(t, TRUE);
    }
}

/* A publisher's list set in, each entry a line whose turned-over lines
 * are set in deeper ("_The Old Breakwater._ By the Rev. T. ASHDOWN, … With"
 * / "    a Plan of the Harbour …"): one plain list, an entry an item, its
 * lines joined. Its lookalikes: a ballad set in with every other line
 * deeper (short lines, no wrapper's breaks) stays verse line by line, and
 * a quotation whose paragraphs open deeper than they go on stays quoted
 * prose. */
static void test_hanging_entries(void)
{
    rt_result r = read_shape("hanging_entries.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPLP");
    imprint_node *list = rt_child(a, 3);
    g_assert_cmpint(list->as.list.style, ==, IMPRINT_LIST_PLAIN);
    g_assert_cmpuint(count_under(list, IMPRINT_NODE_ITEM), ==, 5);
    g_assert_cmpstr(rt_text(&r, list->first_child), ==,
                    "The Old Breakwater. By the Rev. T. ASHDOWN, Vicar of the Parish. With a Plan "
                    "of the Harbour and two Drawings.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 17,
                              "5 entries set with hanging indents: each entry's turned-over lines "
                              "joined to it (to line 28)"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("hanging_entries_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hanging indents"));
    assert_kinds(a, "PQPPQQP");
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LIST), ==, 0);
    g_assert_cmpuint(count_under(rt_child(a, 1), IMPRINT_NODE_LINE), ==, 10);
    assert_words(&r);
    rt_result_free(&r);
}

/* Reads `n` entries set in by two columns between prose wrapped at 70,
 * the first `turned` of them turned over at column `depth` under a head
 * line ending at column `end` ("With a Map." turned over, its first word
 * four columns); whether they are taken as hanging entries. */
static bool reads_hanging(int n, int turned, unsigned depth, unsigned end)
{
    const char *prose = "The harbour was rebuilt in the year of the great storm, of the stones\n"
                        "brought by sea from the quarries along the coast, and it has stood so\n"
                        "since with no more than the repairs any wall of its age will need, and\n"
                        "the sea comes over it in every gale of the winter months, as it did in\n"
                        "the days of the old pilots, who kept a lantern lit on the end of it at\n"
                        "night, and it still stands there for the boats to come home by it now.\n";
    GString *s = g_string_new("THE HARBOUR\n\n");
    for (int k = 0; k < 3; k++)
        g_string_append_printf(s, "%s\n", prose);
    for (int k = 0; k < n; k++) {
        GString *head = g_string_new(NULL);
        g_string_printf(head, "  _Book %d._ By the Rev. T. ASHDOWN.", k + 1);
        if (k < turned) {
            g_string_append(head, " Drawn ");
            while (head->len < end)
                g_string_append_c(head, 'a');
            g_string_append_printf(head, "\n%*sWith a Map.", (int)depth, "");
        }
        g_string_append_printf(s, "%s\n\n", head->str);
        g_string_free(head, TRUE);
    }
    g_string_append(s, prose);
    rt_result r = rt_read_buffer("hanging.txt", s->str, s->len, NULL);
    bool taken = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "set with hanging indents");
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return taken;
}

/* HANGING_RUN_MIN, HANGING_MIN_TURNED, HANGING_MAX_DEPTH and
 * HANGING_WIDTH_SLACK, each from both sides. */
static void test_hanging_limits(void)
{
    unsigned taken_end = 70 - HANGING_WIDTH_SLACK - 4; /* "With" comes 1 column past the slack */
    g_assert_false(reads_hanging(HANGING_RUN_MIN - 1, HANGING_RUN_MIN - 1, 4, taken_end));
    g_assert_true(reads_hanging(HANGING_RUN_MIN, HANGING_RUN_MIN, 4, taken_end));
    g_assert_false(reads_hanging(HANGING_RUN_MIN + 1, HANGING_MIN_TURNED - 1, 4, taken_end));
    g_assert_true(reads_hanging(HANGING_RUN_MIN + 1, HANGING_MIN_TURNED, 4, taken_end));
    g_assert_true(
        reads_hanging(HANGING_RUN_MIN, HANGING_RUN_MIN, 2 + HANGING_MAX_DEPTH, taken_end));
    g_assert_false(
        reads_hanging(HANGING_RUN_MIN, HANGING_RUN_MIN, 2 + HANGING_MAX_DEPTH + 1, taken_end));
    g_assert_false(reads_hanging(HANGING_RUN_MIN, HANGING_RUN_MIN, 4, taken_end - 1));
}

/* In wrapped prose, a note set in with a hanging indent, its emphasis
 * opened on the first line and closed two lines below ("_Dates … in" /
 * "order that …" / "side by side._"), is one paragraph in emphasis, no
 * mark left. Its lookalike, a list of illustrations whose entries turn
 * over so ("_From sketch" / "by J. Hale, …"), is no prose: its lines are
 * not joined. */
static void test_wrapped_emphasis_hanging(void)
{
    rt_result r = read_shape("wrapped_emphasis_hanging.txt");
    imprint_node *a = rt_article(&r, 0);
    const char *all = rt_text(&r, a);
    g_assert_null(strchr(all, '_'));
    g_assert_nonnull(strstr(all, "given in italics, in order that the reader"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("wrapped_emphasis_hanging_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_null(strstr(rt_text(&r, a), "_From sketch by J. Hale"));
    rt_result_free(&r);
}

/* Emphasis on the first part of a word ("_horse_man", "_news_paper's"):
 * the part in emphasis, the rest of the word after it. Its lookalikes,
 * "lock_keeper.conf", "snake_case" and "__init__", keep their marks. */
static void test_emphasis_word_part(void)
{
    rt_result r = read_shape("emphasis_word_part.txt");
    imprint_node *p = rt_child(rt_article(&r, 0), 0);
    imprint_node *emph = p->first_child->next;
    g_assert_cmpint(emph->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_cmpstr(emph->first_child->as.text.text, ==, "horse");
    g_assert_true(g_str_has_prefix(emph->next->as.text.text, "man once"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("emphasis_word_part_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    for (imprint_node *c = a->first_child; c; c = c->next)
        for (imprint_node *t = c->first_child; t; t = t->next)
            g_assert_cmpint(t->kind, ==, IMPRINT_NODE_TEXT);
    g_assert_nonnull(strstr(rt_text(&r, a), "lock_keeper.conf"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Emphasis carried over lines that stay lines: a stanza's "_Slow goes
 * the horse …" / "… on the water,_", a caption's "by _Ann" / "Hale_,",
 * each line's words in emphasis and no mark left. Its lookalikes: a mark
 * whose partner stands CARRIED_EMPHASIS_MAX_LINES + 1 lines below (a
 * stray), and "file_name", "snake_case", keep their marks. */
static void test_emphasis_over_lines(void)
{
    rt_result r = read_shape("emphasis_over_lines.txt");
    const char *all = rt_text(&r, rt_article(&r, 0));
    g_assert_null(strchr(all, '_'));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "2 emphases written over lines"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("emphasis_over_lines_lookalike.txt");
    all = rt_text(&r, rt_article(&r, 0));
    g_assert_nonnull(strstr(all, "_Down the long pound"));
    g_assert_nonnull(strstr(all, "file_name"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "written over lines"));
    rt_result_free(&r);
    /* CARRIED_EMPHASIS_MAX_LINES from both sides */
    for (int more = 0; more < 2; more++) {
        GString *t = g_string_new("Songs\n\n    _The first line of the song,\n");
        for (int k = 1; k < CARRIED_EMPHASIS_MAX_LINES + more; k++)
            g_string_append_printf(t, "    And line %d of the song,\n", k + 1);
        g_string_append(t, "    The last line_ of the song.\n");
        r = rt_read_buffer("song.txt", t->str, t->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "written over lines"), ==, !more);
        rt_result_free(&r);
        g_string_free(t, TRUE);
    }
}

/* An emphasis inside another, EMPHASIS_MAX_NESTING deep ("_SCENE,
 * _Roper's_ Landing._", a stage direction's "_petite_"): both set, no mark
 * left. Its lookalikes: a stray "_mark" opens nothing, and a third level
 * keeps marks of its own. */
static void test_emphasis_nested(void)
{
    rt_result r = read_shape("emphasis_nested.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_null(strchr(rt_text(&r, a), '_'));
    imprint_node *outer = rt_child(a, 0)->first_child;
    g_assert_cmpint(outer->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_cmpint(outer->first_child->next->kind, ==, IMPRINT_NODE_EMPH);
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("emphasis_nested_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "A stray _mark opens"));
    g_assert_nonnull(strchr(rt_text(&r, rt_child(a, 1)), '_'));
    rt_result_free(&r);
}

/* A play's last lines, "ENDE." over "THE END." over its rule, and the
 * book's "ERRATA." after it, are no one's speeches, though each stands
 * in capitals over text as a name does; "FINN." (no "fin") speaks. */
static void test_play_end_words(void)
{
    rt_result r = read_shape("play_end_words.txt");
    imprint_node *a = rt_article(&r, 0);
    guint speeches = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_SPEECH) {
            speeches++;
            g_assert_true(strcmp(c->as.speech.speaker, "ROPER") == 0 ||
                          strcmp(c->as.speech.speaker, "FINN") == 0);
        }
    g_assert_cmpuint(speeches, ==, 8);
    assert_words(&r);
    rt_result_free(&r);
}

/* A play's direction set in over two lines, bracketed whole and in
 * emphasis, its break after a full stop ("(_Halla and Kari stand silent
 * … gone." / "Then Kari takes the lantern … lights it._)"), is one
 * paragraph of prose, no verse. Its lookalike, a bracketed verse
 * translation ("(“The wave draws near …" / "Amid the floods …”)"),
 * keeps its lines. */
static void test_play_bracketed_direction(void)
{
    rt_result r = read_shape("play_bracketed_direction.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_VERSE), ==, 0);
    g_assert_nonnull(strstr(rt_text(&r, a), "has gone. Then Kari takes the lantern"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("play_bracketed_direction_lookalike.txt");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 27, "lines taken as verse"));
    rt_result_free(&r);
}

/* READ_SPEAKER_MAX_DIGITS (3): "Speaker 123" is a voice, "Speaker 1234"
 * (a year, a count) none. */
static void test_speaker_digits_limit(void)
{
    for (int digits = 3; digits <= 4; digits++) {
        const char *a = digits == 3 ? "Speaker 123" : "Speaker 1234";
        const char *b = digits == 3 ? "Speaker 124" : "Speaker 1244";
        GString *t = g_string_new("A Call\n\n");
        for (int k = 0; k < 3; k++)
            g_string_append_printf(t,
                                   "%s: The boat ran late again today.\n\n"
                                   "%s: It did, by ten minutes.\n\n",
                                   a, b);
        rt_result r = rt_read_buffer("digits.txt", t->str, t->len, NULL);
        imprint_node *first = rt_article(&r, 0)->first_child;
        g_assert_cmpint(first->kind == IMPRINT_NODE_SPEECH, ==, digits == 3);
        if (digits == 3)
            g_assert_cmpstr(first->as.speech.speaker, ==, "Speaker 123");
        rt_result_free(&r);
        g_string_free(t, TRUE);
    }
}

/* TRANSCRIPT_TURN_SHARE: an essay that quotes one exchange is no
 * transcript; the paragraphs after the exchange are the essay's. */
static void test_essay_exchange(void)
{
    rt_result r = read_shape("essay_exchange.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PSSSSPPPPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a transcript"));
    rt_result_free(&r);
}

/* A story's quoted dialogue stays paragraphs; a cited paragraph in an
 * essay is a block quote. */
static void test_dialogue_and_quote(void)
{
    rt_result r = read_shape("dialogue.txt");
    assert_kinds(rt_article(&r, 0), "PPPPPPPP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "are dialogue here"));
    rt_result_free(&r);
    r = read_shape("cited.txt");
    assert_kinds(rt_article(&r, 0), "PQP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "are dialogue here"));
    rt_result_free(&r);
}

/* DIALOGUE_MIN_QUOTED: fewer quoted paragraphs say nothing of a story. */
static void test_dialogue_min_quoted(void)
{
    for (int n = DIALOGUE_MIN_QUOTED - 1; n <= DIALOGUE_MIN_QUOTED; n++) {
        GString *s = g_string_new("A Story\n\n");
        for (int k = 0; k < n; k++)
            g_string_append(s, "\u201cWe are late,\u201d she said, and went on.\n\n");
        rt_result r = read_wrap("story.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "are dialogue here"), ==,
                        n >= DIALOGUE_MIN_QUOTED);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* "* * *", "---" and a rule of dashes ("—————", indented too) are breaks;
 * a name left blank ("——,") is text; "* item" lines a list, not notes. */
static void test_breaks(void)
{
    rt_result r = read_shape("breaks.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PBPBPBPBL");
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 6)), "only as \u2014\u2014, of No."));
    g_assert_cmpint(a->as.article.note_count, ==, 0);
    rt_result_free(&r);
}

/* "_so_" and "*so*" are emphasis; "file_name_list", "2 * 3" and a lone
 * mark are not. */
static void test_emphasis(void)
{
    rt_result r = read_shape("emphasis.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *p = rt_child(a, 0);
    g_assert_cmpint(rt_child(p, 1)->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_cmpstr(rt_text(&r, rt_child(p, 1)), ==, "The Times");
    g_assert_cmpint(rt_child(p, 3)->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_cmpstr(rt_text(&r, rt_child(p, 3)), ==, "urgent");
    g_assert_nonnull(strstr(rt_text(&r, p), "file_name_list"));
    imprint_node *q = rt_child(a, 1);
    g_assert_cmpint(rt_count_children(q), ==, 1);
    g_assert_nonnull(strstr(rt_text(&r, q), "2 * 3 * 4"));
    g_assert_nonnull(strstr(rt_text(&r, q), "a _lone mark"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "2 spans written _so_"));
    rt_result_free(&r);
    /* after Gutenberg's "--" a mark opens too; a lone one still stays */
    r = read_wrap("dash.txt", "A Title\n\nAs you can--_nota bene_, and the rest--_so on.\n",
                  IMPRINT_WRAP_AUTO);
    p = rt_child(rt_article(&r, 0), 0);
    g_assert_cmpint(rt_child(p, 1)->kind, ==, IMPRINT_NODE_EMPH);
    g_assert_cmpstr(rt_text(&r, rt_child(p, 1)), ==, "nota bene");
    g_assert_nonnull(strstr(rt_text(&r, p), "rest--_so on."));
    rt_result_free(&r);
}

/* ---- a book's front matter ------------------------------------------ */

/* "by" and the name under the title are its author; the lines under
 * "Contents" a list of entries, not verse or headings; the signature and
 * its place and date no headings and no new article; a line quoted whole,
 * in capitals, no heading. */
static void test_book_front(void)
{
    rt_result r = read_shape("book_front.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Harbour Book");
    g_assert_nonnull(a->as.article.authors);
    g_assert_cmpstr(a->as.article.authors[0], ==, "Mary Holm");
    assert_kinds(a, "HLHPCHPPQPHP");
    imprint_node *list = rt_child(a, 1);
    g_assert_true(list->as.list.contents);
    g_assert_cmpint(rt_count_children(list), ==, 4);
    g_assert_cmpstr(rt_text(&r, rt_child(list, 1)), ==, "1. The Quay");
    /* the signature and its place and date: one closer */
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "Mary Holm Harbour Town, April, 1901.");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 5)), ==, "1. The Quay");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 12, "a table of contents of 4 entries"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "taken as its author: Mary Holm"));
    rt_result_free(&r);
}

/* "Contents" over prose is a section; a name over prose (no date under
 * it) a heading. */
static void test_contents_lookalike(void)
{
    rt_result r = read_shape("contents_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HPHP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 2)), ==, "John Dale");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "table of contents"));
    rt_result_free(&r);
}

/* CONTENTS_MIN_ENTRIES: fewer lines under "Contents" are text. */
static void test_contents_min_entries(void)
{
    for (int n = CONTENTS_MIN_ENTRIES - 1; n <= CONTENTS_MIN_ENTRIES; n++) {
        GString *s = g_string_new("A Book\n\nContents\n\n");
        for (int k = 0; k < n; k++)
            g_string_append_printf(s, "%d. Chapter Called %c\n", k + 1, 'A' + k);
        g_string_append(s, "\n\nThe text begins here and goes on for a while, as text does.\n");
        rt_result r = read_wrap("contents.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a table of contents"), ==,
                        n >= CONTENTS_MIN_ENTRIES);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* CONTENTS_ENTRY_CHARS: a longer line ends the entries. */
static void test_contents_entry_chars(void)
{
    GString *s = g_string_new("A Book\n\nContents\n\nOne\nTwo\nThree\n");
    for (int k = 0; k < CONTENTS_ENTRY_CHARS + 1; k++)
        g_string_append_c(s, k % 8 == 7 ? ' ' : 'x');
    g_string_append(s, "\n");
    rt_result r = read_wrap("contents.txt", s->str, IMPRINT_WRAP_AUTO);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 5, "a table of contents of 3 entries"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* Whether any text of the document holds `needle`. */
static bool doc_has_text(rt_result *r, const char *needle)
{
    GString *all = g_string_new(NULL);
    for (const imprint_node *a = r->doc->root->first_child; a; a = a->next)
        imprint_node_append_plain(a, all);
    bool found = strstr(all->str, needle) != NULL;
    g_string_free(all, TRUE);
    return found;
}

/* A Project Gutenberg file: header, transcribers' credit and licence left
 * out (each reported), the header's title, subtitle and author on the one
 * article; `boilerplate: keep` keeps every word. */
static void test_gutenberg(void)
{
    rt_result r = read_shape("gutenberg.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Mill at Ashby Ford");
    g_assert_cmpstr(a->as.article.subtitle, ==, "A Tale of the River Country");
    g_assert_nonnull(a->as.article.authors);
    g_assert_cmpstr(a->as.article.authors[0], ==, "Hannah Prewitt");
    assert_kinds(a, "PPPPP");
    g_assert_false(doc_has_text(&r, "Gutenberg"));
    g_assert_false(doc_has_text(&r, "Produced by"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines 1-20: the Project Gutenberg header"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 25, "line 25: the transcribers' credit"));
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 56, "lines 56-71: the Project Gutenberg licence"));
    rt_result_free(&r);

    rt_result k = read_shape_kept("gutenberg.txt");
    g_assert_true(doc_has_text(&k, "START OF THE PROJECT GUTENBERG EBOOK"));
    g_assert_true(doc_has_text(&k, "Produced by"));
    g_assert_true(doc_has_text(&k, "1.A. By reading"));
    g_assert_true(rt_has_diag(&k, IMPRINT_SEV_NOTE, 20, "header and licence kept as text"));
    assert_words(&k);
    rt_result_free(&k);
}

/* A START marker wrapped over two lines by its long title ("…THE WEIR" /
 * "BELOW IT***") is the header's last line, and a title field wrapped
 * after "of" goes on in the title, no subtitle. Lookalike: a marker
 * without its closing stars leaves the line under it in the book, and a
 * field's line under the title that starts a new phrase is its subtitle. */
static void test_gutenberg_wrapped_marker(void)
{
    rt_result r = read_shape("gutenberg_wrapped_marker.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==,
                    "The Mill at Ashby Ford and the Weir Below It, with the Ledgers of the "
                    "Miller\u2019s Daughter");
    g_assert_null(a->as.article.subtitle);
    g_assert_false(doc_has_text(&r, "BELOW IT"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines 1-21: the Project Gutenberg header"));
    assert_kinds(a, "PPPPP");
    rt_result_free(&r);
    r = read_shape("gutenberg_wrapped_marker_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.subtitle, ==, "A Tale of the River Country");
    g_assert_true(doc_has_text(&r, "MILL BOOKS OF THE RIVER COUNTRY"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines 1-20: the Project Gutenberg header"));
    rt_result_free(&r);
}

/* A titled book's title page of lines set apart one by one, display lines
 * among its heads ("(1820-1830.)", "EDITED BY" / "MARY LOCKE."): the whole
 * page paragraphs, not headings, once a line names the book
 * ("THE KEEPER'S LETTERS." for the header's "The Keeper's Letters
 * 1820-1830", its apostrophe typeset); the header's author stands as
 * written. Lookalike: the same page under another title keeps its heads. */
static void test_title_page_display(void)
{
    rt_result r = read_shape("title_page_display.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.authors[0], ==, "Mary Locke");
    for (int k = 0; k < 5; k++)
        g_assert_cmpint(rt_child(a, k)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpint(rt_child(a, 5)->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 5)), ==, "CONTENTS");
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "5 lines at the top read as the title page"));
    rt_result_free(&r);
    r = read_shape("title_page_display_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpint(rt_child(a, 0)->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "read as the title page"));
    rt_result_free(&r);
}

/* An etext of the 1990s: its header runs to the end of the small print
 * (no START marker) and names the book in its first line; its last line
 * "End of The Project Gutenberg Etext of …" is left out too. Without the
 * small print, the same first line is the text's. */
static void test_gutenberg_etext(void)
{
    rt_result r = read_shape("gutenberg_etext.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Ferry Book");
    g_assert_false(doc_has_text(&r, "Gutenberg"));
    g_assert_false(doc_has_text(&r, "SMALL PRINT"));
    g_assert_false(doc_has_text(&r, "produced by"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "lines 1-13: the Project Gutenberg header"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 16, "lines 16-17: the transcribers' credit"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 34, "line 34: the Project Gutenberg licence"));
    rt_result_free(&r);

    r = read_wrap("etext.txt",
                  "The Project Gutenberg Etext of The Ferry Book\n\nThe ferry crossed the river "
                  "every half hour from seven in the morning until the last light.\n",
                  IMPRINT_WRAP_AUTO);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==,
                    "The Project Gutenberg Etext of The Ferry Book");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "the Project Gutenberg header"));
    rt_result_free(&r);
}

/* An essay that quotes the markers inside its sentences is left whole. */
static void test_gutenberg_lookalike(void)
{
    rt_result r = read_shape("gutenberg_lookalike.txt");
    g_assert_true(doc_has_text(&r, "START OF THE PROJECT GUTENBERG EBOOK"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "Project Gutenberg"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A Project Gutenberg file cut at its markers: the transcribers' credit
 * that names the proofreaders and the "End of the Project Gutenberg EBook"
 * line at the end are left out, each reported; the title set one phrase a
 * line ("… YEAR;" / "OR," / "_A RECORD …_.") is one title, its emphasis
 * marks gone, over its byline. Lookalike: a pamphlet produced by someone
 * else, and an "End of …" line inside the text, stay text. */
static void test_gutenberg_headerless(void)
{
    rt_result r = read_shape("gutenberg_headerless.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==,
                    "THE LOCKKEEPER\u2019S YEAR; OR, A RECORD OF THE UPPER LOCK.");
    g_assert_nonnull(a->as.article.authors);
    g_assert_cmpstr(a->as.article.authors[0], ==, "MARGARET HALE.");
    assert_kinds(a, "PPPP");
    g_assert_false(doc_has_text(&r, "Proofreading"));
    g_assert_false(doc_has_text(&r, "End of the Project Gutenberg"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4,
                              "the transcribers' credit of a Project Gutenberg file without"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 43, "the last line of a Project Gutenberg"));
    rt_result_free(&r);

    r = read_shape("gutenberg_headerless_lookalike.txt");
    /* (every word of the file kept: assert_words) */
    g_assert_true(doc_has_text(&r, "End of the Project Gutenberg EBook of the Harbour Rules"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "Project Gutenberg"));
    assert_words(&r);
    rt_result_free(&r);
}

/* The text of cell `c` of row `r` of `table`. */
static const char *cell_text(rt_result *res, imprint_node *table, int r, int c)
{
    return rt_text(res, rt_child(rt_child(table, r), c));
}

/* A title set in capitals over lines together at the top of the file,
 * going on in one another ("THE MILL ON THE MARSH" / "OR" / "A YEAR OF
 * FLOODS"), over "BY" and the name: one title, CAPS_TITLE_MAX_LINES lines
 * at most. Lookalikes: such lines over prose (a heading of the text), one
 * line more than the limit, and a title over its subtitle (no joint). */
static void test_caps_title_block(void)
{
    const char *const tails[] = {"BY\nMARGARET HALE,\nAUTHOR OF 'THE LOCK.'",
                                 "The mill stood on the marsh for two hundred years, and the "
                                 "family kept it turning."};
    for (int k = 0; k < 2; k++)
        for (int extra = CAPS_TITLE_MAX_LINES - 3; extra <= CAPS_TITLE_MAX_LINES - 2; extra++) {
            GString *src = g_string_new("THE MILL ON THE MARSH\nOR\nA YEAR OF FLOODS\n");
            for (int i = 0; i < extra; i++)
                g_string_append(src, "AND OTHER TALES\n");
            g_string_append_printf(
                src,
                "\n\n%s\n\n\nCHAPTER I: THE FLOOD\n\nThe water came up in the night, "
                "and by morning the lower meadow was a lake.\n\nCHAPTER II: THE MILL\n\n"
                "The miller went out in a boat to see what was left of the wheel.\n",
                tails[k]);
            rt_result r = rt_read_buffer("mill.txt", src->str, src->len, NULL);
            const char *title = rt_article(&r, 0)->as.article.title;
            bool want = k == 0 && 3 + extra <= CAPS_TITLE_MAX_LINES;
            g_assert_cmpint(title != NULL && g_str_has_prefix(title, "THE MILL ON THE MARSH OR A "
                                                                     "YEAR OF FLOODS"),
                            ==, want);
            rt_result_free(&r);
            g_string_free(src, TRUE);
        }
    /* a title over its subtitle, no joint between them: the title alone */
    const char *sub = "THE MILL ON THE MARSH\nA YEAR OF FLOODS\n\n\nBY\nMARGARET HALE\n\n\n"
                      "The mill stood on the marsh for two hundred years, and the family kept "
                      "it turning.\n\nNobody now remembers the last miller's name.\n";
    rt_result r = rt_read_buffer("mill.txt", sub, strlen(sub), NULL);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE MILL ON THE MARSH");
    rt_result_free(&r);
}

/* "CHAPTER I: THE FLOOD" over prose, again and again: a section's number
 * with a colon is a heading, never a speaker; "MILLER: The wheel is gone."
 * and "KEEPER: …" lines of a transcript are still turns. */
static void test_number_colon_no_speaker(void)
{
    const char *src = "CHAPTER I: THE FLOOD\n\nThe water came up in the night, and by morning "
                      "the lower meadow was a lake.\n\nCHAPTER II: THE MILL\n\nThe miller went "
                      "out in a boat to see what was left of the wheel.\n\nCHAPTER III: THE "
                      "KEEPER\n\nThe keeper came down from the lock to help him.\n";
    rt_result r = rt_read_buffer("flood.txt", src, strlen(src), NULL);
    g_assert_false(any_speech(&r));
    assert_kinds(rt_article(&r, 0), "PHPHP");
    rt_result_free(&r);
    const char *talk = "MILLER: The wheel is gone, and the stones with it.\n\nKEEPER: Then we "
                       "shall build another one.\n\nMILLER: With what money?\n\nKEEPER: The "
                       "company's, if they will give it.\n";
    r = rt_read_buffer("talk.txt", talk, strlen(talk), NULL);
    char *speakers = speakers_of(rt_article(&r, 0));
    g_assert_cmpstr(speakers, ==, "MILLER|KEEPER|MILLER|KEEPER|");
    g_free(speakers);
    rt_result_free(&r);
}

/* A file of verse whose parts are headed "ACT I.", "SCENE I.", "SCENE
 * II." (DRAMA_MIN_PARTS of them) is one drama, not a collection of poems
 * titled so; with one heading fewer ("THE LAST ACT" and "SCENE II." among
 * poems) it is a collection still. */
static void test_verse_drama(void)
{
    const char *const heads[] = {"ACT I.", "SCENE I.", "The Mill", "SCENE II."};
    for (int drama = 0; drama < 2; drama++) {
        GString *src = g_string_new("THE MILLER'S DAUGHTER\n\n\n\n\n");
        for (int p = 0; p < 4; p++) {
            const char *head = p == 0 && !drama ? "THE LAST ACT" : heads[p];
            if (p == 1 && !drama)
                head = "The Ferry";
            g_string_append_printf(src,
                                   "%s\n\nThe wheel goes round and the water falls,\nThe "
                                   "miller sings at his door;\nThe sacks are stacked "
                                   "against the walls\nAnd the dust is on the floor.\n\n"
                                   "The ferry goes and the ferry comes,\nAnd nobody "
                                   "counts the days;\nThe river runs and the ferry "
                                   "hums\nA tune that the river plays.\n\n\n\n\n",
                                   head);
        }
        rt_result r = rt_read_buffer("mill.txt", src->str, src->len, NULL);
        g_assert_cmpint(r.articles, ==, drama ? 1 : 4);
        if (!drama) /* (the collection's title over its first poem) */
            g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "SCENE II.");
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a drama in verse"), ==, drama);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* A table drawn with rules and bars in a hard-wrapped manual: its columns
 * are where the rules cross, its lines are not joined, the lines between
 * the first two rules are the column heads (one row), a line with an empty
 * first cell goes on in the row above, and so does one whose first cell
 * alone has text ("(Night" over "only.)"); a grid's outer bars are its
 * borders, and bars meeting a rule cross it ("|---+---|"). Lookalike: a lone rule with a crossing
 * in prose, and bars inside a wrapped sentence, are text. */
static void test_ruled_table(void)
{
    rt_result r = read_shape("ruled_table.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "LTL");
    imprint_node *t = rt_child(a, 1);
    g_assert_cmpint(rt_count_children(t), ==, 5);
    g_assert_true(rt_child(t, 0)->as.row.header);
    g_assert_cmpstr(cell_text(&r, t, 0, 1), ==, "Shown by the keeper to the boat.");
    g_assert_cmpstr(cell_text(&r, t, 2, 1), ==,
                    "Wait below the lower gate until the lock is empty.");
    g_assert_cmpstr(cell_text(&r, t, 4, 0), ==, "(Night only.)");
    g_assert_false(rt_child(t, 1)->as.row.header);
    g_assert_false(doc_has_text(&r, "+---"));
    g_assert_false(doc_has_text(&r, "|"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "drawn with rules and bars"));
    assert_words(&r);
    rt_result_free(&r);

    r = read_shape("ruled_table_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "PPPPPPP");
    g_assert_true(doc_has_text(&r, "----------+----------"));
    g_assert_true(doc_has_text(&r, "tolls | candles | rope in his own book"));
    assert_words(&r);
    rt_result_free(&r);

    /* a grid ("+---+---+", bars at both ends): its outer bars are borders,
     * no empty columns; the rows above its "+===+" rule are the heads,
     * and with "+---+" between every row and no "+===+", none */
    for (int eq = 0; eq < 2; eq++) {
        char *grid = g_strdup_printf(
            "The locks are these.\n\n+--------+-------------+\n| Lock   | Rise        |\n"
            "+%s+\n| Upper  | Nine feet   |\n+--------+-------------+\n| Lower  | Seven feet, |\n"
            "|        | in a flood  |\n+--------+-------------+\n",
            eq ? "========+=============" : "--------+-------------");
        r = rt_read_buffer("grid.txt", grid, strlen(grid), NULL);
        r.data = grid; /* freed with r */
        r.len = strlen(grid);
        a = rt_article(&r, 0);
        assert_kinds(a, "PT");
        t = rt_child(a, 1);
        g_assert_cmpint(rt_count_children(t), ==, 3);
        g_assert_cmpint(rt_count_children(rt_child(t, 0)), ==, 2);
        g_assert_cmpint(rt_child(t, 0)->as.row.header, ==, eq);
        g_assert_cmpstr(cell_text(&r, t, 2, 1), ==, "Seven feet, in a flood");
        assert_words(&r);
        rt_result_free(&r);
    }

    /* The grid an HTML page dumped as text draws: under its caption (no
     * blank line between), an outer rule crossed only at its corners,
     * "|----+----|" between the rows; lookalike: one such rule between
     * bars in a paragraph, and a lone barred line under it, are text. */
    const char *dumped =
        "The locks are listed in the table.\n\n   Table 1: The locks\n"
        "+-----------------------+\n| Lock      | Rise      |\n|-----------+-----------|\n"
        "| Upper     | Nine feet |\n|-----------+-----------|\n| Lower and | Seven     |\n"
        "| middle    |           |\n+-----------------------+\n\n"
        "The keeper wrote\n|-----------+-----------|\n| tolls | rope |\nin his book.\n";
    r = rt_read_buffer("dumped.txt", dumped, strlen(dumped), NULL);
    r.data = g_strdup(dumped); /* freed with r */
    r.len = strlen(dumped);
    a = rt_article(&r, 0);
    assert_kinds(a, "PPTPPPP"); /* (short lines of a ragged text, one a paragraph) */
    t = rt_child(a, 2);
    g_assert_cmpint(rt_count_children(t), ==, 3);
    g_assert_cmpstr(cell_text(&r, t, 0, 0), ==, "Lock");
    g_assert_cmpstr(cell_text(&r, t, 2, 0), ==, "Lower and middle");
    g_assert_cmpstr(cell_text(&r, t, 2, 1), ==, "Seven");
    g_assert_true(doc_has_text(&r, "| tolls | rope |"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A memo's masthead in two columns over its title centred under it: the
 * title is the article's, the masthead kept in it (a table) and reported.
 * Lookalike: a cast set in two columns, three lines, over a centred
 * "CHAPTER I", whose chapter head is no title. */
static void test_memo_masthead(void)
{
    rt_result r = read_shape("memo_masthead.txt");
    g_assert_cmpuint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Lantern Signals of the Upper Locks");
    g_assert_cmpint(a->first_child->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "centred under a masthead"));
    assert_words(&r);
    rt_result_free(&r);

    /* MASTHEAD_MIN_COLUMN_LINES: one line in two columns is no masthead
     * ("Circular: 17" without its date far right) */
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "memo_masthead.txt", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    char *line = strstr(text, "Circular: 17");
    g_assert_nonnull(line);
    GString *one = g_string_new_len(text, line - text + (gssize)strlen("Circular: 17"));
    g_string_append(one, strchr(line, '\n'));
    g_free(text);
    r = read_wrap("one-column.txt", one->str, IMPRINT_WRAP_AUTO);
    r.len = one->len;
    r.data = g_string_free(one, FALSE); /* freed with r */
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "masthead"));
    assert_words(&r);
    rt_result_free(&r);

    r = read_shape("memo_masthead_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, !=, "CHAPTER I");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "masthead"));
    assert_words(&r);
    rt_result_free(&r);
}

/* The lines of the `n`th CODE block of the document, a newline between
 * them (g_free it), or NULL. */
static char *code_lines(rt_result *r, int n)
{
    imprint_iter it;
    imprint_iter_init(&it, r->doc->root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_CODE && n-- == 0) {
            GString *s = g_string_new(NULL);
            for (const imprint_node *c = it.node->first_child; c; c = c->next)
                if (c->kind == IMPRINT_NODE_TEXT)
                    g_string_append_len(s, c->as.text.text, (gssize)c->as.text.len);
                else
                    g_string_append_c(s, '\n');
            return g_string_free(s, FALSE);
        }
    return NULL;
}

#define assert_code(r, n, want)                                                                    \
    do {                                                                                           \
        char *got_ = code_lines(r, n);                                                             \
        g_assert_cmpstr(got_, ==, want);                                                           \
        g_free(got_);                                                                              \
    } while (0)

/* Code set into a text (code.c): a shell session, a grammar at the
 * margin, C with a blank line inside, a drawing of boxes, a double-spaced
 * DOS session (its plain lines too), a rule inside a paragraph; each one
 * CODE block, every space kept, reported. Lookalikes: an indented
 * quotation, a stanza whose lines end on semicolons, glosses "UPTON =
 * Crows (Corbins).", an index, a picture's file name in underscores, a
 * lone crossed rule, a note "[1] … 1843(?) …": none is code. */
static void test_code_in_text(void)
{
    rt_result r = read_shape("code_in_text.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPEPEPEPEPEPEPEPP");
    assert_code(&r, 0, "$ cd /srv/locks\n$ ./signals --gate upper --bell 2");
    assert_code(&r, 1,
                "signal-line  = gate-name \":\" bell-count [ \";\" comment ]\n"
                "gate-name    = \"upper\" | \"middle\" | \"lower\"\n"
                "             | \"weir\"\nbell-count   = 1*DIGIT");
    assert_code(&r, 2,
                "int bells = read_signal(line, &gate);\nif (bells < 0)\n    return bells;\n\n"
                "ring_bell(gate, bells); /* once a bell */");
    assert_code(&r, 3,
                "+-------+        +-------+\n| upper |------->| bell  |\n"
                "+-------+        +-------+\n    |\n    V\n+-------+\n| lower |\n+-------+");
    assert_code(&r, 4,
                "A:\\>CD \\LOCKS\n\nA:\\LOCKS>SIGNALS /GATE:UPPER\n\nA:\\LOCKS>SIGNALS\n\n"
                "Signal program 1.0 - reading gates\n\nEnter gate name: upper");
    assert_code(&r, 5, "Bells rung for the upper gate\n\nPress any key to go on");
    assert_code(&r, 6, "( \"upper\" | \"lower\" ) \":\" bell-count");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "2 lines read as code"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 63, "1 line read as code"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"));
    assert_words(&r);
    rt_result_free(&r);

    r = read_shape("code_in_text_lookalike.txt");
    a = rt_article(&r, 0);
    char *got = kinds(a);
    g_assert_null(strchr(got, 'E'));
    g_free(got);
    g_assert_false(rt_has_diag(&r, 0, 0, "read as code"));
    g_assert_cmpint(a->as.article.note_count, ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "block quote"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Whether `src` reads with a CODE block in its first article. */
static bool reads_code(const char *src)
{
    rt_result r = read_wrap("code.txt", src, IMPRINT_WRAP_AUTO);
    r.data = g_strdup(src); /* freed with r */
    r.len = strlen(src);
    g_assert_cmpint(r.articles, >=, 1);
    char *got = kinds(rt_article(&r, 0));
    bool code = strchr(got, 'E') != NULL;
    g_free(got);
    assert_words(&r);
    rt_result_free(&r);
    return code;
}

#define PROSE_OVER                                                                                 \
    "The keeper wrote the lines below into his book, as they stood on the\n"                       \
    "board by the upper gate, and he copied them again in the spring when\n"                       \
    "the board was painted:\n\n"
#define PROSE_UNDER                                                                                \
    "\n\nThe keeper signed the page at the end of the day and went home by\n"                      \
    "the towpath, where the lamps were lit and the boats lay quiet under\n"                        \
    "the bank until the morning.\n"

/* code.c's limits, each on both sides of its line: lines set between two
 * paragraphs of prose, and whether they are code. */
static void test_code_limits(void)
{
    g_assert_cmpint(READ_TEXT_CODE_MIN_PCT, ==, 50);
    g_assert_cmpint(READ_TEXT_CODE_MARGIN_PCT, ==, 75);
    g_assert_cmpint(READ_TEXT_CODE_RULE_MARK_PCT, ==, 20);
    g_assert_cmpint(READ_TEXT_CODE_DRAWING_MARKS, ==, 3);
    g_assert_cmpint(READ_TEXT_CODE_MARK_PCT, ==, 50);
    g_assert_cmpint(READ_TEXT_CODE_PROSE_WORDS, ==, 8);
    g_assert_cmpint(READ_TEXT_CODE_STOP_WORDS, ==, 4);
    g_assert_cmpint(READ_TEXT_CODE_PROSE_LETTER_PCT, ==, 80);
    static const struct {
        const char *lines;
        bool code;
    } cases[] = {
        /* READ_TEXT_CODE_MIN_PCT: two calls of four lines set in; one */
        {"    ring_bell(gate, 2);\n    upper gate\n    ring_bell(gate, 3);\n    lower gate", true},
        {"    ring_bell(gate, 2);\n    upper gate\n    middle gate\n    lower gate", false},
        /* READ_TEXT_CODE_MARGIN_PCT: at the margin, three of four; two */
        {"ring_bell(gate, 2);\nring_bell(gate, 3);\nring_bell(gate, 4);\nthe lower gate", true},
        {"ring_bell(gate, 2);\nring_bell(gate, 3);\nthe middle gate\nthe lower gate", false},
        /* READ_TEXT_CODE_RULE_MARK_PCT: opened by a bracket, 29 % marks is
         * grammar going on, 14 % a parenthesis */
        {"    ( \"upper\" | \"lower\" ) \":\" count\n    ( \"weir\" | \"lock\" ) \":\" count",
         true},
        {"    (see \"upper\" below, and | the rest)\n    (see \"lower\" below, and | the rest)",
         false},
        /* READ_TEXT_CODE_DRAWING_MARKS, READ_TEXT_CODE_MARK_PCT: lines of
         * three bars are a drawing, of two not; marks under half the ink not */
        {"    |   |   |\n    |   |   |", true},
        {"    |   |\n    |   |", false},
        {"    up |-> gates\n    down |-> weirs", false},
        {"    | up |-->+\n    | dn |-->+", true},
        /* READ_TEXT_CODE_PROSE_WORDS: a command of seven words; of eight, a sentence */
        {"    ring -a gate one two three four", true},
        {"    ring -a gate one two three four five", false},
        /* READ_TEXT_CODE_STOP_WORDS: three words and a stop; four, a sentence */
        {"    ring -a gates.", true},
        {"    ring -a the gates.", false},
        /* READ_TEXT_CODE_PROSE_LETTER_PCT: eight words, mostly marks: no sentence */
        {"    ring -a -b -c -d -e -f -g", true},
        /* a box drawn with rules and bars, one column: a drawing (RFC 1035's
         * message); two columns: a table */
        {"    +----------+\n    |  Header  |\n    +----------+\n    | Question |\n"
         "    +----------+",
         true},
        {"    +----------+-------+\n    |  Header  | fixed |\n    +----------+-------+\n"
         "    | Question | rest  |\n    +----------+-------+",
         false},
        /* a transcriber's tag in brackets holds text, whatever it looks like */
        {"    [Picture: ring_bell(gate, 2);]", false},
        {"    ring_bell(gate, 2);", true},
    };
    for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
        char *src = g_strconcat(PROSE_OVER, cases[k].lines, PROSE_UNDER, NULL);
        if (reads_code(src) != cases[k].code)
            g_error("%s: read as code %s", cases[k].lines, cases[k].code ? "no" : "yes");
        g_free(src);
    }
    /* READ_TEXT_CODE_MAX_CHARS: a call of 160 characters is code; of 161, a paragraph */
    g_assert_cmpint(READ_TEXT_CODE_MAX_CHARS, ==, 160);
    for (int n = 160; n <= 161; n++) {
        char *call = g_strdup_printf("    ring_bell(gate_%0*d);", n - 17, 0);
        char *src = g_strconcat(PROSE_OVER, call, PROSE_UNDER, NULL);
        g_assert_cmpint(strlen(call) - 4, ==, (size_t)n);
        g_assert_cmpint(reads_code(src), ==, n == 160);
        g_free(src);
        g_free(call);
    }
    /* READ_TEXT_CODE_MIN_INDENT_RUNS: two pairs of double-spaced commands
     * make their indent the code's: a plain line set there later is code;
     * one pair does not */
    g_assert_cmpint(READ_TEXT_CODE_MIN_INDENT_RUNS, ==, 2);
    const char *session = PROSE_OVER "         A:\\>CD \\LOCKS\n\n         A:\\LOCKS>RING\n\n"
                                     "         A:\\LOCKS>GATES\n\nThe machine answers at once.\n\n"
                                     "         Press any key" PROSE_UNDER;
    g_assert_true(reads_code(session));
    rt_result r = read_wrap("session.txt", session, IMPRINT_WRAP_AUTO);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 13, "1 line read as code"));
    rt_result_free(&r);
    r = read_wrap("session.txt",
                  PROSE_OVER "         A:\\>CD \\LOCKS\n\n         A:\\LOCKS>RING\n\n"
                             "The machine answers at once.\n\n         Press any key" PROSE_UNDER,
                  IMPRINT_WRAP_AUTO);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 11, "read as code"));
    rt_result_free(&r);
}

/* Appends words of letters to `s` to end at column `cols` exactly. */
static void line_to(GString *s, unsigned cols, const char *first)
{
    size_t start = s->len;
    g_string_append(s, first);
    while (s->len - start + 5 <= cols)
        g_string_append(s, " gate");
    if (s->len - start < cols) {
        g_string_append_c(s, ' ');
        while (s->len - start < cols)
            g_string_append_c(s, 'w');
    }
    g_string_append_c(s, '\n');
}

/* WRAP_LOWER_SHARE_CLEAR, WRAP_RAGGED_LOOSE_SHARE: twenty paragraphs of
 * two lines, 11 of whose breaks are a wrapper's (55 %, under
 * WRAP_MIN_SHARE): wrapped when 16 of the breaks go on in a small letter
 * (80 %), not when 14 do (70 %). (The capitals go after the wrapper's
 * breaks: after a short line they would make the paragraph a stanza.) */
static void test_wrap_lower_clear(void)
{
    g_assert_cmpfloat(WRAP_LOWER_SHARE_CLEAR, ==, 0.75);
    g_assert_cmpfloat(WRAP_RAGGED_LOOSE_SHARE, ==, 0.5);
    for (int lower = 14; lower <= 16; lower += 2) {
        GString *s = g_string_new(NULL);
        for (int k = 0; k < 20; k++) {
            line_to(s, k < 11 ? 70 : 50, "The");
            g_string_append(s, k >= 11 || k < lower - 9 ? "and so on.\n\n" : "And so on.\n\n");
        }
        rt_result r = read_wrap("ragged.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped"), ==, lower == 16);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* A paginated text (pages.c): its feet ("Keeper & Miller [Page 1]"), form
 * feeds and running heads left out and reported, a paragraph and a
 * drawing the page breaks cut going on across them, a section head after
 * a break staying a head; `boilerplate: keep` keeps them. Lookalikes: a
 * diary's years over entries of every length, figures numbered one after
 * another with their captions, two feet only: nothing left out. */
static void test_paginated(void)
{
    rt_result r = read_shape("paginated.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 32, "a paginated text: 12 lines"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 32, "going on across 2 of 3 breaks"));
    g_assert_false(doc_has_text(&r, "Page 1"));
    g_assert_false(doc_has_text(&r, "LOCK MEMO"));
    g_assert_true(doc_has_text(&r, "before the winter nights, and again"));
    assert_kinds(a, "HPPHPEPEHPPP");
    assert_code(&r, 0,
                "+-----------+        +-----------+\n|  lantern  |------->|  the boat |\n"
                "+-----------+        +-----------+\n      |\n      V\n+-----------+\n"
                "| the gate  |\n+-----------+");
    g_assert_cmpstr(a->as.article.title, ==, "THE LANTERN SIGNALS");
    rt_result_free(&r);

    /* untitled (no title, no heading over its first paragraph), the words
     * of its running heads name it (not "LOCK MEMO 7", which has a number) */
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "paginated.txt", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    const char *prefix = "THE LANTERN SIGNALS\n\n1.  PURPOSE\n\n";
    g_assert_true(g_str_has_prefix(text, prefix));
    r = read_wrap("untitled.txt", text + strlen(prefix), IMPRINT_WRAP_AUTO);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "Lantern Signals of the Upper Locks");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "the words of the running heads"));
    g_free(text);
    rt_result_free(&r);

    r = read_shape_kept("paginated.txt");
    g_assert_true(doc_has_text(&r, "Keeper & Miller"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 32, "kept as text"));
    rt_result_free(&r);

    r = read_shape("paginated_lookalike.txt");
    g_assert_false(rt_has_diag(&r, 0, 0, "paginated"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A paginated text of `pages` pages of `len[k]` lines each (foot
 * included), the foot `foot` with the page number (from `first`), a blank line and a head
 * of `heads` lines at each break (g_free it). (No form feed: one would
 * make the text paginated whatever its feet.) */
static char *pages_text(int pages, const int *len, int heads, const char *foot, long first)
{
    GString *s = g_string_new("THE LANTERN SIGNALS\n\n");
    for (int p = 0; p < pages; p++) {
        int lines = p > 0 ? heads : 2; /* a page: its head or the title, text, foot, blank */
        if (p > 0)
            for (int h = 0; h < heads; h++)
                g_string_append_printf(s, "LOCK MEMO 7 %c\n", 'A' + h);
        for (; lines + 3 <= len[p] - 2; lines += 3)
            g_string_append(s,
                            "   The keeper shows the lantern from the gate, held at the height\n"
                            "   of a man's head, and the boat answers it with its own light.\n\n");
        for (; lines < len[p] - 2; lines++)
            g_string_append_c(s, '\n');
        if (p + 1 < pages)
            g_string_append_printf(s, "%s%ld]\n\n", foot, first + p);
    }
    return g_string_free(s, FALSE);
}

static bool reads_pages(int pages, const int *len, int heads, const char *foot, const char *gone)
{
    char *src = pages_text(pages, len, heads, foot, 1);
    rt_result r = read_wrap("pages.txt", src, IMPRINT_WRAP_AUTO);
    bool taken = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a paginated text");
    if (gone)
        g_assert_cmpint(doc_has_text(&r, gone), ==, !taken);
    rt_result_free(&r);
    g_free(src);
    return taken;
}

/* pages.c's limits, each on both sides of its line. */
static void test_page_limits(void)
{
    const char *foot = "Keeper & Miller                                  [Page ";
    int even[] = {40, 40, 40, 40};
    /* PAGE_MIN_BREAKS: four pages, three breaks; three pages, two */
    g_assert_cmpint(PAGE_MIN_BREAKS, ==, 3);
    g_assert_true(reads_pages(4, even, 1, foot, "[Page 2]"));
    g_assert_false(reads_pages(3, even, 1, foot, "[Page 2]"));
    /* PAGE_MIN_LINES: pages of 20 lines; of 18 */
    g_assert_cmpint(PAGE_MIN_LINES, ==, 20);
    int twenty[] = {20, 20, 20, 20}, eighteen[] = {18, 18, 18, 18};
    g_assert_true(reads_pages(4, twenty, 1, foot, NULL));
    g_assert_false(reads_pages(4, eighteen, 1, "Keeper & Miller  [Page ", "[Page 2]"));
    /* PAGE_LENGTH_SLACK_PCT: a page 20 % longer than the rest; 30 % */
    g_assert_cmpint(PAGE_LENGTH_SLACK_PCT, ==, 25);
    int near[] = {40, 40, 40, 48, 40}, far[] = {40, 40, 40, 52, 40};
    g_assert_true(reads_pages(5, near, 1, foot, NULL));
    g_assert_false(reads_pages(5, far, 1, "Keeper & Miller  [Page ", "[Page 2]"));
    /* PAGE_MAX_LINE_CHARS: a foot of 80 characters; of 81 */
    g_assert_cmpint(PAGE_MAX_LINE_CHARS, ==, 80);
    char *f80 = g_strdup_printf("Keeper & Miller%*s[Page ", 80 - 15 - 8, "");
    char *f81 = g_strdup_printf("Keeper & Miller%*s[Page ", 81 - 15 - 8, "");
    g_assert_true(reads_pages(4, even, 1, f80, "[Page 2]"));
    g_assert_false(reads_pages(4, even, 1, f81, "[Page 2]"));
    g_free(f80);
    g_free(f81);
    /* PAGE_HEAD_LINES: of a head of four lines under every break, three go */
    g_assert_cmpint(PAGE_HEAD_LINES, ==, 3);
    g_assert_true(reads_pages(4, even, 4, foot, "LOCK MEMO 7 C"));
    char *src = pages_text(4, even, 4, foot, 1);
    rt_result r = read_wrap("pages.txt", src, IMPRINT_WRAP_AUTO);
    g_assert_true(doc_has_text(&r, "LOCK MEMO 7 D"));
    rt_result_free(&r);
    g_free(src);
    /* PAGE_MAX_NUMBER_DIGITS: pages numbered from 100000 are pages; from
     * 1000000, amounts */
    g_assert_cmpint(PAGE_MAX_NUMBER_DIGITS, ==, 6);
    for (long first = 100000; first <= 1000000; first *= 10) {
        src = pages_text(4, even, 1, foot, first);
        r = read_wrap("pages.txt", src, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a paginated text"), ==,
                        first == 100000);
        rt_result_free(&r);
        g_free(src);
    }
    /* READ_TEXT_CODE_BIT_CROSSINGS: fields between rules of eight
     * crossings are a packet's; of seven, the rules alone are a drawing */
    g_assert_cmpint(READ_TEXT_CODE_BIT_CROSSINGS, ==, 8);
    g_assert_true(reads_code(PROSE_OVER "    +-+-+-+-+-+-+-+\n    | GATE | BELLS |\n"
                                        "    | LAMP | FLAGS |\n    | HORN | BELLS |\n"
                                        "    +-+-+-+-+-+-+-+" PROSE_UNDER));
    g_assert_false(reads_code(PROSE_OVER "    +-+-+-+-+-+-+\n    | GATE | BELLS |\n"
                                         "    | LAMP | FLAGS |\n    | HORN | BELLS |\n"
                                         "    +-+-+-+-+-+-+" PROSE_UNDER));
}

/* Terms on lines of their own over definitions set in deeper
 * (definitions.c), with and without a blank line between: two lists, an
 * item a term and its paragraphs. Lookalikes: a stanza whose lines are
 * set in by turns, headings at the margin over prose at the prose's
 * margin, a lead-in ending "as follows:--" over a line set in: no list. */
static void test_definitions(void)
{
    rt_result r = read_shape("definitions.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PLPLPLP");
    imprint_node *list = rt_child(a, 1);
    g_assert_cmpint(rt_count_children(list), ==, 3);
    g_assert_cmpstr(rt_text(&r, rt_child(rt_child(list, 0), 0)), ==, "lower gate");
    g_assert_cmpint(rt_count_children(rt_child(rt_child(a, 3), 1)), ==, 3);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 11, "3 terms"));
    /* the term beside its definition, turned over at its column */
    imprint_node *ug = rt_child(rt_child(a, 5), 0);
    g_assert_cmpstr(rt_text(&r, rt_child(ug, 0)), ==, "UG");
    g_assert_cmpstr(rt_text(&r, rt_child(ug, 1)), ==,
                    "The upper gate, at the upstream end of the chamber, opened when the water "
                    "has risen to the level above.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 37, "definition beside it"));
    assert_words(&r);
    rt_result_free(&r);

    r = read_shape("definitions_lookalike.txt");
    a = rt_article(&r, 0);
    char *got = kinds(a);
    g_assert_null(strchr(got, 'L'));
    g_free(got);
    g_assert_false(rt_has_diag(&r, 0, 0, "list of definitions"));
    assert_words(&r);
    rt_result_free(&r);
}

/* DEFINITION_TERM_MAX_CHARS: a term of 48 characters over its definition,
 * twice, is a list; of 49, not. DEFINITION_MIN_ENTRIES: one term is no
 * list. And the limits of a term with its definition beside it. */
static void test_definition_limits(void)
{
    /* DEFINITION_HANG_WORDS, DEFINITION_HANG_TERM_WORDS: beside terms of
     * two words, definitions of five words are definitions, of four a
     * table's cells; terms of three words head a table's rows */
    g_assert_cmpint(DEFINITION_HANG_WORDS, ==, 5);
    g_assert_cmpint(DEFINITION_HANG_TERM_WORDS, ==, 2);
    static const struct {
        const char *term, *definition;
        bool list;
    } hang[] = {{"Upper gate", "The gate of the chamber.", true},
                {"Upper gate", "The gate of locks.", false},
                {"The upper gate", "The gate of the chamber.", false}};
    for (size_t k = 0; k < G_N_ELEMENTS(hang); k++) {
        GString *s = g_string_new(PROSE_OVER);
        for (int t = 0; t < 2; t++)
            g_string_append_printf(s, "   %-16s%s\n\n", hang[k].term, hang[k].definition);
        g_string_append(s, PROSE_UNDER + 2);
        rt_result r = read_wrap("hang.txt", s->str, IMPRINT_WRAP_AUTO);
        if (rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "definition beside it") != hang[k].list)
            g_error("%s / %s: read as a list %s", hang[k].term, hang[k].definition,
                    hang[k].list ? "no" : "yes");
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
    g_assert_cmpint(DEFINITION_TERM_MAX_CHARS, ==, 48);
    g_assert_cmpint(DEFINITION_MIN_ENTRIES, ==, 2);
    for (int n = 48; n <= 49; n++)
        for (int terms = 1; terms <= 2; terms++) {
            GString *s = g_string_new(PROSE_OVER);
            for (int t = 0; t < terms; t++)
                g_string_append_printf(s, "   gate %c%0*d\n      The gate of the lock.\n\n",
                                       'a' + t, n - 6, 0);
            g_string_append(s, PROSE_UNDER);
            rt_result r = read_wrap("terms.txt", s->str, IMPRINT_WRAP_AUTO);
            g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "list of definitions"), ==,
                            n == 48 && terms == 2);
            rt_result_free(&r);
            g_string_free(s, TRUE);
        }
}

/* In hard-wrapped text a bullet's item turned over at its text's column
 * ("   - Since the gates" / "     of the lock") is one line; a line set in
 * deeper than that column is none of the item's (a quotation under it). */
static void test_bullet_hang(void)
{
    const char *src =
        PROSE_OVER "The keepers of the river met at the weir house in the spring and agreed\n"
                   "on the signals that every gate would show at night, after a winter\n"
                   "in which two boats were lost below the lower gate in the dark, and\n"
                   "they wrote them down for the keepers who would come after them.\n\n"
                   "The signals were painted on a board at every gate and read aloud to\n"
                   "each new keeper in his first week, so that no keeper could say that\n"
                   "he had never heard them, and the board was painted again each spring.\n\n"
                   "   Several cautions apply to the signals:\n\n"
                   "   - Since the upper and the lower gates are kept by two keepers,\n"
                   "     their signals may differ on a dark night.\n\n"
                   "   o A boat that sees two signals at once waits for the bell of\n"
                   "     the upper gate before it moves.\n\n"
                   "   - The weir has no signal of its own, and no keeper either:\n"
                   "          Keep clear of the weir at all hours.\n" PROSE_UNDER;
    rt_result r = read_wrap("bullets.txt", src, IMPRINT_WRAP_AUTO);
    r.data = g_strdup(src); /* freed with r */
    r.len = strlen(src);
    g_assert_true(doc_has_text(&r, "two keepers, their signals may differ on a dark night."));
    g_assert_true(doc_has_text(&r, "the bell of the upper gate before it moves."));
    g_assert_false(doc_has_text(&r, "no keeper either: Keep clear"));
    assert_words(&r);
    rt_result_free(&r);
}

/* The credit many Gutenberg transcribers sign ("Transcribed from the 1908
 * … edition by …, email …@pglaf.org", the Literary Archive Foundation's
 * domain) at the top of a file cut at its markers is left out like
 * "Produced by"; lookalike: a text transcribed from a register by someone
 * who names no Gutenberg address keeps that line. */
static void test_gutenberg_transcribed_credit(void)
{
    const char *const credits[] = {
        "Transcribed from the 1908 Longmans, Green, and Co. edition by a volunteer,\n"
        "email someone@pglaf.org",
        "Transcribed from the parish register by the vicar of the marsh in 1911."};
    for (int k = 0; k < 2; k++) {
        char *src = g_strdup_printf(
            "\n\n%s\n\n\n\nTHE MILL ON THE MARSH\n\nThe mill stood on the marsh for two "
            "hundred years, and the family kept it turning through floods and droughts.\n\n"
            "Nobody now remembers the last miller's name, though the stones of the mill still "
            "lie in the reeds.\n",
            credits[k]);
        rt_result r = rt_read_buffer("mill.txt", src, strlen(src), NULL);
        r.data = src; /* freed with r */
        r.len = strlen(src);
        g_assert_cmpint(doc_has_text(&r, "Transcribed from the"), ==, k == 1);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "the transcribers' credit"), ==,
                        k == 0);
        if (k == 0)
            g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE MILL ON THE MARSH");
        else
            assert_words(&r);
        rt_result_free(&r);
    }
}

/* Someone's notes ("EDITOR'S NOTES.") after a chapter's note definitions
 * go on the chapter, a heading of it; "FIELD NOTES" there titles the next
 * piece, as any heading after notes does. */
static void test_editors_notes(void)
{
    const char *const heads[] = {"EDITOR\u2019S NOTES.", "FIELD NOTES"};
    for (int k = 0; k < 2; k++) {
        char *src = g_strdup_printf(
            "CHAPTER V.\n\nThe stones of the north shore are older than any church of the "
            "island, and the people still leave flowers on the largest of them.[1]\n\n[1] The "
            "flowers were seen there in 1890.\n\n%s\n\nThe largest stone was moved when the "
            "road was widened, and set up again a few yards from where it had stood.\n",
            heads[k]);
        rt_result r = rt_read_buffer("stones.txt", src, strlen(src), NULL);
        g_assert_cmpint(r.articles, ==, k ? 2 : 1);
        if (!k) {
            imprint_node *a = rt_article(&r, 0);
            assert_kinds(a, "PHP");
            g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, heads[0]);
        }
        rt_result_free(&r);
        g_free(src);
    }
}

/* GUTENBERG_END_LINE_MAX: the "End of …" line of a file cut at its END
 * marker wrapped over that many lines is left out; one line more, and the
 * paragraph is the text's. */
static void test_gutenberg_end_line_max(void)
{
    for (int more = 0; more < 2; more++) {
        GString *src = g_string_new("The Book\n\nThe body of the book is this sentence.\n\n"
                                    "End of the Project Gutenberg EBook of The Book");
        for (int i = 1; i < GUTENBERG_END_LINE_MAX + more; i++)
            g_string_append(src, ",\nand more of its title");
        g_string_append(src, "\n");
        rt_result r = read_wrap("pg.txt", src->str, IMPRINT_WRAP_NO);
        g_assert_cmpint(doc_has_text(&r, "End of the Project Gutenberg"), ==, more);
        g_assert_true(doc_has_text(&r, "The body of the book"));
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* A quotation closed in its line, its source after a dash ("“…”--Acts
 * iv. 30."), is that line alone, though a paragraph below ends in a
 * quotation mark; a quotation whose first paragraph stays open goes on to
 * the paragraph that closes it, and says so. */
static void test_quote_closed_before_dash(void)
{
    const char *src = "The Lamp\n\n\"Thy word is a lamp unto my feet.\"--Psalm cxix. 105.\n\n"
                      "A lamp is carried in front, so that the feet can see where they go.\n\n"
                      "That is what the psalm means when it says \"lamp.\"\n\n"
                      "\"The lamp was lit at dusk, and carried to the door.\n\n"
                      "It was put out only at dawn, when the first cart came.\"\n\n"
                      "So the keeper wrote in his book.\n";
    rt_result r = rt_read_buffer("lamp.txt", src, strlen(src), NULL);
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "QPPQP");
    g_assert_cmpint(rt_count_children(rt_child(a, 0)), ==, 1);
    g_assert_cmpint(rt_count_children(rt_child(a, 3)), ==, 2);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "closes on line 11"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "a quotation over several"));
    rt_result_free(&r);
}

/* An issue of a magazine, its pieces set off by four blank lines: each an
 * article, its byline under its title ("BY THE REV. …", "BY MARY LOCKE,
 * Author of …", under a picture too), a frontispiece over a title its
 * piece's, a piece of printed music alone a piece, a poem that is the
 * whole of its piece verse, not a quotation; an instalment's "(_To be
 * continued._)" ends its piece; the masthead under the magazine's name
 * (number, date, price: no prose) is the front article's, under that
 * name (letters.txt is its lookalike: a letter with prose under the
 * title line makes that line the file's title). Lookalike: "BY THE SEA."
 * names no author,
 * "(To be continued, the notice said …)" is a sentence, one article. */
static void test_magazine_issue(void)
{
    rt_result r = read_shape("magazine_issue.txt");
    const char *const titles[] = {"THE HOUSEHOLD MAGAZINE",
                                  "THE LIGHTHOUSE KEEPER\u2019S DAUGHTER.",
                                  "HOW TO KEEP BEES.",
                                  "THE HARVEST FIELD.",
                                  "ROMANCE.",
                                  "SPRING."};
    const char *const authors[] = {
        NULL,
        "MARY LOCKE, Author of \u201cThe Mill Pond,\u201d \u201cTwo Winters,\u201d etc.",
        "THE REV. JOHN ASHWORTH.",
        "JAMES ORME.",
        NULL,
        "ANNA FELL."};
    g_assert_cmpint(r.articles, ==, G_N_ELEMENTS(titles));
    for (int i = 0; i < (int)G_N_ELEMENTS(titles); i++) {
        imprint_node *a = rt_article(&r, i);
        g_assert_cmpstr(a->as.article.title, ==, titles[i]);
        g_assert_cmpstr(a->as.article.authors ? a->as.article.authors[0] : NULL, ==, authors[i]);
    }
    g_assert_cmpstr(r.doc->meta.title, ==, "THE HOUSEHOLD MAGAZINE");
    assert_kinds(rt_article(&r, 1), "PPPP");
    assert_kinds(rt_article(&r, 3), "FPP");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.subtitle, ==, "A SKETCH.");
    assert_kinds(rt_article(&r, 5), "FVV");
    g_assert_false(doc_has_text(&r, "End of the Project Gutenberg"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 15, "5 titles set off by 4 blank lines"));
    /* the masthead under the magazine's name is no article: the front
     * article's, under that name */
    assert_kinds(rt_article(&r, 0), "HOP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "taken as its masthead"));
    g_assert_true(doc_has_text(&r, "VOL. I.--NO. 12."));
    g_assert_true(doc_has_text(&r, "Price Twopence."));
    rt_result_free(&r);

    r = read_shape("magazine_issue_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_null(rt_article(&r, 0)->as.article.authors);
    assert_words(&r);
    rt_result_free(&r);
}

/* A collection that opens with a picture over its title page: the picture
 * is the first piece's, no untitled article; a tailpiece set off between
 * two pieces ends the one above. */
static void test_pieces_opening_picture(void)
{
    const char *src =
        "[Illustration: The Author at his Desk]\n\n\n\n\nTALES OF THE MARSH\n\nThe marsh "
        "tales were told at the inn on winter nights, and this book keeps the best of "
        "them.\n\n\n\nTHE EEL-CATCHER\n\nThe eel-catcher set his traps at dusk and took "
        "them up at dawn, and he never told anyone where they were.\n\n\n\n[Illustration]"
        "\n\n\n\nTHE DROWNED BELL\n\nWhen the water is low the old church bell can be heard "
        "under the mere, ringing for a service nobody comes to.\n";
    rt_result r = rt_read_buffer("marsh.txt", src, strlen(src), NULL);
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "TALES OF THE MARSH");
    assert_kinds(rt_article(&r, 0), "FP");
    assert_kinds(rt_article(&r, 1), "PF");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "THE DROWNED BELL");
    rt_result_free(&r);
}

/* A collection that opens with a map whose caption runs over several
 * chunks ("[Illustration:" / "THE LINE TO THE MARSH." / stations … /
 * "Front End]") and a break under it: one picture, the first piece's, no
 * untitled article; when no bracket closes the caption, the opening is
 * text of its own, an untitled article. */
static void test_pieces_opening_map(void)
{
    const char *src =
        "[Illustration:\n\nTHE LINE TO THE MARSH.\n\nEEL BRIDGE      Page 4\nTHE MERE        "
        "Page 9\n\nFront End]\n\n      *       *       *       *       *\n\n\n\n\nTALES OF THE "
        "MARSH\n\nThe marsh tales were told at the inn on winter nights, and this book keeps the "
        "best of them.\n\n\n\nTHE EEL-CATCHER\n\nThe eel-catcher set his traps at dusk and took "
        "them up at dawn, and he never told anyone where they were.\n\n\n\nTHE DROWNED BELL\n\n"
        "When the water is low the old church bell can be heard under the mere, ringing for a "
        "service nobody comes to.\n";
    rt_result r = rt_read_buffer("marsh.txt", src, strlen(src), NULL);
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "TALES OF THE MARSH");
    g_assert_cmpint(rt_child(rt_article(&r, 0), 0)->kind, ==, IMPRINT_NODE_FIGURE);
    rt_result_free(&r);

    char *open = g_strdup(src);
    memcpy(strstr(open, "Front End]"), "Front End.", 10);
    r = rt_read_buffer("marsh.txt", open, strlen(open), NULL);
    g_assert_cmpint(r.articles, ==, 4);
    g_assert_null(rt_article(&r, 0)->as.article.title);
    rt_result_free(&r);
    g_free(open);
}

/* A book of songs: a stanza's number alone ("1", "2") is no song's title,
 * nor is a "[Transcriber's Note: …]" set apart under the book's title,
 * which stays the first article's. */
static void test_songs_numbered_stanzas(void)
{
    rt_result r = read_shape("songs_numbered_stanzas.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "SONGS OF THE RIVER");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "THE MILLER.");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "FERRY TOM.");
    assert_words(&r);
    rt_result_free(&r);
}

/* The fixture's text with `from` replaced by `to` (g_free it). */
static char *shape_with(const char *name, const char *from, const char *to)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", name, NULL);
    gchar *data = NULL;
    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    g_assert_nonnull(strstr(data, from));
    GString *s = g_string_new(data);
    g_string_replace(s, from, to, 1);
    g_free(data);
    g_free(path);
    return g_string_free(s, FALSE);
}

/* A contents of two levels, lectures set over their sections: the
 * headings that repeat its top entries are the pieces, each an article,
 * the others their sections (an excerpt may stop before the last piece).
 * Lookalike: a novel's contents of books over chapters ("BOOK I.") is one
 * work. CONTENTS_MIN_PIECES: one top entry found is no collection;
 * CONTENTS_PIECES_MAX_BLANKS: one blank line more between the groups ends
 * the contents. */
static void test_contents_two_levels(void)
{
    rt_result r = read_shape("contents_two_levels.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "\u201cTHE TOLL-GATE.\u201d");
    assert_kinds(rt_article(&r, 1), "PHPHP");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "\u201cTHE COACHING INN.\u201d");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 21, "2 headings repeat the entries"));
    assert_words(&r);
    rt_result_free(&r);

    r = read_shape("contents_two_levels_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);

    char *one =
        shape_with("contents_two_levels.txt", "\n\"THE COACHING INN.\"\n\nThe inn", "\nThe inn");
    r = rt_read_buffer("one.txt", one, strlen(one), NULL);
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);
    g_free(one);
    for (int more = 0; more < 2; more++) {
        GString *to = g_string_new("9");
        for (int i = 0; i <= CONTENTS_PIECES_MAX_BLANKS + more; i++)
            g_string_append_c(to, '\n');
        g_string_append(to, "  \"THE COACHING");
        char *t = shape_with("contents_two_levels.txt", "9\n\n  \"THE COACHING", to->str);
        r = rt_read_buffer("gap.txt", t, strlen(t), NULL);
        g_assert_cmpint(r.articles, ==, more ? 1 : 3);
        rt_result_free(&r);
        g_free(t);
        g_string_free(to, TRUE);
    }
}

/* A play whose speakers' names stand alone in emphasis ("_Anna._"), a
 * direction in brackets kept with the name ("_Tom (laughing)._"): each a
 * speech, the name counted without its direction. Lookalike: a songbook's
 * "_Chorus._", the one label that recurs, is no speaker. */
static void test_play_emphasis_names(void)
{
    rt_result r = read_shape("play_emphasis_names.txt");
    imprint_node *a = rt_article(&r, 0);
    char *speakers = speakers_of(a);
    g_assert_cmpstr(speakers, ==,
                    "Tom (setting down the lantern)|Anna|Tom|Anna|Tom (laughing)|The Boy (at the "
                    "door)|Tom|Anna|The Boy|");
    g_free(speakers);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "a play: 9 speeches"));
    assert_words(&r);
    rt_result_free(&r);

    r = read_shape("play_emphasis_names_lookalike.txt");
    g_assert_false(any_speech(&r));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    rt_result_free(&r);
}

/* A section break ("*     *     *") between a marker and its definition
 * under the chapter is no "*" note: the marker still links; with no
 * definition, the break stays a break and the marker text. */
static void test_break_between_notes(void)
{
    for (int defined = 0; defined < 2; defined++) {
        char *src = g_strdup_printf(
            "The Voyage\n\nThe birds that follow the ship have names the sailors gave "
            "them.[1]\n\n       *     *     *     *     *\n\nThe land came in sight on the "
            "ninth day, a grey line under the clouds.\n\n%s",
            defined ? "[Footnote 1: The naturalists call them otherwise.]\n" : "");
        rt_result r = rt_read_buffer("voyage.txt", src, strlen(src), NULL);
        imprint_node *a = rt_article(&r, 0);
        g_assert_cmpint(a->as.article.note_count, ==, defined);
        g_assert_cmpint(rt_child(a, 1)->kind, ==, IMPRINT_NODE_BREAK);
        rt_result_free(&r);
        g_free(src);
    }
}

/* A dialogue set the French way: guillemets opening the exchange, each
 * reply a paragraph opened by a dash, the narration inside the marks: the
 * paragraphs are the story's, no block quote, and the first is no heading.
 * Lookalike: a passage quoted in guillemets, no dash under it, is a
 * quotation. */
static void test_dash_dialogue(void)
{
    const char *src = "La cuisine\n\nRose est en train de peler des pommes, et Jean entre sans "
                      "rien dire.\n\n\u00abTiens, tiens, dit-elle, qui entre dans ma "
                      "cuisine?\n\n--Je suis le docteur, dit Jean.\n\n--Et le docteur veut une "
                      "pomme?\u00bb\n\nJean prend la pomme et retourne chez sa maman.\n";
    rt_result r = rt_read_buffer("cuisine.txt", src, strlen(src), NULL);
    assert_kinds(rt_article(&r, 0), "PPPPP");
    rt_result_free(&r);
    const char *quoted = "La lettre\n\nLa maman lit la lettre du docteur, qui dit ceci:\n\n"
                         "\u00abLe petit Paul est gu\u00e9ri, et il peut sortir demain matin "
                         "avec sa s\u0153ur.\u00bb\n\nElle pose la lettre sur la table.\n";
    r = rt_read_buffer("lettre.txt", quoted, strlen(quoted), NULL);
    assert_kinds(rt_article(&r, 0), "PQP");
    rt_result_free(&r);
}

/* A transcriber's note opening the file, over the title page (a heading
 * and its paragraph, or in brackets): the title and byline are found under
 * it, and the note stays, at the top of the article. Lookalike: a book
 * titled "Transcribers of the Old Hand" keeps its title. */
static void test_transcribers_note(void)
{
    const char *const notes[] = {
        "Transcriber's Note:\n\nObvious misprints have been corrected, the spelling kept.\n",
        "[Transcriber's Note: Obvious misprints have been corrected.]\n",
        "Transcribers of the Old Hand\n"};
    for (int k = 0; k < 3; k++) {
        char *src = g_strdup_printf(
            "%s\n\n\n\nTHE BOOK OF THE MILL\n\nBy Hannah Prewitt\n\n\n\nCHAPTER I\n\nThe "
            "mill stood by the ford, and the miller kept the ford as well as the mill.\n\n"
            "CHAPTER II\n\nThe miller's son went to the town and came back with a wife.\n",
            notes[k]);
        rt_result r = rt_read_buffer("mill.txt", src, strlen(src), NULL);
        imprint_node *a = rt_article(&r, 0);
        if (k < 2) {
            g_assert_cmpstr(a->as.article.title, ==, "THE BOOK OF THE MILL");
            g_assert_cmpstr(a->as.article.authors[0], ==, "Hannah Prewitt");
            g_assert_true(doc_has_text(&r, "Obvious misprints"));
            g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "a transcriber's note over"));
        } else {
            g_assert_cmpstr(a->as.article.title, ==, "Transcribers of the Old Hand");
            g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a transcriber's note"));
        }
        rt_result_free(&r);
        g_free(src);
    }
}

/* In a wrapped book, lines set in that each end in a number (a printing
 * history, "Thirtieth Impression, June, 1929") are no verse; an indented
 * stanza there is. */
static void test_numbers_no_verse(void)
{
    GString *src = g_string_new("The Printing\n\n");
    for (int i = 0; i < 4; i++)
        g_string_append(src, "The book went through many printings in the years after the war, "
                             "and the\npublisher kept a list of them at the front of every "
                             "copy it sold after\nthat, as publishers did.\n\n");
    g_string_append(src, "    Twenty-first Impression, June, 1925\n    Twenty-second Impression, "
                         "March, 1927\n    Twenty-third Impression, May, 1931\n\n"
                         "    The river runs beside the mill\n    And turns the wheel by day\n"
                         "    The miller sings above the rill\n\nThe end of the chapter.\n");
    rt_result r = read_wrap("printing.txt", src->str, IMPRINT_WRAP_YES);
    imprint_node *a = rt_article(&r, 0);
    bool dates_verse = false, poem_verse = false;
    for (imprint_node *c = a->first_child; c; c = c->next) {
        imprint_node *v = c->kind == IMPRINT_NODE_QUOTE ? c->first_child : c;
        if (v->kind != IMPRINT_NODE_VERSE)
            continue;
        const char *t = rt_text(&r, v->first_child);
        dates_verse = dates_verse || strstr(t, "Impression");
        poem_verse = poem_verse || strstr(t, "river");
    }
    g_assert_false(dates_verse);
    g_assert_true(poem_verse);
    rt_result_free(&r);
    g_string_free(src, TRUE);
}

/* A book's sections each with its notes under it, numbered on across the
 * heading ("[3]" above it, "[4]" below): one article; two posts, each
 * numbering its notes from 1: two. */
static void test_notes_run_on(void)
{
    for (int restart = 0; restart < 2; restart++) {
        char *src = g_strdup_printf(
            "The Marsh\n\nThe marsh was drained in the last century, and the drains still "
            "run.[3]\n\n[3] By the parish, in 1820.\n\nThe Dyke\n\nThe dyke that holds "
            "the sea back is older than the drains by two hundred years.[%d]\n\n[%d] It is "
            "shown on a map of 1610.\n",
            restart ? 1 : 4, restart ? 1 : 4);
        rt_result r = rt_read_buffer("marsh.txt", src, strlen(src), NULL);
        g_assert_cmpint(r.articles, ==, restart ? 2 : 1);
        rt_result_free(&r);
        g_free(src);
    }
}

/* A Project Gutenberg header's "Author: Various": a periodical's, its
 * pieces articles as in any file (a book's header makes one article). */
static void test_gutenberg_various(void)
{
    const char *const who[] = {"Various", "Hannah Prewitt"};
    for (int book = 0; book < 2; book++) {
        GString *src = g_string_new(NULL);
        g_string_append_printf(src,
                               "Title: The Household Magazine\n\nAuthor: %s\n\n*** START OF "
                               "THE PROJECT GUTENBERG EBOOK THE HOUSEHOLD MAGAZINE ***\n\n",
                               who[book]);
        gchar *issue = NULL;
        char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "magazine_issue.txt", NULL);
        g_assert_true(g_file_get_contents(path, &issue, NULL, NULL));
        g_string_append(src, issue);
        rt_result r = rt_read_buffer("pg.txt", src->str, src->len, NULL);
        g_assert_cmpint(r.articles, ==, book ? 1 : 6);
        rt_result_free(&r);
        g_free(issue);
        g_free(path);
        g_string_free(src, TRUE);
    }
}

/* A file of `blank_lines` blank lines, then a START marker, `gap` blank
 * lines and a credit, the body, then an "End of" line `end_gap` lines above
 * the END marker. */
static char *gutenberg_text(int blank_lines, int gap, int end_gap)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < blank_lines; i++)
        g_string_append(s, "\n");
    g_string_append(s, "*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n");
    for (int i = 0; i < gap; i++)
        g_string_append(s, "\n");
    g_string_append(s, "Produced by Someone.\n\nThe body of the book is this sentence.\n\n"
                       "End of the Project Gutenberg EBook of A Book\n");
    for (int i = 0; i < end_gap; i++)
        g_string_append(s, "\n");
    g_string_append(s, "*** END OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\nThe licence.\n");
    return g_string_free(s, FALSE);
}

/* GUTENBERG_HEAD_MAX_LINES, GUTENBERG_CREDIT_REACH and
 * GUTENBERG_END_LINE_REACH, each on both sides of its line. */
static void test_gutenberg_limits(void)
{
    for (int k = 0; k < 2; k++) {
        char *t = gutenberg_text(GUTENBERG_HEAD_MAX_LINES - 1 + k, 1, 1);
        rt_result r = read_wrap("pg.txt", t, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "Project Gutenberg header"), ==,
                        k == 0);
        rt_result_free(&r);
        g_free(t);

        t = gutenberg_text(0, GUTENBERG_CREDIT_REACH - 1 + k, 1);
        r = read_wrap("pg.txt", t, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "transcribers' credit"), ==, k == 0);
        g_assert_cmpint(doc_has_text(&r, "Produced by"), ==, k == 1);
        rt_result_free(&r);
        g_free(t);

        t = gutenberg_text(0, 1, GUTENBERG_END_LINE_REACH - 1 + k);
        r = read_wrap("pg.txt", t, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(doc_has_text(&r, "End of the Project Gutenberg"), ==, k == 1);
        g_assert_false(doc_has_text(&r, "The licence."));
        g_assert_true(doc_has_text(&r, "The body of the book"));
        rt_result_free(&r);
        g_free(t);
    }
}

/* A Project Gutenberg file is one book: what would open an article
 * elsewhere (a heading after notes) is a section of it; without the
 * header the same text makes two articles. A run of short lines with the
 * book's title in it is its title page, not references; "[Figure 3]" and
 * "[Music: …]" are placeholders like "[Illustration]". */
static void test_gutenberg_one_book(void)
{
    const char *body =
        "A FOREWORD\n\nThe foreword says what the book is about, in more words than a "
        "title has, and thanks a friend.[1]\n\n[1] The friend was a printer.\n\n"
        "THE BOOK OF THE MILL\n\nBy Hannah Prewitt\n\nLONDON\n\nTHE RIVER PRESS\n\n"
        "MDCCCXCIX\n\nThe Mill\n\nThe mill stood by the ford, and the miller kept the "
        "ford as well as the mill, for the road ran through his yard.\n\n[Figure 3]\n\n"
        "[Music: The Miller's Song]\n\nThe song was sung at every harvest.\n";
    const char *head = "The Project Gutenberg eBook of The Book of the Mill\n\n"
                       "Title: The Book of the Mill\n\nAuthor: Hannah Prewitt\n\n"
                       "*** START OF THE PROJECT GUTENBERG EBOOK THE BOOK OF THE MILL ***\n\n";
    for (int pg = 0; pg <= 1; pg++) {
        char *t = g_strconcat(pg ? head : "", body, NULL);
        rt_result r = read_wrap("pg.txt", t, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(r.articles, ==, pg ? 1 : 2);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a Project Gutenberg book"), ==, pg);
        if (pg) {
            imprint_node *a = rt_article(&r, 0);
            g_assert_cmpstr(a->as.article.title, ==, "The Book of the Mill");
            g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, "list of references"));
            int figures = 0;
            for (imprint_node *c = a->first_child; c; c = c->next)
                figures += c->kind == IMPRINT_NODE_FIGURE;
            g_assert_cmpint(figures, ==, 2);
            g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "\u201c[Figure\u2026]\u201d"));
        }
        rt_result_free(&r);
        g_free(t);
    }
}

/* A title page of two lines and a byline ("by H. G. Wells") under a
 * Project Gutenberg header: paragraphs, the byline counted among its
 * lines; without the title repeated in it, the same lines stay headings. */
static void test_title_page_byline(void)
{
    const char *head = "Title: The Glass Mill\n\nAuthor: Hannah Prewitt\n\n"
                       "*** START OF THE PROJECT GUTENBERG EBOOK THE GLASS MILL ***\n\n";
    for (int repeat = 0; repeat <= 1; repeat++) {
        char *t = g_strdup_printf(
            "%s%s\n\nA Tale\n\nby Hannah Prewitt\n\nThe Ford\n\nThe mill stood by the ford, "
            "and the miller kept the ford as well as the mill.\n",
            head, repeat ? "The Glass Mill" : "The Other Mill");
        rt_result r = read_wrap("pg.txt", t, IMPRINT_WRAP_AUTO);
        imprint_node *a = rt_article(&r, 0);
        g_assert_cmpint(rt_child(a, 0)->kind, ==,
                        repeat ? IMPRINT_NODE_PARAGRAPH : IMPRINT_NODE_HEADING);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "read as the title page"), ==, repeat);
        rt_result_free(&r);
        g_free(t);
    }
}

/* A novel's front: the frontispiece "[Illustration: …]" a figure with its
 * caption, the title page's lines paragraphs (its first line the title,
 * "BY" and the name the author), "_All rights reserved._" no title, the
 * contents' aligned lines never joined, each number heading joined with
 * the title under it, every chapter at one level. */
static void test_novel(void)
{
    rt_result r = read_shape("novel.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE MILLER\u2019S LEDGER");
    g_assert_nonnull(a->as.article.authors);
    g_assert_cmpstr(a->as.article.authors[0], ==, "HANNAH PREWITT");
    assert_kinds(a, "FPPPPPPPHLHPPPPPPPHPHP");
    imprint_node *fig = rt_child(a, 0);
    g_assert_cmpstr(rt_text(&r, fig), ==, "THE MILL IN WINTER");
    g_assert_cmpstr(fig->as.figure.placeholder, ==, "[Illustration: THE MILL IN WINTER]");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 6)), ==, "All rights reserved.");
    imprint_node *contents = rt_child(a, 9);
    g_assert_true(contents->as.list.contents);
    g_assert_cmpint(rt_count_children(contents), ==, 4);
    g_assert_cmpstr(rt_text(&r, rt_child(contents, 1)), ==, "I. THE FLOOD YEAR 1");
    const int chapters[] = {10, 18, 20};
    const char *titles[] = {"I. THE FLOOD YEAR", "II. A ROOF FOR THE GRANARY",
                            "III. THE LEDGER ON THE SHELF"};
    for (int k = 0; k < 3; k++) {
        imprint_node *h = rt_child(a, chapters[k]);
        g_assert_cmpstr(rt_text(&r, h), ==, titles[k]);
        g_assert_cmpint(h->as.heading.level, ==, 1);
    }
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "taken as a figure with its caption"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "read as the title page"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 31, "(a half-title): dropped"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 34, "number heading \u201cI\u201d"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, "list of references"));
    /* every line of the title page is kept (its first as the title): the
     * word check places a title at the article's first line, not here */
    const char *page[] = {"A Novel", "BY", "HANNAH PREWITT", "LONDON: THE RIVER PRESS",
                          "MDCCCXCIX"};
    for (int k = 0; k < 5; k++)
        g_assert_cmpstr(rt_text(&r, rt_child(a, 1 + k)), ==, page[k]);
    rt_result_free(&r);
}

/* Its lookalikes: a title in emphasis is a title, without the marks;
 * number headings over prose stay as they are; a narrated question in
 * quotes is a sentence, not a heading nor a reference; short lines after
 * the prose are still a list of references. */
static void test_novel_lookalike(void)
{
    rt_result r = read_shape("novel_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Quiet Year");
    assert_kinds(a, "PHPHPPL");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "I");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 3)), ==, "II");
    g_assert_true(rt_child(a, 6)->as.list.bibliography);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "title page"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "number heading"));
    assert_words(&r);
    rt_result_free(&r);
}

/* TITLE_PAGE_MIN_LINES: so many headings at the top of an untitled text
 * are a title page; one fewer are headings. */
static void test_title_page_min_lines(void)
{
    for (int n = TITLE_PAGE_MIN_LINES - 1; n <= TITLE_PAGE_MIN_LINES; n++) {
        GString *s = g_string_new("[Illustration: A MILL]\n\n");
        for (int k = 0; k < n; k++)
            g_string_append_printf(s, "LINE %c OF THE PAGE\n\n", 'A' + k);
        g_string_append(s, "CONTENTS\n\nThe text begins here and goes on for a while, as "
                           "text does, with more words than a title page has.\n");
        rt_result r = read_wrap("page.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "title page"), ==,
                        n >= TITLE_PAGE_MIN_LINES);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* Fewer lines than TITLE_PAGE_MIN_LINES are a title page when the one
 * under the title is a byline ("By Jane Hale"); over another line ("A
 * Tale") the title is a heading. */
static void test_title_page_two_lines(void)
{
    for (int byline = 0; byline <= 1; byline++) {
        char *t = g_strdup_printf(
            "Title: The Mill\n\nAuthor: Jane Hale\n\n*** START OF THE PROJECT GUTENBERG "
            "EBOOK THE MILL ***\n\nTHE MILL\n\n%s\n\nCONTENTS\n\nThe text begins here and "
            "goes on for a while, as text does, with more words than a title page has.\n",
            byline ? "By Jane Hale" : "A Tale");
        rt_result r = read_wrap("pg.txt", t, IMPRINT_WRAP_AUTO);
        imprint_node *a = rt_article(&r, 0);
        g_assert_cmpint(rt_child(a, 0)->kind, ==,
                        byline ? IMPRINT_NODE_PARAGRAPH : IMPRINT_NODE_HEADING);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "read as the title page"), ==, byline);
        rt_result_free(&r);
        g_free(t);
    }
}

/* A heading that repeats the title keeps its place when text of its own
 * follows it: a poem named as its book is no half-title. */
static void test_half_title_lookalike(void)
{
    rt_result r = read_wrap("half.txt",
                            "The Quiet Year\n\nA word on the valley, in a sentence or two that "
                            "opens the book before its first part.\n\nThe Quiet Year\n\nThe "
                            "part of the same name begins here and goes on for a while.\n\nThe "
                            "Mill\n\nAnother part begins here and goes on as the first did.\n",
                            IMPRINT_WRAP_AUTO);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Quiet Year");
    assert_kinds(a, "PHPHP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "half-title"));
    rt_result_free(&r);
}

/* "I. Of my first teacher": numbered paragraphs whose numbers start
 * again in each part are no one's turns in a play. */
static void test_numbered_paragraphs(void)
{
    rt_result r = read_shape("numbered_paragraphs.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HPPPHPPP");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 1)), "I. Of my first teacher"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A table of contents under a heading of its own words ("Written Here"),
 * its entries the chapters' headings below; the title page "by" over the
 * name; a chapter's title under its number over an indented epigraph; the
 * dateline under the foreword's signature, over the next chapter. */
static void test_contents_unheaded(void)
{
    rt_result r = read_shape("contents_unheaded.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Harbour Lights");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Anne Vale");
    assert_kinds(a, "HLHPPPCHQPPHPHPHP");
    imprint_node *list = rt_child(a, 1);
    g_assert_true(list->as.list.contents);
    g_assert_cmpint(rt_count_children(list), ==, 5);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 6)), ==, "PORTHKEW, MAR. 3, 1911.");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 7)), ==, "I. Of the Quay");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 12, "its entries the headings below"));
    rt_result_free(&r);
}

/* Short lines before the prose that do not come back as headings (a
 * stanza: one of its lines alone later) are no contents; a date in
 * capitals over the text of its day heads it. */
static void test_contents_unheaded_lookalike(void)
{
    rt_result r = read_shape("contents_unheaded_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "QPPHPHPHPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "table of contents"));
    g_assert_cmpstr(rt_text(&r, rt_child(a, 3)), ==, "JANUARY 4, 1891");
    assert_words(&r);
    rt_result_free(&r);
}

/* CONTENTS_RECUR_SHARE: ten short lines over the text, so many of them
 * headings again below, are its contents; one fewer, they are not. */
static void test_contents_recur_share(void)
{
    const int n = 10, need = (int)(CONTENTS_RECUR_SHARE * n + 0.999);
    for (int k = need - 1; k <= need; k++) {
        GString *s = g_string_new("The Book\n\nThe Opening\n\n");
        for (int e = 0; e < n; e++)
            g_string_append_printf(s, "Part %c of the book\n", 'A' + e);
        for (int e = 0; e < k; e++)
            g_string_append_printf(s,
                                   "\nPart %c of the book\n\nThe text of this part begins "
                                   "here and goes on for a while, as text does.\n",
                                   'A' + e);
        rt_result r = read_wrap("recur.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "its entries the headings below"), ==,
                        k >= need);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* "(* text)" right under its paragraph, no blank line between, for the
 * marker "*" (or "**", "***") glued to a word above: notes, the numbers
 * starting again in the next letter; "Letter I" over its addressee is one
 * heading. */
static void test_notes_paren_symbol(void)
{
    rt_result r = read_shape("notes_paren_symbol.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HPPPHP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)), ==, "Letter I. To the Reverend John Ashby");
    g_assert_cmpint(a->as.article.note_count, ==, 4);
    /* the prose under a note is the text's, though it leaves
     * parentheses unbalanced ("a) the marl") */
    g_assert_cmpint(rt_count_children(note_of(a, 1)), ==, 1);
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 2)), "The mill stands below"));
    g_assert_cmpint(refs_in(rt_child(a, 3)), ==, 2);
    g_assert_cmpstr(rt_text(&r, note_of(a, 2)), ==,
                    "The tower was raised by twenty feet in the last century.");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, ""));
    rt_result_free(&r);
}

/* "(* denotes a churchwarden for the year.)" is the key to the marks in a
 * list of names: no note. */
static void test_notes_paren_symbol_lookalike(void)
{
    rt_result r = read_shape("notes_paren_symbol_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 0);
    assert_words(&r);
    rt_result_free(&r);
}

/* A number line and its title set apart together ("CHAPTER I" / "The
 * Flood", "THE FIRST CHAPTER" / "PUDDLEBY") are one heading; a number line
 * over the sentence it begins ("BOOK II" / "was printed…") is not. */
static void test_numbered_title(void)
{
    const char *t = "The Book\n\nCHAPTER I\nThe Flood\n\nThe flood came in the night and the "
                    "water rose.\n\nTHE SECOND CHAPTER\n\nTHE MILL\n\nThe mill was rebuilt in "
                    "the spring.\n\nBOOK II\nwas printed in the spring of that year, and sold "
                    "at once.\n";
    rt_result r = read_wrap("chapters.txt", t, IMPRINT_WRAP_NO);
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HPHPPP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)), ==, "CHAPTER I. The Flood");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 2)), ==, "THE SECOND CHAPTER. THE MILL");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "BOOK II");
    rt_result_free(&r);
}

/* Two lines of prose with wide spaces by chance ("married.  It can't",
 * "helped."   And") have as many "cells" but no columns: no table; cells
 * that line up on their starts, ends or middles are one. */
static void test_table_columns_align(void)
{
    const char *t = "Title\n\nThe miller said to her, \"go and get married.  It can't be\n"
                    "helped.\"   And he took down his hat and went out.\n\n"
                    "        When out              When in\n"
                    "          Daily.               Weekly.\n\n"
                    "Mill     River    Built\n"
                    "Upper    Wey      1540\n";
    rt_result r = read_wrap("cols.txt", t, IMPRINT_WRAP_NO);
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPTT");
    rt_result_free(&r);
}

/* Indented lines most of them in capitals (a title page's "BEING THE" /
 * "TRUE ACCOUNT…", a dedication's "TO" / "THE KEEPERS") are display lines,
 * kept line by line in a paragraph; the indented song in mixed case is
 * verse. */
static void test_display_lines(void)
{
    rt_result r = read_shape("display_lines.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPPQP");
    imprint_node *p = rt_child(a, 0);
    g_assert_cmpint(rt_child(p, 1)->kind, ==, IMPRINT_NODE_LINEBREAK);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "lines of display"));
    g_assert_cmpint(rt_child(rt_child(a, 5), 0)->kind, ==, IMPRINT_NODE_VERSE);
    assert_words(&r);
    rt_result_free(&r);
}

/* An anthology's poet with their years ("Anne Vale. 1801-1862") over the
 * numbered title: the title is the poem's, the poet its author; a title
 * that names someone with their years ("In Memory of Anne Vale,
 * 1801-1862") stays the title, the line under it the subtitle. */
static void test_verse_anthology(void)
{
    rt_result r = read_shape("verse_anthology.txt");
    g_assert_cmpint(r.articles, ==, 3);
    const char *titles[] = {"12. The Ferry", "13. The Lamp",
                            "14. In Memory of Anne Vale, 1801-1862"};
    const char *poets[] = {"Anne Vale", "Thomas Orme", NULL};
    for (int k = 0; k < 3; k++) {
        imprint_node *a = rt_article(&r, k);
        g_assert_cmpstr(a->as.article.title, ==, titles[k]);
        if (poets[k])
            g_assert_cmpstr(a->as.article.authors[0], ==, poets[k]);
        else
            g_assert_null(a->as.article.authors);
    }
    g_assert_cmpstr(rt_article(&r, 2)->as.article.subtitle, ==, "Written at her grave");
    rt_result_free(&r);
}

/* CAPS_HEADING_MAX_LINES: so many lines in capitals over prose are one
 * heading, line by line; one more are display lines, a paragraph. */
static void test_caps_heading_max_lines(void)
{
    for (int n = CAPS_HEADING_MAX_LINES; n <= CAPS_HEADING_MAX_LINES + 1; n++) {
        GString *s = g_string_new("The Book\n\nThe text begins here and goes on for a while, as "
                                  "text does, with more words than a heading has.\n\n");
        for (int k = 0; k < n; k++)
            g_string_append_printf(s, "OF THE %s PART OF THE BOOK,\n", k % 2 ? "OTHER" : "FIRST");
        g_string_append(s, "\nThe text of the part begins here and goes on for a while, as "
                           "text does, with more words than a heading has.\n");
        rt_result r = read_wrap("caps.txt", s->str, IMPRINT_WRAP_NO);
        imprint_node *a = rt_article(&r, 0);
        imprint_node *h = rt_child(a, 1);
        g_assert_cmpint(h->kind, ==,
                        n <= CAPS_HEADING_MAX_LINES ? IMPRINT_NODE_HEADING
                                                    : IMPRINT_NODE_PARAGRAPH);
        g_assert_cmpint(rt_count_children(h), ==, 2 * n - 1); /* the lines and breaks */
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* READ_TEXT_BIB_PROSE_WORDS: short lines are references only after a line
 * of so many words. */
static void test_bib_prose_words(void)
{
    for (int n = READ_TEXT_BIB_PROSE_WORDS - 1; n <= READ_TEXT_BIB_PROSE_WORDS; n++) {
        GString *s = g_string_new("A Title\n\n");
        for (int k = 0; k < n; k++)
            g_string_append(s, k ? " word" : "Word");
        g_string_append(s, "\n\n");
        for (int k = 0; k < READ_TEXT_MIN_BIB_RUN; k++)
            g_string_append_printf(s, "Author%c, A. A Book Title\n\n", 'A' + k);
        rt_result r = read_wrap("bib.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, "list of references"), ==,
                        n >= READ_TEXT_BIB_PROSE_WORDS);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* WRAP_COLUMN_GAP: a gap of so many spaces inside a line keeps it from
 * being joined in wrapped text; one space fewer joins. */
static void test_wrap_column_gap(void)
{
    for (int gap = WRAP_COLUMN_GAP - 1; gap <= WRAP_COLUMN_GAP; gap++) {
        char *body = wrapped_paragraphs(12, 70);
        GString *s = g_string_new(body);
        g_free(body);
        char *wide = g_strnfill((gsize)gap, ' ');
        /* as long as the body's lines, so that only the gap keeps it apart */
        g_string_append_printf(s, "Harbour harbour harbour harbour harbour harbour harbour%s7\n",
                               wide);
        g_string_append(s, "and the line after it\n");
        g_free(wide);
        rt_result r = read_wrap("gap.txt", s->str, IMPRINT_WRAP_YES);
        g_assert_cmpint(doc_has_text(&r, "7 and the line after it"), ==, gap < WRAP_COLUMN_GAP);
        g_assert_true(doc_has_text(&r, "and the line after it"));
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* A collection of tales whose titles are set off by more blank lines than
 * anything after the first (four, the paragraphs one): an article each,
 * the title page's article first (its byline the author of each tale);
 * "PART I" right under a title heads a section, the capitals under the
 * other title are its subtitle. A book whose chapters are so set off but
 * numbered ("CHAPTER I") is one article. */
static void test_collection_gaps(void)
{
    rt_result r = read_shape("collection_gaps.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "HARBOUR TALES");
    g_assert_cmpstr(r.doc->meta.title, ==, "HARBOUR TALES");
    imprint_node *a = rt_article(&r, 1), *b = rt_article(&r, 2);
    g_assert_cmpstr(a->as.article.title, ==, "THE LANTERN KEEPER");
    g_assert_cmpstr(a->as.article.authors[0], ==, "MARY QUILL");
    g_assert_null(a->as.article.subtitle);
    assert_kinds(a, "HPPHP");
    g_assert_cmpstr(b->as.article.authors[0], ==, "MARY QUILL");
    g_assert_nonnull(strstr(b->as.article.subtitle, "PENMARROW, 1889"));
    assert_kinds(b, "PP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 16, "titles of a collection's pieces"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 37, "taken as its subtitle"));
    /* (the words of the byline are the articles' authors, which
     * assert_words does not read) */
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(rt_article(&r, 0), 0)), "These tales"));
    rt_result_free(&r);
    r = read_shape("collection_gaps_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    assert_kinds(rt_article(&r, 0), "HPHPPHPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "collection's pieces"));
    rt_result_free(&r);
}

/* A collection's text: its title, a preface and `titles` tales, each set
 * off by `gap` blank lines, the first with `caps` lines in capitals under
 * its title. */
static GString *pieces_text_first(int titles, int gap, int caps, int first_more)
{
    static const char *const names[] = {"FIRST", "SECOND", "THIRD"};
    GString *s = g_string_new("HARBOUR TALES\n\nA preface by the teller of these tales, who "
                              "heard them all on the quay.\n");
    for (int t = 0; t < titles; t++) {
        for (int i = 0; i < gap + (t ? 0 : first_more); i++)
            g_string_append_c(s, '\n');
        g_string_append_printf(s, "THE %s NIGHT\n\n", names[t]);
        for (int i = 0; i < (t ? 0 : caps); i++)
            g_string_append_printf(s, "AS TOLD ON THE QUAY%s", i + 1 < caps ? "\n" : "\n\n");
        g_string_append(s, "The first paragraph of the tale goes on for a good many words.\n\n"
                           "The second paragraph of the tale ends it with a few more.\n");
    }
    return s;
}

/* The same, every title set off by `gap` blank lines. */
static GString *pieces_text(int titles, int gap, int caps)
{
    return pieces_text_first(titles, gap, caps, 0);
}

/* TITLE_GAP_MIN_LINES: titles set off by three blank lines (the
 * paragraphs by one) open articles, by two they are sections;
 * TITLE_GAP_MIN_TITLES: one such title alone is a section. */
static void test_title_gap_limits(void)
{
    for (int more = 0; more < 2; more++) {
        GString *src = pieces_text(2, TITLE_GAP_MIN_LINES - 1 + more, 0);
        rt_result r = rt_read_buffer("tales.txt", src->str, src->len, NULL);
        g_assert_cmpint(r.articles, ==, more ? 3 : 1);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
    for (int more = 0; more < 2; more++) {
        GString *src = pieces_text(TITLE_GAP_MIN_TITLES - 1 + more, TITLE_GAP_MIN_LINES, 0);
        rt_result r = rt_read_buffer("tales.txt", src->str, src->len, NULL);
        g_assert_cmpint(r.articles, ==, more ? TITLE_GAP_MIN_TITLES + 1 : 1);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* The first tale set off from the preface by more blank lines than the
 * others: the others' gap is the collection's, TITLE_GAP_MIN_TITLES titles
 * at it; with fewer recurring at it, the wide gap alone is no collection's
 * (a report's one heading set off more than the next). */
static void test_title_gap_recurs(void)
{
    for (int more = 0; more < 2; more++) {
        GString *src = pieces_text_first(TITLE_GAP_MIN_TITLES + more, TITLE_GAP_MIN_LINES, 0, 2);
        rt_result r = rt_read_buffer("tales.txt", src->str, src->len, NULL);
        g_assert_cmpint(r.articles, ==, more ? TITLE_GAP_MIN_TITLES + 2 : 1);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* SUBTITLE_MAX_LINES: so many lines in capitals under a piece's title are
 * its subtitle; one more are not. */
static void test_subtitle_max_lines(void)
{
    for (int more = 0; more < 2; more++) {
        GString *src = pieces_text(2, TITLE_GAP_MIN_LINES, SUBTITLE_MAX_LINES + more);
        rt_result r = rt_read_buffer("tales.txt", src->str, src->len, NULL);
        g_assert_cmpint(r.articles, ==, 3);
        const char *sub = rt_article(&r, 1)->as.article.subtitle;
        if (more)
            g_assert_null(sub);
        else
            g_assert_nonnull(sub);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* An exchange a book quotes, names in emphasis ("_Counsel_. 'You saw…'",
 * "_Witness_ (no answer)."): turns, and the book's prose after them is no
 * one's turn; papers' names in emphasis over their dates are references,
 * no speakers. */
static void test_quoted_exchanges(void)
{
    rt_result r = read_shape("quoted_exchanges.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPSSSSSSSSPP");
    g_assert_cmpstr(rt_child(a, 2)->as.speech.speaker, ==, "Counsel");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 9)->first_child), ==, "(no answer).");
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("quoted_exchanges_lookalike.txt");
    g_assert_false(any_speech(&r));
    rt_result_free(&r);
}

/* QUOTED_TURNS_SHARE: with one of the seven spoken turns unquoted (6/7,
 * under the share) the exchange is a transcript's, and the prose after it
 * goes on the last turn. */
static void test_quoted_turns_share(void)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "quoted_exchanges.txt", NULL);
    gchar *data = NULL;
    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    g_assert_cmpfloat(6.0 / 7, <, QUOTED_TURNS_SHARE);
    char *cut = strstr(data, "'At what hour?'");
    g_assert_nonnull(cut);
    cut[0] = ' ', cut[14] = ' ';
    rt_result r = rt_read_buffer("exchange.txt", data, strlen(data), NULL);
    assert_kinds(rt_article(&r, 0), "PPSSSSSSSS");
    rt_result_free(&r);
    g_free(data);
    g_free(path);
}

/* "## A Title" set apart in a plain text: the marks are markup, dropped;
 * "#3 of the year" and a run of "# " lines stay as they are. */
static void test_heading_marks(void)
{
    const char *src = "## A Chapter Title\n\nA paragraph of the chapter that follows its "
                      "title, long enough to be prose.\n\n#3 of the year, it said.\n\n"
                      "# one\n# two\n";
    rt_result r = rt_read_buffer("chapter.txt", src, strlen(src), NULL);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "A Chapter Title");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "heading mark ('##')"));
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "#3 of the year, it said.");
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 2)), "# one"));
    rt_result_free(&r);
}

/* A collection's front matter set off as its tales are: a "PREFATORY
 * NOTE" over prose and a half-title with nothing under it stay in the
 * title page's article; the tales after them are the pieces. A title with
 * nothing under it between two tales is no collection's sign: the file
 * stays one article. */
static void test_collection_front(void)
{
    rt_result r = read_shape("collection_front.txt");
    g_assert_cmpint(r.articles, ==, 3);
    imprint_node *front = rt_article(&r, 0);
    g_assert_cmpstr(front->as.article.title, ==, "TALES OF THE QUAY");
    g_assert_cmpstr(rt_text(&r, first_of(front, IMPRINT_NODE_HEADING)), ==, "PREFATORY NOTE");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "THE LANTERN KEEPER");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "A WINTER CROSSING");
    rt_result_free(&r);
    const char *book =
        "THE SALT ROAD\n\nA preface of the book, long enough to read as its prose.\n\n"
        "\n\n\nTHE PANS\n\nThe pans were worked by families for generations.\n\n"
        "\n\n\nTHE CARRIERS\n\n\n\n\nTHE ROAD\n\nThe road climbed through three "
        "parishes before the market.\n";
    r = rt_read_buffer("book.txt", book, strlen(book), NULL);
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);
}

/* A verse collection's title page with a dedication and a contents: an
 * article of its own (its subtitle, its byline, the dedication, the
 * contents), nothing of it dropped; each poem its author's. With only a
 * line under the title, that line is the collection's subtitle and there
 * is no such article. */
static void test_verse_collection_front(void)
{
    rt_result r = read_shape("verse_collection_front.txt");
    g_assert_cmpint(r.articles, ==, 4);
    imprint_node *front = rt_article(&r, 0);
    g_assert_cmpstr(front->as.article.title, ==, "SONGS OF THE TARN");
    g_assert_cmpstr(front->as.article.subtitle, ==, "First Book (1890)");
    g_assert_cmpstr(front->as.article.authors[0], ==, "Anne Vale");
    g_assert_cmpstr(rt_text(&r, rt_child(front, 0)), ==, "Dedication: To M. H.");
    g_assert_nonnull(first_of(front, IMPRINT_NODE_LIST));
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "The Mill");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.authors[0], ==, "Anne Vale");
    rt_result_free(&r);
    r = read_shape("verse_collection_subtitle.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(r.doc->meta.subtitle, ==, "First Book (1890)");
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "The Mill");
    rt_result_free(&r);
}

/* A verse collection's "[Picture: …]" and "CONTENTS" set apart as titles
 * are: the figure and the contents of its front article, no poems. The
 * lookalikes, poems titled "THE CONTENTS OF A DRAWER" and "THE PICTURE",
 * are poems. */
static void test_verse_collection_contents(void)
{
    rt_result r = read_shape("verse_collection_contents.txt");
    g_assert_cmpint(r.articles, ==, 4);
    imprint_node *front = rt_article(&r, 0);
    g_assert_cmpstr(front->as.article.title, ==, "SONGS OF THE SALT MARSH");
    g_assert_nonnull(first_of(front, IMPRINT_NODE_FIGURE));
    imprint_node *contents = first_of(front, IMPRINT_NODE_LIST);
    g_assert_nonnull(contents);
    g_assert_true(contents->as.list.contents);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "THE HERON");
    rt_result_free(&r);
    r = read_shape("verse_collection_contents_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE CONTENTS OF A DRAWER");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "THE PICTURE");
    rt_result_free(&r);
}

/* "2 The gas works…" between "1." and "3." under a Notes heading: the
 * second definition with its stop lost; "7 Rivers meet…" after "2." is
 * not the next number and stays a paragraph. */
static void test_notes_stop_lost(void)
{
    rt_result r = read_shape("notes_stop_lost.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    g_assert_cmpint(refs_in(rt_child(a, 0)), ==, 3);
    g_assert_cmpstr(rt_text(&r, note_of(a, 2)), ==, "The gas works opened in 1858, a year late.");
    rt_result_free(&r);
    r = read_shape("notes_stop_lost_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 2);
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(a, 1)), "7 Rivers meet"));
    rt_result_free(&r);
}

/* A hyphen at a line end before a word of the text ("traditions-" /
 * "for", a dash short of a stroke) stays: only the text's own use of the
 * whole word joins such halves. "ing" after "seek-" and "relat-" is no word
 * of the text for being broken off twice: those join. */
static void test_wrapped_dash_break(void)
{
    rt_result r = read_shape("wrapped_dash_break.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)), "oldest traditions-for written"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "its second half is a word of the text"));
    const char *third = rt_text(&r, rt_child(a, 2));
    g_assert_nonnull(strstr(third, "habit of seeking out"));
    g_assert_nonnull(strstr(third, "always relating the story"));
    rt_result_free(&r);
}

/* A hyphen at a line end after a first half that is a word of the text
 * stays unless the second half is a suffix, the ending of other words:
 * "error-" + "prone" and "toll-" + "specific" stay compounds (though the
 * patterns would break "errorprone" there), "walk-" + "ing" joins. */
static void test_hyphen_compound(void)
{
    rt_result r = read_shape("hyphen_compound.txt");
    g_assert_true(doc_has_text(&r, "the winter of the flood, error-prone, for"));
    g_assert_true(doc_has_text(&r, "of the toll-specific kind"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 5, "its second ends no other word"));
    rt_result_free(&r);
    r = read_shape("hyphen_compound_lookalike.txt");
    g_assert_true(doc_has_text(&r, "the count of the walking was done"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "walk-ing \u2192 walking"));
    rt_result_free(&r);
}

/* WRAP_SUFFIX_MIN_WORDS: "kind-" + "ness" joins when "ness" ends three
 * other words of the text, not two. */
static void test_suffix_limit(void)
{
    g_assert_cmpint(WRAP_SUFFIX_MIN_WORDS, ==, 3);
    for (int others = 2; others <= 3; others++) {
        GString *s = g_string_new(NULL);
        for (int k = 0; k < 16; k++)
            line_to(s, k == 15 ? 64 : 70, k == 3 ? "be kind." : "the");
        g_string_truncate(s, s->len - 1);
        g_string_append(s, " kind-\nness and darkness and sadness");
        g_string_append(s, others == 3 ? " and goodness.\n" : ".\n");
        rt_result r = read_wrap("suffix.txt", s->str, IMPRINT_WRAP_YES);
        g_assert_cmpint(doc_has_text(&r, "kindness"), ==, others == 3);
        g_assert_cmpint(doc_has_text(&r, "kind-ness"), ==, others == 2);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* A sentence set apart that the wrapper broke, going on in a small letter
 * ("Why is it that a keeper …, and a most careful man in all" / "his
 * ways?") is a paragraph, no heading. Lookalike: a head in capitals broken
 * before its reference in small letters ("… S.S." / "ii. 4)"), and a
 * question of one line, stay headings. */
static void test_heading_wrapped_sentence(void)
{
    rt_result r = read_shape("heading_wrapped_sentence.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPP");
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("heading_wrapped_sentence_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "PHPPHP");
    assert_words(&r);
    rt_result_free(&r);
}

/* A short line alone at the prose's margin under verse set in, nearer to
 * it than to the next entry ("G.T.", "Amos Pellow", "_The Quay Book_"),
 * is the quotation's source, reported. Lookalike: "Sing and repeat!"
 * under a song, and a name with more space above it than below (a
 * heading, here an article's title), are not. */
static void test_quote_source_under(void)
{
    rt_result r = read_shape("quote_source_under.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PQPQPQPPQP");
    const char *const sources[] = {"G.T.", "Amos Pellow", "The Quay Book", "G.T."};
    int n = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_QUOTE) {
            g_assert_cmpint(c->last_child->kind, ==, IMPRINT_NODE_CITATION);
            g_assert_cmpstr(rt_text(&r, c->last_child), ==, sources[n++]);
        }
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "the source of the quotation above it"));
    rt_result_free(&r);
    r = read_shape("quote_source_under_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "Amos Pellow");
    a = rt_article(&r, 0);
    assert_kinds(a, "PQPP");
    g_assert_cmpint(rt_child(a, 1)->last_child->kind, !=, IMPRINT_NODE_CITATION);
    rt_result_free(&r);
}

/* CITATION_UNDER_MAX_WORDS: "Amos Pellow the Lamp-Keeper" (4 words) signs
 * the verse above it, "Amos Pellow the Lamp Keeper" (5) does not. */
static void test_citation_under_limit(void)
{
    g_assert_cmpint(CITATION_UNDER_MAX_WORDS, ==, 4);
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "quote_source_under.txt", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    const char *const names[] = {"Amos Pellow the Lamp-Keeper", "Amos Pellow the Lamp Keeper"};
    for (int k = 0; k < 2; k++) {
        GString *s = g_string_new(text);
        char *at = strstr(s->str, "Amos Pellow");
        g_assert_nonnull(at);
        g_string_erase(s, at - s->str, strlen("Amos Pellow"));
        g_string_insert(s, at - s->str, names[k]);
        rt_result r = read_wrap("under.txt", s->str, IMPRINT_WRAP_AUTO);
        const imprint_node *q = rt_child(rt_article(&r, 0), 3);
        g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
        g_assert_cmpint(q->last_child->kind == IMPRINT_NODE_CITATION, ==, k == 0);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
    g_free(text);
}

/* A dictionary's letters ("A", "B") after headings in capitals are its
 * capitals too: sections of the same level, no subsections of the heading
 * above. Lookalike: "A Note on the Spelling" under "PREFACE" is its
 * subsection. */
static void test_letter_sections(void)
{
    rt_result r = read_shape("letter_sections.txt");
    imprint_node *a = rt_article(&r, 0);
    int headings = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING) {
            g_assert_cmpint(c->as.heading.level, ==, 1);
            headings++;
        }
    g_assert_cmpint(headings, ==, 4);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "subsection"));
    rt_result_free(&r);
    r = read_shape("letter_sections_lookalike.txt");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "a subsection (level 2)"));
    rt_result_free(&r);
}

/* A letter's signature alone over a postscript ("J. HARROW." over "My
 * regards to Tom, and to the children.") closes it when the writer signs
 * so under a sign-off elsewhere and the next letter's number follows; the
 * postscript, a sentence, stays a paragraph, where a place under the name
 * ("Lamp Room, North Pier.") is the closing's. Lookalike: "KEEPER'S NOTE."
 * over a sentence, each time, is a heading, its sentence no signature. */
static void test_letters_postscript(void)
{
    rt_result r = read_shape("letters_postscript.txt");
    imprint_node *a = rt_article(&r, 1), *c = first_of(a, IMPRINT_NODE_CLOSER);
    g_assert_cmpstr(rt_text(&r, c), ==, "J. HARROW.");
    g_assert_cmpint(c->next->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpstr(rt_text(&r, c->next), ==, "My regards to Tom, and to the children.");
    c = first_of(rt_article(&r, 2), IMPRINT_NODE_CLOSER);
    g_assert_cmpstr(rt_text(&r, c), ==, "J. HARROW. Lamp Room, North Pier.");
    rt_result_free(&r);
    r = read_shape("letters_postscript_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_null(first_of(a, IMPRINT_NODE_CLOSER));
    assert_kinds(a, "HPPHPHPPHPHPPHP");
    rt_result_free(&r);
}

/* A name of one word alone under a letter ("HARROW." after "… Your
 * _brother_") is its signature when the writer signs with it under a
 * sign-off elsewhere ("Your friend," / "HARROW."). Lookalike: "HARBOUR."
 * over a paragraph, never under a sign-off, is a heading. */
static void test_letters_signed_name(void)
{
    rt_result r = read_shape("letters_signed_name.txt");
    const imprint_node *c = first_of(rt_article(&r, 1), IMPRINT_NODE_CLOSER);
    g_assert_nonnull(c);
    g_assert_cmpstr(rt_text(&r, c), ==, "HARROW.");
    rt_result_free(&r);
    r = read_shape("letters_signed_name_lookalike.txt");
    imprint_node *a = rt_article(&r, 1);
    g_assert_null(first_of(a, IMPRINT_NODE_CLOSER));
    g_assert_nonnull(first_of(a, IMPRINT_NODE_HEADING));
    g_assert_cmpstr(rt_text(&r, first_of(a, IMPRINT_NODE_HEADING)), ==, "HARBOUR.");
    rt_result_free(&r);
}

/* Reads letters_postscript.txt with `from` replaced by `to`. */
static rt_result read_letters_with(const char *from, const char *to)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "letters_postscript.txt", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    GString *s = g_string_new(text);
    g_free(text);
    g_assert_cmpuint(g_string_replace(s, from, to, 1), ==, 1);
    rt_result r = read_wrap("letters.txt", s->str, IMPRINT_WRAP_AUTO);
    g_string_free(s, TRUE);
    return r;
}

/* CLOSER_POSTSCRIPT_LINES: a postscript of three lines under the signature
 * leaves it the letter's closing, one of four does not. CLOSER_SENTENCE_WORDS:
 * "Lamp room of pier." (four words, three in small letters) under the name
 * is a sentence, no part of the closing; "Lamp room, pier." (three) is. */
static void test_closer_limits(void)
{
    g_assert_cmpint(CLOSER_POSTSCRIPT_LINES, ==, 3);
    g_assert_cmpint(CLOSER_SENTENCE_WORDS, ==, 4);
    const char *ps = "My regards to Tom, and to the children.";
    for (int lines = 3; lines <= 4; lines++) {
        rt_result r =
            read_letters_with(ps, lines == 3 ? "My regards to Tom,\nand to Ann,\nand to May."
                                             : "My regards to Tom,\nand to Ann,\nand "
                                               "to May,\nand to the children.");
        g_assert_cmpint(first_of(rt_article(&r, 1), IMPRINT_NODE_CLOSER) != NULL, ==, lines == 3);
        rt_result_free(&r);
    }
    for (int words = 3; words <= 4; words++) {
        rt_result r = read_letters_with("Lamp Room, North Pier.",
                                        words == 3 ? "Lamp room, pier." : "Lamp room of pier.");
        const imprint_node *c = first_of(rt_article(&r, 2), IMPRINT_NODE_CLOSER);
        g_assert_nonnull(c);
        g_assert_cmpint(strstr(rt_text(&r, c), "pier") != NULL, ==, words == 3);
        rt_result_free(&r);
    }
}

/* Spaces after a bracket in a paragraph's first line ("KEEL, n.  [from the
 * Norse]   The part of a ship that the harbour master" / "never sees …")
 * are no column gap when the sentence goes on in small letters below: one
 * paragraph. Lookalike: a numbered head beside its text keeps its line. */
static void test_wrapped_gap_sentence(void)
{
    rt_result r = read_shape("wrapped_gap_sentence.txt");
    g_assert_true(doc_has_text(&r, "the harbour master never sees and always charges for."));
    rt_result_free(&r);
    r = read_shape("wrapped_gap_sentence_lookalike.txt");
    g_assert_false(doc_has_text(&r, "the harbour master never sees"));
    rt_result_free(&r);
}

/* A stanza set in whose lines open speeches ('"The tide was out, the hour
 * was late,"' / 'Said Jack, "and so I had to wait."' / '"The tide," said
 * he, …') is verse quoted, one line a line; its second line no source.
 * Lookalike: a quoted passage of wrapped prose set in is a quotation of
 * one paragraph. */
static void test_quoted_verse_speech(void)
{
    rt_result r = read_shape("quoted_verse_speech.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPQP");
    assert_kinds(rt_child(a, 3), "V");
    g_assert_cmpint(rt_count_children(rt_child(a, 3)->first_child), ==, 4);
    rt_result_free(&r);
    r = read_shape("quoted_verse_speech_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "PPPQP");
    assert_kinds(rt_child(a, 3), "P");
    rt_result_free(&r);
}

/* A song quoted in a wrapped book, its stanzas a blank line apart: one
 * quotation of three stanzas; its title after "…which he called" ends that
 * sentence, a paragraph and no heading. Two inscriptions with prose between
 * them, and a stanza set farther off than the one before it from the
 * prose, are quotations of their own. */
static void test_quoted_poem(void)
{
    rt_result r = read_shape("quoted_poem.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPQP");
    imprint_node *q = rt_child(a, 4);
    assert_kinds(q, "VVV");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 3)), ==, "THE SLOW TIDE.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 21, "ends the sentence above it"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("quoted_poem_lookalike.txt");
    a = rt_article(&r, 0);
    assert_kinds(a, "PPPQPQQP");
    assert_words(&r);
    rt_result_free(&r);
}

/* A chapter's last paragraph whose stop is lost ("…with the others before
 * it") over "CHAPTER II.": the chapter heading stands; a title after a full
 * stop is a heading. */
static void test_ends_sentence_lookalike(void)
{
    rt_result r = read_shape("ends_sentence_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "HPPPHPHPP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 4)), ==, "CHAPTER II.");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 6)), ==, "The Year of the Fire");
    assert_words(&r);
    rt_result_free(&r);
}

/* A title page of one phrase a chunk ("addressed to the" / "FARMERS" /
 * "of"), some ending in commas: display lines going on in the next, no
 * poem, from whichever of its lines the poem would start (the lookalike,
 * a poem of one line a chunk, is verse.txt in test_read_text.c). */
static void test_display_title_page(void)
{
    rt_result r = read_shape("display_title_page.txt");
    imprint_node *a = rt_article(&r, 0);
    char *got = kinds(a);
    g_assert_null(strchr(got, 'V'));
    g_free(got);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as verse"));
    assert_words(&r);
    rt_result_free(&r);
}

/* An epigraph's source set in on its own line under it, far right or
 * centred ("Canal Song.", "Proverb of the Towpath."): the quote's citation.
 * The lookalikes: a heading in capitals set so ("PART THE FIRST.") and a
 * line of more than CITATION_SET_IN_MAX_WORDS words are none. */
static void test_epigraph_source(void)
{
    rt_result r = read_shape("epigraph_source.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "QPPQPPP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)->last_child), ==, "Canal Song.");
    g_assert_cmpint(rt_child(a, 0)->last_child->kind, ==, IMPRINT_NODE_CITATION);
    g_assert_cmpint(rt_child(a, 3)->last_child->kind, ==, IMPRINT_NODE_CITATION);
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("epigraph_source_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_null(first_of(a, IMPRINT_NODE_CITATION));
    g_assert_cmpstr(rt_text(&r, first_of(a, IMPRINT_NODE_HEADING)), ==, "PART THE FIRST.");
    assert_words(&r);
    rt_result_free(&r);
}

/* CITATION_SET_IN_MAX_WORDS: a source of so many words set in under the
 * epigraph is its citation; one word more, it is not. */
static void test_citation_set_in_max_words(void)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "epigraph_source.txt", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    for (int more = 0; more < 2; more++) {
        GString *source = g_string_new("Song");
        for (int w = 1; w < CITATION_SET_IN_MAX_WORDS + more; w++)
            g_string_append(source, " song");
        g_string_append_c(source, '.');
        GString *src = g_string_new(text);
        g_string_replace(src, "Canal Song.", source->str, 1);
        rt_result r = rt_read_buffer("epigraph.txt", src->str, src->len, NULL);
        imprint_node *q = rt_child(rt_article(&r, 0), 0);
        g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
        g_assert_cmpint(q->last_child->kind == IMPRINT_NODE_CITATION, ==, !more);
        rt_result_free(&r);
        g_string_free(src, TRUE);
        g_string_free(source, TRUE);
    }
    g_free(text);
    g_free(path);
}

/* A title page set one phrase a line ("THE" / "HISTORY OF" / "THE PARISH
 * OF HOLM," / …): one title, the lines going on from a closing "of", a
 * comma, or a capital line opening with "TO"; a title in capitals over
 * "A HISTORY OF ONE PARISH" keeps that line as its subtitle, and a title
 * over a heading in small letters ("On the Pier") is alone. */
static void test_spaced_title(void)
{
    rt_result r = read_shape("spaced_title.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==,
                    "THE HISTORY OF THE PARISH OF HOLM, FROM THE EARLIEST RECORDS TO THE "
                    "PRESENT DAY.");
    assert_kinds(a, "PP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "one phrase a line over 5 lines"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("chapter_endnotes.txt");
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE CROSSING AT HOLM");
    g_assert_cmpstr(rt_article(&r, 0)->as.article.subtitle, ==, "A HISTORY OF ONE PARISH");
    rt_result_free(&r);
    const char *src = "Harbour Lights\n\nOn the Pier\n\nThe first light on the pier was an oil "
                      "lamp, and it burned for forty years.\n";
    r = rt_read_buffer("lights.txt", src, strlen(src), NULL);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "Harbour Lights");
    rt_result_free(&r);
    /* a poem double spaced, a line ending in a semicolon over the next:
     * no title (a semicolon goes on only over "OR,") */
    src = "The tide is out along the bay;\n\nThe boats lie over on the sand,\n\nAnd gulls "
          "walk where the water lay,\n\nAnd children run across the strand,\n\nAnd no one "
          "minds the turning day.\n";
    r = rt_read_buffer("bay.txt", src, strlen(src), NULL);
    g_assert_null(rt_article(&r, 0)->as.article.title);
    g_assert_cmpint(rt_child(rt_article(&r, 0), 0)->kind, ==, IMPRINT_NODE_VERSE);
    rt_result_free(&r);
}

/* A collection named by its kind ("FABLES OF THE MARSH"): its numbered
 * titles set off by the gap are its pieces; a piece of dialogue alone is
 * text under its title; "Contents:" over two blank lines heads a contents
 * list, no references, and a part's label inside it heads more entries.
 * Lookalikes: a novel's numbered titles at the same gap are its chapters,
 * and in a collection "CHAPTER I" still heads a chapter. */
static void test_collection_numbered(void)
{
    rt_result r = read_shape("collection_numbered.txt");
    g_assert_cmpint(r.articles, ==, 7);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "FABLES OF THE MARSH");
    assert_kinds(rt_article(&r, 0), "HLHL");
    g_assert_cmpstr(rt_article(&r, 0)->as.article.authors[0], ==, "ANNA REED");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "I. THE HERON\u2019S WAGER");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "III. THE FROG AND THE TADPOLE");
    assert_kinds(rt_article(&r, 3), "PPP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 32, "6 titles set off by 4 blank lines"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_WARNING, 0, "list of references"));
    rt_result_free(&r);
    r = read_shape("collection_numbered_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    assert_kinds(rt_article(&r, 0), "HPPHPPHPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "collection's pieces"));
    rt_result_free(&r);
    GString *src = g_string_new("FABLES OF THE MARSH\n\nA word before the fables, to say where "
                                "they were first heard.\n");
    for (int i = 1; i <= 3; i++)
        g_string_append_printf(src,
                               "\n\n\n\nCHAPTER %d\n\nThe chapter goes on for a good many "
                               "words about the marsh.\n",
                               i);
    r = rt_read_buffer("fables.txt", src->str, src->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);
    g_string_free(src, TRUE);
}

/* Pieces set apart by "***", each opening with its title, a name and a
 * date ("Address to the Guild" / "Martha Lane" / "March 3, 1881"): an
 * article each, the name its author; "Fellow-Citizens of the Guild:" opens
 * a speech, "Gentlemen of the Council:" inside it turns to a part of the
 * hearers (a heading, no lead-in to a quotation) and the name over the
 * "***" is the signature; dates one a line ("March 3, 1881") are no table
 * and no title. Lookalike: a title and a name without a date are
 * no piece's head, a source's name under a quotation stays its citation,
 * and "Gentlemen of the town were heard to say:" heads nothing. */
static void test_collection_separated(void)
{
    rt_result r = read_shape("collection_separated.txt");
    g_assert_cmpint(r.articles, ==, 3);
    imprint_node *a = rt_article(&r, 1), *b = rt_article(&r, 2);
    g_assert_cmpstr(a->as.article.title, ==, "Address to the Guild");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Martha Lane");
    g_assert_cmpstr(b->as.article.authors[0], ==, "Martha Lane");
    assert_kinds(a, "OPHPCB");
    assert_kinds(b, "OPC");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 23, "taken as its signature"));
    /* (the dates in the front are no table's rows, no piece's head) */
    assert_kinds(rt_article(&r, 0), "PPB");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "block quote"));
    rt_result_free(&r);
    r = read_shape("collection_separated_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    assert_kinds(rt_article(&r, 0), "PBPPPQPPPP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 12, "block quote, with line 14 as its source"));
    rt_result_free(&r);
}

/* A book of three numbered pieces ("I. The Chalk") under a title that
 * names none, its preface saying "These" and `between` words and
 * "sketches". */
static rt_result preface_pieces(int between)
{
    GString *s = g_string_new("THE SMALL THINGS\n\nPREFACE\n\nThese");
    for (int k = 0; k < between; k++)
        g_string_append(s, " quite");
    g_string_append(s, " sketches were first printed in a newspaper, one a week.\n");
    static const char *const titles[] = {"I. The Chalk", "II. The Train", "III. The Game"};
    for (int k = 0; k < 3; k++)
        g_string_append_printf(s,
                               "\n\n\n\n%s\n\nThe piece goes on for a good many words about "
                               "small things.\n\nIt ends with a few more.\n",
                               titles[k]);
    rt_result r = rt_read_buffer("sketches.txt", s->str, s->len, NULL);
    g_string_free(s, TRUE);
    return r;
}

/* PIECES_WORD_REACH: a preface that speaks of "these" sketches, so many
 * words between at most, makes a book's numbered titles its pieces; one
 * word more and they are its chapters. */
static void test_pieces_word_reach(void)
{
    rt_result r = preface_pieces(PIECES_WORD_REACH);
    g_assert_cmpint(r.articles, ==, 4);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "I. The Chalk");
    rt_result_free(&r);
    r = preface_pieces(PIECES_WORD_REACH + 1);
    g_assert_cmpint(r.articles, ==, 1);
    rt_result_free(&r);
}

/* A hard-wrapped book's dedication set in and in capitals, a chunk a
 * phrase ("TO" / "MY BROTHER" / …): display paragraphs, line by line, no
 * quotation and no headings. Lookalike: one line set in and in capitals is
 * a heading, a sentence set in a quotation. */
static void test_dedication(void)
{
    rt_result r = read_shape("dedication.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPPPPHPPPP");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 0)), ==, "TO");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "5 paragraphs set in and in capitals"));
    g_assert_cmpstr(a->as.article.authors[0], ==, "Anna Reed");
    rt_result_free(&r);
    r = read_shape("dedication_lookalike.txt");
    assert_kinds(rt_article(&r, 0), "HPHPQPP");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "(a dedication)"));
    rt_result_free(&r);
}

/* DEDICATION_MIN_CHUNKS: so many chunks set in and in capitals in a row
 * are a dedication, one fewer are not. */
static void test_dedication_min_chunks(void)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "dedication_lookalike.txt", NULL);
    char *data = NULL;
    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    const char *at = strstr(data, "PREFACE");
    g_assert_nonnull(at);
    for (int n = DEDICATION_MIN_CHUNKS - 1; n <= DEDICATION_MIN_CHUNKS; n++) {
        GString *s = g_string_new_len(data, at - data);
        for (int k = 0; k < n; k++)
            g_string_append(s, "     TO MY BROTHER\n\n");
        g_string_append(s, "\n");
        g_string_append(s, at);
        rt_result r = rt_read_buffer("dedication.txt", s->str, s->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "(a dedication)"), ==,
                        n >= DEDICATION_MIN_CHUNKS);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
    g_free(data);
    g_free(path);
}

/* ---- a miscellany, chapters, contents, title pages, "_Name._" ------- */

/* Count of `kind` among the article's blocks. */
static int blocks_of(const imprint_node *parent, imprint_node_kind kind)
{
    int n = 0;
    for (const imprint_node *c = parent->first_child; c; c = c->next)
        n += c->kind == kind;
    return n;
}

/* A wrapped introduction over a miscellany of couplets: the file is
 * wrapped though its couplets hold most of its breaks (they say nothing
 * of the prose); the captions emphasised whole head their pieces (a
 * caption turned over with a hanging indent is one line); the verse and
 * the signature between captions are the pieces, no quotations. */
static void test_miscellany_captions(void)
{
    rt_result r = read_shape("miscellany_captions.txt");
    /* (a piece's note under it ends no post: the caption after it, with no
     * stop, opens no article) */
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped text"));
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_QUOTE), ==, 0);
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_VERSE), ==, 10);
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_HEADING), ==, 13);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 51, "a caption emphasised whole over verse"));
    /* the introduction's six paragraphs, the two replies and the signature */
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_PARAGRAPH), ==, 9);
    assert_words(&r);
    rt_result_free(&r);
}

/* CAPTION_HEADING_MIN_RUN different captions over verse head their pieces;
 * one fewer stay paragraphs (and one label over every chorus counts once:
 * play_emphasis_names_lookalike.txt). */
static void test_caption_limit(void)
{
    for (int n = CAPTION_HEADING_MIN_RUN - 1; n <= CAPTION_HEADING_MIN_RUN; n++) {
        GString *src = g_string_new("Windows\n\n\n");
        for (int i = 0; i < n; i++)
            g_string_append_printf(src,
                                   "_At the Inn number %d._\n\nThe glass is clear, the wine is "
                                   "red,\nAnd I must go alone to bed;\nThe fire is out, the "
                                   "candle low,\nAnd nobody to tell me so.\n\n\n",
                                   i + 1);
        rt_result r = rt_read_buffer("windows.txt", src->str, src->len, NULL);
        imprint_node *a = rt_article(&r, 0);
        g_assert_cmpint(blocks_of(a, IMPRINT_NODE_HEADING), ==,
                        n >= CAPTION_HEADING_MIN_RUN ? n : 0);
        rt_result_free(&r);
        g_string_free(src, TRUE);
    }
}

/* "CHAPTER I." over "The House by the Water." (a stop ends it, its long
 * words capitalised) is one heading; "CHAPTER II." over "It was raining
 * again." keeps its first sentence as a paragraph. */
static void test_chapter_title_stop(void)
{
    rt_result r = read_shape("chapter_title_stop.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *h = first_of(a, IMPRINT_NODE_HEADING);
    g_assert_nonnull(h);
    g_assert_cmpstr(rt_text(&r, h), ==, "CHAPTER I. The House by the Water.");
    imprint_node *h2 = h->next;
    while (h2 && h2->kind != IMPRINT_NODE_HEADING)
        h2 = h2->next;
    g_assert_nonnull(h2);
    g_assert_cmpstr(rt_text(&r, h2), ==, "CHAPTER II.");
    g_assert_cmpint(h2->next->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpstr(rt_text(&r, h2->next), ==, "It was raining again.");
    assert_words(&r);
    rt_result_free(&r);
}

/* A contents in parts, each part's heading over its paged entries two
 * blank lines below the last, is one contents, and its parts' headings
 * open no article; the part heading under it with no entries ends it. */
static void test_contents_parts(void)
{
    rt_result r = read_shape("contents_parts.txt");
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "a table of contents of 11 entries (to line 20)"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A transcriber's note closed by a rule, then a title page of single lines
 * (a series, a number) over the title and its byline: the title is the
 * line over the byline, the series and number stay paragraphs above the
 * text (no headings: nothing is under them). Its lookalike, a title over
 * its subtitle over the byline, is chapter_endnotes.txt's. */
static void test_title_page_series(void)
{
    rt_result r = read_shape("title_page_series.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE LAMPLIGHTER\u2019S WIFE");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Ann Morley");
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_HEADING), ==, 0);
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    /* (no word check: the byline's "BY" is its cue, not its text) */
    rt_result_free(&r);
}

/* "_Mag._ Who has learned …": names in emphasis with the stop inside the
 * marks, recurring, are a play's speakers (named without the stop, as
 * "_Tom_." is; "_Iuris con._" cut short); a direction set in between them
 * is no quotation; a glossary's terms so set, each once, are none. */
static void test_play_inner_stop(void)
{
    rt_result r = read_shape("play_inner_stop.txt");
    imprint_node *a = rt_article(&r, 0);
    char *speakers = speakers_of(a);
    g_assert_cmpstr(speakers, ==,
                    "Mag|Marc|Quint|Mag|Marc|Mag|Quint|Mag|Iuris con|Mag|Iuris con|M. Ant|M. Ant|");
    /* (the last turn's tied "of them" opens no post) */
    g_assert_cmpint(r.articles, ==, 1);
    g_free(speakers);
    assert_words(&r);
    rt_result_free(&r);

    /* read as wrapped, the direction set in between turns is no quotation */
    gchar *data = NULL;
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes", "play_inner_stop.txt", NULL);
    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    r = read_wrap(path, data, IMPRINT_WRAP_YES);
    a = rt_article(&r, 0);
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_QUOTE), ==, 0);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play: 13 of its"));
    rt_result_free(&r);
    g_free(data);
    g_free(path);

    r = read_shape("glossary_inner_stop.txt");
    g_assert_false(any_speech(&r));
    rt_result_free(&r);
}

/* "[1]  In a letter … of the new organ" over "     (1853) he calls …":
 * the line set in under a definition turns it over, though it opens as
 * "(N) …" notes do; the three notes link, the year stays the first's. */
static void test_notes_turned_year(void)
{
    rt_result r = read_shape("notes_turned_year.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    for (int n = 1; n <= 3; n++)
        g_assert_cmpint(imprint_note_ref_count(note_of(a, n)), ==, 1);
    g_assert_nonnull(strstr(rt_text(&r, note_of(a, 1)->first_child), "(1853) he calls them"));
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    rt_result_free(&r);
}

/* A book's endnotes "[1] …" under FOOTNOTES, whose first markers stand
 * above a table of rows "(1701)  1  Sonata in D …": the rows look like
 * "(N) text" notes but are none, so they bound no run of notes, and all
 * four markers link. "[3]" alone over a letter is the label of a note
 * whose text is the paragraphs under it, to "[4]"; "[7]" alone in the
 * text (a page number) and "[5]" alone with no "[6]" to close its text
 * are no notes and stay text. */
static void test_notes_after_table(void)
{
    rt_result r = read_shape("notes_after_table.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 4);
    for (int n = 1; n <= 4; n++)
        g_assert_cmpint(imprint_note_ref_count(note_of(a, n)), ==, 1);
    imprint_node *letter = note_of(a, 3);
    g_assert_nonnull(strstr(rt_text(&r, letter->first_child), "VENICE"));
    g_assert_nonnull(strstr(rt_text(&r, letter->last_child), "G. ROSSI."));
    GString *body = g_string_new(NULL);
    imprint_node_append_plain(a, body);
    g_assert_nonnull(strstr(body->str, "[7]"));
    g_assert_nonnull(strstr(body->str, "[5]"));
    g_assert_nonnull(strstr(body->str, "(1704)"));
    g_string_free(body, TRUE);
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    rt_result_free(&r);
}

/* A book's index under "INDEX": each entry an item of one list, its
 * sub-entries set in under it a list in its item ("Abbey organs, 12,
 * 14-16;" over "destroyed in the Civil War, 21."); entries one a
 * line under a letter ("C.") each an item; a cross-reference ("See also
 * Smith, Father.") and an entry turned over before its pages ("Dallam,
 * Thomas, his organ" / "for the Sultan, 17.") stay in their entries; the
 * printer's line after it is no entry. */
static void test_index_entries(void)
{
    rt_result r = read_shape("index_entries.txt");
    imprint_node *a = rt_article(&r, 0);
    const imprint_node *list = NULL;
    imprint_iter it;
    imprint_iter_init(&it, a);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE && !list)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_LIST)
            list = it.node;
    g_assert_nonnull(list);
    size_t items = 0;
    for (const imprint_node *i = list->first_child; i; i = i->next)
        items++;
    g_assert_cmpuint(items, ==, 10); /* 8 entries, 2 letters */
    /* the entry, then its sub-entries, a list in its item */
    const imprint_node *abbey = list->first_child->next->first_child;
    g_assert_cmpstr(rt_text(&r, abbey), ==, "Abbey organs, 12, 14-16;");
    g_assert_cmpint(abbey->next->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpstr(rt_text(&r, abbey->next->first_child), ==, "destroyed in the Civil War, 21.");
    /* an entry turned over before its pages is one paragraph, a line break
     * in it */
    const imprint_node *dallam = list->last_child->prev->first_child;
    g_assert_cmpstr(rt_text(&r, dallam), ==, "Dallam, Thomas, his organ for the Sultan, 17.");
    g_assert_cmpint(dallam->first_child->next->kind, ==, IMPRINT_NODE_LINEBREAK);
    g_assert_null(dallam->next);
    g_assert_cmpstr(rt_text(&r, list->last_child->first_child), ==, "Smith, Father, 22, 25.");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 33, "an index of 8 entries (to line 53)"));
    g_assert_cmpint(list->next->kind, ==, IMPRINT_NODE_PARAGRAPH);
    rt_result_free(&r);
}

/* Lookalike: under "INDEX", paragraphs of prose that end on a year ("…
 * was closed in 1899.") are no index: each a paragraph of more than
 * INDEX_ENTRY_MAX_WORDS words, one of them a number. */
static void test_index_entries_lookalike(void)
{
    rt_result r = read_shape("index_entries_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_iter it;
    imprint_iter_init(&it, a);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        g_assert_cmpint(it.node->kind, !=, IMPRINT_NODE_LIST);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "an index of"));
    rt_result_free(&r);
}

/* A table of two columns whose second cells turn over onto lines set in
 * under their column ("(The galliard is in another" under "Pavan,
 * Galliard, Almain."), each row set apart by a blank line, one row with
 * no turn among them: one table of four rows, the turned lines in their
 * cells after a line break. */
static void test_table_turned_cells(void)
{
    rt_result r = read_shape("table_turned_cells.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_TABLE), ==, 1);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_ROW), ==, 4);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LINEBREAK), ==, 4);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 14,
                              "11 lines with aligned columns taken as "
                              "a table of 2 columns"));
    rt_result_free(&r);
}

/* Lookalike: rows of two cells set apart by blank lines, none turning a
 * cell over ("Mr. Thomas Hale   Keeper of the Music."): nothing says the
 * blank lines part rows of one table, and a row alone is none; they stay
 * paragraphs. */
static void test_table_turned_cells_lookalike(void)
{
    rt_result r = read_shape("table_turned_cells_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_TABLE), ==, 0);
    rt_result_free(&r);
}

/* "[Illustration: THE OLD LIGHTHOUSE …" whose caption goes on below it,
 * across a blank line, to "DRAWN BY THE AUTHOR]": one figure, its caption
 * line by line; a caption of two paragraphs in the text, one too. */
static void test_figure_caption_lines(void)
{
    rt_result r = read_shape("figure_caption_lines.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_FIGURE), ==, 2);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LINEBREAK), ==, 3);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "the caption over several lines"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 23, "the caption over several lines"));
    rt_result_free(&r);
}

/* Lookalike: "[Illustration:" left open over the book's paragraphs, its
 * bracket closed only after more than FIGURE_CAPTION_MAX_LINES lines: no
 * figure, and every line stays text. */
static void test_figure_caption_lines_lookalike(void)
{
    rt_result r = read_shape("figure_caption_lines_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_FIGURE), ==, 0);
    g_assert_nonnull(strstr(rt_text(&r, a), "[Illustration: the printer left this bracket open"));
    g_assert_nonnull(strstr(rt_text(&r, a), "of the oil burnt each night.]"));
    rt_result_free(&r);
}

/* A Gutenberg book whose title page sets the header's title one phrase a
 * line, "THE" over "ORGAN BUILDERS": the lines joined repeat the title, so
 * they are the title page (paragraphs, not headings in the contents); the
 * chapter's heading right over its prose is none of its lines. */
static void test_title_page_phrases(void)
{
    rt_result r = read_shape("title_page_phrases.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The Organ Builders");
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 22, "5 lines at the top read as the title page"));
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_HEADING), ==, 1);
    rt_result_free(&r);
}

/* Lookalike: the same book whose first lines, "PART THE FIRST" over "OF
 * WORKSHOPS" …, joined or alone, do not repeat the title: they stay
 * headings. */
static void test_title_page_phrases_lookalike(void)
{
    rt_result r = read_shape("title_page_phrases_lookalike.txt");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "read as the title page"));
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_HEADING), >, 1);
    rt_result_free(&r);
}

/* A table whose rows split their cells otherwise than its first ("Ashby
 * (new hall)"), leave the last out ("Seventh  May 1, 1877  Calne") or
 * stand ditto marks for a place or a name: each cell falls in the column
 * it starts in, so one table of eight rows, the marks kept straight. */
static void test_table_ditto_rows(void)
{
    rt_result r = read_shape("table_ditto_rows.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_TABLE), ==, 1);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_ROW), ==, 8);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_QUOTE), ==, 0);
    const imprint_node *table = NULL;
    for (const imprint_node *c = a->first_child; c && !table; c = c->next)
        for (const imprint_node *d = c; d && !table; d = d->first_child)
            if (d->kind == IMPRINT_NODE_TABLE)
                table = d;
    g_assert_nonnull(table);
    const imprint_node *fifth = table->first_child;
    for (int k = 0; k < 5; k++)
        fifth = fifth->next;
    g_assert_cmpstr(rt_text(&r, fifth->first_child->next->next), ==, "Ashby (new hall)");
    g_assert_cmpstr(rt_text(&r, fifth->last_child), ==, "\"");
    rt_result_free(&r);
}

/* Lookalike: a line of prose right under a table of four columns, its wide
 * space falling where the third column starts: two cells are too few for
 * a row of four (at most half), so it stays a paragraph. */
static void test_table_ditto_rows_lookalike(void)
{
    rt_result r = read_shape("table_ditto_rows_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_ROW), ==, 4);
    g_assert_nonnull(strstr(rt_text(&r, a), "The fourth meeting was not held. The hall"));
    rt_result_free(&r);
}

/* Paragraphs set in that open with a letter and its stop in emphasis
 * ("_a._ Twelve bars", as books set an item's letter in italics): a
 * lettered list of four items, no block quotes. */
static void test_list_emphasised_letters(void)
{
    rt_result r = read_shape("list_emphasised_letters.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LIST), ==, 1);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_ITEM), ==, 4);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_QUOTE), ==, 0);
    rt_result_free(&r);
}

/* Lookalike: the same paragraphs without their letters, one opening with
 * "_i.e._" (an abbreviation in emphasis, two letters): no list. */
static void test_list_emphasised_letters_lookalike(void)
{
    rt_result r = read_shape("list_emphasised_letters_lookalike.txt");
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_LIST), ==, 0);
    rt_result_free(&r);
}

/* Paragraphs set in, each opened by a label, numbers that list markers do
 * not read ("1-3.", "5, 6.", "No. 2.") or a term in emphasis with its stop
 * ("_Cob._ A small boat"): three plain lists (4, 4 and 3 entries), the
 * labels kept in their text, no quotations. */
static void test_entries_set_in(void)
{
    rt_result r = read_shape("entries_set_in.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LIST), ==, 3);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_ITEM), ==, 11);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_QUOTE), ==, 0);
    g_assert_nonnull(strstr(rt_text(&r, a), "1-3. The launching song"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 18,
                              "4 paragraphs set in, each opened by a "
                              "label"));
    rt_result_free(&r);
}

/* Lookalike: two paragraphs set in, one opened by a term in emphasis: a
 * letter quoted, fewer than LABELLED_RUN_MIN entries and not all
 * labelled; block quotes, no list. */
static void test_entries_set_in_lookalike(void)
{
    rt_result r = read_shape("entries_set_in_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LIST), ==, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_QUOTE), ==, 2);
    rt_result_free(&r);
}

/* A publisher's note set in over three lines that break its sentence after
 * "of" and "a" (VERSE_JOINER_BREAKS_SHARE): prose set at a narrow
 * measure, no stanza. */
static void test_set_in_note_joiners(void)
{
    rt_result r = read_shape("set_in_note_joiners.txt");
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_VERSE), ==, 0);
    g_assert_nonnull(strstr(rt_text(&r, rt_article(&r, 0)), "This is a reprint in book form"));
    rt_result_free(&r);
}

/* Lookalike: a rhyme set in whose second line ends on "and", one break of
 * three: verse still. */
static void test_set_in_note_joiners_lookalike(void)
{
    rt_result r = read_shape("set_in_note_joiners_lookalike.txt");
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_VERSE), ==, 1);
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_LINE), ==, 4);
    rt_result_free(&r);
}

/* A book's title quoted line by line ("A Booke" / "of" / "Lessons for the
 * Lute" / … / "by" / "Thomas Hale"): a line of one joining word between
 * two is a title page's, so the lines are display, one paragraph line by
 * line, no stanza. */
static void test_title_quoted_lines(void)
{
    rt_result r = read_shape("title_quoted_lines.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_VERSE), ==, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LINEBREAK), ==, 6);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 13, "7 lines of display"));
    rt_result_free(&r);
}

/* Lookalike: a stanza with a short line of one word that joins nothing
 * ("Now silent"): verse still. */
static void test_title_quoted_lines_lookalike(void)
{
    rt_result r = read_shape("title_quoted_lines_lookalike.txt");
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_LINE), ==, 5);
    rt_result_free(&r);
}

/* A picture with its caption over the title page, set off by a wider gap
 * than between them: a frontispiece, kept over the text; the title under
 * it, and "BY" and a name its byline (not a line of a spaced title). A
 * picture right over the title is novel.txt's; "BY THE SEA." going on a
 * title is magazine_issue_lookalike.txt's. */
static void test_frontispiece_caption(void)
{
    rt_result r = read_shape("frontispiece_caption.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE ORGANIST\u2019S NOTEBOOK");
    g_assert_cmpstr(a->as.article.authors[0], ==, "MARGARET HOLLOWAY");
    g_assert_cmpint(rt_child(a, 0)->kind, ==, IMPRINT_NODE_FIGURE);
    rt_result_free(&r);
}

/* A songbook's title page: "THE" set apart over "HARVEST SONGSTER." is one
 * title, "BY" over "JOHN ASHDOWN." its byline, no song; the sentence right
 * under "PREFACE." opens the preface (no song's title, being no title:
 * small long words and a stop); the title again before the first song is
 * no song. */
static void test_songbook_spaced_title(void)
{
    rt_result r = read_shape("songbook_spaced_title.txt");
    g_assert_cmpint(r.articles, ==, 4);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "THE HARVEST SONGSTER.");
    g_assert_cmpstr(a->as.article.authors[0], ==, "JOHN ASHDOWN");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "PREFACE.");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(rt_article(&r, 1), 0)),
                                   "Every harvest has its songs"));
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "THE LAST LOAD.");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "THE GLEANERS.");
    rt_result_free(&r);
}

/* In a book of verse, runs of long lines broken mid-sentence (a
 * transcriber's note, a song's introduction) are paragraphs of prose, their
 * lines joined (VERSE_PROSE_BREAKS_SHARE); each poem keeps its stanzas. */
static void test_verse_book_prose_run(void)
{
    rt_result r = read_shape("verse_book_prose_run.txt");
    g_assert_cmpint(r.articles, ==, 4);
    assert_kinds(rt_article(&r, 0), "P");
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(rt_article(&r, 0), 0)),
                                   "[The songs of this book were printed with their tunes, which "
                                   "this copy leaves out;"));
    assert_kinds(rt_article(&r, 1), "VV");
    assert_kinds(rt_article(&r, 2), "PVV");
    assert_kinds(rt_article(&r, 3), "VV");
    assert_words(&r);
    rt_result_free(&r);
}

/* Its lookalike: a poem of long lines, each going on in a capital after a
 * comma, in the same book, is verse still. */
static void test_verse_book_prose_run_lookalike(void)
{
    rt_result r = read_shape("verse_book_prose_run_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "THE ROAD TO THE MILL");
    assert_kinds(rt_article(&r, 1), "VV");
    g_assert_cmpint(rt_count_children(rt_child(rt_article(&r, 1), 0)), ==, 4);
    /* (the book's name is the collection's title, not an article's text) */
    g_assert_cmpstr(r.doc->meta.title, ==, "SONGS OF THE MILL");
    rt_result_free(&r);
}

/* VERSE_PROSE_BREAKS_SHARE: in a book of verse, a run of long lines two
 * of whose four breaks fall mid-sentence is one paragraph; with one of
 * four it is a stanza. */
static void test_verse_prose_breaks_limit(void)
{
    g_assert_cmpfloat(VERSE_PROSE_BREAKS_SHARE, ==, 0.5);
    char *path = g_build_filename(FIXTURES_DIR, "text", "shapes",
                                  "verse_book_prose_run_lookalike.txt", NULL);
    gchar *book = NULL;
    g_assert_true(g_file_get_contents(path, &book, NULL, NULL));
    for (int mid = 1; mid <= 2; mid++) {
        GString *s = g_string_new(book);
        g_string_append(s, "\n\nTHE NOTE\n\n"
                           "The miller kept the mill by the river for forty years, and the\n"
                           "Mill kept him, in the good years and the bad ones, to the end.\n"
                           "His wife sang at the door in the evenings of every summer then.\n");
        g_string_append(
            s, mid == 2 ? "Her songs are the ones in this book, as she sang them, and the\n"
                        : "Her songs are the ones in this book, as she sang them at home.\n");
        g_string_append(s, "Tunes are lost with her, for nobody wrote them down in her time.\n");
        rt_result r = read_wrap("prose_breaks.txt", s->str, IMPRINT_WRAP_AUTO);
        g_assert_cmpint(r.articles, ==, 4);
        assert_kinds(rt_article(&r, 3), mid == 2 ? "P" : "V");
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
    g_free(book);
    g_free(path);
}

/* The article's headings as "level:text" lines. */
static char *heading_levels(rt_result *r, const imprint_node *a)
{
    GString *s = g_string_new(NULL);
    for (const imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING)
            g_string_append_printf(s, "%d:%s\n", c->as.heading.level, rt_text(r, c));
    return g_string_free(s, FALSE);
}

/* A hearing's record, its lines numbered 1 to 25 at the margin page by
 * page and double-spaced: the numbers and the double spacing left out
 * (reported), each paragraph the one its indent opens, so the turns are
 * speeches whose words run on across the lines and the page break, and a
 * one-line turn ("Thank you.") is its own; the cover's page number is no
 * title. Its lookalikes: a list numbered 1 to 40 that never starts again
 * keeps its numbers, and a first line that repeats the running head of
 * words under each page break is the title still. */
static void test_record_line_numbers(void)
{
    rt_result r = read_shape("record_line_numbers.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_SPEECH), ==, 17);
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "CHAIRMAN HOLT");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "Mr. Pringle, will you begin?");
    g_assert_true(
        doc_has_text(&r, "I keep the lock at Hanley, and have kept it for nineteen years."));
    g_assert_false(doc_has_text(&r, "  1 "));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "numbered at the margin, page by page"));
    /* (the cover's "1" at the top, where each page's number stands, is
     * the first page's number, no title) */
    g_assert_cmpstr(a->as.article.title, ==, "THE RIVER BOARD: HEARING ON THE WEIRS");
    rt_result_free(&r);
    r = read_shape("page_heads_title_lookalike.txt");
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE WEIR BOOK");
    rt_result_free(&r);
    r = read_shape("record_line_numbers_lookalike.txt");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "numbered at the margin"));
    g_assert_true(doc_has_text(&r, "40"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A day's name alone over a date ("TUESDAY" / "APRIL 3, 1996" on a
 * hearing's cover) opens no article of its own: the day is the date's. Its
 * lookalike, a diary whose entries' titles stand over their dates ("A Wet
 * Day" / "April 3, 1996"), keeps an article an entry. */
static void test_weekday_over_date(void)
{
    rt_result r = read_shape("weekday_over_date.txt");
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE RIVER BOARD");
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("weekday_over_date_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 2);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "The Flood");
    rt_result_free(&r);
}

/* An RFC: numbered sections head at the margin over prose set in three
 * columns; there "Example:" and "Numeric Replies:" are labels and "An
 * example is" a lead-in, no headings; "1.2 Boats" under a sentence that
 * stops on a small letter, and "2.2 Closing message" under an example,
 * are headings (no sentence's end, no quotation's source). Its lookalike,
 * a handbook whose headings stand at the prose's indent, keeps them, and
 * "Example:" with them. */
static void test_rfc_sections(void)
{
    rt_result r = read_shape("rfc_sections.txt");
    imprint_node *a = rt_article(&r, 0);
    char *got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==,
                    "1:Status of This Memo\n1:Table of Contents\n1:1. Introduction\n1:1.1 "
                    "Keepers\n1:1.2 Boats\n1:2. Messages\n1:2.1 Arrival message\n1:2.2 Closing "
                    "message\n");
    g_free(got);
    g_assert_cmpint(count_under(a, IMPRINT_NODE_CITATION), ==, 0);
    g_assert_true(doc_has_text(&r, "Numeric Replies:"));
    rt_result_free(&r);
    r = read_shape("rfc_sections_lookalike.txt");
    a = rt_article(&r, 0);
    got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==, "1:Opening the gates\n1:Closing the gates\n1:Example:\n");
    g_free(got);
    assert_words(&r);
    rt_result_free(&r);
}

/* Lines that each open with "- " under a lead-in ("However, as a purely
 * hypothetical example:") are a list, the first of them no source of a
 * quotation. Its lookalike, one "- Ada Pringle, keeper at Hanley" under a
 * quoted line, is the quotation's source. */
static void test_citation_dash_list(void)
{
    rt_result r = read_shape("citation_dash_list.txt");
    imprint_node *a = rt_article(&r, 0);
    assert_kinds(a, "PPLP");
    g_assert_cmpint(rt_count_children(rt_child(a, 2)), ==, 3);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_CITATION), ==, 0);
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("citation_dash_list_lookalike.txt");
    a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_CITATION), ==, 1);
    rt_result_free(&r);
}

/* A file that keeps each paragraph on one line, a short line right over a
 * paragraph's long one ("Preamble" over "Whereas the crossing…", "Tolls"
 * under a sentence's end): headings, reported. Its lookalike: "Dear
 * Editor" without its comma is a salutation, and "The boat was late." a
 * sentence, no headings. */
static void test_glued_heading(void)
{
    rt_result r = read_shape("glued_heading.txt");
    imprint_node *a = rt_article(&r, 0);
    char *got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==, "1:Preamble\n1:Tolls\n");
    g_free(got);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "short line right over a paragraph"));
    assert_words(&r);
    rt_result_free(&r);
    r = read_shape("glued_heading_lookalike.txt");
    a = rt_article(&r, 0);
    got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==, "");
    g_free(got);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "short line right over a paragraph"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A book whose transcriber's notes come before its title page: the page
 * opens with the first heading that names the book ("LECTURES ON TIDES AND
 * WEIRS" for "Lectures on Tides & Weirs"), four blank lines under a figure's
 * legend that is no quotation with it as its source, and takes in the
 * publisher's address in capitals; "CONTENTS OF THE LECTURES" heads the
 * next page, and the title again over lecture I past the preface is a
 * half-title. Its lookalike: a transcriber's note kept line by line heads
 * its section, and the title over an unnumbered heading past the first
 * chapter ("THE SALT ROAD" / "WHERE IT RAN") is a heading of the book. */
static void test_title_page_after_notes(void)
{
    rt_result r = read_shape("title_page_after_notes.txt");
    imprint_node *a = rt_article(&r, 0);
    char *got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==,
                    "1:TRANSCRIBER\u2019S NOTES\n1:PREFACE\n1:CONTENTS OF THE LECTURES\n"
                    "1:I. THE RISE OF THE TIDE\n1:II. THE WEIR AND THE MILL\n");
    g_free(got);
    g_assert_cmpint(count_under(a, IMPRINT_NODE_CITATION), ==, 0);
    g_assert_true(doc_has_text(&r, "FENWICK & CO., LTD."));
    g_assert_true(
        rt_has_diag(&r, IMPRINT_SEV_NOTE, 35, "6 lines from here read as the title page"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 71, "(a half-title): dropped"));
    rt_result_free(&r);
    r = read_shape("title_page_after_notes_lookalike.txt");
    a = rt_article(&r, 0);
    got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==,
                    "1:Transcriber\u2019s note:\n1:CHAPTER I. THE CARRIERS\n1:THE SALT ROAD\n"
                    "1:WHERE IT RAN\n");
    g_free(got);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "read as the title page"));
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "half-title"));
    rt_result_free(&r);
}

/* A contents of two levels whose groups are two blank lines apart, each
 * top entry with its page, is one contents; the lines alone below that
 * repeat its top entries are headings though they are quoted whole
 * ('"THE FIDDLE."'), and its entries set in under them are subsections. */
static void test_contents_quoted_parts(void)
{
    rt_result r = read_shape("contents_quoted_parts.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    imprint_node *list = first_of(a, IMPRINT_NODE_LIST);
    g_assert_nonnull(list);
    g_assert_true(list->as.list.contents);
    g_assert_cmpint(rt_count_children(list), ==, 6);
    g_assert_null(first_of(a, IMPRINT_NODE_QUOTE));
    char *got = heading_levels(&r, a);
    g_assert_true(strstr(got, "1:\u201cTHE FIDDLE.\u201d\n2:THE OLD FIDDLER.\n2:THE DANCE ON THE "
                              "GREEN.\n1:\u201cTHE SINGING SCHOOL.\u201d\n2:THE MASTER.\n2:THE "
                              "EVENING HYMN.\n"));
    g_free(got);
    /* (no word check: the Project Gutenberg header is left out) */
    g_assert_true(doc_has_text(&r, "let us go when the last note had died away"));
    rt_result_free(&r);
}

/* Its lookalikes: a line in capitals quoted whole that no entry names
 * stays a quotation; the chapters of a contents of one level (its "CHAP.
 * PAGE" over them is no top entry) stay level 1; the first chapter's
 * heading under the contents, which repeats an entry, heads no more of it
 * (its paragraph is no entry). */
static void test_contents_quoted_parts_lookalike(void)
{
    rt_result r = read_shape("contents_quoted_parts_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_nonnull(first_of(a, IMPRINT_NODE_QUOTE));
    char *got = heading_levels(&r, a);
    g_assert_true(strstr(got, "1:I. THE OLD FIDDLER\n1:II. THE DANCE ON THE GREEN\n1:III. THE "
                              "EVENING HYMN\n"));
    g_free(got);
    int lists = 0;
    for (const imprint_node *c = a->first_child; c; c = c->next)
        lists += c->kind == IMPRINT_NODE_LIST;
    g_assert_cmpint(lists, ==, 1);
    assert_words(&r);
    rt_result_free(&r);
}

/* A play with songs: lines alone opening with "AIR" and a number, three
 * of them (NUMBERED_HEAD_MIN_RUN), head its songs though they follow
 * turns; a turn set in as verse under its label is sung (a speech holding
 * verse); a song under its heading with no label is verse, no quotation;
 * "Enter _the Farmer_." set in is a direction, no quotation. */
static void test_play_songs(void)
{
    rt_result r = read_shape("play_songs.txt");
    imprint_node *a = rt_article(&r, 0);
    char *got = heading_levels(&r, a);
    g_assert_true(strstr(got, "AIR I. The Miller of the Dee.\n"));
    g_assert_true(strstr(got, "AIR II. Over the Hills.\n"));
    g_assert_true(strstr(got, "AIR III. The Farmer\u2019s Boy.\n"));
    g_free(got);
    g_assert_null(first_of(a, IMPRINT_NODE_QUOTE));
    int sung = 0, verse = 0;
    for (imprint_node *c = a->first_child; c; c = c->next) {
        verse += c->kind == IMPRINT_NODE_VERSE;
        if (c->kind == IMPRINT_NODE_SPEECH && c->first_child->kind == IMPRINT_NODE_VERSE) {
            sung++;
            g_assert_cmpint(rt_count_children(c->first_child), ==, 4);
        }
    }
    g_assert_cmpint(sung, ==, 2);
    g_assert_cmpint(verse, ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 37, "taken as sung"));
    assert_words(&r);
    rt_result_free(&r);
}

/* Its lookalikes: "Air I." and "Air II.", two only, head nothing (they go
 * on the turns above); "Figure 1." to "Figure 3." are a drawing's
 * captions, no series of headings; a turn set in whose lines go on in a
 * small letter ("… the mill" / "shall be closed …") is no song. */
static void test_play_songs_lookalike(void)
{
    rt_result r = read_shape("play_songs_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    char *got = heading_levels(&r, a);
    g_assert_cmpstr(got, ==, "1:SCENE I.\n");
    g_free(got);
    g_assert_null(first_of(a, IMPRINT_NODE_VERSE));
    g_assert_true(doc_has_text(&r, "Air I. The Miller of the Dee."));
    g_assert_true(doc_has_text(&r, "shall be closed for the weir,"));
    assert_words(&r);
    rt_result_free(&r);
}

/* A key's labels, "Pitches:" and "Braces:" with a paragraph between them,
 * each once, are no exchange of turns (SPEECH_EXCHANGE_MAX_SINGLES: a
 * question right over its answer, each name once, is one: lost_marks.txt). */
static void test_key_labels_lookalike(void)
{
    rt_result r = read_shape("key_labels_lookalike.txt");
    g_assert_false(any_speech(&r));
    assert_words(&r);
    rt_result_free(&r);
}

/* A table's group rows, "_Letters Home_--" alone in the first column over
 * its rows, are rows of the table (their other cells empty); a line of
 * verse running across the columns between two lines with sentence gaps
 * ("… a face.  Who knows" / "What grief …") is no group row: verse. */
static void test_table_group_rows(void)
{
    rt_result r = read_shape("table_group_rows.txt");
    imprint_node *t = first_of(rt_article(&r, 0), IMPRINT_NODE_TABLE);
    g_assert_nonnull(t);
    g_assert_cmpint(rt_count_children(t), ==, 9);
    imprint_node *group = rt_child(t, 1);
    g_assert_cmpint(rt_count_children(group), ==, 3);
    g_assert_cmpstr(rt_text(&r, rt_child(group, 0)), ==, "Letters Home--");
    g_assert_null(rt_child(group, 1)->first_child);
    /* (no word check: it splits "_Letters Home_--" at the mark, the model
     * at the emphasis) */
    rt_result_free(&r);

    r = read_shape("table_group_rows_lookalike.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_null(first_of(a, IMPRINT_NODE_TABLE));
    g_assert_nonnull(first_of(a, IMPRINT_NODE_VERSE));
    rt_result_free(&r);
}

/* A transcriber's note under its own heading, a wide gap under that
 * heading too, is kept whole over the title page; a book whose title names
 * its pieces ("THREE LECTURES ON BELLS") and numbers them with bare
 * numerals over their titles ("I" / "THE CASTING OF BELLS") is a
 * collection, a piece an article ("I. THE CASTING OF BELLS", the stop a
 * heading's too); the same book titled otherwise is one
 * book, its numbered chapters sections. */
static void test_lectures_bare_numerals(void)
{
    rt_result r = read_shape("lectures_bare_numerals.txt");
    g_assert_cmpint(r.articles, ==, 4);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THREE LECTURES ON BELLS");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "I. THE CASTING OF BELLS");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "III. THE RINGING OF BELLS");
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    char *data = g_strdup(r.data);
    rt_result_free(&r);

    char *at = strstr(data, "THREE LECTURES ON BELLS");
    memcpy(at, "THE BELLS OF THE PARISH", strlen("THE BELLS OF THE PARISH"));
    r = read_wrap("bells.txt", data, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "THE BELLS OF THE PARISH");
    rt_result_free(&r);
    g_free(data);
}

/* A place and date first under a numbered letter's title ("1." / "TO HIS
 * BROTHER." over "Ashby, May 3, 1850."), over the letter's first
 * paragraph, is its dateline, an opener; a heading there with a year in
 * it ("The Mill Years 1850", as the corpus's "The Trials (1936-1938)")
 * stays a heading. */
static void test_letters_date_under_title(void)
{
    rt_result r = read_shape("letters_date_under_title.txt");
    g_assert_cmpint(r.articles, ==, 4);
    for (int k = 0; k < 4; k++)
        g_assert_cmpint(rt_child(rt_article(&r, k), 0)->kind, ==, IMPRINT_NODE_OPENER);
    /* (the line under the number is the title's, though the pieces are
     * set off by gaps too) */
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "1. TO HIS BROTHER.");
    char *data = g_strdup(r.data);
    rt_result_free(&r);

    char *at = strstr(data, "Ashby, May 3, 1850.");
    memcpy(at, "The Mill Years 1850", strlen("The Mill Years 1850"));
    r = read_wrap("mill.txt", data, IMPRINT_WRAP_AUTO);
    g_assert_cmpint(rt_child(rt_article(&r, 0), 0)->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpint(rt_child(rt_article(&r, 1), 0)->kind, ==, IMPRINT_NODE_OPENER);
    rt_result_free(&r);
    g_free(data);
}

/* A collection of numbered poems, an introduction before them signed by
 * a name in capitals and a half-title repeating the collection's: each
 * numeral opens a poem, titled with the title under it ("II. THE PILOT"),
 * the name is the introduction's closing, not a poem, and a stanza is no
 * letter's sign-off for a line opened by "Your". Its lookalike: one
 * long poem in numbered sections without titles stays one article, the
 * numerals its headings. NUMBERED_POEMS_MIN and NUMBERED_POEMS_TITLED from
 * both sides. */
static void test_poems_numbered(void)
{
    rt_result r = read_shape("poems_numbered.txt");
    g_assert_cmpint(r.articles, ==, 5);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "INTRODUCTION");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "I");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "II. THE PILOT");
    g_assert_cmpstr(rt_article(&r, 4)->as.article.title, ==, "IV. THE WALL");
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_CLOSER), ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 33, "a collection of numbered poems"));
    /* (a last stanza whose second line opens "Your", "Come home when you
     * are weary," / "Your boat by wind and tide", is verse, no closing) */
    g_assert_cmpuint(count_under(rt_article(&r, 2), IMPRINT_NODE_CLOSER), ==, 0);
    g_assert_cmpuint(count_under(rt_article(&r, 2), IMPRINT_NODE_LINE), ==, 12);
    /* (the half-title again with an apostrophe, "THE BOATMAN'S SONGS", the
     * collection's title "THE BOATMAN’S SONGS": no poem, no empty article) */
    GString *apos = g_string_new(r.data);
    rt_result_free(&r);
    g_string_replace(apos, "THE HARBOUR SONGS", "THE BOATMAN'S SONGS", 0);
    r = rt_read_buffer("apostrophe.txt", apos->str, apos->len, NULL);
    g_assert_cmpint(r.articles, ==, 5);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "I");
    rt_result_free(&r);
    g_string_free(apos, TRUE);
    /* (numerals with their stops, right under the collection's head: the
     * first opens a poem too, no heading of the head's) */
    const char *dots = "THE SONGS\n\nBY A. BOATWRIGHT\n\n\n\n"
                       "          I.\n\n          THE FIRST\n\n"
                       "          The ferry leaves the landing\n           When evening bells are "
                       "rung,\n\n          Her lantern on the water\n           The songs the "
                       "boatmen sung.\n\n\n\n"
                       "          II.\n\n          THE SECOND\n\n"
                       "          The water takes the lantern\n           And throws it back in "
                       "gold,\n\n          And no one on the ferry\n           Remembers being "
                       "old.\n\n\n\n"
                       "          III.\n\n"
                       "          The wall was built of stone\n           Our fathers carried "
                       "here,\n\n          And every winter breaks it\n           And mends it "
                       "every year.\n";
    r = rt_read_buffer("dots.txt", dots, strlen(dots), NULL);
    g_assert_cmpint(r.articles, ==, 3);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "I. THE FIRST");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "III.");
    rt_result_free(&r);
    r = read_shape("poems_numbered_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_HEADING), ==, 4);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "numbered poems"));
    rt_result_free(&r);
    const char *stanza = "          The ferry leaves the landing\n"
                         "           When evening bells are rung,\n"
                         "          And every oar is singing\n"
                         "           The songs the boatmen sung.\n\n"
                         "          The water takes the lantern\n"
                         "           And throws it back in gold,\n"
                         "          And no one on the ferry\n"
                         "           Remembers being old.\n\n\n\n";
    static const char *const numerals[] = {"I", "II", "III", "IV", "V"};
    for (int numbers = NUMBERED_POEMS_MIN - 1; numbers <= NUMBERED_POEMS_MIN; numbers++)
        for (int titled = NUMBERED_POEMS_TITLED - 1; titled <= NUMBERED_POEMS_TITLED; titled++) {
            GString *t = g_string_new("THE HARBOUR SONGS\n\nBY A. BOATWRIGHT\n\n\n\n");
            for (int k = 0; k < numbers; k++) {
                g_string_append_printf(t, "          %s\n\n", numerals[k]);
                if (k < titled)
                    g_string_append_printf(t, "          THE SONG OF %s\n\n", numerals[k]);
                g_string_append(t, stanza);
            }
            r = rt_read_buffer("numbered.txt", t->str, t->len, NULL);
            g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "numbered poems"), ==,
                            numbers >= NUMBERED_POEMS_MIN && titled >= NUMBERED_POEMS_TITLED);
            rt_result_free(&r);
            g_string_free(t, TRUE);
        }
}

/* A digest of messages, each under its mail headers: an article a
 * message, its Subject the title, its From the author and its Date the
 * date, the other header lines left out with a note (kept with
 * `boilerplate: keep`), no header a speaker; the digest's masthead an
 * article of its own. Its lookalike: one message quoted in an essay, and a
 * line of prose that opens "Subject:", leave the essay one article. A
 * signature under its "--" line is the message's closing.
 * MAIL_MIN_MESSAGES and MAIL_SIGNATURE_MAX_LINES from both sides. */
static void test_mail_digest(void)
{
    rt_result r = read_shape("mail_digest.txt");
    g_assert_cmpint(r.articles, ==, 4);
    imprint_node *a = rt_article(&r, 1);
    g_assert_cmpstr(a->as.article.title, ==, "Re: The new breakwater");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Ann Tregear <ann@harbour.example>");
    g_assert_cmpstr(a->as.article.date, ==, "Mon, 3 Nov 1997 09:12:44 -0500");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "A question about the old lighthouse");
    for (int k = 0; k < 4; k++)
        g_assert_cmpuint(count_under(rt_article(&r, k), IMPRINT_NODE_SPEECH), ==, 0);
    g_assert_null(strstr(rt_text(&r, a), "Message-ID"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 11,
                              "3 messages opened by mail headers: each its Subject the title, its "
                              "From the author and its Date the date; 3 other header lines"));
    /* (the last message's signature under "--": its closing) */
    imprint_node *last = rt_article(&r, 3);
    g_assert_cmpuint(count_under(last, IMPRINT_NODE_CLOSER), ==, 1);
    g_assert_cmpstr(rt_text(&r, first_of(last, IMPRINT_NODE_CLOSER)), ==,
                    "Mary Okeford, Quay Cottage mary@quay.example");
    rt_result_free(&r);
    r = read_shape_kept("mail_digest.txt");
    g_assert_nonnull(strstr(rt_text(&r, rt_article(&r, 1)), "Message-ID"));
    rt_result_free(&r);
    r = read_shape("mail_digest_lookalike.txt");
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "opened by mail headers"));
    rt_result_free(&r);
    for (int n = MAIL_MIN_MESSAGES - 1; n <= MAIL_MIN_MESSAGES; n++) {
        GString *t = g_string_new("The Harbour Bulletin\n\n");
        for (int k = 0; k < n; k++)
            g_string_append_printf(t,
                                   "From: Ann Tregear\nSubject: Note %d\n\nThe ferry runs late "
                                   "on Saturdays.\n\n",
                                   k + 1);
        r = rt_read_buffer("digest.txt", t->str, t->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "opened by mail headers"), ==,
                        n >= MAIL_MIN_MESSAGES);
        rt_result_free(&r);
        g_string_free(t, TRUE);
    }
    /* MAIL_SIGNATURE_MAX_LINES from both sides */
    for (int n = MAIL_SIGNATURE_MAX_LINES; n <= MAIL_SIGNATURE_MAX_LINES + 1; n++) {
        GString *t = g_string_new("The Harbour Bulletin\n\n");
        for (int k = 0; k < MAIL_MIN_MESSAGES; k++) {
            g_string_append_printf(t,
                                   "From: Ann Tregear\nSubject: Note %d\n\nThe ferry runs late "
                                   "on Saturdays.\n\n--\n",
                                   k + 1);
            for (int m = 0; m < n; m++)
                g_string_append_printf(t, "Line %d of the signature\n", m + 1);
            g_string_append(t, "\n");
        }
        r = rt_read_buffer("digest.txt", t->str, t->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "signature under its"), ==,
                        n <= MAIL_SIGNATURE_MAX_LINES);
        rt_result_free(&r);
        g_string_free(t, TRUE);
    }
}

/* Letters numbered and set off by gaps, each addressed on the line under
 * its number ("31." over "TO MR. HALE."): an article each, titled with
 * both lines, no line lost, and no play, though the addresses recur as a
 * play's names do ("TO THE SAME."): a name is not opened by "To". The
 * lookalike: a play whose speakers' names begin so, "TOBY." and "TOM.",
 * is a play still. */
static void test_letters_addressed(void)
{
    rt_result r = read_shape("letters_addressed.txt");
    g_assert_cmpint(r.articles, ==, 6);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "31. TO MR. HALE.");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "32. TO THE SAME.");
    for (int k = 0; k < 6; k++)
        g_assert_cmpuint(count_under(rt_article(&r, k), IMPRINT_NODE_SPEECH), ==, 0);
    rt_result_free(&r);
    r = read_shape("letters_addressed_lookalike.txt");
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_SPEECH), ==, 7);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "a play: 7 speeches"));
    rt_result_free(&r);
}

/* Lines set in on a title page, between a transcriber's note and
 * "INTRODUCTION", are quoted by no prose: a heading in capitals and a
 * break bound the prose that may quote them; the couplet the
 * introduction leads in to, over "THE VERSES", is its quotation. */
static void test_title_page_set_in(void)
{
    rt_result r = read_shape("title_page_set_in.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(blocks_of(a, IMPRINT_NODE_QUOTE), ==, 1);
    imprint_node *q = first_of(a, IMPRINT_NODE_QUOTE);
    g_assert_true(g_str_has_prefix(rt_text(&r, q->first_child->first_child), "The road is long"));
    rt_result_free(&r);
}

/* A header shown in a hard-wrapped FAQ: its fields ("Archive-name:",
 * "Posting-Frequency:", recurring) kept line by line, one paragraph a
 * header, never speakers, verse or joined prose; a sample posting's
 * "Newsgroups:" over its value on the next line, a folded "Summary:", and
 * an HTTP request and response under their first lines, likewise. The
 * lookalike: speakers whose names have hyphens ("Jean-Paul:"), and a
 * podcast's "Host:", stay speakers, and one "Subject:" line in prose stays
 * prose. */
static void test_header_fields(void)
{
    rt_result r = read_shape("header_fields.txt");
    assert_words(&r);
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_SPEECH), ==, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_VERSE), ==, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_QUOTE), ==, 0);
    imprint_node *head = rt_child(a, 0);
    g_assert_cmpint(head->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpuint(count_under(head, IMPRINT_NODE_LINEBREAK), ==, 3);
    g_assert_true(g_str_has_prefix(rt_text(&r, head), "Archive-name: harbour/ferry-faq"));
    for (unsigned line = 3; line <= 44; line++) {
        bool want = line == 3 || line == 21 || line == 25 || line == 30 || line == 41 || line == 44;
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, line, "of a header's fields"), ==, want);
    }
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 3,
                              "4 lines of a header's fields (4 fields) kept as one paragraph"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 21, "3 lines of a header's fields (2 fields)"));
    rt_result_free(&r);

    r = read_shape("header_fields_lookalike.txt");
    assert_words(&r);
    a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_SPEECH), ==, 5);
    g_assert_cmpstr(rt_child(a, 0)->as.speech.speaker, ==, "Jean-Paul");
    g_assert_cmpstr(rt_child(a, 1)->as.speech.speaker, ==, "Host");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "of a header's fields"));
    rt_result_free(&r);
}

/* A double-spaced file's mail headers, a blank line between fields
 * ("From: …" / "" / "Subject: …" / "" / "Date: …"), open its messages as
 * a header block does; the lookalike, a "From:" and a "Date:" without a
 * Subject in a double-spaced list, opens none, and its lines stay lines
 * of prose. */
static void test_mail_spaced(void)
{
    rt_result r = read_shape("mail_spaced.txt"); /* (its headers' field names left out) */
    g_assert_cmpint(r.articles, ==, 3);
    imprint_node *a = rt_article(&r, 1);
    g_assert_cmpstr(a->as.article.title, ==, "A history of the breakwater");
    g_assert_cmpstr(a->as.article.authors[0], ==, "ann@harbour.example (Ann Tregear)");
    g_assert_cmpstr(a->as.article.date, ==, "3 Mar 1993 14:00:39 -0500");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "Re: A history of the breakwater");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "2 messages opened by mail headers"));
    rt_result_free(&r);

    r = read_shape("mail_spaced_lookalike.txt");
    assert_words(&r);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "opened by mail headers"));
    a = rt_article(&r, 0);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "From: the reading room of the library");
    rt_result_free(&r);
}

/* A file that is one posting: its header (Subject, From, Date) opens it
 * and gives its title, author and date; the lookalike, a letter opened by
 * a "Date:" and a "From:" without a Subject, keeps them as a header's
 * lines. Headers framed by rules ("=====" over and under, an archive's
 * "Link:" among the fields) open their messages too, the rules the
 * messages' separators. */
static void test_mail_single(void)
{
    rt_result r = read_shape("mail_single.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "The winter timetable of the harbour ferry");
    g_assert_cmpstr(a->as.article.authors[0], ==, "ann@harbour.example (Ann Tregear)");
    g_assert_null(strstr(rt_text(&r, a), "Message-ID"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1,
                              "a message's mail headers open the file: its Subject the title"));
    rt_result_free(&r);

    r = read_shape("mail_single_lookalike.txt");
    assert_words(&r);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "mail headers"));
    g_assert_cmpstr(rt_text(&r, rt_child(rt_article(&r, 0), 0)), ==,
                    "Date: 12 March 1958 From: The Harbour Master");
    g_assert_cmpuint(count_under(rt_child(rt_article(&r, 0), 0), IMPRINT_NODE_LINEBREAK), ==, 1);
    rt_result_free(&r);

    static const char framed[] =
        "=====================\nSubject: The new breakwater\nFrom: Ann Tregear\n"
        "Date: 3 Nov 1997\nLink: https://harbour.example/1\n=====================\n\n"
        "The council voted to extend the breakwater by forty yards.\n\n"
        "=====================\nSubject: The winter ferry\nFrom: Henry Loveday\n"
        "Date: 4 Nov 1997\nLink: https://harbour.example/2\n=====================\n\n"
        "The ferry will run every hour from the first of December.\n";
    r = rt_read_buffer("framed.txt", framed, sizeof framed - 1, NULL);
    g_assert_cmpint(r.articles, ==, 2);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "The winter ferry");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 2,
                              "2 other header lines (Path, Message-ID, …) left out "
                              "(`boilerplate: keep` keeps them); 4 rules framing headers taken "
                              "as the messages' separators"));
    rt_result_free(&r);
}

/* A FAQ's contents after its first prose ("The following questions are
 * answered:"), every entry numbered ("1)", "1.1)", "1.2.1)") and set in
 * as the numbers are right-aligned: a contents, its entries the headings
 * below, their levels the depths of the numbers. The lookalike: a play's
 * lines past its prose that come back again and again, numbered none,
 * are speeches, no contents. */
static void test_contents_late_numbered(void)
{
    rt_result r = read_shape("contents_late_numbered.txt");
    assert_words(&r);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_TABLE), ==, 0);
    imprint_node *list = first_of(a, IMPRINT_NODE_LIST);
    g_assert_true(list->as.list.contents);
    g_assert_cmpint(rt_count_children(list), ==, 6);
    char *levels = heading_levels(&r, a);
    g_assert_cmpstr(levels, ==,
                    "1:1) RUNNING THE FERRY\n2:1.1) When does the ferry run?\n"
                    "2:1.2) What does a crossing cost?\n3:1.2.1) Tickets for a season\n"
                    "1:2) THE WEATHER\n2:2.1) Where does the ferry go in a gale?\n");
    g_free(levels);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "its entries the headings below"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 29, "heading taken as a subsection (level 3)"));
    rt_result_free(&r);

    r = read_shape("contents_late_numbered_lookalike.txt");
    assert_words(&r);
    a = rt_article(&r, 0);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "table of contents"));
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_SPEECH), ==, 13);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LIST), ==, 0);
    rt_result_free(&r);
}

/* CONTENTS_MAX_LEVELS: a contents numbered four deep ("1.1.1.1)") gives
 * its deepest heading the deepest level there is, no deeper. */
static void test_contents_max_levels(void)
{
    GString *s = g_string_new("The Ferry\n\nThis article answers the questions most often asked "
                              "about the ferry across the harbour.\n\n");
    const char *nums[] = {"1)", "1.1)", "1.1.1)", "1.1.1.1)"};
    const char *words[] = {"THE FERRY", "Running it", "In winter", "At Christmas"};
    for (int k = 0; k < 4; k++)
        g_string_append_printf(s, "  %s  %s\n", nums[k], words[k]);
    for (int k = 0; k < 4; k++)
        g_string_append_printf(s, "\n%s  %s\n\nThe ferry runs every hour on the hour.\n", nums[k],
                               words[k]);
    rt_result r = rt_read_buffer("faq.txt", s->str, s->len, NULL);
    char *levels = heading_levels(&r, rt_article(&r, 0));
    g_assert_cmpint(CONTENTS_MAX_LEVELS, ==, 3);
    g_assert_cmpstr(levels, ==,
                    "1:1) THE FERRY\n2:1.1) Running it\n3:1.1.1) In winter\n"
                    "3:1.1.1.1) At Christmas\n");
    g_free(levels);
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* A play set as Project Gutenberg sets Wilde: each name in capitals with
 * its stop alone on a line ("PILOT.", "LADY BRACKNELL."), the speech on
 * the lines right under it, wrapped; the breaks under the names tell
 * nothing of the wrapping, so the speeches are joined as the prose is. Its
 * cast, "PILOT." over "CLERK, at the office …", is no speech. The
 * lookalike: letters opened by "MY DEAR SIR." and "DEAR SIRS." over
 * their text, each three times, are no play. */
static void test_play_names_over(void)
{
    rt_result r = read_shape("play_names_over.txt");
    assert_words(&r);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_SPEECH), ==, 9);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 1, "hard-wrapped text"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 13, "a play: 9 speeches"));
    imprint_node *sp = first_of(a, IMPRINT_NODE_SPEECH);
    g_assert_cmpstr(sp->as.speech.speaker, ==, "PILOT");
    g_assert_cmpint(rt_count_children(sp), ==, 1); /* (its two lines one paragraph) */
    g_assert_true(g_str_has_suffix(rt_text(&r, sp), "the two of us did last winter?"));
    rt_result_free(&r);

    r = read_shape("play_names_over_lookalike.txt");
    assert_words(&r);
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_SPEECH), ==, 0);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "a play"));
    rt_result_free(&r);
}

/* A poem's line numbers at its left margin, every fifth line, its words
 * at the column of the others ("5    Asleep, as owners are"): the lines'
 * numbers, out of their text, with a note; the lines verse, the sections'
 * titles headings. The
 * lookalike: a chronology's years and a list numbered every line at the
 * margin keep their numbers. */
static void test_verse_numbered_left(void)
{
    rt_result r = read_shape("verse_numbered_left.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10,
                              "4 line numbers at the left margin, every 5 lines (5 to 20)"));
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_VERSE), ==, 2);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LINE), ==, 20);
    g_assert_null(strstr(rt_text(&r, a), "10 Than"));
    imprint_node *second = first_of(a, IMPRINT_NODE_VERSE);
    imprint_node *tenth = second->last_child;
    g_assert_cmpstr(rt_text(&r, tenth), ==, "Than chains that grated when the water rose.");
    g_assert_cmpint(tenth->as.line.number, ==, 10);
    g_assert_cmpint(tenth->prev->as.line.number, ==, 0);
    char *levels = heading_levels(&r, a);
    g_assert_cmpstr(levels, ==, "1:I. THE CROSSING.\n1:II. THE LIGHT.\n");
    g_free(levels);
    rt_result_free(&r);

    /* a poem counted through with no title over it: its first stanza is
     * no title (half-lines make the file verse) */
    GString *t = g_string_new(NULL);
    for (int k = 1; k <= 20; k++) {
        char num[8] = "";
        if (k % 5 == 0)
            g_snprintf(num, sizeof num, "%d", k);
        static const char *const first[] = {"pilot",       "the fog",          "the light",
                                            "by the quay", "over the bay",     "the old keeper",
                                            "by the lamp", "through the night"};
        g_string_append_printf(t, "%-5s%s     %s\n", num, first[k % 8], "held to the light");
    }
    r = rt_read_buffer("poem.txt", t->str, t->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_null(rt_article(&r, 0)->as.article.title);
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_LINE), ==, 20);
    rt_result_free(&r);
    g_string_free(t, TRUE);

    r = read_shape("verse_numbered_left_lookalike.txt");
    assert_words(&r);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "line numbers at the left margin"));
    rt_result_free(&r);
}

/* Verse set in half-lines, one gap of five spaces inside each line, the
 * second halves wherever the first ones end ("Listen! the pilots     in
 * the long winters"): verse, line by line, no table, no joined prose,
 * though its lines go on in small letters. The lookalike: a table of two
 * columns, the second aligned, stays a table. */
static void test_caesura_verse(void)
{
    rt_result r = read_shape("caesura.txt");
    assert_words(&r);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_TABLE), ==, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_VERSE), ==, 2);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_LINE), ==, 14);
    g_assert_cmpstr(rt_text(&r, first_of(first_of(a, IMPRINT_NODE_VERSE), IMPRINT_NODE_LINE)), ==,
                    "Listen! the pilots in the long winters");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 4, "14 lines of verse set in half-lines"));
    rt_result_free(&r);

    r = read_shape("caesura_lookalike.txt");
    assert_words(&r);
    g_assert_cmpuint(count_under(rt_article(&r, 0), IMPRINT_NODE_TABLE), ==, 1);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "half-lines"));
    rt_result_free(&r);
}

/* An online magazine's issue as Amiga Report sets it: "> Title" at the
 * margin over its underline, a rule of '"' over each, the words set off
 * after a title its subtitle: each head opens an article, the masthead
 * before the first an article of its own, no underline, rule or "> " left.
 * The lookalike: a message quoting another ("> The ferry runs late …"),
 * one "> Summary" over its underline among the quoted lines, is one
 * article. */
static void test_zine_heads(void)
{
    rt_result r = read_shape("zine_heads.txt");
    g_assert_cmpint(r.articles, ==, 4);
    imprint_node *a = rt_article(&r, 1);
    g_assert_cmpstr(a->as.article.title, ==, "From the Editor\u2019s Desk");
    g_assert_cmpstr(a->as.article.subtitle, ==, "\u201cSaying it as it is!\u201d");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.title, ==, "NEWS FROM THE QUAY");
    g_assert_cmpstr(rt_article(&r, 2)->as.article.subtitle, ==, "LATE BREAKING HARBOUR NEWS");
    g_assert_cmpstr(rt_article(&r, 3)->as.article.title, ==, "The Pilots\u2019 Column");
    g_assert_null(rt_article(&r, 3)->as.article.subtitle);
    for (int k = 0; k < 4; k++) {
        const char *text = rt_text(&r, rt_article(&r, k));
        g_assert_null(strstr(text, "\"\"\"\""));
        g_assert_null(strstr(text, "===="));
    }
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 8,
                              "an issue of an online magazine: 3 heads (\"> Title\" over its "
                              "underline) each open an article"));
    rt_result_free(&r);

    r = read_shape("zine_heads_lookalike.txt");
    assert_words(&r);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "online magazine"));
    rt_result_free(&r);
}

/* In a hard-wrapped text, a paragraph whose first line alone is set in
 * ("    FERRY TIMES CHANGE - The council …" over lines at the margin) is a
 * paragraph, not a block quote. The lookalike: a quotation set in whole,
 * its first line deeper still, among such paragraphs, is a block quote. */
static void test_first_line_indent(void)
{
    rt_result r = read_shape("first_line_indent.txt");
    assert_words(&r);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpuint(count_under(a, IMPRINT_NODE_QUOTE), ==, 0);
    assert_kinds(a, "PPPPPP");
    rt_result_free(&r);

    r = read_shape("first_line_indent_lookalike.txt");
    assert_words(&r);
    a = rt_article(&r, 0);
    assert_kinds(a, "PQPPP");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "indented off the prose"));
    rt_result_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/read_text/shapes/wrapped", test_wrapped);
    g_test_add_func("/read_text/shapes/gutenberg", test_gutenberg);
    g_test_add_func("/read_text/shapes/novel", test_novel);
    g_test_add_func("/read_text/shapes/novel_lookalike", test_novel_lookalike);
    g_test_add_func("/read_text/shapes/title_page_two_lines", test_title_page_two_lines);
    g_test_add_func("/read_text/shapes/half_title_lookalike", test_half_title_lookalike);
    g_test_add_func("/read_text/shapes/numbered_paragraphs", test_numbered_paragraphs);
    g_test_add_func("/read_text/shapes/contents_unheaded", test_contents_unheaded);
    g_test_add_func("/read_text/shapes/contents_unheaded_lookalike",
                    test_contents_unheaded_lookalike);
    g_test_add_func("/read_text/shapes/contents_recur_share", test_contents_recur_share);
    g_test_add_func("/read_text/shapes/notes_paren_symbol", test_notes_paren_symbol);
    g_test_add_func("/read_text/shapes/notes_paren_symbol_lookalike",
                    test_notes_paren_symbol_lookalike);
    g_test_add_func("/read_text/shapes/numbered_title", test_numbered_title);
    g_test_add_func("/read_text/shapes/table_columns_align", test_table_columns_align);
    g_test_add_func("/read_text/shapes/display_lines", test_display_lines);
    g_test_add_func("/read_text/shapes/verse_anthology", test_verse_anthology);
    g_test_add_func("/read_text/shapes/caps_heading_max_lines", test_caps_heading_max_lines);
    g_test_add_func("/read_text/shapes/gutenberg_etext", test_gutenberg_etext);
    g_test_add_func("/read_text/shapes/chapter_endnotes", test_chapter_endnotes);
    g_test_add_func("/read_text/shapes/bare_numbered_notes", test_bare_numbered_notes);
    g_test_add_func("/read_text/shapes/bare_numbered_lookalike", test_bare_numbered_lookalike);
    g_test_add_func("/read_text/shapes/bare_min_run", test_bare_min_run);
    g_test_add_func("/read_text/shapes/gutenberg_one_book", test_gutenberg_one_book);
    g_test_add_func("/read_text/shapes/letters_numbered", test_letters_numbered);
    g_test_add_func("/read_text/shapes/letters_numbered_lookalike",
                    test_letters_numbered_lookalike);
    g_test_add_func("/read_text/shapes/signatures_no_play", test_signatures_no_play);
    g_test_add_func("/read_text/shapes/aligned", test_aligned);
    g_test_add_func("/read_text/shapes/cast_list", test_cast_list);
    g_test_add_func("/read_text/shapes/play_cast_colons", test_play_cast_colons);
    g_test_add_func("/read_text/shapes/transcribed_book", test_transcribed_book);
    g_test_add_func("/read_text/shapes/title_page_byline", test_title_page_byline);
    g_test_add_func("/read_text/shapes/poem_heads", test_poem_heads);
    g_test_add_func("/read_text/shapes/end_line", test_end_line);
    g_test_add_func("/read_text/shapes/ragged", test_ragged);
    g_test_add_func("/read_text/shapes/title_at_end", test_title_at_end);
    g_test_add_func("/read_text/shapes/verse_margin_numbers", test_verse_margin_numbers);
    g_test_add_func("/read_text/shapes/chapter_endnotes_lookalike",
                    test_chapter_endnotes_lookalike);
    g_test_add_func("/read_text/shapes/title_page_min_lines", test_title_page_min_lines);
    g_test_add_func("/read_text/shapes/bib_prose_words", test_bib_prose_words);
    g_test_add_func("/read_text/shapes/wrap_column_gap", test_wrap_column_gap);
    g_test_add_func("/read_text/shapes/gutenberg_lookalike", test_gutenberg_lookalike);
    g_test_add_func("/read_text/shapes/gutenberg_headerless", test_gutenberg_headerless);
    g_test_add_func("/read_text/shapes/ruled_table", test_ruled_table);
    g_test_add_func("/read_text/shapes/memo_masthead", test_memo_masthead);
    g_test_add_func("/read_text/shapes/code_in_text", test_code_in_text);
    g_test_add_func("/read_text/shapes/code_limits", test_code_limits);
    g_test_add_func("/read_text/shapes/wrap_lower_clear", test_wrap_lower_clear);
    g_test_add_func("/read_text/shapes/hyphen_compound", test_hyphen_compound);
    g_test_add_func("/read_text/shapes/suffix_limit", test_suffix_limit);
    g_test_add_func("/read_text/shapes/quote_source_under", test_quote_source_under);
    g_test_add_func("/read_text/shapes/quoted_verse_speech", test_quoted_verse_speech);
    g_test_add_func("/read_text/shapes/wrapped_gap_sentence", test_wrapped_gap_sentence);
    g_test_add_func("/read_text/shapes/letters_postscript", test_letters_postscript);
    g_test_add_func("/read_text/shapes/letters_signed_name", test_letters_signed_name);
    g_test_add_func("/read_text/shapes/closer_limits", test_closer_limits);
    g_test_add_func("/read_text/shapes/title_page_display", test_title_page_display);
    g_test_add_func("/read_text/shapes/letter_sections", test_letter_sections);
    g_test_add_func("/read_text/shapes/citation_under_limit", test_citation_under_limit);
    g_test_add_func("/read_text/shapes/gutenberg_wrapped_marker", test_gutenberg_wrapped_marker);
    g_test_add_func("/read_text/shapes/heading_wrapped_sentence", test_heading_wrapped_sentence);
    g_test_add_func("/read_text/shapes/paginated", test_paginated);
    g_test_add_func("/read_text/shapes/page_limits", test_page_limits);
    g_test_add_func("/read_text/shapes/definitions", test_definitions);
    g_test_add_func("/read_text/shapes/definition_limits", test_definition_limits);
    g_test_add_func("/read_text/shapes/bullet_hang", test_bullet_hang);
    g_test_add_func("/read_text/shapes/caps_title_block", test_caps_title_block);
    g_test_add_func("/read_text/shapes/verse_drama", test_verse_drama);
    g_test_add_func("/read_text/shapes/number_colon_no_speaker", test_number_colon_no_speaker);
    g_test_add_func("/read_text/shapes/gutenberg_transcribed_credit",
                    test_gutenberg_transcribed_credit);
    g_test_add_func("/read_text/shapes/magazine_issue", test_magazine_issue);
    g_test_add_func("/read_text/shapes/quote_closed_before_dash", test_quote_closed_before_dash);
    g_test_add_func("/read_text/shapes/gutenberg_end_line_max", test_gutenberg_end_line_max);
    g_test_add_func("/read_text/shapes/notes_run_on", test_notes_run_on);
    g_test_add_func("/read_text/shapes/numbers_no_verse", test_numbers_no_verse);
    g_test_add_func("/read_text/shapes/transcribers_note", test_transcribers_note);
    g_test_add_func("/read_text/shapes/dash_dialogue", test_dash_dialogue);
    g_test_add_func("/read_text/shapes/break_between_notes", test_break_between_notes);
    g_test_add_func("/read_text/shapes/play_emphasis_names", test_play_emphasis_names);
    g_test_add_func("/read_text/shapes/miscellany_captions", test_miscellany_captions);
    g_test_add_func("/read_text/shapes/caption_limit", test_caption_limit);
    g_test_add_func("/read_text/shapes/chapter_title_stop", test_chapter_title_stop);
    g_test_add_func("/read_text/shapes/contents_parts", test_contents_parts);
    g_test_add_func("/read_text/shapes/title_page_series", test_title_page_series);
    g_test_add_func("/read_text/shapes/play_inner_stop", test_play_inner_stop);
    g_test_add_func("/read_text/shapes/notes_turned_year", test_notes_turned_year);
    g_test_add_func("/read_text/shapes/notes_after_table", test_notes_after_table);
    g_test_add_func("/read_text/shapes/index_entries", test_index_entries);
    g_test_add_func("/read_text/shapes/title_page_phrases", test_title_page_phrases);
    g_test_add_func("/read_text/shapes/title_page_phrases_lookalike",
                    test_title_page_phrases_lookalike);
    g_test_add_func("/read_text/shapes/figure_caption_lines", test_figure_caption_lines);
    g_test_add_func("/read_text/shapes/figure_caption_lines_lookalike",
                    test_figure_caption_lines_lookalike);
    g_test_add_func("/read_text/shapes/table_turned_cells", test_table_turned_cells);
    g_test_add_func("/read_text/shapes/table_ditto_rows", test_table_ditto_rows);
    g_test_add_func("/read_text/shapes/entries_set_in", test_entries_set_in);
    g_test_add_func("/read_text/shapes/title_quoted_lines", test_title_quoted_lines);
    g_test_add_func("/read_text/shapes/title_quoted_lines_lookalike",
                    test_title_quoted_lines_lookalike);
    g_test_add_func("/read_text/shapes/set_in_note_joiners", test_set_in_note_joiners);
    g_test_add_func("/read_text/shapes/set_in_note_joiners_lookalike",
                    test_set_in_note_joiners_lookalike);
    g_test_add_func("/read_text/shapes/entries_set_in_lookalike", test_entries_set_in_lookalike);
    g_test_add_func("/read_text/shapes/list_emphasised_letters", test_list_emphasised_letters);
    g_test_add_func("/read_text/shapes/list_emphasised_letters_lookalike",
                    test_list_emphasised_letters_lookalike);
    g_test_add_func("/read_text/shapes/table_ditto_rows_lookalike",
                    test_table_ditto_rows_lookalike);
    g_test_add_func("/read_text/shapes/table_turned_cells_lookalike",
                    test_table_turned_cells_lookalike);
    g_test_add_func("/read_text/shapes/index_entries_lookalike", test_index_entries_lookalike);
    g_test_add_func("/read_text/shapes/frontispiece_caption", test_frontispiece_caption);
    g_test_add_func("/read_text/shapes/songbook_spaced_title", test_songbook_spaced_title);
    g_test_add_func("/read_text/shapes/verse_book_prose_run", test_verse_book_prose_run);
    g_test_add_func("/read_text/shapes/play_songs", test_play_songs);
    g_test_add_func("/read_text/shapes/play_songs_lookalike", test_play_songs_lookalike);
    g_test_add_func("/read_text/shapes/contents_quoted_parts", test_contents_quoted_parts);
    g_test_add_func("/read_text/shapes/contents_quoted_parts_lookalike",
                    test_contents_quoted_parts_lookalike);
    g_test_add_func("/read_text/shapes/verse_prose_breaks_limit", test_verse_prose_breaks_limit);
    g_test_add_func("/read_text/shapes/verse_book_prose_run_lookalike",
                    test_verse_book_prose_run_lookalike);
    g_test_add_func("/read_text/shapes/key_labels_lookalike", test_key_labels_lookalike);
    g_test_add_func("/read_text/shapes/table_group_rows", test_table_group_rows);
    g_test_add_func("/read_text/shapes/lectures_bare_numerals", test_lectures_bare_numerals);
    g_test_add_func("/read_text/shapes/letters_date_under_title", test_letters_date_under_title);
    g_test_add_func("/read_text/shapes/letters_addressed", test_letters_addressed);
    g_test_add_func("/read_text/shapes/mail_digest", test_mail_digest);
    g_test_add_func("/read_text/shapes/header_fields", test_header_fields);
    g_test_add_func("/read_text/shapes/mail_spaced", test_mail_spaced);
    g_test_add_func("/read_text/shapes/mail_single", test_mail_single);
    g_test_add_func("/read_text/shapes/contents_late_numbered", test_contents_late_numbered);
    g_test_add_func("/read_text/shapes/contents_max_levels", test_contents_max_levels);
    g_test_add_func("/read_text/shapes/poems_numbered", test_poems_numbered);
    g_test_add_func("/read_text/shapes/title_page_set_in", test_title_page_set_in);
    g_test_add_func("/read_text/shapes/contents_two_levels", test_contents_two_levels);
    g_test_add_func("/read_text/shapes/songs_numbered_stanzas", test_songs_numbered_stanzas);
    g_test_add_func("/read_text/shapes/pieces_opening_picture", test_pieces_opening_picture);
    g_test_add_func("/read_text/shapes/pieces_opening_map", test_pieces_opening_map);
    g_test_add_func("/read_text/shapes/gutenberg_various", test_gutenberg_various);
    g_test_add_func("/read_text/shapes/dialogue_preface", test_dialogue_preface);
    g_test_add_func("/read_text/shapes/play_names_after_front", test_play_names_after_front);
    g_test_add_func("/read_text/shapes/play_span_min_turns", test_play_span_min_turns);
    g_test_add_func("/read_text/shapes/wrap_readings", test_wrap_readings);
    g_test_add_func("/read_text/shapes/editors_notes", test_editors_notes);
    g_test_add_func("/read_text/shapes/gutenberg_limits", test_gutenberg_limits);
    g_test_add_func("/read_text/shapes/unwrapped", test_unwrapped);
    g_test_add_func("/read_text/shapes/wrapped_indented", test_wrapped_indented);
    g_test_add_func("/read_text/shapes/wrap_key", test_wrap_key);
    g_test_add_func("/read_text/shapes/wrap_min_breaks", test_wrap_min_breaks);
    g_test_add_func("/read_text/shapes/wrap_max_width", test_wrap_max_width);
    g_test_add_func("/read_text/shapes/notes_paren", test_notes_paren);
    g_test_add_func("/read_text/shapes/notes_footnote", test_notes_footnote);
    g_test_add_func("/read_text/shapes/notes_brace", test_notes_brace);
    g_test_add_func("/read_text/shapes/notes_symbols", test_notes_symbols);
    g_test_add_func("/read_text/shapes/notes_lettered", test_notes_lettered);
    g_test_add_func("/read_text/shapes/notes_lettered_lookalike", test_notes_lettered_lookalike);
    g_test_add_func("/read_text/shapes/sidenotes", test_sidenotes);
    g_test_add_func("/read_text/shapes/sidenotes_lookalike", test_sidenotes_lookalike);
    g_test_add_func("/read_text/shapes/closers", test_closers);
    g_test_add_func("/read_text/shapes/closers_lookalike", test_closers_lookalike);
    g_test_add_func("/read_text/shapes/play_persons", test_play_persons);
    g_test_add_func("/read_text/shapes/play_persons_lookalike", test_play_persons_lookalike);
    g_test_add_func("/read_text/shapes/play_names_over", test_play_names_over);
    g_test_add_func("/read_text/shapes/verse_numbered_left", test_verse_numbered_left);
    g_test_add_func("/read_text/shapes/caesura_verse", test_caesura_verse);
    g_test_add_func("/read_text/shapes/zine_heads", test_zine_heads);
    g_test_add_func("/read_text/shapes/first_line_indent", test_first_line_indent);
    g_test_add_func("/read_text/shapes/notes_angle", test_notes_angle);
    g_test_add_func("/read_text/shapes/notes_angle_lookalike", test_notes_angle_lookalike);
    g_test_add_func("/read_text/shapes/quoted_verse", test_quoted_verse);
    g_test_add_func("/read_text/shapes/quoted_verse_marked", test_quoted_verse_marked);
    g_test_add_func("/read_text/shapes/verse_books", test_verse_books);
    g_test_add_func("/read_text/shapes/numbered_pamphlet", test_numbered_pamphlet);
    g_test_add_func("/read_text/shapes/numbered_pamphlet_lookalike",
                    test_numbered_pamphlet_lookalike);
    g_test_add_func("/read_text/shapes/glossary", test_glossary);
    g_test_add_func("/read_text/shapes/signatures", test_signatures);
    g_test_add_func("/read_text/shapes/openers", test_openers);
    g_test_add_func("/read_text/shapes/wrapped_set_in", test_wrapped_set_in);
    g_test_add_func("/read_text/shapes/ragged_sure", test_ragged_sure);
    g_test_add_func("/read_text/shapes/journal_entries", test_journal_entries);
    g_test_add_func("/read_text/shapes/verse_collection_byline", test_verse_collection_byline);
    g_test_add_func("/read_text/shapes/contents_repeats", test_contents_repeats);
    g_test_add_func("/read_text/shapes/verse_books_lookalike", test_verse_books_lookalike);
    g_test_add_func("/read_text/shapes/notes_heading", test_notes_heading);
    g_test_add_func("/read_text/shapes/marker_max_digits", test_marker_max_digits);
    g_test_add_func("/read_text/shapes/marker_max_gap", test_marker_max_gap);
    g_test_add_func("/read_text/shapes/marker_run_share", test_marker_run_share);
    g_test_add_func("/read_text/shapes/verse_collection", test_verse_collection);
    g_test_add_func("/read_text/shapes/verse_file_min_stanzas", test_verse_file_min_stanzas);
    g_test_add_func("/read_text/shapes/letters", test_letters);
    g_test_add_func("/read_text/shapes/posts", test_posts);
    g_test_add_func("/read_text/shapes/double_spaces", test_double_spaces);
    g_test_add_func("/read_text/shapes/play", test_play);
    g_test_add_func("/read_text/shapes/play_lookalike", test_play_lookalike);
    g_test_add_func("/read_text/shapes/play_limits", test_play_limits);
    g_test_add_func("/read_text/shapes/play_inline", test_play_inline);
    g_test_add_func("/read_text/shapes/play_inline_lookalike", test_play_inline_lookalike);
    g_test_add_func("/read_text/shapes/play_stop_share", test_play_stop_share);
    g_test_add_func("/read_text/shapes/wrapped_lists", test_wrapped_lists);
    g_test_add_func("/read_text/shapes/figure_underscore", test_figure_underscore);
    g_test_add_func("/read_text/shapes/french_spacing", test_french_spacing);
    g_test_add_func("/read_text/shapes/transcript", test_transcript);
    g_test_add_func("/read_text/shapes/transcript_voices", test_transcript_voices);
    g_test_add_func("/read_text/shapes/transcript_numbered", test_transcript_numbered);
    g_test_add_func("/read_text/shapes/transcript_voices_lookalike",
                    test_transcript_voices_lookalike);
    g_test_add_func("/read_text/shapes/speaker_digits_limit", test_speaker_digits_limit);
    g_test_add_func("/read_text/shapes/transcript_stamped", test_transcript_stamped);
    g_test_add_func("/read_text/shapes/transcript_name_lines", test_transcript_name_lines);
    g_test_add_func("/read_text/shapes/transcript_lead_stamps", test_transcript_lead_stamps);
    g_test_add_func("/read_text/shapes/transcript_otter", test_transcript_otter);
    g_test_add_func("/read_text/shapes/transcript_name_blocks_lookalike",
                    test_transcript_name_blocks_lookalike);
    g_test_add_func("/read_text/shapes/transcript_one_voice", test_transcript_one_voice);
    g_test_add_func("/read_text/shapes/transcript_stamps_only", test_transcript_stamps_only);
    g_test_add_func("/read_text/shapes/bullets_nested", test_bullets_nested);
    g_test_add_func("/read_text/shapes/sidenotes_diamonds", test_sidenotes_diamonds);
    g_test_add_func("/read_text/shapes/gutenberg_preamble", test_gutenberg_preamble);
    g_test_add_func("/read_text/shapes/contents_then_table", test_contents_then_table);
    g_test_add_func("/read_text/shapes/chronology_dates", test_chronology_dates);
    g_test_add_func("/read_text/shapes/play_groups", test_play_groups);
    g_test_add_func("/read_text/shapes/play_end_words", test_play_end_words);
    g_test_add_func("/read_text/shapes/play_bracketed_direction", test_play_bracketed_direction);
    g_test_add_func("/read_text/shapes/bold_equals", test_bold_equals);
    g_test_add_func("/read_text/shapes/hanging_entries", test_hanging_entries);
    g_test_add_func("/read_text/shapes/hanging_limits", test_hanging_limits);
    g_test_add_func("/read_text/shapes/emphasis_word_part", test_emphasis_word_part);
    g_test_add_func("/read_text/shapes/emphasis_over_lines", test_emphasis_over_lines);
    g_test_add_func("/read_text/shapes/emphasis_nested", test_emphasis_nested);
    g_test_add_func("/read_text/shapes/wrapped_emphasis_hanging", test_wrapped_emphasis_hanging);
    g_test_add_func("/read_text/shapes/wrap_overlong", test_wrap_overlong);
    g_test_add_func("/read_text/shapes/essay_exchange", test_essay_exchange);
    g_test_add_func("/read_text/shapes/dialogue_and_quote", test_dialogue_and_quote);
    g_test_add_func("/read_text/shapes/dialogue_min_quoted", test_dialogue_min_quoted);
    g_test_add_func("/read_text/shapes/breaks", test_breaks);
    g_test_add_func("/read_text/shapes/emphasis", test_emphasis);
    g_test_add_func("/read_text/shapes/book_front", test_book_front);
    g_test_add_func("/read_text/shapes/contents_lookalike", test_contents_lookalike);
    g_test_add_func("/read_text/shapes/contents_min_entries", test_contents_min_entries);
    g_test_add_func("/read_text/shapes/contents_entry_chars", test_contents_entry_chars);
    g_test_add_func("/read_text/shapes/collection_gaps", test_collection_gaps);
    g_test_add_func("/read_text/shapes/title_gap_limits", test_title_gap_limits);
    g_test_add_func("/read_text/shapes/title_gap_recurs", test_title_gap_recurs);
    g_test_add_func("/read_text/shapes/subtitle_max_lines", test_subtitle_max_lines);
    g_test_add_func("/read_text/shapes/quoted_exchanges", test_quoted_exchanges);
    g_test_add_func("/read_text/shapes/quoted_turns_share", test_quoted_turns_share);
    g_test_add_func("/read_text/shapes/heading_marks", test_heading_marks);
    g_test_add_func("/read_text/shapes/collection_front", test_collection_front);
    g_test_add_func("/read_text/shapes/verse_collection_front", test_verse_collection_front);
    g_test_add_func("/read_text/shapes/verse_collection_contents", test_verse_collection_contents);
    g_test_add_func("/read_text/shapes/notes_stop_lost", test_notes_stop_lost);
    g_test_add_func("/read_text/shapes/wrapped_dash_break", test_wrapped_dash_break);
    g_test_add_func("/read_text/shapes/spaced_title", test_spaced_title);
    g_test_add_func("/read_text/shapes/quoted_poem", test_quoted_poem);
    g_test_add_func("/read_text/shapes/epigraph_source", test_epigraph_source);
    g_test_add_func("/read_text/shapes/citation_set_in_max_words", test_citation_set_in_max_words);
    g_test_add_func("/read_text/shapes/display_title_page", test_display_title_page);
    g_test_add_func("/read_text/shapes/ends_sentence_lookalike", test_ends_sentence_lookalike);
    g_test_add_func("/read_text/shapes/collection_numbered", test_collection_numbered);
    g_test_add_func("/read_text/shapes/numbered_pieces_min", test_numbered_pieces_min);
    g_test_add_func("/read_text/shapes/pieces_word_reach", test_pieces_word_reach);
    g_test_add_func("/read_text/shapes/dedication", test_dedication);
    g_test_add_func("/read_text/shapes/dedication_min_chunks", test_dedication_min_chunks);
    g_test_add_func("/read_text/shapes/collection_separated", test_collection_separated);
    g_test_add_func("/read_text/shapes/transcript_colon_names", test_transcript_colon_names);
    g_test_add_func("/read_text/shapes/transcript_names_apart", test_transcript_names_apart);
    g_test_add_func("/read_text/shapes/play_colon_verse", test_play_colon_verse);
    g_test_add_func("/read_text/shapes/paren_items", test_paren_items);
    g_test_add_func("/read_text/shapes/title_page_after_notes", test_title_page_after_notes);
    g_test_add_func("/read_text/shapes/glued_heading", test_glued_heading);
    g_test_add_func("/read_text/shapes/citation_dash_list", test_citation_dash_list);
    g_test_add_func("/read_text/shapes/rfc_sections", test_rfc_sections);
    g_test_add_func("/read_text/shapes/record_line_numbers", test_record_line_numbers);
    g_test_add_func("/read_text/shapes/weekday_over_date", test_weekday_over_date);
    return g_test_run();
}
