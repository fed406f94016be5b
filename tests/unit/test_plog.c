/* plog: the practice log on a temporary database: sessions round-trip, migrations from
 * a hand-made version 1 file, integrity, file modes, a full disk and a read-only folder
 * lose nothing already saved, exports, the weekly summary; a locked file fails soon and in
 * words, a whole session is saved again after a failed write, and a symbolic link is not
 * followed. */
#define _GNU_SOURCE /* unshare, for the read-only case as root */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/plog.h"

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/gw-plog-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", tmpdir, tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", tmpdir, name); }

static void sessions_round_trip(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    path_in(path, sizeof path, "new/groundwork/practice.sqlite");
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    assert_int_equal(plog_schema_version(p), PLOG_SCHEMA_VERSION);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    char dir[300];
    path_in(dir, sizeof dir, "new/groundwork");
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);

    int64_t a = plog_begin(p, "box-breathing", "2026-01-01T09:00:00Z", 7, err, sizeof err);
    assert_true(a > 0);
    assert_true(plog_finish(p, a, "2026-01-01T09:04:00Z", true, "{\"cycles\":4}", err, sizeof err));
    assert_true(plog_set_after(p, a, 3, err, sizeof err));
    assert_true(plog_add_note(p, a, "felt, \"calmer\"", err, sizeof err));
    assert_true(plog_add_note(p, a, "second", err, sizeof err));
    int64_t b = plog_begin(p, "five-senses", "2026-01-02T10:00:00Z", PLOG_NONE, err, sizeof err);
    assert_true(b > a);
    assert_int_equal(plog_begin(p, "x", "2026-01-02T10:00:00Z", 11, err, sizeof err), -1);
    assert_false(plog_set_after(p, b, -5, err, sizeof err));

    plog_session *s;
    int n = plog_list(p, &s, err, sizeof err);
    assert_int_equal(n, 2);
    assert_string_equal(s[0].exercise, "box-breathing");
    assert_string_equal(s[0].end, "2026-01-01T09:04:00Z");
    assert_true(s[0].completed);
    assert_int_equal(s[0].before, 7);
    assert_int_equal(s[0].after, 3);
    assert_string_equal(s[0].adjustments, "{\"cycles\":4}");
    assert_string_equal(s[0].notes, "felt, \"calmer\"\nsecond");
    assert_string_equal(s[1].end, "");
    assert_false(s[1].completed);
    assert_int_equal(s[1].before, PLOG_NONE);

    char out[2048] = "";
    FILE *f = fmemopen(out, sizeof out, "w");
    plog_write_csv(f, s, n);
    fclose(f);
    assert_string_equal(out, "id,exercise,start,end,completed,before,after,adjustments,notes\n"
                             "1,box-breathing,2026-01-01T09:00:00Z,2026-01-01T09:04:00Z,1,7,3,"
                             "\"{\"\"cycles\"\":4}\",\"felt, \"\"calmer\"\"\nsecond\"\n"
                             "2,five-senses,2026-01-02T10:00:00Z,,0,,,,\n");
    memset(out, 0, sizeof out);
    f = fmemopen(out, sizeof out, "w");
    plog_write_json(f, s, n);
    fclose(f);
    assert_non_null(strstr(out, "\"before\": null, \"after\": null"));
    assert_non_null(strstr(out, "\"notes\": \"felt, \\\"calmer\\\"\\nsecond\""));
    assert_null(strstr(out, "rr_ms")); /* no beats attached: no key */
    /* beats kept for the first session only: the JSON carries them as numbers, in
     * order, a line that is not one left out */
    assert_true(plog_set_beats(p, s[0].id, "812.5\n790\nnot a number\n\n1000", err, sizeof err));
    assert_true(plog_attach_beats(p, s, n, err, sizeof err));
    assert_non_null(s[0].rr_ms);
    assert_null(s[1].rr_ms);
    memset(out, 0, sizeof out);
    f = fmemopen(out, sizeof out, "w");
    plog_write_json(f, s, n);
    fclose(f);
    assert_non_null(strstr(out, "\"notes\": \"felt, \\\"calmer\\\"\\nsecond\", \"rr_ms\": [812.5, 790, 1000]}"));
    assert_null(strstr(strstr(out, "rr_ms") + 1, "rr_ms")); /* once: the second session has none */
    plog_sessions_free(s, n);

    assert_true(plog_integrity_ok(p));
    assert_true(plog_delete_all(p, err, sizeof err));
    assert_int_equal(plog_list(p, &s, err, sizeof err), 0);
    plog_sessions_free(s, 0);
    plog_close(p);
}

