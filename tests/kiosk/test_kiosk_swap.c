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
#include "app/run.h"
#include <unistd.h>
#include <sys/stat.h>

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

/* Nobody comes: the attract screen looks at the content's fingerprint once a minute and
 * loads the content only when it changed, then swaps it in without waiting for a visitor. */
static unsigned long long disk_stamp = 1;
static unsigned long long stamp_hook(void *ctx) { (void)ctx; return disk_stamp; }

static void untouched_kiosk_takes_new_content(void **st)
{
    (void)st;
    calls = 2; /* the next reload gives the good new version */
    pack_set packs = { 0 };
    pack_set_add_dir(&packs, GW_SOURCE_DIR "/tests/packs/good/breathing");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    trace *tr = trace_from_file(f);
    app a;
    app_config cfg = { .mode = "kiosk", .packs = &packs, .tr = tr, .kiosk_config = "/nonexistent/kiosk.json",
                       .reload = reload, .content_stamp = stamp_hook };
    app_init(&a, &cfg);
    gw_ns t = GW_SEC(1);
    for (; t < GW_SEC(60 * 10); t += GW_SEC(1)) /* ten quiet minutes, nothing changed */
        app_update(&a, t);
    assert_int_equal(calls, 2);
    assert_ptr_equal(a.packs, &packs);
    assert_ptr_equal(a.scene, &scene_attract);
    gw_ns next = app_next_change(&a);
    assert_true(next > t - GW_SEC(1) && next <= t + GW_SEC(60)); /* a headless run wakes for it */
    disk_stamp = 2; /* a push lands */
    gw_ns pushed = t;
    for (; a.packs == &packs && t < pushed + GW_SEC(120); t += GW_SEC(1))
        app_update(&a, t);
    assert_int_equal(calls, 3);
    assert_ptr_not_equal(a.packs, &packs);
    assert_true(t - pushed <= GW_SEC(61)); /* within the minute */
    assert_ptr_equal(a.scene, &scene_attract);
    for (gw_ns end = t + GW_SEC(300); t < end; t += GW_SEC(1)) /* taken once, not again */
        app_update(&a, t);
    assert_int_equal(calls, 3);
    app_free(&a);
    trace_close(tr);
    fclose(f);
    assert_non_null(strstr(buf, "\"why\": \"content\""));
    assert_non_null(strstr(buf, "\"result\": \"swapped\""));
    free(buf);
    pack_set_free(&packs);
}

/* The fingerprint itself: a file edited in place, a file added, and a fleet's "current"
 * link flipped to another release each change it; looking twice at the same disk does not. */
static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void stamp_follows_the_disk(void **st)
{
    (void)st;
    char top[] = "/tmp/gw-stamp-XXXXXX", p[512], q[512], cur[512];
    assert_non_null(mkdtemp(top));
    snprintf(p, sizeof p, "%s/r1", top);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/r1/pack.json", top);
    put(p, "{\"name\": \"a\"}");
    snprintf(q, sizeof q, "%s/r2", top);
    assert_int_equal(mkdir(q, 0755), 0);
    snprintf(q, sizeof q, "%s/r2/pack.json", top);
    put(q, "{\"name\": \"a\"}");
    snprintf(cur, sizeof cur, "%s/current", top);
    assert_int_equal(symlink("r1", cur), 0);
    run_options o = { .npacks = 1 };
    o.packs[0] = cur;
    unsigned long long s0 = run_content_stamp(&o);
    assert_true(s0 == run_content_stamp(&o));
    put(p, "{\"name\": \"b\", \"longer\": 1}"); /* edited in place */
    unsigned long long s1 = run_content_stamp(&o);
    assert_true(s1 != s0);
    snprintf(p, sizeof p, "%s/r1/extra.json", top);
    put(p, "{}");
    unsigned long long s2 = run_content_stamp(&o);
    assert_true(s2 != s1);
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s/next", top);
    assert_int_equal(symlink("r2", tmp), 0);
    assert_int_equal(rename(tmp, cur), 0); /* flipped, as docs/fleet.md does it */
    assert_true(run_content_stamp(&o) != s2);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(swaps_only_good_content),
                                        cmocka_unit_test(untouched_kiosk_takes_new_content),
                                        cmocka_unit_test(stamp_follows_the_disk) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
