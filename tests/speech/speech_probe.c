/* speech_probe: plat_speech as the program uses it, against whatever SPEECHD_ADDRESS
 * names (check_speech.py starts a stand-in there). Says the lines given on the command
 * line (each "LANG|PRIORITY|TEXT", priority 0-3), waits until the service took them (at
 * most 20 s), then prints "sent N" and "ok" or "unavailable: why". With --after-gone
 * FILE it then waits for FILE to disappear (the stand-in was stopped), says one more
 * line, which must fail without ending the program, and says whether it still runs.
 * --wait S waits S seconds instead of 20 (a service that hangs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "platform/plat_speech.h"

static void nap(void) { nanosleep(&(struct timespec){ 0, 50000000 }, NULL); }

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    plat_speech *s = plat_speech_new();
    if (!s)
        return 1;
    int want = 0, i = 1, wait_s = 20;
    const char *gone = NULL;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--wait") && i + 1 < argc) {
            wait_s = atoi(argv[++i]);
            continue;
        }
        if (!strcmp(argv[i], "--after-gone") && i + 1 < argc) {
            gone = argv[++i];
            continue;
        }
        char lang[16];
        int pr;
        int at = 0;
        if (sscanf(argv[i], "%15[^|]|%d|%n", lang, &pr, &at) < 2 || !at)
            return fprintf(stderr, "bad line: %s\n", argv[i]), 2;
        plat_speech_say(s, argv[i] + at, lang, (speech_priority)pr, 20, -10);
        want++;
    }
    char why[200];
    for (int k = 0; k < wait_s * 20 && plat_speech_sent(s) < want && plat_speech_ok(s, why, sizeof why); k++)
        nap();
    printf("sent %d\n", plat_speech_sent(s));
    if (plat_speech_ok(s, why, sizeof why))
        printf("ok\n");
    else
        printf("unavailable: %s\n", why);
    if (gone) {
        for (int k = 0; k < 400 && access(gone, F_OK) == 0; k++)
            nap();
        int before = plat_speech_sent(s);
        plat_speech_say(s, "Still here", "en", SPEECH_MESSAGE, 0, 0);
        for (int k = 0; k < 100 && plat_speech_ok(s, why, sizeof why); k++)
            nap();
        printf("after gone: sent %d more, %s\n", plat_speech_sent(s) - before,
               plat_speech_ok(s, why, sizeof why) ? "ok" : why);
    }
    plat_speech_free(s);
    printf("exited cleanly\n");
    return 0;
}
