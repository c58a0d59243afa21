#ifndef IMPRINT_READ_TEXT_INTERNAL_H
#define IMPRINT_READ_TEXT_INTERNAL_H

/* Private to the `text` reader (src/read/text). The parts call one way:
 *
 *   text.c (articles, titles, notes) ──▶ blocks.c (the line loop)
 *   blocks.c ──▶ headings.c ──▶ quotes.c ──▶ cursor.c (line cursor, appending)
 *   every part ──▶ lines.c (line features), inline.c (inlines), notes.c
 */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imprint/model.h"
#include "imprint/reader.h"

#include "read/names.h"
#include "read/text/limits.h"

/** Where a physical line starts inside a line joined from several (wrap.c):
 * its first code point's index in the joined text, and its place in the file. */
typedef struct {
    size_t cp;
    unsigned lineno;
    unsigned col;
} rt_seg;

/** A source line, NFC-normalised: a physical line, or in hard-wrapped text
 * the physical lines of one paragraph joined (wrap.c). */
typedef struct {
    char *text;      /* the whole line, g_malloc'd */
    size_t len;      /* bytes */
    const char *t;   /* trimmed start (spaces and no-break spaces removed) */
    size_t tlen;     /* trimmed length in bytes */
    unsigned tcol;   /* column (code points, from 1) of the trimmed start */
    unsigned nchar;  /* trimmed length in code points */
    unsigned indent; /* leading spaces (a no-break space counts as one) */
    unsigned lineno; /* of its first physical line */
    rt_seg *segs;    /* the physical lines joined after the first (g_malloc'd), or NULL */
    unsigned nsegs;
    bool short_end; /* hard-wrapped text: ends well before the wrap width, on purpose */
    bool blank;
    bool spacer;        /* blank, but made of no-break spaces: the blog's paragraph spacer */
    bool notedef;       /* part of a note definition: not body text */
    bool notecont;      /* ...continuing the definition above it (markers.c) */
    bool note_heading;  /* ...a Notes heading over definitions, dropped with them */
    char *note_label;   /* a definition's label ("12", "*"), g_malloc'd; NULL for "¹" */
    size_t note_skip;   /* bytes of the label before the note's text */
    size_t note_cut;    /* bytes at the end that are not the note's text ("]") */
    bool title;         /* chosen as an article title */
    bool code;          /* program code, a command, grammar: kept as typed (code.c) */
    bool entry;         /* a hanging entry, its turned-over lines joined (wrap.c) */
    unsigned char mail; /* a message's Subject, From or Date value (RT_MAIL_…, mail.c) */
    int margin_number;  /* a poem's line number it had at the left margin (verse_numbers.c) */
    bool zine_head;     /* an online magazine's article head, its title (zine.c) */
    size_t chunk;       /* index of its chunk (run of non-blank lines) */
} rt_line;

/** Role of a chunk in a bibliography. */
enum { RT_BIB_NONE, RT_BIB_HEADING, RT_BIB_ENTRY, RT_BIB_IMPLICIT };

/** Which value of a message's mail headers a line holds (mail.c). */
enum { RT_MAIL_NONE, RT_MAIL_SUBJECT, RT_MAIL_FROM, RT_MAIL_DATE };

/** A run of non-blank lines. */
typedef struct {
    size_t first, last; /* line indices, inclusive */
    int bib;
    bool title;
} rt_chunk;

/** Footnote marker styles besides superscripts (markers.c). */
typedef enum {
    RT_MARK_NONE,
    RT_MARK_BRACKET, /* [12], *[12] */
    RT_MARK_PAREN,   /* word(12) */
    RT_MARK_SYMBOL,  /* word*, word† */
    RT_MARK_BRACE,   /* {12} */
    RT_MARK_ANGLE,   /* <12>: a transcriber's way where the print had a superscript */
    RT_MARK_DIGITS,  /* word.12: a superscript a scrape lost */
    RT_MARK_COUNT,
} rt_marker_style;

