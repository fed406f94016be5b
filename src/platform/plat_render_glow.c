/* plat_render_glow: the renderer's soft glows (DRAW_GLOW), written straight into the
 * surface's pixels from a sprite and falloff tables made once and kept.
 * Ownership: the sprite and the last few falloff and colour tables, static, for the
 * process's life (the renderer draws on one thread). */
#include "platform/plat_render_int.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>

/* The glow is drawn from a sprite computed once per process: a quadrant of GLOW_N x
 * GLOW_N texels, each holding its centre's distance from the corner as a fraction of
 * the quadrant's side, as the falloff table's entry (0..255; one byte, so the sprite
 * stays in the cache between frames). A glow of any size samples it (nearest texel, an
 * index stepped along the row in fixed point) and turns the distance into alpha through
 * a 256-entry falloff table made per command; so a frame costs a lookup and a blend per
 * pixel, no root or power. The falloff, (1 - t)^2 for t from 0 at the radius to 1 at
 * radius + spread, leaves no visible edge. */

enum { GLOW_N = 256, GLOW_LUT = 256 };
static uint8_t glow_rho[GLOW_N * GLOW_N]; /* the distance's falloff entry, rho >> 8: 64 KiB */
static bool glow_ready;

static void glow_sprite(void)
{
    if (glow_ready)
        return;
    for (int y = 0; y < GLOW_N; y++)
        for (int x = 0; x < GLOW_N; x++) {
            float fx = ((float)x + 0.5f) / GLOW_N, fy = ((float)y + 0.5f) / GLOW_N;
            float d = sqrtf(fx * fx + fy * fy);
            glow_rho[y * GLOW_N + x] = (uint8_t)((d >= 1 ? 65535 : lroundf(d * 65535)) >> 8);
        }
    glow_ready = true;
}

/* The falloff for a glow whose radius is rin of its reach, at strength a: entry k for
 * distances [k, k+1) / GLOW_LUT of the reach. The last few are kept: a frame draws the
 * same glows in each of its dirty rectangles, and the next frame much the same. */
static const uint8_t *glow_falloff(float rin, uint8_t a)
{
    enum { KEEP = 8 };
    static struct { uint16_t rin; uint8_t a; bool used; uint8_t lut[GLOW_LUT]; } kept[KEEP];
    static int next;
    uint16_t key = (uint16_t)(rin * 4096.f + 0.5f);
    for (int i = 0; i < KEEP; i++)
        if (kept[i].used && kept[i].rin == key && kept[i].a == a)
            return kept[i].lut;
    int i = next;
    next = (next + 1) % KEEP;
    float q = (float)key / 4096.f; /* the key's own value, so a kept table is the same as a new one */
    for (int k = 0; k < GLOW_LUT; k++) {
        float rho = ((float)k + 0.5f) / GLOW_LUT;
        float t = rho <= q ? 0 : (rho - q) / (1 - q);
        float v = t >= 1 ? 0 : (1 - t) * (1 - t);
        kept[i].lut[k] = (uint8_t)(v * (float)a + 0.5f);
    }
    kept[i].rin = key;
    kept[i].a = a;
    kept[i].used = true;
    return kept[i].lut;
}

/* c over the XRGB pixel d at alpha a (0..255): red and blue together in one word, then
 * green; x / 255 as (x + 1 + (x >> 8)) >> 8, exact for these products. */
static inline Uint32 glow_over(Uint32 d, Uint32 crb, Uint32 cg, unsigned a)
{
    unsigned na = 255 - a;
    Uint32 rb = (d & 0xff00ffu) * na + crb * a + 0x00800080u;
    rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
    Uint32 g = (d & 0x00ff00u) * na + cg * a + 0x00008000u;
    g = ((g + ((g >> 8) & 0x0000ff00u)) >> 8) & 0x0000ff00u;
    return (d & 0xff000000u) | rb | g;
}

/* One glow pixel at falloff entry k: premixed over the background, else blended. */
static inline void glow_px(Uint32 *p, unsigned k, const uint8_t *lut, const Uint32 *pal, Uint32 bg, Uint32 crb,
                           Uint32 cg)
{
    if (*p == bg)
        *p = pal[k];
    else if (lut[k])
        *p = glow_over(*p, crb, cg, lut[k]);
}

