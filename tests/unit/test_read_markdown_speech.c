/* The markdown reader's transcripts (src/read/markdown/md_speech.c): turns
 * "**Name:** text" as SPEECH nodes, the paragraphs that go on them, the
 * lookalikes that stay paragraphs, and each limit from both sides. */
#include "read_markdown_test_util.h"

/* A line a block of the article's: "speech[Name] p p", "paragraph",
 * "heading" (the blocks a speech holds by kind, a paragraph opening with
 * bold as "paragraph*"). */
static char *outline(const imprint_node *article)
{
    GString *s = g_string_new(NULL);
    for (const imprint_node *b = article->first_child; b; b = b->next) {
        g_string_append(s, imprint_node_kind_name(b->kind));
        if (b->kind == IMPRINT_NODE_SPEECH) {
            g_string_append_printf(s, "[%s]", b->as.speech.speaker);
            for (const imprint_node *c = b->first_child; c; c = c->next)
                g_string_append_printf(s, " %s", imprint_node_kind_name(c->kind));
        }
        if (b->kind == IMPRINT_NODE_PARAGRAPH && b->first_child &&
            b->first_child->kind == IMPRINT_NODE_STRONG)
            g_string_append_c(s, '*');
        g_string_append_c(s, '\n');
    }
    return g_string_free(s, FALSE);
}

static size_t count_kind(const imprint_doc *doc, imprint_node_kind kind)
{
    size_t n = 0;
    imprint_iter it;
    imprint_iter_init(&it, doc->root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        n += it.event == IMPRINT_EVENT_ENTER && it.node->kind == kind;
    return n;
}

static void assert_outline(const char *md, const char *want)
{
    assert_article_as(md, outline, want);
}

/* Machine transcripts number the voices they cannot name: "**Speaker 1:**"
 * and a plain "Speaker 2:" are names; "**Page 12:**" (a page's number) and
 * "**2 Speakers:**" (the number first) are not. */
static void test_numbered_voices(void)
{
    assert_outline("**Speaker 1:** One?\n\n**Speaker 2:** Yes.\n\n**Speaker 1:** Two?\n\n"
                   "**Speaker 2:** No.\n",
                   "speech[Speaker 1] paragraph\nspeech[Speaker 2] paragraph\n"
                   "speech[Speaker 1] paragraph\nspeech[Speaker 2] paragraph\n");
    assert_outline("Speaker 1: The boat was late.\n\nSpeaker 2: By ten minutes.\n\n"
                   "Speaker 1: Again?\n\nSpeaker 2: Again.\n",
                   "speech[Speaker 1] paragraph\nspeech[Speaker 2] paragraph\n"
                   "speech[Speaker 1] paragraph\nspeech[Speaker 2] paragraph\n");
    assert_outline("**Page 12:** ferrry.\n\n**Page 40:** boad.\n\n**Page 12:** river.\n\n"
                   "**Page 40:** Octber.\n",
                   "paragraph*\nparagraph*\nparagraph*\nparagraph*\n");
    assert_outline("**2 Speakers:** a\n\n**3 Speakers:** b\n\n**2 Speakers:** c\n\n"
                   "**3 Speakers:** d\n",
                   "paragraph*\nparagraph*\nparagraph*\nparagraph*\n");
}

/* A time stamp after the name: "**Speaker 1 (00:02)**" over the words,
 * or "Speaker 1 (00:00): words"; the stamp is kept at the head of the
 * words; a monologue's stamped labels, one name, are no transcript, and
 * the note quotes the label as printed. A plan's "**Lunch (12:30)**"
 * lines, each once, are no turns. */
static void test_stamped_voices(void)
{
    assert_outline("**Speaker 1 (00:02)**\nSo the board met.\n\n**Speaker 2 (00:16)**\nAnd?\n\n"
                   "**Speaker 1 (00:20)**\nNothing.\n\n**Speaker 2 (00:31)**\nAs usual.\n",
                   "speech[Speaker 1] paragraph\nspeech[Speaker 2] paragraph\n"
                   "speech[Speaker 1] paragraph\nspeech[Speaker 2] paragraph\n");
    read_result r = read_string("Speaker 1 (00:00): So the board met.\n\nSpeaker 2 (00:15): And?"
                                "\n\nSpeaker 1 (00:20): Nothing.\n\nSpeaker 2 (00:31): Quite.\n");
    const imprint_node *sp = r.doc->root->first_child->first_child;
    g_assert_cmpint(sp->kind, ==, IMPRINT_NODE_SPEECH);
    g_assert_cmpstr(sp->as.speech.speaker, ==, "Speaker 1");
    char *text = md_plain(sp);
    g_assert_cmpstr(text, ==, "(00:00) So the board met.");
    g_free(text);
    result_free(&r);
    r = read_string("**Speaker 1 (00:02)**\nSo.\n\n**Speaker 1 (00:16)**\nThen.\n\n"
                    "**Speaker 1 (00:30)**\nAnd.\n\n**Speaker 1 (00:58)**\nDone.\n");
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 1,
                           "open with a bold name and a time stamp (\"**Speaker 1 (00:02)**\"), 1 "
                           "name; not taken as speech turns: they are all one name's"));
    result_free(&r);
    /* an editor's note in a bold label is no one's turn, its apostrophe
     * curled as the text's are */
    assert_outline("**Ann:** So we start.\n\n**Bo:** Yes, we do.\n\n**Editor's Note:** The "
                   "tape was cut here.\n\n**Ann:** Back again.\n\n**Bo:** Indeed we are.\n",
                   "speech[Ann] paragraph\nspeech[Bo] paragraph\nparagraph*\n"
                   "speech[Ann] paragraph\nspeech[Bo] paragraph\n");
    /* a recording's cut in a bold label is no one's turn */
    assert_outline("**Ann:** So we start.\n\n**Bo:** Yes, we do.\n\n**Break:** [01:33] to "
                   "[03:00]\n\n**Ann:** Back again.\n\n**Bo:** Indeed we are.\n",
                   "speech[Ann] paragraph\nspeech[Bo] paragraph\nparagraph*\n"
                   "speech[Ann] paragraph\nspeech[Bo] paragraph\n");
    assert_outline("**Breakfast (08:00)**\nIn the hall.\n\n**Lunch (12:30)**\nOn the boat.\n\n"
                   "**Tea (16:00)**\nOn deck.\n\n**Dinner (19:00)**\nAt the inn.\n",
                   "paragraph*\nparagraph*\nparagraph*\nparagraph*\n");
}

