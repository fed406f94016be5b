/* remind_setup: turns practice reminders on and off for the person (Settings).
 * On: the systemd user timer and service are written into
 * $XDG_CONFIG_HOME/systemd/user and enabled (`systemctl --user daemon-reload`, then
 * `enable --now groundwork-remind.timer`); where that fails (no user systemd instance)
 * they are taken away again and an XDG autostart entry is written instead
 * ($XDG_CONFIG_HOME/autostart). Off: the timer is disabled and every file removed.
 * The systemctl run is $GROUNDWORK_SYSTEMCTL when set (a test hook: a script that
 * records its arguments), else `systemctl` from PATH; each run is given 10 seconds.
 * Ownership: the caller's buffers. */
#ifndef GW_REMIND_SETUP_H
#define GW_REMIND_SETUP_H
#include <stdbool.h>
#include <stddef.h>

/* Installs reminders for days (bit 0 Monday) at minute `min` of the day; via gets
 * "systemd" or "autostart". False with err filled when neither could be written. */
bool remind_setup_on(unsigned days, int min, char *via, size_t vian, char *err, size_t errn);
/* Disables and removes whatever was installed. False with err filled when a file
 * could not be removed. */
bool remind_setup_off(char *err, size_t errn);
/* The running program's absolute path into buf (false if it cannot be known). */
bool remind_self_exe(char *buf, size_t n);

#endif
