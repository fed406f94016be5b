#include "app/run_guard.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_syswm.h>
#ifdef GW_HAVE_X11
#include <X11/Xlib.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- signals ------------------------------------------------------------------ */

static const int SIGS[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE };
static const char *const SIG_NAMES[] = { "SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGPIPE" };
#define NSIGS ((int)(sizeof SIGS / sizeof SIGS[0]))

static volatile sig_atomic_t noted[NSIGS];
static int sig_pipe[2] = { -1, -1 };
static SDL_Thread *waker;
static Uint32 wake_type;

static void on_signal(int sig)
{
    int saved = errno;
    for (int i = 0; i < NSIGS; i++)
        if (SIGS[i] == sig)
            noted[i] = 1;
    unsigned char b = (unsigned char)sig;
    ssize_t r = write(sig_pipe[1], &b, 1); /* non-blocking: a full pipe already wakes the reader */
    (void)r;
    errno = saved;
}

bool run_guard_signals_start(void)
{
    if (pipe(sig_pipe) != 0) {
        sig_pipe[0] = sig_pipe[1] = -1;
        return false;
    }
    fcntl(sig_pipe[0], F_SETFD, FD_CLOEXEC);
    fcntl(sig_pipe[1], F_SETFD, FD_CLOEXEC);
    fcntl(sig_pipe[1], F_SETFL, fcntl(sig_pipe[1], F_GETFL) | O_NONBLOCK);
    /* SDL would turn SIGINT and SIGTERM into a quit request the kiosk refuses, and leave
     * the others to kill the program */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigfillset(&sa.sa_mask);
    for (int i = 0; i < NSIGS; i++)
        sigaction(SIGS[i], &sa, NULL);
    return true;
}

/* Reads signal numbers from the pipe and wakes the loop for each; a 0 ends it. */
static int wake_loop(void *unused)
{
    (void)unused;
    unsigned char b;
    for (;;) {
        ssize_t r = read(sig_pipe[0], &b, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || b == 0)
            return 0;
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = wake_type;
        SDL_PushEvent(&ev);
    }
}

void run_guard_signals_wake(void)
{
    if (sig_pipe[0] < 0 || waker)
        return;
    wake_type = SDL_RegisterEvents(1);
    if (wake_type == (Uint32)-1)
        return; /* the loop still sees noted signals at its next wake, within 5 s */
    waker = SDL_CreateThread(wake_loop, "signals", NULL);
}

int run_guard_signal_take(void)
{
    for (int i = 0; i < NSIGS; i++)
        if (noted[i]) {
            noted[i] = 0;
            return SIGS[i];
        }
    return 0;
}

const char *run_guard_signal_name(int sig)
{
    for (int i = 0; i < NSIGS; i++)
        if (SIGS[i] == sig)
            return SIG_NAMES[i];
    return "signal";
}

void run_guard_signals_stop(void)
{
    if (sig_pipe[0] < 0)
        return;
    for (int i = 0; i < NSIGS; i++)
        signal(SIGS[i], SIG_DFL);
    if (waker) {
        unsigned char end = 0;
        while (write(sig_pipe[1], &end, 1) < 0 && errno == EINTR)
            ;
        SDL_WaitThread(waker, NULL);
        waker = NULL;
    }
    close(sig_pipe[0]);
    close(sig_pipe[1]);
    sig_pipe[0] = sig_pipe[1] = -1;
}

/* ---- the display ---------------------------------------------------------------- */

static char deadline_msg[512];
static size_t deadline_len;

static void on_deadline(int sig)
{
    (void)sig;
    ssize_t r = write(STDERR_FILENO, deadline_msg, deadline_len);
    (void)r;
    _exit(1);
}

static const char *env_or(const char *name, const char *none)
{
    const char *v = getenv(name);
    return v && *v ? v : none;
}

void run_guard_deadline_start(int seconds)
{
    snprintf(deadline_msg, sizeof deadline_msg,
             "groundwork: the display (DISPLAY=%s, WAYLAND_DISPLAY=%s) did not answer within %d s: check that "
             "its server is running and not stopped; render, play, validate and list need no display\n",
             env_or("DISPLAY", "unset"), env_or("WAYLAND_DISPLAY", "unset"), seconds);
    deadline_len = strlen(deadline_msg);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_deadline;
    sigaction(SIGALRM, &sa, NULL);
    alarm((unsigned)seconds);
}

