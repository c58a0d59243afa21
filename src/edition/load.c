/* Edition files: YAML (libyaml's document API) into imprint_edition, every
 * mistake reported at its line and column. */
#include "imprint/edition.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "edition/edition_internal.h"
#include "imprint/style.h"

/* Largest edition file read: an edition is a page of YAML; a bigger file is
 * a wrong path (a source given as an edition), not an edition. */
#define EDITION_MAX_BYTES (1024u * 1024u)

/* Keys that differ from a known one by at most this many edits get a
 * "did you mean" hint. */
#define SUGGEST_MAX_DISTANCE 2

static const char *const top_keys[] = {
    "title",  "subtitle",    "editor", "language", "date", "identifier", "publisher",
    "rights", "description", "style",  "cover",    "pdf",  "articles",   NULL,
};
static const char *const pdf_keys[] = {"paper", "notes", NULL};
static const char *const article_keys[] = {
    "source", "select", "split", "dialect", "author", "title", "url", "order", "encoding", NULL,
};

typedef struct {
    const char *path;
    yaml_document_t *doc;
    imprint_diags *diags;
    bool ok;
} loader;

static imprint_pos node_pos(const loader *L, const yaml_node_t *node)
{
    return (imprint_pos){L->path, (unsigned)node->start_mark.line + 1,
                         (unsigned)node->start_mark.column + 1};
}

static void fail_at(loader *L, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail_at(loader *L, const yaml_node_t *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    imprint_diags_report(L->diags, IMPRINT_SEV_ERROR, node_pos(L, node), "%s", msg);
    g_free(msg);
    L->ok = false;
}

/* Optimal string alignment distance (a swap of two neighbours counts one). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    size_t *d = g_new(size_t, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
    for (size_t i = 0; i <= n; i++)
        D(i, 0) = i;
    for (size_t j = 0; j <= m; j++)
        D(0, j) = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = g_ascii_tolower(a[i - 1]) == g_ascii_tolower(b[j - 1]) ? 0 : 1;
            size_t best = MIN(D(i - 1, j) + 1, D(i, j - 1) + 1);
            best = MIN(best, D(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = MIN(best, D(i - 2, j - 2) + 1);
            D(i, j) = best;
        }
    }
    size_t result = D(n, m);
#undef D
    g_free(d);
    return result;
}

/* The closest of `words` to `s`, or NULL when none is close. */
static const char *suggest(const char *s, const char *const *words)
{
    const char *best = NULL;
    size_t best_d = SUGGEST_MAX_DISTANCE + 1;
    for (const char *const *w = words; *w; w++) {
        size_t d = edit_distance(s, *w);
        if (d < best_d && d < strlen(*w)) {
            best = *w;
            best_d = d;
        }
    }
    return best;
}

static char *join_words(const char *const *words)
{
    GString *s = g_string_new(NULL);
    for (const char *const *w = words; *w; w++)
        g_string_append_printf(s, "%s%s", s->len ? ", " : "", *w);
    return g_string_free(s, FALSE);
}

static const char *type_name(const yaml_node_t *node)
{
    switch (node->type) {
    case YAML_MAPPING_NODE:
        return "a mapping";
    case YAML_SEQUENCE_NODE:
        return "a list";
    default:
        return "a value";
    }
}

static bool is_null_scalar(const yaml_node_t *node)
{
    if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)node->data.scalar.value;
    return !*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
           strcmp(v, "NULL") == 0;
}

/* A string value: anything but a null, a list or a mapping. */
static bool get_string(loader *L, const char *key, yaml_node_t *value, char **out)
{
    if (value->type != YAML_SCALAR_NODE) {
        fail_at(L, value, "'%s' must be a string, not %s", key, type_name(value));
        return false;
    }
    if (is_null_scalar(value)) {
        fail_at(L, value, "'%s' has no value (give one or remove the key)", key);
        return false;
    }
    /* Text in the model is NFC; an editor on another system may have typed
     * decomposed accents. libyaml has already checked the UTF-8. */
    char *nfc = g_utf8_normalize((const char *)value->data.scalar.value, -1, G_NORMALIZE_NFC);
    g_free(*out);
    *out = nfc ? nfc : g_strdup((const char *)value->data.scalar.value);
    return true;
}

