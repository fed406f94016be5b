/* pacer_figure: the breathing figures drawn into a draw_list: the orb, the box, the
 * wave, the tube and the calm bar, the progress ring, the ambient background, and the
 * figure's colour at a moment (turning from the phase before's). Pure drawing from a
 * breath_state and its pattern: changes nothing, owns nothing; the pacer scene
 * (scene_pacer.c) lays them out with the words. Depth is a DRAW_GLOW (a precomputed
 * falloff in the renderer), the background a DRAW_GRADIENT: both cheap to redraw. */
#ifndef GW_APP_PACER_FIGURE_H
#define GW_APP_PACER_FIGURE_H
#include <stdbool.h>
#include "core/breath.h"
#include "core/draw.h"
#include "core/theme.h"

typedef struct pacer_fig {
    draw_list *l;
    const theme *t;
    float u;                   /* the layout unit (app_unit) */
    const breath_pattern *p;   /* the running pattern (the wave draws a whole breath) */
} pacer_fig;

/* The figure's colour at elapsed time `at` (the exercise's clock): the phase's, turned
 * to from the phase before's over the phase's first moment (at most 0.8 s, half a short
 * phase), eased, in 32 steps. calm (reduced motion): the phase's at once. The lead-in's
 * is the hold colour. */
gw_color pacer_fig_color(const theme *t, const breath_pattern *p, const breath_state *s, gw_ns at, bool calm);
/* The ambient background over w x h (nothing where the theme's is flat): first in the list. */
void pacer_fig_background(const pacer_fig *f, int w, int h);
/* A thin ring showing how far the phase has gone. */
void pacer_fig_ring(const pacer_fig *f, float cx, float cy, float r, double progress, gw_color col);
void pacer_fig_orb(const pacer_fig *f, float cx, float cy, float rmax, const breath_state *s, gw_color col);
void pacer_fig_box(const pacer_fig *f, float cx, float cy, float half, const breath_state *s, gw_color col);
void pacer_fig_wave(const pacer_fig *f, float cx, float cy, float half_w, float half_h, const breath_state *s,
                    gw_color col);
void pacer_fig_tube(const pacer_fig *f, float cx, float top, float bottom, const breath_state *s, gw_color col);
/* count: the seconds count shown (the bar fills a step per second with it). */
void pacer_fig_calm(const pacer_fig *f, float cx, float cy, float half_w, const breath_state *s, int count,
                    gw_color col);

#endif
