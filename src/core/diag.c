/* diag: the list of located diagnostics (see diag.h). */
#include "core/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MSG_CAP 768

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

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

void pack_diags_add(pack_diags *d, pack_severity sev, const char *file, int line, int col, const char *path,
                    const char *msg)
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
    g->file = dup(file ? file : "");
    g->path = dup(path ? path : "");
    g->msg = dup(msg);
    if (!g->file || !g->path || !g->msg) {
        free(g->file);
        free(g->path);
        free(g->msg);
        return;
    }
    d->n++;
}

void pack_diags_addf(pack_diags *d, pack_severity sev, const char *file, int line, int col, const char *path,
                     const char *fmt, ...)
{
    char msg[MSG_CAP];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pack_diags_add(d, sev, file, line, col, path, msg);
}
