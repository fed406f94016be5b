#include "core/plog.h"
#include "core/afile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct plog {
    sqlite3 *db;
    char path[PATH_MAX];
};

/* Forward migrations: MIGRATION[v] takes a file from version v to v + 1. */
static const char *const MIGRATION[PLOG_SCHEMA_VERSION] = {
    "CREATE TABLE sessions ("
    " id INTEGER PRIMARY KEY,"
    " exercise TEXT NOT NULL,"
    " start_utc TEXT NOT NULL,"
    " end_utc TEXT,"
    " completed INTEGER NOT NULL DEFAULT 0,"
    " rating_before INTEGER CHECK (rating_before BETWEEN 0 AND 10),"
    " rating_after INTEGER CHECK (rating_after BETWEEN 0 AND 10),"
    " adjustments TEXT);",
    "ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';",
};

static void say(char *err, size_t n, const char *fmt, const char *a, const char *b)
{
    if (err && n)
        snprintf(err, n, fmt, a, b);
}

/* Turns an SQLite failure into a sentence for the person. Called before anything else
 * runs on the connection: its message is the failure's own (after a ROLLBACK it would
 * be that statement's, "not an error"); where it is not, SQLite's text for rc. */
static void db_error(plog *p, int rc, const char *doing, char *err, size_t n)
{
    int base = rc & 0xff;
    if (rc == SQLITE_CANTOPEN_SYMLINK)
        say(err, n, "The practice log %s is a symbolic link, which is not followed, so %s failed.", p->path, doing);
    else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        say(err, n, "The practice log is in use by another program, so %s failed (%s stayed locked).", doing,
            p->path);
    else if (base == SQLITE_FULL)
        say(err, n, "The disk is full, so %s failed. Everything saved before is kept (%s).", doing, p->path);
    else if (base == SQLITE_READONLY || base == SQLITE_PERM || base == SQLITE_CANTOPEN)
        say(err, n, "The practice log cannot be written, so %s failed: the disk or folder is read-only (%s).",
            doing, p->path);
    else {
        char what[PATH_MAX + 256];
        bool own = p->db && (sqlite3_extended_errcode(p->db) & 0xff) == base;
        snprintf(what, sizeof what, "%s: %s", p->path, own ? sqlite3_errmsg(p->db) : sqlite3_errstr(rc));
        say(err, n, "The practice log had a problem, so %s failed (%s).", doing, what);
    }
}

static int exec(plog *p, const char *sql) { return sqlite3_exec(p->db, sql, NULL, NULL, NULL); }

static int user_version(plog *p)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(p->db, "PRAGMA user_version;", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

static int migrate(plog *p, char *err, size_t n)
{
    int v = user_version(p);
    if (v < 0) {
        db_error(p, sqlite3_errcode(p->db), "reading its format", err, n);
        return SQLITE_ERROR;
    }
    if (v > PLOG_SCHEMA_VERSION) {
        say(err, n, "The practice log %s was written by a newer Groundwork (%s); it was left as it is.", p->path,
            "schema too new");
        return SQLITE_MISMATCH;
    }
    for (; v < PLOG_SCHEMA_VERSION; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", v + 1);
        int rc = exec(p, "BEGIN IMMEDIATE;");
        int now = rc == SQLITE_OK ? user_version(p) : v;
        if (now < 0) /* could not be read (out of memory): an error, not another process */
            rc = sqlite3_errcode(p->db) != SQLITE_OK ? sqlite3_errcode(p->db) : SQLITE_ERROR;
        else if (now != v) { /* another process migrated meanwhile */
            exec(p, "ROLLBACK;");
            return migrate(p, err, n);
        }
        if (rc == SQLITE_OK)
            rc = exec(p, MIGRATION[v]);
        if (rc == SQLITE_OK)
            rc = exec(p, bump);
        if (rc == SQLITE_OK)
            rc = exec(p, "COMMIT;");
        if (rc != SQLITE_OK) {
            db_error(p, rc, "updating its format", err, n);
            exec(p, "ROLLBACK;");
            return rc;
        }
    }
    return SQLITE_OK;
}

/* Durability (see the header): a rollback journal (one file beside the log only while
 * a write is in progress) and synchronous=EXTRA, the journal's folder flushed after
 * each commit. Checked, not assumed: an SQLite that refuses (out of memory) must not
 * leave the log less safe than it says. */
static int set_durable(plog *p)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(p->db, "PRAGMA journal_mode = DELETE;", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        const unsigned char *mode = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
        if (rc == SQLITE_ROW)
            rc = mode && !sqlite3_stricmp((const char *)mode, "delete") ? SQLITE_OK
                 : mode                                                  ? SQLITE_ERROR
                                                                          : SQLITE_NOMEM;
        else if (rc == SQLITE_DONE)
            rc = SQLITE_ERROR;
        sqlite3_finalize(st);
    }
    if (rc == SQLITE_OK)
        rc = exec(p, "PRAGMA synchronous = EXTRA;");
    return rc;
}

