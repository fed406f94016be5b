/* pack_asset: checks on the files a pack refers to. Paths must be relative, stay
 * inside the pack folder (also through symbolic links: the real path is compared),
 * and name a regular file. Audio clips must be Ogg Vorbis or RIFF/WAVE with a sane
 * format chunk; images must be PNG with a sane IHDR. Only headers are read.
 *
 * Private to the pack loader. Functions write a message for the content author into
 * the caller's buffer and return false when the file is not usable. */
#ifndef GW_PACK_ASSET_H
#define GW_PACK_ASSET_H
#include <stdbool.h>
#include <stddef.h>
#include "core/gwtime.h"

/* Syntax only: relative, '/' separators, no ".." component, not empty. */
bool pack_path_syntax_ok(const char *rel, char *why, size_t n);
/* Remembers the last folder (relative to the pack) found free of symbolic links, so
 * that files side by side cost one lstat each. Zero it before the first use. */
typedef struct pack_path_cache {
    char dir[256];
    bool valid;
} pack_path_cache;

/* dir/rel must exist and lie inside the pack: when no part of rel is a symbolic link
 * that holds by construction (rel has no ".."); otherwise its real path must lie under
 * root_real (the real path of dir). On success *full (malloc'd, caller frees) is
 * dir "/" rel. cache may be NULL. */
bool pack_path_resolve(const char *dir, const char *root_real, const char *rel,
                       pack_path_cache *cache, char **full, char *why, size_t n);
/* *len gets the clip length from its headers (0 if it cannot be known). */
bool pack_audio_check(const char *path, gw_ns *len, char *why, size_t n);
bool pack_png_check(const char *path, char *why, size_t n);

#endif
