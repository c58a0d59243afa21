#ifndef IMPRINT_READ_TEXT_LIMITS_H
#define IMPRINT_READ_TEXT_LIMITS_H

/* The text reader's named limits and ratios, one home for all: each is the
 * line between two readings of a text (wrapped or not, verse or prose, a
 * note or a year), measured on real texts as its comment says, and tested
 * on both sides in tests/unit/test_read_text_shapes.c. */

/* every stage */

/** Longest superscript marker taken as a note number: more digits would not
 * fit an int, and no text has a millionth note. Longer runs stay as text. */
#define READ_TEXT_MAX_MARKER_DIGITS 6

/** How many lines a block quote that opened with a quote mark may run on,
 * looking for its closing mark, before the reader gives up and takes only
 * its first line as the quote (a stray mark must not swallow an article). */
#define READ_TEXT_MAX_QUOTE_LINES 12

/** An epigraph's source set in on its own line under it ("The Convert.",
 * "Toolungala Stockyard Chorus.") has so many words at most; a longer line
 * set so is text of its own (the sources of Kipling's epigraphs run to three). */
#define CITATION_SET_IN_MAX_WORDS 6

/** Longest line (in code points) taken as a title or heading. */
#define READ_TEXT_MAX_HEADING_CHARS 120

/** Fewest short lines in a row taken as a bibliography without a heading. */
#define READ_TEXT_MIN_BIB_RUN 5

/* blocks.c: figures */

/** Most lines of a placeholder's caption that goes on below its first line
 * ("[Illustration: MONUMENT … ROME" over "SKETCHED BY STRITCH HUTTON]"; a
 * railway guide's map, its title and six stations with their pages, is 9):
 * a bracket left open longer is a stray one, and its lines are text. */
#define FIGURE_CAPTION_MAX_LINES 12

/* blocks.c: entries set in */

/** Fewest paragraphs in a row, set in and each opened by a label ("_Leux._
 * Mischief-maker.", "4. A collection"), that are a list's or a glossary's
 * entries rather than quotations: two such are a quotation's paragraphs
 * as likely. */
#define LABELLED_RUN_MIN 3

/** Longest term in emphasis that labels an entry, in bytes with its marks
 * ("_Pesok que tuk._" is 16). */
#define LABEL_TERM_MAX_BYTES 40

/* mail.c */

/** Fewest messages under headers for a file to be a digest, each message
 * an article: one header block is a message quoted (a post that quotes an
 * e-mail), which stays as it is. */
#define MAIL_MIN_MESSAGES 2

/** Fewest field lines of a header shown in the text (a FAQ's "Archive-name:"
 * / "Posting-Frequency:", a sample message's "From:" / "Newsgroups:") for
 * its lines to be kept as they are set: one such line is a sentence's. */
#define HEADER_FIELDS_MIN 2

/** Most lines of a message's signature under its "--" line: Usenet's
 * custom asks for four at most, and the digests read run to six (a name,
 * a node, two addresses, a quip over two lines); a longer run under "--"
 * is text (a dash set alone before a paragraph). */
#define MAIL_SIGNATURE_MAX_LINES 6

/* index.c */

/** Longest heading of an index in code points ("INDEX OF MUSICAL
 * INSTRUMENTS" is 28): a longer line that begins "Index of" is a sentence. */
#define INDEX_HEADING_MAX_CHARS 40

/** Fewest entries of an index: fewer lines under "Index" that name pages
 * are text of their own (a note that the book has no index, a line or
 * two). */
#define INDEX_MIN_ENTRIES 5

/** Least share of an index entry's lines that name a page: an entry's
 * sub-entries name theirs, one a line, but a long one turns over ("Bach,
 * J.S. …, / and fugue-form, 91;" ends on a page, its first part may not). */
#define INDEX_ENTRY_LINE_SHARE 0.5

/** Most words of an index entry's line that needs no more pages than one:
 * the longest such entry in the indexes looked at has 12 ("Hennepin,
 * Louis, cited on ceremonial use of Calumet by Algonkian tribes 153", its
 * turn joined); a paragraph is longer. */
#define INDEX_ENTRY_MAX_WORDS 20

/** Least share of pages among the words of a longer entry line: a list of
 * pages turned over and joined is mostly pages (60 of 70 words for
 * Beethoven in an index of a book on music), a paragraph that ends on a
 * year has one. */
#define INDEX_PAGES_SHARE 0.3

/** Levels of an index's entries kept as lists within lists (an entry, its
 * sub-entries, theirs: "BACH C.P.E." / "  _Sonatas_: …" / "    Würtemberg,
 * 85"); a line set in deeper stays a line of the entry above it. */
#define INDEX_MAX_LEVELS 3

/** Longest lower-case roman page of an index ("xviii" is 5). */
#define INDEX_ROMAN_MAX 6

/* contents.c */

/** Fewest entries of a table of contents: fewer lines under "Contents" are
 * text of their own. */
#define CONTENTS_MIN_ENTRIES 3

/** Longest line of a contents entry, in code points (the longest chapter
 * title with its number and page, in the texts looked at, is 62). */
#define CONTENTS_ENTRY_CHARS 80

