#include "core/timebase.h"

void tb_start(tb_clock *c, gw_ns now)
{
    c->start = now;
    c->paused_total = 0;
    c->paused_at = 0;
    c->paused = false;
}

void tb_pause(tb_clock *c, gw_ns now)
{
    if (c->paused)
        return;
    c->paused = true;
    c->paused_at = now;
}

void tb_resume(tb_clock *c, gw_ns now)
{
    if (!c->paused)
        return;
    c->paused_total += now - c->paused_at;
    c->paused = false;
}

gw_ns tb_elapsed(const tb_clock *c, gw_ns now)
{
    gw_ns end = c->paused ? c->paused_at : now;
    gw_ns e = end - c->start - c->paused_total;
    return e < 0 ? 0 : e;
}

void tb_seek(tb_clock *c, gw_ns now, gw_ns elapsed)
{
    gw_ns end = c->paused ? c->paused_at : now;
    c->start = end - c->paused_total - elapsed;
}
