/* Reading a source file: size, encoding and binary checks, dialect choice,
 * and dispatch to the dialect readers. */
#include "imprint/reader.h"

#include <glib.h>
#include <string.h>

#include "model/nfc.h"
#include "read/file.h"

/* Longest line read (bytes). Running text breaks into lines long before this
 * (the corpus's longest is under 10 kB); a longer line is a dump of data or
 * markup, which would become one paragraph no page could hold. */
#define MAX_LINE_BYTES (1024u * 1024u)

/* How much of a file dialect detection looks at: enough for the page
 * fragments and notes of a PDF export to show up, cheap on big files. */
#define DETECT_SCAN_BYTES (256u * 1024u)

/* Where a file declares its character set: a Project Gutenberg header's
 * "Character set encoding:" line comes within its first 2 KB; 16 KB leaves
 * room for a long header and stops a scan through a whole book. */
#define DECLARED_ENCODING_BYTES (16u * 1024u)

static const char *const dialect_names[] = {
    [IMPRINT_DIALECT_AUTO] = "auto",
    [IMPRINT_DIALECT_TEXT] = "text",
    [IMPRINT_DIALECT_PDF_MARKDOWN] = "pdf-markdown",
    [IMPRINT_DIALECT_MARKDOWN] = "markdown",
    [IMPRINT_DIALECT_TEI] = "tei",
};

const char *imprint_dialect_name(imprint_dialect dialect)
{
    if ((unsigned)dialect >= G_N_ELEMENTS(dialect_names))
        return "invalid";
    return dialect_names[dialect];
}

bool imprint_dialect_parse(const char *name, imprint_dialect *out)
{
    if (!name)
        return false;
    for (unsigned i = 0; i < G_N_ELEMENTS(dialect_names); i++) {
        if (strcmp(name, dialect_names[i]) == 0) {
            *out = (imprint_dialect)i;
            return true;
        }
    }
    return false;
}

static bool has_extension(const char *path, const char *ext)
{
    if (!path)
        return false;
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return false;
    return g_ascii_strcasecmp(dot + 1, ext) == 0;
}

static bool starts_with(const char *p, const char *end, const char *prefix)
{
    size_t n = strlen(prefix);
    return (size_t)(end - p) >= n && memcmp(p, prefix, n) == 0;
}

/* Evidence of a PDF export found in the text. */
typedef struct {
    unsigned rules;     /* lines that are only "---" (page fragment boundaries) */
    unsigned sup_notes; /* lines starting with <sup>N</sup> (page-bottom notes) */
    unsigned html;      /* <b>, <br/>, <table> */
    /* Signs of hand-written Markdown, for sources not named .md: */
    bool front_matter; /* a YAML block between "---" lines at the very top */
    unsigned md_notes; /* lines starting with a "[^label]:" footnote definition */
    unsigned atx;      /* lines starting with "# " .. "###### " */
    unsigned fences;   /* pandoc fenced div lines: "::: {" or "::: word" */
    unsigned attrs;    /* pandoc attribute blocks after a link, span or heading: "]{#", "){." */
} pdfmd_evidence;

/* The signs of pandoc's Markdown on one line: a fenced div's fence, and
 * attribute blocks `{#id}` `{.class}` right after `]`, `)` or a heading. */
static void pandoc_signs(const char *p, const char *eol, pdfmd_evidence *ev)
{
    const char *q = p;
    while (q < eol && *q == ' ')
        q++;
    if (starts_with(q, eol, ":::")) {
        while (q < eol && *q == ':')
            q++;
        while (q < eol && *q == ' ')
            q++;
        ev->fences += q < eol && (*q == '{' || g_ascii_isalpha(*q));
    }
    for (const char *b = p; b + 2 < eol; b++)
        if (b[1] == '{' && (b[2] == '#' || b[2] == '.') &&
            (b[0] == ']' || b[0] == ')' || (b[0] == ' ' && *p == '#')))
            ev->attrs++;
}

