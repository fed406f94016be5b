/* plat_audio: SDL_mixer with our own mixing stage. Cues and the ambience bed are mixed
 * by a post-mix callback on the audio thread, which also counts samples: that count is
 * the sample clock onto which caller times are mapped, so a scheduled cue starts on its
 * exact sample rather than at the next video frame. Voice clips play as Mix_Music.
 * The callback touches only `mix` state guarded by a spin lock held for a few copies.
 *
 * SDL_mixer is loaded (SDL_LoadObject) when the device is first opened, not linked:
 * with the decoders it brings (FluidSynth with GLib and JACK, libmodplug, FLAC, mpg123,
 * Opus: 23 libraries) loading it at start cost 5-10 ms before the first frame, which
 * has nothing to hear. Without it the program runs silent and says why. */
#include "platform/plat_audio.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_mixer.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/pack_asset.h"
#include "core/rfile.h"
#include "core/synth.h"
#include "platform/plat_clock.h"

#ifndef GW_MIXER_LIB
#define GW_MIXER_LIB "libSDL2_mixer-2.0.so.0"
#endif

/* the SDL_mixer functions used, called as mx.Name (typed from SDL_mixer.h) */
#define MIXER_FUNCS(X) X(Linked_Version) X(OpenAudioDevice) X(CloseAudio) X(Init) X(SetPostMix) \
    X(HookMusicFinished) X(LoadMUS_RW) X(FreeMusic) X(PlayMusic) X(HaltMusic) X(PauseMusic)    \
    X(ResumeMusic) X(PlayingMusic) X(SetMusicPosition) X(VolumeMusic) X(HaltChannel)
static struct mixer {
    void *lib; /* loaded once, kept until exit (its audio thread may still run at close) */
#define X(f) __typeof__(&Mix_##f) f;
    MIXER_FUNCS(X)
#undef X
} mx;

#define RATE 48000
#define CHUNK 2048 /* 43 ms at 48 kHz: 23 audio-thread wakes a second. Cues are placed by sample, so they stay within a few ms of their times (bench/cue_sync.py) */
#define MAX_PLAYING 8
#define MAX_PENDING 8
#define DUCK_LEVEL 0.35f

typedef struct pending {
    int   cue;
    gw_ns at;        /* on plat_now()'s clock; 0: as soon as possible */
} pending;

typedef struct playing {
    int    cue;
    size_t pos;      /* next frame of the cue */
    size_t delay;    /* frames of this buffer to wait before starting */
} playing;

/* With nothing to play for this long, the device is closed (standby) and the audio
 * thread stops waking; the next sound opens it again. */
#define STANDBY_AFTER GW_SEC(60)

struct plat_audio {
    bool want, live;
    bool standby;           /* closed for want of anything to play; reopens on demand */
    gw_ns last_active;      /* plat_now() when something last played or was asked for */
    gw_ns standby_after;
    float *pcm[SYNTH_CUE_COUNT];
    size_t cue_len;
    Mix_Music *voice;
    char problem[256];

    /* shared with the audio thread, under `lock` */
    SDL_SpinLock lock;
    pending pend[MAX_PENDING];
    int     npend;
    playing play[MAX_PLAYING];
    int     nplay;
    float   gain[AUDIO_BUS_COUNT];
    bool    muted, paused, voice_on;
    bool    bed_on;
    synth_bed_state bed;
    float   duck;           /* current ambience gain from ducking, eased */
    uint64_t frames;        /* frames mixed so far: the sample clock */
    double  anchor_ns;      /* plat_now() at which frame 0 would have been heard */
    double  drift_ns;       /* how far the anchor moves a callback (a clock slow or fast) */
    bool    anchored;
    float   scratch[CHUNK * 8];
    double  latency_ns;     /* from mixing a buffer to hearing it */

    /* measurement (bench/cue_sync.py): with GW_AUDIO_CLOCK_LOG set, each callback's
     * (frame, plat_now) and each cue_at's times are kept and written at close */
    FILE   *clog;
    struct clock_mark { uint64_t frame; gw_ns at; } *marks;
    size_t  nmarks, capmarks;
};

static int clampi(long v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : (int)v; }

