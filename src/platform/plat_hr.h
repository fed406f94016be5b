/* plat_hr: a Bluetooth LE heart-rate sensor (any with the Heart Rate service 0x180D)
 * through BlueZ on the system D-Bus (sd-bus, where libsystemd was found). A thread of
 * its own owns the bus connection: it lists sensors while scanning, connects to the one
 * chosen, subscribes to Heart Rate Measurement (0x2A37) notifications and queues them,
 * decoded (core/hrm.h) and stamped with the monotonic time they arrived. A sensor that
 * goes away is waited for and connected to again when it comes back. Choosing a sensor
 * pairs it (once, where it allows pairing) and marks it trusted before connecting.
 * No bus, no BlueZ, no adapter, no permission: the status says why in a sentence, and
 * nothing else changes; the program runs as without a sensor.
 * Ownership: plat_hr_new's result is the caller's (plat_hr_free joins the thread). */
#ifndef GW_PLAT_HR_H
#define GW_PLAT_HR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/hrm.h"

#define PLAT_HR_ADDR_MAX 18    /* "AA:BB:CC:DD:EE:FF" and its terminator */
#define PLAT_HR_NAME_MAX 64
#define PLAT_HR_DEVICES 16

typedef enum {
    HR_STARTING,      /* the back-end has not yet looked */
    HR_UNAVAILABLE,   /* no system bus, no BlueZ, or no Bluetooth adapter: why says which */
    HR_IDLE,          /* ready; no sensor chosen */
    HR_SEARCHING,     /* the chosen sensor is not in reach (yet, or any more) */
    HR_CONNECTING,
    HR_RECEIVING,     /* notifications are coming */
} plat_hr_status;

/* Why the back-end is HR_UNAVAILABLE, for a translated line (plat_hr_reason). */
typedef enum {
    HR_WHY_NONE,       /* it is not unavailable */
    HR_WHY_NO_DBUS,    /* built without D-Bus support */
    HR_WHY_NO_BUS,     /* no system bus, or it went away */
    HR_WHY_NO_BLUEZ,   /* nothing owns org.bluez */
    HR_WHY_NO_ADAPTER, /* BlueZ runs but has no adapter */
    HR_WHY_OFF,        /* the adapter is switched off (Powered false) */
    HR_WHY_REFUSED,    /* BlueZ or the bus refused this program (AccessDenied) */
} plat_hr_why;

typedef struct plat_hr_device {
    char address[PLAT_HR_ADDR_MAX];
    char name[PLAT_HR_NAME_MAX];
    bool connected;
    bool paired;
} plat_hr_device;

typedef struct plat_hr_note {
    int64_t     t_ns;      /* arrival, CLOCK_MONOTONIC */
    hrm_reading r;
} plat_hr_note;

typedef struct plat_hr plat_hr;

/* Starts the back-end's thread (NULL only when out of memory or no thread could start). */
plat_hr *plat_hr_new(void);
void plat_hr_free(plat_hr *h);

/* Scanning for sensors on or off (Settings' "Heart-rate sensor" page): on, BlueZ's
 * discovery is started with a filter for LE devices offering the Heart Rate service;
 * off, it is stopped (also when the back-end is freed). */
void plat_hr_scan(plat_hr *h, bool on);
/* Whether discovery is on: asked for, and BlueZ took it. */
bool plat_hr_scanning(plat_hr *h);
/* The sensors BlueZ knows that offer the Heart Rate service (those found by scanning
 * appear as they are found), in BlueZ's order; returns how many (<= max). */
int plat_hr_devices(plat_hr *h, plat_hr_device *out, int max);
/* Uses the sensor of this address from now on (connects, subscribes); "" or NULL: none
 * (the current one is let go). */
void plat_hr_use(plat_hr *h, const char *address);
/* The notifications received since the last call, oldest first; returns how many. */
int plat_hr_poll(plat_hr *h, plat_hr_note *out, int max);
/* Where it stands; why gets a sentence for a person (English; the caller translates the
 * status) when it is HR_UNAVAILABLE. */
plat_hr_status plat_hr_state(plat_hr *h, char *why, size_t n);
/* Waits at most ms milliseconds for the back-end's first look (the state no longer
 * HR_STARTING): for runs without a window (`play`), whose virtual clock would otherwise
 * outrun it. True if it has looked. */
bool plat_hr_settle(plat_hr *h, int ms);
/* Why it is HR_UNAVAILABLE (HR_WHY_NONE when it is not). */
plat_hr_why plat_hr_reason(plat_hr *h);
/* The heart rate of the last notification when one came in the last 5 s, else 0 (read
 * without taking the notifications from plat_hr_poll). */
int plat_hr_heart_rate(plat_hr *h);

#endif