/** Reader state for one source. */
typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    const char *path;
    rt_line *lines;
    size_t nlines;
    rt_chunk *chunks;
    size_t nchunks;
    bool wrapped;         /* hard-wrapped: lines were joined into paragraphs (wrap.c) */
    unsigned wrap_width;  /* the column the wrapped lines reach (0 if not measured) */
    bool verse;           /* a collection of verse: runs of lines are stanzas, poems articles */
    bool half_lines;      /* verse set in half-lines (caesura.c): verse, whatever its capitals */
    bool counted_poem;    /* line numbers at the margin run on through the file (verse_numbers.c) */
    bool zine;            /* an online magazine's issue: its heads open articles (zine.c) */
    bool prose;           /* the edition says: no verse at all */
    bool no_notes;        /* the edition says: no footnotes (markers stay text) */
    bool no_letters;      /* the edition says: no openers or closers (they stay paragraphs) */
    bool fiction;         /* quoted paragraphs are dialogue, not block quotes */
    unsigned base_indent; /* the indent most lines have: the prose's */
    unsigned turn_indent; /* the indent most lines joined after a first have (wrap.c) */
    size_t stanza_gap;    /* blank lines between stanzas, mostly (verse.c; 0: not yet known) */
    bool pieces;          /* a collection of prose pieces, titles set off by gaps (text.c) */
    const char *collection_author; /* a collection's author, for each poem or piece (arena) */
    char *book_title, *book_subtitle, *book_author; /* a Project Gutenberg header's (g_malloc'd) */
    char *book_title_folded;                        /* book_title case-folded (g_malloc'd) */
    char *page_title; /* a paginated text's running head's words (pages.c; g_malloc'd) */
    bool marker_styles[RT_MARK_COUNT]; /* marker styles whose definitions were found */
    GHashTable *marker_labels;         /* "style:label" of markers to take */
    unsigned char *prose_near; /* per chunk, prose near it before and after (verse.c; g_free) */
    GHashTable *ref_labels;    /* NOTEREF → its label, for symbol markers ("*") */
    GHashTable *signatures;    /* names signed under a sign-off (closers.c, made when needed) */
    size_t emphasis;           /* spans written "_so_" or "*so*" taken as emphasis */
    bool mail;                 /* a digest of messages under mail headers (mail.c) */
    bool bold_equals;          /* "=so=" is bold here (rt_find_bold_equals) */
    size_t bold_spans;         /* spans written "=so=" taken as bold */
    imprint_pos first_bold;
    size_t squeezed; /* runs of spaces read as one space */
    imprint_pos first_squeezed;
    GPtrArray *pending_sidenotes; /* sidenotes cut out of a paragraph, set before the next
                                     block appended (sidenotes.c; NULL until one is) */
    size_t diamond_sidenotes;     /* sidenotes a transcriber set in diamonds */
    size_t carried_emphasis;      /* emphases paired over lines (emphasis.c) */
    imprint_pos first_carried;
    imprint_pos first_diamond_sidenote;
    size_t stamps_joined; /* time stamps alone on a line, joined to the words under them */
    imprint_pos first_stamp_joined;
    imprint_pos first_emphasis;
    /* the article being built */
    imprint_node *article;
    GPtrArray *refs; /* its NOTEREFs, resolved when the article ends */
    bool failed;
} rt_state;

/* gutenberg.c: a Project Gutenberg file's header and licence read as
 * blank lines unless `keep` (each reported), the header's title and author
 * kept in the state; rt_gutenberg_name gives them to the file's one
 * article (`articles` read) when it has none of its own. */
void rt_gutenberg(rt_state *st, bool keep);
/* Whether the line is the book's title as the Project Gutenberg header
 * gives it (letter case aside). */
bool rt_gutenberg_is_title(const rt_state *st, const rt_line *l);
void rt_gutenberg_name(rt_state *st, int articles);

/* mail.c: a digest or archive of MAIL_MIN_MESSAGES messages at least,
 * each under its mail headers: the Subject's, From's and Date's values put
 * on the block's first lines (RT_MAIL_…), the other header lines blank
 * unless `keep`; reported. Sets st->mail. */
void rt_mail_headers(rt_state *st, bool keep);
/** Bytes of the field name that opens line `l`, at any indent: letters,
 * digits, "-" and "." before a colon and a space or the line's end
 * ("Message-ID: <…>", "Newsgroups:" alone, "Description: …"); 0 if none. */
size_t rt_line_field_name(const rt_line *l);
/** Bytes of the header's field name that opens line `l`, at any indent,
 * before a colon ("Archive-name: faqs/about-faqs", "Newsgroups:" over its
 * value; read_is_header_field()); 0 if none. */
size_t rt_line_header_field(const rt_line *l);

/* zine.c: an online magazine's issue, ZINE_HEADS_MIN heads at least
 * ("> Title" over its underline): each head's line made its title (zine_head),
 * the underline its subtitle or blank, the rules over the heads blank,
 * reported; true then. */
bool rt_zine_heads(rt_state *st);

/* caesura.c: verse set in half-lines, one gap of one width inside most
 * lines, the second halves aligned nowhere: each gap made one space,
 * reported; true then (the file is verse). */
bool rt_caesuras(rt_state *st);

/* verse_numbers.c: a poem's line numbers at its left margin, every few
 * lines, its words at the column of the unnumbered lines: the numbers
 * made spaces (kept when `keep`), reported. */
void rt_verse_line_numbers(rt_state *st, bool keep);

/* linenos.c: a record whose lines are numbered at the margin page by page
 * (a hearing's transcript): the numbers and the blank lines of its double
 * spacing left out of the lines (kept when `keep`), reported. */
void rt_line_numbers(rt_state *st, bool keep);

/* pages.c: a paginated text's running heads and feet, and its form
 * feeds, left out of the lines (each kept when `keep`: `boilerplate:
 * keep`), the text going on across a page break that cut it; reported. */
void rt_page_furniture(rt_state *st, bool keep);
/* Names the file's one untitled article (`articles` read) by the words of
 * the running heads left out ("File Transfer Protocol" under "RFC 959
 * October 1985"), reported. */
void rt_page_title_name(rt_state *st, int articles);

/* code.c: marks the lines of code (commands, grammar, program text, a
 * drawing in characters) on the physical lines, before any is joined; a
 * blank line between two of them is marked too (the block's own). Sets
 * st->base_indent from the physical lines. */
void rt_find_code(rt_state *st);
/* The indent most lines have, the prose's (text.c). */
unsigned rt_common_indent(const rt_state *st);
/** The indent most physical lines joined after a paragraph's first have
 * (the prose's turned lines), 8 at most; 0 when none was joined. */
unsigned rt_common_turn_indent(const rt_state *st);

