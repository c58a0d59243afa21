/* Transcripts in Markdown: interviews and hearings whose turns are
 * paragraphs opening with the speaker's name in bold and a colon,
 * "**Jane Doe**: I think", "**Q:** What", "**MR. SMITH:** Thank you".
 *
 * A bold label alone proves nothing: how-tos write "**Note:**" and
 * "**Warning:**", glossaries "**Term**: definition". The file is read as a
 * transcript only on the evidence of all its labels together (the limits
 * below); then every labelled paragraph is a turn, and the paragraphs
 * after it without a label are the same speaker's, up to the next label,
 * or anything that is not a plain paragraph: a heading, a thematic break,
 * a list, a quote, a table or a figure is the editor's, and so is a
 * paragraph all in italics ("*This interview was edited for length.*");
 * a paragraph that opens in bold is a label or a question of its own.
 * Only the article's own paragraphs are looked at, not those in quotes,
 * lists or notes.
 *
 * Transcribers who do not use bold write the label plain, "PV: Everyone
 * has been asking", "Q: Could this be combined", "A: PSBT at its core":
 * such labels are read only when no bold ones make the file a transcript,
 * on the same evidence and on one more, that the voices take turns (a
 * changelog's "Added:" and "Fixed:" recur, but each runs on in its own
 * group). */
#include "read/markdown/md_speech.h"

#include <string.h>

#include "read/names.h"

/* Fewest turns of a transcript: fewer labelled paragraphs are an exchange
 * quoted in an article, not a transcript (Q, A, Q, A is the shortest that
 * shows two voices answering each other). */
#define MD_SPEECH_MIN_TURNS 4

/* Fewest speakers: one name over and over is a document's own label
 * ("**Reminder:**", "**Answer:**"), or a monologue that needs no turns. */
#define MD_SPEECH_MIN_SPEAKERS 2

/* Least share of the turns whose speaker speaks more than once: in an
 * interview nearly every turn is the interviewer's or a guest's (1.0 in
 * tests/fixtures/markdown/interview.md; a hearing's witnesses heard once
 * each lower it, while the chair's turns keep it up); in a glossary each
 * bold term heads one definition (2 turns of 9 recur in glossary.md, a
 * term written twice), and a term repeated must not make it a
 * transcript. */
#define MD_SPEECH_RECURRING_SHARE 0.5

/* Least share of the file's paragraphs that open with a label: a
 * transcript whose answers run to five paragraphs still has 2 turns in 7
 * (0.29); an essay that quotes a short exchange among twenty paragraphs of
 * its own has far less. */
#define MD_SPEECH_TURN_SHARE 0.25

/* Least share of plain labels' turns whose speaker is not the speaker of
 * the turn before: questions and answers alternate (1.0 in a Q and A; a
 * panel's moderator between guests keeps it near 1), while the entries of
 * a list under plain labels run in groups of the same label ("Added: …",
 * "Added: …", "Fixed: …": a third or less in
 * tests/fixtures/markdown/plain_labels_lookalike.md). Bold labels need no
 * such proof: bold is the transcriber's own mark. */
#define MD_SPEECH_PLAIN_ALTERNATION 0.6

/* The words a Markdown document heads a paragraph with that name no one,
 * beyond the text reader's ("Note", "Source", read_is_label_word()): the
 * admonitions of GitHub's alerts, MkDocs and reStructuredText, as writers
 * also set them in bold ("**Warning:**", "**TIP:**"), and a review's
 * "**Pros:**" and "**Cons:**", which recur product after product as two
 * speakers would; and a recording's cuts and sounds ("**Break:**
 * [01:33] to [03:00]", "**Music:**", read_is_sound_cue()). */
static bool admonition(const char *s, size_t len)
{
    static const char *const words[] = {
        "Warning", "Warnings", "Tip",        "Tips",       "Caution",       "Important",
        "Hint",    "Danger",   "Attention",  "Error",      "Example",       "Examples",
        "Info",    "Summary",  "Disclaimer", "Correction", "Editor's Note", "Prerequisites",
        "Pros",    "Cons",     "Verdict"};
    return read_word_in(s, len, words, G_N_ELEMENTS(words)) || read_is_label_word(s, len, true) ||
           read_is_sound_cue(s, len);
}

