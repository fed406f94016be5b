/* scene_resonance: the resonance assessment (exercise kind "resonance"). Its breathing
 * is the pacer's (pacer.c runs the blocks through core/res_run; the pacer scene's table
 * draws and answers it), with the rate and block above the figure; heart beats and the
 * measures are app_hr.c's. Before it, without a heart-rate source, a page says that a
 * heart-rate strap is needed and offers breathing at the usual rate instead; after it,
 * the result: the rate chosen, or that none was clear or the data were not enough, and
 * each block's swing, low-frequency power and clean beats.
 * Widget ids: those of the pacer while breathing (Longer and Shorter do nothing: the
 * rates are the assessment); `res-practice` (breathe at the rate offered), `back` (no
 * sensor); `done`, `again`, `res-practice` (result). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

static const scene_vt *pacer_vt(const app *a) { return app_scene(a, SCENE_PACER); }

/* Which page shows: the assessment could not start (no source), is running, or ended. */
enum { RES_RUNNING, RES_NO_SENSOR, RES_RESULT };

static int res_page(const app *a)
{
    if (app_hr_outcome(a, NULL, NULL) != HR_NONE && !a->ex_active)
        return RES_RESULT;
    if (a->ex_active && !app_hr_source(a) && pacer_breath(a)->stage != BREATH_STAGE_DONE)
        return RES_NO_SENSOR;
    return RES_RUNNING;
}

static void res_num(char *buf, size_t n, double rate, bool trim) { app_hr_rate_text(buf, n, rate, trim); }

static void res_rate(char *buf, size_t n, double rate) { res_num(buf, n, rate, false); }

/* The rate offered for practice: the one just found, else the person's from the
 * practice log, else the usual 6. */
static double res_offer(const app *a)
{
    double r = app_hr_chosen_rate(a);
    if (r <= 0)
        r = app_home_resonance_rate(a, NULL);
    return r > 0 ? r : 6.0;
}

static void res_enter(app *a)
{
    pacer_vt(a)->enter(a);
    if (res_page(a) == RES_NO_SENSOR)
        app_set_paused(a, true); /* nothing runs until the person chooses */
}

/* Breathing at the rate offered: the exercise the assessment names for practice. */
static void res_practice(app *a)
{
    const exercise *e = a->ex;
    double rate = res_offer(a);
    if (!e || !e->res_practice || !app_start_exercise(a, e->res_practice))
        return;
    pacer_set_rate(a, rate);
}

static void res_activate(app *a, const char *w)
{
    int page = res_page(a);
    if (page == RES_RUNNING) {
        /* the rates are the assessment: its pace is not changed */
        if (strcmp(w, "longer") && strcmp(w, "shorter"))
            pacer_vt(a)->activate(a, w);
        return;
    }
    struct hr_st *st = app_state(a, SCENE_RESONANCE);
    if (!strcmp(w, "page:next"))
        st->page++;
    else if (!strcmp(w, "page:previous") && st->page > 0)
        st->page--;
    else if (!strcmp(w, "res-practice"))
        res_practice(a);
    else if (!strcmp(w, "again") && a->ex)
        app_start_exercise(a, a->ex->id);
    else if (!strcmp(w, "back") || !strcmp(w, "done"))
        app_leave_exercise(a);
}

static bool res_event(app *a, const gw_event *e)
{
    if (res_page(a) == RES_RUNNING) {
        static const char *const pace[] = { "Up", "Down", "Left", "Right", "dpup", "dpdown", "dpleft", "dpright" };
        for (size_t i = 0; (e->type == EV_KEY || e->type == EV_BUTTON) && i < sizeof pace / sizeof *pace; i++)
            if (!strcmp(e->key, pace[i]))
                return true; /* the rates are the assessment: its pace is not changed */
        return pacer_vt(a)->event(a, e);
    }
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    if (!strcmp(e->key, "Escape") || !strcmp(e->key, "b")) {
        app_leave_exercise(a);
        return true;
    }
    if (!strcmp(e->key, "Return") || !strcmp(e->key, "a")) {
        res_activate(a, res_page(a) == RES_RESULT ? "done" : "res-practice");
        return true;
    }
    return false;
}

static gw_ns res_next_change(const app *a)
{
    return res_page(a) == RES_RUNNING ? pacer_vt(a)->next_change(a) : GW_NEVER;
}

