/* a11y screens: every main screen, in every language, at 100%, 150% and 200% text, at
 * 1280x720, drawn headless; no text may be cut off (plat_render's overflow count),
 * nor need to be drawn at less than 80% of its size to fit its box, nor have a word
 * wider than its box, broken inside (both measured with plat_text). Screens on more
 * than one page at large text are checked page by page.
 * With GW_A11Y_PNG=DIR, each frame is also saved as DIR/<lang>-<pct>-<screen>.png.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/kiosk_scenes.h"
#include "app/present.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"
#include "platform/plat_render.h"
#include "platform/plat_text.h"
#include "test_env.h"

typedef struct shot {
    const char *name, *exercise;
    const scene_vt *scene;
    double at;
    int page;
    const char *mode;      /* NULL: home */
    void (*prep)(app *a);  /* after the updates, before drawing; may be NULL */
    bool control;          /* present: the control window (app_draw_control) */
} shot;

/* The renderer draws a text that does not fit its box smaller (down to 60%) before it
 * crops it. Large text shrunk that far is no longer large: the least share of its size
 * a text may be drawn at. */
#define MIN_SHARE 0.8

static bool fits_at(plat_text *pt, const draw_list *l, const draw_cmd *c, int px)
{
    plat_text_size m;
    bool fit = c->flags & TEXT_FIT;
    if (!plat_text_measure(pt, draw_text_of(l, c), px, (c->flags >> 8) & 1, fit ? 0 : (int)c->r.w, &m))
        return true;
    return (c->r.w <= 0 || (float)m.w <= c->r.w + 1) && (c->r.h <= 0 || (float)m.h <= c->r.h * 1.12f + 2);
}

/* Texts the renderer would have to draw at less than MIN_SHARE of their size. */
static int shrunk(plat_text *pt, const draw_list *l, const char *lang, int pct, const char *screen)
{
    int bad = 0;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c) || fits_at(pt, l, c, c->font_px))
            continue;
        int px = c->font_px;
        while (px > 1 && !fits_at(pt, l, c, px))
            px--;
        if (px < c->font_px * MIN_SHARE) {
            bad++;
            fprintf(stderr, "a11y: %s at %d%%, %s: \"%.60s\" would be drawn at %d px of %d (box %.0fx%.0f)\n", lang,
                    pct, screen, draw_text_of(l, c), px, c->font_px, (double)c->r.w, (double)c->r.h);
        }
    }
    return bad;
}

/* The size the renderer draws a wrapped text at: its own, or smaller in steps of 1/16
 * (down to 60%) while the text is taller than its box (plat_render_text.c). */
static int drawn_px(plat_text *pt, const draw_list *l, const draw_cmd *c)
{
    int px = c->font_px, step = c->font_px / 16 > 1 ? c->font_px / 16 : 1;
    while (!fits_at(pt, l, c, px) && px - step >= c->font_px * 6 / 10)
        px -= step;
    return px;
}

/* Wrapped texts with a word wider than their box, which the renderer would break
 * inside ("Desacti/vado"): a word must be made smaller or given room, never cut. A
 * path may break after a slash, as the renderer does, so its parts are measured. */
static int broken_words(plat_text *pt, const draw_list *l, const char *lang, int pct, const char *screen)
{
    int bad = 0;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        const char *s = c->op == DRAW_TEXT ? draw_text_of(l, c) : "";
        if (!*s || (c->flags & TEXT_FIT) || c->r.w <= 0)
            continue;
        int px = drawn_px(pt, l, c);
        bool bold = (c->flags >> 8) & 1;
        while (*s) {
            size_t n = strcspn(s, " \n");
            const char *slash = memchr(s, '/', n);
            if (slash && slash + 1 < s + n)
                n = (size_t)(slash + 1 - s);
            char word[256];
            snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), s);
            plat_text_size m;
            if (n && plat_text_measure(pt, word, px, bold, 0, &m) && (float)m.w > c->r.w + 1) {
                bad++;
                fprintf(stderr, "a11y: %s at %d%%, %s: \"%s\" is broken inside in \"%.60s\" (%d px wide at %d px in %.0f)\n",
                        lang, pct, screen, word, draw_text_of(l, c), m.w, px, (double)c->r.w);
                break;
            }
            s += n;
            s += strspn(s, " \n");
        }
    }
    return bad;
}

