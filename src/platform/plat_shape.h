/* plat_shape: the one text layout of the program, shared by the measurer (plat_text,
 * for layouts) and the drawers (plat_render): a text is split into runs per script and
 * broken into lines by core/textrun, each run measured with SDL_ttf (HarfBuzz shaping)
 * in the font plat_fonts gives for its script and direction. What is measured is
 * therefore what is drawn.
 * Ownership: a plat_shape is a small value the caller fills and owns; the fonts are the
 * set's (plat_font); a layout's runs are freed with plat_shape_free. */
#ifndef GW_PLAT_SHAPE_H
#define GW_PLAT_SHAPE_H
#include <SDL2/SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>
#include "core/textrun.h"
#include "platform/plat_font.h"

/* Fonts for one text: the set, bold or not, the size; failed(who, path) (may be NULL)
 * is called whenever a font file will not open. */
typedef struct plat_shape {
    plat_fonts *fonts;
    bool bold;
    int px;
    void (*failed)(void *who, const char *path);
    void *who;
} plat_shape;

/* The font of a run (textrun's font numbering) set to shape in its direction. */
TTF_Font *plat_shape_font(const plat_shape *sh, int font, bool rtl);
/* The font of a script at the text's size and weight, its direction left as it was. */
TTF_Font *plat_shape_script_font(const plat_shape *sh, int font);

/* Runs and lines of utf8 (core/textrun), broken at wrap pixels (0: only at line feeds),
 * a right-to-left paragraph when rtl. False when out of memory. */
bool plat_shape_runs(const plat_shape *sh, const char *utf8, int wrap, bool rtl, textrun_layout *out);

/* A text laid out for drawing: its runs and lines, and the size that is drawn. */
typedef struct plat_shape_layout {
    textrun_layout runs;
    int w, h;         /* what is drawn: widest line, lines * line skip (the last a whole line) */
    int skip, ascent; /* shared by all lines: the largest of the fonts used */
} plat_shape_layout;

/* plat_shape_runs and the metrics of every font the text uses. False when one of them
 * cannot be opened or out of memory (nothing is then held). */
bool plat_shape_layout_make(const plat_shape *sh, const char *utf8, int wrap, bool rtl, plat_shape_layout *out);
void plat_shape_free(plat_shape_layout *L);

/* SDL_ttf wants NUL-terminated text: a copy of len bytes at s, in buf when it fits
 * (free the result if it is not buf); NULL when out of memory. */
char *plat_shape_piece(const char *s, int len, char *buf, size_t n);

#endif