static void test_interview(void)
{
    read_result r = read_fixture("interview.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    const imprint_node *a = r.doc->root->first_child;
    char *got = outline(a);
    /* the intro stays a paragraph; Maud's second paragraph goes on her
     * turn; the heading ends Osei's; Dr. Vance's label stands alone over
     * her words; the editor's italic line ends the last turn, and the
     * paragraph after it stays the article's */
    g_assert_cmpstr(got, ==,
                    "paragraph\n"
                    "speech[Interviewer] paragraph\n"
                    "speech[Maud Ellery] paragraph paragraph\n"
                    "speech[Interviewer] paragraph\n"
                    "speech[TOBIAS OSEI] paragraph\n"
                    "heading\n"
                    "speech[Interviewer] paragraph\n"
                    "speech[TOBIAS OSEI] paragraph\n"
                    "speech[DR. R. VANCE] paragraph\n"
                    "speech[Maud Ellery] paragraph\n"
                    "paragraph\n"
                    "paragraph\n");
    g_free(got);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 8);
    /* the turn's text without the label, the bold or the colon */
    const imprint_node *maud = a->first_child->next->next;
    g_assert_cmpuint(maud->pos.line, ==, 12);
    char *text = md_plain(maud->first_child);
    g_assert_true(g_str_has_prefix(text, "Thirty-one years this spring."));
    g_free(text);
    text = md_plain(maud->last_child);
    g_assert_true(g_str_has_prefix(text, "Nobody thought I would stay."));
    g_free(text);
    const imprint_node *q = a->first_child->next;
    g_assert_cmpint(q->first_child->first_child->kind, ==, IMPRINT_NODE_TEXT);
    g_assert_cmpstr(q->first_child->first_child->as.text.text, ==,
                    "How long have you been taking the ferry across?");
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_STRONG), ==, 0);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 10,
                           "8 of the 13 paragraphs taken as speech turns of 4 speakers"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 10, "\"**Interviewer:**\""));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 10, "its speaker's (2)"));
    result_free(&r);
}

