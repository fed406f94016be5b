/* pack: content pack loader and validator (see pack.h and docs/pack-format.md).
 *
 * A load reads pack.json, then the exercise files it names, each through the same
 * pipeline: size check, jsonloc_scan (strict grammar, nesting limit, positions),
 * cJSON, then validation that walks the tree and fills the pack's tables directly.
 * Every problem becomes a located diagnostic; a pack with any error is freed and
 * NULL is returned. The cJSON trees never leave this file. Exercise files named in
 * pack.json are read ahead on a second thread while this one checks them (see
 * load_exercise_files); nothing else is shared with it. */
#include "core/pack.h"
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/jsonloc.h"
#include "core/pack_asset.h"
#include "core/rfile.h"

#define MAX_DEPTH 8            /* the format needs 7 */
#define MAX_DIAGS_PER_FILE 100
#define PATH_CAP 1024
#define PATH_STEPS 64          /* the format nests 8 deep, at most two steps a level */
#define MSG_CAP 768

/* ---- small utilities ------------------------------------------------------- */

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/* Length in bytes of the valid UTF-8 sequence at s, or 0 if it is not valid
 * (overlong forms, surrogates and code points past U+10FFFF are invalid). */
static int utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;
        if (c == 0xED && s[1] > 0x9F) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] > 0x8F) return 0;
        return 4;
    }
    return 0;
}

/* Code points in s, or -1 if s is not valid UTF-8. */
static long utf8_count(const char *s)
{
    long n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int l = utf8_seq(p);
        if (!l) return -1;
        p += l;
        n++;
    }
    return n;
}

/* s made safe to quote in a message: invalid bytes and control characters escaped,
 * cut after max code points. */
static const char *san(const char *s, char *buf, size_t n, int max)
{
    size_t o = 0;
    int cp = 0;
    const unsigned char *p = (const unsigned char *)s;
    buf[0] = 0;
    while (*p && o + 8 < n) {
        if (cp == max) {
            memcpy(buf + o, "...", 4);
            return buf;
        }
        int l = utf8_seq(p);
        if (l == 1 && (*p < 0x20 || *p == 0x7F || *p == '"' || *p == '\\')) {
            if (*p == '"' || *p == '\\') o += (size_t)snprintf(buf + o, n - o, "\\%c", *p);
            else if (*p == '\n') o += (size_t)snprintf(buf + o, n - o, "\\n");
            else if (*p == '\t') o += (size_t)snprintf(buf + o, n - o, "\\t");
            else o += (size_t)snprintf(buf + o, n - o, "\\x%02X", *p);
            p++;
        } else if (l == 0) {
            o += (size_t)snprintf(buf + o, n - o, "\\x%02X", *p);
            p++;
        } else {
            memcpy(buf + o, p, (size_t)l);
            o += (size_t)l;
            p += l;
        }
        cp++;
        buf[o] = 0;
    }
    return buf;
}

static const char *fmt_num(double v, char *buf, size_t n)
{
    if (v == 0) v = 0;  /* no "-0" */
    if (!isfinite(v)) snprintf(buf, n, "%s", v > 0 ? "a number too large to use" : "a number too small to use");
    else if (v == floor(v) && fabs(v) < 1e15) snprintf(buf, n, "%.0f", v);
    else snprintf(buf, n, "%.15g", v);
    return buf;
}

static bool lang_eq(const char *a, const char *b, size_t bl)
{
    size_t al = strlen(a);
    if (al != bl) return false;
    for (size_t i = 0; i < al; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
        if (x != y) return false;
    }
    return true;
}

/* ---- string -> pointer map (open addressing; keys borrowed) --------------- */

typedef struct idmap {
    size_t cap, n;
    const char **key;
    const void **val;
} idmap;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static const void *idmap_get(const idmap *m, const char *k)
{
    if (!m->cap) return NULL;
    for (size_t i = (size_t)hash_str(k) & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1))
        if (strcmp(m->key[i], k) == 0) return m->val[i];
    return NULL;
}

static bool idmap_put(idmap *m, const char *k, const void *v)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        const char **nk = calloc(cap, sizeof *nk);
        const void **nv = calloc(cap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return false;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->key[i]) continue;
            size_t j = (size_t)hash_str(m->key[i]) & (cap - 1);
            while (nk[j]) j = (j + 1) & (cap - 1);
            nk[j] = m->key[i];
            nv[j] = m->val[i];
        }
        free(m->key);
        free(m->val);
        m->key = nk;
        m->val = nv;
        m->cap = cap;
    }
    size_t i = (size_t)hash_str(k) & (m->cap - 1);
    while (m->key[i]) i = (i + 1) & (m->cap - 1);
    m->key[i] = k;
    m->val[i] = v;
    m->n++;
    return true;
}

static void idmap_free(idmap *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

/* ---- diagnostics ------------------------------------------------------------ */

void pack_diags_free(pack_diags *d)
{
    if (!d) return;
    for (int i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].path);
        free(d->v[i].msg);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

int pack_diags_errors(const pack_diags *d)
{
    int n = 0;
    for (int i = 0; d && i < d->n; i++)
        if (d->v[i].severity == PACK_ERROR) n++;
    return n;
}

void pack_diag_format(const pack_diag *g, char *buf, size_t n)
{
    if (!n) return;
    char where[64] = "";
    if (g->line > 0) snprintf(where, sizeof where, ":%d:%d", g->line, g->col);
    snprintf(buf, n, "%s%s: %s%s%s%s", g->file ? g->file : "", where,
             g->path && g->path[0] ? g->path : "", g->path && g->path[0] ? ": " : "",
             g->severity == PACK_WARNING ? "warning: " : "", g->msg ? g->msg : "");
}

static void diag_add(pack_diags *d, pack_severity sev, const char *file, int line, int col,
                     const char *path, const char *msg)
{
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        pack_diag *v = realloc(d->v, (size_t)cap * sizeof *v);
        if (!v) return;
        d->v = v;
        d->cap = cap;
    }
    pack_diag *g = &d->v[d->n];
    g->severity = sev;
    g->line = line;
    g->col = col;
    g->file = xstrdup(file ? file : "");
    g->path = xstrdup(path ? path : "");
    g->msg = xstrdup(msg);
    if (!g->file || !g->path || !g->msg) {
        free(g->file);
        free(g->path);
        free(g->msg);
        return;
    }
    d->n++;
}

static void diag_addf(pack_diags *d, pack_severity sev, const char *file, int line, int col,
                      const char *path, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void diag_addf(pack_diags *d, pack_severity sev, const char *file, int line, int col,
                      const char *path, const char *fmt, ...)
{
    char msg[MSG_CAP];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(d, sev, file, line, col, path, msg);
}

void pack_diags_add(pack_diags *d, pack_severity sev, const char *file, int line, int col, const char *path,
                    const char *msg)
{
    diag_add(d, sev, file, line, col, path, msg);
}

/* ---- validation context ----------------------------------------------------- */

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
    int errors;
    bool langs_ok;          /* p->lang holds the pack's valid languages */
    const char *deflang;
    idmap ids;              /* exercise id -> exercise, within this pack */
    pending_file *pend;
    int npend;
    pack_path_cache path_cache;
} loader;

typedef struct vctx {
    loader *L;
    const char *file;
    jsonloc jl;
    bool have_jl;
    /* The JSON path to where the checks are, as a stack of steps: a key (borrowed
     * from the tree or a literal) or an index. It is written out as text only when a
     * message needs it. */
    struct path_step { const char *key; int index; } step[PATH_STEPS];
    size_t nstep;  /* may exceed PATH_STEPS; steps past it are not kept */
    int first;     /* this file's first diagnostic in L->d */
    int ndiag;
    bool capped;
} vctx;

static void vctx_open(vctx *c, loader *L, const char *file)
{
    memset(c, 0, sizeof *c);
    c->L = L;
    c->file = file;
    c->first = L->d->n;
}

/* Sorts this file's diagnostics by position (stable) and releases the scanner and
 * the tree. */
static void vctx_close(vctx *c)
{
    pack_diags *d = c->L->d;
    for (int i = c->first + 1; i < d->n; i++) {
        pack_diag g = d->v[i];
        int j = i - 1;
        while (j >= c->first && (d->v[j].line > g.line ||
                                 (d->v[j].line == g.line && d->v[j].col > g.col))) {
            d->v[j + 1] = d->v[j];
            j--;
        }
        d->v[j + 1] = g;
    }
    if (c->capped)
        diag_add(d, PACK_ERROR, c->file, 0, 0, "",
                 "too many problems in this file; only the first 100 are shown");
    if (c->have_jl) jsonloc_free(&c->jl);
    c->have_jl = false;
}

typedef struct path_buf {
    char s[PATH_CAP];
    size_t n;
} path_buf;

static void path_append_n(path_buf *pb, const char *s, size_t l)
{
    if (pb->n + l + 1 > sizeof pb->s) l = sizeof pb->s - 1 - pb->n;
    memcpy(pb->s + pb->n, s, l);
    pb->n += l;
    pb->s[pb->n] = 0;
}

static void path_append(path_buf *pb, const char *s) { path_append_n(pb, s, strlen(s)); }

static void path_key(path_buf *pb, const char *k)
{
    bool ident = (k[0] >= 'a' && k[0] <= 'z') || (k[0] >= 'A' && k[0] <= 'Z') || k[0] == '_';
    const char *p = k;
    for (; *p && ident; p++)
        ident = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                *p == '_' || *p == '-';
    char buf[200];
    if (ident && p - k < 64) {  /* the loop stopped at the end of k */
        path_append_n(pb, ".", 1);
        path_append_n(pb, k, (size_t)(p - k));
    } else {
        path_append(pb, "[\"");
        path_append(pb, san(k, buf, sizeof buf, 40));
        path_append(pb, "\"]");
    }
}

/* The current JSON path as text, like $.exercises[2].breathing.phases[0].seconds. */
static const char *path_text(const vctx *c, path_buf *pb)
{
    pb->s[0] = '$';
    pb->s[1] = 0;
    pb->n = 1;
    size_t n = c->nstep < PATH_STEPS ? c->nstep : PATH_STEPS;
    for (size_t i = 0; i < n; i++) {
        if (c->step[i].key) {
            path_key(pb, c->step[i].key);
        } else {
            char buf[24];
            snprintf(buf, sizeof buf, "[%d]", c->step[i].index);
            path_append(pb, buf);
        }
    }
    return pb->s;
}

