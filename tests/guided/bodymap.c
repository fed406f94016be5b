/* guided.bodymap: the body map lights the part a step names, and only it, from the
 * draw list. For every region of the built-in pack, tensing and releasing, for a
 * right- and a left-handed person, at 300 and 520 pixels:
 * - some of the body is drawn in the lit colour, inside the region's own shapes (grown
 *   by a margin for the body's outline): a neck lit is not a band across the shoulders;
 * - a "dominant" region is lit on the viewer's left for a right-handed person (the
 *   figure faces us), on the right for a left-handed one, mirrored exactly;
 * - tensing and releasing fill the part in different colours (a visible state);
 * - nothing is lit when no region is;
 * - a pack's region that lies on no part of the body is still shown, by its own shapes.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (the built-in pack). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/bodymap.h"
#include "test_env.h"

static const gw_color BASE = { 0x34, 0x46, 0x55, 255 }, HI = { 0xf0, 0x20, 0xd0, 255 };

static bool same(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

/* A command's pixels' bounds (lines grown by their thickness). */
static gw_rect extent(const draw_cmd *c)
{
    gw_rect r = c->r;
    if (r.w < 0) { r.x += r.w; r.w = -r.w; }
    if (r.h < 0) { r.y += r.h; r.h = -r.h; }
    if (c->op == DRAW_LINE) {
        r.x -= c->thick / 2; r.y -= c->thick / 2; r.w += c->thick; r.h += c->thick;
    }
    return r;
}

/* The bounds of every non-glow command in colour c; false when there is none. */
static bool lit_bounds(const draw_list *l, gw_color c, gw_rect *out)
{
    bool any = false;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *d = &l->cmd[i];
        if (d->op == DRAW_GLOW || !same(d->color, c))
            continue;
        *out = any ? gw_rect_union(*out, extent(d)) : extent(d);
        any = true;
    }
    return any;
}

/* The region's shapes' bounds in pixels (mirrored as asked), grown by margin. */
static gw_rect shape_bounds(const body_region *g, bool mirror, float s, float margin)
{
    gw_rect r = { 0 };
    for (int i = 0; i < g->nshape; i++) {
        const struct body_shape *b = &g->shape[i];
        gw_rect k;
        if (b->type == 'e')
            k = gw_rc(b->x0 - b->x1, b->y0 - b->y1, 2 * b->x1, 2 * b->y1);
        else
            k = gw_rc(fminf(b->x0, b->x1) - b->r, fminf(b->y0, b->y1) - b->r, fabsf(b->x1 - b->x0) + 2 * b->r,
                      fabsf(b->y1 - b->y0) + 2 * b->r);
        if (mirror)
            k.x = 1 - k.x - k.w;
        r = i ? gw_rect_union(r, k) : k;
    }
    return gw_rc(r.x * s - margin, r.y * s - margin, r.w * s + 2 * margin, r.h * s + 2 * margin);
}

static bool inside(gw_rect in, gw_rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h;
}

/* The colour the lit part is filled with in state st. */
static bool fill_of(const body_region *rg, int n, int k, bodymap_state st, float s, gw_color *out)
{
    draw_list l = { 0 };
    draw_begin(&l, 1000, 1000, BASE);
    bodymap_draw(&l, rg, n, k, false, 0, 0, s, BASE, HI, st);
    bool found = false;
    for (int i = 0; i < l.ncmd && !found; i++)
        if (l.cmd[i].op != DRAW_GLOW && !same(l.cmd[i].color, BASE)) {
            *out = l.cmd[i].color;
            found = true;
        }
    draw_free(&l);
    return found;
}

