/* What every test that runs the app on real content sets up first: the data folder
 * (GROUNDWORK_DATA_DIR), the translations bound from it, the built-in content loaded as
 * home mode loads it, and on request the fonts' text measurer or an offscreen renderer.
 * Each test used to repeat these lines; a test owns its test_env and closes it. */
#ifndef GW_TEST_ENV_H
#define GW_TEST_ENV_H

#include <limits.h>
#include <stdbool.h>

#include "core/pack.h"
#include "platform/plat_render.h"
#include "platform/plat_text.h"

typedef struct test_env {
    const char *who; /* the test's name, first word of every error it prints */
    char data[PATH_MAX];
    char locale[PATH_MAX];
    char fonts[PATH_MAX];
    pack_set packs;
    bool loaded;
} test_env;

/* Finds the data folder and binds the translations in it; prints "<who>: ..." and
 * returns false when the data folder is not set. */
bool test_env_locale(const char *who);
/* test_env_locale, then loads the content. Prints
 * "<who>: ..." and returns false when the data folder is not set. */
bool test_env_open(test_env *t, const char *who);
/* The text measurer over the data folder's fonts, or NULL after printing why. */
plat_text *test_env_text(const test_env *t);
/* An offscreen renderer w x h with the data folder's fonts, or NULL after printing why. */
plat_render *test_env_render(const test_env *t, int w, int h);
void test_env_close(test_env *t);

#endif
