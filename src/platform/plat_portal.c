#include "platform/plat_portal.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Called once the portal has taken the request (its window is open). */
typedef void (*opened_fn)(void *ctx);

#ifdef GW_HAVE_SDBUS
#include <stdint.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

#define PORTAL_BUS "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

typedef struct answer {
    bool got;
    unsigned code;      /* 0 chosen, 1 cancelled, 2 other */
    char uri[4096];
} answer;

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Response(u code, a{sv} results): the first of results["uris"]. */
static int on_response(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
    answer *an = userdata;
    if (sd_bus_message_read(m, "u", &an->code) < 0)
        return 0;
    an->got = true;
    if (sd_bus_message_enter_container(m, 'a', "{sv}") < 0)
        return 0;
    while (sd_bus_message_enter_container(m, 'e', "sv") > 0) {
        const char *key = NULL;
        sd_bus_message_read(m, "s", &key);
        if (key && !strcmp(key, "uris") && sd_bus_message_enter_container(m, 'v', "as") > 0) {
            const char *uri = NULL;
            if (sd_bus_message_enter_container(m, 'a', "s") > 0) {
                if (sd_bus_message_read(m, "s", &uri) > 0 && uri)
                    snprintf(an->uri, sizeof an->uri, "%s", uri);
                sd_bus_message_exit_container(m);
            }
            sd_bus_message_exit_container(m);
        } else
            sd_bus_message_skip(m, "v");
        sd_bus_message_exit_container(m);
    }
    return 0;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* file:///a%20b -> /a b; false for anything but a local file. */
static bool uri_to_path(const char *uri, char *out, size_t n)
{
    if (strncmp(uri, "file://", 7))
        return false;
    const char *p = uri + 7;
    if (*p != '/')
        return false; /* file://host/... */
    size_t k = 0;
    for (; *p && k + 1 < n; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            out[k++] = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
        } else
            out[k++] = *p;
    }
    out[k] = 0;
    return !*p && k > 1 && !memchr(out, 0, k);
}

static portal_result ask(const char *title, const char *name, int answer_ms, int choose_ms, char *path,
                         size_t pathn, char *why, size_t whyn, opened_fn opened, void *ctx)
{
    sd_bus *bus = NULL;
    sd_bus_slot *slot = NULL;
    sd_bus_message *m = NULL, *reply = NULL;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    portal_result res = PORTAL_UNAVAILABLE;
    answer an = { 0 };
    int r = sd_bus_open_user(&bus);
    if (r < 0) {
        snprintf(why, whyn, "there is no session bus (%s)", strerror(-r));
        return PORTAL_UNAVAILABLE;
    }
    /* the Response signal is matched before the call, on the request's known path,
     * so an answer that comes at once is not missed */
    const char *unique = NULL;
    char token[32], sender[128], req[256];
    snprintf(token, sizeof token, "groundwork%ld", (long)getpid());
    if ((r = sd_bus_get_unique_name(bus, &unique)) < 0) {
        snprintf(why, whyn, "the session bus did not answer (%s)", strerror(-r));
        goto out;
    }
    snprintf(sender, sizeof sender, "%s", unique[0] == ':' ? unique + 1 : unique);
    for (char *c = sender; *c; c++)
        if (*c == '.')
            *c = '_';
    snprintf(req, sizeof req, PORTAL_PATH "/request/%s/%s", sender, token);
    if ((r = sd_bus_match_signal(bus, &slot, PORTAL_BUS, req, "org.freedesktop.portal.Request", "Response",
                                 on_response, &an)) < 0) {
        snprintf(why, whyn, "the session bus refused a match (%s)", strerror(-r));
        goto out;
    }
    if ((r = sd_bus_message_new_method_call(bus, &m, PORTAL_BUS, PORTAL_PATH, "org.freedesktop.portal.FileChooser",
                                            "SaveFile")) < 0 ||
        (r = sd_bus_message_append(m, "ss", "", title)) < 0 ||
        (r = sd_bus_message_append(m, "a{sv}", 3, "handle_token", "s", token, "current_name", "s", name,
                                   "modal", "b", 1)) < 0) {
        snprintf(why, whyn, "the request could not be made (%s)", strerror(-r));
        goto out;
    }
    r = sd_bus_call(bus, m, (uint64_t)answer_ms * 1000u, &e, &reply);
    if (r < 0) {
        if (r == -ETIMEDOUT)
            snprintf(why, whyn, "the desktop portal did not answer within %d seconds", (answer_ms + 999) / 1000);
        else
            snprintf(why, whyn, "no desktop portal answered (%s)", e.message ? e.message : strerror(-r));
        goto out;
    }
    if (opened)
        opened(ctx);
    uint64_t end = now_us() + (uint64_t)choose_ms * 1000u;
    while (!an.got) {
        uint64_t t = now_us();
        if (t >= end) {
            snprintf(why, whyn, "no file was chosen within %d seconds", choose_ms / 1000);
            goto out;
        }
        r = sd_bus_process(bus, NULL);
        if (r < 0) {
            snprintf(why, whyn, "the session bus went away (%s)", strerror(-r));
            goto out;
        }
        if (r == 0 && (r = sd_bus_wait(bus, end - t)) < 0) {
            snprintf(why, whyn, "the session bus went away (%s)", strerror(-r));
            goto out;
        }
    }
    if (an.code == 1)
        res = PORTAL_CANCELLED;
    else if (an.code != 0)
        snprintf(why, whyn, "the desktop's file chooser failed (response %u)", an.code);
    else if (!uri_to_path(an.uri, path, pathn))
        snprintf(why, whyn, "the desktop's file chooser gave no local file (\"%.200s\")", an.uri);
    else
        res = PORTAL_CHOSEN;
out:
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    sd_bus_message_unref(m);
    sd_bus_slot_unref(slot);
    sd_bus_flush_close_unref(bus);
    return res;
}

