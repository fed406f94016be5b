#include "platform/plat_render.h"
#include "platform/plat_font.h"
#include "platform/plat_present.h"

#include <SDL2/SDL_ttf.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textrun.h"

#define TEXT_CACHE 384
/* The text cache holds at most TEXT_CACHE texts and at most TEXT_CACHE_BYTES of their
 * pixels: bounded by count alone, a kiosk soak held from 7 to 47 MiB of text depending on
 * which long paragraphs were shown last. 24 MiB is several screens' worth at 1920x1080. */
#define TEXT_CACHE_BYTES (24 << 20)

typedef struct text_entry {
    uint64_t hash;
    char *text;
    int style, px, flags, wrap;
    gw_color color;
    SDL_Texture *tex;
    int w, h;
    int skip;       /* line skip */
    bool arabic;    /* uses the Arabic font (taller lines) */
    uint64_t used;
} text_entry;

struct plat_render {
    plat_present *present; /* how the window's pixels reach the screen; NULL offscreen */
    SDL_Surface *surf;    /* the window's (the presenter's) or offscreen (owned) */
    SDL_Renderer *r;
    plat_fonts *fonts; /* shared (plat_fonts_shared) */
    text_entry cache[TEXT_CACHE];
    size_t cache_bytes;   /* pixels of the cached texts, 4 bytes each */
    uint64_t tick;
    char problem[1400];
    SDL_Vertex *vtx;
    int nvtx, capvtx;
    int *idx;
    int nidx, capidx;
};

static void note_problem(plat_render *pr, const char *fmt, const char *arg)
{
    if (pr->problem[0])
        return;
    snprintf(pr->problem, sizeof pr->problem, fmt, arg);
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s", pr->problem);
}

/* ---- setup ------------------------------------------------------------------ */

static void cache_clear(plat_render *pr)
{
    for (int i = 0; i < TEXT_CACHE; i++) {
        if (pr->cache[i].tex)
            SDL_DestroyTexture(pr->cache[i].tex);
        free(pr->cache[i].text);
        memset(&pr->cache[i], 0, sizeof pr->cache[i]);
    }
    pr->cache_bytes = 0;
}

static bool make_renderer(plat_render *pr)
{
    cache_clear(pr);
    if (pr->r)
        SDL_DestroyRenderer(pr->r);
    pr->r = SDL_CreateSoftwareRenderer(pr->surf);
    if (!pr->r)
        return false;
    SDL_SetRenderDrawBlendMode(pr->r, SDL_BLENDMODE_BLEND);
    return true;
}

static plat_render *alloc_render(const char *font_dir)
{
    if (!TTF_WasInit() && TTF_Init() != 0)
        return NULL;
    plat_render *pr = calloc(1, sizeof *pr);
    if (pr && !(pr->fonts = plat_fonts_shared(font_dir))) {
        free(pr);
        return NULL;
    }
    return pr;
}

plat_render *plat_render_new_offscreen(int w, int h, const char *font_dir)
{
    plat_render *pr = alloc_render(font_dir);
    if (!pr)
        return NULL;
    if (!plat_render_resize(pr, w, h)) {
        plat_render_free(pr);
        return NULL;
    }
    return pr;
}

plat_render *plat_render_new_window(SDL_Window *win, const char *font_dir)
{
    plat_render *pr = alloc_render(font_dir);
    if (!pr)
        return NULL;
    if (!(pr->present = plat_present_new(win))) {
        plat_render_free(pr);
        return NULL;
    }
    int w, h;
    SDL_GetWindowSize(win, &w, &h);
    if (!plat_render_resize(pr, w, h)) {
        plat_render_free(pr);
        return NULL;
    }
    return pr;
}

bool plat_render_resize(plat_render *pr, int w, int h)
{
    if (pr->present) {
        /* the renderer and its textures go first: they refer to the surface, which the
         * presenter may replace */
        if (pr->r) {
            cache_clear(pr);
            SDL_DestroyRenderer(pr->r);
            pr->r = NULL;
        }
        pr->surf = plat_present_surface(pr->present, w, h);
        if (!pr->surf)
            return false;
    } else {
        if (pr->surf && pr->surf->w == w && pr->surf->h == h)
            return true;
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
        if (!s)
            return false;
        if (pr->r) {
            cache_clear(pr);
            SDL_DestroyRenderer(pr->r);
            pr->r = NULL;
        }
        SDL_FreeSurface(pr->surf);
        pr->surf = s;
    }
    return make_renderer(pr);
}

void plat_render_free(plat_render *pr)
{
    if (!pr)
        return;
    cache_clear(pr);
    plat_fonts_release(pr->fonts);
    if (pr->r)
        SDL_DestroyRenderer(pr->r);
    if (pr->present)
        plat_present_free(pr->present);
    else
        SDL_FreeSurface(pr->surf);
    free(pr->vtx);
    free(pr->idx);
    free(pr);
}

SDL_Surface *plat_render_surface(plat_render *pr) { return pr->surf; }
const char *plat_render_present_kind(const plat_render *pr)
{
    return pr->present ? plat_present_kind(pr->present) : NULL;
}
int plat_render_present_collect(plat_render *pr)
{
    return pr->present ? plat_present_collect(pr->present) : -1;
}
unsigned long plat_render_present_waits(const plat_render *pr)
{
    return pr->present ? plat_present_waits(pr->present) : 0;
}
const char *plat_render_problem(const plat_render *pr) { return pr->problem[0] ? pr->problem : NULL; }

