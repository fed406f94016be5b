/* pack: content packs. The loader (pack_load.c and the files of pack_loader.h) reads a
 * pack folder (pack.json plus the exercise files and assets it names) through jread,
 * validates everything, and compiles it into plain tables that the pack owns: names
 * become enums once (phase kinds, pacer styles), and the tree is freed before
 * returning. Problems are reported as located diagnostics (diag.h:
 * FILE:LINE:COL: JSON-PATH: message), all of them, not just the first.
 *
 * Ownership: a pack and everything reachable from it (strings, steps, regions) is
 * owned by the pack and freed by pack_free(). A pack_set owns its packs. Diagnostics
 * own their strings; pack_diags_free() releases them. */
#ifndef GW_PACK_H
#define GW_PACK_H
#include <stdbool.h>
#include <stddef.h>
#include "core/breath.h"
#include "core/diag.h"
#include "core/gwtime.h"
#include "core/pacer_style.h"
#include "core/res_run.h"

#define PACK_FORMAT_MAJOR 1
#define PACK_FORMAT_MINOR 0
#define PACK_MAX_FILE_BYTES (16u * 1024u * 1024u)
#define PACK_MAX_CLIP_BYTES (512ull * 1024u * 1024u)  /* a voice clip's file */

/* ---- text given per language ---------------------------------------------- */
typedef struct pack_text {
    int    n;
    char **lang;  /* "en", "es", ...: the pack's own language strings (pack.lang) */
    char **text;
    bool   every; /* one plain string for every language of the pack (n is 1) */
} pack_text;

/* The text for lang ("es", "es_ES.UTF-8" and "es-MX" all match "es"); falls back to
 * English, then to the first language given; "" if there is no text at all. */
const char *pack_text_get(const pack_text *t, const char *lang);
/* The voice clip to play with text `shown` (a caption, a prompt) for lang: the clip in
 * the language the text is shown in. Text the pack has in lang but no clip in lang
 * gives "" (captions only: a German caption is never read out in English); text that
 * falls back to another language takes its clip the same way. */
const char *pack_voice_get(const pack_text *voice, const pack_text *shown, const char *lang);

/* The language pack_text_get(t, lang) gives t's text in (the pack's language string);
 * NULL when t has no text. */
const char *pack_text_lang(const pack_text *t, const char *lang);

/* ---- exercises ------------------------------------------------------------ */
typedef enum exercise_kind { EX_BREATHING, EX_GUIDED, EX_PROMPTS, EX_RESONANCE, EX_KIND_COUNT } exercise_kind;

typedef enum guided_step_kind { STEP_INSTRUCTION, STEP_TENSE, STEP_RELEASE, STEP_REST } guided_step_kind;

typedef struct guided_step {
    guided_step_kind kind;
    pack_text caption;
    pack_text voice;      /* per-language clip path, relative to the pack; may be empty */
    gw_ns     duration;   /* 0: the clip's length plus pause */
    gw_ns     pause;      /* after the clip, when duration is 0 */
    int       region;     /* index into exercise.regions, or -1 */
    gw_ns     voice_ns;   /* length of the clip in the pack's first language, read from
                             its headers; 0 if there is no clip or it cannot be known */
} guided_step;

typedef struct body_region {
    char  *id;            /* e.g. "dominant-forearm" */
    pack_text name;
    /* Vector shape in a 0..1 x 0..1 box (x across, y down) of a front-facing figure:
     * a list of ellipses and capsules; see docs/pack-format.md. */
    int    nshape;
    struct body_shape { char type; float x0, y0, x1, y1, r; } *shape;
} body_region;

typedef struct prompt_step {
    pack_text title;
    pack_text text;
    pack_text hint;
    pack_text voice;
    int       count;        /* things to name (dots), 0: none */
    gw_ns     timer;        /* 0: no timer */
    bool      auto_advance; /* move on when the timer ends */
} prompt_step;

typedef struct exercise {
    char         *id;
    exercise_kind kind;
    char         *category;  /* "breathing", "relaxation", "grounding" */
    pack_text     title;
    pack_text     summary;   /* one line for the library card */
    pack_text     section;   /* the library's heading over it within its shelf
                                ("Distress tolerance"); empty: none */
    int           ncaution;
    pack_text    *caution;
    char         *source;    /* citation */
    char         *style;     /* pacer style for breathing: orb, box, wave, tube */
    pacer_style   pacer;     /* the same compiled (PACER_ORB when not breathing) */
    bool          style_named; /* the pack named the style; otherwise style is "orb" and
                                  the person's default pacer style applies */
    breath_pattern breath;   /* EX_BREATHING */
    pack_text     phase_label[BREATH_MAX_PHASES]; /* the pack's words for each phase
                                  ("Out through the mouth"); empty: the program's */
    pack_text     opening_label; /* the same for breath.opening_ms */
    /* Suits unattended, standing use (the kiosk's default list offers only these). The
     * pack's "unattended"; when left out, true unless the exercise holds the breath or
     * tenses muscles. */
    bool          unattended;
    int           nstep;     /* EX_GUIDED */
    guided_step  *step;
    int           nregion;   /* view of the pack's body map (not owned) */
    const body_region *region;
    int           nprompt;   /* EX_PROMPTS */
    prompt_step  *prompt;
    res_plan      resonance; /* EX_RESONANCE: the assessment's blocks (core/res_run.h) */
    char         *res_practice; /* EX_RESONANCE: the breathing exercise offered at the
                                rate found (its id), or NULL */
    const struct pack *pack; /* the pack it came from (not owned) */
    /* Where its id is written, for messages about it (owned): file, 1-based line and
     * column, JSON path ("$.exercises[2].id" or "$.id"). */
    char         *src_file;
    int           src_line, src_col;
    char         *src_path;
} exercise;

