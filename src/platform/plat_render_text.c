/* plat_render_text: the renderer's text: laid out by plat_shape (the layout plat_text
 * measures with), rasterized with SDL_ttf into textures kept in a cache bounded by
 * count and bytes, and drawn in its box, made smaller to fit when it must (the
 * renderer's one fallback, text_fitted) and cropped when even that does not fit.
 * Ownership: the renderer's cache owns its textures and copies of the texts. */
#include "platform/plat_render_int.h"
#include "platform/plat_shape.h"

#include <SDL2/SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textrun.h"

/* A missing font file is reported once (the first problem) and its text skipped. */
static void font_failed(void *pr, const char *path)
{
    render_note_problem(pr, "Cannot open the font %s: text is not shown.", path);
}

static plat_shape shape_of(plat_render *pr, int bold, int px)
{
    return (plat_shape){ .fonts = pr->fonts, .bold = (bold & PLAT_FONT_BOLD) != 0, .px = px, .failed = font_failed,
                         .who = pr };
}

void render_text_cache_clear(plat_render *pr)
{
    for (int i = 0; i < TEXT_CACHE; i++) {
        if (pr->cache[i].tex)
            SDL_DestroyTexture(pr->cache[i].tex);
        free(pr->cache[i].text);
        memset(&pr->cache[i], 0, sizeof pr->cache[i]);
    }
    pr->cache_bytes = 0;
}

/* Copies a run's rendering (ARGB, one colour) into dst at (x, y): alpha "over". */
static void compose(SDL_Surface *dst, SDL_Surface *src, int x, int y)
{
    for (int sy = 0; sy < src->h; sy++) {
        int dy = y + sy;
        if (dy < 0 || dy >= dst->h)
            continue;
        const Uint32 *s = (const Uint32 *)((const Uint8 *)src->pixels + (size_t)sy * (size_t)src->pitch);
        Uint32 *d = (Uint32 *)((Uint8 *)dst->pixels + (size_t)dy * (size_t)dst->pitch);
        for (int sx = 0; sx < src->w; sx++) {
            int dx = x + sx;
            unsigned sa = s[sx] >> 24;
            if (sa == 0 || dx < 0 || dx >= dst->w)
                continue;
            unsigned da = d[dx] >> 24;
            unsigned a = sa + (da * (255 - sa) + 127) / 255;
            d[dx] = (d[dx] & 0x00ffffffu) | (Uint32)a << 24;
        }
    }
}

/* Draws a laid-out text into a new surface (colour c; lines aligned by align). */
static SDL_Surface *text_surface(plat_render *pr, const char *s, const plat_shape_layout *L, int bold, int px,
                                 int align, gw_color c)
{
    if (L->w <= 0 || L->h <= 0)
        return NULL;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, L->w, L->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return NULL;
    /* transparent pixels of the text's colour, so that blending never darkens edges */
    SDL_FillRect(out, NULL, (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b);
    SDL_Color col = { c.r, c.g, c.b, c.a };
    plat_shape sh = shape_of(pr, bold, px);
    for (int li = 0; li < L->runs.nline; li++) {
        const textrun_line *ln = &L->runs.line[li];
        int lx = align == ALIGN_CENTER ? (L->w - ln->w) / 2 : align == ALIGN_RIGHT ? L->w - ln->w : 0;
        int ly = li * L->skip;
        for (int k = 0; k < ln->n; k++) {
            const textrun_piece *p = &L->runs.piece[ln->first + k];
            char buf[512];
            char *str = plat_shape_piece(s + p->start, p->len, buf, sizeof buf);
            TTF_Font *f = str ? plat_shape_font(&sh, p->font, p->rtl) : NULL;
            SDL_Surface *g = f && p->w > 0 ? TTF_RenderUTF8_Blended(f, str, col) : NULL;
            if (g && g->format->format != SDL_PIXELFORMAT_ARGB8888) {
                SDL_Surface *conv = SDL_ConvertSurfaceFormat(g, SDL_PIXELFORMAT_ARGB8888, 0);
                SDL_FreeSurface(g);
                g = conv;
            }
            if (g) {
                compose(out, g, lx + p->x, ly + L->ascent - TTF_FontAscent(f));
                SDL_FreeSurface(g);
            }
            if (str != buf)
                free(str);
        }
    }
    return out;
}

static uint64_t text_hash(const char *s, int style, int px, int flags, int wrap, gw_color c)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    uint64_t k = ((uint64_t)(unsigned)px << 40) ^ ((uint64_t)(unsigned)flags << 24) ^
                 (uint64_t)(unsigned)wrap ^ ((uint64_t)style << 60) ^
                 ((uint64_t)c.r << 16 | (uint64_t)c.g << 8 | c.b) << 1 ^ ((uint64_t)c.a << 52);
    h ^= k * 0x9E3779B97F4A7C15ULL;
    /* mixed so that the size and style (high bits of k) reach the slot */
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    return h;
}

