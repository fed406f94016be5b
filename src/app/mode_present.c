/* mode_present: a therapist demonstrating on a client's screen. Writes nothing
 * personal (a plan is written only when the therapist saves one). The controls
 * (present_panel.c) are drawn beside the client view, which is laid out in the room
 * left of them while they show (the two slide, eased, in a third of a second), and fade
 * after a few seconds without input (the client view has the whole screen again); with
 * a second display they have a window of their own. The mode's state (present.h) is
 * its own: the rest of the program asks it through the table (blank, captions_off,
 * client_w, has_widget) and the functions below. */
#include <stdio.h>

#include "app/present.h"
#include "core/draw_adapt.h"

void app_draw_control(app *a, draw_list *l)
{
    if (!app_mode_is(a, MODE_PRESENT)) { /* only present mode has controls */
        draw_begin(l, a->w, a->h, a->th->bg);
        return;
    }
    const struct present_st *p = present_st(a);
    int w = a->w, h = a->h;  /* the panel lays itself out in the control window's size */
    a->w = p->ctl_w > 0 ? p->ctl_w : w;
    a->h = p->ctl_h > 0 ? p->ctl_h : h;
    a->view.text_scale = (float)app_text_pct(a) / 100.f;
    draw_begin(l, a->w, a->h, a->th->bg);
    l->focus_stop = p->two_windows ? a->focus.stop_ctl + 1 : 0; /* the keyboard's focus here (app.c, "the focus stops") */
    present_panel_draw(a, l, true);
    draw_adapt_scale_text(l, a->view.text_scale); /* the text size of the run (--text-size) */
    if (a->view.rtl)
        draw_adapt_mirror(l); /* mirrored, like the client's screen */
    a->w = w;
    a->h = h;
}

void app_control_window(app *a, int w, int h)
{
    if (!app_mode_is(a, MODE_PRESENT))
        return;
    struct present_st *p = present_st(a);
    p->two_windows = w > 0 && h > 0;
    p->ctl_w = w;
    p->ctl_h = h;
    a->ui_stale = true;
}

void app_control_event(app *a, const gw_event *e)
{
    if (!app_mode_is(a, MODE_PRESENT))
        return;
    struct present_st *p = present_st(a);
    switch (e->type) {
    case EV_RESIZE:
        app_control_window(a, e->w, e->h);
        return;
    case EV_POINTER_UP: {
        a->last_input = a->now;
        app_draw_control(a, &p->ctl_ui);
        app_check_drawn(a, &p->ctl_ui);
        const draw_widget *w = draw_widget_at(&p->ctl_ui, e->x * (float)p->ctl_w, e->y * (float)p->ctl_h);
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
static bool present_has_widget(app *a, const char *id)
{
    struct present_st *p = present_st(a);
    if (!p->two_windows)
        return false;
    app_draw_control(a, &p->ctl_ui);
    app_check_drawn(a, &p->ctl_ui);
    return draw_widget_find(&p->ctl_ui, id) != NULL;
}

/* The control window's controls, for the focus stops after the client view's. */
static bool present_control_drawn(app *a, draw_list *l)
{
    if (!present_st(a)->two_windows)
        return false;
    app_draw_control(a, l);
    return true;
}

static void present_configure(app *a, const app_config *cfg)
{
    present_panel_init(a, cfg->plan_dir);
}

static void present_release(app *a)
{
    draw_free(&present_st(a)->ctl_ui);
}

static void present_enter(app *a) { app_go(a, SCENE_LIBRARY); }

static void present_leave_exercise(app *a) { app_go(a, SCENE_LIBRARY); }

static bool present_filter(app *a, const gw_event *e)
{
    return present_panel_key(a, e);
}

/* The group and tension choices belong to the exercise on screen. */
static void present_update(app *a)
{
    struct present_st *p = present_st(a);
    p->sliding = present_panel_update(a);
    if (a->ex && a->ex != p->tail_ex) {
        p->tail_ex = a->ex;
        p->drop_regions = 0;
        p->release_only = false;
    }
}

static gw_ns present_next_change(const app *a)
{
    if (present_st(a)->sliding) /* the panel and the client view move */
        return a->now + GW_MSEC(16);
    gw_ns fade = a->last_input + PRESENT_FADE_AFTER;  /* the overlay goes */
    return fade > a->now ? fade : GW_NEVER;
}

static void present_draw(const app *a, draw_list *l)
{
    present_panel_draw(a, l, false);
}

static bool present_blank(const app *a) { return present_st(a)->blank; }

static bool present_captions_off(const app *a) { return present_st(a)->captions_off; }

const mode_vt mode_present = {
    .id = MODE_PRESENT,
    .name = "present",
    .configure = present_configure,
    .enter = present_enter,
    .filter = present_filter,
    .leave_exercise = present_leave_exercise,
    .update = present_update,
    .next_change = present_next_change,
    .draw = present_draw,
    .activate = present_panel_activate,
    .blank = present_blank,
    .client_w = present_panel_client_w,
    .has_widget = present_has_widget,
    .captions_off = present_captions_off,
    .tab_everywhere = true,
    .control_drawn = present_control_drawn,
    .state_size = sizeof(struct present_st),
    .release = present_release,
};
