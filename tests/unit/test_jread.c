/* Tests for jread, the one reader of outside JSON: typed getters, what they report
 * (file, line, column, JSON path, what was expected), the limits (size, nesting,
 * messages per file, string length), and jread_tree for readers that word their own
 * messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/jread.h"

static pack_diags d;
static jread r;

static const cJSON *open_text(const char *text, const jread_limits *lim)
{
    pack_diags_free(&d);
    jread_open(&r, &d, "t.json", lim, NULL);
    return jread_parse(&r, text, strlen(text));
}

static const char *line(int i)
{
    static char buf[1024];
    assert_true(i < d.n);
    pack_diag_format(&d.v[i], buf, sizeof buf);
    return buf;
}

static void done(void)
{
    jread_close(&r);
    pack_diags_free(&d);
}

static void test_getters_ok(void **state)
{
    (void)state;
    const cJSON *o = open_text("{\"n\": 4.5, \"i\": 3, \"s\": \"caf\xc3\xa9\", \"b\": true, "
                               "\"e\": \"box\", \"a\": [1, 2], \"o\": {}}", NULL);
    assert_non_null(o);
    double x = 0;
    assert_int_equal(jread_get_num(&r, o, "n", true, 0, 10, "seconds", JREAD_STEP, &x), JREAD_OK);
    assert_true(x == 4.5);
    assert_int_equal(jread_get_num(&r, o, "i", true, 1, 5, "", JREAD_INT, &x), JREAD_OK);
    assert_true(x == 3);
    assert_int_equal(jread_get_num(&r, o, "absent", false, 0, 1, "", 0, &x), JREAD_NONE);
    char *str = NULL;
    assert_int_equal(jread_get_str(&r, o, "s", true, 4, &str), JREAD_OK);
    assert_string_equal(str, "caf\xc3\xa9"); /* 4 characters, 5 bytes */
    free(str);
    bool b = false;
    assert_int_equal(jread_get_bool(&r, o, "b", true, &b), JREAD_OK);
    assert_true(b);
    static const char *const names[] = { "orb", "box", "wave" };
    int k = -1;
    assert_int_equal(jread_get_enum(&r, o, "e", true, names, 3, &k), JREAD_OK);
    assert_int_equal(k, 1);
    assert_non_null(jread_get_array(&r, o, "a", true, 1, 2, "number"));
    assert_non_null(jread_get_object(&r, o, "o", true));
    assert_int_equal(d.n, 0);
    assert_int_equal(r.own_errors, 0);
    done();
}

/* Each getter says what it expected, at the value's line and column, with the path. */
static void test_getters_report(void **state)
{
    (void)state;
    const cJSON *o = open_text("{\n"
                               "  \"outer\": {\n"
                               "    \"n\": 61,\n"
                               "    \"s\": \"\",\n"
                               "    \"e\": \"ball\",\n"
                               "    \"b\": 1,\n"
                               "    \"a\": [1, 2, 3],\n"
                               "    \"step\": 0.25,\n"
                               "    \"whole\": 1.5,\n"
                               "    \"long\": \"abcdef\",\n"
                               "    \"typo\": 1\n"
                               "  }\n"
                               "}\n", NULL);
    assert_non_null(o);
    const cJSON *in = jread_get_object(&r, o, "outer", true);
    assert_non_null(in);
    size_t mark = jread_push_key(&r, "outer");
    static const char *const known[] = { "n", "s", "e", "b", "a", "step", "whole", "long", "type" };
    jread_check_fields(&r, in, known, 9);
    double x;
    assert_int_equal(jread_get_num(&r, in, "n", true, 0.5, 60, "seconds", 0, &x), JREAD_BAD);
    char *s = NULL;
    assert_int_equal(jread_get_str(&r, in, "s", true, 10, &s), JREAD_BAD);
    static const char *const names[] = { "orb", "box", "wave" };
    int k;
    assert_int_equal(jread_get_enum(&r, in, "e", true, names, 3, &k), JREAD_BAD);
    bool b;
    assert_int_equal(jread_get_bool(&r, in, "b", true, &b), JREAD_BAD);
    assert_null(jread_get_array(&r, in, "a", true, 1, 2, "phase"));
    assert_int_equal(jread_get_num(&r, in, "step", true, 0, 1, "seconds", JREAD_STEP, &x), JREAD_BAD);
    assert_int_equal(jread_get_num(&r, in, "whole", true, 0, 5, "", JREAD_INT, &x), JREAD_BAD);
    assert_int_equal(jread_get_str(&r, in, "long", true, 5, &s), JREAD_BAD);
    assert_null(jread_member(&r, in, "needed", true));
    jread_pop(&r, mark);
    jread_close(&r); /* sorts by position */
    const char *want[] = {
        "t.json:2:12: $.outer: missing required field \"needed\"",
        "t.json:3:10: $.outer.n: must be between 0.5 and 60 seconds (got 61)",
        "t.json:4:10: $.outer.s: must not be empty",
        "t.json:5:10: $.outer.e: must be \"orb\", \"box\" or \"wave\" (got \"ball\")",
        "t.json:6:10: $.outer.b: must be true or false, not a number",
        "t.json:7:10: $.outer.a: must hold at most 2 phases (has 3)",
        "t.json:8:13: $.outer.step: must be a multiple of 0.1 seconds (got 0.25)",
        "t.json:9:14: $.outer.whole: must be a whole number (got 1.5)",
        "t.json:10:13: $.outer.long: is too long for the screen: 6 characters, at most 5",
        "t.json:11:5: $.outer.typo: warning: unknown field \"typo\" is ignored (did you mean \"type\"?)",
    };
    assert_int_equal(d.n, 10);
    for (int i = 0; i < 10; i++)
        assert_string_equal(line(i), want[i]);
    assert_int_equal(r.own_errors, 9); /* the warning is not an error */
    pack_diags_free(&d);
}

