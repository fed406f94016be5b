/* `groundwork kiosk check [--config FILE] [--pack DIR]...`: what a kiosk deployment has
 * wrong, for IT staff and monitoring. One line per finding on standard output, each
 * starting with its area (settings, owner, pin, content, exercises, state) and ending,
 * where there is one, with the command that fixes it; exit status 0 when all is well
 * (one "ok:" line), 1 when anything was found, 2 for a usage error.
 *
 * It looks as the kiosk does: the same settings file (--config, else
 * /etc/groundwork/kiosk.json, else the user's), the same packs (built-in, the user's,
 * each --pack) and the same folders ($XDG_STATE_HOME/groundwork for the PIN's lockout,
 * the counters' folder). What can be read or written is the running user's: run it as
 * the kiosk's user (sudo -u kiosk -H groundwork kiosk check); as root it also says when
 * the settings file can be read by root alone. */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/run.h"
#include "core/kiosk.h"
#include "core/pack.h"
#include "core/paths.h"

int cmd_kiosk_check(int argc, char **argv);

static const char CUSAGE[] = "Usage: groundwork kiosk check [--config FILE] [--pack DIR]...\n";

static int findings;

static void kcheck_finding(const char *area, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s: ", area);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    findings++;
}

/* p as one shell word: as it is when it needs no quoting, else in single quotes */
static const char *kcheck_sh(const char *p, char *buf, size_t n)
{
    if (p[0] && strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._+-=:,@%") == strlen(p))
        return p;
    size_t o = 0;
    buf[o++] = '\'';
    for (; *p && o + 6 < n; p++) {
        if (*p == '\'') {
            memcpy(buf + o, "'\\''", 4);
            o += 4;
        } else
            buf[o++] = *p;
    }
    buf[o++] = '\'';
    buf[o] = 0;
    return buf;
}
#define QMAX (2 * PATH_MAX + 8)

static void kcheck_user_name(unsigned uid, char *out, size_t n)
{
    struct passwd *pw = getpwuid((uid_t)uid);
    if (pw)
        snprintf(out, n, "%s", pw->pw_name);
    else
        snprintf(out, n, "%u", uid);
}

static void kcheck_group_name(unsigned gid, char *out, size_t n)
{
    struct group *gr = getgrgid((gid_t)gid);
    if (gr)
        snprintf(out, n, "%s", gr->gr_name);
    else
        snprintf(out, n, "%u", gid);
}

/* The settings file the kiosk reads (mode_kiosk.c): the one given, else
 * /etc/groundwork/kiosk.json where it exists (readable or not: the kiosk would pass over
 * one it cannot read, which is a finding), else the user's; NULL when there is none. */
static const char *kcheck_settings_path(const char *given, char *buf, size_t n)
{
    if (given)
        return given;
    if (access("/etc/groundwork/kiosk.json", F_OK) == 0)
        return "/etc/groundwork/kiosk.json";
    const char *dir = paths_user_config_dir();
    if (dir && paths_user_file(buf, n, dir, "kiosk.json") && access(buf, F_OK) == 0)
        return buf;
    return NULL;
}

/* Owner, group and mode of the settings file: root's, readable by the kiosk's user,
 * written by nobody else. Returns whether the file can be read (by this user). */
static bool kcheck_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        kcheck_finding("settings", "%s: %s; the kiosk runs with the defaults (no PIN, so no admin exit)%s", path,
                strerror(errno), errno == ENOENT ? "; create it (docs/kiosk.md)" : "");
        return false;
    }
    char me[64], owner[64], group[64];
    kcheck_user_name((unsigned)geteuid(), me, sizeof me);
    kcheck_user_name((unsigned)st.st_uid, owner, sizeof owner);
    kcheck_group_name((unsigned)st.st_gid, group, sizeof group);
    unsigned mode = (unsigned)st.st_mode & 07777;
    static char qb[QMAX];
    const char *q = kcheck_sh(path, qb, sizeof qb);
    if (!S_ISREG(st.st_mode)) {
        kcheck_finding("settings", "%s is not a regular file; the kiosk runs with the defaults", path);
        return false;
    }
    bool readable = access(path, R_OK) == 0;
    if (!readable)
        kcheck_finding("settings", "%s cannot be read by %s (owner %s:%s, mode %04o), so the kiosk runs with the "
                "defaults (no PIN, no admin exit); fix: sudo chmod 0644 %s", path, me, owner, group, mode, q);
    else if (geteuid() == 0 && !(mode & S_IROTH) && !(st.st_gid != 0 && (mode & S_IRGRP)))
        /* root reads anything: say what the kiosk's user would meet */
        kcheck_finding("settings", "%s can be read by %s alone (owner %s:%s, mode %04o), not by the kiosk's user; "
                "fix: sudo chmod 0644 %s", path, owner, owner, group, mode, q);
    if (st.st_uid != 0)
        kcheck_finding("owner", "%s belongs to %s, not root: that user (or a visitor who got past the kiosk) can "
                "change its settings and PIN; fix: sudo chown root:root %s && sudo chmod 0644 %s",
                path, owner, q, q);
    else if (mode & (S_IWGRP | S_IWOTH))
        kcheck_finding("owner", "%s can be changed by %s (mode %04o); fix: sudo chmod go-w %s", path,
                (mode & S_IWOTH) ? "anyone" : "its group", mode, q);
    return readable;
}

