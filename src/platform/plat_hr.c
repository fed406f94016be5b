/* plat_hr: a heart-rate sensor through BlueZ (see plat_hr.h). The program's calls only
 * set what it wants under the mutex; the thread does every D-Bus call and writes back
 * what it found, so nothing the program does waits on the bus. */
#include "platform/plat_hr.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RING 64

struct plat_hr {
    pthread_t thread;
    pthread_mutex_t mu;
    /* asked by the program */
    bool quit, scan;
    char want[PLAT_HR_ADDR_MAX];
    /* told by the thread */
    plat_hr_status status;
    plat_hr_why reason;
    char why[200];
    bool scanning;
    int bpm;                   /* the last notification's heart rate, and when it came */
    int64_t bpm_t;
    plat_hr_device dev[PLAT_HR_DEVICES];
    int ndev;
    plat_hr_note ring[RING];
    int head, count;
};

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void set_status(plat_hr *h, plat_hr_status s, const char *why)
{
    pthread_mutex_lock(&h->mu);
    h->status = s;
    if (s != HR_UNAVAILABLE)
        h->reason = HR_WHY_NONE;
    snprintf(h->why, sizeof h->why, "%s", why ? why : "");
    pthread_mutex_unlock(&h->mu);
}

static void set_unavailable(plat_hr *h, plat_hr_why reason, const char *why)
{
    set_status(h, HR_UNAVAILABLE, why);
    pthread_mutex_lock(&h->mu);
    h->reason = reason;
    h->scanning = false;
    pthread_mutex_unlock(&h->mu);
}

/* A notification's bytes, decoded and queued (the oldest dropped when the program has
 * not read them for a minute). */
static void push_value(plat_hr *h, const uint8_t *b, size_t n)
{
    plat_hr_note note = { .t_ns = mono_ns() };
    if (!hrm_decode(b, n, &note.r))
        return;
    pthread_mutex_lock(&h->mu);
    h->ring[(h->head + h->count) % RING] = note;
    if (h->count < RING)
        h->count++;
    else
        h->head = (h->head + 1) % RING;
    h->status = HR_RECEIVING;
    h->bpm = note.r.bpm;
    h->bpm_t = note.t_ns;
    pthread_mutex_unlock(&h->mu);
}

#ifdef GW_HAVE_SDBUS
#include <systemd/sd-bus.h>

#define BLUEZ "org.bluez"
#define UUID_HR_SERVICE "0000180d-0000-1000-8000-00805f9b34fb"
#define UUID_HR_MEASURE "00002a37-0000-1000-8000-00805f9b34fb"
#define RETRY_NS 5000000000LL

/* What the thread knows of BlueZ's objects (read afresh whenever they change). */
typedef struct bz_dev {
    char path[128], address[PLAT_HR_ADDR_MAX], name[PLAT_HR_NAME_MAX];
    bool connected, resolved, hr, paired, trusted;
} bz_dev;

typedef struct bz {
    plat_hr *h;
    sd_bus *bus;
    bool dirty;                 /* objects changed: read them again */
    char adapter[128];
    bool powered;               /* the adapter is switched on */
    bool denied;                /* BlueZ refused a call of ours (AccessDenied), until the
                                   program asks for something else */
    bool asked_scan;            /* the program's last wish to scan */
    bz_dev dev[PLAT_HR_DEVICES];
    int ndev;
    char chr[192];              /* the chosen sensor's measurement characteristic */
    char chrs[PLAT_HR_DEVICES][192]; /* every measurement characteristic seen */
    int nchrs;
    bool notifying;
    bool scanning;              /* discovery started by us */
    bool scan_ok;               /* and BlueZ took it */
    char using[PLAT_HR_ADDR_MAX];
    bool paired_once, trusted_once; /* asked for the sensor in use (once per choice) */
    bool busy;                  /* a Pair, Connect or StartNotify is on its way */
    int64_t read_at;            /* when BlueZ's objects were last read */
    int64_t next_try;
} bz;

/* Reads a variant's value of type 's', 'o', 'b' or 'as' (looking for want in the
 * array); anything else is skipped. */