void run_guard_deadline_stop(void)
{
    alarm(0);
    signal(SIGALRM, SIG_DFL);
}

static bool invisible(const char *driver)
{
    return driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy"));
}

void run_guard_no_display(char *buf, size_t n, const char *sdl_err)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    const char *x = env_or("DISPLAY", NULL), *w = env_or("WAYLAND_DISPLAY", NULL);
    const char *need = "render, play, validate and list need no display";
    if (invisible(drv))
        snprintf(buf, n, "groundwork: SDL_VIDEODRIVER=%s shows no window: unset it to open one on your display (%s)",
                 drv, need);
    else if (drv && *drv && strchr(drv, ','))
        snprintf(buf, n, "groundwork: none of SDL_VIDEODRIVER=%s opened a window you can see (DISPLAY=%s, "
                 "WAYLAND_DISPLAY=%s); %s", drv, x ? x : "unset", w ? w : "unset", need);
    else if (!x && !w)
        snprintf(buf, n, "groundwork: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set): "
                 "start Groundwork from a desktop session, or set DISPLAY (X11) or WAYLAND_DISPLAY (Wayland); %s",
                 need);
    else
        snprintf(buf, n, "groundwork: cannot open a window on the display (DISPLAY=%s, WAYLAND_DISPLAY=%s)%s%s: check "
                 "that its server is running and that this user may use it (XAUTHORITY, xhost); %s",
                 x ? x : "unset", w ? w : "unset", sdl_err && *sdl_err ? ": " : "", sdl_err ? sdl_err : "", need);
}

bool run_guard_pick_driver(char *buf, size_t n)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    if (drv && *drv)
        return true; /* as asked */
    bool x = env_or("DISPLAY", NULL) != NULL, w = env_or("WAYLAND_DISPLAY", NULL) != NULL;
    if (!x && !w) {
        run_guard_no_display(buf, n, NULL);
        return false;
    }
    /* only the one named: a refusal is then said once, without the other's complaint */
    if (x != w)
        SDL_SetHint(SDL_HINT_VIDEODRIVER, x ? "x11" : "wayland");
    return true;
}

bool run_guard_display_usable(char *buf, size_t n)
{
    const char *d = SDL_GetCurrentVideoDriver(), *asked = getenv("SDL_VIDEODRIVER");
    if (d && !invisible(d))
        return true;
    if (d && asked && !strcmp(asked, d)) {
        /* asked for by name (tests of the live program): not a fallback */
        fprintf(stderr, "groundwork: SDL_VIDEODRIVER=%s: the window is shown nowhere, as asked\n", d);
        return true;
    }
    run_guard_no_display(buf, n, NULL);
    return false;
}

#ifdef GW_HAVE_X11
static void (*lost_fn)(void *ctx);
static void *lost_ctx;
static int x_errors;

/* A request the server refused (a window gone, a stale window manager's note) is not a
 * reason to end: Xlib's default handler would exit at once, unlogged. */
static int on_x_error(Display *d, XErrorEvent *e)
{
    if (x_errors++ < 5) {
        char text[128] = "";
        XGetErrorText(d, e->error_code, text, sizeof text);
        fprintf(stderr, "groundwork: the X server refused a request (%s, request %d); going on\n", text,
                (int)e->request_code);
    }
    return 0;
}

/* The connection is gone: nothing more can be drawn. Xlib exits if this returns. */
static int on_x_io_error(Display *d)
{
    fprintf(stderr, "groundwork: the display %s went away (its X server closed the connection); the program ends\n",
            DisplayString(d));
    if (lost_fn)
        lost_fn(lost_ctx);
    _exit(1);
}
#endif

void run_guard_x11(SDL_Window *win, void (*lost)(void *ctx), void *ctx)
{
#ifdef GW_HAVE_X11
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11)
        return;
    lost_fn = lost;
    lost_ctx = ctx;
    XSetErrorHandler(on_x_error);
    XSetIOErrorHandler(on_x_io_error);
#else
    (void)win;
    (void)lost;
    (void)ctx;
#endif
}
