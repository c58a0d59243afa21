/* Quotes of the text reader: block quotes in curly quotes and those without
 * marks, the citation line that belongs to each, and dialogue (speech). */

#include <string.h>

#include "read/text/text.h"

bool rt_is_speech(rt_builder *b, size_t i, size_t *name_len, size_t *skip)
{
    char ok = b->speech_ok[i - b->first];
    if (ok == RT_STOP_LABEL)
        return rt_line_stop_label(rt_line_at(b, i), name_len, skip);
    return ok && rt_line_speaker(rt_line_at(b, i), name_len, skip);
}

/* The label of line `i` as a key ("DR. FAUCI"), or NULL. */
static char *label_of(rt_builder *b, size_t i, size_t *rest)
{
    size_t name, skip;
    const rt_line *l = rt_line_at(b, i);
    if (l->blank || l->notedef || rt_line_starts_quote(l) || !rt_line_speaker(l, &name, &skip))
        return NULL;
    *rest = l->nchar - rt_utf8_cols(l->t, skip);
    size_t lead = rt_line_lead_stamp(l); /* (the name after a time stamp) */
    return g_strndup(l->t + lead, name - lead);
}

static void find_transcript(rt_builder *b, guint speakers, size_t first_turn)
{
    guint turns = 0, paragraphs = 0, lines = 0;
    for (size_t i = b->first; i <= b->last; i++) {
        bool starts = !rt_line_at(b, i)->blank && (i == b->first || rt_line_at(b, i - 1)->blank);
        paragraphs += starts;
        turns += starts && b->speech_ok[i - b->first];
        lines += b->speech_ok[i - b->first] != 0;
    }
    b->transcript = turns >= TRANSCRIPT_TURN_SHARE * paragraphs;
    if (!b->transcript)
        return;
    const rt_line *l = rt_line_at(b, first_turn);
    size_t name = 0, skip = 0;
    rt_line_label(l, &name, &skip);
    imprint_diags_report(b->st->diags, IMPRINT_SEV_NOTE, rt_pos(b->st, l->lineno, l->tcol),
                         "a transcript: %u of its %u paragraphs open with a turn (%u turns "
                         "of %u speakers, the first \"%.*s\"); a paragraph without a name goes "
                         "on the turn above it",
                         turns, paragraphs, lines, speakers, (int)name, l->t);
}

/* A speaker's name on a line of its own: `len` bytes from `at` are the
 * speaker as printed ("The Boy (throws his dart)"), the first `key` of
 * them the name alone, counted to find the names that recur. */
typedef struct {
    size_t at, len, key;
    bool colon; /* a name alone with its colon, in any case (colon_name) */
} play_name;

/* "_Gudfinna._", "_The Boy (laughing)._": a name alone in emphasis, a
 * direction in brackets after it kept with it. */
static bool emphasised_name(const rt_line *l, play_name *n)
{
    char m = l->t[0];
    size_t end = l->tlen;
    if ((m != '_' && m != '*') || end < 4)
        return false;
    while (end > 1 && (l->t[end - 1] == '.' || l->t[end - 1] == ':'))
        end--;
    if (l->t[end - 1] != m)
        return false;
    end--;
    while (end > 1 && (l->t[end - 1] == '.' || l->t[end - 1] == ':'))
        end--;
    if (end <= 1 || memchr(l->t + 1, m, end - 1))
        return false;
    const char *open = memchr(l->t + 1, '(', end - 1);
    size_t key = open ? (size_t)(open - l->t - 1) : end - 1;
    while (key && l->t[key] == ' ')
        key--;
    if (open && l->t[end - 1] != ')')
        return false;
    if (!key || !read_is_name_words(l->t + 1, key))
        return false;
    *n = (play_name){.at = 1, .len = end - 1, .key = key};
    return true;
}

/* "Speaker 1 (00:00:00):", "Justice Wagner [01:18]": a voice's name and the
 * time its turn starts in the recording, the words on the lines under it
 * (an interview's export); the name as printed keeps the stamp. */
static bool stamped_name(const rt_line *l, play_name *n)
{
    size_t key, len;
    if (!rt_line_stamped_name(l, &key, &len))
        return false;
    *n = (play_name){.at = 0, .len = len, .key = key};
    return true;
}

/* The length of the separator of a group's names at `p` (", ", " and ",
 * " AND ", ", and "), 0 for none. */
static size_t group_separator(const char *p, const char *end)
{
    static const char *const seps[] = {", and ", ", AND ", " and ", " AND ", ", "};
    for (size_t k = 0; k < G_N_ELEMENTS(seps); k++) {
        size_t n = strlen(seps[k]);
        if ((size_t)(end - p) > n && memcmp(p, seps[k], n) == 0)
            return n;
    }
    return 0;
}

/* Whether `len` bytes of `s` name several speakers together ("BLAND, DE
 * CASTRO, AND ROPER", "DAPHNE and NITA"): names in capitals, two at least,
 * parted by commas and "and". With `counts`, each must be a name that
 * heads a speech of its own in the play too ("LORDS AND LADIES.", whom
 * no one hears alone, names no group). */
static bool name_group(const char *s, size_t len, GHashTable *counts)
{
    const char *end = s + len, *part = s;
    guint parts = 0;
    bool ok = true;
    for (const char *p = s; ok && p <= end; p++) {
        size_t sep = p < end ? group_separator(p, end) : 0;
        if (p < end && !sep)
            continue;
        size_t n = (size_t)(p - part);
        ok = n && read_is_name_words(part, n) && ++parts <= READ_SPEAKER_MAX_WORDS + 1;
        for (size_t c = 0; c < n && ok; c++)
            ok = !g_ascii_islower(part[c]);
        if (ok && counts) {
            char *key = g_strndup(part, n);
            ok = g_hash_table_contains(counts, key);
            g_free(key);
        }
        if (p == end)
            break;
        part = p + sep;
        p = part - 1;
    }
    return ok && parts >= 2;
}

/* "Margaret Hale:", "Interviewer:" alone on a line, the words on the lines
 * right under it (an interview's transcript), or a blank line below
 * (read_is_apart_name: "Stephan Livera:"): a name of one to three words in
 * any case, and no label ("Note:", "Source:"). */
