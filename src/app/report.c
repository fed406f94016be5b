#include "app/report.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/i18n.h"

#define PAGE_W 595.28 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 48.0

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void day_label(char *out, size_t n, int32_t day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    i18n_day_month(out, n, d, m);
}

static bool in_period(const report_input *in, const plog_session *s)
{
    int32_t d = plog_day_of(s->start, NULL);
    return d != INT32_MIN && d <= in->today && d > in->today - in->days;
}

int report_count(const report_input *in)
{
    int k = 0;
    for (int i = 0; i < in->n; i++)
        k += in_period(in, &in->s[i]);
    return k;
}

static const char *title_of(const report_input *in, const char *id)
{
    const exercise *e = in->packs ? pack_set_find(in->packs, id) : NULL;
    const char *t = e ? pack_text_get(&e->title, in->lang) : NULL;
    return t && t[0] ? t : id;
}

/* Text goes through Pango (shaping, bidi, a fallback font for Arabic). The pen, kept
 * with the cairo context, is the font in use and whether the page is mirrored (the
 * interface written right to left): then a text put at x ends at PAGE_W - x. */
typedef struct pen {
    PangoFontDescription *fd;
    bool rtl;
} pen;
static const cairo_user_data_key_t PEN_KEY;

static pen *pen_of(cairo_t *cr) { return cairo_get_user_data(cr, &PEN_KEY); }

static void font(cairo_t *cr, double size, bool bold)
{
    pen *p = pen_of(cr);
    pango_font_description_set_weight(p->fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(p->fd, size * PANGO_SCALE); /* points: the PDF's unit */
}

static PangoLayout *layout_of(cairo_t *cr, const char *s)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(l, pen_of(cr)->fd);
    pango_layout_set_text(l, s, -1);
    return l;
}

static double text_w(cairo_t *cr, const char *s)
{
    PangoLayout *l = layout_of(cr, s);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)w / PANGO_SCALE;
}

/* s with its baseline at y, from x (mirrored: ending at PAGE_W - x). */
static void text_at(cairo_t *cr, double x, double y, const char *s)
{
    PangoLayout *l = layout_of(cr, s);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    if (pen_of(cr)->rtl)
        x = PAGE_W - x - (double)w / PANGO_SCALE;
    cairo_move_to(cr, x, y - (double)pango_layout_get_baseline(l) / PANGO_SCALE);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

/* s shortened with "…" to fit w. */
static void text_fit(cairo_t *cr, double x, double y, double w, const char *s)
{
    if (text_w(cr, s) <= w) {
        text_at(cr, x, y, s);
        return;
    }
    char buf[512];
    size_t len = strlen(s) < sizeof buf - 4 ? strlen(s) : sizeof buf - 4;
    while (len > 0) {
        do
            len--;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80);
        snprintf(buf, sizeof buf, "%.*s…", (int)len, s);
        if (text_w(cr, buf) <= w)
            break;
    }
    text_at(cr, x, y, buf);
}

/* Wraps s at spaces into lines of width w from y down, at most maxl lines (the last
 * shortened); returns the y below. */
static double text_wrap(cairo_t *cr, double x, double y, double w, double lh, const char *s, int maxl)
{
    char line[1024];
    const char *p = s;
    for (int l = 0; *p && l < maxl; l++) {
        while (*p == ' ' || *p == '\n')
            p++;
        size_t best = 0, k = 0;
        for (;;) {
            size_t e = k;
            while (p[e] && p[e] != ' ' && p[e] != '\n')
                e++;
            if (e >= sizeof line)
                break;
            snprintf(line, sizeof line, "%.*s", (int)e, p);
            if (best && text_w(cr, line) > w)
                break;
            best = e;
            if (!p[e] || p[e] == '\n')
                break;
            k = e + 1;
        }
        if (!best)
            break;
        snprintf(line, sizeof line, "%.*s", (int)best, p);
        if (l == maxl - 1 && p[best])
            text_fit(cr, x, y, w, p); /* the rest, cut short */
        else
            text_fit(cr, x, y, w, line);
        p += best;
        y += lh;
    }
    return y;
}

#define ARROW_W 12.0

