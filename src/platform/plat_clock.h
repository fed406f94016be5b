/* plat_clock: the program's monotonic 64-bit clock (never the 32-bit SDL_GetTicks,
 * which wraps after 49 days). */
#ifndef GW_PLAT_CLOCK_H
#define GW_PLAT_CLOCK_H
#include "core/gwtime.h"

gw_ns plat_now(void);

#endif
