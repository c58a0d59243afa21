/* The table of languages' quotation marks and spacing (language.h). */
#include "model/language.h"

#include <string.h>

#define LDQ   "\u201C" /* “ */
#define RDQ   "\u201D" /* ” */
#define LSQ   "\u2018" /* ‘ */
#define RSQ   "\u2019" /* ’ */
#define LOW9  "\u201E" /* „ */
#define LOW9S "\u201A" /* ‚ */
#define LAQ   "\u00AB" /* « */
#define RAQ   "\u00BB" /* » */
#define LSAQ  "\u2039" /* ‹ */
#define RSAQ  "\u203A" /* › */

/* Sorted by nothing in particular: a language's region entry is looked for
 * before its plain one, whatever the order here. */
static const imprint_language_rules table[] = {
    {"en", LDQ, RDQ, LSQ, RSQ, false},      {"fr", LAQ, RAQ, LDQ, RDQ, true},
    {"de", LOW9, LDQ, LOW9S, LSQ, false},   {"de-CH", LAQ, RAQ, LSAQ, RSAQ, false},
    {"de-LI", LAQ, RAQ, LSAQ, RSAQ, false}, {"es", LAQ, RAQ, LDQ, RDQ, false},
    {"it", LAQ, RAQ, LDQ, RDQ, false},      {"pt", LAQ, RAQ, LDQ, RDQ, false},
    {"pt-BR", LDQ, RDQ, LSQ, RSQ, false},   {"ru", LAQ, RAQ, LOW9, LDQ, false},
    {"uk", LAQ, RAQ, LOW9, LDQ, false},     {"pl", LOW9, RDQ, LAQ, RAQ, false},
    {"cs", LOW9, LDQ, LOW9S, LSQ, false},   {"nl", LDQ, RDQ, LSQ, RSQ, false},
    {"sv", RDQ, RDQ, RSQ, RSQ, false},      {"da", RAQ, LAQ, RSAQ, LSAQ, false},
    {"nb", LAQ, RAQ, LSQ, RSQ, false},      {"nn", LAQ, RAQ, LSQ, RSQ, false},
    {"no", LAQ, RAQ, LSQ, RSQ, false},
};

/* The language subtag of `tag` ("de" of "de-AT") in `ll`; false when it is
 * not 2 or 3 letters. */
static bool language_part(const char *tag, char ll[4])
{
    size_t n = 0;
    while (tag[n] && tag[n] != '-' && tag[n] != '_')
        n++;
    if (n < 2 || n > 3)
        return false;
    for (size_t i = 0; i < n; i++)
        ll[i] = g_ascii_tolower(tag[i]);
    ll[n] = '\0';
    return true;
}

/* The region subtag of `tag` ("AT" of "de-AT", "CH" of "de-Latn-CH"), or "". */
static void region_part(const char *tag, char cc[4])
{
    cc[0] = '\0';
    for (const char *p = strpbrk(tag, "-_"); p; p = strpbrk(p + 1, "-_")) {
        size_t n = strcspn(p + 1, "-_");
        if (n == 2 && g_ascii_isalpha(p[1]) && g_ascii_isalpha(p[2])) {
            cc[0] = g_ascii_toupper(p[1]);
            cc[1] = g_ascii_toupper(p[2]);
            cc[2] = '\0';
        }
    }
}

const imprint_language_rules *imprint_language_find(const char *tag)
{
    char ll[4], cc[4], full[8];
    if (!tag || !language_part(tag, ll))
        return NULL;
    region_part(tag, cc);
    g_snprintf(full, sizeof full, "%s-%s", ll, cc);
    const imprint_language_rules *plain = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(table); i++) {
        if (cc[0] && strcmp(table[i].tag, full) == 0)
            return &table[i];
        if (strcmp(table[i].tag, ll) == 0)
            plain = &table[i];
    }
    return plain;
}

bool imprint_language_is_english(const char *tag)
{
    char ll[4];
    return !tag || !*tag || (language_part(tag, ll) && strcmp(ll, "en") == 0);
}
