/* admin.layout: the kiosk's administrator keypad in en, es, de and ar at 100%, 150% and
 * 200% text (1280x720, drawn headless, mirrored for Arabic), with no message, a wrong
 * PIN's and the two-line "No admin PIN is set" one: every key and text inside the window
 * (the keypad's last row ran off the bottom under the Arabic message at 200%), every
 * text fitting its box and under no key. GW_LAYOUT_SHOTS=DIR writes each frame with a
 * problem there as a PNG (all frames with GW_LAYOUT_ALL set too). Needs
 * GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/kiosk_scenes.h"
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
    failures++;
    fprintf(stderr, "admin.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

static void check_frame(const draw_list *l, int W, int H, const char *where)
{
    frames++;
    frame_bad = false;
    gw_rect win = gw_rc(0, 0, (float)W, (float)H);
    char d[512], r[48];
    for (int w = 0; w < l->nwid; w++)
        if (!test_inside(l->wid[w].r, win, 1)) {
            test_rect_text(r, sizeof r, l->wid[w].r);
            snprintf(d, sizeof d, "%s (%s)", l->wid[w].id, r);
            report(where, "a key runs out of the window", d);
        }
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        gw_rect ink = test_text_ink(pr, l, c);
        test_rect_text(r, sizeof r, ink);
        snprintf(d, sizeof d, "\"%.70s\" (%s)", draw_text_of(l, c), r);
        if (!test_inside(ink, win, 1))
            report(where, "a text runs out of the window", d);
        if (!test_text_fits(pr, l, c, (c->flags & TEXT_FIT) ? 0.8f : 1.f))
            report(where, "a text does not fit its box", d);
        for (int w = 0; w < l->nwid; w++)
            if (!test_inside(ink, l->wid[w].r, 1) && test_overlap(ink, l->wid[w].r, 1)) {
                char d2[600];
                snprintf(d2, sizeof d2, "%s under %s", d, l->wid[w].id);
                report(where, "a text runs under a key", d2);
            }
    }
}

static void check(test_env *env, const char *lang, int pct, const char *msg)
{
    app a;
    app_config cfg = { .mode = "kiosk", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    app_update(&a, 0);
    app_set_scene(&a, &scene_admin);
    struct kiosk_admin_st *k = app_state(&a, SCENE_ADMIN);
    snprintf(k->pin, sizeof k->pin, "12");
    snprintf(k->msg, sizeof k->msg, "%s", msg ? _(msg) : "");
    draw_list l = { 0 };
    app_draw(&a, &l);
    char where[160];
    snprintf(where, sizeof where, "%s %d%%, %s", lang, pct, msg ? msg : "no message");
    check_frame(&l, a.w, a.h, where);
    test_layout_shot(pr, &l, a.w, a.h, where, frame_bad);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "admin.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    static const char *const MSGS[] = { NULL, "That PIN is not right.",
                                        "No admin PIN is set. Run “groundwork kiosk set-pin”." };
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
            for (size_t mi = 0; mi < sizeof MSGS / sizeof *MSGS; mi++)
                check(&env, LANGS[li], PCTS[pi], MSGS[mi]);
    plat_render_free(pr);
    test_env_close(&env);
    printf("admin.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
