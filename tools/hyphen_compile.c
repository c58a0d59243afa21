/* Writes libhyphen dictionaries as the C tables of model/hyphen_builtin.h:
 *
 *   hyphen_compile OUT.c [DICT.dic...]
 *
 * Each dictionary is loaded with libhyphen itself (hnj_hyphen_load), so
 * the tables are its machine exactly; with no dictionary the tables are
 * empty. Run by the build (CMakeLists.txt); the output stays in the build
 * folder. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/hyphen_builtin.h"

/* The strings of one dictionary, NUL-ended one after another. */
typedef struct {
    char *data;
    size_t len, cap;
} blob;

static uint32_t blob_add(blob *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data) {
            perror("hyphen_compile");
            exit(1);
        }
    }
    uint32_t at = (uint32_t)b->len;
    memcpy(b->data + b->len, s, n);
    b->data[b->len + n] = '\0';
    b->len += n + 1;
    return at;
}

static uint32_t add_str(blob *b, const char *s)
{
    return s ? blob_add(b, s, strlen(s)) : IMPRINT_HYPH_NONE;
}

/* nohyphen holds nohyphenl + 1 NUL-ended strings (hnj_hyphen_hyph_ reads
 * that many). */
static uint32_t add_nohyphen(blob *b, const HyphenDict *d)
{
    if (!d->nohyphen)
        return IMPRINT_HYPH_NONE;
    const char *p = d->nohyphen;
    size_t n = 0;
    for (int i = 0; i <= d->nohyphenl; i++)
        n += strlen(p + n) + 1;
    return blob_add(b, p, n - 1);
}

static int read_file(const char *path, unsigned char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16;
    *data = malloc(cap);
    *len = 0;
    size_t n;
    while (*data && (n = fread(*data + *len, 1, cap - *len, f)) > 0) {
        *len += n;
        if (*len == cap)
            *data = realloc(*data, cap *= 2);
    }
    int bad = ferror(f) || !*data;
    fclose(f);
    return bad ? -1 : 0;
}

static void write_dict(FILE *out, int k, const char *path)
{
    HyphenDict *dict = hnj_hyphen_load(path);
    if (!dict) {
        fprintf(stderr, "hyphen_compile: cannot load %s\n", path);
        exit(1);
    }
    blob strings = {0};
    int level = 0;
    for (const HyphenDict *d = dict; d; d = d->nextlevel, level++) {
        fprintf(out, "static const HyphenTrans trans_%d_%d[] = {\n", k, level);
        size_t ntrans = 0;
        for (int s = 0; s < d->num_states; s++)
            for (int t = 0; t < d->states[s].num_trans; t++, ntrans++)
                fprintf(out, "{%d,%d},", (int)d->states[s].trans[t].ch,
                        d->states[s].trans[t].new_state);
        fprintf(out, "%s};\n", ntrans ? "" : "{0,0}");
        fprintf(out, "static const imprint_hyph_state states_%d_%d[] = {\n", k, level);
        uint32_t at = 0;
        for (int s = 0; s < d->num_states; s++) {
            const HyphenState *st = &d->states[s];
            fprintf(out, "{%uu,%uu,%d,%d,%d,%d,%uu},\n", add_str(&strings, st->match),
                    add_str(&strings, st->repl), st->replindex, st->replcut, st->fallback_state,
                    st->num_trans, at);
            at += (uint32_t)st->num_trans;
        }
        fprintf(out, "};\n");
    }
    fprintf(out, "static const imprint_hyph_level levels_%d[] = {\n", k);
    level = 0;
    for (const HyphenDict *d = dict; d; d = d->nextlevel, level++) {
        fprintf(out, "{%d,%d,%d,%d,%uu,%d,%d,{", d->lhmin, d->rhmin, d->clhmin, d->crhmin,
                add_nohyphen(&strings, d), d->nohyphenl, d->num_states);
        for (int i = 0; i < MAX_NAME; i++)
            fprintf(out, "%d,", d->cset[i]);
        fprintf(out, "},%d,states_%d_%d,trans_%d_%d},\n", d->utf8, k, level, k, level);
    }
    fprintf(out, "};\nstatic const char strings_%d[] = {", k);
    for (size_t i = 0; i < strings.len; i++)
        fprintf(out, "%s%d,", i % 32 ? "" : "\n", (signed char)strings.data[i]);
    fprintf(out, "0};\n");
    hnj_hyphen_free(dict);
    free(strings.data);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: hyphen_compile OUT.c [DICT.dic...]\n");
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "hyphen_compile: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    fprintf(out, "/* Written by tools/hyphen_compile.c: do not edit. */\n"
                 "#include \"model/hyphen_builtin.h\"\n\n");
    for (int k = 2; k < argc; k++)
        write_dict(out, k - 2, argv[k]);
    fprintf(out, "const imprint_hyph_builtin imprint_hyph_builtins[] = {\n");
    for (int k = 2; k < argc; k++) {
        unsigned char *file = NULL;
        size_t size = 0;
        if (read_file(argv[k], &file, &size) != 0) {
            fprintf(stderr, "hyphen_compile: cannot read %s\n", argv[k]);
            return 1;
        }
        size_t nlevels = 0;
        HyphenDict *dict = hnj_hyphen_load(argv[k]);
        for (const HyphenDict *d = dict; d; d = d->nextlevel)
            nlevels++;
        hnj_hyphen_free(dict);
        const char *base = strrchr(argv[k], '/');
        fprintf(out, "{\"%s\",%zuu,UINT64_C(%llu),%zu,levels_%d,strings_%d},\n",
                base ? base + 1 : argv[k], size,
                (unsigned long long)imprint_hyph_file_hash(file, size), nlevels, k - 2, k - 2);
        free(file);
    }
    if (argc == 2)
        fprintf(out, "{0},\n");
    fprintf(out, "};\nconst size_t imprint_hyph_builtin_count = %d;\n", argc - 2);
    if (fclose(out) != 0) {
        fprintf(stderr, "hyphen_compile: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    return 0;
}
