/* Edition files: YAML (libyaml's document API) into imprint_edition, every
 * mistake reported at its line and column. */
#include "imprint/edition.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "edition/edition_internal.h"
#include "edition/yaml.h"
#include "imprint/style.h"
#include "model/nfc.h"
#include "model/typography.h"
#include "read/file.h"

/* Largest edition file read: an edition is a page of YAML; a bigger file is
 * a wrong path (a source given as an edition), not an edition. */
#define EDITION_MAX_BYTES (1024u * 1024u)

static const char *const top_keys[] = {
    "title",  "subtitle",    "editor", "language", "date", "identifier",          "publisher",
    "rights", "description", "style",  "cover",    "pdf",  "allow-outside-files", "articles",
    "epub",   "duplicates",  NULL,
};
static const char *const pdf_keys[] = {
    "paper", "notes", "imposition", "sheet", "signature", "crop-marks", "creep", "bleed", NULL,
};
static const char *const epub_keys[] = {"page-list", NULL};
static const char *const article_keys[] = {
    "source",    "select",   "split",       "dialect",    "author",  "title",
    "url",       "order",    "encoding",    "navigation", "wrapped", "verse",
    "footnotes", "language", "boilerplate", "letters",    NULL,
};

/* A string value: anything but a null, a list or a mapping. */
static bool get_string(yml_doc *y, const char *key, yaml_node_t *value, char **out)
{
    if (value->type != YAML_SCALAR_NODE) {
        yml_fail(y, value, "'%s' must be a string, not %s", key, yml_type_name(value));
        return false;
    }
    if (yml_is_null(value)) {
        yml_fail(y, value, "'%s' has no value (give one or remove the key)", key);
        return false;
    }
    /* Text in the model is NFC; an editor on another system may have typed
     * decomposed accents. libyaml has already checked the UTF-8. */
    char *nfc = imprint_nfc((const char *)value->data.scalar.value, -1);
    g_free(*out);
    *out = nfc ? nfc : g_strdup((const char *)value->data.scalar.value);
    return true;
}

static bool valid_date(const char *s)
{
    unsigned y, m, d;
    char tail;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return false;
    return g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

/* A BCP 47 shape: a 2-3 letter language and optional subtags ("en", "de-AT"). */
static bool valid_language(const char *s)
{
    size_t n = 0;
    while (g_ascii_isalpha(s[n]))
        n++;
    if (n < 2 || n > 3)
        return false;
    s += n;
    while (*s == '-') {
        s++;
        n = 0;
        while (g_ascii_isalnum(s[n]))
            n++;
        if (n < 1 || n > 8)
            return false;
        s += n;
    }
    return *s == '\0';
}

static bool style_exists(const char *name)
{
    char *file = g_strconcat(name, ".yaml", NULL);
    char *path = g_build_filename(imprint_data_dir(), "styles", file, NULL);
    bool found = g_file_test(path, G_FILE_TEST_IS_REGULAR);
    g_free(path);
    g_free(file);
    return found;
}

static bool valid_style_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isalnum(*s) && *s != '-' && *s != '_')
            return false;
    return true;
}

static char *resolve(const imprint_edition *e, const char *path)
{
    if (g_path_is_absolute(path) || strcmp(e->dir, ".") == 0)
        return g_strdup(path);
    return g_build_filename(e->dir, path, NULL);
}

/* `pdf.bleed` and `pdf.creep`: a length up to `max_mm`. */
static void print_length(yml_doc *y, yaml_node_t *v, const char *key, const char *s, double max_mm,
                         double *out)
{
    double pt = 0;
    if (!imprint_edition_length_parse(s, &pt) || pt > max_mm * 72.0 / 25.4)
        yml_fail(y, v, "bad %s '%s' (a length such as 3mm, 8pt or 0.1in, at most %g mm)", key, s,
                 max_mm);
    else
        *out = pt;
}

