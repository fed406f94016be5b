/* kiosk: the pure rules of the unattended waiting-room screen. The configuration
 * reader (located errors, safe defaults), the idle policy as a function of monotonic
 * time, operating hours as a function of the local wall-clock minute, the admin PIN
 * (salted argon2 hash through libsodium) with its rate limit, the admin corner, the
 * language cycle of the attract loop and the slow burn-in offset. No clock is read
 * here: every function takes the time it needs.
 *
 * Ownership: kiosk_config is a plain value (fixed arrays, nothing to free). */
#ifndef GW_KIOSK_H
#define GW_KIOSK_H
#include <stdbool.h>
#include <stddef.h>
#include "core/gwtime.h"

#define KIOSK_MAX_EXERCISES 32
#define KIOSK_MAX_LANGS     8
#define KIOSK_ID_MAX        64
#define KIOSK_PIN_HASH_MAX  128   /* crypto_pwhash_STRBYTES */
#define KIOSK_PIN_MIN       4
#define KIOSK_PIN_MAX       12
#define KIOSK_MAX_ERRORS    8
#define KIOSK_PATH_MAX      512

#define KIOSK_IDLE_DEFAULT  GW_SEC(90)
#define KIOSK_CLOSING_NS    GW_SEC(10)   /* the closing screen returns to attract */
#define KIOSK_CONTENT_CHECK_NS GW_SEC(60)  /* an untouched attract screen looks for new content */
#define KIOSK_GESTURE_NS    GW_SEC(5)    /* hold the top-left corner this long */
/* read aloud on or off without sight: the space bar or the bottom-right corner held */
#define KIOSK_SPEECH_HOLD_NS GW_SEC(3)
#define KIOSK_SPEECH_KEY    "Space"
#define KIOSK_CAUTIONS_READ_NS GW_SEC(5) /* "Before you begin" is read this long before Start */
#define KIOSK_CURSOR_NS     GW_SEC(3)    /* the mouse cursor hides after this */
#define KIOSK_LANG_NS       GW_SEC(4)    /* attract: each language shown this long */

#define KIOSK_NAME_MAX 64

typedef enum kiosk_outside { KIOSK_OUTSIDE_DIM, KIOSK_OUTSIDE_BLANK } kiosk_outside;
typedef enum kiosk_hours_state { KIOSK_OPEN, KIOSK_DIM, KIOSK_BLANK } kiosk_hours_state;

typedef struct kiosk_config {
    char  exercise[KIOSK_MAX_EXERCISES][KIOSK_ID_MAX];  /* offered; none: all loaded that
                                                            suit unattended use */
    int   nexercise;
    gw_ns idle_timeout;                 /* 10 s .. 1 h, default 90 s */
    char  attract[KIOSK_ID_MAX];        /* breathing exercise paced in the attract loop; "": built in */
    char  lang[KIOSK_MAX_LANGS][16];    /* languages offered; none: the program's */
    int   nlang;
    char  pin_hash[KIOSK_PIN_HASH_MAX]; /* "": no PIN set, the admin exit is closed */
    bool  hours_set;
    int   open_min, close_min;          /* minutes after local midnight; close < open spans midnight */
    kiosk_outside outside;
    double volume, volume_max;          /* 0..1; volume never above volume_max */
    bool  stats;                        /* keep anonymous daily counters (opt-in) */
    char  stats_path[KIOSK_PATH_MAX];   /* "": $XDG_DATA_HOME/groundwork/kiosk-stats.sqlite */
    char  name[KIOSK_NAME_MAX];         /* the kiosk's name in its counters; "": the host's name */
    bool  read_aloud;                   /* the program reads itself aloud (a kiosk with headphones);
                                           every idle reset returns to this */
} kiosk_config;

/* Problems found while reading, each "FILE:LINE:COL: message". */
typedef struct kiosk_errors {
    int  n;
    char msg[KIOSK_MAX_ERRORS][320];
} kiosk_errors;

void kiosk_config_defaults(kiosk_config *c);
/* Reads a configuration text. A syntax error leaves every default; a bad value leaves
 * that setting's default and reads the rest. Returns true when there was no problem. */
bool kiosk_config_parse(kiosk_config *c, const char *name, const char *text, size_t len,
                        kiosk_errors *errs);
