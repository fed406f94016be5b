#!/usr/bin/env bash
# The screens of docs/design.md's "Before and after", rendered headless by one build at
# the same moments: scripts/design_shots.sh BUILD SUFFIX writes docs/design/NAME-SUFFIX.png
# (SUFFIX "before" from a build before the design language, "after" from today's).
# Each screen is reached as a person reaches it (keys, presses) in a private home.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: design_shots.sh BUILD SUFFIX}
suffix=${2:?usage: design_shots.sh BUILD SUFFIX}
gw="$build/groundwork"
out="$top/docs/design"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GROUNDWORK_DATA_DIR="$build/data" LANGUAGE=en LANG=C.UTF-8
size=1280x720

home() { # a fresh private home, optionally at a text size
    rm -rf "$tmp/home"
    mkdir -p "$tmp/home/config/groundwork"
    export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" XDG_STATE_HOME="$tmp/home/state"
    if [ -n "${1:-}" ]; then
        printf '{"text_size": %s}\n' "$1" > "$tmp/home/config/groundwork/settings.json"
    fi
}
shot() { # NAME ARGS... with the script on stdin; its screenshot goes to NAME
    local name=$1
    shift
    sed "s|SHOT|$tmp/shot.png|" > "$tmp/script.jsonl"
    "$gw" play --size "$size" "$@" --script "$tmp/script.jsonl" > /dev/null 2>&1 || true
    if [ -f "$tmp/shot.png" ]; then
        mv "$tmp/shot.png" "$out/$name-$suffix.png"
    else
        echo "design_shots: $name: no screenshot" >&2
    fi
}

home
shot library <<'S'
{"at": 1, "screenshot": "SHOT"}
{"at": 1.5, "end": true}
S
home 200
shot library-es200 --lang es <<'S'
{"at": 1, "screenshot": "SHOT"}
{"at": 1.5, "end": true}
S
home
shot cautions <<'S'
{"at": 1, "key": "Down"}
{"at": 1.5, "key": "Return"}
{"at": 2, "screenshot": "SHOT"}
{"at": 2.5, "end": true}
S
home
shot checkin --checkins <<'S'
{"at": 1, "key": "Return"}
{"at": 1.5, "key": "Return"}
{"at": 2, "screenshot": "SHOT"}
{"at": 2.5, "end": true}
S
home
shot grounding --exercise grounding-54321 <<'S'
{"at": 2, "key": "Return"}
{"at": 3, "screenshot": "SHOT"}
{"at": 3.5, "end": true}
S
home
shot settings <<'S'
{"at": 1, "press": "settings"}
{"at": 2, "screenshot": "SHOT"}
{"at": 2.5, "end": true}
S
home
shot progress <<'S'
{"at": 1, "press": "progress"}
{"at": 2, "screenshot": "SHOT"}
{"at": 2.5, "end": true}
S
home
shot help <<'S'
{"at": 1, "key": "F1"}
{"at": 2, "screenshot": "SHOT"}
{"at": 2.5, "end": true}
S
home
shot present --mode present --exercise box-breathing <<'S'
{"at": 9, "screenshot": "SHOT"}
{"at": 9.5, "end": true}
S
home
shot kiosk-attract --mode kiosk <<'S'
{"at": 5, "screenshot": "SHOT"}
{"at": 5.5, "end": true}
S
home
shot kiosk-library --mode kiosk <<'S'
{"at": 5, "tap": [0.5, 0.5]}
{"at": 6, "screenshot": "SHOT"}
{"at": 6.5, "end": true}
S
echo "design_shots: written to $out (*-$suffix.png)"
