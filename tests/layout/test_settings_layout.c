/* settings.layout: the Settings screen at home, every page, in en, es, de and ar at
 * 100%, 150% and 200% text, at 1280x720 and 1920x1080 (drawn headless, mirrored for
 * Arabic):
 *  - every text lies inside the window, fits its box and runs into no other text nor
 *    under a control it is not the label of; no two controls overlap, none leaves the
 *    window;
 *  - on more pages than one, none is nearly empty: each fills at least MIN_FILL of its
 *    two columns' height (a section across both counts in both), and the data panel
 *    never has a page to itself (at 200% in de, es and ar it had: five pages, the
 *    last the panel alone; at 150% in en, es and de too), but see PANEL_ALONE_OK;
 *  - at 200%, no more pages than MAX_PAGES gives for the language (de had five).
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };
static const int SIZES[][2] = { { 1280, 720 }, { 1920, 1080 } };
/* In the order of LANGS. At 200% text the sections are whole, and es and ar still need
 * five pages; in ar the heart-rate sensor's title does not go beside its button, so
 * that row and the data panel do not fit one page together and the panel is alone on
 * the last: both left to do. */
static const int MAX_PAGES[] = { 4, 5, 4, 5 };
static const bool PANEL_ALONE_OK[] = { false, false, false, true };
#define MIN_FILL 0.4f        /* of a page's columns, on a screen of more than one page */

static plat_render *pr;
static int failures, frames;
static bool frame_bad;

