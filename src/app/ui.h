/* ui: the few drawing idioms the scenes share (buttons with widget ids and a focus
 * ring, the top bar, layouts that reflow), so every screen looks and behaves alike.
 * Every call takes a small context, as microui's widgets take their mu_Context: what
 * the idioms read of the program (unit, theme, screen, text size, focus ring, the
 * text measurer), not the program itself. The caller builds it (app_ui) and owns it;
 * ui keeps nothing between calls and knows no scene. */
#ifndef GW_UI_H
#define GW_UI_H
#include <stdbool.h>
#include <stddef.h>
#include "core/draw.h"
#include "core/theme.h"

struct plat_text;
typedef struct ui_ctx {
    const theme *th;
    float unit;              /* layout unit: 1 at 1280x720 */
    int w, h;                /* the screen (or the client view) laid out in, pixels */
    float text_scale;        /* the person's text size (draw_adapt applies it) */
    bool focus_visible;      /* focus rings are drawn (keyboard or gamepad in use) */
    struct plat_text *text;  /* measures text; NULL: sizes are estimated */
    const char *hover;       /* the widget under the mouse, NULL: none */
    bool pressing;           /* the mouse button or a finger is down on `hover` */
} ui_ctx;

/* ---- a control's states ------------------------------------------------------------
 * Every control shows the same states the same way: under the mouse its surface is a
 * little lighter (towards the text colour), pressed a little deeper (towards the
 * background) and inset, and focused (keyboard or gamepad) it has the focus ring: a
 * 3-unit ring in the theme's focus colour, 4 units outside it. */
bool ui_hovered(const ui_ctx *ui, const char *id);
bool ui_pressed(const ui_ctx *ui, const char *id);
/* The surface colour of control `id` resting at `base`, in its state. */
gw_color ui_state_color(const ui_ctx *ui, const char *id, gw_color base);
/* The focus ring around r, whose corners have radius rad (when focus is visible). */
void ui_focus_ring(const ui_ctx *ui, draw_list *l, gw_rect r, float rad);
/* The focus ring around the widget just added (draw_widget_add), when it has the
 * focus: for controls drawn without ui_button or ui_card. */
void ui_focus_ring_added(const ui_ctx *ui, draw_list *l, float rad);
/* A card or chip: its surface (`base` at rest, surface_hi when focused) in its state,
 * the focus ring when focused, and its widget. Draw its content after it. Returns
 * the rectangle to draw the content in (inset while pressed). */
gw_rect ui_card(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, float rad, bool focused, gw_color base);
/* The name a pacer style is shown by (its index in the pacer_style vocabulary). */
const char *ui_pacer_style_label(int style);

/* A button: rounded surface, centred label, widget id; focus ring when focused. */
void ui_button(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, const char *label,
               bool focused, bool primary);
/* A button for an action that cannot be undone ("Delete"): the theme's warn colour,
 * never the calm primary's; the safe choice beside it is the primary. */
void ui_button_warn(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, const char *label, bool focused);
/* The one-tap way to the safety line (widget "safety"), a quiet button at x, y (top
 * left corner) of the standard top-bar size. */
void ui_safety_button(const ui_ctx *ui, draw_list *l, float x, float y);
/* Top bar with a Back button (widget "back"), a title and the Help button (widget
 * "safety"); returns its height. */
float ui_top_bar(const ui_ctx *ui, draw_list *l, const char *title);
/* Where the top bar's Back and Help buttons end (when its title takes one line): what
 * is laid over the screen below them starts lower. */
float ui_top_bar_buttons_bottom(const ui_ctx *ui);
/* The closing screen of a guided or prompt exercise: well done, a Finish button
 * (widget "done"). */
void ui_closing(const ui_ctx *ui, draw_list *l, float cy);
/* Formats seconds as m:ss (or h:mm:ss) into buf. */
void ui_clock(char *buf, size_t n, double seconds);

/* ---- layouts that reflow ---------------------------------------------------------
 * Text measured at the size it is drawn: px is the size a scene passes to draw_text
 * (app_draw then applies the person's text size); results are screen pixels. Without
 * fonts the sizes are estimated. */
typedef struct ui_text_size { float w, h, line_h; int lines; } ui_text_size;
/* utf8 at px, bold or not, wrapped at wrap pixels (0: one line). h is the height its
 * box needs; w the widest line (wider than wrap when a single word is). */
