/* guided: the timeline of a guided exercise, and the timing rules of the built-in
 * progressive muscle relaxation exercises (tense 5-7 s, release 30-40 s). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/guided.h"
#include "core/pack.h"

static exercise make(guided_step *s, int n)
{
    exercise e;
    memset(&e, 0, sizeof e);
    e.kind = EX_GUIDED;
    e.step = s;
    e.nstep = n;
    return e;
}

static void step_lengths(void **st)
{
    (void)st;
    guided_step s[4];
    memset(s, 0, sizeof s);
    s[0].duration = GW_SEC(7);
    s[1].voice_ns = GW_SEC(3);          /* clip + pause */
    s[1].pause = GW_SEC(2);
    s[2].duration = GW_SEC(4);          /* a duration wins over clip + pause */
    s[2].voice_ns = GW_SEC(3);
    s[2].pause = GW_SEC(9);
    /* s[3]: nothing known: the minimum */
    assert_true(guided_step_length(&s[0]) == GW_SEC(7));
    assert_true(guided_step_length(&s[1]) == GW_SEC(5));
    assert_true(guided_step_length(&s[2]) == GW_SEC(4));
    assert_true(guided_step_length(&s[3]) == GUIDED_MIN_STEP_NS);
    assert_true(guided_step_length(NULL) == 0);
    exercise e = make(s, 4);
    assert_true(guided_step_start(&e, 0) == 0);
    assert_true(guided_step_start(&e, 1) == GW_SEC(7));
    assert_true(guided_step_start(&e, 2) == GW_SEC(12));
    assert_true(guided_step_start(&e, 3) == GW_SEC(16));
    assert_true(guided_step_start(&e, 99) == GW_SEC(17));
    assert_true(guided_step_start(&e, -3) == 0);
    assert_true(guided_total(&e) == GW_SEC(17));
    assert_true(guided_total(NULL) == 0);
}

static void position_at_time(void **st)
{
    (void)st;
    guided_step s[3];
    memset(s, 0, sizeof s);
    s[0].duration = GW_SEC(10);
    s[1].voice_ns = GW_SEC(2);
    s[1].pause = GW_SEC(1);
    s[2].duration = GW_SEC(5);
    exercise e = make(s, 3);
    guided_pos p = guided_at(&e, -GW_SEC(1));
    assert_int_equal(p.step, 0);
    assert_true(p.into == 0 && p.left == GW_SEC(10));
    p = guided_at(&e, GW_SEC(10) - 1);   /* the last nanosecond of step 0 */
    assert_int_equal(p.step, 0);
    assert_true(p.left == 1);
    p = guided_at(&e, GW_SEC(10));       /* a step starts exactly at its start */
    assert_int_equal(p.step, 1);
    assert_true(p.start == GW_SEC(10) && p.into == 0 && p.left == GW_SEC(3));
    p = guided_at(&e, GW_SEC(14));
    assert_int_equal(p.step, 2);
    assert_true(p.into == GW_SEC(1) && p.left == GW_SEC(4));
    p = guided_at(&e, GW_SEC(18));       /* the end */
    assert_int_equal(p.step, 3);
    assert_true(p.start == GW_SEC(18) && p.left == 0);
    p = guided_at(&e, GW_SEC(1000));
    assert_int_equal(p.step, 3);
    exercise none = make(NULL, 0);
    assert_int_equal(guided_at(&none, 0).step, 0);
    assert_int_equal(guided_at(NULL, 0).step, 0);
}

/* Every step start maps back to its own step: no drift between start and position. */
static void starts_and_positions_agree(void **st)
{
    (void)st;
    guided_step s[50];
    memset(s, 0, sizeof s);
    for (int i = 0; i < 50; i++)
        s[i].duration = GW_SEC(1) + i * 12345677;
    exercise e = make(s, 50);
    for (int i = 0; i < 50; i++) {
        guided_pos p = guided_at(&e, guided_step_start(&e, i));
        assert_int_equal(p.step, i);
        assert_true(p.into == 0);
    }
}

