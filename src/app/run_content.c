/* run_content: which packs a run loads (the built-in one, the user's, each --pack) and
 * how their problems are printed. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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