/** The share of a run of short lines with no Contents heading over it that
 * must come back below, in order, as lines set apart, for the run to be a
 * table of contents: most entries are headings again (an entry the text
 * lacks, "Selected Bibliography", or one it words otherwise may fail). */
#define CONTENTS_RECUR_SHARE 0.6

/** Deepest level a contents' decimal numbers give its headings ("1.5.1)"
 * 3): deeper numbers are level 3 too, the book's outline kept readable. */
#define CONTENTS_MAX_LEVELS 3

/** Top entries of a contents of two levels that must come back as
 * headings for them to be the book's pieces, each an article: one is a
 * book's own title. */
#define CONTENTS_MIN_PIECES 2

/** Blank lines a contents of two levels may have between its groups
 * ("“THE FIDDLE AND THE BOW.” 9" and its sections, two blank lines, the
 * next lecture and its): more end it. */
#define CONTENTS_PIECES_MAX_BLANKS 2

/* lines.c: a speaker's label is at most READ_SPEAKER_MAX_WORDS words and
 * READ_SPEAKER_MAX_CHARS code points (read/names.h, shared with the
 * markdown reader). */

/* markers.c */

/** Most digits of a numeric note label: no text has ten thousand notes, and
 * a longer number in brackets is a year or a page, not a note. */
#define MARKER_MAX_DIGITS 4

/** Most paragraphs a definition may run on without a label of their own,
 * between two definitions of one run: a note of several paragraphs. More is
 * body text between two groups of notes. */
#define MARKER_MAX_GAP 4

/** Numbered lines ("1. text") with no Notes heading over them are notes
 * only in a run of at least this many, numbered from 1 with each marker
 * found: one numbered line alone is a heading or a list as often. */
#define MARKER_BARE_MIN_RUN 2

/** A run of definitions is taken when at least this share of them have a
 * marker before them: the rest lost theirs in the source, and are kept as
 * notes nothing refers to (with a warning). */
#define MARKER_RUN_SHARE 0.5

/* quotes.c */

/** A label that occurs once in an article is a speaker's only when what
 * follows it is a turn (this many characters at least), not the rest of a
 * heading ("PART TWO: QUESTIONS"), and other speakers recur. */
#define SPEECH_SINGLE_TURN_CHARS 40

/** Most labels heard once in an article ("CHUEV:" right over "MOLOTOV:",
 * a question and its answer) for two of them, one right under the other,
 * to be turns with no name that speaks again; more are a key's or a form's
 * labels. */
#define SPEECH_EXCHANGE_MAX_SINGLES 2

/** An article is a transcript, its paragraphs without a name the turns of
 * the speaker above them, when at least this share of its paragraphs open
 * with a turn: 0.36 to 0.45 in interview transcripts, under 0.05 in an
 * essay that quotes an exchange or two (its turns a line each, in one
 * paragraph). */
#define TRANSCRIPT_TURN_SHARE 0.25

/** A play's layout, the speaker's name alone on a line ("ROPER.") and the
 * speech under it: a name counts when it heads at least this many turns
 * of the article (a heading is not written three times over)... */
#define PLAY_NAME_MIN_TURNS 3

/** ...and the article is a play when at least two names do, and their
 * lines are at least this share of its paragraphs (0.45 to 0.5 in the plays
 * looked at, where every turn is a name line and a speech). */
#define PLAY_NAME_SHARE 0.2

/** A play whose turns are "Jack.  text" (the name ending in a stop) when at
 * least this share of an article's paragraphs are turns of names that
 * recur: 0.88 in a Gutenberg edition of Wilde, where nearly every paragraph
 * is a turn; prose opens a paragraph with "Yes.  " or "No.  " now and then,
 * a quarter of them in the lookalike fixture (prose_double_space.txt). */
#define PLAY_STOP_LABEL_SHARE 0.5

/** A book that opens with prose (a preface, a dedication) before its
 * dialogue ("_Pisc_. Sir, …" in Walton's Angler: 77 turns of 180
 * paragraphs, 0.6 of those from the first turn on) is a play from its
 * first turn when PLAY_STOP_LABEL_SHARE of the paragraphs from its first
 * turn to its last are turns, and there are at least this many: four
 * "Yes.  " and "No.  " close together in prose are no dialogue. A play
 * whose names stand on lines of their own after a long front (The Rescue
 * of the Princess Winsome: 39 name lines of 263 paragraphs, its speeches
 * songs of several stanzas) is one from its first name on, PLAY_NAME_SHARE
 * of the paragraphs of prose there being name lines, with as many. */
#define PLAY_SPAN_MIN_TURNS 12

/** Letters a speaker's name written once must share with a name that
 * recurs, the one the other's start, to be the same speaker's ("Pis",
 * "Piscat" and "Piscator" beside "Pisc"): one or two letters ("H.") may
 * be anyone's. */
#define PLAY_NAME_PREFIX_MIN 3

/** Where at least this share of the turns' words open with a quotation
 * mark ("_Lincoln_. 'And you…'"), the turns are exchanges a book quotes: a
 * paragraph without a name and without a quotation mark after them is the
 * book's own prose again, not the last speaker's. In Wellman's chapter all
 * 66 turns are quoted; a play's turns are not. */
