#include "core/hrm.h"

#include <string.h>

enum {
    HRM_FLAG_U16 = 1 << 0,         /* heart rate as uint16 */
    HRM_FLAG_CONTACT = 1 << 1,     /* contact detected (when supported) */
    HRM_FLAG_CONTACT_SUP = 1 << 2, /* contact detection supported */
    HRM_FLAG_ENERGY = 1 << 3,      /* energy expended present */
    HRM_FLAG_RR = 1 << 4,          /* RR intervals present */
};

static unsigned u16le(const uint8_t *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }

bool hrm_decode(const uint8_t *b, size_t n, hrm_reading *out)
{
    memset(out, 0, sizeof *out);
    if (!b || n < 2)
        return false;
    unsigned flags = b[0];
    size_t at = 1;
    if (flags & HRM_FLAG_U16) {
        if (n < at + 2)
            return false;
        out->bpm = (int)u16le(b + at);
        at += 2;
    } else
        out->bpm = b[at++];
    out->contact_known = flags & HRM_FLAG_CONTACT_SUP;
    out->contact = out->contact_known && (flags & HRM_FLAG_CONTACT);
    if (flags & HRM_FLAG_ENERGY) {
        if (n < at + 2) {
            memset(out, 0, sizeof *out);
            return false;
        }
        out->has_energy = true;
        out->energy_kj = (int)u16le(b + at);
        at += 2;
    }
    if (flags & HRM_FLAG_RR) {
        for (; at + 2 <= n; at += 2) {
            if (out->nrr == HRM_RR_MAX) {
                memset(out, 0, sizeof *out);
                return false;
            }
            out->rr_ms[out->nrr++] = u16le(b + at) * 1000.0 / 1024.0;
        }
    }
    return true;
}
