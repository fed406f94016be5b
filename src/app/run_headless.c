/* `play` and `render`: the real app on a virtual clock, without a window. `play` runs
 * 60 steps per virtual second as fast as the machine allows, feeding script lines at
 * their times and writing the trace; `render` draws one frame at a virtual time. */
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "app/run_speech.h"
#include "core/paths.h"
#include "core/script.h"
#include "platform/plat_render.h"
#include "platform/plat_text.h"

#define STEPS_PER_SEC 60

static gw_ns step_time(long long k)
{
    /* exact: no accumulated rounding however many steps */
    return (gw_ns)(k / STEPS_PER_SEC) * GW_NS_PER_SEC + (gw_ns)(k % STEPS_PER_SEC) * GW_NS_PER_SEC / STEPS_PER_SEC;
}

/* Live heap bytes for `play --heap-every`. Under AddressSanitizer every allocation goes
 * through the sanitizer's allocator, which glibc's counters never see: ask it instead
 * (weak, so the symbol is only there when the runtime is). */
size_t __sanitizer_get_current_allocated_bytes(void) __attribute__((weak));

static size_t heap_live(const char **source)
{
    if (__sanitizer_get_current_allocated_bytes) {
        *source = "asan";
        return __sanitizer_get_current_allocated_bytes();
    }
    struct mallinfo2 mi = mallinfo2();
    *source = "mallinfo2";
    return mi.uordblks + mi.hblkhd;
}

static void trace_heap(trace *tr, gw_ns t, const plat_render *pr, const plat_text *text)
{
    const char *source;
    size_t bytes = heap_live(&source);
    trace_begin(tr, t, "heap");
    trace_int(tr, "bytes", (long long)bytes);
    trace_str(tr, "source", source);
    if (pr)
        trace_int(tr, "text_cache", (long long)plat_render_text_cache_bytes(pr));
    trace_int(tr, "fonts", plat_text_fonts_open(text));
    trace_end(tr);
}

static const char *font_dir(char *buf, size_t n)
{
    snprintf(buf, n, "%s", paths_font_dir());
    return buf;
}

typedef struct headless {
    app a;
    run_speech speech;   /* GW_SPEECH_SERVICE: read aloud's messages to the speech service */
    bool speak;
    pack_set packs;
    trace *tr;
    plat_render *pr;
    draw_list frame[2];
    int cur;
    bool drawn;
} headless;

static bool headless_init(headless *h, const run_options *o, bool want_render)
{
    memset(h, 0, sizeof *h);
    if (o->trace) {
        h->tr = trace_open(o->trace);
        if (!h->tr) {
            fprintf(stderr, "groundwork: cannot write the trace %s: %s\n", o->trace, strerror(errno));
            return false;
        }
    }
    run_load_content(&h->packs, o);
    run_print_diags(&h->packs.diags);
    app_config cfg = { .mode = o->mode, .w = o->w, .h = o->h, .theme = o->theme, .lang = o->lang, .text_pct = o->text_pct,
                       .packs = &h->packs, .tr = h->tr };
    cfg.kiosk_config = o->config;
    cfg.read_aloud = o->read_aloud;
    cfg.plan_dir = o->plan_dir;
    cfg.hr_rr = o->hr_rr;
    cfg.hr_n = o->hr_n;
    cfg.reload = run_reload_content;
    cfg.content_stamp = run_content_stamp;
    cfg.reload_ctx = (void *)o;
    /* play: check-ins and the welcome only when asked for; the log's wall clock is a
     * fixed epoch plus virtual time; render touches none of the person's data */
    cfg.home_flow = o->checkins;
    cfg.welcome = o->welcome;
    cfg.no_personal = want_render && o->out;
    cfg.wall_fixed = true;
    if (!app_init(&h->a, &cfg)) /* it said why */
        return false;
    h->a.arg.cycles = o->cycles;
    /* play's messages reach the speech service too only when asked (tests of it) */
    h->speak = getenv("GW_SPEECH_SERVICE") != NULL;
    if (want_render) {
        char fd[PATH_MAX];
        h->pr = plat_render_new_offscreen(h->a.w, h->a.h, font_dir(fd, sizeof fd));
        if (!h->pr) {
            fprintf(stderr, "groundwork: cannot create an offscreen frame: %s\n", SDL_GetError());
            return false;
        }
    }
    return true;
}

static void headless_free(headless *h)
{
    if (h->speak) {
        run_speech_pass(&h->speech, h->a.view.say);
        run_speech_end(&h->speech);
    }
    app_free(&h->a);
    draw_free(&h->frame[0]);
    draw_free(&h->frame[1]);
    plat_render_free(h->pr);
    pack_set_free(&h->packs);
    trace_close(h->tr);
}

/* Draws the app's current screen if anything changed. */
static void headless_draw(headless *h)
{
    if (!h->pr)
        return;
    if (h->a.w != plat_render_surface(h->pr)->w || h->a.h != plat_render_surface(h->pr)->h)
        plat_render_resize(h->pr, h->a.w, h->a.h);
    draw_list *next = &h->frame[h->cur ^ 1];
    app_draw(&h->a, next);
    app_check_drawn(&h->a, next);
    if (plat_render_frame(h->pr, h->drawn ? &h->frame[h->cur] : NULL, next, NULL) || !h->drawn) {
        h->cur ^= 1;
        h->drawn = true;
    }
}

static bool screenshot(headless *h, const char *path)
{
    if (!h->pr) {
        char fd[PATH_MAX];
        h->pr = plat_render_new_offscreen(h->a.w, h->a.h, font_dir(fd, sizeof fd));
        if (!h->pr)
            return false;
    }
    headless_draw(h);
    return plat_render_save_png(h->pr, path);
}

