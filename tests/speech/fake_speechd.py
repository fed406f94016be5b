#!/usr/bin/env python3
"""A small stand-in for speech-dispatcher: answers SSIP on a Unix socket and logs what
it is asked to say.

  fake_speechd.py SOCKET LOG MODE
MODE: answer  every command answered as speech-dispatcher does
      hang    accepts connections and never answers (a service that hangs)
Each SPEAK is logged as a JSON line {"text", "lang", "priority", "rate", "volume"};
each connection as {"event": "connect", "client": ...}. SIGTERM ends it."""
import json
import os
import signal
import socket
import sys
import threading

SOCK, LOG, MODE = sys.argv[1:4]
lock = threading.Lock()
CODES = {"CLIENT_NAME": "208 OK CLIENT NAME SET", "LANGUAGE": "201 OK LANGUAGE SET",
         "RATE": "203 OK RATE SET", "VOLUME": "218 OK VOLUME SET", "PRIORITY": "202 OK PRIORITY SET",
         "SSML_MODE": "219 OK SSML MODE SET", "NOTIFICATION": "220 OK NOTIFICATION SET"}


def log(**kw):
    with lock, open(LOG, "a") as f:
        f.write(json.dumps(kw, ensure_ascii=False) + "\n")


def serve(conn):
    f = conn.makefile("rb")
    state = {"lang": "", "priority": "text", "rate": 0, "volume": 0}
    msg_id = 0
    data = None
    try:
        for raw in f:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if MODE == "hang":
                continue
            if data is not None:
                if line == ".":
                    msg_id += 1
                    log(text="\n".join(data), **state)
                    data = None
                    conn.sendall(b"225-%d\r\n225 OK MESSAGE QUEUED\r\n" % msg_id)
                else:
                    data.append(line[1:] if line.startswith("..") else line)
                continue
            words = line.split(" ")
            cmd = words[0].upper()
            if cmd == "SET" and len(words) >= 4:
                what, value = words[2].upper(), " ".join(words[3:])
                if what == "CLIENT_NAME":
                    log(event="connect", client=value)
                elif what == "LANGUAGE":
                    state["lang"] = value
                elif what == "PRIORITY":
                    state["priority"] = value
                elif what in ("RATE", "VOLUME"):
                    state[what.lower()] = int(value)
                reply = CODES.get(what, "200 OK")
            elif cmd == "SPEAK":
                data = []
                reply = "230 OK RECEIVING DATA"
            elif cmd in ("CANCEL", "STOP"):
                log(event=cmd.lower())
                reply = "213 OK CANCELED" if cmd == "CANCEL" else "210 OK STOPPED"
            elif cmd == "QUIT":
                conn.sendall(b"231 HAPPY HACKING\r\n")
                break
            else:
                reply = "200 OK"
            conn.sendall((reply + "\r\n").encode())
    except OSError:
        pass
    conn.close()


if os.path.exists(SOCK):
    os.unlink(SOCK)
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(SOCK)
srv.listen(8)
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
while True:
    c, _ = srv.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