/* An arrow drawn (not every font has one) in [x, x + ARROW_W], pointing left or right. */
static void arrow(cairo_t *cr, double x, double y, bool left)
{
    double a = x + 2, b = x + ARROW_W - 2, tip = left ? a : b, back = left ? 3 : -3;
    cairo_save(cr);
    cairo_set_line_width(cr, 0.9);
    cairo_move_to(cr, a, y - 3.5);
    cairo_line_to(cr, b, y - 3.5);
    cairo_move_to(cr, tip + back, y - 6);
    cairo_line_to(cr, tip, y - 3.5);
    cairo_line_to(cr, tip + back, y - 1);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* "before -> after", in the reading direction (mirrored: the arrow points left). */
static void pair(cairo_t *cr, double x, double y, const char *before, const char *after)
{
    bool rtl = pen_of(cr)->rtl;
    double wb = text_w(cr, before);
    text_at(cr, x, y, before);
    arrow(cr, rtl ? PAGE_W - x - wb - ARROW_W : x + wb, y, rtl);
    text_at(cr, x + wb + ARROW_W, y, after);
}

/* A before and an after rating (either may be none: "–"). */
static void ratings(cairo_t *cr, double x, double y, int before, int after)
{
    char b[8], a[8];
    snprintf(b, sizeof b, before == PLOG_NONE ? "–" : "%d", before);
    snprintf(a, sizeof a, after == PLOG_NONE ? "–" : "%d", after);
    pair(cr, x, y, b, a);
}

/* Before (open circle) joined to after (filled), one mark per session, sessions on one
 * day side by side; y 0-10. */
static void chart(cairo_t *cr, const report_input *in, double x, double y, double w, double h)
{
    font(cr, 9, false);
    bool rtl = pen_of(cr)->rtl;
    pen_of(cr)->rtl = false; /* time runs left to right in every language */
    double lw = 18, cx = x + lw, cw = w - lw, top = y + 6, ch = h - 24;
    cairo_set_line_width(cr, 0.5);
    for (int v = 0; v <= 10; v += 5) {
        double yy = top + ch - ch * v / 10.0;
        cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
        cairo_move_to(cr, cx, yy);
        cairo_line_to(cr, cx + cw, yy);
        cairo_stroke(cr);
        char b[8];
        snprintf(b, sizeof b, "%d", v);
        cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
        text_at(cr, x, yy + 3, b);
    }
    double slot = cw / in->days;
    int step = in->days > 14 ? 7 : 1;
    for (int d = 0; d < in->days; d += step) {
        char b[32];
        day_label(b, sizeof b, in->today - in->days + 1 + d);
        cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
        text_at(cr, cx + slot * (d + 0.5) - text_w(cr, b) / 2, top + ch + 14, b);
    }
    for (int d = 0; d < in->days; d++) {
        int32_t day = in->today - in->days + 1 + d;
        int k = 0, count = 0;
        for (int i = 0; i < in->n; i++)
            count += plog_day_of(in->s[i].start, NULL) == day;
        for (int i = 0; i < in->n; i++) {
            const plog_session *s = &in->s[i];
            if (plog_day_of(s->start, NULL) != day)
                continue;
            double sx = cx + slot * d + slot * (k + 0.5) / count;
            k++;
            double yb = top + ch - ch * s->before / 10.0, ya = top + ch - ch * s->after / 10.0;
            double r = fmin(3.5, slot / (2.5 * count) + 0.8);
            cairo_set_line_width(cr, 1.2);
            if (s->before != PLOG_NONE && s->after != PLOG_NONE) {
                cairo_set_source_rgb(cr, 0.45, 0.55, 0.7);
                cairo_move_to(cr, sx, yb);
                cairo_line_to(cr, sx, ya);
                cairo_stroke(cr);
            }
            if (s->before != PLOG_NONE) {
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_arc(cr, sx, yb, r, 0, 2 * M_PI);
                cairo_fill_preserve(cr);
                cairo_set_source_rgb(cr, 0.75, 0.35, 0.2);
                cairo_stroke(cr);
            }
            if (s->after != PLOG_NONE) {
                cairo_set_source_rgb(cr, 0.15, 0.4, 0.65);
                cairo_arc(cr, sx, ya, r, 0, 2 * M_PI);
                cairo_fill(cr);
            }
        }
    }
    pen_of(cr)->rtl = rtl;
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

bool report_write_pdf(FILE *f, const report_input *in)
{
    cairo_surface_t *sf = cairo_pdf_surface_create_for_stream(to_file, f, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, _("Practice summary"));
    cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "Groundwork");
    if (in->created)
        cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, in->created);
    cairo_t *cr = cairo_create(sf);
    pen P = { pango_font_description_from_string("Noto Sans,Noto Sans Arabic"), i18n_is_rtl(in->lang) };
    cairo_set_user_data(cr, &PEN_KEY, &P, NULL);
    double x = MARGIN, w = PAGE_W - 2 * MARGIN, y = MARGIN + 18;
    int n = report_count(in);
    int days_with = 0;
    for (int d = 0; d < in->days; d++)
        for (int i = 0; i < in->n; i++)
            if (plog_day_of(in->s[i].start, NULL) == in->today - d) {
                days_with++;
                break;
            }

    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    font(cr, 20, true);
    text_at(cr, x, y, _("Practice summary"));
    y += 22;
    char a[48], b[48], line[512];
    day_label(a, sizeof a, in->today - in->days + 1);
    day_label(b, sizeof b, in->today);
    int yy, mm, dd;
    civil_from_days(in->today, &yy, &mm, &dd);
    font(cr, 11, false);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    /* The period of the summary: %d the number of days, then its first and last day
     * ("Last 7 days: 30 Nov – 6 Dec 2026"). */
    snprintf(line, sizeof line, P_("Last %d day: %s – %s %d", "Last %d days: %s – %s %d", in->days), in->days, a,
             b, yy);
    text_at(cr, x, y, line);
    y += 16;
    char ns[128], nd[128];
    snprintf(ns, sizeof ns, P_("%d session", "%d sessions", n), n);
    snprintf(nd, sizeof nd, P_("on %d day", "on %d days", days_with), days_with);
    snprintf(line, sizeof line, "%s %s", ns, nd);
    text_at(cr, x, y, line);
    y += 14;

    /* the chart and its legend */
    font(cr, 12, true);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text_at(cr, x, y + 12, _("How you felt, before and after (0–10)"));
    y += 18;
    chart(cr, in, x, y, w, 150);
    y += 160;
    font(cr, 9, false);
    P.rtl = false; /* the legend belongs to the chart */
    cairo_set_line_width(cr, 1.2);
    cairo_set_source_rgb(cr, 0.75, 0.35, 0.2);
    cairo_arc(cr, x + 22, y - 3, 3.5, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    text_at(cr, x + 30, y, _("Before"));
    double lx = x + 40 + text_w(cr, _("Before"));
    cairo_set_source_rgb(cr, 0.15, 0.4, 0.65);
    cairo_arc(cr, lx, y - 3, 3.5, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    text_at(cr, lx + 8, y, _("After"));
    P.rtl = i18n_is_rtl(in->lang);
    y += 24;

    /* the sessions: at most as many as leave room for the notes */
    int notes = 0;
    for (int i = 0; i < in->n; i++)
        notes += in_period(in, &in->s[i]) && in->s[i].notes && in->s[i].notes[0];
    double rowh = 14, notes_room = notes ? fmin(260, 30 + notes * 28.0) : 0;
    int maxrows = (int)((PAGE_H - MARGIN - y - 40 - notes_room) / rowh);
    font(cr, 12, true);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text_at(cr, x, y, _("Sessions"));
    y += 18;
    double c1 = x, c2 = x + 95, c3 = x + w - 150, c4 = x + w - 70;
    font(cr, 9, true);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    text_at(cr, c1, y, _("Date"));
    text_at(cr, c2, y, _("Exercise"));
    text_at(cr, c3, y, _("Completed"));
    pair(cr, c4, y, _("Before"), _("After"));
    y += rowh;
    font(cr, 10, false);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    /* the newest that fit, oldest first, below a line counting the earlier ones */
    int skip = n > maxrows ? n - (maxrows - 1) : 0, seen = 0;
    if (skip) {
        /* More sessions than the page has room for: %d how many earlier ones are left
         * out (the newest are listed below). */
        snprintf(line, sizeof line, P_("… %d earlier session (in the full export)",
                                       "… %d earlier sessions (in the full export)", skip), skip);
        text_at(cr, c2, y, line);
        y += rowh;
    }
    for (int i = 0; i < in->n; i++) {
        const plog_session *s = &in->s[i];
        if (!in_period(in, s) || seen++ < skip)
            continue;
        day_label(a, sizeof a, plog_day_of(s->start, NULL));
        snprintf(line, sizeof line, "%s %.5s", a, s->start[10] == 'T' ? s->start + 11 : "");
        text_at(cr, c1, y, line);
        text_fit(cr, c2, y, c3 - c2 - 8, title_of(in, s->exercise));
        text_at(cr, c3, y, s->completed ? _("Yes") : _("No"));
        ratings(cr, c4, y, s->before, s->after);
        y += rowh;
    }
    if (!n) {
        text_at(cr, c2, y, _("No sessions in this period."));
        y += rowh;
    }

    if (notes) {
        y += 12;
        font(cr, 12, true);
        text_at(cr, x, y, _("Notes"));
        y += 16;
        /* newest first, as many as fit (each at least its heading and a line) */
        double bottom = PAGE_H - MARGIN - 20;
        int left = notes;
        for (int i = in->n - 1; i >= 0; i--) {
            const plog_session *s = &in->s[i];
            if (!in_period(in, s) || !s->notes || !s->notes[0])
                continue;
            if (y + 12 + 13 + (left > 1 ? 14 : 0) > bottom)
                break;
            day_label(a, sizeof a, plog_day_of(s->start, NULL));
            snprintf(line, sizeof line, "%s · %s", a, title_of(in, s->exercise));
            font(cr, 9, true);
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            text_fit(cr, x, y, w, line);
            y += 12;
            font(cr, 10, false);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            int room = (int)((bottom - y - (left > 1 ? 14 : 0)) / 13);
            y = text_wrap(cr, x + 10, y, w - 10, 13, s->notes, room < 4 ? room : 4) + 4;
            left--;
        }
        if (left > 0) {
            /* Notes the page has no room for: %d how many (older ones). */
            snprintf(line, sizeof line, P_("… %d earlier note (in the full export)",
                                           "… %d earlier notes (in the full export)", left), left);
            font(cr, 9, false);
            text_at(cr, x, y + 6, line);
        }
    }

    font(cr, 8, false);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    text_at(cr, x, PAGE_H - MARGIN + 20,
            _("Made by Groundwork on this computer, from your private practice log. Share it only if you wish."));
    cairo_show_page(cr);
    cairo_destroy(cr);
    pango_font_description_free(P.fd);
    cairo_surface_finish(sf);
    bool ok = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(sf);
    return ok && !ferror(f);
}

bool report_writer(FILE *f, void *ctx) { return report_write_pdf(f, ctx); }
