/* breath: the pacer engine (see breath.h). Every query rebuilds a small timeline from
 * the pattern and answers in closed form from the elapsed time: nothing is stored
 * between calls and nothing accumulates.
 *
 * The timeline is a sequence of phase boundaries numbered k = cycle * nphase + index.
 * Boundary k is at breath position k / nphase rounded to the pattern's phase ratios.
 * Without a ramp every boundary is an exact integer multiple (int64 ns). With a ramp the
 * breath position is the integral of the rate (quadratic, then linear); a boundary's time
 * is its inverse, rounded to the nanosecond, and all answers are derived from those
 * rounded boundary times so that breath_at and breath_next_boundary always agree. */
#include "core/breath.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define LEAD_IN_MAX_NS   (60 * GW_NS_PER_SEC)
#define SESSION_MAX_NS   (24 * 3600 * GW_NS_PER_SEC)
#define CYCLES_MAX       1000000
#define TOPUP_LEVEL      0.8
#define PI               3.14159265358979323846

/* What one query needs, derived from a valid pattern. */
typedef struct timeline {
    int    n;                         /* phases per breath */
    int64_t cum_ms[BREATH_MAX_PHASES + 1]; /* phase start offsets within a breath */
    gw_ns  cycle;                     /* breath length without a ramp */
    double level[BREATH_MAX_PHASES + 1];   /* lung fill at each phase boundary */
    bool   ramp;
    double r0, r1;                    /* ramp rates, breaths per second */
    double ramp_s;                    /* ramp length in seconds */
    double ramp_b;                    /* breath position at the end of the ramp */
    gw_ns  lead;
    gw_ns  open;                      /* the one-off opening exhale, after the lead-in */
    int    cycles;                    /* breaths in the session */
    gw_ns  end;                       /* end of the last breath, from the first breath */
} timeline;

static const breath_kind_row kind_rows[BREATH_KIND_COUNT] = {
    [BREATH_INHALE] = { "inhale", "inhale", "inhale", SYNTH_CUE_INHALE },
    [BREATH_HOLD_IN] = { "hold", "hold_in", "hold", SYNTH_CUE_HOLD },
    [BREATH_EXHALE] = { "exhale", "exhale", "exhale", SYNTH_CUE_EXHALE },
    [BREATH_HOLD_OUT] = { "hold_out", "hold_out", "hold", SYNTH_CUE_HOLD },
    [BREATH_TOPUP] = { "topup", "topup", "topup", SYNTH_CUE_INHALE },
};
static const breath_kind_row unknown_row = { "unknown", "inhale", "hold", SYNTH_CUE_HOLD };

const char *const breath_phase_names[BREATH_PHASE_NAMES] = {
    "inhale", "hold_in", "hold", "exhale", "hold_out", "topup",
};
#define PHASE_NAME_HOLD 2 /* the one whose kind depends on the phase before */
static const breath_kind phase_name_kind[BREATH_PHASE_NAMES] = {
    BREATH_INHALE, BREATH_HOLD_IN, BREATH_HOLD_IN, BREATH_EXHALE, BREATH_HOLD_OUT, BREATH_TOPUP,
};

/* What a pattern is held to (see breath_check and breath_check_content). */
typedef struct limits {
    int   cycles;
    gw_ns lead_in;
    gw_ns session;       /* the time asked; the breaths may run past it by one breath */
    bool  counted_whole; /* breaths given by count, without a ramp: the whole session
                            (lead-in and opening included) within `session` */
    const char *cycles_msg, *lead_msg, *time_msg, *long_msg;
} limits;

static const limits engine_limits = {
    CYCLES_MAX, LEAD_IN_MAX_NS, SESSION_MAX_NS, false,
    "the number of breaths is out of range", "the lead-in must be 0 to 60 s",
    "the session time must be 0 to 24 hours", "the session is longer than 24 hours",
};
static const limits content_limits = {
    BREATH_CONTENT_CYCLES, 10 * GW_NS_PER_SEC, (gw_ns)BREATH_CONTENT_MINUTES * 60 * GW_NS_PER_SEC, true,
    "the number of breaths must be 1 to 1000", "the lead-in must be 0 to 10 s",
    "the session time must be 0 to 120 minutes", "the session is longer than 120 minutes",
};