/* In a right-to-left language, a path put into a sentence must be isolated left to
 * right (U+2066 ... U+2069, i18n_ltr), or the bidi algorithm moves its slashes
 * ("tmp/x/"). A path: a word starting with '/'. */
static int bare_paths(const draw_list *l, const char *lang, int pct, const char *screen)
{
    static const char LRI[] = "\u2066", PDI[] = "\u2069";
    int bad = 0;
    if (strcmp(lang, "ar"))
        return 0;
    for (int i = 0; i < l->ncmd; i++) {
        const char *s = l->cmd[i].op == DRAW_TEXT ? draw_text_of(l, &l->cmd[i]) : "";
        for (const char *p = s; *p; p++) {
            if (*p != '/' || p[1] == ' ' || !p[1] || (p > s && p[-1] != ' ' && (p - s < 3 || strncmp(p - 3, LRI, 3))))
                continue;
            bool open = false; /* an isolate opened before p and not closed */
            for (const char *q = s; q < p; q++) {
                if (!strncmp(q, LRI, 3)) open = true;
                if (!strncmp(q, PDI, 3)) open = false;
            }
            if (!open) {
                fprintf(stderr, "a11y: %s at %d%%, %s: a path not isolated left to right in \"%.80s\"\n", lang, pct,
                        screen, s);
                bad++;
                break;
            }
        }
    }
    return bad;
}

/* The label of a widget into buf: the texts drawn with their centre inside it, joined,
 * leaving out those painted over (under a panel drawn over them) and those where
 * another widget is on top. A widget holding others (a panel, the whole screen) has
 * none: NULL. */
static const char *label_of(const draw_list *l, const draw_widget *w, char *buf, size_t n)
{
    for (int i = 0; i < l->nwid; i++)
        if (&l->wid[i] != w && gw_rect_has(w->r, l->wid[i].r.x + l->wid[i].r.w / 2, l->wid[i].r.y + l->wid[i].r.h / 2))
            return NULL;
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        float cx = c->r.x + c->r.w / 2, cy = c->r.y + c->r.h / 2;
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c) || !gw_rect_has(w->r, cx, cy) || draw_widget_at(l, cx, cy) != w)
            continue;
        bool over = false;
        for (int j = i + 1; j < l->ncmd && !over; j++)
            over = l->cmd[j].op == DRAW_RECT && l->cmd[j].color.a == 255 && gw_rect_has(l->cmd[j].r, cx, cy);
        if (!over && k + 2 < n) {
            int m = snprintf(buf + k, n - k, "%s%s", k ? " / " : "", draw_text_of(l, c));
            k = m < 0 ? k : k + (size_t)m >= n ? n - 1 : k + (size_t)m;
        }
    }
    return k ? buf : NULL;
}

/* What a widget does, for comparing: its id, less a kind before ':' ("recent:X" and
 * "exercise:X" start the same exercise) and the present panel's "ctl-" (its Restart
 * restarts as the exercise's own does). */
static const char *target_of(const char *id)
{
    const char *c = strrchr(id, ':');
    id = c ? c + 1 : id;
    return strncmp(id, "ctl-", 4) ? id : id + 4;
}

/* Two controls that do different things may not have the same label on one screen
 * (German "Zurück" for both Back and Previous). */
static int same_labels(const draw_list *l, const char *lang, int pct, const char *screen)
{
    int bad = 0;
    char bi[256], bk[256];
    for (int i = 0; i < l->nwid; i++) {
        const char *li = label_of(l, &l->wid[i], bi, sizeof bi);
        for (int k = i + 1; li && k < l->nwid; k++) {
            const char *lk = label_of(l, &l->wid[k], bk, sizeof bk);
            if (lk && !strcmp(li, lk) && strcmp(target_of(l->wid[i].id), target_of(l->wid[k].id))) {
                fprintf(stderr, "a11y: %s at %d%%, %s: \"%s\" labels both %s and %s\n", lang, pct, screen, li,
                        l->wid[i].id, l->wid[k].id);
                bad++;
            }
        }
    }
    return bad;
}

