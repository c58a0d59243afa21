/* Comparing articles (src/compare): the normalised words, every named
 * threshold and limit on both sides, the lookalikes that must give nothing,
 * the index's linear cost, what an edition does with copies, and the word
 * diff. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare_internal.h"
#include "imprint/compare.h"
#include "imprint/reader.h"
#include "imprint/writer.h"

#define CMP_FIXTURES FIXTURES_DIR "/compare"

/* An article of one paragraph per entry of `paras` (NULL-terminated). */
static imprint_node *add_article(imprint_doc *doc, const char *file, unsigned line,
                                 const char *title, const char *const *paras)
{
    imprint_pos pos = {file, line, 1};
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, pos);
    art->as.article.title = title;
    g_assert_true(imprint_node_append(doc->root, art));
    for (size_t i = 0; paras[i]; i++) {
        pos.line = line + 1 + (unsigned)i;
        imprint_node *p = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, pos);
        g_assert_true(imprint_node_append(art, p));
        g_assert_nonnull(imprint_node_append_text(doc, p, pos, paras[i], strlen(paras[i])));
    }
    return art;
}

/* "w<from> w<from+1> ... w<to-1>": words that occur nowhere else. */
static char *words(const char *prefix, unsigned from, unsigned to)
{
    GString *s = g_string_new(NULL);
    for (unsigned i = from; i < to; i++)
        g_string_append_printf(s, "%s%s%u", i > from ? " " : "", prefix, i);
    return g_string_free(s, FALSE);
}

static imprint_node *add_words(imprint_doc *doc, unsigned line, const char *text)
{
    const char *paras[] = {text, NULL};
    return add_article(doc, "gen.txt", line, NULL, paras);
}

static imprint_doc *read_fixtures(const char *const *names)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {0};
    for (size_t i = 0; names[i]; i++) {
        char *path = g_build_filename(CMP_FIXTURES, names[i], NULL);
        g_assert_cmpint(imprint_read_file(doc, path, &opts, diags), ==, 1);
        g_free(path);
    }
    imprint_diags_free(diags);
    return doc;
}

static size_t count_messages(const imprint_diags *d, imprint_severity sev, const char *needle)
{
    return imprint_diags_count_matching(d, sev, needle);
}

static void dump(const imprint_diags *diags)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        char *line = imprint_diag_format(imprint_diags_get(diags, i));
        g_test_message("%s", line);
        g_free(line);
    }
}

/* Case, quotes, no-break spaces, dashes and ligatures only separate or fold. */
static void test_words_normalised(void)
{
    imprint_doc *doc = imprint_doc_new();
    const char *paras[] = {"Don\xe2\x80\x99t \xe2\x80\x9cStop\xe2\x80\x9d\xc2\xa0the "
                           "e\xef\xac\x83"
                           "cient WORK\xe2\x80\x94now.",
                           NULL};
    imprint_node *a = add_article(doc, "w.txt", 1, "T", paras);
    cmp_text t;
    cmp_text_init(&t, a);
    const char *want[] = {"don't", "stop", "the", "efficient", "work", "now"};
    g_assert_cmpuint(t.words->len, ==, G_N_ELEMENTS(want));
    for (guint i = 0; i < t.words->len; i++)
        g_assert_cmpstr(g_array_index(t.words, cmp_word, i).word, ==, want[i]);
    cmp_text_clear(&t);
    imprint_doc_free(doc);
}

/* The hashes that detection reads (cmp_word_hashes, without the words)
 * are those of cmp_text_init, each the hash of its folded word, on words
 * that end at the text's end, at ASCII and non-ASCII punctuation, with
 * apostrophes inside and outside, digits, accents and ligatures. */
