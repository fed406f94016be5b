/* prompts.layout: every step of every prompt exercise (grounding and the others like
 * it) as a person sees it at home, in en, es, de and ar at 100%, 150% and 200% text
 * (1280x720 and 1920x1080, drawn headless, mirrored for Arabic), on every page of its text, with the
 * hint shown and hidden, with a note being typed and with a note saved, and a timed
 * step again when its time is up:
 *  - the blocks of the screen (the step's number, its title, its text, the dots or the
 *    timer, the name or note field, the hint or the saved note, every button) never
 *    overlap and stay inside the window;
 *  - every text fits its box at its size (wrapped text) or at 80% of it (a line made to
 *    fit), so none is cut;
 *  - the step's text has room for at least two lines on each page when it takes more
 *    than one (Arabic at 200% too, whose lines are 2.1 em tall), at no less than 80% of
 *    its size.
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
static const char *const STATE[] = { "plain", "hint", "note typed", "note typed, hint", "note saved" };
enum { S_PLAIN, S_HINT, S_TYPING, S_TYPING_HINT, S_SAVED, NSTATE };

static plat_render *pr;
static int failures, frames;
static bool frame_bad;

static void report(const char *where, const char *what, const char *detail)
{
    frame_bad = true;
    if (++failures <= (getenv("GW_LAYOUT_ALL") ? 1000000 : 300))
        fprintf(stderr, "prompts.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

typedef struct block {
    gw_rect r;
    char what[72];
    bool widget;
} block;

/* A widget that is the whole content area (a tap there counts a dot or moves on). */
static bool content_widget(const app *a, const draw_widget *w)
{
    return (!strcmp(w->id, "tally") || !strcmp(w->id, "next")) && w->r.w >= (float)a->w - 1;
}

static const draw_widget *widget_at(const app *a, const draw_list *l, float x, float y)
{
    for (int i = 0; i < l->nwid; i++) {
        const draw_widget *w = &l->wid[i];
        if (!content_widget(a, w) && x >= w->r.x && x <= w->r.x + w->r.w && y >= w->r.y && y <= w->r.y + w->r.h)
            return w;
    }
    return NULL;
}

static void check_frame(const app *a, const draw_list *l, const char *where, int pct)
{
    frames++;
    frame_bad = false;
    block b[96];
    int nb = 0;
    /* the dots or the timer's ring: one block */
    gw_rect fig = { 0 };
    bool have_fig = false;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_CIRCLE && c->op != DRAW_RING)
            continue;
        if (widget_at(a, l, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2))
            continue;
        if (!have_fig)
            fig = c->r;
        else {
            float x0 = fminf(fig.x, c->r.x), y0 = fminf(fig.y, c->r.y);
            float x1 = fmaxf(fig.x + fig.w, c->r.x + c->r.w), y1 = fmaxf(fig.y + fig.h, c->r.y + c->r.h);
            fig = gw_rc(x0, y0, x1 - x0, y1 - y0);
        }
        have_fig = true;
    }
    if (have_fig) {
        b[nb].r = fig;
        b[nb].widget = false;
        snprintf(b[nb++].what, sizeof b[0].what, "the dots or timer");
    }
    for (int i = 0; i < l->nwid && nb < 96; i++) {
        const draw_widget *w = &l->wid[i];
        if (content_widget(a, w))
            continue;
        b[nb].r = w->r;
        b[nb].widget = true;
        snprintf(b[nb++].what, sizeof b[0].what, "control %s", w->id);
    }
    const prompt_step *st = a->ex && a->step >= 0 && a->step < a->ex->nprompt ? &a->ex->prompt[a->step] : NULL;
    const draw_cmd *body = NULL;
    for (int i = 0; i < l->ncmd && nb < 96; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        const char *s = draw_text_of(l, c);
        bool fit_only = (c->flags & TEXT_FIT) != 0;
        if (!test_text_fits(pr, l, c, fit_only ? 0.8f : 1.f)) {
            char d[200];
            snprintf(d, sizeof d, "\"%.80s\" at %d px in %.0fx%.0f", s, c->font_px, (double)c->r.w, (double)c->r.h);
            report(where, "a text does not fit its box (cut)", d);
        }
        gw_rect ink = test_text_ink(pr, l, c);
        float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
        if (widget_at(a, l, cx, cy))
            continue; /* a control's own label or a field's text */
        if (have_fig && test_inside(ink, fig, 1))
            continue; /* the time left, in its ring */
        bool is_body = c->color.r == a->th->text.r && c->color.g == a->th->text.g && c->color.b == a->th->text.b &&
                       !((c->flags >> 8) & 1) && (c->flags & 12) == VALIGN_TOP && (c->flags & 3) == ALIGN_CENTER;
        if (is_body)
            body = c;
        b[nb].r = ink;
        b[nb].widget = false;
        snprintf(b[nb++].what, sizeof b[0].what, "\"%.60s\"", s);
    }
    gw_rect win = gw_rc(0, 0, (float)a->w, (float)a->h);
    for (int i = 0; i < nb; i++) {
        if (!test_inside(b[i].r, win, 1)) {
            char d[512], r[48];
            test_rect_text(r, sizeof r, b[i].r);
            snprintf(d, sizeof d, "%s at %s", b[i].what, r);
            report(where, "outside the window", d);
        }
        for (int j = i + 1; j < nb; j++)
            if (test_overlap(b[i].r, b[j].r, 1)) {
                char d[512], r1[48], r2[48];
                test_rect_text(r1, sizeof r1, b[i].r);
                test_rect_text(r2, sizeof r2, b[j].r);
                snprintf(d, sizeof d, "%s (%s) and %s (%s)", b[i].what, r1, b[j].what, r2);
                report(where, "two blocks overlap", d);
            }
    }
    if (!st)
        return;
    if (!body) {
        report(where, "no step text", "");
        return;
    }
    /* the text at 80% of its size or more, and two lines of room when it takes more
     * than one (a page of a text that goes on pages: always) */
    int design = (int)lroundf(32.f * (float)pct / 100.f * app_unit(a));
    if ((float)body->font_px < 0.8f * (float)design - 1) {
        char d[64];
        snprintf(d, sizeof d, "%d px (designed %d)", body->font_px, design);
        report(where, "the step's text drawn smaller than 80%", d);
    }
    int w = 0, whole = 0;
    plat_render_text_size(pr, app_text(a, &st->text), body->font_px, body->flags, (int)body->r.w, &w, &whole);
    float two = test_lines_h(pr, draw_text_of(l, body), body->font_px, body->flags, 2);
    if ((float)whole >= two - 2 && body->r.h < two - 2) {
        char d[96];
        snprintf(d, sizeof d, "%.0f px high, two lines are %.0f", (double)body->r.h, (double)two);
        report(where, "the step's text has room for less than two lines", d);
    }
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

