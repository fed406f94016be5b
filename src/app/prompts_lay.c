/* prompts_lay: where a prompt step's parts go on screen (see prompts.h), as designed at
 * 100% text and rearranged for larger text so that nothing overlaps and the step's text
 * keeps room for whole lines. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/prompts.h"
#include "app/text_pages.h"
#include "app/ui.h"
#include "core/i18n.h"

static struct prompts_st *ST(const app *a) { return prompts_st_of(a); }

/* The timer's ring radius: as designed, or wide enough for the time in it. */
float prompts_timer_r(const app *a)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a);
    return fmaxf(46 * u, ui_text_w(&ui, "0:00", (int)lroundf(24 * u), false) / 2 + 10 * u);
}

/* As designed (and at 100% text): the step and its title at the top, the text below
 * them, the dots, timer or field under it, the hint or the saved note above the
 * bottom row of buttons (hint and note at the left, previous and next in the middle,
 * skip at the right). With larger text the buttons are sized from their labels (a
 * second row when one is not enough), the text gets the room that is left at up to
 * its full size, a little smaller if that makes it fit, and otherwise goes on pages:
 * Next shows the next page of the text before it moves on (Previous, the page before). */

static bool prompts_has_hint(const app *a) { return app_text(a, &prompt_current(&ST(a)->pr)->hint)[0] != 0; }

bool prompts_saved_note(const app *a)
{
    return ST(a)->pr.step < APP_MAX_NOTES && ST(a)->notes[ST(a)->pr.step][0] && ST(a)->editing != EDIT_NOTE;
}

/* The height of what sits under the text: dots, timer or a text field. */
static float prompts_mid_height(const app *a, const char *src)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a);
    const prompt_step *p = prompt_current(&ST(a)->pr);
    float fh = fmaxf(64 * u, ui_text_h(&ui, "Ag", (int)lroundf(24 * u), false, 0) + 16 * u);
    if (ST(a)->editing == EDIT_NOTE)
        return fmaxf(30 * u, ui_text_h(&ui, _("Your note, for yourself only. Enter saves it."), (int)lroundf(20 * u),
                                       false, 0)) + 4 * u + fh;
    if (prompts_personal(a) && prompt_has_placeholder(src, "{name}"))
        return fh;
    if (p->count > 0)
        return 64 * u;
    if (p->timer > 0)
        return 2 * prompts_timer_r(a) + 8 * u + fmaxf(32 * u, ui_text_h(&ui, _("Move on when you are ready."),
                                                               (int)lroundf(20 * u), false, 0));
    return 0;
}

static void prompts_button_labels(const app *a, playout *L)
{
    int n = a->ex->nprompt;
    L->label[B_HINT] = ST(a)->hint_shown ? _("Hide hint") : _("Hint");
    L->label[B_NOTE] = ST(a)->notes[ST(a)->pr.step < APP_MAX_NOTES ? ST(a)->pr.step : 0][0] ? _("Edit note") : _("Add note");
    L->label[B_PREV] = L->page > 0 ? _("Previous page") : _("Previous");
    L->label[B_NEXT] = L->page + 1 < L->npages ? _("Next page") : ST(a)->pr.step + 1 < n ? _("Next") : _("Finish");
    L->label[B_SKIP] = _("Skip");
}

