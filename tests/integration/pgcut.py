#!/usr/bin/env python3
"""A PostgreSQL wire-protocol relay that loses the connection around COMMIT.

Usage: pgcut.py LISTEN_DIR SERVER_SOCKET CONTROL_FILE

Listens on LISTEN_DIR/.s.PGSQL.<port> (the port of SERVER_SOCKET, so that a
connection string "host=LISTEN_DIR" reaches it) and relays every connection
to the real server's Unix socket, byte for byte.  It reads the messages
both ways, and CONTROL_FILE says what to do with the next COMMIT that
follows a Bind of Cordon's batch statement (cordon_store_batch_1) in the
same pipeline:

  off                   relay everything
  after-commit          let the COMMIT reach the server, wait until the
                        server answered it (CommandComplete "COMMIT": the
                        transaction is durable), drop that answer and close
                        both sides: the client never learns the outcome
  after-commit-refuse   the same, then close every new connection at once
                        until CONTROL_FILE says something else
  before-commit         close both sides instead of relaying the COMMIT:
                        the server rolls the transaction back

After a cut the control file is rewritten to "cut" (or "cut-refuse"), so
that a test can wait for it and one cut happens per arming.
"""
import os
import socket
import struct
import sys
import threading

STORE_STMT = b"cordon_store_batch_1"


def control(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return "off"


def set_control(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(value + "\n")
    os.replace(tmp, path)


class Relay:
    def __init__(self, client, server_path, ctl):
        self.client = client
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.connect(server_path)
        self.ctl = ctl
        self.lock = threading.Lock()
        self.cutting = False        # waiting for the server's answer to COMMIT
        self.closed = False

    def close(self):
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for s in (self.client, self.server):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def client_to_server(self):
        buf = b""
        started = False
        store_bound = False
        try:
            while True:
                data = self.client.recv(65536)
                if not data:
                    break
                buf += data
                out = b""
                while True:
                    if not started:
                        # The startup packet: length, then the body, no type byte.
                        if len(buf) < 4:
                            break
                        n = struct.unpack("!I", buf[:4])[0]
                        if len(buf) < n:
                            break
                        code = struct.unpack("!I", buf[4:8])[0]
                        out += buf[:n]
                        buf = buf[n:]
                        if code not in (80877103, 80877104):   # SSL or GSS request: another follows
                            started = True
                        continue
                    if len(buf) < 5:
                        break
                    kind = buf[:1]
                    n = struct.unpack("!I", buf[1:5])[0]
                    if len(buf) < 1 + n:
                        break
                    msg, body = buf[:1 + n], buf[5:1 + n]
                    buf = buf[1 + n:]
                    if kind == b"B" and body.split(b"\0")[1] == STORE_STMT:
                        store_bound = True
                    elif kind == b"S":
                        store_bound = False
                    elif kind == b"P" and store_bound and body.split(b"\0")[1] == b"COMMIT":
                        mode = control(self.ctl)
                        if mode == "before-commit":
                            if out:
                                self.server.sendall(out)
                            set_control(self.ctl, "cut")
                            self.close()
                            return
                        if mode in ("after-commit", "after-commit-refuse"):
                            self.cutting = True
                    out += msg
                if out:
                    self.server.sendall(out)
        except OSError:
            pass
        self.close()

    def server_to_client(self):
        buf = b""
        try:
            while True:
                data = self.server.recv(65536)
                if not data:
                    break
                if not self.cutting:
                    self.client.sendall(data)
                buf += data
                # Every message from the server has a type byte and a length.
                while len(buf) >= 5:
                    kind = buf[:1]
                    n = struct.unpack("!I", buf[1:5])[0]
                    if len(buf) < 1 + n:
                        break
                    body = buf[5:1 + n]
                    buf = buf[1 + n:]
                    if self.cutting and kind == b"C" and body.rstrip(b"\0") == b"COMMIT":
                        mode = control(self.ctl)
                        set_control(self.ctl, "cut-refuse" if mode == "after-commit-refuse" else "cut")
                        self.close()
                        return
        except OSError:
            pass
        self.close()


def main():
    listen_dir, server_path, ctl = sys.argv[1:4]
    port = server_path.rsplit(".", 1)[1]
    os.makedirs(listen_dir, mode=0o700, exist_ok=True)
    path = os.path.join(listen_dir, ".s.PGSQL." + port)
    if os.path.exists(path):
        os.unlink(path)
    lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    lsock.bind(path)
    os.chmod(path, 0o700)
    lsock.listen(64)
    if not os.path.exists(ctl):
        set_control(ctl, "off")
    print("listening", flush=True)
    while True:
        c, _ = lsock.accept()
        if control(ctl) == "cut-refuse":
            c.close()
            continue
        try:
            r = Relay(c, server_path, ctl)
        except OSError:
            c.close()
            continue
        threading.Thread(target=r.client_to_server, daemon=True).start()
        threading.Thread(target=r.server_to_client, daemon=True).start()


if __name__ == "__main__":
    main()
