/* plat_window: the program's windows. The main window on the display asked for (sized
 * to cover it for full screen or a kiosk, so that it covers the screen even where no
 * window manager honours the request), full screen asked for once the first frame is
 * shown and only where a window manager will answer (X11: an EWMH one announces
 * itself; elsewhere one is assumed), a kiosk's cursor shown while the mouse moves; and
 * a second window on another display (present mode's therapist controls).
 * Without X11 the window-manager check assumes one; the rest is SDL's.
 * Ownership: the caller owns the plat_window and closes it with plat_window_close,
 * which destroys its SDL window; a second window is the caller's to destroy. */
#ifndef GW_PLAT_WINDOW_H
#define GW_PLAT_WINDOW_H
#include <SDL2/SDL.h>
#include <stdbool.h>
#include "core/gwtime.h"

typedef struct plat_window_spec {
    int display;      /* one that does not exist is display 0 (said on stderr) */
    int w, h;         /* 0: 1280x720 */
    bool cover;       /* cover the display (full screen) */
    bool cover_two;   /* cover it when there are two displays or more (present) */
    bool kiosk;       /* keyboard grabbed; the cursor hidden but while the mouse moves */
    gw_ns cursor_for; /* kiosk: the cursor hides again this long after the mouse stops */
} plat_window_spec;

typedef struct plat_window {
    SDL_Window *win;
    int display;      /* the display it is on */
    int displays;     /* how many SDL found */
    bool want_full;   /* full screen is asked for once the first frame is shown */
    bool kiosk;
    gw_ns cursor_for;
    gw_ns cursor_until; /* kiosk: the cursor hides then (GW_NEVER: hidden) */
} plat_window;

/* Opens the main window, titled "Groundwork". False (message in SDL_GetError) if none. */
bool plat_window_open(plat_window *pw, const plat_window_spec *s);
void plat_window_close(plat_window *pw);
/* Call once the first frame is shown: asks for full screen if it was wanted. */
void plat_window_shown(plat_window *pw);
/* Handles what an event means for the window itself at caller time now (a kiosk shows
 * its cursor on mouse motion and stays in front when it loses focus). */
void plat_window_event(plat_window *pw, const SDL_Event *ev, gw_ns now);
/* When plat_window_tick next has something to do (GW_NEVER: nothing). */
gw_ns plat_window_next_change(const plat_window *pw);
/* Hides a kiosk's cursor when it is time to. */
void plat_window_tick(plat_window *pw, gw_ns now);

/* A window of w x h at most (the display's usable size if smaller) on a display other
 * than client_display, which it must not overlap (mirrored displays, or X screens of
 * their own where SDL places every window on the first); NULL if there is no such
 * display or the window cannot open. */
SDL_Window *plat_window_open_second(int client_display, const char *title, int w, int h);
/* The window an event of the pointer or of the window belongs to (its id); 0 for
 * events of no window in particular (keys and text act the same from any window). */
Uint32 plat_window_of_event(const SDL_Event *ev);

#endif
