/* `groundwork kiosk set-pin|stats [--config FILE]`: the kiosk's administration from a
 * terminal. set-pin reads the PIN from standard input (without echo on a terminal) and
 * writes the settings file atomically with the PIN's salted hash; stats prints the
 * anonymous daily counters, as a table or (--csv, --json) as rows labelled with the
 * kiosk's name, for merging a fleet's counters. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "core/kiosk.h"
#include "core/kstats.h"
#include "core/paths.h"

int cmd_kiosk(int argc, char **argv);
int cmd_kiosk_check(int argc, char **argv); /* cmd_kiosk_check.c */

static const char KUSAGE[] = "Usage: groundwork kiosk set-pin [--config FILE]\n"
                             "       groundwork kiosk stats [--csv|--json] [--config FILE]\n"
                             "       groundwork kiosk check [--config FILE] [--pack DIR]...\n";

/* --config FILE, else /etc/groundwork/kiosk.json if it exists, else the user's. */
static const char *kcmd_config_path(const char *given, char *buf, size_t n)
{
    if (given)
        return given;
    if (access("/etc/groundwork/kiosk.json", F_OK) == 0)
        return "/etc/groundwork/kiosk.json";
    const char *dir = paths_user_config_dir();
    if (!dir || !paths_user_file(buf, n, dir, "kiosk.json"))
        return NULL;
    return buf;
}

/* path quoted for a shell, in single quotes */
static void kcmd_quote(char *out, size_t n, const char *path)
{
    size_t o = 0;
    if (n < 3)
        return;
    out[o++] = '\'';
    for (const char *p = path; *p && o + 6 < n; p++) {
        if (*p == '\'') {
            memcpy(out + o, "'\\''", 4);
            o += 4;
        } else
            out[o++] = *p;
    }
    out[o++] = '\'';
    out[o] = 0;
}

static bool kcmd_read_line(char *buf, size_t n, bool tty, const char *prompt)
{
    struct termios old, quiet;
    if (tty) {
        fputs(prompt, stderr);
        fflush(stderr);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = fgets(buf, (int)n, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputs("\n", stderr);
    }
    if (ok)
        buf[strcspn(buf, "\n")] = 0;
    return ok;
}

static int kcmd_set_pin(const char *path)
{
    kiosk_config c;
    kiosk_errors errs = { 0 };
    if (access(path, F_OK) == 0 && !kiosk_config_load(&c, path, &errs)) {
        for (int i = 0; i < errs.n; i++)
            fprintf(stderr, "groundwork: %s\n", errs.msg[i]);
        fprintf(stderr, "groundwork: fix %s first; the PIN was not set\n", path);
        return 1;
    }
    if (access(path, F_OK) != 0)
        kiosk_config_defaults(&c);
    bool tty = isatty(STDIN_FILENO);
    char pin[64], again[64];
    if (!kcmd_read_line(pin, sizeof pin, tty, "New admin PIN (4 to 12 digits): ")) {
        fputs("groundwork: no PIN given on standard input\n", stderr);
        return 1;
    }
    if (tty && (!kcmd_read_line(again, sizeof again, tty, "The same PIN again: ") || strcmp(pin, again))) {
        fputs("groundwork: the two PINs differ; nothing changed\n", stderr);
        return 1;
    }
    char err[KIOSK_PATH_MAX + 128];
    if (!kiosk_pin_hash(pin, c.pin_hash, err, sizeof err)) {
        fprintf(stderr, "groundwork: %s; nothing changed\n", err);
        return 1;
    }
    memset(pin, 0, sizeof pin);
    memset(again, 0, sizeof again);
    /* the folder, for a first setting */
    char dir[KIOSK_PATH_MAX];
    if (strlen(path) >= sizeof dir) {
        fprintf(stderr, "groundwork: the settings path is too long: %s\n", path);
        return 1;
    }
    memcpy(dir, path, strlen(path) + 1);
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(dir, 0755);
            *p = '/';
        }
    kiosk_saved was;
    if (!kiosk_config_save_keeping(&c, path, &was, err, sizeof err)) {
        fprintf(stderr, "groundwork: %s\n", err);
        return 1;
    }
    printf("The admin PIN is set in %s.\n", path);
    if (was.existed && !was.owner_kept) {
        /* the kiosk's user may no longer be able to read it: say exactly what gives it back */
        char q[2 * KIOSK_PATH_MAX + 8], owner[64], group[64];
        kcmd_quote(q, sizeof q, path);
        struct passwd *pw = getpwuid((uid_t)was.uid);
        struct group *gr = getgrgid((gid_t)was.gid);
        if (pw)
            snprintf(owner, sizeof owner, "%s", pw->pw_name);
        else
            snprintf(owner, sizeof owner, "%u", was.uid);
        if (gr)
            snprintf(group, sizeof group, "%s", gr->gr_name);
        else
            snprintf(group, sizeof group, "%u", was.gid);
        fprintf(stderr, "groundwork: %s now belongs to you, not to %s:%s as before (only root can keep that); "
                "to give it back, run: sudo chown %s:%s %s && sudo chmod %04o %s\n",
                path, owner, group, owner, group, q, was.mode, q);
        return 1;
    }
    return 0;
}

