/* The kiosk scenes' own state (scene_vt.state_size): the card library's page
 * (scene_kiosk_library.c) and the admin keypad's digits and message (scene_admin.c). Each is
 * reached only by its scene's file; it is declared here for white-box tests. mode_kiosk
 * forgets a visitor's traces by zeroing the states whole, never by their fields. */
#ifndef GW_KIOSK_SCENES_H
#define GW_KIOSK_SCENES_H
#include "core/kiosk.h"

struct app;
struct exercise;

/* The exercises a kiosk offers, in the order its settings name them (by default every
 * exercise marked unattended, in the packs' order), into out (room for
 * KIOSK_OFFERED_MAX); how many. scene_kiosk_library.c; the attract screen's cards too. */
#define KIOSK_OFFERED_MAX 32 /* as many as kiosk settings may name (KIOSK_MAX_EXERCISES) */
int kiosk_offered(const struct app *a, const struct exercise **out);

struct kiosk_library_st {
    int page;                       /* the page of cards shown (large text) */
};

struct kiosk_admin_st {
    char pin[KIOSK_PIN_MAX + 1];    /* digits typed on the keypad */
    char msg[160];                  /* why the last PIN was not taken */
    bool typed_key;                 /* the last key was a digit key: its text is the same press */
};

#endif
