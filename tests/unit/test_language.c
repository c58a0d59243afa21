/* Quotation marks and spacing by language (src/model/language.c, localize.c). */
#include <glib.h>
#include <string.h>

#include "imprint/diag.h"
#include "imprint/model.h"
#include "model/language.h"

#define NNBSP "\u202F"

static char *localized(const char *lang, const char *text)
{
    const imprint_language_rules *r = imprint_language_find(lang);
    g_assert_nonnull(r);
    imprint_quote_state st = {0};
    GString *out = g_string_new(NULL);
    imprint_language_localize(r, &st, out, text, strlen(text));
    return g_string_free(out, FALSE);
}

static void expect(const char *lang, const char *in, const char *want)
{
    char *got = localized(lang, in);
    g_assert_cmpstr(got, ==, want);
    g_free(got);
}

static void test_find(void)
{
    g_assert_cmpstr(imprint_language_find("fr")->tag, ==, "fr");
    g_assert_cmpstr(imprint_language_find("fr-CA")->tag, ==, "fr");
    g_assert_cmpstr(imprint_language_find("FR_be")->tag, ==, "fr");
    g_assert_cmpstr(imprint_language_find("de-AT")->tag, ==, "de");
    g_assert_cmpstr(imprint_language_find("de-CH")->tag, ==, "de-CH");
    g_assert_cmpstr(imprint_language_find("de-Latn-CH")->tag, ==, "de-CH");
    g_assert_null(imprint_language_find("xx"));
    g_assert_null(imprint_language_find("x"));
    g_assert_null(imprint_language_find(""));
    g_assert_null(imprint_language_find(NULL));
    g_assert_true(imprint_language_is_english("en-GB"));
    g_assert_true(imprint_language_is_english(NULL));
    g_assert_false(imprint_language_is_english("eng-x")); /* not "en" */
    g_assert_false(imprint_language_is_english("fr"));
}

/* French: « guillemets » with narrow no-break spaces inside, and one before
 * ; : ! ? (the space typed there becomes one; one is put after a word). */
static void test_french(void)
{
    expect("fr", "Il dit \u201Cnon\u201D.", "Il dit \u00AB" NNBSP "non" NNBSP "\u00BB.");
    expect("fr", "Vraiment ? Oui; non ! Enfin:",
           "Vraiment" NNBSP "? Oui" NNBSP "; non" NNBSP "! Enfin" NNBSP ":");
    /* Guillemets already typed, with plain or no-break spaces or none. */
    expect("fr", "\u00AB Oui \u00BB et \u00ABnon\u00BB et \u00AB\u00A0si\u00A0\u00BB",
           "\u00AB" NNBSP "Oui" NNBSP "\u00BB et \u00AB" NNBSP "non" NNBSP "\u00BB et \u00AB" NNBSP
           "si" NNBSP "\u00BB");
    /* Inner quotation: “ ” without spaces. */
    expect("fr", "\u201CIl cria \u2018assez\u2019 !\u201D",
           "\u00AB" NNBSP "Il cria \u201Cassez\u201D" NNBSP "!" NNBSP "\u00BB");
    /* Apostrophes stay. */
    expect("fr", "l\u2019homme d\u2019aujourd\u2019hui", "l\u2019homme d\u2019aujourd\u2019hui");
    /* Straight quotes by context. */
    expect("fr", "il dit \"oui\".", "il dit \u00AB" NNBSP "oui" NNBSP "\u00BB.");
}

/* What looks like French punctuation but is not: times, addresses, a colon
 * inside a word, the second of two marks, a mark at the very start. */
static void test_french_lookalikes(void)
{
    expect("fr", "\u00E0 10:30 http://example.org/?a=1 a:b",
           "\u00E0 10:30 http://example.org/?a=1 a:b");
    expect("fr", "Quoi ?!", "Quoi" NNBSP "?!");
    expect("fr", "Quoi?!", "Quoi" NNBSP "?!");
    expect("fr", "? non", "? non");
    /* A narrow space already there is not doubled. */
    expect("fr", "Oui" NNBSP "!", "Oui" NNBSP "!");
}

/* German: „…“ outside, ‚…‘ inside; »…« as a German book may have it is the
 * editor's choice and stays. */
static void test_german(void)
{
    expect("de", "Er sagte: \u201CIch sage \u2018nein\u2019.\u201D",
           "Er sagte: \u201EIch sage \u201Anein\u2018.\u201C");
    expect("de", "\u201EGut\u201C, sagte er.", "\u201EGut\u201C, sagte er.");
    expect("de", "\u00BBZitat\u00AB und geht\u2019s", "\u00BBZitat\u00AB und geht\u2019s");
    expect("de", "Wo? Hier!", "Wo? Hier!");
    expect("de-CH", "\u201CGr\u00FCezi\u201D", "\u00ABGr\u00FCezi\u00BB");
}

/* A quotation carries over from one text node to the next in a paragraph
 * (emphasis inside it), and ends with the paragraph. */
static void test_state_across_nodes(void)
{
    const imprint_language_rules *r = imprint_language_find("de");
    imprint_quote_state st = {0};
    GString *out = g_string_new(NULL);
    imprint_language_localize(r, &st, out, "\u201CEr ", strlen("\u201CEr "));
    imprint_language_localize(r, &st, out, "kam\u201D", strlen("kam\u201D"));
    g_assert_cmpstr(out->str, ==, "\u201EEr kam\u201C");
    g_string_free(out, TRUE);
}