static void scan_pdfmd(const char *data, size_t len, pdfmd_evidence *ev)
{
    memset(ev, 0, sizeof *ev);
    const char *end = data + (len < DETECT_SCAN_BYTES ? len : DETECT_SCAN_BYTES);
    const char *p = data;
    if (starts_with(p, end, "\xEF\xBB\xBF"))
        p += 3;
    /* A front-matter block's two "---" lines are not page rules. */
    if (starts_with(p, end, "---\n") || starts_with(p, end, "---\r\n")) {
        const char *close = g_strstr_len(p + 3, end - (p + 3), "\n---");
        if (close && (close + 4 == end || close[4] == '\n' || close[4] == '\r')) {
            ev->front_matter = true;
            p = close + 4;
        }
    }
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = eol;
        while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
            q--;
        if (q - p == 3 && memcmp(p, "---", 3) == 0)
            ev->rules++;
        if (starts_with(p, eol, "[^")) {
            const char *close = memchr(p + 2, ']', (size_t)(eol - p - 2));
            if (close && close > p + 2 && close + 1 < eol && close[1] == ':')
                ev->md_notes++;
        }
        {
            const char *h = p;
            while (h < eol && *h == '#' && h - p < 7)
                h++;
            if (h > p && h - p <= 6 && h < eol && *h == ' ')
                ev->atx++;
        }
        pandoc_signs(p, eol, ev);
        if (starts_with(p, eol, "<sup>")) {
            const char *d = p + 5;
            while (d < eol && g_ascii_isdigit(*d))
                d++;
            if (d > p + 5 && starts_with(d, eol, "</sup>"))
                ev->sup_notes++;
        }
        for (const char *h = p; h < eol; h++) {
            if (*h != '<')
                continue;
            if (starts_with(h, eol, "<b>") || starts_with(h, eol, "<br/>") ||
                starts_with(h, eol, "<br>") || starts_with(h, eol, "<table")) {
                ev->html++;
                break;
            }
        }
        p = eol + 1;
    }
}

/* The detection, with the reason for the note that reports it. */
static imprint_dialect detect(const char *path, const char *data, size_t len, const char **why)
{
    const char *p = data, *end = data + len;
    if (starts_with(p, end, "\xEF\xBB\xBF"))
        p += 3;
    while (p < end && g_ascii_isspace(*p))
        p++;
    if (has_extension(path, "xml")) {
        *why = "the file name ends in .xml";
        return IMPRINT_DIALECT_TEI;
    }
    if (starts_with(p, end, "<?xml") || starts_with(p, end, "<TEI")) {
        *why = "the file starts with an XML declaration or a <TEI> element";
        return IMPRINT_DIALECT_TEI;
    }
    pdfmd_evidence ev;
    scan_pdfmd(data, len, &ev);
    /* A hand-written .md file, or one that opens with front matter, may well
     * have inline HTML and thematic breaks; only page-foot note lines make it
     * a PDF export. */
    bool md = has_extension(path, "md") || has_extension(path, "markdown");
    if (ev.rules > 0 && (ev.sup_notes > 0 || (!md && !ev.front_matter && ev.html > 0))) {
        *why = ev.sup_notes > 0 ? "it has page-fragment '---' lines and <sup>N</sup> note lines"
                                : "it has page-fragment '---' lines and inline HTML";
        return IMPRINT_DIALECT_PDF_MARKDOWN;
    }
    if (md) {
        *why = "the file name ends in .md or .markdown";
        return IMPRINT_DIALECT_MARKDOWN;
    }
    /* Scraped text has none of these; one footnote definition, a front-matter
     * block, or a few ATX headings make a file Markdown whatever its name. */
    bool pandoc = ev.fences > 0 && ev.attrs > 0;
    if (ev.front_matter || ev.md_notes > 0 || ev.atx >= 2 || pandoc) {
        *why = ev.front_matter   ? "it starts with a YAML front-matter block"
               : ev.md_notes > 0 ? "it has Markdown footnote definitions ([^label]:)"
               : pandoc          ? "it has pandoc's fenced divs (:::) and attributes ({#id})"
                                 : "it has Markdown '#' headings";
        return IMPRINT_DIALECT_MARKDOWN;
    }
    *why = "no other dialect's signs were found";
    return IMPRINT_DIALECT_TEXT;
}