size_t plat_render_text_cache_bytes(const plat_render *pr) { return pr->cache_bytes; }

int plat_render_text_cache_size(const plat_render *pr)
{
    int n = 0;
    for (int i = 0; i < TEXT_CACHE; i++)
        n += pr->cache[i].tex != NULL;
    return n;
}

/* ---- fonts and text ------------------------------------------------------------ */

/* The font of a style and size (see plat_font), a missing file reported once. */
static TTF_Font *font_get(plat_render *pr, int style, int px)
{
    const char *failed = NULL;
    TTF_Font *f = plat_fonts_get(pr->fonts, style, px, &failed);
    if (failed)
        note_problem(pr, "Cannot open the font %s: text is not shown.", failed);
    return f;
}

/* The font of a run (textrun's font) shaped in its direction. */
static TTF_Font *run_font(plat_render *pr, int bold, int font, int px, bool rtl)
{
    const char *failed = NULL;
    TTF_Font *f = plat_fonts_run(pr->fonts, bold & PLAT_FONT_BOLD, font == TEXTRUN_ARABIC, px, rtl, &failed);
    if (failed)
        note_problem(pr, "Cannot open the font %s: text is not shown.", failed);
    return f;
}

/* SDL_ttf wants NUL-terminated text: a copy of len bytes at s, in buf when it fits
 * (free the result if it is not buf). */
static char *piece_text(const char *s, int len, char *buf, size_t n)
{
    char *t = (size_t)len < n ? buf : malloc((size_t)len + 1);
    if (!t)
        return NULL;
    memcpy(t, s, (size_t)len);
    t[len] = 0;
    return t;
}

typedef struct text_ctx {
    plat_render *pr;
    int bold, px;
} text_ctx;

static int measure_run(void *ctx, const char *s, int len, int font, bool rtl)
{
    text_ctx *t = ctx;
    char buf[512];
    char *str = piece_text(s, len, buf, sizeof buf);
    TTF_Font *f = str ? run_font(t->pr, t->bold, font, t->px, rtl) : NULL;
    int w = 0, h = 0;
    if (!f || TTF_SizeUTF8(f, str, &w, &h) != 0)
        w = 0;
    if (str != buf)
        free(str);
    return w;
}

static bool covers_glyph(void *ctx, int font, uint32_t cp)
{
    text_ctx *t = ctx;
    TTF_Font *f = font_get(t->pr, (t->bold & PLAT_FONT_BOLD) | (font == TEXTRUN_ARABIC ? PLAT_FONT_ARABIC : 0), t->px);
    return f && TTF_GlyphIsProvided32(f, cp);
}

/* A text laid out at one size: its runs, lines and size in pixels. */
typedef struct text_layout {
    textrun_layout runs;
    int w, h;         /* what is drawn: widest line, lines * line skip */
    int skip, ascent; /* shared by all lines: the largest of the fonts used */
} text_layout;

/* Lays out text: the one function both measuring and drawing use, so that what is
 * measured is what is drawn. False when no font could be opened or out of memory. */
