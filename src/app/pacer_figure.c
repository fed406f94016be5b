/* pacer_figure: see pacer_figure.h. */
#include "app/pacer_figure.h"

#include <math.h>

static gw_color phase_color(const theme *t, breath_kind k)
{
    if (k == BREATH_INHALE || k == BREATH_TOPUP) return t->inhale;
    if (k == BREATH_EXHALE) return t->exhale;
    return t->hold;
}

/* Rough brightness (0..255 scale times 1000), to tell a light colour from a dark one. */
static int lum(gw_color c) { return 213 * c.r + 715 * c.g + 72 * c.b; }

static float quant(float v, float step) { return roundf(v / step) * step; }

static double ease(double p) { return (1 - cos(M_PI * p)) / 2; }

/* a and b mixed, k/256 of b */
static gw_color mix(gw_color a, gw_color b, int k)
{
    gw_color m = { (uint8_t)((a.r * (256 - k) + b.r * k + 128) >> 8), (uint8_t)((a.g * (256 - k) + b.g * k + 128) >> 8),
                   (uint8_t)((a.b * (256 - k) + b.b * k + 128) >> 8), a.a };
    return m;
}

/* The figure's colour: the phase's, reached from the phase before's over the first
 * moment of the phase (at most 0.8 s, half a short phase), eased, in 32 steps: a quiet
 * shift rather than a switch. A function of the elapsed time like everything drawn. */
gw_color pacer_fig_color(const theme *t, const breath_pattern *p, const breath_state *s, gw_ns at, bool calm)
{
    if (s->stage == BREATH_STAGE_LEAD_IN)
        return t->hold;
    if (calm) /* reduced motion: changes once a second at most */
        return phase_color(t, s->kind);
    gw_color to = phase_color(t, s->kind), from = t->hold; /* after the lead-in */
    if (!s->opening && s->index > 0 && s->index <= p->nphase)
        from = phase_color(t, p->phase[s->index - 1].kind);
    else if (!s->opening && s->index == 0 && s->cycle > 0 && p->nphase > 0)
        from = phase_color(t, p->phase[p->nphase - 1].kind);
    else if (!s->opening && s->index == 0 && p->opening_ms > 0)
        from = t->exhale; /* after the opening breath out */
    gw_ns into = at - s->phase_start;
    gw_ns win = s->phase_len / 2 < GW_MSEC(800) ? s->phase_len / 2 : GW_MSEC(800);
    double f = win <= 0 || into >= win ? 1 : into <= 0 ? 0 : (double)into / (double)win;
    int k = (int)lround(ease(f) * 32) * 8;
    return k >= 256 ? to : mix(from, to, k);
}


/* A thin ring showing how far the phase has gone. */
void pacer_fig_ring(const pacer_fig *f, float cx, float cy, float r, double progress, gw_color col)
{
    draw_list *l = f->l;
    float u = f->u;
    draw_ring(l, cx, cy, r, 4 * u, 0, 1, f->t->ring_track);
    float p = quant((float)progress, 1.f / 720);
    if (p > 0)
        draw_ring(l, cx, cy, r, 4 * u, 0, p, col);
}

void pacer_fig_orb(const pacer_fig *f, float cx, float cy, float rmax, const breath_state *s,
                     gw_color col)
{
    draw_list *l = f->l;
    const theme *t = f->t;
    float u = f->u;
    float rmin = rmax * 0.42f;
    float r = quant(rmin + (rmax - rmin) * (float)s->fill, 0.5f);
    /* depth: a soft glow around the orb (the renderer's precomputed falloff, blended
     * only outside the disc), then the disc. A light inside the disc looked well but
     * blended as many pixels again every frame (3.5 times the orb's cost in all): left
     * out, the orb costs about twice the flat one */
    gw_color halo = col;
    halo.a = lum(t->bg) < lum(col) ? 110 : 50; /* on a light background a glow reads as a shadow: fainter */
    /* the glow stays inside the progress ring, so a frame redraws the orb's square
     * and the ring's moved arc only, never the whole ring */
    float spread = fminf(r * 0.28f + 14 * u, rmax + 26 * u - r);
    draw_glow(l, cx, cy, r, quant(spread, 0.5f), GLOW_HOLLOW, halo);
    draw_circle(l, cx, cy, r, col);
    pacer_fig_ring(f, cx, cy, rmax + 30 * u, s->progress, col);
}