static void text_drop(plat_render *pr, text_entry *e)
{
    if (e->tex) {
        SDL_DestroyTexture(e->tex);
        pr->cache_bytes -= (size_t)e->w * (size_t)e->h * 4;
    }
    free(e->text);
    memset(e, 0, sizeof *e);
}

/* The texture of a text, from the cache or drawn now. flags: alignment and TEXT_RTL. */
static text_entry *text_get(plat_render *pr, const char *s, int style, int px, int flags,
                            int wrap, gw_color c)
{
    uint64_t h = text_hash(s, style, px, flags, wrap, c);
    int slot = (int)(h % TEXT_CACHE);
    /* small open-addressed neighbourhood (with holes left by the byte limit below); an
     * empty slot of it, or else its least recently used, is replaced */
    int victim = -1;
    for (int k = 0; k < 8; k++) {
        int i = (slot + k) % TEXT_CACHE;
        text_entry *e = &pr->cache[i];
        if (e->tex && e->hash == h && e->style == style && e->px == px && e->flags == flags &&
            e->wrap == wrap && !memcmp(&e->color, &c, sizeof c) && !strcmp(e->text, s)) {
            e->used = ++pr->tick;
            return e;
        }
        if (victim < 0 || (pr->cache[victim].tex && (!e->tex || e->used < pr->cache[victim].used)))
            victim = i;
    }
    plat_shape_layout L;
    plat_shape sh = shape_of(pr, style, px);
    if (!plat_shape_layout_make(&sh, s, wrap, (flags & TEXT_RTL) != 0, &L))
        return NULL;
    SDL_Surface *ts = text_surface(pr, s, &L, style & PLAT_FONT_BOLD, px, flags & 3, c);
    unsigned fonts = L.runs.fonts;
    int skip = L.skip, word_w = L.runs.word_w;
    plat_shape_free(&L);
    if (!ts)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(pr->r, ts);
    int w = ts->w, hh = ts->h;
    SDL_FreeSurface(ts);
    if (!tex)
        return NULL;
    char *copy = strdup(s);
    if (!copy) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    text_entry *e = &pr->cache[victim];
    text_drop(pr, e);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    *e = (text_entry){ h, copy, style, px, flags, wrap, c, tex, w, hh, skip, (fonts & (1u << TEXTRUN_ARABIC)) != 0,
                       ++pr->tick, word_w };
    pr->cache_bytes += (size_t)w * (size_t)hh * 4;
    /* over the byte limit: the least recently used texts go, never the one just made */
    while (pr->cache_bytes > TEXT_CACHE_BYTES) {
        text_entry *old = NULL;
        for (int i = 0; i < TEXT_CACHE; i++)
            if (pr->cache[i].tex && &pr->cache[i] != e && (!old || pr->cache[i].used < old->used))
                old = &pr->cache[i];
        if (!old)
            break;
        text_drop(pr, old);
    }
    return e;
}

bool plat_render_text_size(plat_render *pr, const char *utf8, int font_px, int flags, int wrap, int *w,
                           int *h)
{
    plat_shape_layout L;
    plat_shape sh = pr ? shape_of(pr, (flags >> 8) & 1, font_px) : (plat_shape){ 0 };
    if (!pr || !utf8 || font_px <= 0 || !plat_shape_layout_make(&sh, utf8, wrap, (flags & TEXT_RTL) != 0, &L))
        return false;
    if (w) *w = L.w;
    if (h) *h = L.h;
    plat_shape_free(&L);
    return true;
}

int plat_render_text_missing(plat_render *pr, const char *utf8, int font_px, int flags)
{
    plat_shape_layout L;
    plat_shape sh = pr ? shape_of(pr, (flags >> 8) & 1, font_px) : (plat_shape){ 0 };
    if (!pr || !utf8 || font_px <= 0 || !plat_shape_layout_make(&sh, utf8, 0, (flags & TEXT_RTL) != 0, &L))
        return -1;
    int n = L.runs.missing;
    plat_shape_free(&L);
    return n;
}

/* Texts that did not fit their box even at the smallest size allowed (cropped). */
static int g_overflow;
static char g_overflow_last[160];

int plat_render_overflow_count(void) { return g_overflow; }
const char *plat_render_overflow_last(void) { return g_overflow_last; }
void plat_render_overflow_reset(void)
{
    g_overflow = 0;
    g_overflow_last[0] = 0;
}

/* Whether rendered text fits its box. A text's height includes the font's whole line
 * (room above the tallest and below the deepest glyphs), so it may exceed the box by
 * a little without any glyph being cut. */
static float ink_height(const text_entry *e)
{
    /* Noto Sans Arabic's line is about 2.1 em tall (room for stacked marks) against
     * Noto Sans's 1.36 em: its glyphs fill much less of it */
    return (float)e->h * (e->arabic ? 0.65f : 1.f);
}

