/* The live program: a window, the 64-bit monotonic clock, and a loop that sleeps until
 * input arrives or the screen is due to change (plat_wait). A frame in which nothing
 * changed is not drawn; a changed frame redraws only its dirty part. The window, the
 * wait, the gamepads and the folder watch are the platform's (plat_window, plat_wait,
 * plat_pad, plat_watch); this file joins them to the app: events in, app_update, draw,
 * present, sleep until the next change.
 * Ownership: run_live owns everything it opens and closes it all before returning. */
#include <SDL2/SDL.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/app_export.h"
#include "app/app_hr.h"
#include "app/run.h"
#include "app/run_speech.h"
#include "app/run_guard.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_audio.h"
#include "core/sound.h"
#include "platform/plat_clock.h"
#include "platform/plat_input.h"
#include "platform/plat_pad.h"
#include "platform/plat_render.h"
#include "platform/plat_wait.h"
#include "platform/plat_watch.h"
#include "platform/plat_window.h"

#define IDLE_WAIT_MS 5000
/* A display that has not given a window in this long ends the start (exit 1). */
#define DISPLAY_DEADLINE_S 6

/* Reloads the previewed pack and shows it, or its problems. */
static void preview_reload(app *a, pack_set *packs, const run_options *o)
{
    app_end_exercise(a, false);
    a->ex = NULL;
    pack_set_free(packs);
    memset(packs, 0, sizeof *packs);
    pack_set_add_dir(packs, o->preview);
    a->notice[0] = 0;
    if (pack_diags_errors(&packs->diags) > 0)
        app_set_scene(a, &scene_problems);
    else if (!o->exercise || !app_start_exercise(a, o->exercise))
        app_set_scene(a, &scene_library);
}

/* present: with a second display, the therapist's controls get a window of their own
 * there, and the client's display shows only the client view. */
typedef struct ctl_window {
    SDL_Window *win;
    plat_render *pr;
    draw_list frame[2];
    int cur;
    bool full;
} ctl_window;

static bool ctl_open(ctl_window *c, int client_disp, const char *fonts)
{
    c->win = plat_window_open_second(client_disp, "Groundwork: therapist controls", 1280, 720);
    if (!c->win)
        return false;
    c->pr = plat_render_new_window(c->win, fonts);
    if (!c->pr) {
        SDL_DestroyWindow(c->win);
        c->win = NULL;
        return false;
    }
    c->full = true;
    return true;
}

static void ctl_close(ctl_window *c)
{
    draw_free(&c->frame[0]);
    draw_free(&c->frame[1]);
    if (c->pr)
        plat_render_free(c->pr);
    if (c->win)
        SDL_DestroyWindow(c->win);
}

/* True if the event belongs to the control window (and was handled). */
static bool ctl_event(ctl_window *c, app *a, const SDL_Event *ev)
{
    if (!c->win || plat_window_of_event(ev) != SDL_GetWindowID(c->win))
        return false;
    int w, h;
    SDL_GetWindowSize(c->win, &w, &h);
    if (ev->type == SDL_WINDOWEVENT) {
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            plat_render_resize(c->pr, ev->window.data1, ev->window.data2);
            app_control_window(a, ev->window.data1, ev->window.data2);
        }
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || ev->window.event == SDL_WINDOWEVENT_EXPOSED)
            c->full = true;
        if (ev->window.event == SDL_WINDOWEVENT_CLOSE)
            app_request_quit(a, "quit");
        return true;
    }
    gw_event ge;
    if (plat_input_translate(ev, w, h, &ge))
        app_control_event(a, &ge);
    return true;
}

static void ctl_frame(ctl_window *c, app *a)
{
    if (!c->win)
        return;
    draw_list *next = &c->frame[c->cur ^ 1];
    app_draw_control(a, next);
    app_check_drawn(a, next);
    if (plat_render_frame(c->pr, c->full ? NULL : &c->frame[c->cur], next, NULL))
        c->cur ^= 1;
    c->full = false;
}

/* Content is read and checked on a thread while SDL opens the display and the window,
 * which are mostly waits for the X server: the first frame comes sooner. The pack
 * loader is pure code and touches nothing the main thread uses meanwhile. */
