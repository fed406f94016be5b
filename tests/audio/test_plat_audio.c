/* plat_audio: the silent back-end answers every call; clip lengths come from the files
 * themselves (WAV, Ogg Vorbis) without a device; with SDL's dummy driver the whole API
 * runs (cues scheduled, volumes, mute, ambience, pause) without trouble. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/plat_audio.h"
#include "platform/plat_clock.h"

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static const char *write_wav(const char *path, uint32_t rate, double seconds)
{
    uint32_t data = (uint32_t)(rate * seconds) * 2;
    unsigned char h[44] = "RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0";
    put32(h + 4, 36 + data);
    put32(h + 24, rate);
    put32(h + 28, rate * 2);
    h[32] = 2;
    h[34] = 16;
    memcpy(h + 36, "data", 4);
    put32(h + 40, data);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(h, 1, sizeof h, f);
    for (uint32_t i = 0; i < data; i++)
        fputc(0, f);
    fclose(f);
    return path;
}

/* Ogg pages as an encoder writes them (lengths come from the file's real end, so the
 * pages must be whole, checksummed, and the last one must end the stream). */
enum { OGG_FIRST = 2, OGG_LAST = 4 };

static uint32_t ogg_crc(const unsigned char *p, size_t len)
{
    uint32_t crc = 0;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint32_t)p[i] << 24;
        for (int k = 0; k < 8; k++)
            crc = crc & 0x80000000u ? crc << 1 ^ 0x04c11db7u : crc << 1;
    }
    return crc;
}

/* a page of flags (OGG_FIRST, OGG_LAST) holding nseg lacing values lace and the body */
static void ogg_write(FILE *f, int flags, uint64_t granule, unsigned char nseg, unsigned char lace,
                      const void *body, size_t n)
{
    static uint32_t seq;
    unsigned char *pg = calloc(1, 27 + nseg + n);
    assert_non_null(pg);
    memcpy(pg, "OggS", 4);
    pg[5] = (unsigned char)flags;
    for (int i = 0; i < 8; i++)
        pg[6 + i] = (unsigned char)(granule >> (8 * i));
    put32(pg + 14, 0x4757); /* the stream's serial number */
    seq = flags & OGG_FIRST ? 0 : seq + 1;
    put32(pg + 18, seq);
    pg[26] = nseg;
    memset(pg + 27, lace, nseg);
    if (body)
        memcpy(pg + 27 + nseg, body, n);
    put32(pg + 22, ogg_crc(pg, 27 + nseg + n));
    fwrite(pg, 1, 27 + nseg + n, f);
    free(pg);
}

static void ogg_page(FILE *f, int flags, uint64_t granule, const void *body, unsigned char n)
{
    ogg_write(f, flags, granule, 1, n, body, n);
}

/* a page of nseg full segments (255 bytes each) of zeros */
static void ogg_big_page(FILE *f, int flags, uint64_t granule, unsigned char nseg)
{
    ogg_write(f, flags, granule, nseg, 255, NULL, (size_t)nseg * 255);
}

static void silent_backend_answers(void **st)
{
    (void)st;
    plat_audio *a = plat_audio_open(false);
    assert_non_null(a);
    assert_false(plat_audio_live(a));
    plat_audio_cue(a, "inhale");
    plat_audio_cue_at(a, "exhale", GW_SEC(1), 0);
    plat_audio_cue_at(a, "nonsense", GW_SEC(1), 0);
    plat_audio_cancel_cues(a);
    plat_audio_set_volume(a, AUDIO_VOICE, 0.5f);
    plat_audio_set_volume(a, (audio_bus)9, 0.5f);
    plat_audio_set_muted(a, true);
    assert_false(plat_audio_voice_play(a, "/nonexistent.ogg", 0));
    assert_false(plat_audio_voice_playing(a));
    plat_audio_voice_stop(a);
    plat_audio_pause(a, true);
    plat_audio_pause(a, false);
    plat_audio_ambience(a, "rain");
    plat_audio_ambience(a, NULL);
    plat_audio_device_changed(a, false);
    plat_audio_close(a);
    plat_audio_close(NULL);
    plat_audio_cue(NULL, "inhale");
    assert_false(plat_audio_voice_playing(NULL));
}

