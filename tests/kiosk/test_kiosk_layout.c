/* kiosk.layout: the kiosk's screens as a visitor and an administrator see them, in en,
 * es, de and ar at 100%, 150% and 200% text (1280x720, drawn headless, the frame as the
 * screen shows it, mirrored for Arabic):
 * - the admin keypad reads 1 2 3 / 4 5 6 / 7 8 9 left to right in every language (as
 *   a phone's does, right-to-left languages too); Cancel is a key of the last row (in
 *   its line, the keys' gap from the keypad) or under the keypad as wide as it; the
 *   PIN's dots keep clear of the title;
 * - every exercise card of the attract screen and of the kiosk library says its length
 *   in the home library's words ("4 min"), or its steps ("5 steps") when it has no set
 *   length.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/kiosk_scenes.h"
#include "app/run.h"
#include "core/i18n.h"
#include "test_env.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };

static bool open_app(app *a, pack_set *packs, const char *lang, int pct)
{
    app_config cfg = { .mode = "kiosk", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(a, &cfg)) {
        fprintf(stderr, "kiosk.layout: app_init failed\n");
        return false;
    }
    app_update(a, 0);
    return true;
}

static int check_admin(pack_set *packs, const char *lang, int pct, bool msg)
{
    app a;
    if (!open_app(&a, packs, lang, pct))
        return 1;
    app_set_scene(&a, &scene_admin);
    struct kiosk_admin_st *k = app_state(&a, SCENE_ADMIN);
    snprintf(k->pin, sizeof k->pin, "12");
    if (msg)
        snprintf(k->msg, sizeof k->msg, "%s", _("No admin PIN is set. Run “groundwork kiosk set-pin”."));
    draw_list l = { 0 };
    app_draw(&a, &l);
    int bad = 0;
    const draw_widget *key[10];
    for (int d = 0; d < 10; d++) {
        char id[16];
        snprintf(id, sizeof id, "pin:%d", d);
        key[d] = draw_widget_find(&l, id);
    }
    const draw_widget *ok = draw_widget_find(&l, "pin-ok"), *del = draw_widget_find(&l, "pin-back"),
                      *cancel = draw_widget_find(&l, "pin-cancel");
    for (int d = 0; d < 10; d++)
        if (!key[d]) {
            fprintf(stderr, "kiosk.layout: %s %d%%: no key %d\n", lang, pct, d);
            bad++;
        }
    if (bad || !ok || !del || !cancel) {
        fprintf(stderr, "kiosk.layout: %s %d%%: the keypad is not all there\n", lang, pct);
        draw_free(&l);
        app_free(&a);
        return bad + 1;
    }
    for (int row = 0; row < 3; row++)
        for (int c = 0; c < 2; c++) {
            const draw_widget *p = key[1 + row * 3 + c], *q = key[2 + row * 3 + c];
            if (!(p->r.x + p->r.w <= q->r.x) || fabsf(p->r.y - q->r.y) > 0.5f) {
                fprintf(stderr, "kiosk.layout: %s %d%%: key %d is not left of key %d (%.0f, %.0f)\n", lang, pct,
                        1 + row * 3 + c, 2 + row * 3 + c, p->r.x, q->r.x);
                bad++;
            }
        }
    float gap = key[2]->r.x - (key[1]->r.x + key[1]->r.w);
    float kx0 = fminf(key[1]->r.x, key[3]->r.x), kx1 = fmaxf(key[1]->r.x + key[1]->r.w, key[3]->r.x + key[3]->r.w);
    bool beside = fabsf(cancel->r.y - ok->r.y) < 0.5f && fabsf(cancel->r.h - ok->r.h) < 0.5f &&
                  (fabsf(cancel->r.x - kx1 - gap) < 1.f || fabsf(kx0 - (cancel->r.x + cancel->r.w) - gap) < 1.f);
    bool below = cancel->r.y >= ok->r.y + ok->r.h && fabsf(cancel->r.x - kx0) < 1.f &&
                 fabsf(cancel->r.x + cancel->r.w - kx1) < 1.f;
    if (!beside && !below) {
        fprintf(stderr,
                "kiosk.layout: %s %d%%: Cancel (%.0f,%.0f %.0fx%.0f) is neither a key of the last row nor under "
                "the keypad (%.0f-%.0f, gap %.0f)\n",
                lang, pct, cancel->r.x, cancel->r.y, cancel->r.w, cancel->r.h, kx0, kx1, gap);
        bad++;
    }
    /* the dots clear of the title's lines: at least 16 px between its text and them */
    const char *title = _("Administrator: enter the PIN");
    float title_bottom = -1, dots_top = 1e9f;
    for (int i = 0; i < l.ncmd; i++) {
        const draw_cmd *c = &l.cmd[i];
        if (c->op == DRAW_TEXT && !strcmp(draw_text_of(&l, c), title))
            title_bottom = c->r.y + c->r.h;
        else if (c->op == DRAW_CIRCLE && c->r.y < key[1]->r.y)
            dots_top = fminf(dots_top, c->r.y);
    }
    if (title_bottom < 0 || dots_top - title_bottom < 16) {
        fprintf(stderr, "kiosk.layout: %s %d%%: the PIN's dots (top %.0f) crowd the title (bottom %.0f)\n", lang,
                pct, dots_top, title_bottom);
        bad++;
    }
    draw_free(&l);
    app_free(&a);
    return bad;
}

