/* Until the breathing engine (src/core/breath.c) defines breath_total, the pack tests
 * link this stand-in; tests/pack.cmake defines GW_BREATH_TOTAL_STUB only while
 * breath.c lacks it. It is weak, so a real definition always wins. No ramp support:
 * the tests that depend on it use patterns without a ramp. */
#ifndef GW_BREATH_TOTAL_STUB_H
#define GW_BREATH_TOTAL_STUB_H
#include "core/breath.h"

#ifdef GW_BREATH_TOTAL_STUB
__attribute__((weak)) gw_ns breath_total(const breath_pattern *p)
{
    gw_ns cycle = 0;
    for (int i = 0; i < p->nphase; i++) cycle += GW_MSEC(p->phase[i].ms);
    if (cycle <= 0) return p->lead_in_ns;
    gw_ns n = p->cycles > 0 ? p->cycles : (p->session_ns + cycle - 1) / cycle;
    return p->lead_in_ns + n * cycle;
}
#endif
#endif
