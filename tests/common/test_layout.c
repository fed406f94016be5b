/* test_layout: boxes of a drawn frame for layout tests (see test_layout.h). */
#define _XOPEN_SOURCE 700 /* nftw */
#include "test_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

/* Noto Sans Arabic's line is about 2.1 em tall (room for stacked marks) and its glyphs
 * fill about 65% of it; the renderer counts that much as the text's height. */
static bool arabic(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0xD8 && *p <= 0xDB)
            return true;
    return false;
}
static float ink_h(const char *s, int h) { return (float)h * (arabic(s) ? 0.65f : 1.f); }

/* As the renderer does (plat_render_text.c): a TEXT_FIT line is made narrower down to
 * 70% of its size; a text taller than its box by more than 12% (and 2 px) is cropped
 * to it. */
gw_rect test_text_ink(plat_render *pr, const draw_list *l, const draw_cmd *c)
{
    const char *s = draw_text_of(l, c);
    int w = 0, h = 0;
    int wrap = (c->flags & TEXT_FIT) ? 0 : (int)c->r.w;
    if (!s || !s[0] || !plat_render_text_size(pr, s, c->font_px, c->flags, wrap, &w, &h))
        return c->r;
    float fw = (float)w, fh = ink_h(s, h);
    if ((c->flags & TEXT_FIT) && c->r.w > 0 && fw > c->r.w) {
        int w7 = 0, h7 = 0;
        if (plat_render_text_size(pr, s, c->font_px * 7 / 10, c->flags, 0, &w7, &h7) && (float)w7 <= c->r.w)
            fw = c->r.w;
    }
    gw_rect r = c->r;
    float x = r.x, y = r.y;
    int al = c->flags & 3, va = c->flags & 12;
    if (al == ALIGN_CENTER)
        x += (r.w - fw) / 2;
    else if (al == ALIGN_RIGHT)
        x += r.w - fw;
    if (va == VALIGN_MIDDLE)
        y += (r.h - (float)h) / 2;
    else if (va == VALIGN_BOTTOM)
        y += r.h - (float)h;
    y += ((float)h - fh) / 2; /* the glyphs in the middle of their lines */
    if (r.h > 0 && fh > r.h * 1.12f + 2) { /* cropped */
        y = r.y;
        fh = r.h;
    }
    if (r.w > 0 && fw > r.w + 1) {
        x = r.x;
        fw = r.w;
    }
    return gw_rc(x, y, fw, fh);
}

bool test_text_fits(plat_render *pr, const draw_list *l, const draw_cmd *c, float scale)
{
    const char *s = draw_text_of(l, c);
    int w = 0, h = 0, px = (int)lroundf((float)c->font_px * scale);
    bool fit = (c->flags & TEXT_FIT) != 0;
    if (!s || !s[0] || !plat_render_text_size(pr, s, px, c->flags, fit ? 0 : (int)c->r.w, &w, &h))
        return true;
    if (!fit) { /* a word wider than the box */
        int ww = 0, wh = 0;
        const char *p = s;
        while (*p) {
            while (*p == ' ' || *p == '\n')
                p++;
            const char *e = p;
            while (*e && *e != ' ' && *e != '\n')
                e++;
            if (e > p) {
                char word[256];
                size_t n = (size_t)(e - p) < sizeof word - 1 ? (size_t)(e - p) : sizeof word - 1;
                for (size_t i = 0; i < n; i++)
                    word[i] = p[i];
                word[n] = 0;
                if (plat_render_text_size(pr, word, px, c->flags, 0, &ww, &wh) && ww > w)
                    w = ww;
            }
            p = e;
        }
    }
    return (c->r.w <= 0 || (float)w <= c->r.w + 1) && (c->r.h <= 0 || ink_h(s, h) <= c->r.h * 1.12f + 2);
}

float test_lines_h(plat_render *pr, const char *sample, int px, int flags, int n)
{
    char one[64], two[130];
    size_t k = 0;
    while (sample[k] && sample[k] != ' ' && k < sizeof one - 1)
        k++;
    snprintf(one, sizeof one, "%.*s", (int)k, sample);
    snprintf(two, sizeof two, "%s\n%s", one, one);
    int w = 0, h1 = 0, h2 = 0;
    if (!k || !plat_render_text_size(pr, one, px, flags, 0, &w, &h1) ||
        !plat_render_text_size(pr, two, px, flags, 0, &w, &h2))
        return (float)(n * px);
    return ink_h(one, h1 + (n - 1) * (h2 - h1));
}