/* lines.c: line features */
void rt_line_measure(rt_line *l);
/* Makes `lines` (of rt_line, taken) the file's lines, in place of the
 * old array (whose lines' texts the caller has moved or freed). */
void rt_lines_replace(rt_state *st, GArray *lines);
/** Makes `l` a blank line, its text gone (a header's, a licence's). */
void rt_line_set_blank(rt_line *l);
/* A line of `text` (a heading's words, the caller's to keep), measured as a
 * source line is: no file position, no chunk. */
rt_line rt_line_of_text(char *text);
unsigned rt_line_last_lineno(const rt_line *l);
/** Appends line index `i` to the GArray of size_t under `key` in `index`
 * (g_str_hash keys, g_free'd, GArrays unref'd), made when missing; takes
 * `key` (g_malloc'd). */
void rt_index_add(GHashTable *index, char *key, size_t i);
/** Whether `len` bytes of `s` hold a letter (of any script). */
bool rt_has_letter(const char *s, size_t len);

/** g_utf8_casefold() of [s, s+len) (len -1: to the NUL), which the caller
 * g_free()s; ASCII, most lines, lower-cased without GLib's tables. */
char *rt_fold(const char *s, gssize len);
/** The last line of the run of non-blank lines from line `i` (not blank). */
size_t rt_run_last(const rt_state *st, size_t i);
/** The line that holds physical line `lineno` (joined lines hold several). */
const rt_line *rt_line_by_number(const rt_state *st, unsigned lineno);
bool rt_line_is_heading_like(const rt_line *l);
/** The name's bytes when line `l` is a name in capitals and its stop or
 * colon, nothing else ("ALGERNON.", "LADY BRACKNELL:"), else 0. */
size_t rt_line_caps_name(const rt_line *l);
/* Whether the word (`len` bytes, any case) joins what is before it to what
 * follows: "that", "and", "the", "of", "at" … */
bool rt_is_joiner_word(const char *s, size_t len);
/* Whether the line ends with a word that joins it to the next ("of",
 * "the", "that"): a sentence or a title going on. */
bool rt_line_ends_with_joiner(const rt_line *l);
/* Whether the line ends on a word in a small letter, no stop after it
 * ("…which he called"): its sentence goes on below. */
bool rt_line_ends_mid_sentence(const rt_line *l);
/* "[Illustration: A view of the mill]", "[Figure 12]", "[Music: Adagio]":
 * where Project Gutenberg's proofreaders mark that a book had a picture, a
 * figure or printed music; the length of the tag ("[Figure"), 0 if none. */
size_t rt_line_placeholder(const rt_line *l);
/** A placeholder's tag opening a line that does not close it (its caption
 * goes on below: "[Illustration: MONUMENT …" over "SKETCHED BY …]"): the
 * tag's length as rt_line_placeholder() gives it, or 0. */
size_t rt_line_placeholder_open(const rt_line *l);
/** The line, at most `last`, that closes the placeholder line `i` opens
 * (rt_line_placeholder_open()), its caption going on over
 * FIGURE_CAPTION_MAX_LINES lines at most, across blank lines; SIZE_MAX when
 * line `i` opens none, none closes it, or a bracket opens first. */
size_t rt_placeholder_close(const rt_state *st, size_t i, size_t last);
/* "[Sidenote: _The Founder of the Family_]": Project Gutenberg's mark for a
 * book's marginal note, moved before the paragraph it stood beside; the
 * offset of its text, 0 if the line is not one whole (a bracket closing
 * before the end, "[Sidenote: x] and on"). */
size_t rt_line_sidenote(const rt_line *l);
bool rt_line_is_colon_heading(const rt_line *l);
bool rt_line_is_all_caps(const rt_line *l);
/* Whether the line is one of `words` (casefolded), with or without a
 * closing colon or stop: "NOTES:", "Contents." */
bool rt_line_is_title_word(const rt_line *l, const char *const *words, size_t n);
/* "THE END", "FINIS.", "CURTAIN": a work's last line. */
bool rt_line_is_end_word(const rt_line *l);
/* "ERRATA.", "CONTENTS", "INDEX": a book's part, in any case, alone. */
bool rt_line_is_book_part(const rt_line *l);
/* Whether the line's last word, after a space, is one of `words` so
 * ("AUTHOR'S NOTE", "EDITOR'S NOTES."); false for a line of one word. */
bool rt_line_last_word_is(const rt_line *l, const char *const *words, size_t n);
unsigned rt_line_words(const rt_line *l);
/* The words of `len` bytes of `s`: runs of characters between spaces. */
unsigned rt_count_words(const char *s, size_t len);
bool rt_line_nbsp_title(const rt_line *l);
bool rt_line_is_end_marker(const rt_line *l);
bool rt_line_is_bib_heading(const rt_line *l);
/* "Introduction", "Preface.", "Notes": a word that names a section. */
bool rt_line_is_section_word(const rt_line *l);
bool rt_line_is_ref_like(const rt_line *l);
bool rt_line_has_url(const rt_line *l);
bool rt_line_is_paren_subtitle(const rt_line *l);
/* Whether `c` is a bullet pasted from a word processor or a page ("•",
 * "◦", "▪", "‣"). */
