/* locales: the disclaimer and crisis lines by region, with the "*" fallback, from the
 * shipped file and from bad input; regions from locale names and the environment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/locales.h"

static const char *const TWO =
    "{\"disclaimer\": {\"en\": \"Practice aid.\", \"es\": \"Ayuda.\"},"
    " \"crisis_lines\": ["
    "  {\"regions\": [\"US\"], \"text\": {\"en\": \"US line\", \"es\": \"línea US\"}},"
    "  {\"regions\": [\"GB\", \"IE\"], \"text\": {\"en\": \"GB line\"}},"
    "  {\"regions\": [\"*\"], \"text\": {\"en\": \"any line\", \"es\": \"cualquier línea\"}}]}";

static void picks_the_region_then_the_fallback(void **st)
{
    (void)st;
    locales l = { 0 };
    char err[256];
    assert_true(locales_add_buffer(&l, "t.json", TWO, strlen(TWO), err, sizeof err));
    assert_string_equal(locales_disclaimer(&l, "en"), "Practice aid.");
    assert_string_equal(locales_disclaimer(&l, "es_ES.UTF-8"), "Ayuda.");
    assert_string_equal(locales_crisis_line(&l, "US", "en"), "US line");
    assert_string_equal(locales_crisis_line(&l, "US", "es"), "línea US");
    assert_string_equal(locales_crisis_line(&l, "IE", "en"), "GB line");
    assert_string_equal(locales_crisis_line(&l, "IE", "es"), "GB line"); /* English fallback */
    assert_string_equal(locales_crisis_line(&l, "ES", "es"), "cualquier línea");
    assert_string_equal(locales_crisis_line(&l, "", "en"), "any line");
    assert_string_equal(locales_crisis_line(&l, NULL, "en"), "any line");
    assert_string_equal(locales_crisis_line(&l, "us", "en"), "any line"); /* codes are upper case */
    locales_free(&l);
    assert_int_equal(l.nline, 0);
}

static void earlier_files_win(void **st)
{
    (void)st;
    static const char *const CLINIC =
        "{\"crisis_lines\": [{\"regions\": [\"US\", \"*\"], \"text\": {\"en\": \"Call the front desk\"}}]}";
    locales l = { 0 };
    char err[256];
    assert_true(locales_add_buffer(&l, "clinic.json", CLINIC, strlen(CLINIC), err, sizeof err));
    assert_true(locales_add_buffer(&l, "core.json", TWO, strlen(TWO), err, sizeof err));
    assert_string_equal(locales_crisis_line(&l, "US", "en"), "Call the front desk");
    assert_string_equal(locales_crisis_line(&l, "GB", "en"), "GB line");
    assert_string_equal(locales_crisis_line(&l, "FR", "en"), "Call the front desk");
    assert_string_equal(locales_disclaimer(&l, "en"), "Practice aid."); /* first file had none */
    locales_free(&l);
}

static void no_fallback_gives_empty_text(void **st)
{
    (void)st;
    static const char *const ONLY_US = "{\"crisis_lines\": [{\"regions\": [\"US\"], \"text\": {\"en\": \"988\"}}]}";
    locales l = { 0 };
    assert_true(locales_add_buffer(&l, "x", ONLY_US, strlen(ONLY_US), NULL, 0));
    assert_string_equal(locales_crisis_line(&l, "FR", "en"), "");
    assert_string_equal(locales_disclaimer(&l, "en"), "");
    locales_free(&l);
    locales empty = { 0 };
    assert_string_equal(locales_crisis_line(&empty, "US", "en"), "");
}

