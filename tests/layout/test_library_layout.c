/* library.layout: the home library, every page, in en, es, de and ar at 100%, 150% and
 * 200% text (1280x720, drawn headless, mirrored for Arabic), checked from the drawn
 * frame (its draw list, measured with the renderer's fonts):
 *  - a section's heading is never the last thing on a page: a card of its section lies
 *    right under it, and a column going on to the next page reaches the foot of the
 *    page (a page once ended on a heading's row, the heading and its cards on the next
 *    page and an empty slot left at the foot);
 *  - every card title is drawn at one size, whole, on one line or wrapped to two, never
 *    shrunk to fit (longer titles once came out smaller than their neighbours);
 *  - pages are full: a page before the last has no room left for the next page's first
 *    row (with its heading); with large text a card is as tall as the titles of its row
 *    need, not as the tallest card of the library (Spanish and German at 200% once
 *    showed two rows a page).
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
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
        fprintf(stderr, "library.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

static bool is_card(const draw_widget *w) { return !strncmp(w->id, "exercise:", 9); }

static bool is_section(const app *a, const pack_set *ps, const char *s)
{
    for (int i = 0; i < pack_set_exercise_count(ps); i++) {
        const exercise *e = pack_set_exercise_at(ps, i);
        if (e->section.n > 0 && !strcmp(app_text(a, &e->section), s))
            return true;
    }
    return false;
}

static bool h_overlap(gw_rect a, gw_rect b) { return a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1; }

/* What one page shows, for the checks across pages. */
typedef struct page_info {
    float bottom;    /* the foot of its lowest card or heading */
    float first_top; /* the top of its first row of cards */
    float first_bot; /* the foot of that row */
    float nav_y;     /* the top of the page buttons' row (the window's height without) */
    float card_bottom, col_bottom[3]; /* the foot of its lowest card, and of each column's */
    bool col_has[3];  /* whether each column (by place, left to right) shows a card */
} page_info;

