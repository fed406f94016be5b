/* The live program: a window, the 64-bit monotonic clock, and a loop that sleeps in
 * SDL_WaitEventTimeout until input arrives or the screen is due to change. A frame in
 * which nothing changed is not drawn; a changed frame redraws only its dirty part. */
#include <SDL2/SDL.h>
#include <SDL2/SDL_syswm.h>
#ifdef GW_HAVE_X11
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#endif
#include <sys/inotify.h>
#include <signal.h>
#include <unistd.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/app_export.h"
#include "app/run.h"
#include "app/run_guard.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_audio.h"
#include "platform/plat_clock.h"
#include "platform/plat_input.h"
#include "platform/plat_render.h"

#define IDLE_WAIT_MS 5000

static void open_controllers(void)
{
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        if (SDL_IsGameController(i))
            SDL_GameControllerOpen(i);
}

/* Gamepads are read by the loop (SDL_HINT_AUTO_UPDATE_JOYSTICKS off), not by SDL at
 * every look for events: SDL would look at the input devices (udev) at every frame and,
 * with a gamepad connected, wait for events by waking every millisecond. With one
 * connected they are read before every wait and waits last at most PAD_POLL_MS, so a
 * button is seen within a frame while a figure moves and within 50 ms on a still
 * screen; with none, the device list is looked at every PAD_SCAN_MS for one plugged in
 * (and at every wake of a still screen, at most IDLE_WAIT_MS apart). */
#define PAD_POLL_MS 50
#define PAD_SCAN_MS 1000

typedef struct pad_reader {
    bool on;     /* the gamepad subsystem is running */
    gw_ns next;  /* none connected: look for one from then on */
} pad_reader;

static void pads_start(pad_reader *p)
{
    SDL_SetHint(SDL_HINT_AUTO_UPDATE_JOYSTICKS, "0");
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0) {
        SDL_LogWarn(SDL_LOG_CATEGORY_INPUT, "No gamepad support: %s", SDL_GetError());
        return;
    }
    p->on = true;
    open_controllers();
}

/* Reads the gamepads (their events are then queued) when it is time to; with one
 * connected, the coming wait is cut to PAD_POLL_MS. */
static void pads_read(pad_reader *p, gw_ns now, int *timeout)
{
    if (!p->on)
        return;
    bool connected = SDL_NumJoysticks() > 0;
    if (connected && *timeout > PAD_POLL_MS)
        *timeout = PAD_POLL_MS;
    if (!connected && now < p->next)
        return;
    SDL_GameControllerUpdate();
    p->next = now + GW_MSEC(PAD_SCAN_MS);
}

/* pacer (issue 4): a short rumble on each phase change, stronger and lower breathing
 * in, lighter and longer breathing out, a faint tap for holds. */
static void rumble_phase(breath_kind k)
{
    Uint16 lo = 0x1800, hi = 0x0800;
    Uint32 ms = 90;
    if (k == BREATH_INHALE || k == BREATH_TOPUP) {
        lo = 0x6000;
        hi = 0x1000;
        ms = 160;
    } else if (k == BREATH_EXHALE) {
        lo = 0x1000;
        hi = 0x4000;
        ms = 260;
    }
    for (int i = 0; i < SDL_NumJoysticks(); i++) {
        SDL_GameController *gc = SDL_GameControllerFromInstanceID(SDL_JoystickGetDeviceInstanceID(i));
        if (gc && SDL_GameControllerHasRumble(gc))
            SDL_GameControllerRumble(gc, lo, hi, ms);
    }
}

/* preview: a folder watch (the pack folder and its immediate subfolders) */
static int watch_open(const char *dir)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return -1;
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY;
    inotify_add_watch(fd, dir, mask);
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char sub[PATH_MAX];
        if (paths_join(sub, sizeof sub, dir, de->d_name))
            inotify_add_watch(fd, sub, mask | IN_ONLYDIR);
    }
    if (d)
        closedir(d);
    return fd;
}

static bool watch_changed(int fd)
{
    char buf[4096];
    bool any = false;
    while (fd >= 0 && read(fd, buf, sizeof buf) > 0)
        any = true;
    return any;
}

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

/* present (issue 8): with a second display, the therapist's controls get a window of
 * their own there, and the client's display shows only the client view. */
typedef struct ctl_window {
    SDL_Window *win;
    plat_render *pr;
    draw_list frame[2];
    int cur;
    bool full;
} ctl_window;

