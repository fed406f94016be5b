/* settings_form: the settings screens' controls (a section's title, buttons, a row of
 * choices, a value with - and +), drawn or only measured, numbering their widgets in
 * drawing order for the keyboard's focus. Used by scene_settings.c and the files of
 * its pages (settings_reminders.c, settings_export.c), nothing else. */
#ifndef GW_SETTINGS_FORM_H
#define GW_SETTINGS_FORM_H
#include "app/app.h"

typedef struct sform {
    const app *a;
    draw_list *l;   /* NULL: measuring only */
    float u;
    int idx;        /* widgets drawn so far: the focus order */
    int focus;      /* the focused widget (the screen's own focus) */
    bool beside;    /* large text: a value's or a switch's title beside it where the row has
                       room, not above it (fewer pages) */
} sform;

/* A section's title: its height at width w; drawn, where its controls start. */
float sform_label_h(sform *L, float w, const char *text);
float sform_label(sform *L, float x, float y, float w, const char *text);
/* A button, focused when it is the focus-th widget drawn; `on` lights it. */
void sform_button(sform *L, const char *id, gw_rect r, const char *label, bool on);
/* One labelled group of choices ("prefix:key" each), `sel` the chosen one: a row of
 * equal buttons, onto more rows when the labels need it. Returns its height. */
#define SFORM_MAX_CHOICES 8
float sform_choices(sform *L, float x, float y, float w, const char *title, const char *prefix,
                    const char *const *keys, const char *const *names, int n, const char *sel);
/* Describes the widget just drawn for read aloud (nothing when only measuring). */
void sform_describe(sform *L, draw_role role, const char *name, const char *state);
/* The last two widgets drawn, - and + of the value titled `title`: heard as
 * "TITLE: lower" and "TITLE: higher", with the value. */
void sform_steps(sform *L, const char *title, const char *value);
/* A percentage with - and + ("id:down", "id:up"), its title above it (beside it, at the
 * row's end, with L->beside where they fit). Returns its height. */
float sform_stepper(sform *L, float x, float y, float w, const char *title, const char *id, int pct);

#endif