static void caption_chunks(void **st)
{
    (void)st;
    /* 10 characters a line, 2 lines a chunk */
    const char *t = "aaaa bbbb cccc dddd eeee ffff gggg";
    guided_chunk c = guided_caption_at(t, 10, 2, GW_SEC(7), 0);
    assert_int_equal(c.count, 2);
    assert_int_equal(c.index, 0);
    assert_int_equal((int)c.off, 0);
    assert_int_equal((int)c.len, 19);          /* "aaaa bbbb cccc dddd" */
    assert_true(c.start == 0 && c.end > GW_SEC(3) && c.end < GW_SEC(5));
    gw_ns mid = c.end;
    c = guided_caption_at(t, 10, 2, GW_SEC(7), mid - 1);
    assert_int_equal(c.index, 0);
    c = guided_caption_at(t, 10, 2, GW_SEC(7), mid);
    assert_int_equal(c.index, 1);
    assert_int_equal((int)c.off, 20);
    assert_int_equal((int)c.len, 14);          /* "eeee ffff gggg" */
    assert_true(c.start == mid && c.end == GW_NEVER);
    c = guided_caption_at(t, 10, 2, GW_SEC(7), GW_SEC(60)); /* after the voice: the last */
    assert_int_equal(c.index, 1);
    /* a sentence ending on a chunk's last line ends the chunk */
    const char *u = "aa bb cc dd ee. Ff gg hh ii.";
    c = guided_caption_at(u, 9, 2, GW_SEC(6), 0);
    assert_int_equal(c.count, 2);
    assert_int_equal((int)c.len, 15);          /* "aa bb cc dd ee." */
    c = guided_caption_at(u, 9, 2, GW_SEC(6), GW_SEC(5));
    assert_int_equal((int)c.off, 16);          /* "Ff gg hh ii." */
    /* but not on a first line */
    c = guided_caption_at("aa. bb cc", 9, 2, GW_SEC(6), 0);
    assert_int_equal(c.count, 1);
    /* one short caption is one chunk */
    c = guided_caption_at("And release.", 30, 2, GW_SEC(5), GW_SEC(1));
    assert_int_equal(c.count, 1);
    assert_int_equal((int)c.len, 12);
    /* a word longer than a line gets a line of its own; extra spaces are skipped */
    c = guided_caption_at("  a  extraordinarily b ", 5, 1, GW_SEC(3), 0);
    assert_int_equal(c.count, 3);
    assert_int_equal((int)c.off, 2);
    assert_int_equal((int)c.len, 1);
    /* code points, not bytes: "ñññññ" fits a 5-character line */
    c = guided_caption_at("ñññññ ñ", 5, 1, GW_SEC(2), 0);
    assert_int_equal(c.count, 2);
    assert_int_equal((int)c.len, 10);
    /* nothing to show */
    c = guided_caption_at("", 10, 2, GW_SEC(1), 0);
    assert_int_equal(c.count, 0);
    c = guided_caption_at(NULL, 10, 2, GW_SEC(1), 0);
    assert_int_equal(c.count, 0);
    c = guided_caption_at("x y", 0, 0, -5, 0);  /* bad sizes are clamped */
    assert_int_equal(c.count, 2);
}

static const pack *core_pack(void)
{
    static pack *p;
    if (!p) {
        pack_diags d = { 0 };
        p = pack_load_dir(GW_SOURCE_DIR "/content/core", &d);
        pack_diags_free(&d);
    }
    return p;
}

static const exercise *find(const pack *p, const char *id)
{
    for (int i = 0; i < p->nexercise; i++)
        if (!strcmp(p->ex[i].id, id))
            return &p->ex[i];
    return NULL;
}

/* Bernstein & Borkovec: tense 5-7 s, release 30-40 s; totals agree with the library. */
static void builtin_pmr_timings(void **st)
{
    (void)st;
    const pack *p = core_pack();
    assert_non_null(p);
    static const char *const ids[] = { "pmr-16", "pmr-7", "pmr-4", "pmr-release-only" };
    for (int k = 0; k < 4; k++) {
        const exercise *e = find(p, ids[k]);
        assert_non_null(e);
        assert_true(guided_total(e) == exercise_length(e));
        for (int i = 0; i < e->nstep; i++) {
            const guided_step *s = &e->step[i];
            gw_ns d = guided_step_length(s);
            if (s->kind == STEP_TENSE)
                assert_true(d >= GW_SEC(5) && d <= GW_SEC(7));
            if (s->kind == STEP_RELEASE)
                assert_true(d >= GW_SEC(30) && d <= GW_SEC(40));
            /* a clip never runs past its step */
            if (s->duration > 0)
                assert_true(s->voice_ns <= s->duration);
        }
    }
}

/* The 16 groups in the published order (one tense step each). */
static void pmr16_group_order(void **st)
{
    (void)st;
    const pack *p = core_pack();
    assert_non_null(p);
    const exercise *e = find(p, "pmr-16");
    assert_non_null(e);
    static const char *const order[] = {
        "dominant-hand", "dominant-upper-arm", "nondominant-hand", "nondominant-upper-arm",
        "forehead", "eyes-nose", "jaw", "neck", "chest-shoulders-back", "abdomen",
        "dominant-thigh", "dominant-calf", "dominant-foot",
        "nondominant-thigh", "nondominant-calf", "nondominant-foot" };
    int n = 0;
    for (int i = 0; i < e->nstep; i++) {
        const guided_step *s = &e->step[i];
        if (s->kind != STEP_TENSE)
            continue;
        assert_true(n < 16);
        assert_true(s->region >= 0 && s->region < e->nregion);
        assert_string_equal(e->region[s->region].id, order[n]);
        n++;
    }
    assert_int_equal(n, 16);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(step_lengths),
        cmocka_unit_test(position_at_time),
        cmocka_unit_test(starts_and_positions_agree),
        cmocka_unit_test(caption_chunks),
        cmocka_unit_test(builtin_pmr_timings),
        cmocka_unit_test(pmr16_group_order),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pack *p = (pack *)core_pack();
    pack_free(p);
    return rc;
}
