/* jread: the one reader of outside JSON (see jread.h). */
#include "core/jread.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define MSG_CAP 768
#define DEFAULT_DEPTH 64

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static const char *fmt_num(double v, char *buf, size_t n)
{
    if (v == 0) v = 0;  /* no "-0" */
    if (!isfinite(v)) snprintf(buf, n, "%s", v > 0 ? "a number too large to use" : "a number too small to use");
    else if (v == floor(v) && fabs(v) < 1e15) snprintf(buf, n, "%.0f", v);
    else snprintf(buf, n, "%.15g", v);
    return buf;
}


typedef struct pbuf {
    char s[JREAD_PATH_CAP];
    size_t n;
} pbuf;

static void path_append_n(pbuf *pb, const char *s, size_t l)
{
    if (pb->n + l + 1 > sizeof pb->s) l = sizeof pb->s - 1 - pb->n;
    memcpy(pb->s + pb->n, s, l);
    pb->n += l;
    pb->s[pb->n] = 0;
}

static void path_append(pbuf *pb, const char *s) { path_append_n(pb, s, strlen(s)); }

static void path_key(pbuf *pb, const char *k)
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
        path_append(pb, utf8_quote(k, buf, sizeof buf, 40));
        path_append(pb, "\"]");
    }
}

/* The current JSON path as text, like $.exercises[2].breathing.phases[0].seconds. */
static const char *path_text(const jread *c, pbuf *pb)
{
    pb->s[0] = '$';
    pb->s[1] = 0;
    pb->n = 1;
    size_t n = c->nstep < JREAD_PATH_STEPS ? c->nstep : JREAD_PATH_STEPS;
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


/* The first member of o named k, as cJSON_GetObjectItemCaseSensitive finds it;
 * most names differ in their first letter, which is looked at before strcmp. */

/* ---- opening, parsing, closing ----------------------------------------------- */

void jread_open(jread *c, pack_diags *d, const char *file, const jread_limits *lim, int *errors)
{
    memset(c, 0, sizeof *c);
    c->d = d;
    c->file = file;
    if (lim) c->lim = *lim;
    if (c->lim.max_depth <= 0) c->lim.max_depth = DEFAULT_DEPTH;
    c->errors = errors ? errors : &c->own_errors;
    c->first = d->n;
}

void jread_close(jread *c)
{
    pack_diags *d = c->d;
    for (int i = c->first + 1; i < d->n && !c->lim.keep_order; i++) {
        pack_diag g = d->v[i];
        int j = i - 1;
        while (j >= c->first && (d->v[j].line > g.line ||
                                 (d->v[j].line == g.line && d->v[j].col > g.col))) {
            d->v[j + 1] = d->v[j];
            j--;
        }
        d->v[j + 1] = g;
    }
    if (c->capped) {
        char msg[96];
        snprintf(msg, sizeof msg, "too many problems in this file; only the first %d are shown",
                 c->lim.max_diags);
        pack_diags_add(d, PACK_ERROR, c->file, 0, 0, "", msg);
    }
    if (c->have_jl) jsonloc_free(&c->jl);
    c->have_jl = false;
}

static void report_off(jread *c, size_t off, bool with_path, pack_severity sev, const char *fmt,
                       va_list ap)
{
    if (sev == PACK_ERROR) (*c->errors)++;
    if (c->capped) return;
    if (c->lim.max_diags > 0 && c->ndiag >= c->lim.max_diags) {
        c->capped = true;
        return;
    }
    char msg[MSG_CAP];
    vsnprintf(msg, sizeof msg, fmt, ap);
    jsonloc_pos pos = {0, 0};
    if (c->have_jl && off != JSONLOC_NONE) pos = jsonloc_at(&c->jl, off);
    pbuf pb;
    pack_diags_add(c->d, sev, c->file, pos.line, pos.col,
                   with_path && !c->lim.no_path ? path_text(c, &pb) : "", msg);
    c->ndiag++;
}

void jread_rep(jread *c, const cJSON *at, pack_severity sev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_off(c, c->have_jl ? jsonloc_value_off(&c->jl, at) : JSONLOC_NONE, true, sev, fmt, ap);
    va_end(ap);
}

void jread_rep_key(jread *c, const cJSON *at, pack_severity sev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_off(c, c->have_jl ? jsonloc_key_off(&c->jl, at) : JSONLOC_NONE, true, sev, fmt, ap);
    va_end(ap);
}

void jread_rep_raw(jread *c, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_off(c, off, false, PACK_ERROR, fmt, ap);
    va_end(ap);
}

void jread_oom(jread *c, const cJSON *at) { jread_rep(c, at, PACK_ERROR, "out of memory"); }

jsonloc_pos jread_pos(jread *c, const cJSON *at)
{
    if (!c->have_jl || !at) return (jsonloc_pos){0, 0};
    return jsonloc_at(&c->jl, jsonloc_value_off(&c->jl, at));
}

cJSON *jread_parse(jread *c, const char *buf, size_t len)
{
    const char *sfx = c->lim.suffix ? c->lim.suffix : "";
    if (c->lim.max_bytes && len > c->lim.max_bytes) {
        jread_rep_raw(c, JSONLOC_NONE, "is larger than %zu bytes (%zu bytes); refusing to read it%s",
                      c->lim.max_bytes, len, sfx);
        return NULL;
    }
    jsonloc_status st = jsonloc_scan(&c->jl, buf, len, c->lim.max_depth);
    c->have_jl = true;
    switch (st) {
    case JSONLOC_OK:
        break;
    case JSONLOC_TOO_DEEP:
        jread_rep_raw(c, c->jl.err_off, "nested more than %d levels deep%s", c->lim.max_depth,
                      c->lim.deep_hint ? c->lim.deep_hint : sfx);
        return NULL;
    case JSONLOC_SYNTAX:
        jread_rep_raw(c, c->jl.err_off, "JSON syntax error: %s%s", c->jl.err_msg, sfx);
        return NULL;
    case JSONLOC_NOMEM:
    default:
        jread_rep_raw(c, JSONLOC_NONE, "out of memory%s", sfx);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = jsonloc_parse(&c->jl, &end);
    if (!root && c->jl.nomem) {
        jread_rep_raw(c, JSONLOC_NONE, "out of memory%s", sfx);
        return NULL;
    }
    if (!root) {
        size_t off = end && end >= buf && end <= buf + len ? (size_t)(end - buf) : JSONLOC_NONE;
        jread_rep_raw(c, off, "the JSON could not be read here (a number longer than 60 digits, or "
                      "out of memory)%s", sfx);
        return NULL;
    }
    return root;
}

cJSON *jread_tree(jsonloc *jl, const char *text, size_t len, int max_depth, jread_fail *f)
{
    memset(jl, 0, sizeof *jl);
    memset(f, 0, sizeof *f);
    jsonloc_status st = text ? jsonloc_scan(jl, text, len, max_depth) : JSONLOC_NOMEM;
    cJSON *root = st == JSONLOC_OK ? jsonloc_parse(jl, NULL) : NULL;
    if (root) return root;
    f->status = st;
    f->nomem = st == JSONLOC_NOMEM || jl->nomem;
    if (st == JSONLOC_SYNTAX || st == JSONLOC_TOO_DEEP)
        f->at = jsonloc_at(jl, jl->err_off);  /* {0, 0}: out of memory finding it */
    f->why = st == JSONLOC_SYNTAX ? jl->err_msg : st == JSONLOC_TOO_DEEP ? "nested too deeply"
             : f->nomem ? "out of memory" : "the JSON could not be read";
    return NULL;
}

/* ---- the JSON path ----------------------------------------------------------- */

size_t jread_push_key(jread *c, const char *k)
{
    size_t mark = c->nstep++;
    if (mark < JREAD_PATH_STEPS) c->step[mark] = (struct jread_step){k, 0};
    return mark;
}

size_t jread_push_index(jread *c, int i)
{
    size_t mark = c->nstep++;
    if (mark < JREAD_PATH_STEPS) c->step[mark] = (struct jread_step){NULL, i};
    return mark;
}

void jread_pop(jread *c, size_t mark) { c->nstep = mark; }

const char *jread_path(const jread *c, char *buf)
{
    pbuf pb;
    path_text(c, &pb);
    memcpy(buf, pb.s, pb.n + 1);
    return buf;
}

/* ---- typed access ------------------------------------------------------------ */

const cJSON *jread_obj_get(const cJSON *o, const char *k)
{
    if (!o) return NULL;
    for (const cJSON *m = o->child; m; m = m->next) {
        if (!m->string) return NULL;
        if (m->string[0] == k[0] && strcmp(m->string, k) == 0) return m;
    }
    return NULL;
}

const char *jread_type_name(const cJSON *v)
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
void jread_check_fields(jread *c, const cJSON *obj, const char *const *known, int nknown)
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
        size_t mark = jread_push_key(c, k);
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
                jread_rep_key(c, m, PACK_WARNING, "unknown field \"%s\" is ignored (did you mean \"%s\"?)",
                        utf8_quote(k, buf, sizeof buf, 40), guess);
            else
                jread_rep_key(c, m, PACK_WARNING, "unknown field \"%s\" is ignored",
                        utf8_quote(k, buf, sizeof buf, 40));
        } else if (idx < 32 && seen[idx]) {
            jread_rep_key(c, m, PACK_ERROR, "field \"%s\" is given twice; give it once", k);
        } else if (idx < 32) {
            seen[idx] = true;
        }
        jread_pop(c, mark);
    }
}

