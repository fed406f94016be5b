/* library_lay: where the home library's parts go on screen at every text size (the
 * header and its buttons, the "Recent" row, the columns of cards, their pages) and the
 * order the cards are listed in. Pure layout: it reads the app and draws nothing;
 * scene_library.c draws what it places and handles the input. The structs returned are
 * values the caller owns. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/library.h"
#include "app/ui.h"
#include "core/i18n.h"

static const char *const CATS[NCOL] = { "breathing", "relaxation", "grounding" };

const char *library_cat_title(int c)
{
    switch (c) {
    case 0: return _("Breathing");
    case 1: return _("Relaxation");
    default: return _("Grounding");
    }
}

static int library_column_of(const exercise *e)
{
    for (int c = 0; c < NCOL; c++)
        if (e->category && !strcmp(e->category, CATS[c]))
            return c;
    return exercise_paced(e) ? 0 : e->kind == EX_GUIDED ? 1 : 2;
}

/* Exercises in display order: column by column; within a column favourites first,
 * then those of no section, then each section (the pack's "section") where it first
 * appears, each in load order.
 * Plan hook: when a loaded pack carries a plan (pack.json "plan": {...}; the format
 * comes with its own issue), its exercises are listed first, under "Your plan", before
 * the columns: add them to out[] here with their own column index and give the layout
 * in library_draw() a plan row above the columns. */

static bool library_in_plan(const exercise *e) { return e->pack && e->pack->has_plan; }

/* The section a card is listed under in its column ("" for none): exercises that name the
 * same one (its first text) in the same pack are one section. */
static bool same_section(const exercise *x, const exercise *y)
{
    const char *sx = x->section.n > 0 ? x->section.text[0] : "", *sy = y->section.n > 0 ? y->section.text[0] : "";
    return x->pack == y->pack && !strcmp(sx, sy);
}

int library_ordered(const app *a, const exercise **out, int *col)
{
    int n = 0;
    int total = a->packs ? pack_set_exercise_count(a->packs) : 0;
    for (int i = 0; i < total && n < MAX_LISTED; i++) {
        const exercise *e = pack_set_exercise_at(a->packs, i);
        if (library_in_plan(e)) {
            out[n] = e;
            col[n++] = PLAN_COL;
        }
    }
    for (int c = 0; c < NCOL; c++)
        for (int pass = 0; pass < 3; pass++) /* favourites; no section; the sections */
            for (int i = 0; i < total && n < MAX_LISTED; i++) {
                const exercise *e = pack_set_exercise_at(a->packs, i);
                bool fav = app_is_favourite(a, e->id);
                if (library_in_plan(e) || library_column_of(e) != c || fav != (pass == 0) ||
                    (pass > 0 && (pass == 1) != (e->section.n == 0)))
                    continue;
                if (pass < 2) {
                    out[n] = e;
                    col[n++] = c;
                    continue;
                }
                bool listed = false; /* a section is listed whole where it first appears */
                for (int j = 0; j < n && !listed; j++)
                    listed = col[j] == c && same_section(out[j], e) && !app_is_favourite(a, out[j]->id);
                for (int k = i; k < total && n < MAX_LISTED && !listed; k++) {
                    const exercise *f = pack_set_exercise_at(a->packs, k);
                    if (!library_in_plan(f) && library_column_of(f) == c && !app_is_favourite(a, f->id) && same_section(f, e)) {
                        out[n] = f;
                        col[n++] = c;
                    }
                }
            }
    return n;
}

/* Large text: from 150% the cards show only their titles, wrapped, and
 * the header buttons grow with their labels. */
bool library_large_text(const app *a) { return app_font(a, 100) >= 150; }

const char *library_recent_title(const app *a, int k)
{
    const exercise *e = pack_set_find(a->packs, app_recent(a, k));
    return e ? app_text(a, &e->title) : app_recent(a, k);
}

int library_recent_px(const app *a) { return (int)lroundf(16 * app_unit(a)); }

recent_row library_recent_row(const app *a, float top)
{
    ui_ctx ui = app_ui(a);
    recent_row R = { 0 };
    if (!app_personal(a) || app_nrecent(a) == 0 || library_large_text(a))
        return R;
    float u = app_unit(a), pad = 40 * u, gap = 10 * u, x = pad, right = (float)a->w - pad;
    int px = library_recent_px(a);
    const char *lab = _("Recent");
    float lw = ui_text_w(&ui, lab, px, true);
    float ch = fmaxf(36 * u, ui_measure(&ui, "Ag", px, false, 0).line_h + 12 * u);
    R.h = ch;
    R.label = gw_rc(x, top, lw, ch);
    x += lw + 14 * u;
    for (int k = 0; k < app_nrecent(a) && R.n < RECENT_MAX; k++) {
        float w = ceilf(ui_text_w(&ui, library_recent_title(a, k), px, false)) + 32 * u;
        if (x + w > right)
            continue;
        R.which[R.n] = k;
        R.chip[R.n++] = gw_rc(x, top, w, ch);
        x += w + gap;
    }
    return R;
}

