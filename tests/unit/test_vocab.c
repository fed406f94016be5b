/* Tests for the one vocabulary of breathing: the phase table (names in traces, content
 * and speech; cue sounds), the pacer styles, and the one breath validator that packs
 * are held to (breath_check_content, called by the loader). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "core/breath.h"
#include "core/pacer_style.h"
#include "core/pack.h"

static void test_phase_rows(void **state)
{
    (void)state;
    assert_string_equal(breath_kind_row_of(BREATH_HOLD_OUT)->name, "hold_out");
    assert_string_equal(breath_kind_row_of(BREATH_HOLD_IN)->content, "hold_in");
    assert_string_equal(breath_kind_row_of(BREATH_HOLD_OUT)->word, "hold");
    assert_string_equal(breath_kind_row_of(BREATH_TOPUP)->word, "topup");
    assert_int_equal(breath_kind_row_of(BREATH_TOPUP)->cue, SYNTH_CUE_INHALE);
    assert_int_equal(breath_kind_row_of(BREATH_EXHALE)->cue, SYNTH_CUE_EXHALE);
    assert_int_equal(breath_kind_row_of(BREATH_HOLD_IN)->cue, SYNTH_CUE_HOLD);
    assert_string_equal(breath_kind_row_of(BREATH_KIND_COUNT)->name, "unknown");
    assert_string_equal(breath_kind_row_of((breath_kind)-1)->word, "hold");
    for (int k = 0; k < BREATH_KIND_COUNT; k++) {
        /* what content writes reads back as the same kind */
        assert_int_equal(breath_kind_parse(breath_kind_row_of((breath_kind)k)->content), k);
        assert_string_equal(breath_kind_name((breath_kind)k), breath_kind_row_of((breath_kind)k)->name);
    }
}

static void test_phase_names_after(void **state)
{
    (void)state;
    int hold = -1;
    for (int i = 0; i < BREATH_PHASE_NAMES; i++)
        if (!strcmp(breath_phase_names[i], "hold"))
            hold = i;
    assert_true(hold >= 0);
    assert_int_equal(breath_kind_after(hold, BREATH_INHALE), BREATH_HOLD_IN);
    assert_int_equal(breath_kind_after(hold, BREATH_TOPUP), BREATH_HOLD_IN);
    assert_int_equal(breath_kind_after(hold, BREATH_EXHALE), BREATH_HOLD_OUT);
    assert_int_equal(breath_kind_after(hold, -1), -1);
    assert_int_equal(breath_kind_after(hold, BREATH_HOLD_IN), -1);
    assert_int_equal(breath_kind_after(0, -1), BREATH_INHALE);
    assert_int_equal(breath_kind_after(BREATH_PHASE_NAMES, -1), -1);
    for (int i = 0; i < BREATH_PHASE_NAMES; i++)
        if (i != hold)
            assert_int_equal(breath_kind_after(i, -1), breath_kind_parse(breath_phase_names[i]));
}

static void test_pacer_styles(void **state)
{
    (void)state;
    for (int i = 0; i < PACER_STYLE_COUNT; i++)
        assert_int_equal(pacer_style_parse(pacer_style_name(i)), i);
    assert_string_equal(pacer_style_name(PACER_CALM), "calm");
    assert_string_equal(pacer_style_name(PACER_STYLE_COUNT), "orb");
    assert_string_equal(pacer_style_name(-1), "orb");
    assert_int_equal(pacer_style_parse("Orb"), -1);
    assert_int_equal(pacer_style_parse(NULL), -1);
    assert_int_equal(PACER_PACK_STYLES, PACER_CALM); /* calm is last: packs name the others */
}

static breath_pattern four_four(void)
{
    breath_pattern p = { .nphase = 2 };
    p.phase[0] = (breath_phase){ BREATH_INHALE, 4000 };
    p.phase[1] = (breath_phase){ BREATH_EXHALE, 4000 };
    return p;
}

