/* White-box tests of the PDF writer's layout and page breaking: they look
 * at the pages the writer cuts before anything is drawn. */
#include "pdf_fixture.h"

#include "write/pdf/pdf_internal.h"

/* U+2060 WORD JOINER, which the layout sets before a note reference. */
#define WJ "\xE2\x81\xA0"

typedef struct {
    pdf_ctx ctx;
    imprint_doc *doc;
    imprint_edition *edition;
    imprint_output_opts opts;
    imprint_style *style;
    imprint_diags *diags;
} rig;

static void rig_init(rig *r, imprint_doc *doc)
{
    memset(r, 0, sizeof *r);
    r->doc = doc;
    r->edition = fx_edition("layout");
    r->style = fx_style();
    r->diags = imprint_diags_new();
    r->opts = fx_opts(doc, r->edition, r->style);
    r->ctx.doc = doc;
    r->ctx.opts = &r->opts;
    r->ctx.style = r->style;
    r->ctx.diags = r->diags;
    r->ctx.notes_mode = IMPRINT_NOTES_PAGE;
    g_assert_true(pdf_geometry_make(&r->opts, &r->ctx.geo, r->diags));
    g_assert_true(pdf_ctx_init(&r->ctx, SOURCE_DIR, r->diags));
}

static void rig_clear(rig *r)
{
    pdf_ctx_clear(&r->ctx);
    imprint_diags_free(r->diags);
    imprint_style_free(r->style);
    imprint_edition_free(r->edition);
    imprint_doc_free(r->doc);
}

/* Pages of the first article. */
static GPtrArray *paginate_first(rig *r, int *splits)
{
    GPtrArray *flow = pdf_flow_article(&r->ctx, r->doc->root->first_child, 0, NULL);
    GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
    pdf_paginate(&r->ctx, flow, 0, "head", pages, splits);
    g_ptr_array_unref(flow);
    return pages;
}

static const char *item_text(const pdf_item *it)
{
    return it->kind == PDF_ITEM_LINE ? pango_layout_get_text(it->para->layout) : "";
}

/* The i-th of a run of paragraphs of one to seven lines, their lengths
 * varied so that page breaks fall at every place in them. */
static void add_varied_para(imprint_doc *doc, imprint_node *a, int i)
{
    GString *s = g_string_new(NULL);
    for (int k = 0; k < (i * 5) % 13 + 1; k++)
        g_string_append(s, "word after word in a line of text, ");
    fx_para(doc, a, s->str);
    g_string_free(s, TRUE);
}

/* Paragraphs of 1 to 7 lines and headings: at every page break, a paragraph
 * split over two pages has at least two lines on each, and no page ends
 * with a heading or with a heading and one line. */
static void test_widows_orphans_headings(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Breaks");
    for (int i = 0; i < 60; i++) {
        if (i % 7 == 3)
            fx_wrap(doc, a, IMPRINT_NODE_HEADING, "HEADING of a section")->as.heading.level = 1;
        add_varied_para(doc, a, i);
    }
    rig r;
    rig_init(&r, doc);
    int splits = 0;
    GPtrArray *pages = paginate_first(&r, &splits);
    g_assert_cmpuint(pages->len, >=, 5);
    int split_paras = 0;
    for (guint p = 0; p + 1 < pages->len; p++) {
        GPtrArray *body = ((pdf_page *)g_ptr_array_index(pages, p))->body;
        GPtrArray *next = ((pdf_page *)g_ptr_array_index(pages, p + 1))->body;
        pdf_item *last = g_ptr_array_index(body, body->len - 1);
        pdf_item *first = g_ptr_array_index(next, 0);
        g_assert_false(g_str_has_prefix(item_text(last), "HEADING"));
        if (body->len >= 2)
            g_assert_false(
                g_str_has_prefix(item_text(g_ptr_array_index(body, body->len - 2)), "HEADING"));
        if (last->para != first->para)
            continue;
        split_paras++;
        int before = 0, after = 0;
        for (guint i = 0; i < body->len; i++)
            before += ((pdf_item *)g_ptr_array_index(body, i))->para == last->para;
        for (guint i = 0; i < next->len; i++)
            after += ((pdf_item *)g_ptr_array_index(next, i))->para == last->para;
        g_assert_cmpint(before, >=, PDF_MIN_LINES);
        g_assert_cmpint(after, >=, PDF_MIN_LINES);
    }
    /* The case must actually occur for the test to mean anything. */
    g_assert_cmpint(split_paras, >=, 1);
    /* Pages are filled: every page but the last ends within a few lines of the bottom. */
    for (guint p = 0; p + 1 < pages->len; p++) {
        GPtrArray *body = ((pdf_page *)g_ptr_array_index(pages, p))->body;
        double h = 0;
        for (guint i = 0; i < body->len; i++) {
            pdf_item *it = g_ptr_array_index(body, i);
            h += (i == 0 && !it->keep_space ? 0 : it->space_before) + it->height;
        }
        g_assert_cmpfloat(h, <=, r.ctx.geo.text_h + 0.01);
        g_assert_cmpfloat(h, >=, r.ctx.geo.text_h - 5 * 14.2 - 20);
    }
    g_ptr_array_unref(pages);
    rig_clear(&r);
}

