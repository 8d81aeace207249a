"""Serve N replicas of the dashboard behind nginx with sticky sessions, on one machine.

Run from the repository root (nginx from Debian's package, no root needed)::

    python deploy/serve.py                      # 2 replicas, balancer on 127.0.0.1:8080
    python deploy/serve.py --replicas 4 --listen 0.0.0.0:8080
    python deploy/serve.py --check              # write the config, run `nginx -t`, stop

It starts `streamlit run app.py` once per replica on 127.0.0.1 (ports from
--first-replica-port up), writes deploy/nginx.conf.in with those ports into a fresh
prefix folder (config, pid, logs, temporary files), runs nginx in the foreground with
`-p PREFIX -c CONF`, and then supervises: once a second it restarts a replica whose
process has died, or that has failed its health check (GET /_stcore/health) three times
in a row. Ctrl-C (or SIGTERM) stops nginx and every replica. The same functions start and
stop the balancer in tests/test_deploy.py, tests/browser/test_replicas.py and
bench/load.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "deploy" / "nginx.conf.in"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
#: Seconds nginx skips a replica after it refused or timed out (passive health check).
FAIL_TIMEOUT_S = 5
#: Seconds to wait for a replica's health check after `streamlit run`.
REPLICA_START_TIMEOUT_S = 90.0
#: Failed health checks in a row after which a live replica is restarted.
HEALTH_FAILURES_BEFORE_RESTART = 3
#: The longest request line nginx accepts (large_client_header_buffers). [bytes]
MAX_REQUEST_LINE_BYTES = 16 * 1024


def replica_name(index: int) -> str:
    """The name of replica `index` (0-based) in the sticky cookie: r1, r2, ..."""
    return f"r{index + 1}"


def _upstream_blocks(ports: Sequence[int]) -> str:
    """One upstream for browsers without a cookie (round robin over all replicas), and one
    per replica: that replica first, the others as backups."""
    server = f"127.0.0.1:{{port}} max_fails=1 fail_timeout={FAIL_TIMEOUT_S}s"
    lines = ["    upstream dashboard_any {"]
    lines += [f"        server {server.format(port=port)};" for port in ports]
    lines.append("    }")
    for i, port in enumerate(ports):
        lines.append(f"    upstream dashboard_{replica_name(i)} {{")
        lines.append(f"        server {server.format(port=port)};")
        lines += [f"        server 127.0.0.1:{other} backup;" for other in ports if other != port]
        lines.append("    }")
    return "\n".join(lines)


def render_config(ports: Sequence[int], listen: str, prefix: Path, workers: int = 1) -> str:
    """deploy/nginx.conf.in for replicas on 127.0.0.1:`ports`, the balancer on `listen`
    (e.g. "127.0.0.1:8080"), and pid, logs and temporary files under `prefix`."""
    if not ports:
        raise ValueError("at least one replica port is needed")
    fields = {
        "workers": str(workers),
        "prefix": str(prefix),
        "listen": listen,
        "upstreams": _upstream_blocks(ports),
        "cookie_to_upstream": "\n".join(
            f"        {replica_name(i)} dashboard_{replica_name(i)};" for i in range(len(ports))
        ),
        "address_to_name": "\n".join(
            f'        "~(^|, )127\\.0\\.0\\.1:{port}$" {replica_name(i)};'
            for i, port in enumerate(ports)
        ),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        raise ValueError(f"unfilled field in {TEMPLATE}: {text[text.index('{{') :][:40]}")
    return text


def write_config(prefix: Path, ports: Sequence[int], listen: str, workers: int = 1) -> Path:
    """Write the rendered config to `prefix`/nginx.conf, with the folders it names."""
    for sub in ("logs", "tmp"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(render_config(ports, listen, prefix, workers), encoding="utf-8")
    return conf


def nginx_command(prefix: Path, conf: Path, *extra: str) -> list[str]:
    """nginx with its own prefix, config and error log (`-e`, nginx 1.19.5 or newer), in
    the foreground (`daemon off`, so the caller owns the process)."""
    log = prefix / "logs" / "error.log"
    return [NGINX, "-p", str(prefix), "-e", str(log), "-c", str(conf), "-g", "daemon off;", *extra]


def check_config(prefix: Path, conf: Path) -> subprocess.CompletedProcess[str]:
    """Run `nginx -t` on `conf`; the result holds its exit code and messages."""
    return subprocess.run(
        nginx_command(prefix, conf, "-t"), capture_output=True, text=True, timeout=30
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def streamlit_command(script: str, port: int) -> list[str]:
    """`streamlit run script` on 127.0.0.1:`port`, headless, without the file watcher."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def is_healthy(url: str, timeout_s: float = 2.0) -> bool:
    """True if `url`/_stcore/health answers 'ok' within `timeout_s`."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout_s) as resp:
            return bool(resp.status == 200 and resp.read().strip() == b"ok")
    except OSError:
        return False


@dataclass
class Replica:
    """One `streamlit run` process of the dashboard, on 127.0.0.1:`port`."""

    name: str
    port: int
    script: str
    log: Path
    proc: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    health_failures: int = 0
    started_at: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def launch_replica(replica: Replica) -> None:
    """Start `replica`'s process (returns at once; see wait_replicas_healthy)."""
    with replica.log.open("ab") as log:
        replica.proc = subprocess.Popen(
            streamlit_command(replica.script, replica.port),
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=os.environ,
        )
    replica.health_failures = 0
    replica.started_at = time.monotonic()


