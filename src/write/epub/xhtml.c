#include "write/epub/epub.h"

#include <string.h>

#include "write/links.h"

/* Appends an attribute value (escaped, code points not collected: attribute
 * text is not rendered with the book's fonts). */
static void attr(GString *out, const char *s)
{
    imprint_epub_text(NULL, out, s);
}

static void open_link(GString *out, const char *href)
{
    g_string_append(out, "<a href=\"");
    attr(out, href);
    g_string_append(out, "\">");
}

/* The tags of an inline kind that has them, or false. */
static bool tags(imprint_node_kind kind, const char **open, const char **close)
{
    switch (kind) {
    case IMPRINT_NODE_EMPH:
        *open = "<em>", *close = "</em>";
        return true;
    case IMPRINT_NODE_STRONG:
        *open = "<strong>", *close = "</strong>";
        return true;
    case IMPRINT_NODE_SUP:
        *open = "<sup>", *close = "</sup>";
        return true;
    case IMPRINT_NODE_SUB:
        *open = "<sub>", *close = "</sub>";
        return true;
    case IMPRINT_NODE_SMALLCAPS:
        *open = "<span class=\"smallcaps\">", *close = "</span>";
        return true;
    default:
        return false;
    }
}

static void leaf(imprint_epub *e, GString *out, const imprint_node *n, const char *link)
{
    switch (n->kind) {
    case IMPRINT_NODE_TEXT:
        imprint_epub_text_node(e, out, n);
        break;
    case IMPRINT_NODE_LINEBREAK:
        g_string_append(out, "<br/>");
        break;
    case IMPRINT_NODE_NOTEREF:
        imprint_epub_noteref(e, out, n, link);
        break;
    default:
        break;
    }
}

/* The inline children of `parent`, walked with the model iterator. Links
 * never nest: a link inside an open one, or one that is not a URL a reader
 * can open, keeps its text unlinked. A block where an inline belongs (the
 * tree check forbids it) keeps its text too. */
static void render_walk(imprint_epub *e, GString *out, const imprint_node *parent, bool with_root)
{
    const imprint_node *link_node = NULL; /* the link whose <a> is open */
    char *link = NULL;
    const char *open, *close;
    imprint_iter it;
    imprint_iter_init(&it, parent);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (n == parent && !with_root)
            continue;
        bool enter = it.event == IMPRINT_EVENT_ENTER;
        if (enter && imprint_node_kind_is_leaf(n->kind)) {
            leaf(e, out, n, link);
        } else if (tags(n->kind, &open, &close)) {
            g_string_append(out, enter ? open : close);
        } else if (n->kind == IMPRINT_NODE_LINK && enter && !link) {
            link = write_link_target(n->as.link.url);
            if (link) {
                link_node = n;
                open_link(out, link);
            }
        } else if (n == link_node && !enter) {
            g_string_append(out, "</a>");
            g_clear_pointer(&link, g_free);
            link_node = NULL;
        }
    }
    g_free(link);
}

static void render_inlines(imprint_epub *e, GString *out, const imprint_node *parent)
{
    render_walk(e, out, parent, false);
}

/* A block that holds inlines as a <p> of its own class. */
static void classed_paragraph(imprint_epub *e, GString *out, const imprint_node *n, const char *cls)
{
    g_string_append_printf(out, "<p class=\"%s\">", cls);
    render_inlines(e, out, n);
    g_string_append(out, "</p>\n");
}

static void render_block(imprint_epub *e, GString *out, const imprint_node *n);

static void blocks(imprint_epub *e, GString *out, const imprint_node *parent)
{
    for (const imprint_node *c = parent->first_child; c; c = c->next)
        render_block(e, out, c);
}

static int heading_rank(int level)
{
    int rank = level + 1; /* the article title is h1 */
    return rank < 2 ? 2 : rank > 6 ? 6 : rank;
}

