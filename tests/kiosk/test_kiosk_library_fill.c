/* kiosk.library_fill: the kiosk library's cards at every text size, as a visitor at a
 * touch screen sees them (en, es, de, ar at 100%, 150% and 200%; 1280x720, 1920x1080
 * and a portrait 1080x1920; the frame as the screen shows it, mirrored for Arabic), the
 * default kiosk offering every exercise marked unattended:
 * - the cards fill at least 2/3 of the height between the header (Back, Help) and the
 *   page buttons, on every page but the last (a few large cards on a half empty screen
 *   was what large text gave);
 * - at least 4 cards a page at 150% and 3 at 200% on a 1280x720 landscape screen;
 * - no card overlaps another, the header, the page buttons or the screen's edge, and
 *   every word a card says lies inside it;
 * - turning the pages with page:next shows every exercise offered once, and
 *   page:previous goes back; in Arabic the first card of a row is its rightmost.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/kiosk_scenes.h"
#include "test_env.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };
static const struct { int w, h; } SIZES[] = { { 1280, 720 }, { 1920, 1080 }, { 1080, 1920 } };

static bool inside(gw_rect in, gw_rect out, float tol)
{
    return in.x >= out.x - tol && in.y >= out.y - tol && in.x + in.w <= out.x + out.w + tol &&
           in.y + in.h <= out.y + out.h + tol;
}

static bool overlap(gw_rect p, gw_rect q)
{
    return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

/* One page as drawn: its problems; its cards' exercise ids appended to seen. */
static int check_page(const app *a, const draw_list *l, const char *what, char seen[][64], int *nseen, int *ncards)
{
    int bad = 0;
    float W = (float)a->w, H = (float)a->h;
    const draw_widget *back = draw_widget_find(l, "back"), *help = draw_widget_find(l, "safety");
    const draw_widget *prev = draw_widget_find(l, "page:previous"), *next = draw_widget_find(l, "page:next");
    if (!back || !help) {
        fprintf(stderr, "kiosk.library_fill: %s: no Back or Help\n", what);
        return 1;
    }
    float head = fmaxf(back->r.y + back->r.h, help->r.y + help->r.h), foot = H;
    if (prev)
        foot = fminf(foot, prev->r.y);
    if (next)
        foot = fminf(foot, next->r.y);
    float top = 1e9f, bottom = -1e9f;
    const draw_widget *card[64];
    int n = 0;
    for (int w = 0; w < l->nwid && n < 64; w++)
        if (!strncmp(l->wid[w].id, "exercise:", 9))
            card[n++] = &l->wid[w];
    *ncards = n;
    for (int i = 0; i < n; i++) {
        gw_rect r = card[i]->r;
        top = fminf(top, r.y);
        bottom = fmaxf(bottom, r.y + r.h);
        if (!inside(r, gw_rc(0, head, W, foot - head), 0.5f)) {
            fprintf(stderr, "kiosk.library_fill: %s: the card of %s (%.0f,%.0f %.0fx%.0f) leaves %.0f-%.0f\n", what,
                    card[i]->id + 9, r.x, r.y, r.w, r.h, head, foot);
            bad++;
        }
        for (int j = 0; j < i; j++)
            if (overlap(r, card[j]->r)) {
                fprintf(stderr, "kiosk.library_fill: %s: the cards of %s and %s overlap\n", what, card[i]->id + 9,
                        card[j]->id + 9);
                bad++;
            }
        if (*nseen < 64)
            snprintf(seen[(*nseen)++], 64, "%s", card[i]->id + 9);
    }
    /* every word inside the card whose middle it is in */
    for (int c = 0; c < l->ncmd; c++) {
        const draw_cmd *d = &l->cmd[c];
        if (d->op != DRAW_TEXT)
            continue;
        float cx = d->r.x + d->r.w / 2, cy = d->r.y + d->r.h / 2;
        for (int i = 0; i < n; i++) {
            gw_rect r = card[i]->r;
            if (cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h && !inside(d->r, r, 0.5f)) {
                fprintf(stderr, "kiosk.library_fill: %s: \"%s\" (%.0f,%.0f %.0fx%.0f) runs out of the card of %s\n", what,
                        draw_text_of(l, d), d->r.x, d->r.y, d->r.w, d->r.h, card[i]->id + 9);
                bad++;
            }
        }
    }
    if (n == 0) {
        fprintf(stderr, "kiosk.library_fill: %s: no cards\n", what);
        return bad + 1;
    }
    if (next && bottom - top < (foot - head) * 2 / 3) {
        fprintf(stderr, "kiosk.library_fill: %s: the cards fill %.0f of the %.0f between the header and the page "
                        "buttons (less than 2/3)\n", what, bottom - top, foot - head);
        bad++;
    }
    if (a->view.rtl && n > 1 && fabsf(card[0]->r.y - card[1]->r.y) < 0.5f && !(card[0]->r.x > card[1]->r.x)) {
        fprintf(stderr, "kiosk.library_fill: %s: the first card of a row is not its rightmost\n", what);
        bad++;
    }
    return bad;
}