imprint_dialect imprint_dialect_detect(const char *path, const char *data, size_t len)
{
    const char *why;
    return detect(path, data, len, &why);
}

/* Line and column (in code points) of byte `offset`, which must lie after
 * valid UTF-8 only. */
static imprint_pos pos_of_offset(const char *path, const char *data, size_t offset)
{
    imprint_pos pos = {path, 1, 1};
    const char *line_start = data;
    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n') {
            pos.line++;
            line_start = data + i + 1;
        }
    }
    pos.col = (unsigned)g_utf8_strlen(line_start, (data + offset) - line_start) + 1;
    return pos;
}

static bool only_whitespace(const char *data, size_t len)
{
    for (const char *p = data; p < data + len; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isspace(c) && c != 0x00A0 && c != 0x202F && c != 0xFEFF)
            return false;
    }
    return true;
}

static int read_utf8(imprint_doc *doc, const char *path, const char *data, size_t len,
                     const imprint_read_opts *opts, imprint_diags *diags);

/* Control characters other than white space (tab, line ends, form feed and
 * vertical tab, which readers treat as space) — an escape from a terminal
 * capture, say — are kept, but XML cannot hold them, so outputs show them as
 * visible symbols: say so, once a file. */
static void warn_controls(const char *path, const char *data, size_t len, imprint_diags *diags)
{
    size_t first = 0, count = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if ((c < 0x20 && !g_ascii_isspace(c)) || c == 0x7F) {
            if (count++ == 0)
                first = i;
        }
    }
    if (count)
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, pos_of_offset(path, data, first),
                             "control character U+%04X (%zu in the file); kept, and shown as "
                             "a visible symbol where an output cannot hold it",
                             (unsigned)(unsigned char)data[first], count);
}

/* A Project Gutenberg header's "Character set encoding: ISO-8859-1" in
 * the first DECLARED_ENCODING_BYTES: the iconv name of the encoding the
 * file says it is in (g_free() it), and the line, or NULL. Latin-1 is read
 * as its superset windows-1252, as browsers do: such files hold its curly
 * quotes too. */
static char *declared_encoding(const char *data, size_t len, unsigned *line)
{
    static const char key[] = "Character set encoding:";
    const char *end = data + MIN(len, DECLARED_ENCODING_BYTES);
    *line = 1;
    for (const char *p = data; p < end; (*line)++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            break;
        if (starts_with(p, eol, key)) {
            char *name = g_strstrip(g_strndup(p + strlen(key), (size_t)(eol - p) - strlen(key)));
            if (g_ascii_strcasecmp(name, "ISO-8859-1") == 0 ||
                g_ascii_strcasecmp(name, "ISO Latin-1") == 0 ||
                g_ascii_strcasecmp(name, "Latin1") == 0) {
                g_free(name);
                return g_strdup("WINDOWS-1252");
            }
            if (*name && g_ascii_strcasecmp(name, "UTF-8") != 0 &&
                g_ascii_strcasecmp(name, "ASCII") != 0 && g_ascii_strcasecmp(name, "US-ASCII") != 0)
                return name;
            g_free(name);
            return NULL;
        }
        p = eol + 1;
    }
    return NULL;
}

/* Whether `data` holds a multi-byte UTF-8 sequence: then it is UTF-8 with a
 * stray byte, whatever its header says (an 8-bit text forms none by chance),
 * and its invalid byte stays an error. */