plog *plog_open(const char *path, char *err, size_t errn)
{
    if (!path || !*path || strlen(path) >= PATH_MAX) {
        say(err, errn, "%s%s", "The practice log has no usable path.", "");
        return NULL;
    }
    plog *p = calloc(1, sizeof *p);
    if (!p) {
        say(err, errn, "%s%s", "Out of memory opening the practice log.", "");
        return NULL;
    }
    snprintf(p->path, sizeof p->path, "%s", path);
    if (!afile_make_parent(path, AFILE_PRIVATE)) {
        say(err, errn, "The folder for the practice log cannot be created (%s): %s.", path, strerror(errno));
        free(p);
        return NULL;
    }
    /* create the file ourselves so that it is private from the first byte, and flush
     * its folder so that a new log does not vanish in a power cut */
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
        close(fd);
        afile_sync_parent(path);
    }
    int rc = sqlite3_open_v2(path, &p->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc != SQLITE_OK) {
        db_error(p, p->db ? sqlite3_extended_errcode(p->db) : rc, "opening it", err, errn);
        plog_close(p);
        return NULL;
    }
    sqlite3_busy_timeout(p->db, PLOG_BUSY_MS);
    rc = set_durable(p);
    if (rc != SQLITE_OK) {
        db_error(p, rc, "opening it", err, errn);
        plog_close(p);
        return NULL;
    }
    if (migrate(p, err, errn) != SQLITE_OK) {
        plog_close(p);
        return NULL;
    }
    return p;
}

void plog_close(plog *p)
{
    if (!p)
        return;
    sqlite3_close(p->db);
    free(p);
}

int plog_schema_version(plog *p) { return p ? user_version(p) : -1; }

bool plog_integrity_ok(plog *p)
{
    sqlite3_stmt *st;
    bool ok = false;
    if (p && sqlite3_prepare_v2(p->db, "PRAGMA integrity_check;", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *r = sqlite3_column_text(st, 0);
            ok = r && !strcmp((const char *)r, "ok");
        }
        sqlite3_finalize(st);
    }
    return ok;
}

bool plog_limit_pages(plog *p, int pages)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d;", pages);
    return p && exec(p, sql) == SQLITE_OK;
}

typedef struct arg {
    char type; /* t text (NULL: null), i int (PLOG_NONE: null), I int64 */
    const char *s;
    int64_t i;
} arg;

