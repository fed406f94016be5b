/* say: read aloud, the program speaking itself for a person who cannot see the screen.
 * What it says comes from the description of the screen (draw.h: each control's role,
 * name and state) and from the app core (a screen entered, a change that matters, an
 * exercise's step): the focused control whenever it or its state changes, a screen's
 * title and what to do there, the whole screen's text on request. Every message is
 * traced (`speak`: text, priority, lang) whether or not a speech service is there, so
 * a `play` script checks what a person would hear; live, it goes to speech-dispatcher
 * through plat_speech (loaded at run time; none found: silence, the rest works).
 * It sits below the app core: it knows draw lists, the trace and the platform, never
 * the app. Ownership: say_new's result is the caller's (say_free); it owns its
 * plat_speech, made when first needed. */
#ifndef GW_SAY_H
#define GW_SAY_H
#include <stdbool.h>
#include <stddef.h>
#include "core/draw.h"
#include "core/trace.h"
#include "platform/plat_speech.h"

typedef struct say say;

/* live: messages go to the speech service too (else only to the trace). NULL when out
 * of memory (then every call below does nothing). */
say *say_new(trace *tr, bool live);
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
/* False with why (English) when the speech service could not be reached (live); true
 * when it works, was not yet asked, or this run has none by design (play). */
bool say_service_ok(say *s, char *why, size_t n);

#endif
