/* Dates per interface language with real C locales (built by localedef into the build
 * tree: LOCPATH): the written-out date of {date} in German and Arabic order, the short
 * dates of the progress screen from the catalogues, Western digits in every language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/prompt.h"

static bool western_digits_only(const char *s)
{
    /* Arabic-Indic U+0660-0669 and Extended U+06F0-06F9 */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((p[0] == 0xd9 && p[1] >= 0xa0 && p[1] <= 0xa9) || (p[0] == 0xdb && p[1] >= 0xb0 && p[1] <= 0xb9))
            return false;
    return true;
}

static void written_out_dates_follow_the_language(void **st)
{
    (void)st;
    struct tm tm = { 0 };
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 2;
    tm.tm_mday = 2;
    tm.tm_wday = 1; /* Monday */
    char out[128];
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "de", "DE"), "Montag, 2. März 2026");
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "de", NULL), "Montag, 2. März 2026");
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "ar", NULL), "الاثنين 2 مارس 2026");
    assert_true(western_digits_only(out));
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "en", "GB"), "Monday 2 March 2026");
    /* a language whose locale is not installed: the unambiguous form */
    assert_string_equal(prompt_format_date(out, sizeof out, &tm, "fi", NULL), "2026-03-02");
}

static void short_dates_come_from_the_catalogues(void **st)
{
    (void)st;
    static const struct { const char *lang, *jan5, *mar12; } want[] = {
        { "en", "5 Jan", "12 Mar" },
        { "de", "5. Jan.", "12. März" },
        { "es", "5 ene", "12 mar" },
        { "ar", "5 يناير", "12 مارس" },
    };
    char out[64];
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        i18n_use_language(want[i].lang);
        i18n_day_month(out, sizeof out, 5, 1);
        assert_string_equal(out, want[i].jan5);
        i18n_day_month(out, sizeof out, 12, 3);
        assert_string_equal(out, want[i].mar12);
        assert_true(western_digits_only(out));
    }
    i18n_day_month(out, sizeof out, 1, 13);
    assert_string_equal(out, "?");
    i18n_day_month(out, 3, 25, 12); /* cut, terminated */
    assert_int_equal(strlen(out), 2);
}

int main(void)
{
    setlocale(LC_ALL, "");
    bindtextdomain(GW_TEXTDOMAIN, GW_LOCALE_DIR);
    bind_textdomain_codeset(GW_TEXTDOMAIN, "UTF-8");
    textdomain(GW_TEXTDOMAIN);
    const struct CMUnitTest t[] = {
        cmocka_unit_test(written_out_dates_follow_the_language),
        cmocka_unit_test(short_dates_come_from_the_catalogues),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