/* Runs one statement with arguments in its own transaction. */
static bool write1(plog *p, const char *sql, const arg *args, int nargs, const char *doing, int64_t *rowid,
                   char *err, size_t errn)
{
    if (!p) {
        say(err, errn, "The practice log is not open, so %s failed.%s", doing, "");
        return false;
    }
    sqlite3_stmt *st = NULL;
    int rc = exec(p, "BEGIN IMMEDIATE;");
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(p->db, sql, -1, &st, NULL);
    for (int i = 0; rc == SQLITE_OK && i < nargs; i++) {
        const arg *a = &args[i];
        if (a->type == 't')
            rc = a->s ? sqlite3_bind_text(st, i + 1, a->s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i + 1);
        else if (a->type == 'i' && a->i == PLOG_NONE)
            rc = sqlite3_bind_null(st, i + 1);
        else
            rc = sqlite3_bind_int64(st, i + 1, a->i);
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK && rowid)
        *rowid = sqlite3_last_insert_rowid(p->db);
    if (rc == SQLITE_OK)
        rc = exec(p, "COMMIT;");
    if (rc != SQLITE_OK) {
        db_error(p, rc, doing, err, errn);
        exec(p, "ROLLBACK;");
        return false;
    }
    return true;
}

static bool rating_ok(int r) { return r == PLOG_NONE || (r >= 0 && r <= 10); }

int64_t plog_begin(plog *p, const char *exercise, const char *start_utc, int before, char *err, size_t errn)
{
    if (!exercise || !start_utc || !rating_ok(before)) {
        say(err, errn, "%s%s", "A practice-log entry was missing its exercise or time, or had a rating outside 0-10.", "");
        return -1;
    }
    arg a[] = { { 't', exercise, 0 }, { 't', start_utc, 0 }, { 'i', NULL, before } };
    int64_t id = -1;
    if (!write1(p, "INSERT INTO sessions (exercise, start_utc, rating_before) VALUES (?, ?, ?);", a, 3,
                "saving the start of this session", &id, err, errn))
        return -1;
    return id;
}

bool plog_finish(plog *p, int64_t id, const char *end_utc, bool completed, const char *adjustments_json,
                 char *err, size_t errn)
{
    arg a[] = { { 't', end_utc, 0 }, { 'I', NULL, completed }, { 't', adjustments_json, 0 }, { 'I', NULL, id } };
    return write1(p, "UPDATE sessions SET end_utc = ?, completed = ?, adjustments = ? WHERE id = ?;", a, 4,
                  "saving the end of this session", NULL, err, errn);
}

bool plog_set_after(plog *p, int64_t id, int after, char *err, size_t errn)
{
    if (!rating_ok(after)) {
        say(err, errn, "%s%s", "A rating must be 0 to 10.", "");
        return false;
    }
    arg a[] = { { 'i', NULL, after }, { 'I', NULL, id } };
    return write1(p, "UPDATE sessions SET rating_after = ? WHERE id = ?;", a, 2, "saving your check-in", NULL, err,
                  errn);
}

bool plog_add_note(plog *p, int64_t id, const char *note, char *err, size_t errn)
{
    if (!note)
        return true;
    arg a[] = { { 't', note, 0 }, { 't', note, 0 }, { 'I', NULL, id } };
    return write1(p,
                  "UPDATE sessions SET notes = CASE WHEN notes = '' THEN ? ELSE notes || char(10) || ? END "
                  "WHERE id = ?;",
                  a, 3, "saving your note", NULL, err, errn);
}

bool plog_save(plog *p, plog_session *s, char *err, size_t errn)
{
    if (!s->exercise[0] || !s->start[0] || !rating_ok(s->before) || !rating_ok(s->after)) {
        say(err, errn, "%s%s", "A practice-log entry was missing its exercise or time, or had a rating outside 0-10.", "");
        return false;
    }
    arg a[] = { { s->id > 0 ? 'I' : 't', NULL, s->id },
                { 't', s->exercise, 0 },
                { 't', s->start, 0 },
                { 't', s->end[0] ? s->end : NULL, 0 },
                { 'I', NULL, s->completed },
                { 'i', NULL, s->before },
                { 'i', NULL, s->after },
                { 't', s->adjustments && s->adjustments[0] ? s->adjustments : NULL, 0 },
                { 't', s->notes ? s->notes : "", 0 } };
    int64_t id = -1;
    if (!write1(p,
                "INSERT OR REPLACE INTO sessions (id, exercise, start_utc, end_utc, completed, rating_before, "
                "rating_after, adjustments, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);",
                a, 9, s->id > 0 ? "saving this session" : "saving the start of this session", &id, err, errn))
        return false;
    if (s->id <= 0)
        s->id = id;
    return true;
}

