/* plat_audio: sound through SDL_mixer, with a null back-end. If no device opens, or
 * the device goes away, every call does nothing and the program carries on silent
 * (captions and visuals still show everything). When a device returns, sound resumes.
 * Cues and ambience are synthesized (core/synth.h) and mixed by our own post-mix stage,
 * which counts samples: that count is the clock scheduled cues are placed on. With the
 * environment variable GW_AUDIO_CLOCK_LOG=FILE, the callbacks' (frame, clock) pairs and
 * every cue_at call are written to FILE at close (bench/cue_sync.py uses them).
 * The app says what is to be heard as a list of commands (core/sound.h) that the runner
 * hands to plat_audio_play once a pass.
 * Ownership: plat_audio owns the mixer, its PCM buffers and the current voice clip. */
#ifndef GW_PLAT_AUDIO_H
#define GW_PLAT_AUDIO_H
#include <stdbool.h>
#include "core/gwtime.h"
#include "core/sound.h"

typedef struct plat_audio plat_audio;

/* Tries to open the default device; never fails (returns a silent back-end). Returns
 * NULL only if out of memory. */
plat_audio *plat_audio_open(bool want_device);
/* As plat_audio_open, but the device is not opened yet: it starts in standby (live as
 * far as callers can tell) and opens at plat_audio_start or at the first cue, voice or
 * ambience asked for. The live program opens it after its first frame is shown. */
plat_audio *plat_audio_open_later(void);
void plat_audio_start(plat_audio *a);
void plat_audio_close(plat_audio *a);
bool plat_audio_live(const plat_audio *a);
/* A device was removed or added (from SDL events or scripts). */
void plat_audio_device_changed(plat_audio *a, bool added);
/* Plays a short synthesized cue ("inhale", "exhale", "hold"); no-op when silent. */
void plat_audio_cue(plat_audio *a, const char *name);
const char *plat_audio_problem(const plat_audio *a);
/* Called now and then by the main loop: after 60 s with nothing playing or scheduled
 * (no cue, voice or ambience) the device is closed so no audio thread keeps waking a
 * screen that is only being looked at; the next cue, voice or ambience opens it again
 * first. plat_audio_live stays true meanwhile. */
void plat_audio_idle(plat_audio *a);
bool plat_audio_standby(const plat_audio *a);
void plat_audio_set_standby_after(plat_audio *a, gw_ns after); /* tests: not 60 s */

/* ---- buses, scheduling, voice and ambience ------------------------------------
 * Times are on the caller's clock (the same gw_ns the app runs on); the module maps
 * them onto its sample clock so a cue scheduled for `when` starts within 5 ms of it. */
typedef enum audio_bus { AUDIO_CUES, AUDIO_VOICE, AUDIO_AMBIENCE, AUDIO_BUS_COUNT } audio_bus;

void plat_audio_set_volume(plat_audio *a, audio_bus bus, float volume); /* 0..1 */
void plat_audio_set_muted(plat_audio *a, bool muted);
/* Schedules cue `name` to start at caller time `when` (now is the caller's time now). */
void plat_audio_cue_at(plat_audio *a, const char *name, gw_ns when, gw_ns now);
/* Drops cues scheduled but not yet started (pause, seek, leaving an exercise). */
void plat_audio_cancel_cues(plat_audio *a);
/* Plays a voice clip (Ogg Vorbis or WAV) from `offset` into it; one voice at a time.
 * Returns false if it cannot be played (silent back-end, unreadable file). */
bool plat_audio_voice_play(plat_audio *a, const char *path, gw_ns offset);
void plat_audio_voice_stop(plat_audio *a);
bool plat_audio_voice_playing(const plat_audio *a);
/* Length of a clip, or 0 if it cannot be read. Works with the silent back-end. */
gw_ns plat_audio_clip_length(plat_audio *a, const char *path);
/* Pauses or resumes voice and cues together. Cues scheduled but not yet started are
 * dropped on pausing (the caller's times move while paused): schedule again after. */
void plat_audio_pause(plat_audio *a, bool paused);
/* Ambience bed synthesized by our code: "brown", "rain", "drone"; NULL stops it. The
 * bed is lowered automatically while a voice clip plays. */
void plat_audio_ambience(plat_audio *a, const char *bed);

/* Carries out a sound list's commands in order (the list is not changed). */
void plat_audio_play(plat_audio *a, const sound_list *l);

#endif
