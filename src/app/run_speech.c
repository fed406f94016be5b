/* run_speech: read aloud's messages to the speech service (run_speech.h). */
#include "app/run_speech.h"

#include <time.h>

void run_speech_pass(run_speech *r, say *s)
{
    if (say_take_cancel(s) && r->sp)
        plat_speech_cancel(r->sp);
    say_msg m;
    while (say_take(s, &m)) {
        if (!r->sp && !(r->sp = plat_speech_new()))
            continue; /* no thread, no memory: silence, as with no service */
        plat_speech_say(r->sp, m.text, m.lang, m.pr, m.rate, m.volume);
        r->handed++;
    }
    if (r->sp) {
        char why[8];
        say_service(s, plat_speech_ok(r->sp, why, sizeof why));
    }
}

void run_speech_end(run_speech *r)
{
    if (!r->sp)
        return;
    /* what was asked (a last "Session saved") is said before the program ends */
    char why[8];
    for (int i = 0; i < 200 && plat_speech_sent(r->sp) < r->handed && plat_speech_ok(r->sp, why, sizeof why); i++)
        nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
    plat_speech_free(r->sp);
    r->sp = NULL;
}
