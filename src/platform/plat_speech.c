#include "platform/plat_speech.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#define QUEUE 32
#define TEXT_MAX 4000
#define RETRY_NS 2000000000LL

/* libspeechd's functions, as its header declares them (loaded by name). */
typedef struct spd_lib {
    void *so;
    void *(*open2)(const char *, const char *, const char *, int, const void *, int, char **);
    void (*close)(void *);
    int (*say)(void *, int, const char *);
    int (*cancel)(void *);
    int (*set_language)(void *, const char *);
    int (*set_rate)(void *, int);
    int (*set_volume)(void *, int);
} spd_lib;

typedef struct item {
    char text[TEXT_MAX + 1];
    char lang[16];
    speech_priority pr;
    int rate, volume;
} item;

struct plat_speech {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv, done_cv;
    bool quit, done, cancel;
    item q[QUEUE];
    int head, count;
    bool ok;
    char why[200];
    int sent;
};

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void set_why(plat_speech *s, bool ok, const char *why)
{
    pthread_mutex_lock(&s->mu);
    s->ok = ok;
    snprintf(s->why, sizeof s->why, "%s", why ? why : "");
    pthread_mutex_unlock(&s->mu);
}

static bool load(spd_lib *L)
{
    static const char *const NAMES[] = { "libspeechd.so.2", "libspeechd.so" };
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES && !L->so; i++)
        L->so = SDL_LoadObject(NAMES[i]);
    if (!L->so)
        return false;
    *(void **)&L->open2 = SDL_LoadFunction(L->so, "spd_open2");
    *(void **)&L->close = SDL_LoadFunction(L->so, "spd_close");
    *(void **)&L->say = SDL_LoadFunction(L->so, "spd_say");
    *(void **)&L->cancel = SDL_LoadFunction(L->so, "spd_cancel");
    *(void **)&L->set_language = SDL_LoadFunction(L->so, "spd_set_language");
    *(void **)&L->set_rate = SDL_LoadFunction(L->so, "spd_set_voice_rate");
    *(void **)&L->set_volume = SDL_LoadFunction(L->so, "spd_set_volume");
    if (L->open2 && L->close && L->say && L->cancel && L->set_language && L->set_rate && L->set_volume)
        return true;
    SDL_UnloadObject(L->so);
    L->so = NULL;
    return false;
}

/* speech-dispatcher's priorities (SPDPriority) in our order */
static const int SPD_PRIORITY[] = { 1, 2, 3, 4 };

static void *worker(void *arg)
{
    plat_speech *s = arg;
    /* a write to a service that went away must not end the program */
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, NULL);
    spd_lib L = { 0 };
    bool tried_lib = false;
    void *conn = NULL;
    char lang[16] = "";
    int rate = 0, volume = 0;
    int64_t retry_at = 0;
    for (;;) {
        pthread_mutex_lock(&s->mu);
        while (!s->quit && !s->count && !s->cancel)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->quit) {
            pthread_mutex_unlock(&s->mu);
            break;
        }
        bool cancel = s->cancel;
        s->cancel = false;
        item it;
        bool have = s->count > 0;
        if (have) {
            it = s->q[s->head];
            s->head = (s->head + 1) % QUEUE;
            s->count--;
        }
        pthread_mutex_unlock(&s->mu);
        if (!tried_lib) {
            tried_lib = true;
            if (!load(&L))
                set_why(s, false, "speech-dispatcher's library (libspeechd) is not installed.");
        }
        if (!L.so)
            continue; /* nothing can be said: the queue just drains */
        if (cancel && conn)
            L.cancel(conn);
        if (!have)
            continue;
        if (!conn && mono_ns() >= retry_at) {
            char *err = NULL;
            conn = L.open2("groundwork", "main", NULL, 0 /* SPD_MODE_SINGLE */, NULL, 1, &err);
            if (!conn) {
                char why[200];
                snprintf(why, sizeof why, "The speech service (speech-dispatcher) cannot be reached%s%s.",
                         err ? ": " : "", err ? err : "");
                set_why(s, false, why);
                free(err);
                retry_at = mono_ns() + RETRY_NS;
            } else {
                lang[0] = 0;
                rate = volume = 0;
            }
        }
        if (!conn)
            continue;
        bool fine = true;
        if (it.lang[0] && strcmp(it.lang, lang))
            fine = L.set_language(conn, it.lang) == 0 && (snprintf(lang, sizeof lang, "%s", it.lang), true);
        if (fine && it.rate != rate)
            fine = L.set_rate(conn, it.rate) == 0 && ((rate = it.rate), true);
        if (fine && it.volume != volume)
            fine = L.set_volume(conn, it.volume) == 0 && ((volume = it.volume), true);
        if (fine)
            fine = L.say(conn, SPD_PRIORITY[it.pr], it.text) >= 0;
        if (fine) {
            pthread_mutex_lock(&s->mu);
            s->sent++;
            s->ok = true;
            s->why[0] = 0;
            pthread_mutex_unlock(&s->mu);
        } else {
            set_why(s, false, "The speech service (speech-dispatcher) stopped answering.");
            L.close(conn);
            conn = NULL;
            retry_at = mono_ns() + RETRY_NS;
            struct timespec zero = { 0, 0 };
            while (sigtimedwait(&pipe, NULL, &zero) > 0) /* the SIGPIPE of the failed write */
                ;
        }
    }
    if (conn)
        L.close(conn);
    /* libspeechd stays loaded to the end of the program: what it keeps (it leaks the
     * message of a failed connection) is then still its own, named in a report */
    pthread_mutex_lock(&s->mu);
    s->done = true;
    pthread_cond_signal(&s->done_cv);
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

