#include "platform/plat_text.h"

#include <SDL2/SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FONTS 32
#define CACHE 512
#define MAX_TEXT 4096 /* longer strings are measured by their first MAX_TEXT bytes */

typedef struct font_slot {
    int style, px;
    TTF_Font *font;
} font_slot;

typedef struct entry {
    uint64_t hash;
    int px, wrap;
    bool bold, used;
    plat_text_size size;
} entry;

struct plat_text {
    char font_dir[1024];
    font_slot fonts[MAX_FONTS];
    int nfonts;
    entry cache[CACHE];
    char buf[MAX_TEXT + 1];
};

/* Font styles as plat_render numbers them: bit 0 bold, bit 1 Arabic script. */
enum { STYLE_BOLD = 1, STYLE_ARABIC = 2 };

plat_text *plat_text_new(const char *font_dir)
{
    if (!TTF_WasInit() && TTF_Init() != 0)
        return NULL;
    plat_text *t = calloc(1, sizeof *t);
    if (t)
        snprintf(t->font_dir, sizeof t->font_dir, "%s", font_dir ? font_dir : ".");
    return t;
}

void plat_text_free(plat_text *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nfonts; i++)
        TTF_CloseFont(t->fonts[i].font);
    free(t);
}

static TTF_Font *font_get(plat_text *t, int style, int px)
{
    for (int i = 0; i < t->nfonts; i++)
        if (t->fonts[i].style == style && t->fonts[i].px == px)
            return t->fonts[i].font;
    static const char *const FILES[] = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
                                         "NotoSansArabic-Bold.ttf" };
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", t->font_dir, FILES[style & 3]);
    TTF_Font *f = TTF_OpenFont(path, px);
    if (!f)
        return NULL;
    if (style & STYLE_ARABIC) {
        TTF_SetFontDirection(f, TTF_DIRECTION_RTL);
        TTF_SetFontScriptName(f, "Arab");
    }
    if (t->nfonts == MAX_FONTS) {
        TTF_CloseFont(t->fonts[0].font);
        memmove(&t->fonts[0], &t->fonts[1], sizeof t->fonts[0] * (MAX_FONTS - 1));
        t->nfonts--;
    }
    t->fonts[t->nfonts++] = (font_slot){ style, px, f };
    return f;
}

/* The renderer's rule: a string with Arabic letters is drawn with the Arabic font. */
static bool has_arabic(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp;
        if (*p < 0x80) { p++; continue; }
        if ((*p & 0xe0) == 0xc0 && p[1]) { cp = (uint32_t)(*p & 0x1f) << 6 | (p[1] & 0x3f); p += 2; }
        else if ((*p & 0xf0) == 0xe0 && p[1] && p[2]) {
            cp = (uint32_t)(*p & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
            p += 3;
        } else { p++; continue; }
        if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfdff) ||
            (cp >= 0xfe70 && cp <= 0xfeff))
            return true;
    }
    return false;
}

/* Width of s[from, to) on one line. */
static int span_w(plat_text *t, TTF_Font *f, const char *s, size_t from, size_t to)
{
    char tmp[MAX_TEXT + 1];
    size_t n = to - from;
    memcpy(tmp, s + from, n);
    tmp[n] = 0;
    int w = 0, h = 0;
    if (n == 0 || TTF_SizeUTF8(f, tmp, &w, &h) != 0)
        return 0;
    (void)t;
    return w;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Greedy wrapping at spaces within each newline-separated paragraph: a line takes
 * words while the text from its first word to the next one's end still fits. */
static void wrap_text(plat_text *t, TTF_Font *f, const char *s, int wrap, int *maxw, int *lines)
{
    size_t n = strlen(s);
    *maxw = 0;
    *lines = 0;
    size_t p = 0;
    for (;;) {
        size_t end = p;
        while (end < n && s[end] != '\n')
            end++;
        /* one paragraph: s[p, end) */
        size_t ls = p;
        while (ls < end && is_space(s[ls]))
            ls++;
        size_t le = ls;  /* end of the line's last word */
        int lw;
        (*lines)++;
        size_t i = ls;
        while (i < end) {
            size_t ws = i;
            while (ws < end && is_space(s[ws]))
                ws++;
            if (ws >= end)
                break;
            size_t we = ws;
            while (we < end && !is_space(s[we]))
                we++;
            /* SDL_ttf counts the space after the word as part of the line */
            if (le == ls || wrap <= 0 || span_w(t, f, s, ls, we < n ? we + 1 : we) <= wrap) {
                le = we;
            } else {
                /* the word starts a new line */
                lw = span_w(t, f, s, ls, le);
                if (lw > *maxw)
                    *maxw = lw;
                (*lines)++;
                ls = ws;
                le = we;
            }
            i = we;
        }
        lw = span_w(t, f, s, ls, le);
        if (lw > *maxw)
            *maxw = lw;
        if (end >= n)
            break;
        p = end + 1;
    }
}

static uint64_t hash_of(const char *s, int px, bool bold, int wrap)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ^ (((uint64_t)(unsigned)px << 33 | (uint64_t)(unsigned)wrap << 1 | (uint64_t)bold) * 0x9E3779B97F4A7C15ULL);
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
    entry *e = &t->cache[h % CACHE];
    if (e->used && e->hash == h && e->px == font_px && e->wrap == wrap && e->bold == bold) {
        *out = e->size;
        return true;
    }
    bool arabic = has_arabic(utf8);
    TTF_Font *f = font_get(t, (bold ? STYLE_BOLD : 0) | (arabic ? STYLE_ARABIC : 0), font_px);
    if (!f)
        return false;
    int maxw, lines;
    wrap_text(t, f, utf8, wrap, &maxw, &lines);
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
    *e = (entry){ h, font_px, wrap, bold, true, *out };
    return true;
}
