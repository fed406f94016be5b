/* What an export says on screen keeps its paths and the system's English words left to
 * right inside an Arabic sentence (wrapped in U+2066 ... U+2069, which are not drawn;
 * the system's English reason, "cannot write /x/y: Not a directory", as a whole), while
 * the trace's `export` path and `export_failed` reason stay plain text, as
 * docs/automation.md gives them: the saved file where the person chose it, in the
 * documents folder, and no folder that could be used.
 *
 * Needs GROUNDWORK_DATA_DIR=<build>/data (the Arabic catalogue). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app.h"
#include "app/app_export.h"
#include "core/i18n.h"
#include "test_env.h"

#define LRI "\u2066"
#define PDI "\u2069"

static char tmp[PATH_MAX];

/* The last line of the trace file naming event, into out. */
static bool last_event(const char *trace_path, const char *event, char *out, size_t n)
{
    FILE *f = fopen(trace_path, "r");
    assert_non_null(f);
    char line[16384], want[96];
    snprintf(want, sizeof want, "\"event\": \"%s\"", event);
    bool found = false;
    while (fgets(line, sizeof line, f))
        if (strstr(line, want)) {
            snprintf(out, n, "%s", line);
            found = true;
        }
    fclose(f);
    return found;
}

/* One export in Arabic with the portal as given; msg gets what the screen says. */
static bool export_ar(portal_result pr, const char *chosen, char *msg, size_t n, const char *trace_path)
{
    trace *tr = trace_open(trace_path);
    assert_non_null(tr);
    pack_set packs = { 0 };
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "ar", .packs = &packs, .wall_fixed = true,
                       .tr = tr };
    assert_true(app_init(&a, &cfg));
    export_req r;
    app_export_prepare(&a, EXPORT_CSV, 0, &r);
    bool ok = app_export_finish(&a, &r, pr, chosen, "no bus", msg, n);
    app_free(&a);
    trace_close(tr);
    return ok;
}

static void paths_isolated_on_screen_only(void **st)
{
    (void)st;
    char docs[PATH_MAX + 8], msg[8192], line[16384], want[PATH_MAX + 128], trace_path[PATH_MAX + 16];
    snprintf(docs, sizeof docs, "%s/docs", tmp);
    assert_int_equal(mkdir(docs, 0700), 0);
    snprintf(trace_path, sizeof trace_path, "%s/trace", tmp);
    setenv("HOME", tmp, 1);
    setenv("XDG_DOCUMENTS_DIR", docs, 1);

    /* the documents folder: the path in its isolate, the trace's path plain */
    assert_true(export_ar(PORTAL_UNAVAILABLE, "", msg, sizeof msg, trace_path));
    snprintf(want, sizeof want, LRI "%s/groundwork-log-2026-01-01.csv" PDI, docs);
    if (!strstr(msg, want))
        fail_msg("the screen says \"%s\", without \"%s\"", msg, want);
    assert_true(last_event(trace_path, "export", line, sizeof line));
    snprintf(want, sizeof want, "\"path\": \"%s/groundwork-log-2026-01-01.csv\"", docs);
    if (!strstr(line, want) || strstr(line, LRI))
        fail_msg("the trace says %s", line);

    /* where the person chose */
    char chosen[PATH_MAX + 32];
    snprintf(chosen, sizeof chosen, "%s/mine.csv", docs);
    assert_true(export_ar(PORTAL_CHOSEN, chosen, msg, sizeof msg, trace_path));
    snprintf(want, sizeof want, LRI "%s" PDI, chosen);
    if (!strstr(msg, want))
        fail_msg("the screen says \"%s\", without \"%s\"", msg, want);
    assert_true(last_event(trace_path, "export", line, sizeof line));
    assert_null(strstr(line, LRI));

    /* no folder that can be used: the missing folder isolated on screen; the reason
     * traced is the screen's words without the marks */
    char gone[PATH_MAX + 32];
    snprintf(gone, sizeof gone, "%s/gone", tmp);
    setenv("XDG_DOCUMENTS_DIR", gone, 1);
    setenv("HOME", "", 1);
    assert_false(export_ar(PORTAL_UNAVAILABLE, "", msg, sizeof msg, trace_path));
    snprintf(want, sizeof want, LRI "%s" PDI, gone);
    if (!strstr(msg, want))
        fail_msg("the screen says \"%s\", without \"%s\"", msg, want);
    assert_true(last_event(trace_path, "export_failed", line, sizeof line));
    assert_null(strstr(line, LRI));
    assert_non_null(strstr(line, gone));

    /* the home folder cannot be written either: the system's English reason is kept
     * left to right as a whole ("cannot write /x/y: Not a directory") */
    setenv("HOME", "/dev/null/nohome", 1);
    assert_false(export_ar(PORTAL_UNAVAILABLE, "", msg, sizeof msg, trace_path));
    if (!strstr(msg, LRI "cannot write /dev/null/nohome/") || !strstr(msg, "directory" PDI))
        fail_msg("the screen says \"%s\", without the English reason in an isolate", msg);
    assert_true(last_event(trace_path, "export_failed", line, sizeof line));
    assert_null(strstr(line, LRI));
    assert_non_null(strstr(line, "cannot write /dev/null/nohome/"));
}

static int setup(void **st)
{
    (void)st;
    if (!test_env_locale("test_export_bidi"))
        return -1;
    snprintf(tmp, sizeof tmp, "%s/gw-export-bidi-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp))
        return -1;
    char d[PATH_MAX + 16];
    snprintf(d, sizeof d, "%s/data", tmp);
    setenv("XDG_DATA_HOME", d, 1);
    snprintf(d, sizeof d, "%s/config", tmp);
    setenv("XDG_CONFIG_HOME", d, 1);
    snprintf(d, sizeof d, "%s/state", tmp);
    setenv("XDG_STATE_HOME", d, 1);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(paths_isolated_on_screen_only) };
    return cmocka_run_group_tests(tests, setup, teardown);
}
