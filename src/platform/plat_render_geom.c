/* plat_render_geom: the renderer's shapes: rectangles (filled and outlined, rounded),
 * circles, rings and arcs, lines. Opaque and simple shapes are written straight into
 * the surface's pixels with coverage anti-aliasing (the fast_ paths); the rest become
 * triangles for SDL_RenderGeometry with a feathered edge.
 * Ownership: the renderer's vertex and index buffers, grown here, freed by
 * plat_render_free. */
#include "platform/plat_render_int.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool vreserve(plat_render *pr, int nv, int ni)
{
    if (pr->nvtx + nv > pr->capvtx) {
        int cap = pr->capvtx ? pr->capvtx : 1024;
        while (cap < pr->nvtx + nv) cap *= 2;
        SDL_Vertex *v = realloc(pr->vtx, (size_t)cap * sizeof *v);
        if (!v) return false;
        pr->vtx = v;
        pr->capvtx = cap;
    }
    if (pr->nidx + ni > pr->capidx) {
        int cap = pr->capidx ? pr->capidx : 4096;
        while (cap < pr->nidx + ni) cap *= 2;
        int *ix = realloc(pr->idx, (size_t)cap * sizeof *ix);
        if (!ix) return false;
        pr->idx = ix;
        pr->capidx = cap;
    }
    return true;
}

static int vput(plat_render *pr, float x, float y, gw_color c, Uint8 a)
{
    SDL_Vertex *v = &pr->vtx[pr->nvtx];
    v->position.x = x;
    v->position.y = y;
    v->color = (SDL_Color){ c.r, c.g, c.b, a };
    v->tex_coord.x = v->tex_coord.y = 0;
    return pr->nvtx++;
}

static void tri(plat_render *pr, int a, int b, int c)
{
    pr->idx[pr->nidx++] = a;
    pr->idx[pr->nidx++] = b;
    pr->idx[pr->nidx++] = c;
}

static void flush_geom(plat_render *pr)
{
    if (pr->nidx)
        SDL_RenderGeometry(pr->r, NULL, pr->vtx, pr->nvtx, pr->idx, pr->nidx);
    pr->nvtx = pr->nidx = 0;
}

static int segments_for(float radius, float turns)
{
    int n = (int)(fabsf(turns) * fmaxf(24.f, fminf(radius * 0.9f, 360.f)));
    return n < 4 ? 4 : n;
}

/* A band between two outlines of n points each (closed or open), solid colour, with
 * 1 px anti-aliased fringes outside both edges. ox/oy are outward normals. */
static void band(plat_render *pr, const float *px, const float *py, const float *nx,
                 const float *ny, int n, float in_off, float out_off, bool closed, gw_color c,
                 bool fringe_in)
{
    if (!vreserve(pr, n * 4, n * 18))
        return;
    int base = pr->nvtx;
    for (int i = 0; i < n; i++) {
        vput(pr, px[i] + nx[i] * (in_off - 1), py[i] + ny[i] * (in_off - 1), c, fringe_in ? 0 : c.a);
        vput(pr, px[i] + nx[i] * in_off, py[i] + ny[i] * in_off, c, c.a);
        vput(pr, px[i] + nx[i] * out_off, py[i] + ny[i] * out_off, c, c.a);
        vput(pr, px[i] + nx[i] * (out_off + 1), py[i] + ny[i] * (out_off + 1), c, 0);
    }
    int segs = closed ? n : n - 1;
    for (int i = 0; i < segs; i++) {
        int a = base + 4 * i, b = base + 4 * ((i + 1) % n);
        for (int k = 0; k < 3; k++) {
            tri(pr, a + k, b + k, a + k + 1);
            tri(pr, a + k + 1, b + k, b + k + 1);
        }
    }
}

