/* idmap: a map from strings to pointers (open addressing, FNV-1a), for exercise ids:
 * within one pack while it loads, and across a pack set.
 * Ownership: keys and values are borrowed (they must outlive the map); idmap_free
 * releases only the table. A zeroed idmap is an empty map. */
#ifndef GW_IDMAP_H
#define GW_IDMAP_H
#include <stdbool.h>
#include <stddef.h>

typedef struct idmap {
    size_t cap, n;
    const char **key;
    const void **val;
} idmap;

/* The value stored under k, or NULL. */
const void *idmap_get(const idmap *m, const char *k);
/* Stores v under k (k must not be in the map yet); false when out of memory. */
bool idmap_put(idmap *m, const char *k, const void *v);
void idmap_free(idmap *m);

#endif
