/* mode_present: a therapist demonstrating on a client's screen. Writes nothing
 * personal (a plan is written only when the therapist saves one). The controls
 * (present_panel.c) are drawn beside the client view, which is laid out in the room
 * left of them while they show (the two slide, eased, in a third of a second), and fade
 * after a few seconds without input (the client view has the whole screen again); with
 * a second display they have a window of their own. */
#include "app/app.h"

#define FADE_AFTER GW_SEC(4)

static void enter(app *a) { app_set_scene(a, &scene_library); }

static void leave_exercise(app *a) { app_set_scene(a, &scene_library); }

static bool filter(app *a, const gw_event *e)
{
    return present_panel_key(a, e);
}

/* The group and tension choices belong to the exercise on screen. */
static void update(app *a)
{
    a->present.sliding = present_panel_update(a);
    if (a->ex && a->ex != a->present.tail_ex) {
        a->present.tail_ex = a->ex;
        a->present.drop_regions = 0;
        a->present.release_only = false;
    }
}

static gw_ns next_change(const app *a)
{
    if (a->present.sliding) /* the panel and the client view move */
        return a->now + GW_MSEC(16);
    gw_ns fade = a->last_input + FADE_AFTER;  /* the overlay goes */
    return fade > a->now ? fade : GW_NEVER;
}

static void draw(const app *a, draw_list *l)
{
    present_panel_draw(a, l, false);
}

static bool blank(const app *a) { return a->present.blank; }

const mode_vt mode_present = {
    "present", enter, filter, leave_exercise, update, next_change, NULL, false,
    draw, present_panel_activate, blank, present_panel_client_w,
};
