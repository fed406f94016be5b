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

/* The body the regions lie on, in the same 0..1 box as the built-in pack's regions:
 * a rounded head, neck, shoulders, chest, waist and hips as rounded rectangles, the
 * limbs as capsules a little fuller than the regions on them. Drawn first, in the base
 * colour, so the figure reads as one friendly body, not a mannequin of parts. */
static void body(draw_list *l, float x, float y, float s, gw_color c)
{
#define P(v) ((v) * s)
    draw_rect(l, gw_rc(x + P(0.448f), y + P(0.012f), P(0.104f), P(0.136f)), P(0.052f), c);      /* head */
    capsule(l, x + P(0.5f), y + P(0.14f), x + P(0.5f), y + P(0.185f), P(0.026f), c);          /* neck */
    draw_rect(l, gw_rc(x + P(0.372f), y + P(0.172f), P(0.256f), P(0.17f)), P(0.05f), c);        /* chest */
    draw_rect(l, gw_rc(x + P(0.402f), y + P(0.3f), P(0.196f), P(0.17f)), P(0.06f), c);          /* waist */
    draw_rect(l, gw_rc(x + P(0.404f), y + P(0.43f), P(0.192f), P(0.1f)), P(0.045f), c);         /* hips */
    for (int side = 0; side < 2; side++) {
        float m = side ? -1.f : 1.f, o = side ? 1.f : 0.f; /* mirrored across the middle */
#define X(v) (x + P(o + m * (v)))
        capsule(l, X(0.374f), y + P(0.205f), X(0.345f), y + P(0.352f), P(0.029f), c);      /* upper arm */
        capsule(l, X(0.345f), y + P(0.355f), X(0.326f), y + P(0.49f), P(0.025f), c);       /* forearm */
        draw_circle(l, X(0.323f), y + P(0.52f), P(0.028f), c);                             /* hand */
        capsule(l, X(0.455f), y + P(0.485f), X(0.452f), y + P(0.685f), P(0.046f), c);      /* thigh */
        capsule(l, X(0.452f), y + P(0.69f), X(0.449f), y + P(0.915f), P(0.035f), c);       /* calf */
        draw_rect(l, gw_rc(X(0.444f) - P(0.04f), y + P(0.928f), P(0.08f), P(0.044f)), P(0.022f), c); /* foot */
#undef X
    }
#undef P
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
    body(l, x, y, size, base);
    for (int i = 0; i < n; i++)
        region(l, &rg[i], false, x, y, size, base);
    if (highlight < 0 || highlight >= n)
        return;
    const body_region *h = &rg[highlight];
    /* the region lit: tensing, a close bright glow and the region in the full colour;
     * releasing, a wide soft glow, the warmth spreading out, and the region a little
     * softer; otherwise (listening, resting) a gentle glow */
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
    region(l, h, mirror, x, y, size, fill);
}