/* Breath position (in breaths, fractional) after s seconds of breathing with a ramp. */
static double ramp_pos(const timeline *tl, double s)
{
    if (s >= tl->ramp_s)
        return tl->ramp_b + tl->r1 * (s - tl->ramp_s);
    return s * (tl->r0 + 0.5 * (tl->r1 - tl->r0) * s / tl->ramp_s);
}

/* Inverse of ramp_pos. Within the ramp, b = r0 s + (r1 - r0) s^2 / (2 T); the root is
 * taken in the form 2b / (r0 + sqrt(disc)), which has no cancellation when r1 ~ r0.
 * sqrt(disc) is the rate at that moment, so disc stays well above 0. */
static double ramp_time(const timeline *tl, double b)
{
    if (b >= tl->ramp_b)
        return tl->ramp_s + (b - tl->ramp_b) / tl->r1;
    double disc = tl->r0 * tl->r0 + 2.0 * (tl->r1 - tl->r0) * b / tl->ramp_s;
    if (disc < 0.0)
        disc = 0.0;
    return 2.0 * b / (tl->r0 + sqrt(disc));
}

/* Time of boundary k measured from the first breath. k = cycles * n is the end. */
static gw_ns bound_at(const timeline *tl, int64_t k)
{
    int64_t i = k / tl->n;
    int j = (int)(k % tl->n);
    if (!tl->ramp)
        return i * tl->cycle + tl->cum_ms[j] * GW_NS_PER_MS;
    double b = (double)i + (double)tl->cum_ms[j] / (double)tl->cum_ms[tl->n];
    return (gw_ns)llround(ramp_time(tl, b) * (double)GW_NS_PER_SEC);
}

/* Index k of the phase containing tau (0 <= tau < tl->end). */
static int64_t phase_index(const timeline *tl, gw_ns tau)
{
    int64_t last = (int64_t)tl->cycles * tl->n - 1;
    int64_t k;
    if (!tl->ramp) {
        int64_t w = tau % tl->cycle;
        int j = tl->n - 1;
        while (j > 0 && w < tl->cum_ms[j] * GW_NS_PER_MS)
            j--;
        k = (tau / tl->cycle) * tl->n + j;
    } else {
        /* First guess from the position, then settle on the rounded boundaries. */
        double b = ramp_pos(tl, (double)tau / (double)GW_NS_PER_SEC);
        double i = floor(b);
        double f = (b - i) * (double)tl->cum_ms[tl->n];
        int j = tl->n - 1;
        while (j > 0 && f < (double)tl->cum_ms[j])
            j--;
        k = (int64_t)i * tl->n + j;
        if (k > last)
            k = last;
        while (k > 0 && tau < bound_at(tl, k))
            k--;
        while (k < last && tau >= bound_at(tl, k + 1))
            k++;
    }
    return k < last ? k : last;
}

/* Lung fill at each boundary: inhale rises to 1 (to TOPUP_LEVEL when a top-up follows),
 * a top-up to 1, exhale falls to 0, holds keep the level. The level at the start is the
 * level the pattern ends on, so a pattern may start anywhere in the breath. */
static double fill_target(const timeline *tl, const breath_pattern *p, int j, double level)
{
    switch (p->phase[j].kind) {
    case BREATH_INHALE:
        return p->phase[(j + 1) % tl->n].kind == BREATH_TOPUP ? TOPUP_LEVEL : 1.0;
    case BREATH_TOPUP:
        return 1.0;
    case BREATH_EXHALE:
        return 0.0;
    default:
        return level;
    }
}

static void fill_levels(timeline *tl, const breath_pattern *p)
{
    double start = p->phase[0].kind == BREATH_HOLD_IN ? 1.0 : 0.0; /* only holds */
    for (int j = 0; j < tl->n; j++)
        start = fill_target(tl, p, j, start);
    tl->level[0] = start;
    for (int j = 0; j < tl->n; j++)
        tl->level[j + 1] = fill_target(tl, p, j, tl->level[j]);
}

