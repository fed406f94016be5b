/* text_pages: a text too long for its box cut into pages that each fit it, each page
 * ending at a sentence's end (or a clause's) where that keeps at least half of the
 * page, so a page is not left mid-phrase when it need not be (core caption_break_at's
 * strengths). Measured with the ui's text measurer at the size the text is drawn. */
#ifndef GW_TEXT_PAGES_H
#define GW_TEXT_PAGES_H

#include <stddef.h>

#include "app/ui.h"

/* Pages of text at px wrapped at w, each at most h high (at least one word a page):
 * start[k] is where page k starts, start[pages] the text's length; at most max pages
 * (start holds max + 1). Returns the number of pages. */
int text_pages(const ui_ctx *ui, const char *text, int px, float w, float h, size_t *start, int max);

#endif
