/* timebase and trace: pausable elapsed time; the JSON Lines trace writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/timebase.h"
#include "core/trace.h"

static void pauses_shift_the_start(void **st)
{
    (void)st;
    tb_clock c;
    tb_start(&c, GW_SEC(10));
    assert_true(tb_elapsed(&c, GW_SEC(12)) == GW_SEC(2));
    tb_pause(&c, GW_SEC(12));
    tb_pause(&c, GW_SEC(13)); /* a second pause is ignored */
    assert_true(tb_elapsed(&c, GW_SEC(20)) == GW_SEC(2));
    tb_resume(&c, GW_SEC(20));
    tb_resume(&c, GW_SEC(21));
    assert_true(tb_elapsed(&c, GW_SEC(21)) == GW_SEC(3));
    tb_seek(&c, GW_SEC(21), GW_SEC(100));
    assert_true(tb_elapsed(&c, GW_SEC(22)) == GW_SEC(101));
    tb_start(&c, GW_SEC(5));
    assert_true(tb_elapsed(&c, GW_SEC(1)) == 0); /* never negative */
}

static void long_runs_are_exact(void **st)
{
    (void)st;
    tb_clock c;
    tb_start(&c, 0);
    gw_ns month = 31LL * 24 * 3600 * GW_NS_PER_SEC;
    for (int i = 0; i < 1000; i++) {
        tb_pause(&c, month + i * 2000);
        tb_resume(&c, month + i * 2000 + 1000);
    }
    assert_true(tb_elapsed(&c, month + 2000000) == month + 2000000 - 1000 * 1000);
}

static void trace_lines_are_json(void **st)
{
    (void)st;
    char buf[1024] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    trace *tr = trace_from_file(f);
    trace_begin(tr, GW_SEC(1.5), "phase");
    trace_str(tr, "phase", "in\"hale\n");
    trace_int(tr, "cycle", 3);
    trace_bool(tr, "ok", true);
    trace_end(tr);
    trace_close(tr);
    fclose(f);
    assert_string_equal(buf, "{\"t\": 1.500000, \"event\": \"phase\", \"phase\": \"in\\\"hale\\n\", \"cycle\": 3, \"ok\": true}\n");
    /* a NULL trace takes every call */
    trace_begin(NULL, 0, "x");
    trace_str(NULL, "a", "b");
    trace_end(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pauses_shift_the_start),
        cmocka_unit_test(long_runs_are_exact),
        cmocka_unit_test(trace_lines_are_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