/* French spacing across text nodes: a space before a mark in the next node
 * (after emphasis) still becomes a narrow one, and spaces after « in the
 * next node still go; a space the earlier node ended with stays (it was
 * written there), with no second one put beside it. */
static void test_french_across_nodes(void)
{
    static const char *const runs[][3] = {
        {"le mot", " : suite", "le mot" NNBSP ": suite"},
        {"il dit \u00AB ", " non \u00BB", "il dit \u00AB" NNBSP "non" NNBSP "\u00BB"},
        {"mot ", ": tout seul", "mot : tout seul"},
    };
    const imprint_language_rules *r = imprint_language_find("fr");
    for (size_t i = 0; i < G_N_ELEMENTS(runs); i++) {
        imprint_quote_state st = {0};
        GString *out = g_string_new(NULL), *second = g_string_new(NULL);
        imprint_language_localize(r, &st, out, runs[i][0], strlen(runs[i][0]));
        imprint_language_localize(r, &st, second, runs[i][1], strlen(runs[i][1]));
        g_string_append(out, second->str);
        g_assert_cmpstr(out->str, ==, runs[i][2]);
        g_string_free(out, TRUE);
        g_string_free(second, TRUE);
    }
}

/* Past IMPRINT_LANGUAGE_MAX_QUOTE_DEPTH open quotations, marks stay as written. */
static void test_depth_limit(void)
{
    GString *in = g_string_new(NULL);
    for (int i = 0; i <= IMPRINT_LANGUAGE_MAX_QUOTE_DEPTH; i++)
        g_string_append(in, "\u201C");
    char *got = localized("de", in->str);
    GString *want = g_string_new(NULL);
    for (int i = 0; i < IMPRINT_LANGUAGE_MAX_QUOTE_DEPTH; i++)
        g_string_append(want, i % 2 == 0 ? "\u201E" : "\u201A");
    g_string_append(want, "\u201C");
    g_assert_cmpstr(got, ==, want->str);
    g_free(got);
    g_string_free(in, TRUE);
    g_string_free(want, TRUE);
}

static imprint_node *article(imprint_doc *doc, const char *lang, const char *title,
                             const char *text, const char *link_text)
{
    imprint_pos pos = {"a.txt", 1, 1};
    imprint_node *a = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, pos);
    a->as.article.title = title;
    a->as.article.lang = lang;
    imprint_node_append(doc->root, a);
    imprint_node *p = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, pos);
    imprint_node_append(a, p);
    imprint_node_append(p, imprint_node_new_text(doc, pos, text, strlen(text)));
    if (link_text) {
        imprint_node *l = imprint_node_new(doc, IMPRINT_NODE_LINK, pos);
        l->as.link.url = link_text;
        imprint_node_append(p, l);
        imprint_node_append(l, imprint_node_new_text(doc, pos, link_text, strlen(link_text)));
    }
    return a;
}

static const char *first_text(const imprint_node *a)
{
    return a->first_child->first_child->as.text.text;
}

/* The document pass: each article by its own language, else the book's;
 * English and link texts untouched; an unknown language warned once. */
static void test_document(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.language = "fr";
    imprint_node *fr = article(doc, NULL, "\u201CTitre\u201D", "Oui ?", "http://x.org/?q");
    imprint_node *en = article(doc, "en", "\u201CTitle\u201D", "Yes ?", NULL);
    imprint_node *de = article(doc, "de", NULL, "\u201CJa\u201D", NULL);
    imprint_node *xx1 = article(doc, "xx", NULL, "\u201CQ\u201D", NULL);
    article(doc, "xx", NULL, "\u201CQ\u201D", NULL);
    imprint_diags *diags = imprint_diags_new();
    imprint_language_localize_doc(doc, (imprint_pos){"e.yaml", 0, 0}, diags);
    g_assert_cmpstr(fr->as.article.title, ==, "\u00AB" NNBSP "Titre" NNBSP "\u00BB");
    g_assert_cmpstr(first_text(fr), ==, "Oui" NNBSP "?");
    g_assert_cmpstr(fr->first_child->last_child->first_child->as.text.text, ==, "http://x.org/?q");
    g_assert_cmpstr(en->as.article.title, ==, "\u201CTitle\u201D");
    g_assert_cmpstr(first_text(en), ==, "Yes ?");
    g_assert_cmpstr(first_text(de), ==, "\u201EJa\u201C");
    g_assert_cmpstr(first_text(xx1), ==, "\u201CQ\u201D");
    g_assert_cmpuint(imprint_diags_len(diags), ==, 1);
    const imprint_diag *d = imprint_diags_get(diags, 0);
    g_assert_cmpint(d->severity, ==, IMPRINT_SEV_WARNING);
    g_assert_nonnull(strstr(d->message, "'xx'"));
    g_assert_true(imprint_doc_check(doc, NULL));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/language/find", test_find);
    g_test_add_func("/language/french", test_french);
    g_test_add_func("/language/french-lookalikes", test_french_lookalikes);
    g_test_add_func("/language/german", test_german);
    g_test_add_func("/language/state-across-nodes", test_state_across_nodes);
    g_test_add_func("/language/french-across-nodes", test_french_across_nodes);
    g_test_add_func("/language/depth-limit", test_depth_limit);
    g_test_add_func("/language/document", test_document);
    return g_test_run();
}
