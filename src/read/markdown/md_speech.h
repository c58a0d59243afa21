#ifndef IMPRINT_READ_MARKDOWN_SPEECH_H
#define IMPRINT_READ_MARKDOWN_SPEECH_H

/*
 * Internal to the markdown reader: the turns of an interview or hearing
 * transcript exported as Markdown, each a paragraph that opens with the
 * speaker's name in bold and a colon ("**Jane Doe**: I think", "**Q:**
 * What"), taken as SPEECH nodes when the file as a whole reads as a
 * transcript (md_speech.c says by what evidence).
 */

#include <glib.h>

#include "imprint/diag.h"
#include "imprint/model.h"

/** Reads the turns of the ARTICLE nodes in `chapters` (one file's, in file
 * order, built but not yet in `doc`'s tree): when the file is a transcript,
 * each paragraph that opens with a speaker's bold label becomes a SPEECH
 * node (the label its speaker, in `doc`'s arena) holding the paragraph
 * without the label and the unlabelled paragraphs after it; one note to
 * `diags` says so, or why a file whose paragraphs open with such labels was
 * not taken. Changes nothing otherwise. The nodes stay the document's. */
void imprint_md_speeches(imprint_doc *doc, GPtrArray *chapters, imprint_diags *diags);

#endif