/* A version 1 file (before notes existed), made by hand, gains the notes column and
 * keeps its rows. */
static void migrates_from_version_1(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    path_in(path, sizeof path, "v1.sqlite");
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TABLE sessions (id INTEGER PRIMARY KEY, exercise TEXT NOT NULL, "
                                  "start_utc TEXT NOT NULL, end_utc TEXT, completed INTEGER NOT NULL DEFAULT 0, "
                                  "rating_before INTEGER, rating_after INTEGER, adjustments TEXT);"
                                  "INSERT INTO sessions (exercise, start_utc, end_utc, completed, rating_before) "
                                  "VALUES ('box-breathing', '2025-12-30T20:00:00Z', '2025-12-30T20:05:00Z', 1, 6);"
                                  "PRAGMA user_version = 1;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    assert_int_equal(plog_schema_version(p), 2);
    assert_true(plog_integrity_ok(p));
    assert_true(plog_add_note(p, 1, "kept", err, sizeof err));
    plog_session *s;
    assert_int_equal(plog_list(p, &s, err, sizeof err), 1);
    assert_string_equal(s[0].start, "2025-12-30T20:00:00Z");
    assert_int_equal(s[0].before, 6);
    assert_string_equal(s[0].notes, "kept");
    plog_sessions_free(s, 1);
    plog_close(p);

    /* a file from a newer program is refused, not damaged */
    path_in(path, sizeof path, "future.sqlite");
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 99;", NULL, NULL, NULL);
    sqlite3_close(db);
    assert_null(plog_open(path, err, sizeof err));
    assert_non_null(strstr(err, "newer Groundwork"));
}

/* A full disk (the file capped at a few pages): the failing write says so, and every
 * session saved before it is still there. */
static void full_disk_loses_nothing(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    path_in(path, sizeof path, "full.sqlite");
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    assert_true(plog_limit_pages(p, 4));
    char note[900];
    memset(note, 'n', sizeof note - 1);
    note[sizeof note - 1] = 0;
    int saved = 0;
    bool failed = false;
    for (int i = 0; i < 200 && !failed; i++) {
        int64_t id = plog_begin(p, "box-breathing", "2026-01-01T09:00:00Z", i % 11, err, sizeof err);
        if (id < 0 || !plog_add_note(p, id, note, err, sizeof err))
            failed = true;
        else
            saved++;
    }
    assert_true(failed);
    assert_non_null(strstr(err, "disk is full"));
    assert_true(saved > 0);
    plog_close(p);
    p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    assert_true(plog_integrity_ok(p));
    plog_session *s;
    int n = plog_list(p, &s, err, sizeof err);
    assert_true(n >= saved);
    for (int i = 0; i < saved; i++)
        assert_string_equal(s[i].notes, note);
    plog_sessions_free(s, n);
    plog_close(p);
}

/* A read-only folder: opening says so; a read-only file keeps its rows. */
static void read_only_is_reported(void **st)
{
    (void)st;
    char dir[300], path[300], err[512] = "";
    path_in(dir, sizeof dir, "ro");
    assert_int_equal(mkdir(dir, 0700), 0);
    path_in(path, sizeof path, "ro/practice.sqlite");
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    int64_t id = plog_begin(p, "box-breathing", "2026-01-01T09:00:00Z", 5, err, sizeof err);
    assert_true(id > 0);
    plog_close(p);
    chmod(path, 0400);
    chmod(dir, 0500);
    bool mounted = false;
    if (access(path, W_OK) == 0) {
        /* Running as root, whom permissions do not bind: the folder is made read-only by a
         * read-only bind mount in a mount namespace of this process's own, which binds root
         * too. If that cannot be done the case fails: it must never pass without running. */
        if (unshare(CLONE_NEWNS) != 0 || mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
            mount(dir, dir, "none", MS_BIND, NULL) != 0 ||
            mount("none", dir, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
            fail_msg("%s can be written although its mode is 0400 (running as root?) and it cannot "
                     "be made read-only by a bind mount in a private mount namespace (%s): run as an "
                     "ordinary user, or where unshare(CLONE_NEWNS) is allowed",
                     path, strerror(errno));
        mounted = true;
        assert_int_not_equal(access(path, W_OK), 0);
    }
    p = plog_open(path, err, sizeof err);
    if (p) { /* opened read-only data: writing fails with a clear message */
        assert_int_equal(plog_begin(p, "x", "2026-01-01T10:00:00Z", 1, err, sizeof err), -1);
        assert_non_null(strstr(err, "read-only"));
        plog_session *s;
        assert_int_equal(plog_list(p, &s, err, sizeof err), 1);
        plog_sessions_free(s, 1);
        plog_close(p);
    } else
        assert_non_null(strstr(err, "read-only"));
    if (mounted)
        assert_int_equal(umount(dir), 0);
    chmod(dir, 0700);
}

/* A path whose folder cannot exist (a file is in the way) gives a message, no crash. */
static void unusable_folder_is_reported(void **st)
{
    (void)st;
    char file[300], path[300], err[512] = "";
    path_in(file, sizeof file, "afile");
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    path_in(path, sizeof path, "afile/groundwork/practice.sqlite");
    assert_null(plog_open(path, err, sizeof err));
    assert_non_null(strstr(err, "cannot be created"));
    assert_null(plog_open("", err, sizeof err));
    assert_int_equal(plog_begin(NULL, "x", "2026-01-01T00:00:00Z", 1, err, sizeof err), -1);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Another program holding the file: a write waits briefly (PLOG_BUSY_MS, not seconds),
 * then says the log is in use (never SQLite's "not an error"), and works once the other
 * lets go. */
static void locked_log_says_so_soon(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    path_in(path, sizeof path, "locked.sqlite");
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE;", NULL, NULL, NULL), SQLITE_OK);
    double t0 = now_s();
    assert_int_equal(plog_begin(p, "box-breathing", "2026-01-01T09:00:00Z", 5, err, sizeof err), -1);
    double waited = now_s() - t0;
    assert_true(waited < 2.0);
    assert_null(strstr(err, "not an error"));
    assert_non_null(strstr(err, "in use by another program"));
    plog_session *s;
    err[0] = 0;
    assert_int_equal(plog_list(p, &s, err, sizeof err), -1);
    assert_null(strstr(err, "not an error"));
    assert_non_null(strstr(err, "in use"));
    /* opening while it is held: refused as soon, in words */
    t0 = now_s();
    plog *q = plog_open(path, err, sizeof err);
    assert_true(now_s() - t0 < 2.0);
    if (!q)
        assert_non_null(strstr(err, "in use by another program"));
    plog_close(q);
    assert_int_equal(sqlite3_exec(other, "COMMIT;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
    assert_true(plog_begin(p, "box-breathing", "2026-01-01T09:00:00Z", 5, err, sizeof err) > 0);
    plog_close(p);
}

/* A session kept in memory is written whole: a new row, then the same row again with
 * its end, ratings and notes; after a failed write the next one saves all of it. */
static void save_writes_the_whole_session(void **st)
{
    (void)st;
    char path[300], err[512] = "";
    path_in(path, sizeof path, "save.sqlite");
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    plog_session h = { .before = 4, .after = PLOG_NONE };
    snprintf(h.exercise, sizeof h.exercise, "grounding-54321");
    snprintf(h.start, sizeof h.start, "2026-01-01T09:00:00Z");
    assert_true(plog_save(p, &h, err, sizeof err));
    assert_true(h.id > 0);
    int64_t id = h.id;
    char notes[] = "See: a blue cup\nHear: rain, \"soft\"";
    h.notes = notes;
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE;", NULL, NULL, NULL), SQLITE_OK);
    assert_false(plog_save(p, &h, err, sizeof err)); /* kept by the caller, tried again */
    sqlite3_exec(other, "COMMIT;", NULL, NULL, NULL);
    sqlite3_close(other);
    snprintf(h.end, sizeof h.end, "2026-01-01T09:06:00Z");
    h.completed = true;
    h.after = 2;
    assert_true(plog_save(p, &h, err, sizeof err));
    assert_int_equal(h.id, id);
    plog_session *s;
    assert_int_equal(plog_list(p, &s, err, sizeof err), 1);
    assert_int_equal(s[0].id, id);
    assert_string_equal(s[0].notes, notes);
    assert_string_equal(s[0].end, "2026-01-01T09:06:00Z");
    assert_true(s[0].completed);
    assert_int_equal(s[0].before, 4);
    assert_int_equal(s[0].after, 2);
    assert_string_equal(s[0].adjustments, "");
    plog_sessions_free(s, 1);
    h.after = 12;
    assert_false(plog_save(p, &h, err, sizeof err));
    plog_close(p);
}

/* The log is never opened through a symbolic link: the file it points at is untouched. */
static void symlink_is_not_followed(void **st)
{
    (void)st;
    char path[300], target[300], err[512] = "";
    path_in(target, sizeof target, "elsewhere.txt");
    FILE *f = fopen(target, "w");
    assert_non_null(f);
    fputs("not a log", f);
    fclose(f);
    path_in(path, sizeof path, "link.sqlite");
    assert_int_equal(symlink(target, path), 0);
    assert_null(plog_open(path, err, sizeof err));
    assert_non_null(strstr(err, "symbolic link"));
    struct stat sb;
    assert_int_equal(stat(target, &sb), 0);
    assert_int_equal(sb.st_size, 9);
}

static void dates_and_weeks(void **st)
{
    (void)st;
    int64_t secs;
    assert_int_equal(plog_day_of("1970-01-01T00:00:00Z", &secs), 0);
    assert_int_equal(plog_day_of("2026-01-01T09:00:00Z", &secs), 20454);
    assert_true(secs == 20454LL * 86400 + 9 * 3600);
    assert_int_equal(plog_day_of("garbage", NULL), INT32_MIN);
    assert_int_equal(plog_day_of("2026-13-01T00:00:00Z", NULL), INT32_MIN);
    char buf[32];
    plog_format_utc(buf, sizeof buf, secs + 61);
    assert_string_equal(buf, "2026-01-01T09:01:01Z");
    plog_format_utc(buf, sizeof buf, 951782400); /* a leap day */
    assert_string_equal(buf, "2000-02-29T00:00:00Z");

    plog_session s[4] = {
        { .start = "2025-12-01T09:00:00Z", .end = "2025-12-01T09:10:00Z", .before = 8, .after = 4 }, /* too old */
        { .start = "2026-01-05T09:00:00Z", .end = "2026-01-05T09:05:00Z", .before = 6, .after = 2 },
        { .start = "2026-01-05T20:00:00Z", .end = "2026-01-05T20:03:00Z", .before = 4, .after = PLOG_NONE },
        { .start = "2026-01-07T09:00:00Z", .end = "", .before = PLOG_NONE, .after = PLOG_NONE },
    };
    plog_summary sum;
    int32_t today = plog_day_of("2026-01-08T12:00:00Z", NULL); /* a Thursday */
    plog_summarise(s, 4, today, &sum);
    const plog_week *w = &sum.week[PLOG_WEEKS - 1];
    assert_int_equal(w->first_day, plog_day_of("2026-01-05", NULL)); /* Monday */
    assert_int_equal(w->sessions, 3);
    assert_int_equal(w->days, 2);
    assert_true(w->minutes > 7.99 && w->minutes < 8.01);
    assert_true(w->before_avg > 4.99 && w->before_avg < 5.01);
    assert_true(w->after_avg > 1.99 && w->after_avg < 2.01);
    assert_true(sum.week[0].before_avg < 0);
    assert_int_equal(sum.total_sessions, 4);
    assert_int_equal(sum.total_days, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sessions_round_trip),   cmocka_unit_test(migrates_from_version_1),
        cmocka_unit_test(full_disk_loses_nothing), cmocka_unit_test(read_only_is_reported),
        cmocka_unit_test(unusable_folder_is_reported), cmocka_unit_test(dates_and_weeks),
        cmocka_unit_test(locked_log_says_so_soon), cmocka_unit_test(save_writes_the_whole_session),
        cmocka_unit_test(symlink_is_not_followed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
