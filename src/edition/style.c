#include "imprint/style.h"

#include <glib.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "edition/yaml.h"
#include "read/file.h"

/* Largest length a style may give in points or millimetres: anything bigger is
 * a typo (a page is under 500 mm), and would overflow layouts. */
#define STYLE_MAX_LENGTH 1000.0

/* Largest style file read: a style is a page of YAML. */
#define STYLE_MAX_BYTES (64u * 1024u)

const char *imprint_data_dir(void)
{
    const char *env = g_getenv("IMPRINT_DATA_DIR");
    if (env && *env)
        return env;
    return IMPRINT_DEFAULT_DATA_DIR;
}

char *imprint_style_font_path(const char *data_dir, const char *file)
{
    return g_build_filename(data_dir, "fonts", file, NULL);
}

void imprint_style_free(imprint_style *style)
{
    if (!style)
        return;
    g_free(style->name);
    g_free(style->yaml_path);
    g_free(style->css_path);
    g_free(style->css);
    g_free(style->font_family);
    g_free(style->font_regular);
    g_free(style->font_italic);
    g_free(style->font_bold);
    g_free(style->font_bold_italic);
    g_free(style->font_license);
    g_free(style->font_mono);
    g_free(style->font_mono_family);
    g_free(style->cover_background);
    g_free(style->cover_foreground);
    g_free(style);
}

typedef struct {
    yml_doc y;
    const yaml_node_t *font_node[6]; /* where each font file is named, for messages */
} loader;

/* The font keys, in the order of loader.font_node; the last ("mono") may be
 * left out. */
static const char *const font_keys[6] = {"regular",     "italic",  "bold",
                                         "bold-italic", "license", "mono"};

#define fail(ld, node, ...) yml_fail(&(ld)->y, (node), __VA_ARGS__)

static const char *scalar(const yaml_node_t *node)
{
    return (const char *)node->data.scalar.value;
}

static bool get_string(loader *ld, const char *key, yaml_node_t *node, char **out)
{
    if (node->type != YAML_SCALAR_NODE || node->data.scalar.length == 0) {
        fail(ld, node, "style key '%s' must be a non-empty string", key);
        return false;
    }
    g_free(*out);
    *out = g_strdup(scalar(node));
    return true;
}

static bool get_length(loader *ld, const char *key, yaml_node_t *node, double *out)
{
    if (node->type != YAML_SCALAR_NODE) {
        fail(ld, node, "style key '%s' must be a number", key);
        return false;
    }
    char *end = NULL;
    double v = g_ascii_strtod(scalar(node), &end);
    if (end == scalar(node) || *end || !isfinite(v) || v <= 0 || v > STYLE_MAX_LENGTH) {
        fail(ld, node, "style key '%s' must be a positive number, not '%s'", key, scalar(node));
        return false;
    }
    *out = v;
    return true;
}

static bool get_bool(loader *ld, const char *key, yaml_node_t *node, bool *out)
{
    if (node->type == YAML_SCALAR_NODE) {
        const char *s = scalar(node);
        if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0) {
            *out = false;
            return true;
        }
    }
    fail(ld, node, "style key '%s' must be true or false", key);
    return false;
}

static bool get_colour(loader *ld, const char *key, yaml_node_t *node, char **out)
{
    if (node->type == YAML_SCALAR_NODE && node->data.scalar.length == 7 && scalar(node)[0] == '#') {
        bool hex = true;
        for (int i = 1; i < 7; i++)
            hex = hex && g_ascii_isxdigit(scalar(node)[i]);
        if (hex) {
            g_free(*out);
            *out = g_ascii_strdown(scalar(node), -1);
            return true;
        }
    }
    fail(ld, node, "style key '%s' must be a colour written #rrggbb", key);
    return false;
}

/* One key of a section: its name and where its value goes. */
typedef enum { K_STRING, K_LENGTH, K_BOOL, K_COLOUR, K_SIZES } key_type;

typedef struct {
    const char *section;
    const char *key;
    key_type type;
    size_t offset;
} key_spec;