/* What opens a paragraph with a bold label. */
typedef struct {
    char *name;         /* the label, without bold and colon; g_free()d by the caller */
    imprint_node *text; /* the TEXT right after the bold, or NULL */
    const char *rest;   /* where the turn's words start in it ("" without one) */
    bool alone;         /* nothing follows the label in the paragraph */
    bool plain;         /* "Q: text", no bold: `text` is the paragraph's first child */
    char stamp[32];     /* "(00:02)" after the name, kept at the head of the words, or "" */
} md_label;

/* Cuts a time stamp off the end of the label's name ("Speaker 1 (00:02)")
 * into l->stamp; whether there was one. */
static bool cut_stamp(char *name, md_label *l)
{
    size_t len = strlen(name), stamp = 0, before = read_before_stamp(name, len, &stamp);
    if (!before || len - stamp >= sizeof l->stamp)
        return false;
    memcpy(l->stamp, name + stamp, len - stamp + 1);
    name[before] = '\0';
    return true;
}

static const char *skip_spaces(const char *s)
{
    size_t n;
    while (read_space_at(s, s + strlen(s), &n))
        s += n;
    return s;
}

/* The length of `len` bytes of `s` without the spaces at their end. */
static size_t trim_end(const char *s, size_t len)
{
    while (len) {
        const char *q = g_utf8_find_prev_char(s, s + len);
        if (!q || !read_is_space_char(g_utf8_get_char(q)))
            break;
        len = (size_t)(q - s);
    }
    return len;
}

static bool only_text(const imprint_node *n)
{
    for (const imprint_node *c = n->first_child; c; c = c->next)
        if (c->kind != IMPRINT_NODE_TEXT)
            return false;
    return n->first_child != NULL;
}

/* Whether words follow the label and its colon in the paragraph: the rest
 * of `l->text`, else an inline after it other than a line break. */
static bool has_words_after(const imprint_node *strong, const md_label *l)
{
    if (l->text && *l->rest)
        return true;
    const imprint_node *c = l->text ? l->text->next : strong->next;
    while (c && c->kind == IMPRINT_NODE_LINEBREAK)
        c = c->next;
    return c != NULL;
}

/* Whether block `p` is a paragraph that opens with a bold label: a bold
 * run of text alone, ending in a colon or followed by one, and the colon
 * followed by a space or the paragraph's end (not "**Score**:3"). Any such
 * label, a speaker's or not. */
static bool bold_label(imprint_node *p, md_label *l)
{
    memset(l, 0, sizeof *l);
    imprint_node *b = p->first_child;
    if (p->kind != IMPRINT_NODE_PARAGRAPH || !b || b->kind != IMPRINT_NODE_STRONG || !only_text(b))
        return false;
    GString *s = g_string_new(NULL);
    imprint_node_append_plain(b, s);
    const char *start = skip_spaces(s->str);
    size_t len = trim_end(start, strlen(start));
    bool inside = len && start[len - 1] == ':';
    if (inside)
        len = trim_end(start, len - 1);
    l->text = b->next && b->next->kind == IMPRINT_NODE_TEXT ? b->next : NULL;
    const char *rest = l->text ? l->text->as.text.text : "";
    char *name = g_strndup(start, len);
    /* "**Speaker 1 (00:02)**" over the words: the time stamp ends the label */
    bool stamped = cut_stamp(name, l);
    if (!inside) {
        /* "**Jean** : texte", French spacing before the colon */
        const char *colon = skip_spaces(rest);
        if (*colon == ':')
            rest = colon + 1;
        else if (!stamped) {
            g_free(name);
            g_string_free(s, TRUE);
            return false;
        }
    }
    bool ok = *name && (!*rest || read_space_at(rest, rest + strlen(rest), NULL));
    if (ok) {
        l->rest = skip_spaces(rest);
        l->alone = !has_words_after(b, l);
        l->name = name;
    } else {
        g_free(name);
    }
    g_string_free(s, TRUE);
    return ok;
}

/* Whether block `p` is a paragraph that opens with a plain label, "PV: text",
 * "Jerod Santo: text": at most READ_SPEAKER_MAX_CHARS before the first
 * colon, then a space and words in the same text, or nothing, the label
 * alone over the next paragraph (read_is_apart_name). Any such label. */