const cJSON *jread_member(jread *c, const cJSON *obj, const char *name, bool required)
{
    const cJSON *v = jread_obj_get(obj, name);
    if (!v && required) jread_rep(c, obj, PACK_ERROR, "missing required field \"%s\"", name);
    return v;
}

jread_got jread_num(jread *c, const cJSON *v, double lo, double hi, const char *unit, int flags,
                     double *out)
{
    char a[64], b[64], g[64];
    if (!cJSON_IsNumber(v)) {
        jread_rep(c, v, PACK_ERROR, "must be a number, not %s", jread_type_name(v));
        return JREAD_BAD;
    }
    double x = v->valuedouble;
    const char *sp = unit[0] ? " " : "";
    if (!isfinite(x)) {
        jread_rep(c, v, PACK_ERROR, "must be between %s and %s%s%s (got %s)", fmt_num(lo, a, sizeof a),
            fmt_num(hi, b, sizeof b), sp, unit, fmt_num(x, g, sizeof g));
        return JREAD_BAD;
    }
    if ((flags & JREAD_INT) && x != floor(x)) {
        jread_rep(c, v, PACK_ERROR, "must be a whole number (got %s)", fmt_num(x, g, sizeof g));
        return JREAD_BAD;
    }
    if ((flags & JREAD_POSITIVE) && (x <= lo || x > hi)) {
        jread_rep(c, v, PACK_ERROR, "must be more than %s and at most %s%s%s (got %s)",
            fmt_num(lo, a, sizeof a), fmt_num(hi, b, sizeof b), sp, unit, fmt_num(x, g, sizeof g));
        return JREAD_BAD;
    }
    if (x < lo || x > hi) {
        jread_rep(c, v, PACK_ERROR, "must be between %s and %s%s%s (got %s)", fmt_num(lo, a, sizeof a),
            fmt_num(hi, b, sizeof b), sp, unit, fmt_num(x, g, sizeof g));
        return JREAD_BAD;
    }
    if ((flags & JREAD_STEP) && fabs(x * 10 - round(x * 10)) > 1e-6) {
        jread_rep(c, v, PACK_ERROR, "must be a multiple of 0.1 seconds (got %s)", fmt_num(x, g, sizeof g));
        return JREAD_BAD;
    }
    *out = x;
    return JREAD_OK;
}

