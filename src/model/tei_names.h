#ifndef IMPRINT_TEI_NAMES_H
#define IMPRINT_TEI_NAMES_H

/*
 * How the model maps to TEI Lite, shared by the TEI writer (src/write/tei) and reader
 * (src/read/tei) so that the two cannot drift apart.
 *
 *   ARTICLE   <div type="article" xml:id="aN" source="#aN-src" xml:lang?>
 *             <head>title</head> <head type="sub">subtitle</head>
 *             <byline><docAuthor>…</docAuthor>…</byline> <docDate>…</docDate>
 *             source file, line and URL: <bibl xml:id="aN-src"> in sourceDesc
 *             with <idno type="file">, <biblScope unit="line">, <ref target>
 *   HEADING   <div type="section" [subtype="levelL"]><head>…</head>… (nested
 *             by level; subtype only when L differs from the nesting depth);
 *             inside quotes, items, notes, speeches (no div allowed there):
 *             <label type="heading" subtype="levelL">
 *   QUOTE     <cit><q>blocks</q><bibl>citation</bibl></cit>
 *   LIST      <list [type="bibliography|contents"] rend="bulleted|numbered|lettered">
 *             <item n="1|a">blocks</item>
 *   VERSE     <lg><l [rend="indent-N"]>…</l></lg> (one <lg> a stanza)
 *   SPEECH    <sp><speaker>…</speaker> blocks </sp>; a block sp cannot hold
 *             stands alone in a <p>, a nested speech in <cit type="wrap"><q>
 *   TABLE     <table><row [role="label"]><cell>…</cell></row></table> (role="label":
 *             a header row, as.row.header)
 *   FIGURE    <figure><head>caption</head><graphic url/><figDesc>placeholder</figDesc>
 *   BREAK     <milestone unit="section"/>
 *   BIBL      <bibl>
 *   NOTE      <note place="foot" n="label" xml:id="aN-nK"> at its first reference;
 *             later references <ptr type="noteref" target="#aN-nK" n="number"/>;
 *             an unreferenced note at the article's end;
 *             a marker without a note: <ref type="noteref" n="number"/>
 *   inlines   hi rend="italic|bold|sup|sub|smallcaps", ref target, lb
 */

#define TEI_NS     "http://www.tei-c.org/ns/1.0"
#define TEI_XML_NS "http://www.w3.org/XML/1998/namespace"

#define TEI_ARTICLE_TYPE     "article"
#define TEI_SECTION_TYPE     "section"
#define TEI_SUBTITLE_TYPE    "sub"
#define TEI_SOURCE_SUFFIX    "-src"
#define TEI_FILE_IDNO_TYPE   "file"
#define TEI_DESCRIPTION_TYPE "description"
#define TEI_HEADING_TYPE     "heading"
#define TEI_LEVEL_PREFIX     "level"
#define TEI_NOTEREF_TYPE     "noteref"
#define TEI_WRAP_TYPE        "wrap"
#define TEI_BREAK_UNIT       "section"
/* <note place="margin"> between blocks: a sidenote (IMPRINT_NODE_SIDENOTE) */
#define TEI_SIDENOTE_PLACE "margin"
/* A closer (IMPRINT_NODE_CLOSER): <closer> where TEI lets one stand, at the
 * bottom of its division; <p rend="closer"> elsewhere (text follows it). */
#define TEI_CLOSER_REND "closer"
/* An opener (IMPRINT_NODE_OPENER): <opener><salute> at the top of its div
 * (only a head before it); <p rend="opener"> elsewhere. */
#define TEI_OPENER_REND "opener"

/* <bibl type="witness" subtype="same-text|variant|…-dropped" n="PERCENT"> inside
 * an article's source <bibl>: another copy of its text (src/compare). */
#define TEI_WITNESS_TYPE    "witness"
#define TEI_WITNESS_SAME    "same-text"
#define TEI_WITNESS_VARIANT "variant"
#define TEI_WITNESS_DROPPED "-dropped"

/* <row role="label">: a row of column heads; "data" (TEI's default) is a body row. */
#define TEI_ROW_LABEL "label"
#define TEI_ROW_DATA  "data"

#define TEI_LIST_BULLET       "bulleted"
#define TEI_LIST_DECIMAL      "numbered"
#define TEI_LIST_ALPHA        "lettered"
#define TEI_LIST_PLAIN        "plain"
#define TEI_LIST_BIBLIOGRAPHY "bibliography"
#define TEI_LIST_CONTENTS     "contents"

#define TEI_REND_EMPH      "italic"
#define TEI_REND_STRONG    "bold"
#define TEI_REND_SUP       "sup"
#define TEI_REND_SUB       "sub"
#define TEI_REND_SMALLCAPS "smallcaps"

/* <l rend="indent-N">: a verse line N spaces further in than its stanza. */
#define TEI_REND_INDENT "indent-"

#endif