static bool plain_label(imprint_node *p, md_label *l)
{
    memset(l, 0, sizeof *l);
    imprint_node *t = p->first_child;
    if (p->kind != IMPRINT_NODE_PARAGRAPH || !t || t->kind != IMPRINT_NODE_TEXT)
        return false;
    const char *s = t->as.text.text, *colon = strchr(s, ':');
    /* ("Speaker 1 (00:00): text": the colon after the time stamp) */
    const char *open = strpbrk(s, "([");
    const char *stamp =
        colon && open && open < colon ? read_timestamp(open, open + strlen(open)) : NULL;
    if (stamp && *stamp == ':')
        colon = stamp;
    if (!colon || g_utf8_strlen(s, colon - s) > READ_SPEAKER_MAX_CHARS ||
        (colon[1] && !read_space_at(colon + 1, colon + strlen(colon), NULL)))
        return false;
    size_t len = trim_end(s, (size_t)(colon - s));
    const char *rest = skip_spaces(colon + 1);
    bool alone = !*rest && !t->next && read_is_apart_name(s, len);
    if (!len || (!*rest && !alone))
        return false;
    l->text = t;
    l->rest = rest;
    l->alone = alone;
    l->plain = true;
    l->name = g_strndup(s, len);
    cut_stamp(l->name, l); /* "Speaker 1 (00:00): text" */
    return true;
}

/* Whether `p` opens with a plain label, a speaker's or not: under plain
 * labels, as a bold one under bold, such a paragraph ("Break: [26:23]",
 * "Note: …") goes on no turn. */
static bool plain_labelled(imprint_node *p)
{
    md_label l;
    bool yes = plain_label(p, &l);
    g_free(l.name);
    return yes;
}

/* "**Break:** [26:23]": a label over a time alone marks where the
 * recording was cut, no one's words. */
static bool time_only(const md_label *l)
{
    if (!l->text || l->text->next)
        return false;
    const char *r = l->rest;
    r += *r == '[';
    size_t n = strspn(r, "0123456789:.");
    return n > 0 && strchr(r, ':') && (strcmp(r + n, "]") == 0 || r[n] == '\0');
}

/* A paragraph all in italics, the editor's aside ("*The interview has
 * been edited.*"). */
static bool editorial(const imprint_node *p)
{
    bool emph = false;
    for (const imprint_node *c = p->first_child; c; c = c->next) {
        if (c->kind == IMPRINT_NODE_EMPH)
            emph = true;
        else if (c->kind != IMPRINT_NODE_TEXT || *skip_spaces(c->as.text.text))
            return false;
    }
    return emph;
}

/* Whether block `p` goes on the turn above it: a plain paragraph, not the
 * editor's, and not opening in bold: a label of its own ("**Note:**" in a
 * transcript is not the speaker's) or a question set in bold. */
static bool continues(const imprint_node *p)
{
    return p && p->kind == IMPRINT_NODE_PARAGRAPH && !editorial(p) &&
           !(p->first_child && p->first_child->kind == IMPRINT_NODE_STRONG);
}

/* Which labels open turns: bold or plain ones, and the plain labels that
 * head the file's metadata ("Topic: …", "Date: …" above the first turn of
 * a voice heard again), which open none. */
typedef struct {
    bool plain;
    GHashTable *heading; /* names, or NULL */
} md_form;

/* Whether block `p` opens a turn: a bold label that is a speaker's name
 * (read_is_name_words(): one to four capitalised words, "DR. FAUCI",
 * "Mr. Smith", "Q"; not "Note" or "Warning"), with words after it, or
 * alone ("**JANE:**") over a paragraph of what she says. */
static bool turn_of(imprint_node *p, const md_form *form, md_label *l)
{
    if (!(form->plain ? plain_label(p, l) : bold_label(p, l)))
        return false;
    size_t len = strlen(l->name);
    if (read_is_name_words(l->name, len) && !admonition(l->name, len) && !time_only(l) &&
        (!l->alone || continues(p->next)) &&
        !(form->heading && g_hash_table_contains(form->heading, l->name)))
        return true;
    g_free(l->name);
    l->name = NULL;
    return false;
}

/* Takes the label and its colon out of paragraph `p`, and the spaces and
 * line breaks after them. */