static void clip_lengths_from_the_files(void **st)
{
    (void)st;
    plat_audio *a = plat_audio_open(false);
    char wav[] = "/tmp/gw-audio-test-XXXXXX";
    int fd = mkstemp(wav);
    assert_true(fd >= 0);
    close(fd);
    write_wav(wav, 22050, 1.5);
    assert_true(plat_audio_clip_length(a, wav) == GW_MSEC(1500));

    /* a minimal Ogg Vorbis stream: identification header (44.1 kHz), last page at
     * granule 110250 = 2.5 s */
    FILE *f = fopen(wav, "wb");
    unsigned char id[30] = "\x01vorbis";
    id[11] = 1;
    put32(id + 12, 44100);
    id[28] = 0xd8; /* block sizes 256 and 8192 */
    id[29] = 1;    /* framing */
    ogg_page(f, OGG_FIRST, 0, id, sizeof id);
    unsigned char body[10] = { 0 };
    ogg_page(f, 0, 44100, body, sizeof body);
    ogg_page(f, OGG_LAST, 110250, body, sizeof body);
    fclose(f);
    assert_true(plat_audio_clip_length(a, wav) == GW_MSEC(2500));

    /* longer than the 8 KiB read first: found there when the last page is small, in
     * the last 64 KiB when the last page is larger than 8 KiB */
    for (int big = 0; big < 2; big++) {
        f = fopen(wav, "wb");
        ogg_page(f, OGG_FIRST, 0, id, sizeof id);
        for (int i = 1; i <= 8; i++)
            ogg_big_page(f, 0, 44100u * (unsigned)i, 10); /* 2.6 KB each */
        if (big)
            ogg_big_page(f, OGG_LAST, 44100u * 12, 60); /* 15 KB */
        else
            ogg_page(f, OGG_LAST, 44100u * 12, body, sizeof body);
        fclose(f);
        assert_true(plat_audio_clip_length(a, wav) == GW_SEC(12));
    }

    /* cut at a page boundary (the last page not marked as the end): not believed */
    f = fopen(wav, "wb");
    ogg_page(f, OGG_FIRST, 0, id, sizeof id);
    ogg_page(f, 0, 110250, body, sizeof body);
    fclose(f);
    assert_true(plat_audio_clip_length(a, wav) == 0);

    /* not a clip, truncated, missing: 0 */
    f = fopen(wav, "wb");
    fputs("RIFF\x10\0\0\0WAVEdata", f);
    fclose(f);
    assert_true(plat_audio_clip_length(a, wav) == 0);
    assert_true(plat_audio_clip_length(a, "/nonexistent/x.ogg") == 0);
    assert_true(plat_audio_clip_length(a, NULL) == 0);
    remove(wav);
    plat_audio_close(a);
}

static void whole_api_on_the_dummy_driver(void **st)
{
    (void)st;
    plat_audio *a = plat_audio_open(true);
    assert_non_null(a);
    /* SDL always has its dummy driver, which the tests ask for (SDL_AUDIODRIVER=dummy):
     * not opening it is a failure, never a case skipped while the run reports Passed */
    if (!plat_audio_live(a))
        fail_msg("the audio device did not open on SDL's dummy driver (SDL_AUDIODRIVER=%s)",
                 getenv("SDL_AUDIODRIVER") ? getenv("SDL_AUDIODRIVER") : "unset");
    gw_ns now = plat_now();
    plat_audio_set_volume(a, AUDIO_CUES, 0.8f);
    plat_audio_set_volume(a, AUDIO_AMBIENCE, 2.f); /* clamped */
    plat_audio_ambience(a, "brown");
    plat_audio_cue_at(a, "inhale", now + GW_MSEC(30), now);
    plat_audio_cue_at(a, "hold", now + GW_MSEC(60), now);
    plat_audio_cue(a, "exhale");
    SDL_Delay(120);
    plat_audio_set_muted(a, true);
    plat_audio_pause(a, true);
    plat_audio_ambience(a, "drone");
    SDL_Delay(30);
    plat_audio_pause(a, false);
    plat_audio_ambience(a, "pink"); /* unknown: stops the bed */
    assert_false(plat_audio_voice_play(a, "/nonexistent.ogg", GW_SEC(1)));
    assert_non_null(plat_audio_problem(a));
    /* a FIFO put where a clip was: refused at once, not waited on */
    char fifo[] = "/tmp/gw-audio-fifo-XXXXXX";
    assert_non_null(mkdtemp(fifo));
    char clip[64];
    snprintf(clip, sizeof clip, "%s/clip.ogg", fifo);
    assert_int_equal(mkfifo(clip, 0600), 0);
    assert_false(plat_audio_voice_play(a, clip, 0));
    assert_non_null(strstr(plat_audio_problem(a), "is a named pipe (FIFO), not a file"));
    remove(clip);
    rmdir(fifo);
    plat_audio_device_changed(a, true);
    plat_audio_close(a);
}

