/* theme: every text-on-background pair the screens draw meets WCAG AA (4.5:1), in
 * every built-in theme. Contrast ratio and relative luminance as WCAG 2.x defines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/theme.h"

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(gw_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

static double contrast(gw_color a, gw_color b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) { double t = la; la = lb; lb = t; }
    return (la + 0.05) / (lb + 0.05);
}

static void the_formula_matches_known_values(void **st)
{
    (void)st;
    gw_color black = { 0, 0, 0, 255 }, white = { 255, 255, 255, 255 }, grey = { 0x76, 0x76, 0x76, 255 };
    assert_true(fabs(contrast(black, white) - 21.0) < 1e-9);
    assert_true(fabs(contrast(white, white) - 1.0) < 1e-9);
    /* #767676 on white is the classic lightest AA grey: 4.54:1 */
    assert_true(fabs(contrast(grey, white) - 4.54) < 0.01);
}

typedef struct pair { const char *what; size_t fg, bg; } pair;
#define F(m) offsetof(theme, m)

/* Every pair actually drawn: text and dimmed text on the screen, on panels and on
 * highlighted panels; primary buttons and the orb draw bg-coloured words on the
 * accent and phase colours; the phase colours also colour words on the screen; the
 * focus ring on the screen. */
static const pair PAIRS[] = {
    { "text on bg", F(text), F(bg) },             { "text_dim on bg", F(text_dim), F(bg) },
    { "text on surface", F(text), F(surface) },   { "text_dim on surface", F(text_dim), F(surface) },
    { "text on surface_hi", F(text), F(surface_hi) },
    { "text_dim on surface_hi", F(text_dim), F(surface_hi) },
    { "bg on accent", F(bg), F(accent) },         { "accent on bg", F(accent), F(bg) },
    { "bg on inhale", F(bg), F(inhale) },         { "bg on hold", F(bg), F(hold) },
    { "bg on exhale", F(bg), F(exhale) },
    { "inhale on surface", F(inhale), F(surface) }, { "hold on surface", F(hold), F(surface) },
    { "exhale on surface", F(exhale), F(surface) },
    { "focus on bg", F(focus), F(bg) },
    /* the button of an action that cannot be undone, on the dialog's panel */
    { "bg on warn", F(bg), F(warn) },             { "warn on surface", F(warn), F(surface) },
};

static gw_color at(const theme *t, size_t off) { return *(const gw_color *)((const char *)t + off); }

static void every_pair_meets_aa_in_every_theme(void **st)
{
    (void)st;
    static const char *const NAMES[] = { "calm", "light", "contrast" };
    int bad = 0;
    for (size_t n = 0; n < sizeof NAMES / sizeof *NAMES; n++) {
        const theme *t = theme_get(NAMES[n]);
        assert_string_equal(t->name, NAMES[n]);
        for (size_t i = 0; i < sizeof PAIRS / sizeof *PAIRS; i++) {
            double r = contrast(at(t, PAIRS[i].fg), at(t, PAIRS[i].bg));
            if (r < 4.5) {
                fprintf(stderr, "theme %s: %s is %.2f:1, below 4.5:1\n", t->name, PAIRS[i].what, r);
                bad++;
            }
        }
    }
    assert_int_equal(bad, 0);
}

static void the_high_contrast_theme_is_at_least_aaa(void **st)
{
    (void)st;
    const theme *t = theme_get("contrast");
    for (size_t i = 0; i < sizeof PAIRS / sizeof *PAIRS; i++)
        assert_true(contrast(at(t, PAIRS[i].fg), at(t, PAIRS[i].bg)) >= 7.0);
}

static void unknown_names_give_the_default(void **st)
{
    (void)st;
    assert_string_equal(theme_get(NULL)->name, theme_default_name());
    assert_string_equal(theme_get("nope")->name, theme_default_name());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_formula_matches_known_values),
        cmocka_unit_test(every_pair_meets_aa_in_every_theme),
        cmocka_unit_test(the_high_contrast_theme_is_at_least_aaa),
        cmocka_unit_test(unknown_names_give_the_default),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
