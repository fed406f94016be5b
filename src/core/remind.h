/* remind: practice reminders' files. The systemd user timer and service, and the XDG
 * autostart entry used where there is no user systemd, are plain text made here from
 * the chosen days and time; remind_write puts one in place atomically and never
 * through a symbolic link. Nothing here runs a program or talks to a bus (the app's
 * remind_setup.c and cmd_remind.c do).
 * Ownership: the caller's buffers; no allocation. */
#ifndef GW_REMIND_H
#define GW_REMIND_H
#include <stdbool.h>
#include <stddef.h>

#define REMIND_TIMER   "groundwork-remind.timer"
#define REMIND_SERVICE "groundwork-remind.service"
#define REMIND_DESKTOP "groundwork-remind.desktop"

/* systemd's calendar event for the days (bit 0 Monday ... bit 6 Sunday) at minute of
 * the day `min`: "Mon,Wed,Fri *-*-* 18:00:00" ("*-*-* 18:00:00" every day). */
void remind_on_calendar(char *out, size_t n, unsigned days, int min);
/* The texts of the timer, of the service running `exe remind`, and of the autostart
 * entry running `exe remind --at-login`. exe is an absolute path; false (out untouched)
 * if it cannot be written in the file (a control character in it). */
bool remind_timer_text(char *out, size_t n, unsigned days, int min);
bool remind_service_text(char *out, size_t n, const char *exe);
bool remind_desktop_text(char *out, size_t n, const char *exe);
/* What a take-home plan's frequency proposes: every day, at 18:00 when once a day,
 * else the first of its times from 09:00. */
void remind_propose(int times_per_day, unsigned *days, int *min);
/* Writes text into dir/name with mode `mode`, creating dir (0700) and its parents: a
 * new temporary file (O_EXCL, O_NOFOLLOW), flushed, renamed over the old one. False
 * with err filled (the file and why) on failure; the old file is then unchanged. */
bool remind_write(const char *dir, const char *name, const char *text, unsigned mode, char *err, size_t errn);
/* Removes dir/name (a link is removed, never followed). True if it is gone. */
bool remind_remove(const char *dir, const char *name);
/* Whether `day` (0 Monday ... 6 Sunday) is one of days. */
bool remind_on_day(unsigned days, int day);

#endif