static void read_variant(sd_bus_message *m, char *s, size_t n, bool *b, const char *want, bool *found)
{
    char type;
    const char *contents;
    if (sd_bus_message_peek_type(m, &type, &contents) < 0 || type != 'v' ||
        sd_bus_message_enter_container(m, 'v', contents) < 0)
        return;
    if ((!strcmp(contents, "s") || !strcmp(contents, "o")) && s) {
        const char *v = NULL;
        if (sd_bus_message_read_basic(m, contents[0], &v) > 0 && v)
            snprintf(s, n, "%s", v);
    } else if (!strcmp(contents, "b") && b) {
        int v = 0;
        if (sd_bus_message_read(m, "b", &v) > 0)
            *b = v;
    } else if (!strcmp(contents, "as") && want && sd_bus_message_enter_container(m, 'a', "s") > 0) {
        const char *v;
        while (sd_bus_message_read(m, "s", &v) > 0)
            if (!strcasecmp(v, want))
                *found = true;
        sd_bus_message_exit_container(m);
    } else
        sd_bus_message_skip(m, contents);
    sd_bus_message_exit_container(m);
}

/* One object's interfaces (a{sa{sv}}) from GetManagedObjects. */
static void read_object(bz *z, const char *path, sd_bus_message *m)
{
    if (sd_bus_message_enter_container(m, 'a', "{sa{sv}}") < 0)
        return;
    while (sd_bus_message_enter_container(m, 'e', "sa{sv}") > 0) {
        const char *iface = NULL;
        sd_bus_message_read(m, "s", &iface);
        bool adapter = iface && !strcmp(iface, "org.bluez.Adapter1");
        bool device = iface && !strcmp(iface, "org.bluez.Device1");
        bool chr = iface && !strcmp(iface, "org.bluez.GattCharacteristic1");
        bz_dev d = { 0 };
        char uuid[64] = "";
        if (adapter && !z->adapter[0])
            snprintf(z->adapter, sizeof z->adapter, "%s", path);
        sd_bus_message_enter_container(m, 'a', "{sv}");
        while (sd_bus_message_enter_container(m, 'e', "sv") > 0) {
            const char *key = NULL;
            sd_bus_message_read(m, "s", &key);
            key = key ? key : "";
            if (adapter && !strcmp(key, "Powered") && !strcmp(path, z->adapter))
                read_variant(m, NULL, 0, &z->powered, NULL, NULL);
            else if (device && !strcmp(key, "Address"))
                read_variant(m, d.address, sizeof d.address, NULL, NULL, NULL);
            else if (device && (!strcmp(key, "Name") || (!strcmp(key, "Alias") && !d.name[0])))
                read_variant(m, d.name, sizeof d.name, NULL, NULL, NULL);
            else if (device && !strcmp(key, "Connected"))
                read_variant(m, NULL, 0, &d.connected, NULL, NULL);
            else if (device && !strcmp(key, "Paired"))
                read_variant(m, NULL, 0, &d.paired, NULL, NULL);
            else if (device && !strcmp(key, "Trusted"))
                read_variant(m, NULL, 0, &d.trusted, NULL, NULL);
            else if (device && !strcmp(key, "ServicesResolved"))
                read_variant(m, NULL, 0, &d.resolved, NULL, NULL);
            else if (device && !strcmp(key, "UUIDs"))
                read_variant(m, NULL, 0, NULL, UUID_HR_SERVICE, &d.hr);
            else if (chr && !strcmp(key, "UUID"))
                read_variant(m, uuid, sizeof uuid, NULL, NULL, NULL);
            else
                sd_bus_message_skip(m, "v");
            sd_bus_message_exit_container(m);
        }
        sd_bus_message_exit_container(m);
        sd_bus_message_exit_container(m);
        if (device && d.address[0] && z->ndev < PLAT_HR_DEVICES) {
            snprintf(d.path, sizeof d.path, "%s", path);
            z->dev[z->ndev++] = d;
        }
        if (chr && !strcasecmp(uuid, UUID_HR_MEASURE) && z->nchrs < PLAT_HR_DEVICES)
            snprintf(z->chrs[z->nchrs++], sizeof z->chrs[0], "%s", path);
    }
    sd_bus_message_exit_container(m);
}

