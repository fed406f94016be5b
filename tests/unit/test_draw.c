/* draw: display lists, widgets and the frame diff that decides what is redrawn. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/draw.h"

static const gw_color BG = { 10, 20, 30, 255 }, FG = { 200, 210, 220, 255 };

static void build(draw_list *l, float orb_r, const char *word)
{
    draw_begin(l, 1280, 720, BG);
    draw_rect(l, gw_rc(0, 0, 1280, 80), 0, FG);
    draw_circle(l, 640, 400, orb_r, FG);
    draw_text(l, gw_rc(540, 380, 200, 40), word, 30, ALIGN_CENTER, FG);
    draw_widget_add(l, "back", gw_rc(20, 20, 100, 40), false);
}

static void identical_frames_are_not_drawn(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    build(&a, 100, "Breathe in");
    build(&b, 100, "Breathe in");
    gw_rect d;
    assert_false(draw_diff(&a, &b, &d));
    assert_int_equal(draw_hash(&a), draw_hash(&b));
    draw_free(&a);
    draw_free(&b);
}

static void a_growing_orb_dirties_only_its_bounds(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    build(&a, 100, "Breathe in");
    build(&b, 110, "Breathe in");
    gw_rect d;
    assert_true(draw_diff(&a, &b, &d));
    /* union of both discs plus the anti-aliased edge, nothing of the top bar */
    assert_true(d.x <= 640 - 110 && d.x >= 640 - 110 - 4);
    assert_true(d.y <= 400 - 110 && d.y >= 400 - 110 - 4);
    assert_true(d.w >= 220 && d.w <= 228);
    assert_true(d.y > 80);
    draw_free(&a);
    draw_free(&b);
}

static void changed_text_dirties_its_box(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    build(&a, 100, "Breathe in");
    build(&b, 100, "Hold");
    gw_rect d;
    assert_true(draw_diff(&a, &b, &d));
    assert_true(d.x >= 530 && d.x + d.w <= 750);
    assert_true(d.y >= 370 && d.y + d.h <= 430);
    assert_string_equal(draw_text_of(&b, &b.cmd[2]), "Hold");
    draw_free(&a);
    draw_free(&b);
}

static void resize_or_background_dirties_everything(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    build(&a, 100, "x");
    build(&b, 100, "x");
    b.w = 1920;
    gw_rect d;
    assert_true(draw_diff(&a, &b, &d));
    assert_true(d.w == 1920 && d.h == 720);
    build(&b, 100, "x");
    b.clear.r = 11;
    assert_true(draw_diff(&a, &b, &d));
    assert_true(d.x == 0 && d.w == 1280);
    assert_true(draw_diff(NULL, &b, &d));
    draw_free(&a);
    draw_free(&b);
}

static void removed_commands_dirty_where_they_were(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    build(&a, 100, "x");
    draw_begin(&b, 1280, 720, BG);
    draw_rect(&b, gw_rc(0, 0, 1280, 80), 0, FG);
    gw_rect d;
    assert_true(draw_diff(&a, &b, &d));
    assert_true(d.y >= 290 && d.y < 300);
    draw_free(&a);
    draw_free(&b);
}

static void widgets_are_found_by_id_and_position(void **st)
{
    (void)st;
    draw_list l = { 0 };
    build(&l, 100, "x");
    draw_widget_add(&l, "over", gw_rc(50, 30, 100, 40), true);
    assert_non_null(draw_widget_find(&l, "back"));
    assert_null(draw_widget_find(&l, "nothing"));
    assert_string_equal(draw_widget_at(&l, 60, 35)->id, "over"); /* topmost wins */
    assert_string_equal(draw_widget_at(&l, 25, 25)->id, "back");
    assert_null(draw_widget_at(&l, 600, 600));
    draw_free(&l);
}

static void long_lists_grow(void **st)
{
    (void)st;
    draw_list l = { 0 };
    draw_begin(&l, 100, 100, BG);
    char t[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(t, sizeof t, "item %d", i);
        draw_text(&l, gw_rc(0, 0, 10, 10), t, 12, 0, FG);
    }
    assert_int_equal(l.ncmd, 5000);
    assert_string_equal(draw_text_of(&l, &l.cmd[4321]), "item 4321");
    /* reuse keeps the buffers */
    draw_begin(&l, 100, 100, BG);
    assert_int_equal(l.ncmd, 0);
    draw_free(&l);
}