static int check(pack_set *packs, const char *lang, int pct, int w, int h)
{
    app a;
    app_config cfg = { .mode = "kiosk", .w = w, .h = h, .lang = lang, .text_pct = pct, .packs = packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        fprintf(stderr, "kiosk.library_fill: app_init failed\n");
        return 1;
    }
    app_update(&a, 0);
    app_go(&a, SCENE_KIOSK_LIBRARY);
    int bad = 0, nseen = 0, pages = 0, most = 0, first[40];
    char seen[64][64];
    char what[96];
    for (int page = 0; page < 40; page++) {
        draw_list l = { 0 };
        app_draw(&a, &l);
        snprintf(what, sizeof what, "%s %d%% %dx%d page %d", lang, pct, w, h, page + 1);
        int ncards = 0;
        first[page] = nseen;
        bad += check_page(&a, &l, what, seen, &nseen, &ncards);
        most = ncards > most ? ncards : most;
        pages++;
        bool more = draw_widget_find(&l, "page:next") != NULL;
        draw_free(&l);
        if (!more)
            break;
        app_press(&a, "page:next");
    }
    if (pages > 1) { /* and back a page */
        app_press(&a, "page:previous");
        draw_list l = { 0 };
        app_draw(&a, &l);
        const char *want = seen[first[pages - 2]];
        const draw_widget *fw = NULL;
        for (int i = 0; i < l.nwid && !fw; i++)
            if (!strncmp(l.wid[i].id, "exercise:", 9))
                fw = &l.wid[i];
        if (!fw || strcmp(fw->id + 9, want)) {
            fprintf(stderr, "kiosk.library_fill: %s %d%% %dx%d: Previous page does not show %s first again\n", lang,
                    pct, w, h, want);
            bad++;
        }
        draw_free(&l);
    }
    /* every exercise offered, once */
    app_go(&a, SCENE_ATTRACT);
    draw_list l = { 0 };
    app_draw(&a, &l);
    draw_free(&l);
    int offered = 0;
    for (int i = 0; i < pack_set_exercise_count(packs); i++) {
        const exercise *e = pack_set_exercise_at(packs, i);
        if (!e->unattended)
            continue;
        offered++;
        int times = 0;
        for (int k = 0; k < nseen; k++)
            times += !strcmp(seen[k], e->id);
        if (times != 1) {
            fprintf(stderr, "kiosk.library_fill: %s %d%% %dx%d: %s shown %d times over the pages\n", lang, pct, w, h,
                    e->id, times);
            bad++;
        }
    }
    if (nseen != offered) {
        fprintf(stderr, "kiosk.library_fill: %s %d%% %dx%d: %d cards over the pages for %d exercises\n", lang, pct, w,
                h, nseen, offered);
        bad++;
    }
    int want = w == 1280 && h == 720 ? (pct >= 200 ? 3 : pct >= 150 ? 4 : 0) : 0;
    if (most < want) {
        fprintf(stderr, "kiosk.library_fill: %s %d%% %dx%d: %d cards a page (at least %d fit)\n", lang, pct, w, h,
                most, want);
        bad++;
    }
    printf("kiosk.library_fill: %s %d%% %dx%d: %d cards a page, %d pages\n", lang, pct, w, h, most, pages);
    app_free(&a);
    return bad;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "kiosk.library_fill"))
        return 1;
    int bad = 0;
    for (size_t si = 0; si < sizeof SIZES / sizeof *SIZES; si++)
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                bad += check(&env.packs, LANGS[li], PCTS[pi], SIZES[si].w, SIZES[si].h);
    test_env_close(&env);
    printf("kiosk.library_fill: %d problem(s)\n", bad);
    return bad ? 1 : 0;
}