/* Calls `each` for every key/value pair of a mapping, after checking the key
 * is known and not repeated. */
typedef void (*pair_fn)(loader *L, void *target, const char *key, yaml_node_t *key_node,
                        yaml_node_t *value);

static void walk_mapping(loader *L, yaml_node_t *map, const char *const *known, void *target,
                         pair_fn each)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(L->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(L->doc, p->value);
        if (!k || !v)
            continue;
        if (k->type != YAML_SCALAR_NODE) {
            fail_at(L, k, "a key must be a plain word, not %s", type_name(k));
            continue;
        }
        const char *key = (const char *)k->data.scalar.value;
        if (!g_strv_contains(known, key)) {
            const char *hint = suggest(key, known);
            if (hint) {
                fail_at(L, k, "unknown key '%s' (did you mean '%s'?)", key, hint);
            } else {
                char *all = join_words(known);
                fail_at(L, k, "unknown key '%s' (known keys: %s)", key, all);
                g_free(all);
            }
            continue;
        }
        yaml_node_t *first = g_hash_table_lookup(seen, key);
        if (first) {
            fail_at(L, k, "duplicate key '%s' (first given at line %u)", key,
                    (unsigned)first->start_mark.line + 1);
            continue;
        }
        g_hash_table_insert(seen, (gpointer)key, k);
        each(L, target, key, k, v);
    }
    g_hash_table_destroy(seen);
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

