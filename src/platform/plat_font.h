/* plat_font: fonts by style and size, opened on first use from the shipped Noto Sans
 * files; beyond the set's capacity the least recently used is closed. A file that will
 * not open is tried again once a second, not at every text of every frame.
 *
 * The text measurer (plat_text) and the drawers (plat_render) of a process share one
 * set per font folder (plat_fonts_shared; all on the main thread): a text's font is
 * opened, its glyphs loaded and HarfBuzz's shaping plans made once, for the layout and
 * the drawing alike. Opening and first use of each font was, twice over, most of the
 * work of the first frame.
 * Ownership: the set owns its fonts; a font returned is valid until the next
 * plat_fonts_get on the same set, and the last plat_fonts_release closes them all. */
#ifndef GW_PLAT_FONT_H
#define GW_PLAT_FONT_H
#include <SDL2/SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>

/* Font styles: bit 0 bold, bit 1 the Arabic font (Noto Sans Arabic). */
enum { PLAT_FONT_BOLD = 1, PLAT_FONT_ARABIC = 2 };
#define PLAT_FONT_SLOTS 48

typedef struct plat_fonts {
    char dir[1024];
    int n;      /* open, at most PLAT_FONT_SLOTS */
    int refs;   /* holders of a shared set */
    uint64_t tick;
    Uint64 retry[4]; /* per file: SDL ticks before which it is not tried again */
    char failed[1200]; /* the path of the file that last would not open */
    struct {
        int style, px;
        TTF_Font *font;
        uint64_t used;
    } slot[PLAT_FONT_SLOTS];
} plat_fonts;

/* The set of fonts from folder dir shared by the process (see above), held once more;
 * NULL when out of memory. Give each back with plat_fonts_release. */
plat_fonts *plat_fonts_shared(const char *dir);
void plat_fonts_release(plat_fonts *fs);

/* The font of style at px, or NULL when its file will not open; then *failed (if not
 * NULL) is set to the path of the file (held by the set), for a message. */
TTF_Font *plat_fonts_get(plat_fonts *fs, int style, int px, const char **failed);

/* The font of a run of text (bold or not, Arabic script or not) set to shape in its
 * direction. */
TTF_Font *plat_fonts_run(plat_fonts *fs, bool bold, bool arabic, int px, bool rtl, const char **failed);

#endif
