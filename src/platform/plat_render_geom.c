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
    if (pr->nidx) {
        render_sdl_begin(pr);
        SDL_RenderGeometry(pr->r, NULL, pr->vtx, pr->nvtx, pr->idx, pr->nidx);
    }
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

static bool fast_rrect(plat_render *pr, gw_rect r, float rad, float thick, gw_color c);

/* An opaque rectangle written straight into the surface, covering the pixels SDL's
 * software renderer would (its float rectangle truncated, at least 1 px). SDL blends
 * every pixel of a fill when the draw blend mode is "blend", even an opaque one. */
static bool fast_fill(plat_render *pr, float fx, float fy, float fw, float fh, gw_color c)
{
    SDL_Rect clip;
    if (c.a != 255 || !render_direct_begin(pr, &clip))
        return false;
    SDL_Rect r = { (int)fx, (int)fy, (int)fw > 1 ? (int)fw : 1, (int)fh > 1 ? (int)fh : 1 }, in;
    if (!SDL_IntersectRect(&r, &clip, &in))
        return true;
    SDL_Surface *s = pr->surf;
    Uint32 px = SDL_MapRGB(s->format, c.r, c.g, c.b);
    /* the first row pixel by pixel, the others copied from it (memcpy moves a row many
     * pixels at a time) */
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
        render_sdl_begin(pr);
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
    if (r.w <= 0 || r.h <= 0 || !render_direct_begin(pr, &clip))
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
                        render_span(&row[ia], (size_t)(ib - ia), solid);
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
                    render_span(&row[sa], (size_t)(sb - sa), solid);
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
    if (!render_direct_begin(pr, &clip))
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
    if (!render_direct_begin(pr, &clip))
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
    if (!render_direct_begin(pr, &clip))
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

/* ---- gradient ---------------------------------------------------------------- */

static bool fast_glow(plat_render *pr, const draw_cmd *c)
{
    render_glow(pr, c, false);
    return true;
}

bool render_geom_glow_on_bg(plat_render *pr, const draw_cmd *c)
{
    return c->op == DRAW_GLOW && render_glow(pr, c, true);
}

/* One colour per row, rounded from the two ends; rows stored whole. */
static bool fast_gradient(plat_render *pr, const draw_cmd *c)
{
    SDL_Rect clip;
    if (!render_direct_begin(pr, &clip))
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
        render_span(row, (size_t)in.w, px);
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
            render_sdl_begin(pr);
            SDL_SetRenderDrawColor(pr->r, c->color.r, c->color.g, c->color.b, 255);
            SDL_FRect fr = { c->r.x, c->r.y, c->r.w, c->r.h };
            SDL_RenderFillRectF(pr->r, &fr);
        }
        return true;
    default: return false;
    }
}