typedef struct pack {
    char     *dir;        /* folder it was loaded from ("" for a buffer) */
    char     *id;
    pack_text name;
    char     *version;
    int       format_major, format_minor;
    int       nlang;
    char    **lang;
    int       nauthor;
    char    **author;
    char     *license;
    int       nsource;
    char    **source;
    int       nexercise;
    exercise *ex;
    int       nregion;    /* body map shared by the pack's guided exercises */
    body_region *region;
    char     *src_file;   /* its pack.json, and where "id" is written there */
    int       id_line, id_col;
    /* "plan" (a therapist's take-home plan, present mode): a note and a suggested
     * practice frequency; 0 where not given */
    bool      has_plan;
    pack_text plan_note;
    int       plan_times_per_day, plan_minutes;
} pack;

/* Loads and validates the pack in folder dir. Appends every problem to d. Returns the
 * pack if it has no errors (warnings allowed), else NULL. */
pack *pack_load_dir(const char *dir, pack_diags *d);
/* The same from the bytes of a pack.json; name is used in diagnostics; dir (may be
 * NULL) is where referenced files are looked for. Fuzzers drive this. */
pack *pack_load_buffer(const char *name, const char *buf, size_t len, const char *dir,
                       pack_diags *d);
void  pack_free(pack *p);

/* Length of an exercise as the library shows it: breathing, breath_total(); guided,
 * the sum of its steps (a step timed by its clip counts the clip plus its pause);
 * prompts, the sum of the step timers (untimed steps count 0). */
gw_ns exercise_length(const exercise *e);
/* Whether e is paced breathing the pacer runs from e->breath (its kind's row says so) */
bool exercise_paced(const exercise *e);
/* Which side a region is on relative to the writing hand: 1 for "dominant-..." ids,
 * -1 for "nondominant-...", 0 for neither (drawn where the pack puts it). A pack's
 * body map draws "dominant" on the person's right. */
int   body_region_side(const body_region *r);
const char *exercise_kind_name(exercise_kind k);  /* breathing, guided, prompts */
/* The language exercise e plays in for a person whose language is lang, when it is
 * not lang: NULL when every text of e (title, summary, cautions, phase words,
 * captions, prompts, hints, the names of the body regions its steps show) is given in
 * lang, else the language the first text without lang falls back to (the pack's
 * language string: "en", else the pack's first). Voice clips follow the texts
 * (pack_voice_get). */
const char *exercise_play_lang(const exercise *e, const char *lang);
/* How many of the pack's texts have none in lang (matched as pack_text_get matches):
 * its name, plan note and region names, and every exercise's texts as above. 0: the
 * pack is complete in lang. Voice clips are not counted. */
int pack_lang_missing(const pack *p, const char *lang);

/* ---- the set of loaded packs ---------------------------------------------- */
typedef struct pack_set {
    int     n;
    pack  **p;
    pack_diags diags;  /* every problem met while adding packs */
    struct pack_index *index;  /* private: exercise id lookup; NULL until a pack is added */
} pack_set;

/* Loads dir and adds it to the set. A pack whose id, or any of whose exercise ids, is
 * already in the set is rejected with an error (never a silent override). Returns
 * true if the pack was added. */
bool pack_set_add_dir(pack_set *s, const char *dir);
/* Adds every folder in parent that holds a pack.json, in name order. */
void pack_set_add_children(pack_set *s, const char *parent);
/* The same, leaving out the folders that are one of skip (nskip paths, compared as
 * files, not as names: "x/../p" is "p"). */
void pack_set_add_children_but(pack_set *s, const char *parent, const char *const *skip, int nskip);
/* Are a and b the same existing file or folder? */
bool pack_same_file(const char *a, const char *b);
int  pack_set_exercise_count(const pack_set *s);
const exercise *pack_set_exercise_at(const pack_set *s, int i);  /* in load order */
const exercise *pack_set_find(const pack_set *s, const char *id);
void pack_set_free(pack_set *s);

#endif
