/* gwtime: the one time type. All core time is signed 64-bit nanoseconds on a
 * monotonic clock chosen by the caller (the platform's performance counter, or the
 * virtual clock of `play` and `render`). Nothing in the core reads a clock itself. */
#ifndef GW_GWTIME_H
#define GW_GWTIME_H
#include <stdint.h>

typedef int64_t gw_ns;

#define GW_NS_PER_SEC 1000000000LL
#define GW_NS_PER_MS  1000000LL
#define GW_SEC(s)  ((gw_ns)((s) * (double)GW_NS_PER_SEC))
#define GW_MSEC(m) ((gw_ns)(m) * GW_NS_PER_MS)
#define GW_NEVER   INT64_MAX

static inline double gw_seconds(gw_ns t) { return (double)t / (double)GW_NS_PER_SEC; }

#endif