/* Outline of a rounded rectangle: points and outward normals. Returns the count. */
static int rrect_outline(gw_rect r, float rad, float *px, float *py, float *nx, float *ny, int max)
{
    rad = fminf(rad, fminf(r.w, r.h) / 2);
    if (rad < 0.5f) rad = 0;
    const float cx[4] = { r.x + r.w - rad, r.x + r.w - rad, r.x + rad, r.x + rad };
    const float cy[4] = { r.y + rad, r.y + r.h - rad, r.y + r.h - rad, r.y + rad };
    int per = rad > 0 ? segments_for(rad, 0.25f) : 1;
    if (4 * (per + 1) > max) per = max / 4 - 1;
    int n = 0;
    for (int k = 0; k < 4; k++) {
        for (int i = 0; i <= per; i++) {
            /* corner k spans angles from -90+90k to 90k degrees (screen coords) */
            float a = (float)M_PI / 2 * ((float)k - 1 + (float)i / (float)per);
            float ca = cosf(a), sa = sinf(a);
            if (rad == 0) {
                /* sharp corner: diagonal normal, scaled so offsets stay parallel */
                float dx = (k == 0 || k == 1) ? 1.f : -1.f, dy = (k == 1 || k == 2) ? 1.f : -1.f;
                px[n] = cx[k]; py[n] = cy[k]; nx[n] = dx; ny[n] = dy;
                n++;
                break;
            }
            px[n] = cx[k] + ca * rad; py[n] = cy[k] + sa * rad;
            nx[n] = ca; ny[n] = sa;
            n++;
        }
    }
    return n;
}

#define OUTLINE_MAX 1024

static void fill_convex(plat_render *pr, const float *px, const float *py, const float *nx,
                        const float *ny, int n, float ccx, float ccy, gw_color c)
{
    if (!vreserve(pr, n + 1, n * 3))
        return;
    int centre = vput(pr, ccx, ccy, c, c.a);
    int base = pr->nvtx;
    for (int i = 0; i < n; i++)
        vput(pr, px[i] - nx[i] * 0.5f, py[i] - ny[i] * 0.5f, c, c.a);
    for (int i = 0; i < n; i++)
        tri(pr, centre, base + i, base + (i + 1) % n);
    band(pr, px, py, nx, ny, n, -0.5f, -0.5f, true, c, false);
}

static bool direct_begin(plat_render *pr, SDL_Rect *clip);
static bool fast_rrect(plat_render *pr, gw_rect r, float rad, float thick, gw_color c);

/* An opaque rectangle written straight into the surface, covering the pixels SDL's
 * software renderer would (its float rectangle truncated, at least 1 px). SDL blends
 * every pixel of a fill when the draw blend mode is "blend", even an opaque one. */
static bool fast_fill(plat_render *pr, float fx, float fy, float fw, float fh, gw_color c)
{
    SDL_Rect clip;
    if (c.a != 255 || !direct_begin(pr, &clip))
        return false;
    SDL_Rect r = { (int)fx, (int)fy, (int)fw > 1 ? (int)fw : 1, (int)fh > 1 ? (int)fh : 1 }, in;
    if (!SDL_IntersectRect(&r, &clip, &in))
        return true;
    SDL_Surface *s = pr->surf;
    Uint32 px = SDL_MapRGB(s->format, c.r, c.g, c.b);
    /* the first row pixel by pixel, the others copied from it (memcpy moves a row many
     * pixels at a time; SDL_memset4 stores one at a time) */
    Uint32 *first = (Uint32 *)((Uint8 *)s->pixels + (size_t)in.y * (size_t)s->pitch) + in.x;
    for (int x = 0; x < in.w; x++)
        first[x] = px;
    for (int y = in.y + 1; y < in.y + in.h; y++)
        memcpy((Uint8 *)first + (size_t)(y - in.y) * (size_t)s->pitch, first, (size_t)in.w * 4);
    return true;
}

static void draw_rect_cmd(plat_render *pr, const draw_cmd *c)
{
    if (c->radius < 0.5f) {
        if (fast_fill(pr, c->r.x, c->r.y, c->r.w, c->r.h, c->color))
            return;
        SDL_SetRenderDrawColor(pr->r, c->color.r, c->color.g, c->color.b, c->color.a);
        SDL_FRect fr = { c->r.x, c->r.y, c->r.w, c->r.h };
        SDL_RenderFillRectF(pr->r, &fr);
        return;
    }
    if (fast_rrect(pr, c->r, c->radius, 0, c->color))
        return;
    static float px[OUTLINE_MAX], py[OUTLINE_MAX], nx[OUTLINE_MAX], ny[OUTLINE_MAX];
    int n = rrect_outline(c->r, c->radius, px, py, nx, ny, OUTLINE_MAX);
    fill_convex(pr, px, py, nx, ny, n, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2, c->color);
    flush_geom(pr);
}