static void test_word_hashes(void)
{
    imprint_doc *doc = imprint_doc_new();
    const char *paras[] = {"Don't stop: it's 1936, caÃ© cafÃ©s âWORKâ "
                           "o'clock' 'quoted' rock'n'roll eï¬"
                           "cient naÃ¯veâend",
                           "Stalinâs A", "x", NULL};
    imprint_node *a = add_article(doc, "h.txt", 1, "T", paras);
    cmp_text t;
    cmp_text_init(&t, a);
    guint n = 0;
    guint64 *h = cmp_word_hashes(a, &n);
    g_assert_cmpuint(n, ==, t.words->len);
    g_assert_cmpuint(n, >=, 18);
    for (guint i = 0; i < n; i++) {
        const cmp_word *w = &g_array_index(t.words, cmp_word, i);
        g_assert_cmpuint(h[i], ==, w->hash);
        g_assert_cmpuint(w->hash, ==, cmp_hash_bytes(CMP_HASH_START, w->word, strlen(w->word)));
    }
    g_assert_cmpstr(g_array_index(t.words, cmp_word, 0).word, ==, "don't");
    g_assert_cmpstr(g_array_index(t.words, cmp_word, n - 1).word, ==, "x");
    /* Typographic apostrophes fold to ASCII; the acute accent (which NFKC
     * decomposes) and other letters go through NFKC and case folding. */
    const char *want[][2] = {{"Stalin\xe2\x80\x99s", "stalin's"},
                             {"O\xe2\x80\x98Neill", "o'neill"},
                             {"GOL\xca\xbcTSMAN", "gol'tsman"},
                             {"Stra\xc3\x9f"
                              "e",
                              "strasse"},
                             {"e\xef\xac\x83"
                              "cient",
                              "efficient"},
                             {"CAF\xc3\x89", "caf\xc3\xa9"}};
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        imprint_doc *d = imprint_doc_new();
        const char *one[] = {want[i][0], NULL};
        imprint_node *art = add_article(d, "w.txt", 1, "T", one);
        cmp_text tw;
        cmp_text_init(&tw, art);
        g_assert_cmpuint(tw.words->len, ==, 1);
        const cmp_word *w = &g_array_index(tw.words, cmp_word, 0);
        g_assert_cmpstr(w->word, ==, want[i][1]);
        g_assert_cmpuint(w->hash, ==,
                         cmp_hash_bytes(CMP_HASH_START, want[i][1], strlen(want[i][1])));
        cmp_text_clear(&tw);
        imprint_doc_free(d);
    }
    g_free(h);
    cmp_text_clear(&t);
    imprint_doc_free(doc);
}

/* Same text through typography: one pair, "same"; the variant fixtures are
 * variants; the two articles sharing a quotation and a bibliography give
 * nothing (the lookalike). */
static void test_fixtures(void)
{
    const char *names[] = {"same_1.md", "same_2.md", "quote_1.md", "quote_2.md", NULL};
    imprint_doc *doc = read_fixtures(names);
    imprint_dups *d = imprint_compare_find(doc);
    g_assert_cmpuint(d->npairs, ==, 1);
    g_assert_true(d->pairs[0].same);
    g_assert_cmpint(d->pairs[0].overlap, ==, 100);
    imprint_dups_free(d);
    imprint_doc_free(doc);

    const char *variants[] = {"variant_1.md", "variant_2.md", NULL};
    doc = read_fixtures(variants);
    d = imprint_compare_find(doc);
    g_assert_cmpuint(d->npairs, ==, 1);
    g_assert_false(d->pairs[0].same);
    g_assert_cmpint(d->pairs[0].overlap, >=, DUP_VARIANT_OVERLAP);
    imprint_diags *diags = imprint_diags_new();
    imprint_compare_report(d, IMPRINT_SEV_WARNING, diags);
    dump(diags);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING, "variant of "), ==, 1);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING,
                                    "this copy has 1 paragraph and 1 link the other lacks; the "
                                    "other has 2 headings, 1 paragraph and 1 more note"),
                     ==, 1);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_NOTE, "heading “The leaders” is not in"), ==,
                     1);
    g_assert_cmpuint(
        count_messages(diags, IMPRINT_SEV_NOTE, "link https://example.org/kitchens is not in"), ==,
        1);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_NOTE, "1 note here, 0 in the other"), ==, 1);
    imprint_diags_free(diags);
    imprint_dups_free(d);
    imprint_doc_free(doc);
}