static bool utf8_sequences(const char *data, size_t len)
{
    for (size_t k = 0; k + 1 < len; k++)
        if ((unsigned char)data[k] >= 0xC2 &&
            g_utf8_get_char_validated(data + k, (gssize)MIN(len - k, 4)) < (gunichar)-2)
            return true;
    return false;
}

int imprint_read_buffer(imprint_doc *doc, const char *path, const char *data, size_t len,
                        const imprint_read_opts *opts, imprint_diags *diags)
{
    imprint_read_opts defaults = {.dialect = IMPRINT_DIALECT_AUTO};
    if (!opts)
        opts = &defaults;
    imprint_pos file_pos = {path, 0, 0};

    if (len > IMPRINT_MAX_SOURCE_BYTES) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "file too large: %zu bytes (the limit is %u bytes)", len,
                             IMPRINT_MAX_SOURCE_BYTES);
        return -1;
    }
    char *converted = NULL, *declared = NULL;
    const char *encoding = opts->encoding;
    unsigned line = 0;
    /* Not UTF-8, and the file says what it is in: read it so, and say so. */
    if (!encoding && !imprint_utf8_validate(data, len, NULL) && !utf8_sequences(data, len) &&
        (declared = declared_encoding(data, len, &line))) {
        encoding = declared;
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, (imprint_pos){path, line, 1},
                             "the file is not UTF-8 and declares its character set: read as %s "
                             "(the edition key `encoding` overrides)",
                             encoding);
    }
    if (encoding) {
        GError *err = NULL;
        gsize read = 0, written = 0;
        converted = g_convert(data, (gssize)len, "UTF-8", encoding, &read, &written, &err);
        if (!converted) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                                 "cannot convert from %s at byte %zu: %s", encoding, (size_t)read,
                                 err->message);
            g_error_free(err);
            g_free(declared);
            return -1;
        }
        data = converted;
        len = written;
        if (len > IMPRINT_MAX_SOURCE_BYTES) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                                 "file too large once converted from %s: %zu bytes of UTF-8 (the "
                                 "limit is %u bytes)",
                                 encoding, len, IMPRINT_MAX_SOURCE_BYTES);
            g_free(converted);
            g_free(declared);
            return -1;
        }
    }
    int n = read_utf8(doc, path, data, len, opts, diags);
    g_free(converted);
    g_free(declared);
    return n;
}

/* The dialect to read with: the edition's, or the one detected (said with a
 * note). */
static imprint_dialect choose_dialect(const char *path, const char *data, size_t len,
                                      const imprint_read_opts *opts, imprint_diags *diags)
{
    imprint_pos file_pos = {path, 0, 0};
    imprint_dialect dialect = opts->dialect;
    if (dialect == IMPRINT_DIALECT_AUTO) {
        const char *why;
        dialect = detect(path, data, len, &why);
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, file_pos,
                             "read as dialect '%s' because %s (set 'dialect' to override)",
                             imprint_dialect_name(dialect), why);
    }
    /* the other readers would leave the option unseen */
    if (opts->drop_navigation && dialect != IMPRINT_DIALECT_MARKDOWN)
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, file_pos,
                             "'navigation: drop' applies to the markdown dialect only; this file "
                             "is read as '%s' and its navigation lines are kept",
                             imprint_dialect_name(dialect));
    if (opts->wrap != IMPRINT_WRAP_AUTO && dialect != IMPRINT_DIALECT_TEXT &&
        dialect != IMPRINT_DIALECT_MARKDOWN)
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, file_pos,
                             "'wrapped' applies to the text and markdown dialects only; this "
                             "file is read as '%s' and it is left unused",
                             imprint_dialect_name(dialect));
    if ((opts->verse != IMPRINT_VERSE_AUTO || opts->no_notes || opts->no_letters ||
         opts->keep_boilerplate) &&
        dialect != IMPRINT_DIALECT_TEXT)
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, file_pos,
                             "'verse', 'footnotes', 'letters' and 'boilerplate' apply to the "
                             "text dialect only; this file is read as '%s' and they are left "
                             "unused",
                             imprint_dialect_name(dialect));
    return dialect;
}

