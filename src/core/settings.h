/* settings: the person's preferences, kept in $XDG_CONFIG_HOME/groundwork/settings.json.
 * Written atomically (a temporary file in the same folder, fsync, rename, fsync of the
 * folder), so a crash leaves the old file or the new one, never half of one; saves are
 * serialised by a lock on the folder, and a crash leaves at most one temporary file
 * (path + ".tmp"), which the next save replaces. A file that cannot be read as
 * settings is reported (where it is damaged, or that memory ran out) and left alone:
 * defaults are used and the file is only replaced when the person changes something,
 * after settings_keep_bad kept it aside. The temporary file is made afresh (O_EXCL,
 * O_NOFOLLOW): never written through a symbolic link.
 * Unknown keys are ignored; each bad value falls back to its default.
 * Ownership: plain values; no allocation. */
#ifndef GW_SETTINGS_H
#define GW_SETTINGS_H
#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_MAX_FAV 32
#define SETTINGS_EVERY_DAY 0x7fu /* remind_days: Monday (bit 0) to Sunday (bit 6) */

typedef struct settings {
    char theme[16];        /* calm, light, contrast */
    int  text_pct;         /* text size, 100-200 */
    bool reduced_motion;
    int  vol_cues, vol_voice, vol_ambience; /* 0-100 */
    bool checkins;         /* before/after self-checks in home mode */
    char lang[16];         /* "" : from the environment */
    char pacer[16];        /* default pacer style: orb, box, wave, tube, calm */
    char region[4];        /* the crisis line's country: "" from the locale, "ES", ...;
                              "*" another country (the general line) */
    char handedness[8];    /* the hand the person writes with, the "dominant" side in
                              muscle relaxation: "right", "left"; "" not asked yet (the
                              right is shown, and the first guided exercise asks) */
    bool welcomed;         /* the first-run welcome was seen */
    char hr_sensor[18];    /* the heart-rate sensor chosen, its Bluetooth address
                              ("AA:BB:CC:DD:EE:FF"); "" none (written only when set) */
    char fav[SETTINGS_MAX_FAV][64]; /* favourite exercise ids */
    int  nfav;
    /* exercises whose "Before you begin" cautions the person chose not to see again
     * (home mode; they stay under Help inside the exercise) */
    char cautions_hidden[SETTINGS_MAX_FAV][64];
    int  ncautions_hidden;
    /* practice reminders ("reminders": {"on", "days", "time", "via"}) */
    bool remind_on;
    bool remind_set;       /* the person chose days or a time (else a plan may propose) */
    unsigned remind_days;  /* bit 0 Monday ... bit 6 Sunday; never 0 */
    int  remind_min;       /* the time of day, minutes after midnight, 0-1439 */
    char remind_via[16];   /* how they were installed: "systemd", "autostart"; "" none */
    /* read aloud ("read_aloud": {"on", "rate"}): the program speaks its screens and
     * focus through the speech service, at rate percent (50-200) of its usual pace and
     * at the voice volume */
    bool read_aloud;
    int  speech_rate;
} settings;

typedef enum settings_status {
    SETTINGS_OK,           /* read */
    SETTINGS_MISSING,      /* no file: defaults (a first run) */
    SETTINGS_BAD           /* unreadable or not settings: defaults, err filled */
} settings_status;

void settings_defaults(settings *s);
settings_status settings_load(settings *s, const char *path, char *err, size_t errn);
/* settings_load on text already read (len bytes, no terminator needed); name is what the
 * message calls the file. Never SETTINGS_MISSING. */
settings_status settings_parse(settings *s, const char *name, const char *text, size_t len, char *err,
                               size_t errn);
/* The JSON text settings_save writes (s clamped first), or NULL when out of memory; the
 * caller frees it with free(). */
char *settings_to_json(const settings *s);
/* Writes s to path atomically, creating the folder (0700) if needed. */
bool settings_save(const settings *s, const char *path, char *err, size_t errn);
/* Clamps every value into its range (used after load and before save). */
void settings_clamp(settings *s);
/* Before damaged settings are written over: keeps the file at path as
 * path.bad-STAMP (STAMP e.g. "20260101-090001", passed in; "-1", "-2"... added if that
 * name is taken), never replacing anything. kept gets the new file's name (no folder),
 * or "" if there was no file. False with err filled if it could not be kept (then
 * nothing should be written over it). */
bool settings_keep_bad(const char *path, const char *stamp, char *kept, size_t keptn, char *err, size_t errn);

#endif
