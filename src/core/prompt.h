/* prompt: the state machine of a prompt exercise (grounding): one step at a time, the
 * dots of the step's count filled one by one, an optional step timer shown as a
 * countdown and, for steps that say so, a move to the next step when it runs out.
 * Time is the exercise's elapsed time (pauses excluded), passed in; the timer is a
 * function of it, so nothing drifts. Also expands the {date} and {name} placeholders.
 *
 * Ownership: a prompt_run borrows the steps (owned by the pack); it must not outlive
 * them. It allocates nothing. */
#ifndef GW_PROMPT_H
#define GW_PROMPT_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "core/gwtime.h"
#include "core/pack.h"

typedef struct prompt_run {
    const prompt_step *steps;  /* borrowed */
    int   nstep;
    int   step;                /* the step shown; nstep once finished */
    int   tally;               /* dots filled in this step */
    gw_ns step_start;          /* elapsed time at which this step began */
} prompt_run;

/* Starts at step 0 at elapsed time t. */
void prompt_start(prompt_run *r, const prompt_step *steps, int nstep, gw_ns t);
bool prompt_finished(const prompt_run *r);
/* The step shown, or NULL once finished. */
const prompt_step *prompt_current(const prompt_run *r);
/* Moves on (from the last step: finishes). Returns false if already finished. */
bool prompt_next(prompt_run *r, gw_ns t);
/* Moves back one step. Returns false on the first step or once finished. */
bool prompt_prev(prompt_run *r, gw_ns t);
/* Fills one more dot. Returns false if the step has no dots or all are filled. */
bool prompt_tally(prompt_run *r);
/* True if the step has dots still to fill. */
bool prompt_wants_tally(const prompt_run *r);
/* Auto-advance: if the current step's timer has run out at t and the step advances by
 * itself, moves on by one step (the next one starts when the timer ended, not at t)
 * and returns true. Call until it returns false. */
bool prompt_update(prompt_run *r, gw_ns t);
/* The step timer at t: remaining time (0 when run out or no timer) and the fraction
 * gone, 0..1 (0 with no timer). */
gw_ns prompt_remaining(const prompt_run *r, gw_ns t);
float prompt_timer_fraction(const prompt_run *r, gw_ns t);
/* The next elapsed time at which what is shown changes by itself (the countdown shows
 * whole seconds), or GW_NEVER. */
gw_ns prompt_next_change(const prompt_run *r, gw_ns t);

/* Copies text into out (n bytes, always terminated when n > 0), replacing {date} with
 * date and {name} with name (NULL counts as ""). Other braces are copied as they are.
 * Truncates on a UTF-8 character boundary. Returns the length written. */
size_t prompt_expand(char *out, size_t n, const char *text, const char *date, const char *name);
/* True if text contains the placeholder ph (e.g. "{name}"). */
bool prompt_has_placeholder(const char *text, const char *ph);

/* Today's date written out for {date}: in the language lang ("en", "es", ...) with the
 * C library's names for that language when its locale is installed (English always
 * is), in the order usual for region ("US": month first); otherwise the unambiguous
 * 2025-03-04. Returns out. */
char *prompt_format_date(char *out, size_t n, const struct tm *tm, const char *lang,
                         const char *region);

#endif
