/* hrm: the Bluetooth Heart Rate Measurement characteristic (0x2A37 of the Heart Rate
 * service 0x180D), decoded. A notification is a flags byte, the heart rate (8 or 16
 * bits), optionally the energy expended (16 bits) and then zero or more RR intervals
 * (16 bits each, in 1/1024 s) to the end; all little-endian, no timestamps.
 * Pure: no allocation, no clock. */
#ifndef GW_HRM_H
#define GW_HRM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HRM_RR_MAX 16   /* a notification of at most 1 + 2 + 2 + 16 * 2 bytes */

typedef struct hrm_reading {
    int  bpm;              /* heart rate, beats per minute */
    bool contact_known;    /* the sensor reports skin contact (flags bit 2) */
    bool contact;          /* and it has it (flags bit 1) */
    bool has_energy;
    int  energy_kj;        /* energy expended, kilojoules (when has_energy) */
    int  nrr;              /* RR intervals in this notification */
    double rr_ms[HRM_RR_MAX];   /* each in milliseconds (converted from 1/1024 s) */
} hrm_reading;

/* Decodes one notification of n bytes into *out. False (out zeroed) when it is too
 * short for what its flags announce, or carries more than HRM_RR_MAX intervals
 * (the extra are not read: a malformed sensor never overruns anything). An odd byte
 * left after the RR intervals is ignored, as the specification's readers do. */
bool hrm_decode(const uint8_t *b, size_t n, hrm_reading *out);

#endif