static bool colon_name(rt_builder *b, size_t i, play_name *n)
{
    const rt_line *l = rt_line_at(b, i);
    size_t key = l->tlen - 1;
    if (l->tlen < 2 || l->t[key] != ':' || i >= b->last ||
        (rt_line_at(b, i + 1)->blank && !read_is_apart_name(l->t, key)) ||
        !read_is_name_words(l->t, key) || read_is_label_word(l->t, key, true))
        return false;
    *n = (play_name){.at = 0, .len = key, .key = key, .colon = true};
    return true;
}

/* Whether line `l` opens with a word of two capitals or more ("WAGNER,",
 * "MÉPHISTOPHÉLÈS."). */
static bool opens_in_capitals(const rt_line *l)
{
    const char *p = l->t, *end = l->t + l->tlen;
    size_t caps = 0;
    while (p < end && g_unichar_isupper(g_utf8_get_char(p))) {
        caps++;
        p = g_utf8_next_char(p);
    }
    return caps >= 2 && (p == end || !g_unichar_isalpha(g_utf8_get_char(p)));
}

/* "ALGERNON." / "LADY BRACKNELL." alone in capitals with its stop, the
 * words on the lines right under it (a play as Project Gutenberg sets
 * Wilde): no salutation ("DEAR SIR."), no numbered part ("ACT II."), no
 * line of the book's ("THE END."), and words under it that are not in
 * capitals too (a heading's second line) nor open with a name in capitals
 * (a cast's next entry: "WAGNER, son domestique."). */
static bool stop_name_over(rt_builder *b, size_t i, play_name *n)
{
    const rt_line *l = rt_line_at(b, i);
    size_t key = rt_line_caps_name(l);
    if (!key || l->t[key] != '.' || i >= b->last || rt_line_at(b, i + 1)->blank ||
        rt_line_is_all_caps(rt_line_at(b, i + 1)) || opens_in_capitals(rt_line_at(b, i + 1)) ||
        rt_line_opens_salutation(l) || rt_line_is_end_word(l) || rt_line_is_book_part(l) ||
        rt_number_heading_kind(l->t, l->tlen))
        return false;
    *n = (play_name){.at = 0, .len = key, .key = key};
    return true;
}

/* Whether `len` bytes of `s` are found as a word in lines `first` to
 * `last` of the article. */
static bool word_in_article(rt_builder *b, const char *s, size_t len)
{
    for (size_t i = b->first; i <= b->last; i++) {
        const rt_line *l = rt_line_at(b, i);
        const char *e = l->t + l->tlen;
        for (const char *p = l->t; p + len <= e; p++) {
            p = memchr(p, s[0], (size_t)(e - p));
            if (!p || p + len > e)
                break;
            if (memcmp(p, s, len) == 0 && (p == l->t || !g_ascii_isalnum(p[-1])) &&
                (p + len == e || !g_ascii_isalnum(p[len])))
                return true;
        }
    }
    return false;
}

/* Whether every word of `len` bytes of `name` ("Ingredients") is found in
 * small letters ("ingredients") in the article: a common word, as the
 * section labels a recipe or a manual repeats are, no one's name
 * ("Margaret Hale": "margaret" is found nowhere). */
static bool name_in_small_letters(rt_builder *b, const char *name, size_t len)
{
    bool all = true;
    for (const char *w = name, *end = name + len; w < end && all;) {
        const char *we = memchr(w, ' ', (size_t)(end - w));
        we = we ? we : end;
        char *small = g_utf8_strdown(w, we - w);
        all = *small && word_in_article(b, small, strlen(small));
        g_free(small);
        w = we + (we < end);
    }
    return all;
}

/* Whether the article's "Name:" lines alone over words (colon_name) are
 * speakers' names: one of those heard PLAY_NAME_MIN_TURNS times at least
 * is a proper name, never found in small letters (the section labels a
 * recipe or a manual repeats, "Ingredients:" and "Method:", are words of
 * its text). */
static bool colon_names_proper(rt_builder *b)
{
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = b->first; i <= b->last; i++) {
        play_name n;
        if (!rt_line_at(b, i)->blank && (i == b->first || rt_line_at(b, i - 1)->blank) &&
            colon_name(b, i, &n)) {
            char *key = g_strndup(rt_line_at(b, i)->t, n.key);
            guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key));
            g_hash_table_replace(counts, key, GUINT_TO_POINTER(c + 1));
        }
    }
    bool proper = false;
    GHashTableIter it;
    gpointer key, count;
    g_hash_table_iter_init(&it, counts);
    while (!proper && g_hash_table_iter_next(&it, &key, &count))
        proper = GPOINTER_TO_UINT(count) >= PLAY_NAME_MIN_TURNS &&
                 !name_in_small_letters(b, key, strlen(key));
    g_hash_table_destroy(counts);
    return proper;
}

/* The length of line `i`'s name (its key, `*n` the rest) when the line is
 * a name alone in capitals ("ROPER.", "LADY MARY:") or in emphasis
 * ("_Gudfinna._"), set apart by blank lines, with text after it; else 0.
 * Capitals or emphasis, since a one-word speech ("Yes.") recurs as
 * often. */
static size_t name_alone(rt_builder *b, size_t i, play_name *n)
{
    const rt_line *l = rt_line_at(b, i);
    *n = (play_name){0};
    if (l->blank || l->notedef || (i > b->first && !rt_line_at(b, i - 1)->blank) ||
        rt_next_text_line(b, i) == SIZE_MAX)
        return 0;
    /* (the words may follow the stamped name on the next line) */
    if (stamped_name(l, n) || (b->colon_names && colon_name(b, i, n)) || stop_name_over(b, i, n))
        return n->key;
    if (i < b->last && !rt_line_at(b, i + 1)->blank)
        return 0;
    if (emphasised_name(l, n))
        return n->key;
    size_t len = l->tlen;
    if (l->t[len - 1] == '.' || l->t[len - 1] == ':')
        len--;
    /* ("DAPHNE and NITA.": names that speak together, read by name_group) */
    if (len && name_group(l->t, len, NULL)) {
        n->key = n->len = len;
        return len;
    }
    if (!rt_line_is_all_caps(l) || rt_after_closing(b, i))
        return 0; /* "Your friend," / "BEETHOVEN.": a signature */
    if (rt_line_is_end_word(l) || rt_line_is_book_part(l))
        return 0; /* "THE END.", "ERRATA.": the book's, no one's */
    if (!len || !read_is_name_words(l->t, len))
        return 0;
    n->key = n->len = len;
    return len;
}