/* The rate and block over the figure, under the top bar. */
static void res_draw_block(const app *a, draw_list *l)
{
    int k;
    double rate;
    const breath_state *s = pacer_breath(a);
    if (!pacer_block(a, &k, &rate) || s->stage == BREATH_STAGE_DONE)
        return;
    ui_ctx ui = app_ui(a);
    float u = app_unit(a);
    char r[16], line[160];
    res_rate(r, sizeof r, rate);
    snprintf(line, sizeof line, _("%s breaths a minute · rate %d of %d"), r, k + 1, RES_BLOCKS);
    int px = (int)lroundf(20 * u);
    float y = ui_top_bar_buttons_bottom(&ui) + 4 * u;
    /* in the middle of the screen, clear of the controls (a column at one side with large text) */
    float w = 0.44f * (float)a->w;
    draw_text(l, gw_rc(((float)a->w - w) / 2, y, w, ui_text_h(&ui, line, px, false, 0)), line, px,
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, a->th->text_dim);
}

/* A screen of the assessment's own (no sensor, the result): texts and the table of
 * blocks in a column under the bar, the buttons at the foot. With large text what does
 * not fit goes on further pages (page:next, page:previous beside the buttons). */
typedef struct res_item {
    const char *text;      /* NULL: the table of blocks, or with `row` a block's line */
    int px;
    bool bold, dim;
    bool row;              /* large text: block `block` as a line of its own */
    int block;
} res_item;

#define RES_ITEMS (4 + RES_BLOCKS)

typedef struct res_screen {
    res_item item[RES_ITEMS];
    int n;
    ui_item button[5];
    int nbutton;
    const res_block *blocks;
    int nblock, chosen;
} res_screen;

static float res_col_w(const app *a)
{
    float u = app_unit(a), W = (float)a->w;
    return fminf(W - 96 * u, 900 * u);
}

/* The cells of block i: rate, swing (in the form `brief`, see res_table), low-frequency
 * power, share of clean beats. */
static void res_cells(const res_screen *sc, int i, int brief, char cell[4][64])
{
    const char *swing_fmt[3] = { _("%s beats a minute"), _("%s bpm"), "%s" };
    const res_block *b = &sc->blocks[i];
    res_rate(cell[0], 64, b->rate_bpm);
    if (b->valid) {
        char sw[16];
        res_rate(sw, sizeof sw, b->swing_bpm);
        snprintf(cell[1], 64, swing_fmt[brief], sw);
        char lf[32];
        snprintf(lf, sizeof lf, "%.0f ms²", b->lf_ms2);
        i18n_ltr(cell[2], 64, lf); /* in a right-to-left sentence "ms²" would go before the number */
    } else {
        snprintf(cell[1], 64, "%s", _("not enough data"));
        snprintf(cell[2], 64, "–");
    }
    int total = b->used + b->rejected;
    /* the language's percentage ("95%", "95 %"), kept whole and left to right in a
     * right-to-left sentence, where its sign would otherwise stand apart ("% 95") */
    char pct[32];
    snprintf(pct, sizeof pct, _("%d%%"), total ? (int)lround(100.0 * b->used / total) : 0);
    i18n_ltr(cell[3], 64, pct);
}

/* The table: a header row (wrapped) and a row per block (one line each). */
static float res_table(const app *a, draw_list *l, float y, const res_screen *sc)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), cw = res_col_w(a), x = ((float)a->w - cw) / 2;
    int px = (int)lroundf(19 * u);
    const char *head[4] = { _("Breaths a minute"), _("Heart-rate swing"), _("Low-frequency power"), _("Clean beats") };
    float col = cw / 4, rh = 34 * u;
    for (int c = 0; c < 4; c++)
        rh = fmaxf(rh, ui_text_h(&ui, head[c], px, true, col - 8 * u));
    for (int c = 0; l && c < 4; c++)
        draw_text(l, gw_rc(x + c * col, y, col - 8 * u, rh), head[c], px, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
                  a->th->text_dim);
    float top = y;
    y += rh;
    float row = fmaxf(32 * u, ui_text_h(&ui, "0", px, false, 0) + 6 * u);
    /* the swing with its unit in words, or (large text, a narrow column) in short, or
     * the number alone under its heading */
    int brief = 0;
    for (int i = 0; i < sc->nblock; i++)
        for (char cell[4][64]; brief < 2; brief++) {
            res_cells(sc, i, brief, cell);
            if (ui_text_w(&ui, cell[1], px, i == sc->chosen) <= col - 8 * u)
                break;
        }
    for (int i = 0; i < sc->nblock; i++, y += row) {
        if (!l)
            continue;
        char cell[4][64];
        res_cells(sc, i, brief, cell);
        if (i == sc->chosen)
            draw_rect(l, gw_rc(x, y, cw, row), 8 * u, a->th->surface_hi);
        for (int c = 0; c < 4; c++)
            draw_text(l, gw_rc(x + c * col, y, col - 8 * u, row), cell[c], px,
                      ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (i == sc->chosen ? FONT_BOLD << 8 : 0), a->th->text);
    }
    return y - top;
}

