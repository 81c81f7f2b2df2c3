#!/usr/bin/env python3
"""Live streams part of the API benchmark (bench/web/run.sh, docs/benchmarks.md "Web API").

Opens N live streams (GET /api/communities/{c}/live, Server-Sent Events) against a running
`reparto serve`, waits until every stream has received its first `live` event, and measures the
server's resident memory (VmRSS of /proc/PID/status) before and after. Then, with the streams
still open, runs the command given after `--` (run.sh passes the same wrk run as without streams)
and prints its output; afterwards it checks that every stream is still open and has received
another event. Standard library only.

  python3 bench/web/sse_streams.py --url http://127.0.0.1:8080 --pid PID \
      --cookie 'reparto_session=...' --community ES0021... -n 1000 [-- wrk ...]

Prints one machine-readable line (sizes in KiB, time in seconds):
  STREAMS opened=N with_event=N still_open=N rss_before_kib=A rss_after_kib=B rss_closed_kib=C
      open_seconds=T
and exits non-zero when a stream could not be opened or stopped receiving events.
"""
import argparse
import resource
import selectors
import socket
import subprocess
import sys
import time
import urllib.parse


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Stream:
    def __init__(self, host, port, path, cookie):
        self.sock = socket.create_connection((host, port), timeout=10)
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n"
                          f"Accept: text/event-stream\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError(f"stream closed before its header: {data[:200]!r}")
            data += chunk
        head, self.pending = data.split(b"\r\n\r\n", 1)
        status = head.split(b"\r\n", 1)[0]
        if b" 200 " not in status + b" ":
            raise RuntimeError(f"stream answered {status!r}")
        self.sock.setblocking(False)
        self.events = 0
        self.open = True
        self.count_events()

    def count_events(self):
        # Whole frames only; a frame is "event: live\ndata: ...\n\n".
        while b"\n\n" in self.pending:
            frame, self.pending = self.pending.split(b"\n\n", 1)
            if frame.startswith(b"event: live"):
                self.events += 1

    def read(self):
        try:
            chunk = self.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.open = False
            return
        self.pending += chunk
        self.count_events()


def pump(selector, seconds, done=lambda: False):
    """Reads whatever the streams receive for up to `seconds` (or until done())."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not done():
        for key, _ in selector.select(timeout=0.2):
            stream = key.data
            stream.read()
            if not stream.open:
                selector.unregister(stream.sock)


def main():
    argv = sys.argv[1:]
    command = []
    if "--" in argv:
        command = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--url", required=True)
    a.add_argument("--pid", type=int, required=True, help="the server's process id (for its RSS)")
    a.add_argument("--cookie", required=True, help="reparto_session=...")
    a.add_argument("--community", required=True)
    a.add_argument("-n", type=int, default=1000)
    a.add_argument("--settle", type=float, default=2.0,
                   help="seconds to wait after the first events before reading the RSS")
    args = a.parse_args(argv)

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < args.n + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.n + 1024), hard))

    u = urllib.parse.urlparse(args.url)
    path = f"/api/communities/{urllib.parse.quote(args.community)}/live"
    before = rss_kib(args.pid)
    started = time.monotonic()
    streams = []
    selector = selectors.DefaultSelector()
    try:
        for _ in range(args.n):
            s = Stream(u.hostname, u.port, path, args.cookie)
            streams.append(s)
            selector.register(s.sock, selectors.EVENT_READ, s)
    except (OSError, RuntimeError) as e:
        print(f"error: stream {len(streams) + 1} of {args.n}: {e}", file=sys.stderr)
        return 1
    opened = time.monotonic() - started
    # The live topic is retained: each stream gets the latest event at once.
    pump(selector, 15, lambda: all(s.events > 0 for s in streams))
    with_event = sum(1 for s in streams if s.events > 0)
    pump(selector, args.settle)
    after = rss_kib(args.pid)
    print(f"{len(streams)} streams opened in {opened:.1f} s, {with_event} received an event; "
          f"server RSS {before / 1024:.1f} MiB -> {after / 1024:.1f} MiB "
          f"(+{(after - before) / 1024:.1f} MiB)", flush=True)

    ok = with_event == len(streams)
    if command:
        counts = [s.events for s in streams]
        print("with the streams open: " + " ".join(command), flush=True)
        # The streams keep being read while the command runs (a thread would compete with it for
        # the GIL only, not for the server).
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        while process.poll() is None:
            pump(selector, 0.5)
        sys.stdout.write(process.stdout.read())
        if process.returncode != 0:
            print(f"error: the command exited with {process.returncode}", file=sys.stderr)
            ok = False
        # Another round of events must arrive (the live feed publishes every few seconds).
        pump(selector, 10, lambda: all(s.events > c for s, c in zip(streams, counts)))
        renewed = sum(1 for s, c in zip(streams, counts) if s.events > c)
        if renewed != len(streams):
            print(f"error: only {renewed} of {len(streams)} streams received an event after the "
                  "command", file=sys.stderr)
            ok = False
    still_open = sum(1 for s in streams if s.open)
    ok = ok and still_open == len(streams)
    for s in streams:
        s.sock.close()
    time.sleep(1)
    closed = rss_kib(args.pid)
    print(f"STREAMS opened={len(streams)} with_event={with_event} still_open={still_open} "
          f"rss_before_kib={before} rss_after_kib={after} rss_closed_kib={closed} "
          f"open_seconds={opened:.2f}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