static void strip_label(imprint_doc *doc, imprint_node *p, const md_label *l)
{
    if (!l->plain)
        imprint_node_unlink(p->first_child);
    if (l->text) {
        imprint_node_unlink(l->text);
        if (*l->rest)
            imprint_node_prepend(
                p, imprint_node_new_text(doc, l->text->pos, l->rest, strlen(l->rest)));
    }
    while (p->first_child && p->first_child->kind == IMPRINT_NODE_LINEBREAK)
        imprint_node_unlink(p->first_child);
    imprint_node *t = p->first_child;
    const char *rest = t && t->kind == IMPRINT_NODE_TEXT ? skip_spaces(t->as.text.text) : NULL;
    if (rest && rest != t->as.text.text) {
        imprint_node_unlink(t);
        if (*rest)
            imprint_node_prepend(p, imprint_node_new_text(doc, t->pos, rest, strlen(rest)));
    }
    if (*l->stamp) {
        char *head = g_strdup_printf("%s ", l->stamp);
        imprint_node_prepend(
            p, imprint_node_new_text(doc, l->text ? l->text->pos : p->pos, head, strlen(head)));
        g_free(head);
    }
}

/* Rebuilds the blocks of `article` with its turns as SPEECH nodes; counts
 * the turns and the paragraphs that went on a turn above them. */
static void take_turns(imprint_doc *doc, imprint_node *article, const md_form *form, guint *turns,
                       guint *carried)
{
    /* which blocks open a turn, asked while they are still linked */
    GPtrArray *blocks = g_ptr_array_new();
    GArray *labels = g_array_new(FALSE, TRUE, sizeof(md_label));
    for (imprint_node *b = article->first_child; b; b = b->next) {
        md_label l;
        turn_of(b, form, &l); /* l.name is NULL when `b` opens no turn */
        g_ptr_array_add(blocks, b);
        g_array_append_val(labels, l);
    }
    for (guint i = 0; i < blocks->len; i++)
        imprint_node_unlink(g_ptr_array_index(blocks, i));
    imprint_node *turn = NULL;
    for (guint i = 0; i < blocks->len; i++) {
        imprint_node *b = g_ptr_array_index(blocks, i);
        const md_label *l = &g_array_index(labels, md_label, i);
        bool carry = turn && !l->name && continues(b) && !(form->plain && plain_labelled(b));
        if (l->name) {
            turn = imprint_node_new(doc, IMPRINT_NODE_SPEECH, b->pos);
            turn->as.speech.speaker = imprint_arena_strdup(doc->arena, l->name);
            strip_label(doc, b, l);
            if (b->first_child)
                imprint_node_append(turn, b);
            imprint_node_append(article, turn);
            (*turns)++;
        } else if (carry) {
            imprint_node_append(turn, b);
            (*carried)++;
        } else {
            turn = NULL;
            imprint_node_append(article, b);
        }
        g_free(l->name);
    }
    g_array_free(labels, TRUE);
    g_ptr_array_free(blocks, TRUE);
}

/* What the labels of one form (bold or plain) say of a file. */
typedef struct {
    guint paragraphs, turns, recurring, speakers, alternating;
    const imprint_node *first;
    char *first_name;   /* the first label as printed */
    bool first_stamped; /* with a time stamp */
} md_evidence;

/* Gathers the evidence of `form`'s labels; returns how often each name
 * opens a turn (a table the caller destroys). */
static GHashTable *gather(GPtrArray *chapters, const md_form *form, md_evidence *e)
{
    memset(e, 0, sizeof *e);
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < chapters->len; i++) {
        imprint_node *a = g_ptr_array_index(chapters, i);
        char *last = NULL; /* the speaker of the turn before, in this article */
        for (imprint_node *b = a->first_child; b; b = b->next) {
            e->paragraphs += b->kind == IMPRINT_NODE_PARAGRAPH;
            md_label l;
            if (!turn_of(b, form, &l))
                continue;
            if (!e->first) {
                e->first = b;
                /* the first label as printed, its time stamp with it */
                const char *mark = form->plain ? "" : "**";
                e->first_stamped = *l.stamp != '\0';
                e->first_name = *l.stamp ? g_strdup_printf("%s%s %s%s%s", mark, l.name, l.stamp,
                                                           form->plain ? ":" : "", mark)
                                         : g_strdup_printf("%s%s:%s", mark, l.name, mark);
            }
            e->turns++;
            e->alternating += last && strcmp(last, l.name) != 0;
            g_free(last);
            last = g_strdup(l.name);
            guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, l.name)) + 1;
            /* the second turn of a name makes both recur */
            e->recurring += c == 2 ? 2 : c > 2;
            g_hash_table_replace(counts, l.name, GUINT_TO_POINTER(c));
        }
        g_free(last);
    }
    e->speakers = g_hash_table_size(counts);
    return counts;
}