/* DUP_VARIANT_OVERLAP: two 200-word articles whose first m words agree;
 * the last m that stays under the threshold gives nothing, the next a
 * variant. */
static void test_variant_threshold(void)
{
    const unsigned n = 200, shingles = n - IMPRINT_DUP_SHINGLE_WORDS + 1;
    unsigned m = IMPRINT_DUP_SHINGLE_WORDS;
    while ((m - IMPRINT_DUP_SHINGLE_WORDS + 1) * 100 / shingles < DUP_VARIANT_OVERLAP)
        m++;
    for (int side = 0; side < 2; side++) {
        unsigned shared = side ? m : m - 1;
        imprint_doc *doc = imprint_doc_new();
        char *a = words("w", 0, n);
        char *head = words("w", 0, shared), *tail = words("x", shared, n);
        char *b = g_strconcat(head, " ", tail, NULL);
        add_words(doc, 1, a);
        add_words(doc, 10, b);
        imprint_dups *d = imprint_compare_find(doc);
        g_assert_cmpuint(d->npairs, ==, side ? 1 : 0);
        if (side)
            g_assert_cmpint(d->pairs[0].overlap, ==, DUP_VARIANT_OVERLAP);
        imprint_dups_free(d);
        g_free(a);
        g_free(b);
        g_free(head);
        g_free(tail);
        imprint_doc_free(doc);
    }
}

/* DUP_MIN_SHARED: short articles that agree but for a last word are
 * variants with DUP_MIN_SHARED shingles in common, nothing with one fewer. */
static void test_min_shared(void)
{
    for (int side = 0; side < 2; side++) {
        unsigned n = DUP_MIN_SHARED + IMPRINT_DUP_SHINGLE_WORDS - 1 - (side ? 0 : 1);
        imprint_doc *doc = imprint_doc_new();
        char *common = words("w", 0, n);
        char *a = g_strconcat(common, " alpha", NULL), *b = g_strconcat(common, " beta", NULL);
        add_words(doc, 1, a);
        add_words(doc, 10, b);
        imprint_dups *d = imprint_compare_find(doc);
        g_assert_cmpuint(d->npairs, ==, side ? 1 : 0);
        imprint_dups_free(d);
        g_free(common);
        g_free(a);
        g_free(b);
        imprint_doc_free(doc);
    }
}

/* The same text needs a shingle's words: two "Read more" stubs are not
 * copies of one article. */
static void test_same_needs_a_shingle(void)
{
    for (int side = 0; side < 2; side++) {
        imprint_doc *doc = imprint_doc_new();
        char *t = words("w", 0, IMPRINT_DUP_SHINGLE_WORDS - (side ? 0 : 1));
        add_words(doc, 1, t);
        add_words(doc, 10, t);
        imprint_dups *d = imprint_compare_find(doc);
        g_assert_cmpuint(d->npairs, ==, side ? 1 : 0);
        if (side)
            g_assert_true(d->pairs[0].same);
        imprint_dups_free(d);
        g_free(t);
        imprint_doc_free(doc);
    }
}

/* Many copies of one text: each later one is paired with the first, so
 * that the pairs grow with the copies, not with their square. */
static void test_many_copies(void)
{
    imprint_doc *doc = imprint_doc_new();
    char *t = words("w", 0, 40);
    const unsigned n = 1000;
    for (unsigned i = 0; i < n; i++)
        add_words(doc, 1 + i, t);
    imprint_dups *d = imprint_compare_find(doc);
    g_assert_cmpuint(d->npairs, ==, n - 1);
    for (size_t k = 0; k < d->npairs; k++) {
        g_assert_true(d->pairs[k].same);
        g_assert_true(d->pairs[k].first == doc->root->first_child);
    }
    imprint_dups_free(d);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(imprint_compare_apply(doc, IMPRINT_DUPLICATES_KEEP_FULLER, NULL, diags));
    g_assert_true(doc->root->first_child && !doc->root->first_child->next);
    g_assert_cmpuint(doc->root->first_child->as.article.nwitnesses, ==, n - 1);
    imprint_diags_free(diags);
    g_free(t);
    imprint_doc_free(doc);
}