/* The glow premixed over the pixel value under: entry k is lut[k] of the colour over it.
 * Made once for the glow and kept, not again in each rectangle it is redrawn in: the
 * falloff is given by its radius's share (as glow_falloff keys it) and its alpha. Several
 * are kept: over a background gradient each band of rows has its own colour under the
 * glow, and a frame meets the same few bands again. */
static const Uint32 *glow_palette(Uint32 under, uint16_t rkey, uint8_t a, Uint32 crb, Uint32 cg, const uint8_t *lut,
                                  int *made)
{
    enum { KEEP = 8 };
    static struct { bool used; uint16_t rin; uint8_t a; Uint32 under, crb, cg, pal[GLOW_LUT]; } kept[KEEP];
    static int next;
    for (int i = 0; i < KEEP; i++)
        if (kept[i].used && kept[i].under == under && kept[i].rin == rkey && kept[i].a == a && kept[i].crb == crb &&
            kept[i].cg == cg)
            return kept[i].pal;
    int i = next;
    next = (next + 1) % KEEP;
    (*made)++;
    for (int k = 0; k < GLOW_LUT; k++)
        kept[i].pal[k] = glow_over(under, crb, cg, lut[k]);
    kept[i].used = true;
    kept[i].rin = rkey;
    kept[i].a = a;
    kept[i].under = under;
    kept[i].crb = crb;
    kept[i].cg = cg;
    return kept[i].pal;
}

/* The first k at which base + k * step reaches past the sprite (texel GLOW_N): the
 * pixels from there on have no glow, so the row stops there without a test a pixel. */
static inline int glow_k_end(uint32_t base, uint32_t step)
{
    uint64_t lim = (uint64_t)GLOW_N << 16;
    if (base >= lim)
        return 0;
    uint64_t k = (lim - base + step - 1) / step;
    return k > INT_MAX ? INT_MAX : (int)k;
}

/* Fills [a, b) of a row with the background (nothing when empty). */
static inline void bg_span(Uint32 *row, int a, int b, Uint32 bg)
{
    if (b > a)
        render_span(&row[a], (size_t)(b - a), bg);
}

/* A glow; with on_bg, the clip has nothing drawn in it yet: each row's pixels are the
 * glow premixed over the background where it reaches, and the background elsewhere,
 * written once in one pass (no fill first that the glow reads back and writes again). */