static bool text_layout_make(plat_render *pr, const char *s, int bold, int px, int wrap, bool rtl,
                             text_layout *out)
{
    text_ctx ctx = { pr, bold, px };
    textrun_env env = { measure_run, covers_glyph, &ctx };
    memset(out, 0, sizeof *out);
    if (!textrun_layout_text(&out->runs, s, wrap, rtl, &env))
        return false;
    unsigned fonts = out->runs.fonts ? out->runs.fonts : 1u << TEXTRUN_LATIN;
    int height = 0;
    for (int k = 0; k < TEXTRUN_NFONTS; k++) {
        if (!(fonts & (1u << k)))
            continue;
        TTF_Font *f = run_font(pr, bold, k, px, false);
        if (!f) {
            textrun_layout_free(&out->runs);
            return false;
        }
        if (TTF_FontHeight(f) > height) height = TTF_FontHeight(f);
        if (TTF_FontLineSkip(f) > out->skip) out->skip = TTF_FontLineSkip(f);
        if (TTF_FontAscent(f) > out->ascent) out->ascent = TTF_FontAscent(f);
    }
    out->w = out->runs.w;
    out->h = (out->runs.nline - 1) * out->skip + height;
    return true;
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
static SDL_Surface *text_surface(plat_render *pr, const char *s, const text_layout *L, int bold, int px,
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
    for (int li = 0; li < L->runs.nline; li++) {
        const textrun_line *ln = &L->runs.line[li];
        int lx = align == ALIGN_CENTER ? (L->w - ln->w) / 2 : align == ALIGN_RIGHT ? L->w - ln->w : 0;
        int ly = li * L->skip;
        for (int k = 0; k < ln->n; k++) {
            const textrun_piece *p = &L->runs.piece[ln->first + k];
            char buf[512];
            char *str = piece_text(s + p->start, p->len, buf, sizeof buf);
            TTF_Font *f = str ? run_font(pr, bold, p->font, px, p->rtl) : NULL;
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
    text_layout L;
    if (!text_layout_make(pr, s, style & PLAT_FONT_BOLD, px, wrap, (flags & TEXT_RTL) != 0, &L))
        return NULL;
    SDL_Surface *ts = text_surface(pr, s, &L, style & PLAT_FONT_BOLD, px, flags & 3, c);
    unsigned fonts = L.runs.fonts;
    int skip = L.skip;
    textrun_layout_free(&L.runs);
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
                       ++pr->tick };
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
    text_layout L;
    if (!pr || !utf8 || font_px <= 0 ||
        !text_layout_make(pr, utf8, (flags >> 8) & 1, font_px, wrap, (flags & TEXT_RTL) != 0, &L))
        return false;
    if (w) *w = L.w;
    if (h) *h = L.h;
    textrun_layout_free(&L.runs);
    return true;
}

int plat_render_text_missing(plat_render *pr, const char *utf8, int font_px, int flags)
{
    text_layout L;
    if (!pr || !utf8 || font_px <= 0 ||
        !text_layout_make(pr, utf8, (flags >> 8) & 1, font_px, 0, (flags & TEXT_RTL) != 0, &L))
        return -1;
    int n = L.runs.missing;
    textrun_layout_free(&L.runs);
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
    return (c->r.w <= 0 || (float)e->w <= c->r.w + 1) && (c->r.h <= 0 || ink_height(e) <= c->r.h * 1.12f + 2);
}

static void draw_text_cmd(plat_render *pr, const draw_list *l, const draw_cmd *c)
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
        return;
    /* wrapped text taller (or a word wider) than its box: smaller, down to 60%, rather
     * than cropped (large text sizes; long translations) */
    for (int min = c->font_px * 6 / 10, stepx = c->font_px / 16 > 1 ? c->font_px / 16 : 1;
         !fits(e, c) && px - stepx >= min;) {
        px -= stepx;
        text_entry *smaller = text_get(pr, txt, style, px, flags, wrap, c->color);
        if (!smaller)
            break;
        e = smaller;
    }
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
    SDL_RenderCopy(pr->r, e->tex, &src, &dst);
}

/* ---- geometry --------------------------------------------------------------- */

static bool vreserve(plat_render *pr, int nv, int ni)
{
    if (pr->nvtx + nv > pr->capvtx) {
        int cap = pr->capvtx ? pr->capvtx : 1024;
        while (cap < pr->nvtx + nv) cap *= 2;
        SDL_Vertex *v = realloc(pr->vtx, (size_t)cap * sizeof *v);
        if (!v) return false;
        pr->vtx = v;
        pr->capvtx = cap;
    }
    if (pr->nidx + ni > pr->capidx) {
        int cap = pr->capidx ? pr->capidx : 4096;
        while (cap < pr->nidx + ni) cap *= 2;
        int *ix = realloc(pr->idx, (size_t)cap * sizeof *ix);
        if (!ix) return false;
        pr->idx = ix;
        pr->capidx = cap;
    }
    return true;
}

static int vput(plat_render *pr, float x, float y, gw_color c, Uint8 a)
{
    SDL_Vertex *v = &pr->vtx[pr->nvtx];
    v->position.x = x;
    v->position.y = y;
    v->color = (SDL_Color){ c.r, c.g, c.b, a };
    v->tex_coord.x = v->tex_coord.y = 0;
    return pr->nvtx++;
}

static void tri(plat_render *pr, int a, int b, int c)
{
    pr->idx[pr->nidx++] = a;
    pr->idx[pr->nidx++] = b;
    pr->idx[pr->nidx++] = c;
}

static void flush_geom(plat_render *pr)
{
    if (pr->nidx)
        SDL_RenderGeometry(pr->r, NULL, pr->vtx, pr->nvtx, pr->idx, pr->nidx);
    pr->nvtx = pr->nidx = 0;
}

static int segments_for(float radius, float turns)
{
    int n = (int)(fabsf(turns) * fmaxf(24.f, fminf(radius * 0.9f, 360.f)));
    return n < 4 ? 4 : n;
}

/* A band between two outlines of n points each (closed or open), solid colour, with
 * 1 px anti-aliased fringes outside both edges. ox/oy are outward normals. */
static void band(plat_render *pr, const float *px, const float *py, const float *nx,
                 const float *ny, int n, float in_off, float out_off, bool closed, gw_color c,
                 bool fringe_in)
{
    if (!vreserve(pr, n * 4, n * 18))
        return;
    int base = pr->nvtx;
    for (int i = 0; i < n; i++) {
        vput(pr, px[i] + nx[i] * (in_off - 1), py[i] + ny[i] * (in_off - 1), c, fringe_in ? 0 : c.a);
        vput(pr, px[i] + nx[i] * in_off, py[i] + ny[i] * in_off, c, c.a);
        vput(pr, px[i] + nx[i] * out_off, py[i] + ny[i] * out_off, c, c.a);
        vput(pr, px[i] + nx[i] * (out_off + 1), py[i] + ny[i] * (out_off + 1), c, 0);
    }
    int segs = closed ? n : n - 1;
    for (int i = 0; i < segs; i++) {
        int a = base + 4 * i, b = base + 4 * ((i + 1) % n);
        for (int k = 0; k < 3; k++) {
            tri(pr, a + k, b + k, a + k + 1);
            tri(pr, a + k + 1, b + k, b + k + 1);
        }
    }
}

/* Outline of a rounded rectangle: points and outward normals. Returns the count. */
static int rrect_outline(gw_rect r, float rad, float *px, float *py, float *nx, float *ny, int max)
{
    rad = fminf(rad, fminf(r.w, r.h) / 2);
    if (rad < 0.5f) rad = 0;
    const float cx[4] = { r.x + r.w - rad, r.x + r.w - rad, r.x + rad, r.x + rad };
    const float cy[4] = { r.y + rad, r.y + r.h - rad, r.y + r.h - rad, r.y + rad };
    int per = rad > 0 ? segments_for(rad, 0.25f) : 1;
    if (4 * (per + 1) > max) per = max / 4 - 1;
    int n = 0;
    for (int k = 0; k < 4; k++) {
        for (int i = 0; i <= per; i++) {
            /* corner k spans angles from -90+90k to 90k degrees (screen coords) */
            float a = (float)M_PI / 2 * ((float)k - 1 + (float)i / (float)per);
            float ca = cosf(a), sa = sinf(a);
            if (rad == 0) {
                /* sharp corner: diagonal normal, scaled so offsets stay parallel */
                float dx = (k == 0 || k == 1) ? 1.f : -1.f, dy = (k == 1 || k == 2) ? 1.f : -1.f;
                px[n] = cx[k]; py[n] = cy[k]; nx[n] = dx; ny[n] = dy;
                n++;
                break;
            }
            px[n] = cx[k] + ca * rad; py[n] = cy[k] + sa * rad;
            nx[n] = ca; ny[n] = sa;
            n++;
        }
    }
    return n;
}

#define OUTLINE_MAX 1024

static void fill_convex(plat_render *pr, const float *px, const float *py, const float *nx,
                        const float *ny, int n, float ccx, float ccy, gw_color c)
{
    if (!vreserve(pr, n + 1, n * 3))
        return;
    int centre = vput(pr, ccx, ccy, c, c.a);
    int base = pr->nvtx;
    for (int i = 0; i < n; i++)
        vput(pr, px[i] - nx[i] * 0.5f, py[i] - ny[i] * 0.5f, c, c.a);
    for (int i = 0; i < n; i++)
        tri(pr, centre, base + i, base + (i + 1) % n);
    band(pr, px, py, nx, ny, n, -0.5f, -0.5f, true, c, false);
}

static bool direct_begin(plat_render *pr, SDL_Rect *clip);
static bool fast_rrect(plat_render *pr, gw_rect r, float rad, float thick, gw_color c);

/* An opaque rectangle written straight into the surface, covering the pixels SDL's
 * software renderer would (its float rectangle truncated, at least 1 px). SDL blends
 * every pixel of a fill when the draw blend mode is "blend", even an opaque one. */
static bool fast_fill(plat_render *pr, float fx, float fy, float fw, float fh, gw_color c)
{
    SDL_Rect clip;
    if (c.a != 255 || !direct_begin(pr, &clip))
        return false;
    SDL_Rect r = { (int)fx, (int)fy, (int)fw > 1 ? (int)fw : 1, (int)fh > 1 ? (int)fh : 1 }, in;
    if (!SDL_IntersectRect(&r, &clip, &in))
        return true;
    SDL_Surface *s = pr->surf;
    Uint32 px = SDL_MapRGB(s->format, c.r, c.g, c.b);
    /* the first row pixel by pixel, the others copied from it (memcpy moves a row many
     * pixels at a time; SDL_memset4 stores one at a time) */
    Uint32 *first = (Uint32 *)((Uint8 *)s->pixels + (size_t)in.y * (size_t)s->pitch) + in.x;
    for (int x = 0; x < in.w; x++)
        first[x] = px;
    for (int y = in.y + 1; y < in.y + in.h; y++)
        memcpy((Uint8 *)first + (size_t)(y - in.y) * (size_t)s->pitch, first, (size_t)in.w * 4);
    return true;
}

static void draw_rect_cmd(plat_render *pr, const draw_cmd *c)
{
    if (c->radius < 0.5f) {
        if (fast_fill(pr, c->r.x, c->r.y, c->r.w, c->r.h, c->color))
            return;
        SDL_SetRenderDrawColor(pr->r, c->color.r, c->color.g, c->color.b, c->color.a);
        SDL_FRect fr = { c->r.x, c->r.y, c->r.w, c->r.h };
        SDL_RenderFillRectF(pr->r, &fr);
        return;
    }
    if (fast_rrect(pr, c->r, c->radius, 0, c->color))
        return;
    static float px[OUTLINE_MAX], py[OUTLINE_MAX], nx[OUTLINE_MAX], ny[OUTLINE_MAX];
    int n = rrect_outline(c->r, c->radius, px, py, nx, ny, OUTLINE_MAX);
    fill_convex(pr, px, py, nx, ny, n, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2, c->color);
    flush_geom(pr);
}

static void draw_frame_cmd(plat_render *pr, const draw_cmd *c)
{
    if (c->thick > 0 && fast_rrect(pr, c->r, c->radius, c->thick, c->color))
        return;
    static float px[OUTLINE_MAX], py[OUTLINE_MAX], nx[OUTLINE_MAX], ny[OUTLINE_MAX];
    int n = rrect_outline(c->r, c->radius, px, py, nx, ny, OUTLINE_MAX);
    band(pr, px, py, nx, ny, n, -c->thick / 2, c->thick / 2, true, c->color, true);
    flush_geom(pr);
}

/* Blends colour c at coverage cov (0..1) into the pixel at p (a 32-bit pixel). */
static inline void blend_px(Uint32 *p, const SDL_PixelFormat *f, gw_color c, float cov)
{
    Uint32 d = *p;
    unsigned a = (unsigned)(cov * (float)c.a + 0.5f);
    if (a == 0)
        return;
    if (f->format == SDL_PIXELFORMAT_XRGB8888 || f->format == SDL_PIXELFORMAT_ARGB8888) {
        unsigned r = d >> 16 & 255, g = d >> 8 & 255, b = d & 255;
        r = (c.r * a + r * (255 - a) + 127) / 255;
        g = (c.g * a + g * (255 - a) + 127) / 255;
        b = (c.b * a + b * (255 - a) + 127) / 255;
        *p = (d & 0xff000000u) | r << 16 | g << 8 | b;
        return;
    }
    Uint8 r, g, b;
    SDL_GetRGB(d, f, &r, &g, &b);
    r = (Uint8)((c.r * a + r * (255 - a) + 127) / 255);
    g = (Uint8)((c.g * a + g * (255 - a) + 127) / 255);
    b = (Uint8)((c.b * a + b * (255 - a) + 127) / 255);
    *p = SDL_MapRGB(f, r, g, b);
}

/* Before writing pixels straight into the surface: the surface must be 32-bit and
 * unlocked, and the renderer's queued drawing done. Gives the clip rectangle. */
static bool direct_begin(plat_render *pr, SDL_Rect *clip)
{
    SDL_Surface *s = pr->surf;
    if (s->format->BytesPerPixel != 4 || SDL_MUSTLOCK(s))
        return false;
    SDL_RenderFlush(pr->r);
    SDL_RenderGetClipRect(pr->r, clip);
    if (SDL_RectEmpty(clip))
        *clip = (SDL_Rect){ 0, 0, s->w, s->h };
    return true;
}

/* fmaxf and fminf are calls into libm unless NaNs are ruled out; no value here is one */
static inline float max_f(float a, float b) { return a > b ? a : b; }
static inline float min_f(float a, float b) { return a < b ? a : b; }

/* Signed distance from (x, y) to the outline of a rounded rectangle given by its centre,
 * half size and corner radius: negative inside. */
static inline float rrect_dist(float x, float y, float cx, float cy, float hw, float hh, float rad)
{
    float qx = fabsf(x - cx) - (hw - rad), qy = fabsf(y - cy) - (hh - rad);
    float ox = max_f(qx, 0), oy = max_f(qy, 0);
    return sqrtf(ox * ox + oy * oy) + min_f(max_f(qx, qy), 0) - rad;
}

/* A rounded rectangle written straight into the surface, from the distance to its
 * outline at each pixel centre: filled (thick 0; 1 px anti-aliased edge, as the
 * triangle path drew it) or its outline as a band thick wide with a 1 px fringe on
 * both sides. Rows between the corners skip (outline) or store (fill) the inside
 * span; only pixels near the edge are computed and blended. */
static bool fast_rrect(plat_render *pr, gw_rect r, float rad, float thick, gw_color c)
{
    SDL_Rect clip;
    if (r.w <= 0 || r.h <= 0 || !direct_begin(pr, &clip))
        return false;
    rad = min_f(max_f(rad, 0), min_f(r.w, r.h) / 2);
    float ht = thick / 2;
    float reach = thick > 0 ? ht + 1 : 0.5f; /* how far outside the outline pixels change */
    float inner = thick > 0 ? ht + 1 : 0.5f; /* how far inside the outline pixels change */
    float cx = r.x + r.w / 2, cy = r.y + r.h / 2, hw = r.w / 2, hh = r.h / 2;
    int y0 = (int)floorf(r.y - reach), y1 = (int)ceilf(r.y + r.h + reach);
    int x0 = (int)floorf(r.x - reach), x1 = (int)ceilf(r.x + r.w + reach);
    if (y0 < clip.y) y0 = clip.y;
    if (x0 < clip.x) x0 = clip.x;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    if (x1 > clip.x + clip.w) x1 = clip.x + clip.w;
    SDL_Surface *s = pr->surf;
    Uint32 solid = SDL_MapRGB(s->format, c.r, c.g, c.b);
    bool opaque = c.a == 255;
    for (int y = y0; y < y1; y++) {
        float py = (float)y + 0.5f;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        /* between the corners the inside span [ia, ib) is known without distances */
        int ia = x1, ib = x1;
        float edge = max_f(rad, inner);
        if (py >= r.y + edge && py <= r.y + r.h - edge) {
            ia = (int)ceilf(r.x + inner - 0.5f);
            ib = (int)floorf(r.x + r.w - inner - 0.5f) + 1;
            if (ia < x0) ia = x0;
            if (ib > x1) ib = x1;
            if (ib < ia) ib = ia;
        }
        /* above and below the corners' centres, along a straight stretch of the top or
         * bottom edge, the distance depends on the row alone ([sa, sb): pixels whose
         * centre is between the corners): computed once for the stretch */
        int sa = x1, sb = x1;
        float qy = fabsf(py - cy) - (hh - rad);
        if (ia == x1 && qy > 0) {
            sa = (int)floorf(cx - (hw - rad));
            sb = (int)ceilf(cx + (hw - rad));
            while (sa < sb && fabsf((float)sa + 0.5f - cx) - (hw - rad) > 0) sa++;
            while (sb > sa && fabsf((float)(sb - 1) + 0.5f - cx) - (hw - rad) > 0) sb--;
            if (sa < x0) sa = x0;
            if (sb > x1) sb = x1;
            if (sb <= sa) sa = sb = x1;
        }
        for (int x = x0; x < x1; x++) {
            if (x == ia && ib > ia) {
                if (thick <= 0) {
                    if (opaque)
                        SDL_memset4(&row[ia], solid, (size_t)(ib - ia));
                    else
                        for (int k = ia; k < ib; k++) blend_px(&row[k], s->format, c, 1.f);
                }
                x = ib - 1;
                continue;
            }
            if (x == sa) {
                float d = rrect_dist((float)x + 0.5f, py, cx, cy, hw, hh, rad);
                float cov = thick > 0 ? ht + 1 - fabsf(d) : 0.5f - d;
                if (cov >= 1 && opaque)
                    SDL_memset4(&row[sa], solid, (size_t)(sb - sa));
                else if (cov > 0)
                    for (int k = sa; k < sb; k++)
                        blend_px(&row[k], s->format, c, cov > 1 ? 1 : cov);
                x = sb - 1;
                continue;
            }
            float d = rrect_dist((float)x + 0.5f, py, cx, cy, hw, hh, rad);
            float cov = thick > 0 ? ht + 1 - fabsf(d) : 0.5f - d;
            if (cov <= 0)
                continue;
            if (cov >= 1 && opaque)
                row[x] = solid;
            else
                blend_px(&row[x], s->format, c, cov > 1 ? 1 : cov);
        }
    }
    return true;
}

/* A filled, anti-aliased disc written straight into the surface: solid spans are
 * filled row by row and only the edge pixels are blended. Much cheaper than triangles
 * for the large orb. Returns false if the surface format is not 32-bit. */
static bool fast_disc(plat_render *pr, float cx, float cy, float r, gw_color c)
{
    SDL_Surface *s = pr->surf;
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    int y0 = (int)floorf(cy - r - 1), y1 = (int)ceilf(cy + r + 1);
    if (y0 < clip.y) y0 = clip.y;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    Uint32 solid = SDL_MapRGB(s->format, c.r, c.g, c.b);
    bool opaque = c.a == 255;
    int cx0 = clip.x, cx1 = clip.x + clip.w;
    for (int y = y0; y < y1; y++) {
        float dy = (float)y + 0.5f - cy;
        float outer2 = (r + 0.5f) * (r + 0.5f) - dy * dy;
        if (outer2 <= 0)
            continue;
        float outer = sqrtf(outer2);
        float in2 = (r - 0.5f) * (r - 0.5f) - dy * dy;
        float inner = in2 > 0 ? sqrtf(in2) : 0;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        int xa = (int)floorf(cx - outer), xb = (int)ceilf(cx + outer);
        int ia = (int)ceilf(cx - inner), ib = (int)floorf(cx + inner); /* [ia, ib) fully inside */
        if (in2 <= 0) ia = ib = (int)cx;
        for (int x = xa < cx0 ? cx0 : xa; x < xb && x < cx1; x++) {
            if (x >= ia && x < ib) {
                int end = ib < cx1 ? ib : cx1;
                if (opaque)
                    for (int k = x; k < end; k++) row[k] = solid;
                else
                    for (int k = x; k < end; k++) blend_px(&row[k], s->format, c, 1.f);
                x = end - 1;
                continue;
            }
            float dx = (float)x + 0.5f - cx;
            float cov = r + 0.5f - sqrtf(dx * dx + dy * dy);
            if (cov > 0)
                blend_px(&row[x], s->format, c, cov > 1 ? 1 : cov);
        }
    }
    return true;
}

static void draw_circle_cmd(plat_render *pr, const draw_cmd *c)
{
    if (fast_disc(pr, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2, c->radius, c->color))
        return;
    static float px[OUTLINE_MAX], py[OUTLINE_MAX], nx[OUTLINE_MAX], ny[OUTLINE_MAX];
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    int n = segments_for(c->radius, 1.f);
    if (n > OUTLINE_MAX) n = OUTLINE_MAX;
    for (int i = 0; i < n; i++) {
        float a = 2 * (float)M_PI * (float)i / (float)n;
        nx[i] = cosf(a); ny[i] = sinf(a);
        px[i] = cx + nx[i] * c->radius; py[i] = cy + ny[i] * c->radius;
    }
    fill_convex(pr, px, py, nx, ny, n, cx, cy, c->color);
    flush_geom(pr);
}

/* An anti-aliased ring (or an arc of one) written straight into the surface; only the
 * band's pixels are visited. Returns false if the surface format is not 32-bit. */
static bool fast_ring(plat_render *pr, const draw_cmd *c)
{
    SDL_Surface *s = pr->surf;
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    float ro = c->radius + c->thick / 2, ri = c->radius - c->thick / 2;
    bool arc = c->a1 - c->a0 < 0.9999f;
    /* the arc's ends as unit vectors (0 turns up, clockwise): a pixel clearly to one
     * side of both end rays' lines is placed by two cross products; only those near
     * a line need the angle itself */
    bool sides = arc && c->a0 >= 0 && c->a1 <= 1 && c->a1 >= c->a0;
    float v0x = 0, v0y = 0, v1x = 0, v1y = 0;
    if (sides) {
        v0x = sinf(2 * (float)M_PI * c->a0), v0y = -cosf(2 * (float)M_PI * c->a0);
        v1x = sinf(2 * (float)M_PI * c->a1), v1y = -cosf(2 * (float)M_PI * c->a1);
    }
    bool wide = c->a1 - c->a0 > 0.5f;
    int y0 = (int)floorf(cy - ro - 1), y1 = (int)ceilf(cy + ro + 1);
    if (y0 < clip.y) y0 = clip.y;
    if (y1 > clip.y + clip.h) y1 = clip.y + clip.h;
    int cx0 = clip.x, cx1 = clip.x + clip.w;
    for (int y = y0; y < y1; y++) {
        float dy = (float)y + 0.5f - cy;
        float o2 = (ro + 0.5f) * (ro + 0.5f) - dy * dy;
        if (o2 <= 0)
            continue;
        float outer = sqrtf(o2);
        float i2 = (ri - 0.5f) * (ri - 0.5f) - dy * dy;
        float inner = i2 > 0 ? sqrtf(i2) : -1;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        /* two spans: left and right of the hole (or one across when there is none) */
        int spans[2][2];
        int ns = 0;
        if (inner < 0) {
            spans[ns][0] = (int)floorf(cx - outer); spans[ns++][1] = (int)ceilf(cx + outer);
        } else {
            spans[ns][0] = (int)floorf(cx - outer); spans[ns++][1] = (int)ceilf(cx - inner) + 1;
            spans[ns][0] = (int)floorf(cx + inner) - 1; spans[ns++][1] = (int)ceilf(cx + outer);
        }
        for (int k = 0; k < ns; k++) {
            int xa = spans[k][0] < cx0 ? cx0 : spans[k][0];
            int xb = spans[k][1] > cx1 ? cx1 : spans[k][1];
            for (int x = xa; x < xb; x++) {
                float dx = (float)x + 0.5f - cx;
                float d = sqrtf(dx * dx + dy * dy);
                float cov = fminf(ro + 0.5f - d, d - (ri - 0.5f));
                if (cov <= 0)
                    continue;
                if (arc) {
                    float s0 = v0x * dy - v0y * dx, s1 = v1x * dy - v1y * dx; /* > 0: clockwise after */
                    if (sides && fabsf(s0) > 2 && fabsf(s1) > 2) {
                        bool in = wide ? !(s1 > 0 && s0 < 0) : (s0 > 0 && s1 < 0);
                        if (!in)
                            continue;
                    } else {
                        float t = atan2f(dx, -dy) / (2 * (float)M_PI);
                        if (t < 0) t += 1;
                        if (t < c->a0 || t > c->a1)
                            continue;
                    }
                }
                blend_px(&row[x], s->format, c->color, cov > 1 ? 1 : cov);
            }
        }
    }
    return true;
}

static void draw_ring_cmd(plat_render *pr, const draw_cmd *c)
{
    if (fast_ring(pr, c))
        return;
    static float px[OUTLINE_MAX + 1], py[OUTLINE_MAX + 1], nx[OUTLINE_MAX + 1], ny[OUTLINE_MAX + 1];
    float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
    float turns = c->a1 - c->a0;
    if (turns <= 0) return;
    bool closed = turns >= 0.9999f;
    int n = segments_for(c->radius, turns);
    if (n > OUTLINE_MAX) n = OUTLINE_MAX;
    int pts = closed ? n : n + 1;
    for (int i = 0; i < pts; i++) {
        float t = c->a0 + turns * (float)i / (float)n;
        float a = 2 * (float)M_PI * t - (float)M_PI / 2; /* 0 turns = top, clockwise */
        nx[i] = cosf(a); ny[i] = sinf(a);
        px[i] = cx + nx[i] * c->radius; py[i] = cy + ny[i] * c->radius;
    }
    band(pr, px, py, nx, ny, pts, -c->thick / 2, c->thick / 2, closed, c->color, true);
    flush_geom(pr);
}

/* Coverage of the pixel [p, p+1) by the span [a, b]. */
static inline float span_cover(int p, float a, float b)
{
    float lo = fmaxf((float)p, a), hi = fminf((float)p + 1, b);
    return hi > lo ? hi - lo : 0;
}

/* A horizontal or vertical line written straight into the surface: the rectangle it
 * covers (its length by its thickness, no caps), each pixel blended by the area it
 * has inside (box filter). Inner pixels are plain stores. Since a pixel depends only
 * on its own overlap, a line that grows from a fixed start changes no pixel before
 * its old end (core/draw.c relies on this to redraw only the new part). */
static bool fast_line(plat_render *pr, const draw_cmd *c)
{
    if (c->r.w != 0 && c->r.h != 0)
        return false;
    SDL_Rect clip;
    if (!direct_begin(pr, &clip))
        return false;
    float ht = c->thick / 2;
    float x0 = fminf(c->r.x, c->r.x + c->r.w), x1 = fmaxf(c->r.x, c->r.x + c->r.w);
    float y0 = fminf(c->r.y, c->r.y + c->r.h), y1 = fmaxf(c->r.y, c->r.y + c->r.h);
    if (c->r.w == 0) { x0 -= ht; x1 += ht; } else { y0 -= ht; y1 += ht; }
    int ix0 = (int)floorf(x0), ix1 = (int)ceilf(x1), iy0 = (int)floorf(y0), iy1 = (int)ceilf(y1);
    if (ix0 < clip.x) ix0 = clip.x;
    if (iy0 < clip.y) iy0 = clip.y;
    if (ix1 > clip.x + clip.w) ix1 = clip.x + clip.w;
    if (iy1 > clip.y + clip.h) iy1 = clip.y + clip.h;
    SDL_Surface *s = pr->surf;
    Uint32 solid = SDL_MapRGB(s->format, c->color.r, c->color.g, c->color.b);
    for (int y = iy0; y < iy1; y++) {
        float cy = span_cover(y, y0, y1);
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = ix0; x < ix1; x++) {
            float cov = cy * span_cover(x, x0, x1);
            if (cov >= 1.f && c->color.a == 255)
                row[x] = solid;
            else if (cov > 0)
                blend_px(&row[x], s->format, c->color, cov);
        }
    }
    return true;
}

