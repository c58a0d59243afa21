#include "imprint/writer.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#include "model/tei_names.h"
#include "write/chars.h"
#include "write/links.h"

/*
 * TEI P5 writer (TEI Lite). Block elements go on lines of their own, indented
 * two spaces a level; inline content is written exactly as it stands, with no
 * whitespace added, so that the reader (src/read/tei) can tell layout from text: whitespace
 * between elements is layout only where the writer never puts inline content.
 *
 * The mapping is documented in tei_names.h, shared with the reader.
 */

typedef enum {
    CTX_FLOW,   /* q, item, note: any block element of TEI Lite is valid */
    CTX_SPEECH, /* sp: only p, list, lg, cit (others are wrapped in <p>) */
} block_ctx;

typedef struct {
    xmlTextWriterPtr w;
    int indent;
    int article_index;
    GHashTable *written; /* notes already written (const imprint_node *) */
    GString *escaped;    /* text(): one run of text escaped, reused */
    bool failed;         /* a libxml2 call failed: the text is incomplete */
} tei_writer;

/* Every xmlTextWriter call goes through here: a negative result (libxml2
 * out of memory) marks the output as failed rather than let a truncated
 * document pass for a whole one. */
static void check(tei_writer *tw, int rc)
{
    if (rc < 0)
        tw->failed = true;
}

static void newline(tei_writer *tw)
{
    static const char spaces[] = "                                                                ";
    int n = tw->indent * 2;
    check(tw, xmlTextWriterWriteRaw(tw->w, BAD_CAST "\n"));
    while (n > 0) {
        int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
        check(tw, xmlTextWriterWriteRawLen(tw->w, BAD_CAST spaces, k));
        n -= k;
    }
}

static void start(tei_writer *tw, const char *name)
{
    check(tw, xmlTextWriterStartElement(tw->w, BAD_CAST name));
}

static void start_block(tei_writer *tw, const char *name)
{
    newline(tw);
    start(tw, name);
}

static void end(tei_writer *tw)
{
    check(tw, xmlTextWriterEndElement(tw->w));
}

/* Ends a block container whose children were written one a line. */
static void end_block(tei_writer *tw, bool had_children)
{
    if (had_children)
        newline(tw);
    end(tw);
}

/* Attribute values follow the same character policy as text: a control
 * character in a note label must not make the file unreadable. */
static void attr(tei_writer *tw, const char *name, const char *value)
{
    char *clean = value ? write_text_safe(value, strlen(value)) : NULL;
    check(tw, xmlTextWriterWriteAttribute(tw->w, BAD_CAST name, BAD_CAST(clean ? clean : value)));
    g_free(clean);
}

/* TEI's pointers are xsd:anyURI, which a URL as found in archived text
 * (with spaces, brackets, stray percent signs) need not be. Such characters
 * are percent-encoded; valid escapes are kept, so encoding twice changes
 * nothing and the TEI reads back to the same bytes. */
static void attr_uri(tei_writer *tw, const char *name, const char *url)
{
    static const char unsafe[] = " \"<>\\^`{|}[]";
    GString *s = g_string_new(NULL);
    for (const char *p = url ? url : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool bad_percent = c == '%' && !(g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2]));
        if (c < 0x20 || c == 0x7f || bad_percent || (c < 0x80 && strchr(unsafe, c)))
            g_string_append_printf(s, "%%%02X", c);
        else
            g_string_append_c(s, (char)c);
    }
    attr(tw, name, s->str);
    g_string_free(s, TRUE);
}

static void attr_int(tei_writer *tw, const char *name, long value)
{
    char buf[32];
    g_snprintf(buf, sizeof buf, "%ld", value);
    attr(tw, name, buf);
}

/* What text() does with each byte: 0 copies it; TEXT_ESCAPE writes it as
 * a reference (as xmlEncodeSpecialChars does: < > & " and CR); TEXT_CHECK
 * may start a character no output can hold (write_text_safe: a C0 control
 * other than tab and line ends, or 0xEF, the lead byte of U+FFFE and
 * U+FFFF and of other characters). */
