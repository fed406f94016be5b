#include "core/script.h"
#include "core/jread.h"
#include "core/rfile.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCRIPT_BYTES (64u * 1024u * 1024u)
#define MAX_AT_SECONDS (1000.0 * 24 * 3600)
#define MAX_DEPTH 16 /* a line nests 3 deep */

static void fail(char *err, size_t n, const char *name, int line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(err, n, "%s:%d: %s", name, line, msg);
    else
        snprintf(err, n, "%s: %s", name, msg);
}

static bool get_xy(const cJSON *v, float *x, float *y)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2)
        return false;
    const cJSON *a = cJSON_GetArrayItem(v, 0), *b = cJSON_GetArrayItem(v, 1);
    if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b))
        return false;
    *x = (float)a->valuedouble;
    *y = (float)b->valuedouble;
    return true;
}

static bool parse_mods(const cJSON *m, unsigned *out)
{
    *out = 0;
    if (!m)
        return true;
    if (!cJSON_IsArray(m))
        return false;
    const cJSON *it;
    cJSON_ArrayForEach(it, m) {
        if (!cJSON_IsString(it))
            return false;
        const char *s = it->valuestring;
        if (!strcmp(s, "ctrl")) *out |= GW_MOD_CTRL;
        else if (!strcmp(s, "alt")) *out |= GW_MOD_ALT;
        else if (!strcmp(s, "shift")) *out |= GW_MOD_SHIFT;
        else if (!strcmp(s, "gui")) *out |= GW_MOD_GUI;
        else return false;
    }
    return true;
}

static const char *const ACTIONS[] = { "key", "text", "tap", "click", "press", "quit", "resize",
                                       "audio_device", "screenshot", "end", "button", "down", "up",
                                       "choose", "keydown", "keyup", "pointer" };

/* Fills it from obj; returns NULL or an error message. */
static const char *parse_item(const cJSON *obj, script_item *it)
{
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(obj, "at");
    if (!at)
        return "missing \"at\" (seconds from the start)";
    if (!cJSON_IsNumber(at) || !isfinite(at->valuedouble) || at->valuedouble < 0 ||
        at->valuedouble > MAX_AT_SECONDS)
        return "\"at\" must be a number of seconds, 0 or more";
    it->at = (gw_ns)llround(at->valuedouble * 1e9);

    const cJSON *act = NULL;
    const char *name = NULL;
    for (const cJSON *c = obj->child; c; c = c->next) {
        if (!strcmp(c->string, "at") || !strcmp(c->string, "mod"))
            continue;
        bool known = false;
        for (size_t i = 0; i < sizeof ACTIONS / sizeof *ACTIONS; i++)
            known |= !strcmp(c->string, ACTIONS[i]);
        if (!known)
            return "unknown action (expected key, text, tap, click, press, choose, quit, resize, "
                   "audio_device, screenshot or end)";
        if (act)
            return "more than one action on a line";
        act = c;
        name = c->string;
    }
    if (!act)
        return "no action on the line";
    if (cJSON_GetObjectItemCaseSensitive(obj, "mod") && strcmp(name, "key") && strcmp(name, "keydown"))
        return "\"mod\" goes only with \"key\"";

    memset(&it->ev, 0, sizeof it->ev);
    it->action = SCRIPT_EVENT;
    if (!strcmp(name, "key") || !strcmp(name, "button") || !strcmp(name, "keydown") || !strcmp(name, "keyup")) {
        if (!cJSON_IsString(act) || !*act->valuestring || strlen(act->valuestring) >= sizeof it->ev.key)
            return "\"key\" must be a key name such as \"Escape\" or \"Space\"";
        it->ev.type = name[0] == 'b' ? EV_BUTTON : !strcmp(name, "keyup") ? EV_KEY_UP : EV_KEY;
        if (!strcmp(name, "key")) /* a key is let go as it is pressed: nothing holds it */
            it->action = SCRIPT_KEY;
        strcpy(it->ev.key, act->valuestring);
        if (!parse_mods(cJSON_GetObjectItemCaseSensitive(obj, "mod"), &it->ev.mods))
            return "\"mod\" must be a list of \"ctrl\", \"alt\", \"shift\", \"gui\"";
    } else if (!strcmp(name, "text")) {
        if (!cJSON_IsString(act) || strlen(act->valuestring) >= sizeof it->ev.text)
            return "\"text\" must be a string of at most 63 bytes";
        it->ev.type = EV_TEXT;
        strcpy(it->ev.text, act->valuestring);
    } else if (!strcmp(name, "tap") || !strcmp(name, "click")) {
        if (!get_xy(act, &it->ev.x, &it->ev.y) || it->ev.x < 0 || it->ev.x > 1 || it->ev.y < 0 ||
            it->ev.y > 1)
            return "a tap or click takes [x, y] with both between 0 and 1";
        it->action = name[0] == 't' ? SCRIPT_TAP : SCRIPT_CLICK;
        it->ev.touch = name[0] == 't';
    } else if (!strcmp(name, "pointer")) {
        /* the mouse moved to x, y, no button held: what it hovers */
        if (!get_xy(act, &it->ev.x, &it->ev.y) || it->ev.x < 0 || it->ev.x > 1 || it->ev.y < 0 ||
            it->ev.y > 1)
            return "a pointer takes [x, y] with both between 0 and 1";
        it->action = SCRIPT_EVENT;
        it->ev.type = EV_POINTER_MOVE;
        it->ev.touch = false;
    } else if (!strcmp(name, "down") || !strcmp(name, "up")) {
        /* a touch put down and held (and lifted later): hold gestures */
        if (!get_xy(act, &it->ev.x, &it->ev.y) || it->ev.x < 0 || it->ev.x > 1 || it->ev.y < 0 ||
            it->ev.y > 1)
            return "a down or up takes [x, y] with both between 0 and 1";
        it->action = SCRIPT_EVENT;
        it->ev.type = name[0] == 'd' ? EV_POINTER_DOWN : EV_POINTER_UP;
        it->ev.touch = true;
    } else if (!strcmp(name, "press") || !strcmp(name, "screenshot") || !strcmp(name, "choose")) {
        if (!cJSON_IsString(act) || !*act->valuestring)
            return name[0] == 'p'   ? "\"press\" takes a widget id"
                   : name[0] == 'c' ? "\"choose\" takes a widget id"
                                    : "\"screenshot\" takes a file name";
        it->action = name[0] == 'p' ? SCRIPT_PRESS : name[0] == 'c' ? SCRIPT_CHOOSE : SCRIPT_SCREENSHOT;
        it->arg = strdup(act->valuestring);
        if (!it->arg)
            return "out of memory";
    } else if (!strcmp(name, "quit") || !strcmp(name, "end")) {
        if (!cJSON_IsTrue(act))
            return name[0] == 'q' ? "\"quit\" must be true" : "\"end\" must be true";
        if (name[0] == 'q')
            it->ev.type = EV_QUIT;
        else
            it->action = SCRIPT_END;
    } else if (!strcmp(name, "resize")) {
        float w, h;
        if (!get_xy(act, &w, &h) || w < 64 || h < 64 || w > 16384 || h > 16384)
            return "\"resize\" takes [width, height] in pixels, 64 to 16384";
        it->ev.type = EV_RESIZE;
        it->ev.w = (int)w;
        it->ev.h = (int)h;
    } else { /* audio_device */
        if (!cJSON_IsString(act) ||
            (strcmp(act->valuestring, "removed") && strcmp(act->valuestring, "added")))
            return "\"audio_device\" must be \"removed\" or \"added\"";
        it->ev.type = EV_AUDIO_DEVICE;
        it->ev.added = act->valuestring[0] == 'a';
    }
    return NULL;
}

