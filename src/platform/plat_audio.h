/* plat_audio: sound through SDL_mixer, with a null back-end. If no device opens, or
 * the device goes away, every call does nothing and the program carries on silent
 * (captions and visuals still show everything). When a device returns, sound resumes.
 * Ownership: plat_audio owns the mixer and its chunks. */
#ifndef GW_PLAT_AUDIO_H
#define GW_PLAT_AUDIO_H
#include <stdbool.h>

typedef struct plat_audio plat_audio;

/* Tries to open the default device; never fails (returns a silent back-end). Returns
 * NULL only if out of memory. */
plat_audio *plat_audio_open(bool want_device);
void plat_audio_close(plat_audio *a);
bool plat_audio_live(const plat_audio *a);
/* A device was removed or added (from SDL events or scripts). */
void plat_audio_device_changed(plat_audio *a, bool added);
/* Plays a short synthesized cue ("inhale", "exhale", "hold"); no-op when silent. */
void plat_audio_cue(plat_audio *a, const char *name);
const char *plat_audio_problem(const plat_audio *a);

#endif
