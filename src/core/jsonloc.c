/* jsonloc: positions of JSON values (see jsonloc.h). */
#include "core/jsonloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <locale.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static bool record(jsonloc *jl, size_t val, size_t key)
{
    if (jl->nval == jl->cap) {
        size_t cap = jl->cap ? jl->cap * 2 : 256;
        size_t *v = realloc(jl->val_off, cap * sizeof *v);
        if (!v) return false;
        jl->val_off = v;
        size_t *k = realloc(jl->key_off, cap * sizeof *k);
        if (!k) return false;
        jl->key_off = k;
        jl->cap = cap;
    }
    jl->val_off[jl->nval] = val;
    jl->key_off[jl->nval] = key;
    jl->nval++;
    return true;
}

typedef struct scan {
    jsonloc *jl;
    const char *t;
    size_t n, i;
    int depth, max_depth;
    jsonloc_status st;
} scan;

static bool fail(scan *s, size_t at, jsonloc_status st, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static bool fail(scan *s, size_t at, jsonloc_status st, const char *fmt, ...)
{
    if (s->st != JSONLOC_OK) return false;
    s->st = st;
    s->jl->err_off = at;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->jl->err_msg, sizeof s->jl->err_msg, fmt, ap);
    va_end(ap);
    return false;
}

static bool nomem(scan *s) { return fail(s, 0, JSONLOC_NOMEM, "out of memory"); }

static void skip_ws(scan *s)
{
    while (s->i < s->n) {
        char c = s->t[s->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        s->i++;
    }
}

static bool is_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '+' || c == '-' || c == '.';
}

static bool is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = (unsigned char)p[k];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* A character for a message: printable ASCII as itself, anything else as a byte. */
static const char *show(unsigned char c, char buf[16])
{
    if (c > 32 && c < 127) snprintf(buf, 16, "'%c'", c);
    else if (c == ' ') snprintf(buf, 16, "a space");
    else snprintf(buf, 16, "byte 0x%02X", c);
    return buf;
}

static bool scan_string(scan *s)
{
    size_t open = s->i++;
    const unsigned char *t = (const unsigned char *)s->t;
    while (s->i < s->n) {
        size_t i = s->i, n = s->n;  /* plain bytes first, in a tight loop */
        while (i < n && t[i] >= 0x20 && t[i] != '"' && t[i] != '\\') i++;
        s->i = i;
        if (i >= n) break;
        unsigned char c = t[i];
        if (c == '"') {
            s->i++;
            return true;
        }
        if (c < 0x20) {
            if (c == '\n' || c == '\r' || c == '\t')
                return fail(s, s->i, JSONLOC_SYNTAX,
                            "a line break or tab inside text must be written \\n or \\t "
                            "(or is a closing \" missing?)");
            return fail(s, s->i, JSONLOC_SYNTAX, "control character 0x%02X inside text", c);
        }
        if (c != '\\') {
            s->i++;
            continue;
        }
        if (s->i + 1 >= s->n) break;
        char e = s->t[s->i + 1];
        if (e == 'u') {
            size_t at = s->i;
            if (s->i + 6 > s->n || !is_hex((unsigned char)s->t[s->i + 2]) ||
                !is_hex((unsigned char)s->t[s->i + 3]) || !is_hex((unsigned char)s->t[s->i + 4]) ||
                !is_hex((unsigned char)s->t[s->i + 5]))
                return fail(s, at, JSONLOC_SYNTAX, "\\u must be followed by 4 hex digits");
            unsigned u = hex4(s->t + s->i + 2);
            s->i += 6;
            if (u == 0) return fail(s, at, JSONLOC_SYNTAX, "\\u0000 is not allowed inside text");
            if (u >= 0xDC00 && u <= 0xDFFF)
                return fail(s, at, JSONLOC_SYNTAX, "\\u%04X is half of a surrogate pair without "
                            "its first half", u);
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (s->i + 6 > s->n || s->t[s->i] != '\\' || s->t[s->i + 1] != 'u' ||
                    !is_hex((unsigned char)s->t[s->i + 2]) || !is_hex((unsigned char)s->t[s->i + 3]) ||
                    !is_hex((unsigned char)s->t[s->i + 4]) || !is_hex((unsigned char)s->t[s->i + 5]))
                    return fail(s, at, JSONLOC_SYNTAX, "\\u%04X must be followed by the second "
                                "half of its surrogate pair (\\uDC00 to \\uDFFF)", u);
                unsigned lo = hex4(s->t + s->i + 2);
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail(s, at, JSONLOC_SYNTAX, "\\u%04X must be followed by the second "
                                "half of its surrogate pair (\\uDC00 to \\uDFFF)", u);
                s->i += 6;
            }
            continue;
        }
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
            e == 't') {
            s->i += 2;
            continue;
        }
        char b[16];
        return fail(s, s->i, JSONLOC_SYNTAX,
                    "unknown escape: a backslash followed by %s (write \\\\ for a backslash)",
                    show((unsigned char)e, b));
    }
    return fail(s, open, JSONLOC_SYNTAX, "this text never ends: its closing \" is missing");
}