/* Lookalike: a how-to's **Note:**, **Warning:**, **WARNING:** and
 * **Tip:** paragraphs name no one, and its **Reminder:** (not in the list
 * of words that name no one) is one name twice: too few turns. */
static void test_howto_notes(void)
{
    read_result r = read_fixture("howto_notes.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 0);
    char *got = outline(r.doc->root->first_child);
    g_assert_cmpstr(got, ==,
                    "paragraph\nparagraph*\nparagraph\nparagraph*\nparagraph*\nparagraph\n"
                    "paragraph*\nparagraph\nparagraph*\nparagraph\nparagraph*\nparagraph*\n"
                    "paragraph*\n");
    g_free(got);
    g_assert_false(has_diag(&r, IMPRINT_SEV_NOTE, 0, "speech turns"));
    result_free(&r);
}

/* Lookalike: a glossary, each bold term heading one definition (one of
 * them twice): the terms do not recur, and the note says why. */
static void test_glossary(void)
{
    read_result r = read_fixture("glossary.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 0);
    const imprint_node *bow = r.doc->root->first_child->first_child->next;
    g_assert_cmpint(bow->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpint(bow->first_child->kind, ==, IMPRINT_NODE_STRONG);
    char *text = md_plain(bow);
    g_assert_cmpstr(text, ==, "Bow: the front end of a boat.");
    g_free(text);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 5,
                           "9 paragraphs open with a bold name and a colon (\"**Bow:**\"), 8 "
                           "names; not taken as speech turns: most names head one paragraph"));
    g_assert_false(has_diag(&r, IMPRINT_SEV_NOTE, 0, "taken as speech turns of"));
    result_free(&r);
}

/* Lookalike: a review's **Pros:** and **Cons:**, product after product,
 * recur as an interviewer and a guest would, but name no one. */
static void test_review(void)
{
    assert_outline("## The red kettle\n\n**Pros:** Quick to boil.\n\n**Cons:** Loud.\n\n"
                   "## The blue kettle\n\n**Pros:** Quiet.\n\n**Cons:** Slow.\n\n"
                   "**Verdict:** Buy the blue one.\n",
                   "heading\nparagraph*\nparagraph*\nheading\nparagraph*\nparagraph*\n"
                   "paragraph*\n");
}

/* MD_SPEECH_MIN_TURNS (4): Q, A, Q is an exchange; one more turn is a
 * transcript. */
static void test_min_turns(void)
{
    assert_outline("**Q:** One?\n\n**A:** Yes.\n\n**Q:** Two?\n",
                   "paragraph*\nparagraph*\nparagraph*\n");
    assert_outline("**Q:** One?\n\n**A:** Yes.\n\n**Q:** Two?\n\n**A:** No.\n",
                   "speech[Q] paragraph\nspeech[A] paragraph\nspeech[Q] paragraph\n"
                   "speech[A] paragraph\n");
}

/* MD_SPEECH_MIN_SPEAKERS (2): one name over and over is the document's
 * own label. */
static void test_min_speakers(void)
{
    const char *md = "**Moderator:** One.\n\n**Moderator:** Two.\n\n**Moderator:** Three.\n\n"
                     "**Moderator:** Four.\n";
    assert_outline(md, "paragraph*\nparagraph*\nparagraph*\nparagraph*\n");
    read_result r = read_string(md);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 1, "they are all one name's"));
    result_free(&r);
}

/* MD_SPEECH_RECURRING_SHARE (0.5): A B C A has half its turns by a name
 * that recurs; A B C D A has 2 in 5. */
