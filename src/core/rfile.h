/* rfile: opening the files the program reads. Everything that comes from outside
 * (pack.json, exercise files, clips, pictures, locales.json, settings.json, kiosk.json,
 * play scripts) is opened through here: without blocking (open() of a FIFO waits for a
 * writer for ever, and so would read() of a device) and accepted only when the open
 * descriptor is a regular file no larger than the caller's limit. A FIFO, device,
 * socket or folder is refused at once, with words a person understands.
 *
 * Messages are verb phrases for after the file's name ("is a named pipe (FIFO), not a
 * file"), written into the caller's buffer. Ownership: a descriptor from rfile_open and
 * a buffer from rfile_read belong to the caller (close(), free()). */
#ifndef GW_RFILE_H
#define GW_RFILE_H
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* The flags every reader opens with (add O_NOFOLLOW where wanted). O_NONBLOCK makes no
 * difference to reading a regular file, the only kind accepted. */
#define RFILE_OPEN_FLAGS (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)

/* NULL for a regular file, else what is wrong with a file of this mode
 * ("is a folder, not a file"). */
const char *rfile_kind_problem(mode_t mode);

/* Checks an open descriptor (not closed): a regular file of at most max bytes. *st
 * gets its status (st may be NULL). False with why written and errno set (EISDIR for
 * a folder, EINVAL for another kind, EFBIG when too large). */
bool rfile_check(int fd, unsigned long long max, struct stat *st, char *why, size_t n);

/* Opens path for reading with RFILE_OPEN_FLAGS and checks it as rfile_check does.
 * Returns the descriptor, or -1 with errno set (ENOENT when there is no such file, so
 * an optional file can be told from a bad one) and why written. st may be NULL. */
int rfile_open(const char *path, unsigned long long max, struct stat *st, char *why, size_t n);

/* All of the file, NUL-terminated (the NUL not counted in *len), malloc'd. NULL with
 * why written and errno set as for rfile_open. */
char *rfile_read(const char *path, unsigned long long max, size_t *len, char *why, size_t n);
/* The same from fd (opened with RFILE_OPEN_FLAGS, or -1 with errno set from the open
 * that failed); fd is closed in every case. */
char *rfile_read_fd(int fd, unsigned long long max, size_t *len, char *why, size_t n);

#endif