static bool digits(scan *s)
{
    size_t from = s->i;
    while (s->i < s->n && s->t[s->i] >= '0' && s->t[s->i] <= '9') s->i++;
    return s->i > from;
}

static bool scan_number(scan *s)
{
    size_t at = s->i;
    if (s->t[s->i] == '-') s->i++;
    if (s->i < s->n && s->t[s->i] == '0' && s->i + 1 < s->n && s->t[s->i + 1] >= '0' &&
        s->t[s->i + 1] <= '9')
        return fail(s, at, JSONLOC_SYNTAX, "a number must not start with 0 (write 7, not 07)");
    if (!digits(s)) {
        size_t w = s->i;
        while (w < s->n && is_word((unsigned char)s->t[w])) w++;
        if (w - s->i >= 3 && (strncmp(s->t + s->i, "Inf", 3) == 0 || strncmp(s->t + s->i, "inf", 3) == 0))
            return fail(s, at, JSONLOC_SYNTAX, "Infinity is not a number in JSON; write a number such as 60");
        return fail(s, at, JSONLOC_SYNTAX, "a '-' must be followed by digits");
    }
    if (s->i < s->n && s->t[s->i] == '.') {
        s->i++;
        if (!digits(s))
            return fail(s, at, JSONLOC_SYNTAX, "a digit must follow the decimal point (write 4.0 or 4)");
    }
    if (s->i < s->n && (s->t[s->i] == 'e' || s->t[s->i] == 'E')) {
        s->i++;
        if (s->i < s->n && (s->t[s->i] == '+' || s->t[s->i] == '-')) s->i++;
        if (!digits(s)) return fail(s, at, JSONLOC_SYNTAX, "a digit must follow the exponent 'e'");
    }
    if (s->i < s->n && is_word((unsigned char)s->t[s->i]))
        return fail(s, at, JSONLOC_SYNTAX, "this is not a number (a JSON number looks like 4, 0.5 or -2)");
    return true;
}

static bool unquoted(scan *s, const char *what)
{
    size_t at = s->i, w = s->i;
    while (w < s->n && is_word((unsigned char)s->t[w])) w++;
    size_t len = w - at;
    const char *p = s->t + at;
    if ((len == 3 && (strncmp(p, "NaN", 3) == 0 || strncmp(p, "nan", 3) == 0)) ||
        (len >= 3 && strncmp(p, "Inf", 3) == 0) || (len >= 3 && strncmp(p, "inf", 3) == 0))
        return fail(s, at, JSONLOC_SYNTAX, "NaN and Infinity are not numbers in JSON; write a "
                    "number such as 4");
    if ((len == 4 && (strncmp(p, "True", 4) == 0 || strncmp(p, "TRUE", 4) == 0 ||
                      strncmp(p, "None", 4) == 0 || strncmp(p, "Null", 4) == 0 ||
                      strncmp(p, "NULL", 4) == 0)) ||
        (len == 5 && (strncmp(p, "False", 5) == 0 || strncmp(p, "FALSE", 5) == 0)))
        return fail(s, at, JSONLOC_SYNTAX, "write true, false and null in lower case");
    return fail(s, at, JSONLOC_SYNTAX, "%s must be in double quotes", what);
}

static bool scan_value(scan *s, size_t key);

static bool unexpected(scan *s, const char *expected)
{
    unsigned char c = (unsigned char)s->t[s->i];
    char b[16];
    if (c == '/') return fail(s, s->i, JSONLOC_SYNTAX, "comments are not allowed in JSON");
    if (c == '\'')
        return fail(s, s->i, JSONLOC_SYNTAX, "text must be in double quotes (\"), not single quotes");
    return fail(s, s->i, JSONLOC_SYNTAX, "expected %s, found %s", expected, show(c, b));
}

