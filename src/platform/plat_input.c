#include "platform/plat_input.h"

#include <string.h>

static unsigned mods_of(Uint16 m)
{
    unsigned r = 0;
    if (m & KMOD_CTRL) r |= GW_MOD_CTRL;
    if (m & KMOD_ALT) r |= GW_MOD_ALT;
    if (m & KMOD_SHIFT) r |= GW_MOD_SHIFT;
    if (m & KMOD_GUI) r |= GW_MOD_GUI;
    return r;
}

bool plat_input_translate(const SDL_Event *e, int win_w, int win_h, gw_event *out)
{
    memset(out, 0, sizeof *out);
    float fw = win_w > 0 ? (float)win_w : 1.f, fh = win_h > 0 ? (float)win_h : 1.f;
    switch (e->type) {
    case SDL_QUIT:
        out->type = EV_QUIT;
        return true;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_CLOSE) {
            out->type = EV_QUIT;
            return true;
        }
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            out->type = EV_RESIZE;
            out->w = e->window.data1;
            out->h = e->window.data2;
            return true;
        }
        return false;
    case SDL_KEYDOWN:
        out->type = EV_KEY;
        snprintf(out->key, sizeof out->key, "%s", SDL_GetKeyName(e->key.keysym.sym));
        out->mods = mods_of(e->key.keysym.mod);
        out->repeat = e->key.repeat != 0;
        return out->key[0] != 0;
    case SDL_KEYUP:
        out->type = EV_KEY_UP;
        snprintf(out->key, sizeof out->key, "%s", SDL_GetKeyName(e->key.keysym.sym));
        out->mods = mods_of(e->key.keysym.mod);
        return out->key[0] != 0;
    case SDL_TEXTINPUT:
        out->type = EV_TEXT;
        snprintf(out->text, sizeof out->text, "%s", e->text.text);
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID)
            return false; /* the finger event carries it */
        out->type = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->x = (float)e->button.x / fw;
        out->y = (float)e->button.y / fh;
        return e->button.button == SDL_BUTTON_LEFT;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return false;
        out->type = EV_POINTER_MOVE;
        out->x = (float)e->motion.x / fw;
        out->y = (float)e->motion.y / fh;
        return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
        out->type = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->x = e->tfinger.x;
        out->y = e->tfinger.y;
        out->touch = true;
        return true;
    case SDL_AUDIODEVICEADDED:
    case SDL_AUDIODEVICEREMOVED:
        if (e->adevice.iscapture)
            return false;
        out->type = EV_AUDIO_DEVICE;
        out->added = e->type == SDL_AUDIODEVICEADDED;
        return true;
    case SDL_CONTROLLERBUTTONDOWN:
        out->type = EV_BUTTON;
        snprintf(out->key, sizeof out->key, "%s",
                 SDL_GameControllerGetStringForButton((SDL_GameControllerButton)e->cbutton.button));
        return out->key[0] != 0;
    default:
        return false;
    }
}
