/* FUZZ_CHECK: an invariant of a fuzz target. A broken one prints what and where, then
 * aborts, which libFuzzer reports as a crash (and the CTest replay as a failure), so a
 * parser that accepts an input but leaves a value out of its documented range is found
 * like one that reads past its buffer. */
#ifndef GW_FUZZ_CHECK_H
#define GW_FUZZ_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond, ...)                                                        \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                            \
            fputc('\n', stderr);                                                     \
            abort();                                                                 \
        }                                                                            \
    } while (0)

/* A fixed char array holds a terminated string shorter than its size. */
#define FUZZ_CSTR(arr) FUZZ_CHECK(memchr((arr), 0, sizeof(arr)) != NULL, "%s is not terminated", #arr)
#endif
