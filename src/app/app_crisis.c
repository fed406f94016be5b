/* app_crisis: the disclaimer and crisis lines (locales.json) and the region whose line
 * is shown, for every screen that needs them (the safety overlay, Settings' country,
 * the date in prompts). A service below the scenes: it names none of them. The lines
 * themselves are the app's (a->loc, freed with it). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/paths.h"

void app_load_locales(app *a)
{
    char p[1024], err[1200];
    const char *cfg = paths_user_config_dir();
    if (cfg && paths_join(p, sizeof p, cfg, "locales.json")) {
        /* optional: only a file that is there must be right (asked, not opened: a FIFO
         * there must be reported, not waited on) */
        if (access(p, F_OK) == 0 && !locales_add_file(&a->loc, p, err, sizeof err))
            app_error(a, err);
    }
    const char *data = paths_data_dir();
    if (data && paths_join(p, sizeof p, data, "content/core/locales.json") &&
        !locales_add_file(&a->loc, p, err, sizeof err))
        app_error(a, err);
}

void app_region(const app *a, char *out, size_t n)
{
    if (a->set.region[0])
        snprintf(out, n, "%s", a->set.region);
    else
        app_region_auto(a, out, n);
}

void app_region_auto(const app *a, char *out, size_t n)
{
    const char *env = locales_env_name();
    if (!env || !locales_region_for(&a->loc, env, out, n))
        locales_region_for(&a->loc, a->lang, out, n); /* "de" alone: Germany, as the files say */
}

void app_safety_add_prompt(const app *a, char *out, size_t n)
{
    char p[1024];
    const char *cfg = paths_user_config_dir();
    if (!cfg || !paths_join(p, sizeof p, cfg, "locales.json"))
        snprintf(p, sizeof p, "%s", "~/.config/groundwork/locales.json");
    if (app_personal(a))
        snprintf(out, n, _("No crisis line has been added here for your country yet. Choose your country in "
                           "Settings, or add your local line to %s."), p);
    else /* a waiting room's visitor or a therapist's client: no file of the machine's,
          * someone to ask (the kiosk's keeper adds the line: docs/kiosk.md) */
        snprintf(out, n, "%s", _("If you would like the number of a crisis line near you, please ask a member of "
                                 "staff."));
}
