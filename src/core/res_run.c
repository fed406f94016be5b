/* res_run: the resonance assessment as it runs (see res_run.h). */
#include "core/res_run.h"

#include <math.h>
#include <string.h>

static res_plan plan_or_defaults(const res_plan *p)
{
    res_plan q = *p;
    if (q.block_ns <= 0)
        q.block_ns = RES_BLOCK_NS;
    if (!(q.inhale > 0))
        q.inhale = RES_INHALE_DEFAULT;
    return q;
}

void res_block_pattern(const res_plan *p, double rate, gw_ns lead_in, breath_pattern *out)
{
    res_plan q = plan_or_defaults(p);
    memset(out, 0, sizeof *out);
    int32_t step = BREATH_STEP_MS;
    int32_t breath = (int32_t)llround(60000.0 / rate / step) * step;
    int32_t in = (int32_t)llround(breath * q.inhale / step) * step;
    out->phase[0] = (breath_phase){ BREATH_INHALE, in };
    out->phase[1] = (breath_phase){ BREATH_EXHALE, breath - in };
    out->nphase = 2;
    long long cycles = llround((double)q.block_ns / ((double)breath * GW_NS_PER_MS));
    out->cycles = cycles > 0 ? (int)cycles : 1;
    out->lead_in_ns = lead_in;
}

double res_pattern_rate(const breath_pattern *b)
{
    return 60.0 * GW_NS_PER_SEC / (double)breath_cycle_len(b);
}

void res_run_start(res_run *r, pacer_run *pr, const res_plan *p)
{
    memset(r, 0, sizeof *r);
    r->plan = plan_or_defaults(p);
    r->start[0] = 0;
    for (int k = 0; k < RES_BLOCKS; k++) {
        res_block_pattern(&r->plan, RES_RATES[k], k ? 0 : r->plan.lead_in_ns, &r->block[k]);
        r->start[k + 1] = r->start[k] + breath_total(&r->block[k]);
    }
    pacer_run_start(pr, &r->block[0], 0);
}

gw_ns res_length(const res_plan *p)
{
    res_run r;
    pacer_run pr;
    res_run_start(&r, &pr, p);
    return r.start[RES_BLOCKS];
}

/* The running block's update on its own time, its state put back on the timeline and
 * its end kept back while blocks follow. */
static int block_update(res_run *r, pacer_run *pr, gw_ns t, const pacer_run_opts *o, pacer_event *ev,
                        bool *done)
{
    gw_ns off = r->start[r->at];
    int n = pacer_run_update(pr, t - off, o, ev);
    for (int i = 0; i < n; i++)
        ev[i].at += ev[i].type == PACER_EV_PHASE || ev[i].type == PACER_EV_CUE ? off : 0;
    pr->st.phase_start += off;
    *done = n > 0 && ev[n - 1].type == PACER_EV_DONE;
    if (*done && r->ended < r->at + 1)
        r->ended = r->at + 1;
    return *done && r->at + 1 < RES_BLOCKS ? n - 1 : n;
}

int res_run_update(res_run *r, pacer_run *pr, gw_ns t, const pacer_run_opts *o, pacer_event *ev)
{
    bool done;
    int n = block_update(r, pr, t, o, ev, &done);
    while (done && r->at + 1 < RES_BLOCKS) {
        /* the next rate starts where this one ended: its first phase in this update */
        r->at++;
        pacer_run_start(pr, &r->block[r->at], 0);
        pacer_event more[PACER_EVENTS_MAX];
        int m = block_update(r, pr, t, o, more, &done);
        for (int i = 0; i < m && n < RES_EVENTS_MAX; i++)
            ev[n++] = more[i];
    }
    if (pr->st.stage != BREATH_STAGE_DONE)
        pr->st.remaining += r->start[RES_BLOCKS] - r->start[r->at + 1];
    return n;
}

int res_run_block_ended(res_run *r)
{
    for (int k = 0; k < r->ended; k++)
        if (!(r->reported & (1u << k))) {
            r->reported |= 1u << k;
            return k;
        }
    return -1;
}

gw_ns res_run_wake(const res_run *r, const pacer_run *pr, gw_ns t)
{
    gw_ns w = pacer_run_wake(pr, t - r->start[r->at]);
    if (w == GW_NEVER && r->at + 1 < RES_BLOCKS)
        return r->start[r->at + 1] > t ? r->start[r->at + 1] - t : 0;
    return w;
}
