#include "core/trace.h"

#include <stdlib.h>

struct trace {
    FILE *f;
    bool  owned;
};

trace *trace_open(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return NULL;
    trace *tr = trace_from_file(f);
    if (!tr) {
        fclose(f);
        return NULL;
    }
    tr->owned = true;
    return tr;
}

trace *trace_from_file(FILE *f)
{
    trace *tr = calloc(1, sizeof *tr);
    if (tr)
        tr->f = f;
    return tr;
}

void trace_close(trace *tr)
{
    if (!tr)
        return;
    if (tr->owned)
        fclose(tr->f);
    else
        fflush(tr->f);
    free(tr);
}

static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void trace_begin(trace *tr, gw_ns t, const char *event)
{
    if (!tr)
        return;
    fprintf(tr->f, "{\"t\": %.6f, \"event\": ", gw_seconds(t));
    put_string(tr->f, event);
}

void trace_str(trace *tr, const char *key, const char *val)
{
    if (!tr)
        return;
    fputs(", ", tr->f);
    put_string(tr->f, key);
    fputs(": ", tr->f);
    put_string(tr->f, val ? val : "");
}

void trace_int(trace *tr, const char *key, long long val)
{
    if (!tr)
        return;
    fputs(", ", tr->f);
    put_string(tr->f, key);
    fprintf(tr->f, ": %lld", val);
}

void trace_num(trace *tr, const char *key, double val)
{
    if (!tr)
        return;
    fputs(", ", tr->f);
    put_string(tr->f, key);
    fprintf(tr->f, ": %.6g", val);
}

void trace_bool(trace *tr, const char *key, bool val)
{
    if (!tr)
        return;
    fputs(", ", tr->f);
    put_string(tr->f, key);
    fputs(val ? ": true" : ": false", tr->f);
}

void trace_null(trace *tr, const char *key)
{
    if (!tr)
        return;
    fputs(", ", tr->f);
    put_string(tr->f, key);
    fputs(": null", tr->f);
}

void trace_end(trace *tr)
{
    if (!tr)
        return;
    fputs("}\n", tr->f);
    fflush(tr->f);
}
