/* pack_exercise: an exercise as a pack gives it (inline in pack.json or in a file of
 * its own) and the pack's body map (regions): the fields every exercise has, then its
 * kind's own section (pack_kinds.c). exercise_free and region_free release what they
 * filled. Private to the pack loader (pack_loader.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pack_loader.h"
#include "core/utf8.h"

/* ---- regions ----------------------------------------------------------------- */

void pack_region_free(body_region *r)
{
    free(r->id);
    pack_text_free(&r->name);
    free(r->shape);
    memset(r, 0, sizeof *r);
}

static bool check_shape(jread *c, const cJSON *s, struct body_shape *out)
{
    static const char *const fields[] = {"ellipse", "capsule"};
    if (!cJSON_IsObject(s)) {
        jread_rep(c, s, PACK_ERROR, "must be an object like {\"ellipse\": [cx, cy, rx, ry]} or "
            "{\"capsule\": [x0, y0, x1, y1, r]}, not %s", jread_type_name(s));
        return false;
    }
    jread_check_fields(c, s, fields, 2);
    const cJSON *e = jread_obj_get(s, "ellipse");
    const cJSON *k = jread_obj_get(s, "capsule");
    if (e && k) {
        jread_rep(c, s, PACK_ERROR, "a shape is either an \"ellipse\" or a \"capsule\", not both");
        return false;
    }
    if (!e && !k) {
        jread_rep(c, s, PACK_ERROR, "needs \"ellipse\": [cx, cy, rx, ry] or \"capsule\": "
            "[x0, y0, x1, y1, r]");
        return false;
    }
    const cJSON *a = e ? e : k;
    int want = e ? 4 : 5;
    size_t mark = jread_push_key(c, e ? "ellipse" : "capsule");
    bool ok = true;
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) != want) {
        jread_rep(c, a, PACK_ERROR, "must be a list of %d numbers %s", want,
            e ? "[cx, cy, rx, ry]" : "[x0, y0, x1, y1, r]");
        ok = false;
    } else {
        float f[5] = {0};
        int i = 0;
        for (const cJSON *x = a->child; x; x = x->next, i++) {
            bool radius = e ? i >= 2 : i == 4;
            double d = 0;
            size_t m2 = jread_push_index(c, i);
            if (jread_num(c, x, 0, 1, "", radius ? JREAD_POSITIVE : 0, &d) != JREAD_OK) ok = false;
            jread_pop(c, m2);
            f[i] = (float)d;
        }
        out->type = e ? 'e' : 'c';
        out->x0 = f[0];
        out->y0 = f[1];
        out->x1 = f[2];
        out->y1 = f[3];
        out->r = e ? 0 : f[4];
    }
    jread_pop(c, mark);
    return ok;
}

void pack_check_region(jread *c, const cJSON *o, body_region *r)
{
    static const char *const fields[] = {"id", "name", "shapes"};
    if (!cJSON_IsObject(o)) {
        jread_rep(c, o, PACK_ERROR, "must be an object {\"id\": ..., \"name\": ..., \"shapes\": [...]}, "
            "not %s", jread_type_name(o));
        return;
    }
    jread_check_fields(c, o, fields, 3);
    pack_get_id(c, o, "id", &r->id);
    pack_get_text(c, o, "name", true, 40, &r->name);
    const cJSON *sh = jread_get_array(c, o, "shapes", true, 1, 16, "shape");
    if (!sh) return;
    int n = cJSON_GetArraySize(sh);
    r->shape = calloc((size_t)n, sizeof *r->shape);
    if (!r->shape) {
        jread_oom(c, sh);
        return;
    }
    size_t mark = jread_push_key(c, "shapes");
    int i = 0;
    for (const cJSON *s = sh->child; s; s = s->next, i++) {
        size_t m2 = jread_push_index(c, i);
        check_shape(c, s, &r->shape[i]);
        jread_pop(c, m2);
    }
    r->nshape = n;
    jread_pop(c, mark);
}