static void far_apart_changes_stay_apart(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_circle(&a, 100, 100, 20, FG);
    draw_circle(&b, 102, 100, 20, FG);
    draw_text(&a, gw_rc(1700, 900, 100, 40), "3", 30, 0, FG);
    draw_text(&b, gw_rc(1700, 900, 100, 40), "2", 30, 0, FG);
    gw_rect r[DRAW_MAX_DIRTY];
    int n = draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY);
    assert_int_equal(n, 2);
    float total = r[0].w * r[0].h + r[1].w * r[1].h;
    assert_true(total < 20000); /* not the 1600x840 box between them */
    /* with room for one rectangle only, they merge */
    assert_int_equal(draw_diff_rects(&a, &b, r, 1), 1);
    assert_true(r[0].w > 1500);
    draw_free(&a);
    draw_free(&b);
}

/* A command added or removed in the middle of the list (a second label while one fades
 * into the next) dirties its own bounds only: the commands after it are matched from the
 * end of the lists, not redrawn because their index moved. */
static void an_added_command_does_not_dirty_those_after_it(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    for (int k = 0; k < 2; k++) {
        draw_list *l = k ? &b : &a;
        draw_begin(l, 1920, 1080, BG);
        draw_rect(l, gw_rc(0, 0, 1920, 80), 0, FG);
        draw_text(l, gw_rc(800, 400, 300, 60), "Breathe in", 40, ALIGN_CENTER, FG);
        if (k)
            draw_text(l, gw_rc(800, 400, 300, 60), "Hold", 40, ALIGN_CENTER, (gw_color){ 200, 210, 220, 80 });
        for (int i = 0; i < 6; i++) /* a bar of buttons at the bottom */
            draw_rect(l, gw_rc(200 + 250 * (float)i, 950, 200, 90), 20, FG);
    }
    gw_rect r[DRAW_MAX_DIRTY];
    int n = draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY);
    assert_int_equal(n, 1);
    assert_true(r[0].x >= 790 && r[0].x + r[0].w <= 1110 && r[0].y >= 390 && r[0].y + r[0].h <= 470);
    /* and removed again */
    n = draw_diff_rects(&b, &a, r, DRAW_MAX_DIRTY);
    assert_int_equal(n, 1);
    assert_true(r[0].y + r[0].h <= 470);
    /* a changed button after the added label is still found */
    b.cmd[b.ncmd - 1].color.r = 1;
    n = draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY);
    assert_int_equal(n, 2);
    assert_true((r[0].y >= 940) != (r[1].y >= 940));
    /* equal lengths but different: compared index by index as before */
    draw_list c = { 0 };
    draw_begin(&c, 1920, 1080, BG);
    draw_rect(&c, gw_rc(0, 0, 1920, 80), 0, FG);
    n = draw_diff_rects(&a, &c, r, DRAW_MAX_DIRTY);
    gw_rect u = r[0];
    for (int i = 1; i < n; i++)
        u = gw_rect_union(u, r[i]);
    assert_true(u.y < 450 && u.y + u.h > 1000);
    draw_free(&a);
    draw_free(&b);
    draw_free(&c);
}

static void a_progress_ring_dirties_only_the_moved_arc(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_ring(&a, 960, 540, 400, 6, 0, 0.10f, FG);
    draw_ring(&b, 960, 540, 400, 6, 0, 0.11f, FG);
    gw_rect r[DRAW_MAX_DIRTY];
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].w < 60 && r[0].h < 60);
    assert_true(r[0].x > 960 + 400 * 0.5f); /* near 0.1 turn, top right */
    draw_free(&a);
    draw_free(&b);
}

static void a_growing_straight_line_dirties_only_its_new_part(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    gw_rect r[DRAW_MAX_DIRTY];
    /* up a vertical side, from y 800 to 500 then 490 */
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_line(&a, 600, 800, 600, 500, 8, FG);
    draw_line(&b, 600, 800, 600, 490, 8, FG);
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].y <= 490 - 4 && r[0].y + r[0].h >= 500 + 4); /* the new part and its edges */
    assert_true(r[0].h < 30);                                     /* not the 300 px side */
    assert_true(r[0].x <= 600 - 4 && r[0].x + r[0].w >= 600 + 4);
    /* shrinking is the same change the other way */
    assert_int_equal(draw_diff_rects(&b, &a, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].h < 30);
    draw_free(&a);
    draw_free(&b);
    /* along a horizontal side, right to left */
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_line(&a, 1200, 300, 900, 300, 8, FG);
    draw_line(&b, 1200, 300, 880, 300, 8, FG);
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].x <= 880 - 4 && r[0].x + r[0].w >= 900 + 4 && r[0].w < 40);
    draw_free(&a);
    draw_free(&b);
    /* a slanted line, a new start or a turn the other way: the whole of both */
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_line(&a, 600, 800, 600, 500, 8, FG);
    draw_line(&b, 600, 800, 600, 900, 8, FG);
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].h >= 400);
    draw_free(&a);
    draw_free(&b);
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_line(&a, 600, 800, 610, 500, 8, FG);
    draw_line(&b, 600, 800, 611, 490, 8, FG);
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].h >= 300);
    draw_free(&a);
    draw_free(&b);
}