static bool finite_nonneg(double x)
{
    return isfinite(x) && x >= 0.0;
}

/* Checks the pattern against lim and, if valid, fills tl. Returns NULL or what is
 * wrong. */
static const char *check_in(const breath_pattern *p, timeline *tl, const limits *lim)
{
    memset(tl, 0, sizeof *tl);
    if (p == NULL)
        return "no breathing pattern";
    if (p->nphase < 1)
        return "a breathing pattern needs at least one phase";
    if (p->nphase > BREATH_MAX_PHASES)
        return "a breathing pattern has at most 8 phases";
    tl->n = p->nphase;
    for (int j = 0; j < tl->n; j++) {
        const breath_phase *ph = &p->phase[j];
        if ((int)ph->kind < 0 || ph->kind >= BREATH_KIND_COUNT)
            return "a breathing phase has an unknown kind";
        if (ph->ms < BREATH_MIN_PHASE_MS)
            return "a breathing phase is shorter than 0.5 s";
        if (ph->ms > BREATH_MAX_PHASE_MS)
            return "a breathing phase is longer than 60 s";
        if (ph->ms % BREATH_STEP_MS != 0)
            return "a breathing phase is not in steps of 0.1 s";
        tl->cum_ms[j + 1] = tl->cum_ms[j] + ph->ms;
    }
    tl->cycle = tl->cum_ms[tl->n] * GW_NS_PER_MS;

    if (p->lead_in_ns < 0 || p->lead_in_ns > lim->lead_in)
        return lim->lead_msg;
    tl->lead = p->lead_in_ns;
    if (p->opening_ms != 0) {
        if (p->opening_ms < BREATH_MIN_PHASE_MS)
            return "the opening exhale is shorter than 0.5 s";
        if (p->opening_ms > BREATH_MAX_PHASE_MS)
            return "the opening exhale is longer than 60 s";
        if (p->opening_ms % BREATH_STEP_MS != 0)
            return "the opening exhale is not in steps of 0.1 s";
    }
    tl->open = (gw_ns)p->opening_ms * GW_NS_PER_MS;
    if (p->cycles < 0 || p->cycles > lim->cycles)
        return lim->cycles_msg;
    if (p->session_ns < 0 || p->session_ns > lim->session)
        return lim->time_msg;
    if (p->cycles == 0 && p->session_ns == 0)
        return "the session has no length: give a number of breaths or a time";

    if (!finite_nonneg(p->ramp_from_bpm) || !finite_nonneg(p->ramp_to_bpm))
        return "a ramp rate is not a valid number of breaths per minute";
    if ((p->ramp_from_bpm > 0.0) != (p->ramp_to_bpm > 0.0))
        return "a ramp needs both a start and an end rate";
    if (p->ramp_ns < 0)
        return "the ramp time is negative";
    tl->ramp = p->ramp_from_bpm > 0.0;
    if (tl->ramp) {
        /* The rate is monotonic, so the extreme phase lengths occur at its ends. */
        double bpm[2] = { p->ramp_from_bpm, p->ramp_to_bpm };
        for (int e = 0; e < 2; e++) {
            for (int j = 0; j < tl->n; j++) {
                double ms = 60000.0 / bpm[e] * p->phase[j].ms / (double)tl->cum_ms[tl->n];
                if (ms < BREATH_MIN_PHASE_MS - 1e-6)
                    return "the ramp rate makes a phase shorter than 0.5 s";
                if (ms > BREATH_MAX_PHASE_MS + 1e-6)
                    return "the ramp rate makes a phase longer than 60 s";
            }
        }
        tl->r0 = p->ramp_from_bpm / 60.0;
        tl->r1 = p->ramp_to_bpm / 60.0;
        tl->ramp_s = (double)p->ramp_ns / (double)GW_NS_PER_SEC;
        tl->ramp_b = 0.5 * (tl->r0 + tl->r1) * tl->ramp_s;
    }

    if (p->cycles > 0) {
        tl->cycles = p->cycles;
    } else if (!tl->ramp) {
        tl->cycles = (int)((p->session_ns + tl->cycle - 1) / tl->cycle);
    } else {
        /* The fewest whole breaths whose (rounded) end is at or after session_ns. */
        double b = ceil(ramp_pos(tl, (double)p->session_ns / (double)GW_NS_PER_SEC));
        if (b > (double)CYCLES_MAX)
            return "the session has too many breaths";
        tl->cycles = b < 1.0 ? 1 : (int)b;
        while (tl->cycles > 1 && bound_at(tl, (int64_t)(tl->cycles - 1) * tl->n) >= p->session_ns)
            tl->cycles--;
        while (bound_at(tl, (int64_t)tl->cycles * tl->n) < p->session_ns)
            tl->cycles++;
    }
    tl->end = bound_at(tl, (int64_t)tl->cycles * tl->n);
    if (tl->end > lim->session + 8 * (gw_ns)BREATH_MAX_PHASE_MS * GW_NS_PER_MS)
        return lim->long_msg;
    if (lim->counted_whole && p->cycles > 0 && !tl->ramp && tl->lead + tl->open + tl->end > lim->session)
        return lim->long_msg;
    fill_levels(tl, p);
    return NULL;
}

