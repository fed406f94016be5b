/* xfile: files written for the person (log exports, the therapist's summary): private
 * (0600) and whole. The content goes to a new temporary file beside the target
 * (O_EXCL|O_NOFOLLOW), is flushed, then put in place, so a full disk leaves no half
 * file; an existing file (or a symbolic link, never followed) is only replaced when
 * asked. Also where such files go when no file chooser is asked: the documents folder.
 * Errors: err gets one sentence for the person naming the file. */
#ifndef GW_XFILE_H
#define GW_XFILE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes the content to f; false if it could not (the file is then not kept). */
typedef bool (*xfile_writer)(FILE *f, void *ctx);

typedef enum { XFILE_OK, XFILE_EXISTS, XFILE_FAILED } xfile_status;

/* Writes path whole through fn. Without force an existing path is left as it is
 * (XFILE_EXISTS). errno is kept from the failure. */
xfile_status xfile_write(const char *path, bool force, xfile_writer fn, void *ctx, char *err, size_t errn);

/* Writes a new file in dir named stem + ext ("groundwork-log-2026-12-06" ".csv"), or
 * stem-2 + ext, -3... if taken: nothing is ever replaced. The name written goes to out
 * (the whole path). */
xfile_status xfile_write_new(const char *dir, const char *stem, const char *ext, xfile_writer fn, void *ctx,
                             char *out, size_t outn, char *err, size_t errn);

/* The person's documents folder: $XDG_DOCUMENTS_DIR, else XDG_DOCUMENTS_DIR in
 * $XDG_CONFIG_HOME/user-dirs.dirs (as xdg-user-dir reads it), else $HOME. Not checked
 * for existence. False if there is no home either. */
bool xfile_documents_dir(char *out, size_t n);

#endif