#define QUOTED_TURNS_SHARE 0.9

/* text.c */

/** No-break spaces before "?", "!", ":", ";", "»" or after "«" that show a
 * file set in French typography, where a no-break space is spacing, not the
 * scraped blog's title cue. */
#define FRENCH_SPACING_MIN 3

/** Most lines of a collection's head (its title, author, ornaments) before
 * the first poem; more is a poem or a preface. */
#define COLLECTION_HEAD_MAX_LINES 8

/** Paragraphs that open with a quotation mark and, of them, the share that
 * go on in narration ("…?” said she; “…"): a novel's dialogue, not block
 * quotes. */
#define DIALOGUE_MIN_QUOTED     5
#define DIALOGUE_NARRATED_SHARE 0.15

/** ...and the most of them that may have a citation under them: block
 * quotes are cited ("(Author, Work)", "–Author"), a story's lines never. */
#define DIALOGUE_CITED_SHARE 0.1

/* titles.c */

/** Most lines under a title that still belong to its head. */
#define TITLE_HEAD_MAX_LINES 3

/** Longest byline or date line (code points): longer is a sentence. */
#define TITLE_HEAD_LINE_CHARS 80

/** Longest date line: "[London,] Thursday afternoon, November 20, 1816." */
#define TITLE_DATE_CHARS 60

/* verse.c */

/** Least share of a set-in chunk's line breaks that fall after a word that
 * joins the line to the next ("of", "a", "the", "and": rt_is_joiner_word)
 * for its lines to be prose wrapped at a narrow measure rather than verse:
 * a publisher's note breaks two of two so, a stanza of the shape corpus at
 * most one in four. */
#define VERSE_JOINER_BREAKS_SHARE 0.5

/** A run of lines is verse when at least this share of its line breaks
 * come after a line with no full stop and before a capital. Prose that
 * keeps its lines (a wrapped text's short lines, an address) scores under
 * 0.15; the verse collection of the shape corpus 0.74. */
#define VERSE_CAPITAL_SHARE 0.4

/** Longest typical line of verse (the median of a run, in code points):
 * longer lines are prose, whatever their capitals. */
#define VERSE_MEDIAN_CHARS 60

/** Least share of a run's line breaks that fall mid-sentence (the next
 * line going on in a small letter, or the line ending on a joining word)
 * for a run of long lines in a book of verse to be prose: a libretto's
 * argument and its transcriber's note break so at 0.8 and more, a stanza
 * turns over in a small letter seldom. */
#define VERSE_PROSE_BREAKS_SHARE 0.5

/** Longest line of a stanza found inside prose. */
#define VERSE_MAX_CHARS 90

/** Fewest lines of a stanza found inside prose (a verse file takes any). */
#define VERSE_MIN_LINES_IN_PROSE 3

/** A file is a collection of verse when its runs of lines read as verse
 * this often (of the runs of two lines or more), and at least
 * VERSE_FILE_MIN_STANZAS of them. */
#define VERSE_FILE_SHARE       0.6
#define VERSE_FILE_MIN_STANZAS 5

/** How much deeper than the file's prose a block must be indented to be set
 * off from it (a quotation, verse quoted in prose). */
#define VERSE_BLOCK_INDENT 2

/** How far (in columns) a line's middle may be from the wrap width's for
 * the line to be centred, and its end from the width for it to be set
 * right: a hand-centred title page is off by a column or two. */
#define ALIGN_TOLERANCE 2

/** Most cells of a table's row read by where they start (placed_row,
 * blocks.c): more are no row of a table read so. */
#define TABLE_MAX_CELLS 32

/** Fewest cells of a row read by where they start that start where their
 * columns do ("Op." and "13" under "Op." and "2 No. 1" in "Op. 13
 * (C minor, "Sonate"): a line of prose has its first there, and another
 * only when a wide space by chance falls where a column starts. */
#define TABLE_PLACED_MIN_ANCHORS 2

/** A heading in capitals may be set over so many lines at most, with prose
 * under it ("OF THE PRESENT ABILITY OF AMERICA," / "WITH SOME MISCELLANEOUS
 * REFLEXIONS."); more lines in capitals are display (a title page). */
#define CAPS_HEADING_MAX_LINES 3

/** A title centred over the text may be set over so many lines at most
 * ("The Diary of" / "a Nobody"); more are a title page. */
#define CENTRED_TITLE_MAX_LINES 3

/** A memo's masthead (text.c) has at least so many lines set in two
 * columns, a name at the margin and another far right ("Network Working
 * Group        L. Masinter"): one such line is a line with a gap. */
#define MASTHEAD_MIN_COLUMN_LINES 2

/** Dashes a rule of a table drawn with rules and bars has at least
 * (ruled.c): "---" is the least anyone types to draw one. */
#define RULED_MIN_DASHES 3

/** Crossings a drawn table's rule has at most (ruled.c): a rule with more
 * is a row of ornaments, no table's. */
#define RULED_MAX_CROSSINGS 15

/** Lines heading acts and scenes ("ACT I.", "ERSTER AKT.", "ZWEITE
 * SCENE.") that make a file of verse one drama, not a collection of poems
 * (a poem may be called "The Last Act"). */
