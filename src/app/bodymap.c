#include "app/bodymap.h"

#include <math.h>

/* An ellipse as horizontal bands, each a thick line as wide as the ellipse at its
 * height; bands overlap by half a pixel so no seams show. A nearly round one is a
 * disc (anti-aliased all round, and one command). */
static void ellipse(draw_list *l, float cx, float cy, float rx, float ry, gw_color c)
{
    if (rx <= 0 || ry <= 0)
        return;
    if (fabsf(rx - ry) < 0.75f) {
        draw_circle(l, cx, cy, (rx + ry) / 2, c);
        return;
    }
    int n = (int)fminf(fmaxf(ry * 2, 4.f), 240.f);  /* about a band per pixel row */
    float h = 2 * ry / (float)n;
    for (int i = 0; i < n; i++) {
        float y = cy - ry + h * ((float)i + 0.5f);
        float dy = (y - cy) / ry;
        float w = rx * sqrtf(fmaxf(0.f, 1 - dy * dy));
        if (w < 0.5f)
            continue;
        draw_line(l, cx - w, y, cx + w, y, h + 0.5f, c);
    }
}

static void capsule(draw_list *l, float x0, float y0, float x1, float y1, float r, gw_color c)
{
    if (r <= 0)
        return;
    draw_line(l, x0, y0, x1, y1, 2 * r, c);
    draw_circle(l, x0, y0, r, c);
    draw_circle(l, x1, y1, r, c);
}

static void region(draw_list *l, const body_region *g, bool mirror, float x, float y, float s, gw_color c)
{
    for (int i = 0; i < g->nshape; i++) {
        const struct body_shape *b = &g->shape[i];
        float x0 = mirror ? 1 - b->x0 : b->x0;
        if (b->type == 'e')
            ellipse(l, x + x0 * s, y + b->y0 * s, b->x1 * s, b->y1 * s, c);
        else if (b->type == 'c')
            capsule(l, x + x0 * s, y + b->y0 * s, x + (mirror ? 1 - b->x1 : b->x1) * s, y + b->y1 * s, b->r * s, c);
    }
}

/* A soft glow around a region: one per shape, centred on it and as large as it. */
static void region_glow(draw_list *l, const body_region *g, bool mirror, float x, float y, float s, float spread,
                        gw_color c)
{
    for (int i = 0; i < g->nshape; i++) {
        const struct body_shape *b = &g->shape[i];
        float x0 = mirror ? 1 - b->x0 : b->x0;
        if (b->type == 'e') {
            draw_glow(l, x + x0 * s, y + b->y0 * s, fminf(b->x1, b->y1) * s, spread + fabsf(b->x1 - b->y1) * s, 0, c);
        } else if (b->type == 'c') {
            /* glows along the capsule, a radius apart, each fainter: together an even
             * halo that follows the limb instead of one round blot */
            float x1 = mirror ? 1 - b->x1 : b->x1;
            float len = sqrtf((x1 - x0) * (x1 - x0) + (b->y1 - b->y0) * (b->y1 - b->y0)) * s, r = b->r * s;
            int k = r > 0 ? (int)ceilf(len / r) : 0;
            gw_color f = c;
            f.a = (uint8_t)(c.a / 3);
            for (int j = 0; j <= k && j <= 64; j++) {
                float t = k ? (float)j / (float)k : 0.5f;
                draw_glow(l, x + (x0 + (x1 - x0) * t) * s, y + (b->y0 + (b->y1 - b->y0) * t) * s, r, spread, 0, f);
            }
        }
    }
}

/* The figure being drawn: where, and which region is lit in what colour. Parts are
 * given in the 0..1 box; a part whose centre lies in the lit region's shapes is drawn
 * in the lit colour, so the light follows the body's own outline. */
typedef struct fig {
    draw_list *l;
    float x, y, s;
    gw_color base, lit;
    const body_region *hl; /* NULL: none lit */
    bool mirror;
    int nlit;              /* parts drawn lit */
} fig;