/* The live program opens the device after its first frame: until then the back-end is
 * in standby (live to its callers), and a cue asked for before that opens it at once. */
static void opened_later(void **st)
{
    (void)st;
    plat_audio *a = plat_audio_open_later();
    assert_non_null(a);
    assert_true(plat_audio_live(a));
    assert_true(plat_audio_standby(a));
    assert_null(plat_audio_problem(a));
    plat_audio_start(a);
    assert_false(plat_audio_standby(a));
    bool opened = plat_audio_live(a);
    if (!opened)
        assert_non_null(plat_audio_problem(a)); /* no driver: says why */
    plat_audio_start(a); /* a second start does nothing */
    assert_true(plat_audio_live(a) == opened);
    plat_audio_close(a);
    a = plat_audio_open_later();
    assert_non_null(a);
    plat_audio_cue(a, "inhale");
    assert_false(plat_audio_standby(a));
    assert_true(plat_audio_live(a) == opened);
    plat_audio_close(a);
}

static void standby_when_nothing_plays(void **st)
{
    (void)st;
    plat_audio *a = plat_audio_open(true);
    assert_non_null(a);
    if (!plat_audio_live(a))
        fail_msg("the audio device did not open on SDL's dummy driver");
    plat_audio_set_standby_after(a, GW_MSEC(50));
    plat_audio_idle(a);
    assert_false(plat_audio_standby(a)); /* just opened */
    /* a bed playing keeps it open however long */
    plat_audio_ambience(a, "rain");
    SDL_Delay(80);
    plat_audio_idle(a);
    assert_false(plat_audio_standby(a));
    plat_audio_ambience(a, NULL);
    plat_audio_idle(a); /* the silence starts now */
    SDL_Delay(80);
    plat_audio_idle(a);
    assert_true(plat_audio_standby(a));
    assert_true(plat_audio_live(a)); /* still usable */
    assert_false(plat_audio_voice_playing(a));
    /* a cue opens the device again, and it plays */
    gw_ns now = plat_now();
    plat_audio_cue_at(a, "inhale", now + GW_MSEC(20), now);
    assert_false(plat_audio_standby(a));
    plat_audio_idle(a);
    assert_false(plat_audio_standby(a)); /* pending or playing: busy */
    /* cancelled cues and nothing else: back to standby after the wait */
    plat_audio_cancel_cues(a);
    SDL_Delay(700); /* the cue (half a second at most) has ended */
    plat_audio_idle(a);
    SDL_Delay(80);
    plat_audio_idle(a);
    assert_true(plat_audio_standby(a));
    /* a device coming back does not wake it; a voice request does (and fails cleanly
     * for a missing file, leaving the device open) */
    plat_audio_device_changed(a, true);
    assert_true(plat_audio_standby(a));
    assert_false(plat_audio_voice_play(a, "/nonexistent.ogg", 0));
    assert_false(plat_audio_standby(a));
    plat_audio_close(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(silent_backend_answers),
        cmocka_unit_test(clip_lengths_from_the_files),
        cmocka_unit_test(whole_api_on_the_dummy_driver),
        cmocka_unit_test(standby_when_nothing_plays),
        cmocka_unit_test(opened_later),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    SDL_Quit();
    return rc;
}