#define DRAMA_MIN_PARTS 3

/** A title set in capitals over lines together at the top of a file, over
 * its byline ("NEWS FROM NOWHERE" / "OR" / "AN EPOCH OF REST" / "BEING
 * SOME CHAPTERS FROM" / "A UTOPIAN ROMANCE" over "BY" / "WILLIAM
 * MORRIS,"), has so many lines at most; more are a page of display. */
#define CAPS_TITLE_MAX_LINES 6

/** A collection of prose pieces (stories, speeches, essays) in one file
 * sets its titles off by more blank lines than anything else after the
 * first of them: so many at least, and more than twice the paragraphs'
 * usual gap; TITLE_GAP_MIN_TITLES such titles at least at one gap (the
 * first may be set off from the front matter by more). */
#define TITLE_GAP_MIN_LINES  3
#define TITLE_GAP_MIN_TITLES 2

/** In a book whose title names its pieces ("LETTERS"), numbers alone on
 * their lines ("216.") are the pieces' numbers, each an article, when at
 * least this many of one series are found: one is a part's number. */
#define NUMBERED_PIECES_MIN 3

/** A collection of verse whose poems are numbered, not titled (text.c:
 * numbered_poems): NUMBERED_POEMS_MIN numerals alone at least, set apart
 * as a title is, NUMBERED_POEMS_TITLED of them with a title of their own
 * under them ("III" over "THE RECRUIT": 16 of 63 in "A Shropshire Lad").
 * A long poem in numbered sections ("In Memoriam") titles none of them,
 * and its sections stay its headings. */
#define NUMBERED_POEMS_MIN    3
#define NUMBERED_POEMS_TITLED 2

/** A book's front speaks of its pieces when a word for them ("sketches")
 * follows "these" with so many words at most between them ("These fleeting
 * sketches are all republished"); further on it names something else. */
#define PIECES_WORD_REACH 2

/** A hard-wrapped text's paragraphs set in and in capitals, one blank line
 * apart, are a dedication's display lines when so many follow each other;
 * fewer are headings or quotations set in. */
#define DEDICATION_MIN_CHUNKS 3

/** A piece's subtitle set apart under its title, in capitals, may be set
 * over so many lines at most; more are a passage of its own. */
#define SUBTITLE_MAX_LINES 2

/** A title page set one phrase a line ("AN" / "ACCOUNT OF THE PROCEEDINGS"
 * / "ON THE" / …) may hold runs of so many lines at most ("BEVERLY W.
 * JONES, EDWIN T. MARSH" / "AND WILLIAM B. HALL,"); a longer run is text. */
#define SPACED_TITLE_CHUNK_LINES 2

/** In a collection of verse, a line with a year and no more words than
 * this ("Christmas Day, 1811.") is a date; one set apart before the
 * poem's first stanza belongs to its head and opens no poem. */
#define POEM_DATE_MAX_WORDS 4

/* openers.c */

/** Longest salutation, in code points ("MY DEAR AND VALUED DOROTHEA
 * CECILIA,--" is 38): a longer line is a sentence. */
#define OPENER_MAX_CHARS 60

/* headings.c */

/** Fewest lines in brackets naming a date ("[Clark, May 14, 1804]") in an
 * article for them to head its entries: one or two are an editor's asides. */
#define BRACKET_HEADING_MIN_RUN 3

/** Fewest lines alone opening with one word and different numbers ("AIR
 * I.", "AIR II.", "AIR III.") in an article for them to head its parts: a
 * play's songs, a hymnal's psalms; one or two are a sentence's or a
 * caption's. */
#define NUMBERED_HEAD_MIN_RUN 3

/** Fewest different captions emphasised whole over a poem ("_Red-Lion,
 * Egham._" over the verse written on its window) in an article for them to
 * head its pieces: one is a line of prose stressed before a quotation, and
 * a song's "_Chorus._" over each chorus one caption. */
#define CAPTION_HEADING_MIN_RUN 3

/* closers.c */

/** Longest line of a signature under a sign-off, in code points ("Secretary
 * to the Committee of Correspondence" is 41): a longer line is prose. */
#define CLOSER_MAX_CHARS 40

/** Most lines of a closing: the sign-off, the name, a title, a place and a
 * date; more short lines under "Yours," are a list or verse. */
#define CLOSER_MAX_LINES 5

/** Most lines of what may stand between a letter's signature and the next
 * letter: a postscript, the writer's address, a couplet under the name
 * ("L. VAN BEETHOVEN." over "My kindest regards to your excellent
 * husband."); more is the text going on. */
#define CLOSER_POSTSCRIPT_LINES 3

/** Fewest words of a line under a signature that, most of them in small
 * letters, make it a sentence, not the signature's title or place ("My
 * regards to Tom, and to the children."; "Lamp Room, North Pier." and
 * "Secretary to the Committee of Correspondence" stay). */
#define CLOSER_SENTENCE_WORDS 4

/** Most words of a sign-off ("Believe me, my dear Sir, ever most faithfully
 * yours," is 9): a longer line opened by "Yours" is a sentence. */