static void report_off(vctx *c, size_t off, bool with_path, pack_severity sev, const char *fmt,
                       va_list ap)
{
    if (sev == PACK_ERROR) c->L->errors++;
    if (c->capped) return;
    if (c->ndiag >= MAX_DIAGS_PER_FILE) {
        c->capped = true;
        return;
    }
    char msg[MSG_CAP];
    vsnprintf(msg, sizeof msg, fmt, ap);
    jsonloc_pos pos = {0, 0};
    if (c->have_jl) pos = jsonloc_at(&c->jl, off);
    path_buf pb;
    diag_add(c->L->d, sev, c->file, pos.line, pos.col, with_path ? path_text(c, &pb) : "", msg);
    c->ndiag++;
}

static void rep(vctx *c, const cJSON *at, pack_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void rep_key(vctx *c, const cJSON *at, pack_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void rep_raw(vctx *c, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* At node's value, with the current path. */
static void rep(vctx *c, const cJSON *at, pack_severity sev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_off(c, c->have_jl ? jsonloc_value_off(&c->jl, at) : JSONLOC_NONE, true, sev, fmt, ap);
    va_end(ap);
}

/* At the key naming node. */
static void rep_key(vctx *c, const cJSON *at, pack_severity sev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_off(c, c->have_jl ? jsonloc_key_off(&c->jl, at) : JSONLOC_NONE, true, sev, fmt, ap);
    va_end(ap);
}

/* A syntax-level error at a byte offset, without a JSON path. */
static void rep_raw(vctx *c, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_off(c, off, false, PACK_ERROR, fmt, ap);
    va_end(ap);
}

static void oom(vctx *c, const cJSON *at) { rep(c, at, PACK_ERROR, "out of memory"); }

static size_t push_key(vctx *c, const char *k)
{
    size_t mark = c->nstep++;
    if (mark < PATH_STEPS) c->step[mark] = (struct path_step){k, 0};
    return mark;
}

static size_t push_index(vctx *c, int i)
{
    size_t mark = c->nstep++;
    if (mark < PATH_STEPS) c->step[mark] = (struct path_step){NULL, i};
    return mark;
}

static void pop(vctx *c, size_t mark) { c->nstep = mark; }

/* ---- typed access ----------------------------------------------------------- */

/* The first member of o named k, as cJSON_GetObjectItemCaseSensitive finds it;
 * most names differ in their first letter, which is looked at before strcmp. */
static const cJSON *obj_get(const cJSON *o, const char *k)
{
    if (!o) return NULL;
    for (const cJSON *m = o->child; m; m = m->next) {
        if (!m->string) return NULL;
        if (m->string[0] == k[0] && strcmp(m->string, k) == 0) return m;
    }
    return NULL;
}

typedef enum got { GOT_NONE, GOT_BAD, GOT_OK } got;

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v)) return "text";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsTrue(v)) return "true";
    if (cJSON_IsFalse(v)) return "false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "a list [...]";
    if (cJSON_IsObject(v)) return "an object {...}";
    return "something else";
}

static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) return 99;
    int prev[41], cur[41];
    for (size_t j = 0; j <= lb; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int best = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, sizeof prev);
    }
    return prev[lb];
}

/* Unknown fields are warnings (naming the field); a known field given twice is an
 * error, since only the first would count. */
static void check_fields(vctx *c, const cJSON *obj, const char *const *known, int nknown)
{
    bool seen[32] = {false};
    for (const cJSON *m = obj->child; m; m = m->next) {
        const char *k = m->string ? m->string : "";
        int idx = -1;
        for (int i = 0; i < nknown; i++)
            if (k[0] == known[i][0] && strcmp(k, known[i]) == 0) {  /* known names differ */
                idx = i;
                break;
            }
        if (idx >= 0 && (idx >= 32 || !seen[idx])) {  /* the common case: nothing to say */
            if (idx < 32) seen[idx] = true;
            continue;
        }
        size_t mark = push_key(c, k);
        char buf[200];
        if (idx < 0) {
            int best = 3;
            const char *guess = NULL;
            for (int i = 0; i < nknown && !c->capped; i++) {  /* no work for unseen lines */
                int dist = edit_distance(k, known[i]);
                if (dist < best && (size_t)dist < strlen(known[i])) {
                    best = dist;
                    guess = known[i];
                }
            }
            if (guess)
                rep_key(c, m, PACK_WARNING, "unknown field \"%s\" is ignored (did you mean \"%s\"?)",
                        san(k, buf, sizeof buf, 40), guess);
            else
                rep_key(c, m, PACK_WARNING, "unknown field \"%s\" is ignored",
                        san(k, buf, sizeof buf, 40));
        } else if (idx < 32 && seen[idx]) {
            rep_key(c, m, PACK_ERROR, "field \"%s\" is given twice; give it once", k);
        } else if (idx < 32) {
            seen[idx] = true;
        }
        pop(c, mark);
    }
}

static const cJSON *member(vctx *c, const cJSON *obj, const char *name, bool required)
{
    const cJSON *v = obj_get(obj, name);
    if (!v && required) rep(c, obj, PACK_ERROR, "missing required field \"%s\"", name);
    return v;
}

enum { NUM_INT = 1, NUM_STEP = 2, NUM_POSITIVE = 4 };

static got check_num(vctx *c, const cJSON *v, double lo, double hi, const char *unit, int flags,
                     double *out)
{
    char a[64], b[64], g[64];
    if (!cJSON_IsNumber(v)) {
        rep(c, v, PACK_ERROR, "must be a number, not %s", type_name(v));
        return GOT_BAD;
    }
    double x = v->valuedouble;
    const char *sp = unit[0] ? " " : "";
    if (!isfinite(x)) {
        rep(c, v, PACK_ERROR, "must be between %s and %s%s%s (got %s)", fmt_num(lo, a, sizeof a),
            fmt_num(hi, b, sizeof b), sp, unit, fmt_num(x, g, sizeof g));
        return GOT_BAD;
    }
    if ((flags & NUM_INT) && x != floor(x)) {
        rep(c, v, PACK_ERROR, "must be a whole number (got %s)", fmt_num(x, g, sizeof g));
        return GOT_BAD;
    }
    if ((flags & NUM_POSITIVE) && (x <= lo || x > hi)) {
        rep(c, v, PACK_ERROR, "must be more than %s and at most %s%s%s (got %s)",
            fmt_num(lo, a, sizeof a), fmt_num(hi, b, sizeof b), sp, unit, fmt_num(x, g, sizeof g));
        return GOT_BAD;
    }
    if (x < lo || x > hi) {
        rep(c, v, PACK_ERROR, "must be between %s and %s%s%s (got %s)", fmt_num(lo, a, sizeof a),
            fmt_num(hi, b, sizeof b), sp, unit, fmt_num(x, g, sizeof g));
        return GOT_BAD;
    }
    if ((flags & NUM_STEP) && fabs(x * 10 - round(x * 10)) > 1e-6) {
        rep(c, v, PACK_ERROR, "must be a multiple of 0.1 seconds (got %s)", fmt_num(x, g, sizeof g));
        return GOT_BAD;
    }
    *out = x;
    return GOT_OK;
}

static got get_num(vctx *c, const cJSON *obj, const char *name, bool req, double lo, double hi,
                   const char *unit, int flags, double *out)
{
    const cJSON *v = member(c, obj, name, req);
    if (!v) return req ? GOT_BAD : GOT_NONE;
    size_t mark = push_key(c, name);
    got r = check_num(c, v, lo, hi, unit, flags, out);
    pop(c, mark);
    return r;
}

/* A string value: valid UTF-8, not blank, at most max code points. */
static bool check_str(vctx *c, const cJSON *v, int max, const char *expected)
{
    if (!cJSON_IsString(v) || !v->valuestring) {
        rep(c, v, PACK_ERROR, "must be %s, not %s", expected, type_name(v));
        return false;
    }
    long n = utf8_count(v->valuestring);
    if (n < 0) {
        rep(c, v, PACK_ERROR, "is not valid UTF-8 text (save the file as UTF-8)");
        return false;
    }
    const char *s = v->valuestring;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (!*s) {
        rep(c, v, PACK_ERROR, "must not be empty");
        return false;
    }
    if (n > max) {
        rep(c, v, PACK_ERROR, "is too long for the screen: %ld characters, at most %d", n, max);
        return false;
    }
    return true;
}

static got get_str(vctx *c, const cJSON *obj, const char *name, bool req, int max, char **out)
{
    const cJSON *v = member(c, obj, name, req);
    if (!v) return req ? GOT_BAD : GOT_NONE;
    size_t mark = push_key(c, name);
    got r = GOT_BAD;
    if (check_str(c, v, max, "text")) {
        *out = xstrdup(v->valuestring);
        if (*out) r = GOT_OK;
        else oom(c, v);
    }
    pop(c, mark);
    return r;
}

static bool id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64) return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (i > 0 && ch == '-');
        if (!ok) return false;
    }
    return true;
}

static got get_id(vctx *c, const cJSON *obj, const char *name, char **out)
{
    const cJSON *v = member(c, obj, name, true);
    if (!v) return GOT_BAD;
    size_t mark = push_key(c, name);
    got r = GOT_BAD;
    char buf[200];
    if (!cJSON_IsString(v)) {
        rep(c, v, PACK_ERROR, "must be text, not %s", type_name(v));
    } else if (!id_ok(v->valuestring)) {
        rep(c, v, PACK_ERROR, "must be 1 to 64 lower-case letters (a-z), digits and '-', "
            "starting with a letter or digit (got \"%s\")", san(v->valuestring, buf, sizeof buf, 70));
    } else if (!(*out = xstrdup(v->valuestring))) {
        oom(c, v);
    } else {
        r = GOT_OK;
    }
    pop(c, mark);
    return r;
}

static got get_enum(vctx *c, const cJSON *obj, const char *name, bool req,
                    const char *const *names, int n, int *out)
{
    const cJSON *v = member(c, obj, name, req);
    if (!v) return req ? GOT_BAD : GOT_NONE;
    size_t mark = push_key(c, name);
    got r = GOT_BAD;
    if (!cJSON_IsString(v)) {
        rep(c, v, PACK_ERROR, "must be text, not %s", type_name(v));
    } else {
        for (int i = 0; i < n; i++)
            if (strcmp(v->valuestring, names[i]) == 0) {
                *out = i;
                r = GOT_OK;
            }
        if (r != GOT_OK) {
            char list[256] = "", buf[200];
            for (int i = 0; i < n; i++) {
                size_t l = strlen(list);
                snprintf(list + l, sizeof list - l, "%s\"%s\"", i == 0 ? "" : i == n - 1 ? " or " : ", ",
                         names[i]);
            }
            rep(c, v, PACK_ERROR, "must be %s (got \"%s\")", list,
                san(v->valuestring, buf, sizeof buf, 40));
        }
    }
    pop(c, mark);
    return r;
}

