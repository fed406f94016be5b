#include "core/textrun.h"

#include <fribidi.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

bool textrun_is_arabic(uint32_t cp)
{
    return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) ||
           (cp >= 0x0870 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) ||
           (cp >= 0xfe70 && cp <= 0xfeff && cp != 0xfeff);
}

/* One paragraph, decoded and analysed. Offsets are bytes from the paragraph's start. */
typedef struct para {
    int n;                  /* code points */
    uint32_t *cp;
    int *off;               /* n + 1 */
    FriBidiCharType *type;
    FriBidiLevel *level;
    signed char *font;
    bool rtl;
    int missing;
} para;

static void para_free(para *p)
{
    free(p->cp);
    free(p->off);
    free(p->type);
    free(p->level);
    free(p->font);
    memset(p, 0, sizeof *p);
}

/* The code point at s[i] and its length; a malformed sequence is one byte of U+FFFD. */
static int utf8_at(const unsigned char *s, int len, int i, uint32_t *cp)
{
    unsigned c = s[i];
    int need;
    uint32_t v, min;
    if (c < 0x80) { *cp = c; return 1; }
    if ((c & 0xe0) == 0xc0) { need = 1; v = c & 0x1f; min = 0x80; }
    else if ((c & 0xf0) == 0xe0) { need = 2; v = c & 0x0f; min = 0x800; }
    else if ((c & 0xf8) == 0xf0) { need = 3; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xfffd; return 1; }
    for (int k = 1; k <= need; k++) {
        if (i + k >= len || (s[i + k] & 0xc0) != 0x80) { *cp = 0xfffd; return 1; }
        v = v << 6 | (s[i + k] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) { *cp = 0xfffd; return 1; }
    *cp = v;
    return need + 1;
}

/* Characters that draw nothing of their own: spaces, controls, bidi marks, joiners,
 * variation selectors. They never pick a font and are never missing. */
static bool ignorable(uint32_t cp, FriBidiCharType t)
{
    return FRIBIDI_IS_SPACE(t) || FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t) || t == FRIBIDI_TYPE_BS ||
           cp < 0x20 || cp == 0x7f || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
           (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff;
}

static bool is_space(const para *p, int i)
{
    return p->type[i] == FRIBIDI_TYPE_WS || p->cp[i] == '\t';
}

/* A mark that belongs to the character before it (never split from it). */
static bool is_mark(const para *p, int i)
{
    return p->type[i] == FRIBIDI_TYPE_NSM || p->cp[i] == 0x200d || (p->cp[i] >= 0xfe00 && p->cp[i] <= 0xfe0f);
}

/* Fonts: letters decide (Arabic block: Arabic font; other letters: Latin font). Every
 * other character takes the font of the letters of its level run (the nearest before
 * it, else after it), else of the nearest letter in the paragraph, else Latin; then,
 * if that font lacks it and the other has it, the other. */
static bool assign_fonts(para *p, const textrun_env *env)
{
    int n = p->n;
    signed char *own = malloc((size_t)(n > 0 ? n : 1) * 4);
    if (!own)
        return false;
    signed char *prev_run = own + n, *next_run = own + 2 * n, *prev_any = own + 3 * n;
    for (int i = 0; i < n; i++) {
        uint32_t c = p->cp[i];
        own[i] = textrun_is_arabic(c) ? TEXTRUN_ARABIC : FRIBIDI_IS_LETTER(p->type[i]) ? TEXTRUN_LATIN : -1;
    }
    signed char last = -1, any = -1;
    for (int i = 0; i < n; i++) {
        if (i > 0 && p->level[i] != p->level[i - 1])
            last = -1;
        if (own[i] >= 0)
            last = any = own[i];
        prev_run[i] = last;
        prev_any[i] = any;
    }
    signed char next_any = -1;
    last = -1;
    for (int i = n - 1; i >= 0; i--) {
        if (i < n - 1 && p->level[i] != p->level[i + 1])
            last = -1;
        if (own[i] >= 0)
            last = next_any = own[i];
        next_run[i] = last;
        if (own[i] < 0 && prev_run[i] < 0 && next_run[i] < 0 && prev_any[i] < 0)
            prev_any[i] = next_any; /* no letter before: the nearest after */
    }
    p->missing = 0;
    bool (*covers)(void *, int, uint32_t) = env ? env->covers : NULL;
    for (int i = 0; i < n; i++) {
        signed char f = own[i];
        bool ign = ignorable(p->cp[i], p->type[i]);
        if (f < 0) {
            if (is_mark(p, i) && i > 0)
                f = p->font[i - 1];
            else
                f = prev_run[i] >= 0 ? prev_run[i] : next_run[i] >= 0 ? next_run[i] : prev_any[i] >= 0 ? prev_any[i]
                                                                                                      : TEXTRUN_LATIN;
            if (covers && !ign && !is_mark(p, i) && !covers(env->ctx, f, p->cp[i]) &&
                covers(env->ctx, 1 - f, p->cp[i]))
                f = (signed char)(1 - f);
        }
        p->font[i] = f;
        if (covers && !ign && !covers(env->ctx, f, p->cp[i]))
            p->missing++;
    }
    free(own);
    return true;
}

static bool para_analyse(para *p, const char *s, int len, bool prefer_rtl, const textrun_env *env)
{
    memset(p, 0, sizeof *p);
    size_t cap = (size_t)len + 1;
    p->cp = malloc(cap * sizeof *p->cp);
    p->off = malloc(cap * sizeof *p->off);
    p->type = malloc(cap * sizeof *p->type);
    p->level = malloc(cap * sizeof *p->level);
    p->font = malloc(cap * sizeof *p->font);
    FriBidiBracketType *br = malloc(cap * sizeof *br);
    if (!p->cp || !p->off || !p->type || !p->level || !p->font || !br) {
        free(br);
        para_free(p);
        return false;
    }
    int n = 0;
    for (int i = 0; i < len;) {
        p->off[n] = i;
        i += utf8_at((const unsigned char *)s, len, i, &p->cp[n]);
        n++;
    }
    p->off[n] = len;
    p->n = n;
    bool has_l = false, has_r = false;
    if (n > 0) {
        fribidi_get_bidi_types(p->cp, n, p->type);
        fribidi_get_bracket_types(p->cp, n, p->type, br);
        for (int i = 0; i < n; i++)
            if (FRIBIDI_IS_LETTER(p->type[i])) {
                if (FRIBIDI_IS_RTL(p->type[i])) has_r = true;
                else has_l = true;
            }
    }
    p->rtl = has_r != has_l ? has_r : prefer_rtl;
    FriBidiParType dir = p->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (n > 0 && !fribidi_get_par_embedding_levels_ex(p->type, br, n, &dir, p->level))
        for (int i = 0; i < n; i++)
            p->level[i] = p->rtl ? 1 : 0; /* FriBidi failed (memory): one direction */
    free(br);
    if (!assign_fonts(p, env)) {
        para_free(p);
        return false;
    }
    return true;
}

/* Calls fn for each run of code points [a, b) of one level and one font. */
typedef bool (*run_fn)(void *ctx, const para *p, int a, int b);

static bool for_runs(const para *p, int a, int b, run_fn fn, void *ctx)
{
    for (int i = a; i < b;) {
        int j = i + 1;
        while (j < b && p->level[j] == p->level[i] && p->font[j] == p->font[i])
            j++;
        if (!fn(ctx, p, i, j))
            return false;
        i = j;
    }
    return true;
}

typedef struct split_ctx {
    textrun_run *out;
    int max, count, base;
} split_ctx;

static bool split_one(void *ctx, const para *p, int a, int b)
{
    split_ctx *c = ctx;
    if (c->count < c->max)
        c->out[c->count] = (textrun_run){ c->base + p->off[a], p->off[b] - p->off[a], p->level[a], p->font[a] };
    c->count++;
    return true;
}

int textrun_split(const char *s, int len, bool prefer_rtl, const textrun_env *env, textrun_run *out,
                  int max, bool *rtl)
{
    para p;
    if (!s || len < 0)
        len = 0;
    if (!para_analyse(&p, s ? s : "", len, prefer_rtl, env))
        return -1;
    split_ctx c = { out, out ? max : 0, 0, 0 };
    for_runs(&p, 0, p.n, split_one, &c);
    if (rtl)
        *rtl = p.rtl;
    para_free(&p);
    return c.count;
}

void textrun_reorder(const int *level, int n, int *order)
{
    int max = 0, min = INT_MAX;
    for (int i = 0; i < n; i++) {
        order[i] = i;
        if (level[i] > max) max = level[i];
        if (level[i] < min) min = level[i];
    }
    if (n == 0)
        return;
    int lowest_odd = (min & 1) ? min : min + 1;
    for (int lev = max; lev >= lowest_odd; lev--)
        for (int i = 0; i < n;) {
            if (level[order[i]] < lev) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && level[order[j]] >= lev)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                int t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
            i = j;
        }
}

