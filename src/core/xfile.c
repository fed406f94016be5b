#include "core/xfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/paths.h"

/* Opens a new private temporary file beside `file` (its name into tmp), or -1. */
static int open_temp(const char *file, char *tmp, size_t n)
{
    const char *slash = strrchr(file, '/');
    int dirlen = slash ? (int)(slash - file + 1) : 0;
    unsigned seed = (unsigned)getpid() ^ (unsigned)time(NULL) ^ (unsigned)(uintptr_t)tmp;
    for (int i = 0; i < 100; i++) {
        seed = seed * 1103515245u + 12345u;
        int w = snprintf(tmp, n, "%.*s.%s.%08x.tmp", dirlen, file, slash ? slash + 1 : file, seed);
        if (w < 0 || (size_t)w >= n) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

/* Flushes the folder holding file, so the rename survives a power cut (some file
 * systems cannot: not an error). */
static void sync_dir_of(const char *file)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(file, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - file) + (slash == file) : 1, slash ? file : ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Puts tmp in file's place: over it with force, else only if nothing is there (a hard
 * link fails if file exists, whatever it is; where links are not supported, a check
 * and a rename). */
static bool place(const char *tmp, const char *file, bool force)
{
    if (force)
        return rename(tmp, file) == 0;
    if (link(tmp, file) == 0) {
        unlink(tmp);
        return true;
    }
    if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EXDEV && errno != EMLINK)
        return false;
    struct stat st;
    if (lstat(file, &st) == 0) {
        errno = EEXIST;
        return false;
    }
    return rename(tmp, file) == 0;
}

xfile_status xfile_write(const char *path, bool force, xfile_writer fn, void *ctx, char *err, size_t errn)
{
    struct stat st;
    if (!force && lstat(path, &st) == 0) {
        snprintf(err, errn, "%s already exists; it was left as it is", path);
        errno = EEXIST;
        return XFILE_EXISTS;
    }
    char tmp[PATH_MAX];
    int fd = open_temp(path, tmp, sizeof tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        int e = errno;
        snprintf(err, errn, "cannot write %s: %s", path, strerror(e));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        errno = e;
        return XFILE_FAILED;
    }
    errno = 0;
    bool ok = fn(f, ctx);
    int e = errno;
    ok = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0 && ok;
    if (!e)
        e = errno;
    ok = fclose(f) == 0 && ok;
    if (!ok) {
        e = e ? e : errno ? errno : EIO;
        snprintf(err, errn, "writing the export %s failed: %s; nothing was written there", path, strerror(e));
        unlink(tmp);
        errno = e;
        return XFILE_FAILED;
    }
    if (!place(tmp, path, force)) {
        e = errno;
        unlink(tmp);
        if (e == EEXIST)
            snprintf(err, errn, "%s already exists; it was left as it is", path);
        else
            snprintf(err, errn, "cannot write %s: %s", path, strerror(e));
        errno = e;
        return e == EEXIST ? XFILE_EXISTS : XFILE_FAILED;
    }
    sync_dir_of(path);
    return XFILE_OK;
}

xfile_status xfile_write_new(const char *dir, const char *stem, const char *ext, xfile_writer fn, void *ctx,
                             char *out, size_t outn, char *err, size_t errn)
{
    for (int i = 1; i <= 999; i++) {
        char name[PATH_MAX];
        if (i == 1)
            snprintf(name, sizeof name, "%s%s", stem, ext);
        else
            snprintf(name, sizeof name, "%s-%d%s", stem, i, ext);
        if (!paths_join(out, outn, dir, name)) {
            snprintf(err, errn, "the folder name %s is too long", dir);
            errno = ENAMETOOLONG;
            return XFILE_FAILED;
        }
        xfile_status st = xfile_write(out, false, fn, ctx, err, errn);
        if (st != XFILE_EXISTS)
            return st;
    }
    snprintf(err, errn, "%s holds too many files named %s", dir, stem);
    errno = EEXIST;
    return XFILE_FAILED;
}

/* XDG_DOCUMENTS_DIR="$HOME/Documents" from user-dirs.dirs (only "$HOME/..." or an
 * absolute path, as the file's own comment says). */
static bool from_user_dirs(const char *home, char *out, size_t n)
{
    char file[PATH_MAX];
    const char *cfg = getenv("XDG_CONFIG_HOME");
    if (cfg && cfg[0] == '/')
        snprintf(file, sizeof file, "%s/user-dirs.dirs", cfg);
    else if (home)
        snprintf(file, sizeof file, "%s/.config/user-dirs.dirs", home);
    else
        return false;
    FILE *f = fopen(file, "re");
    if (!f)
        return false;
    char line[PATH_MAX + 64];
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "XDG_DOCUMENTS_DIR=\"", 19))
            continue;
        p += 19;
        char *q = strchr(p, '"');
        if (!q)
            continue;
        *q = 0;
        if (!strncmp(p, "$HOME", 5) && (p[5] == '/' || !p[5]) && home)
            found = snprintf(out, n, "%s%s", home, p + 5) < (int)n;
        else if (p[0] == '/')
            found = snprintf(out, n, "%s", p) < (int)n;
    }
    fclose(f);
    /* "$HOME/" alone means the folder is turned off: the home itself */
    return found;
}

bool xfile_documents_dir(char *out, size_t n)
{
    const char *home = getenv("HOME");
    if (home && !home[0])
        home = NULL;
    const char *env = getenv("XDG_DOCUMENTS_DIR");
    if (env && env[0] == '/' && snprintf(out, n, "%s", env) < (int)n)
        return true;
    if (from_user_dirs(home, out, n))
        return true;
    return home && snprintf(out, n, "%s", home) < (int)n;
}
