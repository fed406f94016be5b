/* Line breaking keeps a number with the word after it ("3 sighs", "16 groups",
 * "7,9 S/min", Arabic "٣ أنفاس"): a card title at large text once read "Quick reset: 3" over
 * "sighs". Where the line has no room for both, the number's break is still taken
 * rather than a word cut. Every character is 10 px wide here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/textrun.h"

static int measure(void *ctx, const char *s, int len, int font, bool rtl)
{
    (void)ctx, (void)font, (void)rtl;
    int n = 0;
    for (int i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return 10 * n;
}

static const textrun_env ENV = { measure, NULL, NULL };

/* Line li's text in reading order (its pieces' bytes, in logical order). */
static const char *line_text(const textrun_layout *l, const char *s, int li)
{
    static char out[256];
    int lo = 1 << 30, hi = 0;
    for (int k = 0; k < l->line[li].n; k++) {
        const textrun_piece *p = &l->piece[l->line[li].first + k];
        lo = p->start < lo ? p->start : lo;
        hi = p->start + p->len > hi ? p->start + p->len : hi;
    }
    snprintf(out, sizeof out, "%.*s", hi - lo, s + lo);
    return out;
}

static void expect_lines(const char *s, int wrap, bool rtl, int n, const char *const *want)
{
    textrun_layout l;
    assert_true(textrun_layout_text(&l, s, wrap, rtl, &ENV));
    if (l.nline != n)
        fail_msg("\"%s\" at %d px: %d lines, not %d (first \"%s\")", s, wrap, l.nline, n, line_text(&l, s, 0));
    for (int i = 0; i < n; i++)
        if (strcmp(line_text(&l, s, i), want[i]))
            fail_msg("\"%s\" at %d px, line %d: \"%s\", not \"%s\"", s, wrap, i + 1, line_text(&l, s, i), want[i]);
    textrun_layout_free(&l);
}

static void number_stays_with_its_word(void **st)
{
    (void)st;
    /* "Quick reset: 3" (140 px) would fit in 150; the number goes down with its word */
    expect_lines("Quick reset: 3 sighs", 150, false, 2, (const char *const[]){ "Quick reset:", "3 sighs" });
    expect_lines("Muscle relaxation: 16 groups (short)", 210, false, 2,
                 (const char *const[]){ "Muscle relaxation:", "16 groups (short)" });
    /* Arabic-Indic digits too, in a right-to-left paragraph */
    expect_lines("استراحة سريعة: ٣ أنفاس", 160, true, 2, (const char *const[]){ "استراحة سريعة:", "٣ أنفاس" });
    /* a number with its decimals ("7,9 S/min" of the resonance result in German) */
    expect_lines("Schwankung 7,9 S/min", 170, false, 2, (const char *const[]){ "Schwankung", "7,9 S/min" });
    expect_lines("at 5.5 breaths", 120, false, 2, (const char *const[]){ "at", "5.5 breaths" });
    /* a figure kept left to right in an isolate ("⁦5852 ms²⁩" of the resonance result) */
    expect_lines("frecuencia \u20665852 ms²\u2069, 100", 180, false, 2,
                 (const char *const[]){ "frecuencia", "\u20665852 ms²\u2069, 100" });
    /* not a number: "1." of a German date, "4-7-8" */
    expect_lines("4-7-8 breathing", 100, false, 2, (const char *const[]){ "4-7-8", "breathing" });
    /* room for all: one line, as before */
    expect_lines("Quick reset: 3 sighs", 200, false, 1, (const char *const[]){ "Quick reset: 3 sighs" });
}

static void number_break_taken_when_nothing_else_fits(void **st)
{
    (void)st;
    /* "3 breathe" (90 px) does not fit in 60: broken after the number, not in the word */
    expect_lines("3 breath", 60, false, 2, (const char *const[]){ "3", "breath" });
    /* numbers alone break where they must */
    expect_lines("1 2 3 4 5", 50, false, 2, (const char *const[]){ "1 2 3", "4 5" });
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(number_stays_with_its_word),
        cmocka_unit_test(number_break_taken_when_nothing_else_fits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