/* An array with min..max entries, or NULL (reported). noun is singular ("phase"). */
static const cJSON *get_array(vctx *c, const cJSON *obj, const char *name, bool req, int min,
                              int max, const char *noun)
{
    const cJSON *v = member(c, obj, name, req);
    if (!v) return NULL;
    size_t mark = push_key(c, name);
    const cJSON *r = NULL;
    if (!cJSON_IsArray(v)) {
        rep(c, v, PACK_ERROR, "must be a list [...] of %ss, not %s", noun, type_name(v));
    } else {
        int n = cJSON_GetArraySize(v);
        if (n < min) rep(c, v, PACK_ERROR, "must hold at least %d %s%s (has %d)", min, noun,
                         min == 1 ? "" : "s", n);
        else if (n > max) rep(c, v, PACK_ERROR, "must hold at most %d %ss (has %d)", max, noun, n);
        else r = v;
    }
    pop(c, mark);
    return r;
}

static const cJSON *get_object(vctx *c, const cJSON *obj, const char *name, bool req)
{
    const cJSON *v = member(c, obj, name, req);
    if (!v) return NULL;
    if (!cJSON_IsObject(v)) {
        size_t mark = push_key(c, name);
        rep(c, v, PACK_ERROR, "must be an object {...}, not %s", type_name(v));
        pop(c, mark);
        return NULL;
    }
    return v;
}

/* ---- languages and TEXT ------------------------------------------------------ */

/* ISO 639-1 codes, each between spaces. */
static const char iso639_1[] =
    " aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr "
    "cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu "
    "gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk "
    "kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms "
    "mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro "
    "ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl "
    "tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu ";

static bool iso_lang(const char *s)
{
    if (strlen(s) != 2) return false;
    char key[5] = {' ', s[0], s[1], ' ', 0};
    return strstr(iso639_1, key) != NULL;
}

/* A pack_text's lang and text arrays share one allocation (lang is its start). The
 * language strings are not copied: they are the pack's own (pack.lang), or a static
 * string while the pack's languages are unknown (such a pack is rejected anyway). */
static void text_free(pack_text *t)
{
    for (int i = 0; i < t->n; i++) free(t->text[i]);
    free(t->lang);
    memset(t, 0, sizeof *t);
}

static bool text_reserve(pack_text *t, int n)
{
    char **block = malloc(2 * (size_t)n * sizeof *block);
    if (!block) return false;
    t->lang = block;
    t->text = block + n;
    t->n = 0;
    return true;
}

static bool text_push(pack_text *t, const char *lang, const char *s)
{
    if (!(t->text[t->n] = xstrdup(s))) return false;
    t->lang[t->n] = (char *)lang;
    t->n++;
    return true;
}

/* The pack's copy of language l, or NULL. */
static const char *pack_lang(const pack *p, const char *l)
{
    for (int i = 0; i < p->nlang; i++)
        if (strcmp(p->lang[i], l) == 0) return p->lang[i];
    return NULL;
}

static bool pack_has_lang(const pack *p, const char *l) { return pack_lang(p, l) != NULL; }

static bool check_voice_path(vctx *c, const cJSON *v, gw_ns *len);

/* TEXT: a string, or {"en": "...", ...} keyed by the pack's languages. With voice
 * set, the texts are clip paths and are checked as such (*clip gets the length of
 * the clip in the default language). */
static got check_text(vctx *c, const cJSON *v, int max, bool voice, pack_text *out, gw_ns *clip)
{
    loader *L = c->L;
    const char *expected = voice ? "a file path" : "text";
    if (cJSON_IsString(v)) {
        gw_ns len = 0;
        bool ok = voice ? check_voice_path(c, v, &len) : check_str(c, v, max, expected);
        if (!ok) return GOT_BAD;
        if (!text_reserve(out, 1) || !text_push(out, L->deflang, v->valuestring)) {
            oom(c, v);
            return GOT_BAD;
        }
        out->every = true;
        if (clip) *clip = len;
        return GOT_OK;
    }
    if (!cJSON_IsObject(v)) {
        rep(c, v, PACK_ERROR, "must be %s, or an object of %ss by language like {\"en\": ...}, "
            "not %s", expected, expected + (voice ? 2 : 0), type_name(v));
        return GOT_BAD;
    }
    if (!v->child) {
        rep(c, v, PACK_ERROR, "must give at least one language, like {\"en\": ...}");
        return GOT_BAD;
    }
    bool bad = false;
    char buf[200];
    int nlang = cJSON_GetArraySize(v);
    if (nlang > 32) {
        rep(c, v, PACK_ERROR, "gives %d languages; a pack has at most 32", nlang);
        return GOT_BAD;
    }
    if (!text_reserve(out, nlang)) {
        oom(c, v);
        return GOT_BAD;
    }
    for (const cJSON *m = v->child; m; m = m->next) {
        const char *k = m->string ? m->string : "";
        size_t mark = push_key(c, k);
        bool dup = false;
        for (const cJSON *q = v->child; q != m; q = q->next)
            if (q->string && strcmp(q->string, k) == 0) dup = true;
        if (dup) {
            rep_key(c, m, PACK_ERROR, "language \"%s\" is given twice", san(k, buf, sizeof buf, 20));
            bad = true;
        } else if (L->langs_ok && !pack_has_lang(L->p, k)) {
            char list[200] = "";
            for (int i = 0; i < L->p->nlang; i++) {
                size_t l = strlen(list);
                snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "", L->p->lang[i]);
            }
            rep_key(c, m, PACK_ERROR, "\"%s\" is not one of the pack's languages (%s)",
                    san(k, buf, sizeof buf, 20), list);
            bad = true;
        } else if (!L->langs_ok && !iso_lang(k)) {
            rep_key(c, m, PACK_ERROR, "\"%s\" is not a two-letter ISO 639-1 language code",
                    san(k, buf, sizeof buf, 20));
            bad = true;
        } else {
            gw_ns len = 0;
            bool ok = voice ? check_voice_path(c, m, &len) : check_str(c, m, max, expected);
            if (!ok) {
                bad = true;
            } else if (!text_push(out, L->langs_ok ? pack_lang(L->p, k) : "und", m->valuestring)) {
                oom(c, m);
                bad = true;
            } else if (clip && (strcmp(k, L->deflang) == 0 || out->n == 1)) {
                *clip = len;
            }
        }
        pop(c, mark);
    }
    if (bad) return GOT_BAD;
    /* a language without its own clips runs captions-only (pack_voice_get): not a fault
     * of each step, so only text is warned about */
    if (L->langs_ok && !voice) {
        for (int i = 0; i < L->p->nlang; i++) {
            const char *l = L->p->lang[i];
            if (obj_get(v, l)) continue;
            const char *shown = pack_text_get(out, l);
            const char *from = out->lang[0];
            for (int j = 0; j < out->n; j++)
                if (out->text[j] == shown) from = out->lang[j];
            rep(c, v, PACK_WARNING, "no \"%s\" text; the \"%s\" one is used", l, from);
        }
    }
    return GOT_OK;
}

static got get_text(vctx *c, const cJSON *obj, const char *name, bool req, int max, pack_text *out)
{
    const cJSON *v = member(c, obj, name, req);
    if (!v) return req ? GOT_BAD : GOT_NONE;
    size_t mark = push_key(c, name);
    got r = check_text(c, v, max, false, out, NULL);
    pop(c, mark);
    return r;
}

static got get_voice(vctx *c, const cJSON *obj, pack_text *out, gw_ns *clip)
{
    const cJSON *v = member(c, obj, "voice", false);
    if (!v) return GOT_NONE;
    size_t mark = push_key(c, "voice");
    got r = check_text(c, v, 0, true, out, clip);
    pop(c, mark);
    return r;
}

/* ---- files a pack refers to ------------------------------------------------- */

/* A relative path in the pack that must name an existing file inside it. On success
 * *full is dir/rel (caller frees), or NULL when there is no folder to look in. */
static bool check_pack_path(vctx *c, const cJSON *v, const char *what, char **full)
{
    *full = NULL;
    char why[256], buf[200];
    if (!cJSON_IsString(v) || !v->valuestring) {
        rep(c, v, PACK_ERROR, "must be a file path (text), not %s", type_name(v));
        return false;
    }
    const char *rel = v->valuestring;
    if (utf8_count(rel) < 0) {
        rep(c, v, PACK_ERROR, "is not valid UTF-8 text (save the file as UTF-8)");
        return false;
    }
    if (strlen(rel) > 255) {
        rep(c, v, PACK_ERROR, "is too long for a file path (at most 255 bytes)");
        return false;
    }
    if (!pack_path_syntax_ok(rel, why, sizeof why)) {
        rep(c, v, PACK_ERROR, "%s \"%s\" %s", what, san(rel, buf, sizeof buf, 80), why);
        return false;
    }
    if (!c->L->dir) return true;
    if (!pack_path_resolve(c->L->dir, c->L->root_real, rel, &c->L->path_cache, full, why,
                           sizeof why)) {
        rep(c, v, PACK_ERROR, "%s \"%s\" %s", what, san(rel, buf, sizeof buf, 80), why);
        return false;
    }
    return true;
}

static bool check_voice_path(vctx *c, const cJSON *v, gw_ns *len)
{
    char *full = NULL, why[256], buf[200];
    *len = 0;
    if (!check_pack_path(c, v, "voice clip", &full)) return false;
    bool ok = true;
    if (full && !pack_audio_check_at(full, v->valuestring, &c->L->path_cache, len, why, sizeof why)) {
        rep(c, v, PACK_ERROR, "voice clip \"%s\" %s", san(v->valuestring, buf, sizeof buf, 80), why);
        ok = false;
    }
    free(full);
    return ok;
}

/* Reads all of fd (from pack_path_open(), or -1 with errno set) and closes it: a
 * regular file of at most PACK_MAX_FILE_BYTES (rfile). */
static char *read_fd(int fd, size_t *len, char *why, size_t n)
{
    return rfile_read_fd(fd, PACK_MAX_FILE_BYTES, len, why, n);
}

static char *read_file(const char *path, size_t *len, char *why, size_t n)
{
    return rfile_read(path, PACK_MAX_FILE_BYTES, len, why, n);
}

/* ---- parsing ----------------------------------------------------------------- */

