#include "platform/plat_audio.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_mixer.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RATE 48000
#define NCUE 3

struct plat_audio {
    bool want, live;
    Mix_Chunk *cue[NCUE];
    Sint16 *pcm[NCUE];
    char problem[256];
};

static const char *const CUE_NAMES[NCUE] = { "inhale", "exhale", "hold" };

/* A soft bell-like tone: a sine with a gentle attack and exponential decay. Inhale
 * rises (two partials up a fifth), exhale falls, hold is a single low tone. */
static Sint16 *synth(int which, int *nbytes)
{
    const double dur = 0.9;
    int n = (int)(RATE * dur);
    Sint16 *s = malloc((size_t)n * 2 * sizeof *s);
    if (!s)
        return NULL;
    const double f0[NCUE] = { 392.0, 523.25, 329.63 };
    const double glide[NCUE] = { 1.06, 0.94, 1.0 };
    double phase = 0;
    for (int i = 0; i < n; i++) {
        double t = (double)i / RATE;
        double env = (1 - exp(-t / 0.012)) * exp(-t / 0.28);
        double f = f0[which] * (1 + (glide[which] - 1) * fmin(t / 0.4, 1.0));
        phase += 2 * M_PI * f / RATE;
        double v = 0.22 * env * (sin(phase) + 0.25 * sin(2 * phase));
        Sint16 q = (Sint16)lrint(v * 32767);
        s[2 * i] = s[2 * i + 1] = q;
    }
    *nbytes = n * 2 * (int)sizeof *s;
    return s;
}

static void shut(plat_audio *a)
{
    if (!a->live)
        return;
    Mix_HaltChannel(-1);
    for (int i = 0; i < NCUE; i++) {
        Mix_FreeChunk(a->cue[i]);
        a->cue[i] = NULL;
    }
    Mix_CloseAudio();
    a->live = false;
}

static void try_open(plat_audio *a)
{
    if (a->live || !a->want)
        return;
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(a->problem, sizeof a->problem, "No sound: %s", SDL_GetError());
        return;
    }
    if (Mix_OpenAudio(RATE, AUDIO_S16SYS, 2, 1024) != 0) {
        snprintf(a->problem, sizeof a->problem, "No sound: %s", Mix_GetError());
        return;
    }
    a->live = true;
    a->problem[0] = 0;
    for (int i = 0; i < NCUE; i++) {
        if (!a->pcm[i]) {
            int nb = 0;
            a->pcm[i] = synth(i, &nb);
            if (a->pcm[i])
                a->cue[i] = Mix_QuickLoad_RAW((Uint8 *)a->pcm[i], (Uint32)nb);
        } else {
            a->cue[i] = Mix_QuickLoad_RAW((Uint8 *)a->pcm[i], (Uint32)(RATE * 0.9) * 4);
        }
    }
}

plat_audio *plat_audio_open(bool want_device)
{
    plat_audio *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->want = want_device;
    try_open(a);
    return a;
}

void plat_audio_close(plat_audio *a)
{
    if (!a)
        return;
    shut(a);
    for (int i = 0; i < NCUE; i++)
        free(a->pcm[i]);
    free(a);
}

bool plat_audio_live(const plat_audio *a) { return a && a->live; }
const char *plat_audio_problem(const plat_audio *a) { return a && a->problem[0] ? a->problem : NULL; }

void plat_audio_device_changed(plat_audio *a, bool added)
{
    if (!a)
        return;
    if (added)
        try_open(a);
    else if (a->live && SDL_GetNumAudioDevices(0) <= 0)
        shut(a);
}

void plat_audio_cue(plat_audio *a, const char *name)
{
    if (!a || !a->live)
        return;
    for (int i = 0; i < NCUE; i++)
        if (!strcmp(name, CUE_NAMES[i]) && a->cue[i])
            Mix_PlayChannel(-1, a->cue[i], 0);
}

/* ---- not yet implemented: every call is a silent no-op ------------------------ */
void plat_audio_set_volume(plat_audio *a, audio_bus bus, float volume) { (void)a; (void)bus; (void)volume; }
void plat_audio_set_muted(plat_audio *a, bool muted) { (void)a; (void)muted; }
void plat_audio_cue_at(plat_audio *a, const char *name, gw_ns when, gw_ns now)
{
    (void)when; (void)now;
    plat_audio_cue(a, name);
}
void plat_audio_cancel_cues(plat_audio *a) { (void)a; }
bool plat_audio_voice_play(plat_audio *a, const char *path, gw_ns offset) { (void)a; (void)path; (void)offset; return false; }
void plat_audio_voice_stop(plat_audio *a) { (void)a; }
bool plat_audio_voice_playing(const plat_audio *a) { (void)a; return false; }
gw_ns plat_audio_clip_length(plat_audio *a, const char *path) { (void)a; (void)path; return 0; }
void plat_audio_pause(plat_audio *a, bool paused) { (void)a; (void)paused; }
void plat_audio_ambience(plat_audio *a, const char *bed) { (void)a; (void)bed; }