/* ---- layout ------------------------------------------------------------------ */

typedef struct lay {
    textrun_layout *out;
    int cappiece, capline;
    const textrun_env *env;
    const char *text;     /* the whole text */
    int base;             /* the paragraph's offset in it */
    int width;            /* measure_range's sum */
    /* pieces of the line being built, logical order */
    textrun_piece *tmp;
    int *tmplv;           /* their levels */
    int ntmp, captmp;
} lay;

static int measure(const lay *L, const para *p, int a, int b)
{
    return L->env->measure(L->env->ctx, L->text + L->base + p->off[a], p->off[b] - p->off[a], p->font[a],
                           (p->level[a] & 1) != 0);
}

static bool add_width(void *ctx, const para *p, int a, int b)
{
    lay *L = ctx;
    L->width += measure(L, p, a, b);
    return true;
}

static int trim_end(const para *p, int a, int b)
{
    while (b > a && is_space(p, b - 1))
        b--;
    return b;
}

/* Width of code points [a, b) as one line (trailing spaces left out). */
static int measure_range(lay *L, const para *p, int a, int b)
{
    L->width = 0;
    for_runs(p, a, trim_end(p, a, b), add_width, L);
    return L->width;
}

static bool collect_piece(void *ctx, const para *p, int a, int b)
{
    lay *L = ctx;
    if (L->ntmp == L->captmp) {
        int cap = L->captmp ? L->captmp * 2 : 16;
        textrun_piece *t = realloc(L->tmp, (size_t)cap * sizeof *t);
        if (!t)
            return false;
        L->tmp = t;
        int *lv = realloc(L->tmplv, (size_t)cap * 2 * sizeof *lv);
        if (!lv)
            return false;
        L->tmplv = lv;
        L->captmp = cap;
    }
    L->tmplv[L->ntmp] = p->level[a];
    L->tmp[L->ntmp++] = (textrun_piece){ L->base + p->off[a], p->off[b] - p->off[a], p->font[a],
                                         (p->level[a] & 1) != 0, 0, measure(L, p, a, b) };
    return true;
}

