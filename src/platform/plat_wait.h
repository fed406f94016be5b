/* plat_wait: how the live loop sleeps until input arrives or its next frame is due.
 *
 * While a figure moves, the loop wakes about 60 times a second, and SDL_WaitEventTimeout
 * looks for events three times on each wake (each a flush and several reads of the X
 * connection). For such short waits (at most PLAT_WAIT_SHORT_MS) on X11 it sleeps for the
 * wait and then looks for events once: input that came meanwhile is handled at the frame
 * it is due for, at most one wait (a frame while a figure moves) later. It does not
 * sleep on the display connection: the display answers each frame sent (plat_present's
 * completion event) a moment later, and waking for that would cost as much as the round
 * trip it replaces. When that answer is all the display sent, SDL is not asked to look
 * for events at all, except every PLAT_WAIT_PUMP_MS (SDL also keeps the screen saver
 * away, and turns a termination signal into a quit request, when it looks). Longer
 * waits (a still screen), other video drivers and GW_SDL_WAIT set (for measurements)
 * stay with SDL_WaitEventTimeout, which wakes at once for input.
 * Ownership: plain state the caller owns; the renderer is borrowed. */
#ifndef GW_PLAT_WAIT_H
#define GW_PLAT_WAIT_H
#include <SDL2/SDL.h>
#include <stdbool.h>
#include "core/gwtime.h"
#include "platform/plat_render.h"

#define PLAT_WAIT_SHORT_MS 40
#define PLAT_WAIT_PUMP_MS 250

typedef struct plat_wait {
    bool x11;
    bool short_wait;  /* the last wait was a short one: its batch is what SDL had queued */
    plat_render *pr;
    gw_ns pumped;     /* when SDL last looked for events */
} plat_wait;

/* For the window win drawn by pr. */
plat_wait plat_wait_for(SDL_Window *win, plat_render *pr);
/* Waits up to timeout_ms (0: not at all) for an event; true with the first in *ev. */
bool plat_wait_event(plat_wait *w, SDL_Event *ev, int timeout_ms);
/* The next event of the same wake, if any. */
bool plat_wait_more(plat_wait *w, SDL_Event *ev);

#endif