/* A name heard less often in a play ("A WAITER."): with a stop, as the
 * recurring ones have, and no number ("ACT II.", "SCENE 2."); or with a
 * time stamp, as a transcript's are. */
static bool minor_name(rt_builder *b, size_t i, const play_name *n)
{
    const rt_line *l = rt_line_at(b, i);
    /* (a voice heard once in a recording's transcript: the time stamp
     * marks it a turn as it marks the others) */
    play_name stamp;
    if (stamped_name(l, &stamp))
        return true;
    /* ("Editor's Introduction:" over a transcriber's note: a name in small
     * letters must recur) */
    if (n->colon && !rt_line_is_all_caps(l))
        return false;
    const char *name = l->t + n->at;
    const char *space = g_strrstr_len(name, (gssize)n->key, " ");
    const char *last = space ? space + 1 : name;
    return n->at + n->len < l->tlen && !rt_is_roman_numeral(last, (size_t)(name + n->key - last));
}

/* Marks RT_NAME_LINE the lines from line `from` on whose name (`lens`:
 * each line's name_alone()) heads at least `min` turns (or any, with
 * minor_name, when min is 0); returns how many, and the first. */
static guint mark_names(rt_builder *b, const play_name *names_at, GHashTable *counts, guint min,
                        size_t from, size_t *first)
{
    guint names = 0;
    for (size_t i = from; i <= b->last; i++) {
        const play_name *n = &names_at[i - b->first];
        if (!n->key || b->speech_ok[i - b->first] == RT_NAME_LINE)
            continue;
        char *key = g_strndup(rt_line_at(b, i)->t + n->at, n->key);
        guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key));
        /* (names that speak together, each heard alone) */
        bool heard =
            !name_group(key, n->key, NULL) ? minor_name(b, i, n) : name_group(key, n->key, counts);
        if (min ? c >= min : heard) {
            b->speech_ok[i - b->first] = RT_NAME_LINE;
            *first = MIN(*first, i);
            names++;
        }
        g_free(key);
    }
    return names;
}

/* The paragraphs of prose from the first line marked RT_NAME_LINE to the
 * last, as turn_span counts them: the name lines, and the paragraphs of
 * READ_TEXT_BIB_PROSE_WORDS words at least (the songs a speech holds are
 * neither). */
static guint name_span(rt_builder *b)
{
    guint paragraphs = 0, upto = 0;
    bool started = false;
    for (size_t i = b->first; i <= b->last; i++) {
        const rt_line *l = rt_line_at(b, i);
        bool starts = !l->blank && (i == b->first || rt_line_at(b, i - 1)->blank);
        bool name = b->speech_ok[i - b->first] == RT_NAME_LINE;
        started = started || name;
        paragraphs += started && starts && (name || rt_line_words(l) >= READ_TEXT_BIB_PROSE_WORDS);
        if (name)
            upto = paragraphs;
    }
    return upto;
}

/* The seconds of the time stamp that ends line `l`'s stamped name ("Ana
 * 1:05" → 65, "(01:00:02)" → 3602; a fraction left out), or -1. */
static long stamp_seconds(const rt_line *l)
{
    size_t key, len, stamp;
    if (!rt_line_stamped_name(l, &key, &len) || !read_before_stamp(l->t, len, &stamp))
        return -1;
    long secs = 0, field = 0;
    for (const char *p = l->t + stamp, *end = l->t + len; p < end && *p != '.' && *p != ','; p++) {
        if (g_ascii_isdigit(*p)) {
            field = field * 10 + (*p - '0');
        } else if (*p == ':') {
            secs = secs * 60 + field;
            field = 0;
        }
    }
    return secs * 60 + field;
}

/* One voice's transcript: the name lines all stamped, PLAY_SPAN_MIN_TURNS
 * of them at least, their times never going back: a recording whose
 * speakers the machine did not tell apart ("Unknown Speaker  0:17" over
 * every turn). Its one name is evidence enough. */
static bool one_recording(rt_builder *b, const play_name *lens)
{
    guint stamped = 0;
    long last = -1;
    for (size_t i = b->first; i <= b->last; i++) {
        if (!lens[i - b->first].key)
            continue;
        long t = stamp_seconds(rt_line_at(b, i));
        if (t < 0 || t < last)
            return false;
        last = t;
        stamped++;
    }
    return stamped >= PLAY_SPAN_MIN_TURNS;
}

/* Whether every turn from line `first` on is one block, its stamped name
 * over the lines of its words, each block after it another turn's: an
 * export that gives every paragraph its name. A paragraph set apart after
 * the last ("Transcribed by https://otter.ai") is then nobody's. */
static bool one_block_turns(rt_builder *b, size_t first)
{
    size_t last_name = first;
    for (size_t i = first; i <= b->last; i++)
        if (b->speech_ok[i - b->first] == RT_NAME_LINE)
            last_name = i;
    for (size_t i = first + 1; i <= last_name; i++) {
        const rt_line *l = rt_line_at(b, i);
        play_name n;
        bool starts = !l->blank && rt_line_at(b, i - 1)->blank;
        if (starts && (b->speech_ok[i - b->first] != RT_NAME_LINE || !stamped_name(l, &n)))
            return false;
    }
    return true;
}

/* A play: names that head PLAY_NAME_MIN_TURNS turns, two of them at least
 * (one in one_recording), their lines PLAY_NAME_SHARE of the paragraphs
 * (or of those from the first name line to the last, PLAY_SPAN_MIN_TURNS
 * of them at least). Marks them RT_NAME_LINE, and then the names heard
 * less often. */
