/* plat_pad: gamepads and their rumble. Gamepads are read by the loop
 * (SDL_HINT_AUTO_UPDATE_JOYSTICKS off), not by SDL at every look for events: SDL would
 * look at the input devices (udev) at every frame and, with a gamepad connected, wait
 * for events by waking every millisecond. With one connected they are read before every
 * wait and waits last at most PLAT_PAD_POLL_MS, so a button is seen within a frame while
 * a figure moves and within 50 ms on a still screen; with none, the device list is
 * looked at every PLAT_PAD_SCAN_MS for one plugged in (and at every wake of a still
 * screen). Without gamepad support in SDL every call does nothing and the rest works.
 * Ownership: the caller owns the plat_pad (plain state, no allocation); SDL owns the
 * controllers opened, closed at SDL_Quit. */
#ifndef GW_PLAT_PAD_H
#define GW_PLAT_PAD_H
#include <SDL2/SDL.h>
#include <stdbool.h>
#include "core/breath.h"
#include "core/gwtime.h"

#define PLAT_PAD_POLL_MS 50
#define PLAT_PAD_SCAN_MS 1000

typedef struct plat_pad {
    bool on;     /* the gamepad subsystem is running */
    gw_ns next;  /* none connected: look for one from then on */
} plat_pad;

/* Starts the gamepad subsystem and opens the gamepads connected (a warning if none can). */
void plat_pad_start(plat_pad *p);
/* Reads the gamepads (their events are then queued) when it is time to; with one
 * connected, the coming wait (*timeout_ms) is cut to PLAT_PAD_POLL_MS. */
void plat_pad_read(plat_pad *p, gw_ns now, int *timeout_ms);
/* Opens a gamepad plugged in (SDL_CONTROLLERDEVICEADDED); other events are ignored. */
void plat_pad_event(plat_pad *p, const SDL_Event *ev);
/* A short rumble for a phase change: stronger and lower breathing in, lighter and
 * longer breathing out, a faint tap for holds. On every gamepad that can rumble. */
void plat_pad_rumble(const plat_pad *p, breath_kind k);

#endif