typedef struct content_job {
    pack_set *packs;
    const run_options *o;
} content_job;

static int content_thread(void *p)
{
    content_job *j = p;
    run_content_for(j->packs, j->o);
    return 0;
}

/* On a failed start: lets the loader finish and drops what it read. */
static void content_drop(SDL_Thread *loader, pack_set *packs)
{
    if (loader)
        SDL_WaitThread(loader, NULL);
    pack_set_free(packs);
}

/* What ending the run needs when the X server has gone (nothing may touch the display). */
typedef struct live_end {
    app *a;
    trace *tr;
} live_end;

static void display_lost(void *p)
{
    live_end *e = p;
    if (e->a) {
        app_keep_typed(e->a);          /* a note being typed is saved */
        app_end_exercise(e->a, false); /* its session's end written, as left */
    }
    trace_begin(e->tr, e->a ? e->a->now : 0, "exit");
    trace_str(e->tr, "reason", "display_lost");
    trace_end(e->tr);
    if (e->a)
        app_free(e->a); /* the practice log and the kiosk's counters closed */
    trace_close(e->tr);
}

/* Which signals end the run. A kiosk is stopped by its supervisor with SIGTERM (systemd);
 * every other one could come from a visitor at a keyboard (Ctrl+C, Ctrl+\) or a hung-up
 * terminal, so it is traced and ignored. At home and in a session the quit signals end
 * the run as closing the window does; SIGUSR1, SIGUSR2 and SIGPIPE are ignored. */
static bool signal_ends(int sig, bool kiosk)
{
    if (kiosk)
        return sig == SIGTERM;
    return sig == SIGTERM || sig == SIGINT || sig == SIGHUP || sig == SIGQUIT;
}

/* Everything a live run holds. */
typedef struct live {
    const run_options *o;
    bool kiosk, present;
    char fonts[PATH_MAX];
    pack_set packs;
    plat_window pw;
    int w, h;            /* the main window's size when it opened */
    plat_render *pr;
    plat_audio *audio;
    sound_list sound;    /* what the app asks to be heard, played once a pass */
    run_speech speech;   /* what read aloud asks to be said, handed over once a pass */
    plat_wait wait;
    plat_pad pads;
    plat_watch *watch;   /* preview: the pack folder */
    trace *tr;
    live_end ending;
    app a;
    gw_ns t0;            /* the app's time 0 on plat_now's clock */
    ctl_window ctl;
    draw_list frame[2];
    int cur;
    bool full;           /* next frame redraws everything (first, resized, exposed) */
    bool started;        /* gamepads and sound are started after the first frame */
    int rumbled;         /* the pacer's phase changes last acted on (app_pacer_rumble) */
    gw_ns reload_at;     /* preview: reload then (files changed) */
    FILE *flog;
    unsigned flog_lines;
    int exit_signal;     /* the signal that ended the run */
} live;

static gw_ns live_now(const live *L) { return plat_now() - L->t0; }

