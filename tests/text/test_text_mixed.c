/* Text in two scripts, drawn by the real renderer with the shipped fonts: a Latin run
 * inside Arabic text (and Arabic inside Latin) is drawn with the font that has it, so
 * its pixels are those of the run drawn alone, not the Arabic font's empty boxes; runs
 * are placed right to left in a right-to-left paragraph; what plat_render_text_size
 * measures is what is drawn; and the measurer and the drawers share their fonts (each
 * font opened once), a missing font folder reported to each of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/draw.h"
#include "platform/plat_font.h"
#include "platform/plat_render.h"
#include "platform/plat_text.h"

#define W 900
#define H 160

static const gw_color BG = { 20, 30, 40, 255 };
static const gw_color INK = { 250, 250, 250, 255 };

typedef struct image {
    int w, h;
    uint32_t px[W * H];
    int x0, y0, x1, y1; /* ink bounds (x1, y1 exclusive); x1 == 0 when none */
} image;

static plat_render *g_pr;

/* Draws one text command in a fresh frame and copies the pixels out. */
static void draw_one(image *im, gw_rect box, const char *s, int px, int flags)
{
    draw_list l = { 0 };
    draw_begin(&l, W, H, BG);
    draw_text(&l, box, s, px, flags, INK);
    assert_true(plat_render_frame(g_pr, NULL, &l, NULL));
    draw_free(&l);
    SDL_Surface *surf = plat_render_surface(g_pr);
    im->w = W;
    im->h = H;
    im->x0 = W, im->y0 = H, im->x1 = 0, im->y1 = 0;
    uint32_t bg = SDL_MapRGB(surf->format, BG.r, BG.g, BG.b);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint32_t p = ((uint32_t *)((uint8_t *)surf->pixels + (size_t)y * (size_t)surf->pitch))[x] & 0xffffff;
            im->px[y * W + x] = p;
            if (p != (bg & 0xffffff)) {
                if (x < im->x0) im->x0 = x;
                if (y < im->y0) im->y0 = y;
                if (x + 1 > im->x1) im->x1 = x + 1;
                if (y + 1 > im->y1) im->y1 = y + 1;
            }
        }
}

static int channel_diff(uint32_t a, uint32_t b)
{
    int d = 0;
    for (int s = 0; s < 24; s += 8) {
        int k = abs((int)((a >> s) & 255) - (int)((b >> s) & 255));
        if (k > d) d = k;
    }
    return d;
}

/* Where the ink of part appears inside whole (top-left of part's ink box), or x = -1.
 * Every pixel must match within 8 levels. */
static void find(const image *whole, const image *part, int *fx, int *fy)
{
    int pw = part->x1 - part->x0, ph = part->y1 - part->y0;
    *fx = *fy = -1;
    assert_true(pw > 0 && ph > 0);
    for (int y = 0; y + ph <= H; y++)
        for (int x = 0; x + pw <= W; x++) {
            bool ok = true;
            for (int j = 0; j < ph && ok; j++)
                for (int i = 0; i < pw && ok; i++)
                    ok = channel_diff(whole->px[(y + j) * W + x + i], part->px[(part->y0 + j) * W + part->x0 + i]) <= 8;
            if (ok) {
                *fx = x;
                *fy = y;
                return;
            }
        }
}

static image A, B, C;

static void latin_inside_arabic_is_drawn_with_the_latin_font(void **st)
{
    (void)st;
    gw_rect box = gw_rc(20, 20, 860, 120);
    /* "exercise: Box breathing", in a right-to-left interface */
    const char *mixed = "تمرين Box breathing";
    draw_one(&A, box, mixed, 40, ALIGN_RIGHT | TEXT_RTL);
    draw_one(&B, box, "Box breathing", 40, ALIGN_LEFT);
    draw_one(&C, box, "تمرين", 40, ALIGN_LEFT | TEXT_RTL);
    int lx, ly, ax, ay;
    find(&A, &B, &lx, &ly);
    find(&A, &C, &ax, &ay);
    assert_true(lx >= 0); /* the Latin words, pixel for pixel: no empty boxes */
    assert_true(ax >= 0); /* the Arabic word, joined as when alone */
    assert_true(ax > lx);  /* right to left: the first word on the right */
    assert_int_equal(plat_render_text_missing(g_pr, mixed, 40, TEXT_RTL), 0);

    /* the same text in a left-to-right interface: the Arabic word on the left, the
     * Latin run after it starting with the space (its glyphs are placed from the pen
     * position after that space, in fractions of a pixel, so the words are compared as
     * drawn after a space) */
    draw_one(&A, box, mixed, 40, ALIGN_LEFT);
    draw_one(&B, box, " Box breathing", 40, ALIGN_LEFT);
    find(&A, &B, &lx, &ly);
    find(&A, &C, &ax, &ay);
    assert_true(lx >= 0 && ax >= 0);
    assert_true(ax < lx);
}