/* The rest of imprint_read_buffer(), on text that is now meant to be UTF-8. */
static int read_utf8(imprint_doc *doc, const char *path, const char *data, size_t len,
                     const imprint_read_opts *opts, imprint_diags *diags)
{
    imprint_pos file_pos = {path, 0, 0};
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        /* Report where the text stops being text; the position is only
         * meaningful when what precedes is valid UTF-8. */
        size_t off = (size_t)(nul - data);
        imprint_pos pos =
            imprint_utf8_validate(data, off, NULL) ? pos_of_offset(path, data, off) : file_pos;
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "binary file: NUL byte at byte %zu; imprint reads text only", off);
        return -1;
    }
    const char *bad;
    if (!imprint_utf8_validate(data, len, &bad)) {
        size_t off = (size_t)(bad - data);
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos_of_offset(path, data, off),
                             "invalid UTF-8 at byte %zu (0x%02X); convert the file to UTF-8, "
                             "e.g. with iconv",
                             off, (unsigned)(unsigned char)*bad);
        return -1;
    }
    size_t line_no = 1;
    for (const char *p = data, *end = data + len; p < end; line_no++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t line_len = (size_t)((eol ? eol : end) - p);
        if (line_len > MAX_LINE_BYTES) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR,
                                 (imprint_pos){path, (unsigned)line_no, 1},
                                 "line too long: %zu bytes (the limit is %u); this is not running "
                                 "text",
                                 line_len, MAX_LINE_BYTES);
            return -1;
        }
        p = eol ? eol + 1 : end;
    }
    if (only_whitespace(data, len)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             len == 0 ? "empty file: no text to read"
                                      : "no text: the file holds only white space");
        return -1;
    }
    warn_controls(path, data, len, diags);

    imprint_dialect dialect = choose_dialect(path, data, len, opts, diags);
    imprint_read_opts chosen = *opts;
    chosen.dialect = dialect;
    /* A byte-order mark is not text; readers never see it. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }

    int n = -1;
    switch (dialect) {
    case IMPRINT_DIALECT_TEXT:
        n = imprint_read_text(doc, path, data, len, &chosen, diags);
        break;
    case IMPRINT_DIALECT_TEI:
        n = imprint_read_tei(doc, path, data, len, &chosen, diags);
        break;
    case IMPRINT_DIALECT_MARKDOWN:
        n = imprint_read_markdown(doc, path, data, len, &chosen, diags);
        break;
    case IMPRINT_DIALECT_PDF_MARKDOWN:
        n = imprint_read_pdfmd(doc, path, data, len, &chosen, diags);
        break;
    case IMPRINT_DIALECT_AUTO:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos, "unknown dialect");
        break;
    }
    if (n > IMPRINT_MAX_ARTICLES) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "%d articles (the limit is %d); is the file split where it should be?",
                             n, IMPRINT_MAX_ARTICLES);
        return -1;
    }
    return n;
}

int imprint_read_file(imprint_doc *doc, const char *path, const imprint_read_opts *opts,
                      imprint_diags *diags)
{
    imprint_pos file_pos = {path, 0, 0};
    char *data = NULL, *why = NULL;
    size_t len = 0;
    /* Bounded before anything is loaded, whatever kind of file it is. */
    switch (imprint_file_read(path, IMPRINT_MAX_SOURCE_BYTES, &data, &len, &why)) {
    case IMPRINT_FILE_OK:
        break;
    case IMPRINT_FILE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos,
                             "file too large: %zu bytes (the limit is %u bytes)", len,
                             IMPRINT_MAX_SOURCE_BYTES);
        return -1;
    default:
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, file_pos, "cannot read: %s", why);
        g_free(why);
        return -1;
    }
    int n = imprint_read_buffer(doc, path, data, len, opts, diags);
    g_free(data);
    return n;
}
