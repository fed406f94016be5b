/* mode_kiosk: an unattended waiting-room screen. Nothing may leave the program:
 * escape keys and quit requests are blocked and traced. */
#include <string.h>

#include "app/app.h"

static void enter(app *a) { app_set_scene(a, &scene_library); }

static void leave_exercise(app *a) { app_set_scene(a, &scene_library); }

static bool kiosk_filter(app *a, const gw_event *e)
{
    const char *what = NULL;
    if (e->type == EV_QUIT)
        what = "quit";
    else if (e->type == EV_KEY) {
        if (!strcmp(e->key, "Escape"))
            what = "Escape";
        else if ((e->mods & GW_MOD_ALT) && (!strcmp(e->key, "F4") || !strcmp(e->key, "Tab")))
            what = e->key[0] == 'F' ? "Alt+F4" : "Alt+Tab";
        else if ((e->mods & GW_MOD_CTRL) && (!strcmp(e->key, "Q") || !strcmp(e->key, "W")))
            what = e->key[0] == 'Q' ? "Ctrl+Q" : "Ctrl+W";
        else if (!strncmp(e->key, "Left GUI", 8) || !strncmp(e->key, "Right GUI", 9) ||
                 (e->mods & GW_MOD_GUI))
            what = "Super";
    }
    if (!what)
        return false;
    trace_begin(a->tr, a->now, "blocked");
    trace_str(a->tr, "what", what);
    trace_end(a->tr);
    return true;
}

const mode_vt mode_kiosk = { "kiosk", enter, kiosk_filter, leave_exercise, NULL, false };
