#include "core/guided.h"

#include <stdbool.h>
#include <stddef.h>

gw_ns guided_step_length(const guided_step *s)
{
    if (!s)
        return 0;
    gw_ns d = s->duration > 0 ? s->duration : s->voice_ns + s->pause;
    return d > 0 ? d : GUIDED_MIN_STEP_NS;
}

gw_ns guided_step_start(const exercise *e, int i)
{
    if (!e || i <= 0)
        return 0;
    if (i > e->nstep)
        i = e->nstep;
    gw_ns acc = 0;
    for (int k = 0; k < i; k++)
        acc += guided_step_length(&e->step[k]);
    return acc;
}

gw_ns guided_total(const exercise *e)
{
    return e ? guided_step_start(e, e->nstep) : 0;
}

guided_pos guided_at(const exercise *e, gw_ns t)
{
    guided_pos p = { 0, 0, 0, 0 };
    if (!e)
        return p;
    if (t < 0)
        t = 0;
    gw_ns acc = 0;
    for (int i = 0; i < e->nstep; i++) {
        gw_ns d = guided_step_length(&e->step[i]);
        if (t < acc + d) {
            p.step = i;
            p.start = acc;
            p.into = t - acc;
            p.left = acc + d - t;
            return p;
        }
        acc += d;
    }
    p.step = e->nstep;
    p.start = acc;
    return p;
}

/* The next word at or after byte *p: its start, byte length and code points. */
static bool next_word(const char *s, size_t *p, size_t *start, size_t *len, int *cps)
{
    size_t i = *p;
    while (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')
        i++;
    if (!s[i])
        return false;
    *start = i;
    int n = 0;
    while (s[i] && s[i] != ' ' && s[i] != '\n' && s[i] != '\t') {
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
        i++;
    }
    *len = i - *start;
    *cps = n;
    *p = i;
    return true;
}

static bool ends_sentence(const char *w, size_t n)
{
    char c = w[n - 1];
    return c == '.' || c == '?' || c == '!' || c == ':' || c == ';';
}

/* Walks the chunks in order; calls back with each (index, byte range, code points).
 * Returns the number of chunks. */
typedef void (*chunk_fn)(void *ctx, int index, size_t off, size_t len, int cps);

static int walk_chunks(const char *s, int cpl, int lines, chunk_fn fn, void *ctx)
{
    size_t p = 0, ws, wl;
    int wc;
    int count = 0, line_in_chunk = 0, line_cps = -1, chunk_cps = 0;
    size_t c_off = 0, c_end = 0;
    bool open = false;
    while (next_word(s, &p, &ws, &wl, &wc)) {
        bool fits = line_cps >= 0 && line_cps + 1 + wc <= cpl;
        if (open && !fits) {            /* a new line */
            if (line_in_chunk + 1 >= lines) {
                fn(ctx, count++, c_off, c_end - c_off, chunk_cps);
                open = false;
            } else {
                line_in_chunk++;
                line_cps = -1;
            }
        }
        if (!open) {
            open = true;
            c_off = ws;
            chunk_cps = 0;
            line_in_chunk = 0;
            line_cps = -1;
        }
        line_cps = line_cps < 0 ? wc : line_cps + 1 + wc;
        chunk_cps += wc + 1;
        c_end = ws + wl;
        /* a sentence that ends on a chunk's last line ends the chunk, so the next
         * chunk starts with a sentence rather than its first word or two */
        if (lines > 1 && line_in_chunk == lines - 1 && ends_sentence(s + ws, wl)) {
            fn(ctx, count++, c_off, c_end - c_off, chunk_cps);
            open = false;
        }
    }
    if (open)
        fn(ctx, count++, c_off, c_end - c_off, chunk_cps);
    return count;
}

typedef struct find_ctx {
    long long total;      /* code points in all chunks */
    long long before;     /* code points before the chunk found */
    long long acc;
    gw_ns span, into;
    guided_chunk *out;
    bool found;
} find_ctx;

static void count_fn(void *ctx, int index, size_t off, size_t len, int cps)
{
    (void)index; (void)off; (void)len;
    ((find_ctx *)ctx)->total += cps;
}

static void find_fn(void *ctx, int index, size_t off, size_t len, int cps)
{
    find_ctx *f = ctx;
    gw_ns start = f->total > 0 ? (gw_ns)((double)f->span * (double)f->acc / (double)f->total) : 0;
    f->acc += cps;
    gw_ns end = f->total > 0 ? (gw_ns)((double)f->span * (double)f->acc / (double)f->total) : 0;
    if (!f->found || f->into >= start) {
        f->out->off = off;
        f->out->len = len;
        f->out->index = index;
        f->out->start = start;
        f->out->end = end;
        f->found = true;
    }
}

guided_chunk guided_caption_at(const char *text, int cpl, int lines, gw_ns span, gw_ns into)
{
    guided_chunk c = { 0, 0, 0, 0, 0, GW_NEVER };
    if (!text || !*text)
        return c;
    if (cpl < 1)
        cpl = 1;
    if (lines < 1)
        lines = 1;
    if (span < 0)
        span = 0;
    find_ctx f = { 0, 0, 0, span, into, &c, false };
    c.count = walk_chunks(text, cpl, lines, count_fn, &f);
    walk_chunks(text, cpl, lines, find_fn, &f);
    if (c.index == c.count - 1)
        c.end = GW_NEVER;
    return c;
}
