#!/usr/bin/env bash
# The README's screenshots, rendered by `groundwork render` at ordinary moments (not the
# orb at its largest): a breath just begun, a relaxation step with its caption, the
# kiosk's attract screen as a visitor meets it. usage: scripts/screenshots.sh [BUILD]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
gw="$top/$build/groundwork"
out="$top/docs/screenshots"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a private home: nothing of the person running it (favourites, settings) shows
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export GROUNDWORK_DATA_DIR="${GROUNDWORK_DATA_DIR:-$top/$build/data}" LANGUAGE=en LANG=C.UTF-8
size=1280x720
"$gw" render --size "$size" --out "$out/home-library.png"
# resonance breathing 1.5 s into its first inhale (3 s lead-in): the orb still small
"$gw" render --exercise resonance-breathing --at 4.5 --size "$size" --out "$out/pacer-orb.png"
"$gw" render --exercise pmr-16 --at 75 --size "$size" --out "$out/guided-pmr.png"
"$gw" render --exercise grounding-54321 --at 20 --size "$size" --out "$out/prompts-grounding.png"
"$gw" render --mode kiosk --at 5 --size "$size" --out "$out/kiosk-attract.png" 2>/dev/null
"$gw" render --mode present --exercise box-breathing --at 9 --size "$size" --out "$out/present-client.png"
echo "screenshots written to $out"