static bool emit_line(lay *L, const para *p, int a, int b)
{
    textrun_layout *o = L->out;
    L->ntmp = 0;
    if (!for_runs(p, a, trim_end(p, a, b), collect_piece, L))
        return false;
    int n = L->ntmp;
    if (o->npiece + n > L->cappiece) {
        int cap = L->cappiece ? L->cappiece : 16;
        while (cap < o->npiece + n) cap *= 2;
        textrun_piece *t = realloc(o->piece, (size_t)cap * sizeof *t);
        if (!t)
            return false;
        o->piece = t;
        L->cappiece = cap;
    }
    if (o->nline == L->capline) {
        int cap = L->capline ? L->capline * 2 : 4;
        textrun_line *t = realloc(o->line, (size_t)cap * sizeof *t);
        if (!t)
            return false;
        o->line = t;
        L->capline = cap;
    }
    int *ord = n > 0 ? L->tmplv + L->captmp : NULL; /* the second half of tmplv */
    if (n > 0)
        textrun_reorder(L->tmplv, n, ord);
    int x = 0;
    textrun_line *ln = &o->line[o->nline++];
    *ln = (textrun_line){ o->npiece, n, 0, p->rtl };
    for (int k = 0; k < n; k++) {
        textrun_piece pc = L->tmp[ord[k]];
        pc.x = x;
        x += pc.w;
        if (pc.len > 0)
            o->fonts |= 1u << pc.font;
        o->piece[o->npiece++] = pc;
    }
    ln->w = x;
    if (x > o->w)
        o->w = x;
    return true;
}