static bool is_sidenote(const pdf_item *it)
{
    return it->kind == PDF_ITEM_LINE && it->para->node &&
           it->para->node->kind == IMPRINT_NODE_SIDENOTE;
}

/* Sidenotes of one and two lines over paragraphs of one to seven: none is
 * left at a page's foot without its paragraph, and it is set smaller. */
static void test_sidenote_keeps(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Sidenotes");
    for (int i = 0; i < 60; i++) {
        fx_wrap(doc, a, IMPRINT_NODE_SIDENOTE,
                i % 3 ? "A short summary"
                      : "A longer summary of what the paragraph under it says, in two lines");
        add_varied_para(doc, a, i);
    }
    rig r;
    rig_init(&r, doc);
    int splits = 0;
    GPtrArray *pages = paginate_first(&r, &splits);
    g_assert_cmpuint(pages->len, >=, 5);
    int sidenotes = 0;
    for (guint p = 0; p < pages->len; p++) {
        GPtrArray *body = ((pdf_page *)g_ptr_array_index(pages, p))->body;
        g_assert_false(is_sidenote(g_ptr_array_index(body, body->len - 1)));
        for (guint i = 0; i < body->len; i++) {
            pdf_item *it = g_ptr_array_index(body, i);
            if (!is_sidenote(it))
                continue;
            sidenotes++;
            pdf_item *next = g_ptr_array_index(body, i + 1);
            g_assert_cmpfloat(it->height, <, next->height);
        }
    }
    g_assert_cmpint(sidenotes, >=, 60);
    g_ptr_array_unref(pages);
    rig_clear(&r);
}

/* A long note referenced low on a page starts on that page and continues
 * at the foot of the next. */
static void test_split_note(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Split");
    char *w = fx_words(9);
    fx_para(doc, a, w);
    imprint_node *p = fx_para(doc, a, "The reference sits here");
    char *longnote = fx_words(8);
    imprint_node *note = fx_note(doc, a, p, longnote);
    fx_para(doc, a, w);
    fx_para(doc, a, w);
    g_free(w);
    g_free(longnote);
    rig r;
    rig_init(&r, doc);
    int splits = 0;
    GPtrArray *pages = paginate_first(&r, &splits);
    g_assert_cmpint(splits, >=, 1);
    GPtrArray *lines = g_hash_table_lookup(r.ctx.note_flows, note);
    g_assert_nonnull(lines);
    /* Find the page with the reference's line and check where the note's lines went. */
    int ref_page = -1, first_line_page = -1, last_line_page = -1;
    for (guint i = 0; i < pages->len; i++) {
        pdf_page *pg = g_ptr_array_index(pages, i);
        for (guint k = 0; k < pg->body->len; k++) {
            pdf_item *it = g_ptr_array_index(pg->body, k);
            if (it->notes && it->notes->len && g_ptr_array_index(it->notes, 0) == note)
                ref_page = (int)i;
        }
        for (guint k = 0; k < pg->foot->len; k++) {
            if (g_ptr_array_index(pg->foot, k) == g_ptr_array_index(lines, 0))
                first_line_page = (int)i;
            if (g_ptr_array_index(pg->foot, k) == g_ptr_array_index(lines, lines->len - 1))
                last_line_page = (int)i;
        }
    }
    g_assert_cmpint(ref_page, >=, 0);
    g_assert_cmpint(first_line_page, ==, ref_page);
    g_assert_cmpint(last_line_page, >, ref_page);
    /* Every line of the note is placed exactly once. */
    guint placed = 0;
    for (guint i = 0; i < pages->len; i++) {
        pdf_page *pg = g_ptr_array_index(pages, i);
        placed += pg->foot->len;
        /* Body and foot share the page without overlapping. */
        double h = 0;
        for (guint k = 0; k < pg->body->len; k++) {
            pdf_item *it = g_ptr_array_index(pg->body, k);
            h += (k == 0 && !it->keep_space ? 0 : it->space_before) + it->height;
        }
        for (guint k = 0; k < pg->foot->len; k++)
            h += ((pdf_item *)g_ptr_array_index(pg->foot, k))->height;
        if (pg->foot->len)
            h += pdf_note_separator(&r.ctx);
        g_assert_cmpfloat(h, <=, r.ctx.geo.text_h + 0.01);
    }
    g_assert_cmpuint(placed, ==, lines->len);
    g_ptr_array_unref(pages);
    rig_clear(&r);
}

