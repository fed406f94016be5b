/* `groundwork remind [--at-login] [--wait SECONDS]`: one practice reminder as a desktop
 * notification (org.freedesktop.Notifications.Notify on the session bus, through
 * sd-bus), naming the take-home plan's first exercise in the interface language, or a
 * gentle generic line when there is no plan. Its action "Start" (and a click on the
 * notification) replaces this process with `groundwork --exercise ID`. Started by the
 * systemd user timer Settings install, or at login by the autostart entry
 * (--at-login: on a chosen day only, waiting for the chosen time, once a day).
 * Nothing is sent anywhere but the local session bus. A bus or notification server that
 * is missing or silent for REPLY_SECONDS gets one line on stderr and exit status 1; one
 * that goes away after showing it ends the wait for Start.
 * $GROUNDWORK_REMIND_EXEC (a test hook) is run in place of the program on Start. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/remind_setup.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/remind.h"
#include "core/settings.h"

#ifdef GW_HAVE_SDBUS
#include <systemd/sd-bus.h>
#endif

int cmd_remind(int argc, char **argv);

#define REPLY_SECONDS 3

static const char RUSAGE[] = "Usage: groundwork remind [--at-login] [--wait SECONDS]\n";

typedef struct reminder {
    char summary[256], body[512];
    char exercise[64];      /* what Start opens; "" the library */
} reminder;

/* The plan's first exercise (the first pack that carries a plan), in lang. */
static void compose(reminder *r, const char *lang)
{
    pack_set packs = { 0 };
    run_load_content(&packs, NULL);
    const exercise *ex = NULL;
    for (int i = 0; i < packs.n && !ex; i++)
        if (packs.p[i]->has_plan && packs.p[i]->nexercise > 0)
            ex = &packs.p[i]->ex[0];
    r->exercise[0] = 0;
    if (ex) {
        snprintf(r->summary, sizeof r->summary, "%s", _("Time for your practice"));
        snprintf(r->body, sizeof r->body, _("Your plan: %s"), pack_text_get(&ex->title, lang));
        snprintf(r->exercise, sizeof r->exercise, "%s", ex->id);
    } else {
        snprintf(r->summary, sizeof r->summary, "%s", "Groundwork");
        snprintf(r->body, sizeof r->body, "%s", _("A few minutes of practice?"));
    }
    pack_set_free(&packs);
}

/* Replaces this process with the program opening the exercise (or the library). */
static int start(const reminder *r)
{
    char exe[PATH_MAX];
    const char *hook = getenv("GROUNDWORK_REMIND_EXEC");
    if (hook && hook[0])
        snprintf(exe, sizeof exe, "%s", hook);
    else if (!remind_self_exe(exe, sizeof exe))
        snprintf(exe, sizeof exe, "%s", "groundwork");
    fflush(NULL);
    if (r->exercise[0])
        execl(exe, exe, "--exercise", r->exercise, (char *)NULL);
    else
        execl(exe, exe, (char *)NULL);
    fprintf(stderr, "groundwork: the exercise could not be started (%s): %s\n", exe, strerror(errno));
    return 1;
}

#ifdef GW_HAVE_SDBUS
typedef struct waiting {
    uint32_t id;
    int outcome; /* 0 waiting, 1 Start, 2 closed */
} waiting;

static int on_action(sd_bus_message *m, void *ud, sd_bus_error *e)
{
    waiting *w = ud;
    uint32_t id;
    const char *key;
    if (sd_bus_message_read(m, "us", &id, &key) >= 0 && id == w->id && w->id &&
        (!strcmp(key, "start") || !strcmp(key, "default")))
        w->outcome = 1;
    return 0;
}

static int on_closed(sd_bus_message *m, void *ud, sd_bus_error *e)
{
    waiting *w = ud;
    uint32_t id, why;
    if (sd_bus_message_read(m, "uu", &id, &why) >= 0 && id == w->id && w->id && !w->outcome)
        w->outcome = 2;
    return 0;
}

/* The notification server went away: no Start can come any more. */
static int on_owner(sd_bus_message *m, void *ud, sd_bus_error *e)
{
    waiting *w = ud;
    const char *name, *old, *now;
    if (sd_bus_message_read(m, "sss", &name, &old, &now) >= 0 && !strcmp(name, "org.freedesktop.Notifications") &&
        !now[0] && !w->outcome)
        w->outcome = 2;
    return 0;
}

static int fail(const char *what, int r, const sd_bus_error *e)
{
    fprintf(stderr, "groundwork: no reminder shown: %s (%s)\n", what,
            e && sd_bus_error_is_set(e) ? e->message : strerror(r < 0 ? -r : r));
    return 1;
}

