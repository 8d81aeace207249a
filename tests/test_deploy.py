"""The balancer of deploy/: its config passes `nginx -t`, it caps the request line with
414, and it keeps each browser on one replica until that replica stops answering.

These run Debian's nginx (scripts/test.sh installs it) in front of two tiny HTTP servers
that answer with their own name, so they need no Streamlit and take about a second;
tests/browser/test_replicas.py does the same with the dashboard itself.
"""

from __future__ import annotations

import http.client
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from deploy.serve import (
    MAX_REQUEST_LINE_BYTES,
    REPO,
    Cluster,
    Replica,
    check_config,
    free_port,
    start_nginx,
    stop_process,
    write_config,
)

#: The folder of deploy/tls-site.conf's certificate and key, replaced in its test.
LETSENCRYPT = "/etc/letsencrypt/live/dashboard.example.org"


class _NameHandler(BaseHTTPRequestHandler):
    """Answers every GET with 200 and the server's name."""

    def do_GET(self) -> None:
        body = self.server.name.encode()  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _stub(name: str) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NameHandler)
    server.name = name  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def balancer(tmp_path: Path) -> Iterator[tuple[Cluster, dict[str, ThreadingHTTPServer]]]:
    """nginx from deploy/nginx.conf.in in front of two stub replicas, r1 and r2."""
    stubs = {name: _stub(name) for name in ("r1", "r2")}
    replicas = [
        Replica(name, stub.server_address[1], "", tmp_path / f"{name}.log")
        for name, stub in stubs.items()
    ]
    port = free_port()
    cluster = Cluster(replicas, tmp_path, f"http://127.0.0.1:{port}")
    start_nginx(cluster, f"127.0.0.1:{port}")
    try:
        yield cluster, stubs
    finally:
        stop_process(cluster.nginx)
        for stub in stubs.values():
            stub.shutdown()
            stub.server_close()


def _get(cluster: Cluster, target: str, cookie: str = "") -> http.client.HTTPResponse:
    """GET `target` from the balancer (the request line as given), with `cookie` if any;
    the response's body is read into its `text`."""
    host = cluster.url.removeprefix("http://")
    conn = http.client.HTTPConnection(host, timeout=10)
    conn.request("GET", target, headers={"Cookie": cookie} if cookie else {})
    resp = conn.getresponse()
    resp.text = resp.read().decode(errors="replace")  # type: ignore[attr-defined]
    conn.close()
    return resp


def _replica_cookie(resp: http.client.HTTPResponse) -> str:
    """The replica named by the response's Set-Cookie (empty if none)."""
    header = resp.getheader("Set-Cookie") or ""
    first = header.split(";")[0]
    return first.removeprefix("dashboard_replica=") if first.startswith("dashboard_") else ""


def test_the_rendered_config_passes_nginx_t(tmp_path: Path) -> None:
    conf = write_config(tmp_path, [8601, 8602, 8603], "127.0.0.1:8080")
    result = check_config(tmp_path, conf)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_t_fails_on_a_broken_config(tmp_path: Path) -> None:
    conf = write_config(tmp_path, [8601], "127.0.0.1:8080")
    conf.write_text(conf.read_text().replace("proxy_pass", "proxy_pas"))
    assert check_config(tmp_path, conf).returncode != 0


def test_the_tls_front_example_passes_nginx_t(tmp_path: Path) -> None:
    """deploy/tls-site.conf inside a minimal nginx.conf, with a self-signed certificate in
    place of the Let's Encrypt one."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=dashboard.example.org",
         "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (REPO / "deploy" / "tls-site.conf").read_text(encoding="utf-8")
    assert LETSENCRYPT in site
    (tmp_path / "site.conf").write_text(site.replace(LETSENCRYPT, str(tmp_path)))
    for sub in ("logs", "tmp"):
        (tmp_path / sub).mkdir()
    temp = " ".join(
        f"{kind}_temp_path {tmp_path}/tmp/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid; events {{}} "
        f"http {{ access_log off; {temp} include {tmp_path}/site.conf; }}"
    )
    result = check_config(tmp_path, conf)
    assert result.returncode == 0, result.stderr


def test_a_request_line_over_the_cap_gets_414_with_a_sentence(balancer) -> None:
    cluster, _ = balancer
    query = "pue=1.5&saved=" + "x" * (MAX_REQUEST_LINE_BYTES + 100)
    resp = _get(cluster, "/growth?" + query)
    assert resp.status == 414
    assert "This link is too long" in resp.text  # type: ignore[attr-defined]


def test_a_long_request_line_under_the_cap_gets_through(balancer) -> None:
    cluster, _ = balancer
    # Twice the longest share link the app writes (ui/share.py MAX_LINK_CHARS = 8,000).
    target = "/growth?pue=1.5&saved=" + "x" * 16_000
    assert len(f"GET {target} HTTP/1.1") < MAX_REQUEST_LINE_BYTES
    assert _get(cluster, target).status == 200


def test_a_browser_stays_on_the_replica_its_cookie_names(balancer) -> None:
    cluster, _ = balancer
    first = _get(cluster, "/")
    name = _replica_cookie(first)
    assert name in ("r1", "r2")
    assert first.getheader("X-Dashboard-Replica") == name
    cookie = f"dashboard_replica={name}"
    served = [_get(cluster, "/", cookie).getheader("X-Dashboard-Replica") for _ in range(6)]
    assert served == [name] * 6


def test_browsers_without_a_cookie_are_spread_over_the_replicas(balancer) -> None:
    cluster, _ = balancer
    names = [_replica_cookie(_get(cluster, "/")) for _ in range(6)]
    assert set(names) == {"r1", "r2"}, names


def test_when_its_replica_stops_a_browser_moves_to_the_other_and_its_cookie_follows(
    balancer,
) -> None:
    cluster, stubs = balancer
    stubs["r1"].shutdown()
    stubs["r1"].server_close()
    resp = _get(cluster, "/", "dashboard_replica=r1")
    assert resp.status == 200
    assert resp.getheader("X-Dashboard-Replica") == "r2"
    assert _replica_cookie(resp) == "r2"