/* Copies of two variant texts: each later copy is paired with its text's
 * first copy only, and the variants once, between the first copies: 2(n -
 * 1) + 1 pairs, not the n² variant pairs of every copy with every other. */
static void test_copies_of_variants(void)
{
    imprint_doc *doc = imprint_doc_new();
    char *a = words("w", 0, 100), *tail = words("x", 0, 10);
    char *b = g_strconcat(a, " ", tail, NULL);
    const unsigned n = 10;
    for (unsigned i = 0; i < n; i++) {
        add_words(doc, 1 + 2 * i, a);
        add_words(doc, 2 + 2 * i, b);
    }
    imprint_dups *d = imprint_compare_find(doc);
    g_assert_cmpuint(d->npairs, ==, 2 * (n - 1) + 1);
    size_t variants = 0;
    for (size_t k = 0; k < d->npairs; k++)
        if (!d->pairs[k].same) {
            variants++;
            g_assert_true(d->pairs[k].first == doc->root->first_child);
            g_assert_true(d->pairs[k].second == doc->root->first_child->next);
        }
    g_assert_cmpuint(variants, ==, 1);
    imprint_dups_free(d);
    g_free(a);
    g_free(b);
    g_free(tail);
    imprint_doc_free(doc);
}

/* DUP_MAX_SHARERS: a footer in more articles than the limit is not
 * counted (no pair counted); in as many as the limit it is. Neither makes
 * the articles copies. */
static void test_boilerplate(void)
{
    char *footer = words("footer", 0, 30);
    for (int side = 0; side < 2; side++) {
        unsigned n = DUP_MAX_SHARERS + (side ? 1 : 0);
        imprint_doc *doc = imprint_doc_new();
        for (unsigned i = 0; i < n; i++) {
            char pre[32];
            g_snprintf(pre, sizeof pre, "a%u_", i);
            char *own = words(pre, 0, 100);
            char *text = g_strconcat(own, " ", footer, NULL);
            add_words(doc, 1 + i, text);
            g_free(text);
            g_free(own);
        }
        imprint_dups *d = imprint_compare_find(doc);
        g_assert_cmpuint(d->npairs, ==, 0);
        if (side)
            g_assert_cmpuint(d->visits, ==, 0);
        else
            g_assert_cmpuint(d->visits, >, 0);
        imprint_dups_free(d);
        imprint_doc_free(doc);
    }
    g_free(footer);
}

/* n synthetic articles of 300 words drawn from a 5,000-word vocabulary,
 * every tenth a variant of the one before it (its last 30 words changed). */
static imprint_doc *synthetic(unsigned n, GRand *rand)
{
    imprint_doc *doc = imprint_doc_new();
    GString *prev = g_string_new(NULL);
    for (unsigned i = 0; i < n; i++) {
        GString *s = g_string_new(NULL);
        if (i % 10 == 9) {
            g_string_append(s, prev->str);
            for (unsigned k = 0; k < 30; k++)
                g_string_append_printf(s, " changed%u_%u", i, k);
        } else {
            for (unsigned k = 0; k < 300; k++)
                g_string_append_printf(s, "%sv%d", k ? " " : "", g_rand_int_range(rand, 0, 5000));
        }
        add_words(doc, 1 + i, s->str);
        /* The next variant copies this one without its last 30 words. */
        const char *cut = s->str;
        for (unsigned k = 0, spaces = 0; cut[k]; k++)
            if (cut[k] == ' ' && ++spaces == 270) {
                g_string_assign(prev, "");
                g_string_append_len(prev, cut, k);
                break;
            }
        g_string_free(s, TRUE);
    }
    g_string_free(prev, TRUE);
    return doc;
}

/* The index keeps the work linear: four times the articles, about four
 * times the pairs counted, and as many candidate pairs as true ones
 * (random texts share no shingle by chance). */
