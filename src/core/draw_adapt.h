/* draw_adapt: whole-screen adjustments made to a finished draw_list, so that every
 * scene gets them without knowing: the person's text size and, for languages written
 * right to left, a mirrored layout.
 * Ownership: works in place on the caller's list. */
#ifndef GW_DRAW_ADAPT_H
#define GW_DRAW_ADAPT_H
#include "core/draw.h"

/* Multiplies every text's font size by scale (1 = unchanged; clamped to 0.5-3). */
void draw_adapt_scale_text(draw_list *l, float scale);

/* Mirrors the layout left to right: every command's and widget's x becomes
 * W - x - w, text alignment left and right swap, rings' arcs and lines are
 * reflected, and text is marked as right-to-left paragraphs (TEXT_RTL is toggled).
 * Applying it twice gives the original list. */
void draw_adapt_mirror(draw_list *l);

#endif