/* The bottom buttons as designed; false if a label does not fit its button. */
static bool prompts_buttons_designed(const app *a, playout *L, float W, float H)
{
    ui_ctx ui = app_ui(a);
    float u = L->u, bw = 220 * u, bh = 64 * u, sw = 150 * u, sh = 52 * u, pad = 24 * u;
    float foot = H - 100 * u, sy = foot + (bh - sh) / 2, lx = pad;
    bool ok = true;
    memset(L->btn, 0, sizeof L->btn);
    if (prompts_has_hint(a)) {
        L->btn[B_HINT] = gw_rc(lx, sy, sw, sh);
        lx += sw + 12 * u;
    }
    if (prompts_personal(a) && ST(a)->pr.step < APP_MAX_NOTES && lx + sw < W / 2 - bw - 16 * u)
        L->btn[B_NOTE] = gw_rc(lx, sy, sw, sh);
    if (L->page > 0 || ST(a)->pr.step > 0)
        L->btn[B_PREV] = gw_rc(W / 2 - bw - 12 * u, foot, bw, bh);
    L->btn[B_NEXT] = gw_rc(W / 2 + (L->btn[B_PREV].w > 0 ? 12 * u : -bw / 2), foot, bw, bh);
    if (ST(a)->pr.step + 1 < a->ex->nprompt)
        L->btn[B_SKIP] = gw_rc(W - pad - sw, sy, sw, sh);
    for (int i = 0; i < NBTN; i++)
        if (L->btn[i].w > 0)
            ok &= ui_button_w(&ui, L->label[i], 0) <= L->btn[i].w && ui_button_h(&ui, L->label[i], L->btn[i].w, 0) <= L->btn[i].h;
    L->foot = foot;
    return ok;
}

/* The bottom buttons sized from their labels: one row (hint and note, previous and
 * next between them and skip), or two (previous and next below the others). */
static void prompts_buttons_flow(const app *a, playout *L, float W, float H)
{
    ui_ctx ui = app_ui(a);
    float u = L->u, pad = 24 * u, gap = 12 * u;
    bool show[NBTN] = { L->btn[B_HINT].w > 0, prompts_personal(a) && ST(a)->pr.step < APP_MAX_NOTES,
                        ST(a)->pr.step > 0 || a->page.text > 0, true,
                        L->btn[B_SKIP].w > 0 };
    float w[NBTN], h = 64 * u;
    float minw[NBTN] = { 150 * u, 150 * u, 220 * u, 220 * u, 150 * u };
    for (int i = 0; i < NBTN; i++)
        w[i] = show[i] ? fminf(ui_button_w(&ui, L->label[i], minw[i]), W - 2 * pad) : 0;
    /* room for the labels they take when the text goes on pages */
    w[B_NEXT] = fminf(fmaxf(w[B_NEXT], ui_button_w(&ui, _("Next page"), minw[B_NEXT])), W - 2 * pad);
    if (show[B_PREV])
        w[B_PREV] = fminf(fmaxf(w[B_PREV], ui_button_w(&ui, _("Previous page"), minw[B_PREV])), W - 2 * pad);
    for (int i = 0; i < NBTN; i++)
        if (show[i])
            h = fmaxf(h, ui_button_h(&ui, L->label[i], w[i], 64 * u));
    float left = w[B_HINT] + (show[B_HINT] && show[B_NOTE] ? gap : 0) + w[B_NOTE];
    float mid = w[B_PREV] + (show[B_PREV] ? gap : 0) + w[B_NEXT];
    float right = w[B_SKIP];
    memset(L->btn, 0, sizeof L->btn);
    float y = H - 24 * u - h;
    if (left + mid + right + 4 * gap <= W - 2 * pad) {
        /* under the prompt, in the middle, if the buttons at the sides leave room; else
         * midway between them */
        float mx = (W - mid) / 2;
        if (mx < pad + left + 2 * gap || mx + mid > W - pad - right - 2 * gap)
            mx = pad + left + 2 * gap + (W - 2 * pad - left - right - 4 * gap - mid) / 2;
        L->btn[B_PREV] = gw_rc(mx, y, w[B_PREV], h);
        L->btn[B_NEXT] = gw_rc(mx + (show[B_PREV] ? w[B_PREV] + gap : 0), y, w[B_NEXT], h);
    } else {
        float mx = (W - mid) / 2;
        L->btn[B_PREV] = gw_rc(mx, y, w[B_PREV], h);
        L->btn[B_NEXT] = gw_rc(mx + (show[B_PREV] ? w[B_PREV] + gap : 0), y, w[B_NEXT], h);
        y -= h + gap;
        if (left + right + gap > W - 2 * pad) { /* still too wide: each as wide as half the row */
            float half = (W - 2 * pad - gap) / 2;
            w[B_HINT] = show[B_HINT] ? (show[B_NOTE] ? (half - gap) / 2 : half) : 0;
            w[B_NOTE] = show[B_NOTE] ? (show[B_HINT] ? (half - gap) / 2 : half) : 0;
            w[B_SKIP] = show[B_SKIP] ? half : 0;
            for (int i = 0; i < NBTN; i++)
                if (show[i] && i != B_PREV && i != B_NEXT)
                    h = fmaxf(h, ui_button_h(&ui, L->label[i], w[i], 64 * u));
        }
    }
    if (show[B_HINT])
        L->btn[B_HINT] = gw_rc(pad, y, w[B_HINT], h);
    if (show[B_NOTE])
        L->btn[B_NOTE] = gw_rc(pad + (show[B_HINT] ? w[B_HINT] + gap : 0), y, w[B_NOTE], h);
    if (show[B_SKIP])
        L->btn[B_SKIP] = gw_rc(W - pad - w[B_SKIP], y, w[B_SKIP], h);
    L->foot = y;
}

