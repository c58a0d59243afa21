#ifndef IMPRINT_READ_NAMES_H
#define IMPRINT_READ_NAMES_H

/*
 * A speaker's name at the head of a turn ("DR. FAUCI: text", "**Q:** text"),
 * for the readers that find transcripts: the text reader (labels at a
 * line's start) and the markdown reader (bold labels, md_speech.c). One
 * definition of what a name looks like, so that both readers take the
 * same labels.
 */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/** Most words of a speaker's label ("ACTING ADMINISTRATOR SLAVITT"). */
#define READ_SPEAKER_MAX_WORDS 4

/** Longest speaker label, in code points. */
#define READ_SPEAKER_MAX_CHARS 40

/** Whether `c` is white space within a line: space, tab, the no-break and
 * fixed-width spaces, the byte-order mark. */
bool read_is_space_char(gunichar c);

/** Whether the UTF-8 at `s` (before `end`) starts with such a space; its
 * length in `*bytes` (may be NULL). */
bool read_space_at(const char *s, const char *end, size_t *bytes);

/** One word of a speaker's name at `p`: a capital, then letters, and "."
 * "'" "-" inside ("DR.", "O'Brien", "Jean-Paul"). Returns its end, or NULL. */
const char *read_name_word(const char *p, const char *end);

/** Most digits of the number that ends a voice's name ("Speaker 12"). */
#define READ_SPEAKER_MAX_DIGITS 3

/** The number at `p` that ends a name after its first word: "1" of
 * "Speaker 1", "12" of "Caller 12" (machine transcripts number the voices
 * they cannot name), one to READ_SPEAKER_MAX_DIGITS digits and no letter or
 * digit after them. Returns its end, or NULL. */
const char *read_name_number(const char *p, const char *end);

/** Whether `len` bytes of `s` are a word that numbers things, not voices:
 * "Page", "Figure", "Step", "Chapter", "Day"... ("Page 217:" heads a
 * transcriber's correction, and may recur), in any case of ASCII letters. */
bool read_is_numbering_word(const char *s, size_t len);

/** Whether `len` bytes of `s` are a speaker's name and nothing else: one to
 * READ_SPEAKER_MAX_WORDS such words, one space apart, the last of them may
 * be a number (read_name_number()), at most READ_SPEAKER_MAX_CHARS code
 * points ("DR. FAUCI", "Mrs. Upjohn.", "Q", "Speaker 2"); not opened by
 * "To" or "From", a letter's address ("TO G. DEL RIO."). */
bool read_is_name_words(const char *s, size_t len);

/** Whether `len` bytes of `s` name a field of a mail or news header (RFC
 * 822's and news's: "From", "Message-ID", any "X-" one), in any case. */
bool read_is_mail_field(const char *s, size_t len);

/** Whether `len` bytes of `s` name a field of a mail or news header
 * (read_is_mail_field()) or of a news.answers FAQ's own header
 * ("Archive-name", "Posting-Frequency", "Last-modified"), in any case:
 * a label, never a speaker. */
bool read_is_header_field(const char *s, size_t len);

/** Whether `len` bytes of `s` are a label that heads a line or paragraph
 * but names no one: "Note", "Source", "Update", "See"...; in any case
 * ("NOTE", "note") when `any_case`, else as written there. */
bool read_is_label_word(const char *s, size_t len, bool any_case);

/** Whether `len` bytes of `s`, a label alone on its line or in its
 * paragraph, set apart from the words under it ("Stephan Livera:" / a
 * blank line / the answer), may name a speaker: two words at least, or
 * no small letter ("Q", "INTERVIEWER"). A manual's one word, "Usage:" over
 * "Options:" command after command, is a label. */
bool read_is_apart_name(const char *s, size_t len);

/** A time stamp at `p`, as transcripts print where a turn starts in the
 * recording: minutes and seconds or hours, minutes and seconds ("00:21",
 * "1:02:03", "00:21.5"), bare or in brackets or parentheses ("[00:21]",
 * "(01:02:03)"). Returns its end, or NULL. */
const char *read_timestamp(const char *p, const char *end);

/** When `len` bytes of `s` end in a space and a time stamp ("Speaker 1
 * (00:02)": a name and the time its turn starts), the length of what stands
 * before the spaces, and in `*stamp` where the stamp starts; else 0. */
size_t read_before_stamp(const char *s, size_t len, size_t *stamp);

/** Whether `len` bytes of `s` name a sound or a cut of a recording, not a
 * voice: "Music", "Laughter", "Applause", "Crosstalk", "Inaudible"... (a
 * transcript's "[Laughter]"), in any case of ASCII letters. */
bool read_is_sound_cue(const char *s, size_t len);

/** Whether the `len` bytes of `s` are one of the `n` `words`, in any case
 * of ASCII letters, a word's apostrophe matching a curly one too ("Editor's
 * Note" is "Editor’s Note", as typography makes it). */
bool read_word_in(const char *s, size_t len, const char *const *words, size_t n);

#endif