#define CLOSER_SIGN_OFF_WORDS 10

/* numbered.c */

/** Fewest numbered lists whose numbers run on from one to the next across
 * the text between them for their items to be numbered paragraphs (a
 * regulation's "1." to "30."): two may be one list interrupted. */
#define NUMBERED_PARA_MIN_LISTS 3

/** Fewest words an item of such lists has on average: numbered paragraphs
 * are prose (READ_TEXT_BIB_PROSE_WORDS), a list's items mostly are not. */
#define NUMBERED_PARA_MIN_WORDS READ_TEXT_BIB_PROSE_WORDS

/* glossary.c */

/** Fewest paragraphs in a row opened by an emphasised term and a colon
 * ("_Alignment:_ A straight line…") that make a glossary, a list: one or
 * two are a paragraph's own emphasis. */
#define GLOSSARY_MIN_ENTRIES 3

/** Most words of a glossary's term ("Battle sight", "Line of columns"): a
 * longer emphasised opening is a sentence stressed. */
#define GLOSSARY_TERM_WORDS 5

/** Most words of a quotation's source set alone under it, at a margin
 * left of it and nearer to it than to the text below ("G.J.", "Jamrach
 * Holobom", "_The Unauthorized Version_"): a longer line is a sentence. */
#define CITATION_UNDER_MAX_WORDS 4

/* wrap.c */

/** Fewest line breaks inside paragraphs a file must have to be judged
 * wrapped: a handful of two-line paragraphs or a short list says nothing. */
#define WRAP_MIN_BREAKS 12

/** Share of those breaks that must be a wrapper's (the next word would not
 * have fit): 0.87 in a Gutenberg text, 0.02 in verse, under 0.2 in scraped
 * web text where each paragraph is one line. */
#define WRAP_MIN_SHARE 0.6

/** The wrap width is this quantile of the end columns of lines that go on
 * to another line: the few lines a wrapper let run long stay out of it. */
#define WRAP_WIDTH_QUANTILE 0.99

/** A text wrapped by hand runs ragged: its lines end anywhere from the
 * 60th to the 65th column ("Charles Dickens and Music", where the 99th
 * percentile gives 48 % of wrapper's breaks), or from the 60th to the 71st
 * (White's "Selborne": 35 % at the 99th, 57 % at the 90th, 72 % at the
 * 80th). It is wrapped too when, at this lower quantile's width,
 * WRAP_MIN_SHARE of its breaks are a wrapper's and WRAP_LOWER_SHARE of them
 * go on in a small letter. */
#define WRAP_RAGGED_QUANTILE 0.8

/** Share of a ragged text's breaks after which the line goes on in a small
 * letter, mid-sentence: 0.75 to 0.93 in wrapped prose (books, letters,
 * diaries), 0 in verse and in a file of one paragraph a line, 0.42 in a
 * text of lists. */
#define WRAP_LOWER_SHARE 0.6

/** A ragged text whose breaks are nearly all a wrapper's, this share or
 * more at the lower quantile's width, needs only WRAP_LOWER_SHARE_SURE of
 * them to go on in a small letter: a journal whose writer capitalised at
 * will (Clark's, 1804: 87 % of wrapper's breaks, 58 % in a small letter;
 * a text of lists stays under 0.5). */
#define WRAP_RAGGED_SURE_SHARE 0.85
#define WRAP_LOWER_SHARE_SURE  0.5

/** The other way round: a ragged text whose breaks go on in a small letter
 * WRAP_LOWER_SHARE_CLEAR of the time or more (the least of wrapped prose,
 * see WRAP_LOWER_SHARE) needs only WRAP_RAGGED_LOOSE_SHARE of them to be a
 * wrapper's: prose wrapped by hand well short of its width (libpng's
 * manual: 57 % wrapper's breaks at the lower quantile, 79 % in a small
 * letter; verse and one-line paragraphs go on in a small letter hardly
 * ever, lists under half the time). */
#define WRAP_LOWER_SHARE_CLEAR  0.75
#define WRAP_RAGGED_LOOSE_SHARE 0.5

/** A word broken after a first half that is a word of the text ("seek-" +
 * "ing", "error-" + "prone") is joined only when its second half ends at
 * least this many other words of the text, a suffix ("ing" ends hundreds
 * in a book); a word that only ends compounds ("prone", "specific": none
 * in RFC 9293 and RFC 2324) keeps its hyphen. */
#define WRAP_SUFFIX_MIN_WORDS 3

/** Widest wrap width taken as a wrapper's: longer lines are paragraphs of
 * one line each, whatever breaks they have. */
#define WRAP_MAX_WIDTH 160

/** A line under a break that runs past this many times the wrap width
 * cannot be a wrapper's: a wrapper fills no line past its width. When
 * WRAP_OVERLONG_SHARE of the breaks are followed by one, the short lines
 * are labels over one-line paragraphs (Otter's "Ana  0:00" over each turn,
 * a few dozen columns over hundreds), and the file is not wrapped. Of
 * the 121 wrapped texts read (Gutenberg books, RFCs, manuals, the
 * fixtures) none has one such line; Otter's export has 0.75. */