/* Large text: a block as a line of its own, the figures named. */
static void res_row_text(const res_screen *sc, int i, char *out, size_t n)
{
    char cell[4][64];
    res_cells(sc, i, 1, cell);
    snprintf(out, n, _("%s breaths a minute: swing %s, low-frequency power %s, %s clean beats"), cell[0], cell[1],
             cell[2], cell[3]);
}

static int res_row_px(const app *a) { return (int)lroundf(19 * app_unit(a)); }

static float res_item_h(const app *a, const res_screen *sc, int i)
{
    ui_ctx ui = app_ui(a);
    const res_item *it = &sc->item[i];
    if (it->row) {
        char line[320];
        res_row_text(sc, it->block, line, sizeof line);
        return ui_text_h(&ui, line, res_row_px(a), it->block == sc->chosen, res_col_w(a) - 24 * app_unit(a)) +
               10 * app_unit(a);
    }
    return it->text ? ui_text_h(&ui, it->text, it->px, it->bold, res_col_w(a)) : res_table(a, NULL, 0, sc);
}

/* Whether the table reads well in `room`: every heading on at most two lines with no
 * word broken, every cell whole, and the whole of it on one page. */
static bool res_table_fits(const app *a, const res_screen *sc, float room)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), col = res_col_w(a) / 4 - 8 * u;
    int px = res_row_px(a);
    const char *head[4] = { _("Breaths a minute"), _("Heart-rate swing"), _("Low-frequency power"), _("Clean beats") };
    float line = ui_text_h(&ui, "0", px, true, 0);
    for (int c = 0; c < 4; c++) {
        if (ui_text_h(&ui, head[c], px, true, col) > 2 * line + 1)
            return false;
        char word[64];
        for (const char *w = head[c]; *w;) {
            size_t k = strcspn(w, " ");
            snprintf(word, sizeof word, "%.*s", (int)k, w);
            if (ui_text_w(&ui, word, px, true) > col)
                return false;
            w += k + (w[k] == ' ');
        }
    }
    for (int i = 0; i < sc->nblock; i++) {
        char cell[4][64];
        res_cells(sc, i, 2, cell);
        for (int c = 0; c < 4; c++)
            if (ui_text_w(&ui, cell[c], px, i == sc->chosen) > col)
                return false;
    }
    return res_table(a, NULL, 0, sc) <= room;
}

/* The table as a line per block (large text, when it does not read well as a table). */
static void res_table_as_rows(res_screen *sc)
{
    for (int i = 0; i < sc->n; i++) {
        if (sc->item[i].text || sc->item[i].row || sc->n - 1 + sc->nblock > RES_ITEMS)
            continue;
        memmove(&sc->item[i + sc->nblock], &sc->item[i + 1], sizeof *sc->item * (size_t)(sc->n - i - 1));
        for (int k = 0; k < sc->nblock; k++)
            sc->item[i + k] = (res_item){ .row = true, .block = k };
        sc->n += sc->nblock - 1;
        return;
    }
}

/* The page each item goes on (into pg), and how many pages. */
static int res_paginate(const app *a, const res_screen *sc, float room, int *pg)
{
    float u = app_unit(a), used = 0;
    int page = 0;
    for (int i = 0; i < sc->n; i++) {
        float h = res_item_h(a, sc, i) + (used > 0 ? 14 * u : 0);
        if (used > 0 && used + h > room) {
            page++;
            used = 0;
            h -= 14 * u;
        }
        pg[i] = page;
        used += h;
    }
    return page + 1;
}

