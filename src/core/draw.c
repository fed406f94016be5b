#include "core/draw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void draw_begin(draw_list *l, int w, int h, gw_color clear)
{
    l->w = w;
    l->h = h;
    l->clear = clear;
    l->ncmd = 0;
    l->nwid = 0;
    l->narena = 0;
    l->oom = false;
    l->focus_stop = 0;
    l->words_from = 0;
}

void draw_free(draw_list *l)
{
    free(l->cmd);
    free(l->wid);
    free(l->arena);
    memset(l, 0, sizeof *l);
}

static bool grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return true;
    int ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    void *np = realloc(*p, (size_t)ncap * size);
    if (!np)
        return false;
    *p = np;
    *cap = ncap;
    return true;
}

static draw_cmd *push(draw_list *l, draw_op op, gw_color c)
{
    if (!grow((void **)&l->cmd, &l->capcmd, l->ncmd + 1, sizeof *l->cmd)) {
        l->oom = true;
        return NULL;
    }
    draw_cmd *d = &l->cmd[l->ncmd++];
    memset(d, 0, sizeof *d);
    d->op = op;
    d->color = c;
    return d;
}

void draw_rect(draw_list *l, gw_rect r, float radius, gw_color c)
{
    draw_cmd *d = push(l, DRAW_RECT, c);
    if (d) { d->r = r; d->radius = radius; }
}

void draw_frame(draw_list *l, gw_rect r, float radius, float thick, gw_color c)
{
    draw_cmd *d = push(l, DRAW_FRAME, c);
    if (d) { d->r = r; d->radius = radius; d->thick = thick; }
}

void draw_circle(draw_list *l, float cx, float cy, float radius, gw_color c)
{
    draw_cmd *d = push(l, DRAW_CIRCLE, c);
    if (d) { d->r = gw_rc(cx - radius, cy - radius, 2 * radius, 2 * radius); d->radius = radius; }
}

void draw_ring(draw_list *l, float cx, float cy, float radius, float thick, float a0, float a1,
               gw_color c)
{
    draw_cmd *d = push(l, DRAW_RING, c);
    if (!d)
        return;
    float o = radius + thick / 2;
    d->r = gw_rc(cx - o, cy - o, 2 * o, 2 * o);
    d->radius = radius;
    d->thick = thick;
    d->a0 = a0;
    d->a1 = a1;
}

void draw_line(draw_list *l, float x0, float y0, float x1, float y1, float thick, gw_color c)
{
    draw_cmd *d = push(l, DRAW_LINE, c);
    if (d) { d->r = gw_rc(x0, y0, x1 - x0, y1 - y0); d->thick = thick; }
}

void draw_glow(draw_list *l, float cx, float cy, float radius, float spread, int flags, gw_color c)
{
    draw_cmd *d = push(l, DRAW_GLOW, c);
    if (!d)
        return;
    float o = radius + spread;
    d->r = gw_rc(cx - o, cy - o, 2 * o, 2 * o);
    d->radius = radius;
    d->thick = spread;
    d->flags = flags;
}

void draw_gradient(draw_list *l, gw_rect r, gw_color top, gw_color bottom)
{
    draw_cmd *d = push(l, DRAW_GRADIENT, top);
    if (d) {
        d->r = r;
        d->text = (uint32_t)bottom.r << 24 | (uint32_t)bottom.g << 16 | (uint32_t)bottom.b << 8 | bottom.a;
    }
}

/* Room in the text arena for n more bytes (false: out of memory, noted). */
static bool arena_room(draw_list *l, size_t n)
{
    if (l->narena + n > l->caparena) {
        size_t ncap = l->caparena ? l->caparena * 2 : 1024;
        while (ncap < l->narena + n)
            ncap *= 2;
        char *na = realloc(l->arena, ncap);
        if (!na) {
            l->oom = true;
            return false;
        }
        l->arena = na;
        l->caparena = ncap;
    }
    return true;
}

void draw_text(draw_list *l, gw_rect box, const char *utf8, int font_px, int flags, gw_color c)
{
    if (!utf8 || !*utf8)
        return;
    size_t n = strlen(utf8) + 1;
    if (!arena_room(l, n))
        return;
    draw_cmd *d = push(l, DRAW_TEXT, c);
    if (!d)
        return;
    memcpy(l->arena + l->narena, utf8, n);
    d->text = (uint32_t)l->narena;
    l->narena += n;
    d->r = box;
    d->font_px = font_px;
    d->flags = flags;
}

