/* scene_kiosk_library: the exercises a kiosk offers as big cards (widgets
 * "exercise:<id>") and a "back" button to the attract loop; cards that do not all fit go
 * on pages ("page:next", "page:previous"). Touch only; no text entry. It owns the list of
 * exercises offered (kiosk_offered, the attract screen's cards too) and the page shown
 * (its state, kiosk_scenes.h); the kiosk's settings are mode_kiosk's (app_kiosk_config). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/kiosk_scenes.h"
#include "app/mode_kiosk.h"
#include "app/ui.h"
#include "core/i18n.h"

#define MAX_CARDS KIOSK_OFFERED_MAX

static struct kiosk_library_st *LST(const app *a) { return app_state(a, SCENE_KIOSK_LIBRARY); }

int kiosk_offered(const app *a, const exercise **out)
{
    int n = 0, total = a->packs ? pack_set_exercise_count(a->packs) : 0;
    const kiosk_config *c = app_kiosk_config(a);
    if (c->nexercise > 0) {
        for (int i = 0; i < c->nexercise && n < MAX_CARDS; i++) {
            const exercise *e = pack_set_find(a->packs, c->exercise[i]);
            if (e)
                out[n++] = e;
        }
        return n;
    }
    for (int i = 0; i < total && n < MAX_CARDS; i++) {
        const exercise *e = pack_set_exercise_at(a->packs, i);
        if (kiosk_offers(c, e->id, e->unattended))
            out[n++] = e;
    }
    return n;
}

/* Where the cards go. The header (Back and the title, as tall as they need), then a
 * grid: as many columns as designed for the number of cards (up to 4), or fewer, titles
 * on two lines at most, or three, at one size from the largest down to the smallest
 * allowed (ui_min_px), whichever puts the cards on the fewest pages (the designed
 * columns, two lines, the largest size when that is a tie; at 100% text, titles as
 * large as fit their lines). With large text, cards in one or two columns may carry
 * their length at the end of the title's first line instead of under it, each row then
 * as tall as its own titles, and the margins may tighten, where that puts more cards on
 * a page: a visitor at a touch screen gets as many large cards as fit. The cards fill the height between the header and the page
 * buttons (on one page, up to 260 tall); on a page where every card has room for its
 * summary, they say it too. What does not fit the screen goes on pages, with Previous
 * page and Next page at the bottom (widgets page:previous, page:next). */
typedef struct klay {
    float pad, gap, bw, bh, head_y, head_h, top, foot, cw, nav_h, title_h, sub_h, len_w, pv;
    int n, cols, pages, page, title_px, len_px, sum_px;
    bool beside;                    /* the length on the title's first line, at its end */
    int start[MAX_CARDS + 1];       /* each page's first card; start[pages] = n */
    float row_y[MAX_CARDS], row_h[MAX_CARDS]; /* the rows of cards (card i's is i / cols) */
} klay;

/* The widest single word of s at px: a word wider than its line is broken mid-word
 * ("Resonanzat-mung"), which no wrapped width shows. */
static float klib_widest_word(const app *a, const char *s, int px)
{
    ui_ctx ui = app_ui(a);
    float most = 0;
    char word[128];
    while (*s) {
        size_t k = strcspn(s, " ");
        if (k > 0 && k < sizeof word) {
            memcpy(word, s, k);
            word[k] = 0;
            most = fmaxf(most, ui_text_w(&ui, word, px, true));
        }
        s += k;
        s += strspn(s, " ");
    }
    return most;
}

