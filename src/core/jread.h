/* jread: the one reader of JSON from outside (packs, exercise files, kiosk.json). A
 * text goes through one pipeline: a size limit, jsonloc_scan (strict grammar, a nesting
 * limit, the position of every value), the tree, then checks through typed getters
 * that report what they expected, where: file, line, column and JSON path
 * ($.exercises[2].breathing.phases[0].seconds), in words the file's author
 * understands. Messages go to a pack_diags (diag.h), sorted by position per file and
 * capped per file.
 *
 * A getter looks a member up, checks its type and range and either fills *out
 * (JREAD_OK), says the member is absent (JREAD_NONE: optional), or reports and returns
 * JREAD_BAD. The JSON path is a stack the caller pushes keys and indexes on as it
 * walks (jread_push_key, jread_push_index, jread_pop); getters push their own key.
 *
 * Ownership: a jread borrows the text, the diags and the file name; it owns the tree
 * jread_parse returns (never cJSON_Delete it) and frees it in jread_close. Private to
 * the readers of outside JSON (only they include cJSON). */
#ifndef GW_JREAD_H
#define GW_JREAD_H
#include <stdbool.h>
#include <stddef.h>
#include <cjson/cJSON.h>
#include "core/diag.h"
#include "core/jsonloc.h"

#define JREAD_PATH_STEPS 64    /* kept path steps; deeper ones are counted, not kept */
#define JREAD_PATH_CAP 1024    /* a path written out, in bytes */

/* Limits of one text; 0 means none (max_bytes, max_diags) or 64 (max_depth). */
typedef struct jread_limits {
    size_t max_bytes;
    int    max_depth;          /* the root is depth 1 */
    int    max_diags;          /* per file; then one line says more were left out */
    /* words after "nested more than N levels deep" (with their "; "), and after every
     * other message about the text as a whole */
    const char *deep_hint;
    const char *suffix;
    bool   no_path;            /* messages without the JSON path */
    bool   keep_order;         /* messages in the order found, not sorted by position */
} jread_limits;

typedef struct jread {
    pack_diags *d;
    const char *file;
    jread_limits lim;
    int   *errors;             /* counts every error reported, shown or not (may be shared) */
    int    own_errors;
    void  *user;               /* the caller's, for its own checks */
    jsonloc jl;
    bool   have_jl;
    struct jread_step { const char *key; int index; } step[JREAD_PATH_STEPS];
    size_t nstep;              /* may exceed JREAD_PATH_STEPS */
    int    first;              /* this file's first diagnostic in d */
    int    ndiag;
    bool   capped;
} jread;

typedef enum jread_got { JREAD_NONE, JREAD_BAD, JREAD_OK } jread_got;

/* Starts reading file (a name for messages) into d; errors may be NULL (then
 * r->own_errors counts) or a counter shared by several files. lim may be NULL. */
void jread_open(jread *r, pack_diags *d, const char *file, const jread_limits *lim, int *errors);
/* Scans and builds the tree of buf (len bytes), reporting a text too large, a syntax
 * error or a nesting too deep at its line and column. NULL after reporting. */
cJSON *jread_parse(jread *r, const char *buf, size_t len);
/* Sorts this file's messages by position (stable), adds the "too many problems" line
 * if they were capped, and frees the tree and the positions. */
void jread_close(jread *r);

/* For readers that word their own messages (settings, locales.json, play scripts):
 * the same scan, nesting limit and positions without a diagnostics list. */
typedef struct jread_fail {
    jsonloc_status status;  /* the scan's; JSONLOC_OK when the tree could not be built */
    bool nomem;             /* out of memory: not the text's fault */
    jsonloc_pos at;         /* where the text is wrong; {0, 0} if not known */
    const char *why;        /* the scanner's words, "nested too deeply", "out of memory" */
} jread_fail;
/* The tree of text (owned by jl: jsonloc_free releases both), or NULL with *fail
 * filled. text NULL counts as out of memory. */
cJSON *jread_tree(jsonloc *jl, const char *text, size_t len, int max_depth, jread_fail *fail);

/* ---- reporting: at a node's value, at the key naming it, at a byte offset --------- */
void jread_rep(jread *r, const cJSON *at, pack_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void jread_rep_key(jread *r, const cJSON *at, pack_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* An error about the text itself (syntax), without a JSON path; off may be
 * JSONLOC_NONE. */
void jread_rep_raw(jread *r, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void jread_oom(jread *r, const cJSON *at);
/* Line and column of node's value ({0, 0} if unknown). */
jsonloc_pos jread_pos(jread *r, const cJSON *at);

/* ---- the JSON path -------------------------------------------------------------- */
size_t jread_push_key(jread *r, const char *k);   /* returns the mark to pop to */
size_t jread_push_index(jread *r, int i);
void   jread_pop(jread *r, size_t mark);
/* The current path as text ("$.a[2].b"), in buf of JREAD_PATH_CAP bytes. */
const char *jread_path(const jread *r, char *buf);

/* ---- typed access ---------------------------------------------------------------- */
/* "text", "a number", "true", "false", "null", "a list [...]", "an object {...}" */
const char *jread_type_name(const cJSON *v);
/* The first member of o named k (NULL if o is NULL or has none). */
const cJSON *jread_obj_get(const cJSON *o, const char *k);
/* Member name of obj; reports "missing required field" when required and absent. */
const cJSON *jread_member(jread *r, const cJSON *obj, const char *name, bool required);
/* Unknown fields are warnings (naming the closest known one), a known field given
 * twice an error. */
void jread_check_fields(jread *r, const cJSON *obj, const char *const *known, int nknown);

enum { JREAD_INT = 1, JREAD_STEP = 2, JREAD_POSITIVE = 4 };  /* number flags */
/* A number in lo..hi (unit for messages, "" for none); JREAD_INT: whole;
 * JREAD_STEP: a multiple of 0.1; JREAD_POSITIVE: more than lo. */
jread_got jread_num(jread *r, const cJSON *v, double lo, double hi, const char *unit, int flags, double *out);
jread_got jread_get_num(jread *r, const cJSON *obj, const char *name, bool req, double lo, double hi,
                        const char *unit, int flags, double *out);
/* A string: valid UTF-8, not blank, at most max code points; expected names it in
 * messages ("text"). */
bool jread_str(jread *r, const cJSON *v, int max, const char *expected);
/* The same for member name, copied into *out (the caller frees it). */
jread_got jread_get_str(jread *r, const cJSON *obj, const char *name, bool req, int max, char **out);
/* A string that is one of names[0..n), as its index. */
jread_got jread_get_enum(jread *r, const cJSON *obj, const char *name, bool req, const char *const *names, int n,
                         int *out);
jread_got jread_get_bool(jread *r, const cJSON *obj, const char *name, bool req, bool *out);
/* An array of min..max entries (noun: one entry, for messages), or NULL (reported
 * when present). */
const cJSON *jread_get_array(jread *r, const cJSON *obj, const char *name, bool req, int min, int max,
                             const char *noun);
const cJSON *jread_get_object(jread *r, const cJSON *obj, const char *name, bool req);

#endif
