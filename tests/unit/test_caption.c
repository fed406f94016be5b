/* caption: a caption cut into whole sentences, then clauses, then words, by a box
 * that holds a given number of bytes here (the app measures with its fonts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/caption.h"

static bool fits_n(void *ctx, const char *s, size_t len)
{
    (void)s;
    return len <= *(size_t *)ctx;
}

/* The chunks of t for a box of `room` bytes, joined with " | ". */
static void chunks(const char *t, size_t room, char *out, size_t n)
{
    out[0] = 0;
    gw_ns span = 1000000000LL;
    caption_chunk c = caption_at(t, fits_n, &room, span, 0);
    for (int i = 0; i < c.count; i++) {
        gw_ns into = c.end == GW_NEVER ? span : c.end;
        if (i)
            strncat(out, " | ", n - strlen(out) - 1);
        strncat(out, t + c.off, c.len < n - strlen(out) - 1 ? c.len : n - strlen(out) - 1);
        if (i + 1 < c.count)
            c = caption_at(t, fits_n, &room, span, into);
    }
}

static void sentences_first(void **state)
{
    (void)state;
    char out[512];
    const char *t = "Tense each area firmly but gently, never to the point of pain. If an area hurts or is injured, "
                    "skip the tensing and just relax it.";
    chunks(t, 200, out, sizeof out);
    assert_string_equal(out, t); /* all of it fits */
    chunks(t, 70, out, sizeof out);
    assert_string_equal(out, "Tense each area firmly but gently, never to the point of pain. | If an area hurts or is "
                             "injured, skip the tensing and just relax it.");
    chunks(t, 40, out, sizeof out); /* clauses when a sentence does not fit */
    assert_string_equal(out, "Tense each area firmly but gently, | never to the point of pain. | If an area hurts or "
                             "is injured, | skip the tensing and just relax it.");
    chunks(t, 20, out, sizeof out); /* words only when a clause does not fit */
    assert_string_equal(out, "Tense each area | firmly but gently, | never to the point | of pain. | If an area hurts "
                             "or | is injured, | skip the tensing and | just relax it.");
}

static void breaks(void **state)
{
    (void)state;
    const char *t = "One. Two, three \xE2\x80\x94 four\xD8\x8C five\xD8\x9F (six.) x";
    assert_int_equal(caption_break_at(t, 4), 2);   /* "One." */
    assert_int_equal(caption_break_at(t, 9), 1);   /* "Two," */
    assert_int_equal(caption_break_at(t, 15), 0);  /* "three" */
    assert_int_equal(caption_break_at(t, 19), 1);  /* the dash */
    assert_int_equal(caption_break_at(t, 26), 1);  /* Arabic comma */
    assert_int_equal(caption_break_at(t, 33), 2);  /* Arabic question mark */
    assert_int_equal(caption_break_at(t, 40), 2);  /* "(six.)" */
    assert_int_equal(caption_break_at(t, 3), -1);  /* inside a word */
    assert_int_equal(caption_break_at(t, 42), 0);  /* the end */
}

static void timing(void **state)
{
    (void)state;
    size_t room = 10;
    const char *t = "Aaaa. Bbbb.";
    caption_chunk c = caption_at(t, fits_n, &room, 1000, 0);
    assert_int_equal(c.count, 2);
    assert_int_equal(c.index, 0);
    assert_int_equal(c.end, 500);
    c = caption_at(t, fits_n, &room, 1000, 600);
    assert_int_equal(c.index, 1);
    assert_int_equal(c.start, 500);
    assert_true(c.end == GW_NEVER);
    c = caption_at("", fits_n, &room, 1000, 0);
    assert_int_equal(c.count, 0);
    c = caption_at("Onewordtoolongforthebox", fits_n, &room, 1000, 0);
    assert_int_equal(c.count, 1);
    assert_int_equal(c.len, 23);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences_first),
        cmocka_unit_test(breaks),
        cmocka_unit_test(timing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