static void test_linear(void)
{
    size_t visits[2];
    unsigned sizes[2] = {500, 2000};
    for (int k = 0; k < 2; k++) {
        GRand *rand = g_rand_new_with_seed(42);
        imprint_doc *doc = synthetic(sizes[k], rand);
        imprint_dups *d = imprint_compare_find(doc);
        g_assert_cmpuint(d->npairs, ==, sizes[k] / 10);
        for (size_t p = 0; p < d->npairs; p++)
            g_assert_false(d->pairs[p].same);
        g_assert_cmpuint(d->candidates, <=, 2 * d->npairs);
        visits[k] = d->visits;
        imprint_dups_free(d);
        imprint_doc_free(doc);
        g_rand_free(rand);
    }
    g_assert_cmpuint(visits[1], <=, visits[0] * 4 + visits[0] / 2);
    g_assert_cmpuint(visits[1], >=, visits[0] * 3);
}

/* DUP_MAX_DETAILS: a copy with more extra paragraphs than the limit lists
 * the limit and counts the rest in one note. */
static void test_max_details(void)
{
    imprint_doc *doc = imprint_doc_new();
    const unsigned extra = DUP_MAX_DETAILS + 3;
    char *base = words("base", 0, 600);
    GPtrArray *paras = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(paras, g_strdup(base));
    for (unsigned i = 0; i < extra; i++) {
        char pre[32];
        g_snprintf(pre, sizeof pre, "extra%u_", i);
        g_ptr_array_add(paras, words(pre, 0, 10));
    }
    g_ptr_array_add(paras, NULL);
    const char *one[] = {base, NULL};
    add_article(doc, "a.txt", 1, "A", one);
    add_article(doc, "b.txt", 1, "B", (const char *const *)paras->pdata);
    imprint_dups *d = imprint_compare_find(doc);
    g_assert_cmpuint(d->npairs, ==, 1);
    imprint_diags *diags = imprint_diags_new();
    imprint_compare_report(d, IMPRINT_SEV_WARNING, diags);
    dump(diags);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_NOTE, "is not in the other copy"), ==,
                     DUP_MAX_DETAILS);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_NOTE, "and 3 more differences"), ==, 1);
    char want[64];
    g_snprintf(want, sizeof want, "this copy has %u paragraphs the other lacks", extra);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING, want), ==, 1);
    imprint_diags_free(diags);
    imprint_dups_free(d);
    g_ptr_array_unref(paras);
    g_free(base);
    imprint_doc_free(doc);
}

/* DUP_BLOCK_PRESENT: a paragraph whose first m words the other copy has
 * counts as there from the threshold on, as missing below it. */
static void test_block_present(void)
{
    const unsigned len = 40, shingles = len - IMPRINT_DUP_SHINGLE_WORDS + 1;
    unsigned m = IMPRINT_DUP_SHINGLE_WORDS;
    while ((m - IMPRINT_DUP_SHINGLE_WORDS + 1) * 100 < shingles * DUP_BLOCK_PRESENT)
        m++;
    char *base = words("base", 0, 400);
    for (int side = 0; side < 2; side++) {
        unsigned have = side ? m : m - 1;
        imprint_doc *doc = imprint_doc_new();
        char *p = words("p", 0, len);
        char *head = words("p", 0, have), *tail = words("q", have, len);
        char *q = g_strconcat(head, " ", tail, NULL);
        const char *a[] = {base, p, NULL}, *b[] = {base, q, NULL};
        add_article(doc, "a.txt", 1, "A", a);
        add_article(doc, "b.txt", 1, "B", b);
        imprint_dups *d = imprint_compare_find(doc);
        g_assert_cmpuint(d->npairs, ==, 1);
        imprint_diags *diags = imprint_diags_new();
        imprint_compare_report(d, IMPRINT_SEV_WARNING, diags);
        dump(diags);
        /* Missing: each copy's paragraph is reported as not in the other. */
        g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_NOTE, "paragraph “p0 p1"), ==,
                         side ? 0 : 2);
        imprint_diags_free(diags);
        imprint_dups_free(d);
        g_free(p);
        g_free(head);
        g_free(tail);
        g_free(q);
        imprint_doc_free(doc);
    }
    g_free(base);
}

static const imprint_node *nth_article(const imprint_doc *doc, int n)
{
    const imprint_node *a = doc->root->first_child;
    while (a && n-- > 0)
        a = a->next;
    return a;
}

