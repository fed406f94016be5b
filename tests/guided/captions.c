/* guided captions: every guided exercise's captions, in every language at 100%, 150%
 * and 200% text, at 1280x720 and 1920x1080 (and at 200% in a small window, 1024x600),
 * drawn headless at several moments of every step. The caption on screen (found in the
 * draw list) must fit its box at the size drawn, and break only where it has to: a
 * caption that stops inside a sentence would not have fitted with the rest of that
 * sentence, one that stops at a sentence's end would not have fitted with the next
 * sentence too (as many lines as the room allows). No caption shows a piece of a
 * sentence: the screen makes room for every sentence of these exercises whole (at 200%
 * German, Spanish and Arabic sentences were cut into pieces while room could be made).
 * Were one shown, it would be at the smallest type allowed (a whole sentence is worth
 * smaller type) and say so: a trailing "…" where its sentence goes on, a leading one
 * where it came from.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <math.h>
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

#define ELL "\xE2\x80\xA6"

/* Whether s (len bytes) fits the caption's box, with a leading and a trailing "…"
 * when asked. */
static bool fits_marked(plat_text *pt, const char *s, size_t len, bool lead, bool trail, const draw_cmd *c)
{
    char buf[2048];
    if (len + 8 >= sizeof buf)
        return false;
    snprintf(buf, sizeof buf, "%s%.*s%s", lead ? ELL : "", (int)len, s, trail ? ELL : "");
    plat_text_size m;
    if (!plat_text_measure(pt, buf, c->font_px, false, (int)c->r.w, &m))
        return true;
    return (float)m.w <= c->r.w + 1 && (float)m.h <= c->r.h + 1;
}

