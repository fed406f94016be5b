/* `groundwork log`: the practice log from the command line.
 *   log export [--csv|--json] [--force] [FILE]   every session, CSV (default) or JSON,
 *                                                to FILE or stdout
 *   log summary [--days N] [--end DATE] [--force] FILE
 *                                      the one-page PDF for a therapist (app/report.h)
 *                                      of the N days (7 by default) ending DATE (today)
 *   log delete --all --yes             deletes every session (refused without --yes)
 *   log beats ID [--force] [FILE]      a session's heart beats as an RR recording
 *                                      (`rr_ms`, one interval a line: --hr-replay's)
 * FILE is private (0600) and whole: the export goes to a new temporary file in FILE's
 * folder (O_EXCL|O_NOFOLLOW), flushed, then renamed into place, so a full disk leaves
 * no half file. An existing FILE (or a symbolic link there, never followed) is only
 * replaced with --force.
 * Columns and exit statuses are in docs/automation.md. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/report.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"
#include "core/xfile.h"

int cmd_log(int argc, char **argv);

static const char LOG_USAGE[] =
    "Usage: groundwork log export [--csv|--json] [--force] [FILE]\n"
    "       groundwork log summary [--days N] [--end YYYY-MM-DD] [--force] FILE\n"
    "       groundwork log delete --all --yes\n"
    "       groundwork log beats SESSION-ID [--force] [FILE]\n";

static int log_usage(const char *msg, const char *arg)
{
    fputs("groundwork: ", stderr);
    fprintf(stderr, msg, arg);
    fputs("\n", stderr);
    fputs(LOG_USAGE, stderr);
    return 2;
}

static bool log_path(char *buf, size_t n)
{
    const char *dir = paths_user_data_dir();
    return dir && paths_join(buf, n, dir, "practice.sqlite");
}

typedef struct export_ctx {
    bool json;
    const plog_session *s;
    int n;
} export_ctx;

static bool write_rows(FILE *f, void *ctx)
{
    const export_ctx *x = ctx;
    if (x->json)
        plog_write_json(f, x->s, x->n);
    else
        plog_write_csv(f, x->s, x->n);
    return !ferror(f);
}

static int write_export(bool json, const char *file, bool force, const plog_session *s, int n)
{
    char err[PATH_MAX + 200];
    export_ctx x = { json, s, n };
    xfile_status st = xfile_write(file, force, write_rows, &x, err, sizeof err);
    if (st == XFILE_EXISTS)
        fprintf(stderr, "groundwork: %s (give --force to replace it)\n", err);
    else if (st != XFILE_OK)
        fprintf(stderr, "groundwork: %s\n", err);
    return st == XFILE_OK ? 0 : 1;
}

static int export(bool json, const char *file, bool force)
{
    char path[PATH_MAX], err[PATH_MAX + 300];
    if (!log_path(path, sizeof path)) {
        fputs("groundwork: there is no folder for the practice log (set HOME or XDG_DATA_HOME)\n", stderr);
        return 1;
    }
    plog_session *s = NULL;
    int n = 0;
    struct stat st;
    if (stat(path, &st) == 0) { /* no log yet: an empty export, and no file is made */
        plog *p = plog_open(path, err, sizeof err);
        n = p ? plog_list(p, &s, err, sizeof err) : -1;
        if (n >= 0 && json && !plog_attach_beats(p, s, n, err, sizeof err)) { /* JSON: the beats too */
            plog_sessions_free(s, n);
            s = NULL;
            n = -1;
        }
        plog_close(p);
        if (n < 0) {
            fprintf(stderr, "groundwork: %s\n", err);
            return 1;
        }
    }
    if (file) {
        int rc = write_export(json, file, force, s, n);
        plog_sessions_free(s, n);
        return rc;
    }
    if (json)
        plog_write_json(stdout, s, n);
    else
        plog_write_csv(stdout, s, n);
    plog_sessions_free(s, n);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "groundwork: writing the export (standard output) failed: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}

