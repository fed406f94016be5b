/* Fuzz target: text layout in mixed scripts (core/textrun) from bytes, as pack text
 * reaches it: the first byte picks the line width and the direction, the rest is the
 * text (any bytes, invalid UTF-8 included). Checks that every piece lies inside the
 * text and that the pieces of a line are contiguous from 0 and add up to its width.
 * Made-up fonts: widths from the bytes, coverage by script. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/textrun.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int measure(void *ctx, const char *s, int len, int font, bool rtl)
{
    (void)ctx;
    (void)rtl;
    int w = 0;
    for (int i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            w += 6 + ((unsigned char)s[i] & 7) + font;
    return w;
}

static bool covers(void *ctx, int font, uint32_t cp)
{
    (void)ctx;
    return font == TEXTRUN_ARABIC ? textrun_is_arabic(cp) || cp < 0x40 : !textrun_is_arabic(cp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int wrap = (data[0] & 0x7f) * 4;
    bool rtl = data[0] & 0x80;
    char *s = malloc(size);
    if (!s)
        return 0;
    memcpy(s, data + 1, size - 1);
    s[size - 1] = 0; /* a NUL inside ends the text, as in a C string */
    int len = (int)strlen(s);
    textrun_env env = { measure, covers, NULL };
    textrun_layout l;
    if (textrun_layout_text(&l, s, wrap, rtl, &env)) {
        for (int i = 0; i < l.nline; i++) {
            const textrun_line *ln = &l.line[i];
            int x = 0;
            if (ln->first < 0 || ln->n < 0 || ln->first + ln->n > l.npiece)
                abort();
            for (int k = 0; k < ln->n; k++) {
                const textrun_piece *p = &l.piece[ln->first + k];
                if (p->start < 0 || p->len < 0 || p->start + p->len > len || p->x != x)
                    abort();
                x += p->w;
            }
            if (x != ln->w || x > l.w)
                abort();
        }
        textrun_layout_free(&l);
    }
    textrun_run runs[16];
    textrun_split(s, len, rtl, &env, runs, 16, NULL);
    free(s);
    return 0;
}
