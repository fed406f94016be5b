/* sound: the description of what is heard, as draw is of what is seen. The app appends
 * sound commands while it handles events and updates (cues at a time on the caller's
 * clock, voice clips played and stopped, the ambience bed, pause, mute, volumes); the
 * runner hands the list to the platform (plat_audio) once a pass and clears it. The
 * ambience is lowered while a voice clip plays by the platform itself (ducking), so it
 * needs no command. Commands keep their order: a stop then a play is a stop then a play.
 * Functions given a NULL list do nothing (a run without sound: nothing is kept).
 * Ownership: the list owns its commands and a text arena for names and paths;
 * sound_free releases them, sound_clear empties the list and keeps its memory. A
 * command that cannot be stored (out of memory) is dropped: a sound missed, no more. */
#ifndef GW_SOUND_H
#define GW_SOUND_H
#include <stdbool.h>
#include <stddef.h>
#include "core/gwtime.h"

typedef enum sound_bus { SOUND_BUS_CUES, SOUND_BUS_VOICE, SOUND_BUS_AMBIENCE, SOUND_BUS_COUNT } sound_bus;

typedef enum sound_op {
    SOUND_CUE,         /* the cue `text` ("inhale", "exhale", "hold") now */
    SOUND_CUE_AT,      /* the cue `text` at caller time `when`, asked at caller time `now` */
    SOUND_CANCEL_CUES, /* cues scheduled and not yet started are dropped */
    SOUND_VOICE_PLAY,  /* the clip at path `text`, from `when` into it */
    SOUND_VOICE_STOP,
    SOUND_AMBIENCE,    /* the bed `text` ("brown", "rain", "drone"); no text: none */
    SOUND_PAUSE,       /* voice and cues paused (`on`) or resumed */
    SOUND_MUTE,        /* everything muted (`on`) or not */
    SOUND_VOLUME,      /* `bus` at `volume` (0..1) */
} sound_op;

typedef struct sound_cmd {
    sound_op op;
    sound_bus bus;
    bool on;
    float volume;
    gw_ns when, now;
    int text;          /* offset in the list's text arena, -1 for none */
} sound_cmd;

typedef struct sound_list {
    sound_cmd *cmd;
    int n, cap;
    char *text;
    size_t ntext, captext;
} sound_list;

void sound_cue(sound_list *l, const char *name);
void sound_cue_at(sound_list *l, const char *name, gw_ns when, gw_ns now);
void sound_cancel_cues(sound_list *l);
void sound_voice_play(sound_list *l, const char *path, gw_ns offset);
void sound_voice_stop(sound_list *l);
void sound_ambience(sound_list *l, const char *bed); /* NULL: none */
void sound_pause(sound_list *l, bool paused);
void sound_mute(sound_list *l, bool muted);
void sound_volume(sound_list *l, sound_bus bus, float volume);

/* The text of a command (cue, bed or path); NULL for none. Valid until the list is
 * next changed. */
const char *sound_text_of(const sound_list *l, const sound_cmd *c);
void sound_clear(sound_list *l);
void sound_free(sound_list *l);

/* The length of a voice clip (Ogg Vorbis or WAV) read from its file, 0 if it cannot be
 * read: the same reading as the pack loader's check of it (pack_audio_check). */
gw_ns sound_clip_length(const char *path);

#endif
