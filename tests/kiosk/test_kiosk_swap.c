/* Kiosk content swap: content changed on disk is loaded afresh at an idle reset,
 * swapped in only when it loads without an error, and the last good content is kept
 * otherwise. The reload hook stands in for the disk: each call gives the next state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"

static int calls;

static void reload(pack_set *out, void *ctx)
{
    (void)ctx;
    calls++;
    if (calls == 1) /* unchanged */
        pack_set_add_dir(out, GW_SOURCE_DIR "/tests/packs/good/breathing");
    else if (calls == 2) /* broken by an edit: kept out */
        pack_set_add_dir(out, GW_SOURCE_DIR "/tests/packs/bad/01-syntax-missing-comma");
    else /* a good new version: swapped in */
    {
        pack_set_add_dir(out, GW_SOURCE_DIR "/tests/packs/good/breathing");
        pack_set_add_dir(out, GW_SOURCE_DIR "/tests/packs/good/prompts");
    }
}

static void idle_out(app *a, gw_ns *t)
{
    gw_event e = { .type = EV_POINTER_UP, .x = 0.5f, .y = 0.5f, .touch = true };
    app_update(a, *t);
    app_event(a, &e); /* attract -> library */
    assert_ptr_not_equal(a->scene, &scene_attract);
    *t += GW_SEC(91);
    app_update(a, *t); /* idle reset, content checked */
    assert_ptr_equal(a->scene, &scene_attract);
    *t += GW_SEC(1);
}

static void swaps_only_good_content(void **st)
{
    (void)st;
    pack_set packs = { 0 };
    pack_set_add_dir(&packs, GW_SOURCE_DIR "/tests/packs/good/breathing");
    int n0 = pack_set_exercise_count(&packs);
    assert_true(n0 > 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    trace *tr = trace_from_file(f);
    app a;
    app_config cfg = { .mode = "kiosk", .packs = &packs, .tr = tr, .kiosk_config = "/nonexistent/kiosk.json",
                       .reload = reload };
    app_init(&a, &cfg);
    gw_ns t = GW_SEC(1);
    idle_out(&a, &t);
    assert_ptr_equal(a.packs, &packs); /* unchanged: nothing swapped */
    idle_out(&a, &t);
    assert_ptr_equal(a.packs, &packs); /* broken: the last good kept */
    idle_out(&a, &t);
    assert_ptr_not_equal(a.packs, &packs); /* good and new: swapped in */
    assert_true(pack_set_exercise_count(a.packs) > n0);
    assert_int_equal(calls, 3);
    app_free(&a); /* frees the swapped-in content */
    trace_close(tr);
    fclose(f);
    assert_non_null(strstr(buf, "\"result\": \"kept\""));
    assert_non_null(strstr(buf, "\"result\": \"swapped\""));
    assert_true(strstr(buf, "\"kept\"") < strstr(buf, "\"swapped\""));
    free(buf);
    pack_set_free(&packs);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(swaps_only_good_content) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