static void test_recurring_share(void)
{
    assert_outline("**Ann:** a\n\n**Ben:** b\n\n**Cy:** c\n\n**Ann:** d\n",
                   "speech[Ann] paragraph\nspeech[Ben] paragraph\nspeech[Cy] paragraph\n"
                   "speech[Ann] paragraph\n");
    const char *md = "**Ann:** a\n\n**Ben:** b\n\n**Cy:** c\n\n**Dee:** d\n\n**Ann:** e\n";
    assert_outline(md, "paragraph*\nparagraph*\nparagraph*\nparagraph*\nparagraph*\n");
    read_result r = read_string(md);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 1, "most names head one paragraph only"));
    result_free(&r);
}

/* MD_SPEECH_TURN_SHARE (0.25): four turns among twelve paragraphs of
 * prose before them are a quarter of sixteen; among thirteen, less. */
static void test_turn_share(void)
{
    GString *md = g_string_new(NULL), *want = g_string_new(NULL);
    for (int i = 0; i < 12; i++) {
        g_string_append_printf(md, "Prose %d.\n\n", i);
        g_string_append(want, "paragraph\n");
    }
    GString *plain_md = g_string_new(md->str), *plain_want = g_string_new(want->str);
    g_string_append(md, "**Q:** One?\n\n**A:** Yes.\n\n**Q:** Two?\n\n**A:** No.\n");
    g_string_append(want, "speech[Q] paragraph\nspeech[A] paragraph\nspeech[Q] paragraph\n"
                          "speech[A] paragraph\n");
    assert_outline(md->str, want->str);
    g_string_append(plain_md, "Prose 12.\n\n**Q:** One?\n\n**A:** Yes.\n\n**Q:** Two?\n\n**A:** "
                              "No.\n");
    g_string_append(plain_want, "paragraph\nparagraph*\nparagraph*\nparagraph*\nparagraph*\n");
    assert_outline(plain_md->str, plain_want->str);
    read_result r = read_string(plain_md->str);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 27, "too few among the other paragraphs"));
    result_free(&r);
    g_string_free(md, TRUE);
    g_string_free(want, TRUE);
    g_string_free(plain_md, TRUE);
    g_string_free(plain_want, TRUE);
}

/* The label's shapes: colon inside or after the bold, French spacing, a
 * hard line break after it; and bold that is not a name. */
static void test_label_shapes(void)
{
    read_result r = read_string("**Q:** One?\n\n**Marie Curie**: Yes.\n\n**Q** : Two?\n\n"
                                "**MARIE CURIE:**\\\nNo.\n\n**Q:**\nThree?\n");
    assert_sound(r.doc);
    const imprint_node *a = r.doc->root->first_child;
    static const char *const speakers[] = {"Q", "Marie Curie", "Q", "MARIE CURIE", "Q"};
    static const char *const texts[] = {"One?", "Yes.", "Two?", "No.", "Three?"};
    size_t i = 0;
    for (const imprint_node *b = a->first_child; b; b = b->next, i++) {
        g_assert_cmpint(b->kind, ==, IMPRINT_NODE_SPEECH);
        g_assert_cmpstr(b->as.speech.speaker, ==, speakers[i]);
        char *text = md_plain(b);
        g_assert_cmpstr(text, ==, texts[i]);
        g_free(text);
    }
    g_assert_cmpuint(i, ==, 5);
    result_free(&r);

    /* not a speaker's: a sentence, a name in lower case, a question, a
     * number after the colon, a reference in the bold; each such paragraph
     * stays whole, and the first ends the turn above it (a paragraph that
     * opens in bold is not the speaker's going on) */
    assert_outline("**Q:** One?\n\n**A:** Yes.\n\n**Q:** Two?\n\n**A:** No.\n\n"
                   "**This is what I think:** more.\n\n**anne:** lower.\n\n**Why?**: asked.\n\n"
                   "**Score**:3 to 1.\n\n**Pat[^1]:** noted.\n\n[^1]: A note.\n",
                   "speech[Q] paragraph\nspeech[A] paragraph\nspeech[Q] paragraph\n"
                   "speech[A] paragraph\nparagraph*\nparagraph*\nparagraph*\nparagraph*\n"
                   "paragraph*\n");
}

