/* idmap: string -> pointer map (see idmap.h). */
#include "core/idmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

const void *idmap_get(const idmap *m, const char *k)
{
    if (!m->cap) return NULL;
    for (size_t i = (size_t)hash_str(k) & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1))
        if (strcmp(m->key[i], k) == 0) return m->val[i];
    return NULL;
}

bool idmap_put(idmap *m, const char *k, const void *v)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        const char **nk = calloc(cap, sizeof *nk);
        const void **nv = calloc(cap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return false;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->key[i]) continue;
            size_t j = (size_t)hash_str(m->key[i]) & (cap - 1);
            while (nk[j]) j = (j + 1) & (cap - 1);
            nk[j] = m->key[i];
            nv[j] = m->val[i];
        }
        free(m->key);
        free(m->val);
        m->key = nk;
        m->val = nv;
        m->cap = cap;
    }
    size_t i = (size_t)hash_str(k) & (m->cap - 1);
    while (m->key[i]) i = (i + 1) & (m->cap - 1);
    m->key[i] = k;
    m->val[i] = v;
    m->n++;
    return true;
}

void idmap_free(idmap *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}