static void feed(headless *h, const script_item *it, bool *end)
{
    app *a = &h->a;
    switch (it->action) {
    case SCRIPT_EVENT:
        app_event(a, &it->ev);
        break;
    case SCRIPT_KEY: {
        gw_event e = it->ev;
        app_event(a, &e);
        e.type = EV_KEY_UP;
        app_event(a, &e);
        break;
    }
    case SCRIPT_TAP:
    case SCRIPT_CLICK: {
        gw_event e = it->ev;
        e.type = EV_POINTER_DOWN;
        app_event(a, &e);
        e.type = EV_POINTER_UP;
        app_event(a, &e);
        break;
    }
    case SCRIPT_PRESS:
    case SCRIPT_CHOOSE:
        if (!(it->action == SCRIPT_CHOOSE ? app_choose(a, it->arg) : app_press(a, it->arg))) {
            char msg[160];
            snprintf(msg, sizeof msg, "script line %d: no widget \"%s\" on the %s screen", it->line, it->arg,
                     a->scene->name);
            app_error(a, msg);
        }
        break;
    case SCRIPT_SCREENSHOT:
        if (!screenshot(h, it->arg)) {
            char msg[PATH_MAX + 64];
            snprintf(msg, sizeof msg, "cannot write the screenshot %s: %s", it->arg, SDL_GetError());
            app_error(a, msg);
        }
        break;
    case SCRIPT_END:
        *end = true;
        break;
    }
}

int run_play(const run_options *o)
{
    char err[512];
    script *sc = NULL;
    if (o->script) {
        sc = script_load(o->script, err, sizeof err);
        if (!sc) {
            fprintf(stderr, "groundwork: %s\n", err);
            return 2;
        }
    }
    headless h;
    if (!headless_init(&h, o, !o->no_draw)) {
        headless_free(&h);
        script_free(sc);
        return 1;
    }
    app *a = &h.a;
    int rc = 0;
    if (o->exercise && !app_start_chosen(a, o->exercise)) {
        fprintf(stderr, "groundwork: no exercise \"%s\" (see groundwork list)\n", o->exercise);
        rc = 1;
        app_request_quit(a, "error");
    }
    int next = 0;
    bool end = false;
    const char *reason = "end";
    long long draw_every = o->draw_every > 0 ? o->draw_every : 1;
    gw_ns heap_every = o->heap_every > 0 ? GW_SEC(o->heap_every) : 0, heap_next = heap_every;
    for (long long k = 0; !a->end.quit && !end; k++) {
        gw_ns t = step_time(k);
        app_update(a, t);
        while (sc && next < sc->n && sc->item[next].at <= t && !end && !a->end.quit)
            feed(&h, &sc->item[next++], &end);
        if (end)
            break;
        if (h.speak)
            run_speech_pass(&h.speech, a->view.say);
        if (!o->no_draw && k % draw_every == 0)
            headless_draw(&h);
        if (heap_every && t >= heap_next) {
            trace_heap(h.tr, t, h.pr, a->text);
            heap_next += heap_every;
        }
        /* with the script run out, the run ends once no exercise is going on */
        if ((!sc || next >= sc->n) && !a->ex_active) {
            reason = sc ? "script_done" : o->exercise ? "exercise_end" : "end";
            break;
        }
        /* ...or when nothing could ever change again: an exercise waiting for input
         * (a prompt, a pause) with no input left to come */
        if ((!sc || next >= sc->n) && app_next_change(a) == GW_NEVER) {
            reason = "waiting_for_input";
            break;
        }
    }
    if (a->end.quit)
        reason = a->end.reason;
    app_check_text(a);
    trace_begin(h.tr, a->now, "exit");
    trace_str(h.tr, "reason", reason);
    trace_end(h.tr);
    headless_free(&h);
    script_free(sc);
    return rc;
}

int run_render(const run_options *o)
{
    headless h;
    if (!headless_init(&h, o, true)) {
        headless_free(&h);
        return 1;
    }
    app *a = &h.a;
    int rc = 0;
    const exercise *ce = o->cautions && o->exercise && a->packs ? pack_set_find(a->packs, o->exercise) : NULL;
    if (o->cautions && ce && ce->ncaution == 0) {
        fprintf(stderr, "groundwork: exercise \"%s\" has no cautions to show\n", o->exercise);
        rc = 1;
    } else if (o->cautions && ce) {
        app_show_cautions(a, ce); /* shown at time 0: --at is the time since */
        app_update(a, (gw_ns)(o->at * 1e9));
        headless_draw(&h);
        if (!plat_render_save_png(h.pr, o->out)) {
            fprintf(stderr, "groundwork: cannot write %s: %s\n", o->out, SDL_GetError());
            rc = 1;
        }
    } else if (o->exercise && (o->cautions || !app_start_exercise(a, o->exercise))) {
        fprintf(stderr, "groundwork: no exercise \"%s\" (see groundwork list)\n", o->exercise);
        rc = 1;
    } else {
        /* state is a closed-form function of time: one update at the virtual time */
        app_update(a, (gw_ns)(o->at * 1e9));
        headless_draw(&h);
        if (!plat_render_save_png(h.pr, o->out)) {
            fprintf(stderr, "groundwork: cannot write %s: %s\n", o->out, SDL_GetError());
            rc = 1;
        }
        const char *p = plat_render_problem(h.pr);
        if (p)
            fprintf(stderr, "groundwork: %s\n", p);
    }
    headless_free(&h);
    return rc;
}