static void pdf_pair(loader *L, void *target, const char *key, yaml_node_t *key_node,
                     yaml_node_t *v)
{
    imprint_edition *e = target;
    (void)key_node;
    char *s = NULL;
    if (!get_string(L, key, v, &s))
        return;
    if (strcmp(key, "paper") == 0) {
        if (imprint_edition_paper_parse(s, &e->paper_w, &e->paper_h)) {
            g_free(e->paper);
            e->paper = g_strdup(s);
        } else {
            fail_at(L, v,
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
            fail_at(L, v, "bad notes value '%s' (use page or article)", s);
    }
    g_free(s);
}

static void article_pair(loader *L, void *target, const char *key, yaml_node_t *key_node,
                         yaml_node_t *v)
{
    imprint_edition_article *a = target;
    (void)key_node;
    if (strcmp(key, "split") == 0) {
        if (v->type != YAML_SEQUENCE_NODE) {
            fail_at(L, v, "'split' must be a list of title lines, not %s", type_name(v));
            return;
        }
        GPtrArray *lines = g_ptr_array_new();
        bool ok = true;
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
             it++) {
            yaml_node_t *item = yaml_document_get_node(L->doc, *it);
            char *s = NULL;
            if (!item || !get_string(L, "split", item, &s)) {
                ok = false;
                continue;
            }
            g_ptr_array_add(lines, s);
        }
        if (ok && lines->len == 0) {
            fail_at(L, v, "'split' is an empty list (name at least one title line)");
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
    if (!get_string(L, key, v, &s))
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
    } else if (strcmp(key, "encoding") == 0) {
        /* Checked here, so that a misspelt name points at the edition file. */
        GIConv cd = g_iconv_open("UTF-8", s);
        if (cd == (GIConv)-1) {
            fail_at(L, v, "unknown encoding '%s' (use a name iconv knows, e.g. latin1)", s);
        } else {
            g_iconv_close(cd);
            a->encoding = s;
            return;
        }
    } else if (strcmp(key, "dialect") == 0) {
        if (!imprint_dialect_parse(s, &a->dialect)) {
            static const char *const names[] = {"auto",     "text", "pdf-markdown",
                                                "markdown", "tei",  NULL};
            const char *hint = suggest(s, names);
            if (hint)
                fail_at(L, v, "unknown dialect '%s' (did you mean '%s'?)", s, hint);
            else
                fail_at(L, v,
                        "unknown dialect '%s' (use auto, text, pdf-markdown, markdown or "
                        "tei)",
                        s);
        }
    } else if (strcmp(key, "order") == 0) {
        if (strcmp(s, "source") == 0)
            a->order_source = true;
        else if (strcmp(s, "auto") == 0)
            a->order_source = false;
        else
            fail_at(L, v, "bad order '%s' (use source or auto)", s);
    }
    g_free(s);
}

static void load_articles(loader *L, imprint_edition *e, yaml_node_t *v)
{
    if (v->type != YAML_SEQUENCE_NODE) {
        fail_at(L, v, "'articles' must be a list, not %s", type_name(v));
        return;
    }
    size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
    if (n == 0) {
        fail_at(L, v, "'articles' is empty: an edition needs at least one article");
        return;
    }
    e->articles = g_new0(imprint_edition_article, n);
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *item = yaml_document_get_node(L->doc, *it);
        if (!item)
            continue;
        imprint_edition_article *a = &e->articles[e->narticles++];
        a->pos = node_pos(L, item);
        a->pos.file = e->path;
        if (item->type != YAML_MAPPING_NODE) {
            fail_at(L, item, "each article must be a mapping with a 'source' key, not %s",
                    type_name(item));
            continue;
        }
        walk_mapping(L, item, article_keys, a, article_pair);
        if (!a->source) {
            fail_at(L, item, "article has no 'source'");
            continue;
        }
        a->source_path = resolve(e, a->source);
    }
}

static void top_pair(loader *L, void *target, const char *key, yaml_node_t *key_node,
                     yaml_node_t *v)
{
    imprint_edition *e = target;
    (void)key_node;
    if (strcmp(key, "pdf") == 0) {
        if (v->type != YAML_MAPPING_NODE)
            fail_at(L, v, "'pdf' must be a mapping (paper:, notes:), not %s", type_name(v));
        else
            walk_mapping(L, v, pdf_keys, e, pdf_pair);
        return;
    }
    if (strcmp(key, "articles") == 0) {
        load_articles(L, e, v);
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
        if (!get_string(L, key, v, &s))
            return;
        if (strcmp(key, "date") == 0 && !valid_date(s)) {
            fail_at(L, v, "bad date '%s' (write YYYY-MM-DD)", s);
        } else if (strcmp(key, "language") == 0 && !valid_language(s)) {
            fail_at(L, v, "bad language '%s' (write a language tag such as en or de-AT)", s);
        } else if (strcmp(key, "style") == 0 && !valid_style_name(s)) {
            fail_at(L, v, "bad style name '%s' (letters, digits, - and _ only)", s);
        } else if (strcmp(key, "style") == 0 && !style_exists(s)) {
            /* Found here, not when a writer first needs it, so that lint and a
             * TEI-only build catch the typo too, at its line. */
            fail_at(L, v, "unknown style '%s' (no styles/%s.yaml in %s)", s, s, imprint_data_dir());
        } else if (strcmp(key, "cover") == 0 && strcmp(s, "auto") != 0) {
            char *path = resolve(e, s);
            if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
                fail_at(L, v, "cover image '%s' not found (looked at %s)", s, path);
            g_free(s);
            s = path;
        }
        g_free(*strings[i].field);
        *strings[i].field = s;
        return;
    }
}

/* The value of `key` in mapping `map`, or NULL. */
static yaml_node_t *mapping_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    if (map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        if (k && k->type == YAML_SCALAR_NODE &&
            strcmp((const char *)k->data.scalar.value, key) == 0)
            return yaml_document_get_node(doc, p->value);
    }
    return NULL;
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

/* Reports a libyaml parser error at the place it names, and where the
 * construct it was reading began. */
static void report_syntax(const char *path, const yaml_parser_t *parser, imprint_diags *diags)
{
    yaml_mark_t m = parser->problem_mark;
    imprint_pos pos = {path, (unsigned)m.line + 1, (unsigned)m.column + 1};
    imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "YAML syntax error: %s",
                         parser->problem ? parser->problem : "malformed YAML");
    if (parser->context) {
        const char *what = parser->context;
        if (g_str_has_prefix(what, "while parsing "))
            what += strlen("while parsing ");
        else if (g_str_has_prefix(what, "while scanning "))
            what += strlen("while scanning ");
        if (g_str_has_prefix(what, "a "))
            what += 2;
        else if (g_str_has_prefix(what, "an "))
            what += 3;
        yaml_mark_t c = parser->context_mark;
        imprint_diags_report(diags, IMPRINT_SEV_NOTE,
                             (imprint_pos){path, (unsigned)c.line + 1, (unsigned)c.column + 1},
                             "the %s began here", what);
    }
}