/* The print-shop keys of `pdf:` (imposition, sheet, marks, bleed). */
static void print_pair(yml_doc *y, imprint_print_opts *p, const char *key, yaml_node_t *v,
                       const char *s)
{
    if (strcmp(key, "imposition") == 0) {
        static const char *const names[] = {"none", "booklet", "2up", NULL};
        const char *hint = yml_suggest(s, names);
        if (strcmp(s, "none") == 0)
            p->imposition = IMPRINT_IMPOSE_NONE;
        else if (strcmp(s, "booklet") == 0)
            p->imposition = IMPRINT_IMPOSE_BOOKLET;
        else if (strcmp(s, "2up") == 0)
            p->imposition = IMPRINT_IMPOSE_2UP;
        else if (hint)
            yml_fail(y, v, "bad imposition '%s' (did you mean '%s'?)", s, hint);
        else
            yml_fail(y, v, "bad imposition '%s' (use booklet, 2up or none)", s);
    } else if (strcmp(key, "sheet") == 0) {
        if (!imprint_edition_paper_parse(s, &p->sheet_w, &p->sheet_h))
            yml_fail(y, v,
                     "bad sheet size '%s' (use a4, a3, letter, WIDTHxHEIGHTin or "
                     "WIDTHxHEIGHTmm, at most %.0f mm a side)",
                     s, IMPRINT_EDITION_MAX_PAPER_MM);
    } else if (strcmp(key, "signature") == 0) {
        int n = 0;
        if (!imprint_text_number(s, IMPRINT_EDITION_MAX_SIGNATURE, &n) || n < 4 || n % 4 != 0)
            yml_fail(y, v, "bad signature '%s' (a multiple of 4 pages, from 4 to %d)", s,
                     IMPRINT_EDITION_MAX_SIGNATURE);
        else
            p->signature = n;
    } else if (strcmp(key, "crop-marks") == 0) {
        if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
            p->crop_marks = strcmp(s, "true") == 0;
        else
            yml_fail(y, v, "bad crop-marks '%s' (use true or false)", s);
    } else if (strcmp(key, "creep") == 0) {
        print_length(y, v, key, s, IMPRINT_EDITION_MAX_CREEP_MM, &p->creep);
    } else if (strcmp(key, "bleed") == 0) {
        print_length(y, v, key, s, IMPRINT_EDITION_MAX_BLEED_MM, &p->bleed);
    }
}

static void pdf_pair(yml_doc *y, void *target, const char *key, yaml_node_t *key_node,
                     yaml_node_t *v)
{
    imprint_edition *e = target;
    (void)key_node;
    char *s = NULL;
    if (!get_string(y, key, v, &s))
        return;
    if (strcmp(key, "paper") == 0) {
        if (imprint_edition_paper_parse(s, &e->paper_w, &e->paper_h)) {
            g_free(e->paper);
            e->paper = g_strdup(s);
        } else {
            yml_fail(y, v,
                     "bad paper size '%s' (use a4, a5, letter, WIDTHxHEIGHTin or "
                     "WIDTHxHEIGHTmm, at most %.0f mm a side)",
                     s, IMPRINT_EDITION_MAX_PAPER_MM);
        }
    } else if (strcmp(key, "notes") == 0) {
        if (strcmp(s, "page") == 0)
            e->notes = IMPRINT_NOTES_PAGE;
        else if (strcmp(s, "article") == 0)
            e->notes = IMPRINT_NOTES_ARTICLE;
        else
            yml_fail(y, v, "bad notes value '%s' (use page or article)", s);
    } else {
        print_pair(y, &e->print, key, v, s);
    }
    g_free(s);
}

static void epub_pair(yml_doc *y, void *target, const char *key, yaml_node_t *key_node,
                      yaml_node_t *v)
{
    imprint_edition *e = target;
    (void)key_node;
    (void)key; /* page-list, the only key yml_walk lets through */
    const char *s = yml_scalar(v);
    if (s && strcmp(s, "auto") == 0)
        e->page_list = IMPRINT_PAGE_LIST_AUTO;
    else if (s && strcmp(s, "true") == 0)
        e->page_list = IMPRINT_PAGE_LIST_ALWAYS;
    else if (s && strcmp(s, "false") == 0)
        e->page_list = IMPRINT_PAGE_LIST_NEVER;
    else
        yml_fail(y, v,
                 "bad page-list %s%s%s (use auto: when the PDF is built too, true: always, or "
                 "false: never)",
                 s ? "'" : "", s ? s : yml_type_name(v), s ? "'" : "");
}

