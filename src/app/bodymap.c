#include "app/bodymap.h"

#include <math.h>

/* An ellipse as horizontal bands, each a thick line as wide as the ellipse at its
 * height; bands overlap by half a pixel so no seams show. */
static void ellipse(draw_list *l, float cx, float cy, float rx, float ry, gw_color c)
{
    if (rx <= 0 || ry <= 0)
        return;
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

void bodymap_draw(draw_list *l, const body_region *rg, int n, int highlight, bool mirror, float x, float y,
                  float size, gw_color base, gw_color hi)
{
    if (!rg || n <= 0 || size <= 0)
        return;
    for (int i = 0; i < n; i++)
        region(l, &rg[i], false, x, y, size, base);
    if (highlight >= 0 && highlight < n)
        region(l, &rg[highlight], mirror, x, y, size, hi);
}