def wait_replicas_healthy(replicas: Sequence[Replica], timeout_s: float) -> None:
    """Wait until every replica answers its health check; raise if one exits or is late."""
    deadline = time.monotonic() + timeout_s
    waiting = list(replicas)
    while waiting:
        for replica in list(waiting):
            if replica.proc is None or replica.proc.poll() is not None:
                raise RuntimeError(f"replica {replica.name} exited; see {replica.log}")
            if is_healthy(replica.url):
                waiting.remove(replica)
        if waiting and time.monotonic() > deadline:
            names = ", ".join(r.name for r in waiting)
            raise RuntimeError(f"replicas {names} did not answer within {timeout_s} s")
        if waiting:
            time.sleep(0.2)


def stop_process(proc: subprocess.Popen[bytes] | None, sig: int = signal.SIGTERM) -> None:
    """Stop one process started here (by its own handle), killing it after 10 s."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@dataclass
class Cluster:
    """Replicas and the nginx in front of them; `url` is the balancer's address."""

    replicas: list[Replica]
    prefix: Path
    url: str
    nginx: subprocess.Popen[bytes] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def replica(self, name: str) -> Replica:
        return next(r for r in self.replicas if r.name == name)


def start_nginx(cluster: Cluster, listen: str) -> None:
    """Write the config for the cluster's replicas, check it and start nginx."""
    conf = write_config(cluster.prefix, [r.port for r in cluster.replicas], listen)
    checked = check_config(cluster.prefix, conf)
    if checked.returncode != 0:
        raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
    with (cluster.prefix / "logs" / "nginx.out").open("ab") as out:
        cluster.nginx = subprocess.Popen(
            nginx_command(cluster.prefix, conf), stdout=out, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 10
    while not _answers(cluster.url + "/_balancer/health"):
        if cluster.nginx.poll() is not None or time.monotonic() > deadline:
            log = (cluster.prefix / "logs" / "error.log").read_text(errors="replace")
            raise RuntimeError(f"nginx did not start:\n{log[-2000:]}")
        time.sleep(0.05)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def start_cluster(
    replicas: int,
    prefix: Path,
    script: str = "app.py",
    listen: str | None = None,
    first_port: int | None = None,
) -> Cluster:
    """Start `replicas` copies of `script` and nginx in front of them (on `listen`, a
    free port of 127.0.0.1 if None); wait until all answer. Ports are consecutive from
    `first_port`, or free ones if None."""
    listen = listen or f"127.0.0.1:{free_port()}"
    ports = [first_port + i if first_port else free_port() for i in range(replicas)]
    host, port = listen.rsplit(":", 1)
    url_host = "127.0.0.1" if host in ("0.0.0.0", "*", "") else host
    cluster = Cluster(
        [
            Replica(replica_name(i), p, script, prefix / "logs" / f"{replica_name(i)}.log")
            for i, p in enumerate(ports)
        ],
        prefix,
        f"http://{url_host}:{port}",
    )
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    try:
        for replica in cluster.replicas:
            launch_replica(replica)
        wait_replicas_healthy(cluster.replicas, REPLICA_START_TIMEOUT_S)
        start_nginx(cluster, listen)
    except BaseException:
        stop_cluster(cluster)
        raise
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    """Stop nginx (fast shutdown) and every replica."""
    stop_process(cluster.nginx)
    with cluster.lock:
        for replica in cluster.replicas:
            stop_process(replica.proc)


def kill_replica(cluster: Cluster, name: str) -> None:
    """Kill replica `name` at once (SIGKILL), as a crash would."""
    replica = cluster.replica(name)
    if replica.proc is not None:
        replica.proc.kill()
        replica.proc.wait(timeout=10)


def supervise_once(cluster: Cluster) -> list[str]:
    """One round of the health check: restart each replica whose process has exited, or
    that failed its check HEALTH_FAILURES_BEFORE_RESTART times in a row; return their
    names. A replica that is still starting (for REPLICA_START_TIMEOUT_S) is not counted
    as failing."""
    restarted = []
    with cluster.lock:
        for replica in cluster.replicas:
            if replica.proc is not None and replica.proc.poll() is None:
                if is_healthy(replica.url):
                    replica.health_failures = 0
                elif time.monotonic() - replica.started_at > REPLICA_START_TIMEOUT_S:
                    replica.health_failures += 1
                if replica.health_failures < HEALTH_FAILURES_BEFORE_RESTART:
                    continue
                stop_process(replica.proc, signal.SIGKILL)
            launch_replica(replica)
            replica.restarts += 1
            restarted.append(replica.name)
    return restarted


@contextmanager
def supervising(cluster: Cluster, interval_s: float = 1.0) -> Iterator[list[str]]:
    """Run supervise_once every `interval_s` on a thread while the block runs; yields the
    growing list of replica names restarted."""
    restarted: list[str] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval_s):
            restarted.extend(supervise_once(cluster))

    thread = threading.Thread(target=loop, name="supervise", daemon=True)
    thread.start()
    try:
        yield restarted
    finally:
        stop.set()
        thread.join(timeout=30)


