/* utf8: checking UTF-8 text from outside and quoting it safely in messages.
 * Ownership: callers own every buffer. */
#ifndef GW_UTF8_H
#define GW_UTF8_H
#include <stddef.h>

/* Length in bytes of the valid UTF-8 sequence at s, or 0 if it is not valid
 * (overlong forms, surrogates and code points past U+10FFFF are invalid). */
int  utf8_seq(const unsigned char *s);
/* Code points in s, or -1 if s is not valid UTF-8. */
long utf8_count(const char *s);
/* s made safe to quote in a message, into buf (n bytes): invalid bytes and control
 * characters escaped, '"' and '\' escaped, cut with "..." after max code points.
 * Returns buf. */
const char *utf8_quote(const char *s, char *buf, size_t n, int max);

#endif
