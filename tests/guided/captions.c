/* guided captions: every guided exercise's captions, in every language at 100% and
 * 200% text, at 1280x720 (and at 200% in a small window, 1024x600), drawn headless at several moments of every step. The
 * caption on screen (found in the draw list) must fit its box at the size drawn, and
 * break only where it has to: a caption that stops inside a sentence would not have
 * fitted with the rest of that sentence, one that stops at a sentence's end would not
 * have fitted with the next sentence too (as many lines as the room allows).
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "core/caption.h"
#include "core/guided.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_text.h"
#include "test_env.h"

static bool fits(plat_text *pt, const char *s, size_t len, const draw_cmd *c)
{
    char buf[2048];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = 0;
    plat_text_size m;
    if (!plat_text_measure(pt, buf, c->font_px, false, (int)c->r.w, &m))
        return true;
    return (float)m.w <= c->r.w + 1 && (float)m.h <= c->r.h + 1;
}

/* The end of the text from `from` at the next break of at least `level` (the text's
 * end if none). */
static size_t next_break(const char *t, size_t from, int level)
{
    size_t n = strlen(t);
    for (size_t i = from + 1; i <= n; i++)
        if (caption_break_at(t, i) >= level)
            return i;
    return n;
}

/* The problems of the caption shown as the part of cap at off (printed when `say`). */
static int check_at(plat_text *pt, const draw_cmd *c, const char *txt, const char *cap, size_t off, const char *where,
                    bool say)
{
    size_t len = strlen(txt), end = off + len;
    int bad = 0;
    if (!fits(pt, cap + off, len, c)) {
        if (say)
            fprintf(stderr, "captions: %s: \"%s\" does not fit its box %.0fx%.0f at %d px\n", where, txt, (double)c->r.w,
                    (double)c->r.h, c->font_px);
        bad++;
    }
    if (!cap[end])
        return bad;
    int level = caption_break_at(cap, end);
    /* stopped mid-sentence (or mid-clause): the rest of it would not have fitted */
    if (level < 2) {
        size_t more = next_break(cap, end, level + 1);
        if (fits(pt, cap + off, more - off, c)) {
            if (say)
                fprintf(stderr, "captions: %s: \"%s\" stops mid-%s while \"%.*s\" fits its box\n", where, txt,
                        level == 1 ? "sentence" : "clause", (int)(more - off), cap + off);
            bad++;
        }
    }
    /* as many whole sentences as fit */
    size_t more = next_break(cap, end, 2);
    if (level >= 2 && fits(pt, cap + off, more - off, c)) {
        if (say)
            fprintf(stderr, "captions: %s: \"%s\" leaves out the next sentence, which fits\n", where, txt);
        bad++;
    }
    return bad;
}

static int check_shot(plat_text *pt, const draw_list *l, const char *cap, const char *where, bool strict)
{
    /* the caption: the longest text aligned to the top of its box that is part of the
     * step's caption */
    const draw_cmd *c = NULL;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *k = &l->cmd[i];
        const char *txt = draw_text_of(l, k);
        if (k->op == DRAW_TEXT && *txt && (k->flags & 0x0C) == VALIGN_TOP && strstr(cap, txt) &&
            (!c || strlen(txt) > strlen(draw_text_of(l, c))))
            c = k;
    }
    if (!c) {
        fprintf(stderr, "captions: %s: no caption on screen\n", where);
        return 1;
    }
    /* a piece that occurs more than once ("stream.") is well shown if it is at one of
     * its places */
    const char *txt = draw_text_of(l, c), *first = strstr(cap, txt);
    size_t end = (size_t)(first - cap) + strlen(txt);
    if (strict && cap[end] && caption_break_at(cap, end) < 1) {
        fprintf(stderr, "captions: %s: \"%s\" stops between two words of a clause\n", where, txt);
        return 1;
    }
    for (const char *s = first; s; s = strstr(s + 1, txt))
        if (!check_at(pt, c, txt, cap, (size_t)(s - cap), where, false))
            return 0;
    return check_at(pt, c, txt, cap, (size_t)(first - cap), where, true);
}

/* strict: the first `strict` steps must show whole clauses at every moment (no break
 * between two words at all) */
static int check(pack_set *packs, plat_text *pt, const char *id, const char *lang, int pct, int w, int h, int strict)
{
    app a;
    app_config cfg = { .mode = "home", .w = w, .h = h, .lang = lang, .text_pct = pct, .packs = packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg))
        return 1;
    if (!app_start_exercise(&a, id)) {
        fprintf(stderr, "captions: no exercise %s\n", id);
        app_free(&a);
        return 1;
    }
    int bad = 0, shots = 0;
    const exercise *e = a.ex;
    for (int i = 0; i < e->nstep && bad < 10; i++) {
        const char *cap = app_text(&a, &e->step[i].caption);
        if (!cap || !*cap)
            continue;
        gw_ns t0 = guided_step_start(e, i), len = guided_step_length(&e->step[i]);
        for (int k = 0; k < 8; k++) {
            gw_ns t = t0 + len * k / 8 + GW_NS_PER_SEC / 20;
            app_update(&a, t);
            if (!a.ex_active || a.step != i)
                continue;
            draw_list l = { 0 };
            app_draw(&a, &l);
            char where[160];
            snprintf(where, sizeof where, "%s %s at %d%%, %dx%d, step %d at %.2f s", id, lang, pct, w, h, i + 1,
                     (double)t / 1e9);
            bad += check_shot(pt, &l, cap, where, i < strict);
            shots++;
            draw_free(&l);
        }
    }
    if (!shots) {
        fprintf(stderr, "captions: %s %s at %d%%: no caption drawn\n", id, lang, pct);
        bad++;
    }
    app_free(&a);
    return bad;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "captions"))
        return 1;
    plat_text *pt = test_env_text(&env);
    if (!pt)
        return 1;
    static const char *const IDS[] = { "pmr-16", "pmr-7", "pmr-4", "pmr-release-only", "body-scan",
                                       "calm-place", "leaves-on-a-stream", "urge-surfing" };
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int PCT[] = { 100, 200 };
    int bad = 0;
    for (size_t x = 0; x < sizeof IDS / sizeof *IDS; x++)
        for (int g = 0; g < 4; g++)
            for (int p = 0; p < 2; p++)
                bad += check(&env.packs, pt, IDS[x], LANGS[g], PCT[p], 1280, 720, 0);
    /* a small window at large text, where a caption has the least room (1024x600) */
    for (size_t x = 0; x < sizeof IDS / sizeof *IDS; x++)
        for (int g = 0; g < 4; g++)
            bad += check(&env.packs, pt, IDS[x], LANGS[g], 200, 1024, 600, 0);
    /* there the first step of the muscle relaxation in Arabic showed "ودع نظرك يستقر
     * برفق" without "على الشاشة.", a clause cut between words while a smaller type (and
     * the map's width) had room for it whole */
    bad += check(&env.packs, pt, "pmr-4", "ar", 200, 1024, 600, 1);
    plat_text_free(pt);
    test_env_close(&env);
    if (bad)
        fprintf(stderr, "captions: %d problem(s)\n", bad);
    return bad ? 1 : 0;
}
