/* present: the parts of present mode (mode_present.c, present_controls.c,
 * present_panel.c, present_lay.c) and the state they share, the mode's own
 * (mode_vt.state_size): the therapist's controls and the take-home plan being put
 * together. Only these files (and white-box tests) include it; the rest of the program
 * asks the mode through its table (blank, captions_off, client_w, has_widget) and the
 * live runner through app_draw_control, app_control_window and app_control_event. */
#ifndef GW_PRESENT_H
#define GW_PRESENT_H
#include "app/app.h"

/* The panel fades after this long without input (the client view has the whole screen
 * again). */
#define PRESENT_FADE_AFTER GW_SEC(4)

struct present_st {
    bool  blank;             /* the client view shows only the background */
    bool  captions_off;      /* captions, phase words and counts hidden */
    bool  help;              /* the keys overlay is open */
    bool  editing_note;      /* typing into "ctl-note" */
    char  opened_by[8];      /* the key that opened the note: its own text event is
                                not typed into it ("e" from E) */
    int   freq;              /* plan_freq_preset index */
    char  note[PLAN_NOTE_MAX];
    char  plan_dir[1024];
    plan  pl;                /* exercises added to the plan so far */
    const exercise *tail_ex; /* the exercise the group and tension choices are for */
    uint64_t drop_regions;   /* guided: regions left out of the plan */
    bool  release_only;      /* guided: tense steps left out of the plan */
    char  msg[512];          /* the last save's result, shown in the panel */
    bool  two_windows;       /* the controls have a window of their own (run_live) */
    int   ctl_w, ctl_h;      /* its size */
    draw_list ctl_ui;        /* its last description, for its widgets (owned) */
    int   page;              /* the panel's page when it does not fit (large text) */
    int   page_before_help;  /* the panel's page when the key list was opened */
    int   list_page;         /* the control window's page of exercises (large text) */
    bool  shown;             /* the panel over the client view is shown (or going) */
    gw_ns shown_since;       /* since when: it and the client view slide from then */
    bool  sliding;           /* they are moving (frames wanted) */
};

/* Present mode's state; only while the mode is present. */
static inline struct present_st *present_st(const app *a) { return app_mode_state(a); }

/* present_controls.c: the plan's defaults and where it is saved (the mode's configure);
 * a widget press offered to the mode (true: handled); a key (true: swallowed). */
void present_panel_init(app *a, const char *plan_dir);
bool present_panel_activate(app *a, const char *widget);
bool present_panel_key(app *a, const gw_event *e);

/* present_panel.c: the panel into l (full: the control window's, with the client's
 * timeline and every exercise); the client view's width while the panel shows beside
 * it (a->w when it does not); the mode's update: the panel shown or gone (its slide
 * starts), true while it slides (frames are wanted). */
void present_panel_draw(const app *a, draw_list *l, bool full);
int present_panel_client_w(const app *a);
bool present_panel_update(app *a);
/* The panel's pages or the control window's list of exercises turned (widgets
 * ctl-page:next/previous, ctl-list:next/previous); the panel turned to the page a
 * control is on (a key for it pressed). */
void present_turn_pages(app *a, const char *widget);
void present_show_page_of(app *a, const char *id);

/* present_lay.c: a column of blocks laid out on pages. */
typedef struct lay {
    const app *a;
    draw_list *out, *sink, *l; /* l: out on the page shown, else sink */
    float x, y, w, u;
    float top, bottom;         /* where blocks go on every page */
    int page, show;            /* the page being laid out; the page shown (-1: none) */
    const char *pend;          /* a heading waiting for the block under it */
    const char *find;          /* a widget id whose page is wanted */
    int found;                 /* its page; -1: not among the blocks */
} lay;
/* how a row's buttons look: label size (before the person's text size), bold, chip */
typedef struct lay_look { float px; bool bold, chip; float min_h, gap; } lay_look;
extern const lay_look LAY_BUTTON, LAY_CHIP;
typedef struct lay_item { const char *id, *label; bool on; } lay_item;
#define LAY_ROW_MAX 16

/* A size of base (at 1280x720) in L's unit, in pixels. */
int lay_px(const lay *L, float base);
/* Text in r, on one line (TEXT_FIT) when it fits r's width. */
void lay_text(lay *L, gw_rect r, const char *text, int px, int flags, gw_color c);
/* Makes room for a block h tall: on the next page if it does not fit on this one (with
 * the heading waiting for it), then draws that heading. */
void lay_place(lay *L, float h);
/* A heading drawn with the block that follows it (on that block's page). */
void lay_heading(lay *L, const char *text);
void lay_widget(lay *L, const char *id, gw_rect r, bool focused);
/* The width a button needs for its label on one line; its height wrapped in w. */
float lay_need_w(const lay *L, const lay_look *k, const char *label);
float lay_label_h(const lay *L, const lay_look *k, const char *label, float w);
void lay_button(lay *L, const lay_look *k, const lay_item *it, gw_rect r);
/* A row of buttons filling the column's width, wrapping onto more rows. */
void lay_flow(lay *L, const lay_look *k, const lay_item *it, int n);
/* The panel's title and the Keys button, at the top of every page; returns its height
 * (with l NULL only measures). */
float lay_header(lay *L, draw_list *l);
/* "Page 1 of 2" and the buttons to turn pages (widgets <what>:previous, <what>:next)
 * at the bottom of L's column; returns the height they take (both buttons measured, so
 * every page keeps the same room). With l NULL only measures. */
float lay_pager(lay *L, draw_list *l, int pages, float bottom, const char *what);

#endif
