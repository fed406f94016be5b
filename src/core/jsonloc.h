/* jsonloc: where things are in a JSON text. cJSON keeps no positions, so this small
 * scanner reads the raw text once, checks it against the strict JSON grammar (with
 * messages a content author understands: missing comma, trailing comma, comments,
 * single quotes, NaN...), enforces the nesting limit before anything is handed to
 * cJSON, and records the offset of every value (and of the key naming it, inside
 * objects) in document order. jsonloc_bind then pairs each cJSON node with its record
 * by walking the parsed tree in the same order, writing the record's index into the
 * node's valueint: the loader reads numbers only through valuedouble, and valueint
 * is a redundant copy in cJSON, so the tree carries its own positions for free.
 *
 * Used through jread (jread.h), the one reader of outside JSON; only the readers
 * (jread, the pack loader's files, kiosk, kpin, settings, locales, script) include
 * cJSON.
 *
 * jsonloc_parse builds the tree (numbering it as jsonloc_bind would) in an arena owned
 * by the jsonloc; when it leaves a text to cJSON, cJSON allocates from the same arena
 * (cJSON hooks that only act while this thread is parsing; at any other time they are
 * plain malloc and free): a tree of 10,000 exercises is then one run of memory,
 * walked in order, and released at once instead of node by node.
 *
 * Ownership: a jsonloc borrows the text (it must outlive the jsonloc) and owns the
 * tree jsonloc_parse returns: never cJSON_Delete it; jsonloc_free releases it with
 * everything else. */
#ifndef GW_JSONLOC_H
#define GW_JSONLOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>

#define JSONLOC_NONE ((size_t)-1)

typedef enum jsonloc_status {
    JSONLOC_OK,
    JSONLOC_SYNTAX,      /* err_off, err_msg say where and what */
    JSONLOC_TOO_DEEP,    /* err_off is the bracket that went past max_depth */
    JSONLOC_NOMEM
} jsonloc_status;

typedef struct jsonloc {
    const char *text;
    size_t len;
    size_t start;        /* first byte after an optional UTF-8 byte order mark */
    size_t err_off;
    char   err_msg[160];
    size_t nval, cap;
    size_t *val_off;     /* per value, in document order */
    size_t *key_off;     /* offset of the key naming it, or NONE */
    /* line index, built on first use */
    size_t *line_start;
    size_t nline;
    bool bound;          /* jsonloc_bind succeeded */
    bool nomem;          /* building the tree ran out of memory */
    struct jsonloc_chunk *arena;
    size_t next_chunk;
} jsonloc;

typedef struct jsonloc_pos { int line, col; } jsonloc_pos;

/* Scans text (len bytes). Stops at the first syntax error, or at the first bracket
 * deeper than max_depth (the root is depth 1). Any input is safe. Only when it returns
 * JSONLOC_OK are the records complete; the text is then also accepted by cJSON
 * (unless a number is longer than cJSON's 63-character buffer). */
jsonloc_status jsonloc_scan(jsonloc *jl, const char *text, size_t len, int max_depth);
/* The tree of the scanned text, in the arena, bound (see above): built by jsonloc
 * itself from the checked text, exactly as cJSON_Parse would build it (cJSON parses a
 * text with a number over 63 characters). On failure returns NULL and sets *end to
 * where cJSON stopped. */
cJSON *jsonloc_parse(jsonloc *jl, const char **end);
/* Pairs the nodes of root (parsed by cJSON from the same text) with the records,
 * overwriting every node's valueint. Returns false if they do not line up (then
 * positions are reported as unknown). */
bool jsonloc_bind(jsonloc *jl, cJSON *root);
/* Line and column (both 1-based, column counted in UTF-8 code points) of a byte
 * offset; {0, 0} for JSONLOC_NONE. */
jsonloc_pos jsonloc_at(jsonloc *jl, size_t off);
/* Offset of node's value / of the key naming it (falls back to the value). */
size_t jsonloc_value_off(const jsonloc *jl, const cJSON *node);
size_t jsonloc_key_off(const jsonloc *jl, const cJSON *node);
void jsonloc_free(jsonloc *jl);

#endif
