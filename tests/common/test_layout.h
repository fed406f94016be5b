/* What a drawn frame shows where, for the tests that check a screen's layout from its
 * draw list: the box a text's pixels take as the renderer draws it (its size, wrapped
 * and aligned as drawn, cropped where the renderer crops), whether a text fits its box
 * at its size, and whether two boxes overlap. Measured with an offscreen renderer, so
 * the sizes are the drawn ones (fonts, shaping, Arabic). */
#ifndef GW_TEST_LAYOUT_H
#define GW_TEST_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/draw.h"
#include "platform/plat_render.h"

/* The box text command c's pixels take (c->r when it cannot be measured). */
gw_rect test_text_ink(plat_render *pr, const draw_list *l, const draw_cmd *c);
/* Whether text command c, drawn at `scale` of its size (1: as given), fits its box:
 * no wider (a one-line text, TEXT_FIT, or its widest word), no taller than the
 * renderer draws without cropping. */
bool test_text_fits(plat_render *pr, const draw_list *l, const draw_cmd *c, float scale);
/* The height n lines of sample's first word take at px (flags: bold, RTL) as the renderer
 * draws them: the glyphs' height for Arabic, whose lines have room for stacked marks. */
float test_lines_h(plat_render *pr, const char *sample, int px, int flags, int n);
/* Whether a and b overlap by more than slack pixels each way. */
bool test_overlap(gw_rect a, gw_rect b, float slack);
/* Whether a lies inside b (within slack pixels). */
bool test_inside(gw_rect a, gw_rect b, float slack);
/* "x,y wxh" of r, for a test's messages. */
void test_rect_text(char *buf, size_t n, gw_rect r);
/* How a layout test says a problem: where (the frame), what, a detail. */
typedef void (*test_report_fn)(const char *where, const char *what, const char *detail);
/* The checks of a frame's texts every screen needs: each text with words lies inside
 * the W x H window, fits its box (a TEXT_FIT one at 80% of its size), runs into no
 * other text, and under no control it is not the label of (but the control with id
 * row_widget, when given: a row that holds its words). Each problem is reported. */
void test_check_texts(plat_render *pr, const draw_list *l, int W, int H, const char *where, test_report_fn report,
                      const char *row_widget);
/* With GW_LAYOUT_SHOTS=DIR, writes the frame l (w x h) drawn by pr as DIR/NNNN-WHERE.png
 * when bad (every frame with GW_LAYOUT_ALL set too); NNNN counts the frames written. */
void test_layout_shot(plat_render *pr, const draw_list *l, int w, int h, const char *where, bool bad);
/* For a test of a screen that shows the person's data folder (the welcome, the
 * settings): a home of its own, in a new folder under /tmp, whose data folder is as long
 * as a usual one (/tmp/gw-layout-PID/.local/share/groundwork, 45 characters, as
 * /home/firstname/.local/share/groundwork is some 40), so that the screen is checked as
 * people see it wherever the build is. Sets HOME and the XDG folders; the folder's name
 * into dir (n >= 32). test_layout_home_remove deletes it and all in it. */
bool test_layout_home(char *dir, size_t n);
void test_layout_home_remove(const char *dir);

#endif