/* The header and the margins: as designed, or tight (large text, where that gains cards). */
static void klib_chrome(const app *a, klay *K, bool tight)
{
    ui_ctx ui = app_ui(a);
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    K->pad = 48 * u;
    K->gap = (tight ? 20 : 28) * u;
    K->head_y = (tight ? 16 : 28) * u;
    K->foot = (tight ? 24 : 48) * u;
    const char *back = _("Back"), *title = _("Choose an exercise");
    K->bw = fmaxf(ui_button_w(&ui, back, 200 * u), ui_button_w(&ui, _("Help"), 200 * u)); /* Back left, Help right */
    K->bh = ui_button_h(&ui, back, K->bw, fmaxf(72 * u, fminf(W, H) * 0.1f));
    float tw = W - 2 * K->pad - 2 * (K->bw + 20 * u);
    int tpx = (int)lroundf(34 * u);
    float th = ui_line_fits(&ui, title, tpx, true, tw) ? ui_text_h(&ui, title, tpx, true, 0)
                                                    : ui_text_h(&ui, title, ui_min_px(&ui, tpx), true, tw);
    K->head_h = fmaxf(K->bh, th);
    K->top = K->head_y + K->head_h + (tight ? 20 : 36) * u;
    const char *lab[2] = { _("Previous page"), _("Next page") };
    K->nav_h = K->bh;
    for (int i = 0; i < 2; i++)
        K->nav_h = fmaxf(K->nav_h, ui_button_h(&ui, lab[i], ui_button_w(&ui, lab[i], 200 * u), K->bh));
}

/* The rows from r0 (k of them) as tall as they need, grown to target each when all fit
 * it, else by an equal share of what space leaves; placed from the top. */
static void klib_rows(klay *K, const float *need, int r0, int k, float space, float target, bool grow)
{
    float sum = 0;
    bool all = true;
    for (int r = r0; r < r0 + k; r++) {
        sum += need[r];
        all &= need[r] <= target;
    }
    float extra = grow && sum < space ? (space - sum) / (float)k : 0, y = K->top;
    for (int r = r0; r < r0 + k; r++) {
        K->row_h[r] = all ? target : need[r] + extra;
        K->row_y[r] = y;
        y += K->row_h[r] + K->gap;
    }
}

/* One way of laying the cards out, if every title fits it: its rows and pages into K.
 * force: whatever does not fit (a title too long, a row too tall) is laid out anyway. */
static bool klib_try(const app *a, const exercise *const *ex, int n, klay *K, int cols, int lines, bool beside,
                     int px, bool force)
{
    ui_ctx ui = app_ui(a);
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    float cw = (W - 2 * K->pad - K->gap * (float)(cols - 1)) / (float)cols, iw = cw - 56 * u;
    if (beside && cols > 2) /* on a narrow card the title would be squeezed for it */
        return false;
    if (beside)
        iw -= K->len_w + 16 * u;
    float th[MAX_CARDS], tall = 0;
    char buf[512];
    for (int i = 0; i < n; i++) {
        const char *t = app_title_tagged(a, ex[i], buf, sizeof buf); /* "(in English)" where it is */
        ui_text_size m = ui_measure(&ui, t, px, true, iw);
        if (!force && !(m.w <= iw + 1 && m.lines <= lines && klib_widest_word(a, t, px) <= iw + 1))
            return false;
        th[i] = m.h;
        tall = fmaxf(tall, m.h);
    }
    K->pv = (beside ? 14 : 20) * u;
    int nrows = n > cols ? (n + cols - 1) / cols : 1;
    float need[MAX_CARDS], most = 0, sum = 0;
    for (int r = 0; r < nrows; r++) { /* stacked, every card as the tallest title needs */
        need[r] = beside ? 0 : fmaxf(113 * u, 20 * u + tall + 8 * u + K->sub_h + 20 * u);
        for (int i = r * cols; beside && i < n && i < (r + 1) * cols; i++)
            need[r] = fmaxf(need[r], fmaxf(113 * u, 2 * K->pv + fmaxf(th[i], K->sub_h)));
        most = fmaxf(most, need[r]);
        sum += need[r] + (r ? K->gap : 0);
    }
    K->n = n;
    K->cols = cols;
    K->cw = cw;
    K->title_px = px;
    K->title_h = tall;
    K->beside = beside;
    float avail = H - K->top - K->foot;
    if (sum <= avail) { /* one page: up to 260 tall */
        K->pages = 1;
        K->start[0] = 0;
        K->start[1] = n;
        float share = (avail - K->gap * (float)(nrows - 1)) / (float)nrows;
        klib_rows(K, need, 0, nrows, avail - K->gap * (float)(nrows - 1), fminf(share, fmaxf(260 * u, most)), false);
        return true;
    }
    avail -= K->nav_h + K->gap; /* pages, with room for turning them */
    int first[MAX_CARDS + 1], pages = 0;
    for (int r = 0; r < nrows;) {
        if (need[r] > avail && !force)
            return false; /* not one row: the words would run out of the cards */
        first[pages++] = r;
        float used = need[r++];
        while (r < nrows && used + K->gap + need[r] <= avail)
            used += K->gap + need[r++];
    }
    first[pages] = nrows;
    K->pages = pages;
    float full = 0; /* the rows of the page before the last: the last one's keep their height */
    for (int p = 0; p < pages; p++) {
        int k = first[p + 1] - first[p];
        float space = avail - K->gap * (float)(k - 1);
        if (p + 1 < pages || pages == 1) {
            full = (avail - K->gap * (float)(k - 1)) / (float)k;
            klib_rows(K, need, first[p], k, space, full, true);
        } else
            klib_rows(K, need, first[p], k, space, fminf(full, space / (float)k), false);
        K->start[p] = first[p] * cols;
    }
    K->start[pages] = n;
    for (int r = 0; r < nrows; r++) /* never over the page buttons */
        K->row_h[r] = fminf(K->row_h[r], avail);
    return true;
}