/* The keys of an article entry that switch a reader's behaviour. */
static void article_switch(yml_doc *y, imprint_edition_article *a, const char *key, yaml_node_t *v,
                           const char *s)
{
    if (strcmp(key, "order") == 0) {
        if (strcmp(s, "source") == 0)
            a->order_source = true;
        else if (strcmp(s, "auto") == 0)
            a->order_source = false;
        else
            yml_fail(y, v, "bad order '%s' (use source or auto)", s);
    } else if (strcmp(key, "navigation") == 0) {
        if (strcmp(s, "drop") == 0)
            a->drop_navigation = true;
        else if (strcmp(s, "keep") == 0)
            a->drop_navigation = false;
        else
            yml_fail(y, v, "bad navigation '%s' (use drop or keep)", s);
    } else if (strcmp(key, "boilerplate") == 0) {
        if (strcmp(s, "keep") == 0)
            a->keep_boilerplate = true;
        else if (strcmp(s, "drop") == 0)
            a->keep_boilerplate = false;
        else
            yml_fail(y, v, "bad boilerplate '%s' (use drop or keep)", s);
    } else if (strcmp(key, "wrapped") == 0 || strcmp(key, "verse") == 0 ||
               strcmp(key, "footnotes") == 0 || strcmp(key, "letters") == 0) {
        bool yes = strcmp(s, "true") == 0, no = strcmp(s, "false") == 0;
        if (!yes && !no)
            yml_fail(y, v, "bad %s '%s' (use true or false, or leave it out to have it found)", key,
                     s);
        else if (key[0] == 'w')
            a->wrap = yes ? IMPRINT_WRAP_YES : IMPRINT_WRAP_NO;
        else if (key[0] == 'v')
            a->verse = yes ? IMPRINT_VERSE_YES : IMPRINT_VERSE_NO;
        else if (key[0] == 'l')
            a->no_letters = no;
        else
            a->no_notes = no;
    }
}

static void article_pair(yml_doc *y, void *target, const char *key, yaml_node_t *key_node,
                         yaml_node_t *v)
{
    imprint_edition_article *a = target;
    (void)key_node;
    if (strcmp(key, "split") == 0) {
        if (v->type != YAML_SEQUENCE_NODE) {
            yml_fail(y, v, "'split' must be a list of title lines, not %s", yml_type_name(v));
            return;
        }
        GPtrArray *lines = g_ptr_array_new();
        bool ok = true;
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
             it++) {
            yaml_node_t *item = yml_node(y, *it);
            char *s = NULL;
            if (!item || !get_string(y, "split", item, &s)) {
                ok = false;
                continue;
            }
            g_ptr_array_add(lines, s);
        }
        if (ok && lines->len == 0) {
            yml_fail(y, v, "'split' is an empty list (name at least one title line)");
            ok = false;
        }
        g_ptr_array_add(lines, NULL);
        char **strv = (char **)g_ptr_array_free(lines, FALSE);
        if (ok) {
            a->split = strv;
        } else {
            g_strfreev(strv);
        }
        return;
    }
    char *s = NULL;
    if (!get_string(y, key, v, &s))
        return;
    if (strcmp(key, "source") == 0) {
        a->source = s;
        return;
    } else if (strcmp(key, "select") == 0) {
        a->select = s;
        return;
    } else if (strcmp(key, "author") == 0) {
        a->author = s;
        return;
    } else if (strcmp(key, "title") == 0) {
        a->title = s;
        return;
    } else if (strcmp(key, "url") == 0) {
        a->url = s;
        return;
    } else if (strcmp(key, "language") == 0) {
        if (valid_language(s)) {
            a->language = s;
            return;
        }
        yml_fail(y, v, "bad language '%s' (write a language tag such as fr or de-AT)", s);
    } else if (strcmp(key, "encoding") == 0) {
        /* Checked here, so that a misspelt name points at the edition file. */
        GIConv cd = g_iconv_open("UTF-8", s);
        if (cd == (GIConv)-1) {
            yml_fail(y, v, "unknown encoding '%s' (use a name iconv knows, e.g. latin1)", s);
        } else {
            g_iconv_close(cd);
            a->encoding = s;
            return;
        }
    } else if (strcmp(key, "dialect") == 0) {
        if (!imprint_dialect_parse(s, &a->dialect)) {
            static const char *const names[] = {"auto",     "text", "pdf-markdown",
                                                "markdown", "tei",  NULL};
            const char *hint = yml_suggest(s, names);
            if (hint)
                yml_fail(y, v, "unknown dialect '%s' (did you mean '%s'?)", s, hint);
            else
                yml_fail(y, v,
                         "unknown dialect '%s' (use auto, text, pdf-markdown, markdown or "
                         "tei)",
                         s);
        }
    } else {
        article_switch(y, a, key, v, s);
    }
    g_free(s);
}

