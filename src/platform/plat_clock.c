#include "platform/plat_clock.h"

#include <SDL2/SDL.h>

gw_ns plat_now(void)
{
    static Uint64 freq, origin;
    if (!freq) {
        freq = SDL_GetPerformanceFrequency();
        origin = SDL_GetPerformanceCounter();
    }
    Uint64 d = SDL_GetPerformanceCounter() - origin;
    /* split to avoid overflow of d * 1e9 */
    return (gw_ns)(d / freq) * GW_NS_PER_SEC + (gw_ns)((d % freq) * GW_NS_PER_SEC / freq);
}
