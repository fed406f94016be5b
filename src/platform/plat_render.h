/* plat_render: turns a draw_list into pixels with SDL's software renderer on an
 * SDL_Surface: the window's (plat_present: our own shared image on X11, else SDL's window
 * surface) in the live program, where only dirty rectangles are redrawn and sent to the
 * screen, or an offscreen surface for `render` and `play`.
 * Text goes through SDL_ttf (HarfBuzz shaping) with a cache: text that did not change
 * is never rasterized again. A missing font is reported once; text is then skipped and
 * the program goes on.
 * Ownership: the renderer owns its surface (offscreen), fonts and cache, not the
 * window. */
#ifndef GW_PLAT_RENDER_H
#define GW_PLAT_RENDER_H
#include <SDL2/SDL.h>
#include <stdbool.h>
#include "core/draw.h"

typedef struct plat_render plat_render;

/* font_dir holds NotoSans-Regular.ttf, NotoSans-Bold.ttf and NotoSansArabic-Regular/Bold.ttf.
 * A text is split into runs per script (core/textrun): Arabic runs are drawn with the
 * Arabic font, right to left, other letters with Noto Sans; digits and punctuation go
 * with the letters around them or with the font that has them. A text flagged TEXT_RTL
 * is a right-to-left paragraph (its runs placed from the right) unless all its letters
 * read left to right; a text of Arabic letters alone is right to left anyway. */
plat_render *plat_render_new_offscreen(int w, int h, const char *font_dir);
plat_render *plat_render_new_window(SDL_Window *win, const char *font_dir);
void plat_render_free(plat_render *pr);

/* Call after the window size changed (window renderers) or to resize the offscreen
 * surface. Returns false on failure (message in SDL_GetError). */
bool plat_render_resize(plat_render *pr, int w, int h);

/* Draws next. With prev (the frame currently shown), only what differs is redrawn;
 * returns false when nothing changed (and nothing was drawn). dirty_out, if given,
 * receives the redrawn rectangle. */
bool plat_render_frame(plat_render *pr, const draw_list *prev, const draw_list *next,
                       gw_rect *dirty_out);

/* Pixels the last frame drawn redrew (its dirty rectangles' areas summed). */
long plat_render_drawn_px(const plat_render *pr);

/* Saves the current pixels as PNG. Returns false with a message in SDL_GetError. */
bool plat_render_save_png(plat_render *pr, const char *path);
SDL_Surface *plat_render_surface(plat_render *pr);
/* Window renderers: how frames reach the screen ("xshm" or "sdl", see plat_present.h),
 * and how many frames had to wait for the display to take the one before; NULL and 0
 * offscreen. */
const char *plat_render_present_kind(const plat_render *pr);
unsigned long plat_render_present_waits(const plat_render *pr);
/* Window renderers: see plat_present_collect (events other than the answers to our
 * frames, -1 when not known); offscreen -1. */
int plat_render_present_collect(plat_render *pr);
/* The first problem met (missing font, ...), or NULL. */
const char *plat_render_problem(const plat_render *pr);
int plat_render_text_cache_size(const plat_render *pr);
/* Bytes of pixels the text cache holds (at most 24 MiB, whatever the count). */
size_t plat_render_text_cache_bytes(const plat_render *pr);

/* The size in pixels of utf8 drawn at font_px with flags (FONT_BOLD << 8, TEXT_RTL),
 * broken into lines no wider than wrap (0: only at line feeds): the size of the text
 * that plat_render_frame draws for a DRAW_TEXT of that box width (before any shrinking
 * to fit the box's height). False when the fonts cannot be opened. */
bool plat_render_text_size(plat_render *pr, const char *utf8, int font_px, int flags, int wrap, int *w,
                           int *h);
/* How many characters of utf8 no font has (they would show as empty boxes); -1 when
 * the fonts cannot be opened. */
int plat_render_text_missing(plat_render *pr, const char *utf8, int font_px, int flags);

/* Text that does not fit its box is drawn smaller (down to 60%); what still does not
 * fit is cropped and counted here (all renderers of the process), for tests that
 * check no text is cut off. _last describes the latest such text. */
int plat_render_overflow_count(void);
const char *plat_render_overflow_last(void);
void plat_render_overflow_reset(void);

#endif