static void res_screen_draw(const app *a, draw_list *l, float bar, res_screen *sc)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), W = (float)a->w, H = (float)a->h, cw = res_col_w(a), x = (W - cw) / 2;
    const struct hr_st *st = app_state(a, SCENE_RESONANCE);
    /* the buttons first (with the page buttons when there are pages): their height.
     * The room is what is left with both page buttons and the page count ("Page 1 of
     * 2", over the buttons, as every paged screen says), whichever page shows, so every
     * page is cut alike and the last one is always reached */
    int pg[RES_ITEMS], pages = 1, page = 0;
    ui_item items[7];
    int nb = 0;
    float bh = 0, room = 0;
    int ppx = (int)lroundf(20 * u);
    float ph = ui_text_h(&ui, _("Page %d of %d"), ppx, false, cw);
    for (int pass = 0; pass < 3; pass++) {
        for (int both = 0; both < 2; both++) {
            nb = 0;
            for (int i = 0; i < sc->nbutton; i++)
                items[nb++] = sc->button[i];
            if (pages > 1) {
                page = st->page < pages ? st->page : pages - 1;
                if (page > 0 || !both)
                    items[nb++] = (ui_item){ .id = "page:previous", .label = _("Previous page"), .min_w = 200 * u };
                if (page < pages - 1 || !both)
                    items[nb++] = (ui_item){ .id = "page:next", .label = _("Next page"), .min_w = 200 * u };
            }
            bh = ui_button_flow(&ui, NULL, x, 0, cw, 64 * u, 20 * u, items, nb, false) + (pages > 1 ? ph + 12 * u : 0);
            if (!both)
                room = H - bar - 16 * u - bh - 40 * u;
        }
        for (int i = 0; i < sc->n; i++)
            if (!sc->item[i].text && !sc->item[i].row && !res_table_fits(a, sc, room))
                res_table_as_rows(sc);
        int p = res_paginate(a, sc, room, pg);
        if (p == pages)
            break;
        pages = p;
    }
    float y = bar + 16 * u;
    for (int i = 0; i < sc->n; i++) {
        if (pg[i] != page)
            continue;
        const res_item *it = &sc->item[i];
        float h = res_item_h(a, sc, i);
        if (it->row) {
            char line[320];
            bool chosen = it->block == sc->chosen;
            res_row_text(sc, it->block, line, sizeof line);
            if (chosen)
                draw_rect(l, gw_rc(x, y, cw, h), 8 * u, a->th->surface_hi);
            draw_text(l, gw_rc(x + 12 * u, y, cw - 24 * u, h), line, res_row_px(a),
                      ALIGN_CENTER | VALIGN_MIDDLE | (chosen ? FONT_BOLD << 8 : 0), a->th->text);
        } else if (it->text)
            draw_text(l, gw_rc(x, y, cw, h), it->text, it->px,
                      ALIGN_CENTER | VALIGN_TOP | (it->bold ? FONT_BOLD << 8 : 0), it->dim ? a->th->text_dim : a->th->text);
        else
            res_table(a, l, y, sc);
        y += h + 14 * u;
    }
    float foot = fminf(y + 12 * u, H - 24 * u - bh);
    if (pages > 1) {
        char where[64];
        snprintf(where, sizeof where, _("Page %d of %d"), page + 1, pages);
        draw_text(l, gw_rc(x, foot, cw, ph), where, ppx, ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, a->th->text_dim);
        foot += ph + 12 * u;
    }
    ui_button_flow(&ui, l, x, foot, cw, 64 * u, 20 * u, items, nb, false);
}