/* The engine's limits: what every query runs on. */
static const char *build(const breath_pattern *p, timeline *tl)
{
    return check_in(p, tl, &engine_limits);
}

static double eased(double from, double to, double progress)
{
    return from + (to - from) * 0.5 * (1.0 - cos(PI * progress));
}

void breath_at(const breath_pattern *p, gw_ns t, breath_state *out)
{
    timeline tl;
    memset(out, 0, sizeof *out);
    if (build(p, &tl) != NULL) {
        out->stage = BREATH_STAGE_DONE;
        return;
    }
    if (t < 0)
        t = 0;
    gw_ns first = tl.lead + tl.open; /* the first breath starts here */
    gw_ns total = first + tl.end;
    out->total_cycles = tl.cycles;

    if (t >= total) {
        /* Finished: the last phase is complete and the lungs are shown at rest. */
        int64_t k = (int64_t)tl.cycles * tl.n - 1;
        out->stage = BREATH_STAGE_DONE;
        out->index = tl.n - 1;
        out->kind = p->phase[out->index].kind;
        out->cycle = tl.cycles;
        out->progress = 1.0;
        out->phase_start = first + bound_at(&tl, k);
        out->phase_len = total - out->phase_start;
        return;
    }
    out->remaining = total - t;

    if (t < tl.lead) {
        out->stage = BREATH_STAGE_LEAD_IN;
        out->kind = tl.open ? BREATH_EXHALE : p->phase[0].kind;
        out->progress = (double)t / (double)tl.lead;
        out->phase_start = 0;
        out->phase_len = tl.lead;
        out->fill = tl.open ? 1.0 : tl.level[0];
        out->lead_in_count = (int)((tl.lead - t + GW_NS_PER_SEC - 1) / GW_NS_PER_SEC);
        return;
    }

    if (t < first) {
        /* the opening exhale: from full lungs down to where the first breath starts */
        out->stage = BREATH_STAGE_BREATHING;
        out->opening = true;
        out->index = -1;
        out->kind = BREATH_EXHALE;
        out->phase_start = tl.lead;
        out->phase_len = tl.open;
        out->progress = (double)(t - tl.lead) / (double)tl.open;
        out->fill = eased(1.0, tl.level[0], out->progress);
        return;
    }

    gw_ns tau = t - first;
    int64_t k = phase_index(&tl, tau);
    gw_ns start = bound_at(&tl, k);
    gw_ns len = bound_at(&tl, k + 1) - start;
    out->stage = BREATH_STAGE_BREATHING;
    out->cycle = (int)(k / tl.n);
    out->index = (int)(k % tl.n);
    out->kind = p->phase[out->index].kind;
    out->phase_start = first + start;
    out->phase_len = len;
    out->progress = (double)(tau - start) / (double)len;
    out->fill = eased(tl.level[out->index], tl.level[out->index + 1], out->progress);
}