static cJSON *parse(vctx *c, const char *buf, size_t len)
{
    jsonloc_status st = jsonloc_scan(&c->jl, buf, len, MAX_DEPTH);
    c->have_jl = true;
    switch (st) {
    case JSONLOC_OK:
        break;
    case JSONLOC_TOO_DEEP:
        rep_raw(c, c->jl.err_off, "nested more than %d levels deep; the pack format never needs "
                "that many (is a bracket misplaced?)", MAX_DEPTH);
        return NULL;
    case JSONLOC_SYNTAX:
        rep_raw(c, c->jl.err_off, "JSON syntax error: %s", c->jl.err_msg);
        return NULL;
    case JSONLOC_NOMEM:
    default:
        rep_raw(c, JSONLOC_NONE, "out of memory");
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = jsonloc_parse(&c->jl, &end);
    if (!root && c->jl.nomem) {
        rep_raw(c, JSONLOC_NONE, "out of memory");
        return NULL;
    }
    if (!root) {
        size_t off = end && end >= buf && end <= buf + len ? (size_t)(end - buf) : JSONLOC_NONE;
        rep_raw(c, off, "the JSON could not be read here (a number longer than 60 digits, or "
                "out of memory)");
        return NULL;
    }
    return root;
}

/* ---- regions ----------------------------------------------------------------- */

static void region_free(body_region *r)
{
    free(r->id);
    text_free(&r->name);
    free(r->shape);
    memset(r, 0, sizeof *r);
}

static bool check_shape(vctx *c, const cJSON *s, struct body_shape *out)
{
    static const char *const fields[] = {"ellipse", "capsule"};
    if (!cJSON_IsObject(s)) {
        rep(c, s, PACK_ERROR, "must be an object like {\"ellipse\": [cx, cy, rx, ry]} or "
            "{\"capsule\": [x0, y0, x1, y1, r]}, not %s", type_name(s));
        return false;
    }
    check_fields(c, s, fields, 2);
    const cJSON *e = obj_get(s, "ellipse");
    const cJSON *k = obj_get(s, "capsule");
    if (e && k) {
        rep(c, s, PACK_ERROR, "a shape is either an \"ellipse\" or a \"capsule\", not both");
        return false;
    }
    if (!e && !k) {
        rep(c, s, PACK_ERROR, "needs \"ellipse\": [cx, cy, rx, ry] or \"capsule\": "
            "[x0, y0, x1, y1, r]");
        return false;
    }
    const cJSON *a = e ? e : k;
    int want = e ? 4 : 5;
    size_t mark = push_key(c, e ? "ellipse" : "capsule");
    bool ok = true;
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) != want) {
        rep(c, a, PACK_ERROR, "must be a list of %d numbers %s", want,
            e ? "[cx, cy, rx, ry]" : "[x0, y0, x1, y1, r]");
        ok = false;
    } else {
        float f[5] = {0};
        int i = 0;
        for (const cJSON *x = a->child; x; x = x->next, i++) {
            bool radius = e ? i >= 2 : i == 4;
            double d = 0;
            size_t m2 = push_index(c, i);
            if (check_num(c, x, 0, 1, "", radius ? NUM_POSITIVE : 0, &d) != GOT_OK) ok = false;
            pop(c, m2);
            f[i] = (float)d;
        }
        out->type = e ? 'e' : 'c';
        out->x0 = f[0];
        out->y0 = f[1];
        out->x1 = f[2];
        out->y1 = f[3];
        out->r = e ? 0 : f[4];
    }
    pop(c, mark);
    return ok;
}

static void check_region(vctx *c, const cJSON *o, body_region *r)
{
    static const char *const fields[] = {"id", "name", "shapes"};
    if (!cJSON_IsObject(o)) {
        rep(c, o, PACK_ERROR, "must be an object {\"id\": ..., \"name\": ..., \"shapes\": [...]}, "
            "not %s", type_name(o));
        return;
    }
    check_fields(c, o, fields, 3);
    get_id(c, o, "id", &r->id);
    get_text(c, o, "name", true, 40, &r->name);
    const cJSON *sh = get_array(c, o, "shapes", true, 1, 16, "shape");
    if (!sh) return;
    int n = cJSON_GetArraySize(sh);
    r->shape = calloc((size_t)n, sizeof *r->shape);
    if (!r->shape) {
        oom(c, sh);
        return;
    }
    size_t mark = push_key(c, "shapes");
    int i = 0;
    for (const cJSON *s = sh->child; s; s = s->next, i++) {
        size_t m2 = push_index(c, i);
        check_shape(c, s, &r->shape[i]);
        pop(c, m2);
    }
    r->nshape = n;
    pop(c, mark);
}

/* ---- exercises ---------------------------------------------------------------- */

static const char *const kind_names[] = {"breathing", "guided", "prompts"};
static const char *const category_names[] = {"breathing", "relaxation", "grounding"};
static const char *const step_kind_names[] = {"instruction", "tense", "release", "rest"};
#define PHASE_LABEL_MAX 40   /* characters: shown large in the pacer */

static void check_breathing(vctx *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"phases", "cycles", "minutes", "ramp", "lead_in", "style",
                                         "opening"};
    int errors_before = c->L->errors;
    check_fields(c, o, fields, 7);
    breath_pattern *bp = &e->breath;
    bool phases_ok = false;
    const cJSON *ph = get_array(c, o, "phases", true, 1, BREATH_MAX_PHASES, "phase");
    if (ph) {
        size_t mark = push_key(c, "phases");
        phases_ok = true;
        int i = 0, prev = -1;
        bool has_in = false, has_out = false;
        for (const cJSON *p = ph->child; p; p = p->next, i++) {
            static const char *const pf[] = {"phase", "seconds", "label"};
            size_t m2 = push_index(c, i);
            if (!cJSON_IsObject(p)) {
                rep(c, p, PACK_ERROR, "must be an object like {\"phase\": \"inhale\", \"seconds\": 4}, "
                    "not %s", type_name(p));
                phases_ok = false;
                prev = -1;
                pop(c, m2);
                continue;
            }
            check_fields(c, p, pf, 3);
            if (i < BREATH_MAX_PHASES)
                get_text(c, p, "label", false, PHASE_LABEL_MAX, &e->phase_label[i]);
            int k = -1;
            double sec = 0;
            if (get_enum(c, p, "phase", true, breath_phase_names, BREATH_PHASE_NAMES, &k) != GOT_OK)
                phases_ok = false;
            if (get_num(c, p, "seconds", true, 0.5, 60, "seconds", NUM_STEP, &sec) != GOT_OK)
                phases_ok = false;
            int kind = k >= 0 ? breath_kind_after(k, prev) : -1;
            if (k >= 0 && kind < 0) {  /* "hold" after nothing to hold after */
                size_t m3 = push_key(c, "phase");
                rep(c, obj_get(p, "phase"), PACK_ERROR,
                    "\"hold\" must come right after \"inhale\", \"topup\" or \"exhale\"; "
                    "otherwise write \"hold_in\" or \"hold_out\"");
                pop(c, m3);
                phases_ok = false;
            }
            breath_kind bk = kind >= 0 ? (breath_kind)kind : BREATH_INHALE;
            has_in = has_in || kind == BREATH_INHALE;
            has_out = has_out || kind == BREATH_EXHALE;
            prev = k >= 0 ? (int)bk : -1;
            bp->phase[i].kind = bk;
            bp->phase[i].ms = (int32_t)lround(sec * 1000);
            pop(c, m2);
        }
        bp->nphase = i;
        if (phases_ok && (!has_in || !has_out)) {
            rep(c, ph, PACK_ERROR, "a breath needs at least one \"inhale\" and one \"exhale\" phase");
            phases_ok = false;
        }
        pop(c, mark);
    }

    double cycles = 0, minutes = 0, lead = 0;
    const cJSON *cy = obj_get(o, "cycles");
    const cJSON *mi = obj_get(o, "minutes");
    if (cy && mi) {
        size_t mark = push_key(c, "minutes");
        rep_key(c, mi, PACK_ERROR, "give either \"cycles\" or \"minutes\", not both");
        pop(c, mark);
    } else if (!cy && !mi) {
        rep(c, o, PACK_ERROR, "missing the session length: give \"cycles\" (a number of breaths) "
            "or \"minutes\"");
    }
    got gc = get_num(c, o, "cycles", false, 1, 1000, "breaths", NUM_INT, &cycles);
    got gm = get_num(c, o, "minutes", false, 0.5, 120, "minutes", 0, &minutes);
    if (gc == GOT_OK) bp->cycles = (int)cycles;
    if (gm == GOT_OK && !cy) bp->session_ns = (gw_ns)llround(minutes * 60.0 * GW_NS_PER_SEC);
    if (get_num(c, o, "lead_in", false, 0, 10, "seconds", NUM_STEP, &lead) == GOT_OK)
        bp->lead_in_ns = (gw_ns)llround(lead * GW_NS_PER_SEC);

    /* A one-off exhale before the first breath; only an exhale can open a session. */
    double opening = 0;
    const cJSON *op = get_object(c, o, "opening", false);
    if (op) {
        static const char *const of[] = {"phase", "seconds", "label"};
        static const char *const only_exhale[] = {"exhale"};
        size_t mark = push_key(c, "opening");
        check_fields(c, op, of, 3);
        int k = -1;
        got gk = get_enum(c, op, "phase", true, only_exhale, 1, &k);
        got gs = get_num(c, op, "seconds", true, 0.5, 60, "seconds", NUM_STEP, &opening);
        get_text(c, op, "label", false, PHASE_LABEL_MAX, &e->opening_label);
        if (gk == GOT_OK && gs == GOT_OK)
            bp->opening_ms = (int32_t)lround(opening * 1000);
        else
            opening = 0;
        pop(c, mark);
    }

    const cJSON *ramp = get_object(c, o, "ramp", false);
    if (ramp) {
        static const char *const rf[] = {"from_bpm", "to_bpm", "minutes"};
        size_t mark = push_key(c, "ramp");
        check_fields(c, ramp, rf, 3);
        double from = 0, to = 0, rmin = 0;
        got a = get_num(c, ramp, "from_bpm", true, 1, 30, "breaths per minute", 0, &from);
        got b = get_num(c, ramp, "to_bpm", true, 1, 30, "breaths per minute", 0, &to);
        got m = get_num(c, ramp, "minutes", true, 0.5, 120, "minutes", 0, &rmin);
        if (a == GOT_OK && b == GOT_OK && m == GOT_OK) {
            bp->ramp_from_bpm = from;
            bp->ramp_to_bpm = to;
            bp->ramp_ns = (gw_ns)llround(rmin * 60.0 * GW_NS_PER_SEC);
        }
        pop(c, mark);
    }

    int style = PACER_ORB;
    e->style_named = get_enum(c, o, "style", false, pacer_style_names, PACER_PACK_STYLES, &style) == GOT_OK;
    e->pacer = (pacer_style)style;
    e->style = xstrdup(pacer_style_name(style));
    if (!e->style) oom(c, o);

    /* Without a ramp the length is known here; nothing should run past two hours. */
    if (phases_ok && gc == GOT_OK && !ramp && !mi) {
        int64_t cyc_ms = 0;
        for (int i = 0; i < bp->nphase; i++) cyc_ms += bp->phase[i].ms;
        double total_min = ((double)cyc_ms * cycles + (lead + opening) * 1000) / 60000.0;
        if (total_min > 120) {
            size_t mark = push_key(c, "cycles");
            rep(c, cy, PACK_ERROR, "makes the session %.0f minutes long (%d breaths of %.1f "
                "seconds); at most 120 minutes", ceil(total_min), (int)cycles,
                (double)cyc_ms / 1000);
            pop(c, mark);
        }
    }

    /* The engine's own check, held to content's limits, once the fields are right: it
     * also sees what no one field shows (a ramp that makes a phase too short). */
    if (phases_ok && c->L->errors == errors_before) {
        const char *why = breath_check_content(bp);
        if (why) rep(c, o, PACK_ERROR, "%s", why);
    }
}