static void load_articles(yml_doc *y, imprint_edition *e, yaml_node_t *v)
{
    if (v->type != YAML_SEQUENCE_NODE) {
        yml_fail(y, v, "'articles' must be a list, not %s", yml_type_name(v));
        return;
    }
    size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
    if (n == 0) {
        yml_fail(y, v, "'articles' is empty: an edition needs at least one article");
        return;
    }
    e->articles = g_new0(imprint_edition_article, n);
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *item = yml_node(y, *it);
        if (!item)
            continue;
        imprint_edition_article *a = &e->articles[e->narticles++];
        a->pos = yml_pos(y, item);
        a->pos.file = e->path;
        if (item->type != YAML_MAPPING_NODE) {
            yml_fail(y, item, "each article must be a mapping with a 'source' key, not %s",
                     yml_type_name(item));
            continue;
        }
        yml_walk(y, item, article_keys, a, article_pair);
        if (!a->source) {
            yml_fail(y, item, "article has no 'source'");
            continue;
        }
        a->source_path = resolve(e, a->source);
    }
}

static void load_duplicates(yml_doc *y, imprint_edition *e, yaml_node_t *v)
{
    static const char *const names[] = {"warn", "keep-fuller", "error", NULL};
    const char *s = yml_scalar(v);
    if (!s || yml_is_null(v)) {
        yml_fail(y, v, "'duplicates' must be warn, keep-fuller or error, not %s",
                 s ? "an empty value" : yml_type_name(v));
        return;
    }
    if (strcmp(s, "warn") == 0) {
        e->duplicates = IMPRINT_DUPLICATES_WARN;
    } else if (strcmp(s, "keep-fuller") == 0) {
        e->duplicates = IMPRINT_DUPLICATES_KEEP_FULLER;
    } else if (strcmp(s, "error") == 0) {
        e->duplicates = IMPRINT_DUPLICATES_ERROR;
    } else {
        const char *hint = yml_suggest(s, names);
        if (hint)
            yml_fail(y, v, "bad duplicates value '%s' (did you mean '%s'?)", s, hint);
        else
            yml_fail(y, v, "bad duplicates value '%s' (use warn, keep-fuller or error)", s);
    }
}

