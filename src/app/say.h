/* say: read aloud, the program speaking itself for a person who cannot see the screen.
 * What it says comes from the description of the screen (draw.h: each control's role,
 * name and state) and from the app core (a screen entered, a change that matters, an
 * exercise's step): the focused control whenever it or its state changes, a screen's
 * title and what to do there, the whole screen's text on request. Every message is
 * traced (`speak`: text, priority, lang) whether or not a speech service is there, so
 * a `play` script checks what a person would hear. Speech is a description, as sound
 * is: the messages wait in an outbox that the runner empties into the speech service
 * (run_speech.c, plat_speech: speech-dispatcher loaded at run time; none found:
 * silence, the rest works) and the runner says back whether the service answers.
 * It sits below the app core: it knows draw lists and the trace, never the app.
 * Ownership: say_new's result is the caller's (say_free). */
#ifndef GW_SAY_H
#define GW_SAY_H
#include <stdbool.h>
#include <stddef.h>
#include "core/draw.h"
#include "core/trace.h"
#include "platform/plat_speech.h" /* speech_priority, the service's order */

typedef struct say say;

/* NULL when out of memory (then every call below does nothing). */
say *say_new(trace *tr);
void say_free(say *s);
/* Read aloud on or off; the language ("en"), the rate (percent, 50-200: 100 the
 * service's own) and volume (0-100) of what is said from now on. Turning it off stops
 * what is being said. */
void say_set(say *s, bool on, const char *lang, int rate_pct, int volume);
bool say_on(const say *s);
/* Says text (nothing when off or empty); traced. */
void say_text(say *s, gw_ns now, const char *text, speech_priority pr);
/* Says text whatever read aloud is set to: that it was just turned on or off. */
void say_always(say *s, gw_ns now, const char *text, speech_priority pr);
/* A screen was entered: its title and what to do there are said at the next
 * say_frame (with what it shows first: `read` says every text on it). */
void say_screen(say *s, const char *title, const char *hint, bool read);
/* Guidance (an exercise's step): said now, or after the announcement of a screen just
 * entered; a message, never cut by the focus. */
void say_next(say *s, gw_ns now, const char *text);
/* After input or a new screen, with the description now on screen: the screen's
 * announcement if one is due, then the focused control when it, its name or its
 * state changed ("Reduced motion, switch, off"; only "on" when just its state did). */
void say_frame(say *s, gw_ns now, const draw_list *l);
/* Whether say_frame has something to say whatever the input (a screen entered). */
bool say_due(const say *s);
/* Every text on the screen, in drawing order, as one message (a key asks for it). */
void say_screen_text(say *s, gw_ns now, const draw_list *l);
/* A control as read aloud says it: name, role, state ("Box breathing, exercise, 4
 * minutes, button"), into buf. */
const char *say_widget(const draw_list *l, const draw_widget *w, char *buf, size_t n);
/* ---- the runner's side ---------------------------------------------------------- */
#define SAY_TEXT_MAX 4000
typedef struct say_msg {
    char text[SAY_TEXT_MAX];
    char lang[16];
    speech_priority pr;
    int rate, volume;        /* as speech-dispatcher takes them, -100..100 */
} say_msg;
/* The oldest message not yet taken, into out (false: none). The outbox keeps the
 * newest 16: a runner that takes none (play) loses nothing it wanted. */
bool say_take(say *s, say_msg *out);
/* Read aloud was turned off since the last call: what is being said should stop. */
bool say_take_cancel(say *s);
/* The runner tells whether the speech service answers (Settings says when it does not). */
void say_service(say *s, bool ok);
/* False when the runner said the service does not answer; true before it tried. */
bool say_service_ok(const say *s);

#endif
