/* textrun: lays out a text written in more than one script. A string is split into
 * runs that one font can draw (Arabic letters in the Arabic font, other letters in the
 * Latin one; digits, spaces and punctuation go with the letters around them, or with
 * the font that has them), broken into lines at spaces, and each line's runs are put in
 * visual order: in a right-to-left paragraph the runs go from right to left while a
 * Latin run inside keeps reading left to right. The bidi embedding levels come from
 * GNU FriBidi (the Unicode bidirectional algorithm, UAX #9); the font choice, line
 * breaking and placing of runs are here.
 *
 * Pure: the caller gives a measuring function (the width of a run drawn in a font) and
 * optionally a coverage function (whether a font has a glyph), so the same layout is
 * used to measure and to draw, and tests can use made-up fonts.
 *
 * Ownership: a textrun_layout owns its arrays; textrun_layout_free releases them. Runs
 * and pieces point into the caller's text by byte offsets; the text is not copied. */
#ifndef GW_TEXTRUN_H
#define GW_TEXTRUN_H
#include <stdbool.h>
#include <stdint.h>

/* The fonts a run can be drawn with. */
enum { TEXTRUN_LATIN = 0, TEXTRUN_ARABIC = 1, TEXTRUN_NFONTS = 2 };

typedef struct textrun_env {
    /* Width in pixels of the len bytes at s (UTF-8, no line feed) drawn in font,
     * shaped right to left when rtl. Required for textrun_layout_text. */
    int (*measure)(void *ctx, const char *s, int len, int font, bool rtl);
    /* Whether font has a glyph for code point cp. NULL: every font has every glyph. */
    bool (*covers)(void *ctx, int font, uint32_t cp);
    void *ctx;
} textrun_env;

/* A run of one paragraph in logical (reading) order: bytes [start, start + len) of the
 * text, its bidi embedding level (odd: right to left) and its font. */
typedef struct textrun_run {
    int start, len;
    int level;
    int font;
} textrun_run;

/* Splits the paragraph s[0..len) (no line feed) into runs of one level and one font.
 * The paragraph's direction is that of its letters when they all go one way, else (none,
 * or both directions) prefer_rtl. Writes up to max runs to out and the direction to *rtl
 * (may be NULL); returns how many runs there are (may exceed max), -1 out of memory. */
int textrun_split(const char *s, int len, bool prefer_rtl, const textrun_env *env, textrun_run *out,
                  int max, bool *rtl);

/* Visual order of n runs of one line from their levels (UAX #9 rule L2): order[k] is
 * the logical index of the k-th run from the left. */
void textrun_reorder(const int *level, int n, int *order);

/* A piece of a laid-out line: bytes [start, start + len) of the text in one font,
 * shaped right to left if rtl, at x (pixels from the line's left edge), w wide. */
typedef struct textrun_piece {
    int start, len;
    int font;
    bool rtl;
    int x, w;
} textrun_piece;

/* A line: pieces [first, first + n) of the layout, left to right; its width; whether
 * its paragraph runs right to left. */
typedef struct textrun_line {
    int first, n;
    int w;
    bool rtl;
} textrun_line;

typedef struct textrun_layout {
    textrun_piece *piece;
    int npiece;
    textrun_line *line;
    int nline;
    int w;            /* the widest line */
    int word_w;       /* the widest word broken between characters (not after a slash,
                       * as a path is), whole; 0 when none was */
    unsigned fonts;   /* bit (1 << font) for each font a piece uses */
    int missing;      /* characters drawn in a font without their glyph (with covers) */
} textrun_layout;

/* Lays out utf8: paragraphs at line feeds, each broken into lines no wider than wrap
 * pixels (wrap <= 0: no breaking) at spaces; a word wider than wrap is broken between
 * characters. Trailing spaces of a line are not part of it. out is overwritten. Returns
 * false out of memory (out then holds nothing). Invalid UTF-8 bytes count as U+FFFD. */
bool textrun_layout_text(textrun_layout *out, const char *utf8, int wrap, bool prefer_rtl,
                         const textrun_env *env);
void textrun_layout_free(textrun_layout *l);

/* Whether cp is from the Arabic script blocks (drawn with the Arabic font). */
bool textrun_is_arabic(uint32_t cp);

#endif