static void report(const char *where, const char *what, const char *detail)
{
    frame_bad = true;
    if (++failures <= (getenv("GW_LAYOUT_ALL") ? 1000000 : 300))
        fprintf(stderr, "settings.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* The page count the frame shows ("Page 2 of 3"), 1 when it shows none. */
static int pages_shown(const draw_list *l)
{
    for (int i = 0; i < l->ncmd; i++) {
        if (l->cmd[i].op != DRAW_TEXT)
            continue;
        const char *s = draw_text_of(l, &l->cmd[i]);
        for (int n = 2; n <= 16; n++)
            for (int p = 1; p <= n; p++) {
                char pg[64];
                snprintf(pg, sizeof pg, _("Page %d of %d"), p, n);
                if (!strcmp(s, pg))
                    return n;
            }
    }
    return 1;
}

static bool is_page_text(const char *s)
{
    for (int n = 2; n <= 16; n++)
        for (int p = 1; p <= n; p++) {
            char pg[64];
            snprintf(pg, sizeof pg, _("Page %d of %d"), p, n);
            if (!strcmp(s, pg))
                return true;
        }
    return false;
}

static bool top_or_nav(const char *id)
{
    return !strcmp(id, "back") || !strcmp(id, "safety") || !strncmp(id, "page:", 5);
}

/* The controls: inside the window, apart. Then how full the page is: the lowest
 * content of each half of the screen below the top bar and above the page controls,
 * as a share of that height; whether it holds the data panel alone. */
static float check_frame(const draw_list *l, int W, int H, const char *where, bool *panel_alone)
{
    frames++;
    frame_bad = false;
    test_check_texts(pr, l, W, H, where, report, NULL);
    gw_rect win = gw_rc(0, 0, (float)W, (float)H);
    for (int i = 0; i < l->nwid; i++) {
        char d[200], r1[48], r2[48];
        test_rect_text(r1, sizeof r1, l->wid[i].r);
        if (!test_inside(l->wid[i].r, win, 1)) {
            snprintf(d, sizeof d, "%s at %s", l->wid[i].id, r1);
            report(where, "a control outside the window", d);
        }
        for (int j = i + 1; j < l->nwid; j++)
            if (test_overlap(l->wid[i].r, l->wid[j].r, 1)) {
                test_rect_text(r2, sizeof r2, l->wid[j].r);
                snprintf(d, sizeof d, "%s (%s) and %s (%s)", l->wid[i].id, r1, l->wid[j].id, r2);
                report(where, "two controls overlap", d);
            }
    }
    /* the content's room: from under the top bar's controls to above the page controls */
    float top = 0, bottom = (float)H;
    for (int i = 0; i < l->nwid; i++) {
        const draw_widget *w = &l->wid[i];
        if (!strcmp(w->id, "back") || !strcmp(w->id, "safety"))
            top = fmaxf(top, w->r.y + w->r.h);
        else if (!strncmp(w->id, "page:", 5))
            bottom = fminf(bottom, w->r.y);
    }
    float low[2] = { top, top };
    bool other = false, panel = false;
    for (int i = 0; i < l->nwid; i++) {
        const draw_widget *w = &l->wid[i];
        if (top_or_nav(w->id))
            continue;
        bool mine = !strcmp(w->id, "export") || !strcmp(w->id, "delete-data");
        panel |= mine;
        other |= !mine;
    }
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        gw_rect r = c->r;
        if (c->op == DRAW_TEXT) {
            const char *s = draw_text_of(l, c);
            if (!*s || is_page_text(s))
                continue;
            r = test_text_ink(pr, l, c);
        } else if (c->op != DRAW_RECT)
            continue;
        if (r.y < top - 1 || r.y + r.h > bottom + 1 || r.h >= (float)H - 1)
            continue; /* the top bar, the page controls, the background */
        bool across = r.w > (float)W * 0.6f;
        for (int k = 0; k < 2; k++)
            if (across || (k == 0) == (r.x + r.w / 2 < (float)W / 2))
                low[k] = fmaxf(low[k], r.y + r.h);
    }
    *panel_alone = panel && !other;
    float room = bottom - top;
    return room > 0 ? (low[0] - top + low[1] - top) / (2 * room) : 1;
}

static void check(test_env *env, const char *lang, int max_pages, bool alone_ok, int pct, int W, int H)
{
    app a;
    app_config cfg = { .mode = "home", .w = W, .h = H, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    app_update(&a, 0);
    app_set_scene(&a, &scene_settings);
    int pages = 1;
    char base[96];
    snprintf(base, sizeof base, "%dx%d %s %d%%", W, H, lang, pct);
    for (int p = 0; p < pages && p < 16; p++) {
        settings_show_page(&a, p);
        draw_list l = { 0 };
        app_draw(&a, &l);
        if (p == 0)
            pages = pages_shown(&l);
        char where[160];
        snprintf(where, sizeof where, "%s, page %d of %d", base, p + 1, pages);
        bool alone = false;
        float fill = check_frame(&l, W, H, where, &alone);
        if (pages > 1 && fill < MIN_FILL) {
            char d[64];
            snprintf(d, sizeof d, "%.0f%% of its columns", (double)(fill * 100));
            report(where, "a page nearly empty", d);
        }
        if (pages > 1 && alone && !(alone_ok && pct == 200))
            report(where, "the data panel alone on a page", "");
        if (getenv("GW_LAYOUT_FILL"))
            fprintf(stderr, "settings.layout: %s: %.0f%% full\n", where, (double)(fill * 100));
        test_layout_shot(pr, &l, W, H, where, frame_bad);
        draw_free(&l);
    }
    char d[64];
    snprintf(d, sizeof d, "%d pages", pages);
    if (pct == 200 && pages > max_pages)
        report(base, "more pages than needed", d);
    settings_show_page(&a, 0);
    app_free(&a);
}

int main(void)
{
    char home[64];
    if (!test_layout_home(home, sizeof home)) /* the data folder it shows, as long as a usual one */
        return 1;
    test_env env;
    if (!test_env_open(&env, "settings.layout")) {
        test_layout_home_remove(home);
        return 1;
    }
    pr = test_env_render(&env, 1920, 1080); /* the larger of the sizes */
    if (!pr) {
        test_env_close(&env);
        test_layout_home_remove(home);
        return 1;
    }
    for (size_t zi = 0; zi < sizeof SIZES / sizeof *SIZES; zi++)
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                check(&env, LANGS[li], MAX_PAGES[li], PANEL_ALONE_OK[li], PCTS[pi], SIZES[zi][0], SIZES[zi][1]);
    plat_render_free(pr);
    test_env_close(&env);
    test_layout_home_remove(home);
    printf("settings.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
