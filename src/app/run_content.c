/* run_content: which packs a run loads (the built-in one, the user's, each --pack) and
 * how their problems are printed. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#include "app/run.h"
#include "core/paths.h"

void run_load_installed(pack_set *s, const char *const *skip, int nskip)
{
    const char *data = paths_data_dir();
    char p[PATH_MAX];
    bool skipped = false;
    if (data && paths_join(p, sizeof p, data, "content/core")) {
        for (int k = 0; k < nskip && !skipped; k++) skipped = pack_same_file(p, skip[k]);
        if (!skipped)
            pack_set_add_dir(s, p);
    }
    if (paths_join(p, sizeof p, paths_user_data_dir(), "packs"))
        pack_set_add_children_but(s, p, skip, nskip);
}

void run_load_content(pack_set *s, const run_options *o)
{
    run_load_installed(s, NULL, 0);
    for (int i = 0; o && i < o->npacks; i++) {
        /* a symbolic link (a fleet's "current", flipped to each new release) is followed
         * once, so every file comes from the one release it named when loading began,
         * however often it is flipped meanwhile */
        struct stat st;
        char real[PATH_MAX];
        if (lstat(o->packs[i], &st) == 0 && S_ISLNK(st.st_mode) && realpath(o->packs[i], real))
            pack_set_add_dir(s, real);
        else
            pack_set_add_dir(s, o->packs[i]);
    }
}

void run_reload_content(pack_set *out, void *ctx)
{
    run_load_content(out, (const run_options *)ctx);
}

/* A fingerprint being made: FNV-1a over each entry's path and what lstat says of it.
 * Links inside a pack are not followed (the loader reads none); the walk stops at 4096
 * entries and 6 folders deep, far past any pack. */
typedef struct stamp { unsigned long long h; int n; } stamp;

static void stamp_bytes(stamp *s, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        s->h = (s->h ^ b[i]) * 1099511628211ULL;
}

static void stamp_walk(stamp *s, const char *path, int depth)
{
    struct stat st;
    if (s->n++ >= 4096 || lstat(path, &st) != 0)
        return;
    long long v[5] = { (long long)st.st_mode, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                       (long long)st.st_mtim.tv_nsec, (long long)st.st_ino };
    stamp_bytes(s, path, strlen(path) + 1);
    stamp_bytes(s, v, sizeof v);
    DIR *d = S_ISDIR(st.st_mode) && depth < 6 ? opendir(path) : NULL;
    if (!d)
        return;
    /* readdir's order is the folder's own, stable while the folder is unchanged; a
     * changed folder has a new time anyway */
    for (struct dirent *e; (e = readdir(d));) {
        char child[PATH_MAX];
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        if (paths_join(child, sizeof child, path, e->d_name))
            stamp_walk(s, child, depth + 1);
    }
    closedir(d);
}

static void stamp_tree(stamp *s, const char *dir)
{
    char real[PATH_MAX];
    const char *p = realpath(dir, real) ? real : dir; /* a flipped "current" is a change */
    stamp_walk(s, p, 0);
}

unsigned long long run_content_stamp(void *ctx)
{
    const run_options *o = ctx;
    const char *data = paths_data_dir();
    char p[PATH_MAX];
    stamp s = { .h = 14695981039346656037ULL };
    if (data && paths_join(p, sizeof p, data, "content/core"))
        stamp_tree(&s, p);
    if (paths_join(p, sizeof p, paths_user_data_dir(), "packs"))
        stamp_tree(&s, p);
    for (int i = 0; o && i < o->npacks; i++)
        stamp_tree(&s, o->packs[i]);
    return s.h;
}
void run_print_diags(const pack_diags *d)
{
    char line[2048];
    for (int i = 0; i < d->n; i++) {
        pack_diag_format(&d->v[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
}

void run_content_for(pack_set *s, const run_options *o)
{
    if (o->preview)
        pack_set_add_dir(s, o->preview);
    else
        run_load_content(s, o);
}
