/* What every pack fuzz target does with a pack that loaded: use it the way the program
 * does (texts, lengths, the breathing pattern over its whole session), so a table that
 * validates but is inconsistent shows up under the sanitizers. */
#ifndef GW_FUZZ_COMMON_H
#define GW_FUZZ_COMMON_H
#include <string.h>
#include "core/breath.h"
#include "core/pack.h"

static inline void fuzz_use_pack(const pack *p)
{
    volatile size_t sink = 0;
    sink += strlen(pack_text_get(&p->name, "es"));
    for (int i = 0; i < p->nexercise; i++) {
        const exercise *e = &p->ex[i];
        sink += strlen(pack_text_get(&e->title, "es_ES.UTF-8"));
        gw_ns len = exercise_length(e);
        if (e->kind == EX_BREATHING) {
            breath_state st;
            for (int k = 0; k <= 8; k++) breath_at(&e->breath, len / 8 * k, &st);
            (void)breath_next_boundary(&e->breath, len / 2);
        }
        for (int s = 0; s < e->nstep; s++)
            if (e->step[s].region >= 0) sink += strlen(e->region[e->step[s].region].id);
    }
    (void)sink;
}

static inline void fuzz_format_diags(const pack_diags *d)
{
    char line[512];
    for (int i = 0; i < d->n; i++) pack_diag_format(&d->v[i], line, sizeof line);
}
#endif