@contextmanager
def serving(replicas: int, script: str = "app.py", listen: str | None = None) -> Iterator[Cluster]:
    """A cluster in a temporary prefix for the duration of the block (tests, benchmarks)."""
    with tempfile.TemporaryDirectory(prefix="dashboard-nginx-") as tmp:
        cluster = start_cluster(replicas, Path(tmp), script, listen)
        try:
            yield cluster
        finally:
            stop_cluster(cluster)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2, help="streamlit processes")
    parser.add_argument("--listen", default="127.0.0.1:8080", help="the balancer's address")
    parser.add_argument("--first-replica-port", type=int, default=8601)
    parser.add_argument("--script", default="app.py", help="the Streamlit script to serve")
    parser.add_argument("--prefix", type=Path, default=None, help="nginx folder (a temp one)")
    parser.add_argument("--check", action="store_true", help="run nginx -t and stop")
    args = parser.parse_args(argv)
    prefix = args.prefix or Path(tempfile.mkdtemp(prefix="dashboard-nginx-"))
    if args.check:
        ports = [args.first_replica_port + i for i in range(args.replicas)]
        result = check_config(prefix, write_config(prefix, ports, args.listen))
        print(result.stderr, end="")
        return result.returncode
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    cluster = start_cluster(
        args.replicas, prefix, args.script, args.listen, args.first_replica_port
    )
    listed = ", ".join(str(r.port) for r in cluster.replicas)
    print(
        f"serving {cluster.url} ({args.replicas} replicas on ports {listed}; logs in "
        f"{prefix / 'logs'}); Ctrl-C stops",
        flush=True,
    )
    try:
        while not stopping.wait(1.0):
            for name in supervise_once(cluster):
                print(f"restarted replica {name}", flush=True)
            if cluster.nginx is not None and cluster.nginx.poll() is not None:
                print("nginx exited; stopping", file=sys.stderr)
                return 1
    finally:
        stop_cluster(cluster)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