/* The beats' table: made when beats are first kept, so that a log without any keeps
 * its schema as it was. */
#define BEATS_TABLE "CREATE TABLE IF NOT EXISTS beats (session INTEGER PRIMARY KEY, rr_ms TEXT NOT NULL);"

static bool has_beats(plog *p)
{
    sqlite3_stmt *st;
    bool has = false;
    if (sqlite3_prepare_v2(p->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'beats';", -1, &st,
                           NULL) == SQLITE_OK) {
        has = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    return has;
}

bool plog_delete_all(plog *p, char *err, size_t errn)
{
    if (!p || !has_beats(p))
        return write1(p, "DELETE FROM sessions;", NULL, 0, "deleting the practice log", NULL, err, errn);
    /* the sessions and their beats together, or neither */
    int rc = exec(p, "BEGIN IMMEDIATE;");
    if (rc == SQLITE_OK)
        rc = exec(p, "DELETE FROM beats;");
    if (rc == SQLITE_OK)
        rc = exec(p, "DELETE FROM sessions;");
    if (rc == SQLITE_OK)
        rc = exec(p, "COMMIT;");
    if (rc != SQLITE_OK) {
        db_error(p, rc, "deleting the practice log", err, errn);
        exec(p, "ROLLBACK;");
        return false;
    }
    return true;
}

bool plog_set_beats(plog *p, int64_t id, const char *rr_lines, char *err, size_t errn)
{
    if (!p)
        return write1(p, "", NULL, 0, "saving this session's heart beats", NULL, err, errn);
    if (!rr_lines || !*rr_lines) {
        if (!has_beats(p))
            return true;
        arg a[] = { { 'I', NULL, id } };
        return write1(p, "DELETE FROM beats WHERE session = ?;", a, 1, "deleting this session's heart beats", NULL, err,
                      errn);
    }
    int rc = exec(p, BEATS_TABLE);
    if (rc != SQLITE_OK) {
        db_error(p, rc, "saving this session's heart beats", err, errn);
        return false;
    }
    arg a[] = { { 'I', NULL, id }, { 't', rr_lines, 0 } };
    return write1(p, "INSERT OR REPLACE INTO beats (session, rr_ms) VALUES (?, ?);", a, 2,
                  "saving this session's heart beats", NULL, err, errn);
}

char *plog_beats(plog *p, int64_t id, char *err, size_t errn)
{
    say(err, errn, "%s%s", "", "");
    if (!p) {
        say(err, errn, "%s%s", "The practice log is not open.", "");
        return NULL;
    }
    if (!has_beats(p))
        return NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(p->db, "SELECT rr_ms FROM beats WHERE session = ?;", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 1, id);
    char *out = NULL;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const unsigned char *t = sqlite3_column_text(st, 0);
            out = strdup(t ? (const char *)t : "");
            rc = out ? SQLITE_DONE : SQLITE_NOMEM;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(out);
        db_error(p, rc, "reading this session's heart beats", err, errn);
        return NULL;
    }
    return out;
}

bool plog_attach_beats(plog *p, plog_session *s, int n, char *err, size_t errn)
{
    for (int i = 0; i < n; i++) {
        free(s[i].rr_ms);
        s[i].rr_ms = plog_beats(p, s[i].id, err, errn);
        if (!s[i].rr_ms && err[0])
            return false;
    }
    return true;
}

static char *dup_col(sqlite3_stmt *st, int c)
{
    const unsigned char *t = sqlite3_column_text(st, c);
    return strdup(t ? (const char *)t : "");
}

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int c)
{
    const unsigned char *t = sqlite3_column_text(st, c);
    snprintf(dst, n, "%s", t ? (const char *)t : "");
}