static const bz_dev *using_dev(const bz *z)
{
    for (int i = 0; i < z->ndev; i++)
        if (z->using[0] && !strcasecmp(z->dev[i].address, z->using))
            return &z->dev[i];
    return NULL;
}

/* Reads BlueZ's objects afresh. False when BlueZ does not answer. */
static bool refresh(bz *z)
{
    sd_bus_message *reply = NULL;
    sd_bus_error err = SD_BUS_ERROR_NULL;
    char chr_before[192];
    snprintf(chr_before, sizeof chr_before, "%s", z->chr);
    z->adapter[0] = 0;
    z->powered = false;
    z->ndev = 0;
    z->chr[0] = 0;
    z->nchrs = 0;
    z->dirty = false;
    int r = sd_bus_call_method(z->bus, BLUEZ, "/", "org.freedesktop.DBus.ObjectManager", "GetManagedObjects", &err,
                               &reply, "");
    if (r < 0)
        z->denied = sd_bus_error_has_name(&err, SD_BUS_ERROR_ACCESS_DENIED);
    sd_bus_error_free(&err);
    if (r < 0)
        return false;
    if (sd_bus_message_enter_container(reply, 'a', "{oa{sa{sv}}}") >= 0) {
        while (sd_bus_message_enter_container(reply, 'e', "oa{sa{sv}}") > 0) {
            const char *path = NULL;
            sd_bus_message_read(reply, "o", &path);
            read_object(z, path ? path : "", reply);
            sd_bus_message_exit_container(reply);
        }
    }
    sd_bus_message_unref(reply);
    /* the measurement characteristic under the sensor in use (objects come in any order) */
    const bz_dev *d = using_dev(z);
    size_t dl = d ? strlen(d->path) : 0;
    for (int i = 0; d && i < z->nchrs && !z->chr[0]; i++)
        if (!strncmp(z->chrs[i], d->path, dl) && z->chrs[i][dl] == '/')
            snprintf(z->chr, sizeof z->chr, "%s", z->chrs[i]);
    if (strcmp(chr_before, z->chr))
        z->notifying = false;
    /* what the program may list: the sensors with the Heart Rate service */
    pthread_mutex_lock(&z->h->mu);
    z->h->ndev = 0;
    for (int i = 0; i < z->ndev; i++)
        if (z->dev[i].hr) {
            plat_hr_device *o = &z->h->dev[z->h->ndev++];
            snprintf(o->address, sizeof o->address, "%s", z->dev[i].address);
            snprintf(o->name, sizeof o->name, "%s", z->dev[i].name[0] ? z->dev[i].name : z->dev[i].address);
            o->connected = z->dev[i].connected;
            o->paired = z->dev[i].paired;
        }
    pthread_mutex_unlock(&z->h->mu);
    return true;
}

/* PropertiesChanged: a measurement's Value is queued; any other change (a sensor
 * connected, its services resolved, notifications on) is read afresh. */
static int on_props(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
    bz *z = userdata;
    const char *iface = NULL, *path = sd_bus_message_get_path(m);
    if (sd_bus_message_read(m, "s", &iface) < 0 || !iface)
        return 0;
    bool ours = z->chr[0] && path && !strcmp(path, z->chr) && !strcmp(iface, "org.bluez.GattCharacteristic1");
    if (!ours) {
        if (!strcmp(iface, "org.bluez.Device1") || !strcmp(iface, "org.bluez.Adapter1"))
            z->dirty = true;
        return 0;
    }
    if (sd_bus_message_enter_container(m, 'a', "{sv}") < 0)
        return 0;
    while (sd_bus_message_enter_container(m, 'e', "sv") > 0) {
        const char *key = NULL;
        sd_bus_message_read(m, "s", &key);
        if (key && !strcmp(key, "Value") && sd_bus_message_enter_container(m, 'v', "ay") > 0) {
            const void *b = NULL;
            size_t n = 0;
            if (sd_bus_message_read_array(m, 'y', &b, &n) >= 0)
                push_value(z->h, b, n);
            sd_bus_message_exit_container(m);
        } else if (key && !strcmp(key, "Notifying")) {
            bool on = false;
            read_variant(m, NULL, 0, &on, NULL, NULL);
            z->notifying = on;
        } else
            sd_bus_message_skip(m, "v");
        sd_bus_message_exit_container(m);
    }
    return 0;
}

