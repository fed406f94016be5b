/* prompt: the prompt exercise state machine (steps, dots, timers, auto-advance) and
 * placeholder expansion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/prompt.h"

static prompt_step S[4];

static int setup(void **st)
{
    (void)st;
    memset(S, 0, sizeof S);
    S[0].count = 3;
    S[1].timer = GW_SEC(20);
    S[2].timer = GW_SEC(10);
    S[2].auto_advance = true;
    S[3].count = 0;
    return 0;
}

static void steps_move_both_ways_and_finish(void **st)
{
    (void)st;
    prompt_run r;
    prompt_start(&r, S, 4, 0);
    assert_int_equal(r.step, 0);
    assert_false(prompt_prev(&r, GW_SEC(1)));       /* nothing before the first */
    assert_true(prompt_next(&r, GW_SEC(2)));
    assert_int_equal(r.step, 1);
    assert_true(r.step_start == GW_SEC(2));
    assert_true(prompt_prev(&r, GW_SEC(3)));
    assert_int_equal(r.step, 0);
    for (int i = 0; i < 4; i++)
        assert_true(prompt_next(&r, GW_SEC(4)));
    assert_true(prompt_finished(&r));
    assert_null(prompt_current(&r));
    assert_false(prompt_next(&r, GW_SEC(5)));
    assert_false(prompt_prev(&r, GW_SEC(5)));       /* finished is final */
    assert_false(prompt_tally(&r));
}

static void dots_fill_up_to_the_count_and_reset_per_step(void **st)
{
    (void)st;
    prompt_run r;
    prompt_start(&r, S, 4, 0);
    assert_true(prompt_wants_tally(&r));
    for (int i = 0; i < 3; i++)
        assert_true(prompt_tally(&r));
    assert_false(prompt_tally(&r));
    assert_false(prompt_wants_tally(&r));
    assert_int_equal(r.tally, 3);
    prompt_next(&r, 0);
    assert_int_equal(r.tally, 0);
    assert_false(prompt_tally(&r));                 /* no dots on a timed step */
    prompt_prev(&r, 0);
    assert_int_equal(r.tally, 0);                   /* back starts the step afresh */
}

static void timers_count_down_and_do_not_advance_unless_asked(void **st)
{
    (void)st;
    prompt_run r;
    prompt_start(&r, S, 4, 0);
    assert_true(prompt_remaining(&r, GW_SEC(5)) == 0);
    assert_true(prompt_next_change(&r, GW_SEC(5)) == GW_NEVER);
    prompt_next(&r, GW_SEC(10));
    assert_true(prompt_remaining(&r, GW_SEC(10)) == GW_SEC(20));
    assert_true(prompt_remaining(&r, GW_SEC(15)) == GW_SEC(15));
    assert_float_equal(prompt_timer_fraction(&r, GW_SEC(15)), 0.25, 1e-6);
    assert_true(prompt_next_change(&r, GW_SEC(15)) == GW_SEC(16));
    assert_true(prompt_next_change(&r, GW_SEC(15) + 1) == GW_SEC(16));
    /* run out: stays, shows 0, nothing more changes */
    assert_false(prompt_update(&r, GW_SEC(100)));
    assert_int_equal(r.step, 1);
    assert_true(prompt_remaining(&r, GW_SEC(100)) == 0);
    assert_float_equal(prompt_timer_fraction(&r, GW_SEC(100)), 1.0, 1e-6);
    assert_true(prompt_next_change(&r, GW_SEC(100)) == GW_NEVER);
}

static void auto_advance_starts_the_next_step_when_the_timer_ended(void **st)
{
    (void)st;
    prompt_run r;
    prompt_start(&r, S, 4, 0);
    prompt_next(&r, 0);
    prompt_next(&r, GW_SEC(1));                     /* step 2: 10 s, auto */
    assert_false(prompt_update(&r, GW_SEC(11) - 1));
    assert_int_equal(r.step, 2);
    /* a late frame: the next step still starts at exactly 11 s */
    assert_true(prompt_update(&r, GW_SEC(13)));
    assert_int_equal(r.step, 3);
    assert_true(r.step_start == GW_SEC(11));
    assert_false(prompt_update(&r, GW_SEC(1000)));
}