bool rt_is_pasted_bullet(gunichar c);
int rt_line_list_marker(const rt_line *l, imprint_list_style *style, int *number, size_t *skip);
/* The number of "(N) " that line `l` opens with (N of PAREN_ITEM_MAX_DIGITS
 * digits: a charter's clause), else 0. */
int rt_line_paren_number(const rt_line *l);
/* Whether the line opens with a section's number of two parts at least
 * and text after it: "4.1.2 Nick message", "1.2. Clients". */
bool rt_line_opens_section_number(const rt_line *l);
bool rt_line_starts_quote(const rt_line *l);
/* Whether the paragraph goes on in narration after a closing quote
 * ("“A light is a promise,” he told the boy"). */
bool rt_line_narrated(const rt_line *l);
bool rt_line_ends_quote(const rt_line *l);
bool rt_line_is_strong_citation(const rt_line *l);
/* The line's first character past opening quotes, emphasis marks and a
 * bracket ("“_Had lost" → 'H'); 0 for none. */
gunichar rt_line_first_letter(const rt_line *l);
/* "Name: text", "Q. text": the label's length and where the text starts
 * (lines.c). rt_line_speaker: the same, when the label may be a speaker's
 * (not "Note:", "Source:"). A name's words and the spaces between
 * them are read/names.h's, shared with the markdown reader. */
bool rt_line_label(const rt_line *l, size_t *name_len, size_t *skip);
bool rt_line_speaker(const rt_line *l, size_t *name_len, size_t *skip);
/* "[00:12] Speaker 1: text", "00:00:05 Tom: text": the bytes of the time
 * stamp a line opens with and the spaces after it, when text follows; 0
 * for none. A label's length counts them; the name starts after them. */
size_t rt_line_lead_stamp(const rt_line *l);
/* "Speaker 1 (00:00:00):", "Ana  0:00": the whole line a voice's name and
 * the time its turn starts, as an interview's export sets it over the
 * words; the name's bytes in `*key`, the line's without a closing colon in
 * `*len`. */
bool rt_line_stamped_name(const rt_line *l, size_t *key, size_t *len);
/* Where the colon after a turn's time stamp stands, when `p` is at the
 * spaces before one ("Justice Wagner (00:01:18): Bonjour"), the stamp's
 * start in `*stamp` (may be NULL); else NULL. */
const char *rt_stamp_colon(const char *p, const char *end, const char **stamp);
/* "Lady Bracknell.  Good afternoon", "ALGERNON. Good heavens!": a play's
 * speaker, the name ending in a stop and set off by two spaces, or in
 * capitals; the same out-parameters as rt_line_label. */
bool rt_line_stop_label(const rt_line *l, size_t *name_len, size_t *skip);
bool rt_line_is_figure(const rt_line *l, bool *is_file);
/* Whether the line's text has a gap of WRAP_COLUMN_GAP spaces or a tab
 * inside it: columns (a table row, a contents entry and its page). */
bool rt_line_has_column_gap(const rt_line *l);
int rt_line_table_cells(const rt_line *l, GPtrArray *cells);
unsigned rt_utf8_cols(const char *s, size_t bytes);
void rt_trim(const char **s, size_t *len);

/* inline.c */
imprint_pos rt_pos(const rt_state *st, unsigned line, unsigned col);
imprint_pos rt_line_pos(const rt_state *st, const rt_line *l, size_t offset);
void rt_append_inlines(rt_state *st, imprint_node *parent, const rt_line *l, size_t offset,
                       size_t len);
imprint_node *rt_block_with_text(rt_state *st, imprint_node_kind kind, const rt_line *l,
                                 size_t skip);
/** As rt_block_with_text(), leaving out `cut` bytes at the end too. */
imprint_node *rt_block_with_span(rt_state *st, imprint_node_kind kind, const rt_line *l,
                                 size_t skip, size_t cut);
char *rt_plain(rt_state *st, const char *s, size_t len);
/* Whether a mark after `before` may open "_so_": a space or an opening
 * bracket, quote or dash (Gutenberg's "--" too, in inline.c's spans). */
bool rt_mark_opens_after(gunichar before);
/* How many spans written "=so=" `len` bytes of `s` hold. */
size_t rt_bold_equals_spans(const char *s, size_t len);

/* sidenotes.c: "♦Feudal rights.♦", a transcriber's sidenote in diamonds.
 * rt_diamond_sidenote: the first in `len` bytes of `s` that opens where a
 * sentence may (after a full stop, or at the start) and is followed by
 * one: its opening diamond's offset, its words' length (they start
 * RT_DIAMOND_LEN bytes on) and where the text after it starts. rt_line_diamond_sidenote:
 * the words' length when the whole line is one, else 0. rt_sidenote_from:
 * a SIDENOTE of `len` bytes of `l` from `offset`, counted for lint.
 * rt_sidenotes_flush: appends the pending ones to `into`. */
#define RT_DIAMOND_LEN 3 /* bytes of "♦" in UTF-8 */
bool rt_diamond_sidenote(const char *s, size_t len, size_t *open, size_t *inner_len, size_t *after);
size_t rt_line_diamond_sidenote(const rt_line *l);
imprint_node *rt_sidenote_from(rt_state *st, const rt_line *l, size_t offset, size_t len);
void rt_sidenotes_flush(rt_state *st, imprint_node *into);

/* emphasis.c: pairs the "_" marks left alone on lines that stay lines
 * (a verse's, a list's, one under the other), setting the words between
 * in emphasis; counted for lint. */