static void figure(imprint_epub *e, GString *out, const imprint_node *n)
{
    GString *caption = g_string_new(NULL);
    imprint_node_append_plain(n, caption);
    /* The build read the image (imprint_build_figures); the writer only
     * embeds what it was given. */
    const imprint_image *image = &n->as.figure.image;
    g_string_append(out, "<figure>\n");
    if (image->data) {
        const char *type = image->media_type;
        GBytes *img = g_bytes_new_static(image->data, image->size);
        e->images++;
        char *id = g_strdup_printf("img%d", e->images);
        char *href = g_strdup_printf("images/figure%d.%s", e->images,
                                     strcmp(type, "image/png") == 0 ? "png" : "jpg");
        imprint_epub_add_bytes(e, id, href, type, NULL, false, img);
        g_string_append(out, "<img src=\"");
        attr(out, href);
        g_string_append(out, "\" alt=\"");
        GString *alt = g_string_new(NULL);
        imprint_node_append_alt(n, alt);
        attr(out, alt->str);
        g_string_free(alt, TRUE);
        g_string_append(out, "\"/>\n");
        g_free(id);
        g_free(href);
    } else {
        /* No image to show: a visible box says what stood here, rather than a
         * broken <img>. */
        const char *what = n->as.figure.placeholder ? n->as.figure.placeholder
                           : n->as.figure.src       ? n->as.figure.src
                                                    : "";
        g_string_append(out, "<div class=\"figure-placeholder\"><p>Image not included: ");
        imprint_epub_text(e, out, what);
        g_string_append(out, "</p></div>\n");
    }
    if (n->first_child) {
        g_string_append(out, "<figcaption>");
        render_inlines(e, out, n);
        g_string_append(out, "</figcaption>\n");
    }
    g_string_append(out, "</figure>\n");
    g_string_free(caption, TRUE);
}

static void list(imprint_epub *e, GString *out, const imprint_node *n)
{
    bool ordered =
        n->as.list.style != IMPRINT_LIST_BULLET && n->as.list.style != IMPRINT_LIST_PLAIN;
    const char *tag = ordered ? "ol" : "ul";
    g_string_append_printf(out, "<%s", tag);
    if (n->as.list.bibliography)
        g_string_append(out, " class=\"bibliography\"");
    else if (n->as.list.contents)
        g_string_append(out, " class=\"contents\"");
    else if (n->as.list.style == IMPRINT_LIST_PLAIN)
        g_string_append(out, " class=\"plain\"");
    if (n->as.list.style == IMPRINT_LIST_ALPHA)
        g_string_append(out, " type=\"a\"");
    if (ordered && n->as.list.start != 1 && n->as.list.start != 0)
        g_string_append_printf(out, " start=\"%d\"", n->as.list.start);
    g_string_append(out, ">\n");
    for (const imprint_node *item = n->first_child; item; item = item->next) {
        g_string_append(out, "<li>");
        /* A lone paragraph in an item is written bare: tighter lists. */
        if (item->first_child && item->first_child == item->last_child &&
            item->first_child->kind == IMPRINT_NODE_PARAGRAPH) {
            imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, item->first_child);
            render_inlines(e, out, item->first_child);
        } else
            blocks(e, out, item);
        g_string_append(out, "</li>\n");
    }
    g_string_append_printf(out, "</%s>\n", tag);
}

static void quote(imprint_epub *e, GString *out, const imprint_node *n)
{
    g_string_append(out, "<blockquote>\n");
    for (const imprint_node *c = n->first_child; c; c = c->next) {
        if (c->kind == IMPRINT_NODE_CITATION) {
            imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, c);
            g_string_append(out, "<footer><cite>");
            render_inlines(e, out, c);
            g_string_append(out, "</cite></footer>\n");
        } else {
            render_block(e, out, c);
        }
    }
    g_string_append(out, "</blockquote>\n");
}