static bool meet(gw_rect a, gw_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Present on one display: nothing of the client view (the pacer figure, phase word,
 * count, time left, captions, its controls) lies under the therapist's panel. The
 * client view is drawn first; the panel starts with its background, the rectangle of
 * its widget "ctl-panel". */
static int panel_beside(const draw_list *l, const char *lang, int pct, const char *screen)
{
    const draw_widget *p = draw_widget_find(l, "ctl-panel");
    if (!p) {
        fprintf(stderr, "a11y: %s at %d%%, %s: no therapist's panel\n", lang, pct, screen);
        return 1;
    }
    int k = 0;
    while (k < l->ncmd && !(l->cmd[k].op == DRAW_RECT && l->cmd[k].r.x == p->r.x && l->cmd[k].r.y == p->r.y &&
                            l->cmd[k].r.w == p->r.w))
        k++;
    int bad = 0;
    for (int i = 0; i < k; i++)
        if (meet(l->cmd[i].r, p->r)) {
            const draw_cmd *c = &l->cmd[i];
            fprintf(stderr, "a11y: %s at %d%%, %s: the panel covers the client view's %s at %.0f,%.0f %.0fx%.0f%s%s\n",
                    lang, pct, screen, c->op == DRAW_TEXT ? "text" : "drawing", c->r.x, c->r.y, c->r.w, c->r.h,
                    c->op == DRAW_TEXT ? " " : "", c->op == DRAW_TEXT ? draw_text_of(l, c) : "");
            bad++;
        }
    return bad;
}

static int check(pack_set *packs, plat_render *pr, plat_text *pt, const char *lang, int pct, const shot *s,
                 const char *png_dir)
{
    app a;
    app_config cfg = { .mode = s->mode ? s->mode : "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct,
                       .packs = packs, .no_personal = true, .wall_fixed = true, .plan_dir = "/tmp/groundwork-plan" };
    if (!app_init(&a, &cfg)) {
        fprintf(stderr, "a11y: app_init failed\n");
        return 1;
    }
    if (s->exercise) {
        if (!app_start_exercise(&a, s->exercise)) {
            fprintf(stderr, "a11y: no exercise %s\n", s->exercise);
            app_free(&a);
            return 1;
        }
    } else if (s->scene == &scene_safety)
        app_open_safety(&a);
    else if (s->scene)
        app_set_scene(&a, s->scene);
    for (double t = 0; t <= s->at; t += 0.5)
        app_update(&a, (gw_ns)(t * 1e9));
    a.page.text = s->page; /* screens on more than one page: the next ones */
    settings_show_page(&a, s->page);
    if (app_mode_is(&a, MODE_PRESENT))
        present_st(&a)->page = s->page;
    ((struct kiosk_library_st *)app_state(&a, SCENE_KIOSK_LIBRARY))->page = s->page;
    if (s->prep)
        s->prep(&a);
    draw_list l = { 0 };
    if (s->control)
        app_draw_control(&a, &l);
    else
        app_draw(&a, &l);
    int before = plat_render_overflow_count();
    plat_render_frame(pr, NULL, &l, NULL);
    int bad = plat_render_overflow_count() - before;
    if (bad)
        fprintf(stderr, "a11y: %s at %d%%, %s: %d text(s) cut off, e.g. %s\n", lang, pct, s->name, bad,
                plat_render_overflow_last());
    bad += shrunk(pt, &l, lang, pct, s->name);
    bad += broken_words(pt, &l, lang, pct, s->name);
    bad += bare_paths(&l, lang, pct, s->name);
    bad += same_labels(&l, lang, pct, s->name);
    if (s->mode && !strcmp(s->mode, "present") && !s->control)
        bad += panel_beside(&l, lang, pct, s->name);
    if (png_dir) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s-%d-%s.png", png_dir, lang, pct, s->name);
        plat_render_save_png(pr, path);
    }
    draw_free(&l);
    app_free(&a);
    return bad;
}

