/* help.layout: the help overlays in en, es, de and ar at 100%, 150% and 200% text
 * (1280x720, drawn headless, mirrored for Arabic):
 *  - the safety line ("Help and support"), from the library and over a running
 *    exercise: every text inside the window, fitting its box, over no other text and
 *    under no button (Close covered the end of the disclaimer in Arabic at 200%), on
 *    pages where they do not fit together, the disclaimer on one of them;
 *  - present mode's key list: F1 opens it at its first page, whatever page the panel
 *    was on; its pages turn to the last, which offers Close, every text fitting its
 *    box; closed, the panel is back on the page it was on.
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/present.h"
#include "core/i18n.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };

static plat_render *pr;
static int failures, frames;
static bool frame_bad;

static void report(const char *where, const char *what, const char *detail)
{
    frame_bad = true;
    if (++failures <= (getenv("GW_LAYOUT_ALL") ? 1000000 : 300))
        fprintf(stderr, "help.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* The overlay's texts (those from `from` on) and its buttons. */
static void check_overlay(const draw_list *l, int from, int W, int H, const char *where)
{
    frames++;
    frame_bad = false;
    gw_rect win = gw_rc(0, 0, (float)W, (float)H);
    for (int i = from; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        gw_rect ink = test_text_ink(pr, l, c);
        char d[512], r[48];
        test_rect_text(r, sizeof r, ink);
        snprintf(d, sizeof d, "\"%.70s\" (%s)", draw_text_of(l, c), r);
        if (!test_inside(ink, win, 1))
            report(where, "a text runs out of the window", d);
        /* a path wider than a line is broken at its slashes, as the renderer does: only
         * its height is checked, wrapped as drawn */
        int pw = 0, ph = 0;
        if (!strstr(draw_text_of(l, c), "locales.json") ? !test_text_fits(pr, l, c, (c->flags & TEXT_FIT) ? 0.8f : 1.f)
            : plat_render_text_size(pr, draw_text_of(l, c), c->font_px, c->flags, (int)c->r.w, &pw, &ph) &&
                  (float)ph > c->r.h * 1.12f + 2)
            report(where, "a text does not fit its box", d);
        for (int j = i + 1; j < l->ncmd; j++) {
            const draw_cmd *o = &l->cmd[j];
            if (o->op != DRAW_TEXT || !*draw_text_of(l, o))
                continue;
            if (test_overlap(ink, test_text_ink(pr, l, o), 1)) {
                char d2[600];
                snprintf(d2, sizeof d2, "%s and \"%.50s\"", d, draw_text_of(l, o));
                report(where, "two texts overlap", d2);
            }
        }
        for (int w = 0; w < l->nwid; w++) {
            const draw_widget *x = &l->wid[w];
            /* a control's own label lies inside it; the panels hold everything */
            if (test_inside(ink, x->r, 1) || strstr(x->id, "panel"))
                continue;
            if (test_overlap(ink, x->r, 1)) {
                char d2[600];
                snprintf(d2, sizeof d2, "%s under %s", d, x->id);
                report(where, "a text runs under a control", d2);
            }
        }
    }
}

static void check_safety(test_env *env, const char *lang, int pct, const char *ex_id)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    if (ex_id && !app_start_exercise(&a, ex_id)) {
        report(lang, "no exercise", ex_id);
        app_free(&a);
        return;
    }
    app_update(&a, GW_SEC(5));
    app_open_safety(&a);
    bool disc_seen = false;
    for (int page = 1; page <= 6; page++) {
        draw_list l = { 0 };
        app_draw(&a, &l);
        char where[160];
        snprintf(where, sizeof where, "safety %s %s %d%%, page %d", ex_id ? ex_id : "library", lang, pct, page);
        check_overlay(&l, l.words_from, a.w, a.h, where);
        if (!draw_widget_find(&l, "safety-close"))
            report(where, "no Close", "");
        for (int i = l.words_from; i < l.ncmd; i++)
            if (l.cmd[i].op == DRAW_TEXT)
                disc_seen |= !strcmp(draw_text_of(&l, &l.cmd[i]), locales_disclaimer(&a.loc, lang));
        test_layout_shot(pr, &l, a.w, a.h, where, frame_bad);
        bool next = draw_widget_find(&l, "page:next") != NULL;
        draw_free(&l);
        if (!next)
            break;
        if (!app_press(&a, "page:next")) {
            report(where, "Next page does not turn", "");
            break;
        }
    }
    if (!disc_seen) {
        char where[160];
        snprintf(where, sizeof where, "safety %s %s %d%%", ex_id ? ex_id : "library", lang, pct);
        report(where, "the disclaimer is on no page", "");
    }
    app_free(&a);
}

