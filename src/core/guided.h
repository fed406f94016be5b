/* guided: the timeline of a guided exercise (progressive muscle relaxation, body scan).
 * Pure functions of the exercise's steps and an elapsed time: which step is showing,
 * where each step starts, how long it lasts, how long the whole exercise is. A step
 * lasts its "seconds" (duration) if given, else its voice clip plus its pause; a step
 * that would last nothing (a clip of unknown length and no pause) lasts
 * GUIDED_MIN_STEP_NS so its caption is still seen.
 * Ownership: borrows the exercise; allocates nothing. */
#ifndef GW_GUIDED_H
#define GW_GUIDED_H
#include "core/gwtime.h"
#include "core/pack.h"

#define GUIDED_MIN_STEP_NS (GW_NS_PER_SEC)

/* Length of one step (see above); 0 for NULL. */
gw_ns guided_step_length(const guided_step *s);
/* Elapsed time at which step i starts; i == nstep gives the total; clamped to 0..nstep. */
gw_ns guided_step_start(const exercise *e, int i);
/* Length of the whole exercise (the sum of its steps). */
gw_ns guided_total(const exercise *e);

typedef struct guided_pos {
    int   step;      /* the step showing; nstep when the exercise has ended */
    gw_ns start;     /* elapsed time at which that step began */
    gw_ns into;      /* time into the step (0 when ended) */
    gw_ns left;      /* time left in the step (0 when ended) */
} guided_pos;

/* Where the timeline is at elapsed time t (t < 0 counts as 0). */
guided_pos guided_at(const exercise *e, gw_ns t);

/* Captions are shown a few lines at a time, in step with the voice. The caption is
 * cut into lines of at most `cpl` characters (code points; a longer word has a line
 * of its own), the lines into chunks of at most `lines`, and the chunks share `span`
 * (the time the voice takes) in proportion to their length. */
typedef struct guided_chunk {
    size_t off, len;   /* the chunk's bytes in the caption (no leading/trailing spaces) */
    int    index, count;
    gw_ns  start, end; /* time into the step when it shows; end GW_NEVER for the last */
} guided_chunk;

guided_chunk guided_caption_at(const char *text, int cpl, int lines, gw_ns span, gw_ns into);

#endif
