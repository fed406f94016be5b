/* kpin: the kiosk PIN's wrong-entry count and lockout, kept across restarts so that
 * pulling the plug does not reset the rate limit. Two numbers and nothing else (nothing
 * about a person): {"fails": N, "locked_until": UNIX-SECONDS} in the kiosk's state folder
 * ($XDG_STATE_HOME/groundwork/kiosk-pin.json).
 *
 * Program time does not survive a restart, so the file holds wall-clock time and reading
 * turns it back into program time: never more than the longest wait (an hour), so a clock
 * set back or a file from the future cannot lock the kiosk for longer. A damaged file is
 * no lockout history, and said so. The file is never read or written through a symbolic
 * link; it is replaced atomically (a fresh temporary file, flushed, renamed).
 *
 * No clock is read here: now (program time) and wall (Unix seconds) are passed in. */
#ifndef GW_KPIN_H
#define GW_KPIN_H
#include <stdbool.h>
#include <stddef.h>
#include "core/kiosk.h"

/* The text kpin_save writes, into buf (64 bytes are enough). */
void kpin_format(const kiosk_pinlimit *p, gw_ns now, long long wall, char *buf, size_t n);
/* Reads a state text into *p (zeroed first). False, with *p zeroed and the reason in
 * err, when it is not one. */
bool kpin_parse(kiosk_pinlimit *p, const char *text, size_t len, gw_ns now, long long wall, char *err,
                size_t errn);
/* kpin_parse on the file at path. No file is no history (true). False with
 * "PATH: reason; ..." in err for a damaged, unreadable or linked file (*p zeroed). */
bool kpin_load(kiosk_pinlimit *p, const char *path, gw_ns now, long long wall, char *err, size_t errn);
/* Writes *p to path atomically, making its folder (0700) if needed; false with err. */
bool kpin_save(const kiosk_pinlimit *p, const char *path, gw_ns now, long long wall, char *err, size_t errn);

#endif
