/* The writer that tests/crash/crash_kill.py kills with SIGKILL at random moments, and
 * the checker it runs afterwards. Both go through the program's own code: plog (the
 * practice log, src/core/plog.c) and settings (src/core/settings.c), the functions
 * app_home.c calls when a person starts and finishes an exercise and changes a setting.
 *
 *   crash_writer write DB SETTINGS RUN
 *       opens the log, then in a loop: starts a session (prints "saved ID EXERCISE"),
 *       finishes it (prints "finished ID"), saves settings generation G+1 (prints
 *       "settings G+1"). Each line is printed and flushed only after the call that
 *       saved it has returned. Runs until killed (or 100000 rounds).
 *   crash_writer check DB SETTINGS
 *       opens the log as the program does (a hot journal left by a kill is rolled
 *       back here), checks PRAGMA integrity_check, prints every session
 *       ("row ID EXERCISE END|- COMPLETED"), then reads the settings and prints
 *       "settings GEN" (their generation, each field checked against it),
 *       "settings missing" or "settings bad MESSAGE". Exit 0 if the log is sound and
 *       the settings are missing or sound, 1 otherwise.
 *
 * A settings generation G fills every field from G, so a file that mixes two
 * generations is told apart from either. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "core/plog.h"
#include "core/settings.h"

static const char *const THEMES[] = { "calm", "light", "contrast" };
static const char *const PACERS[] = { "orb", "box" };
static const char *const LANGS[] = { "", "es", "de", "ar" };

/* Settings generation g: every field depends on g, and the number of favourites
 * varies so that the file's length changes from one generation to the next. */
static void fill(settings *s, long g)
{
    settings_defaults(s);
    snprintf(s->theme, sizeof s->theme, "%s", THEMES[g % 3]);
    s->text_pct = 100 + (int)(g % 101);
    s->reduced_motion = g % 2;
    s->vol_cues = (int)(g % 101);
    s->vol_voice = (int)(g * 7 % 101);
    s->vol_ambience = (int)(g * 13 % 101);
    s->checkins = g % 3 == 0;
    snprintf(s->lang, sizeof s->lang, "%s", LANGS[g % 4]);
    snprintf(s->pacer, sizeof s->pacer, "%s", PACERS[g / 2 % 2]);
    s->welcomed = true;
    s->nfav = 1 + (int)(g % 7);
    snprintf(s->fav[0], sizeof s->fav[0], "gen-%ld", g);
    for (int i = 1; i < s->nfav; i++)
        snprintf(s->fav[i], sizeof s->fav[i], "exercise-%ld-%d", g, i);
}

/* The generation of s (0 for none), or -1 if its fields are not all of one generation. */
static long generation_of(const settings *s)
{
    long g;
    if (s->nfav < 1 || sscanf(s->fav[0], "gen-%ld", &g) != 1 || g < 1)
        return s->nfav == 0 ? 0 : -1;
    settings want;
    fill(&want, g);
    bool same = !strcmp(s->theme, want.theme) && s->text_pct == want.text_pct &&
                s->reduced_motion == want.reduced_motion && s->vol_cues == want.vol_cues &&
                s->vol_voice == want.vol_voice && s->vol_ambience == want.vol_ambience &&
                s->checkins == want.checkins && !strcmp(s->lang, want.lang) && !strcmp(s->pacer, want.pacer) &&
                s->welcomed == want.welcomed && s->nfav == want.nfav;
    for (int i = 0; same && i < s->nfav; i++)
        same = !strcmp(s->fav[i], want.fav[i]);
    return same ? g : -1;
}

static int write_loop(const char *db, const char *set_path, const char *run)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the harness */
    char err[1024] = "";
    plog *p = plog_open(db, err, sizeof err);
    if (!p) {
        printf("error %s\n", err);
        return 1;
    }
    settings s;
    long g = 0;
    if (settings_load(&s, set_path, err, sizeof err) == SETTINGS_OK)
        g = generation_of(&s);
    if (g < 0) {
        printf("error the settings are of no one generation\n");
        plog_close(p);
        return 1;
    }
    printf("open\n");
    fflush(stdout);
    for (long i = 0; i < 100000; i++) {
        char ex[64], start[32], end[32], adj[32];
        snprintf(ex, sizeof ex, "run%s-%ld", run, i);
        plog_format_utc(start, sizeof start, 1767258000LL + i * 60);
        plog_format_utc(end, sizeof end, 1767258000LL + i * 60 + 30);
        int64_t id = plog_begin(p, ex, start, (int)(i % 11), err, sizeof err);
        if (id < 0)
            break;
        printf("saved %lld %s\n", (long long)id, ex);
        fflush(stdout);
        snprintf(adj, sizeof adj, "{\"cycles\": %ld}", i % 9 + 1);
        if (!plog_finish(p, id, end, true, adj, err, sizeof err))
            break;
        printf("finished %lld\n", (long long)id);
        fflush(stdout);
        fill(&s, g + 1);
        if (!settings_save(&s, set_path, err, sizeof err))
            break;
        g++;
        printf("settings %ld\n", g);
        fflush(stdout);
    }
    plog_close(p);
    if (err[0]) {
        printf("error %s\n", err);
        return 1;
    }
    return 0;
}

static int check(const char *db, const char *set_path)
{
    char err[1024] = "";
    int rc = 0;
    plog *p = plog_open(db, err, sizeof err);
    if (!p) {
        printf("log error %s\n", err);
        return 1;
    }
    if (!plog_integrity_ok(p)) {
        printf("log error PRAGMA integrity_check failed\n");
        rc = 1;
    }
    plog_session *ss;
    int n = plog_list(p, &ss, err, sizeof err);
    if (n < 0) {
        printf("log error %s\n", err);
        rc = 1;
    }
    for (int i = 0; i < n; i++)
        printf("row %lld %s %s %d\n", (long long)ss[i].id, ss[i].exercise, ss[i].end[0] ? ss[i].end : "-",
               ss[i].completed);
    if (n > 0)
        plog_sessions_free(ss, n);
    plog_close(p);

    settings s;
    switch (settings_load(&s, set_path, err, sizeof err)) {
    case SETTINGS_MISSING:
        printf("settings missing\n");
        break;
    case SETTINGS_BAD:
        printf("settings bad %s\n", err);
        rc = 1;
        break;
    case SETTINGS_OK: {
        long g = generation_of(&s);
        if (g < 0) {
            printf("settings bad: fields of more than one generation\n");
            rc = 1;
        } else
            printf("settings %ld\n", g);
    }
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "write"))
        return write_loop(argv[2], argv[3], argv[4]);
    if (argc == 4 && !strcmp(argv[1], "check"))
        return check(argv[2], argv[3]);
    fputs("usage: crash_writer write DB SETTINGS RUN | check DB SETTINGS\n", stderr);
    return 2;
}