static void draw_frame_cmd(plat_render *pr, const draw_cmd *c)
{
    if (c->thick > 0 && fast_rrect(pr, c->r, c->radius, c->thick, c->color))
        return;
    static float px[OUTLINE_MAX], py[OUTLINE_MAX], nx[OUTLINE_MAX], ny[OUTLINE_MAX];
    int n = rrect_outline(c->r, c->radius, px, py, nx, ny, OUTLINE_MAX);
    band(pr, px, py, nx, ny, n, -c->thick / 2, c->thick / 2, true, c->color, true);
    flush_geom(pr);
}

/* Blends colour c at coverage cov (0..1) into the pixel at p (a 32-bit pixel). */
static inline void blend_px(Uint32 *p, const SDL_PixelFormat *f, gw_color c, float cov)
{
    Uint32 d = *p;
    unsigned a = (unsigned)(cov * (float)c.a + 0.5f);
    if (a == 0)
        return;
    if (f->format == SDL_PIXELFORMAT_XRGB8888 || f->format == SDL_PIXELFORMAT_ARGB8888) {
        unsigned r = d >> 16 & 255, g = d >> 8 & 255, b = d & 255;
        r = (c.r * a + r * (255 - a) + 127) / 255;
        g = (c.g * a + g * (255 - a) + 127) / 255;
        b = (c.b * a + b * (255 - a) + 127) / 255;
        *p = (d & 0xff000000u) | r << 16 | g << 8 | b;
        return;
    }
    Uint8 r, g, b;
    SDL_GetRGB(d, f, &r, &g, &b);
    r = (Uint8)((c.r * a + r * (255 - a) + 127) / 255);
    g = (Uint8)((c.g * a + g * (255 - a) + 127) / 255);
    b = (Uint8)((c.b * a + b * (255 - a) + 127) / 255);
    *p = SDL_MapRGB(f, r, g, b);
}

/* Before writing pixels straight into the surface: the surface must be 32-bit and
 * unlocked, and the renderer's queued drawing done. Gives the clip rectangle. */
static bool direct_begin(plat_render *pr, SDL_Rect *clip)
{
    SDL_Surface *s = pr->surf;
    if (s->format->BytesPerPixel != 4 || SDL_MUSTLOCK(s))
        return false;
    SDL_RenderFlush(pr->r);
    SDL_RenderGetClipRect(pr->r, clip);
    if (SDL_RectEmpty(clip))
        *clip = (SDL_Rect){ 0, 0, s->w, s->h };
    return true;
}

/* fmaxf and fminf are calls into libm unless NaNs are ruled out; no value here is one */
static inline float max_f(float a, float b) { return a > b ? a : b; }
static inline float min_f(float a, float b) { return a < b ? a : b; }

/* Signed distance from (x, y) to the outline of a rounded rectangle given by its centre,
 * half size and corner radius: negative inside. */
static inline float rrect_dist(float x, float y, float cx, float cy, float hw, float hh, float rad)
{
    float qx = fabsf(x - cx) - (hw - rad), qy = fabsf(y - cy) - (hh - rad);
    float ox = max_f(qx, 0), oy = max_f(qy, 0);
    return sqrtf(ox * ox + oy * oy) + min_f(max_f(qx, qy), 0) - rad;
}

/* A rounded rectangle written straight into the surface, from the distance to its
 * outline at each pixel centre: filled (thick 0; 1 px anti-aliased edge, as the
 * triangle path drew it) or its outline as a band thick wide with a 1 px fringe on
 * both sides. Rows between the corners skip (outline) or store (fill) the inside
 * span; only pixels near the edge are computed and blended. */