#else

static portal_result ask(const char *title, const char *name, int answer_ms, int choose_ms, char *path,
                         size_t pathn, char *why, size_t whyn, opened_fn opened, void *ctx)
{
    snprintf(why, whyn, "%s", "this build has no D-Bus support (libsystemd was not found)");
    return PORTAL_UNAVAILABLE;
}

#endif

portal_result portal_save_file(const char *title, const char *name, int answer_ms, int choose_ms, char *path,
                               size_t pathn, char *why, size_t whyn)
{
    return ask(title, name, answer_ms, choose_ms, path, pathn, why, whyn, NULL, NULL);
}

/* The thread owns nothing but its own copy of the request; the result is read only
 * after it has finished (portal_ask_end joins it). */
struct portal_ask {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    portal_state state;
    char title[256], name[256];
    int answer_ms, choose_ms;
    portal_result res;
    char path[4096], why[512];
};

static void set_state(portal_ask *q, portal_state st)
{
    pthread_mutex_lock(&q->mu);
    q->state = st;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

static void on_opened(void *ctx) { set_state(ctx, PORTAL_OPEN); }

static void *ask_thread(void *arg)
{
    portal_ask *q = arg;
    q->res = ask(q->title, q->name, q->answer_ms, q->choose_ms, q->path, sizeof q->path, q->why, sizeof q->why,
                 on_opened, q);
    set_state(q, PORTAL_DONE);
    return NULL;
}

portal_ask *portal_ask_start(const char *title, const char *name, int answer_ms, int choose_ms)
{
    portal_ask *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    snprintf(q->title, sizeof q->title, "%s", title);
    snprintf(q->name, sizeof q->name, "%s", name);
    q->answer_ms = answer_ms;
    q->choose_ms = choose_ms;
    q->state = PORTAL_ASKING;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->cv, NULL);
    if (pthread_create(&q->th, NULL, ask_thread, q) != 0) {
        pthread_cond_destroy(&q->cv);
        pthread_mutex_destroy(&q->mu);
        free(q);
        return NULL;
    }
    return q;
}

portal_state portal_ask_wait(portal_ask *q, int wait_ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += wait_ms / 1000;
    until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&q->mu);
    while (q->state == PORTAL_ASKING && wait_ms > 0)
        if (pthread_cond_timedwait(&q->cv, &q->mu, &until) == ETIMEDOUT)
            break;
    portal_state st = q->state;
    pthread_mutex_unlock(&q->mu);
    return st;
}

portal_result portal_ask_end(portal_ask *q, char *path, size_t pathn, char *why, size_t whyn)
{
    pthread_join(q->th, NULL);
    portal_result r = q->res;
    snprintf(path, pathn, "%s", q->path);
    snprintf(why, whyn, "%s", q->why);
    pthread_cond_destroy(&q->cv);
    pthread_mutex_destroy(&q->mu);
    free(q);
    return r;
}