static bool starts_value(unsigned char c)
{
    return c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') ||
           c == 't' || c == 'f' || c == 'n';
}

static bool never_closed(scan *s, size_t open)
{
    return fail(s, open, JSONLOC_SYNTAX, "this '%c' is never closed (the file ends first)",
                s->t[open]);
}

static bool scan_container(scan *s)
{
    size_t open = s->i;
    bool obj = s->t[s->i] == '{';
    char close = obj ? '}' : ']';
    s->i++;
    skip_ws(s);
    if (s->i < s->n && s->t[s->i] == close) {
        s->i++;
        return true;
    }
    for (;;) {
        skip_ws(s);
        if (s->i >= s->n) return never_closed(s, open);
        size_t key = JSONLOC_NONE;
        if (obj) {
            unsigned char c = (unsigned char)s->t[s->i];
            if (c != '"') {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
                    return unquoted(s, "a field name");
                return unexpected(s, "a field name in double quotes");
            }
            key = s->i;
            if (!scan_string(s)) return false;
            skip_ws(s);
            if (s->i >= s->n) return never_closed(s, open);
            if (s->t[s->i] == '=') return fail(s, s->i, JSONLOC_SYNTAX, "use ':' after a field name, not '='");
            if (s->t[s->i] != ':') return unexpected(s, "':' after the field name");
            s->i++;
            skip_ws(s);
            if (s->i >= s->n) return never_closed(s, open);
        }
        if (!scan_value(s, key)) return false;
        skip_ws(s);
        if (s->i >= s->n) return never_closed(s, open);
        char c = s->t[s->i];
        if (c == close) {
            s->i++;
            return true;
        }
        if (c == ',') {
            size_t comma = s->i++;
            skip_ws(s);
            if (s->i < s->n && (s->t[s->i] == '}' || s->t[s->i] == ']'))
                return fail(s, comma, JSONLOC_SYNTAX, "remove this comma: JSON allows no comma "
                            "before '%c'", s->t[s->i]);
            continue;
        }
        if (starts_value((unsigned char)c))
            return fail(s, s->i, JSONLOC_SYNTAX, "a comma is missing before this");
        if ((c == '}' || c == ']') && c != close)
            return fail(s, s->i, JSONLOC_SYNTAX, "this '%c' does not match the '%c' at the start "
                        "(expected '%c')", c, s->t[open], close);
        char b[40];
        snprintf(b, sizeof b, "',' or '%c'", close);
        return unexpected(s, b);
    }
}

