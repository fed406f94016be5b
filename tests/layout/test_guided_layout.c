/* guided.layout: every caption of every muscle relaxation exercise, step by step and
 * piece by piece as the voice goes on, in en, es, de and ar at 100%, 150% and 200% text
 * (1280x720, and 1920x1080 at 200%; drawn headless, mirrored for Arabic), as a person
 * sees it at home:
 *  - every text lies inside the window; no text runs into another or under a control
 *    it is not the label of;
 *  - "Which hand do you write with?" has its two buttons' labels at one size, each
 *    fitting its button, and no speck of a figure above it (at 200% a figure a few
 *    pixels high was drawn there, and "Izquierda" was smaller than "Derecha");
 *  - every text fits its box, and the caption is never cut with a "…" (German at 150%
 *    showed "…bis in die Hände und Fingerspitzen." beside the timer while the panel's
 *    width beyond it was free; at 200% German, Spanish and Arabic sentences were cut
 *    into marked pieces while the caption had a third of the screen);
 *  - the step's region is named whole, fitting its box ("Chest, shoulders, back and
 *    abdomen" at 200% ran out of the indicator's height).
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/caption.h"
#include "core/guided.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const IDS[] = { "pmr-16", "pmr-7", "pmr-4", "pmr-release-only" };
static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };
enum { MOMENTS = 8 };

static plat_render *pr;
static int failures, frames;
static bool frame_bad;

static void report(const char *where, const char *what, const char *detail)
{
    frame_bad = true;
    if (++failures <= (getenv("GW_LAYOUT_ALL") ? 1000000 : 300))
        fprintf(stderr, "guided.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* The caption on screen: a text aligned to the top of its box, part of the step's caption. */
static bool is_caption(const draw_list *l, const draw_cmd *c, const char *cap)
{
    const char *t = draw_text_of(l, c);
    return c->op == DRAW_TEXT && (c->flags & 0x0C) == VALIGN_TOP && *t && cap && strstr(t, "\xE2\x80\xA6") == NULL
               ? strstr(cap, t) != NULL
               : c->op == DRAW_TEXT && (c->flags & 0x0C) == VALIGN_TOP && strstr(t, "\xE2\x80\xA6") != NULL;
}

/* The hand question, when asked: its buttons' labels at one size, and the body figure
 * (drawn in the track colour) either absent or at least half the question's width. */
static void check_hand(const app *a, const draw_list *l, const char *where)
{
    const draw_widget *w[2] = { draw_widget_find(l, "hand:right"), draw_widget_find(l, "hand:left") };
    if (!w[0] || !w[1])
        return;
    int px[2] = { 0, 0 };
    gw_rect box = { 0 };
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        for (int k = 0; k < 2; k++)
            if (c->op == DRAW_TEXT && *draw_text_of(l, c) && test_inside(c->r, w[k]->r, 1))
                px[k] = c->font_px;
        const gw_color s = a->th->surface, t = a->th->ring_track;
        if (c->op == DRAW_RECT && c->color.r == s.r && c->color.g == s.g && c->color.b == s.b &&
            test_inside(w[0]->r, c->r, 0))
            box = c->r;
        if (c->op != DRAW_TEXT && c->op != DRAW_RECT && c->op != DRAW_RING && c->color.r == t.r &&
            c->color.g == t.g && c->color.b == t.b) {
            gw_rect r = c->r;
            x0 = fminf(x0, fminf(r.x, r.x + r.w));
            x1 = fmaxf(x1, fmaxf(r.x, r.x + r.w));
            y0 = fminf(y0, fminf(r.y, r.y + r.h));
            y1 = fmaxf(y1, fmaxf(r.y, r.y + r.h));
        }
    }
    char d[160];
    if (px[0] != px[1]) {
        snprintf(d, sizeof d, "%d px and %d px", px[0], px[1]);
        report(where, "the hand buttons' labels differ in size", d);
    }
    if (box.w > 0 && y1 > y0 && y1 - y0 < box.w / 2) {
        snprintf(d, sizeof d, "%.0fx%.0f above a question %.0f wide", (double)(x1 - x0), (double)(y1 - y0),
                 (double)box.w);
        report(where, "a speck of a figure is drawn by the hand question", d);
    }
}