static void type_note(app *a)
{
    app_press(a, "note");
    gw_event e = { .type = EV_TEXT };
    snprintf(e.text, sizeof e.text, "a blue cup, the window, my hands");
    app_event(a, &e);
}

/* Every page of what is on screen now. */
static void check_pages(app *a, const char *base, int pct)
{
    int pages = 1;
    for (int p = 0; p < pages && p < 16; p++) {
        a->page.text = p;
        draw_list l = { 0 };
        app_draw(a, &l);
        pages = pages_shown(&l);
        char where[200];
        snprintf(where, sizeof where, "%s, page %d of %d", base, p + 1, pages);
        check_frame(a, &l, where, pct);
        test_layout_shot(pr, &l, a->w, a->h, where, frame_bad);
        draw_free(&l);
    }
    a->page.text = 0;
}

static void check_step(test_env *env, const exercise *e, int k, int state, const char *lang, int pct, int w, int h)
{
    const prompt_step *st = &e->prompt[k];
    bool hint = pack_text_get(&st->hint, lang)[0] != 0;
    if (!hint && (state == S_HINT || state == S_TYPING_HINT))
        return;
    app a;
    app_config cfg = { .mode = "home", .w = w, .h = h, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    char base[160];
    snprintf(base, sizeof base, "%dx%d %s %d%%, %s step %d, %s", w, h, lang, pct, e->id, k + 1, STATE[state]);
    if (!app_start_exercise(&a, e->id)) {
        report(base, "the exercise did not start", "");
        app_free(&a);
        return;
    }
    gw_ns now = GW_MSEC(100);
    app_update(&a, now);
    for (int i = 0; i < k; i++) {
        if (!app_press(&a, "skip")) {
            report(base, "no Skip to reach the step", "");
            app_free(&a);
            return;
        }
        now += GW_MSEC(100);
        app_update(&a, now);
    }
    if (state == S_HINT || state == S_TYPING_HINT)
        app_press(&a, "hint");
    if (state == S_TYPING || state == S_TYPING_HINT || state == S_SAVED)
        type_note(&a);
    if (state == S_SAVED)
        app_press(&a, "note-save");
    app_update(&a, now);
    check_pages(&a, base, pct);
    if (st->timer > 0 && state != S_TYPING && state != S_TYPING_HINT) { /* and when its time is up */
        now += st->timer + GW_MSEC(500);
        app_update(&a, now);
        if (a.step == k && a.ex_active) {
            char late[200];
            snprintf(late, sizeof late, "%s, time up", base);
            check_pages(&a, late, pct);
        }
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "prompts.layout"))
        return 1;
    pr = test_env_render(&env, 1920, 1080); /* the larger of the sizes */
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    const char *only = getenv("GW_LAYOUT_ONLY"); /* an exercise id, to look at one */
    int exercises = 0;
    for (int p = 0; p < env.packs.n; p++)
        for (int x = 0; x < env.packs.p[p]->nexercise; x++) {
            const exercise *e = &env.packs.p[p]->ex[x];
            if (e->kind != EX_PROMPTS || (only && strcmp(only, e->id)))
                continue;
            exercises++;
            for (size_t zi = 0; zi < sizeof SIZES / sizeof *SIZES; zi++)
                for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
                    for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                        for (int k = 0; k < e->nprompt; k++)
                            for (int s = 0; s < NSTATE; s++)
                                check_step(&env, e, k, s, LANGS[li], PCTS[pi], SIZES[zi][0], SIZES[zi][1]);
        }
    if (!exercises) {
        fprintf(stderr, "prompts.layout: no prompt exercises in the content\n");
        failures++;
    }
    plat_render_free(pr);
    test_env_close(&env);
    printf("prompts.layout: %d exercises, %d frames, %d problem(s)\n", exercises, frames, failures);
    return failures ? 1 : 0;
}
