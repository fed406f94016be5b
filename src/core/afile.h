/* afile: folders made for the program's own files, and files replaced whole. A folder
 * is made with every missing folder above it, private (0700) for the person's data. A
 * file is replaced atomically: the new content goes to a temporary file beside it,
 * made afresh (any leftover or link of that name is removed first, never written
 * through: O_EXCL, O_NOFOLLOW), is flushed to the disk, renamed over the old file, and
 * the folder is flushed, so a crash or a full disk leaves the old file or the new one,
 * never half of one, and a failure leaves the old file as it was.
 *
 * Used by the settings, the kiosk's files (kiosk.json, the PIN's state), reminders,
 * the practice log and the kiosk's counts. Exports, which never replace anything, are
 * xfile's. Ownership: nothing is allocated; errors are false (or a stage) with errno
 * set. */
#ifndef GW_AFILE_H
#define GW_AFILE_H
#include <stdbool.h>
#include <stddef.h>

#define AFILE_PRIVATE 0700u

/* Makes folder dir, and each missing folder above it, with mode. True if dir is there
 * afterwards. */
bool afile_make_dirs(const char *dir, unsigned mode);
/* The same for the folder holding the file path ("a/b/c.json": a/b); true when path
 * has no folder part. */
bool afile_make_parent(const char *path, unsigned mode);
/* Opens the folder holding path (to lock or flush it), or -1. */
int  afile_open_parent(const char *path);
/* Flushes the folder holding path, so a file just created or renamed there survives a
 * power cut (some file systems cannot flush a folder: not an error). */
void afile_sync_parent(const char *path);
/* write() of all n bytes, again after EINTR; false with errno set (EIO if nothing
 * could be written). */
bool afile_write_all(int fd, const void *data, size_t n);

/* How a replacement is made; zero means the default. */
typedef struct afile_opts {
    const char *tmp;       /* the temporary file, in path's folder; NULL: path ".tmp" */
    unsigned create_mode;  /* mode it is created with (the umask applies); 0: 0600 */
    unsigned mode;         /* mode set on it exactly (fchmod) before it is flushed; 0: none */
    /* runs on it after the content is written, before it is flushed (to give it an
     * owner); false stops the replacement, with errno set */
    bool (*prepare)(int fd, void *ctx);
    void *ctx;
} afile_opts;

/* The step a replacement failed at: the temporary file could not be made (or its
 * name was too long), written (with prepare, mode and flush) or put in place. */
typedef enum afile_stage { AFILE_DONE, AFILE_CREATE, AFILE_WRITE, AFILE_RENAME } afile_stage;

/* Replaces path by text followed by tail (tail may be NULL), as said above. On failure
 * the temporary file is removed, path is untouched and errno says why. The folder must
 * exist (afile_make_parent). opts may be NULL. */
afile_stage afile_replace(const char *path, const char *text, const char *tail, const afile_opts *opts);

#endif