static int on_objects(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
    ((bz *)userdata)->dirty = true;
    return 0;
}

static int on_done(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
    bz *z = userdata;
    z->busy = false;
    z->dirty = true;
    if (sd_bus_message_is_method_error(m, SD_BUS_ERROR_ACCESS_DENIED))
        z->denied = true;
    else if (sd_bus_message_is_method_error(m, NULL))
        z->next_try = mono_ns() + RETRY_NS; /* out of reach, refused: tried again later */
    return 0;
}

/* Pairing answered: whatever it said (a sensor that does not pair still connects),
 * connecting comes next. */
static int on_paired(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
    bz *z = userdata;
    z->busy = false;
    z->dirty = true;
    if (sd_bus_message_is_method_error(m, SD_BUS_ERROR_ACCESS_DENIED))
        z->denied = true;
    return 0;
}

static int on_discovery(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
    bz *z = userdata;
    if (sd_bus_message_is_method_error(m, SD_BUS_ERROR_ACCESS_DENIED))
        z->denied = true;
    z->scan_ok = z->scanning && !sd_bus_message_is_method_error(m, NULL);
    pthread_mutex_lock(&z->h->mu);
    z->h->scanning = z->scan_ok;
    pthread_mutex_unlock(&z->h->mu);
    return 0;
}

static void call_async(bz *z, const char *path, const char *iface, const char *method)
{
    if (sd_bus_call_method_async(z->bus, NULL, BLUEZ, path, iface, method, on_done, z, "") >= 0)
        z->busy = true;
    else
        z->next_try = mono_ns() + RETRY_NS;
}

static void set_scan(bz *z, bool on)
{
    if (!z->adapter[0] || !z->powered || on == z->scanning)
        return;
    if (on) {
        /* only sensors with the Heart Rate service, over LE */
        sd_bus_error err = SD_BUS_ERROR_NULL;
        sd_bus_call_method(z->bus, BLUEZ, z->adapter, "org.bluez.Adapter1", "SetDiscoveryFilter", &err, NULL,
                           "a{sv}", 2, "UUIDs", "as", 1, UUID_HR_SERVICE, "Transport", "s", "le");
        sd_bus_error_free(&err);
    }
    z->scanning = on;
    z->scan_ok = false;
    pthread_mutex_lock(&z->h->mu);
    z->h->scanning = false;
    pthread_mutex_unlock(&z->h->mu);
    sd_bus_call_method_async(z->bus, NULL, BLUEZ, z->adapter, "org.bluez.Adapter1",
                             on ? "StartDiscovery" : "StopDiscovery", on ? on_discovery : NULL, z, "");
}

