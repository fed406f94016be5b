#!/bin/sh
# `groundwork validate` on locales.json: a pack's file without its disclaimer is a located
# error; a line without one language is a warning that says the English text is used;
# a deployment's own file (given by itself) may leave the disclaimer to the built-in one.
# core: the built-in pack (its locales.json is checked beside a small pack of its own:
# the core pack itself is loaded by validate anyway, and twice would be a clash of ids)
gw=$1 core=$2 pack=$3
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
fail() { echo "FAIL: $*"; cat "$d/out"; exit 1; }

cp -r "$pack" "$d/core" && cp "$core/locales.json" "$d/core/" || exit 1
"$gw" validate "$d/core" > "$d/out" 2>&1 || fail "the shipped locales.json does not validate"
grep -q "^OK: 1 pack, .* 0 warnings$" "$d/out" || fail "warnings in the shipped locales.json"

python3 - "$d/core/locales.json" <<'PY' || exit 1
import json, sys
p = sys.argv[1]
d = json.load(open(p))
del d["disclaimer"]
del d["crisis_lines"][2]["text"]["de"]   # Spain's line without German
json.dump(d, open(p, "w"), ensure_ascii=False, indent=2)
PY
"$gw" validate "$d/core" > "$d/out" 2>&1 && fail "a locales.json without the disclaimer passed"
grep -q "^$d/core/locales.json:1:1: \$: missing required field \"disclaimer\"" "$d/out" || fail "no located error for the disclaimer"
grep -Eq "^$d/core/locales.json:[0-9]+:[0-9]+: \\\$\.crisis_lines\[2\]\.text: warning: no \"de\" text; the \"en\" one is used$" "$d/out" ||
  fail "no located warning for the missing German line"

cat > "$d/locales.json" <<'JSON'
{"crisis_lines": [{"regions": ["EG"], "text": {"en": "Call the clinic on 0100 000.",
                                               "ar": "اتصل بالعيادة على 0100\u00a0000."}}]}
JSON
"$gw" validate "$d/locales.json" > "$d/out" 2>&1 || fail "a deployment's file without a disclaimer failed"
grep -q "^$d/locales.json:1:47: \$.crisis_lines\[0\].text: warning: no \"es\" text; the \"en\" one is used$" "$d/out" ||
  fail "no located warning for the deployment's missing Spanish"
echo ok
