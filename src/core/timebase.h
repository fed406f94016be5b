/* timebase: elapsed time of something that can be paused. Elapsed time is a pure
 * function of (start, pauses, now); pausing shifts the start instead of counting. */
#ifndef GW_TIMEBASE_H
#define GW_TIMEBASE_H
#include <stdbool.h>
#include "core/gwtime.h"

typedef struct tb_clock {
    gw_ns start;        /* when it started */
    gw_ns paused_total; /* sum of finished pauses */
    gw_ns paused_at;    /* when the current pause began (valid if paused) */
    bool  paused;
} tb_clock;

void  tb_start(tb_clock *c, gw_ns now);
void  tb_pause(tb_clock *c, gw_ns now);
void  tb_resume(tb_clock *c, gw_ns now);
gw_ns tb_elapsed(const tb_clock *c, gw_ns now);
/* Moves the timeline so that tb_elapsed(now) == elapsed (seek, restart). */
void  tb_seek(tb_clock *c, gw_ns now, gw_ns elapsed);

#endif
