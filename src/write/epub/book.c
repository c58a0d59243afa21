/* The book being assembled: its files, navigation and the code points its
 * text uses. Every other part of the EPUB writer calls this one; it calls
 * none of them. */
#include "write/epub/epub.h"

#include "write/chars.h"

static void file_free(gpointer p)
{
    imprint_epub_file *f = p;
    g_free(f->id);
    g_free(f->href);
    g_free(f->media_type);
    g_free(f->properties);
    g_bytes_unref(f->data);
    g_free(f);
}

static void nav_free(gpointer p)
{
    imprint_epub_nav *n = p;
    g_free(n->label);
    g_free(n->href);
    g_free(n);
}

void imprint_epub_add_bytes(imprint_epub *e, const char *id, const char *href,
                            const char *media_type, const char *properties, bool spine,
                            GBytes *data)
{
    imprint_epub_file *f = g_new0(imprint_epub_file, 1);
    f->id = g_strdup(id);
    f->href = g_strdup(href);
    f->media_type = g_strdup(media_type);
    f->properties = g_strdup(properties);
    f->spine = spine;
    f->data = data;
    g_ptr_array_add(e->files, f);
}

void imprint_epub_add(imprint_epub *e, const char *id, const char *href, const char *media_type,
                      const char *properties, bool spine, GString *data)
{
    imprint_epub_add_bytes(e, id, href, media_type, properties, spine,
                           g_string_free_to_bytes(data));
}

void imprint_epub_init(imprint_epub *e, const imprint_doc *doc, const imprint_output_opts *opts,
                       imprint_diags *diags)
{
    *e = (imprint_epub){0};
    e->doc = doc;
    e->opts = opts;
    e->diags = diags;
    e->unicodes = hb_set_create();
    e->nav = g_ptr_array_new_with_free_func(nav_free);
    e->files = g_ptr_array_new_with_free_func(file_free);
}

void imprint_epub_clear(imprint_epub *e)
{
    g_ptr_array_free(e->files, TRUE);
    g_ptr_array_free(e->nav, TRUE);
    hb_set_destroy(e->unicodes);
}

/* Records `c` for the font subset, adding it to the set once: a bitmap of
 * the BMP stands in front of the set, which costs a lookup per call. */
static void collect(imprint_epub *e, gunichar c)
{
    if (c < 0x10000) {
        guint64 bit = G_GUINT64_CONSTANT(1) << (c & 63);
        if (e->seen[c >> 6] & bit)
            return;
        e->seen[c >> 6] |= bit;
    }
    hb_set_add(e->unicodes, c);
}

/* Printable ASCII but the four escaped: copied in runs. */
static const bool plain_ascii[256] = {
    [' '] = 1,  ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1,
    ['*'] = 1,  ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,  ['0'] = 1, ['1'] = 1,
    ['2'] = 1,  ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,  ['8'] = 1, ['9'] = 1,
    [':'] = 1,  [';'] = 1, ['='] = 1, ['?'] = 1, ['@'] = 1, ['A'] = 1,  ['B'] = 1, ['C'] = 1,
    ['D'] = 1,  ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,  ['J'] = 1, ['K'] = 1,
    ['L'] = 1,  ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1,  ['R'] = 1, ['S'] = 1,
    ['T'] = 1,  ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,  ['Z'] = 1, ['['] = 1,
    ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['a'] = 1,  ['b'] = 1, ['c'] = 1,
    ['d'] = 1,  ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,  ['j'] = 1, ['k'] = 1,
    ['l'] = 1,  ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1,  ['r'] = 1, ['s'] = 1,
    ['t'] = 1,  ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1,  ['z'] = 1, ['{'] = 1,
    ['|'] = 1,  ['}'] = 1, ['~'] = 1,
};

void imprint_epub_text(imprint_epub *e, GString *out, const char *s)
{
    /* Plain ASCII, most of any text, is only marked as seen (a store a
     * byte, no test): imprint_epub_unicodes() adds it to the set. */
    bool scratch[256];
    bool *ascii = e ? e->ascii_seen : scratch;
    const char *run = s, *p = s;
    while (*p) {
        unsigned char b = (unsigned char)*p;
        if (plain_ascii[b]) {
            ascii[b] = true;
            p++;
            continue;
        }
        g_string_append_len(out, run, p - run);
        gunichar c = g_utf8_get_char(p);
        if (!write_xml_entity(out, c)) {
            c = write_char_safe(c);
            g_string_append_unichar(out, c);
        }
        if (e && c > 0x20)
            collect(e, c);
        p = g_utf8_next_char(p);
        run = p;
    }
    g_string_append_len(out, run, p - run);
}

hb_set_t *imprint_epub_unicodes(imprint_epub *e)
{
    for (unsigned b = 0x21; b < 0x7f; b++)
        if (e->ascii_seen[b]) {
            collect(e, b);
            e->ascii_seen[b] = false;
        }
    return e->unicodes;
}

/* An attribute value: escaped, its code points not collected (attribute
 * text is not set in the book's fonts). */
static void attr(GString *out, const char *s)
{
    imprint_epub_text(NULL, out, s);
}

void imprint_epub_xhtml_open(imprint_epub *e, GString *out, const char *title, const char *lang,
                             const char *body_attrs)
{
    g_string_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                         "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                         "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"");
    attr(out, lang);
    g_string_append(out, "\" xml:lang=\"");
    attr(out, lang);
    g_string_append(out, "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
    imprint_epub_text(e, out, title);
    g_string_append(out, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" "
                         "href=\"css/style.css\"/>\n</head>\n<body");
    if (body_attrs)
        g_string_append_printf(out, " %s", body_attrs);
    g_string_append(out, ">\n");
}

void imprint_epub_xhtml_close(GString *out)
{
    g_string_append(out, "</body>\n</html>\n");
}

void imprint_epub_nav_add(imprint_epub *e, int depth, const char *label, const char *href)
{
    imprint_epub_nav *n = g_new0(imprint_epub_nav, 1);
    /* Contents nest one level at a time: a heading that skips levels hangs
     * under the last entry above it. */
    int prev = e->nav->len ? ((imprint_epub_nav *)e->nav->pdata[e->nav->len - 1])->depth : 0;
    if (depth < 1)
        depth = 1;
    if (depth > prev + 1)
        depth = prev + 1;
    n->depth = depth;
    n->label = g_strdup(label);
    n->href = g_strdup(href);
    g_ptr_array_add(e->nav, n);
}

char *imprint_epub_article_href(size_t index)
{
    return g_strdup_printf("a%03zu.xhtml", index + 1);
}

char *imprint_epub_ref_id(int number, size_t k)
{
    if (k == 0)
        return g_strdup_printf("r%d", number);
    return g_strdup_printf("r%d-%zu", number, k + 1);
}