/* s copied into the arena: its offset + 1, or 0 (none, or no memory) */
static uint32_t arena_keep(draw_list *l, const char *s)
{
    size_t n = strlen(s) + 1;
    if (!*s || !arena_room(l, n))
        return 0;
    memcpy(l->arena + l->narena, s, n);
    l->narena += n;
    return (uint32_t)(l->narena - n + 1);
}

void draw_widget_describe_at(draw_list *l, int i, draw_role role, const char *name, const char *state)
{
    if (i < 0 || i >= l->nwid)
        return;
    l->wid[i].role = (uint8_t)role;
    if (name) {
        uint32_t at = arena_keep(l, name);
        l->wid[i].name = at;
    }
    if (state) {
        uint32_t at = arena_keep(l, state);
        l->wid[i].state = at;
    }
}

void draw_widget_describe(draw_list *l, draw_role role, const char *name, const char *state)
{
    draw_widget_describe_at(l, l->nwid - 1, role, name, state);
}

const char *draw_widget_name(const draw_list *l, const draw_widget *w)
{
    return w->name ? l->arena + w->name - 1 : "";
}

const char *draw_widget_state(const draw_list *l, const draw_widget *w)
{
    return w->state ? l->arena + w->state - 1 : "";
}

bool draw_focus_next(const draw_list *l, bool focused)
{
    return l->focus_stop > 0 ? l->focus_stop == l->nwid + 1 : focused;
}

void draw_widget_add(draw_list *l, const char *id, gw_rect r, bool focused)
{
    focused = draw_focus_next(l, focused);
    if (!grow((void **)&l->wid, &l->capwid, l->nwid + 1, sizeof *l->wid)) {
        l->oom = true;
        return;
    }
    draw_widget *w = &l->wid[l->nwid++];
    memset(w, 0, sizeof *w);
    strncpy(w->id, id, sizeof w->id - 1);
    w->r = r;
    w->focused = focused;
}

const char *draw_text_of(const draw_list *l, const draw_cmd *c)
{
    return c->op == DRAW_TEXT ? l->arena + c->text : "";
}

const draw_widget *draw_widget_find(const draw_list *l, const char *id)
{
    for (int i = 0; i < l->nwid; i++)
        if (strcmp(l->wid[i].id, id) == 0)
            return &l->wid[i];
    return NULL;
}

const draw_widget *draw_widget_at(const draw_list *l, float x, float y)
{
    for (int i = l->nwid - 1; i >= 0; i--)
        if (gw_rect_has(l->wid[i].r, x, y))
            return &l->wid[i];
    return NULL;
}

bool gw_rect_empty(gw_rect r) { return r.w <= 0 || r.h <= 0; }

gw_rect gw_rect_union(gw_rect a, gw_rect b)
{
    if (gw_rect_empty(a))
        return b;
    if (gw_rect_empty(b))
        return a;
    float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
    float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);
    return gw_rc(x0, y0, x1 - x0, y1 - y0);
}

