/* ui: the few drawing idioms the scenes share (buttons with widget ids and a focus
 * ring, the top bar), so every screen looks and behaves alike. */
#ifndef GW_UI_H
#define GW_UI_H
#include "app/app.h"

/* A button: rounded surface, centred label, widget id; focus ring when focused. */
void ui_button(const app *a, draw_list *l, const char *id, gw_rect r, const char *label,
               bool focused, bool primary);
/* The one-tap way to the safety line (widget "safety"), a quiet button at x, y (top
 * left corner) of the standard top-bar size. */
void ui_safety_button(const app *a, draw_list *l, float x, float y);
/* Top bar with a Back button (widget "back"), a title and the Help button (widget
 * "safety"); returns its height. */
float ui_top_bar(const app *a, draw_list *l, const char *title);
/* The closing screen of a guided or prompt exercise: well done, a Finish button
 * (widget "done"). */
void ui_closing(const app *a, draw_list *l, float cy);
/* Formats seconds as m:ss (or h:mm:ss) into buf. */
void ui_clock(char *buf, size_t n, double seconds);

#endif