static klay klib_layout(const app *a, const exercise *const *ex, int n)
{
    ui_ctx ui = app_ui(a);
    klay K = { 0 }, best = { 0 }, k;
    float u = app_unit(a);
    K.len_px = (int)lroundf(24 * u);
    K.sum_px = (int)lroundf(20 * u);
    K.sub_h = fmaxf(ui_text_h(&ui, "0:00", K.len_px, false, 0), 24 * u);
    for (int i = 0; i < n; i++) {
        char len[64];
        K.len_w = fmaxf(K.len_w, ui_text_w(&ui, app_length_short(ex[i], len, sizeof len), K.len_px, false));
    }
    int designed = n <= 2 ? (n > 0 ? n : 1) : n <= 4 ? 2 : n <= 9 ? 3 : 4;
    int px0 = (int)lroundf(32 * u), pmin = ui_min_px(&ui, px0);
    /* at the designed text size, the designed cards: titles as large as fit, the length
     * under them, the margins as drawn */
    bool large = a->view.text_scale > 1.01f, found = false;
    for (int tight = 0; tight < (large ? 2 : 1) && !(found && best.pages == 1); tight++) {
        klib_chrome(a, &K, tight);
        for (int c = 0; c < 2 * designed && !(found && best.pages == 1); c++)
            for (int beside = 0; beside < (large ? 2 : 1); beside++)
                for (int px = px0; px >= pmin; px--) {
                    k = K;
                    if (!klib_try(a, ex, n, &k, designed - c / 2, 2 + c % 2, beside, px, false))
                        continue;
                    if (!found || k.pages < best.pages) {
                        found = true;
                        best = k;
                    }
                    if (!large)
                        break;
                }
    }
    if (!found) { /* a title too long for any: one column, on as many lines as it takes */
        best = K;
        klib_try(a, ex, n > 0 ? n : 0, &best, 1, 99, false, pmin, true);
    }
    int page = LST(a)->page;
    best.page = page < 0 ? 0 : page >= best.pages ? best.pages - 1 : page;
    return best;
}

static int klib_page_of(const klay *K, int i)
{
    int p = 0;
    while (p + 1 < K->pages && K->start[p + 1] <= i)
        p++;
    return p;
}

static void klib_activate(app *a, const char *w)
{
    if (!strcmp(w, "back"))
        app_kiosk_reset(a, "back");
    else if (!strncmp(w, "exercise:", 9))
        app_choose_exercise(a, w + 9);
    else if (!strcmp(w, "page:next") || !strcmp(w, "page:previous")) {
        const exercise *ex[MAX_CARDS];
        int n = kiosk_offered(a, ex);
        klay K = klib_layout(a, ex, n);
        int p = K.page + (w[5] == 'n' ? 1 : -1);
        LST(a)->page = p < 0 ? 0 : p >= K.pages ? K.pages - 1 : p;
        a->focus.index = K.start[LST(a)->page]; /* the focus on the page's first card */
    }
}

