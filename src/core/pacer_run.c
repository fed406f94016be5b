/* pacer_run: a breathing exercise as it runs (see pacer_run.h). The state is breath_at
 * of the running pattern at the time passed in; the events come from comparing it with
 * what was last announced, so a late or repeated update never doubles or drifts. */
#include "core/pacer_run.h"

#include <string.h>

void pacer_run_start(pacer_run *r, const breath_pattern *p, int cycles)
{
    memset(r, 0, sizeof *r);
    r->pattern = *p;
    if (cycles > 0) {
        r->pattern.cycles = cycles;
        r->pattern.session_ns = 0;
    }
    r->last_index = -1;
    r->last_cycle = -1;
    r->cue_boundary = -1;
}

void pacer_run_forget_cue(pacer_run *r) { r->cue_boundary = -1; }

void pacer_run_recount(pacer_run *r) { r->spoken_sec = 0; }

/* "Breathe in... two... three... four": the count of each following whole second, up
 * to ten, and only those the phase reaches (50 ms of slack for a phase of whole
 * seconds ending on the count). */
static bool pacer_run_count_due(pacer_run *r, gw_ns t, int *count)
{
    const breath_state *s = &r->st;
    int sec = (int)((t - s->phase_start) / GW_NS_PER_SEC);
    if (sec > r->spoken_sec && sec + 1 <= 10 && (gw_ns)(sec + 1) * GW_NS_PER_SEC <= s->phase_len + GW_MSEC(50)) {
        r->spoken_sec = sec;
        *count = sec + 1;
        return true;
    }
    return false;
}

int pacer_run_update(pacer_run *r, gw_ns t, const pacer_run_opts *o, pacer_event *ev)
{
    int n = 0;
    breath_at(&r->pattern, t, &r->st);
    const breath_state *s = &r->st;
    bool breathing = s->stage == BREATH_STAGE_BREATHING;
    if (breathing && (s->index != r->last_index || s->cycle != r->last_cycle)) {
        ev[n++] = (pacer_event){ .type = PACER_EV_PHASE, .kind = s->kind, .index = s->index, .cycle = s->cycle,
                                 .opening = s->opening, .cued = r->cue_boundary == s->phase_start,
                                 .at = s->phase_start };
        r->cue_boundary = s->phase_start;
        r->last_index = s->index;
        r->last_cycle = s->cycle;
        if (o->counts)
            r->spoken_sec = 0;
    } else if (breathing && o->counts) {
        int c;
        if (pacer_run_count_due(r, t, &c))
            ev[n++] = (pacer_event){ .type = PACER_EV_COUNT, .count = c };
    }
    if (o->cues) {
        gw_ns nb = breath_next_boundary(&r->pattern, t);
        if (nb != GW_NEVER && nb != r->cue_boundary && nb - t <= PACER_CUE_AHEAD) {
            breath_state at;
            breath_at(&r->pattern, nb, &at);
            if (at.stage == BREATH_STAGE_BREATHING) {
                ev[n++] = (pacer_event){ .type = PACER_EV_CUE, .kind = at.kind, .at = nb, .ahead = nb - t };
                r->cue_boundary = nb;
            }
        }
    }
    if (s->stage == BREATH_STAGE_DONE)
        ev[n++] = (pacer_event){ .type = PACER_EV_DONE };
    return n;
}

gw_ns pacer_run_adjust(pacer_run *r, gw_ns t, int32_t delta_ms)
{
    breath_state old;
    breath_at(&r->pattern, t, &old);
    /* the session keeps its number of breaths ("breath n of N" does not jump); its
     * length follows the new pace */
    if (r->pattern.cycles == 0 && old.total_cycles > 0) {
        r->pattern.cycles = old.total_cycles;
        r->pattern.session_ns = 0;
    }
    breath_adjust(&r->pattern, delta_ms);
    r->cue_boundary = -1;
    if (old.stage != BREATH_STAGE_BREATHING)
        return -1;
    /* the new timeline's state is monotonic in time: find where it reaches the same
     * breath, phase and progress */
    gw_ns lo = 0, hi = breath_total(&r->pattern);
    while (hi - lo > 1) {
        gw_ns mid = lo + (hi - lo) / 2;
        breath_state m;
        breath_at(&r->pattern, mid, &m);
        bool before = m.stage == BREATH_STAGE_LEAD_IN ||
                      (m.stage == BREATH_STAGE_BREATHING &&
                       (m.cycle < old.cycle || (m.cycle == old.cycle && (m.index < old.index ||
                        (m.index == old.index && m.progress < old.progress)))));
        if (before)
            lo = mid;
        else
            hi = mid;
    }
    breath_at(&r->pattern, hi, &r->st);
    /* the phase continues: no new phase event or cue for it */
    r->last_index = r->st.index;
    r->last_cycle = r->st.cycle;
    return hi;
}

gw_ns pacer_run_wake(const pacer_run *r, gw_ns t)
{
    gw_ns nb = breath_next_boundary(&r->pattern, t);
    if (nb == GW_NEVER)
        return GW_NEVER;
    /* in time to schedule the next cue, and at the boundary itself */
    gw_ns cue = nb - PACER_CUE_AHEAD;
    return cue > t && nb != r->cue_boundary ? cue - t : nb - t;
}
