/* ui: the few drawing idioms the scenes share (buttons with widget ids and a focus
 * ring, the top bar), so every screen looks and behaves alike. */
#ifndef GW_UI_H
#define GW_UI_H
#include "app/app.h"

/* A button: rounded surface, centred label, widget id; focus ring when focused. */
void ui_button(const app *a, draw_list *l, const char *id, gw_rect r, const char *label,
               bool focused, bool primary);
/* Top bar with a Back button (widget "back") and a title; returns its height. */
float ui_top_bar(const app *a, draw_list *l, const char *title);
/* The closing screen of a guided or prompt exercise: well done, a Finish button
 * (widget "done"). */
void ui_closing(const app *a, draw_list *l, float cy);
/* Formats seconds as m:ss (or h:mm:ss) into buf. */
void ui_clock(char *buf, size_t n, double seconds);

#endif