static void find_play(rt_builder *b)
{
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    play_name *lens = g_new0(play_name, b->last - b->first + 1);
    guint paragraphs = 0, recurring = 0;
    b->colon_names = colon_names_proper(b);
    for (size_t i = b->first; i <= b->last; i++) {
        const rt_line *l = rt_line_at(b, i);
        paragraphs += !l->blank && (i == b->first || rt_line_at(b, i - 1)->blank);
        size_t len = name_alone(b, i, &lens[i - b->first]);
        if (!len)
            continue;
        char *key = g_strndup(l->t + lens[i - b->first].at, len);
        guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key)) + 1;
        recurring += c == PLAY_NAME_MIN_TURNS;
        g_hash_table_replace(counts, key, GUINT_TO_POINTER(c));
    }
    size_t first = SIZE_MAX;
    guint voices = recurring == 1 && one_recording(b, lens) ? 1 : 2;
    guint names = recurring >= voices
                      ? mark_names(b, lens, counts, PLAY_NAME_MIN_TURNS, b->first, &first)
                      : 0;
    /* (a play after a book's front matter: the share from its first name
     * on, PLAY_SPAN_MIN_TURNS names at least) */
    bool whole = names >= PLAY_NAME_SHARE * paragraphs;
    guint span = recurring >= voices && !whole ? name_span(b) : 0;
    b->play = recurring >= voices &&
              (whole || (names >= PLAY_SPAN_MIN_TURNS && names >= PLAY_NAME_SHARE * span));
    for (size_t i = b->first; i <= b->last && !b->play; i++)
        if (b->speech_ok[i - b->first] == RT_NAME_LINE)
            b->speech_ok[i - b->first] = 0;
    if (b->play) {
        /* (after a book's front, no name of its title page is anyone's) */
        names += mark_names(b, lens, counts, 0, whole ? b->first : first, &first);
        const rt_line *l = rt_line_at(b, first);
        play_name stamp;
        imprint_diags_report(
            b->st->diags, IMPRINT_SEV_NOTE, rt_pos(b->st, l->lineno, l->tcol),
            "a %s%s: %u speeches under names on lines of their own (\"%.*s\", "
            "%u name%s heard often); the paragraphs under a name are its speech",
            stamped_name(l, &stamp) ||
                    (b->colon_names && !rt_line_is_all_caps(l) && colon_name(b, first, &stamp))
                ? "transcript"
                : "play",
            whole ? "" : " from here, after the book's front", names, (int)l->tlen, l->t, recurring,
            recurring == 1 ? "" : "s");
        b->turn_blocks = stamped_name(l, &stamp) && one_block_turns(b, first);
    }
    g_free(lens);
    g_hash_table_destroy(counts);
}

bool rt_play_name_line(rt_builder *b, size_t i, size_t *next)
{
    if (b->speech_ok[i - b->first] != RT_NAME_LINE)
        return false;
    const rt_line *l = rt_line_at(b, i);
    imprint_node *sp =
        imprint_node_new(b->st->doc, IMPRINT_NODE_SPEECH, rt_pos(b->st, l->lineno, l->tcol));
    play_name n;
    name_alone(b, i, &n);
    sp->as.speech.speaker = rt_plain(b->st, l->t + n.at, n.len);
    rt_append(b, sp, i);
    b->play_turn = sp;
    b->play_turn_chunk = l->chunk;
    bool over = (b->colon_names && colon_name(b, i, &n)) || stop_name_over(b, i, &n);
    size_t after = over ? rt_build_verse_under(b, i, sp) : 0;
    *next = after ? after : i + 1;
    return true;
}

/* The label "Name." of paragraph line `i` as a key, or NULL. */
static char *stop_label_of(rt_builder *b, size_t i)
{
    size_t name, skip;
    const rt_line *l = rt_line_at(b, i);
    if (l->blank || l->notedef || b->speech_ok[i - b->first] ||
        (i > b->first && !rt_line_at(b, i - 1)->blank) || !rt_line_stop_label(l, &name, &skip))
        return NULL;
    /* "IV. To Rusticus I am beholding": a numbered paragraph, no one's turn */
    if (rt_is_roman_numeral(l->t, name))
        return NULL;
    return g_strndup(l->t, name);
}

/* Whether the turns' words are nearly all in quotation marks
 * (QUOTED_TURNS_SHARE): exchanges a book quotes, between which its own
 * prose goes on. */
static bool quoted_turns(rt_builder *b)
{
    guint turns = 0, quoted = 0;
    for (size_t i = b->first; i <= b->last; i++) {
        size_t name, skip;
        if (b->speech_ok[i - b->first] != RT_STOP_LABEL || !rt_is_speech(b, i, &name, &skip))
            continue;
        const rt_line *l = rt_line_at(b, i);
        const char *p = l->t + skip, *end = l->t + l->tlen;
        /* (past a direction: "_Doctor_ (smiling). “Well, …") */
        const char *shut = *p == '(' ? memchr(p, ')', (size_t)(end - p)) : NULL;
        if (shut)
            for (p = shut + 1; p < end && (*p == '.' || *p == ' ');)
                p++;
        if (p >= end)
            continue; /* a direction alone: "(no answer)." */
        gunichar c = g_utf8_get_char(p);
        turns++;
        quoted += c == 0x201C || c == '"' || c == 0x2018 || c == '\'' || c == 0x201E || c == 0x00AB;
    }
    return turns && quoted >= QUOTED_TURNS_SHARE * turns;
}

/* `key` without the emphasis marks around it ("_Pisc_"), its length in
 * `*len`. */
static const char *bare_name(const char *key, size_t *len)
{
    size_t n = strlen(key);
    while (n && (key[n - 1] == '_' || key[n - 1] == '*'))
        n--;
    while (n && (*key == '_' || *key == '*'))
        key++, n--;
    *len = n;
    return key;
}

/* Whether `key` names a speaker of `counts`: a name that recurs, or one
 * that recurs shortened or written out ("_Piscator_" once, beside "_Pisc_"
 * and "_Pis_"), PLAY_NAME_PREFIX_MIN letters in common at least. */
