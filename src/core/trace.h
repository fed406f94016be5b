/* trace: the JSON Lines record of a run, {"t": SECONDS, "event": NAME, ...}, with t in
 * virtual (or program) time. Outside checks rely on the event names: extend, never
 * rename. A NULL trace accepts every call and writes nothing.
 * Ownership: trace_open returns a trace the caller closes with trace_close. */
#ifndef GW_TRACE_H
#define GW_TRACE_H
#include <stdbool.h>
#include <stdio.h>
#include "core/gwtime.h"

typedef struct trace trace;

trace *trace_open(const char *path);          /* NULL on failure (errno set) */
trace *trace_from_file(FILE *f);              /* writes to f; does not close it */
void   trace_close(trace *tr);

void trace_begin(trace *tr, gw_ns t, const char *event);
void trace_str(trace *tr, const char *key, const char *val);
void trace_int(trace *tr, const char *key, long long val);
void trace_num(trace *tr, const char *key, double val);
void trace_bool(trace *tr, const char *key, bool val);
void trace_null(trace *tr, const char *key);
void trace_end(trace *tr);                     /* finishes the line and flushes */

#endif
