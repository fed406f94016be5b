/* pack_kinds: the exercise kinds as a table (exercise_kinds, pack_loader.h): for each,
 * how its own section of a pack ("breathing", "guided", "prompts") is read into the
 * exercise's tables (breath_pattern, guided steps, prompt steps) and then validated (a
 * breathing pattern by the engine's own validator, breath_check_content), what in it
 * strains the body, how long it lasts, and what freeing it takes. The loader, the
 * library's lengths and exercise_kind_name all go through the table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pack_loader.h"
#include "core/utf8.h"

static const char *const step_kind_names[] = {"instruction", "tense", "release", "rest"};
#define PHASE_LABEL_MAX 40   /* characters: shown large in the pacer */

static void parse_breathing(jread *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"phases", "cycles", "minutes", "ramp", "lead_in", "style",
                                         "opening"};
    jread_check_fields(c, o, fields, 7);
    breath_pattern *bp = &e->breath;
    bool phases_ok = false;
    const cJSON *ph = jread_get_array(c, o, "phases", true, 1, BREATH_MAX_PHASES, "phase");
    if (ph) {
        size_t mark = jread_push_key(c, "phases");
        phases_ok = true;
        int i = 0, prev = -1;
        bool has_in = false, has_out = false;
        for (const cJSON *p = ph->child; p; p = p->next, i++) {
            static const char *const pf[] = {"phase", "seconds", "label"};
            size_t m2 = jread_push_index(c, i);
            if (!cJSON_IsObject(p)) {
                jread_rep(c, p, PACK_ERROR, "must be an object like {\"phase\": \"inhale\", \"seconds\": 4}, "
                    "not %s", jread_type_name(p));
                phases_ok = false;
                prev = -1;
                jread_pop(c, m2);
                continue;
            }
            jread_check_fields(c, p, pf, 3);
            if (i < BREATH_MAX_PHASES)
                pack_get_text(c, p, "label", false, PHASE_LABEL_MAX, &e->phase_label[i]);
            int k = -1;
            double sec = 0;
            if (jread_get_enum(c, p, "phase", true, breath_phase_names, BREATH_PHASE_NAMES, &k) != JREAD_OK)
                phases_ok = false;
            if (jread_get_num(c, p, "seconds", true, 0.5, 60, "seconds", JREAD_STEP, &sec) != JREAD_OK)
                phases_ok = false;
            int kind = k >= 0 ? breath_kind_after(k, prev) : -1;
            if (k >= 0 && kind < 0) {  /* "hold" after nothing to hold after */
                size_t m3 = jread_push_key(c, "phase");
                jread_rep(c, jread_obj_get(p, "phase"), PACK_ERROR,
                    "\"hold\" must come right after \"inhale\", \"topup\" or \"exhale\"; "
                    "otherwise write \"hold_in\" or \"hold_out\"");
                jread_pop(c, m3);
                phases_ok = false;
            }
            breath_kind bk = kind >= 0 ? (breath_kind)kind : BREATH_INHALE;
            has_in = has_in || kind == BREATH_INHALE;
            has_out = has_out || kind == BREATH_EXHALE;
            prev = k >= 0 ? (int)bk : -1;
            bp->phase[i].kind = bk;
            bp->phase[i].ms = (int32_t)lround(sec * 1000);
            jread_pop(c, m2);
        }
        bp->nphase = i;
        if (phases_ok && (!has_in || !has_out)) {
            jread_rep(c, ph, PACK_ERROR, "a breath needs at least one \"inhale\" and one \"exhale\" phase");
            phases_ok = false;
        }
        jread_pop(c, mark);
    }

    double cycles = 0, minutes = 0, lead = 0;
    const cJSON *cy = jread_obj_get(o, "cycles");
    const cJSON *mi = jread_obj_get(o, "minutes");
    if (cy && mi) {
        size_t mark = jread_push_key(c, "minutes");
        jread_rep_key(c, mi, PACK_ERROR, "give either \"cycles\" or \"minutes\", not both");
        jread_pop(c, mark);
    } else if (!cy && !mi) {
        jread_rep(c, o, PACK_ERROR, "missing the session length: give \"cycles\" (a number of breaths) "
            "or \"minutes\"");
    }
    jread_got gc = jread_get_num(c, o, "cycles", false, 1, 1000, "breaths", JREAD_INT, &cycles);
    jread_got gm = jread_get_num(c, o, "minutes", false, 0.5, 120, "minutes", 0, &minutes);
    if (gc == JREAD_OK) bp->cycles = (int)cycles;
    if (gm == JREAD_OK && !cy) bp->session_ns = (gw_ns)llround(minutes * 60.0 * GW_NS_PER_SEC);
    if (jread_get_num(c, o, "lead_in", false, 0, 10, "seconds", JREAD_STEP, &lead) == JREAD_OK)
        bp->lead_in_ns = (gw_ns)llround(lead * GW_NS_PER_SEC);

    /* A one-off exhale before the first breath; only an exhale can open a session. */
    double opening = 0;
    const cJSON *op = jread_get_object(c, o, "opening", false);
    if (op) {
        static const char *const of[] = {"phase", "seconds", "label"};
        static const char *const only_exhale[] = {"exhale"};
        size_t mark = jread_push_key(c, "opening");
        jread_check_fields(c, op, of, 3);
        int k = -1;
        jread_got gk = jread_get_enum(c, op, "phase", true, only_exhale, 1, &k);
        jread_got gs = jread_get_num(c, op, "seconds", true, 0.5, 60, "seconds", JREAD_STEP, &opening);
        pack_get_text(c, op, "label", false, PHASE_LABEL_MAX, &e->opening_label);
        if (gk == JREAD_OK && gs == JREAD_OK)
            bp->opening_ms = (int32_t)lround(opening * 1000);
        else
            opening = 0;
        jread_pop(c, mark);
    }

    const cJSON *ramp = jread_get_object(c, o, "ramp", false);
    if (ramp) {
        static const char *const rf[] = {"from_bpm", "to_bpm", "minutes"};
        size_t mark = jread_push_key(c, "ramp");
        jread_check_fields(c, ramp, rf, 3);
        double from = 0, to = 0, rmin = 0;
        jread_got a = jread_get_num(c, ramp, "from_bpm", true, 1, 30, "breaths per minute", 0, &from);
        jread_got b = jread_get_num(c, ramp, "to_bpm", true, 1, 30, "breaths per minute", 0, &to);
        jread_got m = jread_get_num(c, ramp, "minutes", true, 0.5, 120, "minutes", 0, &rmin);
        if (a == JREAD_OK && b == JREAD_OK && m == JREAD_OK) {
            bp->ramp_from_bpm = from;
            bp->ramp_to_bpm = to;
            bp->ramp_ns = (gw_ns)llround(rmin * 60.0 * GW_NS_PER_SEC);
        }
        jread_pop(c, mark);
    }

    int style = PACER_ORB;
    e->style_named = jread_get_enum(c, o, "style", false, pacer_style_names, PACER_PACK_STYLES, &style) == JREAD_OK;
    e->pacer = (pacer_style)style;
    e->style = pack_strdup(pacer_style_name(style));
    if (!e->style) jread_oom(c, o);

    /* Without a ramp the length is known here; nothing should run past two hours. */
    if (phases_ok && gc == JREAD_OK && !ramp && !mi) {
        int64_t cyc_ms = 0;
        for (int i = 0; i < bp->nphase; i++) cyc_ms += bp->phase[i].ms;
        double total_min = ((double)cyc_ms * cycles + (lead + opening) * 1000) / 60000.0;
        if (total_min > 120) {
            size_t mark = jread_push_key(c, "cycles");
            jread_rep(c, cy, PACK_ERROR, "makes the session %.0f minutes long (%d breaths of %.1f "
                "seconds); at most 120 minutes", ceil(total_min), (int)cycles,
                (double)cyc_ms / 1000);
            jread_pop(c, mark);
        }
    }

}

