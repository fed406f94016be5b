/* scene_problems: the preview's list of what is wrong with the pack being authored,
 * one located line each, in the words the validator uses. */
#include <math.h>
#include <stdio.h>

#include "app/app.h"
#include "core/i18n.h"

#define SHOWN 14

static void problems_draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, pad = 40 * u;
    const pack_diags *d = &a->packs->diags;
    char head[96];
    int errors = pack_diags_errors(d);
    snprintf(head, sizeof head, P_("This pack has %d problem", "This pack has %d problems", errors), errors);
    draw_text(l, gw_rc(pad, 24 * u, W - 2 * pad, 50 * u), head, (int)lroundf(32 * u),
              VALIGN_MIDDLE | (FONT_BOLD << 8), t->focus);
    draw_text(l, gw_rc(pad, 76 * u, W - 2 * pad, 34 * u),
              _("Fix the files and save them: the preview reloads by itself."), (int)lroundf(20 * u),
              VALIGN_MIDDLE, t->text_dim);
    float y = 130 * u;
    char line[2048];
    int shown = 0;
    for (int i = 0; i < d->n && shown < SHOWN; i++, shown++) {
        pack_diag_format(&d->v[i], line, sizeof line);
        draw_text(l, gw_rc(pad, y, W - 2 * pad, 38 * u), line, (int)lroundf(17 * u), VALIGN_MIDDLE,
                  d->v[i].severity == PACK_ERROR ? t->text : t->text_dim);
        y += 40 * u;
    }
    if (d->n > shown) {
        int more = d->n - shown;
        snprintf(line, sizeof line,
                 P_("…and %d more problem (see the terminal).", "…and %d more problems (see the terminal).", more),
                 more);
        draw_text(l, gw_rc(pad, y, W - 2 * pad, 38 * u), line, (int)lroundf(17 * u), VALIGN_MIDDLE,
                  t->text_dim);
    }
}

static void problems_activate(app *a, const char *w) { (void)a; (void)w; }

const scene_vt scene_problems = {
    .id = SCENE_PROBLEMS,
    .name = "problems",
    .activate = problems_activate,
    .draw = problems_draw,
};
