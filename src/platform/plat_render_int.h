/* plat_render_int: what the renderer's files share (plat_render.c: setup and frames;
 * plat_render_text.c: text and its cache; plat_render_geom.c: shapes). Not for use
 * outside plat_render*.c.
 * Ownership: as plat_render.h; the renderer owns everything its struct points at. */
#ifndef GW_PLAT_RENDER_INT_H
#define GW_PLAT_RENDER_INT_H
#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/draw.h"
#include "platform/plat_font.h"
#include "platform/plat_present.h"
#include "platform/plat_render.h"

#define TEXT_CACHE 384
/* The text cache holds at most TEXT_CACHE texts and at most TEXT_CACHE_BYTES of their
 * pixels: bounded by count alone, a kiosk soak held from 7 to 47 MiB of text depending on
 * which long paragraphs were shown last. 24 MiB is several screens' worth at 1920x1080. */
#define TEXT_CACHE_BYTES (24 << 20)

typedef struct text_entry {
    uint64_t hash;
    char *text;
    int style, px, flags, wrap;
    gw_color color;
    SDL_Texture *tex;
    int w, h;
    int skip;       /* line skip */
    bool arabic;    /* uses the Arabic font (taller lines) */
    uint64_t used;
    int word_w;     /* the widest word broken between characters, whole (0: none) */
} text_entry;

struct plat_render {
    plat_present *present; /* how the window's pixels reach the screen; NULL offscreen */
    SDL_Surface *surf;    /* the window's (the presenter's) or offscreen (owned) */
    SDL_Renderer *r;
    plat_fonts *fonts; /* shared (plat_fonts_shared) */
    text_entry cache[TEXT_CACHE];
    size_t cache_bytes;   /* pixels of the cached texts, 4 bytes each */
    uint64_t tick;
    char problem[1400];
    SDL_Vertex *vtx;
    int nvtx, capvtx;
    int *idx;
    int nidx, capidx;
    long drawn_px;        /* pixels redrawn by the last frame drawn */
    Uint32 bg_px;         /* the frame's background as a pixel: a glow over it is premixed */
    /* The rectangle being redrawn (redraw_rect). Most commands write its pixels straight
     * into the surface; SDL's renderer is given the clip, and asked to flush, only when
     * a command in it goes through SDL (render_sdl_begin): the attract screen redraws
     * some sixty small rectangles a frame, none with SDL. */
    gw_rect *bounds;      /* the frame's commands' bounds (capbounds of them kept) */
    int capbounds;
    SDL_Rect clip;
    bool clip_known;      /* clip is set (inside redraw_rect) */
    bool sdl_clip;        /* SDL's renderer has been given clip */
    bool sdl_queued;      /* SDL may hold drawing not yet in the surface's pixels */
};

/* Before drawing through SDL's renderer: it is given the rectangle being redrawn as its
 * clip (once a rectangle), and the surface is then flushed before pixels are written
 * directly. */
static inline void render_sdl_begin(plat_render *pr)
{
    if (pr->clip_known && !pr->sdl_clip) {
        SDL_RenderSetClipRect(pr->r, &pr->clip);
        pr->sdl_clip = true;
    }
    pr->sdl_queued = true;
}

/* The first problem met is kept (plat_render_problem) and logged once. */
static inline void render_note_problem(plat_render *pr, const char *fmt, const char *arg)
{
    if (pr->problem[0])
        return;
    snprintf(pr->problem, sizeof pr->problem, fmt, arg);
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s", pr->problem);
}

/* plat_render_text.c */
void render_text_cache_clear(plat_render *pr);
void render_text_cmd(plat_render *pr, const draw_list *l, const draw_cmd *c);

/* plat_render_geom.c: a DRAW_RECT, _FRAME, _CIRCLE, _RING or _LINE command drawn (false
 * for other ops); an opaque rectangle filled straight into the surface's pixels (false
 * when that cannot be done and SDL's renderer must). */
bool render_geom_cmd(plat_render *pr, const draw_cmd *c);
bool render_geom_fill(plat_render *pr, float x, float y, float w, float h, gw_color c);
/* The first command in a clip with nothing drawn yet, when it is a glow: drawn with the
 * background around it in one pass. False: not done (fill the background, draw as usual). */
bool render_geom_glow_on_bg(plat_render *pr, const draw_cmd *c);
/* Starts writing pixels straight into the surface (pending SDL drawing flushed): false
 * when its pixels are not 32-bit and unlocked; clip is the renderer's clip or the whole. */
static inline bool render_direct_begin(plat_render *pr, SDL_Rect *clip)
{
    SDL_Surface *s = pr->surf;
    if (s->format->BytesPerPixel != 4 || SDL_MUSTLOCK(s))
        return false;
    if (pr->sdl_queued) {
        SDL_RenderFlush(pr->r);
        pr->sdl_queued = false;
    }
    if (pr->clip_known)
        *clip = pr->clip;
    else
        SDL_RenderGetClipRect(pr->r, clip);
    if (SDL_RectEmpty(clip))
        *clip = (SDL_Rect){ 0, 0, s->w, s->h };
    return true;
}
/* n pixels of a row set to px, two at a time. SDL_memset4 is a "rep stosl", whose start
 * costs as much as the hundred or so pixels a row of a redrawn rectangle has. */
static inline void render_span(Uint32 *p, size_t n, Uint32 px)
{
    uint64_t two = (uint64_t)px << 32 | px;
    if (n > 0 && ((uintptr_t)p & 4)) { /* to an 8-byte boundary */
        *p++ = px;
        n--;
    }
    for (; n >= 2; n -= 2, p += 2)
        memcpy(p, &two, sizeof two);
    if (n)
        *p = px;
}
/* A DRAW_GLOW (plat_render_glow.c); with on_bg as render_geom_glow_on_bg. False when not
 * drawn and on_bg (the caller then fills the background). */
bool render_glow(plat_render *pr, const draw_cmd *c, bool on_bg);

#endif