typedef enum { STATS_TABLE, STATS_CSV, STATS_JSON } stats_form;

typedef struct {
    stats_form form;
    const char *kiosk;
    int rows;
} stats_out;

/* s in double quotes, for CSV ("" for ") or JSON (\" and \\; the name has no control
 * characters) */
static void kcmd_put_quoted(const char *s, bool json)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            fputs(json ? "\\\"" : "\"\"", stdout);
        else if (*s == '\\' && json)
            fputs("\\\\", stdout);
        else
            putchar(*s);
    }
    putchar('"');
}

static void kcmd_print_day(void *ctx, const char *day, long started, long completed)
{
    stats_out *o = ctx;
    if (o->form == STATS_TABLE) {
        printf("%-12s %8ld %10ld\n", day, started, completed);
    } else if (o->form == STATS_CSV) {
        kcmd_put_quoted(o->kiosk, false);
        printf(",%s,%ld,%ld\n", day, started, completed);
    } else {
        fputs(o->rows ? ",\n  {\"kiosk\": " : "\n  {\"kiosk\": ", stdout);
        kcmd_put_quoted(o->kiosk, true);
        printf(", \"day\": \"%s\", \"started\": %ld, \"completed\": %ld}", day, started, completed);
    }
    o->rows++;
}

static int kcmd_stats(const char *path, stats_form form)
{
    kiosk_config c;
    kiosk_errors errs = { 0 };
    if (!kiosk_config_load(&c, path, &errs))
        for (int i = 0; i < errs.n; i++)
            fprintf(stderr, "groundwork: %s\n", errs.msg[i]);
    char def[KIOSK_PATH_MAX];
    const char *p = c.stats_path[0] ? c.stats_path : NULL;
    const char *data = paths_user_data_dir();
    if (!p && data && paths_user_file(def, sizeof def, data, "kiosk-stats.sqlite"))
        p = def;
    if (!c.stats)
        fprintf(stderr, "groundwork: the kiosk keeps no counters (\"stats\": false in %s)\n", path);
    /* the kiosk's name, else the host's: a fleet's rows say where they come from */
    char host[KIOSK_NAME_MAX] = "";
    if (!c.name[0] && gethostname(host, sizeof host) != 0)
        snprintf(host, sizeof host, "unknown");
    host[sizeof host - 1] = 0;
    stats_out out = { .form = form, .kiosk = c.name[0] ? c.name : host };
    if (!p || access(p, F_OK) != 0) {
        if (form == STATS_CSV)
            fputs("kiosk,day,started,completed\n", stdout);
        else if (form == STATS_JSON)
            fputs("[]\n", stdout);
        else
            printf("No counters yet%s%s.\n", p ? " in " : "", p ? p : "");
        return 0;
    }
    char err[KIOSK_PATH_MAX + 128];
    kstats *k = kstats_open(p, err, sizeof err);
    if (!k) {
        fprintf(stderr, "groundwork: %s\n", err);
        return 1;
    }
    if (form == STATS_TABLE)
        printf("%-12s %8s %10s\n", "day", "started", "completed");
    else if (form == STATS_CSV)
        fputs("kiosk,day,started,completed\n", stdout);
    else
        fputs("[", stdout);
    int n = kstats_each(k, kcmd_print_day, &out);
    kstats_close(k);
    if (form == STATS_JSON)
        fputs(out.rows ? "\n]\n" : "]\n", stdout);
    if (n < 0) {
        fprintf(stderr, "groundwork: %s: cannot read the counters\n", p);
        return 1;
    }
    return 0;
}

int cmd_kiosk(int argc, char **argv)
{
    /* argv[0] is "kiosk" */
    const char *action = argc > 1 ? argv[1] : NULL;
    if (action && !strcmp(action, "check"))
        return cmd_kiosk_check(argc, argv);
    const char *given = NULL;
    stats_form form = STATS_TABLE;
    for (int i = 2; i < argc; i++) {
        if (action && !strcmp(action, "stats") && (!strcmp(argv[i], "--csv") || !strcmp(argv[i], "--json")))
            form = argv[i][2] == 'c' ? STATS_CSV : STATS_JSON;
        else if (!strcmp(argv[i], "--config") && i + 1 < argc)
            given = argv[++i];
        else if (!strncmp(argv[i], "--config=", 9))
            given = argv[i] + 9;
        else {
            fprintf(stderr, "groundwork: unexpected argument \"%s\"\n%s", argv[i], KUSAGE);
            return 2;
        }
    }
    if (!action || (strcmp(action, "set-pin") && strcmp(action, "stats"))) {
        fprintf(stderr, "groundwork: kiosk takes set-pin, stats or check\n%s", KUSAGE);
        return 2;
    }
    char buf[PATH_MAX];
    const char *path = kcmd_config_path(given, buf, sizeof buf);
    if (!path) {
        fputs("groundwork: no place for the kiosk settings (set HOME or use --config FILE)\n", stderr);
        return 1;
    }
    return !strcmp(action, "set-pin") ? kcmd_set_pin(path) : kcmd_stats(path, form);
}