static bool ctl_open(ctl_window *c, int client_disp, const char *fonts)
{
    int n = SDL_GetNumVideoDisplays(), d = client_disp == 0 ? 1 : 0;
    if (n < 2)
        return false;
    /* Displays that overlap are mirrored (the client would see the controls' window
     * too) or X screens of their own, where SDL places every window on the first: the
     * controls then stay beside the client view. */
    SDL_Rect cb, ob;
    if (SDL_GetDisplayBounds(client_disp, &cb) == 0 && SDL_GetDisplayBounds(d, &ob) == 0 &&
        SDL_HasIntersection(&cb, &ob))
        return false;
    SDL_Rect b;
    int w = 1280, h = 720;
    if (SDL_GetDisplayUsableBounds(d, &b) == 0) {
        w = b.w < w ? b.w : w;
        h = b.h < h ? b.h : h;
    }
    c->win = SDL_CreateWindow("Groundwork: therapist controls", SDL_WINDOWPOS_CENTERED_DISPLAY(d),
                              SDL_WINDOWPOS_CENTERED_DISPLAY(d), w, h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!c->win)
        return false;
    SDL_SetWindowMinimumSize(c->win, 640, 400);
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
    if (!c->win)
        return false;
    Uint32 id = SDL_GetWindowID(c->win), wid = 0;
    switch (ev->type) {
    case SDL_WINDOWEVENT: wid = ev->window.windowID; break;
    case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: wid = ev->button.windowID; break;
    case SDL_MOUSEMOTION: wid = ev->motion.windowID; break;
    case SDL_MOUSEWHEEL: wid = ev->wheel.windowID; break;
    case SDL_FINGERDOWN: case SDL_FINGERUP: case SDL_FINGERMOTION: wid = ev->tfinger.windowID; break;
    default: return false;  /* keys and text act the same from either window */
    }
    if (wid != id)
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

#ifdef GW_HAVE_X11
/* The window an EWMH property of w names, or None. */
static Window wm_check_window(Display *d, Window w, Atom check)
{
    Atom type = None;
    int format = 0;
    unsigned long n = 0, after = 0;
    unsigned char *data = NULL;
    Window out = None;
    if (XGetWindowProperty(d, w, check, 0, 1, False, XA_WINDOW, &type, &format, &n, &after, &data) == Success &&
        type == XA_WINDOW && format == 32 && n == 1 && data)
        out = (Window)((unsigned long *)(void *)data)[0];
    if (data)
        XFree(data);
    return out;
}
#endif

/* Whether a window manager looks after the display's windows. An EWMH one announces
 * itself on the root window (and on its own window, so a stale note of one that has
 * gone is not believed). On a bare X server (a kiosk started by xinit) a window sized
 * to the display already covers it, and asking for full screen would only make SDL
 * wait for a change that never comes (100 ms). Elsewhere, assume there is one. */
static bool has_window_manager(SDL_Window *win)
{
#ifdef GW_HAVE_X11
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(win, &info) && info.subsystem == SDL_SYSWM_X11) {
        Display *d = info.info.x11.display;
        Atom check = XInternAtom(d, "_NET_SUPPORTING_WM_CHECK", False);
        Window child = wm_check_window(d, DefaultRootWindow(d), check);
        return child != None && wm_check_window(d, child, check) == child;
    }
#endif
    return true;
}

/* While a figure moves, the loop wakes about 60 times a second, and SDL_WaitEventTimeout
 * looks for events three times on each wake (each a flush and several reads of the X
 * connection). For such short waits the loop sleeps for the wait and then looks for
 * events once: input that came meanwhile is handled at the frame it is due for, at most
 * one wait (a frame while a figure moves) later. It does not sleep on the display
 * connection: the display answers each frame sent (plat_present's completion event) a
 * moment later, and waking for that would cost as much as the round trip it replaces.
 * When that answer is all the display sent, SDL is not asked to look for events at
 * all, except every PUMP_MS (SDL also keeps the screen saver away, and turns a
 * termination signal into a quit request, when it looks). Longer waits (a still
 * screen) stay with SDL_WaitEventTimeout, which wakes at once for input. */
#define SHORT_WAIT_MS 40
#define PUMP_MS 250

typedef struct display_wait {
    bool x11;
    plat_render *pr;
    gw_ns pumped;  /* when SDL last looked for events */
} display_wait;