void rt_carried_emphasis(rt_state *st, imprint_node *article);

/* verse.c */
/** Whether most runs of lines of the file read as verse (a collection). */
/* A break between two lines of verse: `a` ends without a full stop and `b`
 * starts with a capital, where prose would go on in lower case (verse.c). */
bool rt_verse_break(const rt_line *a, const rt_line *b);
bool rt_verse_file(const rt_state *st);
/** Whether chunk `k` is a stanza (in a collection, or verse inside prose). */
bool rt_verse_chunk(const rt_state *st, size_t k);
/* Whether chunk `k` is prose even in a book of verse (a transcriber's
 * note, an opera's argument): lines longer than verse's
 * (VERSE_MEDIAN_CHARS at the median) broken mid-sentence, going on in a
 * small letter or after a joining word, VERSE_PROSE_BREAKS_SHARE of its
 * breaks at least. */
bool rt_chunk_prose_run(const rt_state *st, size_t k);
/** Whether every line of chunk `k` is indented off the file's prose. */
bool rt_chunk_indented(const rt_state *st, size_t k);
typedef enum { RT_ALIGN_NONE, RT_ALIGN_CENTRE, RT_ALIGN_RIGHT } rt_align;
/** How chunk `k` is set: in the middle of the wrap width (a title page's
 * lines), against its right edge (a signature), or neither; an aligned
 * chunk is no verse and no quotation. */
rt_align rt_chunk_aligned(const rt_state *st, size_t k);
/** Whether chunk `k` is a run of names or titles, one a line, every long
 * word capitalised ("Lane, Manservant" / "Lady Bracknell"): a cast or a
 * list of parts, not verse. */
bool rt_chunk_name_lines(const rt_state *st, size_t k);
/** Whether chunk `k` is display lines, half of them in capitals or "by"
 * over a name ("BEING THE" / "HISTORY OF HIS PECULIAR LIFE", "TO" / "ALL
 * CHILDREN"): a title page's or a dedication's, not verse. */
bool rt_chunk_display(const rt_state *st, size_t k);
/** Blank lines before chunk `k`. */
size_t rt_blank_before(const rt_state *st, size_t k);
/** Whether chunk `k` of a verse file is a numeral alone ("XII", "XII.")
 * set apart by more blank lines than the file's stanzas, as a poem's title
 * is: a numbered poem's number, or a long poem's section's. */
bool rt_poem_number(const rt_state *st, size_t k);
/** In a collection, whether chunk `k` is a poem's title: one line set apart
 * by more blank lines than the chunk after it. */
bool rt_poem_title(const rt_state *st, size_t k);
/** "* * *", "***", "⁂": a section break line. */
bool rt_line_is_break(const rt_line *l);

/* titles.c */
/** "8 November 2019", "2019-11-08": a line that is a date. */
bool rt_line_is_dateline(const rt_line *l);
/* "Christmas Day, 1811.", "Greenville, Mich., 1885.": a dateline, or a few
 * words with a year (POEM_DATE_MAX_WORDS) */
bool rt_line_is_place_date(const rt_line *l);
/* "Tuesday June 3rd", "May 15th Tuesday": a month and a day of one or two
 * digits, no year, in POEM_DATE_MAX_WORDS words at most */
bool rt_line_is_day_date(const rt_line *l);
/* Whether `len` bytes of `s` name a month ("May", "Sept", "juin"), in any
 * case (titles.c). */
bool rt_is_month_word(const char *s, size_t len);
/* "Sir William Jones. 1746-1794": a person's name with the years of their
 * life, as an anthology heads a poet's poems. The bytes of the name, 0 if
 * `s` is no such line. */
size_t rt_life_span_name(const char *s, size_t len);
/** "Yours most sincerely,": a letter's closing (the signature follows it). */
bool rt_line_is_closing(const rt_line *l);
/** The length of a byline's "By " ("Posted by ", "par ", "von "), or 0. */
size_t rt_byline_skip(const char *s, size_t len);
/** Whether the text is a person's name alone ("L. Frank Baum"), not a
 * numbered head ("LETTER I."). */
bool rt_is_person_name(const char *s, size_t len);
/** A byline's name after its "By ": a person's name (rt_is_person_name),
 * after a title ("THE HON. VICTORIA GROSVENOR.", "Mrs. Ewing") or before
 * the author's other books ("ROSA CAREY, Author of “Aunt Diana,” etc."). */
bool rt_is_byline_name(const char *s, size_t len);
/** "II", "IV.": a roman number alone (the number of a part or a poem). */
bool rt_is_roman_numeral(const char *s, size_t len);
/** "By A. Writer", "Russ Cox, for the Go team": a line that names the author. */
bool rt_line_is_byline(const rt_line *l);
/** "by" alone on its line, over the name on the next (a title page's). */
bool rt_line_is_lone_by(const rt_line *l);
/** Whether chunk `k` is the head of a post: a title and, on the lines under
 * it, a byline and/or a date and nothing else. Returns how many lines are
 * under the title (0: not a head) and where the byline and date are
 * (SIZE_MAX: none). */
size_t rt_title_head(const rt_state *st, size_t k, size_t *byline, size_t *date);

/* wrap.c */
/** Joins the lines of hard-wrapped paragraphs (found from the file's line
 * lengths, or as opts->wrap says); true when it did. `data` is the source,
 * for its vocabulary. */
