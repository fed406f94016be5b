/* mode_home: a person practising at home. The library; after an exercise, back to it. */
#include "app/app.h"

static void enter(app *a) { app_set_scene(a, &scene_library); }

static void leave_exercise(app *a) { app_set_scene(a, &scene_library); }

const mode_vt mode_home = { "home", enter, NULL, leave_exercise, NULL, NULL, NULL };