/* What ends a turn: a heading, a thematic break, a list, a quote, another
 * bold label ("**Note:**"); the paragraphs after them stay the
 * article's. */
static void test_turn_ends(void)
{
    assert_outline("**Q:** One?\n\n**A:** Yes.\n\nMore.\n\n## Part\n\nAfter the heading.\n\n"
                   "**Q:** Two?\n\n**A:** No.\n\n***\n\nAfter the break.\n\n**Q:** Three?\n\n"
                   "- a list\n\nAfter the list.\n\n**A:** Well.\n\n> quoted\n\nAfter the "
                   "quote.\n\n**Q:** Four?\n\n**Note:** an aside.\n\nAfter the note.\n",
                   "speech[Q] paragraph\nspeech[A] paragraph paragraph\nheading\nparagraph\n"
                   "speech[Q] paragraph\nspeech[A] paragraph\nbreak\nparagraph\n"
                   "speech[Q] paragraph\nlist\nparagraph\nspeech[A] paragraph\nquote\n"
                   "paragraph\nspeech[Q] paragraph\nparagraph*\nparagraph\n");
}

/* A file of several chapters is one transcript: its turns are counted over
 * the file (two in each chapter here), and a turn does not run on into the
 * next chapter. */
static void test_chapters(void)
{
    read_result r = read_string("# Day one\n\n**Q:** One?\n\n**A:** Yes.\n\n# Day two\n\n"
                                "Said later:\n\n**Q:** Two?\n\n**A:** No.\n");
    g_assert_cmpint(r.articles, ==, 2);
    assert_sound(r.doc);
    char *one = outline(r.doc->root->first_child);
    char *two = outline(r.doc->root->first_child->next);
    g_assert_cmpstr(one, ==, "speech[Q] paragraph\nspeech[A] paragraph\n");
    g_assert_cmpstr(two, ==, "paragraph\nspeech[Q] paragraph\nspeech[A] paragraph\n");
    g_free(one);
    g_free(two);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 3, "4 of the 5 paragraphs taken as speech"));
    result_free(&r);
}

/* Notes referred to from a turn stay linked to their reference. */
static void test_notes_in_turns(void)
{
    read_result r = read_string("**Q:** One[^a]?\n\n**A:** Yes.\n\n**Q:** Two?\n\n"
                                "**A:** No[^b].\n\n[^a]: First.\n\n[^b]: Second.\n");
    assert_sound(r.doc);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 4);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_NOTEREF), ==, 2);
    g_assert_cmpint(r.doc->root->first_child->as.article.note_count, ==, 2);
    result_free(&r);
}

/* A transcript whose labels are plain, "HR: text", "ML: text": the turns of
 * two voices that answer each other; "Topic:" and "Date:" above the first
 * turn are heard once there, the file's metadata, no turns; "Break:" over
 * a time alone is where the recording was cut, no one's words; ML's second
 * paragraph goes on her turn. */
static void test_transcript_plain(void)
{
    read_result r = read_fixture("transcript_plain.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    char *got = outline(r.doc->root->first_child);
    g_assert_cmpstr(got, ==,
                    "paragraph\n"
                    "paragraph\n"
                    "paragraph\n"
                    "speech[HR] paragraph\n"
                    "speech[ML] paragraph paragraph\n"
                    "speech[HR] paragraph\n"
                    "speech[ML] paragraph\n"
                    "paragraph\n"
                    "speech[HR] paragraph\n"
                    "speech[ML] paragraph\n"
                    "speech[HR] paragraph\n"
                    "speech[ML] paragraph\n");
    g_free(got);
    const imprint_node *hr = r.doc->root->first_child->first_child->next->next->next;
    g_assert_cmpstr(hr->first_child->first_child->as.text.text, ==,
                    "How many lights were still kept by hand when you started?");
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 10,
                           "8 of the 13 paragraphs taken as speech turns of 2 speakers (each "
                           "opens with a name and a colon, the first \"HR:\")"));
    result_free(&r);
}