/* SDL, the display and the main window, while the content loads on a thread. */
static bool live_open_display(live *L)
{
    const run_options *o = L->o;
    content_job job = { &L->packs, o };
    /* before any thread starts, so that each inherits the handling */
    run_guard_signals_start();
    /* the data folder is looked up (and remembered) before the loader, which also asks */
    snprintf(L->fonts, sizeof L->fonts, "%s", paths_font_dir());
    SDL_Thread *loader = SDL_CreateThread(content_thread, "content", &job);
    if (!loader)
        run_content_for(&L->packs, o); /* no thread: load here */
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "0");
    /* the window surface is drawn by our software renderer and sent to the display as
     * dirty rectangles (XShm on X11); an accelerated framebuffer would re-upload the
     * whole surface through OpenGL every frame */
    if (!getenv("SDL_FRAMEBUFFER_ACCELERATION"))
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    /* A kiosk takes no typed text (its PIN pad takes digits), so X's compose table of
     * dead keys, which Xlib reads and parses at start (10-20 ms of the first frame), is
     * left empty; an operator's own XCOMPOSEFILE is kept. */
    if (L->kiosk)
        setenv("XCOMPOSEFILE", "/dev/null", 0);
    /* never an invisible window: no display, one that refuses or one that does not
     * answer ends the start with one line that says what to do */
    char nodisp[768];
    bool tried = run_guard_pick_driver(nodisp, sizeof nodisp);
    run_guard_deadline_start(DISPLAY_DEADLINE_S);
    if (!tried || SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || !run_guard_display_usable(nodisp, sizeof nodisp)) {
        if (tried && SDL_WasInit(SDL_INIT_VIDEO) == 0)
            run_guard_no_display(nodisp, sizeof nodisp, SDL_GetError());
        fprintf(stderr, "%s\n", nodisp);
        run_guard_deadline_stop();
        content_drop(loader, &L->packs);
        SDL_Quit();
        run_guard_signals_stop();
        return false;
    }
    run_guard_signals_wake();

    /* present with a second display: the client's display is given over to the client view */
    plat_window_spec ws = { .display = o->display, .w = o->w, .h = o->h, .cover = o->fullscreen || L->kiosk,
                            .cover_two = L->present, .kiosk = L->kiosk, .cursor_for = KIOSK_CURSOR_NS };
    if (!plat_window_open(&L->pw, &ws)) {
        fprintf(stderr, "groundwork: cannot open a window: %s\n", SDL_GetError());
        run_guard_deadline_stop();
        content_drop(loader, &L->packs);
        SDL_Quit();
        run_guard_signals_stop();
        return false;
    }
    run_guard_x11(L->pw.win, display_lost, &L->ending);
    SDL_GetWindowSize(L->pw.win, &L->w, &L->h);

    if (o->trace && !(L->tr = trace_open(o->trace)))
        fprintf(stderr, "groundwork: cannot write the trace %s\n", o->trace);
    L->ending.tr = L->tr;
    /* the sound device is opened once the first frame is shown (or at the first sound
     * asked for, whichever comes first): opening it takes a while and nothing is heard
     * in the first frame */
    L->audio = plat_audio_open_later();
    /* the window's image is set up (round trips to the display) while the content may
     * still be loading */
    L->pr = plat_render_new_window(L->pw.win, L->fonts);
    run_guard_deadline_stop();
    if (loader)
        SDL_WaitThread(loader, NULL);
    run_print_diags(&L->packs.diags);
    if (!L->pr) {
        fprintf(stderr, "groundwork: cannot draw in the window: %s\n", SDL_GetError());
        L->ending.tr = NULL;
        pack_set_free(&L->packs);
        plat_audio_close(L->audio);
        trace_close(L->tr);
        plat_window_close(&L->pw);
        SDL_Quit();
        run_guard_signals_stop();
        return false;
    }
    return true;
}

/* The app, the control window and what the command line asked to show first. False
 * when the app cannot be put together (app_init said why). */
static bool live_open_app(live *L)
{
    const run_options *o = L->o;
    L->t0 = plat_now();
    app_config cfg = { .mode = o->mode, .w = L->w, .h = L->h, .theme = o->theme, .lang = o->lang, .text_pct = o->text_pct,
                       .packs = &L->packs, .tr = L->tr, .sound = L->audio ? &L->sound : NULL };
    cfg.kiosk_config = o->config;
    cfg.read_aloud = o->read_aloud;
    cfg.plan_dir = o->plan_dir;
    cfg.hr_rr = o->hr_rr;
    cfg.hr_n = o->hr_n;
    cfg.reload = o->preview ? NULL : run_reload_content;
    cfg.content_stamp = run_content_stamp;
    cfg.reload_ctx = (void *)o;
    cfg.kiosk_wall_live = true;
    cfg.home_flow = true;
    cfg.welcome = !o->preview;
    cfg.defer_log = true; /* a practice log another program holds must not delay the first frame */
    if (!app_init(&L->a, &cfg))
        return false;
    L->ending.a = &L->a;
    L->a.arg.cycles = o->cycles;
    if (L->present && ctl_open(&L->ctl, L->pw.display, L->fonts)) {
        int cw, ch;
        SDL_GetWindowSize(L->ctl.win, &cw, &ch);
        app_control_window(&L->a, cw, ch);
    }
    app_update(&L->a, live_now(L));
    L->reload_at = GW_NEVER;
    if (o->preview) {
        L->watch = plat_watch_open(o->preview);
        preview_reload(&L->a, &L->packs, o);
    } else if (o->exercise)
        app_start_chosen(&L->a, o->exercise);
    { breath_kind rk; app_pacer_rumble(&L->a, &L->rumbled, &rk); }
    L->full = true;
    /* GW_FRAME_LOG=FILE: one line per pass of the loop, "seconds work-us drawn redrawn-px"
     * (bench/run.sh takes the frame-time distribution from it) */
    const char *flog_path = getenv("GW_FRAME_LOG");
    L->flog = flog_path && *flog_path ? fopen(flog_path, "w") : NULL;
    if (L->flog)
        fprintf(stderr, "groundwork: frames are sent with %s\n", plat_render_present_kind(L->pr));
    L->wait = plat_wait_for(L->pw.win, L->pr);
    return true;
}

