/* pacer_layout: the breathing exercise's screen laid out (pacer_layout.c): the figure's
 * area, the status row and the controls; and the controls and status drawn. */
#ifndef GW_APP_PACER_LAYOUT_H
#define GW_APP_PACER_LAYOUT_H
#include "app/app.h"
#include "core/draw.h"

enum { PACER_NCTL = 6 }; /* the controls at most */

typedef struct pacer_layout {
    float bar;           /* top bar height */
    gw_rect fig;         /* the figure's area */
    gw_rect status;      /* the row of "breath n of N" and the time left */
    float status_w;      /* the width each of those two may take */
    gw_rect ctl[PACER_NCTL];
    int nctl;            /* the controls shown */
    float px_status;
} pacer_layout;

/* The layout under the top bar (bar tall), for the status texts left and right. */
pacer_layout pacer_lay_out(const app *a, float bar, const char *left, const char *right);
/* The status and the controls where L puts them. */
void pacer_footer(const app *a, draw_list *l, const pacer_layout *L, const char *left, const char *right);

#endif
