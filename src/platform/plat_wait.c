/* plat_wait: see plat_wait.h. */
#include "platform/plat_wait.h"

#include <SDL2/SDL_syswm.h>
#include <stdlib.h>

#include "platform/plat_clock.h"

plat_wait plat_wait_for(SDL_Window *win, plat_render *pr)
{
    plat_wait w = { .pr = pr };
    if (getenv("GW_SDL_WAIT")) /* measurement: SDL's own wait throughout */
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
static bool short_wait_event(plat_wait *w, SDL_Event *ev, int ms)
{
    if (next_event(ev))
        return true;
    SDL_Delay((Uint32)ms);
    gw_ns now = plat_now();
    if (plat_render_present_collect(w->pr) != 0 || now - w->pumped >= GW_MSEC(PLAT_WAIT_PUMP_MS)) {
        SDL_PumpEvents();
        w->pumped = now;
    }
    return next_event(ev);
}

bool plat_wait_event(plat_wait *w, SDL_Event *ev, int timeout_ms)
{
    w->short_wait = w->x11 && timeout_ms > 0 && timeout_ms <= PLAT_WAIT_SHORT_MS;
    return w->short_wait ? short_wait_event(w, ev, timeout_ms) : SDL_WaitEventTimeout(ev, timeout_ms);
}

bool plat_wait_more(plat_wait *w, SDL_Event *ev)
{
    return w->short_wait ? next_event(ev) : SDL_PollEvent(ev);
}