static void speech(imprint_epub *e, GString *out, const imprint_node *n)
{
    g_string_append(out, "<div class=\"speech\">\n");
    const imprint_node *c = n->first_child;
    const char *speaker = n->as.speech.speaker;
    if (speaker) {
        /* The speaker leads the first paragraph, as in a transcript. */
        if (c && c->kind == IMPRINT_NODE_PARAGRAPH)
            imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, c);
        g_string_append(out, "<p><span class=\"speaker\">");
        imprint_epub_text(e, out, speaker);
        g_string_append(out, ":</span>");
        if (c && c->kind == IMPRINT_NODE_PARAGRAPH) {
            g_string_append_c(out, ' ');
            render_inlines(e, out, c);
            c = c->next;
        }
        g_string_append(out, "</p>\n");
    }
    for (; c; c = c->next)
        render_block(e, out, c);
    g_string_append(out, "</div>\n");
}

static void table_row(imprint_epub *e, GString *out, const imprint_node *row)
{
    const char *open = row->as.row.header ? "<th scope=\"col\">" : "<td>";
    const char *close = row->as.row.header ? "</th>" : "</td>";
    g_string_append(out, "<tr>");
    for (const imprint_node *cell = row->first_child; cell; cell = cell->next) {
        g_string_append(out, open);
        imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, cell);
        render_inlines(e, out, cell);
        g_string_append(out, close);
    }
    g_string_append(out, "</tr>\n");
}

/* The header rows that open a table go in <thead>; a header row further
 * down (TEI allows one anywhere) keeps its <th> cells in the body. */
static void table(imprint_epub *e, GString *out, const imprint_node *n)
{
    const imprint_node *row = n->first_child;
    g_string_append(out, "<table>\n");
    if (row && row->as.row.header) {
        g_string_append(out, "<thead>\n");
        for (; row && row->as.row.header; row = row->next)
            table_row(e, out, row);
        g_string_append(out, "</thead>\n");
        if (!row) {
            g_string_append(out, "</table>\n");
            return;
        }
    }
    g_string_append(out, "<tbody>\n");
    for (; row; row = row->next)
        table_row(e, out, row);
    g_string_append(out, "</tbody>\n</table>\n");
}

static void verse(imprint_epub *e, GString *out, const imprint_node *n)
{
    g_string_append(out, "<div class=\"verse\">\n");
    for (const imprint_node *line = n->first_child; line; line = line->next) {
        /* The poet's indent, two spaces an em, on top of the hang that
         * turned-over lines get from the style sheet. */
        if (line->as.line.indent > 0)
            g_string_append_printf(out, "<p class=\"line\" style=\"margin-left: %gem\">",
                                   line->as.line.indent / 2.0);
        else
            g_string_append(out, "<p class=\"line\">");
        /* (a page of the PDF may begin at any line of a stanza) */
        imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, line);
        if (line->as.line.number > 0)
            g_string_append_printf(out, "<span class=\"lineno\">%d</span>", line->as.line.number);
        render_inlines(e, out, line);
        g_string_append(out, "</p>\n");
    }
    g_string_append(out, "</div>\n");
}