static bool drawn_text(const draw_list *l, const char *s)
{
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(l, &l->cmd[i]), s))
            return true;
    return false;
}

static void key(app *a, const char *k)
{
    gw_event e = { .type = EV_KEY };
    snprintf(e.key, sizeof e.key, "%s", k);
    app_event(a, &e);
}

/* present: the panel turned to its last page, then F1 */
static void check_present_keys(test_env *env, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "present", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .plan_dir = "/tmp/groundwork-plan" };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    if (!app_start_exercise(&a, "box-breathing")) {
        report(lang, "no exercise", "box-breathing");
        app_free(&a);
        return;
    }
    app_update(&a, GW_SEC(9));
    struct present_st *p = present_st(&a);
    char where[160];
    snprintf(where, sizeof where, "present keys %s %d%%", lang, pct);
    for (int i = 0; i < 10; i++) /* the panel's last page (its first without pages) */
        app_press(&a, "ctl-page:next");
    int before = p->page;
    a.last_input = a.now;
    p->shown = true;
    p->shown_since = a.now - GW_SEC(1);
    key(&a, "F1");
    if (!p->help)
        report(where, "F1 does not open the key list", "");
    bool closed = false;
    for (int page = 1; page <= 10 && p->help && !closed; page++) {
        draw_list l = { 0 };
        app_draw(&a, &l);
        char at[200];
        snprintf(at, sizeof at, "%s, page %d", where, page);
        check_overlay(&l, 0, a.w, a.h, at);
        if (page == 1 && !drawn_text(&l, _("Keys")))
            report(at, "the key list opens past its first page (no \"Keys\" heading)", "");
        closed = draw_widget_find(&l, "ctl-help-close") != NULL;
        bool next = draw_widget_find(&l, "ctl-page:next") != NULL;
        test_layout_shot(pr, &l, a.w, a.h, at, frame_bad);
        draw_free(&l);
        if (!closed && (!next || !app_press(&a, "ctl-page:next"))) {
            report(at, "neither Close nor Next page is offered", "");
            break;
        }
    }
    if (closed)
        key(&a, "Escape");
    if (p->help || p->page != before)
        report(where, "closed, the panel is not back on its page", "");
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "help.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    /* the prompt to add a local line names a file in the configuration folder: the
     * build tree's, long, and one of a home folder's length ("/home/alexandra/.config") */
    char home[PATH_MAX];
    const char *given = getenv("XDG_CONFIG_HOME");
    snprintf(home, sizeof home, "%s", given ? given : "/tmp/gw-help-layout/a-longer-home-folder/.config");
    const char *const HOMES[] = { home, "/tmp/gw-help-layout/.config" };
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++) {
            for (size_t hi = 0; hi < sizeof HOMES / sizeof *HOMES; hi++) {
                setenv("XDG_CONFIG_HOME", HOMES[hi], 1);
                check_safety(&env, LANGS[li], PCTS[pi], NULL);
                check_safety(&env, LANGS[li], PCTS[pi], "pmr-7");
            }
            check_present_keys(&env, LANGS[li], PCTS[pi]);
        }
    plat_render_free(pr);
    test_env_close(&env);
    printf("help.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
