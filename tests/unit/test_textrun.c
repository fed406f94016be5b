/* textrun: runs per script and bidi level, fonts for digits and punctuation, visual
 * order of runs, line breaking with mixed runs, and coverage. The fonts here are made
 * up: every character is 10 px wide; the "Arabic" font has Arabic letters, digits and
 * " !,-.:" like Noto Sans Arabic, the "Latin" one everything but Arabic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textrun.h"

static int g_measures;

static int fake_measure(void *ctx, const char *s, int len, int font, bool rtl)
{
    (void)ctx;
    (void)font;
    (void)rtl;
    g_measures++;
    int n = 0;
    for (int i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return 10 * n;
}

static bool fake_covers(void *ctx, int font, uint32_t cp)
{
    (void)ctx;
    if (cp == 0x1f600) /* neither font has it */
        return false;
    if (font == TEXTRUN_ARABIC)
        return textrun_is_arabic(cp) || (cp >= '0' && cp <= '9') || (cp && strchr(" !,-.:", (int)cp)) ||
               cp == 0xa0;
    return !textrun_is_arabic(cp);
}

static const textrun_env ENV = { fake_measure, fake_covers, NULL };

/* The text of piece/run k as a new string (for messages and comparisons). */
static char *sub(const char *s, int start, int len)
{
    static char buf[8][256];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, 256, "%.*s", len, s + start);
    return b;
}

/* The pieces of line li, left to right, joined with '|'. */
static const char *visual(const textrun_layout *l, const char *s, int li)
{
    static char out[512];
    out[0] = 0;
    const textrun_line *ln = &l->line[li];
    for (int k = 0; k < ln->n; k++) {
        const textrun_piece *p = &l->piece[ln->first + k];
        if (k)
            strcat(out, "|");
        strncat(out, s + p->start, (size_t)p->len);
    }
    return out;
}

static void latin_text_is_one_left_to_right_run(void **st)
{
    (void)st;
    const char *s = "Box breathing, 4 minutes.";
    textrun_run r[8];
    bool rtl = true;
    assert_int_equal(textrun_split(s, (int)strlen(s), true, &ENV, r, 8, &rtl), 1);
    assert_false(rtl); /* only left-to-right letters: the preference does not matter */
    assert_int_equal(r[0].level, 0);
    assert_int_equal(r[0].font, TEXTRUN_LATIN);
    assert_int_equal(r[0].len, (int)strlen(s));
}

static void arabic_with_a_latin_name_is_three_runs(void **st)
{
    (void)st;
    /* "exercise Box breathing now" */
    const char *s = "تمرين Box breathing الآن";
    textrun_run r[8];
    bool rtl = false;
    int n = textrun_split(s, (int)strlen(s), true, &ENV, r, 8, &rtl);
    assert_true(rtl);
    assert_int_equal(n, 3);
    assert_string_equal(sub(s, r[0].start, r[0].len), "تمرين ");
    assert_int_equal(r[0].font, TEXTRUN_ARABIC);
    assert_int_equal(r[0].level, 1);
    assert_string_equal(sub(s, r[1].start, r[1].len), "Box breathing");
    assert_int_equal(r[1].font, TEXTRUN_LATIN);
    assert_int_equal(r[1].level, 2);
    assert_string_equal(sub(s, r[2].start, r[2].len), " الآن");
    assert_int_equal(r[2].font, TEXTRUN_ARABIC);

    /* laid out: right to left, the Latin run reads left to right inside */
    textrun_layout l;
    assert_true(textrun_layout_text(&l, s, 0, true, &ENV));
    assert_int_equal(l.nline, 1);
    assert_true(l.line[0].rtl);
    assert_string_equal(visual(&l, s, 0), " الآن|Box breathing|تمرين ");
    assert_true(l.piece[0].rtl); /* Arabic pieces are shaped right to left */
    assert_false(l.piece[1].rtl);
    assert_int_equal(l.piece[0].x, 0);
    assert_int_equal(l.piece[1].x, 50);
    assert_int_equal(l.piece[2].x, 180);
    assert_int_equal(l.w, 240);
    assert_int_equal(l.fonts, (1u << TEXTRUN_LATIN) | (1u << TEXTRUN_ARABIC));
    assert_int_equal(l.missing, 0);
    textrun_layout_free(&l);
}

