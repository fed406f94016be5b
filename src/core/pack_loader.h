/* pack_loader: private to the pack loader's files, nothing else includes it. The
 * loader's state for one pack, and the checks it is built from:
 *   pack_load.c      pack.json, reading the exercise files, images, pack_free
 *   pack_exercise.c  an exercise's common fields and the body map's regions
 *   pack_kinds.c     each kind's own section (breathing, guided, prompts)
 *   pack_fields.c    the pack's field types: ids, languages, TEXT, paths, voice clips
 * Each reads through jread (jread.h), whose user pointer is the loader (LD). Checks
 * fill the pack's tables directly; everything they allocate is owned by the pack. */
#ifndef GW_PACK_LOADER_H
#define GW_PACK_LOADER_H
#include <stdbool.h>
#include <stddef.h>
#include <cjson/cJSON.h>
#include "core/idmap.h"
#include "core/jread.h"
#include "core/pack.h"
#include "core/pack_asset.h"

/* An exercise file named in pack.json, read (maybe ahead, on the reader thread) before
 * it is checked. */
typedef struct pending_file {
    int index;     /* slot in pack.ex */
    char *full;    /* dir/rel */
    char *buf;     /* its bytes once read (owned), or NULL and why (owned) */
    size_t len;
    char *why;
} pending_file;

typedef struct loader {
    pack *p;
    pack_diags *d;
    const char *dir;        /* NULL: a buffer without a folder */
    char *root_real;        /* real path of dir */
    int errors;             /* every error of every file of the pack */
    bool langs_ok;          /* p->lang holds the pack's valid languages */
    const char *deflang;
    idmap ids;              /* exercise id -> exercise, within this pack */
    pending_file *pend;
    int npend;
    pack_path_cache path_cache;
} loader;

#define LD(c) ((loader *)(c)->user)


/* ---- pack_fields.c ---- */
char *pack_strdup(const char *s);
/* An id: 1 to 64 of a-z, 0-9 and '-', not starting with '-'. */
jread_got pack_get_id(jread *c, const cJSON *obj, const char *name, char **out);
bool pack_iso_lang(const char *s);                       /* a two-letter ISO 639-1 code */
const char *pack_lang(const pack *p, const char *l);     /* the pack's copy of l, or NULL */
bool pack_has_lang(const pack *p, const char *l);
/* A pack_text's lang and text arrays share one allocation; the language strings are
 * the pack's own (not copied). */
void pack_text_free(pack_text *t);
bool pack_text_reserve(pack_text *t, int n);
bool pack_text_push(pack_text *t, const char *lang, const char *s);
/* TEXT: a string, or {"en": "...", ...} keyed by the pack's languages; with voice the
 * texts are clip paths (*clip: the default language's clip length). */
jread_got pack_check_text(jread *c, const cJSON *v, int max, bool voice, pack_text *out, gw_ns *clip);
jread_got pack_get_text(jread *c, const cJSON *obj, const char *name, bool req, int max, pack_text *out);
jread_got pack_get_voice(jread *c, const cJSON *obj, pack_text *out, gw_ns *clip);
/* A relative path naming an existing file inside the pack; *full: dir/rel (caller
 * frees), or NULL when there is no folder to look in. */
bool pack_check_path(jread *c, const cJSON *v, const char *what, char **full);
bool pack_check_voice(jread *c, const cJSON *v, gw_ns *len);

/* ---- pack_kinds.c: the exercise kinds ---- */
/* One row per kind. Adding a kind: its value in exercise_kind (pack.h) and its fields in
 * struct exercise, a row here with its functions (pack_kinds.c or a file of its own),
 * and the app's scene for it. */
typedef struct exercise_kind_vt {
    const char *name;     /* the kind's name, and its section's in a pack */
    /* reads the section (an object) into e, reporting what is wrong */
    void (*parse)(jread *c, const cJSON *section, exercise *e);
    /* checks e as a whole once the section was read without errors; may be NULL */
    void (*validate)(jread *c, const cJSON *section, exercise *e);
    /* what in e strains the body ("holds the breath"), or NULL; the function may be
     * NULL. Such an exercise needs cautions (caution_hint: who should take care) and is
     * not offered unattended unless the pack says so. */
    const char *(*strain)(const exercise *e);
    const char *caution_hint;
    gw_ns (*length)(const exercise *e);  /* exercise_length */
    void (*free)(exercise *e);           /* frees what parse filled; safe on a zeroed e */
    /* parse fills e->breath and the pacer runs it (exercise_paced): styles, Longer and
     * Shorter, the attract orb, the library's breathing column and the plan's breathing
     * section follow from this, not from the kind's name */
    bool paced;
} exercise_kind_vt;

extern const exercise_kind_vt exercise_kinds[EX_KIND_COUNT];
extern const char *const exercise_kind_names[EX_KIND_COUNT];  /* the names, as a list */

/* ---- pack_exercise.c ---- */
void pack_check_region(jread *c, const cJSON *o, body_region *r);
void pack_region_free(body_region *r);
void pack_check_exercise(jread *c, const cJSON *o, exercise *e);
void pack_exercise_free(exercise *e);

#endif