static bool speaker_of(GHashTable *counts, const char *key)
{
    if (GPOINTER_TO_UINT(g_hash_table_lookup(counts, key)) >= 2)
        return true;
    size_t n, m;
    const char *name = bare_name(key, &n);
    GHashTableIter it;
    gpointer other, count;
    g_hash_table_iter_init(&it, counts);
    while (g_hash_table_iter_next(&it, &other, &count)) {
        const char *o = bare_name(other, &m);
        if (GPOINTER_TO_UINT(count) >= 2 && MIN(n, m) >= PLAY_NAME_PREFIX_MIN &&
            g_ascii_strncasecmp(name, o, MIN(n, m)) == 0)
            return true;
    }
    return false;
}

/* The paragraphs of prose from the first turn of a speaker of `counts`
 * (speaker_of) to the last one's: the turns, and the paragraphs between
 * them of READ_TEXT_BIB_PROSE_WORDS words at least (the songs, headings
 * and directions a dialogue holds are neither turns nor the prose around
 * it). The turns in `*turns`. */
static guint turn_span(rt_builder *b, GHashTable *counts, guint *turns)
{
    guint paragraphs = 0, upto = 0;
    *turns = 0;
    for (size_t i = b->first; i <= b->last; i++) {
        const rt_line *l = rt_line_at(b, i);
        bool starts = !l->blank && (i == b->first || rt_line_at(b, i - 1)->blank);
        char *key = starts ? stop_label_of(b, i) : NULL;
        bool turn = key && speaker_of(counts, key);
        g_free(key);
        *turns += turn;
        paragraphs += *turns && starts && (turn || rt_line_words(l) >= READ_TEXT_BIB_PROSE_WORDS);
        if (turn)
            upto = paragraphs;
    }
    return upto;
}

/* A play whose turns are "Jack.  text": names that recur, two of them at
 * least, their turns PLAY_STOP_LABEL_SHARE of the paragraphs (a sentence
 * "Yes.  I think" opens a paragraph now and then, not half of them), or
 * of those from the first turn to the last (PLAY_SPAN_MIN_TURNS). Marks
 * the turns RT_STOP_LABEL. */
static void find_stop_labels(rt_builder *b)
{
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint paragraphs = 0, recurring = 0, turns = 0;
    for (size_t i = b->first; i <= b->last; i++) {
        const rt_line *l = rt_line_at(b, i);
        paragraphs += !l->blank && (i == b->first || rt_line_at(b, i - 1)->blank);
        char *key = stop_label_of(b, i);
        if (!key)
            continue;
        guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key)) + 1;
        recurring += c == 2;
        turns += c == 2 ? 2 : c > 2;
        g_hash_table_replace(counts, key, GUINT_TO_POINTER(c));
    }
    size_t first = SIZE_MAX;
    /* (the span is read only when the whole article's share falls short) */
    bool whole = turns >= PLAY_STOP_LABEL_SHARE * paragraphs;
    guint in_span = 0, span = recurring >= 2 && !whole ? turn_span(b, counts, &in_span) : 0;
    if (recurring >= 2 &&
        (whole || (in_span >= PLAY_SPAN_MIN_TURNS && in_span >= PLAY_STOP_LABEL_SHARE * span))) {
        for (size_t i = b->first; i <= b->last; i++) {
            char *key = stop_label_of(b, i);
            if (key && speaker_of(counts, key)) {
                b->speech_ok[i - b->first] = RT_STOP_LABEL;
                first = MIN(first, i);
            }
            g_free(key);
        }
        /* beside such turns, "Role: Actor." and "TIME: The Present." name
         * no one of the play */
        for (size_t i = b->first; i <= b->last; i++) {
            size_t rest;
            char *label = b->speech_ok[i - b->first] == 1 ? label_of(b, i, &rest) : NULL;
            if (label && GPOINTER_TO_UINT(g_hash_table_lookup(counts, label)) < 2)
                b->speech_ok[i - b->first] = 0;
            g_free(label);
        }
        b->dialogue = b->transcript = true;
        b->quoted_turns = quoted_turns(b);
        const rt_line *l = rt_line_at(b, first);
        imprint_pos at = rt_pos(b->st, l->lineno, l->tcol);
        if (whole)
            imprint_diags_report(b->st->diags, IMPRINT_SEV_NOTE, at,
                                 "a play: %u of its %u paragraphs are turns of %u speakers "
                                 "whose names end in a stop (\"Name.  text\"); a paragraph "
                                 "without a name goes on the turn above it",
                                 turns, paragraphs, recurring);
        else
            imprint_diags_report(b->st->diags, IMPRINT_SEV_NOTE, at,
                                 "a play from here: %u of the %u paragraphs of prose from this "
                                 "turn to the last are turns of %u speakers whose names end in "
                                 "a stop (\"Name.  text\"); a paragraph without a name goes on "
                                 "the turn above it",
                                 in_span, span, recurring);
    }
    g_hash_table_destroy(counts);
}

/* Whether a label's name ends in a number ("Speaker 2", "[Caller 12]"). */
static bool numbered_name(const char *label)
{
    size_t n = strlen(label);
    n -= n && label[n - 1] == ']';
    return n && g_ascii_isdigit(label[n - 1]);
}

/* A dialogue needs two speakers, and a speaker is a name that recurs: a
 * lone "Word: text" is an ordinary line. The old rule stays beside it: two
 * different names within a few lines of each other. */