static bool scan_value(scan *s, size_t key)
{
    unsigned char c = (unsigned char)s->t[s->i];
    if (!record(s->jl, s->i, key)) return nomem(s);
    switch (c) {
    case '{':
    case '[':
        if (s->depth >= s->max_depth)
            return fail(s, s->i, JSONLOC_TOO_DEEP, "nested too deeply");
        s->depth++;
        bool ok = scan_container(s);
        s->depth--;
        return ok;
    case '"':
        return scan_string(s);
    case ',':
        return fail(s, s->i, JSONLOC_SYNTAX, "a value is missing before this comma");
    case '}':
    case ']':
        return fail(s, s->i, JSONLOC_SYNTAX, "a value is missing before this '%c'", c);
    default:
        break;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return scan_number(s);
    if (c == '.') return fail(s, s->i, JSONLOC_SYNTAX, "a number must start with a digit (write 0.5, not .5)");
    if (c == '+') return fail(s, s->i, JSONLOC_SYNTAX, "a number must not start with '+' (write 4, not +4)");
    static const char *const lit[] = {"true", "false", "null"};
    for (int k = 0; k < 3; k++) {
        size_t l = strlen(lit[k]);
        if (s->n - s->i >= l && memcmp(s->t + s->i, lit[k], l) == 0 &&
            (s->i + l == s->n || !is_word((unsigned char)s->t[s->i + l]))) {
            s->i += l;
            return true;
        }
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return unquoted(s, "text");
    return unexpected(s, "a value");
}

static bool build_lines(jsonloc *jl);

jsonloc_status jsonloc_scan(jsonloc *jl, const char *text, size_t len, int max_depth)
{
    memset(jl, 0, sizeof *jl);
    jl->text = text;
    jl->len = len;
    jl->err_off = JSONLOC_NONE;
    if (max_depth < 1) max_depth = 1;
    if (max_depth > 64) max_depth = 64;   /* bounds the recursion */
    scan s = {.jl = jl, .t = text, .n = len, .max_depth = max_depth, .st = JSONLOC_OK};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) s.i = 3;  /* cJSON skips it too */
    jl->start = s.i;
    skip_ws(&s);
    if (s.i >= s.n) {
        fail(&s, jl->start, JSONLOC_SYNTAX, "the file is empty");
        return s.st;
    }
    if (!scan_value(&s, JSONLOC_NONE)) return s.st;
    skip_ws(&s);
    if (s.i < s.n) {
        if (s.t[s.i] == '/') fail(&s, s.i, JSONLOC_SYNTAX, "comments are not allowed in JSON");
        else fail(&s, s.i, JSONLOC_SYNTAX, "unexpected text after the end of the JSON document");
    }
    /* Built now, so that running out of memory later cannot lose a position quietly. */
    if (s.st == JSONLOC_OK && !build_lines(jl)) s.st = JSONLOC_NOMEM;
    return s.st;
}

/* Pre-order walk, the order the scanner recorded values in. The record index goes
 * into valueint, which the loader never reads (numbers are read from valuedouble). */
static bool number_nodes(cJSON *n, size_t *idx, size_t max)
{
    for (; n; n = n->next) {
        if (*idx >= max) return false;
        n->valueint = (int)(*idx)++;
        if (!number_nodes(n->child, idx, max)) return false;
    }
    return true;
}

bool jsonloc_bind(jsonloc *jl, cJSON *root)
{
    jl->bound = false;
    if (!root || root->next || jl->nval > (size_t)INT32_MAX) return false;
    size_t idx = 0;
    if (!number_nodes(root, &idx, jl->nval) || idx != jl->nval) return false;
    jl->bound = true;
    return true;
}

static size_t index_of(const jsonloc *jl, const cJSON *node)
{
    if (!jl->bound || !node || node->valueint < 0 || (size_t)node->valueint >= jl->nval)
        return JSONLOC_NONE;
    return (size_t)node->valueint;
}

size_t jsonloc_value_off(const jsonloc *jl, const cJSON *node)
{
    size_t i = index_of(jl, node);
    return i == JSONLOC_NONE ? JSONLOC_NONE : jl->val_off[i];
}

size_t jsonloc_key_off(const jsonloc *jl, const cJSON *node)
{
    size_t i = index_of(jl, node);
    if (i == JSONLOC_NONE) return JSONLOC_NONE;
    return jl->key_off[i] != JSONLOC_NONE ? jl->key_off[i] : jl->val_off[i];
}

/* ---- the arena behind cJSON ------------------------------------------------ */

struct jsonloc_chunk {
    struct jsonloc_chunk *next;
    size_t used, cap;
};

#define ALIGN ((size_t)alignof(max_align_t))
#define CHUNK_HEAD ((sizeof(struct jsonloc_chunk) + ALIGN - 1) & ~(ALIGN - 1))
#define FIRST_CHUNK ((size_t)64 * 1024)
#define MAX_CHUNK ((size_t)4 * 1024 * 1024)

static _Thread_local jsonloc *parsing;  /* the jsonloc whose arena cJSON fills */
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static void *arena_alloc(size_t n)
{
    jsonloc *jl = parsing;
    if (!jl) return malloc(n);
    if (n > SIZE_MAX / 2) return NULL;
    n = (n + ALIGN - 1) & ~(ALIGN - 1);
    struct jsonloc_chunk *c = jl->arena;
    if (!c || c->cap - c->used < n) {
        size_t cap = jl->next_chunk;
        if (!cap) {  /* a tree takes a few times its text; small files, small chunks */
            cap = jl->len < FIRST_CHUNK / 4 ? jl->len * 4 : FIRST_CHUNK;
            if (cap < 4096) cap = 4096;
        }
        if (cap < n) cap = n;
        jl->next_chunk = cap * 2 > MAX_CHUNK ? MAX_CHUNK : cap * 2;
        c = malloc(CHUNK_HEAD + cap);
        if (!c) {
            jl->nomem = true;
            return NULL;
        }
        c->next = jl->arena;
        c->used = 0;
        c->cap = cap;
        jl->arena = c;
    }
    void *p = (char *)c + CHUNK_HEAD + c->used;
    c->used += n;
    return p;
}

static void arena_free(void *p)
{
    if (!parsing) free(p);  /* inside a parse, memory goes back with the arena */
}

static void install_hooks(void)
{
    cJSON_Hooks h = {arena_alloc, arena_free};
    cJSON_InitHooks(&h);
}

/* ---- building the tree from scanned text ------------------------------------
 * The scan has already checked the text against the grammar, so a second, simpler
 * pass can build the same tree cJSON_Parse would (same types, strings, numbers, next
 * and prev links, the head's prev at the tail), numbering the nodes as it goes:
 * cJSON's own parse and the walk of jsonloc_bind are saved. A text with a number
 * longer than 63 characters is left to cJSON itself (versions of cJSON differ on
 * those: some cut them and fail), so the result is always cJSON's. */

typedef struct build {
    jsonloc *jl;
    const char *t;
    size_t n, i, idx;  /* n: the text's length; it need not end in a 0 byte */
    bool give_up;   /* leave this text to cJSON */
} build;

static void build_ws(build *b)
{
    const char *t = b->t;
    size_t i = b->i;
    while (i < b->n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) i++;
    b->i = i;
}

static size_t put_utf8(unsigned long cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The string at t[i] (its opening quote), unescaped into the arena. */
static char *build_string(build *b)
{
    const char *t = b->t;
    size_t from = b->i + 1, i = from;
    while (t[i] != '"' && t[i] != '\\') i++;
    if (t[i] == '"') {  /* the common case: nothing to unescape */
        char *out = arena_alloc(i - from + 1);
        if (!out) return NULL;
        memcpy(out, t + from, i - from);
        out[i - from] = 0;
        b->i = i + 1;
        return out;
    }
    while (t[i] != '"') i += t[i] == '\\' ? 2 : 1;  /* escapes never shrink to nothing */
    char *out = arena_alloc(i - from + 1);            /* unescaped is never longer */
    if (!out) return NULL;
    char *o = out;
    for (size_t k = from; k < i;) {
        if (t[k] != '\\') {
            const char *q = memchr(t + k, '\\', i - k);
            size_t l = q ? (size_t)(q - (t + k)) : i - k;
            memcpy(o, t + k, l);
            o += l;
            k += l;
            continue;
        }
        char e = t[k + 1];
        k += 2;
        switch (e) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned long cp = hex4(t + k);
            k += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {  /* the scan checked the second half */
                cp = 0x10000 + (((cp & 0x3FF) << 10) | (hex4(t + k + 2) & 0x3FF));
                k += 6;
            }
            o += put_utf8(cp, o);
            break;
        }
        default: *o++ = e; break;  /* " \ / */
        }
    }
    *o = 0;
    b->i = i + 1;
    return out;
}

