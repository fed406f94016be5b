/* plat_portal: the desktop's own "Save as" window, through the XDG desktop portal
 * (org.freedesktop.portal.FileChooser.SaveFile on the session D-Bus). Built with sd-bus
 * where libsystemd was found; otherwise, or with no session bus, no portal, or a
 * portal that does not answer in time, it says so and the caller saves elsewhere (the
 * documents folder). Nothing here blocks longer than the times given. */
#ifndef GW_PLAT_PORTAL_H
#define GW_PLAT_PORTAL_H
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PORTAL_CHOSEN,      /* path holds the file the person chose */
    PORTAL_CANCELLED,   /* the person closed the window: nothing is to be saved */
    PORTAL_UNAVAILABLE, /* no bus, no portal, an error or no answer in time: why holds why */
} portal_result;

/* Asks where to save: title for the window, name proposed (no folder). The portal
 * must take the request within answer_ms, and the person choose within choose_ms.
 * why gets a sentence (English, for the trace and stderr) when unavailable. */
portal_result portal_save_file(const char *title, const char *name, int answer_ms, int choose_ms, char *path,
                               size_t pathn, char *why, size_t whyn);

/* The same on a thread of its own, so the program's window keeps drawing while the
 * person chooses. NULL if no thread could be started (then ask portal_save_file). */
typedef struct portal_ask portal_ask;
portal_ask *portal_ask_start(const char *title, const char *name, int answer_ms, int choose_ms);
typedef enum { PORTAL_ASKING, PORTAL_OPEN, PORTAL_DONE } portal_state;
/* Waits up to wait_ms (0: not at all) while the portal has not yet answered the request;
 * returns the state: still asking, its window open for the person, or done. */
portal_state portal_ask_wait(portal_ask *q, int wait_ms);
/* Once done: the result as portal_save_file gives it; q is freed. */
portal_result portal_ask_end(portal_ask *q, char *path, size_t pathn, char *why, size_t whyn);

#endif