/* Every card's length in the home library's words. */
static int check_cards(const app *a, const draw_list *l, const char *lang, int pct, const char *screen)
{
    int bad = 0, cards = 0;
    for (int w = 0; w < l->nwid; w++) {
        const draw_widget *wd = &l->wid[w];
        if (strncmp(wd->id, "exercise:", 9))
            continue;
        const exercise *e = pack_set_find(a->packs, wd->id + 9);
        if (!e)
            continue;
        cards++;
        char want[64];
        app_length_short(e, want, sizeof want);
        bool found = false;
        for (int i = 0; i < l->ncmd && !found; i++) {
            const draw_cmd *c = &l->cmd[i];
            float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
            found = c->op == DRAW_TEXT && cx >= wd->r.x && cx <= wd->r.x + wd->r.w && cy >= wd->r.y &&
                    cy <= wd->r.y + wd->r.h && !strcmp(draw_text_of(l, c), want);
        }
        if (!found) {
            fprintf(stderr, "kiosk.layout: %s %d%%, %s: the card of %s does not say \"%s\"\n", lang, pct, screen,
                    e->id, want);
            bad++;
        }
    }
    if (!cards) {
        fprintf(stderr, "kiosk.layout: %s %d%%, %s: no exercise cards\n", lang, pct, screen);
        bad++;
    }
    return bad;
}

static int check_attract(pack_set *packs, const char *lang, int pct)
{
    app a;
    if (!open_app(&a, packs, lang, pct))
        return 1;
    draw_list l = { 0 };
    app_draw(&a, &l);
    int bad = check_cards(&a, &l, lang, pct, "attract");
    draw_free(&l);
    app_free(&a);
    return bad;
}

static int check_library(pack_set *packs, const char *lang, int pct)
{
    app a;
    if (!open_app(&a, packs, lang, pct))
        return 1;
    app_set_scene(&a, &scene_kiosk_library);
    int bad = 0;
    for (int page = 0; page < 40; page++) {
        ((struct kiosk_library_st *)app_state(&a, SCENE_KIOSK_LIBRARY))->page = page;
        draw_list l = { 0 };
        app_draw(&a, &l);
        char screen[32];
        snprintf(screen, sizeof screen, "library page %d", page + 1);
        bad += check_cards(&a, &l, lang, pct, screen);
        bool more = draw_widget_find(&l, "page:next") != NULL;
        draw_free(&l);
        if (!more)
            break;
    }
    app_free(&a);
    return bad;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "kiosk.layout"))
        return 1;
    int bad = 0;
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++) {
            bad += check_admin(&env.packs, LANGS[li], PCTS[pi], false);
            bad += check_admin(&env.packs, LANGS[li], PCTS[pi], true);
            bad += check_attract(&env.packs, LANGS[li], PCTS[pi]);
            bad += check_library(&env.packs, LANGS[li], PCTS[pi]);
        }
    test_env_close(&env);
    printf("kiosk.layout: %d problem(s)\n", bad);
    return bad ? 1 : 0;
}
