/* event: input as the core and the app see it, independent of SDL. The platform
 * translates SDL events into these; `play` scripts produce them directly, so the live
 * program and headless runs take the same path. */
#ifndef GW_EVENT_H
#define GW_EVENT_H
#include <stdbool.h>

typedef enum gw_event_type {
    EV_NONE,
    EV_KEY,           /* key pressed: key holds the SDL key name ("Escape", "Space", "A") */
    EV_TEXT,          /* text typed (after input methods) */
    EV_POINTER_DOWN,  /* x, y in 0..1 window coordinates; touch tells a finger from a mouse */
    EV_POINTER_UP,
    EV_POINTER_MOVE,
    EV_QUIT,          /* quit or window-close request */
    EV_RESIZE,        /* w, h in pixels */
    EV_AUDIO_DEVICE,  /* added true/false */
    EV_BUTTON,        /* gamepad button: key holds "a", "b", "dpup", ... */
    EV_KEY_UP         /* key released (key as EV_KEY): only a mode timing a held key hears it */
} gw_event_type;

enum { GW_MOD_CTRL = 1, GW_MOD_ALT = 2, GW_MOD_SHIFT = 4, GW_MOD_GUI = 8 };

typedef struct gw_event {
    gw_event_type type;
    char     key[32];
    unsigned mods;
    char     text[64];
    float    x, y;
    bool     touch;
    int      w, h;
    bool     added;
    bool     live;    /* EV_AUDIO_DEVICE: sound can still play (a device open, or waiting to open) */
    bool     repeat;  /* EV_KEY: the keyboard's own repeat of a key held down */
} gw_event;

#endif