/* warn: both kept, each the other's witness. keep-fuller: the fuller kept
 * (variant_2, more words), the other dropped and named. error: fails. */
static void test_apply(void)
{
    const char *names[] = {"variant_1.md", "variant_2.md", "quote_1.md", NULL};
    imprint_doc *doc = read_fixtures(names);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(imprint_compare_apply(doc, IMPRINT_DUPLICATES_WARN, "ed.yaml", diags));
    const imprint_node *a = nth_article(doc, 0), *b = nth_article(doc, 1);
    g_assert_cmpuint(a->as.article.nwitnesses, ==, 1);
    g_assert_cmpuint(b->as.article.nwitnesses, ==, 1);
    g_assert_cmpuint(nth_article(doc, 2)->as.article.nwitnesses, ==, 0);
    g_assert_true(g_str_has_suffix(a->as.article.witnesses[0].file, "variant_2.md"));
    g_assert_false(a->as.article.witnesses[0].dropped);
    imprint_diags_free(diags);
    imprint_doc_free(doc);

    doc = read_fixtures(names);
    diags = imprint_diags_new();
    g_assert_true(imprint_compare_apply(doc, IMPRINT_DUPLICATES_KEEP_FULLER, "ed.yaml", diags));
    dump(diags);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING, "dropped from the edition"), ==, 1);
    a = nth_article(doc, 0);
    g_assert_true(g_str_has_suffix(a->as.article.source_file, "variant_2.md"));
    g_assert_cmpuint(a->as.article.nwitnesses, ==, 1);
    g_assert_true(a->as.article.witnesses[0].dropped);
    g_assert_true(g_str_has_suffix(a->as.article.witnesses[0].file, "variant_1.md"));
    g_assert_null(nth_article(doc, 2));
    imprint_diags_free(diags);
    imprint_doc_free(doc);

    doc = read_fixtures(names);
    diags = imprint_diags_new();
    g_assert_false(imprint_compare_apply(doc, IMPRINT_DUPLICATES_ERROR, "ed.yaml", diags));
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_ERROR, "variant of"), ==, 1);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_ERROR, "'duplicates: error'"), ==, 1);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* Witnesses survive the TEI: written into the header, read back. */
static void test_witness_tei(void)
{
    const char *names[] = {"same_1.md", "same_2.md", NULL};
    imprint_doc *doc = read_fixtures(names);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(imprint_compare_apply(doc, IMPRINT_DUPLICATES_KEEP_FULLER, NULL, diags));
    imprint_node *kept = doc->root->first_child;
    g_assert_cmpuint(kept->as.article.nwitnesses, ==, 1);
    GString *tei = g_string_new(NULL);
    g_assert_true(imprint_write_tei_string(doc, &doc->meta, tei));
    g_assert_nonnull(strstr(tei->str, "<bibl type=\"witness\" subtype=\"same-text-dropped\""));
    imprint_doc *back = imprint_doc_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEI};
    g_assert_cmpint(imprint_read_buffer(back, "back.xml", tei->str, tei->len, &opts, diags), ==, 1);
    const imprint_node *b = back->root->first_child;
    g_assert_cmpuint(b->as.article.nwitnesses, ==, 1);
    const imprint_witness *w = &b->as.article.witnesses[0];
    const imprint_witness *orig = &kept->as.article.witnesses[0];
    g_assert_cmpstr(w->file, ==, orig->file);
    g_assert_cmpuint(w->line, ==, orig->line);
    g_assert_cmpstr(w->title, ==, orig->title);
    g_assert_true(w->same && w->dropped);
    g_assert_cmpint(w->overlap, ==, 100);
    g_string_free(tei, TRUE);
    imprint_diags_free(diags);
    imprint_doc_free(back);
    imprint_doc_free(doc);
}

static long diff_texts(const char *a, const char *b, imprint_diags *diags)
{
    imprint_doc *doc = imprint_doc_new();
    const imprint_node *x = add_words(doc, 1, a), *y = add_words(doc, 10, b);
    long n = imprint_compare_diff(x, y, diags);
    dump(diags);
    imprint_doc_free(doc);
    return n;
}