static cJSON *build_value(build *b, int depth);

static cJSON *build_container(build *b, cJSON *n, int depth)
{
    bool obj = b->t[b->i] == '{';
    char close = obj ? '}' : ']';
    n->type = obj ? cJSON_Object : cJSON_Array;
    b->i++;
    build_ws(b);
    cJSON *tail = NULL;
    while (b->t[b->i] != close) {
        char *key = NULL;
        if (obj) {
            if (!(key = build_string(b))) return NULL;
            build_ws(b);
            b->i++;  /* ':' */
            build_ws(b);
        }
        cJSON *v = build_value(b, depth + 1);
        if (!v) return NULL;
        v->string = key;
        if (tail) {
            tail->next = v;
            v->prev = tail;
        } else {
            n->child = v;
        }
        tail = v;
        build_ws(b);
        if (b->t[b->i] == ',') {
            b->i++;
            build_ws(b);
        }
    }
    b->i++;
    if (n->child) n->child->prev = tail;
    return n;
}

static cJSON *build_value(build *b, int depth)
{
    if (depth > 64) return NULL;  /* the scan allows less; bounds the recursion anyway */
    cJSON *n = arena_alloc(sizeof *n);
    if (!n) return NULL;
    memset(n, 0, sizeof *n);
    n->valueint = (int)b->idx++;
    const char *t = b->t;
    switch (t[b->i]) {
    case '{':
    case '[':
        return build_container(b, n, depth);
    case '"':
        n->type = cJSON_String;
        return (n->valuestring = build_string(b)) ? n : NULL;
    case 't':
        n->type = cJSON_True;
        b->i += 4;
        return n;
    case 'f':
        n->type = cJSON_False;
        b->i += 5;
        return n;
    case 'n':
        n->type = cJSON_NULL;
        b->i += 4;
        return n;
    default:
        break;
    }
    /* A number, read as cJSON reads it: '.' becomes the locale's decimal point. */
    char num[64];
    size_t l = 0;
    char point = localeconv()->decimal_point[0];
    for (; b->i + l < b->n; l++) {
        char c = t[b->i + l];
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
            break;
        if (l == sizeof num - 1) {  /* too long for num: cJSON decides */
            b->give_up = true;
            return NULL;
        }
        num[l] = c == '.' ? point : c;
    }
    num[l] = 0;
    n->type = cJSON_Number;
    n->valuedouble = strtod(num, NULL);
    b->i += l;
    return n;
}