plat_speech *plat_speech_new(void)
{
    plat_speech *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ok = true;
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    pthread_cond_init(&s->done_cv, NULL);
    if (pthread_create(&s->thread, NULL, worker, s)) {
        pthread_cond_destroy(&s->cv);
        pthread_cond_destroy(&s->done_cv);
        pthread_mutex_destroy(&s->mu);
        free(s);
        return NULL;
    }
    return s;
}

void plat_speech_free(plat_speech *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->mu);
    s->quit = true;
    pthread_cond_signal(&s->cv);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 1;
    int r = 0;
    while (!s->done && r != ETIMEDOUT)
        r = pthread_cond_timedwait(&s->done_cv, &s->mu, &until);
    bool done = s->done;
    pthread_mutex_unlock(&s->mu);
    if (!done) { /* a service that hangs holds the thread: it is left to the process's end */
        pthread_detach(s->thread);
        return;
    }
    pthread_join(s->thread, NULL);
    pthread_cond_destroy(&s->cv);
    pthread_cond_destroy(&s->done_cv);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

/* The longest start of text that is at most max bytes and ends on a whole character. */
static size_t cut_utf8(const char *t, size_t max)
{
    size_t n = strlen(t);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)t[max] & 0xc0) == 0x80)
        max--;
    return max;
}

void plat_speech_say(plat_speech *s, const char *text, const char *lang, speech_priority pr, int rate, int volume)
{
    if (!s || !text || !*text)
        return;
    pthread_mutex_lock(&s->mu);
    if (s->count == QUEUE) { /* far behind: the oldest is dropped */
        s->head = (s->head + 1) % QUEUE;
        s->count--;
    }
    item *it = &s->q[(s->head + s->count) % QUEUE];
    size_t n = cut_utf8(text, TEXT_MAX);
    memcpy(it->text, text, n);
    it->text[n] = 0;
    snprintf(it->lang, sizeof it->lang, "%s", lang ? lang : "");
    it->pr = pr >= SPEECH_IMPORTANT && pr <= SPEECH_NOTIFICATION ? pr : SPEECH_TEXT;
    it->rate = rate < -100 ? -100 : rate > 100 ? 100 : rate;
    it->volume = volume < -100 ? -100 : volume > 100 ? 100 : volume;
    s->count++;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void plat_speech_cancel(plat_speech *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->mu);
    s->count = 0;
    s->cancel = true;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

bool plat_speech_ok(plat_speech *s, char *why, size_t n)
{
    if (!s)
        return false;
    pthread_mutex_lock(&s->mu);
    bool ok = s->ok;
    if (why && n)
        snprintf(why, n, "%s", ok ? "" : s->why);
    pthread_mutex_unlock(&s->mu);
    return ok;
}

int plat_speech_sent(plat_speech *s)
{
    pthread_mutex_lock(&s->mu);
    int n = s->sent;
    pthread_mutex_unlock(&s->mu);
    return n;
}
