#include "platform/plat_present.h"
#include "platform/plat_present_wl.h"

#include <stdlib.h>
#include <string.h>

#ifdef GW_HAVE_XSHM
#include <SDL2/SDL_syswm.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#endif

struct plat_present {
    SDL_Window *win;
    SDL_Surface *surf;   /* ours over the shared image (xshm), or SDL's (not owned) */
    bool xshm;
    plat_wl *wl;         /* a Wayland window's shared-memory buffers, or NULL */
    unsigned long waits;
#ifdef GW_HAVE_XSHM
    Display *d;
    Window xw;
    Visual *visual;
    int depth;
    GC gc;
    XImage *img;
    XShmSegmentInfo seg;
    int done_type;       /* the X event type of a completion */
    bool pending;        /* a frame was sent and its completion not yet seen */
    unsigned long sent;  /* the request number of that frame's last XShmPutImage */
#endif
};

#ifdef GW_HAVE_XSHM
static int x_failed;

static int on_x_error(Display *d, XErrorEvent *e)
{
    (void)d;
    (void)e;
    x_failed = 1;
    return 0;
}

/* Detaches the segment; the XSync also sees every frame sent taken. */
static void segment_release(plat_present *p)
{
    XShmDetach(p->d, &p->seg);
    XSync(p->d, False);
    p->pending = false;
    shmdt(p->seg.shmaddr);
}

/* Releases the shared image and the surface over it. */
static void image_free(plat_present *p)
{
    if (!p->img)
        return;
    SDL_FreeSurface(p->surf);
    p->surf = NULL;
    segment_release(p);
    p->img->data = NULL; /* not XDestroyImage's to free */
    XDestroyImage(p->img);
    p->img = NULL;
}

/* A w x h shared image and a surface over its pixels; false (nothing held) on failure. */
static bool image_make(plat_present *p, int w, int h)
{
    memset(&p->seg, 0, sizeof p->seg);
    p->img = XShmCreateImage(p->d, p->visual, (unsigned)p->depth, ZPixmap, NULL, &p->seg, (unsigned)w,
                             (unsigned)h);
    if (!p->img)
        return false;
    bool attached = false;
    if (p->img->bits_per_pixel == 32) {
        p->seg.shmid = shmget(IPC_PRIVATE, (size_t)p->img->bytes_per_line * (size_t)p->img->height,
                              IPC_CREAT | 0600);
        p->seg.shmaddr = p->seg.shmid < 0 ? (char *)-1 : shmat(p->seg.shmid, NULL, 0);
        if (p->seg.shmaddr != (char *)-1) {
            p->img->data = p->seg.shmaddr;
            p->seg.readOnly = False;
            /* a display on another machine refuses the segment with an error, which
             * would otherwise end the program */
            XSync(p->d, False);
            x_failed = 0;
            int (*old)(Display *, XErrorEvent *) = XSetErrorHandler(on_x_error);
            Status ok = XShmAttach(p->d, &p->seg);
            XSync(p->d, False);
            XSetErrorHandler(old);
            attached = ok && !x_failed;
            if (!attached)
                shmdt(p->seg.shmaddr);
        }
        /* removed now, the segment goes away with the last process using it, even when
         * this one is killed */
        if (p->seg.shmid >= 0)
            shmctl(p->seg.shmid, IPC_RMID, NULL);
    }
    if (attached) {
        p->surf = SDL_CreateRGBSurfaceWithFormatFrom(p->img->data, w, h, 32, p->img->bytes_per_line,
                                                     SDL_PIXELFORMAT_XRGB8888);
        if (p->surf)
            return true;
        segment_release(p);
    }
    p->img->data = NULL; /* not XDestroyImage's to free */
    XDestroyImage(p->img);
    p->img = NULL;
    return false;
}

/* Whether this window can take our own shared image: an X11 window on a display with
 * MIT-SHM, its visual 24-bit colour laid out as XRGB (true colour, or direct colour,
 * which SDL picks where it can, with an identity colour map). */