static void arabic_inside_latin_is_drawn_with_the_arabic_font(void **st)
{
    (void)st;
    gw_rect box = gw_rc(20, 20, 860, 120);
    const char *mixed = "Sprache: العربية";
    draw_one(&A, box, mixed, 36, ALIGN_LEFT);
    draw_one(&B, box, "Sprache:", 36, ALIGN_LEFT);
    draw_one(&C, box, "العربية", 36, ALIGN_LEFT);
    int lx, ly, ax, ay;
    find(&A, &B, &lx, &ly);
    find(&A, &C, &ax, &ay);
    assert_true(lx >= 0);
    assert_true(ax > lx);
    assert_int_equal(plat_render_text_missing(g_pr, mixed, 36, 0), 0);
}

static void missing_glyphs_are_reported(void **st)
{
    (void)st;
    /* Hebrew is in neither font: the check can fail */
    assert_true(plat_render_text_missing(g_pr, "שלום Box", 30, TEXT_RTL) >= 4);
    assert_int_equal(plat_render_text_missing(g_pr, "مرحبا (Box) 4-7-8، 116 123؟", 30, TEXT_RTL), 0);
}

/* The ink of a text drawn in a box of exactly the measured size lies inside it and
 * reaches its far side; the renderer neither shrinks nor crops it. */
static void check_measure(const char *s, int px, int flags, int wrap)
{
    int w = 0, h = 0;
    assert_true(plat_render_text_size(g_pr, s, px, flags, wrap, &w, &h));
    assert_true(w > 0 && h > 0);
    plat_render_overflow_reset();
    gw_rect box = gw_rc(30, 10, (float)(wrap > 0 ? wrap : w), (float)h);
    draw_one(&A, box, s, px, flags | ALIGN_LEFT);
    assert_int_equal(plat_render_overflow_count(), 0);
    assert_true(A.x1 > 0);
    assert_true(A.x0 >= 30 - 2 && A.x1 <= 30 + w + 2);
    assert_true(A.y0 >= 10 && A.y1 <= 10 + h);
    assert_true(A.x1 >= 30 + w - 6); /* the last glyph's side bearing at most */
    /* one pixel narrower than measured no longer fits on one line at this size */
    if (wrap <= 0) {
        int w2 = 0, h2 = 0;
        assert_true(plat_render_text_size(g_pr, s, px, flags, w - 1, &w2, &h2));
        assert_true(w2 <= w - 1 || h2 > h);
    }
}

static void measured_size_is_drawn_size(void **st)
{
    (void)st;
    check_measure("Box breathing", 32, 0, 0);
    check_measure("تنفس مربع", 32, TEXT_RTL, 0);
    check_measure("تمرين Box breathing: 4 دقائق", 30, TEXT_RTL, 0);
    check_measure("Sprache: العربية (Deutsch)", 30, FONT_BOLD << 8, 0);
    /* wrapped: two or more lines, each within the width */
    int w = 0, h = 0, h1 = 0;
    const char *long_mixed = "يحفظ السجل في /home/user/.local/share/groundwork على هذا الحاسوب فقط";
    assert_true(plat_render_text_size(g_pr, long_mixed, 24, TEXT_RTL, 0, NULL, &h1));
    assert_true(plat_render_text_size(g_pr, long_mixed, 24, TEXT_RTL, 400, &w, &h));
    assert_true(w <= 400);
    assert_true(h >= 2 * h1);
    check_measure(long_mixed, 24, TEXT_RTL, 400);
}

/* The msgstr texts of a po file, unescaped, one after another (NUL-separated). */
static char *po_strings(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap), line[4096];
    assert_non_null(out);
    bool in_str = false;
    while (fgets(line, sizeof line, f)) {
        const char *q = NULL;
        if (!strncmp(line, "msgstr", 6)) {
            if (in_str) out[len++] = 0;
            in_str = true;
            q = strchr(line, '"');
        } else if (line[0] == '"' && in_str) {
            q = line;
        } else if (in_str && line[0] != '"') {
            out[len++] = 0;
            in_str = false;
        }
        if (!q)
            continue;
        for (q++; *q && *q != '"'; q++) {
            if (len + 8 > cap) {
                cap *= 2;
                out = realloc(out, cap);
                assert_non_null(out);
            }
            if (*q == '\\' && q[1]) {
                q++;
                out[len++] = *q == 'n' ? '\n' : *q == 't' ? '\t' : *q;
            } else {
                out[len++] = *q;
            }
        }
    }
    if (in_str) out[len++] = 0;
    fclose(f);
    *n = len;
    return out;
}

