/* rfile: non-blocking, regular-files-only reading (see rfile.h). */
#include "core/rfile.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *rfile_kind_problem(mode_t mode)
{
    if (S_ISREG(mode)) return NULL;
    if (S_ISDIR(mode)) return "is a folder, not a file";
    if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file";
    if (S_ISSOCK(mode)) return "is a socket, not a file";
    return "is not a regular file";
}

static void limit_words(unsigned long long max, char *buf, size_t n)
{
    if (max >= 1024u * 1024u && max % (1024u * 1024u) == 0)
        snprintf(buf, n, "%llu MiB", max / (1024u * 1024u));
    else if (max >= 1024u && max % 1024u == 0)
        snprintf(buf, n, "%llu KiB", max / 1024u);
    else
        snprintf(buf, n, "%llu bytes", max);
}

bool rfile_check(int fd, unsigned long long max, struct stat *st, char *why, size_t n)
{
    struct stat own;
    if (!st) st = &own;
    if (fstat(fd, st) != 0) {
        int e = errno;
        snprintf(why, n, "cannot be read: %s", strerror(e));
        errno = e;
        return false;
    }
    const char *kind = rfile_kind_problem(st->st_mode);
    if (kind) {
        snprintf(why, n, "%s", kind);
        errno = S_ISDIR(st->st_mode) ? EISDIR : EINVAL;
        return false;
    }
    if (st->st_size < 0 || (unsigned long long)st->st_size > max) {
        char lim[32];
        limit_words(max, lim, sizeof lim);
        snprintf(why, n, "is larger than %s (%llu bytes); refusing to read it", lim,
                 (unsigned long long)st->st_size);
        errno = EFBIG;
        return false;
    }
    return true;
}

int rfile_open(const char *path, unsigned long long max, struct stat *st, char *why, size_t n)
{
    int fd = open(path, RFILE_OPEN_FLAGS);
    if (fd < 0) {
        int e = errno;
        struct stat ls;
        /* a socket (and a device without a driver) cannot be opened at all: say what it is */
        const char *kind = e == ENXIO && stat(path, &ls) == 0 ? rfile_kind_problem(ls.st_mode) : NULL;
        if (kind) snprintf(why, n, "%s", kind);
        else snprintf(why, n, "cannot be read: %s", strerror(e));
        errno = e;
        return -1;
    }
    if (!rfile_check(fd, max, st, why, n)) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static char *read_checked(int fd, const struct stat *st, size_t *len, char *why, size_t n)
{
    size_t size = (size_t)st->st_size, done = 0;
    char *buf = malloc(size + 1);
    if (!buf) {
        snprintf(why, n, "cannot be read: out of memory");
        errno = ENOMEM;
        return NULL;
    }
    while (done < size) {
        ssize_t r = read(fd, buf + done, size - done);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            snprintf(why, n, "cannot be read: %s", strerror(e));
            free(buf);
            errno = e;
            return NULL;
        }
        if (r == 0) break;
        done += (size_t)r;
    }
    if (done != size) {  /* it shrank since fstat */
        snprintf(why, n, "changed while it was being read");
        free(buf);
        errno = EAGAIN;
        return NULL;
    }
    buf[size] = 0;
    *len = size;
    return buf;
}

char *rfile_read_fd(int fd, unsigned long long max, size_t *len, char *why, size_t n)
{
    *len = 0;
    if (fd < 0) {
        int e = errno;
        snprintf(why, n, "cannot be read: %s", strerror(e));
        errno = e;
        return NULL;
    }
    struct stat st;
    char *buf = rfile_check(fd, max, &st, why, n) ? read_checked(fd, &st, len, why, n) : NULL;
    int e = errno;
    close(fd);
    errno = e;
    return buf;
}

char *rfile_read(const char *path, unsigned long long max, size_t *len, char *why, size_t n)
{
    *len = 0;
    struct stat st;
    int fd = rfile_open(path, max, &st, why, n);
    if (fd < 0) return NULL;
    char *buf = read_checked(fd, &st, len, why, n);
    int e = errno;
    close(fd);
    errno = e;
    return buf;
}
