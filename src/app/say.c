/* say: read aloud (say.h). */
#include "app/say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

#define OUTBOX 16

struct say {
    trace *tr;
    say_msg out[OUTBOX];      /* waiting for the runner: a ring, the oldest at head */
    int head, count;
    bool cancel;              /* turned off: the runner stops what is being said */
    bool service_down;        /* the runner found no speech service answering */
    bool on;
    char lang[16];
    int rate, volume;         /* as speech-dispatcher takes them, -100..100 */
    /* the screen's announcement, due at the next say_frame */
    bool due, read_all;
    char title[160], hint[320];
    char then[1024];          /* said after the announcement (an exercise's first step) */
    /* the control last said: said again when it, its name or its state changes */
    char id[DRAW_WIDGET_ID_MAX], name[200], state[120];
};

say *say_new(trace *tr)
{
    say *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->tr = tr;
    snprintf(s->lang, sizeof s->lang, "en");
    return s;
}

void say_free(say *s) { free(s); }

void say_set(say *s, bool on, const char *lang, int rate_pct, int volume)
{
    if (!s)
        return;
    if (s->on && !on) { /* what is still to be said is dropped */
        s->cancel = true;
        s->count = 0;
    }
    if (on && !s->on)
        s->id[0] = 0; /* the focus is said afresh */
    s->on = on;
    snprintf(s->lang, sizeof s->lang, "%s", lang && *lang ? lang : "en");
    rate_pct = rate_pct < 50 ? 50 : rate_pct > 200 ? 200 : rate_pct;
    s->rate = rate_pct >= 100 ? rate_pct - 100 : (rate_pct - 100) * 2;
    volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
    s->volume = volume * 2 - 100;
}

bool say_on(const say *s) { return s && s->on; }

static const char *const PRIORITY[] = { "important", "message", "text", "notification" };

void say_always(say *s, gw_ns now, const char *text, speech_priority pr)
{
    if (!s || !text || !*text)
        return;
    trace_begin(s->tr, now, "speak");
    trace_str(s->tr, "text", text);
    trace_str(s->tr, "priority", PRIORITY[pr]);
    trace_str(s->tr, "lang", s->lang);
    trace_end(s->tr);
    if (s->count == OUTBOX) { /* nobody takes them: the oldest goes */
        s->head = (s->head + 1) % OUTBOX;
        s->count--;
    }
    say_msg *m = &s->out[(s->head + s->count++) % OUTBOX];
    snprintf(m->text, sizeof m->text, "%s", text);
    snprintf(m->lang, sizeof m->lang, "%s", s->lang);
    m->pr = pr;
    m->rate = s->rate;
    m->volume = s->volume;
}

bool say_take(say *s, say_msg *out)
{
    if (!s || !s->count)
        return false;
    *out = s->out[s->head];
    s->head = (s->head + 1) % OUTBOX;
    s->count--;
    return true;
}

bool say_take_cancel(say *s)
{
    bool c = s && s->cancel;
    if (s)
        s->cancel = false;
    return c;
}

void say_service(say *s, bool ok)
{
    if (s)
        s->service_down = !ok;
}

void say_text(say *s, gw_ns now, const char *text, speech_priority pr)
{
    if (say_on(s))
        say_always(s, now, text, pr);
}

void say_screen(say *s, const char *title, const char *hint, bool read)
{
    if (!s)
        return;
    s->due = true;
    s->read_all = read;
    snprintf(s->title, sizeof s->title, "%s", title ? title : "");
    snprintf(s->hint, sizeof s->hint, "%s", hint ? hint : "");
    s->then[0] = 0;
    s->id[0] = 0;
}

void say_next(say *s, gw_ns now, const char *text)
{
    if (!say_on(s))
        return;
    if (s->due)
        snprintf(s->then, sizeof s->then, "%s", text ? text : "");
    else
        say_text(s, now, text, SPEECH_MESSAGE);
}

bool say_due(const say *s) { return say_on(s) && s->due; }

/* a part of a spoken sentence after another: ", " in the interface language */
static void join(char *buf, size_t n, const char *part)
{
    if (!part || !*part)
        return;
    size_t k = strlen(buf);
    /* Joins the parts of what read aloud says of a control ("Box breathing, exercise"). */
    snprintf(buf + k, n - k, "%s%s", k ? _(", ") : "", part);
}

