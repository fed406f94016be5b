/* plat_present_wl: see plat_present_wl.h. */
#define _GNU_SOURCE /* memfd_create */
#include "platform/plat_present_wl.h"

#ifdef GW_HAVE_WAYLAND
#include <SDL2/SDL_syswm.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wayland-client.h>

typedef struct {
    struct wl_buffer *b;
    unsigned char *px;
    bool busy;      /* attached and not yet released by the compositor */
    SDL_Rect stale; /* where it lags behind the drawing surface (w 0: nowhere) */
} wl_buf;

struct plat_wl {
    struct wl_display *d;
    struct wl_surface *s;      /* SDL's */
    struct wl_event_queue *q;  /* ours: the buffers' releases, apart from SDL's events */
    struct wl_registry *reg;
    struct wl_shm *shm;
    int w, h, stride;
    int fd;
    void *map;
    size_t size;
    struct wl_shm_pool *pool;
    wl_buf buf[2];
    SDL_Surface *draw;
};

static void on_global(void *data, struct wl_registry *r, uint32_t name, const char *iface, uint32_t version)
{
    plat_wl *w = data;
    (void)version;
    if (!strcmp(iface, wl_shm_interface.name) && !w->shm)
        w->shm = wl_registry_bind(r, name, &wl_shm_interface, 1);
}

static void on_global_remove(void *data, struct wl_registry *r, uint32_t name)
{
    (void)data;
    (void)r;
    (void)name;
}

static const struct wl_registry_listener REGISTRY = { on_global, on_global_remove };

static void on_release(void *data, struct wl_buffer *b)
{
    (void)b;
    ((wl_buf *)data)->busy = false;
}

static const struct wl_buffer_listener BUFFER = { on_release };

static void buffers_free(plat_wl *w)
{
    for (int i = 0; i < 2; i++) {
        if (w->buf[i].b)
            wl_buffer_destroy(w->buf[i].b);
        memset(&w->buf[i], 0, sizeof w->buf[i]);
    }
    if (w->pool)
        wl_shm_pool_destroy(w->pool);
    w->pool = NULL;
    if (w->map)
        munmap(w->map, w->size);
    w->map = NULL;
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    SDL_FreeSurface(w->draw);
    w->draw = NULL;
    w->w = w->h = 0;
}

plat_wl *plat_wl_open(SDL_Window *win)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_WAYLAND)
        return NULL;
    plat_wl *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = -1;
    w->d = info.info.wl.display;
    w->s = info.info.wl.surface;
    /* our objects answer on a queue of our own, which SDL's event loop does not dispatch */
    w->q = wl_display_create_queue(w->d);
    struct wl_display *wrap = w->q ? wl_proxy_create_wrapper(w->d) : NULL;
    if (wrap) {
        wl_proxy_set_queue((struct wl_proxy *)wrap, w->q);
        w->reg = wl_display_get_registry(wrap);
        wl_proxy_wrapper_destroy(wrap);
    }
    if (w->reg) {
        wl_registry_add_listener(w->reg, &REGISTRY, w);
        wl_display_roundtrip_queue(w->d, w->q);
    }
    if (!w->shm) {
        plat_wl_free(w);
        return NULL;
    }
    return w;
}

void plat_wl_free(plat_wl *w)
{
    if (!w)
        return;
    buffers_free(w);
    if (w->shm)
        wl_shm_destroy(w->shm);
    if (w->reg)
        wl_registry_destroy(w->reg);
    if (w->q)
        wl_event_queue_destroy(w->q);
    free(w);
}

SDL_Surface *plat_wl_surface(plat_wl *w, int width, int height)
{
    if (w->draw && w->w == width && w->h == height)
        return w->draw;
    buffers_free(w);
    if (width <= 0 || height <= 0)
        return NULL;
    w->stride = width * 4;
    w->size = (size_t)w->stride * (size_t)height * 2;
    w->fd = memfd_create("groundwork-frames", MFD_CLOEXEC);
    if (w->fd < 0 || ftruncate(w->fd, (off_t)w->size) != 0) {
        SDL_SetError("cannot make the frames' shared memory");
        buffers_free(w);
        return NULL;
    }
    w->map = mmap(NULL, w->size, PROT_READ | PROT_WRITE, MAP_SHARED, w->fd, 0);
    if (w->map == MAP_FAILED) {
        w->map = NULL;
        SDL_SetError("cannot map the frames' shared memory");
        buffers_free(w);
        return NULL;
    }
    w->pool = wl_shm_create_pool(w->shm, w->fd, (int32_t)w->size);
    for (int i = 0; i < 2 && w->pool; i++) {
        size_t off = (size_t)i * (size_t)w->stride * (size_t)height;
        w->buf[i].b = wl_shm_pool_create_buffer(w->pool, (int32_t)off, width, height, w->stride,
                                                WL_SHM_FORMAT_XRGB8888);
        w->buf[i].px = (unsigned char *)w->map + off;
        w->buf[i].stale = (SDL_Rect){ 0, 0, width, height };
        if (w->buf[i].b)
            wl_buffer_add_listener(w->buf[i].b, &BUFFER, &w->buf[i]);
    }
    w->draw = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_XRGB8888);
    if (!w->pool || !w->buf[0].b || !w->buf[1].b || !w->draw) {
        buffers_free(w);
        return NULL;
    }
    w->w = width;
    w->h = height;
    return w->draw;
}