void rt_find_dialogue(rt_builder *b)
{
    size_t n = b->last - b->first + 1;
    b->speech_ok = g_malloc0(n);
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *cand = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t i = b->first; i <= b->last; i++) {
        size_t rest;
        char *label = label_of(b, i, &rest);
        if (!label)
            continue;
        g_array_append_val(cand, i);
        guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, label));
        g_hash_table_replace(counts, label, GUINT_TO_POINTER(c + 1));
    }
    guint recurring = 0, once = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, counts);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        recurring += GPOINTER_TO_UINT(value) >= 2;
        once += GPOINTER_TO_UINT(value) == 1;
    }
    for (guint a = 0; a < cand->len; a++) {
        size_t i = g_array_index(cand, size_t, a), rest;
        char *label = label_of(b, i, &rest);
        guint c = GPOINTER_TO_UINT(g_hash_table_lookup(counts, label));
        /* "Step 1:", "Day 2:" once each are a list's; "Speaker 1" speaks again */
        if (c < 2 && numbered_name(label)) {
            g_free(label);
            continue;
        }
        if (recurring >= 2 && (c >= 2 || rest >= SPEECH_SINGLE_TURN_CHARS))
            b->speech_ok[i - b->first] = 1;
        for (guint d = a; d-- > 0;) {
            size_t j = g_array_index(cand, size_t, d), rj;
            if (i - j > 8)
                break;
            char *other = label_of(b, j, &rj);
            guint oc = GPOINTER_TO_UINT(g_hash_table_lookup(counts, other));
            if (oc < 2 && numbered_name(other)) {
                g_free(other);
                continue;
            }
            bool differ = strcmp(other, label) != 0;
            /* (one of the two speaks again, or the two are a question and
             * its answer, one right under the other: a key's labels, each
             * once, "Pitches:" over a paragraph over "Braces:", are none) */
            bool again = c >= 2 || oc >= 2 ||
                         (once <= SPEECH_EXCHANGE_MAX_SINGLES &&
                          rt_line_at(b, i)->chunk <= rt_line_at(b, j)->chunk + 1);
            g_free(other);
            if (differ) {
                if (again)
                    b->speech_ok[i - b->first] = b->speech_ok[j - b->first] = 1;
                break;
            }
        }
        g_free(label);
    }
    b->dialogue = recurring >= 2;
    if (b->dialogue)
        find_transcript(b, g_hash_table_size(counts), g_array_index(cand, size_t, 0));
    find_play(b);
    if (!b->play && !b->transcript)
        find_stop_labels(b);
    g_array_free(cand, TRUE);
    g_hash_table_destroy(counts);
}

/* The words of a turn from `skip` on, and the time stamp between its name
 * (ending at `after`) and its colon, "Speaker 1 (00:12): Yes", or before
 * its name, "[00:12] Speaker 1: Yes", kept at their head: "(00:12) Yes". */
static imprint_node *stamped_words(rt_state *st, const rt_line *l, size_t after, size_t skip)
{
    const char *p = l->t, *ts = read_timestamp(l->t, l->t + l->tlen);
    if (!rt_line_lead_stamp(l))
        ts = rt_stamp_colon(l->t + after, l->t + skip, &p);
    if (!ts)
        return rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, skip);
    imprint_node *para =
        imprint_node_new(st->doc, IMPRINT_NODE_PARAGRAPH, rt_line_pos(st, l, (size_t)(p - l->t)));
    rt_append_inlines(st, para, l, (size_t)(p - l->t), (size_t)(ts - p));
    imprint_node_append_text(st->doc, para, rt_line_pos(st, l, (size_t)(ts - l->t)), " ", 1);
    rt_append_inlines(st, para, l, skip, l->tlen - skip);
    return para;
}

imprint_node *rt_speech_node(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t name = 0, skip = 0;
    rt_is_speech(b, i, &name, &skip);
    size_t label = name,
           lead = b->speech_ok[i - b->first] == RT_STOP_LABEL ? 0 : rt_line_lead_stamp(l);
    const char *n0 = l->t + lead;
    name -= lead;
    imprint_node *sp =
        imprint_node_new(st->doc, IMPRINT_NODE_SPEECH, rt_pos(st, l->lineno, l->tcol));
    bool marked = name > 2 && (n0[0] == '_' || n0[0] == '*') && n0[name - 1] == n0[0];
    bool bracketed = name > 2 && n0[0] == '[' && n0[name - 1] == ']';
    if (marked || bracketed)
        n0++, name -= 2; /* "_Lincoln_", "[Speaker 1]" */
    if (marked && name > 1 && n0[name - 1] == '.')
        name--; /* "_Mag._": the stop inside the marks ends the name, as "_Tom_." */
    sp->as.speech.speaker = rt_plain(st, n0, name);
    imprint_node_append(sp, stamped_words(st, l, label, skip));
    return sp;
}

/* A line of a quote: speech in a transcript, else a paragraph. */
static imprint_node *rt_quote_line(rt_builder *b, size_t i)
{
    size_t name, skip;
    if (rt_is_speech(b, i, &name, &skip))
        return rt_speech_node(b, i);
    return rt_block_with_text(b->st, IMPRINT_NODE_PARAGRAPH, rt_line_at(b, i), 0);
}

static int rt_paren_balance(const rt_line *l)
{
    int d = 0;
    for (size_t k = 0; k < l->tlen; k++)
        d += l->t[k] == '(' ? 1 : l->t[k] == ')' ? -1 : 0;
    return d;
}

/* An epigraph's source on a line of its own under it, set in past half
 * the wrap width, centred or against the right edge ("The Convert.",
 * "Punjabi Proverb."): CITATION_SET_IN_MAX_WORDS words at most, not in
 * capitals (a heading set so) and not numbered. */
static bool set_in_source(rt_builder *b, size_t qlast, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (!st->wrap_width || c->first != c->last || l->chunk != rt_line_at(b, qlast)->chunk + 1 ||
        rt_line_words(l) > CITATION_SET_IN_MAX_WORDS || rt_line_is_all_caps(l) ||
        rt_line_starts_quote(l))
        return false;
    rt_align align = rt_chunk_aligned(st, l->chunk);
    return align != RT_ALIGN_NONE || l->indent > st->wrap_width / 2;
}

/* "G.J.", "Judibras", "_The Unauthorized Version_": a short line alone at
 * the prose's margin, left of a quotation set in, nearer to it than to the
 * text below (a dictionary's verses, each signed): its source. */
static bool source_under(rt_builder *b, size_t qlast, const rt_line *l)
{
    const rt_state *st = b->st;
    const rt_chunk *c = &st->chunks[l->chunk];
    gunichar last = g_utf8_get_char(g_utf8_find_prev_char(l->t, l->t + l->tlen));
    /* (not "Dance and repeat!" under a song, nor a drawing's labels set in) */
    return c->first == c->last && l->chunk + 1 < st->nchunks && last != '!' && last != '?' &&
           l->indent < rt_line_at(b, qlast)->indent &&
           rt_line_words(l) <= CITATION_UNDER_MAX_WORDS &&
           rt_blank_before(st, l->chunk) < rt_blank_before(st, l->chunk + 1) &&
           l->indent <= st->base_indent;
}

/* Whether lines `a` and `b` open with the same label, a word and a
 * number or a word and a colon: "Page 12: changed …" over "Page 40:
 * added …" are a list's lines, the second no source. */
