#ifndef IMPRINT_HYPHEN_BUILTIN_H
#define IMPRINT_HYPHEN_BUILTIN_H

/*
 * Hyphenation patterns compiled in at build time. libhyphen reads a
 * dictionary by building its state machine pattern by pattern through hash
 * tables, a tenth of a TEI build's instructions for the English patterns
 * (which the PDF-export reader consults to rejoin words broken at page
 * ends). tools/hyphen_compile.c, run by the build, loads the dictionaries
 * that CMake names (IMPRINT_HYPHEN_BUILTIN) with libhyphen itself and
 * writes its finished machine as flat tables (hyphen_builtin.c in the build
 * folder, never committed); model/hyphenate.c uses them for a dictionary
 * file whose size and content hash are those it was made from, so that the
 * same libhyphen code runs on the same machine, and a changed or other
 * dictionary is read as before.
 *
 * Offsets instead of pointers: the tables need no relocation when the
 * program starts, and cost nothing to a build that hyphenates nothing.
 */

#include <hyphen.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/** No string: a NULL pointer in libhyphen's state. */
#define IMPRINT_HYPH_NONE UINT32_MAX

/** One state of the machine (HyphenState), its strings as offsets into the
 * dictionary's `strings` and its transitions into its level's `trans`. */
typedef struct {
    uint32_t match, repl; /* IMPRINT_HYPH_NONE: NULL */
    signed char replindex, replcut;
    int32_t fallback_state;
    int32_t num_trans;
    uint32_t trans;
} imprint_hyph_state;

/** One level of the dictionary (HyphenDict: the compound level, then the
 * patterns), as libhyphen chains them through `nextlevel`. */
typedef struct {
    char lhmin, rhmin, clhmin, crhmin;
    uint32_t nohyphen; /* IMPRINT_HYPH_NONE: NULL; else nohyphenl + 1 strings */
    int32_t nohyphenl;
    int32_t num_states;
    char cset[MAX_NAME];
    int32_t utf8;
    const imprint_hyph_state *states;
    const HyphenTrans *trans;
} imprint_hyph_level;

/** A dictionary as it was compiled: the file's size and content hash
 * (imprint_hyph_file_hash) tell that it is still the same. */
typedef struct {
    const char *name; /* the file it was made from, for messages and tests */
    uint64_t size, hash;
    size_t nlevels;
    const imprint_hyph_level *levels;
    const char *strings;
} imprint_hyph_builtin;

/** The compiled dictionaries (static; none when the build found none). */
extern const imprint_hyph_builtin imprint_hyph_builtins[];
extern const size_t imprint_hyph_builtin_count;

/** The content hash of a dictionary file: 8 bytes a step (the file is read
 * whole on every load that might use the tables), its length mixed in. */
static inline uint64_t imprint_hyph_file_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
        h ^= h >> 29;
    }
    for (; i < len; i++)
        h = (h ^ p[i]) * UINT64_C(1099511628211);
    return h ^ (uint64_t)len;
}

#endif
