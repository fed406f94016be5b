/* bodymap: draws a pack's body map into a draw_list: a smooth front-facing body of
 * rounded shapes (oval head, neck, rounded shoulders, chest, waist and hips, tapering
 * limbs) with a faint glow behind it, and one of the pack's regions (ellipses and
 * capsules in a 0..1 box, lying on that body) lit in a highlight colour with a soft
 * glow that tells tensing (close and bright) from releasing (wide and soft); regions
 * not lit are not drawn. Draw only:
 * reads the regions, changes nothing, owns nothing. */
#ifndef GW_BODYMAP_H
#define GW_BODYMAP_H
#include "core/draw.h"
#include "core/pack.h"

typedef enum bodymap_state { BODYMAP_PLAIN, BODYMAP_TENSE, BODYMAP_RELEASE } bodymap_state;

/* The figure fills the square of side `size` at (x, y). highlight: index into region,
 * or -1 for none; mirror: the highlight is drawn mirrored across the figure's centre
 * line (a left-handed person's "dominant" side; the figure itself is symmetric); state:
 * what the highlighted region is doing. */
void bodymap_draw(draw_list *l, const body_region *region, int nregion, int highlight, bool mirror,
                  float x, float y, float size, gw_color base, gw_color hi, bodymap_state state);

#endif