static int find_region(const pack *p, const char *id)
{
    for (int i = 0; i < p->nregion; i++)
        if (p->region[i].id && strcmp(p->region[i].id, id) == 0) return i;
    return -1;
}

static void parse_guided(jread *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"steps"};
    jread_check_fields(c, o, fields, 1);
    const cJSON *st = jread_get_array(c, o, "steps", true, 1, 500, "step");
    if (!st) return;
    int n = cJSON_GetArraySize(st);
    e->step = calloc((size_t)n, sizeof *e->step);
    if (!e->step) {
        jread_oom(c, st);
        return;
    }
    e->nstep = n;
    size_t mark = jread_push_key(c, "steps");
    int i = 0;
    for (const cJSON *s = st->child; s; s = s->next, i++) {
        static const char *const sf[] = {"kind", "caption", "seconds", "pause", "voice", "region"};
        guided_step *g = &e->step[i];
        g->region = -1;
        size_t m2 = jread_push_index(c, i);
        if (!cJSON_IsObject(s)) {
            jread_rep(c, s, PACK_ERROR, "must be an object like {\"kind\": \"instruction\", \"caption\": "
                "..., \"seconds\": 7}, not %s", jread_type_name(s));
            jread_pop(c, m2);
            continue;
        }
        jread_check_fields(c, s, sf, 6);
        int k = 0;
        if (jread_get_enum(c, s, "kind", true, step_kind_names, 4, &k) == JREAD_OK) g->kind = (guided_step_kind)k;
        pack_get_text(c, s, "caption", true, 200, &g->caption);
        double sec = 0, pause = 0;
        jread_got gs = jread_get_num(c, s, "seconds", false, 0.5, 600, "seconds", JREAD_STEP, &sec);
        jread_got gp = jread_get_num(c, s, "pause", false, 0, 60, "seconds", JREAD_STEP, &pause);
        jread_got gv = pack_get_voice(c, s, &g->voice, &g->voice_ns);
        if (gs == JREAD_OK) g->duration = (gw_ns)llround(sec * GW_NS_PER_SEC);
        if (gp == JREAD_OK) g->pause = (gw_ns)llround(pause * GW_NS_PER_SEC);
        if (gs == JREAD_NONE && gv == JREAD_NONE)
            jread_rep(c, s, PACK_ERROR, "missing \"seconds\": a step without a \"voice\" clip needs it");
        if (gs != JREAD_NONE && gp != JREAD_NONE) {
            size_t m3 = jread_push_key(c, "pause");
            jread_rep_key(c, jread_obj_get(s, "pause"), PACK_WARNING,
                    "\"pause\" is only used when \"seconds\" is left out (the step then lasts "
                    "its clip plus the pause)");
            jread_pop(c, m3);
        }
        const cJSON *r = jread_member(c, s, "region", false);
        if (r) {
            size_t m3 = jread_push_key(c, "region");
            char buf[200];
            if (!cJSON_IsString(r)) {
                jread_rep(c, r, PACK_ERROR, "must be text (a region id), not %s", jread_type_name(r));
            } else if ((g->region = find_region(LD(c)->p, r->valuestring)) < 0) {
                if (LD(c)->p->nregion == 0)
                    jread_rep(c, r, PACK_ERROR, "there is no region \"%s\": pack.json has no \"regions\"",
                        utf8_quote(r->valuestring, buf, sizeof buf, 64));
                else
                    jread_rep(c, r, PACK_ERROR, "there is no region \"%s\" in pack.json \"regions\"",
                        utf8_quote(r->valuestring, buf, sizeof buf, 64));
            }
            jread_pop(c, m3);
        }
        jread_pop(c, m2);
    }
    jread_pop(c, mark);
}