gw_ns breath_total(const breath_pattern *p)
{
    timeline tl;
    if (build(p, &tl) != NULL)
        return 0;
    return tl.lead + tl.open + tl.end;
}

int breath_total_cycles(const breath_pattern *p)
{
    timeline tl;
    if (build(p, &tl) != NULL)
        return 0;
    return tl.cycles;
}

gw_ns breath_cycle_len(const breath_pattern *p)
{
    gw_ns sum = 0;
    if (p == NULL || p->nphase < 1 || p->nphase > BREATH_MAX_PHASES)
        return 0;
    for (int j = 0; j < p->nphase; j++)
        sum += (gw_ns)p->phase[j].ms * GW_NS_PER_MS;
    return sum;
}

gw_ns breath_next_boundary(const breath_pattern *p, gw_ns t)
{
    timeline tl;
    if (build(p, &tl) != NULL)
        return GW_NEVER;
    if (t < 0)
        return 0;
    gw_ns first = tl.lead + tl.open;
    if (t >= first + tl.end)
        return GW_NEVER;
    if (t < tl.lead)
        return tl.lead;
    if (t < first)
        return first;
    return first + bound_at(&tl, phase_index(&tl, t - first) + 1);
}

static int32_t adjusted(int32_t ms0, int64_t d)
{
    int64_t ms = ((int64_t)ms0 + BREATH_STEP_MS / 2) / BREATH_STEP_MS * BREATH_STEP_MS + d;
    if (ms < BREATH_MIN_PHASE_MS)
        ms = BREATH_MIN_PHASE_MS;
    if (ms > BREATH_MAX_PHASE_MS)
        ms = BREATH_MAX_PHASE_MS;
    return (int32_t)ms;
}

void breath_adjust(breath_pattern *p, int32_t delta_ms)
{
    /* Round the change to whole steps, half away from zero, so +50 and -50 mirror. */
    int64_t d = delta_ms >= 0 ? ((int64_t)delta_ms + BREATH_STEP_MS / 2) / BREATH_STEP_MS
                              : -((-(int64_t)delta_ms + BREATH_STEP_MS / 2) / BREATH_STEP_MS);
    d *= BREATH_STEP_MS;
    int n = p->nphase < BREATH_MAX_PHASES ? p->nphase : BREATH_MAX_PHASES;
    for (int j = 0; j < n; j++)
        p->phase[j].ms = adjusted(p->phase[j].ms, d);
    if (p->opening_ms > 0)
        p->opening_ms = adjusted(p->opening_ms, d);
}

const breath_kind_row *breath_kind_row_of(breath_kind k)
{
    return (int)k >= 0 && k < BREATH_KIND_COUNT ? &kind_rows[k] : &unknown_row;
}

const char *breath_kind_name(breath_kind k)
{
    return breath_kind_row_of(k)->name;
}

int breath_kind_after(int i, int prev)
{
    if (i < 0 || i >= BREATH_PHASE_NAMES)
        return -1;
    if (i != PHASE_NAME_HOLD)
        return (int)phase_name_kind[i];
    if (prev == BREATH_INHALE || prev == BREATH_TOPUP)
        return BREATH_HOLD_IN;
    return prev == BREATH_EXHALE ? BREATH_HOLD_OUT : -1;
}

int breath_kind_parse(const char *name)
{
    if (name == NULL)
        return -1;
    for (int k = 0; k < BREATH_KIND_COUNT; k++)
        if (strcmp(name, kind_rows[k].name) == 0)
            return k;
    if (strcmp(name, "hold_in") == 0)
        return BREATH_HOLD_IN;
    return -1;
}

const char *breath_check(const breath_pattern *p)
{
    timeline tl;
    return build(p, &tl);
}

const char *breath_check_content(const breath_pattern *p)
{
    timeline tl;
    return check_in(p, &tl, &content_limits);
}
