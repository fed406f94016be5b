/* mode_home: a person practising at home. A welcome on the first run; the library;
 * with check-ins on, a self-check before and after each exercise; the practice log,
 * progress and settings are theirs (personal). A session the log could not take is
 * said so on the closing screen, with Retry (app_home_draw, app_home_activate). */
#include "app/app.h"

static void enter(app *a)
{
    /* a damaged settings file is not overwritten just to remember the welcome */
    if (a->welcome_flow && a->personal && a->set_loaded && !a->set.welcomed)
        app_set_scene(a, &scene_welcome);
    else
        app_set_scene(a, &scene_library);
}

static void leave_exercise(app *a)
{
    if (a->home_flow && a->set.checkins && a->held.on) {
        a->checkin_after = true;
        app_set_scene(a, &scene_checkin);
    } else
        app_set_scene(a, &scene_library);
}

const mode_vt mode_home = {
    .id = MODE_HOME,
    .name = "home",
    .enter = enter,
    .leave_exercise = leave_exercise,
    .personal = true,
    .draw = app_home_draw,
    .activate = app_home_activate,
};
