/* plan: a tailored plan written from the core pack loads again, keeps what was
 * tailored, and carries its note and frequency. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/plan.h"

static pack *core;

static int setup(void **st)
{
    (void)st;
    pack_diags d = { 0 };
    core = pack_load_dir(GW_SOURCE_DIR "/content/core", &d);
    pack_diags_free(&d);
    return core ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    pack_free(core);
    return 0;
}

static const exercise *find(const pack *p, const char *id)
{
    for (int i = 0; i < p->nexercise; i++)
        if (!strcmp(p->ex[i].id, id))
            return &p->ex[i];
    return NULL;
}

static void tmpdir(char *buf, size_t n)
{
    snprintf(buf, n, "/tmp/gw-plan-XXXXXX");
    assert_non_null(mkdtemp(buf));
    strncat(buf, "/plan", n - strlen(buf) - 1);
}

static void test_breathing_and_pmr_round_trip(void **st)
{
    (void)st;
    plan p = { 0 };
    snprintf(p.id, sizeof p.id, "plan-2026-01-01");
    snprintf(p.note, sizeof p.note, "Slow and \"easy\"\nbefore bed");
    plan_freq_preset(0, &p.times_per_day, &p.minutes);
    plan_item box = { .src = find(core, "box-breathing") };
    assert_non_null(box.src);
    box.pattern = box.src->breath;
    breath_adjust(&box.pattern, 500);
    box.pattern.cycles = 7;
    box.pattern.session_ns = 0;
    assert_true(plan_put(&p, &box));
    plan_item pmr = { .src = find(core, "pmr-4"), .release_only = true };
    assert_non_null(pmr.src);
    int r0 = -1;
    for (int i = 0; i < pmr.src->nstep && r0 < 0; i++)
        r0 = pmr.src->step[i].region;
    assert_true(r0 >= 0);
    pmr.drop_regions = 1ull << r0;
    assert_true(plan_put(&p, &pmr));
    assert_true(plan_put(&p, &pmr)); /* the same exercise again replaces it */
    plan_item w = { .src = find(core, "breathing-4-7-8") };
    assert_non_null(w.src);
    w.pattern = w.src->breath;
    assert_true(plan_put(&p, &w));
    assert_int_equal(p.n, 3);

    char dir[256], err[512] = "";
    tmpdir(dir, sizeof dir);
    bool ok = plan_write(&p, dir, err, sizeof err);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    assert_true(ok);

    pack_diags d = { 0 };
    pack *back = pack_load_dir(dir, &d);
    assert_non_null(back);
    assert_int_equal(d.n, 0); /* not even a warning: "plan" is a known field */
    assert_true(back->has_plan);
    assert_string_equal(pack_text_get(&back->plan_note, "en"), "Slow and \"easy\"\nbefore bed");
    assert_int_equal(back->plan_times_per_day, 2);
    assert_int_equal(back->plan_minutes, 5);
    const exercise *b2 = find(back, "plan-box-breathing");
    assert_non_null(b2);
    assert_int_equal(b2->breath.cycles, 7);
    assert_int_equal(b2->breath.nphase, box.pattern.nphase);
    for (int i = 0; i < b2->breath.nphase; i++) {
        assert_int_equal(b2->breath.phase[i].ms, box.src->breath.phase[i].ms + 500);
        assert_int_equal(b2->breath.phase[i].kind, box.src->breath.phase[i].kind);
    }
    assert_true(b2->unattended);
    /* 4-7-8 keeps its opening exhale, its own phase words and its unattended flag */
    const exercise *w2 = find(back, "plan-breathing-4-7-8");
    assert_non_null(w2);
    assert_int_equal(w2->breath.opening_ms, 8000);
    assert_string_equal(pack_text_get(&w2->opening_label, "es"), pack_text_get(&w.src->opening_label, "es"));
    assert_string_equal(pack_text_get(&w2->phase_label[2], "en"), "Out through the mouth");
    assert_int_equal(w2->phase_label[1].n, 0);
    assert_false(w2->unattended);
    assert_int_equal(exercise_length(w2), exercise_length(w.src));
    const exercise *p2 = find(back, "plan-pmr-4");
    assert_non_null(p2);
    int kept = 0;
    for (int i = 0; i < pmr.src->nstep; i++)
        kept += plan_keeps_step(&pmr, i);
    assert_int_equal(p2->nstep, kept);
    assert_true(kept < pmr.src->nstep);
    for (int i = 0; i < p2->nstep; i++) {
        assert_int_not_equal(p2->step[i].kind, STEP_TENSE);
        if (p2->step[i].region >= 0)
            assert_string_not_equal(p2->region[p2->step[i].region].id, pmr.src->region[r0].id);
    }
    pack_free(back);
    pack_diags_free(&d);
}

static void test_empty_and_all_dropped_are_refused(void **st)
{
    (void)st;
    plan p = { 0 };
    char dir[256], err[512] = "";
    tmpdir(dir, sizeof dir);
    assert_false(plan_write(&p, dir, err, sizeof err));
    assert_non_null(strstr(err, "no exercises"));
    plan_item pmr = { .src = find(core, "pmr-4"), .drop_regions = ~0ull };
    /* instruction steps without a region survive; drop them too by asking for
     * release only on a plan whose every region is out: there may be none left */
    assert_true(plan_put(&p, &pmr));
    bool any = false;
    for (int i = 0; i < pmr.src->nstep; i++)
        any |= plan_keeps_step(&pmr, i);
    err[0] = 0;
    bool ok = plan_write(&p, dir, err, sizeof err);
    assert_int_equal(ok, any);
    if (!ok)
        assert_non_null(strstr(err, "keep at least one"));
}

static void test_unwritable_folder_says_where(void **st)
{
    (void)st;
    plan p = { 0 };
    plan_item box = { .src = find(core, "box-breathing") };
    box.pattern = box.src->breath;
    plan_put(&p, &box);
    char err[512] = "";
    assert_false(plan_write(&p, "/proc/gw-no-such/plan", err, sizeof err));
    assert_non_null(strstr(err, "/proc/gw-no-such"));
}

static void test_freq_presets_cycle(void **st)
{
    (void)st;
    int t, m, t2, m2;
    plan_freq_preset(0, &t, &m);
    plan_freq_preset(PLAN_FREQ_COUNT, &t2, &m2);
    assert_int_equal(t, t2);
    assert_int_equal(m, m2);
    plan_freq_preset(-1, &t2, &m2);
    assert_true(t2 >= 1 && m2 >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_breathing_and_pmr_round_trip),
        cmocka_unit_test(test_empty_and_all_dropped_are_refused),
        cmocka_unit_test(test_unwritable_folder_says_where),
        cmocka_unit_test(test_freq_presets_cycle),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
