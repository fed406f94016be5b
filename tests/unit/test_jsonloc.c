/* Tests for jsonloc_parse: the tree it builds from scanned text must be the tree
 * cJSON_Parse builds (types, keys, strings after unescaping, numbers, order, prev
 * links), every node must carry its record index, and numbers too long for the fast
 * path must come out as cJSON reads them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "core/jsonloc.h"

/* Same types, keys, strings, numbers (exactly: 1e999 is infinite in both), shape and
 * order, and prev links as cJSON keeps them (the head's prev is the tail). */
static void same_links(const cJSON *a, const cJSON *b)
{
    for (; a && b; a = a->next, b = b->next) {
        assert_int_equal(a->type & 0xFF, b->type & 0xFF);
        assert_int_equal(a->string != NULL, b->string != NULL);
        if (a->string) assert_string_equal(a->string, b->string);
        assert_int_equal(a->valuestring != NULL, b->valuestring != NULL);
        if (a->valuestring) assert_string_equal(a->valuestring, b->valuestring);
        if (cJSON_IsNumber(a)) assert_true(a->valuedouble == b->valuedouble);
        if (a->child) {
            const cJSON *tail = a->child;
            while (tail->next) tail = tail->next;
            assert_ptr_equal(a->child->prev, tail);
            for (const cJSON *m = a->child->next; m; m = m->next) assert_ptr_equal(m->prev->next, m);
        }
        same_links(a->child, b->child);
    }
    assert_null(a);
    assert_null(b);
}

/* Pre-order: each node's valueint is its index. */
static void numbered(const cJSON *n, int *idx)
{
    for (; n; n = n->next) {
        assert_int_equal(n->valueint, (*idx)++);
        numbered(n->child, idx);
    }
}

static void check_same(const char *text)
{
    jsonloc jl;
    size_t len = strlen(text);
    assert_int_equal(jsonloc_scan(&jl, text, len, 16), JSONLOC_OK);
    const char *end = NULL;
    cJSON *mine = jsonloc_parse(&jl, &end);
    assert_non_null(mine);
    cJSON *ref = cJSON_ParseWithLength(text, len);
    assert_non_null(ref);
    same_links(mine, ref);
    int idx = 0;
    numbered(mine, &idx);
    assert_int_equal((size_t)idx, jl.nval);
    assert_int_equal(jsonloc_value_off(&jl, mine), jl.start + strspn(text + jl.start, " \t\r\n"));
    cJSON_Delete(ref);
    jsonloc_free(&jl);
}

static void test_same_tree(void **state)
{
    (void)state;
    check_same("{\"a\": 1, \"b\": [true, false, null, -0.5e3, 1E+2, 0], \"c\": {}, \"d\": []}");
    check_same("  [\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC\\uD83D\\uDE00 \\u0041\", \"\xc3\xa9\"]  ");
    check_same("\xEF\xBB\xBF{\"bom\": \"first\"}");
    check_same("{\"dup\": 1, \"dup\": 2, \"\": \"empty key\", \"k\\u00e9y\": 3}");
    check_same("42");
    check_same("\"just text\"");
    check_same("[[[[[[1]]]]], {\"x\": {\"y\": {\"z\": [0.1, 2.5, 1e999, -1e-999]}}}]");
    check_same("[123456789012345678901234567890123456789012345678901234567890123]");  /* 63 */
}

/* Numbers longer than 63 characters are left to cJSON (versions differ on them):
 * the result, tree or failure, must be cJSON's. */
static void test_long_numbers_as_cjson(void **state)
{
    (void)state;
    const char *texts[] = {
        "{\"n\": 1234567890123456789012345678901234567890123456789012345678901234}",
        "[0.12345678901234567890123456789012345678901234567890123456789012345678901234567890e5]",
    };
    for (int i = 0; i < 2; i++) {
        const char *text = texts[i];
        cJSON *ref = cJSON_ParseWithLength(text, strlen(text));
        if (ref) {
            check_same(text);
            cJSON_Delete(ref);
            continue;
        }
        jsonloc jl;
        assert_int_equal(jsonloc_scan(&jl, text, strlen(text), 16), JSONLOC_OK);
        const char *end = NULL, *ref_end = NULL;
        assert_null(jsonloc_parse(&jl, &end));
        assert_null(cJSON_ParseWithLengthOpts(text, strlen(text), &ref_end, false));
        assert_ptr_equal(end, ref_end);
        jsonloc_free(&jl);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_tree),
        cmocka_unit_test(test_long_numbers_as_cjson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