bool rt_unwrap(rt_state *st, const char *data, size_t len, const imprint_read_opts *opts);

/* markers.c */
/** Finds the file's footnote definitions of every style and the markers
 * that refer to them; marks the definition lines (notedef, note_label…). */
void rt_markers_scan(rt_state *st);
/** Whether a footnote marker may begin at `p`: every shape starts with a
 * digit, one of "*[{(<" or † or ‡ (whose UTF-8 starts 0xE2), so most
 * characters of a text are ruled out before rt_marker_shape() is called. */
static inline bool rt_marker_may_start(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return (c >= '0' && c <= '9') || c == '*' || c == '[' || c == '{' || c == '(' || c == '<' ||
           c == 0xE2;
}
/** The shape of a footnote marker at `p` (in `text`, ending at `end`): its
 * length in bytes, its style and label; 0 when there is none. */
size_t rt_marker_shape(const char *text, const char *p, const char *end, rt_marker_style *style,
                       char *label, size_t size);
/** Whether a marker of `style` and `label` is to be taken as a reference. */
bool rt_marker_taken(const rt_state *st, rt_marker_style style, const char *label);
/** Whether the line holds a footnote marker taken as a reference. */
bool rt_line_has_marker(const rt_state *st, const rt_line *l);
/** A heading over notes: "Notes", "FOOTNOTES:", "Notes to Chapter III",
 * "EDITOR'S NOTES.". */
bool rt_line_is_notes_heading(const rt_line *l);
/* The bytes of "(*" ("(**", "(†") that open a note written in parentheses
 * right under its paragraph ("(* This spring produced…)"), 0 if the line
 * opens none. */
size_t rt_line_opens_paren_note(const rt_line *l);

/* notes.c */
void rt_notes_begin(rt_state *st);
bool rt_notes_add_definition(rt_state *st, const rt_line *l);
bool rt_notes_finish(rt_state *st);

/* blocks.c */
/** Builds the blocks of chunks [from, to) into st->article. */
bool rt_build_blocks(rt_state *st, size_t from, size_t to);
/** A block of `kind` holding the lines of chunk `c`, a line break between
 * each two (display lines kept as set). The node is st->doc's. */
imprint_node *rt_lines_block(rt_state *st, imprint_node_kind kind, const rt_chunk *c);

/** Whether a run of chunks from `k` is short lines an editor would take for a
 * list of references (not verse); returns its length, or 0. Stores in
 * `*scanned` (may be NULL) how many chunks it looked at. */
size_t rt_implicit_bib_run(const rt_state *st, size_t k, size_t to, size_t *scanned);

/* Building one article's blocks: blocks.c (the line loop, lists, tables,
 * verse, bibliographies), quotes.c (quotes, citations, dialogue),
 * headings.c (headings and their levels), over cursor.c. */
typedef struct {
    imprint_node *list;
    imprint_list_style style;
    int next;
    unsigned indent;
    gunichar glyph; /* a pasted bullet ("•", "◦"…) its items open with, or 0 */
} rt_list_level;

typedef struct {
    rt_state *st;
    size_t first, last;       /* line range of the article, inclusive */
    char *speech_ok;          /* per line of the range: a dialogue line */
    bool dialogue;            /* speakers recur in the article */
    bool transcript;          /* and their turns are much of it (quotes.c) */
    bool quoted_turns;        /* and their words are quoted: prose between them is not theirs */
    bool play;                /* speakers' names on lines of their own (quotes.c) */
    bool colon_names;         /* "Name:" alone over the words is a name line (quotes.c) */
    int verse_file;           /* rt_verse_file(), -1 until asked (verse.c) */
    int heads_at_margin;      /* sections head at the margin over prose set in, -1 until
                               * asked (blocks.c) */
    int prose;                /* the article has prose outside its stanzas: -1 until a
                               * stanza asks (verse.c) */
    imprint_node *play_turn;  /* the speech under the last name line, open */
    size_t play_turn_chunk;   /* the chunk of its name line */
    bool turn_blocks;         /* each turn is its name line's block alone (quotes.c) */
    imprint_node *last_block; /* last block appended to the article */
    size_t last_line;         /* source line index of the last block's last line */
    rt_list_level stack[IMPRINT_MAX_DEPTH];
    int depth;
    imprint_node *bib_list;
    bool bib_implicit;
    imprint_node *last_heading;
    size_t first_prose;   /* 1 + the first line of prose (contents.c); 0 until known */
    GHashTable *apart;    /* lines set apart, by entry key (contents.c), made when needed */
    GHashTable *listed;   /* the contents' entries by key → level (contents.c), or NULL */
    int decimal_next;     /* the number after the last "N." item of the article, 0 if none */
    int paren_next;       /* the number after the last "(N)" item (blocks.c), 0 if none */
    int bracket_dated;    /* the article's "[Clark, May 14, 1804]" lines; -1 until counted */
    int captions;         /* its captions emphasised whole over verse; -1 until counted */
    GHashTable *numbered; /* "air" → its numbers in "AIR XIV." lines alone, each with the
                             count of lines it heads (headings.c) */
    size_t no_verse_to;   /* chunks before it are in a run of short lines no poem (blocks.c) */
} rt_builder;

