#include "app/remind_setup.h"
#include "core/remind.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SYSTEMCTL_WAIT_MS 10000

/* $XDG_CONFIG_HOME (absolute) or ~/.config, joined with sub. */
static bool config_dir(char *buf, size_t n, const char *sub)
{
    const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int w;
    if (x && x[0] == '/')
        w = snprintf(buf, n, "%s/%s", x, sub);
    else if (home && home[0] == '/')
        w = snprintf(buf, n, "%s/.config/%s", home, sub);
    else
        return false;
    return w > 0 && (size_t)w < n;
}

bool remind_self_exe(char *buf, size_t n)
{
    ssize_t k = readlink("/proc/self/exe", buf, n - 1);
    if (k <= 0 || (size_t)k >= n - 1)
        return false;
    buf[k] = 0;
    return buf[0] == '/';
}

/* Runs systemctl --user with the arguments a, b, c (NULL ends them); true if it
 * exited 0 within the time allowed (a manager that does not answer is killed, and
 * counts as none). */
static bool systemctl(const char *a, const char *b, const char *c)
{
    const char *prog = getenv("GROUNDWORK_SYSTEMCTL");
    if (!prog || !prog[0])
        prog = "systemctl";
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        int nul = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (nul >= 0) {
            dup2(nul, 0);
            dup2(nul, 1);
            dup2(nul, 2);
        }
        execlp(prog, prog, "--user", a, b, c, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    for (int ms = 0; ms < SYSTEMCTL_WAIT_MS; ms += 10) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (r < 0 && errno != EINTR)
            return false;
        nanosleep(&(struct timespec){ .tv_nsec = 10 * 1000 * 1000 }, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return false;
}

static bool exists(const char *dir, const char *name)
{
    char p[PATH_MAX];
    struct stat st;
    return snprintf(p, sizeof p, "%s/%s", dir, name) < (int)sizeof p && lstat(p, &st) == 0;
}

/* The units and the link `enable` made (timers.target.wants), which `disable` would
 * remove but cannot without a running user systemd: never left pointing at nothing. */
static bool remove_units(const char *units)
{
    char wants[PATH_MAX];
    if (snprintf(wants, sizeof wants, "%s/timers.target.wants", units) < (int)sizeof wants)
        remind_remove(wants, REMIND_TIMER);
    return remind_remove(units, REMIND_TIMER) && remind_remove(units, REMIND_SERVICE);
}

/* The timer and service in place and enabled; false (with nothing left behind) if
 * they could not be written or there is no user systemd to run them. */
static bool by_systemd(const char *units, const char *exe, unsigned days, int min, char *why, size_t whyn)
{
    char text[PATH_MAX * 2 + 512];
    if (!remind_service_text(text, sizeof text, exe)) {
        snprintf(why, whyn, "the program's path (%s) cannot be written in a unit file", exe);
        return false;
    }
    bool ok = remind_write(units, REMIND_SERVICE, text, 0644, why, whyn) &&
              remind_timer_text(text, sizeof text, days, min) &&
              remind_write(units, REMIND_TIMER, text, 0644, why, whyn);
    /* enabled again each time: a changed day or time is read by daemon-reload, and
     * enable --now restarts nothing that is running */
    ok = ok && systemctl("daemon-reload", NULL, NULL) && systemctl("enable", "--now", REMIND_TIMER);
    if (!ok)
        remove_units(units);
    return ok;
}

bool remind_setup_on(unsigned days, int min, char *via, size_t vian, char *err, size_t errn)
{
    char units[PATH_MAX], autostart[PATH_MAX], exe[PATH_MAX], text[PATH_MAX * 2 + 512];
    char why[PATH_MAX + 200] = "";
    if (!config_dir(units, sizeof units, "systemd/user") || !config_dir(autostart, sizeof autostart, "autostart")) {
        snprintf(err, errn, "%s", "Reminders could not be set: neither XDG_CONFIG_HOME nor HOME is set.");
        return false;
    }
    if (!remind_self_exe(exe, sizeof exe)) {
        snprintf(err, errn, "%s", "Reminders could not be set: the program's own path is unknown.");
        return false;
    }
    if (by_systemd(units, exe, days, min, why, sizeof why)) {
        remind_remove(autostart, REMIND_DESKTOP); /* one way at a time */
        snprintf(via, vian, "%s", "systemd");
        return true;
    }
    /* no user systemd (or its folder cannot be written): the autostart entry, which
     * waits for the chosen time after each login */
    if (!remind_desktop_text(text, sizeof text, exe))
        snprintf(why, sizeof why, "the program's path (%s) cannot be written in an autostart entry", exe);
    else if (remind_write(autostart, REMIND_DESKTOP, text, 0644, why, sizeof why)) {
        snprintf(via, vian, "%s", "autostart");
        return true;
    }
    snprintf(err, errn, "Reminders could not be set: %s.", why);
    return false;
}

bool remind_setup_off(char *err, size_t errn)
{
    char units[PATH_MAX], autostart[PATH_MAX];
    if (!config_dir(units, sizeof units, "systemd/user") || !config_dir(autostart, sizeof autostart, "autostart")) {
        snprintf(err, errn, "%s", "Reminders could not be removed: neither XDG_CONFIG_HOME nor HOME is set.");
        return false;
    }
    if (exists(units, REMIND_TIMER) || exists(units, REMIND_SERVICE)) {
        systemctl("disable", "--now", REMIND_TIMER); /* no user systemd: nothing to disable */
        bool gone = remove_units(units);
        systemctl("daemon-reload", NULL, NULL);
        if (!gone) {
            snprintf(err, errn, "Reminders could not be removed from %s: %s.", units, strerror(errno));
            return false;
        }
    }
    if (!remind_remove(autostart, REMIND_DESKTOP)) {
        snprintf(err, errn, "Reminders could not be removed from %s: %s.", autostart, strerror(errno));
        return false;
    }
    return true;
}