/* The audio thread: mixes cues and the bed into the stream SDL_mixer produced. */
static void postmix(void *ud, Uint8 *stream, int len)
{
    plat_audio *a = ud;
    Sint16 *s = (Sint16 *)(void *)stream;
    int n = len / 4; /* stereo S16 frames */
    gw_ns now = plat_now();
    SDL_AtomicLock(&a->lock);
    /* Map the sample clock onto plat_now(): this buffer is heard latency_ns after it
     * is mixed. The anchor is smoothed so callback jitter does not move it much, and
     * its steady drift (a device clock a little slow or fast against ours) is tracked
     * too (an alpha-beta filter), so the smoothing does not lag behind it: with 43 ms
     * buffers and a stream 2 % slow, the offset alone lagged some 4 ms. */
    double anchor = (double)now + a->latency_ns - (double)a->frames * 1e9 / RATE;
    if (a->nmarks < a->capmarks)
        a->marks[a->nmarks++] = (struct clock_mark){ a->frames, now };
    double predicted = a->anchor_ns + a->drift_ns;
    if (!a->anchored || fabs(anchor - predicted) > 100e6) {
        a->anchor_ns = anchor;
        a->drift_ns = 0;
    } else {
        double err = anchor - predicted;
        a->anchor_ns = predicted + err * 0.1;
        a->drift_ns += err * 0.005;
    }
    a->anchored = true;
    if (!a->paused) {
        /* start pending cues that fall in this buffer */
        for (int i = 0; i < a->npend;) {
            double f = a->pend[i].at == 0 ? 0
                                          : ((double)a->pend[i].at - a->anchor_ns) * RATE / 1e9 - (double)a->frames;
            if (f < n) {
                if (a->nplay < MAX_PLAYING) {
                    playing *p = &a->play[a->nplay++];
                    p->cue = a->pend[i].cue;
                    p->pos = 0;
                    p->delay = f <= 0 ? 0 : (size_t)lround(f);
                }
                a->pend[i] = a->pend[--a->npend];
            } else
                i++;
        }
    }
    float gc = a->gain[AUDIO_CUES], ga = a->gain[AUDIO_AMBIENCE];
    float target_duck = a->voice_on ? DUCK_LEVEL : 1.f;
    bool bed = a->bed_on && n <= CHUNK * 8;
    if (bed)
        synth_bed_render(&a->bed, a->scratch, (size_t)n);
    if (a->muted)
        memset(stream, 0, (size_t)len);
    /* nothing of ours to add (between cues, no ambience): the voice's samples stay as
     * they are, and the audio thread does no more than SDL_mixer's own mixing */
    bool ours = !a->muted && (bed || (!a->paused && a->nplay > 0));
    for (int i = 0; ours && i < n; i++) {
        float v = 0;
        if (!a->paused)
            for (int k = 0; k < a->nplay; k++) {
                playing *p = &a->play[k];
                if ((size_t)i < p->delay || p->pos >= a->cue_len)
                    continue;
                v += gc * a->pcm[p->cue][p->pos++];
            }
        if (bed) {
            a->duck += (target_duck - a->duck) * (1.f / 4800); /* about 0.1 s */
            v += ga * a->duck * a->scratch[i];
        }
        /* rounded half away from zero, as lroundf (a call into libm) would */
        float fv = v * 32767;
        long add = (long)((double)fv + (fv < 0 ? -0.5 : 0.5));
        for (int c = 0; c < 2; c++) {
            long x = s[2 * i + c] + add;
            s[2 * i + c] = (Sint16)clampi(x, -32768, 32767);
        }
    }
    for (int k = 0; k < a->nplay;) {
        if (a->play[k].pos >= a->cue_len)
            a->play[k] = a->play[--a->nplay];
        else {
            a->play[k].delay = 0;
            k++;
        }
    }
    a->frames += (uint64_t)n;
    SDL_AtomicUnlock(&a->lock);
}

/* SDL_mixer's hook has no user data; there is one mixer, so one module instance owns it.
 * Called on the audio thread before the post-mix, when the lock is free. */
static plat_audio *hooked;

static void voice_finished(void)
{
    plat_audio *a = hooked;
    if (!a)
        return;
    SDL_AtomicLock(&a->lock);
    a->voice_on = false; /* lift the ambience's ducking */
    SDL_AtomicUnlock(&a->lock);
}

static void shut(plat_audio *a)
{
    if (!a->live)
        return;
    mx.SetPostMix(NULL, NULL);
    mx.HookMusicFinished(NULL);
    hooked = NULL;
    mx.HaltMusic();
    if (a->voice) {
        mx.FreeMusic(a->voice);
        a->voice = NULL;
    }
    mx.HaltChannel(-1);
    mx.CloseAudio();
    a->live = false;
    SDL_AtomicLock(&a->lock);
    a->npend = a->nplay = 0;
    a->voice_on = false;
    a->anchored = false;
    SDL_AtomicUnlock(&a->lock);
}

