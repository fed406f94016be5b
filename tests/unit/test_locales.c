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
        "{\"crisis_lines\": [{\"regions\": [\"*\"], \"placeholder\": 1, \"text\": {\"en\": \"a\"}}]}",
        "{\"crisis_lines\": [], \"region_names\": {\"es\": {\"en\": \"Spain\"}}}",
        "{\"crisis_lines\": [], \"region_names\": {\"ES\": \"Spain\"}}",
        "{\"crisis_lines\": [], \"language_regions\": {\"es\": \"es\"}}",
        "{\"crisis_lines\": [], \"language_regions\": [\"ES\"]}",
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

#define NBSP "\xc2\xa0" /* inside numbers: never broken across lines */

static void the_shipped_file_has_lines_for_us_gb_and_everywhere(void **st)
{
    (void)st;
    locales l = { 0 };
    char err[256];
    assert_true(locales_add_file(&l, GW_SOURCE_DIR "/content/core/locales.json", err, sizeof err));
    assert_non_null(strstr(locales_crisis_line(&l, "US", "en"), "988"));
    assert_non_null(strstr(locales_crisis_line(&l, "GB", "en"), "116" NBSP "123"));
    assert_non_null(strstr(locales_crisis_line(&l, "IE", "es"), "116" NBSP "123"));
    const char *any = locales_crisis_line(&l, "FR", "es");
    assert_true(any[0] && !strstr(any, "988") && !strstr(any, "116"));
    assert_true(locales_line(&l, "FR")->placeholder);
    assert_false(locales_line(&l, "US")->placeholder);
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
    static const char *const REGIONS[] = { "US", "GB", "IE", "ES", "MX", "DE", "AT", "CH", "LB", "EG", "SA", "MA", "" };
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
    numbers_of(locales_crisis_line(&l, "FR", "de"), none, sizeof none);
    assert_string_equal(none, "");
    numbers_of(locales_crisis_line(&l, "EG", "ar"), none, sizeof none);
    assert_string_equal(none, "");
    numbers_of(locales_crisis_line(&l, "GB", "ar"), none, sizeof none);
    assert_string_equal(none, "112,116123,999");
    locales_free(&l);
}

/* What a person whose locale is `locale` sees: the line for the region that locale
 * implies, in the locale's language, with these numbers (and only a general line,
 * asking for the local one, where the reference gives none). */
