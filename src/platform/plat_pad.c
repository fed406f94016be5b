/* plat_pad: see plat_pad.h. */
#include "platform/plat_pad.h"

static void open_controllers(void)
{
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        if (SDL_IsGameController(i))
            SDL_GameControllerOpen(i);
}

void plat_pad_start(plat_pad *p)
{
    SDL_SetHint(SDL_HINT_AUTO_UPDATE_JOYSTICKS, "0");
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0) {
        SDL_LogWarn(SDL_LOG_CATEGORY_INPUT, "No gamepad support: %s", SDL_GetError());
        return;
    }
    p->on = true;
    open_controllers();
}

void plat_pad_read(plat_pad *p, gw_ns now, int *timeout_ms)
{
    if (!p->on)
        return;
    bool connected = SDL_NumJoysticks() > 0;
    if (connected && *timeout_ms > PLAT_PAD_POLL_MS)
        *timeout_ms = PLAT_PAD_POLL_MS;
    if (!connected && now < p->next)
        return;
    SDL_GameControllerUpdate();
    p->next = now + GW_MSEC(PLAT_PAD_SCAN_MS);
}

void plat_pad_event(plat_pad *p, const SDL_Event *ev)
{
    (void)p;
    if (ev->type == SDL_CONTROLLERDEVICEADDED)
        SDL_GameControllerOpen(ev->cdevice.which);
}

void plat_pad_rumble(const plat_pad *p, breath_kind k)
{
    (void)p; /* gamepads opened before the loop read them rumble too */
    Uint16 lo = 0x1800, hi = 0x0800;
    Uint32 ms = 90;
    if (k == BREATH_INHALE || k == BREATH_TOPUP) {
        lo = 0x6000;
        hi = 0x1000;
        ms = 160;
    } else if (k == BREATH_EXHALE) {
        lo = 0x1000;
        hi = 0x4000;
        ms = 260;
    }
    for (int i = 0; i < SDL_NumJoysticks(); i++) {
        SDL_GameController *gc = SDL_GameControllerFromInstanceID(SDL_JoystickGetDeviceInstanceID(i));
        if (gc && SDL_GameControllerHasRumble(gc))
            SDL_GameControllerRumble(gc, lo, hi, ms);
    }
}