static void parse_prompts(jread *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"steps"};
    jread_check_fields(c, o, fields, 1);
    const cJSON *st = jread_get_array(c, o, "steps", true, 1, 100, "step");
    if (!st) return;
    int n = cJSON_GetArraySize(st);
    e->prompt = calloc((size_t)n, sizeof *e->prompt);
    if (!e->prompt) {
        jread_oom(c, st);
        return;
    }
    e->nprompt = n;
    size_t mark = jread_push_key(c, "steps");
    int i = 0;
    for (const cJSON *s = st->child; s; s = s->next, i++) {
        static const char *const sf[] = {"title", "text", "hint", "count", "timer",
                                         "auto_advance", "voice"};
        prompt_step *ps = &e->prompt[i];
        size_t m2 = jread_push_index(c, i);
        if (!cJSON_IsObject(s)) {
            jread_rep(c, s, PACK_ERROR, "must be an object like {\"title\": ..., \"text\": ...}, not %s",
                jread_type_name(s));
            jread_pop(c, m2);
            continue;
        }
        jread_check_fields(c, s, sf, 7);
        pack_get_text(c, s, "title", true, 40, &ps->title);
        pack_get_text(c, s, "text", true, 300, &ps->text);
        pack_get_text(c, s, "hint", false, 200, &ps->hint);
        double count = 0, timer = 0;
        if (jread_get_num(c, s, "count", false, 0, 10, "", JREAD_INT, &count) == JREAD_OK) ps->count = (int)count;
        jread_got gt = jread_get_num(c, s, "timer", false, 0, 600, "seconds", JREAD_STEP, &timer);
        if (gt == JREAD_OK) ps->timer = (gw_ns)llround(timer * GW_NS_PER_SEC);
        const cJSON *aa = jread_member(c, s, "auto_advance", false);
        if (aa) {
            size_t m3 = jread_push_key(c, "auto_advance");
            if (!cJSON_IsBool(aa))
                jread_rep(c, aa, PACK_ERROR, "must be true or false, not %s", jread_type_name(aa));
            else if (cJSON_IsTrue(aa) && gt == JREAD_NONE)
                jread_rep(c, aa, PACK_ERROR, "needs a \"timer\" (in seconds) to advance on");
            else if (cJSON_IsTrue(aa) && gt == JREAD_OK && timer == 0)
                jread_rep(c, aa, PACK_ERROR, "needs a \"timer\" longer than 0 seconds");
            else
                ps->auto_advance = cJSON_IsTrue(aa);
            jread_pop(c, m3);
        }
        gw_ns unused = 0;
        pack_get_voice(c, s, &ps->voice, &unused);
        jread_pop(c, m2);
    }
    jread_pop(c, mark);
}

