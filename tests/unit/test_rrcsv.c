/* rrcsv: the RR recording of --hr-replay and of a session's export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/rrcsv.h"

static bool parse(rrcsv *c, const char *text, char *why)
{
    return rrcsv_parse(c, text, strlen(text), why, 200);
}

static void reads_a_recording(void **st)
{
    (void)st;
    rrcsv c;
    char why[200];
    assert_true(parse(&c, "rr_ms\n812\n790.5\r\n\n  805 \n1000", why));
    assert_int_equal(c.n, 4);
    assert_true(c.rr_ms[1] == 790.5 && c.rr_ms[3] == 1000);
    rrcsv_free(&c);
    assert_null(c.rr_ms);
}

static void says_which_line_is_wrong(void **st)
{
    (void)st;
    static const struct { const char *text, *why; } BAD[] = {
        { "", "line 1: empty: the first line must be the header “rr_ms”" },
        { "rr\n800\n", "line 1: the first line must be the header “rr_ms”" },
        { "rr_ms\n800\n8O0\n", "line 3: not an interval in milliseconds (a number from 1 to 10000)" },
        { "rr_ms\n800\n0\n", "line 3: not an interval in milliseconds (a number from 1 to 10000)" },
        { "rr_ms\n\n800\n20000\n", "line 4: not an interval in milliseconds (a number from 1 to 10000)" },
        { "rr_ms\nnan\n", "line 2: not an interval in milliseconds (a number from 1 to 10000)" },
        { "rr_ms\n0x300\n", "line 2: not an interval in milliseconds (a number from 1 to 10000)" },
        { "rr_ms\n800,810\n", "line 2: not an interval in milliseconds (a number from 1 to 10000)" },
        { "rr_ms\n\n", "line 2: no intervals after the header" },
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        rrcsv c;
        char why[200];
        assert_false(parse(&c, BAD[i].text, why));
        assert_string_equal(why, BAD[i].why);
        assert_int_equal(c.n, 0);
        assert_null(c.rr_ms);
    }
}

static void loads_a_file_and_refuses_a_folder(void **st)
{
    (void)st;
    char dir[] = "/tmp/gw-rrcsv-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/r.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("rr_ms\n", f);
    for (int i = 0; i < 3000; i++) /* grows past the first allocation */
        fprintf(f, "%d\n", 700 + i % 200);
    fclose(f);
    rrcsv c;
    char why[300];
    assert_true(rrcsv_load(&c, path, why, sizeof why));
    assert_int_equal(c.n, 3000);
    rrcsv_free(&c);
    assert_false(rrcsv_load(&c, dir, why, sizeof why));
    assert_non_null(strstr(why, dir));
    assert_non_null(strstr(why, "folder"));
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_recording),
        cmocka_unit_test(says_which_line_is_wrong),
        cmocka_unit_test(loads_a_file_and_refuses_a_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
