/* pack_asset: checks on the files a pack refers to. Paths must be relative, stay
 * inside the pack folder (also through symbolic links: the real path is compared),
 * and name a regular file. Audio clips must be Ogg Vorbis or RIFF/WAVE with a sane
 * format chunk; images must be PNG with a sane IHDR. Headers are not believed: a clip's
 * length comes from its real end (Ogg: the last page, which must end the file, end the
 * stream and have a right checksum, with no more samples than its bytes can hold; WAV:
 * the data chunk, which must fit in the file), and a PNG's chunks must reach IEND
 * inside the file. Only headers, chunk headers and the last page are read.
 *
 * Private to the pack loader. Functions write a message for the content author into
 * the caller's buffer and return false when the file is not usable. */
#ifndef GW_PACK_ASSET_H
#define GW_PACK_ASSET_H
#include <stdbool.h>
#include <stddef.h>
#include "core/gwtime.h"
#include "core/pack.h"

#define PACK_MAX_CLIP_NS    GW_SEC(600)                /* the longest a step may last */
#define PACK_MAX_IMAGE_BYTES (16u * 1024u * 1024u)

/* dir "/" rel, malloc'd (caller frees); NULL when out of memory. */
char *pack_join(const char *dir, const char *rel);
/* Syntax only: relative, '/' separators, no ".." component, not empty. */
bool pack_path_syntax_ok(const char *rel, char *why, size_t n);
/* Remembers the last few folders (relative to the pack) found free of symbolic links,
 * so that files side by side cost one lstat each, and keeps them open: files in them
 * are then looked up and opened relative to them (one path component for the kernel to
 * walk, not the whole path). Several, because a pack's steps name clips in a folder per
 * language, in turn. Zero it before the first use; release it with
 * pack_path_cache_close. */
#define PACK_PATH_CACHE_DIRS 4
typedef struct pack_path_dir {
    char dir[256];
    bool valid;
    bool fd_ok;   /* fd is the folder dir, opened */
    int  fd;
} pack_path_dir;
typedef struct pack_path_cache {
    pack_path_dir d[PACK_PATH_CACHE_DIRS];
    int next;     /* the slot a newly found folder takes */
} pack_path_cache;

void pack_path_cache_close(pack_path_cache *cache);
/* to: the folders of from, with descriptors of their own (for another thread). */
void pack_path_cache_copy(pack_path_cache *to, const pack_path_cache *from);
/* Opens the file rel (relative to the pack; full is dir "/" rel) for reading, as
 * open(full, O_RDONLY | O_CLOEXEC) would; relative to the cached folder when rel lies
 * in it. Returns the descriptor, or -1 with errno set. cache may be NULL. */
int pack_path_open(const char *full, const char *rel, pack_path_cache *cache);

/* dir/rel must exist and lie inside the pack: when no part of rel is a symbolic link
 * that holds by construction (rel has no ".."); otherwise its real path must lie under
 * root_real (the real path of dir). On success *full (malloc'd, caller frees) is
 * dir "/" rel. cache may be NULL. */
bool pack_path_resolve(const char *dir, const char *root_real, const char *rel,
                       pack_path_cache *cache, char **full, char *why, size_t n);
/* *len gets the clip's length (0 when it is not usable). A clip longer than
 * PACK_MAX_CLIP_NS, cut short, sparse or claiming more than it holds is an error. */
bool pack_audio_check(const char *path, gw_ns *len, char *why, size_t n);
/* The same for the pack's file rel (full is dir "/" rel, already resolved), opened
 * through cache as pack_path_open does. */
bool pack_audio_check_at(const char *full, const char *rel, pack_path_cache *cache, gw_ns *len,
                         char *why, size_t n);
bool pack_png_check(const char *path, char *why, size_t n);

#endif
