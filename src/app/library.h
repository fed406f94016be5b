/* library: the parts of the home library's scene (scene_library.c: drawing and input;
 * library_lay.c: the order of the cards and where everything goes at every text size)
 * and what they share. Only these files include it. */
#ifndef GW_LIBRARY_H
#define GW_LIBRARY_H
#include "app/app.h"

#define MAX_LISTED 256
#define NCOL 3
#define PLAN_COL NCOL  /* the "Your plan" row (present mode's take-home plans) */
#define CARD_TEXT_MAX 640 /* a card's summary (100 characters) or title, with the language tag */

/* The "Recent" row under the header (a personal mode, recent exercises, not large
 * text): the label, then a chip per recent exercise with its whole title, each as wide
 * as its title needs; a chip that does not fit the row's width is left out, never
 * cut. */
#define RECENT_MAX 8
typedef struct recent_row {
    int n;                    /* chips shown */
    int which[RECENT_MAX];    /* the recent exercise each shows (app_recent's index) */
    gw_rect chip[RECENT_MAX];
    gw_rect label;
    float h;                  /* the row's height, 0 when there is none */
} recent_row;

/* The header's buttons: Help, Progress and Settings (a personal mode), each as wide as
 * its label needs, at least as designed, all of one height. */
typedef struct header { gw_rect help, progress, settings, quit; float h, name_h; } header;

/* Where everything goes. As designed: three columns of cards under the header, as
 * tall as the longest column allows (at most 104). With large text the cards show
 * their titles only, all at one size (smaller only as far as two lines need), and
 * are as tall as the titles need; when the columns are then too long for the
 * screen, they go on pages, a few rows at a time (never a section's heading last),
 * with Previous page and Next page at the bottom. */
typedef struct grid {
    header hd;
    float top, head, ch, cw, gap, plan_top, plan_ch, nav_h;
    int plan_rows, npages, page, title_px, most;
    int start[MAX_LISTED + 1]; /* the first row of each page; start[npages] == most */
    bool rows_vary;            /* large text on pages: each row as tall as it needs */
    float row_h[MAX_LISTED];   /* then each row's height (else every one is ch) */
} grid;

const char *library_cat_title(int c);
/* The exercises in display order into out[] (at most MAX_LISTED) with each one's
 * column (PLAN_COL for a plan's); returns how many. */
int library_ordered(const app *a, const exercise **out, int *col);
/* Large text: from 150% the cards show only their titles, wrapped, and
 * the header buttons grow with their labels. */
bool library_large_text(const app *a);
const char *library_recent_title(const app *a, int k);
int library_recent_px(const app *a);
recent_row library_recent_row(const app *a, float top);
header library_header_layout(const app *a, float u);
float library_nav_height(const app *a, float u);
/* The card's summary, after the language the exercise plays in when its pack lacks the
 * interface's ("in English · Two inhales, one long exhale."); in buf when tagged. */
const char *library_card_summary(const app *a, const exercise *e, char *buf, size_t n);
/* Whether card i opens a section of its column (its heading takes the row above it). */
bool library_opens_section(const app *a, const exercise *const *ex, const int *col, int i);
/* The row of each card in its column, counting the rows section headings take. */
void library_rows_of(const app *a, const exercise *const *ex, const int *col, int n, int *row);
grid library_grid_layout(const app *a, const exercise *const *ex, const int *col, int n);
/* The width a card's title has beside its length and its star (unpressed). */
float library_title_w(const app *a, const grid *G, const exercise *e);
/* Row r's height, and where row first + k lies below the page's first row first. */
float library_row_h(const grid *G, int r);
float library_row_y(const grid *G, float u, int first, int k);
/* The page row r of the columns is on. */
int library_page_of_row(const grid *G, int r);

#endif