static void top_pair(yml_doc *y, void *target, const char *key, yaml_node_t *key_node,
                     yaml_node_t *v)
{
    imprint_edition *e = target;
    (void)key_node;
    if (strcmp(key, "pdf") == 0) {
        if (v->type != YAML_MAPPING_NODE)
            yml_fail(y, v, "'pdf' must be a mapping (paper:, notes:), not %s", yml_type_name(v));
        else
            yml_walk(y, v, pdf_keys, e, pdf_pair);
        return;
    }
    if (strcmp(key, "epub") == 0) {
        if (v->type != YAML_MAPPING_NODE)
            yml_fail(y, v, "'epub' must be a mapping (page-list:), not %s", yml_type_name(v));
        else
            yml_walk(y, v, epub_keys, e, epub_pair);
        return;
    }
    if (strcmp(key, "articles") == 0) {
        load_articles(y, e, v);
        return;
    }
    if (strcmp(key, "duplicates") == 0) {
        load_duplicates(y, e, v);
        return;
    }
    if (strcmp(key, "allow-outside-files") == 0) {
        const char *b = yml_scalar(v);
        if (b && (strcmp(b, "true") == 0 || strcmp(b, "false") == 0))
            e->allow_outside_files = strcmp(b, "true") == 0;
        else
            yml_fail(y, v, "'allow-outside-files' must be true or false, not %s%s%s", b ? "'" : "",
                     b ? b : yml_type_name(v), b ? "'" : "");
        return;
    }
    struct {
        const char *key;
        char **field;
    } strings[] = {
        {"title", &e->title},         {"subtitle", &e->subtitle}, {"editor", &e->editor},
        {"language", &e->language},   {"date", &e->date},         {"identifier", &e->identifier},
        {"publisher", &e->publisher}, {"rights", &e->rights},     {"description", &e->description},
        {"style", &e->style},         {"cover", &e->cover},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++) {
        if (strcmp(key, strings[i].key) != 0)
            continue;
        char *s = NULL;
        if (!get_string(y, key, v, &s))
            return;
        if (strcmp(key, "date") == 0 && !valid_date(s)) {
            yml_fail(y, v, "bad date '%s' (write YYYY-MM-DD)", s);
        } else if (strcmp(key, "language") == 0 && !valid_language(s)) {
            yml_fail(y, v, "bad language '%s' (write a language tag such as en or de-AT)", s);
        } else if (strcmp(key, "style") == 0 && !valid_style_name(s)) {
            yml_fail(y, v, "bad style name '%s' (letters, digits, - and _ only)", s);
        } else if (strcmp(key, "style") == 0 && !style_exists(s)) {
            /* Found here, not when a writer first needs it, so that lint and a
             * TEI-only build catch the typo too, at its line. */
            yml_fail(y, v, "unknown style '%s' (no styles/%s.yaml in %s)", s, s,
                     imprint_data_dir());
        } else if (strcmp(key, "cover") == 0 && strcmp(s, "auto") != 0) {
            char *path = resolve(e, s);
            if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
                yml_fail(y, v, "cover image '%s' not found (looked at %s)", s, path);
            g_free(s);
            s = path;
        }
        g_free(*strings[i].field);
        *strings[i].field = s;
        return;
    }
}

/* Keys of `pdf:` that only an imposition reads: a warning when there is none,
 * so that a forgotten `imposition:` does not pass for a booklet. */
static void check_print(yml_doc *y, yaml_node_t *root, const imprint_edition *e)
{
    static const char *const needs[] = {"sheet", "signature", "creep", "crop-marks", NULL};
    yaml_node_t *pdf = yml_get(y, root, "pdf");
    if (!pdf || pdf->type != YAML_MAPPING_NODE || e->print.imposition != IMPRINT_IMPOSE_NONE)
        return;
    for (const char *const *k = needs; *k; k++) {
        yaml_node_t *v = yml_get(y, pdf, *k);
        if (v)
            imprint_diags_report(y->diags, IMPRINT_SEV_WARNING, yml_pos(y, v),
                                 "'%s' has no effect without 'imposition: booklet' or '2up'", *k);
    }
}

/* A cover from outside the edition's folder is refused unless the edition
 * allows it: the same rule as for figures (imprint_build_figures). */
static void check_cover_inside(yml_doc *y, yaml_node_t *root, const imprint_edition *e)
{
    if (e->allow_outside_files || !e->cover || strcmp(e->cover, "auto") == 0 ||
        !g_file_test(e->cover, G_FILE_TEST_IS_REGULAR) || imprint_file_inside(e->cover, e->dir))
        return;
    yml_fail(y, yml_get(y, root, "cover"),
             "cover image '%s' is outside the edition's folder %s (write "
             "'allow-outside-files: true' to use it)",
             e->cover, e->dir);
}

static char *edition_name(const char *path)
{
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base &&
        (g_ascii_strcasecmp(dot, ".yaml") == 0 || g_ascii_strcasecmp(dot, ".yml") == 0))
        *dot = '\0';
    return base;
}