/* pdf_foot_fill: PDF_NOTE_MIN_LINES decide whether a note may start. */
static void test_foot_fill_minimum(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Foot");
    imprint_node *p = fx_para(doc, a, "Reference");
    char *longnote = fx_words(3);
    imprint_node *note = fx_note(doc, a, p, longnote);
    g_free(longnote);
    rig r;
    rig_init(&r, doc);
    int splits = 0;
    GPtrArray *pages = paginate_first(&r, &splits);
    GPtrArray *lines = g_hash_table_lookup(r.ctx.note_flows, note);
    g_assert_cmpuint(lines->len, >, PDF_NOTE_MIN_LINES + 2);
    double lh = ((pdf_item *)g_ptr_array_index(lines, 0))->height;
    double sep = pdf_note_separator(&r.ctx);
    GPtrArray *notes = g_ptr_array_new();
    g_ptr_array_add(notes, note);
    pdf_foot f = {0};
    /* Room for one line only: the note may not start. */
    g_assert_false(pdf_foot_fill(&r.ctx, NULL, notes, sep + 1.5 * lh, 1000, &f));
    pdf_foot_clear(&f);
    /* Room for two: it starts, and the rest is carried. */
    g_assert_true(pdf_foot_fill(&r.ctx, NULL, notes, sep + 2.5 * lh, 1000, &f));
    g_assert_cmpuint(f.foot->len, ==, 2);
    g_assert_cmpuint(f.carry->len, ==, lines->len - 2);
    g_assert_true(f.split);
    pdf_foot_clear(&f);
    /* Room for all but one line: the continuation still gets two lines. */
    g_assert_true(pdf_foot_fill(&r.ctx, NULL, notes, sep + (lines->len - 0.5) * lh, 1000, &f));
    g_assert_cmpuint(f.carry->len, ==, PDF_NOTE_MIN_LINES);
    pdf_foot_clear(&f);
    /* Carried lines are capped by carry_max. */
    GPtrArray *carried = g_ptr_array_new();
    g_ptr_array_extend(carried, lines, NULL, NULL);
    g_assert_true(pdf_foot_fill(&r.ctx, carried, NULL, 1000, 2.5 * lh, &f));
    g_assert_cmpuint(f.foot->len, ==, 2);
    pdf_foot_clear(&f);
    g_ptr_array_unref(carried);
    g_ptr_array_unref(notes);
    g_ptr_array_unref(pages);
    rig_clear(&r);
}

/* Justified lines end exactly at the measure, hyphenated ones included;
 * the last line and a line ended by a forced break are not stretched. */
