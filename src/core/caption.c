/* caption: see caption.h. A chunk ends only at a break between words; of those, the
 * strongest kind that lets a chunk fit is used, so a caption never stops mid-phrase
 * ("never to the point of" / "pain.") while its box has room for the whole phrase. */
#include "core/caption.h"

#include <string.h>

static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

/* Does the word ending just before byte e end with one of the UTF-8 marks in set? */
static bool ends_with_any(const char *t, size_t e, const char *const *set)
{
    /* step back over closing quotes and brackets */
    static const char *const CLOSERS[] = { "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", NULL };
    for (int moved = 1; moved && e > 0;) {
        moved = 0;
        for (int i = 0; CLOSERS[i]; i++) {
            size_t n = strlen(CLOSERS[i]);
            if (e >= n + 1 && !memcmp(t + e - n, CLOSERS[i], n)) {
                e -= n;
                moved = 1;
                break;
            }
        }
    }
    for (int i = 0; set[i]; i++) {
        size_t n = strlen(set[i]);
        if (e >= n && !memcmp(t + e - n, set[i], n))
            return true;
    }
    return false;
}

int caption_break_at(const char *t, size_t i)
{
    /* sentence ends: . ! ? … and Arabic ؟ ; clause ends: , ; : and Arabic ، ؛ , and a dash */
    static const char *const SENT[] = { ".", "!", "?", "\xE2\x80\xA6", "\xD8\x9F", "\xE3\x80\x82", NULL };
    static const char *const CLAUSE[] = { ",", ";", ":", "\xD8\x8C", "\xD8\x9B", NULL };
    if (i == 0 || is_space(t[i - 1]) || (t[i] && !is_space(t[i])))
        return -1;
    if (ends_with_any(t, i, SENT))
        return 2;
    if (ends_with_any(t, i, CLAUSE))
        return 1;
    /* "word — next": the break after the dash's own space */
    if (i >= 4 && (!memcmp(t + i - 3, "\xE2\x80\x94", 3) || !memcmp(t + i - 3, "\xE2\x80\x93", 3)) && is_space(t[i - 4]))
        return 1;
    return 0;
}

static size_t skip_spaces(const char *t, size_t i)
{
    while (t[i] && is_space(t[i]))
        i++;
    return i;
}

#define ELLIPSIS "\xE2\x80\xA6"

/* Whether the bytes s..e fit, with the marks they are shown with: a leading "…" when
 * the piece starts inside a sentence (lead) and a trailing one when the sentence goes
 * on after it (trail). */
static bool fits_marked(const char *t, size_t s, size_t e, bool lead, bool trail, caption_fits_fn fits, void *ctx)
{
    if (!lead && !trail)
        return fits(ctx, t + s, e - s);
    char buf[1024];
    size_t n = e - s, k = 0;
    if (n + 2 * (sizeof ELLIPSIS - 1) >= sizeof buf)
        return false;
    if (lead) {
        memcpy(buf, ELLIPSIS, sizeof ELLIPSIS - 1);
        k = sizeof ELLIPSIS - 1;
    }
    memcpy(buf + k, t + s, n);
    k += n;
    if (trail) {
        memcpy(buf + k, ELLIPSIS, sizeof ELLIPSIS - 1);
        k += sizeof ELLIPSIS - 1;
    }
    return fits(ctx, buf, k);
}

static size_t skip_spaces(const char *t, size_t i);

/* Whether a piece ending at the break at i (of strength k) leaves its sentence going
 * on: then it is shown with a trailing mark. */
static bool goes_on(const char *t, size_t i, int k) { return k < 2 && t[skip_spaces(t, i)]; }

/* The end of the chunk starting at s: the furthest break of the strongest kind at
 * which the chunk still fits (with its marks when `marks`: lead, it starts inside a
 * sentence); at worst the first word, alone. */