static void render_block(imprint_epub *e, GString *out, const imprint_node *n)
{
    /* A page that begins at a block begins before it. */
    imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, n);
    switch (n->kind) {
    case IMPRINT_NODE_HEADING: {
        int rank = heading_rank(n->as.heading.level);
        int id = ++e->headings;
        g_string_append_printf(out, "<h%d id=\"h%d\">", rank, id);
        render_inlines(e, out, n);
        g_string_append_printf(out, "</h%d>\n", rank);
        /* Contents list the article's own headings, not those quoted or in notes. */
        if (e->current_href && n->parent && n->parent->kind == IMPRINT_NODE_ARTICLE) {
            GString *label = g_string_new(NULL);
            imprint_node_append_plain(n, label);
            char *target = g_strdup_printf("%s#h%d", e->current_href, id);
            int depth = 1 + n->as.heading.level;
            if (label->len)
                imprint_epub_nav_add(
                    e, depth > IMPRINT_EPUB_MAX_NAV_DEPTH ? IMPRINT_EPUB_MAX_NAV_DEPTH : depth,
                    label->str, target);
            g_free(target);
            g_string_free(label, TRUE);
        }
        break;
    }
    case IMPRINT_NODE_PARAGRAPH:
        g_string_append(out, "<p>");
        render_inlines(e, out, n);
        g_string_append(out, "</p>\n");
        break;
    case IMPRINT_NODE_QUOTE:
        quote(e, out, n);
        break;
    case IMPRINT_NODE_CITATION:
        g_string_append(out, "<p class=\"citation\"><cite>");
        render_inlines(e, out, n);
        g_string_append(out, "</cite></p>\n");
        break;
    case IMPRINT_NODE_LIST:
        list(e, out, n);
        break;
    case IMPRINT_NODE_VERSE:
        verse(e, out, n);
        break;
    case IMPRINT_NODE_SPEECH:
        speech(e, out, n);
        break;
    case IMPRINT_NODE_TABLE:
        table(e, out, n);
        break;
    case IMPRINT_NODE_FIGURE:
        figure(e, out, n);
        break;
    case IMPRINT_NODE_BREAK:
        g_string_append(out, "<hr class=\"section-break\"/>\n");
        break;
    case IMPRINT_NODE_BIBL:
        classed_paragraph(e, out, n, "bibl");
        break;
    case IMPRINT_NODE_OPENER:
        classed_paragraph(e, out, n, "opener");
        break;
    case IMPRINT_NODE_CLOSER:
        classed_paragraph(e, out, n, "closer");
        break;
    case IMPRINT_NODE_CODE:
        /* <pre> keeps the spaces and the lines; newlines, not <br/>, end them */
        e->has_code = true;
        g_string_append(out, "<pre class=\"code\"><code>");
        for (const imprint_node *c = n->first_child; c; c = c->next)
            if (c->kind == IMPRINT_NODE_TEXT)
                imprint_epub_text_node(e, out, c);
            else if (c->kind == IMPRINT_NODE_LINEBREAK)
                g_string_append_c(out, '\n');
        g_string_append(out, "</code></pre>\n");
        break;
    case IMPRINT_NODE_SIDENOTE:
        /* no epub:type: a reader would hide a "note" aside as a footnote */
        g_string_append(out, "<aside class=\"sidenote\"><p>");
        render_inlines(e, out, n);
        g_string_append(out, "</p></aside>\n");
        break;
    default:
        /* An inline where a block belongs: keep its text in a paragraph. */
        g_string_append(out, "<p>");
        render_walk(e, out, n, true);
        g_string_append(out, "</p>\n");
        break;
    }
}

/* The notes of the part being written, those first referred to in it, at
 * its end (notes.c makes their asides). */
static void notes(imprint_epub *e, GString *out, const imprint_node *article)
{
    bool any = false, last = e->part + 1 == e->parts->count;
    for (const imprint_node *note = article->as.article.first_note; note && !any;
         note = note->as.note.next_note)
        any = imprint_epub_part_of(e->parts, note) == e->part;
    /* (a page that begins at the notes of the PDF begins in the last file;
     * so do the pages that begin inside them when the notes are spread
     * over the files, whose markers would otherwise go back in the page
     * list) */
    bool split = e->parts->count > 1;
    if (last && article->as.article.first_note)
        imprint_epub_page_markers(e, out, IMPRINT_PAGE_NOTES, article);
    if (last && split)
        imprint_epub_note_page_markers(e, out, article);
    if (!any)
        return;
    e->markers_held = split;
    imprint_epub_notes_open(out);
    for (const imprint_node *note = article->as.article.first_note; note;
         note = note->as.note.next_note) {
        if (imprint_epub_part_of(e->parts, note) != e->part)
            continue;
        const imprint_node *c = note->first_child;
        /* The first paragraph shares its <p> with the back-links: a page
         * that begins with it (or with an empty note) begins before the note. */
        imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, note);
        if (c && c->kind == IMPRINT_NODE_PARAGRAPH)
            imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, c);
        imprint_epub_note_open(e, out, note);
        /* The first paragraph carries the back-links; later blocks follow as
         * they are (multi-paragraph notes). */
        if (c && c->kind == IMPRINT_NODE_PARAGRAPH) {
            render_inlines(e, out, c);
            c = c->next;
        }
        imprint_epub_note_first_close(out);
        for (; c; c = c->next)
            render_block(e, out, c);
        imprint_epub_note_close(out, note);
    }
    imprint_epub_notes_close(out);
    e->markers_held = false;
}

