/* paths: where Groundwork finds its data (fonts, built-in content) and keeps the
 * user's (XDG). The data folder is found relative to the executable, so the build tree
 * and an installed tree both work: $GROUNDWORK_DATA_DIR, <exe dir>/data (build tree),
 * <exe dir>/../share/groundwork (installed). */
#ifndef GW_PATHS_H
#define GW_PATHS_H
#include <stdbool.h>
#include <stddef.h>

/* The data folder, or NULL if none was found. The string is static. */
const char *paths_data_dir(void);
/* The folder of the Noto Sans fonts, static: $GROUNDWORK_FONT_DIR if set; else the
 * data folder's fonts/ where it exists (the build tree's copies, or a data folder that
 * brings its own); else the system's, GW_SYSTEM_FONT_DIR (fonts-noto-core:
 * /usr/share/fonts/truetype/noto), which is what an installed program uses. */
const char *paths_font_dir(void);
/* $XDG_DATA_HOME/groundwork or ~/.local/share/groundwork (not created). Static. */
const char *paths_user_data_dir(void);
/* $XDG_CONFIG_HOME/groundwork or ~/.config/groundwork (not created). Static. */
const char *paths_user_config_dir(void);
/* $XDG_STATE_HOME/groundwork or ~/.local/state/groundwork (not created). Static. */
/* dir/name for a file of the person's groundwork folder dir (paths_user_*_dir()); a
 * file an older release left at dir/groundwork/name is used while dir/name does not
 * exist. False if it does not fit buf. */
bool paths_user_file(char *buf, size_t n, const char *dir, const char *name);
const char *paths_user_state_dir(void);
/* Joins a and b with one '/', into buf; returns buf, or NULL if it did not fit. */
char *paths_join(char *buf, size_t n, const char *a, const char *b);

#endif
