#include "core/remind.h"
#include "core/afile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const DAY[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

void remind_on_calendar(char *out, size_t n, unsigned days, int min)
{
    char list[40] = "";
    size_t k = 0;
    days &= 0x7f;
    for (int i = 0; i < 7 && days != 0x7f; i++)
        if (days & (1u << i))
            k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", k ? "," : "", DAY[i]);
    min = min < 0 || min >= 24 * 60 ? 18 * 60 : min;
    snprintf(out, n, "%s%s*-*-* %02d:%02d:00", list, k ? " " : "", min / 60, min % 60);
}

bool remind_on_day(unsigned days, int day) { return day >= 0 && day < 7 && (days & (1u << day)); }

bool remind_timer_text(char *out, size_t n, unsigned days, int min)
{
    char cal[64];
    remind_on_calendar(cal, sizeof cal, days, min);
    /* Persistent=false: a reminder missed while the computer was off is not sent late */
    int w = snprintf(out, n,
                     "# Written by Groundwork (Settings, Reminders); removed when reminders are turned off.\n"
                     "[Unit]\nDescription=Groundwork practice reminder\n\n"
                     "[Timer]\nOnCalendar=%s\nPersistent=false\n\n"
                     "[Install]\nWantedBy=timers.target\n",
                     cal);
    return w > 0 && (size_t)w < n;
}

/* exe quoted for an Exec line: in double quotes, % doubled (a specifier in systemd, a
 * field code in a desktop entry). A path with a character the two formats escape
 * differently (" \ ` $) or a control character is refused rather than half escaped. */
static bool quote_exe(char *out, size_t n, const char *exe)
{
    size_t k = 0;
    if (n < 3 || exe[0] != '/')
        return false;
    out[k++] = '"';
    for (const char *c = exe; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f || strchr("\"\\`$", *c))
            return false;
        if (k + 4 >= n)
            return false;
        if (*c == '%')
            out[k++] = '%';
        out[k++] = *c;
    }
    out[k++] = '"';
    out[k] = 0;
    return true;
}

bool remind_service_text(char *out, size_t n, const char *exe)
{
    char q[PATH_MAX * 2 + 3];
    if (!quote_exe(q, sizeof q, exe))
        return false;
    int w = snprintf(out, n,
                     "# Written by Groundwork (Settings, Reminders); removed when reminders are turned off.\n"
                     "[Unit]\nDescription=Groundwork practice reminder\n\n"
                     "[Service]\nType=exec\nExecStart=%s remind\n",
                     q);
    return w > 0 && (size_t)w < n;
}

bool remind_desktop_text(char *out, size_t n, const char *exe)
{
    char q[PATH_MAX * 2 + 3];
    if (!quote_exe(q, sizeof q, exe))
        return false;
    int w = snprintf(out, n,
                     "# Written by Groundwork (Settings, Reminders); removed when reminders are turned off.\n"
                     "[Desktop Entry]\nType=Application\nName=Groundwork reminder\n"
                     "Comment=A practice reminder on the days and at the time chosen in Groundwork\n"
                     "Exec=%s remind --at-login\nNoDisplay=true\nTerminal=false\n"
                     "X-GNOME-Autostart-enabled=true\n",
                     q);
    return w > 0 && (size_t)w < n;
}

void remind_propose(int times_per_day, unsigned *days, int *min)
{
    *days = 0x7f;
    *min = times_per_day <= 1 ? 18 * 60 : 9 * 60;
}

bool remind_write(const char *dir, const char *name, const char *text, unsigned mode, char *err, size_t errn)
{
    char path[PATH_MAX], tmp[PATH_MAX];
    bool ok = false;
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path ||
        snprintf(tmp, sizeof tmp, "%s/.%s.%ld.tmp", dir, name, (long)getpid()) >= (int)sizeof tmp)
        errno = ENAMETOOLONG;
    else if (afile_make_dirs(dir, AFILE_PRIVATE))
        /* the mode set on the file itself: the umask does not narrow or widen it */
        ok = afile_replace(path, text, NULL, &(afile_opts){ .tmp = tmp, .mode = mode }) == AFILE_DONE;
    if (!ok)
        snprintf(err, errn, "%s could not be written: %s", path, strerror(errno));
    return ok;
}

bool remind_remove(const char *dir, const char *name)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return false;
    return unlink(path) == 0 || errno == ENOENT;
}