static void res_draw_no_sensor(const app *a, draw_list *l, float bar)
{
    float u = app_unit(a);
    char r[16], offer[160], own[320];
    res_num(r, sizeof r, res_offer(a), true);
    snprintf(offer, sizeof offer, _("Breathe at %s a minute"), r);
    const char *day, *without = _("Without one, you can breathe at the usual resonance rate: about 6 breaths a minute, "
                                  "out longer than in.");
    if (app_home_resonance_rate(a, &day) > 0) {
        int y, mo = 0, d = 0;
        char when[32] = "";
        if (sscanf(day, "%d-%d-%d", &y, &mo, &d) == 3)
            i18n_day_month(when, sizeof when, d, mo);
        snprintf(own, sizeof own, _("Without one, you can breathe at the resonance rate you found on %s: %s breaths a "
                                    "minute."), when, r);
        without = own;
    }
    res_screen sc = {
        .item = {
            { .text = _("This needs a heart-rate sensor"), .px = (int)lroundf(34 * u), .bold = true },
            { .text = _("The assessment measures how your heart rate rises and falls with each breath, so it needs a "
                        "Bluetooth heart-rate strap (a chest strap gives the cleanest data). Put one on, connect it, "
                        "then start again."),
              .px = (int)lroundf(22 * u), .dim = true },
            { .text = without, .px = (int)lroundf(22 * u), .dim = true },
        },
        .n = 3,
        .button = { { .id = "res-practice", .label = offer, .min_w = 300 * u, .primary = true } },
        .nbutton = a->ex && a->ex->res_practice ? 1 : 0,
    };
    res_screen_draw(a, l, bar, &sc);
}

static void res_draw_result(const app *a, draw_list *l, float bar)
{
    float u = app_unit(a);
    res_screen sc = { .n = 4 };
    hr_outcome o = app_hr_outcome(a, &sc.blocks, &sc.nblock);
    sc.chosen = app_hr_chosen(a);
    char r[16], head[160], offer[160];
    res_rate(r, sizeof r, app_hr_chosen_rate(a));
    const char *why;
    if (o == HR_CHOSEN) {
        snprintf(head, sizeof head, _("Your resonance rate: %s breaths a minute"), r);
        why = _("Your heart rate swung most with your breath at this rate. Practising at it is the core of "
                "heart-rate biofeedback.");
    } else if (o == HR_NO_WINNER) {
        snprintf(head, sizeof head, "%s", _("No clear resonance rate this time"));
        why = _("No rate made your heart rate swing clearly more than the others. Try again another day, "
                "rested and sitting comfortably.");
    } else {
        snprintf(head, sizeof head, "%s", _("Not enough clean heart-rate data"));
        why = _("Too many beats were missed or unclear to compare the rates. Check that the strap is moist "
                "and snug, then try again.");
    }
    sc.item[0] = (res_item){ .text = head, .px = (int)lroundf(32 * u), .bold = true };
    sc.item[1] = (res_item){ .text = why, .px = (int)lroundf(20 * u), .dim = true };
    sc.item[2] = (res_item){ .text = _("A practice aid, not a measurement of your health."), .px = (int)lroundf(17 * u),
                             .dim = true };
    sc.item[3] = (res_item){ .text = NULL }; /* the table */
    res_num(r, sizeof r, res_offer(a), true);
    snprintf(offer, sizeof offer, _("Breathe at %s a minute"), r);
    sc.button[0] = (ui_item){ .id = "done", .label = _("Finish"), .min_w = 200 * u, .primary = true };
    sc.button[1] = (ui_item){ .id = "again", .label = _("Again"), .min_w = 200 * u };
    sc.button[2] = (ui_item){ .id = "res-practice", .label = offer, .min_w = 260 * u };
    sc.nbutton = a->ex && a->ex->res_practice ? 3 : 2;
    res_screen_draw(a, l, bar, &sc);
}

static void res_draw(const app *a, draw_list *l)
{
    int page = res_page(a);
    if (page == RES_RUNNING) {
        pacer_vt(a)->draw(a, l);
        res_draw_block(a, l);
        return;
    }
    ui_ctx ui = app_ui(a);
    float bar = ui_top_bar(&ui, l, a->ex ? app_text(a, &a->ex->title) : "");
    if (page == RES_NO_SENSOR)
        res_draw_no_sensor(a, l, bar);
    else
        res_draw_result(a, l, bar);
}

const scene_vt scene_resonance = {
    .id = SCENE_RESONANCE,
    .name = "resonance",
    .focus_keys = FOCUS_TAB,
    .enter = res_enter,
    .event = res_event,
    .activate = res_activate,
    .draw = res_draw,
    .next_change = res_next_change,
    .state_size = sizeof(struct hr_st),
    .release = app_hr_release,
    .start = pacer_start,
    .trace_start = pacer_trace_start,
    .advance = pacer_advance,
    .paused = pacer_paused,
};
