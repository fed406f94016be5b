/* plat_present: the pixels of a window and how they reach the screen.
 *
 * On X11 with the MIT-SHM extension the surface is a shared-memory image of our own:
 * the dirty rectangles are sent with XShmPutImage and nothing is waited for. The
 * server's completion event, read with the next frame's events, says it has taken the
 * pixels; only when it has not by the time the next frame is drawn does
 * plat_present_begin wait for it (a round trip). SDL's own window surface does the
 * same with a round trip (XSync) after every frame.
 *
 * On Wayland (a kiosk under cage) the dirty rectangles go through wl_shm buffers of our
 * own (plat_present_wl.h): SDL has no window surface there but one drawn with OpenGL.
 *
 * Elsewhere (a display without MIT-SHM or on another machine, a visual that is not
 * 32-bit XRGB, a failure setting the image up, or GW_PRESENT=sdl) it is SDL's window
 * surface and SDL_UpdateWindowSurfaceRects.
 *
 * Ownership: a plat_present owns its surface (and the image behind it), not the
 * window. */
#ifndef GW_PLAT_PRESENT_H
#define GW_PLAT_PRESENT_H
#include <SDL2/SDL.h>
#include <stdbool.h>

typedef struct plat_present plat_present;

/* NULL only when out of memory. */
plat_present *plat_present_new(SDL_Window *win);
void plat_present_free(plat_present *p);

/* The surface to draw into, w x h pixels, made anew when the size changed (the old one
 * is then gone). NULL on failure, with a message in SDL_GetError. */
SDL_Surface *plat_present_surface(plat_present *p, int w, int h);

/* Call before changing any pixel of the surface: returns once the display has taken
 * the last frame sent (at once, nearly always). */
void plat_present_begin(plat_present *p);

/* Sends these rectangles of the surface to the window (after plat_present_begin and
 * the drawing). */
void plat_present_rects(plat_present *p, const SDL_Rect *rects, int n);

/* Reads what the display has sent and takes out the answers to our own frames (xshm:
 * their completion events, which are of no use to SDL). Returns how many other events
 * are waiting, for SDL_PumpEvents to handle; 0 means a look for events can be skipped.
 * -1 when the presenter does not know (SDL's window surface): look for events as usual. */
int plat_present_collect(plat_present *p);

/* "xshm", "wl_shm" or "sdl": how frames are sent (for diagnostics and tests). */
const char *plat_present_kind(const plat_present *p);

/* Frames for which plat_present_begin had to wait for the display (xshm). */
unsigned long plat_present_waits(const plat_present *p);

#endif
