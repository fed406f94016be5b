/* app_ui: what the scenes hand to ui (ui.h) and the one idiom of the ui that draws a
 * scene. The context is built afresh from the app's state at each call, so it is never
 * stale (app_draw lays the client view out at its own width while present's panel
 * shows). ui.c stays below the app: it knows neither the app nor its scenes. */
#include "app/app.h"
#include "app/ui.h"

ui_ctx app_ui(const app *a)
{
    ui_ctx u = {
        .th = a->th,
        .unit = app_unit(a),
        .w = a->w,
        .h = a->h,
        .text_scale = a->view.text_scale,
        .focus_visible = a->focus.visible,
        .text = a->text,
        .hover = a->focus.hover[0] ? a->focus.hover : NULL,
        .pressing = a->focus.pressing,
    };
    return u;
}

void app_overlay_backdrop(const app *a, draw_list *l, const scene_vt *under)
{
    if (under && under->draw) {
        int stop = l->focus_stop; /* the focus is the overlay's, never the backdrop's */
        l->focus_stop = 0;
        under->draw(a, l);
        l->nwid = 0; /* the screen underneath is only a backdrop */
        l->focus_stop = stop;
    }
    gw_color veil = a->th->bg;
    veil.a = 225;
    draw_rect(l, gw_rc(0, 0, (float)a->w, (float)a->h), 0, veil);
    l->words_from = l->ncmd; /* read aloud says the overlay's words, not those under it */
}