/* Reads and parses the YAML of `path` into `y`; false (reported) on error. */
static bool parse_yaml(const char *path, yml_doc *y, imprint_diags *diags)
{
    imprint_pos file_pos = {path, 0, 0};
    char *data = NULL, *why = NULL;
    size_t len = 0;
    switch (imprint_file_read(path, EDITION_MAX_BYTES, &data, &len, &why)) {
    case IMPRINT_FILE_OK:
        break;
    case IMPRINT_FILE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "edition file too large: %zu bytes (the limit is %u; is this a "
                             "source rather than an edition?)",
                             len, EDITION_MAX_BYTES);
        return false;
    default:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos, "cannot read edition: %s", why);
        g_free(why);
        return false;
    }
    bool ok = false;
    if (yml_parse(y, path, 1, data, len, "YAML syntax error", diags)) {
        ok = yml_root(y) != NULL;
        if (!ok) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                                 "empty edition file (it needs at least 'title' and 'articles')");
            yml_clear(y);
        }
    }
    g_free(data);
    return ok;
}

imprint_edition *imprint_edition_load(const char *path, imprint_diags *diags)
{
    yml_doc y;
    if (!parse_yaml(path, &y, diags))
        return NULL;

    imprint_edition *e = g_new0(imprint_edition, 1);
    e->path = g_strdup(path);
    e->dir = g_path_get_dirname(path);
    e->name = edition_name(path);
    e->paper = g_strdup("a5");
    imprint_edition_paper_parse(e->paper, &e->paper_w, &e->paper_h);
    e->notes = IMPRINT_NOTES_PAGE;

    yaml_node_t *root = yml_root(&y);
    if (root->type != YAML_MAPPING_NODE) {
        yml_fail(&y, root, "an edition file is a mapping of keys (title:, articles:...), not %s",
                 yml_type_name(root));
    } else {
        yml_walk(&y, root, top_keys, e, top_pair);
        check_cover_inside(&y, root, e);
        check_print(&y, root, e);
        if (!yml_get(&y, root, "title"))
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, yml_pos(&y, root),
                                 "missing required key 'title'");
        if (!yml_get(&y, root, "articles"))
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, yml_pos(&y, root),
                                 "missing required key 'articles'");
        if (!e->title || !e->articles)
            y.ok = false;
    }
    bool ok = y.ok;
    yml_clear(&y);

    if (!ok) {
        imprint_edition_free(e);
        return NULL;
    }
    if (!e->style)
        e->style = g_strdup("classic");
    if (!e->cover)
        e->cover = g_strdup("auto");
    return e;
}

void imprint_edition_free(imprint_edition *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->narticles; i++) {
        imprint_edition_article *a = &e->articles[i];
        g_free(a->source);
        g_free(a->source_path);
        g_free(a->select);
        g_strfreev(a->split);
        g_free(a->author);
        g_free(a->title);
        g_free(a->url);
        g_free(a->encoding);
        g_free(a->language);
    }
    g_free(e->articles);
    g_free(e->path);
    g_free(e->dir);
    g_free(e->name);
    g_free(e->title);
    g_free(e->subtitle);
    g_free(e->editor);
    g_free(e->language);
    g_free(e->date);
    g_free(e->identifier);
    g_free(e->publisher);
    g_free(e->rights);
    g_free(e->description);
    g_free(e->style);
    g_free(e->cover);
    g_free(e->paper);
    g_free(e);
}

bool edition_article_key_pos(const imprint_edition *e, size_t index, const char *key,
                             imprint_pos *out)
{
    imprint_diags *scratch = imprint_diags_new();
    yml_doc y;
    bool found = false;
    if (!parse_yaml(e->path, &y, scratch)) {
        imprint_diags_free(scratch);
        return false;
    }
    yaml_node_t *articles = yml_get(&y, yml_root(&y), "articles");
    if (articles && articles->type == YAML_SEQUENCE_NODE &&
        index < (size_t)(articles->data.sequence.items.top - articles->data.sequence.items.start)) {
        yaml_node_t *item = yml_node(&y, articles->data.sequence.items.start[index]);
        yaml_node_t *v = item ? yml_get(&y, item, key) : NULL;
        if (v) {
            *out = yml_pos(&y, v);
            found = true;
        }
    }
    yml_clear(&y);
    imprint_diags_free(scratch);
    return found;
}
