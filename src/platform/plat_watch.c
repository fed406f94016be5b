/* plat_watch: see plat_watch.h. */
#include "platform/plat_watch.h"

#include <stdlib.h>

#ifdef __linux__
#include <dirent.h>
#include <limits.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "core/paths.h"

struct plat_watch {
    int fd;
};

plat_watch *plat_watch_open(const char *dir)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return NULL;
    plat_watch *w = malloc(sizeof *w);
    if (!w) {
        close(fd);
        return NULL;
    }
    w->fd = fd;
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY;
    inotify_add_watch(fd, dir, mask);
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char sub[PATH_MAX];
        if (paths_join(sub, sizeof sub, dir, de->d_name))
            inotify_add_watch(fd, sub, mask | IN_ONLYDIR);
    }
    if (d)
        closedir(d);
    return w;
}

bool plat_watch_changed(plat_watch *w)
{
    char buf[4096];
    bool any = false;
    while (w && read(w->fd, buf, sizeof buf) > 0)
        any = true;
    return any;
}

void plat_watch_close(plat_watch *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w);
}

#else /* no inotify: nothing is noticed */

plat_watch *plat_watch_open(const char *dir)
{
    (void)dir;
    return NULL;
}

bool plat_watch_changed(plat_watch *w)
{
    (void)w;
    return false;
}

void plat_watch_close(plat_watch *w) { (void)w; }

#endif