static size_t chunk_end(const char *t, size_t s, bool marks, bool lead, caption_fits_fn fits, void *ctx)
{
    size_t n = strlen(t);
    for (int level = 2; level >= 0; level--) {
        size_t best = 0;
        for (size_t i = s + 1; i <= n; i++) {
            int k = caption_break_at(t, i);
            if (k < level)
                continue;
            if (!fits_marked(t, s, i, marks && lead, marks && goes_on(t, i, k), fits, ctx))
                break;
            best = i;
        }
        if (best)
            return best;
    }
    size_t i = s;
    while (t[i] && !is_space(t[i]))
        i++;
    return i;
}

/* Whether every piece between two breaks of at least `level` fits by itself (with
 * its marks when `marks`). */
static bool units_fit(const char *t, int level, bool marks, caption_fits_fn fits, void *ctx)
{
    if (!t || !fits)
        return true;
    size_t n = strlen(t);
    bool lead = false;
    for (size_t s = skip_spaces(t, 0); t[s];) {
        size_t e = s + 1;
        int k = 2;
        while (e < n && (k = caption_break_at(t, e)) < level)
            e++;
        if (e >= n)
            k = 2;
        bool trail = marks && goes_on(t, e, k);
        if (!fits_marked(t, s, e, marks && lead, trail, fits, ctx))
            return false;
        lead = trail;
        s = skip_spaces(t, e);
    }
    return true;
}

bool caption_clauses_fit(const char *t, caption_fits_fn fits, void *ctx) { return units_fit(t, 1, false, fits, ctx); }

bool caption_clauses_fit_marked(const char *t, caption_fits_fn fits, void *ctx)
{
    return units_fit(t, 1, true, fits, ctx);
}

bool caption_sentences_fit(const char *t, caption_fits_fn fits, void *ctx) { return units_fit(t, 2, false, fits, ctx); }

static long long code_points(const char *s, size_t len)
{
    long long c = 0;
    for (size_t i = 0; i < len; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static caption_chunk chunk_at(const char *text, bool marks, caption_fits_fn fits, void *ctx, gw_ns span, gw_ns into)
{
    caption_chunk c = { 0, 0, 0, 0, 0, GW_NEVER, false, false };
    if (!text || !fits)
        return c;
    if (span < 0)
        span = 0;
    /* once to count and total, once to find the chunk showing at `into` */
    long long total = 0;
    int count = 0;
    bool lead = false;
    for (size_t s = skip_spaces(text, 0); text[s]; count++) {
        size_t e = chunk_end(text, s, marks, lead, fits, ctx);
        total += code_points(text + s, e - s);
        lead = marks && goes_on(text, e, caption_break_at(text, e));
        s = skip_spaces(text, e);
    }
    if (!count)
        return c;
    long long acc = 0;
    int index = 0;
    lead = false;
    for (size_t s = skip_spaces(text, 0); text[s]; index++) {
        size_t e = chunk_end(text, s, marks, lead, fits, ctx);
        bool trail = marks && goes_on(text, e, caption_break_at(text, e));
        gw_ns start = total ? (gw_ns)((double)span * (double)acc / (double)total) : 0;
        acc += code_points(text + s, e - s);
        gw_ns end = total ? (gw_ns)((double)span * (double)acc / (double)total) : 0;
        if (index == 0 || into >= start) {
            c = (caption_chunk){ s, e - s, index, count, start, index == count - 1 ? GW_NEVER : end, lead, trail };
        }
        if (into < end)
            break;
        lead = trail;
        s = skip_spaces(text, e);
    }
    c.count = count;
    return c;
}

caption_chunk caption_at(const char *text, caption_fits_fn fits, void *ctx, gw_ns span, gw_ns into)
{
    return chunk_at(text, false, fits, ctx, span, into);
}

caption_chunk caption_at_marked(const char *text, caption_fits_fn fits, void *ctx, gw_ns span, gw_ns into)
{
    return chunk_at(text, true, fits, ctx, span, into);
}