enum { TEXT_ESCAPE = 1, TEXT_CHECK = 2 };
static const unsigned char text_class[256] = {
    [0x00] = TEXT_CHECK, [0x01] = TEXT_CHECK, [0x02] = TEXT_CHECK,  [0x03] = TEXT_CHECK,
    [0x04] = TEXT_CHECK, [0x05] = TEXT_CHECK, [0x06] = TEXT_CHECK,  [0x07] = TEXT_CHECK,
    [0x08] = TEXT_CHECK, [0x0B] = TEXT_CHECK, [0x0C] = TEXT_CHECK,  [0x0E] = TEXT_CHECK,
    [0x0F] = TEXT_CHECK, [0x10] = TEXT_CHECK, [0x11] = TEXT_CHECK,  [0x12] = TEXT_CHECK,
    [0x13] = TEXT_CHECK, [0x14] = TEXT_CHECK, [0x15] = TEXT_CHECK,  [0x16] = TEXT_CHECK,
    [0x17] = TEXT_CHECK, [0x18] = TEXT_CHECK, [0x19] = TEXT_CHECK,  [0x1A] = TEXT_CHECK,
    [0x1B] = TEXT_CHECK, [0x1C] = TEXT_CHECK, [0x1D] = TEXT_CHECK,  [0x1E] = TEXT_CHECK,
    [0x1F] = TEXT_CHECK, [0xEF] = TEXT_CHECK, ['\r'] = TEXT_ESCAPE, ['"'] = TEXT_ESCAPE,
    ['&'] = TEXT_ESCAPE, ['<'] = TEXT_ESCAPE, ['>'] = TEXT_ESCAPE,
};

/* Appends [s, s+len) to `out` escaped. With `check`, a byte that may start
 * an unsafe character has write_text_safe() look at the whole run once; if
 * it changes anything, that is escaped instead (and true returned). */
static bool escape(GString *out, const char *s, size_t len, bool check)
{
    const char *p = s, *end = s + len, *run = s;
    size_t base = out->len;
    for (; p < end; p++) {
        unsigned char k = text_class[(unsigned char)*p];
        if (!k)
            continue;
        if (k == TEXT_CHECK) {
            if (!check)
                continue;
            check = false;
            char *clean = write_text_safe(s, len);
            if (!clean)
                continue; /* 0xEF leading some other character */
            g_string_truncate(out, base);
            escape(out, clean, strlen(clean), false);
            g_free(clean);
            return true;
        }
        g_string_append_len(out, run, p - run);
        if (!write_xml_entity(out, (gunichar)(unsigned char)*p))
            g_string_append(out, "&#13;");
        run = p + 1;
    }
    g_string_append_len(out, run, end - run);
    return false;
}

/* Text content, escaped as xmlTextWriterWriteString() escapes it inside an
 * element and written raw: the same bytes, without a check of each
 * character, a NUL-ended copy and libxml2's allocation for each run of
 * text. Never called inside an attribute. */
static void text(tei_writer *tw, const char *s, size_t len)
{
    g_string_truncate(tw->escaped, 0);
    escape(tw->escaped, s, len, true);
    check(tw, xmlTextWriterWriteRawLen(tw->w, BAD_CAST tw->escaped->str, (int)tw->escaped->len));
}

static void text_str(tei_writer *tw, const char *s)
{
    text(tw, s, strlen(s));
}

/* A leaf element holding `value` as text, on a line of its own. */
static void text_element(tei_writer *tw, const char *name, const char *type, const char *value)
{
    start_block(tw, name);
    if (type)
        attr(tw, "type", type);
    if (value && *value)
        text_str(tw, value);
    end(tw);
}

static char *note_id(const tei_writer *tw, const imprint_node *note)
{
    return g_strdup_printf("a%d-n%d", tw->article_index, note->as.note.number);
}

static void write_blocks(tei_writer *tw, const imprint_node *first, block_ctx ctx);
static void write_block(tei_writer *tw, const imprint_node *n, block_ctx ctx);
static void write_inlines(tei_writer *tw, const imprint_node *parent);

static void write_note(tei_writer *tw, const imprint_node *note)
{
    g_hash_table_add(tw->written, (gpointer)note);
    start(tw, "note");
    attr(tw, "place", "foot");
    if (note->as.note.label && *note->as.note.label) {
        attr(tw, "n", note->as.note.label);
    } else {
        attr_int(tw, "n", note->as.note.number);
    }
    char *id = note_id(tw, note);
    attr(tw, "xml:id", id);
    g_free(id);
    tw->indent++;
    write_blocks(tw, note->first_child, CTX_FLOW);
    tw->indent--;
    end_block(tw, note->first_child != NULL);
}