#define WRAP_OVERLONG_RATIO 2
#define WRAP_OVERLONG_SHARE 0.25

/** A run of lines is prose when at least this share of its breaks are a
 * wrapper's; its other breaks are then wraps too (texts rewrapped by hand
 * or by an older wrapper leave a few lines short of the width), unless the
 * line is clearly short. Runs below it (verse, addresses, a contents list)
 * keep their lines. */
#define WRAP_PROSE_SHARE 0.5

/** A file is also wrapped when at least this share of its paragraphs of
 * several lines are prose by WRAP_PROSE_SHARE, though its lists, tables
 * and quoted verse bring its breaks under WRAP_MIN_SHARE (a play's cast and
 * songs, a book's contents and glossary). */
#define WRAP_PROSE_PARAGRAPHS 0.6

/** Fewest paragraphs of several lines, stanzas left out, for
 * WRAP_PROSE_PARAGRAPHS to be taken of them alone: a collection of poems
 * with a wrapped preface of two paragraphs is verse, its lines kept. */
#define WRAP_MIN_PROSE_PARAGRAPHS 6

/** Spaces inside a line that make a gap between columns (a table row, a
 * contents entry and its page number): such a line is never joined to
 * another. Two spaces are a sentence's end in many wrapped texts. */
#define WRAP_COLUMN_GAP 3

/** Entries set with hanging indents (wrap.c): a line at one indent whose
 * turned-over lines are set in deeper ("No. 4, the pin-ji-gu-san or sacred
 * Mide sack. It consists of" / "    an otter skin, …"; a publisher's list,
 * "=THE EARLY ROMAN EMPIRE=, from the Assassination of Julius Caesar to" /
 * "    the Assassination of Domitian."). A run of HANGING_RUN_MIN entries at
 * least, one blank line apart at most, HANGING_MIN_TURNED of them turned
 * over at one depth, is a list's entries and their lines are joined; one
 * or two such lines are a line and a quotation under it, or verse's
 * indents. Turned-over lines lie HANGING_MAX_DEPTH columns deeper at most:
 * a block set further in is quoted, not turned over. */
#define HANGING_RUN_MIN    3
#define HANGING_MIN_TURNED 2
#define HANGING_MAX_DEPTH  8

/** An entry's line is turned over when its next word would not have fit
 * within the wrap width less this many columns: a transcriber's marks
 * (=bold=, _italic_) put two columns on a line that the wrapper or the
 * printer measured without them ("=The AGE of ELIZABETH.= By MANDELL
 * CREIGHTON, D.D., LL.D., late" leaves room for "Bishop" at 72 columns,
 * not at 70). Verse quoted in the prose reaches so near the width hardly
 * ever, and alone it is no run (HANGING_RUN_MIN). */
#define HANGING_WIDTH_SLACK 2

/** In prose, a line ending before this fraction of the width ends where the
 * author ended it: a hard break, not a wrap. */
#define WRAP_SHORT_LINE 0.6

/** Short lines without a heading are taken as a list of references only
 * after a line of at least this many words in their article: before any
 * prose they are a title page or a contents list. */
#define READ_TEXT_BIB_PROSE_WORDS 12

/** Headings an article must open with, one of them its title again, to be
 * read as its title page (paragraphs): fewer are a heading and a subtitle,
 * unless a line under the first is a byline ("By James Joyce"). */
#define TITLE_PAGE_MIN_LINES 3

/** How far into a file (lines) the Project Gutenberg START marker may
 * be (gutenberg.c): the longest header seen is about 40 lines; a marker
 * further down is quoted, not a header. */
#define GUTENBERG_HEAD_MAX_LINES 400

/** Lines below the START marker (blank ones count) where the transcribers'
 * credit ("Produced by …", "E-text prepared by …") may begin. */
#define GUTENBERG_CREDIT_REACH 12

/** Lines above the END marker (blank ones count) where its "End of the
 * Project Gutenberg EBook of …" line may stand. */
#define GUTENBERG_END_LINE_REACH 6

/** Lines the "End of the Project Gutenberg EBook of …" line may be wrapped
 * over at the end of a file cut at its END marker ("… of The Girl's Own
 * Paper, Vol. VIII: No." / "353, October 2, 1886., by Various"). */
#define GUTENBERG_END_LINE_MAX 3

/* code.c: code set into a text */

/** Share (percent) of a run's lines that must show a sign of code (a
 * prompt, a rule of grammar, a call, a path, a drawing) for the run to be
 * code; the rest may be plain (a prototype's arguments, a program's
 * output). RFC 2616's grammar blocks are 90 % signed, its prose 0 %; a
 * half keeps "CTL = <any US-ASCII control character" / "(octets 0 - 31)
 * and DEL (127)>" whole. */
#define READ_TEXT_CODE_MIN_PCT 50

/** The same share for a run at the prose's own margin, where a paragraph
 * of two lines, one of them ending on a call, must stay prose: RFC 959's
 * drawings, at its subsections' margin, are 87 % signed. */
#define READ_TEXT_CODE_MARGIN_PCT 75

