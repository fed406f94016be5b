/* afile: private folders and atomic replacement of files (see afile.h). */
#include "core/afile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool afile_make_dirs(const char *dir, unsigned mode)
{
    char d[PATH_MAX];
    if (snprintf(d, sizeof d, "%s", dir) >= (int)sizeof d) {
        errno = ENAMETOOLONG;
        return false;
    }
    for (char *c = d + 1; *c; c++)
        if (*c == '/') {
            *c = 0;
            if (mkdir(d, (mode_t)mode) != 0 && errno != EEXIST)
                return false;
            *c = '/';
        }
    return mkdir(d, (mode_t)mode) == 0 || errno == EEXIST;
}

/* The folder holding path into d: "." when path has no folder part, "/" for one
 * at the root. */
static bool parent_of(const char *path, char *d, size_t n)
{
    if (snprintf(d, n, "%s", path) >= (int)n) {
        errno = ENAMETOOLONG;
        return false;
    }
    char *slash = strrchr(d, '/');
    if (!slash)
        snprintf(d, n, ".");
    else if (slash == d)
        d[1] = 0;
    else
        *slash = 0;
    return true;
}

bool afile_make_parent(const char *path, unsigned mode)
{
    char d[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return true;
    return parent_of(path, d, sizeof d) && afile_make_dirs(d, mode);
}

int afile_open_parent(const char *path)
{
    char d[PATH_MAX];
    if (!parent_of(path, d, sizeof d))
        return -1;
    return open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void afile_sync_parent(const char *path)
{
    int e = errno;
    int fd = afile_open_parent(path);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    errno = e;
}

bool afile_write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

afile_stage afile_replace(const char *path, const char *text, const char *tail, const afile_opts *opts)
{
    static const afile_opts none = { 0 };
    const afile_opts *o = opts ? opts : &none;
    char tmpbuf[PATH_MAX];
    const char *tmp = o->tmp;
    if (!tmp) {
        if (snprintf(tmpbuf, sizeof tmpbuf, "%s.tmp", path) >= (int)sizeof tmpbuf) {
            errno = ENAMETOOLONG;
            return AFILE_CREATE;
        }
        tmp = tmpbuf;
    }
    unlink(tmp); /* a leftover, or a link someone put there: removed, never written through */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  (mode_t)(o->create_mode ? o->create_mode : 0600));
    if (fd < 0)
        return AFILE_CREATE;
    bool ok = afile_write_all(fd, text, strlen(text)) && (!tail || afile_write_all(fd, tail, strlen(tail))) &&
              (!o->mode || fchmod(fd, (mode_t)o->mode) == 0) && (!o->prepare || o->prepare(fd, o->ctx)) &&
              fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    afile_stage st = ok ? AFILE_DONE : AFILE_WRITE;
    if (ok && rename(tmp, path) != 0) { /* replaces a link at path, never follows it */
        e = errno;
        st = AFILE_RENAME;
    }
    if (st != AFILE_DONE) {
        unlink(tmp);
        errno = e;
        return st;
    }
    afile_sync_parent(path);
    return AFILE_DONE;
}