static bool fast_rrect(plat_render *pr, gw_rect r, float rad, float thick, gw_color c)
{
    SDL_Rect clip;
    if (r.w <= 0 || r.h <= 0 || !direct_begin(pr, &clip))
        return false;
    rad = min_f(max_f(rad, 0), min_f(r.w, r.h) / 2);
    float ht = thick / 2;
    float reach = thick > 0 ? ht + 1 : 0.5f; /* how far outside the outline pixels change */
    float inner = thick > 0 ? ht + 1 : 0.5f; /* how far inside the outline pixels change */
    float cx = r.x + r.w / 2, cy = r.y + r.h / 2, hw = r.w / 2, hh = r.h / 2;
    int y0 = (int)floorf(r.y - reach), y1 = (int)ceilf(r.y + r.h + reach);
    int x0 = (int)floorf(r.x - reach), x1 = (int)ceilf(r.x + r.w + reach);
    if (y0 < clip.y) y0 = clip.y;
    if (x0 < clip.x) x0 = clip.x;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    if (x1 > clip.x + clip.w) x1 = clip.x + clip.w;
    SDL_Surface *s = pr->surf;
    Uint32 solid = SDL_MapRGB(s->format, c.r, c.g, c.b);
    bool opaque = c.a == 255;
    for (int y = y0; y < y1; y++) {
        float py = (float)y + 0.5f;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        /* between the corners the inside span [ia, ib) is known without distances */
        int ia = x1, ib = x1;
        float edge = max_f(rad, inner);
        if (py >= r.y + edge && py <= r.y + r.h - edge) {
            ia = (int)ceilf(r.x + inner - 0.5f);
            ib = (int)floorf(r.x + r.w - inner - 0.5f) + 1;
            if (ia < x0) ia = x0;
            if (ib > x1) ib = x1;
            if (ib < ia) ib = ia;
        }
        /* above and below the corners' centres, along a straight stretch of the top or
         * bottom edge, the distance depends on the row alone ([sa, sb): pixels whose
         * centre is between the corners): computed once for the stretch */
        int sa = x1, sb = x1;
        float qy = fabsf(py - cy) - (hh - rad);
        if (ia == x1 && qy > 0) {
            sa = (int)floorf(cx - (hw - rad));
            sb = (int)ceilf(cx + (hw - rad));
            while (sa < sb && fabsf((float)sa + 0.5f - cx) - (hw - rad) > 0) sa++;
            while (sb > sa && fabsf((float)(sb - 1) + 0.5f - cx) - (hw - rad) > 0) sb--;
            if (sa < x0) sa = x0;
            if (sb > x1) sb = x1;
            if (sb <= sa) sa = sb = x1;
        }
        for (int x = x0; x < x1; x++) {
            if (x == ia && ib > ia) {
                if (thick <= 0) {
                    if (opaque)
                        SDL_memset4(&row[ia], solid, (size_t)(ib - ia));
                    else
                        for (int k = ia; k < ib; k++) blend_px(&row[k], s->format, c, 1.f);
                }
                x = ib - 1;
                continue;
            }
            if (x == sa) {
                float d = rrect_dist((float)x + 0.5f, py, cx, cy, hw, hh, rad);
                float cov = thick > 0 ? ht + 1 - fabsf(d) : 0.5f - d;
                if (cov >= 1 && opaque)
                    SDL_memset4(&row[sa], solid, (size_t)(sb - sa));
                else if (cov > 0)
                    for (int k = sa; k < sb; k++)
                        blend_px(&row[k], s->format, c, cov > 1 ? 1 : cov);
                x = sb - 1;
                continue;
            }
            float d = rrect_dist((float)x + 0.5f, py, cx, cy, hw, hh, rad);
            float cov = thick > 0 ? ht + 1 - fabsf(d) : 0.5f - d;
            if (cov <= 0)
                continue;
            if (cov >= 1 && opaque)
                row[x] = solid;
            else
                blend_px(&row[x], s->format, c, cov > 1 ? 1 : cov);
        }
    }
    return true;
}

/* A filled, anti-aliased disc written straight into the surface: solid spans are
 * filled row by row and only the edge pixels are blended. Much cheaper than triangles
 * for the large orb. Returns false if the surface format is not 32-bit. */
