/* run_speech: the runners' side of read aloud, as they play the app's sound: what the
 * app asked to be said (say.h's outbox) handed to the speech service once a pass, and
 * whether the service answers told back to the app. The service (plat_speech:
 * libspeechd loaded at run time, its own thread) is made at the first message, so a
 * run that never reads aloud never loads it.
 * Ownership: a zeroed run_speech is ready; run_speech_end frees what it made. */
#ifndef GW_RUN_SPEECH_H
#define GW_RUN_SPEECH_H
#include "app/say.h"

typedef struct run_speech {
    plat_speech *sp;
    int handed;             /* messages handed to sp */
} run_speech;

/* Hands every message waiting in s to the service (or stops it, read aloud turned off)
 * and tells s whether the service answers. */
void run_speech_pass(run_speech *r, say *s);
/* Waits (at most 2 s) until what was handed over reached the service, then frees it. */
void run_speech_end(run_speech *r);

#endif
