/* plat_window: see plat_window.h. */
#include "platform/plat_window.h"

#include <SDL2/SDL_syswm.h>
#include <stdio.h>
#ifdef GW_HAVE_X11
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#endif

bool plat_window_open(plat_window *pw, const plat_window_spec *s)
{
    *pw = (plat_window){ .kiosk = s->kiosk, .cursor_for = s->cursor_for, .cursor_until = GW_NEVER };
    int displays = SDL_GetNumVideoDisplays();
    int disp = (s->display >= 0 && s->display < displays) ? s->display : 0;
    if (s->display >= displays)
        fprintf(stderr, "groundwork: there is no display %d; using display 0\n", s->display);
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = s->w > 0 ? s->w : 1280, h = s->h > 0 ? s->h : 720;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(disp), y = x;
    SDL_Rect bounds;
    if ((s->cover || (s->cover_two && displays > 1)) && SDL_GetDisplayBounds(disp, &bounds) == 0) {
        /* sized to the display as well as asking for full screen, so that it covers the
         * screen even where no window manager honours the request (a bare X server) */
        flags = SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALLOW_HIGHDPI;
        pw->want_full = true;
        x = bounds.x;
        y = bounds.y;
        w = bounds.w;
        h = bounds.h;
    }
    pw->win = SDL_CreateWindow("Groundwork", x, y, w, h, flags);
    if (!pw->win)
        return false;
    pw->display = disp;
    pw->displays = displays;
    SDL_SetWindowMinimumSize(pw->win, 480, 320);
    if (s->kiosk) {
        SDL_SetWindowKeyboardGrab(pw->win, SDL_TRUE);
        SDL_ShowCursor(SDL_DISABLE);
    }
    return true;
}

void plat_window_close(plat_window *pw)
{
    if (pw->win)
        SDL_DestroyWindow(pw->win);
    pw->win = NULL;
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
#else
    (void)win;
#endif
    return true;
}

void plat_window_shown(plat_window *pw)
{
    /* asked for after the first frame is shown: a window manager may take a while to
     * answer */
    if (pw->want_full && has_window_manager(pw->win))
        SDL_SetWindowFullscreen(pw->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    pw->want_full = false;
}

void plat_window_event(plat_window *pw, const SDL_Event *ev, gw_ns now)
{
    if (!pw->kiosk)
        return;
    if (ev->type == SDL_MOUSEMOTION && ev->motion.which != SDL_TOUCH_MOUSEID) {
        SDL_ShowCursor(SDL_ENABLE);
        pw->cursor_until = now + pw->cursor_for;
    }
    if (ev->type == SDL_WINDOWEVENT && ev->window.event == SDL_WINDOWEVENT_FOCUS_LOST)
        SDL_RaiseWindow(pw->win); /* stay in front; the hint keeps it from minimizing */
}

gw_ns plat_window_next_change(const plat_window *pw) { return pw->cursor_until; }

void plat_window_tick(plat_window *pw, gw_ns now)
{
    if (now >= pw->cursor_until) {
        SDL_ShowCursor(SDL_DISABLE);
        pw->cursor_until = GW_NEVER;
    }
}

SDL_Window *plat_window_open_second(int client_display, const char *title, int w, int h)
{
    int n = SDL_GetNumVideoDisplays(), d = client_display == 0 ? 1 : 0;
    if (n < 2)
        return NULL;
    /* Displays that overlap are mirrored (the client would see this window too) or X
     * screens of their own, where SDL places every window on the first. */
    SDL_Rect cb, ob;
    if (SDL_GetDisplayBounds(client_display, &cb) == 0 && SDL_GetDisplayBounds(d, &ob) == 0 &&
        SDL_HasIntersection(&cb, &ob))
        return NULL;
    SDL_Rect b;
    if (SDL_GetDisplayUsableBounds(d, &b) == 0) {
        w = b.w < w ? b.w : w;
        h = b.h < h ? b.h : h;
    }
    SDL_Window *win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED_DISPLAY(d), SDL_WINDOWPOS_CENTERED_DISPLAY(d), w,
                                       h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (win)
        SDL_SetWindowMinimumSize(win, 640, 400);
    return win;
}

Uint32 plat_window_of_event(const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_WINDOWEVENT: return ev->window.windowID;
    case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: return ev->button.windowID;
    case SDL_MOUSEMOTION: return ev->motion.windowID;
    case SDL_MOUSEWHEEL: return ev->wheel.windowID;
    case SDL_FINGERDOWN: case SDL_FINGERUP: case SDL_FINGERMOTION: return ev->tfinger.windowID;
    default: return 0;
    }
}
