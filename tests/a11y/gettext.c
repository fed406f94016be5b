/* a11y gettext: the compiled catalogues in <build>/data/locale are found and used,
 * with plural forms (Arabic has six) and contexts; a C locale still translates once a
 * language is chosen (i18n_use_language), and _() forgets what it remembered when the
 * language changes. Needs GROUNDWORK_DATA_DIR=<build>/data. */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/paths.h"

static int bad;

static void expect(const char *lang, const char *got, const char *want)
{
    if (strcmp(got, want)) {
        fprintf(stderr, "gettext %s: got \"%s\", want \"%s\"\n", lang, got, want);
        bad++;
    }
}

int main(void)
{
    setlocale(LC_ALL, "C"); /* as an environment with no locale at all */
    const char *data = paths_data_dir();
    char loc[PATH_MAX];
    if (!data || !paths_join(loc, sizeof loc, data, "locale")) {
        fprintf(stderr, "gettext: no data folder (set GROUNDWORK_DATA_DIR)\n");
        return 1;
    }
    bindtextdomain(GW_TEXTDOMAIN, loc);
    bind_textdomain_codeset(GW_TEXTDOMAIN, "UTF-8");
    textdomain(GW_TEXTDOMAIN);

    expect("en", _("Breathe in"), "Breathe in");
    i18n_use_language("es");
    expect("es", _("Breathe in"), "Inhala");
    expect("es", P_("%d step", "%d steps", 1), "%d paso");
    expect("es", P_("%d step", "%d steps", 5), "%d pasos");
    expect("es", i18n_ctx(NC_("Tuesday", "T")), "M");
    expect("es", i18n_ctx(NC_("Thursday", "T")), "J");
    i18n_use_language("de");
    expect("de", _("Settings"), "Einstellungen");
    expect("de", P_("You completed %d breath.", "You completed %d breaths.", 2), "Sie haben %d Atemzüge abgeschlossen.");
    i18n_use_language("ar");
    expect("ar", _("Back"), "رجوع");
    expect("ar", P_("%d min", "%d min", 3), "%d دقائق");   /* 3-10: form 3 */
    expect("ar", P_("%d min", "%d min", 11), "%d دقيقة");  /* 11-99: form 4 */
    expect("ar", P_("You completed %d breath.", "You completed %d breaths.", 2), "أكملت نَفَسين.");
    if (!i18n_is_rtl("ar") || i18n_is_rtl("es") || !i18n_is_rtl("ar_EG") || i18n_is_rtl("arn")) {
        fprintf(stderr, "gettext: i18n_is_rtl is wrong\n");
        bad++;
    }
    /* one msgid at one address through every change of language: _() remembers a
     * translation by the msgid's address, and must forget it when the language changes */
    static const char *const ID = "Settings";
    const char *const LANGS[] = { "es", "de", "ar", "en", "de", "es" };
    const char *const WANT[] = { "Ajustes", "Einstellungen", "الإعدادات", "Settings", "Einstellungen", "Ajustes" };
    for (size_t i = 0; i < sizeof LANGS / sizeof *LANGS; i++) {
        i18n_use_language(LANGS[i]);
        for (int twice = 0; twice < 2; twice++)
            expect(LANGS[i], _(ID), WANT[i]);
    }
    i18n_use_language("en");
    expect("en", _("Breathe in"), "Breathe in");
    expect("en", i18n_ctx(NC_("Sunday", "S")), "S");
    printf("gettext: %d problem(s)\n", bad);
    return bad ? 1 : 0;
}
