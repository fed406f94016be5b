#!/usr/bin/env bash
# Installs what Groundwork needs to build, run and test on Debian 12.
# Only missing packages are installed; uses sudo when not root.
set -euo pipefail
pkgs=(build-essential cmake pkg-config gettext python3
      libsdl2-dev libsdl2-ttf-dev libsdl2-mixer-dev libpng-dev
      libx11-dev libxext-dev libcjson-dev libcmocka-dev libsqlite3-dev python3-jsonschema libsodium-dev libfribidi-dev
      libsystemd-dev libcairo2-dev libpango1.0-dev   # the file chooser through sd-bus; the summary PDF
      fonts-noto-core locales xvfb xauth xdotool x11-utils   # x11-utils: xwininfo, xdpyinfo (display.present_xinerama)
      rsync sqlite3 faketime   # fleet.push: docs/fleet.md's push and merge; a kiosk with its clock wrong
      cage grim xwayland libwayland-dev   # kiosk.cage: the kiosk under cage, screenshots with grim; frames through wl_shm
      xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils   # display.present_xinerama: two monitors side by side (Xorg's dummy driver, xrandr)
      desktop-file-utils appstream dpkg-dev man-db file lintian   # lintian: install.lintian checks the .deb
      dbus-daemon python3-dbus python3-gi poppler-utils   # tests: a private bus, a fake portal and notification server (their GLib loop), the PDF read back
      libspeechd2   # read aloud: speech-dispatcher's client library, loaded at run time
      clang libclang-rt-14-dev valgrind)   # make fuzz (libFuzzer) and make memcheck
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
