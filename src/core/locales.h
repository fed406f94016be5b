/* locales: the safety line. Loads locales.json (the practice-aid disclaimer, the
 * crisis lines per region, the countries' names and the region a bare language implies;
 * format in docs/content.md) into plain tables, and picks the line for a region: the
 * first entry naming the region, else the "*" entry. Numbers and wording live in the
 * file (or a deployment's own file), never in code. Several files may be added: entries
 * from files added first win, so a deployment's configuration, added before the
 * built-in file, overrides it. locales_check() validates a file with located messages.
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
    bool      placeholder; /* stands in for a local line not added yet: the overlay asks
                              for the local one ("placeholder": true in the file) */
} locale_line;

typedef struct locale_name {
    char      region[4];   /* "ES" */
    pack_text name;        /* "Spain", "España", ... */
} locale_name;

typedef struct locale_lang_region {
    char lang[12];         /* "es" */
    char region[4];        /* "ES" */
} locale_lang_region;

typedef struct locales {
    pack_text   disclaimer; /* from the first file that has one */
    int         nline;
    locale_line *line;
    int         nname;      /* "region_names" */
    locale_name *name;
    int         nlang;      /* "language_regions" */
    locale_lang_region *lang;
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

/* The entry whose line is shown for region (as locales_crisis_line picks it), or NULL
 * if none matches. */
const locale_line *locales_line(const locales *l, const char *region);
/* The country's name in lang (falls back as pack_text_get does), or NULL if no file
 * names it. */
const char *locales_region_name(const locales *l, const char *region, const char *lang);
/* The regions that have a line of their own ("*" left out), in the order of the files'
 * entries, each once: up to max into out. Returns how many there are in all. */
int locales_regions(const locales *l, char (*out)[4], int max);
/* The region of a locale name, as locales_region_of gives it, else the region the files
 * give for its bare language ("es" -> "ES" with "language_regions": {"es": "ES"}).
 * False (out "") if neither ("C", "ar", "en" without an entry). */
bool locales_region_for(const locales *l, const char *locale_name, char *out, size_t n);
/* The locale name that decides the region: LC_ALL, then LC_MESSAGES, then LANG (the first
 * one set and non-empty); NULL if none is. */
const char *locales_env_name(void);

/* Checks the locales.json text buf (len bytes) as `groundwork validate` does, appending
 * every problem to d as FILE:LINE:COL: JSON-PATH: message, name being FILE. langs (n)
 * are the interface's languages: a text without one of them is a warning (the English
 * text, or else the first, is shown). A pack's file (standalone false) must have the
 * disclaimer and a "*" line; a deployment's own file (standalone) may leave both to
 * the built-in file. Returns false if any problem is an error. */
bool locales_check(const char *name, const char *buf, size_t len, bool standalone, const char *const *langs,
                   int nlangs, pack_diags *d);

/* The region (upper-case country) of a locale name: "en_US.UTF-8" -> "US", "es_ES" ->
 * "ES", "sr_RS@latin" -> "RS". False (out "") if it names none ("C", "POSIX", "en"). */
bool locales_region_of(const char *locale_name, char *out, size_t n);
/* The region from the environment: LC_ALL, then LC_MESSAGES, then LANG (the first one
 * set and non-empty decides). False (out "") if it names none. */
bool locales_region_from_env(char *out, size_t n);

#endif
