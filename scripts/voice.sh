#!/bin/sh
# Voices a pack's guided steps; see scripts/voice.py and docs/voice.md.
exec python3 "$(dirname "$0")/voice.py" "$@"