#define F(field) offsetof(imprint_style, field)
static const key_spec keys[] = {
    {"fonts", "family", K_STRING, F(font_family)},
    {"fonts", "regular", K_STRING, F(font_regular)},
    {"fonts", "italic", K_STRING, F(font_italic)},
    {"fonts", "bold", K_STRING, F(font_bold)},
    {"fonts", "bold-italic", K_STRING, F(font_bold_italic)},
    {"fonts", "license", K_STRING, F(font_license)},
    {"fonts", "mono", K_STRING, F(font_mono)},
    {"fonts", "mono-family", K_STRING, F(font_mono_family)},
    {"text", "size", K_LENGTH, F(body_size)},
    {"text", "line-height", K_LENGTH, F(line_height)},
    {"text", "indent", K_LENGTH, F(indent_em)},
    {"notes", "size", K_LENGTH, F(note_size)},
    {"quote", "size", K_LENGTH, F(quote_size)},
    {"quote", "indent", K_LENGTH, F(quote_indent_em)},
    {"headings", "title", K_LENGTH, F(title_size)},
    {"headings", "sizes", K_SIZES, F(heading_size)},
    {"page", "margin-top", K_LENGTH, F(margin_top_mm)},
    {"page", "margin-bottom", K_LENGTH, F(margin_bottom_mm)},
    {"page", "margin-inner", K_LENGTH, F(margin_inner_mm)},
    {"page", "margin-outer", K_LENGTH, F(margin_outer_mm)},
    {"page", "two-sided", K_BOOL, F(two_sided)},
    {"cover", "background", K_COLOUR, F(cover_background)},
    {"cover", "foreground", K_COLOUR, F(cover_foreground)},
};
#undef F

static void get_sizes(loader *ld, const char *key, yaml_node_t *node, double *sizes)
{
    if (node->type != YAML_SEQUENCE_NODE ||
        node->data.sequence.items.top - node->data.sequence.items.start != 6) {
        fail(ld, node, "style key '%s' must be a list of 6 sizes (h1 to h6)", key);
        return;
    }
    int i = 0;
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top;
         it++, i++)
        get_length(ld, key, yml_node(&ld->y, *it), &sizes[i]);
}

static void set_key(loader *ld, imprint_style *st, const key_spec *k, yaml_node_t *value)
{
    char *base = (char *)st + k->offset;
    switch (k->type) {
    case K_STRING:
        get_string(ld, k->key, value, (char **)base);
        break;
    case K_LENGTH:
        get_length(ld, k->key, value, (double *)base);
        break;
    case K_BOOL:
        get_bool(ld, k->key, value, (bool *)base);
        break;
    case K_COLOUR:
        get_colour(ld, k->key, value, (char **)base);
        break;
    case K_SIZES:
        get_sizes(ld, k->key, value, (double *)base);
        break;
    }
}

static void load_section(loader *ld, imprint_style *st, const char *section, yaml_node_t *map)
{
    if (map->type != YAML_MAPPING_NODE) {
        fail(ld, map, "style section '%s' must be a mapping", section);
        return;
    }
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yml_node(&ld->y, p->key);
        yaml_node_t *v = yml_node(&ld->y, p->value);
        const key_spec *spec = NULL;
        for (size_t i = 0; k->type == YAML_SCALAR_NODE && i < G_N_ELEMENTS(keys); i++)
            if (strcmp(keys[i].section, section) == 0 && strcmp(keys[i].key, scalar(k)) == 0)
                spec = &keys[i];
        if (!spec) {
            fail(ld, k, "unknown style key '%s' in section '%s'",
                 k->type == YAML_SCALAR_NODE ? scalar(k) : "?", section);
            continue;
        }
        set_key(ld, st, spec, v);
        for (size_t i = 0; i < G_N_ELEMENTS(font_keys); i++)
            if (strcmp(section, "fonts") == 0 && strcmp(spec->key, font_keys[i]) == 0)
                ld->font_node[i] = v;
    }
}

static void set_defaults(imprint_style *st)
{
    st->body_size = 10.5;
    st->line_height = 1.35;
    st->note_size = 8.5;
    st->quote_size = 9.5;
    const double h[6] = {14, 12.5, 11.5, 10.5, 10.5, 10.5};
    memcpy(st->heading_size, h, sizeof h);
    st->title_size = 18;
    st->indent_em = 1.2;
    st->quote_indent_em = 1.5;
    st->margin_top_mm = 18;
    st->margin_bottom_mm = 22;
    st->margin_inner_mm = 18;
    st->margin_outer_mm = 15;
    st->two_sided = true;
    st->cover_background = g_strdup("#1f2a44");
    st->cover_foreground = g_strdup("#f3ede2");
}

/* Every font the style names must be a file in fonts/: a missing one is an
 * error now rather than a silent fallback later. */