static bool fast_disc(plat_render *pr, float cx, float cy, float r, gw_color c)
{
    SDL_Surface *s = pr->surf;
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    int y0 = (int)floorf(cy - r - 1), y1 = (int)ceilf(cy + r + 1);
    if (y0 < clip.y) y0 = clip.y;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    Uint32 solid = SDL_MapRGB(s->format, c.r, c.g, c.b);
    bool opaque = c.a == 255;
    int cx0 = clip.x, cx1 = clip.x + clip.w;
    for (int y = y0; y < y1; y++) {
        float dy = (float)y + 0.5f - cy;
        float outer2 = (r + 0.5f) * (r + 0.5f) - dy * dy;
        if (outer2 <= 0)
            continue;
        float outer = sqrtf(outer2);
        float in2 = (r - 0.5f) * (r - 0.5f) - dy * dy;
        float inner = in2 > 0 ? sqrtf(in2) : 0;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        int xa = (int)floorf(cx - outer), xb = (int)ceilf(cx + outer);
        int ia = (int)ceilf(cx - inner), ib = (int)floorf(cx + inner); /* [ia, ib) fully inside */
        if (in2 <= 0) ia = ib = (int)cx;
        for (int x = xa < cx0 ? cx0 : xa; x < xb && x < cx1; x++) {
            if (x >= ia && x < ib) {
                int end = ib < cx1 ? ib : cx1;
                if (opaque)
                    for (int k = x; k < end; k++) row[k] = solid;
                else
                    for (int k = x; k < end; k++) blend_px(&row[k], s->format, c, 1.f);
                x = end - 1;
                continue;
            }
            float dx = (float)x + 0.5f - cx;
            float cov = r + 0.5f - sqrtf(dx * dx + dy * dy);
            if (cov > 0)
                blend_px(&row[x], s->format, c, cov > 1 ? 1 : cov);
        }
    }
    return true;
}

static void draw_circle_cmd(plat_render *pr, const draw_cmd *c)
{
    if (fast_disc(pr, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2, c->radius, c->color))
        return;
    static float px[OUTLINE_MAX], py[OUTLINE_MAX], nx[OUTLINE_MAX], ny[OUTLINE_MAX];
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    int n = segments_for(c->radius, 1.f);
    if (n > OUTLINE_MAX) n = OUTLINE_MAX;
    for (int i = 0; i < n; i++) {
        float a = 2 * (float)M_PI * (float)i / (float)n;
        nx[i] = cosf(a); ny[i] = sinf(a);
        px[i] = cx + nx[i] * c->radius; py[i] = cy + ny[i] * c->radius;
    }
    fill_convex(pr, px, py, nx, ny, n, cx, cy, c->color);
    flush_geom(pr);
}

/* An anti-aliased ring (or an arc of one) written straight into the surface; only the
 * band's pixels are visited. Returns false if the surface format is not 32-bit. */