static int find_region(const pack *p, const char *id)
{
    for (int i = 0; i < p->nregion; i++)
        if (p->region[i].id && strcmp(p->region[i].id, id) == 0) return i;
    return -1;
}

static void check_guided(vctx *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"steps"};
    check_fields(c, o, fields, 1);
    const cJSON *st = get_array(c, o, "steps", true, 1, 500, "step");
    if (!st) return;
    int n = cJSON_GetArraySize(st);
    e->step = calloc((size_t)n, sizeof *e->step);
    if (!e->step) {
        oom(c, st);
        return;
    }
    e->nstep = n;
    size_t mark = push_key(c, "steps");
    int i = 0;
    for (const cJSON *s = st->child; s; s = s->next, i++) {
        static const char *const sf[] = {"kind", "caption", "seconds", "pause", "voice", "region"};
        guided_step *g = &e->step[i];
        g->region = -1;
        size_t m2 = push_index(c, i);
        if (!cJSON_IsObject(s)) {
            rep(c, s, PACK_ERROR, "must be an object like {\"kind\": \"instruction\", \"caption\": "
                "..., \"seconds\": 7}, not %s", type_name(s));
            pop(c, m2);
            continue;
        }
        check_fields(c, s, sf, 6);
        int k = 0;
        if (get_enum(c, s, "kind", true, step_kind_names, 4, &k) == GOT_OK) g->kind = (guided_step_kind)k;
        get_text(c, s, "caption", true, 200, &g->caption);
        double sec = 0, pause = 0;
        got gs = get_num(c, s, "seconds", false, 0.5, 600, "seconds", NUM_STEP, &sec);
        got gp = get_num(c, s, "pause", false, 0, 60, "seconds", NUM_STEP, &pause);
        got gv = get_voice(c, s, &g->voice, &g->voice_ns);
        if (gs == GOT_OK) g->duration = (gw_ns)llround(sec * GW_NS_PER_SEC);
        if (gp == GOT_OK) g->pause = (gw_ns)llround(pause * GW_NS_PER_SEC);
        if (gs == GOT_NONE && gv == GOT_NONE)
            rep(c, s, PACK_ERROR, "missing \"seconds\": a step without a \"voice\" clip needs it");
        if (gs != GOT_NONE && gp != GOT_NONE) {
            size_t m3 = push_key(c, "pause");
            rep_key(c, obj_get(s, "pause"), PACK_WARNING,
                    "\"pause\" is only used when \"seconds\" is left out (the step then lasts "
                    "its clip plus the pause)");
            pop(c, m3);
        }
        const cJSON *r = member(c, s, "region", false);
        if (r) {
            size_t m3 = push_key(c, "region");
            char buf[200];
            if (!cJSON_IsString(r)) {
                rep(c, r, PACK_ERROR, "must be text (a region id), not %s", type_name(r));
            } else if ((g->region = find_region(c->L->p, r->valuestring)) < 0) {
                if (c->L->p->nregion == 0)
                    rep(c, r, PACK_ERROR, "there is no region \"%s\": pack.json has no \"regions\"",
                        san(r->valuestring, buf, sizeof buf, 64));
                else
                    rep(c, r, PACK_ERROR, "there is no region \"%s\" in pack.json \"regions\"",
                        san(r->valuestring, buf, sizeof buf, 64));
            }
            pop(c, m3);
        }
        pop(c, m2);
    }
    pop(c, mark);
}

static void check_prompts(vctx *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"steps"};
    check_fields(c, o, fields, 1);
    const cJSON *st = get_array(c, o, "steps", true, 1, 100, "step");
    if (!st) return;
    int n = cJSON_GetArraySize(st);
    e->prompt = calloc((size_t)n, sizeof *e->prompt);
    if (!e->prompt) {
        oom(c, st);
        return;
    }
    e->nprompt = n;
    size_t mark = push_key(c, "steps");
    int i = 0;
    for (const cJSON *s = st->child; s; s = s->next, i++) {
        static const char *const sf[] = {"title", "text", "hint", "count", "timer",
                                         "auto_advance", "voice"};
        prompt_step *ps = &e->prompt[i];
        size_t m2 = push_index(c, i);
        if (!cJSON_IsObject(s)) {
            rep(c, s, PACK_ERROR, "must be an object like {\"title\": ..., \"text\": ...}, not %s",
                type_name(s));
            pop(c, m2);
            continue;
        }
        check_fields(c, s, sf, 7);
        get_text(c, s, "title", true, 40, &ps->title);
        get_text(c, s, "text", true, 300, &ps->text);
        get_text(c, s, "hint", false, 200, &ps->hint);
        double count = 0, timer = 0;
        if (get_num(c, s, "count", false, 0, 10, "", NUM_INT, &count) == GOT_OK) ps->count = (int)count;
        got gt = get_num(c, s, "timer", false, 0, 600, "seconds", NUM_STEP, &timer);
        if (gt == GOT_OK) ps->timer = (gw_ns)llround(timer * GW_NS_PER_SEC);
        const cJSON *aa = member(c, s, "auto_advance", false);
        if (aa) {
            size_t m3 = push_key(c, "auto_advance");
            if (!cJSON_IsBool(aa))
                rep(c, aa, PACK_ERROR, "must be true or false, not %s", type_name(aa));
            else if (cJSON_IsTrue(aa) && gt == GOT_NONE)
                rep(c, aa, PACK_ERROR, "needs a \"timer\" (in seconds) to advance on");
            else if (cJSON_IsTrue(aa) && gt == GOT_OK && timer == 0)
                rep(c, aa, PACK_ERROR, "needs a \"timer\" longer than 0 seconds");
            else
                ps->auto_advance = cJSON_IsTrue(aa);
            pop(c, m3);
        }
        gw_ns unused = 0;
        get_voice(c, s, &ps->voice, &unused);
        pop(c, m2);
    }
    pop(c, mark);
}

/* What in e strains the body ("holds the breath", "tenses muscles"), or NULL. */
static const char *strain_of(const exercise *e)
{
    if (e->kind == EX_BREATHING)
        for (int i = 0; i < e->breath.nphase && i < BREATH_MAX_PHASES; i++)
            if (e->breath.phase[i].kind == BREATH_HOLD_IN || e->breath.phase[i].kind == BREATH_HOLD_OUT)
                return "holds the breath";
    if (e->kind == EX_GUIDED)
        for (int i = 0; i < e->nstep; i++)
            if (e->step[i].kind == STEP_TENSE)
                return "tenses muscles";
    return NULL;
}

static void check_exercise(vctx *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"id", "kind", "category", "title", "summary", "cautions",
                                         "source", "breathing", "guided", "prompts", "unattended"};
    if (!cJSON_IsObject(o)) {
        rep(c, o, PACK_ERROR, "an exercise must be an object {...}, not %s", type_name(o));
        return;
    }
    check_fields(c, o, fields, 11);
    e->kind = EX_KIND_COUNT;
    if (get_id(c, o, "id", &e->id) == GOT_OK) {
        const cJSON *idv = obj_get(o, "id");
        jsonloc_pos pos = {0, 0};
        if (c->have_jl) pos = jsonloc_at(&c->jl, jsonloc_value_off(&c->jl, idv));
        size_t mark = push_key(c, "id");
        e->src_file = xstrdup(c->file);
        path_buf pb;
        e->src_path = xstrdup(path_text(c, &pb));
        e->src_line = pos.line;
        e->src_col = pos.col;
        const exercise *first = idmap_get(&c->L->ids, e->id);
        if (!e->src_file || !e->src_path) {
            oom(c, idv);
        } else if (first) {
            rep(c, idv, PACK_ERROR, "exercise id \"%s\" is used twice in this pack (first at "
                "%s:%d:%d)", e->id, first->src_file ? first->src_file : "", first->src_line,
                first->src_col);
        } else if (!idmap_put(&c->L->ids, e->id, e)) {
            oom(c, idv);
        }
        pop(c, mark);
    }
    int k = -1, cat = -1;
    if (get_enum(c, o, "kind", true, kind_names, 3, &k) == GOT_OK) e->kind = (exercise_kind)k;
    if (get_enum(c, o, "category", true, category_names, 3, &cat) == GOT_OK) {
        e->category = xstrdup(category_names[cat]);
        if (!e->category) oom(c, o);
    }
    get_text(c, o, "title", true, 40, &e->title);
    get_text(c, o, "summary", true, 100, &e->summary);
    const cJSON *ca = get_array(c, o, "cautions", true, 0, 20, "caution");
    if (ca) {
        int n = cJSON_GetArraySize(ca);
        e->caution = calloc((size_t)(n ? n : 1), sizeof *e->caution);
        if (!e->caution) {
            oom(c, ca);
        } else {
            e->ncaution = n;
            size_t mark = push_key(c, "cautions");
            int i = 0;
            for (const cJSON *x = ca->child; x; x = x->next, i++) {
                size_t m2 = push_index(c, i);
                check_text(c, x, 300, false, &e->caution[i], NULL);
                pop(c, m2);
            }
            pop(c, mark);
        }
    }
    get_str(c, o, "source", true, 1000, &e->source);

    for (int s = 0; s < EX_KIND_COUNT; s++) {
        const cJSON *sec = obj_get(o, kind_names[s]);
        if (k >= 0 && s == k && !sec) {
            rep(c, o, PACK_ERROR, "missing required field \"%s\" (this exercise is of kind \"%s\")",
                kind_names[s], kind_names[s]);
            continue;
        }
        if (!sec) continue;
        if (k >= 0 && s != k) {
            size_t mark = push_key(c, kind_names[s]);
            rep_key(c, sec, PACK_ERROR, "\"%s\" is only for exercises of kind \"%s\" (this one is "
                    "\"%s\")", kind_names[s], kind_names[s], kind_names[k]);
            pop(c, mark);
            continue;
        }
        const cJSON *obj = get_object(c, o, kind_names[s], false);
        if (!obj) continue;
        size_t mark = push_key(c, kind_names[s]);
        if (s == EX_BREATHING) check_breathing(c, obj, e);
        else if (s == EX_GUIDED) check_guided(c, obj, e);
        else check_prompts(c, obj, e);
        pop(c, mark);
    }

    /* Holding the breath or tensing muscles is what needs a caution (heart, breathing,
     * pregnancy, pain); an empty list is allowed but is worth a second look. */
    const char *strain = strain_of(e);
    if (strain && ca && e->ncaution == 0) {
        size_t mark = push_key(c, "cautions");
        rep(c, ca, PACK_WARNING, "this exercise %s but lists no cautions; add who should take care "
            "(for example %s)", strain, e->kind == EX_GUIDED
            ? "people with pain, injuries, or heart or blood-pressure problems"
            : "people with heart or breathing conditions, or who are pregnant");
        pop(c, mark);
    }
    e->unattended = strain == NULL;
    const cJSON *un = member(c, o, "unattended", false);
    if (un) {
        size_t mark = push_key(c, "unattended");
        if (!cJSON_IsBool(un))
            rep(c, un, PACK_ERROR, "must be true or false, not %s", type_name(un));
        else
            e->unattended = cJSON_IsTrue(un);
        pop(c, mark);
    }
}

