/* mode_present: a therapist demonstrating on a client's screen. Writes nothing
 * personal (a plan is written only when the therapist saves one). The controls
 * (present_panel.c) are drawn beside the client view, which is laid out in the room
 * left of them while they show (the two slide, eased, in a third of a second), and fade
 * after a few seconds without input (the client view has the whole screen again); with
 * a second display they have a window of their own. */
#include <stdio.h>

#include "app/app.h"
#include "core/draw_adapt.h"

#define FADE_AFTER GW_SEC(4)

void app_draw_control(app *a, draw_list *l)
{
    int w = a->w, h = a->h;  /* the panel lays itself out in the control window's size */
    a->w = a->present.ctl_w > 0 ? a->present.ctl_w : w;
    a->h = a->present.ctl_h > 0 ? a->present.ctl_h : h;
    a->text_scale = (float)app_text_pct(a) / 100.f;
    draw_begin(l, a->w, a->h, a->th->bg);
    present_panel_draw(a, l, true);
    draw_adapt_scale_text(l, a->text_scale); /* the text size of the run (--text-size) */
    if (a->rtl)
        draw_adapt_mirror(l); /* mirrored, like the client's screen */
    a->w = w;
    a->h = h;
}

void app_control_window(app *a, int w, int h)
{
    a->present.two_windows = w > 0 && h > 0;
    a->present.ctl_w = w;
    a->present.ctl_h = h;
    a->ui_stale = true;
}

void app_control_event(app *a, const gw_event *e)
{
    switch (e->type) {
    case EV_RESIZE:
        app_control_window(a, e->w, e->h);
        return;
    case EV_POINTER_UP: {
        a->last_input = a->now;
        app_draw_control(a, &a->present.ctl_ui);
        app_check_drawn(a, &a->present.ctl_ui);
        const draw_widget *w = draw_widget_at(&a->present.ctl_ui, e->x * (float)a->present.ctl_w,
                                              e->y * (float)a->present.ctl_h);
        if (w) {
            char id[DRAW_WIDGET_ID_MAX];
            snprintf(id, sizeof id, "%s", w->id);
            app_press(a, id);
        }
        return;
    }
    case EV_POINTER_DOWN:
    case EV_POINTER_MOVE:
        a->last_input = a->now;
        return;
    default:
        app_event(a, e);
    }
}

/* A widget on the control window (present, two windows). */
static bool has_widget(app *a, const char *id)
{
    if (!a->present.two_windows)
        return false;
    app_draw_control(a, &a->present.ctl_ui);
    app_check_drawn(a, &a->present.ctl_ui);
    return draw_widget_find(&a->present.ctl_ui, id) != NULL;
}


static void enter(app *a) { app_go(a, SCENE_LIBRARY); }

static void leave_exercise(app *a) { app_go(a, SCENE_LIBRARY); }

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
    .id = MODE_PRESENT,
    .name = "present",
    .enter = enter,
    .filter = filter,
    .leave_exercise = leave_exercise,
    .update = update,
    .next_change = next_change,
    .draw = draw,
    .activate = present_panel_activate,
    .blank = blank,
    .client_w = present_panel_client_w,
    .has_widget = has_widget,
};