static void auto_advance_from_the_last_step_finishes(void **st)
{
    (void)st;
    prompt_step one = { .timer = GW_SEC(5), .auto_advance = true };
    prompt_run r;
    prompt_start(&r, &one, 1, GW_SEC(2));
    assert_false(prompt_update(&r, GW_SEC(6)));
    assert_true(prompt_update(&r, GW_SEC(7)));
    assert_true(prompt_finished(&r));
}

static void empty_and_null_are_finished_at_once(void **st)
{
    (void)st;
    prompt_run r;
    prompt_start(&r, NULL, 3, 0);
    assert_true(prompt_finished(&r));
    assert_false(prompt_next(&r, 0));
    assert_false(prompt_update(&r, GW_SEC(1)));
    assert_true(prompt_remaining(&r, 0) == 0);
    prompt_start(&r, S, 0, 0);
    assert_true(prompt_finished(&r));
}

static void placeholders_are_replaced(void **st)
{
    (void)st;
    char out[128];
    size_t n = prompt_expand(out, sizeof out, "Say: “My name is {name}.” Today is {date}.", "Monday", "Ana");
    assert_string_equal(out, "Say: “My name is Ana.” Today is Monday.");
    assert_int_equal(n, strlen(out));
    prompt_expand(out, sizeof out, "{name}{name} {x} { {date", NULL, "B");
    assert_string_equal(out, "BB {x} { {date");
    prompt_expand(out, sizeof out, NULL, "a", "b");
    assert_string_equal(out, "");
    assert_true(prompt_has_placeholder("My name is {name}.", "{name}"));
    assert_false(prompt_has_placeholder("My name is.", "{name}"));
    assert_false(prompt_has_placeholder(NULL, "{name}"));
}

static void expansion_truncates_on_a_character_boundary(void **st)
{
    (void)st;
    char out[8];
    /* "ñ" is two bytes: 6 ASCII + "ñ" would need 9 with the terminator */
    prompt_expand(out, sizeof out, "{name}", NULL, "abcdefñ");
    assert_string_equal(out, "abcdef");
    prompt_expand(out, sizeof out, "12345678901", NULL, NULL);
    assert_string_equal(out, "1234567");
    assert_int_equal(prompt_expand(out, 0, "x", NULL, NULL), 0);
    char one[1];
    prompt_expand(one, 1, "abc", NULL, NULL);
    assert_string_equal(one, "");
}

static void dates_are_written_out(void **st)
{
    (void)st;
    struct tm tm = { .tm_year = 125, .tm_mon = 2, .tm_mday = 4, .tm_wday = 2 };
    char out[64];
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "en", "GB"), "Tuesday 4 March 2025");
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "en", "US"), "Tuesday, March 4, 2025");
    /* a language whose names are not installed: the unambiguous form, never English */
    prompt_format_date(out, sizeof out, &tm, "zz", "ZZ");
    assert_string_equal(out, "2025-03-04");
    prompt_format_date(out, sizeof out, &tm, "es", "ES");
    assert_true(!strcmp(out, "2025-03-04") || strstr(out, "de marzo de 2025"));
    assert_string_equal(prompt_format_date(out, 4, &tm, "en", "GB"), "202");  /* too small */
    assert_string_equal(prompt_format_date(out, sizeof out, NULL, "en", "GB"), "");
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test_setup(steps_move_both_ways_and_finish, setup),
        cmocka_unit_test_setup(dots_fill_up_to_the_count_and_reset_per_step, setup),
        cmocka_unit_test_setup(timers_count_down_and_do_not_advance_unless_asked, setup),
        cmocka_unit_test_setup(auto_advance_starts_the_next_step_when_the_timer_ended, setup),
        cmocka_unit_test_setup(auto_advance_from_the_last_step_finishes, setup),
        cmocka_unit_test_setup(empty_and_null_are_finished_at_once, setup),
        cmocka_unit_test_setup(placeholders_are_replaced, setup),
        cmocka_unit_test_setup(expansion_truncates_on_a_character_boundary, setup),
        cmocka_unit_test_setup(dates_are_written_out, setup),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