/* A podcast's transcript whose plain labels stand alone over the words,
 * "Ada Pringle:" / the answer in the next paragraph: turns, the label's
 * paragraph gone, a second paragraph the same speaker's. Its lookalike, a
 * tool's manual whose "Usage:" and "Options:" alternate command after
 * command, one word in small letters each (read_is_apart_name), has none. */
static void test_plain_alone_labels(void)
{
    read_result r = read_fixture("plain_alone_labels.md");
    assert_sound(r.doc);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 5);
    const imprint_node *first = r.doc->root->first_child->first_child;
    g_assert_cmpstr(first->as.speech.speaker, ==, "Ada Pringle");
    g_assert_cmpstr(first->first_child->first_child->as.text.text, ==,
                    "Thank you for having me on the show.");
    const imprint_node *third = first->next->next;
    g_assert_nonnull(third->first_child->next);
    g_assert_null(third->first_child->next->next);
    result_free(&r);
    r = read_fixture("plain_alone_labels_lookalike.md");
    assert_sound(r.doc);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 0);
    result_free(&r);
}

/* Lookalike: release notes under plain labels, "Added:", "Fixed:",
 * "Changed:", recur as speakers would, but each runs on in its group
 * (MD_SPEECH_PLAIN_ALTERNATION: 2 changes of label in 7); no turns. The
 * same labels in bold would be turns: bold is the transcriber's mark. */
static void test_plain_labels_lookalike(void)
{
    read_result r = read_fixture("plain_labels_lookalike.md");
    assert_sound(r.doc);
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 0);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 5,
                           "8 paragraphs open with a name and a colon (\"Added:\"), 3 names; "
                           "not taken as speech turns: the same name heads paragraph after "
                           "paragraph"));
    result_free(&r);
    /* alternating, the same labels are turns */
    r = read_string("Added: one.\n\nFixed: two.\n\nAdded: three.\n\nFixed: four.\n\n"
                    "Added: five.\n");
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 5);
    result_free(&r);
}

/* MD_SPEECH_PLAIN_ALTERNATION from both sides: of 5 turns (4 changes
 * possible), 3 changes of speaker (0.75) are a transcript's, 2 (0.5) not. */
static void test_plain_alternation(void)
{
    read_result r = read_string("Q: one?\n\nA: yes.\n\nQ: two?\n\nA: no.\n\nA: really.\n");
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 5);
    result_free(&r);
    r = read_string("Q: one?\n\nA: yes.\n\nA: no.\n\nQ: two?\n\nQ: three?\n");
    g_assert_cmpuint(count_kind(r.doc, IMPRINT_NODE_SPEECH), ==, 0);
    result_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/markdown/speech/interview", test_interview);
    g_test_add_func("/markdown/speech/howto-notes", test_howto_notes);
    g_test_add_func("/markdown/speech/glossary", test_glossary);
    g_test_add_func("/markdown/speech/review", test_review);
    g_test_add_func("/markdown/speech/min-turns", test_min_turns);
    g_test_add_func("/markdown/speech/min-speakers", test_min_speakers);
    g_test_add_func("/markdown/speech/recurring-share", test_recurring_share);
    g_test_add_func("/markdown/speech/turn-share", test_turn_share);
    g_test_add_func("/markdown/speech/label-shapes", test_label_shapes);
    g_test_add_func("/markdown/speech/turn-ends", test_turn_ends);
    g_test_add_func("/markdown/speech/chapters", test_chapters);
    g_test_add_func("/markdown/speech/numbered-voices", test_numbered_voices);
    g_test_add_func("/markdown/speech/stamped-voices", test_stamped_voices);
    g_test_add_func("/markdown/speech/notes-in-turns", test_notes_in_turns);
    g_test_add_func("/markdown/speech/transcript-plain", test_transcript_plain);
    g_test_add_func("/markdown/speech/plain-labels-lookalike", test_plain_labels_lookalike);
    g_test_add_func("/markdown/speech/plain-alone-labels", test_plain_alone_labels);
    g_test_add_func("/markdown/speech/plain-alternation", test_plain_alternation);
    return g_test_run();
}