static void write_noteref(tei_writer *tw, const imprint_node *ref)
{
    const imprint_node *note = ref->as.noteref.note;
    if (!note) {
        start(tw, "ref");
        attr(tw, "type", TEI_NOTEREF_TYPE);
        attr_int(tw, "n", ref->as.noteref.number);
        end(tw);
    } else if (!g_hash_table_contains(tw->written, note)) {
        write_note(tw, note);
    } else {
        char *id = note_id(tw, note);
        char *target = g_strconcat("#", id, NULL);
        start(tw, "ptr");
        attr(tw, "type", TEI_NOTEREF_TYPE);
        attr(tw, "target", target);
        /* The same n as the <note> it points to: a named label ("first",
         * "2-14") is the note's, not a number of the reference's own. */
        if (note->as.note.label && *note->as.note.label)
            attr(tw, "n", note->as.note.label);
        else
            attr_int(tw, "n", ref->as.noteref.number);
        end(tw);
        g_free(target);
        g_free(id);
    }
}

/* The rend of <hi> for an inline kind, or NULL when it is no <hi>. */
static const char *hi_rend(imprint_node_kind kind)
{
    switch (kind) {
    case IMPRINT_NODE_EMPH:
        return TEI_REND_EMPH;
    case IMPRINT_NODE_STRONG:
        return TEI_REND_STRONG;
    case IMPRINT_NODE_SUP:
        return TEI_REND_SUP;
    case IMPRINT_NODE_SUB:
        return TEI_REND_SUB;
    case IMPRINT_NODE_SMALLCAPS:
        return TEI_REND_SMALLCAPS;
    default:
        return NULL;
    }
}

static void enter_inline(tei_writer *tw, const imprint_node *n)
{
    switch (n->kind) {
    case IMPRINT_NODE_TEXT:
        text(tw, n->as.text.text, n->as.text.len);
        return;
    case IMPRINT_NODE_LINEBREAK:
        start(tw, "lb");
        end(tw);
        return;
    case IMPRINT_NODE_NOTEREF:
        write_noteref(tw, n);
        return;
    case IMPRINT_NODE_LINK:
        /* a link the policy refuses keeps its text (write_inlines) */
        if (write_link_allowed(n->as.link.url)) {
            start(tw, "ref");
            attr_uri(tw, "target", n->as.link.url);
        }
        return;
    default:
        if (hi_rend(n->kind)) {
            start(tw, "hi");
            attr(tw, "rend", hi_rend(n->kind));
        }
        return; /* not an inline: the tree check rules it out */
    }
}

/* The inline children of `parent`, walked with the model iterator: an
 * element opens when the walk enters its node and closes when it leaves. */
static void write_inlines(tei_writer *tw, const imprint_node *parent)
{
    imprint_iter it;
    imprint_iter_init(&it, parent);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (n == parent)
            continue;
        if (it.event == IMPRINT_EVENT_ENTER)
            enter_inline(tw, n);
        else if ((n->kind == IMPRINT_NODE_LINK && write_link_allowed(n->as.link.url)) ||
                 hi_rend(n->kind))
            end(tw);
    }
}

/* An element with inline content on a line of its own. */
static void inline_element(tei_writer *tw, const char *name, const imprint_node *n)
{
    start_block(tw, name);
    write_inlines(tw, n);
    end(tw);
}

static void list_label(imprint_list_style style, int number, char *buf, size_t size)
{
    if (style == IMPRINT_LIST_ALPHA && number >= 1) {
        /* Bijective base 26: a..z, aa, ab... */
        char tmp[16];
        size_t k = 0;
        unsigned v = (unsigned)number;
        while (v > 0 && k < sizeof tmp) {
            v--;
            tmp[k++] = (char)('a' + v % 26);
            v /= 26;
        }
        size_t i = 0;
        for (; i < k && i + 1 < size; i++)
            buf[i] = tmp[k - 1 - i];
        buf[i] = '\0';
    } else {
        g_snprintf(buf, size, "%d", number);
    }
}

