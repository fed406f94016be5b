#!/usr/bin/env python3
"""A small stand-in for BlueZ on a private bus: an adapter, and a heart-rate sensor that
is found by scanning, connects, resolves its Heart Rate service and sends Heart Rate
Measurement notifications (0x2A37) five times a second, each with the heart rate and
two RR intervals, as a chest strap does once a second.

  fake_bluez.py ADDRESS LOG READY [OPTION...]
SIGUSR1: the sensor goes out of reach (disconnected, then removed);
SIGUSR2: it comes back (found again, as when it is switched on).
Options: `more` (scanning also finds, a second later, a second heart-rate sensor "Fake HRM
2" at C0:FF:EE:00:00:02 and headphones without the Heart Rate service); `off` (the adapter
is switched off; SIGHUP switches it on); `denied` (every call is refused with
AccessDenied, as a bus policy refusing this user does); `known` (the sensors, and with
`more` the others, are known from the start, as BlueZ lists devices seen before).
Pair and setting Trusted are logged too (a sensor chosen is paired once and trusted).
Every call the program makes is logged as a JSON line in LOG. READY is created once
the name org.bluez is owned."""
import json
import signal
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

ADDRESS, LOG, READY = sys.argv[1:4]
OPTIONS = set(sys.argv[4:])
OM = "org.freedesktop.DBus.ObjectManager"
PROPS = "org.freedesktop.DBus.Properties"
HR_SERVICE = "0000180d-0000-1000-8000-00805f9b34fb"
HR_MEASURE = "00002a37-0000-1000-8000-00805f9b34fb"
ADAPTER = "/org/bluez/hci0"
DEV = ADAPTER + "/dev_C0_FF_EE_00_00_01"
SVC = DEV + "/service000c"
CHR = SVC + "/char000d"
DEV2 = ADAPTER + "/dev_C0_FF_EE_00_00_02"
PHONES = ADAPTER + "/dev_AB_CD_EF_00_00_09"
DENIED = "org.freedesktop.DBus.Error.AccessDenied"


def refuse(what):
    if "denied" in OPTIONS:
        record(call=what, refused=True)
        raise dbus.exceptions.DBusException("Rejected send message", name=DENIED)


def record(**kw):
    with open(LOG, "a") as f:
        f.write(json.dumps(kw) + "\n")


class Obj(dbus.service.Object):
    def __init__(self, bus, path, iface, props):
        super().__init__(bus, path)
        self.path, self.iface, self.props = path, iface, props

    def managed(self):
        return {self.iface: self.props}

    def set(self, **kw):
        self.props.update(kw)
        self.PropertiesChanged(self.iface, dbus.Dictionary(kw, signature="sv"), dbus.Array([], signature="s"))

    @dbus.service.signal(PROPS, signature="sa{sv}as")
    def PropertiesChanged(self, iface, changed, invalidated):
        pass

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, iface, name):
        return self.props[name]

    @dbus.service.method(PROPS, in_signature="s", out_signature="a{sv}")
    def GetAll(self, iface):
        return self.props

    @dbus.service.method(PROPS, in_signature="ssv")
    def Set(self, iface, name, value):
        refuse("Set" + name)
        record(call="Set" + name, value=bool(value) if isinstance(value, dbus.Boolean) else str(value))
        self.set(**{name: value})