static void grow(SDL_Rect *acc, const SDL_Rect *r)
{
    if (r->w <= 0 || r->h <= 0)
        return;
    if (acc->w <= 0 || acc->h <= 0)
        *acc = *r;
    else
        SDL_UnionRect(acc, r, acc);
}

static void copy_rect(plat_wl *w, wl_buf *b, SDL_Rect r)
{
    SDL_Rect all = { 0, 0, w->w, w->h };
    if (!SDL_IntersectRect(&r, &all, &r))
        return;
    const unsigned char *src = (const unsigned char *)w->draw->pixels;
    for (int y = r.y; y < r.y + r.h; y++)
        memcpy(b->px + (size_t)y * (size_t)w->stride + (size_t)r.x * 4,
               src + (size_t)y * (size_t)w->draw->pitch + (size_t)r.x * 4, (size_t)r.w * 4);
}

void plat_wl_rects(plat_wl *w, const SDL_Rect *r, int n)
{
    if (!w->draw || n <= 0)
        return;
    /* releases already read by SDL's event loop wait on our queue */
    wl_display_dispatch_queue_pending(w->d, w->q);
    wl_buf *b = !w->buf[0].busy ? &w->buf[0] : !w->buf[1].busy ? &w->buf[1] : NULL;
    /* both held: ask the compositor, which releases one once it has the other */
    for (int tries = 0; !b && tries < 20; tries++) {
        if (wl_display_roundtrip_queue(w->d, w->q) < 0)
            break;
        b = !w->buf[0].busy ? &w->buf[0] : !w->buf[1].busy ? &w->buf[1] : NULL;
    }
    if (!b) { /* the frame is skipped; both buffers catch up with it later */
        for (int k = 0; k < n; k++) {
            grow(&w->buf[0].stale, &r[k]);
            grow(&w->buf[1].stale, &r[k]);
        }
        return;
    }
    wl_buf *other = b == &w->buf[0] ? &w->buf[1] : &w->buf[0];
    bool damage_buffer = wl_proxy_get_version((struct wl_proxy *)w->s) >= WL_SURFACE_DAMAGE_BUFFER_SINCE_VERSION;
    if (b->stale.w > 0) {
        copy_rect(w, b, b->stale);
        if (damage_buffer)
            wl_surface_damage_buffer(w->s, b->stale.x, b->stale.y, b->stale.w, b->stale.h);
        else
            wl_surface_damage(w->s, b->stale.x, b->stale.y, b->stale.w, b->stale.h);
    }
    for (int k = 0; k < n; k++) {
        copy_rect(w, b, r[k]);
        if (damage_buffer)
            wl_surface_damage_buffer(w->s, r[k].x, r[k].y, r[k].w, r[k].h);
        else
            wl_surface_damage(w->s, r[k].x, r[k].y, r[k].w, r[k].h);
        grow(&other->stale, &r[k]);
    }
    b->stale = (SDL_Rect){ 0, 0, 0, 0 };
    wl_surface_attach(w->s, b->b, 0, 0);
    wl_surface_commit(w->s);
    b->busy = true;
    wl_display_flush(w->d);
}

#else /* no wayland-client: never a Wayland window of ours */

plat_wl *plat_wl_open(SDL_Window *win)
{
    (void)win;
    return NULL;
}

void plat_wl_free(plat_wl *w) { (void)w; }

SDL_Surface *plat_wl_surface(plat_wl *w, int width, int height)
{
    (void)w;
    (void)width;
    (void)height;
    return NULL;
}

void plat_wl_rects(plat_wl *w, const SDL_Rect *r, int n)
{
    (void)w;
    (void)r;
    (void)n;
}
#endif
