/* Tests for the exercise kinds as a table (pack_loader.h): every kind has a complete
 * row whose name is the one the loader, the library and traces use, and freeing a
 * zeroed exercise through every row is safe (the loader frees through all of them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "core/pack_loader.h"

static void test_rows_complete(void **state)
{
    (void)state;
    for (int k = 0; k < EX_KIND_COUNT; k++) {
        const exercise_kind_vt *vt = &exercise_kinds[k];
        assert_non_null(vt->name);
        assert_string_equal(vt->name, exercise_kind_name((exercise_kind)k));
        assert_string_equal(vt->name, exercise_kind_names[k]);
        assert_non_null(vt->parse);
        assert_non_null(vt->length);
        assert_non_null(vt->free);
        assert_non_null(vt->caution_hint);
        exercise e;
        memset(&e, 0, sizeof e);
        e.kind = (exercise_kind)k;
        vt->free(&e);
        assert_int_equal(vt->strain ? vt->strain(&e) == NULL : 1, 1);
    }
    assert_string_equal(exercise_kind_name(EX_KIND_COUNT), "unknown");
}

static void test_lengths(void **state)
{
    (void)state;
    exercise e;
    memset(&e, 0, sizeof e);
    e.kind = EX_PROMPTS;
    prompt_step p[2] = { { .timer = GW_SEC(5) }, { .timer = GW_SEC(7) } };
    e.prompt = p;
    e.nprompt = 2;
    assert_int_equal(exercise_length(&e), GW_SEC(12));
    e.kind = EX_GUIDED;
    guided_step g[2] = { { .duration = GW_SEC(3) }, { .voice_ns = GW_SEC(2), .pause = GW_SEC(1) } };
    e.step = g;
    e.nstep = 2;
    assert_int_equal(exercise_length(&e), GW_SEC(6));
    e.kind = EX_KIND_COUNT;
    assert_int_equal(exercise_length(&e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_complete),
        cmocka_unit_test(test_lengths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
