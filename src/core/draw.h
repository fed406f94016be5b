/* draw: the description of one screen. Scenes fill a draw_list from their state
 * (never changing it); the platform renders the list. Comparing a list with the
 * previous frame's tells which parts of the screen changed, so unchanged frames are
 * not drawn at all and changed frames redraw only their dirty rectangle.
 * Widgets (controls with stable ids) are listed with their rectangles so that input,
 * `press` in scripts and the focus ring work from the same description.
 * Ownership: the list owns its commands and a text arena; draw_list_free releases. */
#ifndef GW_DRAW_H
#define GW_DRAW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gw_color { uint8_t r, g, b, a; } gw_color;
typedef struct gw_rect  { float x, y, w, h; } gw_rect;

typedef enum draw_op {
    DRAW_RECT,      /* filled rectangle, optional corner radius */
    DRAW_CIRCLE,    /* filled disc, anti-aliased edge */
    DRAW_RING,      /* arc of a ring: centre, radius, thickness, from a0 to a1 (turns, 0 = top, clockwise) */
    DRAW_FRAME,     /* rectangle outline of given thickness, optional radius */
    DRAW_TEXT,      /* text in a box, aligned, wrapped to the box width */
    DRAW_LINE,      /* thick line from (x,y) to (x+w,y+h) */
    DRAW_GLOW,      /* soft radial glow: full colour to radius, fading to nothing over thick */
    DRAW_GRADIENT   /* rectangle shading from color at its top to color2 at its bottom */
} draw_op;

enum { ALIGN_LEFT = 0, ALIGN_CENTER = 1, ALIGN_RIGHT = 2 };
enum { VALIGN_TOP = 0, VALIGN_MIDDLE = 4, VALIGN_BOTTOM = 8 };
enum { FONT_REGULAR = 0, FONT_BOLD = 1 };
/* Text flag: one line, shrunk (down to 70%) to fit the box's width rather than wrapped. */
enum { TEXT_FIT = 1 << 9 };
/* Text flag: the text is a right-to-left paragraph unless its letters all go left to
 * right (set for every text by draw_adapt_mirror in a right-to-left language). */
enum { TEXT_RTL = 1 << 10 };
/* Glow flag: nothing inside the radius (the glow lies under an opaque disc of that
 * radius, whose pixels need not be blended twice). */
enum { GLOW_HOLLOW = 1 };

typedef struct draw_cmd {
    draw_op  op;
    gw_color color;
    gw_rect  r;          /* bounds (for circles/rings: the square around them) */
    float    radius;     /* corner radius, circle or ring radius */
    float    thick;      /* ring/frame/line thickness */
    float    a0, a1;     /* ring arc in turns */
    int      font_px;    /* text size in pixels */
    int      flags;      /* ALIGN_* | VALIGN_* | (FONT_BOLD << 8) | TEXT_FIT | TEXT_RTL */
    uint32_t text;       /* offset into the arena (DRAW_TEXT); DRAW_GRADIENT: color2 as 0xRRGGBBAA */
} draw_cmd;

/* What a control is to a person who hears the screen instead of seeing it (read
 * aloud): its role, and beside its id a name (what its label says, in the interface
 * language) and a state ("on", "150%", "4 minutes"). A panel holds other controls and
 * needs no name. */
typedef enum draw_role {
    ROLE_NONE,      /* not described: a fault the accessibility test reports */
    ROLE_BUTTON,
    ROLE_SWITCH,    /* on or off */
    ROLE_CHECKBOX,  /* ticked or not */
    ROLE_OPTION,    /* one of a group of choices, selected or not */
    ROLE_SLIDER,    /* a value made lower or higher */
    ROLE_EXERCISE,  /* an exercise's card: a button that starts it */
    ROLE_TEXT_FIELD,
    ROLE_PANEL,     /* holds other controls; pressing it does nothing */
    ROLE_COUNT
} draw_role;

#define DRAW_WIDGET_ID_MAX 48
typedef struct draw_widget {
    char    id[DRAW_WIDGET_ID_MAX];
    gw_rect r;
    bool    focused;
    uint8_t role;           /* draw_role */
    uint32_t name, state;   /* arena offsets + 1; 0: none (draw_widget_name) */
} draw_widget;

typedef struct draw_list {
    int w, h;               /* screen size in pixels */
    gw_color clear;         /* background */
    draw_cmd *cmd;   int ncmd, capcmd;
    draw_widget *wid; int nwid, capwid;
    char *arena; size_t narena, caparena;
    bool oom;               /* an allocation failed: the list is incomplete */
    /* The keyboard focus by drawing order (the app's focus stops): the widget added
     * as the focus_stop-th (1-based) is the focused one and no other is, whatever
     * its drawer says; 0: each drawer says whether its widget has the focus. Set by
     * the caller after draw_begin (which clears it). */
    int focus_stop;
    /* The first command whose words are the screen's own: those before it (an
     * overlay's backdrop, the screen it is shown over) are not read aloud as its
     * text. 0: all; cleared by draw_begin. */
    int words_from;
} draw_list;

