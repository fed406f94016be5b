/* plat_text: measures text as plat_render draws it: SDL_ttf with the same fonts, laid
 * out by the same code (plat_shape over core/textrun: Noto Sans Arabic for Arabic runs,
 * Noto Sans for the others, lines broken at spaces), so that layouts can size buttons and boxes from
 * their text instead of guessing. Fonts are opened on first use; results are cached
 * (layouts measure the same labels every frame).
 * Ownership: the measurer owns its fonts and cache; plat_text_free releases them. */
#ifndef GW_PLAT_TEXT_H
#define GW_PLAT_TEXT_H
#include <stdbool.h>

typedef struct plat_text plat_text;

/* font_dir holds the fonts plat_render uses. NULL only when out of memory or when
 * SDL_ttf cannot start. */
plat_text *plat_text_new(const char *font_dir);
void plat_text_free(plat_text *t);

typedef struct plat_text_size {
    int w;       /* the widest line; wider than wrap when a single word is */
    int h;       /* the height a box needs for it (as plat_render judges a fit) */
    int lines;   /* lines after wrapping */
    int line_h;  /* from one line to the next */
} plat_text_size;

/* The size of utf8 at font_px, bold or not, wrapped at wrap pixels (0: only at
 * newlines). False when the font cannot be opened (out is then zero). Arabic text is
 * drawn with generous room above and below its glyphs: h counts the last line's
 * glyphs, not that room, so the text's surface overhangs a box of height h a little
 * (empty pixels). */
bool plat_text_measure(plat_text *t, const char *utf8, int font_px, bool bold, int wrap, plat_text_size *out);

/* How many measurements have failed so far (a font that cannot be opened, out of
 * memory): the layout then used an estimate. The caller reports a change. */
unsigned plat_text_failures(const plat_text *t);
/* Fonts open in the set the measurer shares with the drawers (plat_font). */
int plat_text_fonts_open(const plat_text *t);

#endif
