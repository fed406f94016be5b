/* bodymap: draws a pack's body map, a simple front-facing figure made of the shapes of
 * its regions (ellipses and capsules in a 0..1 box), into a draw_list. Every region is
 * drawn in the base colour to form the figure; one region can be drawn over it in a
 * highlight colour. Draw only: reads the regions, changes nothing, owns nothing. */
#ifndef GW_BODYMAP_H
#define GW_BODYMAP_H
#include "core/draw.h"
#include "core/pack.h"

/* The figure fills the square of side `size` at (x, y). highlight: index into region,
 * or -1 for none; mirror: the highlight is drawn mirrored across the figure's centre
 * line (a left-handed person's "dominant" side; the figure itself is symmetric). */
void bodymap_draw(draw_list *l, const body_region *region, int nregion, int highlight, bool mirror,
                  float x, float y, float size, gw_color base, gw_color hi);

#endif