/* Settings offer exactly the pacer styles there are. */
static int check_pacer_choices(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg))
        return 1;
    app_set_scene(&a, &scene_settings);
    draw_list l = { 0 };
    app_draw(&a, &l);
    int bad = 0, offered = 0;
    for (int i = 0; i < PACER_STYLE_COUNT; i++) {
        char id[64];
        snprintf(id, sizeof id, "pacer:%s", pacer_style_name(i));
        if (!draw_widget_find(&l, id)) {
            fprintf(stderr, "a11y: settings do not offer the pacer style %s\n", pacer_style_name(i));
            bad++;
        }
    }
    for (int i = 0; i < l.nwid; i++)
        offered += !strncmp(l.wid[i].id, "pacer:", 6);
    if (offered != PACER_STYLE_COUNT) {
        fprintf(stderr, "a11y: settings offer %d pacer styles, there are %d\n", offered, PACER_STYLE_COUNT);
        bad++;
    }
    draw_free(&l);
    app_free(&a);
    return bad;
}

/* Reduced motion (a setting) selects the pacer's calm style unless one was chosen. */
static int check_reduced_motion(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    int bad = 0;
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "box-breathing"))
        return 1;
    if (pacer_style_of(&a) == PACER_CALM) {
        fprintf(stderr, "a11y: the calm style without reduced motion\n");
        bad++;
    }
    a.set.reduced_motion = true;
    if (pacer_style_of(&a) != PACER_CALM) {
        fprintf(stderr, "a11y: reduced motion did not select the calm style\n");
        bad++;
    }
    pacer_set_style(&a, PACER_ORB); /* chosen in this session: wins */
    if (pacer_style_of(&a) != PACER_ORB) {
        fprintf(stderr, "a11y: reduced motion overrode the style chosen\n");
        bad++;
    }
    app_free(&a);
    return bad;
}

/* The text size control shows the size in effect: --text-size's, not the settings' (which
 * it replaces only once the person chooses), and a step starts from it. */
static int check_text_size_shown(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true, .text_pct = 200 };
    if (!app_init(&a, &cfg))
        return 1;
    app_set_scene(&a, &scene_settings);
    int bad = 0;
    for (int round = 0; round < 2; round++) {
        const char *want = round ? "175%" : "200%";
        draw_list l = { 0 };
        app_draw(&a, &l);
        bool shown = false;
        for (int i = 0; i < l.ncmd; i++)
            shown |= l.cmd[i].op == DRAW_TEXT && !strcmp(l.arena + l.cmd[i].text, want);
        draw_free(&l);
        if (!shown) {
            fprintf(stderr, "a11y: the text size control does not show %s\n", want);
            bad++;
        }
        if (!round && !app_press(&a, "text-size:down")) {
            fprintf(stderr, "a11y: no text size control\n");
            bad++;
            break;
        }
    }
    app_free(&a);
    return bad;
}

/* The fill of the rectangle drawn last under widget id's centre before its label. */
static bool fill_of(const draw_list *l, const char *id, gw_color *out)
{
    const draw_widget *w = draw_widget_find(l, id);
    bool found = false;
    for (int i = 0; w && i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_RECT && gw_rect_has(l->cmd[i].r, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2)) {
            *out = l->cmd[i].color;
            found = true;
        }
    return found;
}