static void test_justification(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Justify");
    char *w = fx_words(4);
    imprint_node *p = fx_para(doc, a, w);
    g_free(w);
    fx_node(doc, p, IMPRINT_NODE_LINEBREAK);
    fx_text(doc, p, "After a forced break.");
    /* An indented paragraph: the line after its forced break is not indented
     * again (the words carry soft hyphens from the en patterns). */
    imprint_node *p2 = fx_para(doc, a, "Indented first line.");
    fx_node(doc, p2, IMPRINT_NODE_LINEBREAK);
    fx_text(doc, p2, "AFTERBREAK starts at the margin.");
    rig r;
    rig_init(&r, doc);
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    pdf_para *sp =
        pdf_para_plain(&r.ctx, "a a", r.style->body_size, false, false, -1, PANGO_ALIGN_LEFT);
    pdf_para *nosp =
        pdf_para_plain(&r.ctx, "aa", r.style->body_size, false, false, -1, PANGO_ALIGN_LEFT);
    int space;
    PangoRectangle r1, r2;
    pango_layout_get_extents(sp->layout, NULL, &r1);
    pango_layout_get_extents(nosp->layout, NULL, &r2);
    space = r1.width - r2.width;
    g_assert_cmpint(space, >, 0);
    int hyphenated = 0, checked = 0;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        if (it->kind != PDF_ITEM_LINE || it->para->size != r.style->body_size)
            continue;
        PangoLayoutLine *line = pango_layout_get_line_readonly(it->para->layout, it->line);
        const char *text = pango_layout_get_text(it->para->layout);
        const char *end = text + line->start_index + line->length;
        /* Visible width: up to the last glyph that is not a space. */
        int total = 0, content = 0;
        for (GSList *rr = line->runs; rr; rr = rr->next) {
            PangoGlyphItem *run = rr->data;
            for (int g = 0; g < run->glyphs->num_glyphs; g++) {
                total += run->glyphs->glyphs[g].geometry.width;
                if (text[run->item->offset + run->glyphs->log_clusters[g]] != ' ')
                    content = total;
            }
        }
        double right = it->x + content / (double)PANGO_SCALE;
        const char *prev = g_utf8_find_prev_char(text, end);
        bool last = it->line == pango_layout_get_line_count(it->para->layout) - 1;
        bool forced = g_utf8_get_char(end) == 0x2028 || (prev && g_utf8_get_char(prev) == 0x2028);
        if (last || forced) {
            /* Not stretched: every space keeps its natural width. */
            for (GSList *rr = line->runs; rr; rr = rr->next) {
                PangoGlyphItem *run = rr->data;
                for (int g = 0; g < run->glyphs->num_glyphs; g++)
                    if (text[run->item->offset + run->glyphs->log_clusters[g]] == ' ')
                        g_assert_cmpint(run->glyphs->glyphs[g].geometry.width, <=, space + 1);
            }
            g_assert_cmpfloat(right, <=, r.ctx.geo.text_w + 0.05);
            continue;
        }
        g_assert_cmpfloat_with_epsilon(right, r.ctx.geo.text_w, 0.05);
        if (prev && g_utf8_get_char(prev) == 0xAD)
            hyphenated++;
        checked++;
    }
    gboolean indented = FALSE, after_break = FALSE;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        if (it->kind != PDF_ITEM_LINE)
            continue;
        PangoLayoutLine *line = pango_layout_get_line_readonly(it->para->layout, it->line);
        const char *text = pango_layout_get_text(it->para->layout) + line->start_index;
        if (g_str_has_prefix(text, "In\xC2\xAD"
                                   "dented")) {
            g_assert_cmpfloat(it->x, >, 5);
            indented = TRUE;
        }
        if (g_str_has_prefix(text, "AF\xC2\xADTER")) {
            g_assert_cmpfloat(it->x, ==, 0);
            after_break = TRUE;
        }
    }
    g_assert_true(indented && after_break);
    g_assert_cmpint(checked, >=, 5);
    g_assert_cmpint(hyphenated, >=, 1);
    g_assert_cmpint(r.ctx.overflows, ==, 0);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* A line wider than its measure is reported with its text. */
static void test_overflow_warning(void)
{
    imprint_doc *doc = imprint_doc_new();
    fx_article(doc, "Overflow");
    rig r;
    rig_init(&r, doc);
    pdf_para *p = pdf_para_plain(&r.ctx, "Unbreakable-text-that-is-wide", 10, false, false, -1,
                                 PANGO_ALIGN_LEFT);
    pdf_check_layout(&r.ctx, p->layout, 30, (imprint_pos){"x.txt", 3, 1});
    g_assert_cmpint(r.ctx.overflows, ==, 1);
    g_assert_cmpuint(
        imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "overflows the measure"), ==, 1);
    g_assert_cmpuint(
        imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "Unbreakable-text-that-is-wide"),
        ==, 1);
    /* Within the tolerance: nothing. */
    PangoRectangle lr;
    pango_layout_get_extents(p->layout, NULL, &lr);
    pdf_check_layout(&r.ctx, p->layout, lr.width / (double)PANGO_SCALE, (imprint_pos){0});
    g_assert_cmpint(r.ctx.overflows, ==, 1);
    rig_clear(&r);
}

