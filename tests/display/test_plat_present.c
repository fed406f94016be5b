/* plat_present under a real X server (Xvfb, started by tests/display.cmake): what a
 * window renderer sends is what the window shows, pixel for pixel, for a whole frame, for
 * frames that send only their dirty rectangles, and after the window is resized; with
 * our own shared image (xshm) and with SDL's window surface (GW_PRESENT=sdl, or a server
 * without MIT-SHM, where the presenter falls back to it by itself). The pixels
 * on the screen are read back with XGetImage and compared with an offscreen renderer's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL2/SDL.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <SDL2/SDL_syswm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/plat_render.h"

#ifndef GW_FONT_DIR
#define GW_FONT_DIR "fonts"
#endif

static const gw_color BG = { 29, 42, 53, 255 }, ORB = { 127, 184, 216, 255 }, TEXT = { 238, 242, 240, 255 },
                      BOX = { 52, 70, 88, 255 };

/* A pacer-like frame at step k: a moving disc, a growing line, a ring, a label. */
static void scene(draw_list *l, int w, int h, int k)
{
    draw_begin(l, w, h, BG);
    draw_frame(l, gw_rc(100, 60, 300, 300), 18, 6, BOX);
    draw_line(l, 100, 360, 100, 360 - 20.5f * (float)k, 6, ORB);
    draw_circle(l, 100.25f, 360 - 20.5f * (float)k, 22, ORB);
    draw_ring(l, 250, 210, 50, 4, 0, 0.07f * (float)k, ORB);
    draw_text(l, gw_rc(150, 120, 200, 50), k % 2 ? "Hold" : "Breathe in", 32, 0, TEXT);
    draw_rect(l, gw_rc((float)w - 150, (float)h - 70, 120, 50), 12, BOX);
}

/* The window's pixels, as the X server has them. */
static SDL_Surface *grab(SDL_Window *win)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    assert_true(SDL_GetWindowWMInfo(win, &info));
    Display *d = info.info.x11.display;
    XSync(d, False);
    XWindowAttributes wa;
    XGetWindowAttributes(d, info.info.x11.window, &wa);
    XImage *im = XGetImage(d, info.info.x11.window, 0, 0, (unsigned)wa.width, (unsigned)wa.height, AllPlanes, ZPixmap);
    assert_non_null(im);
    assert_int_equal(im->bits_per_pixel, 32);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, wa.width, wa.height, 32, SDL_PIXELFORMAT_XRGB8888);
    for (int y = 0; y < wa.height; y++)
        memcpy((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch, im->data + (size_t)y * (size_t)im->bytes_per_line,
               (size_t)wa.width * 4);
    XDestroyImage(im);
    return s;
}

/* How many pixels of a and b differ (RGB). */
static long differing(SDL_Surface *a, SDL_Surface *b)
{
    assert_int_equal(a->w, b->w);
    assert_int_equal(a->h, b->h);
    long n = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)a->pixels + (size_t)y * (size_t)a->pitch);
        const Uint32 *pb = (const Uint32 *)((const Uint8 *)b->pixels + (size_t)y * (size_t)b->pitch);
        for (int x = 0; x < a->w; x++)
            n += (pa[x] & 0xffffff) != (pb[x] & 0xffffff);
    }
    return n;
}

/* The frame of step k drawn whole, offscreen. */
static SDL_Surface *expected(int w, int h, int k)
{
    plat_render *off = plat_render_new_offscreen(w, h, GW_FONT_DIR);
    assert_non_null(off);
    draw_list l = { 0 };
    scene(&l, w, h, k);
    assert_true(plat_render_frame(off, NULL, &l, NULL));
    SDL_Surface *s = SDL_ConvertSurfaceFormat(plat_render_surface(off), SDL_PIXELFORMAT_XRGB8888, 0);
    draw_free(&l);
    plat_render_free(off);
    return s;
}

static void check_shows(SDL_Window *win, int w, int h, int k)
{
    SDL_Surface *want = expected(w, h, k), *got = grab(win);
    long n = differing(want, got);
    if (n)
        fprintf(stderr, "step %d at %dx%d: %ld pixels differ\n", k, w, h, n);
    assert_int_equal(n, 0);
    SDL_FreeSurface(want);
    SDL_FreeSurface(got);
}

static void run(const char *kind)
{
    SDL_Window *win = SDL_CreateWindow("present test", 0, 0, 640, 400, SDL_WINDOW_BORDERLESS);
    assert_non_null(win);
    SDL_PumpEvents();
    plat_render *pr = plat_render_new_window(win, GW_FONT_DIR);
    assert_non_null(pr);
    assert_string_equal(plat_render_present_kind(pr), kind);
    draw_list f[2] = { 0 };
    int w = 640, h = 400;
    scene(&f[0], w, h, 0);
    assert_true(plat_render_frame(pr, NULL, &f[0], NULL));
    check_shows(win, w, h, 0);
    /* frames that send only what changed: the disc, the line's new part, the ring's end,
     * the label */
    for (int k = 1; k <= 12; k++) {
        draw_list *prev = &f[(k - 1) % 2], *next = &f[k % 2];
        scene(next, w, h, k);
        gw_rect dirty;
        assert_true(plat_render_frame(pr, prev, next, &dirty));
        assert_true(dirty.w * dirty.h < (float)(w * h) / 2);
        SDL_PumpEvents();
        if (k % 4 == 0)
            check_shows(win, w, h, k);
    }
    /* an unchanged frame sends nothing and the screen stays right */
    scene(&f[1], w, h, 12);
    assert_false(plat_render_frame(pr, &f[0], &f[1], NULL));
    check_shows(win, w, h, 12);
    /* a larger window: a new image of the new size, drawn whole */
    w = 800;
    h = 520;
    SDL_SetWindowSize(win, w, h);
    SDL_PumpEvents();
    assert_true(plat_render_resize(pr, w, h));
    scene(&f[0], w, h, 3);
    assert_true(plat_render_frame(pr, NULL, &f[0], NULL));
    check_shows(win, w, h, 3);
    scene(&f[1], w, h, 4);
    assert_true(plat_render_frame(pr, &f[0], &f[1], NULL));
    check_shows(win, w, h, 4);
    draw_free(&f[0]);
    draw_free(&f[1]);
    plat_render_free(pr);
    SDL_DestroyWindow(win);
}

/* GW_EXPECT_PRESENT=sdl: the X server was started without MIT-SHM, so the presenter
 * must have fallen back to SDL's window surface */
static void our_shared_image_shows_every_frame(void **state)
{
    (void)state;
    unsetenv("GW_PRESENT");
    const char *expect = getenv("GW_EXPECT_PRESENT");
    run(expect ? expect : "xshm");
}

static void sdl_window_surface_shows_every_frame(void **state)
{
    (void)state;
    setenv("GW_PRESENT", "sdl", 1);
    run("sdl");
    unsetenv("GW_PRESENT");
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "no display: %s\n", SDL_GetError());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(our_shared_image_shows_every_frame),
        cmocka_unit_test(sdl_window_surface_shows_every_frame),
    };
    /* SDL is not shut down: the X and D-Bus libraries it loads stay loaded, so that
     * what they keep for the process is named (and suppressed) in a leak report */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
