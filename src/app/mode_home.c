/* mode_home: a person practising at home. A welcome on the first run; the library;
 * with check-ins on, a self-check before and after each exercise; the practice log,
 * progress and settings are theirs (personal). A session the log could not take is
 * said so on the closing screen, with Retry (app_home_draw, app_home_activate). */
#include "app/app.h"

static void home_enter(app *a) { app_go(a, app_home_welcome_due(a) ? SCENE_WELCOME : SCENE_LIBRARY); }

const mode_vt mode_home = {
    .id = MODE_HOME,
    .name = "home",
    .enter = home_enter,
    .leave_exercise = app_home_leave_exercise,
    .personal = true,
    .draw = app_home_draw,
    .activate = app_home_activate,
};