static void the_same_text_in_a_left_to_right_interface(void **st)
{
    (void)st;
    /* "Language: Arabic" in a German interface: both directions, so the preference */
    const char *s = "Sprache: العربية";
    textrun_layout l;
    assert_true(textrun_layout_text(&l, s, 0, false, &ENV));
    assert_false(l.line[0].rtl);
    assert_string_equal(visual(&l, s, 0), "Sprache: |العربية");
    textrun_layout_free(&l);
    /* Arabic alone reads right to left whatever the interface */
    bool rtl = false;
    textrun_run r[4];
    assert_int_equal(textrun_split("العربية", (int)strlen("العربية"), false, &ENV, r, 4, &rtl), 1);
    assert_true(rtl);
    assert_int_equal(r[0].level, 1);
}

static void digits_and_punctuation_go_with_their_letters(void **st)
{
    (void)st;
    /* "breathe 4 minutes": the number keeps left-to-right order, in the Arabic font */
    const char *s = "تنفس 4 دقائق";
    textrun_run r[8];
    int n = textrun_split(s, (int)strlen(s), true, &ENV, r, 8, NULL);
    assert_int_equal(n, 3);
    assert_string_equal(sub(s, r[1].start, r[1].len), "4");
    assert_int_equal(r[1].level, 2);
    assert_int_equal(r[1].font, TEXTRUN_ARABIC);
    /* the Arabic font has no parentheses: they are drawn with the Latin one, and the
     * Latin font has no Arabic comma */
    const char *t = "مرحبا (عالم)، Box";
    textrun_layout l;
    assert_true(textrun_layout_text(&l, t, 0, true, &ENV));
    assert_int_equal(l.missing, 0);
    for (int k = 0; k < l.npiece; k++) {
        const char *p = sub(t, l.piece[k].start, l.piece[k].len);
        if (strchr(p, '('))
            assert_int_equal(l.piece[k].font, TEXTRUN_LATIN);
        if (strstr(p, "،"))
            assert_int_equal(l.piece[k].font, TEXTRUN_ARABIC);
    }
    textrun_layout_free(&l);
    /* numbers only: the Latin font, the interface's direction */
    bool rtl = false;
    assert_int_equal(textrun_split("4:00", 4, true, &ENV, r, 8, &rtl), 1);
    assert_true(rtl);
    assert_int_equal(r[0].font, TEXTRUN_LATIN);
    assert_int_equal(r[0].level, 2);
}

static void a_phone_number_with_no_break_spaces_keeps_its_order(void **st)
{
    (void)st;
    /* "call 116 123": with U+00A0 between the groups the number is one run */
    const char *s = "اتصل بالرقم 116\xc2\xa0" "123 الآن";
    textrun_layout l;
    assert_true(textrun_layout_text(&l, s, 0, true, &ENV));
    assert_int_equal(l.line[0].n, 3);
    assert_string_equal(sub(s, l.piece[1].start, l.piece[1].len), "116\xc2\xa0" "123");
    textrun_layout_free(&l);
}

static void an_isolate_keeps_a_number_with_letters_in_order(void **st)
{
    (void)st;
    /* after Arabic letters "1-800-273-TALK" would be reordered group by group (digits
     * after Arabic are Arabic numbers, and "-" does not join them); inside U+2066 ...
     * U+2069 it is one left-to-right run */
    const char *bare = "اتصل بالرقم 1-800-273-TALK الآن";
    const char *iso = "اتصل بالرقم \xe2\x81\xa6" "1-800-273-TALK\xe2\x81\xa9 الآن";
    textrun_layout l;
    assert_true(textrun_layout_text(&l, bare, 0, true, &ENV));
    assert_true(l.line[0].n > 3);
    textrun_layout_free(&l);
    assert_true(textrun_layout_text(&l, iso, 0, true, &ENV));
    assert_int_equal(l.line[0].n, 3);
    assert_string_equal(sub(iso, l.piece[1].start, l.piece[1].len), "1-800-273-TALK");
    assert_int_equal(l.piece[1].font, TEXTRUN_LATIN);
    assert_int_equal(l.missing, 0); /* the isolate marks are not missing glyphs */
    textrun_layout_free(&l);
}

