/* plog: the private practice log, one SQLite file (normally
 * $XDG_DATA_HOME/groundwork/practice.sqlite, mode 0600 in a 0700 folder, never opened
 * through a symbolic link). One row per session: exercise id, start and end (wall-clock
 * UTC, ISO 8601, passed in by the caller: the core reads no clock), completed, the
 * self-check ratings before and after (0-10, or none), the person's adjustments (JSON
 * text) and notes (text); and, in a table beside it, a session's heart beats.
 * Every write is one transaction (rollback journal, synchronous=EXTRA), so a failed
 * write (full or read-only disk) leaves everything saved before it intact, and a write
 * that returned success survives the program being killed and a power cut (EXTRA also
 * flushes the folder after the journal is deleted, which is what makes the commit
 * durable in this journal mode; WAL with synchronous=NORMAL would survive a kill but
 * not a power cut). tests/crash kills a writer hundreds of times to check it. The
 * schema version lives in PRAGMA user_version and older files are migrated forward on
 * open.
 * Errors: functions taking err/errn fill it with one sentence for the person.
 * Ownership: plog_open returns a log the caller closes with plog_close; plog_list fills
 * an array the caller frees with plog_sessions_free. */
#ifndef GW_PLOG_H
#define GW_PLOG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PLOG_SCHEMA_VERSION 2
#define PLOG_NONE (-1) /* no rating */
/* How long a write waits for another program holding the file (short: a locked log
 * fails soon and is tried again, rather than freezing the screen). */
#define PLOG_BUSY_MS 250

typedef struct plog plog;

typedef struct plog_session {
    int64_t id;
    char exercise[64];
    char start[32], end[32];   /* ISO 8601 UTC ("2026-01-01T09:00:00Z"); end "" if none */
    bool completed;
    int before, after;         /* 0-10 or PLOG_NONE */
    char *adjustments;         /* JSON text, "" if none; owned by the array */
    char *notes;               /* text, "" if none; owned by the array */
    char *rr_ms;               /* its heart beats (plog_beats' text) once plog_attach_beats
                                * has read them, NULL for none; owned by the array */
} plog_session;

/* Opens (creating if needed) the log at path; creates the folder (0700) if missing.
 * NULL on failure with err filled. */
plog *plog_open(const char *path, char *err, size_t errn);
void plog_close(plog *p);
/* The schema version of the open file (PLOG_SCHEMA_VERSION after a successful open). */
int plog_schema_version(plog *p);
/* PRAGMA integrity_check: true if "ok". */
bool plog_integrity_ok(plog *p);

/* Starts a session row; returns its id (> 0), or -1 with err filled. */
int64_t plog_begin(plog *p, const char *exercise, const char *start_utc, int before,
                   char *err, size_t errn);
/* Records the end of a session (end time, completed, adjustments JSON or NULL). */
bool plog_finish(plog *p, int64_t id, const char *end_utc, bool completed,
                 const char *adjustments_json, char *err, size_t errn);
/* Records the after rating (0-10 or PLOG_NONE). */
bool plog_set_after(plog *p, int64_t id, int after, char *err, size_t errn);
/* Appends a note (a line) to the session's notes. */
bool plog_add_note(plog *p, int64_t id, const char *note, char *err, size_t errn);
/* Writes the whole session in one transaction: s->id <= 0 makes a new row and puts its
 * id in s->id; otherwise that row is replaced (and made again if it was deleted), so a
 * session kept in memory after a failed write is saved whole by the next one.
 * adjustments and notes may be NULL (none); s is not freed. */
bool plog_save(plog *p, plog_session *s, char *err, size_t errn);

/* A session's heart beats (home, an exercise with a heart-rate source): the RR
 * intervals as they came, in ms, one a line ("812.5\n790\n..."), the body of an
 * `rr_ms` recording (core/rrcsv.h). Kept in a table of their own, made when beats are
 * first kept (a log without any is left as it was, its schema version unchanged), and
 * deleted with the sessions by plog_delete_all. plog_set_beats replaces those of
 * session id ("" or NULL: deletes them). plog_beats returns them (the caller frees), or
 * NULL: none kept (err ""), or the log could not be read (err filled). */
bool plog_set_beats(plog *p, int64_t id, const char *rr_lines, char *err, size_t errn);
char *plog_beats(plog *p, int64_t id, char *err, size_t errn);
/* Reads each session's beats into its rr_ms (for the JSON export). False with err
 * filled when the log cannot be read (the sessions keep what was read). */
bool plog_attach_beats(plog *p, plog_session *s, int n, char *err, size_t errn);

/* All sessions, oldest first. Returns the count (>= 0), or -1 with err filled. */
int plog_list(plog *p, plog_session **out, char *err, size_t errn);
void plog_sessions_free(plog_session *s, int n);
/* Deletes every session, and their beats, in one transaction. */
bool plog_delete_all(plog *p, char *err, size_t errn);

/* Exports: CSV with a header row (columns in docs/automation.md), or a JSON array. */
void plog_write_csv(FILE *f, const plog_session *s, int n);
/* JSON: an array of objects with the CSV's keys, and "rr_ms" (an array of the
 * intervals in ms, in order) for a session whose beats were attached. */
void plog_write_json(FILE *f, const plog_session *s, int n);

/* For tests: caps the file at this many pages (simulates a full disk). */
bool plog_limit_pages(plog *p, int pages);

/* ---- summaries for the progress screen (pure, no database) ---- */

/* Days since 1970-01-01 of an ISO 8601 UTC time, or INT32_MIN if it is not one;
 * *secs (may be NULL) gets the seconds since the epoch. */
int32_t plog_day_of(const char *iso, int64_t *secs);
/* Formats seconds since the epoch as ISO 8601 UTC into buf (at least 21 bytes). */
void plog_format_utc(char *buf, size_t n, int64_t secs);

#define PLOG_WEEKS 8
typedef struct plog_week {
    int32_t first_day;         /* Monday, days since the epoch */
    double minutes;            /* practised (start to end) */
    int days;                  /* distinct days with a session */
    double before_avg, after_avg; /* average rating, or -1 with none */
    int sessions;
} plog_week;

typedef struct plog_summary {
    plog_week week[PLOG_WEEKS]; /* oldest first; the last is the week containing today */
    int total_sessions, total_days;
    double total_minutes;
} plog_summary;

/* Summarises sessions into the PLOG_WEEKS weeks ending with today (days since epoch). */
void plog_summarise(const plog_session *s, int n, int32_t today, plog_summary *out);

#endif