static bool fits(const text_entry *e, const draw_cmd *c)
{
    int w = e->w > e->word_w ? e->w : e->word_w; /* a word broken inside does not fit */
    return (c->r.w <= 0 || (float)w <= c->r.w + 1) && (c->r.h <= 0 || ink_height(e) <= c->r.h * 1.12f + 2);
}

/* Where a text's size is decided, in order:
 *  1. the layout (app/ui.c: ui_fit_px, ui_line_fits, ui_stack, called by the scenes)
 *     picks the size a box is laid out for, measured by plat_text at the size that will
 *     be drawn, never below ui_min_px (80% of the design's size);
 *  2. core/draw_adapt_scale_text (app_draw) multiplies every text's size by the
 *     person's text size once the scene has drawn: their choice, not a fit, and the
 *     size ui_measure already measured in 1;
 *  3. here, the renderer's fallback for text that still does not fit the box it is
 *     drawn in (the only one; what does not fit after it is cropped and counted in
 *     plat_render_overflow_count): a TEXT_FIT line made narrower 1 px of font size at a
 *     time down to 70%, then wrapped text taller (or a word wider) than its box made
 *     smaller in steps of 1/16 down to 60% rather than cropped (large text sizes; long
 *     translations).
 * The texture of the text at the size chosen, and that size in *px; NULL when the text
 * cannot be drawn. */
static text_entry *text_fitted(plat_render *pr, const draw_list *l, const draw_cmd *c, int *px_out)
{
    const char *txt = draw_text_of(l, c);
    int style = (c->flags >> 8) & 1;
    int flags = c->flags & (0xff | TEXT_RTL);
    int wrap = (int)c->r.w;
    int px = c->font_px;
    if (c->flags & TEXT_FIT) {
        wrap = 0;
        for (int tw = 0; px > c->font_px * 7 / 10; px--)
            if (!plat_render_text_size(pr, txt, px, c->flags, 0, &tw, NULL) || (float)tw <= c->r.w)
                break;
    }
    text_entry *e = text_get(pr, txt, style, px, flags, wrap, c->color);
    if (!e)
        return NULL;
    for (int min = c->font_px * 6 / 10, stepx = c->font_px / 16 > 1 ? c->font_px / 16 : 1;
         !fits(e, c) && px - stepx >= min;) {
        px -= stepx;
        text_entry *smaller = text_get(pr, txt, style, px, flags, wrap, c->color);
        if (!smaller)
            break;
        e = smaller;
    }
    *px_out = px;
    return e;
}

void render_text_cmd(plat_render *pr, const draw_list *l, const draw_cmd *c)
{
    const char *txt = draw_text_of(l, c);
    int px;
    text_entry *e = text_fitted(pr, l, c, &px);
    if (!e)
        return;
    if (!fits(e, c)) {
        g_overflow++;
        snprintf(g_overflow_last, sizeof g_overflow_last, "%.100s (%dx%d at %dpx of %d in %.0fx%.0f)", txt, e->w, e->h, px, c->font_px,
                 (double)c->r.w, (double)c->r.h);
    }
    float x = c->r.x, y = c->r.y;
    int al = c->flags & 3, va = c->flags & 12;
    if (al == ALIGN_CENTER) x += (c->r.w - (float)e->w) / 2;
    else if (al == ALIGN_RIGHT) x += c->r.w - (float)e->w;
    if (va == VALIGN_MIDDLE) y += (c->r.h - (float)e->h) / 2;
    else if (va == VALIGN_BOTTOM) y += c->r.h - (float)e->h;
    /* text never spills out of its box: what does not fit is cropped */
    int w = e->w, h = e->h, sx = 0, sy = 0;
    if (c->r.h > 0 && ink_height(e) > c->r.h * 1.12f + 2) {
        /* crop to whole lines, so no line is shown cut in half */
        int skip = e->skip;
        h = skip > 0 && c->r.h >= (float)skip ? (int)(c->r.h / (float)skip) * skip : (int)c->r.h;
        if (va == VALIGN_MIDDLE) { sy = (e->h - h) / 2; y = c->r.y; }
        else if (va == VALIGN_BOTTOM) { sy = e->h - h; y = c->r.y; }
        else y = c->r.y;
    }
    if (c->r.w > 0 && (float)w > c->r.w + 1) {
        w = (int)c->r.w;
        x = c->r.x;
        if (al == ALIGN_CENTER) sx = (e->w - w) / 2;
        else if (al == ALIGN_RIGHT) sx = e->w - w;
    }
    SDL_Rect src = { sx, sy, w, h };
    SDL_Rect dst = { (int)lroundf(x), (int)lroundf(y), w, h };
    render_sdl_begin(pr);
    SDL_RenderCopy(pr->r, e->tex, &src, &dst);
}