void pacer_fig_box(const pacer_fig *f, float cx, float cy, float half, const breath_state *s,
                     gw_color col)
{
    draw_list *l = f->l;
    const theme *t = f->t;
    float u = f->u;
    gw_rect sq = gw_rc(cx - half, cy - half, 2 * half, 2 * half);
    draw_frame(l, sq, 18 * u, 6 * u, t->ring_track);
    /* the side of the current phase is lit up to the dot: up the left side while
     * breathing in, along the top while holding, down the right, back along the bottom */
    /* corners on the half-pixel grid the dot is placed on, so a side's lit line is
     * exactly horizontal or vertical */
    float x[5] = { quant(sq.x, 0.5f), quant(sq.x, 0.5f), quant(sq.x + sq.w, 0.5f), quant(sq.x + sq.w, 0.5f),
                   quant(sq.x, 0.5f) };
    float y[5] = { quant(sq.y + sq.h, 0.5f), quant(sq.y, 0.5f), quant(sq.y, 0.5f), quant(sq.y + sq.h, 0.5f),
                   quant(sq.y + sq.h, 0.5f) };
    int side = s->opening ? 2 : s->index % 4; /* the opening exhale goes down the right */
    float p = (float)ease(s->progress);
    float dx = quant(x[side] + (x[side + 1] - x[side]) * p, 0.5f);
    float dy = quant(y[side] + (y[side + 1] - y[side]) * p, 0.5f);
    /* the lit part starts where the frame's rounded corner ends (the dot covers the
     * corner), so it never pokes out past the curve */
    float rad = 18 * u, sx = x[side + 1] - x[side], sy = y[side + 1] - y[side];
    float len = fabsf(sx) + fabsf(sy);
    if (len > 0 && fabsf(dx - x[side]) + fabsf(dy - y[side]) > rad) {
        float lx = x[side] + sx / len * rad, ly = y[side] + sy / len * rad;
        /* the rounded corner the side starts from, lit too, so the lit path turns with
         * the frame instead of starting short of it: the corner's quarter ring, centred
         * rad in from the corner along both sides (turns: 0 up, clockwise) */
        float ccx = x[side] + (x[side] < cx ? rad : -rad), ccy = y[side] + (y[side] < cy ? rad : -rad);
        float a0 = x[side] < cx ? (y[side] < cy ? 0.75f : 0.5f) : (y[side] < cy ? 0.f : 0.25f);
        draw_ring(l, ccx, ccy, rad, 6 * u, a0, a0 + 0.25f, col);
        draw_line(l, lx, ly, dx, dy, 6 * u, col);
    }
    gw_color glow = col;
    glow.a = 120;
    draw_glow(l, dx, dy, 18 * u, 12 * u, GLOW_HOLLOW, glow);
    draw_circle(l, dx, dy, 18 * u, col);
}

/* The wave: one breath's fill curve (rising, level, falling, level), and a marker at
 * the current position; the part already travelled is lit. */
