/* pacer_style: the figures a breathing pacer can be drawn as, and their names. One
 * enum for every layer: a pack's "style" and the person's default pacer (settings) are
 * compiled to it once when read; the pacer scene switches on it.
 * Ownership: static names only. */
#ifndef GW_PACER_STYLE_H
#define GW_PACER_STYLE_H

/* In the order the pacer's "style" control cycles through them. */
typedef enum pacer_style { PACER_ORB, PACER_BOX, PACER_WAVE, PACER_TUBE, PACER_CALM, PACER_STYLE_COUNT } pacer_style;

/* A pack may name the styles before this one; calm is the person's (reduced motion). */
#define PACER_PACK_STYLES PACER_CALM

/* orb, box, wave, tube, calm, as settings and packs write them (index: the enum). */
extern const char *const pacer_style_names[PACER_STYLE_COUNT];
/* The name of style; "orb" for a value out of range. */
const char *pacer_style_name(int style);
/* The style named name, or -1. */
int pacer_style_parse(const char *name);

#endif
