/* hr_probe: plat_hr against the BlueZ stand-in (fake_bluez.py) on a private system bus,
 * as a person would use it: Settings scans and lists the sensor; choosing it connects,
 * and heart rate and RR intervals arrive decoded; the sensor goes out of reach and comes
 * back, and notifications resume without anything done; forgetting it disconnects; BlueZ
 * gone makes the state say so. Run by check_hr.py, which starts the bus and the fake
 * and passes the fake's pid (signals move the sensor). Prints each step; exit 0 if all
 * held. Waits are bounded (20 s each) and depend on no speed. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "platform/plat_hr.h"

static plat_hr *H;
static int failed;

static void nap(void) { nanosleep(&(struct timespec){ 0, 50000000 }, NULL); }

typedef bool (*cond_fn)(void);

static bool wait_for(const char *what, cond_fn f)
{
    for (int i = 0; i < 400; i++) {
        if (f())
            return printf("ok: %s\n", what), true;
        nap();
    }
    char why[200];
    printf("FAIL: %s (state %d: %s)\n", what, plat_hr_state(H, why, sizeof why), why);
    failed = 1;
    return false;
}

static bool is(plat_hr_status s) { return plat_hr_state(H, NULL, 0) == s; }
static bool idle(void) { return is(HR_IDLE); }
static bool searching(void) { return is(HR_SEARCHING); }
static bool receiving(void) { return is(HR_RECEIVING); }
static bool unavailable(void) { return is(HR_UNAVAILABLE); }

static bool listed(void)
{
    plat_hr_device d[PLAT_HR_DEVICES];
    int n = plat_hr_devices(H, d, PLAT_HR_DEVICES);
    return n == 1 && !strcmp(d[0].address, "C0:FF:EE:00:00:01") && !strcmp(d[0].name, "Fake HRM");
}

static int got;
static bool readings(void)
{
    plat_hr_note note[16];
    int n = plat_hr_poll(H, note, 16);
    for (int i = 0; i < n; i++) {
        const hrm_reading *r = &note[i].r;
        if (r->bpm != 72 || r->nrr != 2 || fabs(r->rr_ms[0] - 799.8) > 1 || fabs(r->rr_ms[1] - 849.6) > 1 ||
            !r->contact_known || !r->contact) {
            printf("FAIL: a reading of %d bpm with %d intervals (%.1f, %.1f)\n", r->bpm, r->nrr, r->rr_ms[0],
                   r->rr_ms[1]);
            failed = 1;
        }
        got++;
    }
    return got >= 5;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: hr_probe FAKE_PID | --no-bluez | --no-bus\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    H = plat_hr_new();
    if (!H)
        return printf("FAIL: no back-end\n"), 1;
    if (!strcmp(argv[1], "--no-bluez") || !strcmp(argv[1], "--no-bus")) {
        char why[200];
        if (wait_for("the state says Bluetooth cannot be used", unavailable)) {
            plat_hr_state(H, why, sizeof why);
            const char *want = !strcmp(argv[1], "--no-bluez") ? "BlueZ" : "system bus";
            printf("%s: %s\n", strstr(why, want) ? "ok" : "FAIL", why);
            failed |= !strstr(why, want);
        }
        plat_hr_use(H, "C0:FF:EE:00:00:01"); /* asking for a sensor changes nothing */
        nap();
        failed |= !unavailable();
        plat_hr_free(H);
        return failed;
    }
    pid_t fake = (pid_t)atoi(argv[1]);
    wait_for("ready, no sensor chosen", idle);
    plat_hr_scan(H, true);
    wait_for("scanning lists the sensor", listed);
    plat_hr_scan(H, false);
    plat_hr_use(H, "C0:FF:EE:00:00:01");
    wait_for("connected and receiving", receiving);
    wait_for("heart rate 72 and RR 800, 850 ms arrive", readings);
    kill(fake, SIGUSR1);
    wait_for("out of reach: waiting for it", searching);
    kill(fake, SIGUSR2);
    wait_for("back in reach: receiving again", receiving);
    got = 0;
    wait_for("readings again", readings);
    plat_hr_use(H, "");
    wait_for("forgotten: idle", idle);
    kill(fake, SIGTERM);
    wait_for("BlueZ gone: unavailable", unavailable);
    plat_hr_free(H);
    printf(failed ? "hr_probe: FAILED\n" : "hr_probe: all held\n");
    return failed;
}