int plog_list(plog *p, plog_session **out, char *err, size_t errn)
{
    *out = NULL;
    if (!p) {
        say(err, errn, "%s%s", "The practice log is not open.", "");
        return -1;
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(p->db,
                                "SELECT id, exercise, start_utc, end_utc, completed, rating_before, rating_after, "
                                "adjustments, notes FROM sessions ORDER BY start_utc, id;",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        db_error(p, rc, "reading it", err, errn);
        return -1;
    }
    int n = 0, cap = 0;
    plog_session *s = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            int nc = cap ? cap * 2 : 32;
            plog_session *ns = realloc(s, (size_t)nc * sizeof *s);
            if (!ns) {
                rc = SQLITE_NOMEM;
                break;
            }
            s = ns;
            cap = nc;
        }
        plog_session *r = &s[n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        copy_col(r->exercise, sizeof r->exercise, st, 1);
        copy_col(r->start, sizeof r->start, st, 2);
        copy_col(r->end, sizeof r->end, st, 3);
        r->completed = sqlite3_column_int(st, 4) != 0;
        r->before = sqlite3_column_type(st, 5) == SQLITE_NULL ? PLOG_NONE : sqlite3_column_int(st, 5);
        r->after = sqlite3_column_type(st, 6) == SQLITE_NULL ? PLOG_NONE : sqlite3_column_int(st, 6);
        r->adjustments = dup_col(st, 7);
        r->notes = dup_col(st, 8);
        if (!r->adjustments || !r->notes) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        plog_sessions_free(s, n);
        db_error(p, rc, "reading it", err, errn);
        return -1;
    }
    *out = s;
    return n;
}

void plog_sessions_free(plog_session *s, int n)
{
    for (int i = 0; s && i < n; i++) {
        free(s[i].adjustments);
        free(s[i].notes);
        free(s[i].rr_ms);
    }
    free(s);
}

/* ---- export ---- */

static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void csv_rating(FILE *f, int r)
{
    if (r != PLOG_NONE)
        fprintf(f, "%d", r);
}

void plog_write_csv(FILE *f, const plog_session *s, int n)
{
    fputs("id,exercise,start,end,completed,before,after,adjustments,notes\n", f);
    for (int i = 0; i < n; i++) {
        fprintf(f, "%lld,", (long long)s[i].id);
        csv_field(f, s[i].exercise);
        fputc(',', f);
        csv_field(f, s[i].start);
        fputc(',', f);
        csv_field(f, s[i].end);
        fprintf(f, ",%d,", s[i].completed ? 1 : 0);
        csv_rating(f, s[i].before);
        fputc(',', f);
        csv_rating(f, s[i].after);
        fputc(',', f);
        csv_field(f, s[i].adjustments);
        fputc(',', f);
        csv_field(f, s[i].notes);
        fputc('\n', f);
    }
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(f, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", f);
        else if (*c < 0x20)
            fprintf(f, "\\u%04x", *c);
        else
            fputc(*c, f);
    }
    fputc('"', f);
}

static void json_rating(FILE *f, int r)
{
    if (r == PLOG_NONE)
        fputs("null", f);
    else
        fprintf(f, "%d", r);
}

/* ", \"rr_ms\": [812.5, 790]": the stored intervals, one a line, as JSON numbers (a
 * line that is not a finite number, which the log never holds, is left out rather than
 * breaking the export). */
static void json_rr(FILE *f, const char *lines)
{
    fputs(", \"rr_ms\": [", f);
    int k = 0;
    for (const char *c = lines; *c;) {
        char *end;
        double v = strtod(c, &end);
        /* (strtod would skip a blank line's newline and read the next line's number) */
        bool blank = *c == '\n' || *c == '\r' || *c == ' ' || *c == '\t';
        if (!blank && end != c && isfinite(v) && (*end == '\n' || *end == '\r' || !*end))
            fprintf(f, "%s%.10g", k++ ? ", " : "", v);
        c = strchr(c, '\n');
        if (!c)
            break;
        c++;
    }
    fputs("]", f);
}