static bool same_label(const rt_line *a, const rt_line *b)
{
    size_t n = 0;
    while (n < a->tlen && g_ascii_isalpha(a->t[n]))
        n++;
    if (n < 2 || n + 1 >= a->tlen || n + 1 >= b->tlen || memcmp(a->t, b->t, n + 1) != 0)
        return false;
    if (a->t[n] == ':')
        return true;
    return a->t[n] == ' ' && g_ascii_isdigit(a->t[n + 1]) && g_ascii_isdigit(b->t[n + 1]);
}

/* A quote's source after it: "(Author, Work)", "–Author", "~Author", or a
 * short line right under the quote. Appends the CITATION and returns the
 * index of its last line, or SIZE_MAX. */
static bool rt_is_citation(rt_builder *b, size_t qlast, size_t i)
{
    rt_state *st = b->st;
    if (i == SIZE_MAX || i > b->last)
        return false;
    const rt_line *l = rt_line_at(b, i);
    if (st->chunks[l->chunk].title || st->chunks[l->chunk].bib ||
        rt_number_heading_kind(l->t, l->tlen) || rt_listed_heading(b, i, NULL) ||
        rt_line_opens_section_number(l))
        return false; /* (nor a chapter's number, "X", nor what the contents lists, nor
                       * a numbered section's head, "4.1.2 Nick message") */
    imprint_list_style style;
    int number;
    size_t name, skip;
    bool file;
    bool adjacent = rt_same_chunk(b, qlast, i);
    /* ("- if you are maintaining a FAQ…" over "- you claim that…": a list's
     * dashes, no "- Author") */
    size_t below = i < b->last ? i + 1 : SIZE_MAX;
    bool dashes = below != SIZE_MAX && rt_same_chunk(b, i, below) && l->tlen > 2 &&
                  l->t[0] == '-' && l->t[1] == ' ' && rt_line_at(b, below)->tlen > 2 &&
                  rt_line_at(b, below)->t[0] == '-' && rt_line_at(b, below)->t[1] == ' ';
    bool strong = rt_line_is_strong_citation(l) && !dashes;
    bool weak = adjacent && l->nchar <= 220 && !rt_line_starts_quote(l) &&
                !rt_is_speech(b, i, &name, &skip) &&
                !rt_line_list_marker(l, &style, &number, &skip) && !rt_line_is_figure(l, &file) &&
                !rt_line_is_bib_heading(l) && !same_label(rt_line_at(b, qlast), l);
    if (weak && !strong && l->t[l->tlen - 1] == '.' && !memchr(l->t, ',', l->tlen)) {
        /* a sentence under a quote is the author's again, unless it reads
         * like a reference ("Pat Sloan, ibid.", "Stalinist Terror. p. 29") */
        bool digit = false;
        for (size_t k = 0; k < l->tlen; k++)
            digit |= g_ascii_isdigit(l->t[k]) != 0;
        weak = digit;
    }
    if (!strong && !weak && !set_in_source(b, qlast, i) && (adjacent || !source_under(b, qlast, l)))
        return false;
    if (!adjacent && l->chunk != rt_line_at(b, qlast)->chunk + 1)
        return false;
    return true;
}

size_t rt_take_citation(rt_builder *b, imprint_node *quote, size_t qlast, size_t i)
{
    rt_state *st = b->st;
    if (!rt_is_citation(b, qlast, i))
        return SIZE_MAX;
    const rt_line *l = rt_line_at(b, i);
    imprint_node *cit = rt_block_with_text(st, IMPRINT_NODE_CITATION, l, 0);
    size_t end = i;
    /* "(Author," / "Work)": a citation split over two lines */
    if (rt_paren_balance(l) > 0 && i + 1 <= b->last && rt_same_chunk(b, i, i + 1) &&
        rt_paren_balance(rt_line_at(b, i + 1)) < 0 && rt_line_at(b, i + 1)->nchar <= 200) {
        const rt_line *m = rt_line_at(b, i + 1);
        imprint_node_append(
            cit, imprint_node_new(st->doc, IMPRINT_NODE_LINEBREAK, rt_pos(st, m->lineno, m->tcol)));
        rt_append_inlines(st, cit, m, 0, m->tlen);
        end = i + 1;
    }
    imprint_node_append(quote, cit);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, cit->pos,
                         "\u201c%s\u201d taken as the source of the quotation above it (its "
                         "citation)",
                         imprint_node_plain_text(st->doc, cit));
    return end;
}

/* "“Thy holy child Jesus.”--Acts iv. 30.": a quotation closed in its line,
 * its source after a dash. */
static bool closes_before_dash(const rt_line *l)
{
    static const char *const closing[] = {"\"--",         "\u201d--",  "\"\u2014",
                                          "\u201d\u2014", "\" \u2014", "\u201d \u2014"};
    for (size_t k = 0; k < G_N_ELEMENTS(closing); k++)
        if (g_strstr_len(l->t + 1, (gssize)l->tlen - 1, closing[k]))
            return true;
    return false;
}

/* Where a quote that opens at line i ends: at the first line that closes it,
 * or only line i when none does within READ_TEXT_MAX_QUOTE_LINES. */
static size_t rt_quote_end(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    if (rt_line_ends_quote(rt_line_at(b, i)) || closes_before_dash(rt_line_at(b, i)))
        return i;
    size_t prev = i;
    int count = 1;
    for (size_t j = i + 1; j <= b->last && count < READ_TEXT_MAX_QUOTE_LINES; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->blank || l->notedef)
            continue;
        const rt_chunk *c = &st->chunks[l->chunk];
        if (c->title || c->bib)
            break;
        if (rt_line_is_strong_citation(l))
            return prev;
        /* "Overt support …:" then a new quotation: the author's own words
         * came between, so the first quote was one line after all */
        const rt_line *pl = rt_line_at(b, prev);
        if (prev != i && rt_line_starts_quote(l) && pl->t[pl->tlen - 1] == ':' &&
            !rt_line_starts_quote(pl))
            return i;
        count++;
        if (rt_line_ends_quote(l))
            return j;
        prev = j;
    }
    return i;
}

