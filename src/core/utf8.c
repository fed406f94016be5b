/* utf8: validation and safe quoting (see utf8.h). */
#include "core/utf8.h"

#include <stdio.h>
#include <string.h>

int utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;
        if (c == 0xED && s[1] > 0x9F) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] > 0x8F) return 0;
        return 4;
    }
    return 0;
}

long utf8_count(const char *s)
{
    long n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int l = utf8_seq(p);
        if (!l) return -1;
        p += l;
        n++;
    }
    return n;
}

const char *utf8_quote(const char *s, char *buf, size_t n, int max)
{
    size_t o = 0;
    int cp = 0;
    const unsigned char *p = (const unsigned char *)s;
    buf[0] = 0;
    while (*p && o + 8 < n) {
        if (cp == max) {
            memcpy(buf + o, "...", 4);
            return buf;
        }
        int l = utf8_seq(p);
        if (l == 1 && (*p < 0x20 || *p == 0x7F || *p == '"' || *p == '\\')) {
            if (*p == '"' || *p == '\\') o += (size_t)snprintf(buf + o, n - o, "\\%c", *p);
            else if (*p == '\n') o += (size_t)snprintf(buf + o, n - o, "\\n");
            else if (*p == '\t') o += (size_t)snprintf(buf + o, n - o, "\\t");
            else o += (size_t)snprintf(buf + o, n - o, "\\x%02X", *p);
            p++;
        } else if (l == 0) {
            o += (size_t)snprintf(buf + o, n - o, "\\x%02X", *p);
            p++;
        } else {
            memcpy(buf + o, p, (size_t)l);
            o += (size_t)l;
            p += l;
        }
        cp++;
        buf[o] = 0;
    }
    return buf;
}