static int check_region(const body_region *rg, int n, int k, float s)
{
    int bad = 0;
    const body_region *g = &rg[k];
    gw_rect lit[2];
    for (int m = 0; m < 2; m++) {
        draw_list l = { 0 };
        draw_begin(&l, 1000, 1000, BASE);
        bodymap_draw(&l, rg, n, k, m == 1, 0, 0, s, BASE, HI, BODYMAP_TENSE);
        if (!lit_bounds(&l, HI, &lit[m])) {
            fprintf(stderr, "bodymap: %s (%s) at %.0f px: nothing is lit\n", g->id, m ? "mirrored" : "as given", s);
            bad++;
            draw_free(&l);
            return bad;
        }
        gw_rect allowed = shape_bounds(g, m == 1, s, 0.045f * s);
        if (!inside(lit[m], allowed)) {
            fprintf(stderr,
                    "bodymap: %s (%s) at %.0f px: the light (%.0f,%.0f %.0fx%.0f) spills past the region "
                    "(%.0f,%.0f %.0fx%.0f)\n",
                    g->id, m ? "mirrored" : "as given", s, lit[m].x, lit[m].y, lit[m].w, lit[m].h, allowed.x,
                    allowed.y, allowed.w, allowed.h);
            bad++;
        }
        draw_free(&l);
    }
    float c0 = lit[0].x + lit[0].w / 2, c1 = lit[1].x + lit[1].w / 2;
    if (fabsf(c0 - (s - c1)) > 1.5f || fabsf(lit[0].y - lit[1].y) > 0.5f) {
        fprintf(stderr, "bodymap: %s at %.0f px: the mirrored light (centre %.1f) is not the mirror of %.1f\n",
                g->id, s, c1, c0);
        bad++;
    }
    int side = body_region_side(g);
    if ((side > 0 && !(c0 < s / 2)) || (side < 0 && !(c0 > s / 2))) {
        fprintf(stderr, "bodymap: %s at %.0f px: lit at x %.0f, on the wrong side for a right-handed person\n", g->id,
                s, c0);
        bad++;
    }
    gw_color tense, release;
    if (!fill_of(rg, n, k, BODYMAP_TENSE, s, &tense) || !fill_of(rg, n, k, BODYMAP_RELEASE, s, &release) ||
        same(tense, release)) {
        fprintf(stderr, "bodymap: %s: tensing and releasing look the same\n", g->id);
        bad++;
    }
    return bad;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "bodymap"))
        return 1;
    int bad = 0, checked = 0;
    for (int p = 0; p < env.packs.n; p++) {
        const pack *pk = env.packs.p[p];
        for (int k = 0; k < pk->nregion; k++)
            for (int z = 0; z < 2; z++, checked++)
                bad += check_region(pk->region, pk->nregion, k, z ? 520.f : 300.f);
        if (pk->nregion > 0) {
            draw_list l = { 0 };
            draw_begin(&l, 1000, 1000, BASE);
            bodymap_draw(&l, pk->region, pk->nregion, -1, false, 0, 0, 400, BASE, HI, BODYMAP_TENSE);
            gw_rect r;
            if (lit_bounds(&l, HI, &r)) {
                fprintf(stderr, "bodymap: with no region lit, something is drawn in the lit colour\n");
                bad++;
            }
            draw_free(&l);
        }
    }
    /* a region off the body (a pack's own): shown by its own shape */
    struct body_shape off = { 'e', 0.9f, 0.9f, 0.04f, 0.03f, 0 };
    body_region own = { .id = "tail", .nshape = 1, .shape = &off };
    draw_list l = { 0 };
    draw_begin(&l, 1000, 1000, BASE);
    bodymap_draw(&l, &own, 1, 0, false, 0, 0, 400, BASE, HI, BODYMAP_TENSE);
    gw_rect r;
    if (!lit_bounds(&l, HI, &r) || !inside(r, shape_bounds(&own, false, 400, 2))) {
        fprintf(stderr, "bodymap: a region on no part of the body is not shown where its shape is\n");
        bad++;
    }
    draw_free(&l);
    test_env_close(&env);
    if (checked < 40) {
        fprintf(stderr, "bodymap: only %d region sizes checked: is the built-in pack's body map there?\n", checked);
        bad++;
    }
    if (bad)
        fprintf(stderr, "bodymap: %d problem(s)\n", bad);
    else
        printf("bodymap: %d regions and sizes lit where they should be\n", checked);
    return bad ? 1 : 0;
}