static bool xshm_open(plat_present *p)
{
    const char *want = getenv("GW_PRESENT");
    if (want && !strcmp(want, "sdl"))
        return false;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(p->win, &info) || info.subsystem != SDL_SYSWM_X11)
        return false;
    p->d = info.info.x11.display;
    p->xw = info.info.x11.window;
    if (!XShmQueryExtension(p->d))
        return false;
    XWindowAttributes wa;
    if (!XGetWindowAttributes(p->d, p->xw, &wa))
        return false;
    Visual *v = wa.visual;
    if (!v || (v->class != TrueColor && v->class != DirectColor) || (wa.depth != 24 && wa.depth != 32) || v->red_mask != 0xff0000 ||
        v->green_mask != 0xff00 || v->blue_mask != 0xff)
        return false;
    p->visual = v;
    p->depth = wa.depth;
    p->done_type = XShmGetEventBase(p->d) + ShmCompletion;
    p->gc = XCreateGC(p->d, p->xw, 0, NULL);
    return p->gc != NULL;
}

/* Waits for the display to take the frame sent last, if it has not yet. */
static void xshm_settle(plat_present *p)
{
    if (!p->pending)
        return;
    /* the completion event has normally been read with the events by now; reading it
     * is what moves LastKnownRequestProcessed on */
    if ((long)(LastKnownRequestProcessed(p->d) - p->sent) < 0)
        XEventsQueued(p->d, QueuedAfterReading);
    if ((long)(LastKnownRequestProcessed(p->d) - p->sent) < 0) {
        XSync(p->d, False);
        p->waits++;
    }
    p->pending = false;
}
#endif

plat_present *plat_present_new(SDL_Window *win)
{
    plat_present *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->win = win;
#ifdef GW_HAVE_XSHM
    p->xshm = xshm_open(p);
#endif
    const char *want = getenv("GW_PRESENT");
    if (!p->xshm && !(want && !strcmp(want, "sdl")))
        p->wl = plat_wl_open(win);
    return p;
}

/* From here on, SDL's window surface. */
static void use_sdl(plat_present *p)
{
#ifdef GW_HAVE_XSHM
    if (p->gc)
        XFreeGC(p->d, p->gc);
    p->gc = NULL;
#endif
    p->xshm = false;
}

SDL_Surface *plat_present_surface(plat_present *p, int w, int h)
{
#ifdef GW_HAVE_XSHM
    if (p->xshm) {
        if (p->surf && p->surf->w == w && p->surf->h == h)
            return p->surf;
        image_free(p);
        if (w > 0 && h > 0 && image_make(p, w, h))
            return p->surf;
        use_sdl(p);
    }
#endif
    if (p->wl) {
        if ((p->surf = plat_wl_surface(p->wl, w, h)))
            return p->surf;
        plat_wl_free(p->wl);
        p->wl = NULL;
    }
    return p->surf = SDL_GetWindowSurface(p->win);
}

void plat_present_begin(plat_present *p)
{
#ifdef GW_HAVE_XSHM
    if (p->xshm)
        xshm_settle(p);
#else
    (void)p;
#endif
}

void plat_present_rects(plat_present *p, const SDL_Rect *r, int n)
{
#ifdef GW_HAVE_XSHM
    if (p->xshm) {
        if (!p->img || n <= 0)
            return;
        for (int i = 0; i < n; i++) {
            bool last = i == n - 1;
            if (last)
                p->sent = NextRequest(p->d);
            /* the last one asks for a completion event: requests are taken in order */
            XShmPutImage(p->d, p->xw, p->gc, p->img, r[i].x, r[i].y, r[i].x, r[i].y, (unsigned)r[i].w,
                         (unsigned)r[i].h, last ? True : False);
        }
        p->pending = true;
        XFlush(p->d);
        return;
    }
#endif
    if (p->wl) {
        plat_wl_rects(p->wl, r, n);
        return;
    }
    SDL_UpdateWindowSurfaceRects(p->win, r, n);
}

int plat_present_collect(plat_present *p)
{
#ifdef GW_HAVE_XSHM
    if (p->xshm) {
        int n = XEventsQueued(p->d, QueuedAfterReading);
        if (n <= 0)
            return 0;
        XEvent ev;
        /* the frame's completion is normally all there is; it is found in the queue,
         * without reading again */
        if (!XCheckTypedEvent(p->d, p->done_type, &ev))
            return n;
        return XEventsQueued(p->d, QueuedAlready);
    }
#else
    (void)p;
#endif
    return -1;
}

const char *plat_present_kind(const plat_present *p) { return p->xshm ? "xshm" : p->wl ? "wl_shm" : "sdl"; }

unsigned long plat_present_waits(const plat_present *p) { return p->waits; }

void plat_present_free(plat_present *p)
{
    if (!p)
        return;
#ifdef GW_HAVE_XSHM
    if (p->xshm) {
        image_free(p);
        use_sdl(p);
    }
#endif
    plat_wl_free(p->wl);
    free(p);
}
