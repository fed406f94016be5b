/* settings_export: the settings screen's "Export my practice log" page: the whole log
 * (CSV or JSON) or the therapist's summary (PDF, 7 or 30 days), where it is saved (the
 * desktop's Save window, asked on a thread, or the documents folder) and what the last
 * one did. The export itself is app_export.c's. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/settings_export.h"
#include "app/ui.h"
#include "core/i18n.h"

void share_enter(share_page *share)
{
    share->open = share->ask != NULL; /* a Save window still open: its page stays */
    if (!share->ask)
        share->msg[0] = 0;
}

/* A page of its own, below the top bar; the explanation gets smaller before anything
 * is cut when the text is large. */
void share_draw(const app *a, draw_list *l, sform *L, const share_page *share)
{
    ui_ctx ui = app_ui(a);
    static const char *const EK[] = { "csv", "json" };
    static const char *const EN[] = { N_("CSV (spreadsheet)"), N_("JSON") };
    static const char *const SK[] = { "7", "30" };
    static const char *const SN[] = { N_("Last 7 days"), N_("Last 30 days") };
    float u = L->u, W = (float)a->w, H = (float)a->h;
    float top = ui_top_bar_focus(&ui, l, _("Export my practice log"), L->focus);
    L->idx = 2; /* Back and Help */
    float w = fminf(W - 120 * u, 960 * u), x = (W - w) / 2, y = top + 10 * u;
    const char *body = _("A copy of your practice log, for yourself or your therapist. You choose where it is "
                         "saved; without a save window it goes to your documents folder. Nothing is sent anywhere.");
    int bpx = (int)lroundf(17 * u), mpx = (int)lroundf(16 * u);
    sform M = { .a = a, .u = u };
    float groups = sform_choices(&M, x, 0, w, _("The whole log"), "export", EK, EN, 2, "") + 10 * u +
                   sform_choices(&M, x, 0, w, _("A summary for my therapist (PDF)"), "summary", SK, SN, 2, "");
    float mh = share->msg[0] ? ui_text_h(&ui, share->msg, mpx, false, w) + 12 * u : 0;
    float room = H - 16 * u - y - groups - mh - 14 * u;
    if (ui_text_h(&ui, body, bpx, false, w) > room)
        bpx = ui_fit_px(&ui, body, bpx, ui_min_px(&ui, bpx), false, w, room);
    float bh = ui_text_h(&ui, body, bpx, false, w);
    draw_text(l, gw_rc(x, y, w, bh), body, bpx, VALIGN_TOP, a->th->text_dim);
    y += bh + 14 * u;
    y += sform_choices(L, x, y, w, _("The whole log"), "export", EK, EN, 2, "") + 10 * u;
    y += sform_choices(L, x, y, w, _("A summary for my therapist (PDF)"), "summary", SK, SN, 2, "");
    if (share->msg[0])
        draw_text(l, gw_rc(x, y + 12 * u, w, mh - 12 * u), share->msg, mpx, VALIGN_TOP,
                  share->failed ? a->th->focus : a->th->text);
}

/* The Save window was answered: the export is written (or not) and the page says so. */
static void share_done(app *a, share_page *share)
{
    char path[PATH_MAX] = "", why[512] = "";
    portal_result pr = portal_ask_end(share->ask, path, sizeof path, why, sizeof why);
    share->ask = NULL;
    share->failed = !app_export_finish(a, &share->req, pr, path, why, share->msg, sizeof share->msg);
    a->ui_stale = true;
}

void share_update(app *a, share_page *share)
{
    if (share->ask && portal_ask_wait(share->ask, 0) == PORTAL_DONE)
        share_done(a, share);
}

/* While a Save window is open, its answer is looked for four times a second. */
gw_ns share_next_change(const app *a, const share_page *share)
{
    return share->ask ? a->now + GW_MSEC(250) : GW_NEVER;
}

bool share_activate(app *a, share_page *share, const char *w, int *focus)
{
    if (share->open && share->ask && (!strcmp(w, "back") || !strncmp(w, "export:", 7) || !strncmp(w, "summary:", 8))) {
        /* one Save window at a time, and its page stays until it is answered */
        snprintf(share->msg, sizeof share->msg, "%s",
                 _("The save window is still open: choose where to save it there, or close it."));
        share->failed = false;
        a->ui_stale = true;
        return true;
    }
    if (share->open && !strcmp(w, "back")) { /* from the export page to the settings */
        share->open = false;
        share->msg[0] = 0;
        *focus = 0;
        return true;
    }
    if (!strcmp(w, "export")) {
        share->open = true;
        share->msg[0] = 0;
        *focus = 2; /* the first export */
        return true;
    }
    if (share->open && (!strcmp(w, "export:csv") || !strcmp(w, "export:json") || !strcmp(w, "summary:7") ||
                        !strcmp(w, "summary:30"))) {
        export_kind k = w[0] == 's' ? EXPORT_SUMMARY : w[7] == 'j' ? EXPORT_JSON : EXPORT_CSV;
        int days = w[0] == 's' ? atoi(w + 8) : 0;
        a->ui_stale = true;
        app_export_prepare(a, k, days, &share->req);
        share->ask = app_export_is_async() ? portal_ask_start(share->req.title, share->req.name, APP_EXPORT_ANSWER_MS,
                                                              APP_EXPORT_CHOOSE_MS)
                                           : NULL;
        if (!share->ask) { /* play and tests, or no thread: waits for the portal */
            share->failed = !app_export(a, k, days, share->msg, sizeof share->msg);
            return true;
        }
        /* no bus, no portal, or one that does not answer: settled here, within its 3 s */
        if (portal_ask_wait(share->ask, APP_EXPORT_ANSWER_MS + 500) == PORTAL_DONE)
            share_done(a, share);
        else {
            snprintf(share->msg, sizeof share->msg, "%s", _("Choose where to save it in the window that opened."));
            share->failed = false;
        }
        return true;
    }
    return false;
}
