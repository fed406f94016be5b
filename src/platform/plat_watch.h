/* plat_watch: notices files changed in a folder and its immediate subfolders (preview
 * reloads the pack it shows). inotify on Linux; where it is missing or cannot start,
 * plat_watch_open returns NULL and plat_watch_changed of NULL is always false: the
 * folder is then shown as it was read, and the rest works.
 * Ownership: the caller owns the watch and closes it with plat_watch_close. */
#ifndef GW_PLAT_WATCH_H
#define GW_PLAT_WATCH_H
#include <stdbool.h>

typedef struct plat_watch plat_watch;

plat_watch *plat_watch_open(const char *dir);
/* True if anything changed since the last call (the notes read so far are dropped). */
bool plat_watch_changed(plat_watch *w);
void plat_watch_close(plat_watch *w);

#endif