static void each_locale_gets_its_line(void **st)
{
    (void)st;
    static const struct {
        const char *locale, *region;
        const char *numbers; /* as numbers_of writes them */
        bool general;
    } W[] = {
        { "en_US.UTF-8", "US", "911,988", false },
        { "en_GB.UTF-8", "GB", "112,116123,999", false },
        { "en_IE.UTF-8", "IE", "112,116123,999", false },
        { "es_ES.UTF-8", "ES", "024,112,24", false },
        { "es_MX.UTF-8", "MX", "8009112000,911", false },
        { "es_US.UTF-8", "US", "911,988", false },
        { "es", "ES", "024,112,24", false },
        { "de_DE.UTF-8", "DE", "08001110111,08001110222,112,116123", false },
        { "de", "DE", "08001110111,08001110222,112,116123", false },
        { "de_AT.UTF-8", "AT", "142", false },
        { "de_CH.UTF-8", "CH", "143", false },
        { "ar", "", "", true },
        { "ar_EG.UTF-8", "EG", "", true },
        { "ar_LB.UTF-8", "LB", "1564", false },
        { "en", "", "", true },
        { "C.UTF-8", "", "", true },
    };
    locales l = { 0 };
    char err[256];
    assert_true(locales_add_file(&l, GW_SOURCE_DIR "/content/core/locales.json", err, sizeof err));
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
        char r[8], lang[4], got[128];
        locales_region_for(&l, W[i].locale, r, sizeof r);
        if (strcmp(r, W[i].region))
            fail_msg("%s: region \"%s\", wanted \"%s\"", W[i].locale, r, W[i].region);
        snprintf(lang, sizeof lang, "%.2s", W[i].locale[0] == 'C' ? "en" : W[i].locale);
        const locale_line *ln = locales_line(&l, r);
        assert_non_null(ln);
        const char *text = locales_crisis_line(&l, r, lang);
        numbers_of(text, got, sizeof got);
        if (strcmp(got, W[i].numbers) || ln->placeholder != W[i].general)
            fail_msg("%s: \"%s\" (numbers %s), wanted numbers %s%s", W[i].locale, text, got, W[i].numbers,
                     W[i].general ? " and a general line" : "");
        /* in the person's own language, never the English text (except for English) */
        if (strcmp(lang, "en"))
            assert_string_not_equal(text, locales_crisis_line(&l, r, "en"));
    }
    /* the countries the settings offer, in the file's order, each named in every language */
    char rs[16][4];
    int n = locales_regions(&l, rs, 16);
    static const char *const ORDER[] = { "US", "GB", "IE", "ES", "MX", "DE", "AT", "CH", "LB" };
    assert_int_equal(n, 9);
    for (int i = 0; i < n; i++) {
        assert_string_equal(rs[i], ORDER[i]);
        assert_non_null(locales_region_name(&l, rs[i], "ar"));
    }
    assert_string_equal(locales_region_name(&l, "ES", "es"), "España");
    assert_string_equal(locales_region_name(&l, "AT", "de_AT.UTF-8"), "Österreich");
    assert_null(locales_region_name(&l, "FR", "en"));
    locales_free(&l);
}

/* A deployment's file, added first: its line, its names and its language's region win,
 * and a region the built-in file also has is offered once. */
static void a_deployments_file_adds_a_country(void **st)
{
    (void)st;
    static const char *const EG =
        "{\"crisis_lines\": [{\"regions\": [\"EG\", \"US\"], \"text\": {\"ar\": \"خط العيادة 0000\"}}],"
        " \"region_names\": {\"EG\": {\"en\": \"Egypt\", \"ar\": \"مصر\"}},"
        " \"language_regions\": {\"ar\": \"EG\", \"es\": \"MX\"}}";
    locales l = { 0 };
    char err[256], r[8], rs[16][4];
    assert_true(locales_add_buffer(&l, "clinic.json", EG, strlen(EG), err, sizeof err));
    assert_true(locales_add_file(&l, GW_SOURCE_DIR "/content/core/locales.json", err, sizeof err));
    assert_true(locales_region_for(&l, "ar", r, sizeof r));
    assert_string_equal(r, "EG");
    assert_true(locales_region_for(&l, "es", r, sizeof r));
    assert_string_equal(r, "MX");
    assert_string_equal(locales_crisis_line(&l, "EG", "ar"), "خط العيادة 0000");
    assert_false(locales_line(&l, "EG")->placeholder);
    assert_string_equal(locales_region_name(&l, "EG", "de"), "Egypt");
    int n = locales_regions(&l, rs, 16);
    assert_int_equal(n, 10); /* EG, US (the clinic's), then GB ... LB */
    assert_string_equal(rs[0], "EG");
    assert_string_equal(rs[1], "US");
    assert_string_equal(rs[2], "GB");
    assert_int_equal(locales_regions(&l, rs, 2), 10); /* all counted, two written */
    locales_free(&l);
}

static bool has_diag(const pack_diags *d, pack_severity sev, int line, const char *path, const char *msg)
{
    for (int i = 0; i < d->n; i++)
        if (d->v[i].severity == sev && (line == 0 || d->v[i].line == line) && !strcmp(d->v[i].path, path) &&
            strstr(d->v[i].msg, msg))
            return true;
    return false;
}

static void dump(const pack_diags *d)
{
    char b[1024];
    for (int i = 0; i < d->n; i++) {
        pack_diag_format(&d->v[i], b, sizeof b);
        fprintf(stderr, "  %s\n", b);
    }
}