static void exercise_free(exercise *e)
{
    free(e->id);
    free(e->category);
    text_free(&e->title);
    text_free(&e->summary);
    for (int i = 0; i < e->ncaution; i++) text_free(&e->caution[i]);
    free(e->caution);
    free(e->source);
    free(e->style);
    for (int i = 0; i < BREATH_MAX_PHASES; i++) text_free(&e->phase_label[i]);
    text_free(&e->opening_label);
    for (int i = 0; i < e->nstep; i++) {
        text_free(&e->step[i].caption);
        text_free(&e->step[i].voice);
    }
    free(e->step);
    for (int i = 0; i < e->nprompt; i++) {
        text_free(&e->prompt[i].title);
        text_free(&e->prompt[i].text);
        text_free(&e->prompt[i].hint);
        text_free(&e->prompt[i].voice);
    }
    free(e->prompt);
    free(e->src_file);
    free(e->src_path);
    memset(e, 0, sizeof *e);
}

/* ---- pack.json ------------------------------------------------------------- */

static bool check_format(vctx *c, const cJSON *root)
{
    pack *p = c->L->p;
    p->format_major = PACK_FORMAT_MAJOR;
    p->format_minor = PACK_FORMAT_MINOR;
    const cJSON *v = member(c, root, "format", true);
    if (!v) return true;
    size_t mark = push_key(c, "format");
    bool go_on = true;
    char buf[200];
    const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
    int major = -1, minor = -1;
    if (s) {
        const char *q = s;
        long a = 0, b = 0;
        int da = 0, db = 0;
        while (*q >= '0' && *q <= '9' && da < 6) a = a * 10 + (*q++ - '0'), da++;
        if (*q == '.') {
            q++;
            while (*q >= '0' && *q <= '9' && db < 6) b = b * 10 + (*q++ - '0'), db++;
        }
        if (da && db && !*q) {
            major = (int)a;
            minor = (int)b;
        }
    }
    if (!cJSON_IsString(v)) {
        rep(c, v, PACK_ERROR, "must be text like \"1.0\", not %s", type_name(v));
    } else if (major < 0) {
        rep(c, v, PACK_ERROR, "must look like \"1.0\" (MAJOR.MINOR), got \"%s\"",
            san(s, buf, sizeof buf, 20));
    } else if (major > PACK_FORMAT_MAJOR) {
        rep(c, v, PACK_ERROR, "this pack needs a newer version of Groundwork (format %d.x)", major);
        go_on = false;
    } else if (major < 1) {
        rep(c, v, PACK_ERROR, "format %d.%d is not supported; write \"1.0\"", major, minor);
    } else {
        p->format_major = major;
        p->format_minor = minor;
        if (minor > PACK_FORMAT_MINOR)
            rep(c, v, PACK_WARNING, "this pack uses format %d.%d but this Groundwork knows %d.%d; "
                "newer parts may be ignored", major, minor, PACK_FORMAT_MAJOR, PACK_FORMAT_MINOR);
    }
    pop(c, mark);
    return go_on;
}

static void check_languages(vctx *c, const cJSON *root)
{
    loader *L = c->L;
    pack *p = L->p;
    const cJSON *a = get_array(c, root, "languages", true, 1, 32, "language code");
    if (!a) return;
    int n = cJSON_GetArraySize(a);
    p->lang = calloc((size_t)n, sizeof *p->lang);
    if (!p->lang) {
        oom(c, a);
        return;
    }
    size_t mark = push_key(c, "languages");
    int i = 0;
    char buf[200];
    for (const cJSON *x = a->child; x; x = x->next, i++) {
        size_t m2 = push_index(c, i);
        if (!cJSON_IsString(x)) {
            rep(c, x, PACK_ERROR, "must be a language code like \"en\", not %s", type_name(x));
        } else if (!iso_lang(x->valuestring)) {
            rep(c, x, PACK_ERROR, "\"%s\" is not a two-letter ISO 639-1 language code (like "
                "\"en\" or \"es\")", san(x->valuestring, buf, sizeof buf, 20));
        } else if (pack_has_lang(p, x->valuestring)) {
            rep(c, x, PACK_ERROR, "language \"%s\" is listed twice", x->valuestring);
        } else if (!(p->lang[p->nlang] = xstrdup(x->valuestring))) {
            oom(c, x);
        } else {
            p->nlang++;
        }
        pop(c, m2);
    }
    pop(c, mark);
    if (p->nlang > 0) {
        L->langs_ok = true;
        L->deflang = p->lang[0];
    }
}

static void check_str_list(vctx *c, const cJSON *root, const char *name, int min, int max,
                           const char *noun, int maxlen, int *n_out, char ***out)
{
    const cJSON *a = get_array(c, root, name, true, min, max, noun);
    if (!a) return;
    int n = cJSON_GetArraySize(a);
    *out = calloc((size_t)(n ? n : 1), sizeof **out);
    if (!*out) {
        oom(c, a);
        return;
    }
    size_t mark = push_key(c, name);
    int i = 0;
    for (const cJSON *x = a->child; x; x = x->next, i++) {
        size_t m2 = push_index(c, i);
        if (check_str(c, x, maxlen, "text")) {
            if (((*out)[*n_out] = xstrdup(x->valuestring))) (*n_out)++;
            else oom(c, x);
        }
        pop(c, m2);
    }
    pop(c, mark);
}

static bool version_ok(const char *s)
{
    int parts = 0;
    while (*s) {
        if (!(*s >= '0' && *s <= '9')) return false;
        int digits = 0;
        while (*s >= '0' && *s <= '9') s++, digits++;
        if (digits > 6) return false;
        parts++;
        if (*s == '.') {
            s++;
            if (!*s) return false;
        } else if (*s) {
            return false;
        }
    }
    return parts >= 1 && parts <= 3;
}

static void check_pack(vctx *c, const cJSON *root)
{
    static const char *const fields[] = {"format", "id", "name", "version", "languages", "authors",
                                         "license", "sources", "regions", "exercises", "plan"};
    loader *L = c->L;
    pack *p = L->p;
    if (!cJSON_IsObject(root)) {
        rep(c, root, PACK_ERROR, "pack.json must hold an object {\"format\": \"1.0\", ...}, not %s",
            type_name(root));
        return;
    }
    if (!check_format(c, root)) return;
    check_fields(c, root, fields, 11);
    if (get_id(c, root, "id", &p->id) == GOT_OK && c->have_jl) {
        jsonloc_pos pos = jsonloc_at(&c->jl, jsonloc_value_off(&c->jl,
                                     obj_get(root, "id")));
        p->id_line = pos.line;
        p->id_col = pos.col;
    }
    check_languages(c, root);
    get_text(c, root, "name", true, 60, &p->name);
    if (get_str(c, root, "version", true, 32, &p->version) == GOT_OK && !version_ok(p->version)) {
        size_t mark = push_key(c, "version");
        char buf[100];
        rep(c, obj_get(root, "version"), PACK_ERROR,
            "must be a version number like \"1.0.0\" (got \"%s\")", san(p->version, buf, sizeof buf, 32));
        pop(c, mark);
    }
    check_str_list(c, root, "authors", 1, 100, "author", 200, &p->nauthor, &p->author);
    get_str(c, root, "license", true, 100, &p->license);
    check_str_list(c, root, "sources", 0, 100, "source", 1000, &p->nsource, &p->source);

    /* a therapist's take-home plan (present mode): a note and a practice frequency */
    const cJSON *pl = get_object(c, root, "plan", false);
    if (pl) {
        static const char *const pf[] = {"note", "frequency"};
        size_t mark = push_key(c, "plan");
        check_fields(c, pl, pf, 2);
        p->has_plan = true;
        get_text(c, pl, "note", false, 300, &p->plan_note);
        const cJSON *fq = get_object(c, pl, "frequency", false);
        if (fq) {
            static const char *const ff[] = {"times_per_day", "minutes"};
            size_t m2 = push_key(c, "frequency");
            check_fields(c, fq, ff, 2);
            double t = 0, m = 0;
            if (get_num(c, fq, "times_per_day", true, 1, 12, "", NUM_INT, &t) == GOT_OK)
                p->plan_times_per_day = (int)t;
            if (get_num(c, fq, "minutes", true, 1, 120, "minutes", NUM_INT, &m) == GOT_OK)
                p->plan_minutes = (int)m;
            pop(c, m2);
        }
        pop(c, mark);
    }

    const cJSON *rg = get_array(c, root, "regions", false, 0, 64, "region");
    if (rg) {
        int n = cJSON_GetArraySize(rg);
        p->region = calloc((size_t)(n ? n : 1), sizeof *p->region);
        if (!p->region) {
            oom(c, rg);
        } else {
            p->nregion = n;
            size_t mark = push_key(c, "regions");
            int i = 0;
            for (const cJSON *r = rg->child; r; r = r->next, i++) {
                size_t m2 = push_index(c, i);
                check_region(c, r, &p->region[i]);
                if (p->region[i].id) {
                    for (int j = 0; j < i; j++)
                        if (p->region[j].id && strcmp(p->region[j].id, p->region[i].id) == 0) {
                            size_t m3 = push_key(c, "id");
                            rep(c, obj_get(r, "id"), PACK_ERROR,
                                "region id \"%s\" is used twice (also $.regions[%d])",
                                p->region[i].id, j);
                            pop(c, m3);
                            break;
                        }
                }
                pop(c, m2);
            }
            pop(c, mark);
        }
    }

    const cJSON *ex = get_array(c, root, "exercises", true, 1, 10000, "exercise");
    if (!ex) return;
    int n = cJSON_GetArraySize(ex);
    p->ex = calloc((size_t)n, sizeof *p->ex);
    L->pend = calloc((size_t)n, sizeof *L->pend);
    if (!p->ex || !L->pend) {
        oom(c, ex);
        return;
    }
    p->nexercise = n;
    size_t mark = push_key(c, "exercises");
    int i = 0;
    for (const cJSON *x = ex->child; x; x = x->next, i++) {
        size_t m2 = push_index(c, i);
        if (cJSON_IsString(x)) {
            char *full = NULL;
            if (check_pack_path(c, x, "exercise file", &full)) {
                if (full) {
                    L->pend[L->npend].index = i;
                    L->pend[L->npend].full = full;
                    L->npend++;
                } else {
                    rep(c, x, PACK_ERROR, "exercise files cannot be read here (no pack folder "
                        "was given); put the exercise inline");
                }
            }
        } else if (cJSON_IsObject(x)) {
            check_exercise(c, x, &p->ex[i]);
        } else {
            rep(c, x, PACK_ERROR, "must be a file path like \"exercises/box.json\" or an exercise "
                "object {...}, not %s", type_name(x));
        }
        pop(c, m2);
    }
    pop(c, mark);
}

