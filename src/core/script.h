/* script: the `play` input format, JSON Lines, each line {"at": SECONDS, <one action>}.
 * Actions: key (+mod; pressed and released), keydown and keyup (a key held), text, tap, click, pointer (the mouse moved; what it hovers), press, choose, quit, resize, audio_device,
 * screenshot, end. See docs/automation.md. Blank lines and lines starting with '#'
 * are skipped. Lines must be in time order.
 * Ownership: script_parse returns a script the caller frees with script_free. */
#ifndef GW_SCRIPT_H
#define GW_SCRIPT_H
#include <stddef.h>
#include "core/event.h"
#include "core/gwtime.h"

typedef enum script_action {
    SCRIPT_EVENT,       /* ev holds a ready event (key, text, quit, resize, audio_device) */
    SCRIPT_TAP,         /* pointer down+up at ev.x, ev.y (touch) */
    SCRIPT_CLICK,       /* the same with a mouse */
    SCRIPT_PRESS,       /* activate the widget named arg */
    SCRIPT_SCREENSHOT,  /* write the current frame to arg */
    SCRIPT_END,         /* stop the run, exit 0 */
    SCRIPT_CHOOSE,      /* activate the widget named arg, turning the screen's pages to it */
    SCRIPT_KEY          /* ev (EV_KEY) pressed, then released at once */
} script_action;

typedef struct script_item {
    gw_ns         at;
    int           line;
    script_action action;
    gw_event      ev;
    char         *arg;
} script_item;

typedef struct script {
    int          n;
    script_item *item;
} script;

/* Parses text (len bytes). On error returns NULL and writes "NAME:LINE: message" to
 * err. */
script *script_parse(const char *name, const char *text, size_t len, char *err, size_t errlen);
script *script_load(const char *path, char *err, size_t errlen);
void    script_free(script *s);

#endif
