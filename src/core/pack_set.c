/* pack_set: the packs loaded together (pack.h): each added whole or not at all, no
 * pack or exercise id twice, and exercises found by id through a map. The set owns its
 * packs and its diagnostics. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/idmap.h"
#include "core/pack.h"
#include "core/pack_asset.h"

struct pack_index {
    idmap ids;  /* exercise id -> exercise */
};

bool pack_set_add_dir(pack_set *s, const char *dir)
{
    pack *p = pack_load_dir(dir, &s->diags);
    if (!p) return false;
    int clashes = 0;
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->p[i]->id, p->id) == 0) {
            pack_diags_addf(&s->diags, PACK_ERROR, p->src_file, p->id_line, p->id_col, "$.id",
                      "pack id \"%s\" is already used by the pack in %s; this pack is not loaded",
                      p->id, s->p[i]->dir);
            clashes++;
        }
    for (int i = 0; i < p->nexercise; i++) {
        const exercise *e = &p->ex[i];
        const exercise *old = s->index ? idmap_get(&s->index->ids, e->id) : NULL;
        if (old)
            pack_diags_addf(&s->diags, PACK_ERROR, e->src_file, e->src_line, e->src_col, e->src_path,
                      "exercise id \"%s\" is already used by pack \"%s\" (%s:%d:%d); this pack "
                      "is not loaded", e->id, old->pack->id, old->src_file, old->src_line,
                      old->src_col);
        clashes += old != NULL;
    }
    if (clashes) {
        pack_free(p);
        return false;
    }
    if (!s->index) s->index = calloc(1, sizeof *s->index);
    pack **np = realloc(s->p, (size_t)(s->n + 1) * sizeof *np);
    if (!s->index || !np) {
        if (np) s->p = np;
        pack_diags_add(&s->diags, PACK_ERROR, p->src_file, 0, 0, "", "out of memory");
        pack_free(p);
        return false;
    }
    s->p = np;
    s->p[s->n++] = p;
    for (int i = 0; i < p->nexercise; i++)
        if (!idmap_put(&s->index->ids, p->ex[i].id, &p->ex[i]))
            pack_diags_add(&s->diags, PACK_ERROR, p->src_file, 0, 0, "", "out of memory");
    return true;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool pack_same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

void pack_set_add_children(pack_set *s, const char *parent)
{
    pack_set_add_children_but(s, parent, NULL, 0);
}

void pack_set_add_children_but(pack_set *s, const char *parent, const char *const *skip, int nskip)
{
    DIR *dh = opendir(parent);
    if (!dh && errno == ENOENT)
        return; /* no packs added yet: nothing to report */
    if (!dh) {
        pack_diags_addf(&s->diags, PACK_ERROR, parent, 0, 0, "", "this folder of packs cannot be opened: "
                  "%s", strerror(errno));
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.') continue;
        char *sub = pack_join(parent, de->d_name);
        char *pj = sub ? pack_join(sub, "pack.json") : NULL;
        struct stat st;
        /* of any kind: a pack.json that is a FIFO or a folder is reported, not passed over */
        bool has = pj && stat(pj, &st) == 0;
        for (int k = 0; has && k < nskip; k++) has = !pack_same_file(sub, skip[k]);
        free(pj);
        free(sub);
        if (!has) continue;
        if (n == cap) {
            int nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, (size_t)nc * sizeof *nn);
            if (!nn) break;
            names = nn;
            cap = nc;
        }
        if ((names[n] = strdup(de->d_name))) n++;
    }
    closedir(dh);
    if (n) qsort(names, (size_t)n, sizeof *names, cmp_names);
    for (int i = 0; i < n; i++) {
        char *sub = pack_join(parent, names[i]);
        if (sub) pack_set_add_dir(s, sub);
        free(sub);
        free(names[i]);
    }
    free(names);
}

int pack_set_exercise_count(const pack_set *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++) n += s->p[i]->nexercise;
    return n;
}

const exercise *pack_set_exercise_at(const pack_set *s, int i)
{
    if (i < 0) return NULL;
    for (int k = 0; k < s->n; k++) {
        if (i < s->p[k]->nexercise) return &s->p[k]->ex[i];
        i -= s->p[k]->nexercise;
    }
    return NULL;
}

const exercise *pack_set_find(const pack_set *s, const char *id)
{
    if (!s->index || !id) return NULL;
    return idmap_get(&s->index->ids, id);
}

void pack_set_free(pack_set *s)
{
    if (!s) return;
    for (int i = 0; i < s->n; i++) pack_free(s->p[i]);
    free(s->p);
    pack_diags_free(&s->diags);
    if (s->index) idmap_free(&s->index->ids);
    free(s->index);
    memset(s, 0, sizeof *s);
}
