/* kstats: the kiosk's anonymous daily counters, opt-in. One row per local day with the
 * number of exercises started and completed; nothing else (no ids, no times of day,
 * nothing about a person). Stored in SQLite.
 *
 * Ownership: kstats_open returns a handle the caller closes with kstats_close. */
#ifndef GW_KSTATS_H
#define GW_KSTATS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct kstats kstats;

/* Opens (creating if needed, with its folder) the counters at path; NULL with a
 * message in err on failure. */
kstats *kstats_open(const char *path, char *err, size_t errlen);
void    kstats_close(kstats *k);
/* Counts one exercise started, or completed, on day ("YYYY-MM-DD"). */
bool    kstats_count(kstats *k, const char *day, bool completed);
/* Calls fn for each day in order; returns the number of days, -1 on error. */
int     kstats_each(kstats *k, void (*fn)(void *ctx, const char *day, long started, long completed), void *ctx);

#endif
