/* draw_adapt: text scaling and the right-to-left mirror of a finished draw list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "core/draw_adapt.h"

static const gw_color C = { 1, 2, 3, 255 };

static void build(draw_list *l)
{
    draw_begin(l, 1000, 500, C);
    draw_rect(l, gw_rc(10, 20, 100, 50), 4, C);
    draw_text(l, gw_rc(10, 20, 300, 40), "Back", 20, ALIGN_LEFT | VALIGN_MIDDLE, C);
    draw_text(l, gw_rc(500, 20, 300, 40), "Title", 30, ALIGN_CENTER, C);
    draw_ring(l, 200, 200, 50, 8, 0.f, 0.25f, C);
    draw_line(l, 100, 100, 300, 150, 2, C);
    draw_widget_add(l, "back", gw_rc(10, 20, 100, 50), false);
}

static void mirror_moves_everything_to_the_other_side(void **st)
{
    (void)st;
    draw_list l = { 0 };
    build(&l);
    draw_adapt_mirror(&l);
    assert_true(fabsf(l.cmd[0].r.x - 890) < 1e-3f);                 /* 1000 - 10 - 100 */
    assert_int_equal(l.cmd[1].flags & 3, ALIGN_RIGHT);               /* left text now right-aligned */
    assert_true(fabsf(l.cmd[1].r.x - 690) < 1e-3f);
    assert_int_equal(l.cmd[2].flags & 3, ALIGN_CENTER);
    assert_true(fabsf(l.cmd[3].a0 - 0.75f) < 1e-6f && fabsf(l.cmd[3].a1 - 1.f) < 1e-6f); /* arc reflected */
    assert_true(fabsf(l.cmd[3].r.x + l.cmd[3].r.w / 2 - 800) < 1e-3f); /* centre 200 -> 800 */
    assert_true(fabsf(l.cmd[4].r.x - 900) < 1e-3f && fabsf(l.cmd[4].r.w + 200) < 1e-3f);
    const draw_widget *w = draw_widget_find(&l, "back");
    assert_non_null(w);
    assert_true(fabsf(w->r.x - 890) < 1e-3f);
    assert_non_null(draw_widget_at(&l, 950, 40));
    assert_null(draw_widget_at(&l, 50, 40));
    draw_free(&l);
}

static void mirroring_twice_gives_the_original(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    build(&a);
    build(&b);
    draw_adapt_mirror(&b);
    assert_true(draw_hash(&a) != draw_hash(&b));
    draw_adapt_mirror(&b);
    assert_true(draw_hash(&a) == draw_hash(&b));
    draw_free(&a);
    draw_free(&b);
}

static void text_scale_changes_only_text(void **st)
{
    (void)st;
    draw_list l = { 0 };
    build(&l);
    draw_adapt_scale_text(&l, 2.f);
    assert_int_equal(l.cmd[1].font_px, 40);
    assert_int_equal(l.cmd[2].font_px, 60);
    assert_true(fabsf(l.cmd[1].r.w - 300) < 1e-3f); /* boxes unchanged */
    draw_adapt_scale_text(&l, 1.f);                /* 1: unchanged */
    assert_int_equal(l.cmd[1].font_px, 40);
    draw_adapt_scale_text(&l, 100.f);              /* clamped to 3 */
    assert_int_equal(l.cmd[1].font_px, 120);
    draw_adapt_scale_text(NULL, 2.f);
    draw_adapt_mirror(NULL);
    draw_free(&l);
}

static void mirrored_text_reads_right_to_left(void **st)
{
    (void)st;
    draw_list l = { 0 };
    build(&l);
    assert_int_equal(l.cmd[1].flags & TEXT_RTL, 0);
    draw_adapt_mirror(&l);
    assert_int_equal(l.cmd[1].flags & TEXT_RTL, TEXT_RTL);
    assert_int_equal(l.cmd[2].flags & TEXT_RTL, TEXT_RTL);
    assert_int_equal(l.cmd[0].flags & TEXT_RTL, 0); /* not text */
    draw_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mirror_moves_everything_to_the_other_side),
        cmocka_unit_test(mirroring_twice_gives_the_original),
        cmocka_unit_test(text_scale_changes_only_text),
        cmocka_unit_test(mirrored_text_reads_right_to_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
