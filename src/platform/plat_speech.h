/* plat_speech: the program reading itself aloud through speech-dispatcher, the system
 * speech service screen readers use (Orca among them). libspeechd is loaded when speech
 * is first asked for, not linked, so the program starts and runs without it. A thread
 * of its own talks to the service: plat_speech_say only queues and never blocks, even
 * when the service hangs. The service gone: what is queued is dropped, and it is
 * reached again at the next message (after a short wait, so a missing service is not
 * asked for at every frame).
 * Ownership: plat_speech_new's result is the caller's; plat_speech_free stops the
 * thread (without waiting longer than a second for a service that hangs). */
#ifndef GW_PLAT_SPEECH_H
#define GW_PLAT_SPEECH_H
#include <stdbool.h>
#include <stddef.h>

/* As speech-dispatcher orders them: important cuts in and is never cut; message waits
 * its turn and is not cut; text (what has focus) is cut by anything newer;
 * notification is dropped if anything else is being said. */
typedef enum {
    SPEECH_IMPORTANT,
    SPEECH_MESSAGE,
    SPEECH_TEXT,
    SPEECH_NOTIFICATION,
} speech_priority;

typedef struct plat_speech plat_speech;

/* NULL only when out of memory or no thread could start. */
plat_speech *plat_speech_new(void);
void plat_speech_free(plat_speech *s);
/* Queues text to be said in language lang ("en", "es", ...), rate and volume -100..100
 * (0: the service's default). Text longer than 4000 bytes is cut at a character. */
void plat_speech_say(plat_speech *s, const char *text, const char *lang, speech_priority pr, int rate, int volume);
/* Stops what is being said and drops what is queued. */
void plat_speech_cancel(plat_speech *s);
/* False with a sentence in why (English; the caller shows its own words) when the last
 * attempt found no library or no service; true when it works or was not yet tried. */
bool plat_speech_ok(plat_speech *s, char *why, size_t n);
/* Messages the service accepted so far (for tests and the trace). */
int plat_speech_sent(plat_speech *s);

#endif