/* Can this user make and write files in dir (made with its parents where missing)? */
static bool kcheck_folder_writable(const char *dir, char *why, size_t n)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s", dir);
    struct stat st;
    while (stat(p, &st) != 0) { /* the nearest folder there is must let it be made */
        char *slash = strrchr(p, '/');
        if (!slash || slash == p) {
            snprintf(p, sizeof p, "/");
            break;
        }
        *slash = 0;
    }
    if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(why, n, "%s is not a folder", p);
        return false;
    }
    if (access(p, W_OK | X_OK) != 0) {
        int e = errno;
        char owner[64];
        kcheck_user_name((unsigned)st.st_uid, owner, sizeof owner);
        snprintf(why, n, "%s%s cannot be written (%s; owner %s, mode %04o)", strcmp(p, dir) ? "it does not exist and " : "",
                 p, strerror(e), owner, (unsigned)st.st_mode & 07777);
        return false;
    }
    return true;
}

static void kcheck_state(const kiosk_config *c)
{
    char me[64], why[PATH_MAX + 160];
    static char qb[QMAX];
    kcheck_user_name((unsigned)geteuid(), me, sizeof me);
    const char *state = paths_user_state_dir();
    if (!state)
        kcheck_finding("state", "no state folder (set HOME or XDG_STATE_HOME)");
    else if (!kcheck_folder_writable(state, why, sizeof why))
        kcheck_finding("state", "the state folder %s is not writable by %s: %s; the PIN's lockout would not outlast a "
                "restart; fix: sudo install -d -o %s -m 0700 %s", state, me, why, me, kcheck_sh(state, qb, sizeof qb));
    if (!c->stats)
        return;
    char def[PATH_MAX], dir[PATH_MAX];
    const char *p = c->stats_path[0] ? c->stats_path : NULL;
    const char *data = paths_user_data_dir();
    if (!p && data && paths_user_file(def, sizeof def, data, "kiosk-stats.sqlite"))
        p = def;
    if (!p)
        return;
    snprintf(dir, sizeof dir, "%s", p);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, "%s", slash ? "/" : ".");
    if (!kcheck_folder_writable(dir, why, sizeof why))
        kcheck_finding("state", "the counters' folder %s is not writable by %s: %s; no counters would be kept; "
                "fix: sudo install -d -o %s -m 0700 %s", dir, me, why, me, kcheck_sh(dir, qb, sizeof qb));
}

