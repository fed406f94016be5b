/* plat_render: see plat_render.h. This file sets the renderer up and draws frames (the
 * dirty rectangles of a draw_list); text is plat_render_text.c's, shapes
 * plat_render_geom.c's. */
#include "platform/plat_render_int.h"

#include <SDL2/SDL_ttf.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- setup ------------------------------------------------------------------ */

static bool make_renderer(plat_render *pr)
{
    render_text_cache_clear(pr);
    if (pr->r)
        SDL_DestroyRenderer(pr->r);
    pr->r = SDL_CreateSoftwareRenderer(pr->surf);
    if (!pr->r)
        return false;
    SDL_SetRenderDrawBlendMode(pr->r, SDL_BLENDMODE_BLEND);
    return true;
}

static plat_render *alloc_render(const char *font_dir)
{
    if (!TTF_WasInit() && TTF_Init() != 0)
        return NULL;
    plat_render *pr = calloc(1, sizeof *pr);
    if (pr && !(pr->fonts = plat_fonts_shared(font_dir))) {
        free(pr);
        return NULL;
    }
    return pr;
}

plat_render *plat_render_new_offscreen(int w, int h, const char *font_dir)
{
    plat_render *pr = alloc_render(font_dir);
    if (!pr)
        return NULL;
    if (!plat_render_resize(pr, w, h)) {
        plat_render_free(pr);
        return NULL;
    }
    return pr;
}

plat_render *plat_render_new_window(SDL_Window *win, const char *font_dir)
{
    plat_render *pr = alloc_render(font_dir);
    if (!pr)
        return NULL;
    if (!(pr->present = plat_present_new(win))) {
        plat_render_free(pr);
        return NULL;
    }
    int w, h;
    SDL_GetWindowSize(win, &w, &h);
    if (!plat_render_resize(pr, w, h)) {
        plat_render_free(pr);
        return NULL;
    }
    return pr;
}

bool plat_render_resize(plat_render *pr, int w, int h)
{
    if (pr->present) {
        /* the renderer and its textures go first: they refer to the surface, which the
         * presenter may replace */
        if (pr->r) {
            render_text_cache_clear(pr);
            SDL_DestroyRenderer(pr->r);
            pr->r = NULL;
        }
        pr->surf = plat_present_surface(pr->present, w, h);
        if (!pr->surf)
            return false;
    } else {
        if (pr->surf && pr->surf->w == w && pr->surf->h == h)
            return true;
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
        if (!s)
            return false;
        if (pr->r) {
            render_text_cache_clear(pr);
            SDL_DestroyRenderer(pr->r);
            pr->r = NULL;
        }
        SDL_FreeSurface(pr->surf);
        pr->surf = s;
    }
    return make_renderer(pr);
}

void plat_render_free(plat_render *pr)
{
    if (!pr)
        return;
    render_text_cache_clear(pr);
    plat_fonts_release(pr->fonts);
    if (pr->r)
        SDL_DestroyRenderer(pr->r);
    if (pr->present)
        plat_present_free(pr->present);
    else
        SDL_FreeSurface(pr->surf);
    free(pr->vtx);
    free(pr->idx);
    free(pr->bounds);
    free(pr);
}

SDL_Surface *plat_render_surface(plat_render *pr) { return pr->surf; }
const char *plat_render_present_kind(const plat_render *pr)
{
    return pr->present ? plat_present_kind(pr->present) : NULL;
}
int plat_render_present_collect(plat_render *pr)
{
    return pr->present ? plat_present_collect(pr->present) : -1;
}
unsigned long plat_render_present_waits(const plat_render *pr)
{
    return pr->present ? plat_present_waits(pr->present) : 0;
}
const char *plat_render_problem(const plat_render *pr) { return pr->problem[0] ? pr->problem : NULL; }

size_t plat_render_text_cache_bytes(const plat_render *pr) { return pr->cache_bytes; }
long plat_render_drawn_px(const plat_render *pr) { return pr->drawn_px; }

int plat_render_text_cache_size(const plat_render *pr)
{
    int n = 0;
    for (int i = 0; i < TEXT_CACHE; i++)
        n += pr->cache[i].tex != NULL;
    return n;
}

/* ---- frames ----------------------------------------------------------------- */