static void draw_line_cmd(plat_render *pr, const draw_cmd *c)
{
    if (fast_line(pr, c))
        return;
    float x0 = c->r.x, y0 = c->r.y, x1 = c->r.x + c->r.w, y1 = c->r.y + c->r.h;
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f) return;
    float ux = dx / len, uy = dy / len;
    float px[2] = { x0, x1 }, py[2] = { y0, y1 }, nx[2] = { -uy, -uy }, ny[2] = { ux, ux };
    band(pr, px, py, nx, ny, 2, -c->thick / 2, c->thick / 2, false, c->color, true);
    flush_geom(pr);
}

/* ---- frames ----------------------------------------------------------------- */

static bool overlaps(gw_rect a, gw_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static gw_rect cmd_bounds(const draw_cmd *c)
{
    gw_rect r = c->r;
    if (r.w < 0) { r.x += r.w; r.w = -r.w; }
    if (r.h < 0) { r.y += r.h; r.h = -r.h; }
    float g = c->thick / 2 + 2;
    return gw_rc(r.x - g, r.y - g, r.w + 2 * g, r.h + 2 * g);
}

/* Redraws the commands of l that touch clip, inside clip. */
static void redraw_rect(plat_render *pr, const draw_list *l, SDL_Rect clip)
{
    gw_rect cr = gw_rc((float)clip.x, (float)clip.y, (float)clip.w, (float)clip.h);
    SDL_RenderSetClipRect(pr->r, &clip);
    gw_color bg = l->clear;
    bg.a = 255;
    if (!fast_fill(pr, (float)clip.x, (float)clip.y, (float)clip.w, (float)clip.h, bg)) {
        SDL_SetRenderDrawColor(pr->r, l->clear.r, l->clear.g, l->clear.b, 255);
        SDL_RenderFillRect(pr->r, &clip);
    }
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (!overlaps(cmd_bounds(c), cr))
            continue;
        switch (c->op) {
        case DRAW_RECT: draw_rect_cmd(pr, c); break;
        case DRAW_FRAME: draw_frame_cmd(pr, c); break;
        case DRAW_CIRCLE: draw_circle_cmd(pr, c); break;
        case DRAW_RING: draw_ring_cmd(pr, c); break;
        case DRAW_LINE: draw_line_cmd(pr, c); break;
        case DRAW_TEXT: draw_text_cmd(pr, l, c); break;
        }
    }
    SDL_RenderSetClipRect(pr->r, NULL);
}

