/* plog: a session's heart beats, kept beside the sessions: saved, replaced and read
 * back; a log without any has no table for them and keeps its schema; Delete all takes
 * them with the sessions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/plog.h"

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/gw-beats-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static int tables(const char *path, const char *name)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = ?;", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

static void beats_round_trip_and_go_with_delete_all(void **st)
{
    (void)st;
    char path[300], err[512] = "x";
    snprintf(path, sizeof path, "%s/practice.sqlite", tmpdir);
    plog *p = plog_open(path, err, sizeof err);
    assert_non_null(p);
    int64_t a = plog_begin(p, "resonance-assessment", "2026-12-01T09:00:00Z", PLOG_NONE, err, sizeof err);
    int64_t b = plog_begin(p, "box-breathing", "2026-12-01T10:00:00Z", PLOG_NONE, err, sizeof err);
    assert_true(a > 0 && b > 0);
    /* none yet: no table, NULL without an error; deleting none is fine */
    assert_null(plog_beats(p, a, err, sizeof err));
    assert_string_equal(err, "");
    assert_true(plog_set_beats(p, a, "", err, sizeof err));
    assert_int_equal(tables(path, "beats"), 0);
    assert_true(plog_delete_all(p, err, sizeof err)); /* without the table */
    a = plog_begin(p, "resonance-assessment", "2026-12-01T09:00:00Z", PLOG_NONE, err, sizeof err);
    assert_true(plog_set_beats(p, a, "812.5\n790\n", err, sizeof err));
    assert_true(plog_set_beats(p, a, "800\n791.015625\n", err, sizeof err)); /* replaced */
    char *rr = plog_beats(p, a, err, sizeof err);
    assert_non_null(rr);
    assert_string_equal(rr, "800\n791.015625\n");
    free(rr);
    assert_null(plog_beats(p, a + 100, err, sizeof err));
    assert_string_equal(err, "");
    assert_int_equal(plog_schema_version(p), PLOG_SCHEMA_VERSION); /* the sessions' schema as it was */
    assert_true(plog_integrity_ok(p));
    assert_true(plog_delete_all(p, err, sizeof err));
    assert_null(plog_beats(p, a, err, sizeof err));
    plog_session *s;
    assert_int_equal(plog_list(p, &s, err, sizeof err), 0);
    plog_sessions_free(s, 0);
    plog_close(p);
    assert_null(plog_beats(NULL, 1, err, sizeof err));
    assert_true(err[0] != 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(beats_round_trip_and_go_with_delete_all),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
