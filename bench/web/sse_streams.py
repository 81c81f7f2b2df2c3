#!/usr/bin/env python3
"""Opens N live streams (GET /api/communities/{c}/live) against a running `reparto serve`, then
measures the server's RSS (from /proc/PID/status) before and after and the latency of other
requests while the streams are open. Standard library only.

  python3 bench/web/sse_streams.py --url http://127.0.0.1:8080 --pid PID --cookie 'reparto_session=...' \
      --community ES0021... --path /api/communities/ES.../participants/ES.../series?year=2025 -n 1000
"""
import argparse, socket, time, urllib.parse, urllib.request


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def open_stream(host, port, path, cookie):
    s = socket.create_connection((host, port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n"
              f"Accept: text/event-stream\r\n\r\n".encode())
    s.settimeout(10)
    head = s.recv(4096)
    if b" 200 " not in head.split(b"\r\n", 1)[0]:
        raise RuntimeError(head[:200])
    return s


def timed_get(url, cookie, n=50):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie})) as r:
            r.read()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99) - 1]


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--url", required=True)
    a.add_argument("--pid", type=int, required=True)
    a.add_argument("--cookie", required=True)
    a.add_argument("--community", required=True)
    a.add_argument("--path", required=True, help="another request timed meanwhile")
    a.add_argument("-n", type=int, default=1000)
    args = a.parse_args()
    u = urllib.parse.urlparse(args.url)
    before = rss_kib(args.pid)
    p50, p99 = timed_get(args.url + args.path, args.cookie)
    print(f"before: RSS {before / 1024:.1f} MiB; other request p50 {p50:.1f} ms p99 {p99:.1f} ms")
    streams = [open_stream(u.hostname, u.port, f"/api/communities/{args.community}/live",
                           args.cookie) for _ in range(args.n)]
    time.sleep(5)
    after = rss_kib(args.pid)
    p50, p99 = timed_get(args.url + args.path, args.cookie)
    print(f"{len(streams)} streams open: RSS {after / 1024:.1f} MiB (+{(after - before) / 1024:.1f}"
          f" MiB); other request p50 {p50:.1f} ms p99 {p99:.1f} ms")
    for s in streams:
        s.close()


if __name__ == "__main__":
    main()