static bool fast_ring(plat_render *pr, const draw_cmd *c)
{
    SDL_Surface *s = pr->surf;
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    float ro = c->radius + c->thick / 2, ri = c->radius - c->thick / 2;
    bool arc = c->a1 - c->a0 < 0.9999f;
    /* the arc's ends as unit vectors (0 turns up, clockwise): a pixel clearly to one
     * side of both end rays' lines is placed by two cross products; only those near
     * a line need the angle itself */
    bool sides = arc && c->a0 >= 0 && c->a1 <= 1 && c->a1 >= c->a0;
    float v0x = 0, v0y = 0, v1x = 0, v1y = 0;
    if (sides) {
        v0x = sinf(2 * (float)M_PI * c->a0), v0y = -cosf(2 * (float)M_PI * c->a0);
        v1x = sinf(2 * (float)M_PI * c->a1), v1y = -cosf(2 * (float)M_PI * c->a1);
    }
    bool wide = c->a1 - c->a0 > 0.5f;
    int y0 = (int)floorf(cy - ro - 1), y1 = (int)ceilf(cy + ro + 1);
    if (y0 < clip.y) y0 = clip.y;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    int cx0 = clip.x, cx1 = clip.x + clip.w;
    for (int y = y0; y < y1; y++) {
        float dy = (float)y + 0.5f - cy;
        float o2 = (ro + 0.5f) * (ro + 0.5f) - dy * dy;
        if (o2 <= 0)
            continue;
        float outer = sqrtf(o2);
        float i2 = (ri - 0.5f) * (ri - 0.5f) - dy * dy;
        float inner = i2 > 0 ? sqrtf(i2) : -1;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        /* two spans: left and right of the hole (or one across when there is none) */
        int spans[2][2];
        int ns = 0;
        if (inner < 0) {
            spans[ns][0] = (int)floorf(cx - outer); spans[ns++][1] = (int)ceilf(cx + outer);
        } else {
            spans[ns][0] = (int)floorf(cx - outer); spans[ns++][1] = (int)ceilf(cx - inner) + 1;
            spans[ns][0] = (int)floorf(cx + inner) - 1; spans[ns++][1] = (int)ceilf(cx + outer);
        }
        for (int k = 0; k < ns; k++) {
            int xa = spans[k][0] < cx0 ? cx0 : spans[k][0];
            int xb = spans[k][1] > cx1 ? cx1 : spans[k][1];
            for (int x = xa; x < xb; x++) {
                float dx = (float)x + 0.5f - cx;
                float d = sqrtf(dx * dx + dy * dy);
                float cov = fminf(ro + 0.5f - d, d - (ri - 0.5f));
                if (cov <= 0)
                    continue;
                if (arc) {
                    float s0 = v0x * dy - v0y * dx, s1 = v1x * dy - v1y * dx; /* > 0: clockwise after */
                    if (sides && fabsf(s0) > 2 && fabsf(s1) > 2) {
                        bool in = wide ? !(s1 > 0 && s0 < 0) : (s0 > 0 && s1 < 0);
                        if (!in)
                            continue;
                    } else {
                        float t = atan2f(dx, -dy) / (2 * (float)M_PI);
                        if (t < 0) t += 1;
                        if (t < c->a0 || t > c->a1)
                            continue;
                    }
                }
                blend_px(&row[x], s->format, c->color, cov > 1 ? 1 : cov);
            }
        }
    }
    return true;
}

static void draw_ring_cmd(plat_render *pr, const draw_cmd *c)
{
    if (fast_ring(pr, c))
        return;
    static float px[OUTLINE_MAX + 1], py[OUTLINE_MAX + 1], nx[OUTLINE_MAX + 1], ny[OUTLINE_MAX + 1];
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    float turns = c->a1 - c->a0;
    if (turns <= 0) return;
    bool closed = turns >= 0.9999f;
    int n = segments_for(c->radius, turns);
    if (n > OUTLINE_MAX) n = OUTLINE_MAX;
    int pts = closed ? n : n + 1;
    for (int i = 0; i < pts; i++) {
        float t = c->a0 + turns * (float)i / (float)n;
        float a = 2 * (float)M_PI * t - (float)M_PI / 2; /* 0 turns = top, clockwise */
        nx[i] = cosf(a); ny[i] = sinf(a);
        px[i] = cx + nx[i] * c->radius; py[i] = cy + ny[i] * c->radius;
    }
    band(pr, px, py, nx, ny, pts, -c->thick / 2, c->thick / 2, closed, c->color, true);
    flush_geom(pr);
}

/* Coverage of the pixel [p, p+1) by the span [a, b]. */
static inline float span_cover(int p, float a, float b)
{
    float lo = fmaxf((float)p, a), hi = fminf((float)p + 1, b);
    return hi > lo ? hi - lo : 0;
}

/* A horizontal or vertical line written straight into the surface: the rectangle it
 * covers (its length by its thickness, no caps), each pixel blended by the area it
 * has inside (box filter). Inner pixels are plain stores. Since a pixel depends only
 * on its own overlap, a line that grows from a fixed start changes no pixel before
 * its old end (core/draw.c relies on this to redraw only the new part). */
