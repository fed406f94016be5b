/* sound: the per-frame list of sound commands (what the app asks to be heard). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/sound.h"

static void commands_keep_their_order_and_values(void **st)
{
    (void)st;
    sound_list l = { 0 };
    sound_voice_stop(&l);
    sound_voice_play(&l, "/packs/core/voice/en/step1.ogg", GW_MSEC(1500));
    sound_cue(&l, "inhale");
    sound_cue_at(&l, "exhale", GW_SEC(12), GW_SEC(11));
    sound_ambience(&l, "rain");
    sound_ambience(&l, NULL);
    sound_pause(&l, true);
    sound_mute(&l, false);
    sound_volume(&l, SOUND_BUS_AMBIENCE, 0.25f);
    sound_cancel_cues(&l);
    assert_int_equal(l.n, 10);
    assert_int_equal(l.cmd[0].op, SOUND_VOICE_STOP);
    assert_null(sound_text_of(&l, &l.cmd[0]));
    assert_int_equal(l.cmd[1].op, SOUND_VOICE_PLAY);
    assert_string_equal(sound_text_of(&l, &l.cmd[1]), "/packs/core/voice/en/step1.ogg");
    assert_true(l.cmd[1].when == GW_MSEC(1500));
    assert_string_equal(sound_text_of(&l, &l.cmd[2]), "inhale");
    assert_int_equal(l.cmd[3].op, SOUND_CUE_AT);
    assert_string_equal(sound_text_of(&l, &l.cmd[3]), "exhale");
    assert_true(l.cmd[3].when == GW_SEC(12) && l.cmd[3].now == GW_SEC(11));
    assert_string_equal(sound_text_of(&l, &l.cmd[4]), "rain");
    assert_int_equal(l.cmd[5].op, SOUND_AMBIENCE);
    assert_null(sound_text_of(&l, &l.cmd[5])); /* no bed */
    assert_true(l.cmd[6].op == SOUND_PAUSE && l.cmd[6].on);
    assert_true(l.cmd[7].op == SOUND_MUTE && !l.cmd[7].on);
    assert_true(l.cmd[8].op == SOUND_VOLUME && l.cmd[8].bus == SOUND_BUS_AMBIENCE && l.cmd[8].volume == 0.25f);
    assert_int_equal(l.cmd[9].op, SOUND_CANCEL_CUES);
    sound_free(&l);
    assert_null(l.cmd);
}

static void clearing_keeps_the_memory(void **st)
{
    (void)st;
    sound_list l = { 0 };
    char path[300];
    /* more commands and text than the first allocation holds */
    for (int i = 0; i < 100; i++) {
        snprintf(path, sizeof path, "voice/%d/%0200d.ogg", i, i);
        sound_voice_play(&l, path, i);
    }
    assert_int_equal(l.n, 100);
    snprintf(path, sizeof path, "voice/%d/%0200d.ogg", 57, 57);
    assert_string_equal(sound_text_of(&l, &l.cmd[57]), path);
    sound_cmd *cmd = l.cmd;
    char *text = l.text;
    sound_clear(&l);
    assert_int_equal(l.n, 0);
    sound_cue(&l, "hold");
    assert_ptr_equal(l.cmd, cmd);
    assert_ptr_equal(l.text, text);
    assert_string_equal(sound_text_of(&l, &l.cmd[0]), "hold");
    sound_free(&l);
}

static void no_list_keeps_nothing(void **st)
{
    (void)st;
    sound_cue(NULL, "inhale");
    sound_cue_at(NULL, "inhale", 1, 0);
    sound_voice_play(NULL, "x.ogg", 0);
    sound_volume(NULL, SOUND_BUS_CUES, 1.f);
    sound_clear(NULL);
    sound_free(NULL);
}

static void clip_length_reads_the_file(void **st)
{
    (void)st;
    assert_true(sound_clip_length(NULL) == 0);
    assert_true(sound_clip_length("/nonexistent/clip.ogg") == 0);
    char path[1024];
    snprintf(path, sizeof path, "%s/assets/voice/en/inhale.ogg", GW_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    if (!f)
        skip();
    fclose(f);
    gw_ns len = sound_clip_length(path);
    assert_true(len > GW_MSEC(100) && len < GW_SEC(10));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commands_keep_their_order_and_values),
        cmocka_unit_test(clearing_keeps_the_memory),
        cmocka_unit_test(no_list_keeps_nothing),
        cmocka_unit_test(clip_length_reads_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
