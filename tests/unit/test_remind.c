/* remind: systemd's calendar event for the chosen days and time, the unit and autostart
 * texts (the program's path quoted, a path that cannot be written refused), a plan's
 * proposal, and files written whole with their mode and never through a link. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/remind.h"

static void calendar_names_days_and_time(void **st)
{
    (void)st;
    char c[64];
    remind_on_calendar(c, sizeof c, 0x7f, 18 * 60);
    assert_string_equal(c, "*-*-* 18:00:00");
    remind_on_calendar(c, sizeof c, 1u | 4u | 16u, 7 * 60 + 5);
    assert_string_equal(c, "Mon,Wed,Fri *-*-* 07:05:00");
    remind_on_calendar(c, sizeof c, 32u | 64u, 0);
    assert_string_equal(c, "Sat,Sun *-*-* 00:00:00");
    remind_on_calendar(c, sizeof c, 2u, 23 * 60 + 59);
    assert_string_equal(c, "Tue *-*-* 23:59:00");
    assert_true(remind_on_day(1u | 64u, 6));
    assert_false(remind_on_day(1u | 64u, 5));
}

static void texts(void **st)
{
    (void)st;
    char t[2048];
    assert_true(remind_timer_text(t, sizeof t, 1u | 8u, 9 * 60 + 30));
    assert_non_null(strstr(t, "\nOnCalendar=Mon,Thu *-*-* 09:30:00\n"));
    assert_non_null(strstr(t, "\nPersistent=false\n"));
    assert_non_null(strstr(t, "\nWantedBy=timers.target\n"));
    assert_true(remind_service_text(t, sizeof t, "/opt/my apps/100%/groundwork"));
    assert_non_null(strstr(t, "\nExecStart=\"/opt/my apps/100%%/groundwork\" remind\n"));
    assert_true(remind_desktop_text(t, sizeof t, "/usr/bin/groundwork"));
    assert_non_null(strstr(t, "\nExec=\"/usr/bin/groundwork\" remind --at-login\n"));
    assert_non_null(strstr(t, "[Desktop Entry]\nType=Application\n"));
    strcpy(t, "untouched");
    assert_false(remind_service_text(t, sizeof t, "groundwork"));        /* not absolute */
    assert_false(remind_service_text(t, sizeof t, "/tmp/a\nExecStart=/bin/evil"));
    assert_false(remind_desktop_text(t, sizeof t, "/tmp/$HOME/groundwork"));
    assert_false(remind_desktop_text(t, sizeof t, "/tmp/a\"b"));
    assert_string_equal(t, "untouched");
    char small[16];
    assert_false(remind_timer_text(small, sizeof small, 1u, 0));
}

static void plan_proposes(void **st)
{
    (void)st;
    unsigned d;
    int m;
    remind_propose(1, &d, &m);
    assert_int_equal(d, 0x7f);
    assert_int_equal(m, 18 * 60);
    remind_propose(3, &d, &m);
    assert_int_equal(m, 9 * 60);
}

static void written_whole_with_mode_never_through_a_link(void **st)
{
    (void)st;
    char dir[64] = "/tmp/gw-remind-XXXXXX", sub[128], path[256], victim[128], err[512];
    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/a/b", dir);
    mode_t old = umask(077); /* the file's mode is its own, whatever the umask */
    assert_true(remind_write(sub, "x.timer", "one\n", 0644, err, sizeof err));
    umask(old);
    snprintf(path, sizeof path, "%s/x.timer", sub);
    struct stat s;
    assert_int_equal(lstat(path, &s), 0);
    assert_true(S_ISREG(s.st_mode));
    assert_int_equal(s.st_mode & 0777, 0644);
    /* a link in its place is replaced, the file it points at untouched */
    snprintf(victim, sizeof victim, "%s/victim", dir);
    FILE *f = fopen(victim, "w");
    fputs("victim", f);
    fclose(f);
    unlink(path);
    assert_int_equal(symlink(victim, path), 0);
    assert_true(remind_write(sub, "x.timer", "two\n", 0644, err, sizeof err));
    assert_int_equal(lstat(path, &s), 0);
    assert_true(S_ISREG(s.st_mode));
    char buf[16] = "";
    f = fopen(victim, "r");
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "victim");
    /* no temporary left behind */
    char cmd[300];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", sub);
    assert_int_equal(system(cmd), 0);
    /* removed: a link is removed, not followed; removing nothing is no error */
    assert_int_equal(symlink(victim, path), -1); /* it is a file again */
    assert_true(remind_remove(sub, "x.timer"));
    assert_true(remind_remove(sub, "x.timer"));
    assert_int_equal(symlink(victim, path), 0);
    assert_true(remind_remove(sub, "x.timer"));
    assert_int_equal(access(victim, F_OK), 0);
    /* a folder that cannot be made: false, with the file named */
    snprintf(sub, sizeof sub, "%s/victim/c", dir);
    assert_false(remind_write(sub, "y.timer", "x", 0644, err, sizeof err));
    assert_non_null(strstr(err, "y.timer could not be written"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar_names_days_and_time),
        cmocka_unit_test(texts),
        cmocka_unit_test(plan_proposes),
        cmocka_unit_test(written_whole_with_mode_never_through_a_link),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