/** Share (percent) of a line's marks (quotes, bars, brackets, stars) for
 * a line opened by a bracket to be grammar going on: `( *LWS element *(
 * *LWS "," *LWS element ))` has 23 %, a parenthesis of prose "(see
 * section 3.2, and [4].)" 14 %. */
#define READ_TEXT_CODE_RULE_MARK_PCT 20

/** Share (percent) of a line's ink that is lines and arrows for a drawing
 * in characters ("|/----V----\|" 100 %, "UA -----v----- A" 80 %). */
#define READ_TEXT_CODE_MARK_PCT 50

/** Longest line (code points) that may be code: programs, grammars and
 * drawings keep to 80 columns, 132 at the most (a line printer's); a
 * longer line is a paragraph on one line, prose. */
#define READ_TEXT_CODE_MAX_CHARS 160

/** Fewest crossings of a packet diagram's rule of bits ("+-+-+-+-+-+-+-+-+",
 * one a bit: a byte is 8; a drawn table has RULED_MAX_CROSSINGS at most
 * and its cells hold words, not a dash or two), and fewest digits of the
 * line numbering its bits. */
#define READ_TEXT_CODE_BIT_CROSSINGS 8

/** Fewest line and arrow marks a drawing's line has: "| |        |", the
 * lines down from a box in RFC 959's state diagrams, is one; "|  |", two
 * bars, a gap between a table's columns. */
#define READ_TEXT_CODE_DRAWING_MARKS 3

/** A line of READ_TEXT_CODE_PROSE_WORDS words, or of READ_TEXT_CODE_STOP_WORDS
 * ending on a stop, READ_TEXT_CODE_PROSE_LETTER_PCT percent of it letters,
 * is a sentence, never code ("RaWrite 2.0 - Write disk file to" is a
 * program's output, 7 words; "Enter target diskette drive: a:" 5, no stop). */
#define READ_TEXT_CODE_PROSE_WORDS      8
#define READ_TEXT_CODE_STOP_WORDS       4
#define READ_TEXT_CODE_PROSE_LETTER_PCT 80

/** Runs of code set in at one indent that make that indent the file's code
 * indent: a plain run set in there is code too (a double-spaced dump's
 * session, "Plese insert a formatted diskette into" / "drive A: and press
 * -ENTER- :", between two runs of prose). One run could be a quotation's
 * indent as well. */
#define READ_TEXT_CODE_MIN_INDENT_RUNS 2

/* pages.c: a paginated text's running heads and feet */

/** Fewest page breaks (numbered feet, form feeds) that make a text
 * paginated: two lines of one shape with numbers going up may be two
 * entries of a list ("Lock 3", "Lock 4"); RFC 959's excerpt has 18. */
#define PAGE_MIN_BREAKS 3

/** Fewest lines from one page's foot to the next: a page of an RFC is 58,
 * of a typed manual 50 to 66; a numbered list's lines are closer. */
#define PAGE_MIN_LINES 20

/** How far (percent) the lines of a page may be from the pages' median:
 * a typed page is as long as the next, give or take a widow; the posts of
 * a blog under their dates are 35 to 87 lines long. */
#define PAGE_LENGTH_SLACK_PCT 25

/** Longest line (code points) taken as a page's foot or head: a foot is a
 * name and a number, an RFC's 72 columns at most. */
#define PAGE_MAX_LINE_CHARS 80

/** Most digits of a page number ("[Page 42]"): a book of a million pages
 * is none; a longer number at a line's end is an amount, a code, a date
 * written as one number. */
#define PAGE_MAX_NUMBER_DIGITS 6

/** Lines of a running head under a page break ("RFC 959   October 1985"
 * over "File Transfer Protocol"). */
#define PAGE_HEAD_LINES 3

/* definitions.c: lists of definitions */

/** Longest term (code points) over a definition set in under it: RFC
 * 9293's "Data Offset (DOffset):  4 bits" is 30, RFC 2616's "content
 * negotiation" 19; a longer line over text set in is a sentence's. */
#define DEFINITION_TERM_MAX_CHARS 48

/** Fewest terms in a row that make a list of definitions: one short line
 * over a paragraph set in is as often a quotation under its lead-in. */
#define DEFINITION_MIN_ENTRIES 2

/** Fewest words of a definition beside its term, on one line, that make
 * it prose, not a table's cell ("A 32 bit Internet address" has 5; a
 * lock's rise, "Nine feet", 2): a list of such entries is a list of
 * definitions when half of them have so many, or are turned over. */
#define DEFINITION_HANG_WORDS 5

/** Most words of a term with its definition beside it: "ID", "<BIT MAP>",
 * "-a, --all"; "Book A (in folio)" over "Pavan, Galliard" heads a table's
 * row. */
#define DEFINITION_HANG_TERM_WORDS 2

/** "=so=" is bold in a file with at least this many such spans, each a
 * mark before a word and the same after one (Distributed Proofreaders'
 * "boldface text is enclosed in =equals signs="): the French Revolution
 * of the Epochs series has 36 in its first 2,200 lines; a file where "="
 * only stands between spaces ("a = b") or in code has none. */
#define BOLD_EQUALS_MIN_SPANS 3