static const char *list_rend(imprint_list_style style)
{
    switch (style) {
    case IMPRINT_LIST_DECIMAL:
        return TEI_LIST_DECIMAL;
    case IMPRINT_LIST_ALPHA:
        return TEI_LIST_ALPHA;
    case IMPRINT_LIST_PLAIN:
        return TEI_LIST_PLAIN;
    case IMPRINT_LIST_BULLET:
        break;
    }
    return TEI_LIST_BULLET;
}

static void write_list(tei_writer *tw, const imprint_node *n)
{
    start_block(tw, "list");
    if (n->as.list.bibliography)
        attr(tw, "type", TEI_LIST_BIBLIOGRAPHY);
    else if (n->as.list.contents)
        attr(tw, "type", TEI_LIST_CONTENTS);
    attr(tw, "rend", list_rend(n->as.list.style));
    tw->indent++;
    int number = n->as.list.start;
    for (const imprint_node *item = n->first_child; item; item = item->next, number++) {
        start_block(tw, "item");
        if (n->as.list.style != IMPRINT_LIST_BULLET && n->as.list.style != IMPRINT_LIST_PLAIN) {
            char label[32];
            list_label(n->as.list.style, number, label, sizeof label);
            attr(tw, "n", label);
        }
        tw->indent++;
        write_blocks(tw, item->first_child, CTX_FLOW);
        tw->indent--;
        end_block(tw, item->first_child != NULL);
    }
    if (!n->first_child) {
        /* TEI requires an item; an empty one reads back as this same list. */
        start_block(tw, "item");
        end(tw);
    }
    tw->indent--;
    end_block(tw, true);
}

static void write_quote(tei_writer *tw, const imprint_node *n, const char *type)
{
    start_block(tw, "cit");
    if (type)
        attr(tw, "type", type);
    tw->indent++;
    start_block(tw, "q");
    tw->indent++;
    bool any = false;
    for (const imprint_node *c = n->first_child; c; c = c->next)
        if (c->kind != IMPRINT_NODE_CITATION) {
            any = true;
            write_block(tw, c, CTX_FLOW);
        }
    tw->indent--;
    end_block(tw, any);
    for (const imprint_node *c = n->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_CITATION)
            inline_element(tw, "bibl", c);
    tw->indent--;
    end_block(tw, true);
}

static void write_table(tei_writer *tw, const imprint_node *n)
{
    start_block(tw, "table");
    tw->indent++;
    for (const imprint_node *row = n->first_child; row; row = row->next) {
        start_block(tw, "row");
        if (row->as.row.header)
            attr(tw, "role", TEI_ROW_LABEL);
        tw->indent++;
        for (const imprint_node *cell = row->first_child; cell; cell = cell->next)
            inline_element(tw, "cell", cell);
        if (!row->first_child) {
            start_block(tw, "cell");
            end(tw);
        }
        tw->indent--;
        end_block(tw, true);
    }
    if (!n->first_child) {
        /* TEI requires a row of cells; an empty one reads back the same. */
        start_block(tw, "row");
        start(tw, "cell");
        end(tw);
        end(tw);
    }
    tw->indent--;
    end_block(tw, true);
}

static void write_figure(tei_writer *tw, const imprint_node *n)
{
    start_block(tw, "figure");
    tw->indent++;
    bool any = false;
    if (n->first_child) {
        inline_element(tw, "head", n);
        any = true;
    }
    if (n->as.figure.src) {
        start_block(tw, "graphic");
        attr_uri(tw, "url", n->as.figure.src);
        end(tw);
        any = true;
    }
    if (n->as.figure.placeholder) {
        text_element(tw, "figDesc", NULL, n->as.figure.placeholder);
        any = true;
    }
    tw->indent--;
    end_block(tw, any);
}

static void write_speech(tei_writer *tw, const imprint_node *n)
{
    start_block(tw, "sp");
    tw->indent++;
    text_element(tw, "speaker", NULL, n->as.speech.speaker);
    if (n->first_child) {
        write_blocks(tw, n->first_child, CTX_SPEECH);
    } else {
        /* sp needs a p after its speaker; an empty one reads back the same. */
        start_block(tw, "p");
        end(tw);
    }
    tw->indent--;
    end_block(tw, true);
}