/* Whether (u, v) lies in one of the lit region's shapes (mirrored as drawn). */
static bool lit_at(const fig *f, float u, float v)
{
    if (!f->hl)
        return false;
    for (int i = 0; i < f->hl->nshape; i++) {
        const struct body_shape *b = &f->hl->shape[i];
        float x0 = f->mirror ? 1 - b->x0 : b->x0;
        if (b->type == 'e') {
            float dx = (u - x0) / b->x1, dy = (v - b->y0) / b->y1;
            if (b->x1 > 0 && b->y1 > 0 && dx * dx + dy * dy <= 1)
                return true;
        } else if (b->type == 'c') {
            float x1 = f->mirror ? 1 - b->x1 : b->x1;
            float ex = x1 - x0, ey = b->y1 - b->y0, len2 = ex * ex + ey * ey;
            float t = len2 > 0 ? fminf(fmaxf(((u - x0) * ex + (v - b->y0) * ey) / len2, 0.f), 1.f) : 0;
            float dx = u - (x0 + ex * t), dy = v - (b->y0 + ey * t);
            if (dx * dx + dy * dy <= b->r * b->r)
                return true;
        }
    }
    return false;
}

static gw_color part_color(fig *f, float u, float v)
{
    if (!lit_at(f, u, v))
        return f->base;
    f->nlit++;
    return f->lit;
}

/* A horizontal band of the body at height v, half-width hw, h tall (0..1 box), about
 * centre line u; bands overlap by half a pixel so no seams show. A band is lit when its
 * middle third is: the top of the shoulders is not lit with the neck above it. */
static void band(fig *f, float u, float v, float hw, float h)
{
    float px = f->s;
    bool lit = lit_at(f, u, v) && lit_at(f, u - hw / 3, v) && lit_at(f, u + hw / 3, v);
    if (lit)
        f->nlit++;
    draw_line(f->l, f->x + (u - hw) * px, f->y + v * px, f->x + (u + hw) * px, f->y + v * px, h * px + 0.5f,
              lit ? f->lit : f->base);
}

/* An oval part as bands about a pixel tall (each lit or not on its own: a forehead is
 * the head's top bands). */
static void oval(fig *f, float u, float v, float ru, float rv)
{
    int n = (int)fminf(fmaxf(rv * 2 * f->s, 4.f), 240.f);
    float h = 2 * rv / (float)n;
    for (int i = 0; i < n; i++) {
        float y = v - rv + h * ((float)i + 0.5f), dy = (y - v) / rv;
        float w = ru * sqrtf(fmaxf(0.f, 1 - dy * dy));
        if (w * f->s >= 0.5f)
            band(f, u, y, w, h);
    }
}

/* A limb from (u0, v0), r0 thick, to (u1, v1), r1: capsules stepped from one radius to
 * the other, so it tapers smoothly (full at the shoulder or hip, slim at the wrist or
 * ankle) instead of being a tube of one width. */
static void limb(fig *f, float u0, float v0, float r0, float u1, float v1, float r1)
{
    enum { STEPS = 6 };
    for (int i = 0; i < STEPS; i++) {
        float t0 = (float)i / STEPS, t1 = (float)(i + 1) / STEPS, tm = (t0 + t1) / 2;
        gw_color c = part_color(f, u0 + (u1 - u0) * tm, v0 + (v1 - v0) * tm);
        capsule(f->l, f->x + (u0 + (u1 - u0) * t0) * f->s, f->y + (v0 + (v1 - v0) * t0) * f->s,
                f->x + (u0 + (u1 - u0) * t1) * f->s, f->y + (v0 + (v1 - v0) * t1) * f->s,
                (r0 + (r1 - r0) * t1) * f->s, c);
    }
}

/* The torso's half-width down its height (in the 0..1 box): rounded shoulders, the
 * chest narrowing to the waist and widening a little at the hips, then flowing into
 * the legs. Between these points the width follows a smooth (cosine) curve, so the
 * outline has no corners and no bulges. */
static const float TORSO[][2] = {
    { 0.183f, 0.07f }, { 0.19f, 0.1f },  { 0.2f, 0.115f },  { 0.215f, 0.123f }, { 0.24f, 0.125f },
    { 0.29f, 0.117f }, { 0.34f, 0.1f },  { 0.385f, 0.092f }, { 0.44f, 0.099f }, { 0.48f, 0.1f },
    { 0.51f, 0.096f }, { 0.535f, 0.09f },
};