static void test_diff(void)
{
    imprint_diags *diags = imprint_diags_new();
    g_assert_cmpint(diff_texts("One, two: three.", "one two THREE", diags), ==, 0);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    g_assert_cmpint(diff_texts("a b c d", "a x c d e", diags), ==, 2);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING, "“b” here, “x” in gen.txt:11:3"),
                     ==, 1);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING, "only in this copy: “e”"), ==, 1);
    imprint_diags_free(diags);
    diags = imprint_diags_new();
    g_assert_cmpint(diff_texts("keep this and drop these words here", "keep this here", diags), ==,
                    1);
    g_assert_cmpuint(
        count_messages(diags, IMPRINT_SEV_WARNING, "only in this copy: “and drop these words”"), ==,
        1);
    imprint_diags_free(diags);
}

/* A word only in one copy slides to the start of its block when it can:
 * the heading "The leaders" is missing, not "leaders The". */
static void test_diff_slides_to_blocks(void)
{
    imprint_doc *doc = imprint_doc_new();
    const char *a[] = {"the end of it all", "The leaders", "The union met", NULL};
    const char *b[] = {"the end of it all", "The union met", NULL};
    const imprint_node *x = add_article(doc, "a.txt", 1, "A", a);
    const imprint_node *y = add_article(doc, "b.txt", 1, "B", b);
    imprint_diags *diags = imprint_diags_new();
    g_assert_cmpint(imprint_compare_diff(x, y, diags), ==, 1);
    dump(diags);
    g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_WARNING, "only in this copy: “The leaders”"),
                     ==, 1);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* IMPRINT_DIFF_MAX_EDITS: texts with nothing in common, as many words in
 * all as the limit, are listed; one word more is an error. */
static void test_diff_limit(void)
{
    for (int side = 0; side < 2; side++) {
        unsigned n = IMPRINT_DIFF_MAX_EDITS / 2;
        char *a = words("a", 0, n), *b = words("b", 0, n + (side ? 1 : 0));
        imprint_diags *diags = imprint_diags_new();
        imprint_doc *doc = imprint_doc_new();
        const imprint_node *x = add_words(doc, 1, a), *y = add_words(doc, 10, b);
        long r = imprint_compare_diff(x, y, diags);
        if (side) {
            g_assert_cmpint(r, ==, -1);
            g_assert_cmpuint(count_messages(diags, IMPRINT_SEV_ERROR, "words differ"), ==, 1);
        } else {
            g_assert_cmpint(r, ==, 1);
        }
        imprint_doc_free(doc);
        imprint_diags_free(diags);
        g_free(a);
        g_free(b);
    }
}

/* CMP_QUOTE_WORDS: a message quotes at most that many words, as written,
 * and an ellipsis when there are more. */
static void test_quote(void)
{
    imprint_doc *doc = imprint_doc_new();
    char *text = words("q", 0, CMP_QUOTE_WORDS + 1);
    const imprint_node *a = add_words(doc, 1, text);
    cmp_text t;
    cmp_text_init(&t, a);
    char *all = cmp_quote(&t, 0, CMP_QUOTE_WORDS);
    char *cut = cmp_quote(&t, 0, CMP_QUOTE_WORDS + 1);
    char *want = words("q", 0, CMP_QUOTE_WORDS);
    g_assert_cmpstr(all, ==, want);
    char *want_cut = g_strconcat(want, "…", NULL);
    g_assert_cmpstr(cut, ==, want_cut);
    g_free(want_cut);
    g_free(want);
    g_free(cut);
    g_free(all);
    cmp_text_clear(&t);
    g_free(text);
    imprint_doc_free(doc);
}

/* `n` postings of keys from `make`, sorted: ascending, and stable (equal
 * keys keep their articles' order). */