void draw_begin(draw_list *l, int w, int h, gw_color clear);
void draw_free(draw_list *l);

void draw_rect(draw_list *l, gw_rect r, float radius, gw_color c);
void draw_frame(draw_list *l, gw_rect r, float radius, float thick, gw_color c);
void draw_circle(draw_list *l, float cx, float cy, float radius, gw_color c);
void draw_ring(draw_list *l, float cx, float cy, float radius, float thick,
               float a0, float a1, gw_color c);
void draw_line(draw_list *l, float x0, float y0, float x1, float y1, float thick, gw_color c);
/* A soft glow around (cx, cy): colour c (its alpha the glow's strength) out to radius,
 * then fading smoothly to nothing at radius + spread. flags: GLOW_HOLLOW. The renderer
 * draws it from a precomputed falloff, never per-pixel roots or powers. */
void draw_glow(draw_list *l, float cx, float cy, float radius, float spread, int flags, gw_color c);
/* A rectangle shaded from top (at its top edge) to bottom (at its bottom edge), opaque:
 * an ambient background drawn one colour per row. */
void draw_gradient(draw_list *l, gw_rect r, gw_color top, gw_color bottom);
static inline gw_color draw_gradient_bottom(const draw_cmd *c)
{
    gw_color b = { (uint8_t)(c->text >> 24), (uint8_t)(c->text >> 16), (uint8_t)(c->text >> 8), (uint8_t)c->text };
    return b;
}
void draw_text(draw_list *l, gw_rect box, const char *utf8, int font_px, int flags, gw_color c);
void draw_widget_add(draw_list *l, const char *id, gw_rect r, bool focused);
/* Whether the widget about to be added has the focus: `focused` (its drawer's say),
 * unless the list has a focus stop, which decides (draw_list.focus_stop). */
bool draw_focus_next(const draw_list *l, bool focused);
/* Describes the widget added last: its role, name and state (NULL: left as they are;
 * copied into the list, so never a text of the list itself). Nothing happens when the list has no widget. */
void draw_widget_describe(draw_list *l, draw_role role, const char *name, const char *state);
/* The same for widget i (in the order added); nothing when there is no such widget. */
void draw_widget_describe_at(draw_list *l, int i, draw_role role, const char *name, const char *state);
/* A widget's name and state ("" when it has none). */
const char *draw_widget_name(const draw_list *l, const draw_widget *w);
const char *draw_widget_state(const draw_list *l, const draw_widget *w);

const char *draw_text_of(const draw_list *l, const draw_cmd *c);
const draw_widget *draw_widget_find(const draw_list *l, const char *id);
/* The topmost widget containing (x, y), or NULL. */
const draw_widget *draw_widget_at(const draw_list *l, float x, float y);

/* Compares two frames. Returns false if they would produce the same pixels. Otherwise
 * true, with *dirty set to the union of the bounds of what differs (the whole screen
 * if the size or background changed). */
bool draw_diff(const draw_list *prev, const draw_list *next, gw_rect *dirty);
/* The same as up to max separate rectangles (merged where they touch), so that two
 * small changes far apart do not redraw everything between them. Returns how many; 0
 * when nothing changed. A progress ring whose end moved dirties only the moved arc.
 * Given room for more than DRAW_MAX_DIRTY (DRAW_MAX_RECTS), a disc or glow that only
 * grew or shrank about its centre dirties the ring between its old and new extents,
 * as bands of rectangles after the (at most DRAW_MAX_DIRTY) merged ones, which they
 * may overlap; up to DRAW_MAX_RINGS such rings (more: their squares). */
#define DRAW_MAX_DIRTY 8
#define DRAW_MAX_RINGS 4
#define DRAW_MAX_RECTS (DRAW_MAX_DIRTY + 2 * 48)
int draw_diff_rects(const draw_list *prev, const draw_list *next, gw_rect *rects, int max);
/* A stable 64-bit hash of the list (for tests and caches). */
uint64_t draw_hash(const draw_list *l);

static inline gw_color gw_rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a)
{ gw_color c = { r, g, b, a }; return c; }
static inline gw_rect gw_rc(float x, float y, float w, float h)
{ gw_rect r = { x, y, w, h }; return r; }
static inline bool gw_rect_has(gw_rect r, float x, float y)
{ return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }
gw_rect gw_rect_union(gw_rect a, gw_rect b);
bool gw_rect_empty(gw_rect r);

#endif