/* Whether the line opens with a dialogue dash ("--Je suis le docteur",
 * "— Oui", "– Non"). */
static bool dash_reply(const rt_line *l)
{
    gunichar c = g_utf8_get_char(l->t);
    return (l->tlen > 2 && l->t[0] == '-' && l->t[1] == '-') || c == 0x2014 || c == 0x2013;
}

bool rt_dash_dialogue(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    gunichar c = g_utf8_get_char(l->t);
    if (c != 0x00AB && c != 0x201E && c != 0x00BB)
        return false;
    size_t j = rt_next_text_line(b, i);
    return j != SIZE_MAX && rt_line_at(b, j)->chunk != l->chunk && dash_reply(rt_line_at(b, j));
}

size_t rt_build_quote(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t end = rt_quote_end(b, i);
    imprint_node *q = imprint_node_new(st->doc, IMPRINT_NODE_QUOTE, rt_pos(st, l->lineno, l->tcol));
    for (size_t j = i; j <= end; j++)
        if (!rt_line_at(b, j)->blank && !rt_line_at(b, j)->notedef)
            imprint_node_append(q, rt_quote_line(b, j));
    size_t c = rt_take_citation(b, q, end, rt_next_text_line(b, end));
    unsigned closing = rt_line_at(b, end)->lineno;
    if (c != SIZE_MAX)
        end = c;
    rt_append(b, q, end);
    if (rt_line_at(b, i)->chunk != rt_line_by_number(st, closing)->chunk)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, q->pos,
                             "a quotation over several paragraphs taken as a block quote: it "
                             "opens here and closes on line %u",
                             closing);
    return end + 1;
}

/* A paragraph (or an exchange of speeches) followed by an attribution was
 * a quote without quote marks. */
bool rt_wrap_as_quote(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    imprint_node *p = b->last_block;
    if (!p || (p->kind != IMPRINT_NODE_PARAGRAPH && p->kind != IMPRINT_NODE_SPEECH) ||
        b->last_line + 1 != i || !rt_same_chunk(b, b->last_line, i) || rt_dash_item(b, i) ||
        rt_line_at(b, i)->code)
        return false;
    /* an attribution ("–Author", "(Author, Work)"), or a source line under a
     * paragraph that closes a quote whose opening mark was lost */
    bool closes =
        p->kind == IMPRINT_NODE_PARAGRAPH && rt_line_ends_quote(rt_line_at(b, b->last_line));
    if (!(rt_line_is_strong_citation(rt_line_at(b, i)) || closes) ||
        !rt_is_citation(b, b->last_line, i))
        return false;
    /* the whole exchange the attribution closes */
    imprint_node *first = p;
    if (p->kind == IMPRINT_NODE_SPEECH)
        while (first->prev && first->prev->kind == IMPRINT_NODE_SPEECH &&
               rt_line_at(b, i)->chunk == rt_line_by_number(b->st, first->prev->pos.line)->chunk)
            first = first->prev;
    imprint_node *q = imprint_node_new(st->doc, IMPRINT_NODE_QUOTE, first->pos);
    while (first) {
        imprint_node *next = first->next;
        imprint_node_unlink(first);
        imprint_node_append(q, first);
        first = next;
    }
    size_t end = rt_take_citation(b, q, b->last_line, i);
    rt_append(b, q, end);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, q->pos,
                         "%s taken as a block quote: the attribution on line %u follows it",
                         p->kind == IMPRINT_NODE_SPEECH ? "dialogue" : "paragraph",
                         rt_line_at(b, i)->lineno);
    return true;
}

/* 003's shape: "… admitted:" / the quoted paragraph / its short source line. */
bool rt_colon_quote(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    imprint_node *prev = b->last_block;
    if (!prev || prev->kind != IMPRINT_NODE_PARAGRAPH || st->chunks[l->chunk].first != i ||
        st->chunks[l->chunk].last != i || rt_line_starts_quote(l))
        return false;
    const rt_line *pl = rt_line_at(b, b->last_line);
    /* ("Gentlemen of the Senate:" addresses the hearers; no quotation) */
    if (pl->chunk + 1 != l->chunk || pl->t[pl->tlen - 1] != ':' || rt_line_is_salutation(pl))
        return false;
    size_t c = rt_next_text_line(b, i);
    if (c == SIZE_MAX)
        return false;
    const rt_line *cl = rt_line_at(b, c);
    const rt_chunk *cc = &st->chunks[cl->chunk];
    imprint_list_style style;
    int number;
    size_t name, skip;
    if (g_unichar_islower(g_utf8_get_char(l->t)))
        return false;
    /* (its stop inside emphasis: "_Fix bayonets._" over "_Charge._", a
     * list of signals) */
    size_t end = cl->tlen;
    while (end > 1 && (cl->t[end - 1] == '_' || cl->t[end - 1] == '*'))
        end--;
    if (cc->first != cc->last || cc->title || cc->bib || cl->nchar > 90 ||
        rt_listed_heading(b, c, NULL) || rt_line_opens_section_number(cl) ||
        memchr(cl->t, ':', cl->tlen) || cl->nchar >= l->nchar || rt_line_starts_quote(cl) ||
        rt_line_list_marker(cl, &style, &number, &skip) || rt_line_speaker(cl, &name, &skip) ||
        strchr(":.,;", cl->t[end - 1]))
        return false;
    /* (set further off the quotation than off the text below it: the next
     * page's first line, "CRITICAL AND HISTORICAL ESSAYS" four blank lines
     * under a music example and one over its subtitle) */
    if (cl->chunk + 1 < st->nchunks &&
        rt_blank_before(st, cl->chunk) > rt_blank_before(st, cl->chunk + 1))
        return false;
    /* the source line is followed by more text (or ends the article) */
    imprint_node *q = imprint_node_new(st->doc, IMPRINT_NODE_QUOTE, rt_pos(st, l->lineno, l->tcol));
    imprint_node_append(q, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, 0));
    imprint_node_append(q, rt_block_with_text(st, IMPRINT_NODE_CITATION, cl, 0));
    rt_append(b, q, c);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "paragraph after a line ending in ':' taken as a block quote, with "
                         "line %u as its source",
                         cl->lineno);
    return true;
}