/* Notes are numbered at the foot as their references are in the text. */
static void test_note_labels(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Labels");
    imprint_node *p = fx_para(doc, a, "One");
    imprint_node *n1 = fx_note(doc, a, p, "first");
    imprint_node *n2 = fx_note(doc, a, p, "second");
    n2->as.note.label = "7";
    rig r;
    rig_init(&r, doc);
    g_assert_cmpstr(pdf_note_label(&r.ctx, n1), ==, "1");
    g_assert_cmpstr(pdf_note_label(&r.ctx, n2), ==, "7");
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    GPtrArray *foot = g_hash_table_lookup(r.ctx.note_flows, n2);
    pdf_item *first = g_ptr_array_index(foot, 0);
    g_assert_cmpstr(pango_layout_get_text(first->label->layout), ==, "7");
    g_assert_cmpstr(first->label_target, ==, "dest='a0-r2'");
    g_assert_cmpstr(first->dest, ==, "a0-n2");
    /* The reference in the text shows the same label. */
    gboolean found = FALSE;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        if (it->kind == PDF_ITEM_LINE &&
            strstr(pango_layout_get_text(it->para->layout), "One" WJ "1" WJ "7"))
            found = TRUE;
    }
    g_assert_true(found);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* No line ends before a note reference, even after punctuation where a
 * line may end ("disloyal;" then "116" alone on the next line). */
static void test_noteref_glued(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Glued");
    imprint_node *p = fx_para(doc, a, "They were regarded as highly disloyal;");
    fx_note(doc, a, p, "a note");
    rig r;
    rig_init(&r, doc);
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    gboolean checked = FALSE;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        const char *text = it->kind == PDF_ITEM_LINE ? pango_layout_get_text(it->para->layout) : "";
        const char *ref = strchr(text, ';');
        if (!ref)
            continue;
        const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(it->para->layout, NULL);
        /* No break anywhere from the ";" to the number. */
        ref++;
        for (; *ref && *ref != '1'; ref = g_utf8_next_char(ref))
            g_assert_false(attrs[g_utf8_pointer_to_offset(text, ref)].is_line_break);
        g_assert_cmpint(*ref, ==, '1');
        g_assert_false(attrs[g_utf8_pointer_to_offset(text, ref)].is_line_break);
        checked = TRUE;
    }
    g_assert_true(checked);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* Two-sided pages mirror the margins: the inner margin is on the left of
 * odd (recto) pages and on the right of even (verso) pages. */
static void test_mirrored_margins(void)
{
    imprint_doc *doc = imprint_doc_new();
    fx_article(doc, "Margins");
    rig r;
    rig_init(&r, doc);
    const pdf_geometry *g = &r.ctx.geo;
    g_assert_true(g->two_sided);
    g_assert_cmpfloat(g->inner, !=, g->outer);
    g_assert_cmpfloat(pdf_page_left(g, 1), ==, g->inner);
    g_assert_cmpfloat(pdf_page_left(g, 2), ==, g->outer);
    g_assert_cmpfloat(pdf_page_left(g, 3), ==, g->inner);
    g_assert_cmpfloat_with_epsilon(g->text_w, g->page_w - g->inner - g->outer, 1e-9);
    g_assert_cmpfloat_with_epsilon(g->inner, r.style->margin_inner_mm * 72 / 25.4, 1e-9);
    pdf_geometry one = *g;
    one.two_sided = false;
    g_assert_cmpfloat(pdf_page_left(&one, 2), ==, g->inner);
    rig_clear(&r);
}

/* `notes: article`: no notes at the foot; after the article's text a
 * "Notes" heading and each note with its number, linked both ways. */
static void test_endnotes(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Endnotes");
    imprint_node *p = fx_para(doc, a, "Text with a reference");
    fx_note(doc, a, p, "ENDNOTE one.");
    fx_note(doc, a, p, "ENDNOTE two.");
    rig r;
    rig_init(&r, doc);
    r.ctx.notes_mode = IMPRINT_NOTES_ARTICLE;
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    g_assert_cmpuint(g_hash_table_size(r.ctx.note_flows), ==, 0);
    int heading = -1, first = -1, second = -1;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        g_assert_null(it->notes);
        const char *t = item_text(it);
        if (strcmp(t, "Notes") == 0)
            heading = (int)i;
        if (strstr(t, "END") && strstr(t, "one")) {
            first = (int)i;
            g_assert_cmpstr(it->dest, ==, "a0-n1");
            g_assert_cmpstr(pango_layout_get_text(it->label->layout), ==, "1");
            g_assert_cmpstr(it->label_target, ==, "dest='a0-r1'");
        }
        if (strstr(t, "END") && strstr(t, "two"))
            second = (int)i;
    }
    g_assert_cmpint(heading, >, 0);
    g_assert_cmpint(first, >, heading);
    g_assert_cmpint(second, >, first);
    /* The heading stays with the first note. */
    g_assert_true(((pdf_item *)g_ptr_array_index(flow, heading))->keep_with_next);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* Nesting deeper than the measure allows stops indenting at
 * PDF_MIN_MEASURE_EM: every line stays inside the text block. */
