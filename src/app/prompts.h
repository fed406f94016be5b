/* prompts: the parts of the prompt exercises' scene (scene_prompts.c: its steps, drawing
 * and input; prompts_lay.c: where everything goes on screen at every text size) and the
 * state they share, the scene's own (scene_vt.state_size). Only these files include it. */
#ifndef GW_PROMPTS_H
#define GW_PROMPTS_H
#include "app/app.h"

enum { EDIT_NONE, EDIT_NAME, EDIT_NOTE };

struct prompts_st {
    prompt_run pr;                 /* the exercise's steps, dots and timer */
    char person_name[64];          /* home mode only; kept in memory, never written */
    char date_text[64];            /* today's date for {date}, set when prompts start */
    char notes[APP_MAX_NOTES][APP_NOTE_MAX]; /* home mode: a short note per step */
    bool hint_shown;               /* the step's hint is open */
    int  editing;                  /* text field open: EDIT_* */
    char edit_buf[APP_NOTE_MAX];   /* what is being typed */
};
static inline struct prompts_st *prompts_st_of(const app *a) { return app_state(a, SCENE_PROMPTS); }

/* Text input and anything personal only at home. */
static inline bool prompts_personal(const app *a) { return app_personal(a); }
static inline gw_ns prompts_elapsed(const app *a) { return tb_elapsed(&a->clock, a->now); }

#define MAX_TEXT_PAGES 16
enum { B_HINT, B_NOTE, B_PREV, B_NEXT, B_SKIP, NBTN };

typedef struct playout {
    float u, bar;
    float step_y, step_h, title_y, title_h, text_y, text_h, mid_y, mid_h, hint_y, hint_h, foot;
    float hint_x, hint_w;      /* with large text (else the text's column) */
    float text_x, text_w;      /* the text's column (narrower with the dots or ring beside it) */
    float fig_x, fig_cy, dot;  /* the dots' or the ring's centre, a dot's size (large text) */
    gw_rect msg;               /* "Move on when you are ready" beside the ring (w 0: under it) */
    int title_px, text_px, hint_px, hint_align, msg_px, label_px;
    bool hide_side;            /* large text: a note's field in the hint's place while typed */
    bool ring_off;             /* large text: the time up, its words in the ring's place */
    bool title_fit;
    gw_rect btn[NBTN];         /* w 0: not shown */
    const char *label[NBTN];
    int npages, page;
    size_t start[MAX_TEXT_PAGES + 1]; /* where each page of the text starts */
} playout;

/* Where the current step's parts go: text is its text with {name} and {date} filled in,
 * src as written (its placeholders say which field it has). */
playout prompts_lay_out(const app *a, const char *text, const char *src);
/* The timer's ring radius. */
float prompts_timer_r(const app *a);
/* Whether the step shows the note saved on it (not while one is typed). */
bool prompts_saved_note(const app *a);

#endif
