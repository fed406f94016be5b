/* theme: the colours of a screen, by role. Phases differ by colour and also by word
 * and motion, so nothing depends on colour alone. */
#ifndef GW_THEME_H
#define GW_THEME_H
#include "core/draw.h"

typedef struct theme {
    const char *name;
    gw_color bg, surface, surface_hi, text, text_dim, accent, focus;
    gw_color inhale, hold, exhale;
    gw_color ring_track;
    gw_color ambient;   /* the top of the breathing screens' background, shading to bg at
                         * the bottom; bg itself where the theme wants it flat */
    gw_color warn;      /* an action that cannot be undone ("Delete"): its button's fill,
                         * with bg for its label */
} theme;

/* Built-in themes: "calm" (default, dark blue-grey), "light", "contrast". NULL or an
 * unknown name gives the default. */
const theme *theme_get(const char *name);
const char  *theme_default_name(void);

#endif
