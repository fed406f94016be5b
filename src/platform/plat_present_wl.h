/* plat_present_wl: frames sent to a Wayland window through wl_shm, for plat_present.
 *
 * SDL's Wayland back-end has no window surface of its own (only one drawn through
 * OpenGL, which is what SDL_HINT_FRAMEBUFFER_ACCELERATION "0" turns off, and which a
 * kiosk PC without a GPU draws in software, whole, every frame). Here the program draws
 * into a surface in its own memory and each frame's dirty rectangles are copied into one
 * of two shared-memory buffers, attached to SDL's wl_surface with just those rectangles
 * damaged. A buffer the compositor still holds is never written: the other one is used,
 * brought up to date with the rectangles it missed.
 *
 * Ownership: a plat_wl owns its buffers, its event queue and the drawing surface, not
 * the window nor SDL's wl_surface. Built only where wayland-client is (GW_HAVE_WAYLAND). */
#ifndef GW_PLAT_PRESENT_WL_H
#define GW_PLAT_PRESENT_WL_H
#include <SDL2/SDL.h>

typedef struct plat_wl plat_wl;

/* NULL when win is not a Wayland window or its compositor has no wl_shm. */
plat_wl *plat_wl_open(SDL_Window *win);
void plat_wl_free(plat_wl *w);
/* The surface to draw into, w x h (made anew when the size changed); NULL on failure. */
SDL_Surface *plat_wl_surface(plat_wl *w, int width, int height);
/* Sends these rectangles of the surface to the window. */
void plat_wl_rects(plat_wl *w, const SDL_Rect *r, int n);

#endif
