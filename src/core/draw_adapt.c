#include "core/draw_adapt.h"

#include <math.h>

void draw_adapt_scale_text(draw_list *l, float scale)
{
    if (!l || !(scale > 0.f) || fabsf(scale - 1.f) < 1e-3f)
        return;
    if (scale < 0.5f) scale = 0.5f;
    if (scale > 3.f)  scale = 3.f;
    for (int i = 0; i < l->ncmd; i++) {
        draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_TEXT)
            c->font_px = (int)lroundf((float)c->font_px * scale);
    }
}

static float mirror_x(const draw_list *l, gw_rect r) { return (float)l->w - r.x - r.w; }

void draw_adapt_mirror(draw_list *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->ncmd; i++) {
        draw_cmd *c = &l->cmd[i];
        switch (c->op) {
        case DRAW_LINE: /* from (x, y) to (x + w, y + h) */
            c->r.x = (float)l->w - c->r.x;
            c->r.w = -c->r.w;
            break;
        case DRAW_RING: {
            float a0 = c->a0, a1 = c->a1;
            c->a0 = 1.f - a1;
            c->a1 = 1.f - a0;
            c->r.x = mirror_x(l, c->r);
            break;
        }
        case DRAW_TEXT: {
            int al = c->flags & 3;
            if (al == ALIGN_LEFT || al == ALIGN_RIGHT)
                c->flags = (c->flags & ~3) | (al == ALIGN_LEFT ? ALIGN_RIGHT : ALIGN_LEFT);
            c->flags ^= TEXT_RTL; /* paragraphs read right to left (twice: as before) */
            c->r.x = mirror_x(l, c->r);
            break;
        }
        default:
            c->r.x = mirror_x(l, c->r);
            break;
        }
    }
    for (int i = 0; i < l->nwid; i++)
        l->wid[i].r.x = mirror_x(l, l->wid[i].r);
}