/* kiosk_config_parse on a file; a missing file is a problem too (defaults kept). */
bool kiosk_config_load(kiosk_config *c, const char *path, kiosk_errors *errs);
/* Writes c as JSON to path atomically (a fresh temporary file beside it, never written
 * through a link; fsync, rename). A file that was there keeps its mode, and its owner and
 * group where this user may give them (root); a new one is made 0644 less the umask.
 * Where path is a symbolic link, the file it names is replaced and the link kept. */
bool kiosk_config_save(const kiosk_config *c, const char *path, char *err, size_t errlen);
/* What kiosk_config_save_keeping found and kept. */
typedef struct kiosk_saved {
    bool existed;              /* a file was there: its uid, gid and mode */
    unsigned uid, gid, mode;
    bool owner_kept;           /* the new file has that owner and group */
} kiosk_saved;
/* kiosk_config_save, saying in *out (may be NULL) what the file was and whether its owner
 * and group could be kept. */
bool kiosk_config_save_keeping(const kiosk_config *c, const char *path, kiosk_saved *out, char *err, size_t errlen);
/* The JSON text kiosk_config_save writes, or NULL when out of memory; the caller frees
 * it with free(). */
char *kiosk_config_to_json(const kiosk_config *c);

/* Idle policy. The deadline after which, with no input since last_input, the kiosk goes
 * back to its attract loop; or after a finished exercise's closing screen. */
gw_ns kiosk_idle_deadline(const kiosk_config *c, gw_ns last_input);
bool  kiosk_idle_due(const kiosk_config *c, gw_ns last_input, gw_ns now);
/* A running exercise holds the idle reset off as input does, but content decides how
 * long it runs (a clip's header could claim hours): with no input for KIOSK_HOLD_MAX
 * (the longest session the pack format allows) and then the idle timeout, the kiosk
 * goes back to its attract loop, whatever runs. */
#define KIOSK_HOLD_MAX GW_SEC(120 * 60)
/* The idle deadline with running_at, the last moment an exercise was seen running (0
 * when none has run). */
gw_ns kiosk_idle_deadline_running(const kiosk_config *c, gw_ns last_input, gw_ns running_at);

/* Operating hours at a local wall-clock minute of the day (0..1439). */
kiosk_hours_state kiosk_hours_at(const kiosk_config *c, int minute_of_day);
/* Parses "HH:MM" into minutes after midnight; -1 if malformed. */
int kiosk_parse_hhmm(const char *s);

/* PIN: 4..12 digits. Hash into out (KIOSK_PIN_HASH_MAX bytes); false if the PIN is not
 * acceptable or hashing failed (message in err). */
bool kiosk_pin_valid(const char *pin);
bool kiosk_pin_hash(const char *pin, char *out, char *err, size_t errlen);
bool kiosk_pin_verify(const char *hash, const char *pin);

/* Rate limit on wrong PINs: after 3 wrong in a row, a 30 s wait, doubling with each
 * further wrong one (at most an hour). A right PIN clears it. */
typedef struct kiosk_pinlimit {
    int   fails;
    gw_ns locked_until;
} kiosk_pinlimit;
bool  kiosk_pin_allowed(const kiosk_pinlimit *p, gw_ns now);
void  kiosk_pin_record(kiosk_pinlimit *p, bool ok, gw_ns now);

/* The admin corner: a square of the top-left, 9% of the short side. */
bool kiosk_in_corner(float x, float y, int w, int h);
/* The read-aloud corner: the same square at the bottom right, away from the admin's. */
bool kiosk_in_speech_corner(float x, float y, int w, int h);
/* The attract loop's language at time t (index into c->lang; 0 when none). */
int kiosk_lang_at(const kiosk_config *c, gw_ns t);
/* A slow drift of static elements against burn-in: within +-amp pixels, periods of
 * minutes, closed form in t. */
void kiosk_burnin_offset(gw_ns t, float amp, float *dx, float *dy);
/* Is exercise id offered by this configuration? A configuration that names exercises
 * offers those, on purpose, whatever they are; one that names none offers only those
 * suited to unattended, standing use (the pack's "unattended"). */
bool kiosk_offers(const kiosk_config *c, const char *id, bool unattended);
/* Is id named by the configuration (offered on purpose)? */
bool kiosk_names(const kiosk_config *c, const char *id);

#endif