header library_header_layout(const app *a, float u)
{
    ui_ctx ui = app_ui(a);
    header H;
    float W = (float)a->w, pad = 40 * u, gap = 14 * u;
    if (!app_personal(a)) {
        /* present: Help and Quit */
        float hw = ui_button_w(&ui, _("Help"), 150 * u), hh = ui_button_h(&ui, _("Help"), hw, 52 * u);
        float qw = ui_button_w(&ui, _("Quit"), 110 * u);
        hh = fmaxf(hh, ui_button_h(&ui, _("Quit"), qw, 52 * u));
        H.quit = gw_rc(W - pad - qw, 20 * u, qw, hh);
        H.help = gw_rc(H.quit.x - gap - hw, 20 * u, hw, hh);
        H.progress = H.settings = gw_rc(0, 0, 0, 0);
        H.h = fmaxf(92 * u, hh + 40 * u);
        H.name_h = 0;
        return H;
    }
    const char *lab[4] = { _("Help"), _("Progress"), _("Settings"), _("Quit") };
    float w[4], bh = 46 * u;
    for (int i = 0; i < 4; i++) {
        w[i] = ui_button_w(&ui, lab[i], i == 3 ? 96 * u : 132 * u);
        bh = fmaxf(bh, ui_button_h(&ui, lab[i], w[i], 46 * u));
    }
    /* large text with long labels leaves the name no room beside them: it takes a row
     * of its own above them (it once vanished there) */
    int npx = (int)lroundf(34 * u);
    float room = W - 2 * pad - 20 * u - w[0] - w[1] - w[2] - w[3] - 3 * gap;
    bool above = ui_text_w(&ui, "Groundwork", ui_min_px(&ui, npx), true) > room;
    H.name_h = above ? ui_text_h(&ui, "Groundwork", npx, true, 0) : 0;
    float by = (above ? 14 * u : 23 * u) + H.name_h;
    H.quit = gw_rc(W - pad - w[3], by, w[3], bh);
    H.settings = gw_rc(H.quit.x - gap - w[2], by, w[2], bh);
    H.progress = gw_rc(H.settings.x - gap - w[1], by, w[1], bh);
    H.help = gw_rc(H.progress.x - gap - w[0], by, w[0], bh);
    H.h = fmaxf(92 * u, by + bh + 23 * u);
    return H;
}

float library_nav_height(const app *a, float u)
{
    ui_ctx ui = app_ui(a);
    const char *lab[2] = { _("Previous page"), _("Next page") };
    float h = 56 * u;
    for (int i = 0; i < 2; i++)
        h = fmaxf(h, ui_button_h(&ui, lab[i], ui_button_w(&ui, lab[i], 200 * u), 56 * u));
    return h;
}

/* The card's summary, after the language the exercise plays in when its pack lacks the
 * interface's ("in English · Two inhales, one long exhale."). */
const char *library_card_summary(const app *a, const exercise *e, char *buf, size_t n)
{
    char tag[96];
    if (!app_lang_tag(a, e, tag, sizeof tag))
        return app_text(a, &e->summary);
    snprintf(buf, n, "%s · %s", tag, app_text(a, &e->summary));
    return buf;
}

/* Whether card i opens a section of its column (its heading takes the row above it):
 * it names one, is not a favourite, and the card before it in the column is of another
 * section or a favourite. */
bool library_opens_section(const app *a, const exercise *const *ex, const int *col, int i)
{
    if (col[i] == PLAN_COL || ex[i]->section.n == 0 || app_is_favourite(a, ex[i]->id))
        return false;
    int k = i - 1;
    while (k >= 0 && col[k] != col[i])
        k--;
    return k < 0 || app_is_favourite(a, ex[k]->id) || !same_section(ex[k], ex[i]);
}

/* The row of each card in its column (cards are listed column by column), counting the
 * rows the section headings above it take. */
void library_rows_of(const app *a, const exercise *const *ex, const int *col, int n, int *row)
{
    int next[NCOL + 1] = { 0 };
    for (int i = 0; i < n; i++) {
        next[col[i]] += library_opens_section(a, ex, col, i);
        row[i] = next[col[i]]++;
    }
}