/* A HEADING below the article's own level of divisions (in a quote, list
 * item, note or speech), where TEI Lite allows no <div>. */
static void write_heading_label(tei_writer *tw, const imprint_node *n)
{
    char level[16];
    g_snprintf(level, sizeof level, TEI_LEVEL_PREFIX "%d", n->as.heading.level);
    start_block(tw, "label");
    attr(tw, "type", TEI_HEADING_TYPE);
    attr(tw, "subtype", level);
    write_inlines(tw, n);
    end(tw);
}

/* Whether a closer of an article stands at the bottom of the <div> the
 * body writer puts it in: only closers follow it there, up to the end of
 * the article or a heading that closes that div (write_article_body). */
static bool closes_div(const imprint_node *n)
{
    const imprint_node *opener = n->prev;
    while (opener && opener->kind != IMPRINT_NODE_HEADING)
        opener = opener->prev;
    for (const imprint_node *c = n->next; c; c = c->next) {
        if (c->kind == IMPRINT_NODE_HEADING)
            return opener && c->as.heading.level <= opener->as.heading.level;
        if (c->kind != IMPRINT_NODE_CLOSER)
            return false;
    }
    return true;
}

static void write_closer(tei_writer *tw, const imprint_node *n, block_ctx ctx)
{
    if (ctx == CTX_FLOW && n->parent && n->parent->kind == IMPRINT_NODE_ARTICLE && closes_div(n)) {
        inline_element(tw, "closer", n);
        return;
    }
    start_block(tw, "p");
    attr(tw, "rend", TEI_CLOSER_REND);
    write_inlines(tw, n);
    end(tw);
}

/* Whether an opener of an article stands at the top of its <div>: only
 * its heading (or the article's head) before it. */
static bool opens_div(const imprint_node *n)
{
    const imprint_node *p = n->prev;
    while (p && p->kind == IMPRINT_NODE_OPENER)
        p = p->prev;
    return !p || p->kind == IMPRINT_NODE_HEADING;
}

static void write_opener(tei_writer *tw, const imprint_node *n, block_ctx ctx)
{
    if (ctx == CTX_FLOW && n->parent && n->parent->kind == IMPRINT_NODE_ARTICLE && opens_div(n)) {
        inline_element(tw, "opener", n); /* a salutation or a dateline: both are openers */
        return;
    }
    start_block(tw, "p");
    attr(tw, "rend", TEI_OPENER_REND);
    write_inlines(tw, n);
    end(tw);
}

/* Literal lines: each line's text as it is, lines apart by newlines, kept
 * by xml:space (an <lb/> inside <eg> would not say that spaces count). */
static void write_code(tei_writer *tw, const imprint_node *n)
{
    start_block(tw, "eg");
    attr(tw, "xml:space", "preserve");
    for (const imprint_node *c = n->first_child; c; c = c->next) {
        if (c->kind == IMPRINT_NODE_TEXT)
            text(tw, c->as.text.text, c->as.text.len);
        else if (c->kind == IMPRINT_NODE_LINEBREAK)
            text(tw, "\n", 1);
    }
    end(tw);
}