/* One step towards receiving from the chosen sensor. */
static void advance(bz *z)
{
    plat_hr *h = z->h;
    pthread_mutex_lock(&h->mu);
    char want[PLAT_HR_ADDR_MAX];
    snprintf(want, sizeof want, "%s", h->want);
    bool scan = h->scan;
    pthread_mutex_unlock(&h->mu);
    if ((scan && !z->asked_scan) || strcasecmp(want, z->using))
        z->denied = false; /* asked again: tried again */
    z->asked_scan = scan;
    if (z->denied) {
        set_unavailable(h, HR_WHY_REFUSED, "Bluetooth (BlueZ) refused this program: permission denied.");
        return;
    }
    if (!z->adapter[0] || !z->powered) {
        if (z->adapter[0])
            set_unavailable(h, HR_WHY_OFF, "The Bluetooth adapter is switched off.");
        else
            set_unavailable(h, HR_WHY_NO_ADAPTER, "There is no Bluetooth adapter.");
        z->scanning = false; /* an adapter switched off ends its discovery */
        return;
    }
    set_scan(z, scan);
    if (strcasecmp(want, z->using)) { /* another sensor, or none: the old one is let go */
        const bz_dev *old = using_dev(z);
        if (old && old->connected)
            sd_bus_call_method_async(z->bus, NULL, BLUEZ, old->path, "org.bluez.Device1", "Disconnect", NULL, NULL, "");
        snprintf(z->using, sizeof z->using, "%s", want);
        z->paired_once = z->trusted_once = false;
        z->chr[0] = 0;
        z->notifying = false;
        z->busy = false;
        z->next_try = 0;
        z->dirty = true;
        return;
    }
    if (!z->using[0]) {
        set_status(h, HR_IDLE, NULL);
        return;
    }
    const bz_dev *d = using_dev(z);
    pthread_mutex_lock(&h->mu);
    plat_hr_status now = h->status;
    pthread_mutex_unlock(&h->mu);
    if (!d || !d->connected) {
        z->notifying = false;
        set_status(h, d ? HR_CONNECTING : HR_SEARCHING, NULL);
        if (!d || z->busy || mono_ns() < z->next_try)
            return;
        if (!d->trusted && !z->trusted_once) /* BlueZ then lets it connect again by itself */
            sd_bus_call_method_async(z->bus, NULL, BLUEZ, d->path, "org.freedesktop.DBus.Properties", "Set", NULL,
                                     NULL, "ssv", "org.bluez.Device1", "Trusted", "b", 1);
        z->trusted_once = true;
        if (!d->paired && !z->paired_once) {
            z->paired_once = true;
            if (sd_bus_call_method_async(z->bus, NULL, BLUEZ, d->path, "org.bluez.Device1", "Pair", on_paired, z,
                                         "") >= 0) {
                z->busy = true;
                return;
            }
        }
        call_async(z, d->path, "org.bluez.Device1", "Connect");
        return;
    }
    if (!z->chr[0] || !d->resolved) {
        set_status(h, HR_CONNECTING, NULL);
        return;
    }
    if (!z->notifying && !z->busy && mono_ns() >= z->next_try) {
        call_async(z, z->chr, "org.bluez.GattCharacteristic1", "StartNotify");
        z->notifying = true; /* asked; a failure comes back through on_done */
    }
    if (now != HR_RECEIVING)
        set_status(h, HR_CONNECTING, NULL);
}

static bool quitting(plat_hr *h)
{
    pthread_mutex_lock(&h->mu);
    bool q = h->quit;
    pthread_mutex_unlock(&h->mu);
    return q;
}

static void session(plat_hr *h)
{
    bz z = { .h = h, .dirty = true };
    if (sd_bus_open_system(&z.bus) < 0) {
        set_unavailable(h, HR_WHY_NO_BUS, "The system bus (D-Bus) cannot be reached, so Bluetooth cannot be used.");
        return;
    }
    sd_bus_match_signal(z.bus, NULL, BLUEZ, NULL, "org.freedesktop.DBus.Properties", "PropertiesChanged", on_props, &z);
    sd_bus_match_signal(z.bus, NULL, BLUEZ, "/", "org.freedesktop.DBus.ObjectManager", NULL, on_objects, &z);
    sd_bus_match_signal(z.bus, NULL, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                        "NameOwnerChanged", on_objects, &z);
    while (!quitting(h)) {
        bool lost = false;
        if (z.dirty)
            z.read_at = mono_ns();
        if (z.dirty && (lost = !refresh(&z))) {
            if (z.denied)
                set_unavailable(h, HR_WHY_REFUSED, "Bluetooth (BlueZ) refused this program: permission denied.");
            else
                set_unavailable(h, HR_WHY_NO_BLUEZ, "Bluetooth (BlueZ) is not running on this computer.");
            z.adapter[0] = 0;
            z.scanning = false;
            z.using[0] = 0; /* connected to afresh when BlueZ is back */
            z.dirty = true;
        } else
            advance(&z);
        int r;
        while ((r = sd_bus_process(z.bus, NULL)) > 0)
            ;
        if (r < 0)
            break; /* the bus went away: a new connection is made */
        /* BlueZ not answering: asked again in a second; something changed: read again
         * 50 ms after the last reading (at most 20 a second while devices nearby change as
         * discovery runs); else the program's wishes are looked at four times a second */
        int64_t again = z.read_at + 50000000 - mono_ns();
        sd_bus_wait(z.bus, lost ? 1000000 : z.dirty ? (again > 5000000 ? (uint64_t)again / 1000 : 5000) : 250000);
    }
    if (!quitting(h))
        set_unavailable(h, HR_WHY_NO_BUS, "The connection to the system bus was lost.");
    else {
        if (z.chr[0] && z.notifying)
            sd_bus_call_method(z.bus, BLUEZ, z.chr, "org.bluez.GattCharacteristic1", "StopNotify", NULL, NULL, "");
        if (z.scanning && z.adapter[0]) /* a discovery left running would drain batteries */
            sd_bus_call_method(z.bus, BLUEZ, z.adapter, "org.bluez.Adapter1", "StopDiscovery", NULL, NULL, "");
    }
    sd_bus_flush_close_unref(z.bus);
}