/* The names heard once above the first turn of a name heard again: the
 * file's metadata under plain labels. NULL when there are none. */
static GHashTable *heading_labels(GPtrArray *chapters, GHashTable *counts)
{
    GHashTable *heading = NULL;
    md_form plain = {true, NULL};
    for (guint i = 0; i < chapters->len; i++) {
        imprint_node *a = g_ptr_array_index(chapters, i);
        for (imprint_node *b = a->first_child; b; b = b->next) {
            md_label l;
            if (!turn_of(b, &plain, &l))
                continue;
            bool once = GPOINTER_TO_UINT(g_hash_table_lookup(counts, l.name)) == 1;
            if (once) {
                if (!heading)
                    heading = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
                g_hash_table_add(heading, l.name);
                continue;
            }
            g_free(l.name);
            return heading;
        }
    }
    return heading;
}

/* Why the labels of `e` make no transcript ("" when they are too few to
 * say), or NULL when they do. */
static const char *judge(const md_evidence *e, bool plain)
{
    if (e->turns < MD_SPEECH_MIN_TURNS)
        return "";
    if (e->speakers < MD_SPEECH_MIN_SPEAKERS)
        return "they are all one name's";
    if (e->recurring < MD_SPEECH_RECURRING_SHARE * e->turns)
        return "most names head one paragraph only, as terms of a glossary do";
    if (e->turns < MD_SPEECH_TURN_SHARE * e->paragraphs)
        return "they are too few among the other paragraphs";
    /* (the first turn follows none) */
    if (plain && e->alternating < MD_SPEECH_PLAIN_ALTERNATION * (e->turns - 1))
        return "the same name heads paragraph after paragraph, as a list's labels do";
    return NULL;
}

void imprint_md_speeches(imprint_doc *doc, GPtrArray *chapters, imprint_diags *diags)
{
    md_evidence bold, plain;
    md_form bold_form = {false, NULL}, plain_form = {true, NULL};
    g_hash_table_destroy(gather(chapters, &bold_form, &bold));
    const char *why = judge(&bold, false);
    bool use_plain = false;
    plain.first_name = NULL;
    if (why) {
        GHashTable *counts = gather(chapters, &plain_form, &plain);
        plain_form.heading = heading_labels(chapters, counts);
        g_hash_table_destroy(counts);
        if (plain_form.heading) {
            g_free(plain.first_name);
            g_hash_table_destroy(gather(chapters, &plain_form, &plain));
        }
        const char *why_plain = judge(&plain, true);
        /* (of two forms that fail, the one with more labels says why) */
        use_plain = !why_plain || (*why_plain && plain.turns > bold.turns);
        if (use_plain)
            why = why_plain;
    }
    const md_evidence *e = use_plain ? &plain : &bold;
    const char *form = e->first_stamped ? (use_plain ? "a name, a time stamp and a colon"
                                                     : "a bold name and a time stamp")
                       : use_plain      ? "a name and a colon"
                                        : "a bold name and a colon";
    if (why && *why)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, e->first->pos,
                             "%u paragraphs open with %s (\"%s\"), %u name%s; not taken as "
                             "speech turns: %s",
                             e->turns, form, e->first_name, e->speakers,
                             e->speakers == 1 ? "" : "s", why);
    if (!why) {
        guint taken = 0, carried = 0;
        for (guint i = 0; i < chapters->len; i++)
            take_turns(doc, g_ptr_array_index(chapters, i), use_plain ? &plain_form : &bold_form,
                       &taken, &carried);
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, e->first->pos,
                             "%u of the %u paragraphs taken as speech turns of %u speakers "
                             "(each opens with %s, the first \"%s\"); the paragraphs "
                             "under a turn without a name of their own are its speaker's (%u)",
                             taken, e->paragraphs, e->speakers, form, e->first_name, carried);
    }
    g_free(bold.first_name);
    g_free(plain.first_name);
    if (plain_form.heading)
        g_hash_table_destroy(plain_form.heading);
}