static void apply_voice_volume(plat_audio *a)
{
    if (a->live)
        mx.VolumeMusic((int)lroundf(a->gain[AUDIO_VOICE] * MIX_MAX_VOLUME));
}

/* Loads SDL_mixer (GW_MIXER_LIB names another file, for tests); false with a->problem
 * set when it cannot be had. */
static bool mixer_load(plat_audio *a)
{
    if (mx.lib)
        return true;
    const char *name = getenv("GW_MIXER_LIB");
    if (!name || !*name)
        name = GW_MIXER_LIB;
    struct mixer m = { 0 };
    if (!(m.lib = SDL_LoadObject(name))) {
        snprintf(a->problem, sizeof a->problem, "No sound: SDL_mixer cannot be loaded (%s)", SDL_GetError());
        return false;
    }
    void *fn;
    const char *missing = NULL;
#define X(f)                                                     \
    if (!missing && !(fn = SDL_LoadFunction(m.lib, "Mix_" #f)))  \
        missing = "Mix_" #f;                                     \
    else if (!missing)                                           \
        memcpy(&m.f, &fn, sizeof fn); /* POSIX: a function's address as void * */
    MIXER_FUNCS(X)
#undef X
    const SDL_version *v = missing ? NULL : m.Linked_Version();
    if (missing || !v || v->major != SDL_MIXER_MAJOR_VERSION) {
        if (missing)
            snprintf(a->problem, sizeof a->problem, "No sound: %s has no %s", name, missing);
        else
            snprintf(a->problem, sizeof a->problem, "No sound: %s is SDL_mixer %d, not %d", name,
                     v ? v->major : 0, SDL_MIXER_MAJOR_VERSION);
        SDL_UnloadObject(m.lib);
        return false;
    }
    mx = m;
    return true;
}

/* The cue sounds, synthesized when the device is first opened. */
static bool render_cues(plat_audio *a)
{
    if (a->pcm[0])
        return true;
    a->cue_len = synth_cue_frames(RATE);
    for (int i = 0; i < SYNTH_CUE_COUNT; i++) {
        float *p = malloc(a->cue_len * sizeof(float));
        if (!p) {
            for (int k = 0; k < i; k++) {
                free(a->pcm[k]);
                a->pcm[k] = NULL;
            }
            return false;
        }
        synth_cue_render((synth_cue)i, RATE, p, a->cue_len);
        a->pcm[i] = p;
    }
    return true;
}

static void try_open(plat_audio *a)
{
    if (a->live || !a->want)
        return;
    if (!render_cues(a)) {
        snprintf(a->problem, sizeof a->problem, "No sound: out of memory");
        return;
    }
    if (!mixer_load(a))
        return;
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(a->problem, sizeof a->problem, "No sound: %s", SDL_GetError());
        return;
    }
    /* no allowed changes: SDL converts, so the stream is always 48 kHz stereo S16 */
    if (mx.OpenAudioDevice(RATE, AUDIO_S16SYS, 2, CHUNK, NULL, 0) != 0) {
        snprintf(a->problem, sizeof a->problem, "No sound: %s", Mix_GetError());
        return;
    }
    mx.Init(MIX_INIT_OGG);
    /* a sound card plays a buffer about one buffer after it is mixed; the disk writer
     * (used to measure) writes it at once */
    const char *drv = SDL_GetCurrentAudioDriver();
    a->latency_ns = drv && (!strcmp(drv, "disk") || !strcmp(drv, "dummy")) ? 0 : (double)CHUNK * 1e9 / RATE;
    a->live = true;
    a->problem[0] = 0;
    apply_voice_volume(a);
    mx.SetPostMix(postmix, a);
    hooked = a;
    mx.HookMusicFinished(voice_finished);
}

plat_audio *plat_audio_open(bool want_device)
{
    plat_audio *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->want = want_device;
    for (int b = 0; b < AUDIO_BUS_COUNT; b++)
        a->gain[b] = b == AUDIO_AMBIENCE ? 0.6f : 1.f;
    a->duck = 1.f;
    a->standby_after = STANDBY_AFTER;
    a->last_active = plat_now();
    const char *log = getenv("GW_AUDIO_CLOCK_LOG");
    if (log && *log && (a->clog = fopen(log, "w"))) {
        a->capmarks = 180000; /* two hours of 43 ms callbacks */
        a->marks = malloc(a->capmarks * sizeof *a->marks);
        if (!a->marks)
            a->capmarks = 0;
    }
    try_open(a);
    return a;
}

void plat_audio_close(plat_audio *a)
{
    if (!a)
        return;
    shut(a);
    if (a->clog) {
        for (size_t i = 0; i < a->nmarks; i++)
            fprintf(a->clog, "cb %llu %lld\n", (unsigned long long)a->marks[i].frame, (long long)a->marks[i].at);
        fclose(a->clog);
    }
    free(a->marks);
    for (int i = 0; i < SYNTH_CUE_COUNT; i++)
        free(a->pcm[i]);
    free(a);
}

bool plat_audio_live(const plat_audio *a) { return a && (a->live || a->standby); }

/* Before any request that makes sound: out of standby (opening the device again). */
static void wake(plat_audio *a)
{
    a->last_active = plat_now();
    if (a->standby) {
        a->standby = false;
        try_open(a);
    }
}

plat_audio *plat_audio_open_later(void)
{
    plat_audio *a = plat_audio_open(false);
    if (a) {
        a->want = true;
        a->standby = true; /* opened by plat_audio_start or the first sound asked for */
    }
    return a;
}

void plat_audio_start(plat_audio *a)
{
    if (a && a->standby)
        wake(a);
}

bool plat_audio_standby(const plat_audio *a) { return a && a->standby; }
void plat_audio_set_standby_after(plat_audio *a, gw_ns after)
{
    if (a)
        a->standby_after = after;
}

void plat_audio_idle(plat_audio *a)
{
    if (!a || !a->live)
        return;
    gw_ns now = plat_now();
    SDL_AtomicLock(&a->lock);
    bool busy = a->npend > 0 || a->nplay > 0 || a->bed_on || a->voice_on;
    SDL_AtomicUnlock(&a->lock);
    if (busy || (a->voice && mx.PlayingMusic()))
        a->last_active = now;
    else if (now - a->last_active >= a->standby_after) {
        shut(a);
        a->standby = true;
    }
}
const char *plat_audio_problem(const plat_audio *a) { return a && a->problem[0] ? a->problem : NULL; }

void plat_audio_device_changed(plat_audio *a, bool added)
{
    if (!a)
        return;
    if (added && !a->standby)
        try_open(a);
    else if (a->live && SDL_GetNumAudioDevices(0) <= 0)
        shut(a);
}

static void queue_cue(plat_audio *a, const char *name, gw_ns at)
{
    int c = synth_cue_parse(name);
    if (!a || c < 0)
        return;
    wake(a);
    if (!a->live)
        return;
    SDL_AtomicLock(&a->lock);
    if (a->npend < MAX_PENDING)
        a->pend[a->npend++] = (pending){ c, at };
    SDL_AtomicUnlock(&a->lock);
}

void plat_audio_cue(plat_audio *a, const char *name) { queue_cue(a, name, 0); }

void plat_audio_cue_at(plat_audio *a, const char *name, gw_ns when, gw_ns now)
{
    gw_ns abs_now = plat_now(), at = abs_now + (when - now);
    if (a && a->clog)
        fprintf(a->clog, "cue %s %lld %lld %lld\n", name, (long long)when, (long long)now, (long long)abs_now);
    queue_cue(a, name, at > 0 ? at : 1);
}

void plat_audio_cancel_cues(plat_audio *a)
{
    if (!a)
        return;
    SDL_AtomicLock(&a->lock);
    a->npend = 0;
    SDL_AtomicUnlock(&a->lock);
}

void plat_audio_set_volume(plat_audio *a, audio_bus bus, float volume)
{
    if (!a || (int)bus < 0 || bus >= AUDIO_BUS_COUNT)
        return;
    float v = isnan(volume) ? 1.f : volume < 0 ? 0.f : volume > 1 ? 1.f : volume;
    SDL_AtomicLock(&a->lock);
    a->gain[bus] = v;
    SDL_AtomicUnlock(&a->lock);
    if (bus == AUDIO_VOICE)
        apply_voice_volume(a);
}

void plat_audio_set_muted(plat_audio *a, bool muted)
{
    if (!a)
        return;
    SDL_AtomicLock(&a->lock);
    a->muted = muted;
    SDL_AtomicUnlock(&a->lock);
}

static void set_voice_on(plat_audio *a, bool on)
{
    SDL_AtomicLock(&a->lock);
    a->voice_on = on;
    SDL_AtomicUnlock(&a->lock);
}

bool plat_audio_voice_play(plat_audio *a, const char *path, gw_ns offset)
{
    if (!a || !path)
        return false;
    wake(a);
    if (!a->live)
        return false;
    plat_audio_voice_stop(a);
    /* opened here, without blocking and only if it is a file: SDL_mixer's own fopen of a
     * FIFO put in the clip's place since the pack was checked would wait for ever */
    char why[160];
    int fd = rfile_open(path, PACK_MAX_CLIP_BYTES, NULL, why, sizeof why);
    FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!fp) {
        if (fd >= 0)
            close(fd);
        snprintf(a->problem, sizeof a->problem, "Cannot play %s: it %s", path, fd >= 0 ? "cannot be read" : why);
        return false;
    }
    SDL_RWops *rw = SDL_RWFromFP(fp, SDL_TRUE);
    if (!rw)
        fclose(fp);
    a->voice = rw ? mx.LoadMUS_RW(rw, 1) : NULL;  /* the music owns rw (and fp) from here */
    if (!a->voice) {
        snprintf(a->problem, sizeof a->problem, "Cannot play %s: %s", path, Mix_GetError());
        return false;
    }
    if (mx.PlayMusic(a->voice, 0) != 0) {
        snprintf(a->problem, sizeof a->problem, "Cannot play %s: %s", path, Mix_GetError());
        mx.FreeMusic(a->voice);
        a->voice = NULL;
        return false;
    }
    if (offset > 0)
        mx.SetMusicPosition(gw_seconds(offset));
    if (a->paused)
        mx.PauseMusic();
    set_voice_on(a, true);
    return true;
}

void plat_audio_voice_stop(plat_audio *a)
{
    if (!a || !a->live)
        return;
    mx.HaltMusic();
    if (a->voice) {
        mx.FreeMusic(a->voice);
        a->voice = NULL;
    }
    set_voice_on(a, false);
}

bool plat_audio_voice_playing(const plat_audio *a)
{
    if (!a || !a->live || !a->voice)
        return false;
    bool on = mx.PlayingMusic() != 0;
    if (!on && a->voice_on)
        set_voice_on((plat_audio *)a, false); /* lift the ducking once the clip ended */
    return on;
}

/* ---- clip length without a device --------------------------------------------- */
gw_ns plat_audio_clip_length(plat_audio *a, const char *path)
{
    (void)a;
    return sound_clip_length(path);
}

void plat_audio_pause(plat_audio *a, bool paused)
{
    if (!a)
        return;
    SDL_AtomicLock(&a->lock);
    a->paused = paused;
    if (paused)
        a->npend = 0; /* caller times move while paused: schedule again after resuming */
    SDL_AtomicUnlock(&a->lock);
    if (a->live && a->voice) {
        if (paused)
            mx.PauseMusic();
        else
            mx.ResumeMusic();
    }
}

void plat_audio_ambience(plat_audio *a, const char *bed)
{
    if (!a)
        return;
    int k = synth_bed_parse(bed);
    if (k >= 0)
        wake(a);
    SDL_AtomicLock(&a->lock);
    if (k < 0)
        a->bed_on = false;
    else if (!a->bed_on || a->bed.kind != (synth_bed)k) {
        synth_bed_init(&a->bed, (synth_bed)k, RATE, 0x2545f491u);
        a->bed_on = true;
    }
    SDL_AtomicUnlock(&a->lock);
}

void plat_audio_play(plat_audio *a, const sound_list *l)
{
    static const audio_bus BUS[SOUND_BUS_COUNT] = { [SOUND_BUS_CUES] = AUDIO_CUES, [SOUND_BUS_VOICE] = AUDIO_VOICE,
                                                    [SOUND_BUS_AMBIENCE] = AUDIO_AMBIENCE };
    for (int i = 0; l && i < l->n; i++) {
        const sound_cmd *c = &l->cmd[i];
        const char *text = sound_text_of(l, c);
        switch (c->op) {
        case SOUND_CUE: plat_audio_cue(a, text); break;
        case SOUND_CUE_AT: plat_audio_cue_at(a, text, c->when, c->now); break;
        case SOUND_CANCEL_CUES: plat_audio_cancel_cues(a); break;
        case SOUND_VOICE_PLAY: plat_audio_voice_play(a, text, c->when); break;
        case SOUND_VOICE_STOP: plat_audio_voice_stop(a); break;
        case SOUND_AMBIENCE: plat_audio_ambience(a, text); break;
        case SOUND_PAUSE: plat_audio_pause(a, c->on); break;
        case SOUND_MUTE: plat_audio_set_muted(a, c->on); break;
        case SOUND_VOLUME:
            if (c->bus >= 0 && c->bus < SOUND_BUS_COUNT)
                plat_audio_set_volume(a, BUS[c->bus], c->volume);
            break;
        }
    }
}