static uint64_t now_usec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Shows r and, where the server offers actions, waits up to wait_s for Start. */
static int notify(const reminder *r, double wait_s)
{
    sd_bus *bus = NULL;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    waiting w = { 0, 0 };
    int rc = 1;
    int k = sd_bus_open_user(&bus);
    if (k < 0)
        return fail(getenv("DBUS_SESSION_BUS_ADDRESS") ? "the desktop session bus could not be reached"
                                                       : "there is no desktop session bus to send it on",
                    k, NULL);
    sd_bus_set_method_call_timeout(bus, (uint64_t)REPLY_SECONDS * 1000000u);
    /* actions are signals: listened for before the notification can be clicked */
    sd_bus_match_signal(bus, NULL, NULL, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                        "ActionInvoked", on_action, &w);
    sd_bus_match_signal(bus, NULL, NULL, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                        "NotificationClosed", on_closed, &w);
    sd_bus_add_match(bus, NULL,
                     "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',"
                     "member='NameOwnerChanged',arg0='org.freedesktop.Notifications'",
                     on_owner, &w);
    bool actions = false;
    k = sd_bus_call_method(bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                           "org.freedesktop.Notifications", "GetCapabilities", &e, &reply, "");
    if (k < 0) {
        rc = fail("no notification server answered on the session bus (org.freedesktop.Notifications)", k, &e);
        goto done;
    }
    if (sd_bus_message_enter_container(reply, 'a', "s") >= 0) {
        const char *cap;
        while (sd_bus_message_read(reply, "s", &cap) > 0)
            actions = actions || !strcmp(cap, "actions");
    }
    reply = sd_bus_message_unref(reply);
    k = sd_bus_call_method(bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                           "org.freedesktop.Notifications", "Notify", &e, &reply, "susssasa{sv}i", "Groundwork",
                           (uint32_t)0, "org.groundwork.Groundwork", r->summary, r->body, 4, "default", _("Start"),
                           "start", _("Start"), 2, "desktop-entry", "s", "org.groundwork.Groundwork", "urgency", "y",
                           (uint8_t)1, (int32_t)-1);
    if (k < 0 || sd_bus_message_read(reply, "u", &w.id) < 0) {
        rc = fail("the notification server did not take it (org.freedesktop.Notifications.Notify)", k, &e);
        goto done;
    }
    rc = 0;
    uint64_t end = now_usec() + (uint64_t)(wait_s * 1e6);
    while (actions && !w.outcome && now_usec() < end) {
        k = sd_bus_process(bus, NULL);
        if (k < 0)
            break; /* the bus went away: nothing more can come */
        if (k == 0)
            sd_bus_wait(bus, end - now_usec());
    }
    if (w.outcome == 1) {
        sd_bus_flush_close_unref(bus);
        bus = NULL;
        rc = start(r);
    }
done:
    sd_bus_message_unref(reply);
    sd_bus_error_free(&e);
    sd_bus_flush_close_unref(bus);
    return rc;
}
#else
static int notify(const reminder *r, double wait_s)
{
    (void)r;
    (void)wait_s;
    fputs("groundwork: no reminder shown: this build has no D-Bus support (libsystemd)\n", stderr);
    return 1;
}
#endif

/* --at-login: waits for the chosen time on a chosen day, once a day (the day is kept in
 * $XDG_STATE_HOME/groundwork/remind-last). False: nothing to do today. */
static bool at_login(const char *settings_path)
{
    for (;;) {
        settings s;
        char err[512];
        settings_load(&s, settings_path, err, sizeof err);
        if (!s.remind_on)
            return false;
        time_t t = time(NULL);
        struct tm lt;
        localtime_r(&t, &lt);
        int day = (lt.tm_wday + 6) % 7, min = lt.tm_hour * 60 + lt.tm_min;
        if (!remind_on_day(s.remind_days, day))
            return false;
        char stamp[48], last[16] = "", path[PATH_MAX];
        snprintf(stamp, sizeof stamp, "%04d-%02d-%02d", lt.tm_year + 1900, lt.tm_mon + 1, lt.tm_mday);
        const char *state = paths_user_state_dir();
        bool have = state && paths_join(path, sizeof path, state, "remind-last");
        FILE *f = have ? fopen(path, "r") : NULL;
        if (f) {
            if (!fgets(last, sizeof last, f))
                last[0] = 0;
            fclose(f);
        }
        if (!strncmp(last, stamp, 10))
            return false; /* already reminded today */
        if (min >= s.remind_min) {
            char e2[PATH_MAX + 200];
            if (have)
                remind_write(state, "remind-last", stamp, 0600, e2, sizeof e2);
            return true;
        }
        /* a minute at a time: the settings may change, the clock may jump */
        sleep(60 - (unsigned)lt.tm_sec);
    }
}

int cmd_remind(int argc, char **argv)
{
    bool login = false;
    double wait_s = 3600;
    for (int i = 1; i < argc; i++) {
        char *end;
        if (!strcmp(argv[i], "--at-login"))
            login = true;
        else if (!strcmp(argv[i], "--wait") && i + 1 < argc) {
            wait_s = strtod(argv[++i], &end);
            if (!*argv[i] || *end || !(wait_s >= 0 && wait_s <= 86400)) {
                fprintf(stderr, "groundwork: --wait takes seconds, 0 to 86400 (got \"%s\")\n%s", argv[i], RUSAGE);
                return 2;
            }
        } else if (!strcmp(argv[i], "--help")) {
            fputs(RUSAGE, stdout);
            return 0;
        } else {
            fprintf(stderr, "groundwork: unexpected argument \"%s\"\n%s", argv[i], RUSAGE);
            return 2;
        }
    }
    char path[PATH_MAX], err[512] = "";
    const char *cfg = paths_user_config_dir();
    settings s;
    settings_defaults(&s);
    if (cfg && paths_join(path, sizeof path, cfg, "settings.json"))
        settings_load(&s, path, err, sizeof err);
    else
        path[0] = 0;
    if (login && !at_login(path))
        return 0;
    char lang[16];
    if (s.lang[0])
        snprintf(lang, sizeof lang, "%s", s.lang);
    else
        i18n_lang_from_env(lang, sizeof lang);
    i18n_use_language(lang);
    reminder r;
    compose(&r, lang);
    return notify(&r, wait_s);
}
