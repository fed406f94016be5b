/* synth: cue tones and ambience beds as PCM (see synth.h). */
#include "core/synth.h"

#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846

static const char *const CUE_NAMES[SYNTH_CUE_COUNT] = { "inhale", "exhale", "hold" };
static const char *const BED_NAMES[SYNTH_BED_COUNT] = { "brown", "rain", "drone" };

int synth_cue_parse(const char *name)
{
    for (int i = 0; name && i < SYNTH_CUE_COUNT; i++)
        if (!strcmp(name, CUE_NAMES[i]))
            return i;
    return -1;
}

const char *synth_cue_name(synth_cue c)
{
    return (int)c >= 0 && c < SYNTH_CUE_COUNT ? CUE_NAMES[c] : "unknown";
}

int synth_bed_parse(const char *name)
{
    for (int i = 0; name && i < SYNTH_BED_COUNT; i++)
        if (!strcmp(name, BED_NAMES[i]))
            return i;
    return -1;
}

size_t synth_cue_frames(int rate)
{
    if (rate < 8000 || rate > 192000)
        return 0;
    return (size_t)lround(rate * SYNTH_CUE_SECONDS);
}

/* A soft bell: a sine with its octave, a 3 ms attack and an exponential decay, faded
 * to zero over the last 50 ms. Inhale glides up a little, exhale glides down, hold is
 * a steady low tone. */
size_t synth_cue_render(synth_cue c, int rate, float *out, size_t n)
{
    size_t len = synth_cue_frames(rate);
    if ((int)c < 0 || c >= SYNTH_CUE_COUNT || !out || len == 0)
        return 0;
    if (n > len)
        n = len;
    static const double f0[SYNTH_CUE_COUNT] = { 392.0, 523.25, 261.63 };
    static const double glide[SYNTH_CUE_COUNT] = { 1.25, 0.75, 1.0 };
    const double attack = 0.003, tail = 0.05;
    double phase = 0;
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / rate;
        double env = fmin(t / attack, 1.0) * exp(-t / 0.3);
        double left = SYNTH_CUE_SECONDS - t;
        if (left < tail)
            env *= fmax(left, 0) / tail;
        double f = f0[c] * (1 + (glide[c] - 1) * fmin(t / 0.5, 1.0));
        double v = env * (sin(phase) + 0.2 * sin(2 * phase)) / 1.2;
        out[i] = (float)(SYNTH_CUE_PEAK * v);
        phase += 2 * PI * f / rate;
        if (phase > 2 * PI)
            phase -= 2 * PI;
    }
    return n;
}

static double noise(synth_bed_state *s)
{
    /* xorshift32: deterministic, cheap, fine for audio noise */
    uint32_t x = s->rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    s->rng = x;
    return (double)x / 2147483648.0 - 1.0;
}

void synth_bed_init(synth_bed_state *s, synth_bed kind, int rate, uint32_t seed)
{
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->rate = rate >= 8000 && rate <= 192000 ? rate : 48000;
    s->rng = seed ? seed : 0x9e3779b9u;
}

void synth_bed_render(synth_bed_state *s, float *out, size_t n)
{
    if (!s || !out)
        return;
    const double rate = s->rate;
    for (size_t i = 0; i < n; i++) {
        double v = 0;
        switch (s->kind) {
        case SYNTH_BED_BROWN:
            /* integrated white noise with a leak so it stays centred */
            s->lp[0] = 0.998 * s->lp[0] + 0.02 * noise(s);
            v = 1.0 * s->lp[0];
            break;
        case SYNTH_BED_RAIN: {
            /* a soft hiss (high-passed noise) and sparse decaying drops */
            double w = noise(s);
            s->lp[0] += 0.25 * (w - s->lp[0]);
            double hiss = w - s->lp[0];
            if (s->drop < 0.02 && (noise(s) + 1) * 0.5 < 40.0 / rate) {
                s->drop = 0.4 + 0.3 * (noise(s) + 1) * 0.5;
                s->dropf = 2 * PI * (1500 + 2500 * (noise(s) + 1) * 0.5) / rate;
                s->ph[0] = 0;
            }
            double drop = s->drop * sin(s->ph[0]);
            s->ph[0] += s->dropf;
            s->drop *= exp(-1.0 / (0.012 * rate));
            s->lp[1] += 0.3 * (hiss - s->lp[1]);
            v = 0.35 * s->lp[1] + 0.25 * drop;
            break;
        }
        case SYNTH_BED_DRONE: {
            /* three slow-beating low partials under a gentle swell */
            static const double f[3] = { 110.0, 110.35, 165.0 };
            double t = (double)s->frame / rate;
            double swell = 0.75 + 0.25 * sin(2 * PI * t / 12.0);
            v = swell * (0.16 * sin(s->ph[0]) + 0.14 * sin(s->ph[1]) + 0.07 * sin(s->ph[2]));
            for (int k = 0; k < 3; k++) {
                s->ph[k] += 2 * PI * f[k] / rate;
                if (s->ph[k] > 2 * PI)
                    s->ph[k] -= 2 * PI;
            }
            break;
        }
        default:
            break;
        }
        if (v > 0.5)
            v = 0.5;
        if (v < -0.5)
            v = -0.5;
        out[i] = (float)v;
        s->frame++;
    }
}