static bool overlaps(gw_rect a, gw_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static gw_rect cmd_bounds(const draw_cmd *c)
{
    gw_rect r = c->r;
    if (r.w < 0) { r.x += r.w; r.w = -r.w; }
    if (r.h < 0) { r.y += r.h; r.h = -r.h; }
    float g = c->thick / 2 + 2;
    return gw_rc(r.x - g, r.y - g, r.w + 2 * g, r.h + 2 * g);
}

/* Redraws the commands of l that touch clip, inside clip; b holds their bounds. */
static void redraw_rect(plat_render *pr, const draw_list *l, const gw_rect *b, SDL_Rect clip)
{
    gw_rect cr = gw_rc((float)clip.x, (float)clip.y, (float)clip.w, (float)clip.h);
    pr->clip = clip;
    pr->clip_known = true;
    pr->sdl_clip = false;
    gw_color bg = l->clear;
    bg.a = 255;
    /* a gradient first over the whole screen is the background: no plain fill under it */
    const draw_cmd *g0 = l->ncmd > 0 && l->cmd[0].op == DRAW_GRADIENT ? &l->cmd[0] : NULL;
    bool covered = g0 && g0->r.x <= 0 && g0->r.y <= 0 && g0->r.x + g0->r.w >= (float)l->w &&
                   g0->r.y + g0->r.h >= (float)l->h;
    int i = 0;
    while (i < l->ncmd && !overlaps(b[i], cr))
        i++;
    /* a glow drawn first in the rectangle writes the background around it itself, in
     * the same pass (the attract orb's: most of what that screen redraws) */
    if (!covered && i < l->ncmd && render_geom_glow_on_bg(pr, &l->cmd[i]))
        i++;
    else if (!covered && !render_geom_fill(pr, (float)clip.x, (float)clip.y, (float)clip.w, (float)clip.h, bg)) {
        render_sdl_begin(pr);
        SDL_SetRenderDrawColor(pr->r, l->clear.r, l->clear.g, l->clear.b, 255);
        SDL_RenderFillRect(pr->r, &clip);
    }
    for (; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (!overlaps(b[i], cr))
            continue;
        if (c->op == DRAW_TEXT)
            render_text_cmd(pr, l, c);
        else
            render_geom_cmd(pr, c);
    }
    if (pr->sdl_clip)
        SDL_RenderSetClipRect(pr->r, NULL);
    pr->clip_known = pr->sdl_clip = false;
}

bool plat_render_frame(plat_render *pr, const draw_list *prev, const draw_list *next,
                       gw_rect *dirty_out)
{
    if (!pr->surf || !pr->r)
        return false;
    gw_rect d[DRAW_MAX_RECTS];
    int n;
    if (prev && pr->surf->w == next->w && pr->surf->h == next->h) {
        n = draw_diff_rects(prev, next, d, DRAW_MAX_RECTS);
        if (n == 0)
            return false;
    } else {
        d[0] = gw_rc(0, 0, (float)pr->surf->w, (float)pr->surf->h);
        n = 1;
    }
    if (pr->present)
        plat_present_begin(pr->present); /* the display has taken the last frame */
    SDL_Rect clips[DRAW_MAX_RECTS];
    SDL_Rect whole = { 0, 0, pr->surf->w, pr->surf->h };
    gw_rect all = gw_rc(0, 0, 0, 0);
    pr->drawn_px = 0;
    pr->bg_px = SDL_MapRGB(pr->surf->format, next->clear.r, next->clear.g, next->clear.b);
    /* the commands' bounds, once for all the rectangles (the attract screen's are many) */
    if (next->ncmd > pr->capbounds) {
        int cap = next->ncmd + 64;
        gw_rect *nb = realloc(pr->bounds, (size_t)cap * sizeof *nb);
        if (!nb)
            return false; /* out of memory: this frame is not drawn, the next is tried whole */
        pr->bounds = nb;
        pr->capbounds = cap;
    }
    for (int i = 0; i < next->ncmd; i++)
        pr->bounds[i] = cmd_bounds(&next->cmd[i]);
    for (int i = 0; i < n; i++) {
        SDL_Rect c = { (int)floorf(d[i].x), (int)floorf(d[i].y), (int)ceilf(d[i].w) + 1, (int)ceilf(d[i].h) + 1 };
        SDL_IntersectRect(&c, &whole, &clips[i]);
        redraw_rect(pr, next, pr->bounds, clips[i]);
        all = gw_rect_union(all, gw_rc((float)clips[i].x, (float)clips[i].y, (float)clips[i].w, (float)clips[i].h));
        pr->drawn_px += (long)clips[i].w * clips[i].h;
    }
    SDL_RenderFlush(pr->r);
    if (pr->present)
        plat_present_rects(pr->present, clips, n);
    if (dirty_out)
        *dirty_out = all;
    return true;
}

/* 8-bit RGB, written with libpng's simplified API from a copy in RGB24 (the frame's
 * fourth byte is padding, not alpha). */
bool plat_render_save_png(plat_render *pr, const char *path)
{
    SDL_RenderFlush(pr->r);
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(pr->surf, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb)
        return false;
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)rgb->w;
    img.height = (png_uint_32)rgb->h;
    img.format = PNG_FORMAT_RGB;
    bool ok = png_image_write_to_file(&img, path, 0, rgb->pixels, rgb->pitch, NULL) != 0;
    if (!ok)
        SDL_SetError("%s", img.message);
    png_image_free(&img);
    SDL_FreeSurface(rgb);
    return ok;
}
