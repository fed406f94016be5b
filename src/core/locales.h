/* locales: the safety line. Loads locales.json (the practice-aid disclaimer and the
 * crisis lines per region; format in docs/content.md) into plain tables, and picks
 * the line for a region: the first entry naming the region, else the "*" entry.
 * Numbers and wording live in the file (or a deployment's own file), never in code.
 * Several files may be added: entries from files added first win, so a deployment's
 * configuration, added before the built-in file, overrides it.
 *
 * Ownership: a locales owns everything it holds; locales_free() releases it. Strings
 * returned by the getters belong to the locales. */
#ifndef GW_LOCALES_H
#define GW_LOCALES_H
#include <stdbool.h>
#include <stddef.h>
#include "core/pack.h"

typedef struct locale_line {
    int       nregion;
    char    (*region)[4];  /* "US", "GB", "*" */
    pack_text text;
} locale_line;

typedef struct locales {
    pack_text   disclaimer; /* from the first file that has one */
    int         nline;
    locale_line *line;
} locales;

/* Adds the file at path. On failure returns false and writes "FILE: message" to err
 * (n bytes); what was already added stays. A missing file is an error too: callers
 * decide whether an optional file matters. */
bool locales_add_file(locales *l, const char *path, char *err, size_t n);
/* The same from bytes; name is used in messages. */
bool locales_add_buffer(locales *l, const char *name, const char *buf, size_t len, char *err,
                        size_t n);
void locales_free(locales *l);

/* The disclaimer in lang (falls back as pack_text_get does); "" if none. */
const char *locales_disclaimer(const locales *l, const char *lang);
/* The crisis line for region ("US"; NULL or "" matches only "*") in lang; "" if no
 * entry matches. */
const char *locales_crisis_line(const locales *l, const char *region, const char *lang);

/* The region (upper-case country) of a locale name: "en_US.UTF-8" -> "US", "es_ES" ->
 * "ES", "sr_RS@latin" -> "RS". False (out "") if it names none ("C", "POSIX", "en"). */
bool locales_region_of(const char *locale_name, char *out, size_t n);
/* The region from the environment: LC_ALL, then LC_MESSAGES, then LANG (the first one
 * set and non-empty decides). False (out "") if it names none. */
bool locales_region_from_env(char *out, size_t n);

#endif
