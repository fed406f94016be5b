#include <limits.h>
#include <stdio.h>

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
    for (int i = 0; o && i < o->npacks; i++)
        pack_set_add_dir(s, o->packs[i]);
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