static void test_syntax_and_limits(void **state)
{
    (void)state;
    assert_null(open_text("{\"a\": 1,\n \"b\": 2,}", NULL));
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(line(0), "t.json:2:8: JSON syntax error"));
    assert_int_equal(d.v[0].path[0], 0); /* about the text: no JSON path */
    done();

    jread_limits lim = { .max_depth = 3, .deep_hint = "; too deep for us" };
    assert_null(open_text("{\"a\": [[[1]]]}", &lim));
    assert_string_equal(line(0), "t.json:1:9: nested more than 3 levels deep; too deep for us");
    done();
    assert_non_null(open_text("{\"a\": [[1]]}", &lim));
    done();

    lim = (jread_limits){ .max_bytes = 8, .suffix = "; using the defaults" };
    assert_null(open_text("{\"a\": 12345}", &lim));
    assert_string_equal(line(0), "t.json: is larger than 8 bytes (12 bytes); refusing to read it; using the defaults");
    done();

    /* at most max_diags messages a file, then one line says so; errors are all counted */
    lim = (jread_limits){ .max_diags = 2 };
    const cJSON *o = open_text("[1, 2, 3, 4]", &lim);
    assert_non_null(o);
    int i = 0;
    for (const cJSON *x = o->child; x; x = x->next, i++) {
        size_t m = jread_push_index(&r, i);
        jread_rep(&r, x, PACK_ERROR, "bad");
        jread_pop(&r, m);
    }
    jread_close(&r);
    assert_int_equal(r.own_errors, 4);
    assert_int_equal(d.n, 3);
    assert_string_equal(line(1), "t.json:1:5: $[1]: bad");
    assert_string_equal(line(2), "t.json: too many problems in this file; only the first 2 are shown");
    pack_diags_free(&d);

    /* without paths and in the order found */
    lim = (jread_limits){ .no_path = true, .keep_order = true };
    o = open_text("{\"a\": 1, \"b\": 2}", &lim);
    jread_rep(&r, jread_obj_get(o, "b"), PACK_ERROR, "second");
    jread_rep_key(&r, jread_obj_get(o, "a"), PACK_ERROR, "first");
    jread_close(&r);
    assert_string_equal(line(0), "t.json:1:15: second");
    assert_string_equal(line(1), "t.json:1:2: first");
    pack_diags_free(&d);
}

static void test_path_quoting(void **state)
{
    (void)state;
    const cJSON *o = open_text("{\"odd key\": {\"x\": 1}}", NULL);
    size_t m = jread_push_key(&r, "odd key");
    jread_push_index(&r, 3);
    jread_push_key(&r, "x");
    char buf[JREAD_PATH_CAP];
    assert_string_equal(jread_path(&r, buf), "$[\"odd key\"][3].x");
    jread_pop(&r, m);
    assert_string_equal(jread_path(&r, buf), "$");
    jsonloc_pos p = jread_pos(&r, jread_obj_get(o, "odd key"));
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 13);
    done();
}

static void test_tree(void **state)
{
    (void)state;
    jsonloc jl;
    jread_fail f;
    cJSON *t = jread_tree(&jl, "{\"a\": [1, 2]}", 13, 4, &f);
    assert_non_null(t);
    assert_int_equal(cJSON_GetArraySize(jread_obj_get(t, "a")), 2);
    jsonloc_free(&jl);

    assert_null(jread_tree(&jl, "{\n  \"a\": tru}", 13, 4, &f));
    assert_int_equal(f.status, JSONLOC_SYNTAX);
    assert_false(f.nomem);
    assert_int_equal(f.at.line, 2);
    assert_true(f.why && f.why[0]);
    jsonloc_free(&jl);

    assert_null(jread_tree(&jl, "[[[[1]]]]", 9, 3, &f));
    assert_int_equal(f.status, JSONLOC_TOO_DEEP);
    assert_string_equal(f.why, "nested too deeply");
    jsonloc_free(&jl);

    assert_null(jread_tree(&jl, NULL, 0, 3, &f));
    assert_true(f.nomem);
    jsonloc_free(&jl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_getters_ok),
        cmocka_unit_test(test_getters_report),
        cmocka_unit_test(test_syntax_and_limits),
        cmocka_unit_test(test_path_quoting),
        cmocka_unit_test(test_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
