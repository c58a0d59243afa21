#include "edition/yaml.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

static imprint_pos mark_pos(const yml_doc *y, yaml_mark_t m)
{
    return (imprint_pos){y->path, (unsigned)m.line + y->first_line, (unsigned)m.column + 1};
}

imprint_pos yml_pos(const yml_doc *y, const yaml_node_t *node)
{
    if (!node)
        return (imprint_pos){y->path, 0, 0};
    return mark_pos(y, node->start_mark);
}

void yml_fail(yml_doc *y, const yaml_node_t *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    imprint_diags_report(y->diags, IMPRINT_SEV_ERROR, yml_pos(y, node), "%s", msg);
    g_free(msg);
    y->ok = false;
}

/* libyaml's own words, made to read as a message: "while parsing a flow
 * sequence" becomes "the flow sequence began here". */
static void report_syntax(yml_doc *y, const yaml_parser_t *parser, const char *what)
{
    imprint_diags_report(y->diags, IMPRINT_SEV_ERROR, mark_pos(y, parser->problem_mark), "%s: %s",
                         what, parser->problem ? parser->problem : "malformed YAML");
    if (!parser->context)
        return;
    const char *ctx = parser->context;
    if (g_str_has_prefix(ctx, "while parsing "))
        ctx += strlen("while parsing ");
    else if (g_str_has_prefix(ctx, "while scanning "))
        ctx += strlen("while scanning ");
    if (g_str_has_prefix(ctx, "a "))
        ctx += 2;
    else if (g_str_has_prefix(ctx, "an "))
        ctx += 3;
    imprint_diags_report(y->diags, IMPRINT_SEV_NOTE, mark_pos(y, parser->context_mark),
                         "the %s began here", ctx);
}

/* A first pass over the events: the limits are checked while libyaml
 * reads, before it spends time on input that will be refused. */
static bool check_events(yml_doc *y, const char *data, size_t len, const char *what)
{
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    int depth = 0, documents = 0;
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_syntax(y, &parser, what);
            ok = false;
            break;
        }
        imprint_pos at = mark_pos(y, ev.start_mark);
        switch (ev.type) {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++depth > YML_MAX_DEPTH) {
                imprint_diags_report(y->diags, IMPRINT_SEV_ERROR, at,
                                     "%s: nested more than %d levels deep", what, YML_MAX_DEPTH);
                ok = false;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        case YAML_ALIAS_EVENT:
            imprint_diags_report(y->diags, IMPRINT_SEV_ERROR, at,
                                 "%s: aliases (*name) are not accepted; write the value out", what);
            ok = false;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                imprint_diags_report(y->diags, IMPRINT_SEV_ERROR, at,
                                     "a second YAML document: the file holds one");
                ok = false;
            }
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return ok;
}

bool yml_parse(yml_doc *y, const char *path, unsigned first_line, const char *data, size_t len,
               const char *what, imprint_diags *diags)
{
    *y = (yml_doc){.path = path, .first_line = first_line, .diags = diags, .ok = true};
    if (!check_events(y, data, len, what))
        return false;
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    y->loaded = yaml_parser_load(&parser, &y->doc) != 0;
    if (!y->loaded)
        report_syntax(y, &parser, what);
    yaml_parser_delete(&parser);
    return y->loaded;
}

void yml_clear(yml_doc *y)
{
    if (y->loaded)
        yaml_document_delete(&y->doc);
    y->loaded = false;
}

yaml_node_t *yml_root(yml_doc *y)
{
    return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *yml_node(yml_doc *y, int id)
{
    return yaml_document_get_node(&y->doc, id);
}

const char *yml_type_name(const yaml_node_t *node)
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

const char *yml_scalar(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

bool yml_is_null(const yaml_node_t *node)
{
    if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)node->data.scalar.value;
    return !*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
           strcmp(v, "NULL") == 0;
}

yaml_node_t *yml_get(yml_doc *y, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *k = yml_scalar(yml_node(y, p->key));
        if (k && strcmp(k, key) == 0)
            return yml_node(y, p->value);
    }
    return NULL;
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

const char *yml_suggest(const char *s, const char *const *words)
{
    const char *best = NULL;
    size_t best_d = YML_SUGGEST_MAX_DISTANCE + 1;
    for (const char *const *w = words; *w; w++) {
        size_t d = edit_distance(s, *w);
        if (d < best_d && d < strlen(*w)) {
            best = *w;
            best_d = d;
        }
    }
    return best;
}

static void unknown_key(yml_doc *y, const yaml_node_t *k, const char *key, const char *const *known)
{
    const char *hint = yml_suggest(key, known);
    if (hint) {
        yml_fail(y, k, "unknown key '%s' (did you mean '%s'?)", key, hint);
        return;
    }
    GString *all = g_string_new(NULL);
    for (const char *const *w = known; *w; w++)
        g_string_append_printf(all, "%s%s", all->len ? ", " : "", *w);
    yml_fail(y, k, "unknown key '%s' (known keys: %s)", key, all->str);
    g_string_free(all, TRUE);
}

void yml_walk(yml_doc *y, yaml_node_t *map, const char *const *known, void *target,
              yml_pair_fn each)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yml_node(y, p->key);
        yaml_node_t *v = yml_node(y, p->value);
        if (!k || !v)
            continue;
        if (k->type != YAML_SCALAR_NODE) {
            yml_fail(y, k, "a key must be a plain word, not %s", yml_type_name(k));
            continue;
        }
        const char *key = yml_scalar(k);
        if (!g_strv_contains(known, key)) {
            unknown_key(y, k, key, known);
            continue;
        }
        yaml_node_t *first = g_hash_table_lookup(seen, key);
        if (first) {
            yml_fail(y, k, "duplicate key '%s' (first given at line %u)", key,
                     yml_pos(y, first).line);
            continue;
        }
        g_hash_table_insert(seen, (gpointer)key, k);
        each(y, target, key, k, v);
    }
    g_hash_table_destroy(seen);
}