/** Lines below its own that a "_" left alone on a line of verse or of a
 * list looks for its close: of the 61 pairs in the texts read, 35 close
 * on the next line, 4 lines below at most but for 10 of a stanza of six
 * (5 below); a mark further off is a stray one, kept. */
#define CARRIED_EMPHASIS_MAX_LINES 8

/** Emphases one inside another that "_" marks pair: an italic stage
 * direction with a name or a word set back in roman inside it
 * ("[_As he moves … a _petite_, bright-eyed girl …_]", "_SCENE,
 * _Peachum's_ House._"). Two levels are what transcribers write; a third
 * opening mark stands for a stray one, as a mark opened twice did. */
#define EMPHASIS_MAX_NESTING 2

/** Most digits of a charter's clause number "(N) " that opens a list item
 * ("(1) Everyone has the right…"): the Universal Declaration's articles
 * have two or three clauses, a statute's sections rarely 99; "(1854)" is a
 * year, never an item. */
#define PAREN_ITEM_MAX_DIGITS 2

/** Most lines between a clause's "(N) " and the next's in a hard-wrapped
 * text for the wrapper to part them (an item of a page's length at most):
 * a "(2)" further below its "(1)" is taken as text, and each line's look
 * stays short. */
#define PAREN_ITEM_MAX_LINES 40

/** Shortest line under a line glued to it that makes the short one a
 * heading, in a file that keeps each paragraph on one line: longer than
 * any wrapped line (72 to 80 columns), as a paragraph of a sentence or two
 * is (the Universal Declaration's preamble, 130 to 380). */
#define GLUED_HEADING_MIN_BODY_CHARS 120

/** Longest such heading ("Preamble", "Article 1", "The right to asylum"). */
#define GLUED_HEADING_MAX_CHARS 60

/** Numbered section heads at the margin ("4.1.2 Nick message", over
 * prose set in three columns) that make a line at the prose's indent no
 * heading: an RFC has dozens; a book's one "1.1" at the margin is no
 * evidence. */
#define HEADS_AT_MARGIN_MIN 3

/** Furthest column a record's line number stands in from the left edge
 * (a hearing's "    11" stands in four): a page's number set at the
 * right, "      6" over seventy columns in, is none. */
#define LINE_NUMBER_MAX_INDENT 8

/** Columns past a record's margin that open a paragraph: a hearing sets
 * its paragraphs' first lines in twelve, its turned-over lines at the
 * margin. */
#define LINE_NUMBER_PARA_INDENT 3

/** Lines either way of a line that give the margin near it: a record's
 * page (25 lines), over which a document read into it keeps its own. */
#define LINE_NUMBER_PAGE_LINES 25

/** Lines a page runs to before its numbers may start again at 1 (a
 * record's pages have 25; a list's "1" after "2" is no new page). */
#define LINE_NUMBERS_MIN_PAGE 10

/** Pages whose numbers start again at 1 that make a record. */
#define LINE_NUMBERS_MIN_PAGES 2

/** Share of the lines with words that are numbered in sequence (the
 * cover, the list of those present and the index are not). */
#define LINE_NUMBERS_SHARE 0.5

/* zine.c */

/** Fewest "> Title" heads over their underlines that make a file an
 * online magazine's issue: one or two are a quoted message's lines. */
#define ZINE_HEADS_MIN 3

/** Fewest marks of a rule over a head ("""""…", 76 in Amiga Report): a
 * short one is an underline or a break. */
#define ZINE_RULE_MIN_MARKS 20

/* caesura.c */

/** Fewest lines set in half-lines, one gap inside each, that make a poem
 * so set: a few such lines are a table's. */
#define CAESURA_MIN_LINES 8

/** Share of the lines with words that have the one gap: the headings and
 * the short lines between have none. */
#define CAESURA_LINE_SHARE 0.5

/** Share of those gaps that are of one width, a space either way (an
 * edition sets the half-lines six spaces apart throughout). */
#define CAESURA_WIDTH_SHARE 0.8

/** Widest gap between half-lines: a wider one is a table's. */
#define CAESURA_MAX_WIDTH 12

/** Most of the second halves that may start at one column: a table's
 * second column starts at one column nearly always, the second half-lines
 * wherever the first ones end. */
#define CAESURA_ALIGNED_SHARE 0.3

/* verse_numbers.c */

/** Most digits of a poem's line number at its margin ("3182"). */
#define VERSE_NUMBER_MAX_DIGITS 5

/** Least and most lines between two of a poem's line numbers: every
 * line numbered is a list or a record, and no edition counts in more than
 * twenties. */
#define VERSE_NUMBER_MIN_STEP 3
#define VERSE_NUMBER_MAX_STEP 20

/** Lines with words beyond the step that may stand between two numbered
 * lines: a section's heading ("II. THE HALL HEOROT.") is not counted. */
#define VERSE_NUMBER_SLACK 2

/** Fewest numbered lines, their words at the verse's column, that make
 * the numbers a count: three could be a table's years. */
#define VERSE_NUMBERS_MIN 4

/** Share of the pairs of numbered lines one step apart in number and in
 * lines: a number the file lost or an editor's jump ("1000" after "995"
 * where a line is missing) may break it. */
#define VERSE_NUMBERS_STEP_SHARE 0.8

#endif