/* Reads and parses the YAML of `path` into `doc`; false (reported) on error. */
static bool parse_yaml(const char *path, yaml_document_t *doc, imprint_diags *diags)
{
    imprint_pos file_pos = {path, 0, 0};
    char *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    GStatBuf st;
    if (g_stat(path, &st) == 0 && S_ISREG(st.st_mode) && (guint64)st.st_size > EDITION_MAX_BYTES) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "edition file too large: %llu bytes (the limit is %u; is this a "
                             "source rather than an edition?)",
                             (unsigned long long)st.st_size, EDITION_MAX_BYTES);
        return false;
    }
    if (!g_file_get_contents(path, &data, &len, &error)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos, "cannot read edition: %s",
                             error->message);
        g_error_free(error);
        return false;
    }
    bool ok = false;
    if (len > EDITION_MAX_BYTES) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "edition file too large: %zu bytes (the limit is %u)", (size_t)len,
                             EDITION_MAX_BYTES);
        g_free(data);
        return false;
    }
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    if (!yaml_parser_load(&parser, doc)) {
        report_syntax(path, &parser, diags);
        goto cleanup;
    }
    if (!yaml_document_get_root_node(doc)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "empty edition file (it needs at least 'title' and 'articles')");
        yaml_document_delete(doc);
        goto cleanup;
    }
    yaml_document_t extra;
    if (!yaml_parser_load(&parser, &extra)) {
        report_syntax(path, &parser, diags);
        yaml_document_delete(doc);
        goto cleanup;
    }
    yaml_node_t *extra_root = yaml_document_get_root_node(&extra);
    if (extra_root) {
        imprint_pos pos = {path, (unsigned)extra_root->start_mark.line + 1,
                           (unsigned)extra_root->start_mark.column + 1};
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "a second YAML document: an edition file holds one");
        yaml_document_delete(&extra);
        yaml_document_delete(doc);
        goto cleanup;
    }
    yaml_document_delete(&extra);
    ok = true;
cleanup:
    yaml_parser_delete(&parser);
    g_free(data);
    return ok;
}

imprint_edition *imprint_edition_load(const char *path, imprint_diags *diags)
{
    yaml_document_t doc;
    if (!parse_yaml(path, &doc, diags))
        return NULL;

    imprint_edition *e = g_new0(imprint_edition, 1);
    e->path = g_strdup(path);
    e->dir = g_path_get_dirname(path);
    e->name = edition_name(path);
    e->paper = g_strdup("a5");
    imprint_edition_paper_parse(e->paper, &e->paper_w, &e->paper_h);
    e->notes = IMPRINT_NOTES_PAGE;

    loader L = {.path = path, .doc = &doc, .diags = diags, .ok = true};
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root->type != YAML_MAPPING_NODE) {
        fail_at(&L, root, "an edition file is a mapping of keys (title:, articles:...), not %s",
                type_name(root));
    } else {
        walk_mapping(&L, root, top_keys, e, top_pair);
        if (!mapping_get(&doc, root, "title"))
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, node_pos(&L, root),
                                 "missing required key 'title'");
        if (!mapping_get(&doc, root, "articles"))
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, node_pos(&L, root),
                                 "missing required key 'articles'");
        if (!e->title || !e->articles)
            L.ok = false;
    }
    yaml_document_delete(&doc);

    if (!L.ok) {
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
    yaml_document_t doc;
    bool found = false;
    if (!parse_yaml(e->path, &doc, scratch)) {
        imprint_diags_free(scratch);
        return false;
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    yaml_node_t *articles = root ? mapping_get(&doc, root, "articles") : NULL;
    if (articles && articles->type == YAML_SEQUENCE_NODE &&
        index < (size_t)(articles->data.sequence.items.top - articles->data.sequence.items.start)) {
        yaml_node_t *item =
            yaml_document_get_node(&doc, articles->data.sequence.items.start[index]);
        yaml_node_t *v = item ? mapping_get(&doc, item, key) : NULL;
        if (v) {
            *out = (imprint_pos){e->path, (unsigned)v->start_mark.line + 1,
                                 (unsigned)v->start_mark.column + 1};
            found = true;
        }
    }
    yaml_document_delete(&doc);
    imprint_diags_free(scratch);
    return found;
}