static bool same_color(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

/* "Delete all your data?": the safe choice is the primary button and focused first;
 * Delete is drawn in the theme's warn colour, in every theme. */
static int check_delete_confirm(pack_set *packs)
{
    static const char *const THEMES[] = { "calm", "light", "contrast" };
    int bad = 0;
    for (size_t k = 0; k < sizeof THEMES / sizeof *THEMES; k++) {
        app a;
        app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                           .wall_fixed = true, .theme = THEMES[k] };
        if (!app_init(&a, &cfg))
            return bad + 1;
        app_set_scene(&a, &scene_settings);
        scene_settings.activate(&a, "delete-data");
        draw_list l = { 0 };
        app_draw(&a, &l);
        const draw_widget *keep = draw_widget_find(&l, "delete-cancel");
        gw_color kc = { 0 }, dc = { 0 };
        if (!keep || !keep->focused) {
            fprintf(stderr, "a11y: %s: the delete question does not start on \"Keep my data\"\n", THEMES[k]);
            bad++;
        }
        if (!fill_of(&l, "delete-cancel", &kc) || !same_color(kc, a.th->accent)) {
            fprintf(stderr, "a11y: %s: \"Keep my data\" is not the primary button\n", THEMES[k]);
            bad++;
        }
        if (!fill_of(&l, "delete-confirm", &dc) || !same_color(dc, a.th->warn)) {
            fprintf(stderr, "a11y: %s: \"Delete\" is not drawn in the warn colour\n", THEMES[k]);
            bad++;
        }
        draw_free(&l);
        app_free(&a);
    }
    return bad;
}

/* present: the panel as it is just after input (it fades after 4 s without) */
/* input a second ago: the panel has slid in beside the client view */
static void panel_shown(app *a)
{
    a->last_input = a->now;
    present_st(a)->shown = true;
    present_st(a)->shown_since = a->now - GW_SEC(1);
}

static void panel_keys(app *a)
{
    panel_shown(a);
    present_st(a)->help = true;
}

/* the panel with a note typed, a plan saved and the screen blanked */
static void panel_busy(app *a)
{
    panel_shown(a);
    app_press(a, "ctl-add-plan");
    snprintf(present_st(a)->note, sizeof present_st(a)->note, "%s",
             "Practise twice a day, after breakfast and before bed; stop if you feel dizzy.");
    char dir[80]; /* as present_controls.c says it */
    snprintf(present_st(a)->msg, sizeof present_st(a)->msg, "Plan saved in %s",
             i18n_ltr(dir, sizeof dir, "/home/therapist/groundwork-plan-2026-01-01"));
    present_st(a)->blank = true;
    present_st(a)->captions_off = true;
}

/* kiosk admin: digits typed and the message a wrong PIN leaves */
static void admin_wrong(app *a)
{
    struct kiosk_admin_st *k = app_state(a, SCENE_ADMIN);
    snprintf(k->pin, sizeof k->pin, "1234");
    snprintf(k->msg, sizeof k->msg, "%s", _("That PIN is not right."));
}

static void admin_unset(app *a)
{
    struct kiosk_admin_st *k = app_state(a, SCENE_ADMIN);
    snprintf(k->msg, sizeof k->msg, "%s", _("No admin PIN is set. Run “groundwork kiosk set-pin”."));
}

/* Settings' "Export my practice log" page, as its button opens it. */
static void export_shown(app *a) { scene_settings.activate(a, "export"); }
static void hr_shown(app *a) { scene_settings.activate(a, "hr-sensor"); }
static void delete_asked(app *a) { scene_settings.activate(a, "delete-data"); }

/* The progress screen with several sessions a day (the fixed clock's today is Thursday
 * 1 January 2026): three on Tuesday, two today, one with a note; the week or month view,
 * with a session's details open or not. */