/* With large text: the step's number and title at the top, the text, then under it
 * the dots, timer or field and the hint or saved note, arranged so that nothing
 * overlaps and the text goes on the fewest pages of at least two lines: everything
 * stacked; the hint or note beside the dots or the timer (the dots smaller); the hint
 * or note in the title's place while it is shown; while a note is typed, its field in
 * the hint's place, then in the title's too; each with the title as designed, at its
 * smallest, then with less space around. When the time is up, "Move on when you are
 * ready" goes beside the timer's ring, or in its place. The text then takes the room
 * left at up to its full size, or goes on pages. */
static playout prompts_lay_out_large(const app *a, playout L, const char *text, const char *src)
{
    ui_ctx ui = app_ui(a);
    float u = L.u, W = (float)a->w, tw = fminf(W - 160 * u, 1000 * u), full = W - 80 * u;
    const prompt_step *p = prompt_current(&ST(a)->pr);
    const char *title = app_text(a, &p->title), *hint = app_text(a, &p->hint);
    bool typing = ST(a)->editing == EDIT_NOTE, named = prompts_personal(a) && prompt_has_placeholder(src, "{name}");
    bool dots = !typing && !named && p->count > 0, timer = !typing && !named && !dots && p->timer > 0;
    L.step_h = fmaxf(32 * u, ui_text_h(&ui, "Ag", (int)lroundf(20 * u), false, 0));
    L.title_y = L.bar + L.step_h + 6 * u;
    ui_text_size tm = ui_measure(&ui, title, L.title_px, true, 0);
    int tmin = ui_min_px(&ui, L.title_px);
    L.title_fit = ui_line_fits(&ui, title, L.title_px, true, full);
    int big_px = L.title_fit ? L.title_px : ui_fit_px(&ui, title, L.title_px, tmin, true, full, 2 * tm.line_h);
    float big_h = L.title_fit ? fmaxf(60 * u, tm.h) : ui_text_h(&ui, title, big_px, true, full);
    float small_h = ui_text_h(&ui, title, tmin, true, ui_line_fits(&ui, title, tmin, true, full) ? 0 : full);
    /* the hint or the saved note; the timer's closing words */
    char saved[APP_NOTE_MAX + 64] = "";
    if (prompts_saved_note(a))
        snprintf(saved, sizeof saved, _("Your note: %s"), ST(a)->notes[ST(a)->pr.step]);
    const char *side = ST(a)->hint_shown && hint[0] ? hint : saved[0] ? saved : NULL;
    L.hint_px = ui_min_px(&ui, L.hint_px);
    L.label_px = ui_min_px(&ui, (int)lroundf(20 * u));
    const char *msg = _("Move on when you are ready.");
    int mpx = ui_min_px(&ui, (int)lroundf(20 * u));
    float r = prompts_timer_r(a), mw = W / 2 - r - 24 * u - 40 * u;
    bool done = timer && prompt_timer_fraction(&ST(a)->pr, prompts_elapsed(a)) >= 1;
    float mh = done ? ui_text_h(&ui, msg, mpx, false, mw) : 0;
    bool msg_beside = mh <= 2 * r;
    float mfull = done ? ui_text_h(&ui, msg, mpx, false, full) : 0; /* in the ring's place */
    float fh = fmaxf(64 * u, ui_text_h(&ui, "Ag", (int)lroundf(24 * u), false, 0) + 16 * u), fig_w = 0, fig_h;
    if (typing)
        fig_h = ui_text_h(&ui, _("Your note, for yourself only. Enter saves it."), L.label_px, false, 0) + 4 * u + fh;
    else
        fig_h = named ? fh : dots ? 64 * u : timer ? 2 * r + (msg_beside || !done ? 0 : 8 * u + mh) : 0;
    int tpx = ui_min_px(&ui, L.text_px), count = p->count > 0 ? p->count : 0;
    /* a line of the text's own script (Arabic's are taller) */
    float line = ui_measure(&ui, text, tpx, false, 0).line_h, whole0 = ui_text_h(&ui, text, tpx, false, tw);
    /* arrangements: 0 stacked, 1 beside the dots or timer, 2 the hint or note in the
     * title's place, 3 while a note is typed, its field in the hint's place, 4 and in the
     * title's; each with the title as designed, at its smallest, and then closer to what
     * is around it. The first that leaves three lines (or the whole text), else the
     * first that takes it in the fewest pages of two lines or more, else the one leaving
     * the most room. Only when none of these leaves two lines (Arabic's tall lines at
     * 200%, under a title and two rows of buttons): 5, the dots or the ring beside the
     * text instead of under it, the text's column narrower by them. */
    int arr = 0, level = 0, pick = -1, pick_pages = 1 << 20, roomiest = 0, three = -1;
    float room = 0, best = -1e9f, dot = 64 * u, side_w = tw, side_h = 0, gap = 1, ctw = tw, whole = whole0;
    int nlines = 1;
    for (int pass = 0; pass < 2; pass++) {
        if (pass)
            pick = three >= 0 ? three : pick >= 0 ? pick : roomiest;
        for (arr = 0; arr < 6; arr++) {
            if ((arr == 1 && (!side || !(dots || timer))) || (arr == 2 && !side) || (arr == 3 && !(typing && side)) ||
                (arr == 4 && !typing) || (arr == 5 && (!(dots || timer) || done || (!pass && pick >= 0))) ||
                (pass && arr != pick / 3))
                continue;
            dot = arr == 1 ? 48 * u : 64 * u;
            fig_w = dots ? (float)count * dot + (float)(count - 1) * dot * 30 / 64 : timer ? 2 * r : 0;
            ctw = arr == 5 ? fminf(tw, full - fig_w - 24 * u) : tw;
            whole = arr == 5 ? ui_text_h(&ui, text, tpx, false, ctw) : whole0;
            nlines = (int)lroundf(whole / line) > 1 ? (int)lroundf(whole / line) : 1;
            side_w = arr == 1 ? fminf(full - fig_w - 24 * u, ui_text_w(&ui, side, L.hint_px, false) + 8 * u) : arr && arr < 5 ? full : tw;
            side_h = side && arr < 3 ? ui_text_h(&ui, side, L.hint_px, false, side_w) : 0;
            if (arr == 1 && done)
                side_h += ui_text_h(&ui, msg, mpx, false, side_w) + 8 * u;
            for (level = 0; level < 3; level++) {
                gap = level == 2 ? 0.35f : 1;
                if ((arr == 1 && done && level == 2) || (pass && arr * 3 + level != pick))
                    continue;
                float top = L.title_y + (arr == 2 ? side_h : arr == 4 ? 0 : level ? small_h : big_h) + 12 * u * gap;
                float fig = arr == 5 ? 0 : done && level == 2 ? mfull : arr == 1 ? fmaxf(dots ? dot : fig_h, side_h) : fig_h;
                float below = (fig > 0 ? 24 * u * gap + fig : 0) + ((arr == 0 || arr == 5) && side_h > 0 ? 16 * u * gap + side_h : 0);
                room = L.foot - 16 * u * gap - top - below;
                if (pass)
                    goto chosen;
                int fit = room >= whole ? nlines : (int)(room / line), pages = fit > 0 ? (nlines + fit - 1) / fit : 1 << 20;
                if (arr == 5 && (room < fig_h || ctw < tw / 2)) /* the dots or ring taller than the room, or too wide */
                    fit = 0, pages = 1 << 20;
                if ((fit >= 2 || fit >= nlines) && pages < pick_pages) {
                    pick = arr * 3 + level;
                    pick_pages = pages;
                }
                if (room > best) {
                    best = room;
                    roomiest = arr * 3 + level;
                }
                if (three < 0 && fit >= (nlines < 3 ? nlines : 3))
                    three = arr * 3 + level;
            }
        }
    }
chosen:
    L.title_h = arr == 2 || arr == 4 ? 0 : level ? small_h : big_h;
    L.title_px = level ? tmin : big_px;
    if (level)
        L.title_fit = ui_line_fits(&ui, title, tmin, true, full);
    L.text_y = L.title_y + (arr == 2 ? side_h : L.title_h) + 12 * u * gap;
    L.ring_off = done && level == 2;
    L.mid_h = L.ring_off ? mfull : arr == 1 ? fmaxf(dots ? dot : fig_h, side_h) : fig_h;
    L.text_w = ctw;
    L.text_x = (W - ctw) / 2;
    L.hide_side = arr >= 3;
    L.dot = dot;
    L.msg_px = mpx;
    int px = L.text_px;
    while (px > tpx && ui_text_h(&ui, text, px, false, ctw) > room)
        px--;
    L.text_px = px;
    float th = ui_text_h(&ui, text, px, false, ctw);
    line = ui_measure(&ui, text, px, false, 0).line_h;
    if (th > room) {
        float most = fmaxf(room, line);
        L.npages = text_pages(&ui, text, px, ctw, most, L.start, MAX_TEXT_PAGES);
        /* pages of about the same length: the least height that needs no more pages */
        float lo = line, hi = most;
        size_t trial[MAX_TEXT_PAGES + 1];
        for (int it = 0; it < 6 && hi - lo > line / 2; it++) {
            float mid = (lo + hi) / 2;
            if (text_pages(&ui, text, px, ctw, mid, trial, MAX_TEXT_PAGES) <= L.npages)
                hi = mid;
            else
                lo = mid;
        }
        L.npages = text_pages(&ui, text, px, ctw, hi, L.start, MAX_TEXT_PAGES);
        L.page = a->page.text < 0 ? 0 : a->page.text >= L.npages ? L.npages - 1 : a->page.text;
        prompts_button_labels(a, &L);
        th = hi;
    }
    L.text_h = th;
    L.mid_y = L.text_y + th + 24 * u * gap;
    float spare = room - th; /* what is left over goes between the text and what is under it */
    if (spare > 0 && L.mid_h > 0)
        L.mid_y += fminf(spare / 2, 60 * u);
    L.fig_x = W / 2;
    L.fig_cy = L.mid_y + (timer && arr != 1 ? r : L.mid_h / 2);
    if (L.ring_off)
        L.msg = gw_rc(40 * u, L.mid_y, full, mfull);
    else if (done && msg_beside && arr != 1)
        L.msg = gw_rc(W / 2 + r + 24 * u, L.fig_cy - mh / 2, mw, mh);
    L.hint_h = side_h;
    L.hint_w = side_w;
    L.hint_x = (W - side_w) / 2;
    L.hint_y = L.foot - 16 * u * gap - side_h;
    L.hint_align = ALIGN_CENTER | VALIGN_BOTTOM;
    if (arr == 5) { /* the text, then the dots or the ring beside it (mirrored in Arabic), the two centred */
        L.text_x = (W - ctw - 24 * u - fig_w) / 2;
        L.fig_x = L.text_x + ctw + 24 * u + fig_w / 2;
        L.mid_h = dots ? dot : fig_h;
        L.mid_y = L.text_y + fmaxf(0, (th - L.mid_h) / 2);
        L.fig_cy = L.mid_y + L.mid_h / 2;
    }
    if (arr == 2)
        L.hint_y = L.title_y;
    else if (arr == 1) { /* the dots or the ring, then the words beside them, the two centred */
        float x0 = (W - fig_w - 24 * u - side_w) / 2;
        L.fig_x = x0 + fig_w / 2;
        L.hint_x = x0 + fig_w + 24 * u;
        L.hint_y = L.mid_y + (L.mid_h - side_h) / 2;
        L.hint_align = ALIGN_LEFT | VALIGN_BOTTOM;
        if (done) {
            float h1 = ui_text_h(&ui, msg, mpx, false, side_w);
            L.msg = gw_rc(L.hint_x, L.hint_y, side_w, h1);
            L.hint_y += h1 + 8 * u;
            L.hint_h -= h1 + 8 * u;
        }
    }
    return L;
}