/* The width a card's title has beside its length (as wide as that is) and its star. */
float library_title_w(const app *a, const grid *G, const exercise *e)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a);
    char meta[48];
    app_length_short(e, meta, sizeof meta);
    float mw = fminf(76 * u, ui_text_w(&ui, meta, (int)lroundf(15 * u), false) + 14 * u);
    return G->cw - 32 * u - mw - (app_personal(a) ? 36 * u : 0);
}

/* With the summaries (up to 150%): every card's title at one size, so that the grid
 * reads even: 20, each title on one line or wrapped to two; smaller, all of them, only
 * as far as the longest needs to fit in two lines. */
static int library_title_px(const app *a, const grid *G, const exercise *const *ex, const int *col, int n)
{
    ui_ctx ui = app_ui(a);
    int px = (int)lroundf(20 * app_unit(a)), min = ui_min_px(&ui, px);
    for (; px > min; px--) {
        bool all = true;
        for (int i = 0; i < n && all; i++) {
            if (col[i] == PLAN_COL)
                continue;
            float tw = library_title_w(a, G, ex[i]);
            ui_text_size m = ui_measure(&ui, app_text(a, &ex[i]->title), px, true, tw);
            all = m.lines <= 2 && m.w <= tw;
        }
        if (all)
            break;
    }
    return px;
}

/* With large text on pages, each row as tall as its cards' titles (or a section's
 * heading) need, so that rows of one-line titles do not take the room of two-line ones
 * (Spanish and German at 200% showed two rows a page). */
static void rows_to_content(const app *a, grid *G, const exercise *const *ex, const int *col, int n,
                            const int *row)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), iw = G->cw - 32 * u - (app_personal(a) ? 36 * u : 0);
    char buf[CARD_TEXT_MAX];
    for (int r = 0; r < G->most; r++)
        G->row_h[r] = 0;
    for (int i = 0; i < n; i++) {
        if (col[i] == PLAN_COL)
            continue;
        float need = ui_text_h(&ui, app_title_tagged(a, ex[i], buf, sizeof buf), G->title_px, true, iw) + 16 * u;
        G->row_h[row[i]] = fmaxf(G->row_h[row[i]], fmaxf(64 * u, need)); /* room for the star */
        if (library_opens_section(a, ex, col, i) && row[i] >= 1)
            G->row_h[row[i] - 1] = fmaxf(G->row_h[row[i] - 1], ui_text_h(&ui, app_text(a, &ex[i]->section),
                                                                          (int)lroundf(18 * u), true, G->cw - 8 * u));
    }
    for (int r = 0; r < G->most; r++)
        G->row_h[r] = G->row_h[r] > 0 ? fminf(G->row_h[r], G->ch) : G->ch;
    G->rows_vary = true;
}

/* When the rows (G->ch each, 10 apart) do not fit avail, they go on pages over
 * Previous page and Next page: each page as many rows as fit, except that a page never
 * ends on a section's heading (a row whose only use is the heading of the card under
 * it): the heading goes on the next page with its cards. */
static void paginate(const app *a, grid *G, const exercise *const *ex, const int *col, int n, float avail)
{
    float u = app_unit(a), step = G->ch + 10 * u;
    if ((float)G->most * step <= avail + 10 * u)
        return;
    G->nav_h = library_nav_height(a, u);
    avail -= G->nav_h + 16 * u;
    int row[MAX_LISTED];
    bool heading[MAX_LISTED + 1] = { false };
    library_rows_of(a, ex, col, n, row);
    for (int i = 0; i < n; i++)
        if (library_opens_section(a, ex, col, i) && row[i] >= 1)
            heading[row[i] - 1] = true;
    if (library_large_text(a))
        rows_to_content(a, G, ex, col, n, row);
    int per = (int)floorf((avail + 10 * u) / step);
    per = per < 1 ? 1 : per;
    G->npages = 0;
    for (int s = 0; s < G->most && G->npages < MAX_LISTED;) {
        int e = s + per < G->most ? s + per : G->most;
        if (G->rows_vary) { /* as many as fit */
            float y = library_row_h(G, s);
            for (e = s + 1; e < G->most && y + 10 * u + library_row_h(G, e) <= avail; e++)
                y += 10 * u + library_row_h(G, e);
        }
        if (e < G->most && e - 1 > s && heading[e - 1])
            e--;
        G->start[G->npages++] = s;
        s = e;
    }
    G->start[G->npages] = G->most;
    G->page = a->page.library < 0 ? 0 : a->page.library >= G->npages ? G->npages - 1 : a->page.library;
}

float library_row_h(const grid *G, int r) { return G->rows_vary ? G->row_h[r] : G->ch; }

float library_row_y(const grid *G, float u, int first, int k)
{
    float y = (float)k * (G->ch + 10 * u);
    for (int r = first; G->rows_vary && r < first + k; r++)
        y += G->row_h[r] - G->ch;
    return y;
}