static void write_block(tei_writer *tw, const imprint_node *n, block_ctx ctx)
{
    if (ctx == CTX_SPEECH) {
        switch (n->kind) {
        case IMPRINT_NODE_PARAGRAPH:
        case IMPRINT_NODE_LIST:
        case IMPRINT_NODE_VERSE:
        case IMPRINT_NODE_QUOTE:
        case IMPRINT_NODE_OPENER:
        case IMPRINT_NODE_CLOSER:
            break;
        case IMPRINT_NODE_SPEECH:
            /* sp may hold neither sp nor a p holding one; a typed cit may. */
            start_block(tw, "cit");
            attr(tw, "type", TEI_WRAP_TYPE);
            tw->indent++;
            start_block(tw, "q");
            tw->indent++;
            write_block(tw, n, CTX_FLOW);
            tw->indent--;
            end_block(tw, true);
            tw->indent--;
            end_block(tw, true);
            return;
        default:
            /* Blocks sp does not take directly stand alone in a <p>. */
            start_block(tw, "p");
            tw->indent++;
            write_block(tw, n, CTX_FLOW);
            tw->indent--;
            end_block(tw, true);
            return;
        }
    }
    switch (n->kind) {
    case IMPRINT_NODE_PARAGRAPH:
        inline_element(tw, "p", n);
        break;
    case IMPRINT_NODE_HEADING:
        write_heading_label(tw, n);
        break;
    case IMPRINT_NODE_QUOTE:
        write_quote(tw, n, NULL);
        break;
    case IMPRINT_NODE_CITATION:
        /* Only inside a quote, where write_quote places it. */
        inline_element(tw, "bibl", n);
        break;
    case IMPRINT_NODE_LIST:
        write_list(tw, n);
        break;
    case IMPRINT_NODE_VERSE:
        start_block(tw, "lg");
        tw->indent++;
        for (const imprint_node *line = n->first_child; line; line = line->next) {
            start_block(tw, "l");
            if (line->as.line.number > 0) {
                char n[16];
                g_snprintf(n, sizeof n, "%d", line->as.line.number);
                attr(tw, "n", n);
            }
            if (line->as.line.indent > 0) {
                char rend[32];
                g_snprintf(rend, sizeof rend, TEI_REND_INDENT "%d", line->as.line.indent);
                attr(tw, "rend", rend);
            }
            write_inlines(tw, line);
            end(tw);
        }
        if (!n->first_child) {
            start_block(tw, "l");
            end(tw);
        }
        tw->indent--;
        end_block(tw, true);
        break;
    case IMPRINT_NODE_SPEECH:
        write_speech(tw, n);
        break;
    case IMPRINT_NODE_TABLE:
        write_table(tw, n);
        break;
    case IMPRINT_NODE_FIGURE:
        write_figure(tw, n);
        break;
    case IMPRINT_NODE_BREAK:
        start_block(tw, "milestone");
        attr(tw, "unit", TEI_BREAK_UNIT);
        end(tw);
        break;
    case IMPRINT_NODE_BIBL:
        inline_element(tw, "bibl", n);
        break;
    case IMPRINT_NODE_OPENER:
        write_opener(tw, n, ctx);
        break;
    case IMPRINT_NODE_CLOSER:
        write_closer(tw, n, ctx);
        break;
    case IMPRINT_NODE_CODE:
        write_code(tw, n);
        break;
    case IMPRINT_NODE_SIDENOTE:
        start_block(tw, "note");
        attr(tw, "place", TEI_SIDENOTE_PLACE);
        write_inlines(tw, n);
        end(tw);
        break;
    default:
        break;
    }
}

static void write_blocks(tei_writer *tw, const imprint_node *first, block_ctx ctx)
{
    for (const imprint_node *c = first; c; c = c->next)
        write_block(tw, c, ctx);
}

static const char *article_source_file(const imprint_node *art)
{
    return art->as.article.source_file ? art->as.article.source_file : art->pos.file;
}

static unsigned article_source_line(const imprint_node *art)
{
    return art->as.article.source_line ? art->as.article.source_line : art->pos.line;
}

/* Headings become nested <div type="section">: a heading closes every open
 * section of its level or deeper. The level is written only where it differs
 * from the nesting depth (after a skipped level). */
static void write_article_body(tei_writer *tw, const imprint_node *art)
{
    int levels[IMPRINT_MAX_DEPTH];
    int depth = 0;
    for (const imprint_node *c = art->first_child; c; c = c->next) {
        if (c->kind != IMPRINT_NODE_HEADING) {
            write_block(tw, c, CTX_FLOW);
            continue;
        }
        int level = c->as.heading.level;
        while (depth > 0 && levels[depth - 1] >= level) {
            tw->indent--;
            end_block(tw, true);
            depth--;
        }
        start_block(tw, "div");
        attr(tw, "type", TEI_SECTION_TYPE);
        if (level != depth + 1) {
            char sub[16];
            g_snprintf(sub, sizeof sub, TEI_LEVEL_PREFIX "%d", level);
            attr(tw, "subtype", sub);
        }
        if (depth < IMPRINT_MAX_DEPTH)
            levels[depth++] = level;
        tw->indent++;
        inline_element(tw, "head", c);
    }
    while (depth > 0) {
        tw->indent--;
        end_block(tw, true);
        depth--;
    }
}

