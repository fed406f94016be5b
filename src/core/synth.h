/* synth: the program's own sounds, computed as PCM. Phase cues are short soft tones
 * (inhale rises, exhale falls, hold is one low steady tone); ambience beds (brown
 * noise, rain, a low drone) are endless streams rendered block by block from a small
 * state the caller owns. Pure C, no SDL: the audio platform layer mixes the buffers.
 * Samples are mono float in -1..1; the caller scales and interleaves them. */
#ifndef GW_SYNTH_H
#define GW_SYNTH_H
#include <stddef.h>
#include <stdint.h>

typedef enum synth_cue { SYNTH_CUE_INHALE, SYNTH_CUE_EXHALE, SYNTH_CUE_HOLD, SYNTH_CUE_COUNT } synth_cue;
typedef enum synth_bed { SYNTH_BED_BROWN, SYNTH_BED_RAIN, SYNTH_BED_DRONE, SYNTH_BED_COUNT } synth_bed;

/* Cue length in seconds (all cues are the same length). */
#define SYNTH_CUE_SECONDS 0.9
/* Peak level of a cue; cues are soft, well below full scale. */
#define SYNTH_CUE_PEAK 0.3f

/* "inhale", "exhale", "hold" -> the cue, or -1. */
int synth_cue_parse(const char *name);
const char *synth_cue_name(synth_cue c);
/* Frames of a cue at `rate` Hz (0 for a rate outside 8000..192000). */
size_t synth_cue_frames(int rate);
/* Writes min(n, synth_cue_frames(rate)) frames of cue c into out; returns how many.
 * The onset is sharp (a 3 ms attack from the first sample) so the start is exact;
 * then the tone decays softly. */
size_t synth_cue_render(synth_cue c, int rate, float *out, size_t n);

/* "brown", "rain", "drone" -> the bed, or -1. */
int synth_bed_parse(const char *name);

typedef struct synth_bed_state {
    synth_bed kind;
    int       rate;
    uint64_t  frame;     /* frames rendered so far */
    uint32_t  rng;
    double    lp[4];     /* filter memories */
    double    drop;      /* rain: current drop envelope */
    double    dropf;     /* rain: drop resonance phase step */
    double    ph[3];     /* drone: oscillator phases */
} synth_bed_state;

/* Starts a bed; the same kind, rate and seed give the same stream. */
void synth_bed_init(synth_bed_state *s, synth_bed kind, int rate, uint32_t seed);
/* Renders the next n frames of the bed into out (peaks stay within +-0.5). */
void synth_bed_render(synth_bed_state *s, float *out, size_t n);

#endif