static void test_check_content(void **state)
{
    (void)state;
    breath_pattern p = four_four();
    p.cycles = 900; /* 120 minutes exactly */
    assert_null(breath_check_content(&p));
    p.lead_in_ns = GW_SEC(3); /* then over, by the lead-in */
    assert_non_null(breath_check_content(&p));
    assert_null(breath_check(&p)); /* the engine runs it */
    p.lead_in_ns = GW_SEC(11);
    p.cycles = 10;
    assert_string_equal(breath_check_content(&p), "the lead-in must be 0 to 10 s");
    p.lead_in_ns = 0;
    p.cycles = 1001;
    assert_non_null(breath_check_content(&p));
    p.cycles = 0;
    p.session_ns = GW_SEC(120 * 60);
    assert_null(breath_check_content(&p));
    p.session_ns = GW_SEC(120 * 60 + 1);
    assert_string_equal(breath_check_content(&p), "the session time must be 0 to 120 minutes");
    assert_null(breath_check(&p));
    /* a ramp by breaths: the breaths may not run far past 120 minutes either */
    p = four_four();
    p.cycles = 1000;
    p.ramp_from_bpm = 7.5;
    p.ramp_to_bpm = 5.0;
    p.ramp_ns = GW_SEC(60);
    assert_string_equal(breath_check_content(&p), "the session is longer than 120 minutes");
    assert_null(breath_check(&p));
}

static const char ramp_pack[] =
    "{\n"
    "  \"format\": \"1.0\", \"id\": \"ramp\", \"name\": \"Ramp\", \"version\": \"1.0.0\",\n"
    "  \"languages\": [\"en\"], \"authors\": [\"t\"], \"license\": \"CC0-1.0\", \"sources\": [],\n"
    "  \"exercises\": [{\"id\": \"r\", \"kind\": \"breathing\", \"category\": \"breathing\",\n"
    "    \"title\": \"T\", \"summary\": \"S\", \"cautions\": [], \"source\": \"s\",\n"
    "    \"breathing\": {\"phases\": [{\"phase\": \"inhale\", \"seconds\": 0.5},\n"
    "                               {\"phase\": \"exhale\", \"seconds\": 10}],\n"
    "                  \"minutes\": 5, \"style\": \"box\",\n"
    "                  \"ramp\": {\"from_bpm\": FROM, \"to_bpm\": 5, \"minutes\": 2}}}]\n"
    "}\n";

static pack *load_ramp(const char *from, pack_diags *d)
{
    char text[sizeof ramp_pack + 16];
    const char *at = strstr(ramp_pack, "FROM");
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - ramp_pack), ramp_pack, from, at + 4);
    return pack_load_buffer("mem.json", text, strlen(text), NULL, d);
}

/* The loader holds a pattern to the engine's check: a ramp that makes a phase shorter
 * than 0.5 s is an error at the breathing section, though every field is in range. */
static void test_pack_calls_breath_check(void **state)
{
    (void)state;
    pack_diags d = { 0 };
    pack *p = load_ramp("5", &d);
    assert_non_null(p);
    assert_int_equal(pack_diags_errors(&d), 0);
    assert_int_equal(p->ex[0].pacer, PACER_BOX); /* compiled once at load */
    assert_string_equal(p->ex[0].style, "box");
    pack_free(p);
    pack_diags_free(&d);

    p = load_ramp("6", &d);
    assert_null(p);
    assert_int_equal(d.n, 1);
    char line[512];
    pack_diag_format(&d.v[0], line, sizeof line);
    assert_string_equal(line, "mem.json:6:18: $.exercises[0].breathing: the ramp rate makes a phase "
                              "shorter than 0.5 s");
    pack_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phase_rows),
        cmocka_unit_test(test_phase_names_after),
        cmocka_unit_test(test_pacer_styles),
        cmocka_unit_test(test_check_content),
        cmocka_unit_test(test_pack_calls_breath_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