bool plat_render_frame(plat_render *pr, const draw_list *prev, const draw_list *next,
                       gw_rect *dirty_out)
{
    if (!pr->surf || !pr->r)
        return false;
    gw_rect d[DRAW_MAX_DIRTY];
    int n;
    if (prev && pr->surf->w == next->w && pr->surf->h == next->h) {
        n = draw_diff_rects(prev, next, d, DRAW_MAX_DIRTY);
        if (n == 0)
            return false;
    } else {
        d[0] = gw_rc(0, 0, (float)pr->surf->w, (float)pr->surf->h);
        n = 1;
    }
    if (pr->present)
        plat_present_begin(pr->present); /* the display has taken the last frame */
    SDL_Rect clips[DRAW_MAX_DIRTY];
    SDL_Rect whole = { 0, 0, pr->surf->w, pr->surf->h };
    gw_rect all = gw_rc(0, 0, 0, 0);
    for (int i = 0; i < n; i++) {
        SDL_Rect c = { (int)floorf(d[i].x), (int)floorf(d[i].y), (int)ceilf(d[i].w) + 1, (int)ceilf(d[i].h) + 1 };
        SDL_IntersectRect(&c, &whole, &clips[i]);
        redraw_rect(pr, next, clips[i]);
        all = gw_rect_union(all, gw_rc((float)clips[i].x, (float)clips[i].y, (float)clips[i].w, (float)clips[i].h));
    }
    SDL_RenderFlush(pr->r);
    if (pr->present)
        plat_present_rects(pr->present, clips, n);
    if (dirty_out)
        *dirty_out = all;
    return true;
}

/* 8-bit RGB, written with libpng's simplified API from a copy in RGB24 (the frame's
 * fourth byte is padding, not alpha). */
bool plat_render_save_png(plat_render *pr, const char *path)
{
    SDL_RenderFlush(pr->r);
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(pr->surf, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb)
        return false;
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)rgb->w;
    img.height = (png_uint_32)rgb->h;
    img.format = PNG_FORMAT_RGB;
    bool ok = png_image_write_to_file(&img, path, 0, rgb->pixels, rgb->pitch, NULL) != 0;
    if (!ok)
        SDL_SetError("%s", img.message);
    png_image_free(&img);
    SDL_FreeSurface(rgb);
    return ok;
}
