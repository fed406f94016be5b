/* The pacer's words are legible at every moment: every built-in breathing exercise, in
 * every pacer style, in en, es, de and ar, at 100% and 200% text, in the three themes,
 * at the lead-in and at the start, a moment into (while the colour turns), middle and
 * end of every phase of the first breaths. Each frame is rendered three times by the
 * real renderer: without its texts (what lies under them), with them in white and with
 * them in black. A pixel that differs between the last two is a glyph pixel (however
 * faint its coverage); the colour under it must have a contrast ratio of at least 4.5:1
 * (WCAG 2.2, relative luminance) with the colour its text is drawn in. Texts in a
 * control (a widget's rectangle) are the buttons', checked by the theme test; every
 * other text of the screen is checked: the phase word, the count, the title, the status.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_render.h"
#include "test_env.h"

#define MIN_RATIO 4.5

static plat_render *pr;
static int failures, frames, glyph_px;
static double worst = 100;

static double channel(double v)
{
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(int r, int g, int b) { return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); }

static double ratio(double l1, double l2)
{
    return l1 > l2 ? (l1 + 0.05) / (l2 + 0.05) : (l2 + 0.05) / (l1 + 0.05);
}

/* A copy of l's commands (the arena is shared, read only): free with free(copy->cmd). */
static draw_list variant(const draw_list *l)
{
    draw_list v = *l;
    v.cmd = malloc((size_t)l->ncmd * sizeof *v.cmd);
    if (!v.cmd) {
        fprintf(stderr, "pacer contrast: out of memory\n");
        exit(1);
    }
    memcpy(v.cmd, l->cmd, (size_t)l->ncmd * sizeof *v.cmd);
    v.capcmd = l->ncmd;
    return v;
}

static bool in_widget(const draw_list *l, const draw_cmd *c)
{
    float x = c->r.x + c->r.w / 2, y = c->r.y + c->r.h / 2;
    return draw_widget_at(l, x, y) != NULL;
}

/* The checked text (not in a control) whose box holds (x, y), the last drawn. */
static const draw_cmd *text_at(const draw_cmd *const *texts, int n, int x, int y)
{
    const draw_cmd *hit = NULL;
    for (int i = 0; i < n; i++) {
        const draw_cmd *c = texts[i];
        if ((float)x >= c->r.x - 3 && (float)x < c->r.x + c->r.w + 3 && (float)y >= c->r.y - 3 &&
            (float)y < c->r.y + c->r.h + 3)
            hit = c;
    }
    return hit;
}

static Uint32 *copy_pixels(void)
{
    SDL_Surface *s = plat_render_surface(pr);
    Uint32 *p = malloc((size_t)s->w * (size_t)s->h * 4);
    if (!p)
        exit(1);
    for (int y = 0; y < s->h; y++)
        memcpy(p + (size_t)y * (size_t)s->w, (Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch, (size_t)s->w * 4);
    return p;
}

static void check_frame(const app *a, const draw_list *l, const char *theme_name, const char *lang, int pct, int style,
                        double t)
{
    frames++;
    draw_list under = variant(l), white = variant(l), black = variant(l);
    int ntext = 0;
    const draw_cmd *texts[64];
    for (int i = 0; i < l->ncmd; i++) {
        if (l->cmd[i].op != DRAW_TEXT || in_widget(l, &l->cmd[i]) || ntext == 64)
            continue;
        texts[ntext++] = &l->cmd[i];
        /* nothing: a glow of no strength draws no pixel */
        under.cmd[i].op = DRAW_GLOW;
        under.cmd[i].color.a = 0;
        white.cmd[i].color = gw_rgba(255, 255, 255, 255);
        black.cmd[i].color = gw_rgba(0, 0, 0, 255);
    }
    if (ntext == 0) {
        fprintf(stderr, "pacer contrast: no text on the screen: %s, %s at %d%%, style %s, %.2f s\n", a->ex->id, lang,
                pct, pacer_style_name(style), t);
        failures++;
    }
    plat_render_frame(pr, NULL, &under, NULL);
    Uint32 *bg = copy_pixels();
    plat_render_frame(pr, &under, &white, NULL);
    Uint32 *wp = copy_pixels();
    plat_render_frame(pr, &white, &black, NULL);
    Uint32 *kp = copy_pixels();
    SDL_PixelFormat *f = plat_render_surface(pr)->format;
    double frame_worst = 100;
    const draw_cmd *worst_cmd = NULL;
    for (int y = 0; y < l->h; y++)
        for (int x = 0; x < l->w; x++) {
            size_t k = (size_t)y * (size_t)l->w + (size_t)x;
            if (wp[k] == kp[k])
                continue;
            const draw_cmd *c = text_at(texts, ntext, x, y);
            if (!c)
                continue; /* a control's text spilling past its rectangle's centre test */
            glyph_px++;
            Uint8 r, g, b;
            SDL_GetRGB(bg[k], f, &r, &g, &b);
            double q = ratio(luminance(c->color.r, c->color.g, c->color.b), luminance(r, g, b));
            if (q < frame_worst) {
                frame_worst = q;
                worst_cmd = c;
            }
        }
    if (frame_worst < worst)
        worst = frame_worst;
    if (frame_worst < MIN_RATIO && ++failures <= 60)
        fprintf(stderr, "pacer contrast: %.2f:1 under \"%s\": %s, %s theme, %s at %d%%, style %s, %.2f s\n",
                frame_worst, draw_text_of(l, worst_cmd), a->ex->id, theme_name, lang, pct, pacer_style_name(style), t);
    free(bg);
    free(wp);
    free(kp);
    free(under.cmd);
    free(white.cmd);
    free(black.cmd);
}

/* The lead-in, then the first breath and a half: every phase boundary, 20 ms either
 * side, 400 ms in (the figure's colour halfway from the phase before's) and the middle. */
static int moments(const breath_pattern *p, gw_ns *out, int max)
{
    int n = 0;
    out[n++] = GW_MSEC(100);
    out[n++] = p->lead_in_ns > GW_MSEC(200) ? p->lead_in_ns - GW_MSEC(100) : GW_MSEC(150);
    gw_ns t = 0, end = breath_total(p), stop = p->lead_in_ns + breath_cycle_len(p) * 3 / 2 + GW_SEC(1);
    for (int guard = 0; n + 4 < max && guard < 64; guard++) {
        gw_ns b = breath_next_boundary(p, t);
        if (b == GW_NEVER || b >= end || b > stop)
            break;
        out[n++] = b + GW_MSEC(20);
        out[n++] = b - GW_MSEC(20);
        out[n++] = b + GW_MSEC(400);
        gw_ns nb = breath_next_boundary(p, b);
        if (nb != GW_NEVER)
            out[n++] = b + (nb - b) / 2;
        t = b;
    }
    /* in time order: the app's clock only goes forward */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && out[j] < out[j - 1]; j--) {
            gw_ns s = out[j];
            out[j] = out[j - 1];
            out[j - 1] = s;
        }
    return n;
}