static bool klib_event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const exercise *ex[MAX_CARDS];
    int n = kiosk_offered(a, ex);
    if (n == 0)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Right") || !strcmp(k, "Down") || !strcmp(k, "dpright") || !strcmp(k, "dpdown"))
        a->focus.index = (a->focus.index + 1) % n;
    else if (!strcmp(k, "Left") || !strcmp(k, "Up") || !strcmp(k, "dpleft") || !strcmp(k, "dpup"))
        a->focus.index = (a->focus.index + n - 1) % n;
    else if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a")) {
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[a->focus.index < n ? a->focus.index : 0]->id);
        app_press(a, id);
        return true;
    } else
        return false;
    klay K = klib_layout(a, ex, n);
    LST(a)->page = klib_page_of(&K, a->focus.index); /* the focus moved onto a card: its page */
    a->ui_stale = true;
    return true;
}

/* The summary's size and height on a card rc (0: it has no room for all of it). */
static float klib_summary(const app *a, const klay *K, const exercise *e, gw_rect rc, float block, int *px)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), iw = rc.w - 56 * u, room = rc.h - 2 * K->pv - block - 10 * u;
    const char *sum = app_text(a, &e->summary);
    *px = 0;
    if (!sum[0] || room <= 0)
        return 0;
    *px = ui_fit_px(&ui, sum, K->sum_px, ui_min_px(&ui, K->sum_px), false, iw, room);
    return ui_text_fits(&ui, sum, *px, false, iw, room) ? ui_text_h(&ui, sum, *px, false, iw) : 0;
}

/* The height of a card's title, and of its title and length together. */
static float klib_block(const app *a, const klay *K, const exercise *e, float *th)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), tw = K->cw - 56 * u - (K->beside ? K->len_w + 16 * u : 0);
    char buf[512];
    /* stacked, every card's length at one height; beside, the title as tall as it is */
    *th = K->beside ? ui_text_h(&ui, app_title_tagged(a, e, buf, sizeof buf), K->title_px, true, tw) : K->title_h;
    return K->beside ? fmaxf(*th, K->sub_h) : *th + 8 * u + K->sub_h;
}

/* A card's words: the title, its length under it (or at the end of its first line), and
 * the summary under them when say_summary; centred together. */
static void klib_card_text(const app *a, draw_list *l, const klay *K, const exercise *e, gw_rect rc, bool say_summary)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), iw = rc.w - 56 * u, tw = K->beside ? iw - K->len_w - 16 * u : iw, th;
    char buf[512], len[64];
    const char *tt = app_title_tagged(a, e, buf, sizeof buf);
    app_length_short(e, len, sizeof len);
    float block = klib_block(a, K, e, &th);
    int spx = 0;
    float sh = say_summary ? klib_summary(a, K, e, rc, block, &spx) : 0;
    float ty = rc.y + (rc.h - block - (sh > 0 ? 10 * u + sh : 0)) / 2;
    bool one = ui_text_w(&ui, tt, K->title_px, true) <= tw;
    int align = K->beside ? ALIGN_LEFT : ALIGN_CENTER;
    draw_text(l, gw_rc(rc.x + 28 * u, ty, tw, th), tt, K->title_px,
              align | VALIGN_MIDDLE | (one ? TEXT_FIT : 0) | (FONT_BOLD << 8), t->text);
    /* in the home library's words: "4 min", "5 steps" */
    if (K->beside) {
        float lh = ui_text_h(&ui, tt, K->title_px, true, 0); /* level with the title's first line */
        draw_text(l, gw_rc(rc.x + rc.w - 28 * u - K->len_w, ty, K->len_w, fmaxf(lh, K->sub_h)), len, K->len_px,
                  ALIGN_RIGHT | VALIGN_MIDDLE, t->text_dim);
    } else
        draw_text(l, gw_rc(rc.x + 28 * u, ty + th + 8 * u, iw, K->sub_h), len, K->len_px, ALIGN_CENTER | VALIGN_MIDDLE,
                  t->text_dim);
    if (sh > 0)
        draw_text(l, gw_rc(rc.x + 28 * u, ty + block + 10 * u, iw, sh), app_text(a, &e->summary), spx, align,
                  t->text_dim);
}

static gw_rect klib_card_rect(const klay *K, int i, float dx, float dy)
{
    int r = i / K->cols, c = i % K->cols;
    return gw_rc(K->pad + (float)c * (K->cw + K->gap) + dx, K->row_y[r] + dy, K->cw, K->row_h[r]);
}