static void marks_stay_with_their_letter(void **st)
{
    (void)st;
    /* e + combining acute; Arabic with a fatha */
    const char *s = "Cafe\xcc\x81 بَاب";
    textrun_run r[8];
    int n = textrun_split(s, (int)strlen(s), false, &ENV, r, 8, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(sub(s, r[0].start, r[0].len), "Cafe\xcc\x81 ");
    assert_string_equal(sub(s, r[1].start, r[1].len), "بَاب");
}

static void missing_glyphs_are_counted(void **st)
{
    (void)st;
    textrun_layout l;
    assert_true(textrun_layout_text(&l, "ok \xf0\x9f\x98\x80", 0, false, &ENV));
    assert_int_equal(l.missing, 1);
    textrun_layout_free(&l);
    /* without a coverage function nothing is missing */
    textrun_env env = { fake_measure, NULL, NULL };
    assert_true(textrun_layout_text(&l, "ok \xf0\x9f\x98\x80", 0, false, &env));
    assert_int_equal(l.missing, 0);
    textrun_layout_free(&l);
}

static void reorder_follows_rule_l2(void **st)
{
    (void)st;
    int lv[] = { 1, 2, 2, 1 }, ord[4];
    textrun_reorder(lv, 4, ord);
    int want[] = { 3, 1, 2, 0 };
    assert_memory_equal(ord, want, sizeof want);
    int lv2[] = { 0, 1, 1, 0, 2 }, ord2[5];
    textrun_reorder(lv2, 5, ord2);
    int want2[] = { 0, 2, 1, 3, 4 };
    assert_memory_equal(ord2, want2, sizeof want2);
    int lv3[] = { 2, 2, 4 }, ord3[3];
    textrun_reorder(lv3, 3, ord3);
    int want3[] = { 0, 1, 2 };
    assert_memory_equal(ord3, want3, sizeof want3);
}

static void lines_break_at_spaces(void **st)
{
    (void)st;
    textrun_layout l;
    assert_true(textrun_layout_text(&l, "aaa bbb ccc", 70, false, &ENV));
    assert_int_equal(l.nline, 2);
    assert_string_equal(visual(&l, "aaa bbb ccc", 0), "aaa bbb");
    assert_string_equal(visual(&l, "aaa bbb ccc", 1), "ccc");
    assert_int_equal(l.line[0].w, 70);
    assert_int_equal(l.line[1].w, 30);
    assert_int_equal(l.w, 70);
    textrun_layout_free(&l);
    /* trailing spaces take no room; a word wider than the line is broken */
    assert_true(textrun_layout_text(&l, "abc   ", 0, false, &ENV));
    assert_int_equal(l.w, 30);
    textrun_layout_free(&l);
    assert_true(textrun_layout_text(&l, "abcdefghij", 35, false, &ENV));
    assert_int_equal(l.nline, 4);
    assert_string_equal(visual(&l, "abcdefghij", 3), "j");
    assert_int_equal(l.w, 30);
    textrun_layout_free(&l);
    /* a path wider than the line breaks after a slash */
    assert_true(textrun_layout_text(&l, "/home/therapist/plan-2026-01-01", 200, false, &ENV));
    assert_int_equal(l.nline, 2);
    assert_string_equal(visual(&l, "/home/therapist/plan-2026-01-01", 0), "/home/therapist/");
    assert_string_equal(visual(&l, "/home/therapist/plan-2026-01-01", 1), "plan-2026-01-01");
    textrun_layout_free(&l);
    /* line feeds start paragraphs; an empty one is an empty line */
    assert_true(textrun_layout_text(&l, "a\n\nb c", 0, false, &ENV));
    assert_int_equal(l.nline, 3);
    assert_int_equal(l.line[1].n, 0);
    assert_int_equal(l.line[1].w, 0);
    textrun_layout_free(&l);
}

static void mixed_lines_wrap_and_each_line_is_ordered(void **st)
{
    (void)st;
    /* word (4) Box (3) word (4) Box (3): 10 px a character, 90 px lines */
    const char *s = "كلمة Box كلمة Box";
    textrun_layout l;
    assert_true(textrun_layout_text(&l, s, 90, true, &ENV));
    assert_int_equal(l.nline, 2);
    assert_string_equal(visual(&l, s, 0), "Box|كلمة ");
    assert_string_equal(visual(&l, s, 1), "Box|كلمة ");
    for (int i = 0; i < l.nline; i++) {
        assert_true(l.line[i].w <= 90);
        int x = 0;
        for (int k = 0; k < l.line[i].n; k++) {
            assert_int_equal(l.piece[l.line[i].first + k].x, x);
            x += l.piece[l.line[i].first + k].w;
        }
        assert_int_equal(x, l.line[i].w);
    }
    textrun_layout_free(&l);
}

static void bad_input_does_not_crash(void **st)
{
    (void)st;
    textrun_layout l;
    const char *bad[] = { "", "\xff\xfe", "\xe2\x82", "a\xc0\x80z", "\n", "\r\n", "   ", "\xd8" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_true(textrun_layout_text(&l, bad[i], 20, true, &ENV));
        assert_true(l.nline >= 1);
        int bytes = 0;
        for (int k = 0; k < l.npiece; k++) {
            assert_true(l.piece[k].start >= 0 && l.piece[k].start + l.piece[k].len <= (int)strlen(bad[i]));
            bytes += l.piece[k].len;
        }
        assert_true(bytes <= (int)strlen(bad[i]));
        textrun_layout_free(&l);
    }
    assert_true(textrun_layout_text(&l, NULL, 0, false, &ENV));
    assert_int_equal(l.nline, 1);
    textrun_layout_free(&l);
    textrun_env none = { NULL, NULL, NULL };
    assert_false(textrun_layout_text(&l, "x", 0, false, &none));
    assert_int_equal(textrun_split(NULL, 3, false, &ENV, NULL, 0, NULL), 0);
}

static void measuring_is_bounded(void **st)
{
    (void)st;
    /* a long paragraph of short words: each line is measured word by word, not char
     * by char */
    char s[2048] = "";
    for (int i = 0; i < 200; i++)
        strcat(s, i % 2 ? "كلمة " : "word ");
    g_measures = 0;
    textrun_layout l;
    assert_true(textrun_layout_text(&l, s, 300, true, &ENV));
    assert_true(l.nline >= 30);
    assert_true(g_measures < 20000);
    for (int i = 0; i < l.nline; i++)
        assert_true(l.line[i].w <= 300);
    textrun_layout_free(&l);
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(latin_text_is_one_left_to_right_run),
        cmocka_unit_test(arabic_with_a_latin_name_is_three_runs),
        cmocka_unit_test(the_same_text_in_a_left_to_right_interface),
        cmocka_unit_test(digits_and_punctuation_go_with_their_letters),
        cmocka_unit_test(a_phone_number_with_no_break_spaces_keeps_its_order),
        cmocka_unit_test(an_isolate_keeps_a_number_with_letters_in_order),
        cmocka_unit_test(marks_stay_with_their_letter),
        cmocka_unit_test(missing_glyphs_are_counted),
        cmocka_unit_test(reorder_follows_rule_l2),
        cmocka_unit_test(lines_break_at_spaces),
        cmocka_unit_test(mixed_lines_wrap_and_each_line_is_ordered),
        cmocka_unit_test(bad_input_does_not_crash),
        cmocka_unit_test(measuring_is_bounded),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
