#ifndef IMPRINT_MD_NAV_H
#define IMPRINT_MD_NAV_H

/*
 * Internal to the markdown reader: the navigation a page scraped to
 * Markdown brings along, told by its shape alone (a breadcrumb trail,
 * a link or line back to the top of the page).
 */

#include <cmark-gfm.h>

/** What `block` is, if it is a paragraph of navigation ("a breadcrumb
 * trail", "a link to the top of the page"), or NULL. */
const char *imprint_md_navigation(cmark_node *block);

#endif
