/* run_guard: what keeps the live program from dying unlogged, or living unseen.
 *
 * Signals: a handler only notes the signal and writes its number to a pipe; a small
 * thread reads the pipe and pushes an SDL event, so the loop wakes wherever it waits and
 * decides (run_guard_signal_take) what the signal means in its mode.
 * The display: before SDL starts, a deadline (a server that accepts the connection and
 * never answers ends the start with one line, exit 1); after, SDL's invisible drivers
 * (offscreen, dummy) are refused; X protocol errors are reported and survived, and the X
 * server going away calls the runner back to end cleanly.
 *
 * Ownership: the state is process-wide (signals are); one live run at a time. */
#ifndef GW_RUN_GUARD_H
#define GW_RUN_GUARD_H
#include <stdbool.h>
#include <stddef.h>

typedef struct SDL_Window SDL_Window;

/* Installs the handlers for SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and
 * SIGPIPE and tells SDL to leave them alone. Call before SDL_Init (and before any thread
 * starts). False, with SDL's default handling kept, when the pipe cannot be made. */
bool run_guard_signals_start(void);
/* After SDL_Init: the thread that turns noted signals into SDL events. */
void run_guard_signals_wake(void);
/* The next signal noted and not yet taken, 0 when none. */
int  run_guard_signal_take(void);
/* "SIGTERM", ...; "signal" for one not in the set. */
const char *run_guard_signal_name(int sig);
/* Restores the default handling and stops the thread. */
void run_guard_signals_stop(void);

/* Before SDL_Init: if the display has not given a window within seconds, one line on
 * stderr and exit 1 (a server that took the connection and never answers). */
void run_guard_deadline_start(int seconds);
void run_guard_deadline_stop(void);

/* The one line that says what to do when no display can be used; sdl_err is SDL's
 * reason, or NULL. */
void run_guard_no_display(char *buf, size_t n, const char *sdl_err);
/* Before SDL_Init: false (with the line in buf) when there is no display to try (neither
 * DISPLAY nor WAYLAND_DISPLAY, and no SDL_VIDEODRIVER); else, when only one of them is set
 * (and no SDL_VIDEODRIVER), SDL is told to try only that one. */
bool run_guard_pick_driver(char *buf, size_t n);
/* After SDL_Init: false (with the line in buf) when SDL fell back to a driver that shows
 * nothing (offscreen, dummy); one named by SDL_VIDEODRIVER is used, and said so. */
bool run_guard_display_usable(char *buf, size_t n);

/* After the window exists (X11 only; elsewhere nothing): protocol errors are written to
 * stderr and the program goes on; the server going away calls lost(ctx), which ends the
 * run without touching the display, and then the process exits 1. */
void run_guard_x11(SDL_Window *win, void (*lost)(void *ctx), void *ctx);

#endif