static void test_deep_nesting(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Deep");
    imprint_node *q = a;
    for (int i = 0; i < 30; i++)
        q = fx_node(doc, q, IMPRINT_NODE_QUOTE);
    char *w = fx_words(1);
    fx_para(doc, q, w);
    g_free(w);
    rig r;
    rig_init(&r, doc);
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    double narrowest = r.ctx.geo.text_w;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        double width = pango_layout_get_width(it->para->layout) / (double)PANGO_SCALE;
        g_assert_cmpfloat(it->x, >=, 0);
        if (it->para->size == r.style->quote_size) {
            g_assert_cmpfloat(width, >=, PDF_MIN_MEASURE_EM * r.style->quote_size);
            g_assert_cmpfloat(it->x + width, <=, r.ctx.geo.text_w + 0.01);
            narrowest = MIN(narrowest, width);
        }
    }
    /* It did indent, as far as the limit lets it. */
    g_assert_cmpfloat(narrowest, <,
                      (PDF_MIN_MEASURE_EM + 3 * r.style->quote_indent_em) * r.style->quote_size);
    g_assert_cmpint(r.ctx.overflows, ==, 0);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* A note referred to in a table cell goes with the cell's row. */
static void test_note_in_table(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Table note");
    imprint_node *table = fx_node(doc, a, IMPRINT_NODE_TABLE);
    imprint_node *row = fx_node(doc, table, IMPRINT_NODE_ROW);
    imprint_node *cell = fx_wrap(doc, row, IMPRINT_NODE_CELL, "1917");
    imprint_node *note = fx_note(doc, a, cell, "From the census.");
    fx_para(doc, a, "After the table.");
    rig r;
    rig_init(&r, doc);
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    gboolean found = FALSE;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        if (it->notes && it->notes->len) {
            g_assert_cmpint(it->kind, ==, PDF_ITEM_ROW);
            g_assert_true(g_ptr_array_index(it->notes, 0) == note);
            found = TRUE;
        }
    }
    g_assert_true(found);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* Body text is hyphenated for the edition's language; headings are not. */
static void test_hyphenation_scope(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Scope");
    fx_wrap(doc, a, IMPRINT_NODE_HEADING, "Revolutionary internationalism")->as.heading.level = 1;
    fx_para(doc, a, "Revolutionary internationalism");
    rig r;
    rig_init(&r, doc);
    GPtrArray *flow = pdf_flow_article(&r.ctx, a, 0, NULL);
    int heading = 0, body = 0;
    for (guint i = 0; i < flow->len; i++) {
        const char *t = item_text(g_ptr_array_index(flow, i));
        if (strcmp(t, "Revolutionary internationalism") == 0)
            heading++;
        if (g_str_has_prefix(t, "Rev\xC2\xAD"
                                "o"))
            body++;
    }
    g_assert_cmpint(heading, ==, 1);
    g_assert_cmpint(body, ==, 1);
    g_ptr_array_unref(flow);
    rig_clear(&r);
}

/* LeakSanitizer: fontconfig's default configuration (loaded by Pango in a
 * thread) loses memory once per process; see tests/sanitizers/lsan.supp. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdf-layout/widows-orphans-headings", test_widows_orphans_headings);
    g_test_add_func("/pdf-layout/sidenote-keeps", test_sidenote_keeps);
    g_test_add_func("/pdf-layout/split-note", test_split_note);
    g_test_add_func("/pdf-layout/foot-fill-minimum", test_foot_fill_minimum);
    g_test_add_func("/pdf-layout/justification", test_justification);
    g_test_add_func("/pdf-layout/overflow-warning", test_overflow_warning);
    g_test_add_func("/pdf-layout/note-labels", test_note_labels);
    g_test_add_func("/pdf-layout/noteref-glued", test_noteref_glued);
    g_test_add_func("/pdf-layout/mirrored-margins", test_mirrored_margins);
    g_test_add_func("/pdf-layout/endnotes", test_endnotes);
    g_test_add_func("/pdf-layout/deep-nesting", test_deep_nesting);
    g_test_add_func("/pdf-layout/note-in-table", test_note_in_table);
    g_test_add_func("/pdf-layout/hyphenation-scope", test_hyphenation_scope);
    return g_test_run();
}
