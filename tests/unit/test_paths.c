/* paths: the person's files are where the docs say ($XDG_*_HOME/groundwork/NAME); a
 * file an older release left one folder deeper (groundwork/groundwork/NAME: the kiosk's
 * settings and counters) is still used while the new one does not exist. */
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

#include "core/paths.h"

static void touch(const char *p)
{
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
}

static void user_file_and_the_old_place(void **st)
{
    (void)st;
    char tmp[] = "/tmp/gw-paths-XXXXXX", dir[64], deep[96], got[PATH_MAX], want[PATH_MAX];
    assert_non_null(mkdtemp(tmp));
    setenv("XDG_CONFIG_HOME", tmp, 1);
    snprintf(dir, sizeof dir, "%s/groundwork", tmp);
    assert_string_equal(paths_user_config_dir(), dir);
    /* nothing anywhere: the documented place */
    snprintf(want, sizeof want, "%s/kiosk.json", dir);
    assert_true(paths_user_file(got, sizeof got, paths_user_config_dir(), "kiosk.json"));
    assert_string_equal(got, want);
    /* only the old, doubled place: that one */
    snprintf(deep, sizeof deep, "%s/groundwork", dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(mkdir(deep, 0700), 0);
    char old[160];
    snprintf(old, sizeof old, "%s/kiosk.json", deep);
    touch(old);
    assert_true(paths_user_file(got, sizeof got, paths_user_config_dir(), "kiosk.json"));
    assert_string_equal(got, old);
    /* both: the documented one */
    touch(want);
    assert_true(paths_user_file(got, sizeof got, paths_user_config_dir(), "kiosk.json"));
    assert_string_equal(got, want);
    /* too small a buffer: false */
    char small[8];
    assert_false(paths_user_file(small, sizeof small, paths_user_config_dir(), "kiosk.json"));
    unlink(want);
    unlink(old);
    rmdir(deep);
    rmdir(dir);
    rmdir(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(user_file_and_the_old_place) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