static void kcheck_content(const pack_set *s, const kiosk_config *c, const char *path, bool read)
{
    char line[2048];
    for (int i = 0; i < s->diags.n; i++)
        if (s->diags.v[i].severity == PACK_ERROR) {
            pack_diag_format(&s->diags.v[i], line, sizeof line);
            kcheck_finding("content", "%s", line);
        }
    if (!paths_data_dir())
        kcheck_finding("content", "the built-in content is not found (reinstall the package, or set GROUNDWORK_DATA_DIR)");
    if (!read)
        return;
    for (int i = 0; i <= c->nexercise; i++) {
        const char *id = i < c->nexercise ? c->exercise[i] : c->attract;
        const char *what = i < c->nexercise ? "offered" : "paced in the attract loop";
        if (!id[0])
            continue;
        const exercise *e = pack_set_find(s, id);
        if (!e)
            kcheck_finding("exercises", "\"%s\" (%s, in %s) is in no pack the kiosk loads", id, what, path);
        else if (!e->unattended)
            kcheck_finding("exercises", "\"%s\" (%s, in %s) is not marked for unattended use (its pack says "
                    "\"unattended\": false)", id, what, path);
        else if (i == c->nexercise && !exercise_paced(e))
            kcheck_finding("exercises", "\"%s\" (paced in the attract loop, in %s) is not a breathing exercise", id, path);
    }
    int offered = 0;
    for (int i = 0; i < pack_set_exercise_count(s); i++) {
        const exercise *e = pack_set_exercise_at(s, i);
        offered += kiosk_offers(c, e->id, e->unattended);
    }
    if (offered == 0)
        kcheck_finding("exercises", "the kiosk offers no exercise (none loaded %s)",
                c->nexercise ? "of those its settings name" : "is marked for unattended use");
}

int cmd_kiosk_check(int argc, char **argv)
{
    /* argv[0] is "kiosk", argv[1] "check" */
    const char *given = NULL;
    run_options o = { 0 };
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--config") && i + 1 < argc)
            given = argv[++i];
        else if (!strncmp(argv[i], "--config=", 9))
            given = argv[i] + 9;
        else if (!strcmp(argv[i], "--pack") && i + 1 < argc && o.npacks < (int)(sizeof o.packs / sizeof o.packs[0]))
            o.packs[o.npacks++] = argv[++i];
        else {
            fprintf(stderr, "groundwork: unexpected argument \"%s\"\n%s", argv[i], CUSAGE);
            return 2;
        }
    }
    if (geteuid() == 0)
        fputs("groundwork: note: run as root, who can read and write anything: run as the kiosk's user "
              "(sudo -u kiosk -H groundwork kiosk check) to see what it can\n", stderr);
    findings = 0;
    char buf[PATH_MAX] = "";
    const char *path = kcheck_settings_path(given, buf, sizeof buf);
    kiosk_config c;
    kiosk_config_defaults(&c);
    bool read = false;
    if (!path) /* buf: the user's settings file the kiosk would read, as it names it */
        kcheck_finding("settings", "no kiosk settings (/etc/groundwork/kiosk.json or %s): the kiosk runs with the defaults "
                "(no PIN, so no admin exit); create one (docs/kiosk.md)", buf[0] ? buf : "the user's");
    else if (kcheck_file(path)) {
        kiosk_errors errs = { 0 };
        if (!kiosk_config_load(&c, path, &errs))
            for (int i = 0; i < errs.n; i++)
                kcheck_finding("settings", "%s", errs.msg[i]);
        read = true;
        static char qb[QMAX];
        if (!c.pin_hash[0])
            kcheck_finding("pin", "no admin PIN is set in %s: the admin exit is closed; fix: sudo groundwork kiosk set-pin "
                    "--config %s", path, kcheck_sh(path, qb, sizeof qb));
    }
    pack_set s = { 0 };
    run_load_content(&s, &o);
    kcheck_content(&s, &c, path ? path : "the defaults", read);
    kcheck_state(&c);
    if (findings == 0) {
        int offered = 0;
        for (int i = 0; i < pack_set_exercise_count(&s); i++) {
            const exercise *e = pack_set_exercise_at(&s, i);
            offered += kiosk_offers(&c, e->id, e->unattended);
        }
        printf("ok: %s, admin PIN set, %d exercise%s offered from %d pack%s, state folder %s\n", path, offered,
               offered == 1 ? "" : "s", s.n, s.n == 1 ? "" : "s", paths_user_state_dir());
    }
    pack_set_free(&s);
    return findings ? 1 : 0;
}
