/* panel.layout: present mode's compact step controls name the step back as the exercise
 * beside them does: over muscle relaxation, the therapist's panel's "previous" button
 * says what the client view's says, or that word cut short ("Prev."; German said
 * "Voriger" in the panel and "Vorherige" on the exercise), whole at its size (fitting its button, as large as Next's label).
 * In en, es, de and ar at 100% and 200% text (1280x720, drawn headless, mirrored for
 * Arabic). GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all
 * frames with GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/present.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 200 };

static plat_render *pr;
static int failures, frames;

static void report(const char *where, const char *what, const char *detail)
{
    failures++;
    fprintf(stderr, "panel.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

static bool inside(gw_rect a, gw_rect b)
{
    return a.x >= b.x - 0.5f && a.y >= b.y - 0.5f && a.x + a.w <= b.x + b.w + 0.5f && a.y + a.h <= b.y + b.h + 0.5f;
}

/* The label drawn in the widget with this id on the panel's side (panel: the one further
 * from the window's start in reading order), or NULL. */
static const draw_cmd *label_of(const draw_list *l, const char *id, bool panel, bool rtl)
{
    const draw_widget *best = NULL;
    for (int i = 0; i < l->nwid; i++) {
        const draw_widget *w = &l->wid[i];
        if (strcmp(w->id, id))
            continue;
        bool later = !best || (rtl ? w->r.x < best->r.x : w->r.x > best->r.x);
        if (!best || later == panel)
            best = w;
    }
    if (!best)
        return NULL;
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_TEXT && draw_text_of(l, &l->cmd[i])[0] && inside(l->cmd[i].r, best->r))
            return &l->cmd[i];
    return NULL;
}

static void check(test_env *env, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "present", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .plan_dir = "/tmp/groundwork-plan" };
    char where[96], d[200];
    snprintf(where, sizeof where, "%s %d%%", lang, pct);
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "pmr-7")) {
        report(where, "muscle relaxation did not start", "");
        return;
    }
    app_update(&a, GW_SEC(9));
    struct present_st *p = present_st(&a);
    a.last_input = a.now;
    p->shown = true;
    p->shown_since = a.now - GW_SEC(1);
    draw_list l = { 0 };
    app_draw(&a, &l);
    frames++;
    int before = failures;
    bool rtl = !strcmp(lang, "ar");
    const draw_cmd *prev = label_of(&l, "previous", true, rtl), *client = label_of(&l, "previous", false, rtl);
    const draw_cmd *next = label_of(&l, "next", true, rtl);
    if (!prev || !client || !next || prev == client) {
        report(where, "the panel's and the exercise's Previous, or the panel's Next, are not drawn", "");
        goto done;
    }
    const char *ps = draw_text_of(&l, prev), *cs = draw_text_of(&l, client);
    size_t n = strlen(ps);
    bool cut = n > 1 && ps[n - 1] == '.' && !strncmp(ps, cs, n - 1); /* "Prev." for "Previous" */
    if (strcmp(ps, cs) && !cut) {
        snprintf(d, sizeof d, "the panel says \"%s\", the exercise \"%s\"", ps, cs);
        report(where, "the step back has two names on one screen", d);
    }
    if (!test_text_fits(pr, &l, prev, 1)) {
        snprintf(d, sizeof d, "\"%s\" at %d px", ps, prev->font_px);
        report(where, "the panel's Previous does not fit its button", d);
    }
    if (prev->font_px < next->font_px) {
        snprintf(d, sizeof d, "\"%s\" at %d px, \"%s\" at %d px", ps, prev->font_px, draw_text_of(&l, next),
                 next->font_px);
        report(where, "the panel's Previous is made smaller than its Next", d);
    }
done:
    test_layout_shot(pr, &l, a.w, a.h, where, failures > before);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "panel.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
            check(&env, LANGS[li], PCTS[pi]);
    plat_render_free(pr);
    test_env_close(&env);
    printf("panel.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