int main(int argc, char **argv)
{
    test_env env;
    if (!test_env_open(&env, "pacer contrast"))
        return 1;
    enum { W = 1280, H = 720 };
    pr = test_env_render(&env, W, H);
    if (!pr)
        return 1;
    /* an exercise id as the first argument checks that one alone (to look into one) */
    const char *only = argc > 1 ? argv[1] : NULL;
    static const char *const THEMES[] = { "calm", "light", "contrast" };
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int PCTS[] = { 100, 200 };
    int exercises = 0;
    for (int e = 0; e < pack_set_exercise_count(&env.packs); e++) {
        const exercise *ex = pack_set_exercise_at(&env.packs, e);
        if (ex->kind != EX_BREATHING || (only && strcmp(only, ex->id)))
            continue;
        exercises++;
        for (size_t th = 0; th < sizeof THEMES / sizeof *THEMES; th++)
            for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
                for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                    for (int style = 0; style < PACER_STYLE_COUNT; style++) {
                        /* the other themes: every style at 100% in English and Arabic,
                         * the calm theme everything (a frame costs three renders) */
                        if (th > 0 && (pi > 0 || (li != 0 && li != 3)))
                            continue;
                        app a;
                        app_config cfg = { .mode = "home", .w = W, .h = H, .theme = THEMES[th], .lang = LANGS[li],
                                           .text_pct = PCTS[pi], .packs = &env.packs, .no_personal = true,
                                           .wall_fixed = true };
                        if (!app_init(&a, &cfg) || !app_start_exercise(&a, ex->id)) {
                            fprintf(stderr, "pacer contrast: %s did not start\n", ex->id);
                            return 1;
                        }
                        for (int k = 0; k < 8 && pacer_style_of(&a) != style; k++)
                            app_press(&a, "style");
                        gw_ns at[200];
                        int n = moments(pacer_pattern(&a), at, 200);
                        draw_list l = { 0 };
                        for (int i = 0; i < n; i++) {
                            app_update(&a, at[i]);
                            app_draw(&a, &l);
                            check_frame(&a, &l, THEMES[th], LANGS[li], PCTS[pi], style, (double)at[i] / 1e9);
                        }
                        draw_free(&l);
                        app_free(&a);
                    }
    }
    plat_render_free(pr);
    test_env_close(&env);
    printf("pacer contrast: %d breathing exercises, %d frames, %d glyph pixels, lowest ratio %.2f:1, %d problems\n",
           exercises, frames, glyph_px, worst, failures);
    return failures || exercises == 0 || glyph_px == 0 ? 1 : 0;
}