static void torso(fig *f)
{
    enum { NPT = sizeof TORSO / sizeof *TORSO };
    float top = TORSO[0][0], bottom = TORSO[NPT - 1][0];
    int n = (int)fminf(fmaxf((bottom - top) * f->s, 8.f), 400.f);
    float h = (bottom - top) / (float)n;
    for (int i = 0, k = 0; i < n; i++) {
        float v = top + h * ((float)i + 0.5f);
        while (k < NPT - 2 && v > TORSO[k + 1][0])
            k++;
        float t = (v - TORSO[k][0]) / (TORSO[k + 1][0] - TORSO[k][0]);
        t = (1 - cosf((float)M_PI * fminf(fmaxf(t, 0.f), 1.f))) / 2;
        band(f, 0.5f, v, TORSO[k][1] + (TORSO[k + 1][1] - TORSO[k][1]) * t, h);
    }
}

/* The body the regions lie on, in the same 0..1 box as the built-in pack's regions: an
 * oval head on a neck, rounded shoulders, a chest that narrows to the waist and widens
 * a little at the hips, and limbs that taper from shoulder to wrist and hip to ankle,
 * with oval hands and feet: one soft, friendly outline, not a mannequin of blocks. */
static void body(fig *f)
{
    /* the legs first, so the hips cover the thighs' rounded tops; the neck under the
     * shoulders; the arms last, beside the torso */
    for (int side = 0; side < 2; side++) {
        float m = side ? -1.f : 1.f, o = side ? 1.f : 0.f; /* mirrored across the middle */
        limb(f, o + m * 0.456f, 0.47f, 0.052f, o + m * 0.452f, 0.69f, 0.036f); /* thigh */
        limb(f, o + m * 0.452f, 0.69f, 0.036f, o + m * 0.449f, 0.92f, 0.024f); /* calf */
        oval(f, o + m * 0.445f, 0.944f, 0.034f, 0.02f);                       /* foot */
    }
    limb(f, 0.5f, 0.13f, 0.025f, 0.5f, 0.19f, 0.025f);                         /* neck */
    torso(f);
    oval(f, 0.5f, 0.079f, 0.055f, 0.066f);                                     /* head */
    for (int side = 0; side < 2; side++) {
        float m = side ? -1.f : 1.f, o = side ? 1.f : 0.f;
        limb(f, o + m * 0.384f, 0.226f, 0.031f, o + m * 0.346f, 0.352f, 0.026f); /* upper arm */
        limb(f, o + m * 0.346f, 0.352f, 0.026f, o + m * 0.327f, 0.488f, 0.02f);  /* forearm */
        oval(f, o + m * 0.323f, 0.52f, 0.022f, 0.033f);                         /* hand */
    }
}

static gw_color mix(gw_color a, gw_color b, int k)
{
    gw_color m = { (uint8_t)((a.r * (256 - k) + b.r * k + 128) >> 8), (uint8_t)((a.g * (256 - k) + b.g * k + 128) >> 8),
                   (uint8_t)((a.b * (256 - k) + b.b * k + 128) >> 8), 255 };
    return m;
}

void bodymap_draw(draw_list *l, const body_region *rg, int n, int highlight, bool mirror, float x, float y,
                  float size, gw_color base, gw_color hi, bodymap_state state)
{
    if (!rg || n <= 0 || size <= 0)
        return;
    /* depth: a faint glow of the base colour behind the body */
    gw_color aura = base;
    aura.a = 70;
    draw_glow(l, x + size / 2, y + size * 0.4f, size * 0.16f, size * 0.34f, 0, aura);
    fig f = { .l = l, .x = x, .y = y, .s = size, .base = base, .lit = base, .mirror = mirror };
    if (highlight < 0 || highlight >= n) {
        body(&f);
        return;
    }
    const body_region *h = &rg[highlight];
    /* the region lit: tensing, a close bright glow and the region in the full colour;
     * releasing, a wide soft glow, the warmth spreading out, and the region a little
     * softer; otherwise (listening, resting) a gentle glow. The glow is behind the body:
     * a light round the lit part's outline, not a haze over the figure. */
    gw_color g = hi;
    float spread = size * 0.03f;
    gw_color fill = hi;
    if (state == BODYMAP_TENSE) {
        g.a = 210;
        spread = size * 0.025f;
    } else if (state == BODYMAP_RELEASE) {
        g.a = 120;
        spread = size * 0.08f;
        fill = mix(hi, base, 48);
    } else {
        g.a = 70;
    }
    region_glow(l, h, mirror, x, y, size, spread, g);
    f.hl = h;
    f.lit = fill;
    body(&f);
    /* a pack's region that lies on none of the body's parts: its own shapes, lit */
    if (f.nlit == 0)
        region(l, h, mirror, x, y, size, fill);
}