/* Once the first frame is shown: full screen, sound and gamepads, which take a while
 * (enumerating input devices, opening the sound device) and need not delay it. */
static void live_first_frame_shown(live *L)
{
    if (L->full || L->started)
        return;
    L->started = true;
    plat_window_shown(&L->pw);
    plat_audio_start(L->audio);
    if (plat_audio_problem(L->audio))
        fprintf(stderr, "groundwork: %s (continuing without sound)\n", plat_audio_problem(L->audio));
    plat_pad_start(&L->pads);
    app_home_first_frame(&L->a);
}

/* How long to sleep: until the app's next change, a file to look at or reload, or the
 * cursor to hide; at once after a full redraw is due, at most IDLE_WAIT_MS. */
static int live_timeout(live *L)
{
    gw_ns now = live_now(L);
    gw_ns wake = app_next_change(&L->a);
    if (L->watch && wake > now + GW_MSEC(250))
        wake = now + GW_MSEC(250); /* preview: look for changed files */
    if (L->reload_at < wake)
        wake = L->reload_at;
    if (plat_window_next_change(&L->pw) < wake)
        wake = plat_window_next_change(&L->pw);
    int timeout;
    if (L->full)
        timeout = 0;
    else if (wake == GW_NEVER)
        timeout = IDLE_WAIT_MS;
    else {
        gw_ns d = (wake - now + GW_NS_PER_MS - 1) / GW_NS_PER_MS;
        timeout = d < 0 ? 0 : d > IDLE_WAIT_MS ? IDLE_WAIT_MS : (int)d;
    }
    plat_pad_read(&L->pads, now, &timeout);
    return timeout;
}

/* One event: the control window's, the window's own, then the app's. */
static void live_event(live *L, const SDL_Event *ev)
{
    L->a.now = live_now(L);
    if (ctl_event(&L->ctl, &L->a, ev)) /* present: the control window's own */
        return;
    if (ev->type == SDL_WINDOWEVENT &&
        (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || ev->window.event == SDL_WINDOWEVENT_EXPOSED)) {
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            plat_render_resize(L->pr, ev->window.data1, ev->window.data2);
        L->full = true;
    }
    plat_pad_event(&L->pads, ev);
    plat_window_event(&L->pw, ev, live_now(L));
    gw_event ge;
    L->a.now = live_now(L);
    if (!plat_input_translate(ev, L->a.w, L->a.h, &ge))
        return;
    if (ge.type == EV_AUDIO_DEVICE) { /* sound goes, or comes back */
        plat_audio_device_changed(L->audio, ge.added);
        ge.live = plat_audio_live(L->audio);
    }
    app_event(&L->a, &ge);
}

/* Signals noted since the last pass: traced, and the run ended if they end it. */
static void live_signals(live *L)
{
    for (int sig; (sig = run_guard_signal_take()) != 0;) {
        bool ends = signal_ends(sig, L->kiosk);
        L->a.now = live_now(L);
        trace_begin(L->tr, L->a.now, "signal");
        trace_str(L->tr, "signal", run_guard_signal_name(sig));
        trace_str(L->tr, "action", ends ? "exit" : "ignored");
        trace_end(L->tr);
        if (ends && !L->a.end.quit) {
            app_keep_typed(&L->a);          /* a note being typed is saved */
            app_end_exercise(&L->a, false); /* as left: its session gets its end */
            app_request_quit(&L->a, "signal");
            L->exit_signal = sig;
        }
    }
}

