#!/usr/bin/env python3
"""A small notification server for tests: owns org.freedesktop.Notifications on the
bus at ADDRESS and records each call as a JSON line in LOG.

  fake_notifications.py ADDRESS LOG READY MODE
MODE: click   answers, then sends ActionInvoked(id, "start") a moment later
      close   answers, then sends NotificationClosed(id, 2)
      silent  owns the name but never answers Notify (nor GetCapabilities)
      vanish  answers, then quits a moment later (the server went away)
READY is created once the name is owned."""
import json
import os
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

ADDRESS, LOG, READY, MODE = sys.argv[1:5]
IFACE = "org.freedesktop.Notifications"


def record(**kw):
    with open(LOG, "a") as f:
        f.write(json.dumps(kw) + "\n")


class Server(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.next_id = 41

    @dbus.service.method(IFACE, in_signature="", out_signature="as", async_callbacks=("ok", "err"))
    def GetCapabilities(self, ok, err):
        record(call="GetCapabilities")
        if MODE != "silent":
            ok(["actions", "body"])

    @dbus.service.method(IFACE, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("fake", "groundwork-tests", "1", "1.2")

    @dbus.service.method(IFACE, in_signature="susssasa{sv}i", out_signature="u", async_callbacks=("ok", "err"))
    def Notify(self, app_name, replaces_id, icon, summary, body, actions, hints, timeout, ok, err):
        self.next_id += 1
        nid = self.next_id
        record(call="Notify", app_name=str(app_name), replaces_id=int(replaces_id), icon=str(icon),
               summary=str(summary), body=str(body), actions=[str(a) for a in actions],
               hints={str(k): str(v) for k, v in hints.items()}, timeout=int(timeout), id=nid)
        if MODE == "silent":
            return
        ok(dbus.UInt32(nid))
        if MODE == "click":
            GLib.timeout_add(200, lambda: (self.ActionInvoked(dbus.UInt32(nid), "start"), False)[1])
        elif MODE == "vanish":
            GLib.timeout_add(200, lambda: os._exit(0))
        elif MODE == "close":
            GLib.timeout_add(200, lambda: (self.NotificationClosed(dbus.UInt32(nid), dbus.UInt32(2)), False)[1])

    @dbus.service.method(IFACE, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        record(call="CloseNotification", id=int(nid))

    @dbus.service.signal(IFACE, signature="us")
    def ActionInvoked(self, nid, key):
        record(call="ActionInvoked", id=int(nid), key=str(key))

    @dbus.service.signal(IFACE, signature="uu")
    def NotificationClosed(self, nid, reason):
        record(call="NotificationClosed", id=int(nid))


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(ADDRESS)
    name = dbus.service.BusName(IFACE, bus)  # noqa: F841 (kept while the loop runs)
    server = Server(bus)  # noqa: F841
    open(READY, "w").close()
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