class Root(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/")
        self.objs = {}

    def add(self, o):
        self.objs[o.path] = o
        self.InterfacesAdded(o.path, o.managed())

    def remove(self, path):
        o = self.objs.pop(path, None)
        if o:
            self.InterfacesRemoved(path, [o.iface])
            o.remove_from_connection()

    @dbus.service.method(OM, out_signature="a{oa{sa{sv}}}")
    def GetManagedObjects(self):
        refuse("GetManagedObjects")
        return {p: o.managed() for p, o in self.objs.items()}

    @dbus.service.signal(OM, signature="oa{sa{sv}}")
    def InterfacesAdded(self, path, ifaces):
        pass

    @dbus.service.signal(OM, signature="oas")
    def InterfacesRemoved(self, path, ifaces):
        pass


class Adapter(Obj):
    def __init__(self, bus, root):
        super().__init__(bus, ADAPTER, "org.bluez.Adapter1",
                         {"Address": "00:11:22:33:44:55", "Powered": "off" not in OPTIONS,
                          "Discovering": False})
        self.root = root

    @dbus.service.method("org.bluez.Adapter1", in_signature="a{sv}")
    def SetDiscoveryFilter(self, f):
        record(call="SetDiscoveryFilter", uuids=[str(u) for u in f.get("UUIDs", [])],
               transport=str(f.get("Transport", "")))

    @dbus.service.method("org.bluez.Adapter1")
    def StartDiscovery(self):
        refuse("StartDiscovery")
        if not self.props["Powered"]:
            raise dbus.exceptions.DBusException("Resource Not Ready", name="org.bluez.Error.NotReady")
        record(call="StartDiscovery")
        self.set(Discovering=True)
        if present and DEV not in self.root.objs:
            GLib.timeout_add(300, lambda: (self.root.add(Device(bus, self.root)), False)[1])
        if "more" in OPTIONS:
            def more():
                if self.props["Discovering"] and DEV2 not in self.root.objs:
                    self.root.add(Device(bus, self.root, DEV2, "C0:FF:EE:00:00:02", "Fake HRM 2"))
                    self.root.add(Device(bus, self.root, PHONES, "AB:CD:EF:00:00:09", "Headphones", []))
                return False
            GLib.timeout_add(1300, more)

    @dbus.service.method("org.bluez.Adapter1")
    def StopDiscovery(self):
        record(call="StopDiscovery")
        self.set(Discovering=False)


class Device(Obj):
    def __init__(self, bus, root, path=DEV, address="C0:FF:EE:00:00:01", name="Fake HRM", uuids=(HR_SERVICE,)):
        super().__init__(bus, path, "org.bluez.Device1",
                         {"Address": address, "Name": name, "Alias": name,
                          "Connected": False, "ServicesResolved": False, "Paired": False, "Trusted": False,
                          "UUIDs": dbus.Array(list(uuids), signature="s")})
        self.root = root

    @dbus.service.method("org.bluez.Device1")
    def Pair(self):
        refuse("Pair")
        record(call="Pair", device=str(self.props["Address"]))
        self.set(Paired=True)

    @dbus.service.method("org.bluez.Device1")
    def Connect(self):
        refuse("Connect")
        record(call="Connect", device=str(self.props["Address"]))
        if self.path != DEV:  # only the first sensor sends (the second is listed and chosen)
            self.set(Connected=True)
            return
        if not present:
            raise dbus.exceptions.DBusException("le-connection-abort-by-local", name="org.bluez.Error.Failed")
        self.set(Connected=True)

        def resolve():
            self.root.add(Obj(bus, SVC, "org.bluez.GattService1",
                              {"UUID": HR_SERVICE, "Device": dbus.ObjectPath(DEV), "Primary": True}))
            self.root.add(Characteristic(bus))
            self.set(ServicesResolved=True)
            return False
        GLib.timeout_add(200, resolve)

    @dbus.service.method("org.bluez.Device1")
    def Disconnect(self):
        record(call="Disconnect", device=str(self.props["Address"]))
        if self.path == DEV:
            drop_services(self.root)
        self.set(Connected=False, ServicesResolved=False)


class Characteristic(Obj):
    def __init__(self, bus):
        super().__init__(bus, CHR, "org.bluez.GattCharacteristic1",
                         {"UUID": HR_MEASURE, "Service": dbus.ObjectPath(SVC),
                          "Flags": dbus.Array(["notify"], signature="s"), "Notifying": False,
                          "Value": dbus.Array([], signature="y")})
        self.timer = None
        self.n = 0

    @dbus.service.method("org.bluez.GattCharacteristic1")
    def StartNotify(self):
        record(call="StartNotify")
        self.set(Notifying=True)
        self.timer = GLib.timeout_add(200, self.notify)

    @dbus.service.method("org.bluez.GattCharacteristic1")
    def StopNotify(self):
        record(call="StopNotify")
        self.stop()

    def stop(self):
        if self.timer:
            GLib.source_remove(self.timer)
            self.timer = None

    def notify(self):
        # flags 0x16: contact supported and detected, RR present; 72 bpm; 800 and 850 ms
        self.n += 1
        rr = [int(800 * 1024 / 1000), int(850 * 1024 / 1000)]
        value = [0x16, 72] + [b for v in rr for b in (v & 0xff, v >> 8)]
        self.set(Value=dbus.Array(value, signature="y"))
        return True


def drop_services(root):
    c = root.objs.get(CHR)
    if c:
        c.stop()
    root.remove(CHR)
    root.remove(SVC)


present = True


def go_away(*_):
    global present
    present = False
    record(event="gone")
    d = root.objs.get(DEV)
    drop_services(root)
    if d:
        d.set(Connected=False, ServicesResolved=False)
    root.remove(DEV)


def switch_on(*_):
    record(event="switched on")
    root.objs[ADAPTER].set(Powered=True)


def come_back(*_):
    global present
    present = True
    record(event="back")
    if DEV not in root.objs:
        root.add(Device(bus, root))


DBusGMainLoop(set_as_default=True)
bus = dbus.bus.BusConnection(ADDRESS)
root = Root(bus)
root.add(Adapter(bus, root))
if "known" in OPTIONS:
    root.add(Device(bus, root))
    if "more" in OPTIONS:
        root.add(Device(bus, root, DEV2, "C0:FF:EE:00:00:02", "Fake HRM 2"))
        root.add(Device(bus, root, PHONES, "AB:CD:EF:00:00:09", "Headphones", []))
name = dbus.service.BusName("org.bluez", bus)
loop = GLib.MainLoop()
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR1, lambda *a: (go_away(), True)[1])
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR2, lambda *a: (come_back(), True)[1])
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGHUP, lambda *a: (switch_on(), True)[1])
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, lambda *a: (loop.quit(), False)[1])
open(READY, "w").close()
loop.run()