static void progress_sessions(app *a, int view, long long sel, int page)
{
    static const struct { const char *start; const char *ex; int before, after; const char *note; } S[] = {
        { "2025-12-22T08:00:00Z", "breathing-4-7-8", 7, 4, "" },
        { "2025-12-30T08:00:00Z", "breathing-4-7-8", 8, 5, "" },
        { "2025-12-30T12:30:00Z", "box-breathing", 5, 4, "" },
        { "2025-12-30T21:00:00Z", "grounding-54321", 6, 2,
          "5 things you can see: a blue cup on the desk, the window, the rain on it, a plant and my hands" },
        { "2026-01-01T07:00:00Z", "box-breathing", 4, 1, "" },
        { "2026-01-01T08:30:00Z", "breathing-4-7-8", 9, 6, "" },
    };
    int n = (int)(sizeof S / sizeof *S);
    plog_session *p = calloc((size_t)n, sizeof *p);
    if (!p)
        return;
    for (int i = 0; i < n; i++) {
        p[i].id = i + 1;
        snprintf(p[i].exercise, sizeof p[i].exercise, "%s", S[i].ex);
        snprintf(p[i].start, sizeof p[i].start, "%s", S[i].start);
        p[i].completed = true;
        p[i].before = S[i].before;
        p[i].after = S[i].after;
        p[i].adjustments = strdup("");
        p[i].notes = strdup(S[i].note);
    }
    progress_show(a, p, n, view, sel, page);
}
static void progress_month(app *a) { progress_sessions(a, 0, 0, 0); }
static void progress_month_detail(app *a) { progress_sessions(a, 0, 4, 0); }
static void progress_week(app *a) { progress_sessions(a, 1, 0, 0); }
static void progress_week_detail(app *a) { progress_sessions(a, 1, 3, 0); }
static void progress_page2(app *a)
{
    progress_sessions(a, 0, 0, 1);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "a11y"))
        return 1;
    plat_render *pr = test_env_render(&env, 1280, 720);
    plat_text *pt = test_env_text(&env);
    if (!pr || !pt)
        return 1;
    const shot SHOTS[] = {
        { "library", NULL, &scene_library, 0, 0, NULL, NULL, false },
        { "settings", NULL, &scene_settings, 0, 0, NULL, NULL, false },
        { "settings-2", NULL, &scene_settings, 0, 1, NULL, NULL, false },
        { "settings-3", NULL, &scene_settings, 0, 2, NULL, NULL, false },
        { "settings-4", NULL, &scene_settings, 0, 3, NULL, NULL, false },
        { "settings-5", NULL, &scene_settings, 0, 4, NULL, NULL, false },
        { "settings-export", NULL, &scene_settings, 0, 0, NULL, export_shown, false },
        { "settings-hr", NULL, &scene_settings, 0, 0, NULL, hr_shown, false },
        { "settings-delete", NULL, &scene_settings, 0, 0, NULL, delete_asked, false },
        { "progress", NULL, &scene_progress, 0, 0, NULL, NULL, false },
        { "progress-month", NULL, &scene_progress, 0, 0, NULL, progress_month, false },
        { "progress-month-detail", NULL, &scene_progress, 0, 0, NULL, progress_month_detail, false },
        { "progress-week", NULL, &scene_progress, 0, 0, NULL, progress_week, false },
        { "progress-week-detail", NULL, &scene_progress, 0, 0, NULL, progress_week_detail, false },
        { "progress-2", NULL, &scene_progress, 0, 0, NULL, progress_page2, false },
        { "checkin", NULL, &scene_checkin, 0, 0, NULL, NULL, false },
        { "welcome", NULL, &scene_welcome, 0, 0, NULL, NULL, false },
        { "safety", NULL, &scene_safety, 0, 0, NULL, NULL, false },
        { "pacer", "box-breathing", NULL, 9, 0, NULL, NULL, false },
        { "pacer-478", "breathing-4-7-8", NULL, 12, 0, NULL, NULL, false },
        { "guided", "pmr-7", NULL, 40, 0, NULL, NULL, false },
        { "prompts", "grounding-54321", NULL, 2, 0, NULL, NULL, false },
        { "prompts-mental", "grounding-mental", NULL, 20, 0, NULL, NULL, false },
        { "prompts-mental-2", "grounding-mental", NULL, 20, 1, NULL, NULL, false },
        { "pacer-done", "breathing-4-7-8", NULL, 90, 0, NULL, NULL, false },
        { "guided-done", "pmr-release-only", NULL, 400, 0, NULL, NULL, false },
        /* present: the therapist's panel over the client view, and its own window */
        { "present-library", NULL, NULL, 0, 0, "present", panel_shown, false },
        { "present-library-2", NULL, NULL, 0, 1, "present", panel_shown, false },
        { "present-pacer", "box-breathing", NULL, 9, 0, "present", panel_shown, false },
        { "present-pacer-2", "box-breathing", NULL, 9, 1, "present", panel_shown, false },
        { "present-pacer-3", "box-breathing", NULL, 9, 2, "present", panel_shown, false },
        { "present-guided", "pmr-7", NULL, 40, 0, "present", panel_shown, false },
        { "present-guided-2", "pmr-7", NULL, 40, 1, "present", panel_shown, false },
        { "present-guided-3", "pmr-7", NULL, 40, 2, "present", panel_shown, false },
        { "present-prompts", "grounding-54321", NULL, 2, 0, "present", panel_shown, false },
        { "present-prompts-2", "grounding-54321", NULL, 2, 1, "present", panel_shown, false },
        { "present-busy", "box-breathing", NULL, 9, 0, "present", panel_busy, false },
        { "present-busy-2", "box-breathing", NULL, 9, 1, "present", panel_busy, false },
        { "present-busy-3", "box-breathing", NULL, 9, 2, "present", panel_busy, false },
        { "present-keys", NULL, NULL, 0, 0, "present", panel_keys, false },
        { "present-keys-2", NULL, NULL, 0, 1, "present", panel_keys, false },
        { "present-keys-3", NULL, NULL, 0, 2, "present", panel_keys, false },
        { "control", "breathing-4-7-8", NULL, 9, 0, "present", panel_shown, true },
        { "control-2", "breathing-4-7-8", NULL, 9, 1, "present", panel_shown, true },
        { "control-guided", "pmr-7", NULL, 40, 0, "present", panel_shown, true },
        { "control-guided-2", "pmr-7", NULL, 40, 1, "present", panel_shown, true },
        /* kiosk: the attract loop, the library of cards, the admin keypad */
        { "attract", NULL, NULL, 0, 0, "kiosk", NULL, false },
        { "kiosk-library", NULL, &scene_kiosk_library, 0, 0, "kiosk", NULL, false },
        { "kiosk-library-2", NULL, &scene_kiosk_library, 0, 1, "kiosk", NULL, false },
        { "kiosk-library-3", NULL, &scene_kiosk_library, 0, 2, "kiosk", NULL, false },
        { "admin", NULL, &scene_admin, 0, 0, "kiosk", admin_wrong, false },
        { "admin-unset", NULL, &scene_admin, 0, 0, "kiosk", admin_unset, false },
    };
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    /* 150%: where the library changes to titles only; GW_A11Y_PCT=N checks N% alone */
    static const int PCT_ALL[] = { 100, 150, 200 };
    const int *PCT = PCT_ALL;
    size_t npct = sizeof PCT_ALL / sizeof *PCT_ALL;
    int one_pct = getenv("GW_A11Y_PCT") ? atoi(getenv("GW_A11Y_PCT")) : 0;
    if (one_pct >= 100 && one_pct <= 200) {
        PCT = &one_pct;
        npct = 1;
    }
    const char *png_dir = getenv("GW_A11Y_PNG");
    int bad = 0;
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < npct; pi++)
            for (size_t si = 0; si < sizeof SHOTS / sizeof *SHOTS; si++)
                bad += check(&env.packs, pr, pt, LANGS[li], PCT[pi], &SHOTS[si], png_dir);
    bad += check_reduced_motion(&env.packs);
    bad += check_pacer_choices(&env.packs);
    bad += check_text_size_shown(&env.packs);
    bad += check_delete_confirm(&env.packs);
    if (plat_render_problem(pr)) {
        fprintf(stderr, "a11y: %s\n", plat_render_problem(pr));
        bad++;
    }
    plat_render_free(pr);
    plat_text_free(pt);
    test_env_close(&env);
    printf("a11y: %d text(s) cut off\n", bad);
    return bad ? 1 : 0;
}