grid library_grid_layout(const app *a, const exercise *const *ex, const int *col, int n)
{
    ui_ctx ui = app_ui(a);
    grid G;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h, pad = 40 * u;
    G.hd = library_header_layout(a, u);
    G.top = G.hd.h;
    if (a->notice[0])
        G.top += 18 * u;
    recent_row R = library_recent_row(a, G.top);
    if (R.n > 0)
        G.top += R.h + 4 * u;
    G.gap = 24 * u;
    G.cw = (W - 2 * pad - (NCOL - 1) * G.gap) / NCOL;
    G.head = 40 * u;
    for (int c = 0; c < NCOL; c++)
        G.head = fmaxf(G.head, ui_text_h(&ui, library_cat_title(c), (int)lroundf(20 * u), true, G.cw));
    int per[NCOL + 1] = { 0 }, row[MAX_LISTED];
    library_rows_of(a, ex, col, n, row);
    for (int i = 0; i < n; i++)
        per[col[i]] = col[i] == PLAN_COL ? per[col[i]] + 1 : row[i] + 1;
    G.most = 1;
    for (int c = 0; c < NCOL; c++)
        G.most = per[c] > G.most ? per[c] : G.most;
    G.plan_rows = (per[PLAN_COL] + NCOL - 1) / NCOL;
    G.plan_ch = 84 * u;
    G.plan_top = G.top;
    if (G.plan_rows > 0) {
        G.plan_top = G.top + 40 * u;
        G.top = G.plan_top + (float)G.plan_rows * (G.plan_ch + 10 * u) + 10 * u;
    }
    float avail = H - G.top - G.head - 24 * u;
    G.ch = fminf(104 * u, avail / (float)G.most - 10 * u);
    G.title_px = (int)lroundf(20 * u);
    G.npages = 1;
    G.page = 0;
    G.start[0] = 0;
    G.start[1] = G.most;
    G.rows_vary = false;
    G.nav_h = 0;
    if (!library_large_text(a)) {
        /* each card as tall as its summary needs under a one-line title; when a
         * column's cards do not fit so, they go on pages rather than squeeze the
         * summaries (a seventh breathing card once shrank them all to 11 px) */
        float iw = G.cw - 32 * u, need = 0;
        char buf[CARD_TEXT_MAX];
        G.title_px = library_title_px(a, &G, ex, col, n);
        for (int i = 0; i < n; i++) {
            if (col[i] == PLAN_COL)
                continue;
            /* under a one-line title as designed; under one wrapped to two, below it */
            const char *title = app_text(a, &ex[i]->title);
            float tw = library_title_w(a, &G, ex[i]);
            float th = ui_text_w(&ui, title, G.title_px, true) <= tw ? 42 * u
                                                                         : 5 * u + ui_text_h(&ui, title, G.title_px, true, tw);
            need = fmaxf(need, th +
                                   ui_text_h(&ui, library_card_summary(a, ex[i], buf, sizeof buf), (int)lroundf(14 * u),
                                             false, iw));
        }
        if (G.ch >= need)
            return G;
        G.ch = fminf(fmaxf(need, G.ch), 104 * u);
        paginate(a, &G, ex, col, n, avail);
        return G;
    }
    /* titles only, one size for all: the largest at which every card fits one page,
     * else the largest at which each title takes at most two lines (then pages) */
    float sw = app_personal(a) ? 36 * u : 0, iw = G.cw - 32 * u - sw;
    int px0 = G.title_px, min = ui_min_px(&ui, px0), two = 0, one_page = 0;
    char buf[CARD_TEXT_MAX];
    for (int px = px0; px >= min && !one_page; px--) {
        bool all = true;
        float need = 0;
        for (int i = 0; i < n; i++) {
            ui_text_size m = ui_measure(&ui, app_title_tagged(a, ex[i], buf, sizeof buf), px, true, iw);
            all = all && m.lines <= 2 && m.w <= iw;
            need = fmaxf(need, m.h + 16 * u);
        }
        if ((float)G.most * (fmaxf(G.ch, need) + 10 * u) <= avail + 10 * u)
            one_page = px;
        else if (all && !two)
            two = px;
    }
    G.title_px = one_page ? one_page : two ? two : min;
    float need = 0;
    for (int i = 0; i < n; i++)
        need = fmaxf(need, ui_text_h(&ui, app_title_tagged(a, ex[i], buf, sizeof buf), G.title_px, true, iw) + 16 * u);
    G.ch = fmaxf(G.ch, need);
    paginate(a, &G, ex, col, n, avail);
    return G;
}

int library_page_of_row(const grid *G, int r)
{
    int p = 0;
    while (p + 1 < G->npages && G->start[p + 1] <= r)
        p++;
    return p;
}