void pacer_fig_wave(const pacer_fig *f, float cx, float cy, float half_w, float half_h,
                      const breath_state *s, gw_color col)
{
    draw_list *l = f->l;
    const theme *t = f->t;
    float u = f->u;
    const breath_pattern *p = f->p;
    gw_ns len = breath_cycle_len(p);
    if (len <= 0)
        return;
    double before = 0;
    for (int i = 0; i < s->index && i < p->nphase; i++)
        before += p->phase[i].ms;
    double cur = s->index >= 0 && s->index < p->nphase ? p->phase[s->index].ms : 0;
    double mx = (before + s->progress * cur) / ((double)len / GW_NS_PER_MS); /* opening: 0 */
    float x0 = cx - half_w, y0 = cy + half_h, wd = 2 * half_w, ht = 2 * half_h;
    enum { SEG = 96 };
    float px = x0, py = y0;
    for (int i = 0; i <= SEG; i++) {
        breath_state b;
        breath_at(p, p->lead_in_ns + (gw_ns)p->opening_ms * GW_NS_PER_MS + len * i / SEG, &b);
        double fill = i == SEG ? 0 : b.fill;
        float nx = x0 + wd * (float)i / SEG, ny = quant(y0 - ht * (float)fill, 0.5f);
        if (i > 0) {
            bool lit = (double)i / SEG <= mx + 1e-9;
            draw_line(l, px, py, nx, ny, 5 * u, lit ? col : t->ring_track);
            /* a round join: the segments' soft edges would otherwise overlap in beads */
            if (i < SEG && fabsf(ny - py) > 0.01f)
                draw_circle(l, nx, ny, 2.5f * u, lit ? col : t->ring_track);
        }
        px = nx;
        py = ny;
    }
    float mxp = quant(x0 + wd * (float)mx, 0.5f), myp = quant(y0 - ht * (float)s->fill, 0.5f);
    gw_color halo = col;
    halo.a = 120;
    draw_glow(l, mxp, myp, 18 * u, 18 * u, GLOW_HOLLOW, halo);
    draw_circle(l, mxp, myp, 18 * u, col);
}

/* The tube: a vertical glass that fills while breathing in and empties breathing out. */
void pacer_fig_tube(const pacer_fig *f, float cx, float top, float bottom, const breath_state *s,
                      gw_color col)
{
    draw_list *l = f->l;
    const theme *t = f->t;
    float u = f->u;
    float w = 120 * u, pad = 8 * u;
    gw_rect glass = gw_rc(cx - w / 2, top, w, bottom - top);
    draw_rect(l, glass, w / 2, t->surface);
    float inner = glass.h - 2 * pad;
    float h = quant(inner * (float)s->fill, 1.f);
    if (h >= 1) {
        float fw = w - 2 * pad, rad = fminf(fw / 2, h / 2), lw = fw;
        /* below the glass's rounded bottom's middle, the liquid as wide as the bottom
         * is there (a full-width sliver stuck out past the curve at each breath's start
         * and end) */
        if (h < fw / 2) {
            float r = fw / 2;
            lw = quant(2 * sqrtf(fmaxf(0.f, r * r - (r - h) * (r - h))), 1.f);
            rad = fminf(lw / 2, h / 2);
        }
        draw_rect(l, gw_rc(glass.x + pad + (fw - lw) / 2, glass.y + glass.h - pad - h, lw, h), rad, col);
        /* the light on the glass: a soft lighter band down the liquid, for roundness */
        float bw = 12 * u;
        if (h > 2 * rad + 4 * u) {
            gw_color light = mix(col, gw_rgba(255, 255, 255, 255), 40);
            draw_rect(l, gw_rc(glass.x + pad + fw * 0.22f, glass.y + glass.h - pad - h + rad * 0.6f, bw,
                               h - rad * 1.2f), bw / 2, light);
        }
    }
    draw_frame(l, glass, w / 2, 3 * u, t->ring_track);
}

/* Calm (reduced motion): nothing scales or travels smoothly. A bar fills one step per
 * second of the phase, in step with the seconds count. */
void pacer_fig_calm(const pacer_fig *f, float cx, float cy, float half_w, const breath_state *s,
                      int count, gw_color col)
{
    draw_list *l = f->l;
    const theme *t = f->t;
    float u = f->u;
    int secs = (int)ceil(gw_seconds(s->phase_len) - 1e-6);
    if (secs < 1)
        secs = 1;
    float frac = s->stage == BREATH_STAGE_BREATHING ? (float)(secs - count + 1) / (float)secs : 0;
    frac = frac < 0 ? 0 : frac > 1 ? 1 : frac;
    gw_rect bar = gw_rc(cx - half_w, cy, 2 * half_w, 22 * u);
    draw_rect(l, bar, 11 * u, t->ring_track);
    if (frac > 0)
        draw_rect(l, gw_rc(bar.x, bar.y, quant(bar.w * frac, 1.f), bar.h), 11 * u, col);
}


void pacer_fig_background(const pacer_fig *f, int w, int h)
{
    const theme *t = f->t;
    if (lum(t->ambient) != lum(t->bg))
        draw_gradient(f->l, gw_rc(0, 0, (float)w, (float)h), t->ambient, t->bg);
}