/* quotes.c: a play's turns, the name on a line of its own ("ROPER.") */
#define RT_NAME_LINE  2 /* speech_ok's value for a name line */
#define RT_STOP_LABEL 3 /* speech_ok's value for a turn "Name.  text" */
bool rt_play_name_line(rt_builder *b, size_t i, size_t *next);

/* index.c: a book's index under its heading, as a list */
bool rt_line_is_index_heading(const rt_line *l);
size_t rt_build_index(rt_builder *b, size_t i);
/* definitions.c: terms on lines of their own over their definitions set
 * in deeper, DEFINITION_MIN_ENTRIES at least, from line `i`, as one list;
 * the line after it, or 0. */
size_t rt_build_definitions(rt_builder *b, size_t i);
/* code.c: the lines of code from line `i` (rt_find_code marked them) as
 * one CODE block; the line after it, or 0 when line `i` is no code. */
size_t rt_build_code(rt_builder *b, size_t i);

/* contents.c: a table of contents under its heading, or one whose entries
 * come back as the headings below, as a list */
bool rt_line_is_contents_heading(const rt_line *l);
size_t rt_build_contents(rt_builder *b, size_t i);
/* Frees what contents.c keeps in the builder. */
void rt_contents_clear(rt_builder *b);
/* Whether line `i`, alone between blank lines, repeats an entry of the
 * article's contents above it: a heading of the level the contents gives
 * it (1 for its top entries, 2 for those set in under them) in `*level`. */
bool rt_listed_heading(rt_builder *b, size_t i, int *level);
/* The article's headings that repeat entries the contents sets in under
 * others take their level 2. */
void rt_contents_levels(rt_builder *b);
/** A contents of two levels, its top entries set in less than the entries
 * under them ("“THE FIDDLE AND THE BOW.” 9" over "Cherish the Little Ones
 * 19"): the chunks of the text's headings that repeat its top entries, in
 * order, CONTENTS_MIN_PIECES of them at least (a GArray of size_t the
 * caller frees); NULL when there is no such contents or not so many of its
 * entries come back. */
GArray *rt_contents_pieces(const rt_state *st);

/* ruled.c: a table drawn with rules and bars ("----+----" over "AM  |…"),
 * from its chunk's first line `i`: the line after it, or 0 when there is
 * none there */
size_t rt_build_ruled_table(rt_builder *b, size_t i);
/* Whether `l` is a rule with crossings ("----+----"): wrap.c joins no
 * line of its run of lines */
bool rt_line_is_crossed_rule(const rt_line *l);
/* Whether lines `i` to `j` (a run, none blank) hold a table drawn with
 * rules and bars of two columns or more from their first line or from
 * their first rule (under a caption), as rt_build_ruled_table would read
 * it: no drawing of boxes and arrows, no box of one column. */
bool rt_lines_ruled_table(const rt_line *lines, size_t i, size_t j);

/* cursor.c: the line cursor and appending blocks (calls no other part) */
rt_line *rt_line_at(rt_builder *b, size_t i);
void rt_append(rt_builder *b, imprint_node *node, size_t last_line);
bool rt_same_chunk(rt_builder *b, size_t i, size_t j);
size_t rt_next_text_line(rt_builder *b, size_t i);
size_t rt_prev_text_line(rt_builder *b, size_t i);
/* Whether the text line before `i` closes a letter ("Your friend,",
 * "Yours truly"): line `i` is then its signature. */
bool rt_after_closing(rt_builder *b, size_t i);
bool rt_dash_item(rt_builder *b, size_t i);
/** "«Tiens, tiens, dit-elle, …" over "--Je suis le docteur, dit Jean.": a
 * dialogue set the French way, in guillemets, each reply opened by a dash
 * in a paragraph of its own and the narration inside the marks; no
 * quotation (quotes.c). */
bool rt_dash_dialogue(rt_builder *b, size_t i);
/* quotes.c: each returns false / SIZE_MAX when its shape is absent */
bool rt_is_speech(rt_builder *b, size_t i, size_t *name_len, size_t *skip);
void rt_find_dialogue(rt_builder *b);
imprint_node *rt_speech_node(rt_builder *b, size_t i);
size_t rt_take_citation(rt_builder *b, imprint_node *quote, size_t qlast, size_t i);
size_t rt_build_quote(rt_builder *b, size_t i);
bool rt_wrap_as_quote(rt_builder *b, size_t i);
bool rt_colon_quote(rt_builder *b, size_t i);
/* openers.c: a letter's salutation (or the place and date over it) from
 * line `i`, under the letter's heading, as a block; returns the line after
 * it, 0 if there is none */
size_t rt_build_opener(rt_builder *b, size_t i);
/* "Dear Z.,--", "Gentlemen:", "Lieber Freund!": a salutation alone. */
bool rt_line_is_salutation(const rt_line *l);
/* Whether the line opens with a salutation's word ("Dear", "Sir",
 * "Lieber"), whatever it ends with ("Dear Editor" scraped without its
 * comma). */
bool rt_line_opens_salutation(const rt_line *l);
/* closers.c: the closing of a letter, a preface or a poem from line `i`
 * (a sign-off and signature, a place and date) as one block; returns the
 * line after it, 0 if there is none */
size_t rt_build_closer(rt_builder *b, size_t i);
/* closers.c: in a digest of messages, a signature under its "--" line
 * ("-- " by the convention, at most MAIL_SIGNATURE_MAX_LINES lines) from
 * line `i` as the message's closing, line by line; returns the line after
 * it, 0 if there is none */