/* a sentence after another: a full stop between them unless the first has its own */
static void sentence(char *buf, size_t n, const char *part)
{
    if (!part || !*part)
        return;
    size_t k = strlen(buf);
    bool ended = k && (strchr(".?!:", buf[k - 1]) || (k >= 2 && !strcmp(buf + k - 2, "\xd8\x9f"))); /* ؟ */
    snprintf(buf + k, n - k, "%s%s", !k ? "" : ended ? " " : ". ", part);
}

/* The screen's own words: the texts that are not on a control (a control is said when
 * it has the focus), in drawing order, one sentence each; an overlay's, not those of
 * the screen it is shown over. A panel or a control as
 * large as a quarter of the screen (a step's whole content, "touch to begin") holds
 * words, not a label. */
static void words_of(const draw_list *l, char *buf, size_t n)
{
    for (int i = l->words_from; i < l->ncmd; i++) { /* not an overlay's backdrop */
        const draw_cmd *c = &l->cmd[i];
        const char *t = draw_text_of(l, c);
        if (c->op != DRAW_TEXT || !*t || !strcmp(t, "|"))
            continue;
        const draw_widget *w = draw_widget_at(l, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2);
        if (w && w->role != ROLE_PANEL && w->r.w * w->r.h < (float)l->w * (float)l->h / 4)
            continue;
        sentence(buf, n, t);
    }
}

static const char *role_word(draw_role r)
{
    switch (r) {
    case ROLE_BUTTON: return _("button");
    case ROLE_SWITCH: return _("switch");
    case ROLE_CHECKBOX: return _("check box");
    case ROLE_OPTION: return _("option");
    case ROLE_SLIDER: return _("slider");
    case ROLE_EXERCISE: return _("exercise");
    case ROLE_TEXT_FIELD: return _("text field");
    default: return "";
    }
}

const char *say_widget(const draw_list *l, const draw_widget *w, char *buf, size_t n)
{
    buf[0] = 0;
    join(buf, n, draw_widget_name(l, w));
    join(buf, n, role_word((draw_role)w->role));
    join(buf, n, draw_widget_state(l, w));
    if (w->role == ROLE_EXERCISE) /* "Box breathing, exercise, 4 minutes, button" */
        join(buf, n, role_word(ROLE_BUTTON));
    return buf;
}

static const draw_widget *focused(const draw_list *l)
{
    for (int i = 0; i < l->nwid; i++)
        if (l->wid[i].focused)
            return &l->wid[i];
    return NULL;
}

void say_screen_text(say *s, gw_ns now, const draw_list *l)
{
    if (!say_on(s))
        return;
    char buf[4000] = "";
    words_of(l, buf, sizeof buf);
    say_text(s, now, buf, SPEECH_MESSAGE);
}

void say_frame(say *s, gw_ns now, const draw_list *l)
{
    if (!say_on(s))
        return;
    if (s->due) { /* one message: its parts in order, never cut by the focus */
        s->due = false;
        char buf[4000] = "";
        sentence(buf, sizeof buf, s->title);
        if (s->read_all)
            words_of(l, buf, sizeof buf);
        sentence(buf, sizeof buf, s->hint);
        say_text(s, now, buf, SPEECH_MESSAGE);
        say_text(s, now, s->then, SPEECH_MESSAGE);
        s->then[0] = 0;
    }
    const draw_widget *w = focused(l);
    if (!w)
        return;
    const char *name = draw_widget_name(l, w), *state = draw_widget_state(l, w);
    bool same = !strcmp(s->id, w->id) && !strncmp(s->name, name, sizeof s->name - 1);
    if (same && !strncmp(s->state, state, sizeof s->state - 1))
        return;
    char buf[600];
    if (same) /* only its state changed: "on" */
        say_text(s, now, state, SPEECH_TEXT);
    else
        say_text(s, now, say_widget(l, w, buf, sizeof buf), SPEECH_TEXT);
    snprintf(s->id, sizeof s->id, "%s", w->id);
    snprintf(s->name, sizeof s->name, "%s", name);
    snprintf(s->state, sizeof s->state, "%s", state);
}

bool say_service_ok(const say *s) { return !s || !s->service_down; }