static void check_index_sort(size_t n, guint64 (*make)(GRand *))
{
    GRand *rand = g_rand_new_with_seed(7);
    cmp_posting *p = g_new(cmp_posting, n);
    for (size_t i = 0; i < n; i++)
        p[i] = (cmp_posting){make(rand), (guint32)i};
    cmp_index_sort(p, n);
    for (size_t i = 1; i < n; i++) {
        g_assert_cmpuint(p[i - 1].key, <=, p[i].key);
        if (p[i - 1].key == p[i].key)
            g_assert_cmpuint(p[i - 1].article, <, p[i].article);
    }
    g_free(p);
    g_rand_free(rand);
}

/* Few distinct keys, spread over all 64 bits, so that runs form. */
static guint64 few_keys(GRand *rand)
{
    return (guint64)g_rand_int_range(rand, 0, 500) * UINT64_C(0x9E3779B97F4A7C15);
}

/* Keys that share their top bits (one bucket of the bucket sort) and
 * differ below, some equal. */
static guint64 one_bucket(GRand *rand)
{
    return UINT64_C(0xABCD000000000000) | (guint64)g_rand_int_range(rand, 0, 300);
}

static guint64 any_key(GRand *rand)
{
    return (guint64)g_rand_int(rand) << 32 | g_rand_int(rand);
}

/* The index's sort, by buckets up to BUCKET_SORT_MAX postings and by radix
 * passes beyond, whatever the keys' bits. */
static void test_index_sort(void)
{
    check_index_sort(50000, few_keys);
    check_index_sort(2000, one_bucket);
    check_index_sort(50000, any_key);
    check_index_sort((1u << 17) + 1000, few_keys); /* past BUCKET_SORT_MAX */
    check_index_sort((1u << 17) + 1000, any_key);
    check_index_sort(1, any_key);
    cmp_index_sort(NULL, 0);
}

static int cmp_u64(const void *a, const void *b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

/* The shingle sets' sort: ascending over all 64 bits, repeats kept, as
 * qsort() gives it; nothing happens to no numbers or one. */
static void test_sort_u64(void)
{
    GRand *rand = g_rand_new_with_seed(11);
    const size_t n = 20000;
    guint64 *a = g_new(guint64, n), *b = g_new(guint64, n);
    for (size_t i = 0; i < n; i++) {
        guint64 v = (guint64)g_rand_int(rand) << 32 | g_rand_int(rand);
        a[i] = b[i] = i % 7 == 0 ? a[i / 2] : v; /* some repeats */
    }
    cmp_sort_u64(a, n);
    qsort(b, n, sizeof *b, cmp_u64);
    g_assert_cmpmem(a, n * sizeof *a, b, n * sizeof *b);
    guint64 one = 42;
    cmp_sort_u64(&one, 1);
    g_assert_cmpuint(one, ==, 42);
    cmp_sort_u64(NULL, 0);
    g_free(a);
    g_free(b);
    g_rand_free(rand);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/compare/words-normalised", test_words_normalised);
    g_test_add_func("/compare/fixtures", test_fixtures);
    g_test_add_func("/compare/variant-threshold", test_variant_threshold);
    g_test_add_func("/compare/min-shared", test_min_shared);
    g_test_add_func("/compare/same-needs-a-shingle", test_same_needs_a_shingle);
    g_test_add_func("/compare/boilerplate", test_boilerplate);
    g_test_add_func("/compare/many-copies", test_many_copies);
    g_test_add_func("/compare/copies-of-variants", test_copies_of_variants);
    g_test_add_func("/compare/linear", test_linear);
    g_test_add_func("/compare/max-details", test_max_details);
    g_test_add_func("/compare/block-present", test_block_present);
    g_test_add_func("/compare/apply", test_apply);
    g_test_add_func("/compare/witness-tei", test_witness_tei);
    g_test_add_func("/compare/diff", test_diff);
    g_test_add_func("/compare/diff-slides-to-blocks", test_diff_slides_to_blocks);
    g_test_add_func("/compare/diff-limit", test_diff_limit);
    g_test_add_func("/compare/quote", test_quote);
    g_test_add_func("/compare/index-sort", test_index_sort);
    g_test_add_func("/compare/sort-u64", test_sort_u64);
    g_test_add_func("/compare/word-hashes", test_word_hashes);
    return g_test_run();
}