static void klib_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    float dx, dy;
    kiosk_burnin_offset(a->now, 6 * u, &dx, &dy);
    dx = roundf(dx);
    dy = roundf(dy);
    const exercise *ex[MAX_CARDS];
    int n = kiosk_offered(a, ex);
    klay K = klib_layout(a, ex, n);
    float pad = K.pad;
    const char *title = _("Choose an exercise");
    int tpx = (int)lroundf(34 * u);
    float tx = pad + K.bw + 20 * u, tw = W - 2 * tx, th = K.head_h, hy = K.head_y;
    ui_button(&ui, l, "back", gw_rc(pad + dx, hy + (th - K.bh) / 2 + dy, K.bw, K.bh), _("Back"), false, false);
    /* the safety line one tap away, here too */
    ui_safety_button_at(&ui, l, gw_rc(W - pad - K.bw + dx, hy + (th - K.bh) / 2 + dy, K.bw, K.bh));
    if (ui_line_fits(&ui, title, tpx, true, tw))
        draw_text(l, gw_rc(tx + dx, hy + dy, tw, th), title, tpx,
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
    else
        draw_text(l, gw_rc(tx + dx, hy + dy, tw, th), title, ui_min_px(&ui, tpx),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    if (n == 0) {
        const char *none = _("No exercises are available right now.");
        int px = (int)lroundf(28 * u);
        float h = fmaxf(80 * u, ui_text_h(&ui, none, px, false, W - 2 * pad));
        draw_text(l, gw_rc(pad, H / 2 - h / 2, W - 2 * pad, h), none, px, ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        return;
    }
    int first = K.start[K.page], end = K.start[K.page + 1];
    bool summaries = true; /* on every card of the page, or on none */
    for (int i = first; i < end && summaries; i++) {
        float th2;
        int spx;
        summaries = klib_summary(a, &K, ex[i], klib_card_rect(&K, i, 0, 0), klib_block(a, &K, ex[i], &th2), &spx) > 0;
    }
    for (int i = first; i < end; i++) {
        bool focused = i == a->focus.index;
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[i]->id);
        gw_rect rc = ui_card(&ui, l, id, klib_card_rect(&K, i, dx, dy), 24 * u, focused, t->surface_hi);
        {
            char tb[512], lw[64];
            draw_widget_describe(l, ROLE_EXERCISE, app_title_tagged(a, ex[i], tb, sizeof tb),
                                 app_length_words(ex[i], lw, sizeof lw));
        }
        klib_card_text(a, l, &K, ex[i], rc, summaries);
    }
    if (K.pages > 1) {
        const char *prev = _("Previous page"), *next = _("Next page");
        char where[64];
        snprintf(where, sizeof where, _("Page %d of %d"), K.page + 1, K.pages);
        int wpx = (int)lroundf(24 * u);
        float pw = ui_button_w(&ui, prev, 200 * u), xw = ui_button_w(&ui, next, 200 * u);
        float mid = fmaxf(ui_text_w(&ui, where, wpx, false), 140 * u), g = 24 * u;
        float x = (W - pw - xw - mid - 2 * g) / 2, y = H - K.foot - K.nav_h;
        if (K.page > 0)
            ui_button(&ui, l, "page:previous", gw_rc(x + dx, y + dy, pw, K.nav_h), prev, false, false);
        draw_text(l, gw_rc(x + pw + g + dx, y + dy, mid, K.nav_h), where, wpx, ALIGN_CENTER | VALIGN_MIDDLE,
                  t->text_dim);
        if (K.page + 1 < K.pages)
            ui_button(&ui, l, "page:next", gw_rc(x + pw + mid + 2 * g + dx, y + dy, xw, K.nav_h), next, false, true);
    }
}

static gw_ns klib_next_change(const app *a)
{
    return a->now + GW_SEC(1); /* the burn-in drift */
}

const scene_vt scene_kiosk_library = {
    .id = SCENE_KIOSK_LIBRARY,
    .name = "kiosk_library",
    .focus_keys = FOCUS_TAB_OWN, /* the arrows move over the cards */
    .event = klib_event,
    .activate = klib_activate,
    .draw = klib_draw,
    .next_change = klib_next_change,
    .state_size = sizeof(struct kiosk_library_st),
};
