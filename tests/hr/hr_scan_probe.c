/* hr_scan_probe: plat_hr's scanning and choosing against the BlueZ stand-in
 * (fake_bluez.py) on a private system bus, as Settings' heart-rate page uses them:
 * discovery starts and says so, sensors are listed as they are found (only those with
 * the Heart Rate service), one chosen is paired, trusted and connected, its heart rate
 * can be read without taking the notifications; freeing the back-end while it scans
 * stops discovery. Also why it cannot be used: the adapter switched off (and then on),
 * permission refused, no BlueZ, no bus. Run by check_hr_scan.py, which starts the bus
 * and the fake and checks the calls the fake logged. Waits are bounded (20 s each).
 *   hr_scan_probe scan|off FAKE_PID;  hr_scan_probe denied|no-bluez|no-bus */
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
    printf("FAIL: %s (state %d, reason %d: %s)\n", what, plat_hr_state(H, why, sizeof why), plat_hr_reason(H), why);
    failed = 1;
    return false;
}

static bool is(plat_hr_status s) { return plat_hr_state(H, NULL, 0) == s; }
static bool idle(void) { return is(HR_IDLE); }
static bool receiving(void) { return is(HR_RECEIVING); }
static bool scanning(void) { return plat_hr_scanning(H); }
static bool not_scanning(void) { return !plat_hr_scanning(H); }
static bool beating(void) { return plat_hr_heart_rate(H) == 72; }

static plat_hr_why want_why;
static bool why_is(void) { return is(HR_UNAVAILABLE) && plat_hr_reason(H) == want_why; }

static int count(const char *addr, const char *name, bool connected)
{
    plat_hr_device d[PLAT_HR_DEVICES];
    int n = plat_hr_devices(H, d, PLAT_HR_DEVICES), found = 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(d[i].name, "Headphones")) {
            printf("FAIL: headphones without the Heart Rate service are listed\n");
            failed = 1;
        }
        if (!strcmp(d[i].address, addr) && !strcmp(d[i].name, name) && (!connected || d[i].connected))
            found++;
    }
    return found;
}
static bool first_found(void) { return count("C0:FF:EE:00:00:01", "Fake HRM", false) == 1; }
static bool second_found(void)
{
    plat_hr_device d[PLAT_HR_DEVICES];
    return count("C0:FF:EE:00:00:02", "Fake HRM 2", false) == 1 && plat_hr_devices(H, d, PLAT_HR_DEVICES) == 2;
}
static bool second_connected(void)
{
    plat_hr_device d[PLAT_HR_DEVICES];
    int n = plat_hr_devices(H, d, PLAT_HR_DEVICES);
    for (int i = 0; i < n; i++)
        if (!strcmp(d[i].address, "C0:FF:EE:00:00:02"))
            return d[i].connected && d[i].paired;
    return false;
}

static void unavailable_because(plat_hr_why why, const char *what)
{
    want_why = why;
    wait_for(what, why_is);
    plat_hr_scan(H, true); /* asking changes nothing */
    plat_hr_use(H, "C0:FF:EE:00:00:01");
    for (int i = 0; i < 10; i++)
        nap();
    if (!why_is() || plat_hr_scanning(H)) {
        printf("FAIL: asking to scan and connect changed the state (%d, reason %d)\n", plat_hr_state(H, NULL, 0),
               plat_hr_reason(H));
        failed = 1;
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: hr_scan_probe scan|off FAKE_PID | denied | no-bluez | no-bus\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    H = plat_hr_new();
    if (!H)
        return printf("FAIL: no back-end\n"), 1;
    const char *m = argv[1];
    pid_t fake = argc > 2 ? (pid_t)atoi(argv[2]) : 0;
    if (!strcmp(m, "denied"))
        unavailable_because(HR_WHY_REFUSED, "permission refused says so");
    else if (!strcmp(m, "no-bluez"))
        unavailable_because(HR_WHY_NO_BLUEZ, "no BlueZ says so");
    else if (!strcmp(m, "no-bus"))
        unavailable_because(HR_WHY_NO_BUS, "no bus says so");
    else if (!strcmp(m, "off") && fake) {
        want_why = HR_WHY_OFF;
        wait_for("the adapter switched off says so", why_is);
        plat_hr_scan(H, true);
        nap();
        failed |= plat_hr_scanning(H);
        kill(fake, SIGHUP);
        wait_for("switched on: ready", idle);
        wait_for("switched on: the scan asked for before starts", scanning);
        wait_for("and finds the sensor", first_found);
    } else if (!strcmp(m, "scan") && fake) {
        wait_for("ready, no sensor chosen", idle);
        if (plat_hr_scanning(H) || plat_hr_heart_rate(H))
            printf("FAIL: scanning or a heart rate before anything was asked\n"), failed = 1;
        plat_hr_scan(H, true);
        wait_for("discovery started", scanning);
        wait_for("the first sensor listed", first_found);
        wait_for("a second listed as it is found, headphones not", second_found);
        plat_hr_scan(H, false);
        wait_for("discovery stopped", not_scanning);
        plat_hr_use(H, "C0:FF:EE:00:00:02");
        wait_for("the second chosen: paired and connected", second_connected);
        plat_hr_use(H, "C0:FF:EE:00:00:01");
        wait_for("the first chosen: receiving", receiving);
        wait_for("its heart rate, 72, read without taking the notifications", beating);
        plat_hr_note note[8];
        if (plat_hr_poll(H, note, 8) < 1)
            printf("FAIL: the notifications were taken\n"), failed = 1;
        plat_hr_scan(H, true); /* left scanning: freeing stops it */
        wait_for("discovery started again", scanning);
    } else {
        fprintf(stderr, "hr_scan_probe: unknown mode %s\n", m);
        plat_hr_free(H);
        return 2;
    }
    plat_hr_free(H);
    printf(failed ? "hr_scan_probe: FAILED\n" : "hr_scan_probe: all held\n");
    return failed;
}
