/* sound: see sound.h. */
#include "core/sound.h"

#include <stdlib.h>
#include <string.h>

#include "core/pack_asset.h"

/* A new command of op at the end of l, or NULL (no list, or out of memory). */
static sound_cmd *add(sound_list *l, sound_op op, const char *text)
{
    if (!l)
        return NULL;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        sound_cmd *c = realloc(l->cmd, (size_t)cap * sizeof *c);
        if (!c)
            return NULL;
        l->cmd = c;
        l->cap = cap;
    }
    int at = -1;
    if (text) {
        size_t len = strlen(text) + 1;
        if (l->ntext + len > l->captext) {
            size_t cap = l->captext ? l->captext : 256;
            while (l->ntext + len > cap)
                cap *= 2;
            char *t = realloc(l->text, cap);
            if (!t)
                return NULL;
            l->text = t;
            l->captext = cap;
        }
        memcpy(l->text + l->ntext, text, len);
        at = (int)l->ntext;
        l->ntext += len;
    }
    sound_cmd *c = &l->cmd[l->n++];
    *c = (sound_cmd){ .op = op, .text = at };
    return c;
}

void sound_cue(sound_list *l, const char *name) { add(l, SOUND_CUE, name); }

void sound_cue_at(sound_list *l, const char *name, gw_ns when, gw_ns now)
{
    sound_cmd *c = add(l, SOUND_CUE_AT, name);
    if (c) {
        c->when = when;
        c->now = now;
    }
}

void sound_cancel_cues(sound_list *l) { add(l, SOUND_CANCEL_CUES, NULL); }

void sound_voice_play(sound_list *l, const char *path, gw_ns offset)
{
    sound_cmd *c = add(l, SOUND_VOICE_PLAY, path);
    if (c)
        c->when = offset;
}

void sound_voice_stop(sound_list *l) { add(l, SOUND_VOICE_STOP, NULL); }
void sound_ambience(sound_list *l, const char *bed) { add(l, SOUND_AMBIENCE, bed); }

void sound_pause(sound_list *l, bool paused)
{
    sound_cmd *c = add(l, SOUND_PAUSE, NULL);
    if (c)
        c->on = paused;
}

void sound_mute(sound_list *l, bool muted)
{
    sound_cmd *c = add(l, SOUND_MUTE, NULL);
    if (c)
        c->on = muted;
}

void sound_volume(sound_list *l, sound_bus bus, float volume)
{
    sound_cmd *c = add(l, SOUND_VOLUME, NULL);
    if (c) {
        c->bus = bus;
        c->volume = volume;
    }
}

const char *sound_text_of(const sound_list *l, const sound_cmd *c)
{
    return c->text >= 0 ? l->text + c->text : NULL;
}

void sound_clear(sound_list *l)
{
    if (!l)
        return;
    l->n = 0;
    l->ntext = 0;
}

void sound_free(sound_list *l)
{
    if (!l)
        return;
    free(l->cmd);
    free(l->text);
    memset(l, 0, sizeof *l);
}

gw_ns sound_clip_length(const char *path)
{
    gw_ns len = 0;
    char why[256];
    if (!path || !pack_audio_check(path, &len, why, sizeof why))
        return 0;
    return len > 0 ? len : 0;
}
