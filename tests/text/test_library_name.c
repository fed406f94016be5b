/* The library's name ("Groundwork") is on screen in every language and text size, clear
 * of the header's buttons: at 200% in German the buttons once took the whole row and the
 * name was left out. It then takes a row of its own above them.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "test_env.h"

static bool overlap(gw_rect a, gw_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "library name"))
        return 1;
    plat_text *pt = test_env_text(&env);
    if (!pt)
        return 1;
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int SIZES[][2] = { { 1280, 720 }, { 1024, 768 }, { 1920, 1080 } };
    int failures = 0;
    for (int li = 0; li < 4; li++)
        for (int pct = 100; pct <= 200; pct += 50)
            for (int si = 0; si < 3; si++) {
                app a;
                app_config cfg = { .mode = "home", .w = SIZES[si][0], .h = SIZES[si][1], .lang = LANGS[li],
                                   .text_pct = pct, .packs = &env.packs, .no_personal = false, .wall_fixed = true };
                if (!app_init(&a, &cfg))
                    return 1;
                draw_list l = { 0 };
                app_draw(&a, &l);
                const draw_cmd *name = NULL;
                for (int i = 0; i < l.ncmd; i++)
                    if (l.cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(&l, &l.cmd[i]), "Groundwork"))
                        name = &l.cmd[i];
                if (!name) {
                    failures++;
                    fprintf(stderr, "library name: %s at %d%%, %dx%d: no \"Groundwork\"\n", LANGS[li], pct,
                            SIZES[si][0], SIZES[si][1]);
                } else {
                    /* the name's own box: as wide as drawn (at most its rect), at the rect's
                     * start (its end in Arabic, the screen mirrored) */
                    plat_text_size m;
                    plat_text_measure(pt, "Groundwork", name->font_px, true, 0, &m);
                    gw_rect g = name->r;
                    float w = (float)m.w < g.w ? (float)m.w : g.w;
                    if (name->flags & TEXT_RTL || a.view.rtl)
                        g.x += g.w - w;
                    g.w = w;
                    for (int w2 = 0; w2 < l.nwid; w2++)
                        if (overlap(g, l.wid[w2].r)) {
                            failures++;
                            fprintf(stderr, "library name: %s at %d%%, %dx%d: the name is under \"%s\"\n", LANGS[li],
                                    pct, SIZES[si][0], SIZES[si][1], l.wid[w2].id);
                        }
                }
                draw_free(&l);
                app_free(&a);
            }
    plat_text_free(pt);
    test_env_close(&env);
    printf("library name: %d problems\n", failures);
    return failures ? 1 : 0;
}