bool render_glow(plat_render *pr, const draw_cmd *c, bool on_bg)
{
    SDL_Rect clip;
    if (!render_direct_begin(pr, &clip))
        return false;
    if (c->color.a == 0 && !on_bg)
        return true;
    SDL_Surface *s = pr->surf;
    if (s->format->format != SDL_PIXELFORMAT_XRGB8888 && s->format->format != SDL_PIXELFORMAT_ARGB8888)
        return !on_bg; /* a glow is an ornament: left out where the pixels are not 32-bit RGB */
    glow_sprite();
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    float ro = c->radius + c->thick, ri = c->radius;
    if (ro < 1 || c->color.a == 0)
        return !on_bg;
    const uint8_t *lut = glow_falloff(ri / ro, c->color.a);
    Uint32 crb = (Uint32)c->color.r << 16 | c->color.b, cg = (Uint32)c->color.g << 8;
    /* the glow over the plain background, premixed: a pixel still showing it takes its
     * colour from the table (the same value the blend gives), others are blended */
    Uint32 bg = pr->bg_px;
    uint16_t rkey = (uint16_t)(ri / ro * 4096.f + 0.5f);
    int made = 0; /* tables made in this call (see below) */
    const Uint32 *pal = glow_palette(bg, rkey, c->color.a, crb, cg, lut, &made);
    Uint32 last_under = bg; /* the table for the row before */
    const Uint32 *last_pal = pal;
    /* hollow: the span well inside the radius is skipped (an opaque disc covers it);
     * pixels near it are blended so no gap shows under the disc's soft edge */
    float skip = (c->flags & GLOW_HOLLOW) ? ri - 2 : -1;
    int y0 = (int)floorf(cy - ro), y1 = (int)ceilf(cy + ro);
    int cx0 = clip.x, cx1 = clip.x + clip.w;
    if (on_bg) /* the rows of the clip above and below the glow: background only */
        for (int y = clip.y; y < clip.y + clip.h; y++)
            if (y < y0 || y >= y1)
                bg_span((Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch), cx0, cx1, bg);
    if (y0 < clip.y) y0 = clip.y;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    /* texel index in 16.16 fixed point per pixel of distance; the row is walked out
     * from the centre both ways at once (the same texel), pixel centres at k + 1/2 */
    uint32_t step = (uint32_t)lroundf((float)GLOW_N / ro * 65536.f);
    int xr = (int)floorf(cx + 0.5f);   /* first pixel at or right of the centre's column */
    float off = (float)xr + 0.5f - cx; /* its centre's distance right of cx: in (0, 1] */
    for (int y = y0; y < y1; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        float dy = (float)y + 0.5f - cy;
        float o2 = ro * ro - dy * dy;
        uint32_t ty = (uint32_t)(fabsf(dy) * (float)step) >> 16;
        if (o2 <= 0 || ty >= GLOW_N) {
            if (on_bg)
                bg_span(row, cx0, cx1, bg);
            continue;
        }
        const uint8_t *trow = &glow_rho[ty * GLOW_N];
        int reach = (int)ceilf(sqrtf(o2)) + 1;  /* pixels either side of the centre */
        int kin = 0;                           /* skip k < kin on both sides (hollow) */
        if (skip > 0 && skip * skip - dy * dy > 0)
            kin = (int)floorf(sqrtf(skip * skip - dy * dy) - 1);
        if (kin < 0) kin = 0;
        /* right: pixel xr + k, centre at off + k; left: pixel xr - 1 - k, centre at
         * off - 1 - k, whose distance is k + 1 - off: not the same texel unless off is
         * 1/2, so each side keeps its own fixed-point distance. Each side walks only the
         * pixels inside the clip (a band beside the orb is a small part of its row). */
        uint32_t dr0 = (uint32_t)(fabsf(off) * (float)step), dl0 = (uint32_t)((1.f - off) * (float)step);
        int ka = kin > cx0 - xr ? kin : cx0 - xr, kb = reach < cx1 - xr ? reach : cx1 - xr;
        kb = kb < glow_k_end(dr0, step) ? kb : glow_k_end(dr0, step);
        bool right = kb > ka;
        int ra = xr + ka, rb = xr + kb; /* the right side's pixels, inside the clip */
        uint32_t d = dr0 + (uint32_t)ka * step;
        /* over what is already drawn (a background gradient: one colour a row), the
         * colour at the clip's left edge of the row is taken as the row's background:
         * pixels of that colour take theirs from a table made for it. A few tables a
         * glow are made at most, so a background that changes along the rows costs
         * little more than blending. */
        Uint32 under = bg;
        const Uint32 *rpal = pal;
        if (!on_bg && row[cx0] != bg) {
            if (row[cx0] == last_under) {
                under = last_under;
                rpal = last_pal;
            } else if (made < 6) {
                under = last_under = row[cx0];
                rpal = last_pal = glow_palette(under, rkey, c->color.a, crb, cg, lut, &made);
            }
        }
        if (on_bg)
            for (int k = ka; k < kb; k++, d += step)
                row[xr + k] = pal[trow[d >> 16]];
        else
            for (int k = ka; k < kb; k++, d += step)
                glow_px(&row[xr + k], trow[d >> 16], lut, rpal, under, crb, cg);
        ka = kin > xr - cx1 ? kin : xr - cx1;
        kb = reach < xr - cx0 ? reach : xr - cx0;
        kb = kb < glow_k_end(dl0, step) ? kb : glow_k_end(dl0, step);
        d = dl0 + (uint32_t)ka * step;
        if (!on_bg) {
            for (int k = ka; k < kb; k++, d += step)
                glow_px(&row[xr - 1 - k], trow[d >> 16], lut, rpal, under, crb, cg);
            continue;
        }
        bool left = kb > ka;
        int la = xr - kb, lb = xr - ka; /* the left side's pixels, inside the clip */
        for (int k = ka; k < kb; k++, d += step)
            row[xr - 1 - k] = pal[trow[d >> 16]];
        /* the background around and between the two sides (inside a hollow glow too:
         * the disc drawn over it covers it, as it covered the fill there) */
        int x = cx0;
        if (left) {
            bg_span(row, x, la, bg);
            x = lb;
        }
        if (right) {
            bg_span(row, x, ra, bg);
            x = rb;
        }
        bg_span(row, x, cx1, bg);
    }
    return true;
}
