/* plat_input: SDL events translated into gw_events (see core/event.h). */
#ifndef GW_PLAT_INPUT_H
#define GW_PLAT_INPUT_H
#include <SDL2/SDL.h>
#include <stdbool.h>
#include "core/event.h"

/* Returns true if e became an event for the app. win_w/win_h scale pointers to 0..1. */
bool plat_input_translate(const SDL_Event *e, int win_w, int win_h, gw_event *out);

#endif