/* The strength of the break before the piece at off (2 at the caption's start). */
static int break_before(const char *t, size_t off)
{
    size_t p = off;
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\n' || t[p - 1] == '\t'))
        p--;
    return p == 0 ? 2 : caption_break_at(t, p);
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
static int check_at(plat_text *pt, const draw_cmd *c, const char *txt, bool lead, bool trail, int min_px,
                    const char *cap, size_t off, const char *where, bool say)
{
    size_t len = strlen(txt), end = off + len;
    int bad = 0;
    if (!fits_marked(pt, cap + off, len, lead, trail, c)) {
        if (say)
            fprintf(stderr, "captions: %s: \"%s\" does not fit its box %.0fx%.0f at %d px\n", where, txt, (double)c->r.w,
                    (double)c->r.h, c->font_px);
        bad++;
    }
    /* a piece of a sentence says so, at both ends, and only where it is one */
    bool starts_inside = break_before(cap, off) < 2, ends_inside = cap[end] && caption_break_at(cap, end) < 2;
    if (lead != starts_inside || trail != ends_inside) {
        if (say)
            fprintf(stderr, "captions: %s: \"%s%s%s\" %s\n", where, lead ? ELL : "", txt, trail ? ELL : "",
                    starts_inside || ends_inside ? "is a piece of a sentence without a \"…\" where it continues"
                                                 : "is marked as a piece of a sentence but is not one");
        bad++;
    }
    /* a piece of a sentence only where the sentence did not fit at the smallest type */
    if ((starts_inside || ends_inside) && c->font_px > min_px) {
        if (say)
            fprintf(stderr, "captions: %s: \"%s\" is a piece of a sentence at %d px, above the smallest (%d px)\n",
                    where, txt, c->font_px, min_px);
        bad++;
    }
    if (!cap[end])
        return bad;
    int level = caption_break_at(cap, end);
    /* stopped mid-sentence (or mid-clause): the rest of it would not have fitted */
    if (level < 2) {
        size_t more = next_break(cap, end, level + 1);
        if (fits_marked(pt, cap + off, more - off, lead, cap[more] && caption_break_at(cap, more) < 2, c)) {
            if (say)
                fprintf(stderr, "captions: %s: \"%s\" stops mid-%s while \"%.*s\" fits its box\n", where, txt,
                        level == 1 ? "sentence" : "clause", (int)(more - off), cap + off);
            bad++;
        }
    }
    /* as many whole sentences as fit */
    size_t more = next_break(cap, end, 2);
    if (level >= 2 && fits_marked(pt, cap + off, more - off, lead, cap[more] && caption_break_at(cap, more) < 2, c)) {
        if (say)
            fprintf(stderr, "captions: %s: \"%s\" leaves out the next sentence, which fits\n", where, txt);
        bad++;
    }
    return bad;
}

/* The text drawn without its leading and trailing "…" (into buf), and which it had. */
static const char *unmarked(const char *drawn, char *buf, size_t n, bool *lead, bool *trail)
{
    size_t e = strlen(ELL), len = strlen(drawn);
    *lead = len >= e && !memcmp(drawn, ELL, e);
    const char *s = *lead ? drawn + e : drawn;
    len = strlen(s);
    *trail = len >= e && !memcmp(s + len - e, ELL, e);
    if (*trail)
        len -= e;
    snprintf(buf, n, "%.*s", (int)len, s);
    return buf;
}

static int check_shot(plat_text *pt, const draw_list *l, const char *cap, const char *where, bool strict, int min_px)
{
    /* the caption: the longest text aligned to the top of its box that is part of the
     * step's caption (with the marks of a piece of a sentence) */
    const draw_cmd *c = NULL;
    char best[2048] = "", buf[2048];
    bool lead = false, trail = false;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *k = &l->cmd[i];
        bool ld, tr;
        const char *txt = unmarked(draw_text_of(l, k), buf, sizeof buf, &ld, &tr);
        if (k->op == DRAW_TEXT && *txt && (k->flags & 0x0C) == VALIGN_TOP && strstr(cap, txt) &&
            (!c || strlen(txt) > strlen(best))) {
            c = k;
            snprintf(best, sizeof best, "%s", txt);
            lead = ld;
            trail = tr;
        }
    }
    if (!c) {
        fprintf(stderr, "captions: %s: no caption on screen\n", where);
        return 1;
    }
    /* a piece that occurs more than once ("stream.") is well shown if it is at one of
     * its places */
    const char *txt = best, *first = strstr(cap, txt);
    size_t end = (size_t)(first - cap) + strlen(txt);
    if (strict && cap[end] && caption_break_at(cap, end) < 1) {
        fprintf(stderr, "captions: %s: \"%s\" stops between two words of a clause\n", where, txt);
        return 1;
    }
    int bad = 0;
    if (lead || trail) {
        fprintf(stderr, "captions: %s: \"%s%s%s\" is a piece of a sentence, not whole sentences\n", where,
                lead ? ELL : "", txt, trail ? ELL : "");
        bad++;
    }
    for (const char *s = first; s; s = strstr(s + 1, txt))
        if (!check_at(pt, c, txt, lead, trail, min_px, cap, (size_t)(s - cap), where, false))
            return bad;
    return bad + check_at(pt, c, txt, lead, trail, min_px, cap, (size_t)(first - cap), where, true);
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
    /* the smallest caption type allowed, as drawn: 80% of 40 units, at the text size */
    float u = fminf((float)w / 1280.f, (float)h / 720.f);
    int min_px = (int)lroundf(ceilf((float)lroundf(40 * u) * 0.8f) * (float)pct / 100.f) + 1;
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
            bad += check_shot(pt, &l, cap, where, i < strict, min_px);
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
    static const int PCT[] = { 100, 150, 200 };
    int bad = 0;
    for (size_t x = 0; x < sizeof IDS / sizeof *IDS; x++)
        for (int g = 0; g < 4; g++)
            for (int p = 0; p < 3; p++) {
                bad += check(&env.packs, pt, IDS[x], LANGS[g], PCT[p], 1280, 720, 0);
                bad += check(&env.packs, pt, IDS[x], LANGS[g], PCT[p], 1920, 1080, 0);
            }
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