/* preview: files changed are reloaded a moment later; a kiosk's cursor hides. */
static void live_timers(live *L)
{
    if (plat_watch_changed(L->watch))
        L->reload_at = live_now(L) + GW_MSEC(150); /* let an editor finish saving */
    if (live_now(L) >= L->reload_at) {
        L->reload_at = GW_NEVER;
        preview_reload(&L->a, &L->packs, L->o);
    }
    plat_window_tick(&L->pw, live_now(L));
}

/* What the app asked to be heard since the last pass, played. */
static void live_sound(live *L)
{
    plat_audio_play(L->audio, &L->sound);
    sound_clear(&L->sound);
    run_speech_pass(&L->speech, L->a.view.say);
}

/* The app updated, its sound played, its rumble given to the gamepads, its frames drawn and presented. */
static void live_frame(live *L)
{
    gw_ns work0 = plat_now();
    app_update(&L->a, work0 - L->t0);
    live_sound(L);
    plat_audio_idle(L->audio);
    int seq;
    breath_kind rk;
    bool on = app_pacer_rumble(&L->a, &seq, &rk);
    if (seq != L->rumbled) {
        L->rumbled = seq;
        if (on)
            plat_pad_rumble(&L->pads, rk);
    }
    draw_list *next = &L->frame[L->cur ^ 1];
    app_draw(&L->a, next);
    app_check_drawn(&L->a, next);
    bool drawn = plat_render_frame(L->pr, L->full ? NULL : &L->frame[L->cur], next, NULL);
    if (drawn)
        L->cur ^= 1;
    if (L->flog)
        fprintf(L->flog, "%.4f %.1f %d %.0f\n", (double)(work0 - L->t0) / 1e9, (double)(plat_now() - work0) / 1e3,
                drawn, drawn ? (double)plat_render_drawn_px(L->pr) : 0.0);
    if (L->flog && ++L->flog_lines % 60 == 0)
        fflush(L->flog); /* a kiosk is stopped with SIGKILL */
    L->full = false;
    ctl_frame(&L->ctl, &L->a);
}

static void live_close(live *L)
{
    if (L->flog) {
        fclose(L->flog);
        fprintf(stderr, "groundwork: %lu frames waited for the display to take the one before\n",
                plat_render_present_waits(L->pr));
    }
    trace_begin(L->tr, L->a.now, "exit");
    trace_str(L->tr, "reason", L->a.end.reason);
    if (L->exit_signal)
        trace_str(L->tr, "signal", run_guard_signal_name(L->exit_signal));
    trace_end(L->tr);
    plat_watch_close(L->watch);
    run_speech_pass(&L->speech, L->a.view.say); /* a last "Session saved" said */
    run_speech_end(&L->speech);
    app_free(&L->a);
    L->ending.a = NULL;
    live_sound(L); /* the exercise's sound stopped, as the app left it */
    sound_free(&L->sound);
    ctl_close(&L->ctl);
    draw_free(&L->frame[0]);
    draw_free(&L->frame[1]);
    plat_render_free(L->pr);
    pack_set_free(&L->packs);
    plat_audio_close(L->audio);
    L->ending.tr = NULL;
    trace_close(L->tr);
    plat_window_close(&L->pw);
    SDL_Quit();
    run_guard_signals_stop();
}

int run_live(const run_options *o)
{
    app_export_async(true); /* Settings' Save window on a thread: this window keeps drawing */
    app_hr_async(true);     /* and the heart-rate sensor's first look is not waited for */
    live L = { .o = o, .kiosk = o->mode && !strcmp(o->mode, "kiosk"), .present = o->mode && !strcmp(o->mode, "present") };
    if (!live_open_display(&L))
        return 1;
    if (!live_open_app(&L)) {
        live_close(&L);
        return 1;
    }
    while (!L.a.end.quit) {
        live_first_frame_shown(&L);
        SDL_Event ev;
        if (plat_wait_event(&L.wait, &ev, live_timeout(&L)))
            do
                live_event(&L, &ev);
            while (plat_wait_more(&L.wait, &ev));
        live_signals(&L);
        live_timers(&L);
        live_frame(&L);
    }
    live_close(&L);
    return 0;
}