static int next_break(const para *p, int i)
{
    for (i++; i < p->n; i++)
        if (is_space(p, i - 1) && !is_space(p, i))
            return i;
    return p->n;
}

static bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

/* Whether the break before i follows a number standing alone ("3" of "Quick reset: 3
 * sighs", "7,9" of "7,9 S/min", also where an isolate opens before it: "⁦5852 ms²⁩"):
 * a number stays with the word after it where the line has room for both. */
static bool after_number(const para *p, int i)
{
    int j = i - 1, k;
    while (j >= 0 && is_space(p, j))
        j--;
    if (j < 0 || !is_digit(p->cp[j]))
        return false;
    for (k = j; k >= 0 && !is_space(p, k) && !FRIBIDI_IS_ISOLATE(p->type[k]) && !FRIBIDI_IS_EXPLICIT(p->type[k]); k--)
        if (!is_digit(p->cp[k]) && !((p->cp[k] == '.' || p->cp[k] == ',' || p->cp[k] == 0x66b) && k > 0 &&
                                     is_digit(p->cp[k - 1])))
            return false;
    return true;
}

static bool layout_para(lay *L, const char *s, int start, int len, int wrap, bool prefer_rtl)
{
    para p;
    if (!para_analyse(&p, s + start, len, prefer_rtl, L->env))
        return false;
    L->base = start;
    L->out->missing += p.missing;
    bool ok = true;
    int ls = 0;
    do {
        int le = p.n;
        if (wrap > 0 && p.n > 0) {
            le = -1;
            int num = -1; /* a break after a number: only when no other fits */
            for (int cand = next_break(&p, ls); measure_range(L, &p, ls, cand) <= wrap; cand = next_break(&p, cand)) {
                if (cand < p.n && after_number(&p, cand)) {
                    num = cand;
                    continue;
                }
                le = cand;
                if (cand == p.n)
                    break;
            }
            if (le < 0)
                le = num;
            if (le < 0) {
                /* the first word is wider than the line: as many characters as fit, at
                 * least one (with its marks), back to just after a slash if there is one */
                int word_end = next_break(&p, ls), k = ls + 1;
                while (k < p.n && is_mark(&p, k)) k++;
                le = k;
                while (k < word_end) {
                    int k2 = k + 1;
                    while (k2 < p.n && is_mark(&p, k2)) k2++;
                    if (measure_range(L, &p, ls, k2) > wrap)
                        break;
                    le = k = k2;
                }
                /* a path breaks after a slash, where one fits */
                bool slash = false;
                for (int j = le - 1; j > ls + 1 && !slash; j--)
                    if (p.cp[j - 1] == '/') {
                        le = j;
                        slash = true;
                    }
                if (!slash) {
                    int ww = measure_range(L, &p, ls, word_end);
                    if (ww > L->out->word_w)
                        L->out->word_w = ww;
                }
            }
        }
        if (!emit_line(L, &p, ls, le)) {
            ok = false;
            break;
        }
        ls = le;
    } while (ls < p.n);
    para_free(&p);
    return ok;
}

bool textrun_layout_text(textrun_layout *out, const char *utf8, int wrap, bool prefer_rtl,
                         const textrun_env *env)
{
    memset(out, 0, sizeof *out);
    if (!env || !env->measure)
        return false;
    const char *s = utf8 ? utf8 : "";
    int total = (int)strlen(s);
    lay L = { out, 0, 0, env, s, 0, 0, NULL, NULL, 0, 0 };
    bool ok = true;
    for (int ps = 0;;) {
        int pe = ps;
        while (pe < total && s[pe] != '\n')
            pe++;
        int plen = pe - ps;
        if (plen > 0 && s[ps + plen - 1] == '\r')
            plen--;
        if (!layout_para(&L, s, ps, plen, wrap, prefer_rtl)) {
            ok = false;
            break;
        }
        if (pe >= total)
            break;
        ps = pe + 1;
    }
    free(L.tmp);
    free(L.tmplv);
    if (!ok)
        textrun_layout_free(out);
    return ok;
}

void textrun_layout_free(textrun_layout *l)
{
    if (!l)
        return;
    free(l->piece);
    free(l->line);
    memset(l, 0, sizeof *l);
}
