/* plan: a therapist's take-home plan, written as an ordinary pack folder (present mode,
 * "Save plan"). The pack holds the tailored exercises (ids "plan-<source id>"), the
 * voice clips they use (copied from their packs), the body regions their steps name,
 * and in pack.json an extra object "plan": {"note": TEXT, "frequency":
 * {"times_per_day": N, "minutes": M}}. After writing, the folder is loaded again with
 * pack_load_dir, so a plan that is saved is a plan that loads.
 *
 * Ownership: a plan borrows the exercises its items name (they must outlive
 * plan_write); plan_write allocates nothing that outlives the call. */
#ifndef GW_PLAN_H
#define GW_PLAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/breath.h"
#include "core/pack.h"

#define PLAN_MAX_ITEMS 8
#define PLAN_NOTE_MAX 300   /* bytes of the note, with its terminator */

typedef struct plan_item {
    const exercise *src;      /* borrowed */
    breath_pattern pattern;   /* breathing: the tailored pattern (phases, cycles) */
    uint64_t drop_regions;    /* guided: bit i set leaves out the steps of src->region[i] */
    bool release_only;        /* guided: leaves out the tense steps */
} plan_item;

typedef struct plan {
    char id[65];              /* the pack id, e.g. "plan-2026-01-01" */
    char note[PLAN_NOTE_MAX]; /* to the person; "" for none */
    int  times_per_day;       /* suggested frequency; 0 for none */
    int  minutes;
    int  n;
    plan_item item[PLAN_MAX_ITEMS];
} plan;

/* Suggested frequencies, cycled by the "ctl-freq" control. */
#define PLAN_FREQ_COUNT 5
void plan_freq_preset(int i, int *times_per_day, int *minutes);

/* Adds item (or replaces the item with the same source exercise). False if full. */
bool plan_put(plan *p, const plan_item *item);

/* The steps of a guided item that are kept (true) or left out. */
bool plan_keeps_step(const plan_item *it, int step);

/* Writes the plan into folder dir (created, with its parents, if missing; files of an
 * earlier plan there are replaced) and loads it again to check it. On failure returns
 * false with what went wrong in err (a file and why, or the first problem the loader
 * found). */
bool plan_write(const plan *p, const char *dir, char *err, size_t errn);

#endif