/* ---- loading --------------------------------------------------------------------- */

/* Reads pf (see pending_file), in the folder cache given. */
static void read_pending(const char *dir, pack_path_cache *cache, pending_file *pf)
{
    char why[256];
    const char *rel = pf->full + strlen(dir) + 1;  /* full is dir "/" rel */
    pf->buf = read_fd(pack_path_open(pf->full, rel, cache), &pf->len, why, sizeof why);
    if (!pf->buf && !(pf->why = xstrdup(why))) pf->why = NULL;
}

/* Exercise files are read on a second thread while the loader checks the ones
 * already read: on two cores the time the kernel spends opening and reading
 * thousands of small files is then mostly hidden. The reader only reads (into the
 * pending entries, in order, at most READ_AHEAD ahead); all checking, and so the
 * order of messages, stays on the loader's thread. */
#define READ_AHEAD 256
#define THREAD_MIN_FILES 32  /* fewer: not worth a thread */

typedef struct reader {
    const char *dir;
    pending_file *pend;
    int npend;
    pack_path_cache cache;  /* its own, with its own descriptor of the folder */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int ready;              /* pend[0..ready) are read */
    int used;               /* the loader has taken pend[0..used) */
    bool started;
} reader;

static void *reader_main(void *arg)
{
    reader *r = arg;
    for (int i = 0; i < r->npend; i++) {
        pthread_mutex_lock(&r->mu);
        while (i - r->used >= READ_AHEAD) pthread_cond_wait(&r->cv, &r->mu);
        pthread_mutex_unlock(&r->mu);
        read_pending(r->dir, &r->cache, &r->pend[i]);
        pthread_mutex_lock(&r->mu);
        r->ready = i + 1;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
    }
    return NULL;
}

static void load_exercise_file(loader *L, pending_file *pf)
{
    if (!pf->buf) {
        L->errors++;
        diag_addf(L->d, PACK_ERROR, pf->full, 0, 0, "", "this exercise file %s",
                  pf->why ? pf->why : "cannot be read: out of memory");
        return;
    }
    char *buf = pf->buf;
    size_t len = pf->len;
    pf->buf = NULL;
    vctx c;
    vctx_open(&c, L, pf->full);
    cJSON *root = parse(&c, buf, len);
    if (root) check_exercise(&c, root, &L->p->ex[pf->index]);
    vctx_close(&c);
    free(buf);
}

/* Image files live in images/ but no field names them yet: each must be a PNG. */
static void check_images(loader *L)
{
    char *dir = pack_join(L->dir, "images");
    if (!dir) {
        L->errors++;
        diag_add(L->d, PACK_ERROR, L->dir, 0, 0, "", "out of memory");
        return;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        free(dir);
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    bool short_of_memory = false;
    while ((de = readdir(dh)) != NULL && n < 10000) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            int nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, (size_t)nc * sizeof *nn);
            if (!nn) {
                short_of_memory = true;
                break;
            }
            names = nn;
            cap = nc;
        }
        if ((names[n] = xstrdup(de->d_name))) n++;
        else short_of_memory = true;
    }
    closedir(dh);
    if (short_of_memory) {  /* an image left unchecked must not pass as checked */
        L->errors++;
        diag_add(L->d, PACK_ERROR, dir, 0, 0, "", "out of memory");
    }
    for (int i = 1; i < n; i++)  /* name order, for stable output */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        char rel[300], why[256];
        snprintf(rel, sizeof rel, "images/%s", names[i]);
        char *full = NULL;
        if (!pack_path_resolve(L->dir, L->root_real, rel, NULL, &full, why, sizeof why) ||
            !pack_png_check(full, why, sizeof why)) {
            char *shown = pack_join(L->dir, rel);
            L->errors++;
            diag_addf(L->d, PACK_ERROR, shown ? shown : rel, 0, 0, "", "this image %s", why);
            free(shown);
        }
        free(full);
        free(names[i]);
    }
    free(names);
    free(dir);
}

static void load_exercise_files(loader *L)
{
    reader r = {.dir = L->dir, .pend = L->pend, .npend = L->npend};
    pthread_t th;
    if (L->npend >= THREAD_MIN_FILES) {
        /* the reader's own copy of the folder cache: the loader's may move on */
        pack_path_cache_copy(&r.cache, &L->path_cache);
        if (pthread_mutex_init(&r.mu, NULL) == 0) {
            if (pthread_cond_init(&r.cv, NULL) == 0) {
                r.started = pthread_create(&th, NULL, reader_main, &r) == 0;
                if (!r.started) pthread_cond_destroy(&r.cv);
            }
            if (!r.started) pthread_mutex_destroy(&r.mu);
        }
        if (!r.started) pack_path_cache_close(&r.cache);
    }
    for (int i = 0; i < L->npend; i++) {
        pending_file *pf = &L->pend[i];
        if (r.started) {
            pthread_mutex_lock(&r.mu);
            while (r.ready <= i) pthread_cond_wait(&r.cv, &r.mu);
            r.used = i;
            if (r.ready - i >= READ_AHEAD - 1) pthread_cond_broadcast(&r.cv);
            pthread_mutex_unlock(&r.mu);
        } else {
            read_pending(L->dir, &L->path_cache, pf);
        }
        load_exercise_file(L, pf);
        free(pf->full);
        free(pf->buf);
        free(pf->why);
    }
    if (r.started) {
        pthread_join(th, NULL);
        pthread_cond_destroy(&r.cv);
        pthread_mutex_destroy(&r.mu);
        pack_path_cache_close(&r.cache);
    }
}

pack *pack_load_buffer(const char *name, const char *buf, size_t len, const char *dir,
                       pack_diags *d)
{
    if (!name) name = "pack.json";
    loader L = {.d = d, .dir = dir, .deflang = "en"};
    if (len > PACK_MAX_FILE_BYTES) {
        diag_addf(d, PACK_ERROR, name, 0, 0, "", "is larger than 16 MiB (%zu bytes); refusing to "
                  "read it", len);
        return NULL;
    }
    if (dir) {
        L.root_real = realpath(dir, NULL);
        if (!L.root_real) {
            diag_addf(d, PACK_ERROR, dir, 0, 0, "", "the pack folder cannot be opened: %s",
                      strerror(errno));
            return NULL;
        }
    }
    pack *p = calloc(1, sizeof *p);
    if (p) {
        p->dir = xstrdup(dir ? dir : "");
        p->src_file = xstrdup(name);
    }
    if (!p || !p->dir || !p->src_file) {
        diag_add(d, PACK_ERROR, name, 0, 0, "", "out of memory");
        pack_free(p);
        free(L.root_real);
        return NULL;
    }
    L.p = p;

    vctx c;
    vctx_open(&c, &L, name);
    cJSON *root = parse(&c, buf, len);
    if (root) check_pack(&c, root);
    vctx_close(&c);

    load_exercise_files(&L);
    free(L.pend);
    pack_path_cache_close(&L.path_cache);
    if (dir && p->id) check_images(&L);
    idmap_free(&L.ids);
    free(L.root_real);

    for (int i = 0; i < p->nexercise; i++) {
        p->ex[i].pack = p;
        p->ex[i].nregion = p->nregion;
        p->ex[i].region = p->region;
    }
    if (L.errors > 0) {
        pack_free(p);
        return NULL;
    }
    return p;
}

pack *pack_load_dir(const char *dir, pack_diags *d)
{
    char *file = pack_join(dir, "pack.json");
    if (!file) {
        diag_add(d, PACK_ERROR, dir, 0, 0, "", "out of memory");
        return NULL;
    }
    struct stat st;
    pack *p = NULL;
    if (stat(file, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            diag_add(d, PACK_ERROR, file, 0, 0, "", "there is no pack.json in this folder");
        else
            diag_addf(d, PACK_ERROR, file, 0, 0, "", "cannot be read: %s", strerror(errno));
    } else {
        char why[256];
        size_t len = 0;
        char *buf = read_file(file, &len, why, sizeof why);
        if (!buf) diag_add(d, PACK_ERROR, file, 0, 0, "", why);
        else p = pack_load_buffer(file, buf, len, dir, d);
        free(buf);
    }
    free(file);
    return p;
}

void pack_free(pack *p)
{
    if (!p) return;
    free(p->dir);
    free(p->id);
    text_free(&p->name);
    text_free(&p->plan_note);
    free(p->version);
    for (int i = 0; i < p->nlang; i++) free(p->lang[i]);
    free(p->lang);
    for (int i = 0; i < p->nauthor; i++) free(p->author[i]);
    free(p->author);
    free(p->license);
    for (int i = 0; i < p->nsource; i++) free(p->source[i]);
    free(p->source);
    for (int i = 0; i < p->nexercise; i++) exercise_free(&p->ex[i]);
    free(p->ex);
    for (int i = 0; i < p->nregion; i++) region_free(&p->region[i]);
    free(p->region);
    free(p->src_file);
    free(p);
}

/* ---- queries ------------------------------------------------------------------ */

const char *pack_text_get(const pack_text *t, const char *lang)
{
    if (!t || t->n <= 0) return "";
    if (lang && *lang) {
        size_t l = strcspn(lang, "_-.@");
        for (int i = 0; i < t->n; i++)
            if (lang_eq(t->lang[i], lang, l)) return t->text[i];
    }
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->lang[i], "en") == 0) return t->text[i];
    return t->text[0];
}