static void *worker(void *arg)
{
    plat_hr *h = arg;
    while (!quitting(h)) {
        session(h);
        for (int i = 0; i < 10 && !quitting(h); i++) /* a bus that went away: again in a second */
            nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
    }
    return NULL;
}
#else
static void *worker(void *arg)
{
    set_unavailable(arg, HR_WHY_NO_DBUS, "This build has no D-Bus support, so Bluetooth cannot be used.");
    return NULL;
}
#endif

plat_hr *plat_hr_new(void)
{
    plat_hr *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    pthread_mutex_init(&h->mu, NULL);
    h->status = HR_STARTING;
    if (pthread_create(&h->thread, NULL, worker, h)) {
        pthread_mutex_destroy(&h->mu);
        free(h);
        return NULL;
    }
    return h;
}

void plat_hr_free(plat_hr *h)
{
    if (!h)
        return;
    pthread_mutex_lock(&h->mu);
    h->quit = true;
    pthread_mutex_unlock(&h->mu);
    pthread_join(h->thread, NULL);
    pthread_mutex_destroy(&h->mu);
    free(h);
}

void plat_hr_scan(plat_hr *h, bool on)
{
    pthread_mutex_lock(&h->mu);
    h->scan = on;
    pthread_mutex_unlock(&h->mu);
}

bool plat_hr_scanning(plat_hr *h)
{
    pthread_mutex_lock(&h->mu);
    bool on = h->scan && h->scanning;
    pthread_mutex_unlock(&h->mu);
    return on;
}

int plat_hr_devices(plat_hr *h, plat_hr_device *out, int max)
{
    pthread_mutex_lock(&h->mu);
    int n = h->ndev < max ? h->ndev : max;
    memcpy(out, h->dev, sizeof *out * (size_t)(n > 0 ? n : 0));
    pthread_mutex_unlock(&h->mu);
    return n;
}

void plat_hr_use(plat_hr *h, const char *address)
{
    pthread_mutex_lock(&h->mu);
    snprintf(h->want, sizeof h->want, "%s", address ? address : "");
    pthread_mutex_unlock(&h->mu);
}

int plat_hr_poll(plat_hr *h, plat_hr_note *out, int max)
{
    pthread_mutex_lock(&h->mu);
    int n = 0;
    for (; n < max && h->count > 0; n++) {
        out[n] = h->ring[h->head];
        h->head = (h->head + 1) % RING;
        h->count--;
    }
    pthread_mutex_unlock(&h->mu);
    return n;
}

plat_hr_status plat_hr_state(plat_hr *h, char *why, size_t n)
{
    pthread_mutex_lock(&h->mu);
    plat_hr_status s = h->status;
    if (why && n)
        snprintf(why, n, "%s", s == HR_UNAVAILABLE ? h->why : "");
    pthread_mutex_unlock(&h->mu);
    return s;
}

plat_hr_why plat_hr_reason(plat_hr *h)
{
    pthread_mutex_lock(&h->mu);
    plat_hr_why w = h->status == HR_UNAVAILABLE ? h->reason : HR_WHY_NONE;
    pthread_mutex_unlock(&h->mu);
    return w;
}

int plat_hr_heart_rate(plat_hr *h)
{
    int64_t now = mono_ns();
    pthread_mutex_lock(&h->mu);
    int bpm = h->bpm_t && now - h->bpm_t < 5000000000LL ? h->bpm : 0;
    pthread_mutex_unlock(&h->mu);
    return bpm;
}

bool plat_hr_settle(plat_hr *h, int ms)
{
    for (int i = 0; plat_hr_state(h, NULL, 0) == HR_STARTING; i += 10) {
        if (i >= ms)
            return false;
        nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
    }
    return true;
}
