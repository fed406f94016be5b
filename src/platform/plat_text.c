/* plat_text: see plat_text.h. Fonts by style and size come from the set shared with the
 * drawers (plat_font): a layout measures in a handful of sizes at a time. (Resizing one
 * font per style instead would rerun the font's hinting program at every change of
 * size, many times a frame.) */
#include "platform/plat_text.h"
#include "platform/plat_font.h"
#include "platform/plat_shape.h"

#include "core/textrun.h"

#include <SDL2/SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE 512
#define WAYS 4
#define MAX_TEXT 4096 /* longer strings are measured by their first MAX_TEXT bytes */

typedef struct entry {
    uint64_t hash;
    int px, wrap;
    bool bold, used;
    plat_text_size size;
    unsigned long tick; /* when last used */
} entry;

struct plat_text {
    unsigned failures;  /* measurements that could not be made (no font, no memory) */
    unsigned long mtick; /* for the measurements' least recently used */
    plat_fonts *fonts; /* shared (plat_fonts_shared) */
    entry cache[CACHE];
    char buf[MAX_TEXT + 1];
};

plat_text *plat_text_new(const char *font_dir)
{
    if (!TTF_WasInit() && TTF_Init() != 0)
        return NULL;
    plat_text *t = calloc(1, sizeof *t);
    if (t && !(t->fonts = plat_fonts_shared(font_dir))) {
        free(t);
        return NULL;
    }
    return t;
}

int plat_text_fonts_open(const plat_text *t) { return t ? t->fonts->n : 0; }

void plat_text_free(plat_text *t)
{
    if (!t)
        return;
    plat_fonts_release(t->fonts);
    free(t);
}

static uint64_t hash_of(const char *s, int px, bool bold, int wrap)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    h ^= ((uint64_t)(unsigned)px << 33 | (uint64_t)(unsigned)wrap << 1 | (uint64_t)bold) * 0x9E3779B97F4A7C15ULL;
    /* mixed down to the low bits that pick the slot: the size alone (shifted high)
     * would leave them alone, and a text measured at two sizes every frame (a title
     * checked at its smallest size) would evict itself twice a frame */
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    return h;
}

bool plat_text_measure(plat_text *t, const char *utf8, int font_px, bool bold, int wrap, plat_text_size *out)
{
    memset(out, 0, sizeof *out);
    if (!t || !utf8 || font_px <= 0)
        return false;
    if (strlen(utf8) > MAX_TEXT) {
        memcpy(t->buf, utf8, MAX_TEXT);
        t->buf[MAX_TEXT] = 0;
        utf8 = t->buf;
    }
    if (wrap < 0)
        wrap = 0;
    uint64_t h = hash_of(utf8, font_px, bold, wrap);
    /* WAYS slots per hash, the least recently used replaced: two texts measured every
     * frame whose hashes meet would otherwise evict each other */
    entry *set = &t->cache[(h % (CACHE / WAYS)) * WAYS], *e = set;
    for (int i = 0; i < WAYS; i++) {
        entry *x = &set[i];
        if (x->used && x->hash == h && x->px == font_px && x->wrap == wrap && x->bold == bold) {
            x->tick = ++t->mtick;
            *out = x->size;
            return true;
        }
        if (!x->used || (e->used && x->tick < e->tick))
            e = x;
    }
    /* laid out by the renderer's own layout (plat_shape), so a width measured here is
     * the width drawn */
    plat_shape sh = { .fonts = t->fonts, .bold = bold, .px = font_px };
    textrun_layout L;
    if (!plat_shape_runs(&sh, utf8, wrap, false, &L)) {
        t->failures++;
        return false;
    }
    bool arabic = (L.fonts & (1u << TEXTRUN_ARABIC)) != 0;
    /* a word broken between characters counts whole: such a text does not fit */
    int maxw = L.w > L.word_w ? L.w : L.word_w, lines = L.nline > 0 ? L.nline : 1;
    textrun_layout_free(&L);
    TTF_Font *f = plat_shape_script_font(&sh, arabic ? TEXTRUN_ARABIC : TEXTRUN_LATIN);
    if (!f) {
        t->failures++;
        return false;
    }
    int skip = TTF_FontLineSkip(f);
    int line_h = skip > TTF_FontHeight(f) ? skip : TTF_FontHeight(f);
    /* Noto Sans Arabic's line is about 2.1 em with room for stacked marks; its glyphs
     * end about 80% of the way down: a box needs that much of the last line, the full
     * line for each one above it (plat_render judges a fit more leniently) */
    float last = arabic ? 0.8f : 1.f;
    out->lines = lines;
    out->w = maxw;
    out->line_h = line_h;
    out->h = (int)((float)line_h * ((float)lines - 1.f + last) + 0.5f);
    *e = (entry){ h, font_px, wrap, bold, true, *out, ++t->mtick };
    return true;
}

unsigned plat_text_failures(const plat_text *t) { return t ? t->failures : 0; }