/* The engine's own check, held to content's limits, once the fields are right: it also
 * sees what no one field shows (a ramp that makes a phase too short). */
static void validate_breathing(jread *c, const cJSON *o, exercise *e)
{
    const char *why = breath_check_content(&e->breath);
    if (why) jread_rep(c, o, PACK_ERROR, "%s", why);
}

static const char *strain_breathing(const exercise *e)
{
    for (int i = 0; i < e->breath.nphase && i < BREATH_MAX_PHASES; i++)
        if (e->breath.phase[i].kind == BREATH_HOLD_IN || e->breath.phase[i].kind == BREATH_HOLD_OUT)
            return "holds the breath";
    return NULL;
}

static const char *strain_guided(const exercise *e)
{
    for (int i = 0; i < e->nstep; i++)
        if (e->step[i].kind == STEP_TENSE)
            return "tenses muscles";
    return NULL;
}

static gw_ns length_breathing(const exercise *e) { return breath_total(&e->breath); }

static gw_ns length_guided(const exercise *e)
{
    gw_ns total = 0;
    for (int i = 0; i < e->nstep; i++)
        total += e->step[i].duration ? e->step[i].duration : e->step[i].voice_ns + e->step[i].pause;
    return total;
}

static gw_ns length_prompts(const exercise *e)
{
    gw_ns total = 0;
    for (int i = 0; i < e->nprompt; i++) total += e->prompt[i].timer;
    return total;
}

static void free_breathing(exercise *e)
{
    free(e->style);
    e->style = NULL;
    for (int i = 0; i < BREATH_MAX_PHASES; i++) pack_text_free(&e->phase_label[i]);
    pack_text_free(&e->opening_label);
}