static void check_frame(const app *a, const draw_list *l, const char *cap, const char *region, const char *where)
{
    int W = a->w, H = a->h;
    frames++;
    frame_bad = false;
    gw_rect win = gw_rc(0, 0, (float)W, (float)H);
    bool shown = false, named = !region || !*region;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        const char *txt = draw_text_of(l, c);
        gw_rect ink = test_text_ink(pr, l, c);
        char d[512], r[48];
        test_rect_text(r, sizeof r, ink);
        snprintf(d, sizeof d, "\"%.90s\" (%s, %d px)", txt, r, c->font_px);
        if (region && *region && strstr(txt, region)) {
            named = true;
            if (!test_text_fits(pr, l, c, (c->flags & TEXT_FIT) ? 0.8f : 1.f))
                report(where, "the region's name does not fit its box", d);
        }
        if (is_caption(l, c, cap)) {
            shown = true;
            /* an ellipsis of the caption's own is no cut */
            if (strstr(txt, "\xE2\x80\xA6") && !strstr(cap, txt))
                report(where, "the caption is cut with a \"…\"", d);
            size_t off = (size_t)(strstr(cap, txt) ? strstr(cap, txt) - cap : 0), end = off + strlen(txt);
            if (strstr(cap, txt) && cap[end] && caption_break_at(cap, end) < 1)
                report(where, "the caption stops between two words of a clause", d);
        }
        if (!test_inside(ink, win, 1))
            report(where, "a text runs out of the window", d);
        if (!test_text_fits(pr, l, c, (c->flags & TEXT_FIT) ? 0.8f : 1.f))
            report(where, "a text does not fit its box", d);
        for (int j = i + 1; j < l->ncmd; j++) {
            const draw_cmd *o = &l->cmd[j];
            if (o->op != DRAW_TEXT || !*draw_text_of(l, o))
                continue;
            if (test_overlap(ink, test_text_ink(pr, l, o), 1)) {
                char d2[640];
                snprintf(d2, sizeof d2, "%s and \"%.50s\"", d, draw_text_of(l, o));
                report(where, "two texts overlap", d2);
            }
        }
        for (int w = 0; w < l->nwid; w++) {
            const draw_widget *x = &l->wid[w];
            if (test_inside(ink, x->r, 1))
                continue;
            if (test_overlap(ink, x->r, 1)) {
                char d2[640];
                snprintf(d2, sizeof d2, "%s under %s", d, x->id);
                report(where, "a text runs under a control", d2);
            }
        }
    }
    if (cap && *cap && !shown)
        report(where, "no caption on screen", "");
    if (!named)
        report(where, "the step's region is not named", region);
    check_hand(a, l, where);
}

static void check(test_env *env, const char *id, const char *lang, int pct, int w, int h)
{
    app a;
    app_config cfg = { .mode = "home", .w = w, .h = h, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    if (!app_start_exercise(&a, id)) {
        report(id, "no such exercise", "");
        app_free(&a);
        return;
    }
    const exercise *e = a.ex;
    for (int i = 0; i < e->nstep; i++) {
        const char *cap = app_text(&a, &e->step[i].caption);
        int r = e->step[i].region;
        const char *region = r >= 0 && r < e->nregion ? app_text(&a, &e->region[r].name) : NULL;
        gw_ns t0 = guided_step_start(e, i), len = guided_step_length(&e->step[i]);
        for (int k = 0; k < MOMENTS; k++) {
            app_update(&a, t0 + len * k / MOMENTS + GW_NS_PER_SEC / 20);
            if (!a.ex_active || a.step != i)
                continue;
            draw_list l = { 0 };
            app_draw(&a, &l);
            char where[200];
            snprintf(where, sizeof where, "%s %s %d%% %dx%d, step %d at %d/%d", id, lang, pct, w, h, i + 1, k,
                     MOMENTS);
            check_frame(&a, &l, cap, region, where);
            test_layout_shot(pr, &l, a.w, a.h, where, frame_bad);
            draw_free(&l);
        }
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "guided.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    for (size_t x = 0; x < sizeof IDS / sizeof *IDS; x++)
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++) {
                check(&env, IDS[x], LANGS[li], PCTS[pi], 1280, 720);
                if (PCTS[pi] == 200) /* large text in a large window: the same room, scaled */
                    check(&env, IDS[x], LANGS[li], PCTS[pi], 1920, 1080);
            }
    plat_render_free(pr);
    test_env_close(&env);
    printf("guided.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures || frames == 0 ? 1 : 0;
}