/* The article's section and its opening: title, subtitle, authors, date.
 * The article's first page of the PDF begins before the opening. */
static void opening(imprint_epub *e, GString *out, const imprint_node *article, const char *label)
{
    const char *title = article->as.article.title;
    g_string_append(out, "<section epub:type=\"chapter\" role=\"doc-chapter\" id=\"article\"");
    if (title && *title) {
        g_string_append(out, " aria-labelledby=\"title\">\n");
    } else {
        g_string_append(out, " aria-label=\"");
        attr(out, label);
        g_string_append(out, "\">\n");
    }
    imprint_epub_page_markers(e, out, IMPRINT_PAGE_BLOCK, article);
    g_string_append(out, "<header>\n");
    if (title && *title) {
        g_string_append(out, "<h1 id=\"title\">");
        imprint_epub_text(e, out, title);
        g_string_append(out, "</h1>\n");
    }
    if (article->as.article.subtitle) {
        g_string_append(out, "<p class=\"subtitle\">");
        imprint_epub_text(e, out, article->as.article.subtitle);
        g_string_append(out, "</p>\n");
    }
    if (article->as.article.authors && article->as.article.authors[0]) {
        g_string_append(out, "<p class=\"byline\">");
        for (const char **a = article->as.article.authors; *a; a++) {
            if (a != article->as.article.authors)
                imprint_epub_text(e, out, a[1] ? ", " : " and ");
            imprint_epub_text(e, out, *a);
        }
        g_string_append(out, "</p>\n");
    }
    if (article->as.article.date) {
        g_string_append(out, "<p class=\"dateline\">");
        imprint_epub_text(e, out, article->as.article.date);
        g_string_append(out, "</p>\n");
    }
    g_string_append(out, "</header>\n");
}

/* Part `k` of the article: the opening in the first, the part's blocks
 * and its notes. */
static void write_part(imprint_epub *e, const imprint_node *article, size_t k, const char *label)
{
    const char *lang = article->as.article.lang ? article->as.article.lang : e->opts->meta.language;
    const char *href = e->parts->href[k];
    GString *out = g_string_sized_new(16384);
    imprint_epub_xhtml_open(e, out, label, lang, NULL);
    e->file = href;
    e->current_href = href;
    e->part = k;
    if (k == 0) {
        opening(e, out, article, label);
        imprint_epub_nav_add(e, 1, label, href);
    } else {
        g_string_append(out, "<section epub:type=\"chapter\" role=\"doc-chapter\" aria-label=\"");
        attr(out, label);
        g_string_append(out, "\">\n");
    }
    for (const imprint_node *c = e->parts->first[k]; c && c != e->parts->first[k + 1]; c = c->next)
        render_block(e, out, c);
    notes(e, out, article);
    g_string_append(out, "</section>\n");
    imprint_epub_xhtml_close(out);
    e->current_href = NULL;
    e->file = NULL;
    char *id = g_strndup(href, strlen(href) - strlen(".xhtml")); /* "a001", "a001-2" */
    imprint_epub_add(e, id, href, "application/xhtml+xml", NULL, true, out);
    g_free(id);
}

void imprint_epub_article(imprint_epub *e, const imprint_node *article, size_t index)
{
    imprint_epub_parts parts;
    imprint_epub_parts_plan(&parts, article, index);
    char *label = imprint_article_label(article);
    e->parts = &parts;
    e->headings = 0;
    for (size_t k = 0; k < parts.count; k++)
        write_part(e, article, k, label);
    e->parts = NULL;
    e->part = 0;
    g_free(label);
    imprint_epub_parts_clear(&parts);
}