/* Every session, or none when there is no log yet; -1 with a message on stderr. */
static int read_all(plog_session **s)
{
    char path[PATH_MAX], err[PATH_MAX + 300];
    *s = NULL;
    if (!log_path(path, sizeof path)) {
        fputs("groundwork: there is no folder for the practice log (set HOME or XDG_DATA_HOME)\n", stderr);
        return -1;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    plog *p = plog_open(path, err, sizeof err);
    int n = p ? plog_list(p, s, err, sizeof err) : -1;
    plog_close(p);
    if (n < 0)
        fprintf(stderr, "groundwork: %s\n", err);
    return n;
}

static int summary(int days, const char *end, const char *file, bool force)
{
    char iso[32], err[PATH_MAX + 300];
    plog_format_utc(iso, sizeof iso, (int64_t)time(NULL));
    int32_t today = plog_day_of(iso, NULL);
    if (end) {
        char e[32];
        snprintf(e, sizeof e, "%.10sT12:00:00Z", end);
        today = strlen(end) == 10 ? plog_day_of(e, NULL) : INT32_MIN;
        if (today == INT32_MIN)
            return log_usage("--end takes a date such as 2026-12-06, not \"%s\"", end);
    }
    plog_session *s = NULL;
    int n = read_all(&s);
    if (n < 0)
        return 1;
    char lang[16];
    i18n_lang_from_env(lang, sizeof lang);
    pack_set packs = { 0 };
    run_load_content(&packs, NULL);
    report_input in = { s, n, today, days, &packs, lang, iso };
    xfile_status st = xfile_write(file, force, report_writer, &in, err, sizeof err);
    if (st == XFILE_EXISTS)
        fprintf(stderr, "groundwork: %s (give --force to replace it)\n", err);
    else if (st != XFILE_OK)
        fprintf(stderr, "groundwork: %s\n", err);
    else
        fprintf(stderr, "groundwork: the summary of %d sessions in the last %d days is in %s\n", report_count(&in),
                days, file);
    pack_set_free(&packs);
    plog_sessions_free(s, n);
    return st == XFILE_OK ? 0 : 1;
}

static int delete_all(bool all, bool yes)
{
    if (!all || !yes)
        return log_usage("%s", "log delete removes every session from your practice log and cannot be undone; "
                               "to confirm, give both --all and --yes");
    char path[PATH_MAX], err[PATH_MAX + 300];
    struct stat st;
    if (!log_path(path, sizeof path) || stat(path, &st) != 0) {
        puts("The practice log is already empty.");
        return 0;
    }
    plog *p = plog_open(path, err, sizeof err);
    if (!p || !plog_delete_all(p, err, sizeof err)) {
        fprintf(stderr, "groundwork: %s\n", err);
        plog_close(p);
        return 1;
    }
    plog_close(p);
    puts("Deleted every session from the practice log.");
    return 0;
}

static bool write_beats(FILE *f, void *ctx)
{
    fputs("rr_ms\n", f);
    fputs(ctx, f);
    return !ferror(f);
}

/* A session's heart beats as the recording --hr-replay takes: to FILE (as exports are
 * written) or standard output. */
static int beats(const char *idtext, const char *file, bool force)
{
    char *rest;
    long long id = strtoll(idtext, &rest, 10);
    if (*rest || id <= 0)
        return log_usage("log beats takes a session's id (a number, \"id\" in log export), not \"%s\"", idtext);
    char path[PATH_MAX], err[PATH_MAX + 300] = "";
    struct stat st;
    char *rr = NULL;
    if (log_path(path, sizeof path) && stat(path, &st) == 0) {
        plog *p = plog_open(path, err, sizeof err);
        rr = p ? plog_beats(p, id, err, sizeof err) : NULL;
        plog_close(p);
    }
    if (!rr) {
        if (err[0])
            fprintf(stderr, "groundwork: %s\n", err);
        else
            fprintf(stderr, "groundwork: session %s has no heart beats kept (only breathing exercises with a "
                            "heart-rate sensor keep them, at home)\n", idtext);
        return 1;
    }
    int rc = 0;
    if (file) {
        xfile_status xs = xfile_write(file, force, write_beats, rr, err, sizeof err);
        if (xs == XFILE_EXISTS)
            fprintf(stderr, "groundwork: %s (give --force to replace it)\n", err);
        else if (xs != XFILE_OK)
            fprintf(stderr, "groundwork: %s\n", err);
        rc = xs == XFILE_OK ? 0 : 1;
    } else if (!write_beats(stdout, rr) || fflush(stdout) != 0) {
        fprintf(stderr, "groundwork: writing the beats (standard output) failed: %s\n", strerror(errno));
        rc = 1;
    }
    free(rr);
    return rc;
}

/* argv[0] is "log" (main.c removed the program name). */
int cmd_log(int argc, char **argv)
{
    if (argc < 2)
        return log_usage("%s", "log needs export, summary or delete");
    const char *verb = argv[1];
    if (!strcmp(verb, "export")) {
        bool json = false, fmt = false, force = false;
        const char *file = NULL;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--force"))
                force = true;
            else if (!strcmp(argv[i], "--csv") || !strcmp(argv[i], "--json")) {
                if (fmt)
                    return log_usage("%s", "give --csv or --json, once");
                fmt = true;
                json = argv[i][2] == 'j';
            } else if (argv[i][0] == '-' && argv[i][1])
                return log_usage("unknown option \"%s\" for log export", argv[i]);
            else if (file)
                return log_usage("unexpected argument \"%s\": log export writes one file", argv[i]);
            else
                file = argv[i];
        }
        return export(json, file && strcmp(file, "-") ? file : NULL, force);
    }
    if (!strcmp(verb, "summary")) {
        int days = 7;
        bool force = false;
        const char *file = NULL, *end = NULL;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--force"))
                force = true;
            else if (!strcmp(argv[i], "--days") || !strcmp(argv[i], "--end")) {
                if (i + 1 >= argc)
                    return log_usage("%s needs a value", argv[i]);
                if (argv[i][2] == 'e') {
                    end = argv[++i];
                    continue;
                }
                char *rest;
                long v = strtol(argv[++i], &rest, 10);
                if (*rest || v < 1 || v > 366)
                    return log_usage("--days takes a number of days from 1 to 366, not \"%s\"", argv[i]);
                days = (int)v;
            } else if (argv[i][0] == '-' && argv[i][1])
                return log_usage("unknown option \"%s\" for log summary", argv[i]);
            else if (file)
                return log_usage("unexpected argument \"%s\": log summary writes one file", argv[i]);
            else
                file = argv[i];
        }
        if (!file || !strcmp(file, "-"))
            return log_usage("%s", "log summary needs the FILE to write the PDF to");
        return summary(days, end, file, force);
    }
    if (!strcmp(verb, "delete")) {
        bool all = false, yes = false;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--all"))
                all = true;
            else if (!strcmp(argv[i], "--yes"))
                yes = true;
            else
                return log_usage("unknown argument \"%s\" for log delete", argv[i]);
        }
        return delete_all(all, yes);
    }
    if (!strcmp(verb, "beats")) {
        bool force = false;
        const char *id = NULL, *file = NULL;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--force"))
                force = true;
            else if (argv[i][0] == '-' && argv[i][1])
                return log_usage("unknown option \"%s\" for log beats", argv[i]);
            else if (!id)
                id = argv[i];
            else if (file)
                return log_usage("unexpected argument \"%s\": log beats writes one file", argv[i]);
            else
                file = argv[i];
        }
        if (!id)
            return log_usage("%s", "log beats needs the session's id (\"id\" in log export)");
        return beats(id, file && strcmp(file, "-") ? file : NULL, force);
    }
    if (!strcmp(verb, "--help")) {
        fputs(LOG_USAGE, stdout);
        return 0;
    }
    return log_usage("unknown log command \"%s\" (export, summary or delete)", verb);
}