static const char *const UI[] = { "en", "es", "de", "ar" };

/* `validate`: the shipped file is clean; problems are located, a missing language is a
 * warning that names the text used instead, a number a translation changed is a
 * warning, a missing disclaimer or "*" line is an error in a pack's file. */
static void check_finds_and_locates_problems(void **st)
{
    (void)st;
    FILE *f = fopen(GW_SOURCE_DIR "/content/core/locales.json", "rb");
    assert_non_null(f);
    static char buf[256 * 1024];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    pack_diags d = { 0 };
    bool ok = locales_check("locales.json", buf, len, false, UI, 4, &d);
    if (!ok || d.n)
        dump(&d);
    assert_true(ok);
    assert_int_equal(d.n, 0);
    pack_diags_free(&d);

    static const char *const BAD =
        "{\n"
        "  \"crisis_lines\": [\n"
        "    {\"regions\": [\"ES\"], \"text\": {\"en\": \"Call 024.\", \"es\": \"Llama al 042.\"}},\n"
        "    {\"regions\": [\"ES\", \"fr\"], \"text\": {}},\n"
        "    {\"regions\": [\"DE\"], \"colour\": 1, \"text\": {\"en\": \"\"}}\n"
        "  ]\n"
        "}\n";
    assert_false(locales_check("bad.json", BAD, strlen(BAD), false, UI, 4, &d));
    bool all = has_diag(&d, PACK_ERROR, 1, "$", "missing required field \"disclaimer\"") &&
               has_diag(&d, PACK_WARNING, 3, "$.crisis_lines[0].text", "no \"de\" text; the \"en\" one is used") &&
               has_diag(&d, PACK_WARNING, 3, "$.crisis_lines[0].text", "no \"ar\" text") &&
               has_diag(&d, PACK_WARNING, 3, "$.crisis_lines[0].text.es", "its numbers (042)") &&
               has_diag(&d, PACK_WARNING, 4, "$.crisis_lines[1].regions[0]", "already has a line") &&
               has_diag(&d, PACK_ERROR, 4, "$.crisis_lines[1].regions[1]", "two-letter upper-case") &&
               has_diag(&d, PACK_ERROR, 4, "$.crisis_lines[1].text", "must be an object of texts") &&
               has_diag(&d, PACK_WARNING, 5, "$.crisis_lines[2].colour", "unknown field") &&
               has_diag(&d, PACK_ERROR, 5, "$.crisis_lines[2].text.en", "is empty") &&
               has_diag(&d, PACK_ERROR, 2, "$.crisis_lines", "needs a line for every other region");
    if (!all)
        dump(&d);
    assert_true(all);
    assert_int_equal(d.v[0].col > 0, true);
    pack_diags_free(&d);

    /* a deployment's own file may leave the disclaimer and "*" to the built-in one */
    static const char *const CLINIC = "{\"crisis_lines\": [{\"regions\": [\"EG\"], \"text\": {\"ar\": \"0000\"}}]}";
    assert_true(locales_check("clinic.json", CLINIC, strlen(CLINIC), true, UI, 4, &d));
    assert_true(has_diag(&d, PACK_WARNING, 1, "$.crisis_lines[0].text", "no \"en\" text; the \"ar\" one is used"));
    pack_diags_free(&d);

    static const char *const SYNTAX = "{\n  \"disclaimer\": {\"en\": \"x\"},,\n}";
    assert_false(locales_check("s.json", SYNTAX, strlen(SYNTAX), false, UI, 4, &d));
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].line, 2);
    pack_diags_free(&d);
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
        cmocka_unit_test(each_locale_gets_its_line),
        cmocka_unit_test(a_deployments_file_adds_a_country),
        cmocka_unit_test(check_finds_and_locates_problems),
        cmocka_unit_test(regions_come_from_locale_names),
        cmocka_unit_test(the_environment_decides_in_posix_order),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
