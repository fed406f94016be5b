#!/usr/bin/env python3
"""A tiny XDG desktop portal for tests: owns org.freedesktop.portal.Desktop on the bus
at ADDRESS and answers org.freedesktop.portal.FileChooser.SaveFile, recording each
call as a JSON line in LOG.

  fake_portal.py ADDRESS LOG READY MODE [PATH]
MODE: answer  returns the request's handle, then Response(0, uris=[file://PATH])
      slow    as answer, but Response comes 4 s later (a person choosing)
      cancel  returns the handle, then Response(1) (the person closed the window)
      silent  owns the name but never answers SaveFile
READY is created once the name is owned."""
import json
import sys
import urllib.parse

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

ADDRESS, LOG, READY, MODE = sys.argv[1:5]
PATH = sys.argv[5] if len(sys.argv) > 5 else ""
IFACE = "org.freedesktop.portal.FileChooser"


def record(**kw):
    with open(LOG, "a") as f:
        f.write(json.dumps(kw) + "\n")


class Request(dbus.service.Object):
    @dbus.service.signal("org.freedesktop.portal.Request", signature="ua{sv}")
    def Response(self, code, results):
        pass


class Portal(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/portal/desktop")
        self.bus = bus
        self.requests = []

    @dbus.service.method(IFACE, in_signature="ssa{sv}", out_signature="o", sender_keyword="sender",
                         async_callbacks=("ok", "err"))
    def SaveFile(self, parent, title, options, sender, ok, err):
        token = str(options.get("handle_token", "t"))
        record(call="SaveFile", title=str(title), current_name=str(options.get("current_name", "")),
               token=token, sender=str(sender))
        if MODE == "silent":
            return
        handle = "/org/freedesktop/portal/desktop/request/%s/%s" % (sender[1:].replace(".", "_"), token)
        req = Request(self.bus, handle)
        self.requests.append(req)
        ok(dbus.ObjectPath(handle))

        def respond():
            if MODE == "cancel":
                req.Response(dbus.UInt32(1), dbus.Dictionary({}, signature="sv"))
            else:
                uri = "file://" + urllib.parse.quote(PATH)
                req.Response(dbus.UInt32(0), dbus.Dictionary(
                    {"uris": dbus.Array([uri], signature="s", variant_level=1)}, signature="sv"))
            return False
        GLib.timeout_add(4000 if MODE == "slow" else 300, respond)


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(ADDRESS)
    name = dbus.service.BusName("org.freedesktop.portal.Desktop", bus)  # noqa: F841
    portal = Portal(bus)  # noqa: F841
    open(READY, "w").close()
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