static void bad_input_is_an_error_that_names_the_file(void **st)
{
    (void)st;
    static const char *const BAD[] = {
        "", "{", "[]", "{\"crisis_lines\": 3}",
        "{\"crisis_lines\": [{\"regions\": [], \"text\": {\"en\": \"x\"}}]}",
        "{\"crisis_lines\": [{\"regions\": [\"usa\"], \"text\": {\"en\": \"x\"}}]}",
        "{\"crisis_lines\": [{\"regions\": [\"US\"], \"text\": \"x\"}]}",
        "{\"crisis_lines\": [{\"regions\": [\"US\"], \"text\": {\"en\": 5}}]}",
        "{\"crisis_lines\": [{\"regions\": [\"US\"]}]}",
        "{\"disclaimer\": {}, \"crisis_lines\": []}",
        "{\"crisis_lines\": [{\"regions\": [\"US\"], \"text\": {\"en\": \"a\"}}, 7]}",
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        locales l = { 0 };
        char err[256] = "";
        assert_false(locales_add_buffer(&l, "bad.json", BAD[i], strlen(BAD[i]), err, sizeof err));
        assert_true(!strncmp(err, "bad.json: ", 10));
        assert_int_equal(l.nline, 0);  /* nothing half-added */
        locales_free(&l);
    }
    locales l = { 0 };
    char err[256];
    assert_false(locales_add_file(&l, "/nonexistent/locales.json", err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/locales.json: "));
    assert_false(locales_add_buffer(&l, "n", NULL, 0, err, sizeof err));
}

static void the_shipped_file_has_lines_for_us_gb_and_everywhere(void **st)
{
    (void)st;
    locales l = { 0 };
    char err[256];
    assert_true(locales_add_file(&l, GW_SOURCE_DIR "/content/core/locales.json", err, sizeof err));
    assert_non_null(strstr(locales_crisis_line(&l, "US", "en"), "988"));
    assert_non_null(strstr(locales_crisis_line(&l, "GB", "en"), "116 123"));
    assert_non_null(strstr(locales_crisis_line(&l, "IE", "es"), "116 123"));
    const char *any = locales_crisis_line(&l, "ES", "es");
    assert_true(any[0] && !strstr(any, "988") && !strstr(any, "116"));
    assert_non_null(strstr(locales_disclaimer(&l, "en"), "practice aid"));
    locales_free(&l);
}

static int cmp_str(const void *a, const void *b) { return strcmp(a, b); }

/* The numbers of a text, each written without the spaces inside it ("116 123" and
 * "116\u00a0123" are both 116123), sorted, unique, joined by ','. */
static void numbers_of(const char *s, char *out, size_t n)
{
    char num[16][24];
    int k = 0;
    for (const char *p = s; *p && k < 16;) {
        if (!(*p >= '0' && *p <= '9')) { p++; continue; }
        size_t len = 0;
        for (;;) {
            while (*p >= '0' && *p <= '9' && len + 1 < sizeof num[k])
                num[k][len++] = *p++;
            if (p[0] == ' ' && p[1] >= '0' && p[1] <= '9') p += 1;
            else if (!strncmp(p, "\xc2\xa0", 2) && p[2] >= '0' && p[2] <= '9') p += 2;
            else break;
        }
        num[k][len] = 0;
        bool seen = false;
        for (int j = 0; j < k; j++)
            seen = seen || !strcmp(num[j], num[k]);
        if (!seen)
            k++;
    }
    qsort(num, (size_t)k, sizeof num[0], cmp_str);
    out[0] = 0;
    for (int j = 0; j < k; j++)
        snprintf(out + strlen(out), n - strlen(out), "%s%s", j ? "," : "", num[j]);
}

/* Every language of the interface has the disclaimer and every line in its own words,
 * with exactly the English line's numbers (a translation never adds a number), and the
 * line for other regions has no number at all. */
static void every_interface_language_has_the_safety_line_with_the_same_numbers(void **st)
{
    (void)st;
    locales l = { 0 };
    char err[256];
    assert_true(locales_add_file(&l, GW_SOURCE_DIR "/content/core/locales.json", err, sizeof err));
    static const char *const LANGS[] = { "es", "de", "ar" };
    static const char *const REGIONS[] = { "US", "GB", "IE", "DE", "AT", "EG", "SA", "MA", "" };
    for (size_t i = 0; i < sizeof LANGS / sizeof *LANGS; i++) {
        const char *d = locales_disclaimer(&l, LANGS[i]);
        assert_true(d[0] && strcmp(d, locales_disclaimer(&l, "en")) != 0);
        for (size_t r = 0; r < sizeof REGIONS / sizeof *REGIONS; r++) {
            const char *en = locales_crisis_line(&l, REGIONS[r], "en");
            const char *tr = locales_crisis_line(&l, REGIONS[r], LANGS[i]);
            assert_true(tr[0] && strcmp(en, tr) != 0);
            char a[128], b[128];
            numbers_of(en, a, sizeof a);
            numbers_of(tr, b, sizeof b);
            if (strcmp(a, b) != 0)
                fail_msg("%s line for \"%s\": numbers %s, English has %s", LANGS[i], REGIONS[r], b, a);
        }
    }
    char none[128];
    numbers_of(locales_crisis_line(&l, "DE", "de"), none, sizeof none);
    assert_string_equal(none, "");
    numbers_of(locales_crisis_line(&l, "EG", "ar"), none, sizeof none);
    assert_string_equal(none, "");
    numbers_of(locales_crisis_line(&l, "GB", "ar"), none, sizeof none);
    assert_string_equal(none, "112,116123,999");
    locales_free(&l);
}

static void regions_come_from_locale_names(void **st)
{
    (void)st;
    char r[8];
    assert_true(locales_region_of("en_US.UTF-8", r, sizeof r));
    assert_string_equal(r, "US");
    assert_true(locales_region_of("es_ES", r, sizeof r));
    assert_string_equal(r, "ES");
    assert_true(locales_region_of("sr_RS@latin", r, sizeof r));
    assert_string_equal(r, "RS");
    assert_true(locales_region_of("en-gb", r, sizeof r));
    assert_string_equal(r, "GB");
    static const char *const NONE[] = { "C", "C.UTF-8", "POSIX", "en", "", "es_", "es_E", "es_ESP", "zh_Hant_TW" };
    for (size_t i = 0; i < sizeof NONE / sizeof NONE[0]; i++) {
        assert_false(locales_region_of(NONE[i], r, sizeof r));
        assert_string_equal(r, "");
    }
    assert_false(locales_region_of(NULL, r, sizeof r));
    assert_false(locales_region_of("en_US", r, 2));  /* no room */
}

static void the_environment_decides_in_posix_order(void **st)
{
    (void)st;
    char r[8];
    setenv("LC_ALL", "es_MX.UTF-8", 1);
    setenv("LANG", "en_GB.UTF-8", 1);
    assert_true(locales_region_from_env(r, sizeof r));
    assert_string_equal(r, "MX");
    setenv("LC_ALL", "", 1);
    unsetenv("LC_MESSAGES");
    assert_true(locales_region_from_env(r, sizeof r));
    assert_string_equal(r, "GB");
    setenv("LC_ALL", "C.UTF-8", 1);  /* set but names no region: LANG is not consulted */
    assert_false(locales_region_from_env(r, sizeof r));
    unsetenv("LC_ALL");
    unsetenv("LANG");
    assert_false(locales_region_from_env(r, sizeof r));
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(picks_the_region_then_the_fallback),
        cmocka_unit_test(earlier_files_win),
        cmocka_unit_test(no_fallback_gives_empty_text),
        cmocka_unit_test(bad_input_is_an_error_that_names_the_file),
        cmocka_unit_test(the_shipped_file_has_lines_for_us_gb_and_everywhere),
        cmocka_unit_test(every_interface_language_has_the_safety_line_with_the_same_numbers),
        cmocka_unit_test(regions_come_from_locale_names),
        cmocka_unit_test(the_environment_decides_in_posix_order),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