static void write_article(tei_writer *tw, const imprint_node *art)
{
    char id[32];
    g_snprintf(id, sizeof id, "a%d", tw->article_index);
    char *source = g_strdup_printf("#%s" TEI_SOURCE_SUFFIX, id);

    start_block(tw, "div");
    attr(tw, "type", TEI_ARTICLE_TYPE);
    attr(tw, "xml:id", id);
    attr(tw, "source", source);
    if (art->as.article.lang)
        attr(tw, "xml:lang", art->as.article.lang);
    g_free(source);
    tw->indent++;
    bool any = false;
    if (art->as.article.title) {
        text_element(tw, "head", NULL, art->as.article.title);
        any = true;
    }
    if (art->as.article.subtitle) {
        text_element(tw, "head", TEI_SUBTITLE_TYPE, art->as.article.subtitle);
        any = true;
    }
    if (art->as.article.authors && art->as.article.authors[0]) {
        start_block(tw, "byline");
        tw->indent++;
        for (const char **a = art->as.article.authors; *a; a++)
            text_element(tw, "docAuthor", NULL, *a);
        tw->indent--;
        end_block(tw, true);
        any = true;
    }
    if (art->as.article.date) {
        text_element(tw, "docDate", NULL, art->as.article.date);
        any = true;
    }
    write_article_body(tw, art);
    any |= art->first_child != NULL;
    /* Notes no reference reached stand at the article's end. */
    for (const imprint_node *note = art->as.article.first_note; note;
         note = note->as.note.next_note) {
        if (g_hash_table_contains(tw->written, note))
            continue;
        newline(tw);
        write_note(tw, note);
        any = true;
    }
    tw->indent--;
    end_block(tw, any);
}

/* The source's file, line and URL, as children of the open <bibl>. */
static void write_source_parts(tei_writer *tw, const char *file, unsigned line, const char *url)
{
    if (file && *file)
        text_element(tw, "idno", TEI_FILE_IDNO_TYPE, file);
    if (line) {
        char buf[16];
        g_snprintf(buf, sizeof buf, "%u", line);
        start_block(tw, "biblScope");
        attr(tw, "unit", "line");
        text_str(tw, buf);
        end(tw);
    }
    if (url) {
        /* kept as the text it is; a target only where the policy allows */
        start_block(tw, "ref");
        if (write_link_allowed(url))
            attr_uri(tw, "target", url);
        text_str(tw, url);
        end(tw);
    }
}

/* Another copy of the article's text: a witness, inside its source <bibl>. */
static void write_witness(tei_writer *tw, const imprint_witness *w)
{
    start_block(tw, "bibl");
    attr(tw, "type", TEI_WITNESS_TYPE);
    char sub[32], n[16];
    g_snprintf(sub, sizeof sub, "%s%s", w->same ? TEI_WITNESS_SAME : TEI_WITNESS_VARIANT,
               w->dropped ? TEI_WITNESS_DROPPED : "");
    attr(tw, "subtype", sub);
    g_snprintf(n, sizeof n, "%d", w->overlap);
    attr(tw, "n", n);
    tw->indent++;
    if (w->title)
        text_element(tw, "title", NULL, w->title);
    write_source_parts(tw, w->file, w->line, w->url);
    char *what = w->same ? g_strdup("the same text")
                         : g_strdup_printf("a variant: %d%% of the text shared", w->overlap);
    char *note = g_strconcat(what, w->dropped ? "; left out of this edition" : "", NULL);
    text_element(tw, "note", NULL, note);
    g_free(note);
    g_free(what);
    tw->indent--;
    end_block(tw, true);
}

static void write_source_bibl(tei_writer *tw, const imprint_node *art)
{
    char id[40];
    g_snprintf(id, sizeof id, "a%d" TEI_SOURCE_SUFFIX, tw->article_index);
    start_block(tw, "bibl");
    attr(tw, "xml:id", id);
    tw->indent++;
    const char *file = article_source_file(art);
    unsigned line = article_source_line(art);
    const char *url = art->as.article.source_url;
    bool any = (file && *file) || line || url || art->as.article.nwitnesses;
    write_source_parts(tw, file, line, url);
    for (size_t i = 0; i < art->as.article.nwitnesses; i++)
        write_witness(tw, &art->as.article.witnesses[i]);
    tw->indent--;
    end_block(tw, any);
}