const char *pack_voice_get(const pack_text *voice, const pack_text *shown, const char *lang)
{
    if (!voice || voice->n <= 0)
        return "";
    /* the language the words on screen are in: lang if the pack has them in it */
    bool has = false;
    size_t l = lang ? strcspn(lang, "_-.@") : 0;
    for (int i = 0; shown && l && i < shown->n && !has; i++)
        has = lang_eq(shown->lang[i], lang, l);
    if (!has) {
        /* the words fall back (to English, else the first language): so does the voice */
        if (!shown || shown->n <= 0)
            return pack_text_get(voice, lang);
        const char *in = shown->lang[0];
        for (int i = 0; i < shown->n; i++)
            if (!strcmp(shown->lang[i], "en"))
                in = "en";
        lang = in;
        l = strlen(in);
    }
    for (int i = 0; i < voice->n; i++)
        if (lang_eq(voice->lang[i], lang, l))
            return voice->text[i];
    return ""; /* words in lang, no voice in it: captions only, never another language */
}

/* Does t, a text of pack p, have a text in lang (l: the length of lang's code)? An
 * empty text (a field left out) has nothing to miss; a plain string is the text of
 * every language the pack lists. */
static bool text_has(const pack *p, const pack_text *t, const char *lang, size_t l)
{
    if (!t || t->n <= 0)
        return true;
    for (int i = 0; t->every && p && i < p->nlang; i++)
        if (lang_eq(p->lang[i], lang, l))
            return true;
    for (int i = 0; i < t->n; i++)
        if (lang_eq(t->lang[i], lang, l))
            return true;
    return false;
}

const char *pack_text_lang(const pack_text *t, const char *lang)
{
    if (!t || t->n <= 0)
        return NULL;
    const char *s = pack_text_get(t, lang);
    for (int i = 0; i < t->n; i++)
        if (t->text[i] == s)
            return t->lang[i];
    return t->lang[0];
}

/* Counts t when it has no text in lang; *from (if not yet set) gets the language it is
 * shown in instead. */
static int miss_one(const pack *p, const pack_text *t, const char *lang, size_t l, const char **from)
{
    if (text_has(p, t, lang, l))
        return 0;
    if (from && !*from)
        *from = pack_text_lang(t, lang);
    return 1;
}

/* How many of e's texts have none in lang (the body map's names aside). */
static int ex_missing(const exercise *e, const char *lang, size_t l, const char **from)
{
    const pack *p = e->pack;
    int miss = miss_one(p, &e->title, lang, l, from) + miss_one(p, &e->summary, lang, l, from) +
               miss_one(p, &e->opening_label, lang, l, from);
    for (int i = 0; i < BREATH_MAX_PHASES; i++)
        miss += miss_one(p, &e->phase_label[i], lang, l, from);
    for (int i = 0; i < e->ncaution; i++)
        miss += miss_one(p, &e->caution[i], lang, l, from);
    for (int i = 0; i < e->nstep; i++)
        miss += miss_one(p, &e->step[i].caption, lang, l, from);
    for (int i = 0; i < e->nprompt; i++)
        miss += miss_one(p, &e->prompt[i].title, lang, l, from) + miss_one(p, &e->prompt[i].text, lang, l, from) +
                miss_one(p, &e->prompt[i].hint, lang, l, from);
    return miss;
}

const char *exercise_play_lang(const exercise *e, const char *lang)
{
    if (!e || !lang || !*lang)
        return NULL;
    size_t l = strcspn(lang, "_-.@");
    const char *from = NULL;
    if (ex_missing(e, lang, l, &from) > 0)
        return from;
    for (int i = 0; i < e->nstep; i++) /* the body map's names of the regions it shows */
        if (e->step[i].region >= 0 && e->step[i].region < e->nregion &&
            !text_has(e->pack, &e->region[e->step[i].region].name, lang, l))
            return pack_text_lang(&e->region[e->step[i].region].name, lang);
    return NULL;
}

int pack_lang_missing(const pack *p, const char *lang)
{
    if (!p || !lang || !*lang)
        return 0;
    size_t l = strcspn(lang, "_-.@");
    int miss = !text_has(p, &p->name, lang, l) + !text_has(p, &p->plan_note, lang, l);
    for (int i = 0; i < p->nregion; i++)
        miss += !text_has(p, &p->region[i].name, lang, l);
    for (int i = 0; i < p->nexercise; i++)
        miss += ex_missing(&p->ex[i], lang, l, NULL);
    return miss;
}

gw_ns exercise_length(const exercise *e)
{
    gw_ns total = 0;
    switch (e->kind) {
    case EX_BREATHING:
        return breath_total(&e->breath);
    case EX_GUIDED:
        for (int i = 0; i < e->nstep; i++)
            total += e->step[i].duration ? e->step[i].duration
                                         : e->step[i].voice_ns + e->step[i].pause;
        return total;
    case EX_PROMPTS:
        for (int i = 0; i < e->nprompt; i++) total += e->prompt[i].timer;
        return total;
    default:
        return 0;
    }
}

int body_region_side(const body_region *r)
{
    if (!r || !r->id)
        return 0;
    if (!strncmp(r->id, "dominant", 8))
        return 1;
    return !strncmp(r->id, "nondominant", 11) ? -1 : 0;
}

const char *exercise_kind_name(exercise_kind k)
{
    return k >= 0 && k < EX_KIND_COUNT ? kind_names[k] : "unknown";
}

/* ---- the set of loaded packs ----------------------------------------------------- */

struct pack_index {
    idmap ids;  /* exercise id -> exercise */
};

bool pack_set_add_dir(pack_set *s, const char *dir)
{
    pack *p = pack_load_dir(dir, &s->diags);
    if (!p) return false;
    int clashes = 0;
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->p[i]->id, p->id) == 0) {
            diag_addf(&s->diags, PACK_ERROR, p->src_file, p->id_line, p->id_col, "$.id",
                      "pack id \"%s\" is already used by the pack in %s; this pack is not loaded",
                      p->id, s->p[i]->dir);
            clashes++;
        }
    for (int i = 0; i < p->nexercise; i++) {
        const exercise *e = &p->ex[i];
        const exercise *old = s->index ? idmap_get(&s->index->ids, e->id) : NULL;
        if (old)
            diag_addf(&s->diags, PACK_ERROR, e->src_file, e->src_line, e->src_col, e->src_path,
                      "exercise id \"%s\" is already used by pack \"%s\" (%s:%d:%d); this pack "
                      "is not loaded", e->id, old->pack->id, old->src_file, old->src_line,
                      old->src_col);
        clashes += old != NULL;
    }
    if (clashes) {
        pack_free(p);
        return false;
    }
    if (!s->index) s->index = calloc(1, sizeof *s->index);
    pack **np = realloc(s->p, (size_t)(s->n + 1) * sizeof *np);
    if (!s->index || !np) {
        if (np) s->p = np;
        diag_add(&s->diags, PACK_ERROR, p->src_file, 0, 0, "", "out of memory");
        pack_free(p);
        return false;
    }
    s->p = np;
    s->p[s->n++] = p;
    for (int i = 0; i < p->nexercise; i++)
        if (!idmap_put(&s->index->ids, p->ex[i].id, &p->ex[i]))
            diag_add(&s->diags, PACK_ERROR, p->src_file, 0, 0, "", "out of memory");
    return true;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool pack_same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

void pack_set_add_children(pack_set *s, const char *parent)
{
    pack_set_add_children_but(s, parent, NULL, 0);
}

void pack_set_add_children_but(pack_set *s, const char *parent, const char *const *skip, int nskip)
{
    DIR *dh = opendir(parent);
    if (!dh && errno == ENOENT)
        return; /* no packs added yet: nothing to report */
    if (!dh) {
        diag_addf(&s->diags, PACK_ERROR, parent, 0, 0, "", "this folder of packs cannot be opened: "
                  "%s", strerror(errno));
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.') continue;
        char *sub = pack_join(parent, de->d_name);
        char *pj = sub ? pack_join(sub, "pack.json") : NULL;
        struct stat st;
        /* of any kind: a pack.json that is a FIFO or a folder is reported, not passed over */
        bool has = pj && stat(pj, &st) == 0;
        for (int k = 0; has && k < nskip; k++) has = !pack_same_file(sub, skip[k]);
        free(pj);
        free(sub);
        if (!has) continue;
        if (n == cap) {
            int nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, (size_t)nc * sizeof *nn);
            if (!nn) break;
            names = nn;
            cap = nc;
        }
        if ((names[n] = xstrdup(de->d_name))) n++;
    }
    closedir(dh);
    if (n) qsort(names, (size_t)n, sizeof *names, cmp_names);
    for (int i = 0; i < n; i++) {
        char *sub = pack_join(parent, names[i]);
        if (sub) pack_set_add_dir(s, sub);
        free(sub);
        free(names[i]);
    }
    free(names);
}

int pack_set_exercise_count(const pack_set *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++) n += s->p[i]->nexercise;
    return n;
}

const exercise *pack_set_exercise_at(const pack_set *s, int i)
{
    if (i < 0) return NULL;
    for (int k = 0; k < s->n; k++) {
        if (i < s->p[k]->nexercise) return &s->p[k]->ex[i];
        i -= s->p[k]->nexercise;
    }
    return NULL;
}

const exercise *pack_set_find(const pack_set *s, const char *id)
{
    if (!s->index || !id) return NULL;
    return idmap_get(&s->index->ids, id);
}

void pack_set_free(pack_set *s)
{
    if (!s) return;
    for (int i = 0; i < s->n; i++) pack_free(s->p[i]);
    free(s->p);
    pack_diags_free(&s->diags);
    if (s->index) idmap_free(&s->index->ids);
    free(s->index);
    memset(s, 0, sizeof *s);
}
