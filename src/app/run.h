/* run: the ways the program runs. Live in a window (run_live.c), headless on a virtual
 * clock (`play`), one frame (`render`); and content discovery they all share. */
#ifndef GW_RUN_H
#define GW_RUN_H
#include <stdbool.h>
#include "core/pack.h"

typedef struct run_options {
    const char *mode;          /* home, present, kiosk */
    const char *packs[32];     /* --pack DIR */
    int npacks;
    bool fullscreen;
    int display;
    const char *exercise;
    int cycles;
    const char *script;
    const char *trace;
    int w, h;
    bool no_draw;
    double at;                 /* render */
    const char *out;           /* render */
    const char *theme;
    const char *lang;
    const char *preview;       /* preview: the pack folder watched and reloaded */
    const char *config;        /* kiosk: --config FILE */
    /* home */
    bool checkins, welcome;    /* play: offer check-ins / the first-run welcome as live does */
    /* present */
    const char *plan_dir;      /* --plan-dir DIR: where Save plan writes; NULL: the default */
    /* accessibility */
    int text_pct;              /* --text-size: 100-200; 0: the settings' */
    bool read_aloud;           /* --read-aloud: on for this run, whatever the settings say */
    /* soaks */
    int draw_every;            /* play --draw-every N: rasterize every Nth step; 0: every step */
    double heap_every;         /* play --heap-every SECONDS: a `heap` trace event that often; 0: none */
    bool cautions;             /* render --cautions: the exercise's "Before you begin" at --at seconds */
    const char *hr_replay;     /* --hr-replay FILE: heart beats from a recording (RR CSV) */
    const double *hr_rr;       /* its intervals, read before the run (ms) */
    int hr_n;
} run_options;

/* Built-in content, then $XDG_DATA_HOME/groundwork/packs/<each>, then each --pack. */
void run_load_content(pack_set *s, const run_options *o);
/* The first two of those (what is installed), leaving out the folders that are one of
 * skip (nskip paths): `validate` loads them first, so that a pack clashing with them is
 * reported as list and play would refuse it. */
void run_load_installed(pack_set *s, const char *const *skip, int nskip);
/* Prints the set's diagnostics to stderr, one located line each. */
void run_print_diags(const pack_diags *d);

int run_live(const run_options *o);
/* Loads the content a run shows: the previewed pack alone, or run_load_content. */
void run_content_for(pack_set *s, const run_options *o);
int run_play(const run_options *o);
int run_render(const run_options *o);
/* Kiosk content swap: run_load_content with ctx a const run_options *. */
void run_reload_content(pack_set *out, void *ctx);
/* A fingerprint of every file and folder run_load_content would read (path, size, time,
 * inode; a followed link by its target), ctx a run_options: it changes when content on
 * disk changes, without loading it. */
unsigned long long run_content_stamp(void *ctx);

#endif