static void check_fonts(loader *ld, imprint_style *st, const char *data_dir)
{
    const char *const *names = font_keys;
    char *files[] = {st->font_regular,     st->font_italic,  st->font_bold,
                     st->font_bold_italic, st->font_license, st->font_mono};
    G_STATIC_ASSERT(G_N_ELEMENTS(files) == G_N_ELEMENTS(font_keys));
    if (!st->font_family)
        fail(ld, NULL, "style '%s' names no font family (fonts: family:)", st->name);
    if (st->font_mono && !st->font_mono_family)
        fail(ld, ld->font_node[5],
             "style names a 'mono' font but not its family (fonts: mono-family:)");
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        if (!files[i] && i == G_N_ELEMENTS(files) - 1)
            continue; /* no mono face: code in the regular one */
        if (!files[i]) {
            fail(ld, NULL, "style names no '%s' font file (fonts: %s:)", names[i], names[i]);
            continue;
        }
        if (strchr(files[i], '/') || strcmp(files[i], "..") == 0) {
            fail(ld, ld->font_node[i], "font file '%s' must be a plain file name inside fonts/",
                 files[i]);
            continue;
        }
        char *path = imprint_style_font_path(data_dir, files[i]);
        if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
            fail(ld, ld->font_node[i], "font file not found: %s", path);
        g_free(path);
    }
}

/* The sections of the style's root mapping. */
static void load_sections(loader *ld, imprint_style *st, yaml_node_t *root)
{
    if (!root || root->type != YAML_MAPPING_NODE) {
        fail(ld, root, "style '%s' must be a mapping of sections", st->name);
        return;
    }
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yml_node(&ld->y, p->key);
        yaml_node_t *v = yml_node(&ld->y, p->value);
        const char *sec = k->type == YAML_SCALAR_NODE ? scalar(k) : "";
        bool known = false;
        for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
            known = known || strcmp(keys[i].section, sec) == 0;
        if (!known) {
            fail(ld, k, "unknown style section '%s'", sec);
            continue;
        }
        load_section(ld, st, sec, v);
    }
}

/* Largest CSS file of a style read (EPUB only): a few rules. */
#define STYLE_MAX_CSS_BYTES (256u * 1024u)

/* styles/NAME.css, the EPUB-only rules, read with the style when there is one. */
static bool load_css(imprint_style *st, const char *data_dir, imprint_diags *diags)
{
    char *css = g_strconcat(st->name, ".css", NULL);
    st->css_path = g_build_filename(data_dir, "styles", css, NULL);
    g_free(css);
    char *why = NULL;
    size_t len = 0;
    switch (imprint_file_read(st->css_path, STYLE_MAX_CSS_BYTES, &st->css, &len, &why)) {
    case IMPRINT_FILE_OK:
        return true;
    case IMPRINT_FILE_MISSING:
        g_free(why);
        g_clear_pointer(&st->css_path, g_free);
        return true;
    case IMPRINT_FILE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){st->css_path, 0, 0},
                             "the style's CSS is too large: %zu bytes (the limit is %u)", len,
                             STYLE_MAX_CSS_BYTES);
        return false;
    default:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){st->css_path, 0, 0},
                             "cannot read the style's CSS: %s", why);
        g_free(why);
        return false;
    }
}

imprint_style *imprint_style_parse(const char *data_dir, const char *name, const char *path,
                                   const char *data, size_t len, imprint_diags *diags)
{
    imprint_style *st = g_new0(imprint_style, 1);
    st->name = g_strdup(name);
    st->yaml_path = g_strdup(path);
    set_defaults(st);
    loader ld = {0};
    bool ok = false;
    if (!yml_parse(&ld.y, path, 1, data, len, "invalid YAML", diags))
        goto cleanup;
    load_sections(&ld, st, yml_root(&ld.y));
    if (ld.y.ok)
        check_fonts(&ld, st, data_dir);
    ok = ld.y.ok && load_css(st, data_dir, diags);

cleanup:
    yml_clear(&ld.y);
    if (!ok) {
        imprint_style_free(st);
        return NULL;
    }
    return st;
}

imprint_style *imprint_style_load(const char *data_dir, const char *name, imprint_diags *diags)
{
    if (!*name || strchr(name, '/') || name[0] == '.') {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){0}, "invalid style name '%s'",
                             name);
        return NULL;
    }
    char *file = g_strconcat(name, ".yaml", NULL);
    char *path = g_build_filename(data_dir, "styles", file, NULL);
    g_free(file);
    imprint_pos at = {path, 0, 0};
    imprint_style *st = NULL;
    char *data = NULL, *why = NULL;
    size_t len = 0;
    switch (imprint_file_read(path, STYLE_MAX_BYTES, &data, &len, &why)) {
    case IMPRINT_FILE_OK:
        st = imprint_style_parse(data_dir, name, path, data, len, diags);
        break;
    case IMPRINT_FILE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, at,
                             "style file too large: %zu bytes (the limit is %u)", len,
                             STYLE_MAX_BYTES);
        break;
    case IMPRINT_FILE_MISSING:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, at, "cannot open style '%s': %s", name,
                             "no such file");
        break;
    default:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, at, "cannot open style '%s': %s", name, why);
        break;
    }
    g_free(why);
    g_free(data);
    g_free(path);
    return st;
}
