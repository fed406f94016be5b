#include "platform/plat_font.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHARED_SETS 4 /* font folders at once: one, and a test's missing one */
static plat_fonts *shared[SHARED_SETS];

plat_fonts *plat_fonts_shared(const char *dir)
{
    if (!dir)
        dir = ".";
    int free_slot = -1;
    for (int i = 0; i < SHARED_SETS; i++) {
        if (shared[i] && !strcmp(shared[i]->dir, dir)) {
            shared[i]->refs++;
            return shared[i];
        }
        if (!shared[i] && free_slot < 0)
            free_slot = i;
    }
    plat_fonts *fs = calloc(1, sizeof *fs);
    if (!fs)
        return NULL;
    snprintf(fs->dir, sizeof fs->dir, "%s", dir);
    fs->refs = 1;
    if (free_slot >= 0)
        shared[free_slot] = fs;
    return fs; /* with no slot free, a set of its own */
}

void plat_fonts_release(plat_fonts *fs)
{
    if (!fs || --fs->refs > 0)
        return;
    for (int i = 0; i < SHARED_SETS; i++)
        if (shared[i] == fs)
            shared[i] = NULL;
    for (int i = 0; i < fs->n; i++)
        TTF_CloseFont(fs->slot[i].font);
    free(fs);
}

TTF_Font *plat_fonts_get(plat_fonts *fs, int style, int px, const char **failed)
{
    static const char *const FILES[] = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
                                         "NotoSansArabic-Bold.ttf" };
    style &= 3;
    for (int i = 0; i < fs->n; i++)
        if (fs->slot[i].style == style && fs->slot[i].px == px) {
            fs->slot[i].used = ++fs->tick;
            return fs->slot[i].font;
        }
    if (fs->retry[style] && SDL_GetTicks64() < fs->retry[style]) {
        if (failed)
            *failed = fs->failed;
        return NULL;
    }
    char path[sizeof fs->failed];
    snprintf(path, sizeof path, "%s/%s", fs->dir, FILES[style]);
    TTF_Font *f = TTF_OpenFont(path, px);
    fs->retry[style] = f ? 0 : SDL_GetTicks64() + 1000;
    if (!f) {
        memcpy(fs->failed, path, sizeof path);
        if (failed)
            *failed = fs->failed;
        return NULL;
    }
    /* light hinting (vertical only, as desktops' "hintslight"): shapes closer to the
     * design, and HarfBuzz gets advances without loading and hinting each glyph; full
     * hinting ran the fonts' TrueType programs for every glyph twice, half the work of
     * the first frame */
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    if (style & PLAT_FONT_ARABIC)
        TTF_SetFontScriptName(f, "Arab"); /* HarfBuzz shapes the joined forms */
    int k = fs->n;
    if (fs->n == PLAT_FONT_SLOTS) {
        k = 0;
        for (int i = 1; i < PLAT_FONT_SLOTS; i++)
            if (fs->slot[i].used < fs->slot[k].used)
                k = i;
        TTF_CloseFont(fs->slot[k].font);
    } else {
        fs->n++;
    }
    fs->slot[k].style = style;
    fs->slot[k].px = px;
    fs->slot[k].font = f;
    fs->slot[k].used = ++fs->tick;
    return f;
}

TTF_Font *plat_fonts_run(plat_fonts *fs, bool bold, bool arabic, int px, bool rtl, const char **failed)
{
    TTF_Font *f = plat_fonts_get(fs, (bold ? PLAT_FONT_BOLD : 0) | (arabic ? PLAT_FONT_ARABIC : 0), px, failed);
    if (f)
        TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    return f;
}