static void free_guided(exercise *e)
{
    for (int i = 0; i < e->nstep; i++) {
        pack_text_free(&e->step[i].caption);
        pack_text_free(&e->step[i].voice);
    }
    free(e->step);
    e->step = NULL;
    e->nstep = 0;
}

static void free_prompts(exercise *e)
{
    for (int i = 0; i < e->nprompt; i++) {
        pack_text_free(&e->prompt[i].title);
        pack_text_free(&e->prompt[i].text);
        pack_text_free(&e->prompt[i].hint);
        pack_text_free(&e->prompt[i].voice);
    }
    free(e->prompt);
    e->prompt = NULL;
    e->nprompt = 0;
}

/* The resonance assessment (core/res_run.h): the rates are the protocol's own
 * (RES_RATES); a pack sets how long each is held, the inhale's share, the lead-in and
 * the breathing exercise offered at the rate found ("practice": its id). */
static void parse_resonance(jread *c, const cJSON *o, exercise *e)
{
    static const char *const fields[] = {"block_seconds", "inhale", "lead_in", "practice"};
    jread_check_fields(c, o, fields, 4);
    double block = 120, inhale = RES_INHALE_DEFAULT, lead = 0;
    jread_get_num(c, o, "block_seconds", false, 60, 300, "seconds", JREAD_INT, &block);
    jread_get_num(c, o, "inhale", false, 0.3, 0.5, "", 0, &inhale);
    jread_get_num(c, o, "lead_in", false, 0, 10, "seconds", JREAD_STEP, &lead);
    jread_get_str(c, o, "practice", false, 64, &e->res_practice);
    e->resonance = (res_plan){ .block_ns = (gw_ns)llround(block * GW_NS_PER_SEC), .inhale = inhale,
                               .lead_in_ns = (gw_ns)llround(lead * GW_NS_PER_SEC) };
}

static gw_ns length_resonance(const exercise *e) { return res_length(&e->resonance); }

static void free_resonance(exercise *e)
{
    memset(&e->resonance, 0, sizeof e->resonance);
    free(e->res_practice);
    e->res_practice = NULL;
}

/* ---- the kinds ----------------------------------------------------------------- */

const char *const exercise_kind_names[EX_KIND_COUNT] = {
    [EX_BREATHING] = "breathing",
    [EX_GUIDED] = "guided",
    [EX_PROMPTS] = "prompts",
    [EX_RESONANCE] = "resonance",
};

const exercise_kind_vt exercise_kinds[EX_KIND_COUNT] = {
    [EX_BREATHING] = {
        .name = "breathing",
        .paced = true,
        .parse = parse_breathing,
        .validate = validate_breathing,
        .strain = strain_breathing,
        .caution_hint = "people with heart or breathing conditions, or who are pregnant",
        .length = length_breathing,
        .free = free_breathing,
    },
    [EX_GUIDED] = {
        .name = "guided",
        .parse = parse_guided,
        .strain = strain_guided,
        .caution_hint = "people with pain, injuries, or heart or blood-pressure problems",
        .length = length_guided,
        .free = free_guided,
    },
    [EX_PROMPTS] = {
        .name = "prompts",
        .parse = parse_prompts,
        .caution_hint = "people with heart or breathing conditions, or who are pregnant",
        .length = length_prompts,
        .free = free_prompts,
    },
    [EX_RESONANCE] = {
        .name = "resonance",
        .parse = parse_resonance,
        .caution_hint = "people with heart or breathing conditions, or who are pregnant",
        .length = length_resonance,
        .free = free_resonance,
    },
};

const char *exercise_kind_name(exercise_kind k)
{
    return k >= 0 && k < EX_KIND_COUNT ? exercise_kinds[k].name : "unknown";
}

bool exercise_paced(const exercise *e)
{
    return e && e->kind >= 0 && e->kind < EX_KIND_COUNT && exercise_kinds[e->kind].paced;
}

gw_ns exercise_length(const exercise *e)
{
    return e->kind >= 0 && e->kind < EX_KIND_COUNT ? exercise_kinds[e->kind].length(e) : 0;
}