static bool color_eq(gw_color a, gw_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static bool cmd_eq(const draw_list *la, const draw_cmd *a, const draw_list *lb, const draw_cmd *b)
{
    if (a->op != b->op || !color_eq(a->color, b->color) || a->r.x != b->r.x || a->r.y != b->r.y ||
        a->r.w != b->r.w || a->r.h != b->r.h || a->radius != b->radius || a->thick != b->thick ||
        a->a0 != b->a0 || a->a1 != b->a1 || a->font_px != b->font_px || a->flags != b->flags)
        return false;
    if (a->op == DRAW_GRADIENT)
        return a->text == b->text;
    return a->op != DRAW_TEXT || strcmp(draw_text_of(la, a), draw_text_of(lb, b)) == 0;
}

static gw_rect arc_bounds(const draw_cmd *c, float t0, float t1);

/* Pixels a command may touch: its bounds grown by the anti-aliased edge and, for
 * lines, normalised and grown by the thickness; for part of a ring, that part's own
 * bounds (a progress ring turning colour with the phase: a fifth of its square early
 * in a phase, when the colour shifts, instead of all of it in every frame of the shift). */
static gw_rect touched(const draw_cmd *c)
{
    if (c->op == DRAW_RING && c->a0 >= 0 && c->a1 <= 1 && c->a1 - c->a0 < 1)
        return arc_bounds(c, c->a0, c->a1);
    gw_rect r = c->r;
    if (c->op == DRAW_LINE) {
        if (r.w < 0) { r.x += r.w; r.w = -r.w; }
        if (r.h < 0) { r.y += r.h; r.h = -r.h; }
        float t = c->thick / 2 + 1;
        r.x -= t; r.y -= t; r.w += 2 * t; r.h += 2 * t;
    }
    if (c->op == DRAW_FRAME) {
        float t = c->thick / 2;
        r.x -= t; r.y -= t; r.w += 2 * t; r.h += 2 * t;
    }
    r.x = floorf(r.x) - 2;
    r.y = floorf(r.y) - 2;
    r.w = ceilf(r.w) + 4;
    r.h = ceilf(r.h) + 4;
    return r;
}

/* Bounds of the part of a ring between turns t0 and t1 (t0 < t1), thickness included. */
static gw_rect arc_bounds(const draw_cmd *c, float t0, float t1)
{
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    float ro = c->radius + c->thick / 2 + 2;
    float xs[8], ys[8];
    int n = 0;
    float ts[6] = { t0, t1, 0.f, 0.25f, 0.5f, 0.75f };
    for (int i = 0; i < 6; i++) {
        float t = ts[i];
        if (i >= 2 && !(t > t0 && t < t1))
            continue;
        float ang = 2 * (float)M_PI * t - (float)M_PI / 2;
        xs[n] = cx + cosf(ang) * c->radius;
        ys[n++] = cy + sinf(ang) * c->radius;
    }
    float x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
    for (int i = 1; i < n; i++) {
        x0 = fminf(x0, xs[i]); x1 = fmaxf(x1, xs[i]);
        y0 = fminf(y0, ys[i]); y1 = fmaxf(y1, ys[i]);
    }
    float g = ro - c->radius;
    return gw_rc(floorf(x0 - g), floorf(y0 - g), ceilf(x1 - x0 + 2 * g), ceilf(y1 - y0 + 2 * g));
}

/* What changed between two versions of the same command: for a progress ring whose end
 * moved, only the arc between the two ends; otherwise both commands' bounds. */
static int changed_parts(const draw_cmd *a, const draw_cmd *b, gw_rect out[2])
{
    if (a && b && a->op == DRAW_RING && b->op == DRAW_RING && color_eq(a->color, b->color) &&
        a->r.x == b->r.x && a->r.y == b->r.y && a->r.w == b->r.w && a->radius == b->radius &&
        a->thick == b->thick && a->a0 == b->a0) {
        float t0 = fminf(a->a1, b->a1), t1 = fmaxf(a->a1, b->a1);
        out[0] = arc_bounds(a, t0, t1);
        return 1;
    }
    /* a horizontal or vertical line grown or shrunk from the same start (a lit side of
     * the box pacer): only the part between its two ends (the renderer draws such a
     * line with a box filter, so the pixels before the shorter end stay the same) */
    if (a && b && a->op == DRAW_LINE && b->op == DRAW_LINE && color_eq(a->color, b->color) &&
        a->thick == b->thick && a->r.x == b->r.x && a->r.y == b->r.y &&
        ((a->r.w == 0 && b->r.w == 0 && a->r.h * b->r.h > 0) ||
         (a->r.h == 0 && b->r.h == 0 && a->r.w * b->r.w > 0))) {
        draw_cmd part = *a;
        float ea = a->r.w + a->r.h, eb = b->r.w + b->r.h; /* signed lengths on the one axis */
        float near = fabsf(ea) < fabsf(eb) ? ea : eb, far = fabsf(ea) < fabsf(eb) ? eb : ea;
        if (a->r.w == 0) { part.r.y = a->r.y + near; part.r.h = far - near; }
        else { part.r.x = a->r.x + near; part.r.w = far - near; }
        out[0] = touched(&part);
        return 1;
    }
    int n = 0;
    if (a) out[n++] = touched(a);
    if (b) out[n++] = touched(b);
    return n;
}

static bool near_or_overlap(gw_rect a, gw_rect b, float gap)
{
    return a.x - gap < b.x + b.w && b.x - gap < a.x + a.w && a.y - gap < b.y + b.h && b.y - gap < a.y + a.h;
}

static float area(gw_rect r) { return r.w * r.h; }

static float area_of(const gw_rect *v, int n)
{
    float s = 0;
    for (int i = 0; i < n; i++)
        s += area(v[i]);
    return s;
}

/* Whether two rectangles that touch are redrawn as one: when their union is not much
 * larger than the two (an orb's square before and after it moved), not when it would
 * take in a large area neither covers (a side's lit line, 500 px tall, crossing the
 * phase word's wide box: 5 000 and 60 000 pixels, 360 000 together). Rectangles that
 * overlap are each redrawn whole, the overlap twice, which is right and cheaper. */
static bool worth_merging(gw_rect a, gw_rect b)
{
    float ua = area(gw_rect_union(a, b)), sum = area(a) + area(b);
    return ua <= 1.25f * sum + 4096.f;
}

/* Adds r to the set, merging rectangles that touch (worth_merging); with the set full, r joins the
 * rectangle whose area grows least. */
static void add_rect(gw_rect *v, int *n, int max, gw_rect r)
{
    for (;;) {
        int hit = -1;
        for (int i = 0; i < *n; i++)
            if (near_or_overlap(v[i], r, 8) && worth_merging(v[i], r)) {
                hit = i;
                break;
            }
        if (hit < 0)
            break;
        r = gw_rect_union(r, v[hit]);
        v[hit] = v[--*n];
    }
    if (*n < max) {
        v[(*n)++] = r;
        return;
    }
    int best = 0;
    float grow = -1;
    for (int i = 0; i < *n; i++) {
        float g = area(gw_rect_union(v[i], r)) - area(v[i]);
        if (grow < 0 || g < grow) {
            grow = g;
            best = i;
        }
    }
    v[best] = gw_rect_union(v[best], r);
}

/* how far ahead a command left out of the shorter list is looked for */
#define DIFF_LOOKAHEAD 4

/* The first k (1 to DIFF_LOOKAHEAD, at most avail) at which ys[k], of list ly, equals x,
 * of list lx; 0 if none does. */
static int ahead(const draw_list *lx, const draw_cmd *x, const draw_list *ly, const draw_cmd *ys, int avail)
{
    for (int k = 1; k <= avail && k <= DIFF_LOOKAHEAD; k++)
        if (cmd_eq(lx, x, ly, &ys[k]))
            return k;
    return 0;
}

/* A disc or a glow that only grew or shrank about the same centre, in the same colour,
 * changes no pixel well inside its smaller extent or outside its larger: only those of
 * the ring between (the orb breathing, whose whole square was redrawn every frame). The
 * inner margin covers the anti-aliased edge, a hollow glow's blended rim and the glow's
 * falloff table, whose texels are 1/256 of its reach. */
typedef struct annulus {
    float cx, cy, rin, rout;
    float cover; /* > 0: an opaque disc drawn after the ring's other parts covers the
                  * pixels inside this, in both frames (the orb over its own glow) */
    gw_rect bounds;
} annulus;

static bool same_centre(const draw_cmd *a, const draw_cmd *b)
{
    return a->r.x + a->r.w / 2 == b->r.x + b->r.w / 2 && a->r.y + a->r.h / 2 == b->r.y + b->r.h / 2;
}

static bool grew_about_centre(const draw_cmd *a, const draw_cmd *b, annulus *out)
{
    if (a->op != b->op || (a->op != DRAW_CIRCLE && a->op != DRAW_GLOW) || !color_eq(a->color, b->color) ||
        a->flags != b->flags || !same_centre(a, b))
        return false;
    float rin, rout;
    if (a->op == DRAW_CIRCLE) {
        rin = fminf(a->radius, b->radius) - 2;
        rout = fmaxf(a->radius, b->radius) + 2;
    } else {
        rout = fmaxf(a->radius + a->thick, b->radius + b->thick) + 2;
        rin = fminf(a->radius, b->radius) - rout / 64 - 4;
    }
    if (rin < 8)
        return false; /* no inside worth leaving out */
    out->cx = b->r.x + b->r.w / 2;
    out->cy = b->r.y + b->r.h / 2;
    out->rin = rin;
    out->rout = rout;
    out->cover = a->op == DRAW_CIRCLE && a->color.a == 255 ? rin : 0;
    out->bounds = gw_rect_union(touched(a), touched(b));
    return true;
}

/* Joins r to a ring of the same centre in v (the disc and its glow), or adds it. */
static bool add_annulus(annulus *v, int *n, int max, const annulus *r)
{
    for (int i = 0; i < *n; i++)
        if (v[i].cx == r->cx && v[i].cy == r->cy) {
            v[i].rin = fminf(v[i].rin, r->rin);
            v[i].rout = fmaxf(v[i].rout, r->rout);
            v[i].cover = r->cover; /* the last part drawn: an opaque disc, or not */
            v[i].bounds = gw_rect_union(v[i].bounds, r->bounds);
            return true;
        }
    if (*n >= max)
        return false;
    v[(*n)++] = *r;
    return true;
}

/* Covers a ring with bands of rows: in each, the one span across it, or where the band
 * passes the inside, a span either side. Rows are those whose pixel centres the ring
 * may reach; a band's spans are those of its widest row outside and narrowest inside.
 * The bands' edges are at equal angles round the ring (rows cy + rout sin(phi)): thin
 * at the top and bottom, where a thin ring runs across many columns in a few rows, and
 * tall at the sides, where it runs down; a span then holds about the same length of
 * ring in every band (a thin ring at 1920x1080: 30% fewer pixels than equal bands).
 * Returns how many rectangles were written (at most max; 0 when they would not fit). */
static int annulus_bands(const annulus *a, int bands, gw_rect *out, int max)
{
    int y0 = (int)floorf(a->cy - a->rout), y1 = (int)ceilf(a->cy + a->rout);
    if (bands < 2)
        bands = 2;
    int n = 0;
    for (int k = 1, y = y0, ye; k <= bands && y < y1; k++, y = ye) {
        ye = k == bands ? y1 : (int)lroundf(a->cy + a->rout * sinf((float)M_PI * ((float)k / (float)bands - 0.5f)));
        if (ye < y + 2)
            ye = y + 2; /* at least two rows */
        if (ye > y1)
            ye = y1;
        float d0 = (float)y + 0.5f - a->cy, d1 = (float)ye - 0.5f - a->cy; /* first and last row centres */
        float near = d0 <= 0 && d1 >= 0 ? 0 : fminf(fabsf(d0), fabsf(d1)), far = fmaxf(fabsf(d0), fabsf(d1));
        float wo2 = a->rout * a->rout - near * near;
        if (wo2 <= 0)
            continue;
        float wo = sqrtf(wo2), wi = a->rin > far ? sqrtf(a->rin * a->rin - far * far) : 0;
        float xl = floorf(a->cx - wo) - 1, xr = ceilf(a->cx + wo) + 1;
        if (n + 2 > max)
            return 0;
        if (wi > 2) {
            float il = ceilf(a->cx - wi) + 1, ir = floorf(a->cx + wi) - 1;
            out[n++] = gw_rc(xl, (float)y, il - xl, (float)(ye - y));
            out[n++] = gw_rc(ir, (float)y, xr - ir, (float)(ye - y));
        } else
            out[n++] = gw_rc(xl, (float)y, xr - xl, (float)(ye - y));
    }
    return n;
}

int draw_diff_rects(const draw_list *prev, const draw_list *next, gw_rect *rects, int max)
{
    gw_rect full = gw_rc(0, 0, (float)next->w, (float)next->h);
    if (!prev || prev->w != next->w || prev->h != next->h || !color_eq(prev->clear, next->clear) ||
        prev->oom || next->oom) {
        rects[0] = full;
        return 1;
    }
    int nr = 0;
    /* With room for more rectangles than DRAW_MAX_DIRTY, a disc or glow that only grew
     * or shrank dirties the ring between its extents, as bands after the merged
     * rectangles; otherwise its square, as any other change. */
    int cap = max < DRAW_MAX_DIRTY ? max : DRAW_MAX_DIRTY;
    bool rings = max > DRAW_MAX_DIRTY;
    annulus ring[DRAW_MAX_RINGS];
    int nring = 0;
    /* The lists are walked together, equal commands in step. When a command comes or
     * goes (a second label while one fades into the next, an arc split in two), the
     * commands after it would all differ from those at the same index and be redrawn;
     * so where the lists differ in length, a command found a few places further on in
     * the longer list is matched there and those passed over count as added or removed.
     * The matched commands are the same, in the same order, in both lists, so a pixel
     * outside every command added, removed or changed is covered by the same commands in
     * the same order, and stays as it was. With lists of equal length this is the plain
     * index-by-index comparison. */
    const draw_cmd *pa = prev->cmd, *pb = next->cmd;
    int na = prev->ncmd, nb = next->ncmd, i = 0, j = 0, k;
    gw_rect parts[2];
    while (i < na && j < nb) {
        if (cmd_eq(prev, &pa[i], next, &pb[j])) {
            i++;
            j++;
            continue;
        }
        int more = (nb - j) - (na - i); /* how many more commands the rest of next has */
        if (more > 0 && (k = ahead(prev, &pa[i], next, &pb[j], more)) > 0) {
            for (; k > 0; k--, j++)
                add_rect(rects, &nr, cap, touched(&pb[j])); /* added */
            continue;
        }
        if (more < 0 && (k = ahead(next, &pb[j], prev, &pa[i], -more)) > 0) {
            for (; k > 0; k--, i++)
                add_rect(rects, &nr, cap, touched(&pa[i])); /* removed */
            continue;
        }
        annulus an;
        if (rings && grew_about_centre(&pa[i], &pb[j], &an) && add_annulus(ring, &nring, DRAW_MAX_RINGS, &an)) {
            i++;
            j++;
            continue;
        }
        int np = changed_parts(&pa[i], &pb[j], parts); /* changed in place */
        for (int q = 0; q < np; q++)
            add_rect(rects, &nr, cap, parts[q]);
        i++;
        j++;
    }
    for (; i < na; i++)
        add_rect(rects, &nr, cap, touched(&pa[i]));
    for (; j < nb; j++)
        add_rect(rects, &nr, cap, touched(&pb[j]));
    /* the rings as bands after the merged rectangles (which they may overlap: a pixel
     * redrawn twice is the same pixel), or as their squares where the bands do not fit */
    for (int q = 0; q < nring; q++) {
        if (ring[q].cover > ring[q].rin) /* inside the disc nothing changed */
            ring[q].rin = ring[q].cover;
        /* up to 40 bands, the room left shared among the rings still to come */
        int bands = (max - nr) / 2 / (nring - q);
        int got = annulus_bands(&ring[q], bands < 40 ? bands : 40, rects + nr, max - nr);
        if (got > 0 && area_of(rects + nr, got) < 0.8f * area(ring[q].bounds))
            nr += got;
        else
            add_rect(rects, &nr, nr < cap ? cap : nr, ring[q].bounds);
    }
    /* clip to the screen, dropping what falls outside */
    int out = 0;
    for (int q = 0; q < nr; q++) {
        gw_rect d = rects[q];
        float x0 = fmaxf(d.x, 0), y0 = fmaxf(d.y, 0);
        float x1 = fminf(d.x + d.w, full.w), y1 = fminf(d.y + d.h, full.h);
        if (x1 > x0 && y1 > y0)
            rects[out++] = gw_rc(x0, y0, x1 - x0, y1 - y0);
    }
    return out;
}

bool draw_diff(const draw_list *prev, const draw_list *next, gw_rect *dirty)
{
    gw_rect v[DRAW_MAX_DIRTY];
    int n = draw_diff_rects(prev, next, v, DRAW_MAX_DIRTY);
    if (n == 0)
        return false;
    gw_rect d = v[0];
    for (int i = 1; i < n; i++)
        d = gw_rect_union(d, v[i]);
    *dirty = d;
    return true;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t draw_hash(const draw_list *l)
{
    uint64_t h = 1469598103934665603ULL;
    h = fnv(h, &l->w, sizeof l->w);
    h = fnv(h, &l->h, sizeof l->h);
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        float f[9] = { c->r.x, c->r.y, c->r.w, c->r.h, c->radius, c->thick, c->a0, c->a1,
                       (float)c->font_px };
        h = fnv(h, &c->op, sizeof c->op);
        h = fnv(h, &c->color, sizeof c->color);
        h = fnv(h, f, sizeof f);
        h = fnv(h, &c->flags, sizeof c->flags);
        if (c->op == DRAW_GRADIENT)
            h = fnv(h, &c->text, sizeof c->text);
        const char *t = draw_text_of(l, c);
        h = fnv(h, t, strlen(t));
    }
    return h;
}
