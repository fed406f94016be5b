#include "core/rrcsv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rfile.h"

void rrcsv_free(rrcsv *c)
{
    free(c->rr_ms);
    c->rr_ms = NULL;
    c->n = 0;
}

/* One line without its end ("\n", "\r\n"), trimmed of spaces and tabs. */
static void trim(const char **s, size_t *len)
{
    while (*len && ((*s)[*len - 1] == '\r' || (*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
}

static bool fail(rrcsv *out, char *why, size_t n, int line, const char *what)
{
    rrcsv_free(out);
    snprintf(why, n, "line %d: %s", line, what);
    return false;
}

bool rrcsv_parse(rrcsv *out, const char *text, size_t len, char *why, size_t n)
{
    memset(out, 0, sizeof *out);
    int line = 0, cap = 0;
    bool header = false;
    for (size_t at = 0; at < len;) {
        const char *s = text + at, *nl = memchr(s, '\n', len - at);
        size_t l = nl ? (size_t)(nl - s) : len - at;
        at += l + (nl ? 1 : 0);
        line++;
        trim(&s, &l);
        if (!l)
            continue;
        if (!header) {
            if (l != 5 || memcmp(s, "rr_ms", 5))
                return fail(out, why, n, line, "the first line must be the header “rr_ms”");
            header = true;
            continue;
        }
        char num[32];
        if (l >= sizeof num)
            return fail(out, why, n, line, "not an interval in milliseconds (a number from 1 to 10000)");
        memcpy(num, s, l);
        num[l] = 0;
        char *end;
        errno = 0;
        double v = strtod(num, &end);
        if (end == num || *end || errno || !isfinite(v) || v < 1 || v > 10000 || strpbrk(num, "xXpPnNiI"))
            return fail(out, why, n, line, "not an interval in milliseconds (a number from 1 to 10000)");
        if (out->n == RRCSV_MAX_BEATS)
            return fail(out, why, n, line, "too many intervals (at most 200000)");
        if (out->n == cap) {
            int nc = cap ? cap * 2 : 1024;
            double *p = realloc(out->rr_ms, sizeof(double) * (size_t)nc);
            if (!p)
                return fail(out, why, n, line, "out of memory");
            out->rr_ms = p;
            cap = nc;
        }
        out->rr_ms[out->n++] = v;
    }
    if (!header)
        return fail(out, why, n, line ? line : 1, "empty: the first line must be the header “rr_ms”");
    if (!out->n)
        return fail(out, why, n, line, "no intervals after the header");
    return true;
}

bool rrcsv_load(rrcsv *out, const char *path, char *why, size_t n)
{
    memset(out, 0, sizeof *out);
    char err[160];
    size_t len;
    char *text = rfile_read(path, RRCSV_MAX_BYTES, &len, err, sizeof err);
    if (!text) {
        snprintf(why, n, "%s %s", path, err);
        return false;
    }
    char msg[200];
    bool ok = rrcsv_parse(out, text, len, msg, sizeof msg);
    free(text);
    if (!ok)
        snprintf(why, n, "%s:%s", path, msg);
    return ok;
}