playout prompts_lay_out(const app *a, const char *text, const char *src)
{
    ui_ctx ui = app_ui(a);
    playout L;
    memset(&L, 0, sizeof L);
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    L.u = u;
    draw_list tmp = { 0 };
    draw_begin(&tmp, a->w, a->h, a->th->bg);
    L.bar = ui_top_bar(&ui, &tmp, app_text(a, &a->ex->title));
    draw_free(&tmp);
    const prompt_step *p = prompt_current(&ST(a)->pr);
    const char *title = app_text(a, &p->title), *hint = app_text(a, &p->hint);
    float tw = fminf(W - 160 * u, 1000 * u);
    L.npages = 1;
    L.page = 0;
    L.start[0] = 0;
    L.start[1] = strlen(text);
    L.text_w = tw;
    L.text_x = (W - tw) / 2;
    L.title_px = (int)lroundf(40 * u);
    L.text_px = (int)lroundf(32 * u);
    L.title_fit = true;
    prompts_button_labels(a, &L);

    /* as designed, if it all fits */
    bool designed = prompts_buttons_designed(a, &L, W, H);
    L.step_y = L.bar;
    L.step_h = 32 * u;
    L.title_y = L.bar + 38 * u;
    L.title_h = 60 * u;
    L.text_y = L.bar + 112 * u;
    L.text_h = 190 * u;
    L.mid_h = prompts_mid_height(a, src);
    /* the dots, the name field, the timer's ring, the note field at bar + 350 */
    float anchor = L.bar + 350 * u, fh = fmaxf(64 * u, ui_text_h(&ui, "Ag", (int)lroundf(24 * u), false, 0) + 16 * u);
    if (ST(a)->editing == EDIT_NOTE)
        L.mid_y = anchor + fh / 2 - L.mid_h;
    else if (!(prompts_personal(a) && prompt_has_placeholder(src, "{name}")) && p->count <= 0 && p->timer > 0)
        L.mid_y = anchor - prompts_timer_r(a);
    else
        L.mid_y = anchor - L.mid_h / 2;
    L.hint_px = (int)lroundf(24 * u);
    bool hint_on = ST(a)->hint_shown && hint[0];
    L.hint_h = hint_on ? 76 * u : prompts_saved_note(a) ? 44 * u : 0;
    L.hint_y = L.foot - (hint_on ? 92 * u : 60 * u);
    bool fits = ui_line_fits(&ui, title, L.title_px, true, W - 80 * u) &&
                ui_text_h(&ui, text, L.text_px, false, tw) <= L.text_h &&
                ui_text_h(&ui, "Ag", (int)lroundf(20 * u), false, 0) <= L.step_h + 2 &&
                (!hint_on || ui_text_h(&ui, hint, (int)lroundf(24 * u), false, tw) <= L.hint_h);
    if (!designed) /* the buttons sized from their labels; the rest as designed if it still fits */
        prompts_buttons_flow(a, &L, W, H);
    if (!designed && L.hint_h > 0)
        L.hint_y = L.foot - 16 * u - L.hint_h;
    if (fits && L.mid_y + L.mid_h + 8 * u <= (L.hint_h > 0 ? L.hint_y : L.foot - 12 * u) &&
        (L.hint_h <= 0 || L.hint_y >= L.text_y + L.text_h) &&
        (L.mid_h <= 0 || L.mid_y >= L.text_y + ui_text_h(&ui, text, L.text_px, false, tw) + 8 * u))
        return L;
    if (designed)
        prompts_buttons_flow(a, &L, W, H);
    return prompts_lay_out_large(a, L, text, src);
}