/* With room for more rectangles, a disc and its glow that only grew about the same
 * centre dirty the ring between their old and new extents, as bands that cover every
 * pixel whose distance from the centre lies in it and leave the inside alone (the
 * opaque disc, drawn after its glow, covers the inside in both frames); with
 * DRAW_MAX_DIRTY only, their square as before. */
static void a_growing_orb_dirties_only_its_ring(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_glow(&a, 500.5f, 540, 300, 90, GLOW_HOLLOW, FG);
    draw_circle(&a, 500.5f, 540, 300, FG);
    draw_glow(&b, 500.5f, 540, 303, 91, GLOW_HOLLOW, FG);
    draw_circle(&b, 500.5f, 540, 301.5f, FG);
    gw_rect r[DRAW_MAX_RECTS];
    int n = draw_diff_rects(&a, &b, r, DRAW_MAX_RECTS);
    assert_true(n > 4 && n <= DRAW_MAX_RECTS);
    float total = 0;
    for (int i = 0; i < n; i++)
        total += r[i].w * r[i].h;
    assert_true(total < 0.5f * 790 * 790); /* not the glow's square */
    /* every pixel from inside the old disc's edge (300) to the new glow's end (394) is
     * covered; the centre is not */
    for (int ang = 0; ang < 360; ang += 3)
        for (float d = 299; d <= 395; d += 1) {
            float x = 500.5f + d * cosf((float)ang * 0.0174533f), y = 540 + d * sinf((float)ang * 0.0174533f);
            bool in = false;
            for (int i = 0; i < n && !in; i++)
                in = gw_rect_has(r[i], x, y);
            assert_true(in);
        }
    for (int i = 0; i < n; i++)
        assert_false(gw_rect_has(r[i], 500, 540));
    /* room for DRAW_MAX_DIRTY only: the square, as before */
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    assert_true(r[0].w > 780 && r[0].h > 780);
    draw_free(&a);
    draw_free(&b);
}

/* A long thin change crossing a wide one (a side's lit line going out as the phase word
 * changes) stays two rectangles: their union would redraw the whole figure. Two
 * overlapping squares (an orb that moved a little) still merge. */
static void crossing_changes_are_not_merged_into_their_box(void **st)
{
    (void)st;
    draw_list a = { 0 }, b = { 0 };
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_line(&a, 650, 714, 650, 206, 9, FG); /* the lit line, gone in b */
    draw_text(&a, gw_rc(628, 368, 660, 90), "Breathe in", 40, 0, FG);
    draw_text(&b, gw_rc(628, 368, 660, 90), "Hold", 40, 0, FG);
    gw_rect r[DRAW_MAX_DIRTY];
    int n = draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY);
    assert_int_equal(n, 2);
    float total = 0;
    for (int i = 0; i < n; i++)
        total += r[i].w * r[i].h;
    assert_true(total < 90000); /* not the 665 x 520 box around both */
    /* every changed pixel is still covered */
    for (float y = 206; y < 714; y += 7) {
        bool in = false;
        for (int i = 0; i < n && !in; i++)
            in = gw_rect_has(r[i], 650, y);
        assert_true(in);
    }
    draw_free(&a);
    draw_free(&b);
    draw_begin(&a, 1920, 1080, BG);
    draw_begin(&b, 1920, 1080, BG);
    draw_circle(&a, 500, 500, 40, FG);
    draw_circle(&b, 504, 500, 40, FG);
    draw_circle(&a, 530, 500, 40, FG); /* a second disc over most of the first changes colour */
    draw_circle(&b, 530, 500, 40, BG);
    assert_int_equal(draw_diff_rects(&a, &b, r, DRAW_MAX_DIRTY), 1);
    draw_free(&a);
    draw_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identical_frames_are_not_drawn),
        cmocka_unit_test(a_growing_orb_dirties_only_its_bounds),
        cmocka_unit_test(changed_text_dirties_its_box),
        cmocka_unit_test(resize_or_background_dirties_everything),
        cmocka_unit_test(removed_commands_dirty_where_they_were),
        cmocka_unit_test(widgets_are_found_by_id_and_position),
        cmocka_unit_test(long_lists_grow),
        cmocka_unit_test(far_apart_changes_stay_apart),
        cmocka_unit_test(crossing_changes_are_not_merged_into_their_box),
        cmocka_unit_test(an_added_command_does_not_dirty_those_after_it),
        cmocka_unit_test(a_progress_ring_dirties_only_the_moved_arc),
        cmocka_unit_test(a_growing_straight_line_dirties_only_its_new_part),
        cmocka_unit_test(a_growing_orb_dirties_only_its_ring),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