jread_got jread_get_num(jread *c, const cJSON *obj, const char *name, bool req, double lo, double hi,
                   const char *unit, int flags, double *out)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return req ? JREAD_BAD : JREAD_NONE;
    size_t mark = jread_push_key(c, name);
    jread_got r = jread_num(c, v, lo, hi, unit, flags, out);
    jread_pop(c, mark);
    return r;
}

/* A string value: valid UTF-8, not blank, at most max code points. */
bool jread_str(jread *c, const cJSON *v, int max, const char *expected)
{
    if (!cJSON_IsString(v) || !v->valuestring) {
        jread_rep(c, v, PACK_ERROR, "must be %s, not %s", expected, jread_type_name(v));
        return false;
    }
    long n = utf8_count(v->valuestring);
    if (n < 0) {
        jread_rep(c, v, PACK_ERROR, "is not valid UTF-8 text (save the file as UTF-8)");
        return false;
    }
    const char *s = v->valuestring;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (!*s) {
        jread_rep(c, v, PACK_ERROR, "must not be empty");
        return false;
    }
    if (n > max) {
        jread_rep(c, v, PACK_ERROR, "is too long for the screen: %ld characters, at most %d", n, max);
        return false;
    }
    return true;
}

jread_got jread_get_str(jread *c, const cJSON *obj, const char *name, bool req, int max, char **out)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return req ? JREAD_BAD : JREAD_NONE;
    size_t mark = jread_push_key(c, name);
    jread_got r = JREAD_BAD;
    if (jread_str(c, v, max, "text")) {
        *out = dup(v->valuestring);
        if (*out) r = JREAD_OK;
        else jread_oom(c, v);
    }
    jread_pop(c, mark);
    return r;
}