cJSON *jsonloc_parse(jsonloc *jl, const char **end)
{
    pthread_once(&hooks_once, install_hooks);
    parsing = jl;
    cJSON *root = NULL;
    if (jl->nval > 0 && jl->nval <= (size_t)INT32_MAX && jl->err_off == JSONLOC_NONE) {
        build b = {.jl = jl, .t = jl->text, .n = jl->len, .i = jl->start};
        build_ws(&b);
        root = build_value(&b, 1);
        if (root && b.idx == jl->nval) {
            parsing = NULL;
            if (end) *end = jl->text + b.i;
            jl->bound = true;
            return root;
        }
        root = NULL;  /* its memory goes with the arena */
        if (jl->nomem) {  /* out of memory is an error, not a reason to try another way */
            parsing = NULL;
            if (end) *end = NULL;
            return NULL;
        }
    }
    root = cJSON_ParseWithLengthOpts(jl->text, jl->len, end, false);
    parsing = NULL;
    if (root) jsonloc_bind(jl, root);
    return root;
}

static bool build_lines(jsonloc *jl)
{
    /* memchr looks at many bytes at a time: a big pack.json is megabytes long */
    const char *t = jl->text, *end = t + jl->len, *q;
    size_t n = 1;
    for (const char *p = t; p < end && (q = memchr(p, '\n', (size_t)(end - p))); p = q + 1) n++;
    jl->line_start = malloc(n * sizeof *jl->line_start);
    if (!jl->line_start) return false;
    jl->nline = 0;
    jl->line_start[jl->nline++] = 0;
    for (const char *p = t; p < end && (q = memchr(p, '\n', (size_t)(end - p))); p = q + 1)
        jl->line_start[jl->nline++] = (size_t)(q - t) + 1;
    return true;
}

jsonloc_pos jsonloc_at(jsonloc *jl, size_t off)
{
    jsonloc_pos p = {0, 0};
    if (off == JSONLOC_NONE) return p;
    if (off > jl->len) off = jl->len;
    if (!jl->line_start && off < 4096) {  /* one look near the top: no index needed */
        size_t from = 0;
        int line = 1;
        for (size_t i = 0; i < off; i++)
            if (jl->text[i] == '\n') {
                line++;
                from = i + 1;
            }
        if (line == 1 && off >= jl->start) from = jl->start;
        int col = 1;
        for (size_t i = from; i < off; i++)
            if (((unsigned char)jl->text[i] & 0xC0) != 0x80) col++;
        p.line = line;
        p.col = col;
        return p;
    }
    if (!jl->line_start && !build_lines(jl)) return p;
    size_t lo = 0, hi = jl->nline;  /* last line whose start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (jl->line_start[mid] <= off) lo = mid;
        else hi = mid;
    }
    int col = 1;
    size_t from = jl->line_start[lo];
    if (lo == 0 && off >= jl->start) from = jl->start;  /* the BOM is invisible */
    for (size_t i = from; i < off; i++)
        if (((unsigned char)jl->text[i] & 0xC0) != 0x80) col++;
    p.line = (int)(lo + 1);
    p.col = col;
    return p;
}

void jsonloc_free(jsonloc *jl)
{
    free(jl->val_off);
    free(jl->key_off);
    free(jl->line_start);
    while (jl->arena) {
        struct jsonloc_chunk *next = jl->arena->next;
        free(jl->arena);
        jl->arena = next;
    }
    memset(jl, 0, sizeof *jl);
}