bool test_overlap(gw_rect a, gw_rect b, float slack)
{
    return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

bool test_inside(gw_rect a, gw_rect b, float slack)
{
    return a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack && a.y + a.h <= b.y + b.h + slack;
}

void test_rect_text(char *buf, size_t n, gw_rect r)
{
    snprintf(buf, n, "%.0f,%.0f %.0fx%.0f", (double)r.x, (double)r.y, (double)r.w, (double)r.h);
}

void test_layout_shot(plat_render *pr, const draw_list *l, int w, int h, const char *where, bool bad)
{
    static int shot_no;
    const char *shots = getenv("GW_LAYOUT_SHOTS");
    if (!shots || (!bad && !getenv("GW_LAYOUT_ALL")))
        return;
    if (!plat_render_resize(pr, w, h) || !plat_render_frame(pr, NULL, l, NULL))
        return;
    char path[1024], name[200];
    snprintf(name, sizeof name, "%s", where);
    for (char *p = name; *p; p++)
        if (*p == ' ' || *p == ',' || *p == '%' || *p == '/')
            *p = '_';
    snprintf(path, sizeof path, "%s/%04d-%s.png", shots, shot_no++, name);
    plat_render_save_png(pr, path);
}

void test_check_texts(plat_render *pr, const draw_list *l, int W, int H, const char *where, test_report_fn report,
                      const char *row_widget)
{
    gw_rect win = gw_rc(0, 0, (float)W, (float)H);
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        gw_rect ink = test_text_ink(pr, l, c);
        char d[512], r[48];
        test_rect_text(r, sizeof r, ink);
        snprintf(d, sizeof d, "\"%.70s\" (%s)", draw_text_of(l, c), r);
        if (!test_inside(ink, win, 1))
            report(where, "a text runs out of the window", d);
        if (!test_text_fits(pr, l, c, (c->flags & TEXT_FIT) ? 0.8f : 1.f))
            report(where, "a text does not fit its box", d);
        for (int j = i + 1; j < l->ncmd; j++) {
            const draw_cmd *o = &l->cmd[j];
            if (o->op != DRAW_TEXT || !*draw_text_of(l, o))
                continue;
            if (test_overlap(ink, test_text_ink(pr, l, o), 1)) {
                char d2[600];
                snprintf(d2, sizeof d2, "%s and \"%.50s\"", d, draw_text_of(l, o));
                report(where, "two texts overlap", d2);
            }
        }
        for (int w = 0; w < l->nwid; w++) {
            const draw_widget *x = &l->wid[w];
            /* a control's own label lies inside it */
            if (test_inside(ink, x->r, 1) || (row_widget && !strcmp(x->id, row_widget)))
                continue;
            if (test_overlap(ink, x->r, 1)) {
                char d2[600];
                snprintf(d2, sizeof d2, "%s under %s", d, x->id);
                report(where, "a text runs under a control", d2);
            }
        }
    }
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void test_layout_home_remove(const char *dir)
{
    if (dir && !strncmp(dir, "/tmp/gw-layout-", 15))
        nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

bool test_layout_home(char *dir, size_t n)
{
    if (n < 32)
        return false;
    /* named by the process id, in digits, which the fonts draw all as wide: a name with
     * random letters would make the folder, and so the screen's layout, vary from run
     * to run; one left by an earlier process of the same id is removed first */
    snprintf(dir, n, "/tmp/gw-layout-%06ld", (long)getpid() % 1000000);
    test_layout_home_remove(dir);
    if (mkdir(dir, 0700) != 0) {
        perror(dir);
        return false;
    }
    char v[64];
    setenv("HOME", dir, 1);
    snprintf(v, sizeof v, "%s/.local/share", dir);
    setenv("XDG_DATA_HOME", v, 1);
    snprintf(v, sizeof v, "%s/.config", dir);
    setenv("XDG_CONFIG_HOME", v, 1);
    snprintf(v, sizeof v, "%s/.local/state", dir);
    setenv("XDG_STATE_HOME", v, 1);
    return true;
}

