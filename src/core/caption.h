/* caption: a spoken caption cut into what one screen shows at a time, in whole
 * sentences. The caller says whether a piece of text fits its box (it measures with
 * the fonts and the size it draws at); a chunk is as many whole sentences as fit, else
 * as many whole clauses (ending at a comma, semicolon, colon or dash), and only when a
 * single clause cannot fit, as many words as fit. The chunks share `span` (the time the
 * voice takes) in proportion to their length. Pure: no fonts, no allocation.
 * Ownership: borrows the text and the callback's context. */
#ifndef GW_CAPTION_H
#define GW_CAPTION_H
#include <stdbool.h>
#include <stddef.h>
#include "core/gwtime.h"

/* Whether the len bytes at s (not NUL-terminated) fit the caption's box. Must be
 * monotonic: a text that fits stays fitting with less of it. */
typedef bool (*caption_fits_fn)(void *ctx, const char *s, size_t len);

typedef struct caption_chunk {
    size_t off, len;   /* the chunk's bytes in the caption (no leading/trailing spaces) */
    int    index, count;
    gw_ns  start, end; /* time into the step when it shows; end GW_NEVER for the last */
    bool   lead, trail; /* caption_at_marked: shown with a leading "…" (it starts inside
                         * a sentence) and a trailing one (its sentence goes on) */
} caption_chunk;

/* The chunk showing `into` the step. An empty or NULL text gives a zero chunk with
 * count 0. */
caption_chunk caption_at(const char *text, caption_fits_fn fits, void *ctx, gw_ns span, gw_ns into);

/* caption_at, for a box that shows a chunk cut inside a sentence with a trailing "…"
 * and the next with a leading one (chunk.lead, chunk.trail): fits is asked about the
 * piece with its marks (in a buffer of the caller's byte limit, 1 KiB), so a chunk
 * fits with them. */
caption_chunk caption_at_marked(const char *text, caption_fits_fn fits, void *ctx, gw_ns span, gw_ns into);

/* Whether every sentence of the text fits by itself: then every chunk can be whole
 * sentences. A caller tries this first, at the largest type that allows it. */
bool caption_sentences_fit(const char *text, caption_fits_fn fits, void *ctx);

/* Whether every clause of the text (what lies between two breaks of at least a
 * clause's strength, caption_break_at >= 1) fits by itself: then no chunk has to stop
 * between two words. A caller picks the largest type at which this holds. */
bool caption_clauses_fit(const char *text, caption_fits_fn fits, void *ctx);
/* The same, each clause with the marks it is shown with (caption_at_marked). */
bool caption_clauses_fit_marked(const char *text, caption_fits_fn fits, void *ctx);

/* How strongly the text may be broken at the space (or end) at byte i, which follows
 * the word before it: 2 after a sentence's end, 1 after a clause's, 0 between words,
 * -1 not a place to break. Exposed for the tests. */
int caption_break_at(const char *text, size_t i);

#endif
