#ifndef IMPRINT_EDITION_YAML_H
#define IMPRINT_EDITION_YAML_H

/*
 * The one YAML toolkit (libyaml's document API) for edition files, style
 * files and Markdown front matter: parsing with limits, positions, messages,
 * value types, and walking a mapping of known keys. Names start with `yml_`
 * (libyaml owns `yaml_`).
 */

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "imprint/diag.h"

/** Deepest nesting of mappings and sequences accepted. Edition and style
 * files nest three levels; libyaml's time grows with nesting (200 KB of
 * nested flow sequences took it 29 s), so deeper input is refused while
 * it is being parsed, at the first level too many. */
#define YML_MAX_DEPTH 16

/** A parsed YAML text and where its messages go. Lives on the caller's stack;
 * free with yml_clear(). */
typedef struct {
    const char *path;   /* named in messages */
    unsigned first_line; /* line of the file the text starts on (1, or 2 after a "---") */
    yaml_document_t doc;
    bool loaded;
    imprint_diags *diags;
    bool ok; /* false once yml_fail() has been called */
} yml_doc;

/** Parses `len` bytes of YAML into `y` as one document. `what` names the
 * text in messages ("YAML syntax error", "front matter"). Aliases are
 * refused (no edition needs them, and walking a tree of aliases can take
 * exponential time), so is nesting past YML_MAX_DEPTH and a second
 * document. Syntax errors are reported at their line and column, with a
 * note where the construct began. False (reported) on error; `y` then
 * holds nothing. An empty text gives a document without a root. */
bool yml_parse(yml_doc *y, const char *path, unsigned first_line, const char *data, size_t len,
               const char *what, imprint_diags *diags);

/** Frees the document. Accepts a yml_doc that failed to parse. */
void yml_clear(yml_doc *y);

/** The root node, or NULL for an empty text. */
yaml_node_t *yml_root(yml_doc *y);

/** The node with id `id` of the document (a mapping's key or value). */
yaml_node_t *yml_node(yml_doc *y, int id);

/** Where `node` starts in the file (the file alone when `node` is NULL). */
imprint_pos yml_pos(const yml_doc *y, const yaml_node_t *node);

/** Reports an error at `node` and clears y->ok. */
void yml_fail(yml_doc *y, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** "a mapping", "a list" or "a value", for messages. */
const char *yml_type_name(const yaml_node_t *node);

/** The text of a scalar node, or NULL for anything else. */
const char *yml_scalar(const yaml_node_t *node);

/** Whether `node` is a plain null ("", "~", "null"). */
bool yml_is_null(const yaml_node_t *node);

/** The value of `key` in mapping `map`, or NULL. */
yaml_node_t *yml_get(yml_doc *y, yaml_node_t *map, const char *key);

/** Keys within this many edits of a known one get a "did you mean". */
#define YML_SUGGEST_MAX_DISTANCE 2

/** The closest of the NULL-terminated `words` to `s`, or NULL when none is
 * within YML_SUGGEST_MAX_DISTANCE (case-insensitive; a swap counts one). */
const char *yml_suggest(const char *s, const char *const *words);

/** Called by yml_walk() for each key and value of a mapping. */
typedef void (*yml_pair_fn)(yml_doc *y, void *target, const char *key, yaml_node_t *key_node,
                            yaml_node_t *value);

/** Calls `each` for every pair of `map` whose key is one of the NULL-terminated
 * `known`. A key that is not a scalar, an unknown key (with the nearest known
 * one, or the list of them) and a repeated key are errors. */
void yml_walk(yml_doc *y, yaml_node_t *map, const char *const *known, void *target,
              yml_pair_fn each);

#endif