size_t rt_build_mail_signature(rt_builder *b, size_t i);
/* verse.c: whether chunk `k` is verse quoted in a hard-wrapped text's
 * prose (its lines kept apart, opened by a quote mark) */
bool rt_quoted_verse(const rt_state *st, size_t k);
/* verse.c: whether the nearest chunk before or after chunk `k` that is
 * not verse (a poem's other stanzas passed over) is prose: what is quoted
 * in a text sits in its prose; a miscellany's pieces sit between their
 * captions, signatures and one another. */
bool rt_prose_beside(rt_state *st, size_t k);
/* verse.c: whether every word of four letters or more starts with a
 * capital, and some letter is small: "Lane, Manservant", "The Widow and
 * her Child." (laxer than lines.c's title_case, which "his" fails). */
bool rt_line_long_words_capitalised(const rt_line *l);
/* verse.c: whether chunk `k` is emphasised whole ("_Red-Lion, Egham._",
 * "*From a Window in the Inner Temple-Hall.*"), a stop after the mark or
 * before it. */
bool rt_chunk_emphasised(const rt_state *st, size_t k);
/* verse.c: a stanza from line `i` (the first of its chunk); 0 if none */
size_t rt_build_stanza(rt_builder *b, size_t i);
/* A turn of a hard-wrapped play set in as verse from line `i`, its label
 * on the first line ("_Filch._ 'Tis Woman …" over the song): one speech
 * holding the verse (reported); the line after it, or 0. */
size_t rt_build_sung_turn(rt_builder *b, size_t i);
/* The lines under the name line `i` of a speech, to the end of its chunk,
 * when they read as verse ("KAISER:" over the emperor's couplets): appended
 * to `sp` as one verse block; the line after them, or 0 (prose). */
size_t rt_build_verse_under(rt_builder *b, size_t i, imprint_node *sp);
/** The LINE node (st->doc's) of line `m` in a verse block, at `pos`: its
 * words from byte `skip`, `len` bytes, set in `indent` spaces beyond the
 * block's least, `number` its number in the margin (0: none). The one
 * builder of a verse line, so no block loses a line's margin number. */
imprint_node *rt_verse_line(rt_state *st, const rt_line *m, imprint_pos pos, int indent, int number,
                            size_t skip, size_t len);
/* headings.c */
bool rt_body_follows(rt_builder *b, size_t i);
bool rt_numbered_heading(rt_builder *b, size_t i, imprint_list_style style, int number,
                         size_t skip);
bool rt_colon_heading(rt_builder *b, size_t i);
bool rt_spacer_heading(rt_builder *b, size_t i);
bool rt_caption_heading(rt_builder *b, size_t i);
/* text.c: the name of a byline set apart at chunk `k` (chunks before `end`),
 * as on a book's title page: "by" and the name in runs of their own or in
 * one, or "By Name" alone; NULL if none. Sets `*next` to the chunk after it
 * and `*skip` to the name's offset in its line. */
const rt_line *rt_byline_at(const rt_state *st, size_t k, size_t end, size_t *next, size_t *skip);
bool rt_bracket_heading(rt_builder *b, size_t i);
/* A line alone that opens with a word and a number ("AIR XIV. Pretty
 * Parrot, say--", "Psalm 23"), the word so numbered on NUMBERED_HEAD_MIN_RUN
 * lines alone of the article at least: a heading of the series. */
bool rt_numbered_series_heading(rt_builder *b, size_t i);
/* Frees what headings.c keeps in the builder. */
void rt_headings_clear(rt_builder *b);
void rt_set_levels(rt_state *st);
void rt_set_parallel_levels(rt_state *st);
/* Whether the text only numbers a section ("IV.", "CHAPTER 2", "Book
 * III"): 0 if not, else the same value for every heading of one series (1
 * for a bare roman numeral, another per numbering word). */
int rt_number_heading_kind(const char *s, size_t len);
/* Whether the line opens with a section's number: the whole line, its
 * first word with a stop ("IV. The Ransom") or its first two ("PART
 * I.--DRILL.", "FIRST ACT"). */
bool rt_line_opens_with_number(const rt_line *l);
/* A heading that only numbers its section ("I", "CHAPTER IV") with the
 * heading right under it ("THE FLOOD") become one ("I. THE FLOOD"). */
void rt_join_number_headings(rt_state *st);
/* A book's title page: the run of headings an article opens with, when one
 * of them repeats the article's title, is paragraphs (a section word or
 * "Contents" at its end stays a heading). */
void rt_title_page(rt_state *st);

/* glossary.c: runs of GLOSSARY_MIN_ENTRIES paragraphs or more, each
 * opened by an emphasised term and a colon, become a list without markers
 * (a glossary, a list of definitions). Reports it. */
void rt_glossaries(rt_state *st);

/* numbered.c: decimal lists whose numbers run on across the paragraphs
 * between them (NUMBERED_PARA_MIN_LISTS) are numbered paragraphs: each
 * item a paragraph again, its number kept. Reports it. */
void rt_numbered_paragraphs(rt_state *st);

/* Drops the first heading of the article that repeats its title (or the
 * book's) with nothing under it but the next heading: the half-title
 * before a book's first chapter. Reports it. */
void rt_half_title(rt_state *st);

#endif