/* Every translation is drawn with no empty boxes, in a right-to-left interface for
 * Arabic: the fonts together have every character the catalogues use. */
static void every_translation_has_its_glyphs(void **st)
{
    (void)st;
    const char *langs[] = { "ar", "de", "es" };
    for (size_t k = 0; k < sizeof langs / sizeof *langs; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/po/%s.po", GW_SOURCE_DIR, langs[k]);
        size_t n, count = 0;
        char *all = po_strings(path, &n);
        for (size_t i = 0; i < n; i += strlen(all + i) + 1) {
            if (!all[i])
                continue;
            int miss = plat_render_text_missing(g_pr, all + i, 20, k == 0 ? TEXT_RTL : 0);
            if (miss != 0)
                fail_msg("%s: %d character(s) without a glyph in \"%s\"", path, miss, all + i);
            count++;
        }
        assert_true(count > 100);
        free(all);
    }
}

/* One set of fonts per folder, held by the measurer and every drawer: a text measured
 * and then drawn at a size opens one font, not two; a set goes when its last holder
 * does; a folder without the fonts gives every holder the path that failed. */
static void fonts_are_shared(void **st)
{
    (void)st;
    plat_fonts *fs = plat_fonts_shared(GW_FONT_DIR);
    assert_non_null(fs);
    assert_ptr_equal(plat_fonts_shared(GW_FONT_DIR), fs);
    plat_fonts_release(fs);
    int open_before = fs->n;
    plat_text *pt = plat_text_new(GW_FONT_DIR);
    plat_render *pr2 = plat_render_new_offscreen(W, H, GW_FONT_DIR);
    assert_non_null(pt);
    assert_non_null(pr2);
    plat_text_size sz;
    assert_true(plat_text_measure(pt, "Shared fonts", 37, true, 0, &sz));
    assert_int_equal(fs->n, open_before + 1);
    draw_list l = { 0 };
    draw_begin(&l, W, H, BG);
    draw_text(&l, gw_rc(10, 10, 800, 100), "Shared fonts", 37, FONT_BOLD << 8, INK);
    assert_true(plat_render_frame(pr2, NULL, &l, NULL));
    assert_true(plat_render_frame(g_pr, NULL, &l, NULL));
    draw_free(&l);
    assert_int_equal(fs->n, open_before + 1); /* the same font drew it, in both drawers */
    assert_ptr_equal(plat_fonts_get(fs, PLAT_FONT_BOLD, 37, NULL), plat_fonts_get(fs, PLAT_FONT_BOLD, 37, NULL));
    plat_text_free(pt);
    plat_render_free(pr2);
    assert_int_equal(fs->n, open_before + 1); /* still held by g_pr */

    plat_fonts *none = plat_fonts_shared("/nonexistent-fonts");
    assert_non_null(none);
    assert_true(none != fs);
    const char *failed = NULL;
    assert_null(plat_fonts_get(none, 0, 20, &failed));
    assert_string_equal(failed, "/nonexistent-fonts/NotoSans-Regular.ttf");
    failed = NULL; /* not tried again within the second, and still said */
    assert_null(plat_fonts_get(none, 0, 20, &failed));
    assert_non_null(failed);
    plat_render *blind = plat_render_new_offscreen(W, H, "/nonexistent-fonts");
    assert_non_null(blind);
    draw_begin(&l, W, H, BG);
    draw_text(&l, gw_rc(10, 10, 800, 100), "Shared fonts", 20, 0, INK);
    assert_true(plat_render_frame(blind, NULL, &l, NULL));
    draw_free(&l);
    assert_non_null(plat_render_problem(blind));
    assert_non_null(strstr(plat_render_problem(blind), "/nonexistent-fonts/NotoSans-Regular.ttf"));
    plat_render_free(blind);
    plat_fonts_release(none);
}

static int setup(void **st)
{
    (void)st;
    g_pr = plat_render_new_offscreen(W, H, GW_FONT_DIR);
    return g_pr ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    assert_null(plat_render_problem(g_pr));
    plat_render_free(g_pr);
    return 0;
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(latin_inside_arabic_is_drawn_with_the_latin_font),
        cmocka_unit_test(arabic_inside_latin_is_drawn_with_the_arabic_font),
        cmocka_unit_test(missing_glyphs_are_reported),
        cmocka_unit_test(measured_size_is_drawn_size),
        cmocka_unit_test(every_translation_has_its_glyphs),
        cmocka_unit_test(fonts_are_shared),
    };
    return cmocka_run_group_tests(t, setup, teardown);
}