static display_wait display_wait_for(SDL_Window *win, plat_render *pr)
{
    display_wait w = { false, pr, 0 };
    if (getenv("GW_SDL_WAIT"))  /* measurement: SDL's own wait throughout */
        return w;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    w.x11 = SDL_GetWindowWMInfo(win, &info) && info.subsystem == SDL_SYSWM_X11;
    return w;
}

/* The next event already queued in SDL, without looking for new ones. */
static bool next_event(SDL_Event *ev)
{
    return SDL_PeepEvents(ev, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0;
}

/* Sleeps ms (unless an event is already queued), then fetches one event, if any. */
static bool display_wait_event(display_wait *w, SDL_Event *ev, int ms)
{
    if (next_event(ev))
        return true;
    SDL_Delay((Uint32)ms);
    gw_ns now = plat_now();
    if (plat_render_present_collect(w->pr) != 0 || now - w->pumped >= GW_MSEC(PUMP_MS)) {
        SDL_PumpEvents();
        w->pumped = now;
    }
    return next_event(ev);
}

/* On a failed start: lets the loader finish and drops what it read. */
static void content_drop(SDL_Thread *loader, pack_set *packs)
{
    if (loader)
        SDL_WaitThread(loader, NULL);
    pack_set_free(packs);
}

/* A display that has not given a window in this long ends the start (exit 1). */
#define DISPLAY_DEADLINE_S 6

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

int run_live(const run_options *o)
{
    app_export_async(true); /* Settings' Save window on a thread: this window keeps drawing */
    bool kiosk = o->mode && !strcmp(o->mode, "kiosk");
    bool present = o->mode && !strcmp(o->mode, "present");
    pack_set packs = { 0 };
    content_job job = { &packs, o };
    /* before any thread starts, so that each inherits the handling */
    run_guard_signals_start();
    /* the data folder is looked up (and remembered) before the loader, which also asks */
    char fonts[PATH_MAX];
    snprintf(fonts, sizeof fonts, "%s", paths_font_dir());
    SDL_Thread *loader = SDL_CreateThread(content_thread, "content", &job);
    if (!loader)
        run_content_for(&packs, o); /* no thread: load here */
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
    if (kiosk)
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
        content_drop(loader, &packs);
        SDL_Quit();
        run_guard_signals_stop();
        return 1;
    }
    run_guard_signals_wake();

    int displays = SDL_GetNumVideoDisplays();
    int disp = (o->display >= 0 && o->display < displays) ? o->display : 0;
    if (o->display >= displays)
        fprintf(stderr, "groundwork: there is no display %d; using display 0\n", o->display);
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = o->w > 0 ? o->w : 1280, h = o->h > 0 ? o->h : 720;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(disp), y = x;
    SDL_Rect bounds;
    bool want_full = false;
    /* present with a second display: the client's display is given over to the client view */
    if ((o->fullscreen || kiosk || (present && displays > 1)) && SDL_GetDisplayBounds(disp, &bounds) == 0) {
        /* sized to the display as well as asking for full screen, so that it covers the
         * screen even where no window manager honours the request (a bare X server) */
        flags = SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALLOW_HIGHDPI;
        want_full = true;
        x = bounds.x;
        y = bounds.y;
        w = bounds.w;
        h = bounds.h;
    }
    SDL_Window *win = SDL_CreateWindow("Groundwork", x, y, w, h, flags);
    if (!win) {
        fprintf(stderr, "groundwork: cannot open a window: %s\n", SDL_GetError());
        run_guard_deadline_stop();
        content_drop(loader, &packs);
        SDL_Quit();
        run_guard_signals_stop();
        return 1;
    }
    live_end ending = { 0 };
    run_guard_x11(win, display_lost, &ending);
    SDL_SetWindowMinimumSize(win, 480, 320);
    if (kiosk) {
        SDL_SetWindowKeyboardGrab(win, SDL_TRUE);
        SDL_ShowCursor(SDL_DISABLE);
    }
    SDL_GetWindowSize(win, &w, &h);

    trace *tr = NULL;
    if (o->trace && !(tr = trace_open(o->trace)))
        fprintf(stderr, "groundwork: cannot write the trace %s\n", o->trace);
    ending.tr = tr;
    /* the sound device is opened once the first frame is shown (or at the first sound
     * asked for, whichever comes first): opening it takes a while and nothing is heard
     * in the first frame */
    plat_audio *audio = plat_audio_open_later();
    /* the window's image is set up (round trips to the display) while the content may
     * still be loading */
    plat_render *pr = plat_render_new_window(win, fonts);
    run_guard_deadline_stop();
    if (loader)
        SDL_WaitThread(loader, NULL);
    run_print_diags(&packs.diags);
    if (!pr) {
        fprintf(stderr, "groundwork: cannot draw in the window: %s\n", SDL_GetError());
        ending.tr = NULL;
        pack_set_free(&packs);
        plat_audio_close(audio);
        trace_close(tr);
        SDL_DestroyWindow(win);
        SDL_Quit();
        run_guard_signals_stop();
        return 1;
    }

    app a;
    gw_ns t0 = plat_now();
    app_config cfg = { .mode = o->mode, .w = w, .h = h, .theme = o->theme, .lang = o->lang, .text_pct = o->text_pct,
                       .packs = &packs, .tr = tr, .audio = audio };
    cfg.kiosk_config = o->config;
    cfg.plan_dir = o->plan_dir;
    cfg.reload = o->preview ? NULL : run_reload_content;
    cfg.reload_ctx = (void *)o;
    cfg.kiosk_wall_live = true;
    cfg.home_flow = true;
    cfg.welcome = !o->preview;
    cfg.defer_log = true; /* a practice log another program holds must not delay the first frame */
    app_init(&a, &cfg);
    ending.a = &a;
    a.cycles_override = o->cycles;
    ctl_window ctl = { 0 };
    if (present && ctl_open(&ctl, disp, fonts)) {
        int cw, ch;
        SDL_GetWindowSize(ctl.win, &cw, &ch);
        app_control_window(&a, cw, ch);
    }
    app_update(&a, plat_now() - t0);
    int watch = -1;
    gw_ns reload_at = GW_NEVER;
    if (o->preview) {
        watch = watch_open(o->preview);
        preview_reload(&a, &packs, o);
    } else if (o->exercise)
        app_start_chosen(&a, o->exercise);

    draw_list frame[2] = { 0 };
    int cur = 0;
    int rumbled = a.rumble_seq;
    bool full = true; /* next frame redraws everything (first, resized, exposed) */
    gw_ns cursor_until = GW_NEVER; /* kiosk: the mouse cursor hides again then */
    bool started = false;          /* gamepads and sound are started after the first frame */
    pad_reader pads = { 0 };
    /* GW_FRAME_LOG=FILE: one line per pass of the loop, "seconds work-us drawn dirty-px"
     * (bench/run.sh takes the frame-time distribution from it) */
    const char *flog_path = getenv("GW_FRAME_LOG");
    FILE *flog = flog_path && *flog_path ? fopen(flog_path, "w") : NULL;
    unsigned flog_lines = 0;
    if (flog)
        fprintf(stderr, "groundwork: frames are sent with %s\n", plat_render_present_kind(pr));
    display_wait dw = display_wait_for(win, pr);
    int exit_signal = 0; /* the signal that ended the run */
    while (!a.quit) {
        if (!full && !started) {
            /* enumerating input devices and opening the sound device take a while; the
             * first frame need not wait */
            started = true;
            /* full screen is asked for after the first frame is shown: a window manager
             * may take a while to answer */
            if (want_full && has_window_manager(win))
                SDL_SetWindowFullscreen(win, SDL_WINDOW_FULLSCREEN_DESKTOP);
            plat_audio_start(audio);
            if (plat_audio_problem(audio))
                fprintf(stderr, "groundwork: %s (continuing without sound)\n", plat_audio_problem(audio));
            pads_start(&pads);
            app_home_first_frame(&a);
        }
        gw_ns now = plat_now() - t0;
        gw_ns wake = app_next_change(&a);
        int timeout;
        if (watch >= 0 && wake > now + GW_MSEC(250))
            wake = now + GW_MSEC(250); /* preview: look for changed files */
        if (reload_at < wake)
            wake = reload_at;
        if (cursor_until < wake)
            wake = cursor_until;
        if (full)
            timeout = 0;
        else if (wake == GW_NEVER)
            timeout = IDLE_WAIT_MS;
        else {
            gw_ns d = (wake - now + GW_NS_PER_MS - 1) / GW_NS_PER_MS;
            timeout = d < 0 ? 0 : d > IDLE_WAIT_MS ? IDLE_WAIT_MS : (int)d;
        }
        pads_read(&pads, now, &timeout);
        SDL_Event ev;
        bool short_wait = dw.x11 && timeout > 0 && timeout <= SHORT_WAIT_MS;
        bool got = short_wait ? display_wait_event(&dw, &ev, timeout) : SDL_WaitEventTimeout(&ev, timeout);
        if (got) {
            do {
                a.now = plat_now() - t0;
                if (ctl_event(&ctl, &a, &ev))  /* present: the control window's own */
                    continue;
                if (ev.type == SDL_WINDOWEVENT && (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                                                   ev.window.event == SDL_WINDOWEVENT_EXPOSED)) {
                    if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                        plat_render_resize(pr, ev.window.data1, ev.window.data2);
                    full = true;
                }
                if (ev.type == SDL_CONTROLLERDEVICEADDED)
                    SDL_GameControllerOpen(ev.cdevice.which);
                if (kiosk && ev.type == SDL_MOUSEMOTION && ev.motion.which != SDL_TOUCH_MOUSEID) {
                    SDL_ShowCursor(SDL_ENABLE);
                    cursor_until = plat_now() - t0 + KIOSK_CURSOR_NS;
                }
                if (kiosk && ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
                    SDL_RaiseWindow(win); /* stay in front; the hint keeps it from minimizing */
                gw_event ge;
                a.now = plat_now() - t0;
                if (plat_input_translate(&ev, a.w, a.h, &ge))
                    app_event(&a, &ge);
            } while (short_wait ? next_event(&ev) : SDL_PollEvent(&ev));
        }
        for (int sig; (sig = run_guard_signal_take()) != 0;) {
            bool ends = signal_ends(sig, kiosk);
            a.now = plat_now() - t0;
            trace_begin(tr, a.now, "signal");
            trace_str(tr, "signal", run_guard_signal_name(sig));
            trace_str(tr, "action", ends ? "exit" : "ignored");
            trace_end(tr);
            if (ends && !a.quit) {
                app_keep_typed(&a);          /* a note being typed is saved */
                app_end_exercise(&a, false); /* as left: its session gets its end */
                app_request_quit(&a, "signal");
                exit_signal = sig;
            }
        }
        if (watch_changed(watch))
            reload_at = plat_now() - t0 + GW_MSEC(150); /* let an editor finish saving */
        if (plat_now() - t0 >= reload_at) {
            reload_at = GW_NEVER;
            preview_reload(&a, &packs, o);
        }
        if (plat_now() - t0 >= cursor_until) {
            SDL_ShowCursor(SDL_DISABLE);
            cursor_until = GW_NEVER;
        }
        gw_ns work0 = plat_now();
        app_update(&a, work0 - t0);
        plat_audio_idle(audio);
        if (a.rumble_seq != rumbled) {
            rumbled = a.rumble_seq;
            if (!a.rumble_off)
                rumble_phase(a.rumble_kind);
        }
        draw_list *next = &frame[cur ^ 1];
        app_draw(&a, next);
        app_check_drawn(&a, next);
        gw_rect dirty = { 0 };
        bool drawn = plat_render_frame(pr, full ? NULL : &frame[cur], next, &dirty);
        if (drawn)
            cur ^= 1;
        if (flog)
            fprintf(flog, "%.4f %.1f %d %.0f\n", (double)(work0 - t0) / 1e9, (double)(plat_now() - work0) / 1e3,
                    drawn, drawn ? (double)(dirty.w * dirty.h) : 0.0);
        if (flog && ++flog_lines % 60 == 0)
            fflush(flog); /* a kiosk is stopped with SIGKILL */
        full = false;
        ctl_frame(&ctl, &a);
    }
    if (flog) {
        fclose(flog);
        fprintf(stderr, "groundwork: %lu frames waited for the display to take the one before\n",
                plat_render_present_waits(pr));
    }
    trace_begin(tr, a.now, "exit");
    trace_str(tr, "reason", a.exit_reason);
    if (exit_signal)
        trace_str(tr, "signal", run_guard_signal_name(exit_signal));
    trace_end(tr);
    if (watch >= 0)
        close(watch);
    app_free(&a);
    ending.a = NULL;
    ctl_close(&ctl);
    draw_free(&frame[0]);
    draw_free(&frame[1]);
    plat_render_free(pr);
    pack_set_free(&packs);
    plat_audio_close(audio);
    ending.tr = NULL;
    trace_close(tr);
    SDL_DestroyWindow(win);
    SDL_Quit();
    run_guard_signals_stop();
    return 0;
}