static bool fast_line(plat_render *pr, const draw_cmd *c)
{
    if (c->r.w != 0 && c->r.h != 0)
        return false;
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    float ht = c->thick / 2;
    float x0 = fminf(c->r.x, c->r.x + c->r.w), x1 = fmaxf(c->r.x, c->r.x + c->r.w);
    float y0 = fminf(c->r.y, c->r.y + c->r.h), y1 = fmaxf(c->r.y, c->r.y + c->r.h);
    if (c->r.w == 0) { x0 -= ht; x1 += ht; } else { y0 -= ht; y1 += ht; }
    int ix0 = (int)floorf(x0), ix1 = (int)ceilf(x1), iy0 = (int)floorf(y0), iy1 = (int)ceilf(y1);
    if (ix0 < clip.x) ix0 = clip.x;
    if (iy0 < clip.y) iy0 = clip.y;
    if (ix1 > clip.x + clip.w) ix1 = clip.x + clip.w;
    if (iy1 > clip.y + clip.h) iy1 = clip.y + clip.h;
    SDL_Surface *s = pr->surf;
    Uint32 solid = SDL_MapRGB(s->format, c->color.r, c->color.g, c->color.b);
    for (int y = iy0; y < iy1; y++) {
        float cy = span_cover(y, y0, y1);
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = ix0; x < ix1; x++) {
            float cov = cy * span_cover(x, x0, x1);
            if (cov >= 1.f && c->color.a == 255)
                row[x] = solid;
            else if (cov > 0)
                blend_px(&row[x], s->format, c->color, cov);
        }
    }
    return true;
}

static void draw_line_cmd(plat_render *pr, const draw_cmd *c)
{
    if (fast_line(pr, c))
        return;
    float x0 = c->r.x, y0 = c->r.y, x1 = c->r.x + c->r.w, y1 = c->r.y + c->r.h;
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f) return;
    float ux = dx / len, uy = dy / len;
    float px[2] = { x0, x1 }, py[2] = { y0, y1 }, nx[2] = { -uy, -uy }, ny[2] = { ux, ux };
    band(pr, px, py, nx, ny, 2, -c->thick / 2, c->thick / 2, false, c->color, true);
    flush_geom(pr);
}

/* ---- glow and gradient ---------------------------------------------------------- *
 * The glow is drawn from a sprite computed once per process: a quadrant of GLOW_N x
 * GLOW_N texels, each holding its centre's distance from the corner as a fraction of
 * the quadrant's side (0..65535). A glow of any size samples it (nearest texel, an
 * index stepped along the row in fixed point) and turns the distance into alpha through
 * a 256-entry falloff table made per command; so a frame costs a lookup and a blend per
 * pixel, no root or power. The falloff, (1 - t)^2 for t from 0 at the radius to 1 at
 * radius + spread, leaves no visible edge. */

enum { GLOW_N = 256, GLOW_LUT = 256 };
static uint16_t glow_rho[GLOW_N * GLOW_N];
static bool glow_ready;

