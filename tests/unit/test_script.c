/* script: the play input format, and its located errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/script.h"

static script *parse(const char *text, char *err)
{
    return script_parse("s.jsonl", text, strlen(text), err, 256);
}

static void every_action_parses(void **st)
{
    (void)st;
    char err[256] = "";
    const char *text =
        "# a comment\n"
        "{\"at\": 0, \"key\": \"Escape\"}\n"
        "{\"at\": 0.5, \"key\": \"Q\", \"mod\": [\"ctrl\", \"shift\"]}\n"
        "\n"
        "{\"at\": 1, \"text\": \"hola\"}\n"
        "{\"at\": 1.25, \"tap\": [0.5, 0.25]}\n"
        "{\"at\": 2, \"click\": [1, 0]}\n"
        "{\"at\": 3, \"press\": \"exercise:box-breathing\"}\n"
        "{\"at\": 4, \"quit\": true}\n"
        "{\"at\": 5, \"resize\": [800, 600]}\n"
        "{\"at\": 6, \"audio_device\": \"removed\"}\n"
        "{\"at\": 6, \"audio_device\": \"added\"}\n"
        "{\"at\": 7, \"screenshot\": \"f.png\"}\n"
        "{\"at\": 8, \"choose\": \"exercise:pmr-4\"}\n"
        "{\"at\": 9, \"end\": true}\n";
    script *s = parse(text, err);
    assert_non_null(s);
    assert_int_equal(s->n, 13);
    assert_int_equal(s->item[11].action, SCRIPT_CHOOSE);
    assert_string_equal(s->item[11].arg, "exercise:pmr-4");
    assert_int_equal(s->item[0].ev.type, EV_KEY);
    assert_string_equal(s->item[0].ev.key, "Escape");
    assert_int_equal(s->item[0].line, 2);
    assert_int_equal(s->item[1].ev.mods, GW_MOD_CTRL | GW_MOD_SHIFT);
    assert_true(s->item[1].at == 500000000);
    assert_string_equal(s->item[2].ev.text, "hola");
    assert_int_equal(s->item[3].action, SCRIPT_TAP);
    assert_true(s->item[3].ev.touch);
    assert_true(s->item[3].ev.y == 0.25f);
    assert_int_equal(s->item[4].action, SCRIPT_CLICK);
    assert_false(s->item[4].ev.touch);
    assert_int_equal(s->item[5].action, SCRIPT_PRESS);
    assert_string_equal(s->item[5].arg, "exercise:box-breathing");
    assert_int_equal(s->item[6].ev.type, EV_QUIT);
    assert_int_equal(s->item[7].ev.w, 800);
    assert_false(s->item[8].ev.added);
    assert_true(s->item[9].ev.added);
    assert_int_equal(s->item[10].action, SCRIPT_SCREENSHOT);
    assert_int_equal(s->item[12].action, SCRIPT_END);
    script_free(s);
}

static void expect_error(const char *text, const char *want)
{
    char err[256] = "";
    script *s = parse(text, err);
    assert_null(s);
    assert_string_equal(err, want);
}

static void bad_lines_say_where_and_what(void **st)
{
    (void)st;
    expect_error("{\"at\": 0, \"end\": true}\n{oops\n", "s.jsonl:2: not a JSON object (each line is {\"at\": SECONDS, ACTION})");
    expect_error("{\"key\": \"A\"}", "s.jsonl:1: missing \"at\" (seconds from the start)");
    expect_error("{\"at\": -1, \"key\": \"A\"}", "s.jsonl:1: \"at\" must be a number of seconds, 0 or more");
    expect_error("{\"at\": 1, \"jump\": true}",
                 "s.jsonl:1: unknown action (expected key, text, tap, click, press, choose, quit, resize, audio_device, screenshot or end)");
    expect_error("{\"at\": 1, \"key\": \"A\", \"text\": \"b\"}", "s.jsonl:1: more than one action on a line");
    expect_error("{\"at\": 1}", "s.jsonl:1: no action on the line");
    expect_error("{\"at\": 1, \"choose\": \"\"}", "s.jsonl:1: \"choose\" takes a widget id");
    expect_error("{\"at\": 1, \"tap\": [2, 0]}", "s.jsonl:1: a tap or click takes [x, y] with both between 0 and 1");
    expect_error("{\"at\": 1, \"tap\": [0.5]}", "s.jsonl:1: a tap or click takes [x, y] with both between 0 and 1");
    expect_error("{\"at\": 1, \"audio_device\": \"gone\"}", "s.jsonl:1: \"audio_device\" must be \"removed\" or \"added\"");
    expect_error("{\"at\": 2, \"end\": true}\n{\"at\": 1, \"end\": true}",
                 "s.jsonl:2: \"at\" goes back in time; lines must be in time order");
    expect_error("{\"at\": 1, \"key\": \"A\", \"mod\": [\"hyper\"]}",
                 "s.jsonl:1: \"mod\" must be a list of \"ctrl\", \"alt\", \"shift\", \"gui\"");
    expect_error("{\"at\": 1, \"text\": \"a\", \"mod\": [\"ctrl\"]}", "s.jsonl:1: \"mod\" goes only with \"key\"");
    expect_error("{\"at\": 1, \"quit\": false}", "s.jsonl:1: \"quit\" must be true");
    expect_error("{\"at\": 1, \"resize\": [10, 10]}", "s.jsonl:1: \"resize\" takes [width, height] in pixels, 64 to 16384");
    expect_error("[1, 2]", "s.jsonl:1: not a JSON object (each line is {\"at\": SECONDS, ACTION})");
}

/* A key is pressed and let go at once; keydown and keyup hold one (the kiosk's holds). */
static void keys_held_and_let_go(void **st)
{
    (void)st;
    char err[256] = "";
    script *s = parse("{\"at\": 0, \"key\": \"Space\"}\n"
                      "{\"at\": 1, \"keydown\": \"Space\"}\n"
                      "{\"at\": 4, \"keyup\": \"Space\"}\n"
                      "{\"at\": 5, \"keydown\": \"R\", \"mod\": [\"ctrl\"]}\n", err);
    assert_non_null(s);
    assert_int_equal(s->n, 4);
    assert_int_equal(s->item[0].action, SCRIPT_KEY);
    assert_int_equal(s->item[0].ev.type, EV_KEY);
    assert_int_equal(s->item[1].action, SCRIPT_EVENT);
    assert_int_equal(s->item[1].ev.type, EV_KEY);
    assert_string_equal(s->item[1].ev.key, "Space");
    assert_int_equal(s->item[2].action, SCRIPT_EVENT);
    assert_int_equal(s->item[2].ev.type, EV_KEY_UP);
    assert_int_equal(s->item[3].ev.mods, GW_MOD_CTRL);
    script_free(s);
}

static void missing_file_is_an_error(void **st)
{
    (void)st;
    char err[256];
    assert_null(script_load("/nonexistent/s.jsonl", err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/s.jsonl: cannot be read: No such file"));
}

static void empty_script_is_fine(void **st)
{
    (void)st;
    char err[256];
    script *s = parse("", err);
    assert_non_null(s);
    assert_int_equal(s->n, 0);
    script_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_action_parses),
        cmocka_unit_test(bad_lines_say_where_and_what),
        cmocka_unit_test(keys_held_and_let_go),
        cmocka_unit_test(missing_file_is_an_error),
        cmocka_unit_test(empty_script_is_fine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