jread_got jread_get_enum(jread *c, const cJSON *obj, const char *name, bool req,
                    const char *const *names, int n, int *out)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return req ? JREAD_BAD : JREAD_NONE;
    size_t mark = jread_push_key(c, name);
    jread_got r = JREAD_BAD;
    if (!cJSON_IsString(v)) {
        jread_rep(c, v, PACK_ERROR, "must be text, not %s", jread_type_name(v));
    } else {
        for (int i = 0; i < n; i++)
            if (strcmp(v->valuestring, names[i]) == 0) {
                *out = i;
                r = JREAD_OK;
            }
        if (r != JREAD_OK) {
            char list[256] = "", buf[200];
            for (int i = 0; i < n; i++) {
                size_t l = strlen(list);
                snprintf(list + l, sizeof list - l, "%s\"%s\"", i == 0 ? "" : i == n - 1 ? " or " : ", ",
                         names[i]);
            }
            jread_rep(c, v, PACK_ERROR, "must be %s (got \"%s\")", list,
                utf8_quote(v->valuestring, buf, sizeof buf, 40));
        }
    }
    jread_pop(c, mark);
    return r;
}

/* An array with min..max entries, or NULL (reported). noun is singular ("phase"). */
const cJSON *jread_get_array(jread *c, const cJSON *obj, const char *name, bool req, int min,
                              int max, const char *noun)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return NULL;
    size_t mark = jread_push_key(c, name);
    const cJSON *r = NULL;
    if (!cJSON_IsArray(v)) {
        jread_rep(c, v, PACK_ERROR, "must be a list [...] of %ss, not %s", noun, jread_type_name(v));
    } else {
        int n = cJSON_GetArraySize(v);
        if (n < min) jread_rep(c, v, PACK_ERROR, "must hold at least %d %s%s (has %d)", min, noun,
                         min == 1 ? "" : "s", n);
        else if (n > max) jread_rep(c, v, PACK_ERROR, "must hold at most %d %ss (has %d)", max, noun, n);
        else r = v;
    }
    jread_pop(c, mark);
    return r;
}

const cJSON *jread_get_object(jread *c, const cJSON *obj, const char *name, bool req)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return NULL;
    if (!cJSON_IsObject(v)) {
        size_t mark = jread_push_key(c, name);
        jread_rep(c, v, PACK_ERROR, "must be an object {...}, not %s", jread_type_name(v));
        jread_pop(c, mark);
        return NULL;
    }
    return v;
}


jread_got jread_get_bool(jread *c, const cJSON *obj, const char *name, bool req, bool *out)
{
    const cJSON *v = jread_member(c, obj, name, req);
    if (!v) return req ? JREAD_BAD : JREAD_NONE;
    size_t mark = jread_push_key(c, name);
    jread_got r = JREAD_BAD;
    if (!cJSON_IsBool(v)) {
        jread_rep(c, v, PACK_ERROR, "must be true or false, not %s", jread_type_name(v));
    } else {
        *out = cJSON_IsTrue(v);
        r = JREAD_OK;
    }
    jread_pop(c, mark);
    return r;
}