script *script_parse(const char *name, const char *text, size_t len, char *err, size_t errlen)
{
    script *s = calloc(1, sizeof *s);
    if (!s) {
        fail(err, errlen, name, 0, "out of memory");
        return NULL;
    }
    int cap = 0, line = 0;
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        line++;
        const char *l = text + pos;
        size_t n = end - pos;
        pos = end + 1;
        while (n && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '\t'))
            n--;
        size_t lead = 0;
        while (lead < n && (l[lead] == ' ' || l[lead] == '\t'))
            lead++;
        if (lead == n || l[lead] == '#')
            continue;
        jsonloc jl; /* owns the tree: released with jsonloc_free */
        jread_fail f;
        cJSON *obj = jread_tree(&jl, l, n, MAX_DEPTH, &f);
        if (!obj || !cJSON_IsObject(obj)) {
            jsonloc_free(&jl);
            fail(err, errlen, name, line, "not a JSON object (each line is {\"at\": SECONDS, ACTION})");
            script_free(s);
            return NULL;
        }
        if (s->n == cap) {
            int ncap = cap ? cap * 2 : 32;
            script_item *ni = realloc(s->item, (size_t)ncap * sizeof *ni);
            if (!ni) {
                jsonloc_free(&jl);
                fail(err, errlen, name, line, "out of memory");
                script_free(s);
                return NULL;
            }
            s->item = ni;
            cap = ncap;
        }
        script_item *it = &s->item[s->n];
        memset(it, 0, sizeof *it);
        it->line = line;
        const char *msg = parse_item(obj, it);
        jsonloc_free(&jl);
        if (!msg && s->n > 0 && it->at < s->item[s->n - 1].at)
            msg = "\"at\" goes back in time; lines must be in time order";
        if (msg) {
            free(it->arg);
            fail(err, errlen, name, line, "%s", msg);
            script_free(s);
            return NULL;
        }
        s->n++;
    }
    return s;
}

script *script_load(const char *path, char *err, size_t errlen)
{
    char why[160];
    size_t n = 0;
    char *buf = rfile_read(path, MAX_SCRIPT_BYTES, &n, why, sizeof why);  /* a FIFO must not block */
    if (!buf) {
        fail(err, errlen, path, 0, "%s", why);
        return NULL;
    }
    script *s = script_parse(path, buf, n, err, errlen);
    free(buf);
    return s;
}

void script_free(script *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++)
        free(s->item[i].arg);
    free(s->item);
    free(s);
}