static const char *const category_names[] = {"breathing", "relaxation", "grounding"};
void pack_check_exercise(jread *c, const cJSON *o, exercise *e)
{
    /* the common fields, then each kind's section, named as the kind (the kinds table) */
    enum { NCOMMON = 9 };
    const char *fields[NCOMMON + EX_KIND_COUNT] = {"id", "kind", "category", "title", "summary", "cautions",
                                                  "source", "unattended", "section"};
    for (int k = 0; k < EX_KIND_COUNT; k++)
        fields[NCOMMON + k] = exercise_kinds[k].name;
    if (!cJSON_IsObject(o)) {
        jread_rep(c, o, PACK_ERROR, "an exercise must be an object {...}, not %s", jread_type_name(o));
        return;
    }
    jread_check_fields(c, o, fields, NCOMMON + EX_KIND_COUNT);
    e->kind = EX_KIND_COUNT;
    if (pack_get_id(c, o, "id", &e->id) == JREAD_OK) {
        const cJSON *idv = jread_obj_get(o, "id");
        jsonloc_pos pos = jread_pos(c, idv);
        size_t mark = jread_push_key(c, "id");
        e->src_file = pack_strdup(c->file);
        char pb[JREAD_PATH_CAP];
        e->src_path = pack_strdup(jread_path(c, pb));
        e->src_line = pos.line;
        e->src_col = pos.col;
        const exercise *first = idmap_get(&LD(c)->ids, e->id);
        if (!e->src_file || !e->src_path) {
            jread_oom(c, idv);
        } else if (first) {
            jread_rep(c, idv, PACK_ERROR, "exercise id \"%s\" is used twice in this pack (first at "
                "%s:%d:%d)", e->id, first->src_file ? first->src_file : "", first->src_line,
                first->src_col);
        } else if (!idmap_put(&LD(c)->ids, e->id, e)) {
            jread_oom(c, idv);
        }
        jread_pop(c, mark);
    }
    int k = -1, cat = -1;
    if (jread_get_enum(c, o, "kind", true, exercise_kind_names, EX_KIND_COUNT, &k) == JREAD_OK) e->kind = (exercise_kind)k;
    if (jread_get_enum(c, o, "category", true, category_names, 3, &cat) == JREAD_OK) {
        e->category = pack_strdup(category_names[cat]);
        if (!e->category) jread_oom(c, o);
    }
    pack_get_text(c, o, "title", true, 40, &e->title);
    pack_get_text(c, o, "summary", true, 100, &e->summary);
    pack_get_text(c, o, "section", false, 40, &e->section);
    const cJSON *ca = jread_get_array(c, o, "cautions", true, 0, 20, "caution");
    if (ca) {
        int n = cJSON_GetArraySize(ca);
        e->caution = calloc((size_t)(n ? n : 1), sizeof *e->caution);
        if (!e->caution) {
            jread_oom(c, ca);
        } else {
            e->ncaution = n;
            size_t mark = jread_push_key(c, "cautions");
            int i = 0;
            for (const cJSON *x = ca->child; x; x = x->next, i++) {
                size_t m2 = jread_push_index(c, i);
                pack_check_text(c, x, 300, false, &e->caution[i], NULL);
                jread_pop(c, m2);
            }
            jread_pop(c, mark);
        }
    }
    jread_get_str(c, o, "source", true, 1000, &e->source);

    for (int s = 0; s < EX_KIND_COUNT; s++) {
        const cJSON *sec = jread_obj_get(o, exercise_kind_names[s]);
        if (k >= 0 && s == k && !sec) {
            jread_rep(c, o, PACK_ERROR, "missing required field \"%s\" (this exercise is of kind \"%s\")",
                exercise_kind_names[s], exercise_kind_names[s]);
            continue;
        }
        if (!sec) continue;
        if (k >= 0 && s != k) {
            size_t mark = jread_push_key(c, exercise_kind_names[s]);
            jread_rep_key(c, sec, PACK_ERROR, "\"%s\" is only for exercises of kind \"%s\" (this one is "
                    "\"%s\")", exercise_kind_names[s], exercise_kind_names[s], exercise_kind_names[k]);
            jread_pop(c, mark);
            continue;
        }
        const cJSON *obj = jread_get_object(c, o, exercise_kind_names[s], false);
        if (!obj) continue;
        size_t mark = jread_push_key(c, exercise_kind_names[s]);
        int errors = *c->errors;
        exercise_kinds[s].parse(c, obj, e);
        if (exercise_kinds[s].validate && *c->errors == errors) exercise_kinds[s].validate(c, obj, e);
        jread_pop(c, mark);
    }

    /* Holding the breath or tensing muscles is what needs a caution (heart, breathing,
     * pregnancy, pain); an empty list is allowed but is worth a second look. */
    const exercise_kind_vt *vt = e->kind < EX_KIND_COUNT ? &exercise_kinds[e->kind] : NULL;
    const char *strain = vt && vt->strain ? vt->strain(e) : NULL;
    if (strain && ca && e->ncaution == 0) {
        size_t mark = jread_push_key(c, "cautions");
        jread_rep(c, ca, PACK_WARNING, "this exercise %s but lists no cautions; add who should take care "
            "(for example %s)", strain, vt->caution_hint);
        jread_pop(c, mark);
    }
    e->unattended = strain == NULL;
    const cJSON *un = jread_member(c, o, "unattended", false);
    if (un) {
        size_t mark = jread_push_key(c, "unattended");
        if (!cJSON_IsBool(un))
            jread_rep(c, un, PACK_ERROR, "must be true or false, not %s", jread_type_name(un));
        else
            e->unattended = cJSON_IsTrue(un);
        jread_pop(c, mark);
    }
}

void pack_exercise_free(exercise *e)
{
    free(e->id);
    free(e->category);
    pack_text_free(&e->title);
    pack_text_free(&e->summary);
    pack_text_free(&e->section);
    for (int i = 0; i < e->ncaution; i++) pack_text_free(&e->caution[i]);
    free(e->caution);
    free(e->source);
    for (int k = 0; k < EX_KIND_COUNT; k++) exercise_kinds[k].free(e); /* each frees only its own */
    free(e->src_file);
    free(e->src_path);
    memset(e, 0, sizeof *e);
}