static page_info check_page(const app *a, const pack_set *ps, const draw_list *l, const char *where, int pct,
                            int *title_px)
{
    page_info P = { .first_top = 1e9f, .nav_y = (float)a->h };
    gw_rect win = gw_rc(0, 0, (float)a->w, (float)a->h), heads[64];
    int nheads = 0;
    for (int w = 0; w < l->nwid; w++) {
        const draw_widget *x = &l->wid[w];
        if (!strncmp(x->id, "page:", 5))
            P.nav_y = fminf(P.nav_y, x->r.y);
        if (!is_card(x))
            continue;
        P.bottom = fmaxf(P.bottom, x->r.y + x->r.h);
        P.card_bottom = fmaxf(P.card_bottom, x->r.y + x->r.h);
        int cx = (int)((x->r.x + x->r.w / 2) * 3 / (float)a->w);
        cx = cx < 0 ? 0 : cx > 2 ? 2 : cx;
        P.col_has[cx] = true;
        P.col_bottom[cx] = fmaxf(P.col_bottom[cx], x->r.y + x->r.h);
        if (x->r.y < P.first_top - 1)
            P.first_top = x->r.y;
    }
    for (int w = 0; w < l->nwid; w++)
        if (is_card(&l->wid[w]) && fabsf(l->wid[w].r.y - P.first_top) <= 1)
            P.first_bot = fmaxf(P.first_bot, l->wid[w].r.y + l->wid[w].r.h);
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        const char *s = draw_text_of(l, c);
        if (c->op != DRAW_TEXT || !*s)
            continue;
        gw_rect ink = test_text_ink(pr, l, c);
        char d[512], r[48];
        test_rect_text(r, sizeof r, ink);
        snprintf(d, sizeof d, "\"%.70s\" (%s)", s, r);
        if (!test_inside(ink, win, 1))
            report(where, "a text runs out of the window", d);
        const draw_widget *card = NULL;
        for (int w = 0; w < l->nwid && !card; w++)
            if (is_card(&l->wid[w]) && test_inside(c->r, l->wid[w].r, 1))
                card = &l->wid[w];
        if (card && ((c->flags >> 8) & FONT_BOLD)) { /* a card's title */
            if (*title_px == 0)
                *title_px = c->font_px;
            else if (c->font_px != *title_px) {
                char d2[600];
                snprintf(d2, sizeof d2, "%s at %d px, another at %d px", d, c->font_px, *title_px);
                report(where, "card titles differ in size", d2);
            }
            if (!test_text_fits(pr, l, c, 1.f))
                report(where, "a card's title is shrunk or cut to fit", d);
            continue;
        }
        if (card || !is_section(a, ps, s))
            continue;
        /* a section's heading: a card right under it in its column */
        P.bottom = fmaxf(P.bottom, c->r.y + c->r.h);
        bool under = false;
        for (int w = 0; w < l->nwid && !under; w++) {
            gw_rect cr = l->wid[w].r;
            under = is_card(&l->wid[w]) && h_overlap(cr, c->r) && cr.y >= c->r.y + c->r.h - 2 &&
                    cr.y <= c->r.y + c->r.h + 40;
        }
        if (!under)
            report(where, "a section's heading has no card under it (its cards are on the next page)", d);
        if (c->r.y >= P.first_top - 1 && c->r.y < P.first_bot) /* in the first row: it comes with its card */
            heads[nheads++ % 64] = c->r;
    }
    for (int h = 0; h < nheads && h < 64; h++)
        for (int w = 0; w < l->nwid; w++) {
            gw_rect cr = l->wid[w].r;
            if (is_card(&l->wid[w]) && h_overlap(cr, heads[h]) && cr.y >= heads[h].y + heads[h].h - 2 &&
                cr.y <= heads[h].y + heads[h].h + 40)
                P.first_bot = fmaxf(P.first_bot, cr.y + cr.h);
        }
    if (pct >= 150) /* titles only: each card as tall as its row's titles need */
        for (int w = 0; w < l->nwid; w++) {
            const draw_widget *x = &l->wid[w];
            if (!is_card(x))
                continue;
            float ink = 0;
            for (int i = 0; i < l->ncmd; i++) {
                const draw_cmd *c = &l->cmd[i];
                if (c->op != DRAW_TEXT || !((c->flags >> 8) & FONT_BOLD))
                    continue;
                for (int v = 0; v < l->nwid; v++)
                    if (is_card(&l->wid[v]) && fabsf(l->wid[v].r.y - x->r.y) <= 1 && test_inside(c->r, l->wid[v].r, 1))
                        ink = fmaxf(ink, test_text_ink(pr, l, c).h);
            }
            if (x->r.h > fmaxf(72, ink * 1.6f + 40)) { /* Arabic lines have room for marks */
                char d[200];
                snprintf(d, sizeof d, "%s is %.0f px tall, its row's titles %.0f px", x->id, x->r.h, ink);
                report(where, "a card is taller than its row's titles need", d);
            }
        }
    return P;
}

static void check(test_env *env, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    int title_px = 0;
    page_info prev = { 0 };
    float grid_top = 1e9f;
    for (int page = 1; page <= 40; page++) {
        draw_list l = { 0 };
        app_draw(&a, &l);
        char where[200];
        snprintf(where, sizeof where, "%s %d%%, page %d", lang, pct, page);
        frames++;
        frame_bad = false;
        page_info P = check_page(&a, &env->packs, &l, where, pct, &title_px);
        grid_top = fminf(grid_top, P.first_top);
        /* the page before had no room for this one's first row (and a heading above it) */
        if (page > 1 && prev.bottom + 10 + (P.first_bot - grid_top) <= prev.nav_y - 16 + 1) {
            char d[200];
            snprintf(d, sizeof d, "%.0f px left under the page before, the first row needs %.0f",
                     prev.nav_y - 16 - prev.bottom, 10 + P.first_bot - grid_top);
            report(where, "the page before had room for this page's first row", d);
        }
        /* a column that goes on here filled the page before to its foot: no heading was
         * left there without its cards */
        for (int c = 0; c < 3 && page > 1; c++)
            if (P.col_has[c] && prev.col_has[c] && prev.col_bottom[c] < prev.card_bottom - 2) {
                char d[200];
                snprintf(d, sizeof d, "column %d ends %.0f px above the others", c + 1,
                         prev.card_bottom - prev.col_bottom[c]);
                report(where, "the page before left a row empty at the foot of a column going on here (a heading kept from its cards)", d);
            }
        test_layout_shot(pr, &l, a.w, a.h, where, frame_bad);
        bool next = draw_widget_find(&l, "page:next") != NULL;
        draw_free(&l);
        if (!next || !app_press(&a, "page:next"))
            break;
        prev = P;
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "library.layout"))
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
    printf("library.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures || frames == 0 ? 1 : 0;
}
