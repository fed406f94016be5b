/* The tests' common set-up: see test_env.h. */
#include "test_env.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"

bool test_env_locale(const char *who)
{
    const char *data = paths_data_dir();
    if (!data) {
        fprintf(stderr, "%s: no data folder (set GROUNDWORK_DATA_DIR)\n", who);
        return false;
    }
    char loc[PATH_MAX];
    paths_join(loc, sizeof loc, data, "locale");
    bindtextdomain(GW_TEXTDOMAIN, loc);
    bind_textdomain_codeset(GW_TEXTDOMAIN, "UTF-8");
    textdomain(GW_TEXTDOMAIN);
    return true;
}

bool test_env_open(test_env *t, const char *who)
{
    memset(t, 0, sizeof *t);
    t->who = who;
    if (!test_env_locale(who))
        return false;
    const char *data = paths_data_dir();
    snprintf(t->data, sizeof t->data, "%s", data);
    paths_join(t->locale, sizeof t->locale, data, "locale");
    paths_join(t->fonts, sizeof t->fonts, data, "fonts");
    run_options o = { .mode = "home" };
    run_load_content(&t->packs, &o);
    t->loaded = true;
    return true;
}

plat_text *test_env_text(const test_env *t)
{
    plat_text *pt = plat_text_new(t->fonts);
    if (!pt)
        fprintf(stderr, "%s: no fonts in %s\n", t->who, t->fonts);
    return pt;
}

plat_render *test_env_render(const test_env *t, int w, int h)
{
    plat_render *pr = plat_render_new_offscreen(w, h, t->fonts);
    if (!pr || plat_render_problem(pr)) {
        fprintf(stderr, "%s: no offscreen renderer or fonts in %s%s%s\n", t->who, t->fonts, pr ? ": " : "",
                pr ? plat_render_problem(pr) : "");
        plat_render_free(pr);
        return NULL;
    }
    return pr;
}

void test_env_close(test_env *t)
{
    if (t->loaded)
        pack_set_free(&t->packs);
    t->loaded = false;
}
