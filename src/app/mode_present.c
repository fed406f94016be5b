/* mode_present: a therapist demonstrating on a client's screen. Writes nothing
 * personal. The control panel comes with its own module. */
#include "app/app.h"

static void enter(app *a) { app_set_scene(a, &scene_library); }

static void leave_exercise(app *a) { app_set_scene(a, &scene_library); }

const mode_vt mode_present = { "present", enter, NULL, leave_exercise, NULL, NULL, NULL, false };