ui_text_size ui_measure(const ui_ctx *ui, const char *utf8, int px, bool bold, float wrap);
float ui_text_w(const ui_ctx *ui, const char *utf8, int px, bool bold);
float ui_text_h(const ui_ctx *ui, const char *utf8, int px, bool bold, float wrap);
/* Whether utf8 fits a w x h box, wrapped at w, with no word broken (a word wider than
 * w makes the text as wide as the word: ui_measure's w). */
bool ui_text_fits(const ui_ctx *ui, const char *utf8, int px, bool bold, float w, float h);
/* The largest size from px down to min_px at which utf8 fits a w x h box (min_px if
 * none does). */
int ui_fit_px(const ui_ctx *ui, const char *utf8, int px, int min_px, bool bold, float w, float h);
/* The largest size in (lo, hi] at which fits(ctx, size) holds, else lo (a text never
 * needs less room at a smaller size). From guess (in (lo, hi); 0 for none: where the
 * size that fits about is, from a measure at hi) up while it fits or down till it
 * does; without one, hi, then lo + 1, then halving between. Few sizes are measured, so
 * few fonts are opened only to be measured at (each size of a font is a font of its
 * own, some 200 KiB). */
int ui_largest_px(int lo, int hi, int guess, bool (*fits)(const void *ctx, int px), const void *ctx);
/* The largest size from px down to ui_min_px at which no word of utf8 is wider than w
 * (ui_min_px if none: the renderer then makes it smaller still rather than break it). */
int ui_words_px(const ui_ctx *ui, const char *utf8, int px, bool bold, float w);
/* Whether utf8 fits one line of width w drawn with TEXT_FIT: at px, or made smaller
 * but no smaller than ui_min_px. */
bool ui_line_fits(const ui_ctx *ui, const char *utf8, int px, bool bold, float w);
/* The smallest size a text may be made to fit its room: never below 85% of px, and
 * at large text sizes never below what 150% would draw (readable large type). */
int ui_min_px(const ui_ctx *ui, int px);
/* A button's label size (before the person's text size). */
int ui_button_px(const ui_ctx *ui);
/* The width a button needs for its label on one line, at least min_w, and the
 * height for its label wrapped in w, at least min_h. */
float ui_button_w(const ui_ctx *ui, const char *label, float min_w);
float ui_button_h(const ui_ctx *ui, const char *label, float w, float min_h);

/* A row of buttons that wraps onto more rows when it does not fit: each as wide as
 * its label needs (at least min_w), rows no wider than w, centred in x..x+w; with
 * `fill`, each row's buttons are stretched to fill it. Returns the height used; with
 * l NULL only measures. */
typedef struct ui_item {
    const char *id, *label;
    float min_w;
    bool focused, primary;
} ui_item;
float ui_button_flow(const ui_ctx *ui, draw_list *l, float x, float y, float w, float min_h, float gap,
                     const ui_item *items, int n, bool fill);
/* Widths for n buttons side by side filling avail: as equal as they can be, each at
 * least as wide as it needs (need[i]), into out (the row of ui_button_flow with fill). */
void ui_fill_widths(const float *need, float *out, int n, float avail);
/* A column of blocks laid out top to bottom: texts (wrapped at w, at least min_h
 * tall) and fixed blocks (text NULL: min_h). At their natural sizes if they fit
 * between top and bottom, starting at top; otherwise the gaps close up towards their
 * minima, then the texts allowed to shrink (min_px < px) get smaller together, and
 * the column is centred in the room. Fills in px_out, h and y. False if it still does
 * not fit (the smallest sizes are then used). */
typedef struct ui_block {
    const char *text;
    int px, min_px;
    bool bold;
    float w, min_h, pad; /* pad: added to a text's height (a panel around it) */
    float gap, min_gap;  /* space above the block (the first block's is ignored) */
    int px_out;
    float h, y;
} ui_block;
bool ui_stack(const ui_ctx *ui, ui_block *b, int n, float top, float bottom);
/* The top bar for screens with keyboard navigation over their widgets: Back is
 * widget 0, Help widget 1; `focus` is the focused one (another value: neither). With
 * l NULL only measures: the height it would take. */
float ui_top_bar_focus(const ui_ctx *ui, draw_list *l, const char *title, int focus);
/* The Help button (widget "safety") in the rectangle given. */
void ui_safety_button_at(const ui_ctx *ui, draw_list *l, gw_rect r);

#endif