static void glow_sprite(void)
{
    if (glow_ready)
        return;
    for (int y = 0; y < GLOW_N; y++)
        for (int x = 0; x < GLOW_N; x++) {
            float fx = ((float)x + 0.5f) / GLOW_N, fy = ((float)y + 0.5f) / GLOW_N;
            float d = sqrtf(fx * fx + fy * fy);
            glow_rho[y * GLOW_N + x] = (uint16_t)(d >= 1 ? 65535 : lroundf(d * 65535));
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

/* One glow pixel at texel distance rho: premixed over the background, else blended. */
static inline void glow_px(Uint32 *p, uint16_t rho, const uint8_t *lut, const Uint32 *pal, Uint32 bg, Uint32 crb,
                           Uint32 cg)
{
    unsigned k = (unsigned)rho * GLOW_LUT >> 16; /* rho >> 8 */
    if (*p == bg)
        *p = pal[k];
    else if (lut[k])
        *p = glow_over(*p, crb, cg, lut[k]);
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
    for (int x = a; x < b; x++)
        row[x] = bg;
}

/* A glow; with on_bg, the clip has nothing drawn in it yet: each row's pixels are the
 * glow premixed over the background where it reaches, and the background elsewhere,
 * written once in one pass (no fill first that the glow reads back and writes again). */
static bool glow_rows(plat_render *pr, const draw_cmd *c, bool on_bg)
{
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
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
    Uint32 bg = pr->bg_px, pal[GLOW_LUT];
    for (int k = 0; k < GLOW_LUT; k++)
        pal[k] = glow_over(bg, crb, cg, lut[k]);
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
        const uint16_t *trow = &glow_rho[ty * GLOW_N];
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
        if (on_bg)
            for (int k = ka; k < kb; k++, d += step)
                row[xr + k] = pal[(unsigned)trow[d >> 16] * GLOW_LUT >> 16];
        else
            for (int k = ka; k < kb; k++, d += step)
                glow_px(&row[xr + k], trow[d >> 16], lut, pal, bg, crb, cg);
        ka = kin > xr - cx1 ? kin : xr - cx1;
        kb = reach < xr - cx0 ? reach : xr - cx0;
        kb = kb < glow_k_end(dl0, step) ? kb : glow_k_end(dl0, step);
        d = dl0 + (uint32_t)ka * step;
        if (!on_bg) {
            for (int k = ka; k < kb; k++, d += step)
                glow_px(&row[xr - 1 - k], trow[d >> 16], lut, pal, bg, crb, cg);
            continue;
        }
        bool left = kb > ka;
        int la = xr - kb, lb = xr - ka; /* the left side's pixels, inside the clip */
        for (int k = ka; k < kb; k++, d += step)
            row[xr - 1 - k] = pal[(unsigned)trow[d >> 16] * GLOW_LUT >> 16];
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

static bool fast_glow(plat_render *pr, const draw_cmd *c)
{
    glow_rows(pr, c, false);
    return true;
}

bool render_geom_glow_on_bg(plat_render *pr, const draw_cmd *c)
{
    return c->op == DRAW_GLOW && glow_rows(pr, c, true);
}

/* One colour per row, rounded from the two ends; rows stored whole. */
static bool fast_gradient(plat_render *pr, const draw_cmd *c)
{
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    SDL_Rect r = { (int)c->r.x, (int)c->r.y, (int)c->r.w, (int)c->r.h }, in;
    if (r.h <= 0 || !SDL_IntersectRect(&r, &clip, &in))
        return true;
    gw_color a = c->color, b = draw_gradient_bottom(c);
    SDL_Surface *s = pr->surf;
    for (int y = in.y; y < in.y + in.h; y++) {
        int k = (int)(((int64_t)(y - r.y) * 1024 + 512) / r.h); /* 0..1024 down the rectangle */
        Uint32 px = SDL_MapRGB(s->format, (Uint8)((a.r * (1024 - k) + b.r * k + 512) >> 10),
                               (Uint8)((a.g * (1024 - k) + b.g * k + 512) >> 10),
                               (Uint8)((a.b * (1024 - k) + b.b * k + 512) >> 10));
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch) + in.x;
        SDL_memset4(row, px, (size_t)in.w);
    }
    return true;
}

bool render_geom_fill(plat_render *pr, float x, float y, float w, float h, gw_color c)
{
    return fast_fill(pr, x, y, w, h, c);
}

bool render_geom_cmd(plat_render *pr, const draw_cmd *c)
{
    switch (c->op) {
    case DRAW_RECT: draw_rect_cmd(pr, c); return true;
    case DRAW_FRAME: draw_frame_cmd(pr, c); return true;
    case DRAW_CIRCLE: draw_circle_cmd(pr, c); return true;
    case DRAW_RING: draw_ring_cmd(pr, c); return true;
    case DRAW_LINE: draw_line_cmd(pr, c); return true;
    case DRAW_GLOW: fast_glow(pr, c); return true;
    case DRAW_GRADIENT:
        if (!fast_gradient(pr, c)) {
            SDL_SetRenderDrawColor(pr->r, c->color.r, c->color.g, c->color.b, 255);
            SDL_FRect fr = { c->r.x, c->r.y, c->r.w, c->r.h };
            SDL_RenderFillRectF(pr->r, &fr);
        }
        return true;
    default: return false;
    }
}