void plog_write_json(FILE *f, const plog_session *s, int n)
{
    fputs("[", f);
    for (int i = 0; i < n; i++) {
        fprintf(f, "%s\n  {\"id\": %lld, \"exercise\": ", i ? "," : "", (long long)s[i].id);
        json_str(f, s[i].exercise);
        fputs(", \"start\": ", f);
        json_str(f, s[i].start);
        fputs(", \"end\": ", f);
        if (s[i].end[0])
            json_str(f, s[i].end);
        else
            fputs("null", f);
        fprintf(f, ", \"completed\": %s, \"before\": ", s[i].completed ? "true" : "false");
        json_rating(f, s[i].before);
        fputs(", \"after\": ", f);
        json_rating(f, s[i].after);
        /* adjustments are stored as JSON text; exported as a string so that a damaged
         * value cannot break the export */
        fputs(", \"adjustments\": ", f);
        json_str(f, s[i].adjustments);
        fputs(", \"notes\": ", f);
        json_str(f, s[i].notes);
        if (s[i].rr_ms)
            json_rr(f, s[i].rr_ms);
        fputs("}", f);
    }
    fputs(n ? "\n]\n" : "]\n", f);
}

/* ---- dates and summaries ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t plog_day_of(const char *iso, int64_t *secs)
{
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 3 || mo < 1 || mo > 12 ||
        d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
        return INT32_MIN;
    int32_t day = days_from_civil(y, mo, d);
    if (secs)
        *secs = (int64_t)day * 86400 + h * 3600 + mi * 60 + s;
    return day;
}

void plog_format_utc(char *buf, size_t n, int64_t secs)
{
    int64_t z = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    int64_t sod = secs - z * 86400;
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    snprintf(buf, n, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", (long long)y, (long long)m, (long long)d,
             (long long)(sod / 3600), (long long)(sod / 60 % 60), (long long)(sod % 60));
}

/* Monday on or before day (1970-01-01 was a Thursday). */
static int32_t monday_of(int32_t day)
{
    int32_t wd = ((day % 7) + 7 + 3) % 7; /* 0 = Monday */
    return day - wd;
}

void plog_summarise(const plog_session *s, int n, int32_t today, plog_summary *out)
{
    memset(out, 0, sizeof *out);
    int32_t first = monday_of(today) - 7 * (PLOG_WEEKS - 1);
    double bsum[PLOG_WEEKS] = { 0 }, asum[PLOG_WEEKS] = { 0 };
    int bn[PLOG_WEEKS] = { 0 }, an[PLOG_WEEKS] = { 0 };
    uint8_t seen[PLOG_WEEKS * 7] = { 0 };
    for (int w = 0; w < PLOG_WEEKS; w++)
        out->week[w].first_day = first + 7 * w;
    int32_t last_day = INT32_MIN;
    for (int i = 0; i < n; i++) {
        int64_t t0, t1;
        int32_t day = plog_day_of(s[i].start, &t0);
        if (day == INT32_MIN)
            continue;
        double mins = 0;
        if (plog_day_of(s[i].end, &t1) != INT32_MIN && t1 > t0)
            mins = (double)(t1 - t0) / 60.0;
        out->total_sessions++;
        out->total_minutes += mins;
        if (day != last_day) /* sessions are oldest first: count each day once */
            out->total_days++;
        last_day = day;
        int off = day - first;
        if (off < 0 || off >= PLOG_WEEKS * 7)
            continue;
        plog_week *w = &out->week[off / 7];
        w->sessions++;
        w->minutes += mins;
        if (!seen[off]) {
            seen[off] = 1;
            w->days++;
        }
        if (s[i].before != PLOG_NONE) {
            bsum[off / 7] += s[i].before;
            bn[off / 7]++;
        }
        if (s[i].after != PLOG_NONE) {
            asum[off / 7] += s[i].after;
            an[off / 7]++;
        }
    }
    for (int w = 0; w < PLOG_WEEKS; w++) {
        out->week[w].before_avg = bn[w] ? bsum[w] / bn[w] : -1;
        out->week[w].after_avg = an[w] ? asum[w] / an[w] : -1;
    }
}
