/* The header side of the TEI reader: the teiHeader's fileDesc into
 * doc->meta, and the sourceDesc <bibl> an article's source="#id" names into
 * the article's source fields. */
#include "model/typography.h"
#include "read/tei/tei_reader.h"

#include <stdlib.h>

#include "model/tei_names.h"

static void set_meta(tei_reader *r, const char **field, xmlNode *el)
{
    char *v = tei_plain_text(r, el, true);
    if (!*field && v && *v)
        *field = v;
}

static void warn_unread(tei_reader *r, xmlNode *c)
{
    if (c->type == XML_ELEMENT_NODE)
        tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> in the header is not read",
                   (const char *)c->name);
}

void tei_read_header(tei_reader *r, xmlNode *header)
{
    imprint_meta *m = &r->doc->meta;
    for (xmlNode *fd = header->children; fd; fd = fd->next) {
        if (tei_is_ignorable(fd))
            continue;
        if (!tei_named(fd, "fileDesc")) {
            warn_unread(r, fd);
            continue;
        }
        for (xmlNode *s = fd->children; s; s = s->next) {
            if (tei_is_ignorable(s))
                continue;
            for (xmlNode *c = s->children; c; c = c->next) {
                if (tei_is_ignorable(c))
                    continue;
                if (tei_named(s, "titleStmt") && tei_named(c, "title")) {
                    if (tei_attr_is(c, "type", TEI_SUBTITLE_TYPE))
                        set_meta(r, &m->subtitle, c);
                    else
                        set_meta(r, &m->title, c);
                } else if (tei_named(s, "titleStmt") && tei_named(c, "editor")) {
                    set_meta(r, &m->editor, c);
                } else if (tei_named(s, "publicationStmt") && tei_named(c, "publisher")) {
                    set_meta(r, &m->publisher, c);
                } else if (tei_named(s, "publicationStmt") && tei_named(c, "date")) {
                    set_meta(r, &m->date, c);
                } else if (tei_named(s, "publicationStmt") && tei_named(c, "idno")) {
                    set_meta(r, &m->identifier, c);
                } else if (tei_named(s, "publicationStmt") && tei_named(c, "availability")) {
                    for (xmlNode *l = c->children; l; l = l->next)
                        if (tei_named(l, "licence") || tei_named(l, "p"))
                            set_meta(r, &m->rights, l);
                } else if (tei_named(s, "notesStmt") && tei_named(c, "note") &&
                           tei_attr_is(c, "type", TEI_DESCRIPTION_TYPE)) {
                    set_meta(r, &m->description, c);
                } else if (tei_named(s, "sourceDesc") && tei_named(c, "bibl")) {
                    xmlChar *id = xmlGetNsProp(c, BAD_CAST "id", XML_XML_NAMESPACE);
                    if (id)
                        g_hash_table_insert(r->sources, g_strdup((const char *)id), c);
                    xmlFree(id);
                } else if (tei_named(s, "sourceDesc") && tei_named(c, "p") && !c->children) {
                    /* the writer's sourceDesc of a document without articles */
                } else {
                    warn_unread(r, c);
                }
            }
        }
    }
}

/* A line number as written ("  12 "); 0 (no line) when it is none. */
static unsigned line_number(char *text)
{
    int line = 0;
    imprint_text_number(g_strstrip(text), G_MAXINT, &line);
    return (unsigned)line;
}

/* <bibl type="witness"> (the TEI writer's): another copy of the text. */
static void read_witness(tei_reader *r, imprint_node *art, xmlNode *bibl)
{
    imprint_witness w = {0};
    char *sub = tei_get_attr(r, bibl, "subtype");
    char *n = tei_get_attr(r, bibl, "n");
    w.same = sub && g_str_has_prefix(sub, TEI_WITNESS_SAME);
    w.dropped = sub && g_str_has_suffix(sub, TEI_WITNESS_DROPPED);
    if (!n || !imprint_text_number(n, 100, &w.overlap))
        w.overlap = w.same ? 100 : 0;
    for (xmlNode *c = bibl->children; c; c = c->next) {
        if (tei_named(c, "idno") && tei_attr_is(c, "type", TEI_FILE_IDNO_TYPE))
            w.file = tei_plain_text(r, c, false);
        else if (tei_named(c, "biblScope") && tei_attr_is(c, "unit", "line"))
            w.line = line_number(tei_plain_text(r, c, false));
        else if (tei_named(c, "ref"))
            w.url = tei_plain_text(r, c, false);
        else if (tei_named(c, "title"))
            w.title = tei_plain_text(r, c, false);
    }
    imprint_article_add_witness(r->doc, art, &w);
}

void tei_set_source(tei_reader *r, imprint_node *art, xmlNode *el)
{
    char *source = tei_get_attr(r, el, "source");
    if (!source)
        return;
    xmlNode *bibl = g_hash_table_lookup(r->sources, source[0] == '#' ? source + 1 : source);
    if (!bibl) {
        tei_report(r, IMPRINT_SEV_WARNING, el, "source \"%s\" is not in the header's sourceDesc",
                   source);
        return;
    }
    /* Present but empty: no file, rather than this TEI file. */
    art->as.article.source_file = "";
    for (xmlNode *c = bibl->children; c; c = c->next) {
        if (tei_named(c, "idno") && tei_attr_is(c, "type", TEI_FILE_IDNO_TYPE))
            art->as.article.source_file = tei_plain_text(r, c, false);
        else if (tei_named(c, "biblScope") && tei_attr_is(c, "unit", "line"))
            art->as.article.source_line = line_number(tei_plain_text(r, c, false));
        else if (tei_named(c, "ref") || tei_named(c, "ptr")) {
            /* the URL as written; the target may have escapes added */
            char *text = tei_plain_text(r, c, false);
            art->as.article.source_url = *text ? text : tei_get_attr(r, c, "target");
        } else if (tei_named(c, "bibl") && tei_attr_is(c, "type", TEI_WITNESS_TYPE)) {
            read_witness(r, art, c);
        }
    }
}