static void write_header(tei_writer *tw, const imprint_doc *doc, const imprint_meta *m)
{
    start_block(tw, "teiHeader");
    tw->indent++;
    start_block(tw, "fileDesc");
    tw->indent++;

    start_block(tw, "titleStmt");
    tw->indent++;
    text_element(tw, "title", NULL, m->title);
    if (m->subtitle)
        text_element(tw, "title", TEI_SUBTITLE_TYPE, m->subtitle);
    if (m->editor)
        text_element(tw, "editor", NULL, m->editor);
    tw->indent--;
    end_block(tw, true);

    start_block(tw, "publicationStmt");
    tw->indent++;
    text_element(tw, "publisher", NULL, m->publisher);
    if (m->date)
        text_element(tw, "date", NULL, m->date);
    if (m->identifier)
        text_element(tw, "idno", NULL, m->identifier);
    if (m->rights) {
        start_block(tw, "availability");
        tw->indent++;
        text_element(tw, "licence", NULL, m->rights);
        tw->indent--;
        end_block(tw, true);
    }
    tw->indent--;
    end_block(tw, true);

    if (m->description) {
        start_block(tw, "notesStmt");
        tw->indent++;
        text_element(tw, "note", TEI_DESCRIPTION_TYPE, m->description);
        tw->indent--;
        end_block(tw, true);
    }

    start_block(tw, "sourceDesc");
    tw->indent++;
    tw->article_index = 0;
    for (const imprint_node *art = doc->root->first_child; art; art = art->next) {
        tw->article_index++;
        write_source_bibl(tw, art);
    }
    if (!doc->root->first_child)
        text_element(tw, "p", NULL, NULL);
    tw->indent--;
    end_block(tw, true);

    tw->indent--;
    end_block(tw, true);
    tw->indent--;
    end_block(tw, true);
}

bool imprint_write_tei_string(const imprint_doc *doc, const imprint_meta *meta, GString *out)
{
    xmlBufferPtr buf = xmlBufferCreate();
    tei_writer tw = {
        .w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL,
        .written = g_hash_table_new(g_direct_hash, g_direct_equal),
        .escaped = g_string_new(NULL),
    };
    if (!tw.w) {
        tw.failed = true;
        goto cleanup;
    }
    check(&tw, xmlTextWriterStartDocument(tw.w, "1.0", "UTF-8", NULL));
    start(&tw, "TEI");
    attr(&tw, "xmlns", TEI_NS);
    if (meta->language)
        attr(&tw, "xml:lang", meta->language);
    tw.indent = 1;
    write_header(&tw, doc, meta);

    start_block(&tw, "text");
    if (meta->language)
        attr(&tw, "xml:lang", meta->language);
    tw.indent++;
    start_block(&tw, "body");
    tw.indent++;
    tw.article_index = 0;
    for (const imprint_node *art = doc->root->first_child; art; art = art->next) {
        tw.article_index++;
        write_article(&tw, art);
    }
    if (!doc->root->first_child) {
        /* body needs content; an empty <p/> there reads back as no article. */
        start_block(&tw, "p");
        end(&tw);
    }
    tw.indent--;
    end_block(&tw, true);
    tw.indent--;
    end_block(&tw, true);
    tw.indent = 0;
    end_block(&tw, true);
    check(&tw, xmlTextWriterEndDocument(tw.w));
    xmlFreeTextWriter(tw.w);
    if (!tw.failed)
        g_string_append_len(out, (const char *)xmlBufferContent(buf), xmlBufferLength(buf));

cleanup:
    if (buf)
        xmlBufferFree(buf);
    g_hash_table_destroy(tw.written);
    g_string_free(tw.escaped, TRUE);
    return !tw.failed;
}

bool imprint_write_tei(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags)
{
    GString *out = g_string_new(NULL);
    bool ok = imprint_write_tei_string(doc, &opts->meta, out);
    if (!ok)
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "cannot write TEI: libxml2's writer failed (out of memory)");
    else
        ok = imprint_output_write(path, out->str, out->len, diags);
    g_string_free(out, TRUE);
    return ok;
}
