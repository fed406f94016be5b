/* plat_shape: see plat_shape.h. */
#include "platform/plat_shape.h"

#include <stdlib.h>
#include <string.h>

static TTF_Font *fonts_get(const plat_shape *sh, int style)
{
    const char *failed = NULL;
    TTF_Font *f = plat_fonts_get(sh->fonts, style, sh->px, &failed);
    if (failed && sh->failed)
        sh->failed(sh->who, failed);
    return f;
}

TTF_Font *plat_shape_script_font(const plat_shape *sh, int font)
{
    return fonts_get(sh, (sh->bold ? PLAT_FONT_BOLD : 0) | (font == TEXTRUN_ARABIC ? PLAT_FONT_ARABIC : 0));
}

TTF_Font *plat_shape_font(const plat_shape *sh, int font, bool rtl)
{
    const char *failed = NULL;
    TTF_Font *f = plat_fonts_run(sh->fonts, sh->bold, font == TEXTRUN_ARABIC, sh->px, rtl, &failed);
    if (failed && sh->failed)
        sh->failed(sh->who, failed);
    return f;
}

char *plat_shape_piece(const char *s, int len, char *buf, size_t n)
{
    char *t = (size_t)len < n ? buf : malloc((size_t)len + 1);
    if (!t)
        return NULL;
    memcpy(t, s, (size_t)len);
    t[len] = 0;
    return t;
}

static int measure_run(void *ctx, const char *s, int len, int font, bool rtl)
{
    const plat_shape *sh = ctx;
    char buf[512];
    char *str = plat_shape_piece(s, len, buf, sizeof buf);
    TTF_Font *f = str ? plat_shape_font(sh, font, rtl) : NULL;
    int w = 0, h = 0;
    if (!f || TTF_SizeUTF8(f, str, &w, &h) != 0)
        w = 0;
    if (str != buf)
        free(str);
    return w;
}

static bool covers_glyph(void *ctx, int font, uint32_t cp)
{
    TTF_Font *f = plat_shape_script_font(ctx, font);
    return f && TTF_GlyphIsProvided32(f, cp);
}

bool plat_shape_runs(const plat_shape *sh, const char *utf8, int wrap, bool rtl, textrun_layout *out)
{
    textrun_env env = { measure_run, covers_glyph, (void *)sh };
    return textrun_layout_text(out, utf8, wrap, rtl, &env);
}

bool plat_shape_layout_make(const plat_shape *sh, const char *utf8, int wrap, bool rtl, plat_shape_layout *out)
{
    memset(out, 0, sizeof *out);
    if (!plat_shape_runs(sh, utf8, wrap, rtl, &out->runs))
        return false;
    unsigned fonts = out->runs.fonts ? out->runs.fonts : 1u << TEXTRUN_LATIN;
    int height = 0;
    for (int k = 0; k < TEXTRUN_NFONTS; k++) {
        if (!(fonts & (1u << k)))
            continue;
        TTF_Font *f = plat_shape_font(sh, k, false);
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

void plat_shape_free(plat_shape_layout *L) { textrun_layout_free(&L->runs); }
