"""A local server that behaves like a phone's link to a CDN such as GitHub Pages.

- One shared link: every byte of every response goes through one queue at the profile's
  bandwidth, so parallel downloads share it as they would on a real radio link.
- A round trip: each request waits one round trip before its first byte (as over one HTTP/2
  connection, which GitHub Pages offers: no handshake per request).
- gzip, as GitHub Pages sends it, for text types; `.wasm` is gzipped too unless the profile
  says otherwise (GitHub Pages does not document what it does for application/wasm).
- Caching as GitHub Pages sends it: Cache-Control max-age=600 and an ETag (304 when it matches).

Every request's path and the bytes it cost on the wire (both ways) are logged, so a benchmark
can count what a page downloads, whichever part of the browser asked.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from site_builder.serve import Handler

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")
CHUNK = 16 * 1024


@dataclass(frozen=True)
class Profile:
    name: str
    megabits: float | None  # None: unshaped (localhost)
    rtt_ms: float
    gzip_wasm: bool = True

    def describe(self) -> str:
        if self.megabits is None:
            return "localhost, unshaped"
        wasm = "" if self.gzip_wasm else ", .wasm not compressed"
        return f"{self.megabits:g} Mbit/s, {self.rtt_ms:g} ms round trip{wasm}"


PROFILES = {
    "localhost": Profile("localhost", None, 0),
    "4G": Profile("4G", 10, 80),
    "4G, wasm uncompressed": Profile("4G, wasm uncompressed", 10, 80, gzip_wasm=False),
    "slow 4G": Profile("slow 4G", 1.6, 150),
}


class Link:
    """One bottleneck shared by every connection: chunks queue for it in the order they are
    offered."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.free_at = 0.0
        self.lock = threading.Lock()

    def delay(self, round_trips: float) -> None:
        if self.profile.megabits is not None:
            time.sleep(round_trips * self.profile.rtt_ms / 1000)

    def send(self, raw, data: bytes) -> None:
        if self.profile.megabits is None:
            raw.write(data)
            return
        seconds_per_byte = 8 / (self.profile.megabits * 1_000_000)
        for start in range(0, len(data), CHUNK):
            piece = data[start : start + CHUNK]
            with self.lock:
                begins = max(time.monotonic(), self.free_at)
                self.free_at = begins + len(piece) * seconds_per_byte
                ends = self.free_at
            time.sleep(max(0.0, ends - time.monotonic()))
            raw.write(piece)


class _LinkWriter:
    """The connection's output, sent through the link; counts the bytes of the current request."""

    def __init__(self, raw, link: Link):
        self.raw, self.link, self.count, self.buffer = raw, link, 0, bytearray()

    def write(self, data):
        self.buffer += data
        return len(data)

    def flush(self):
        if self.buffer:
            data, self.buffer = bytes(self.buffer), bytearray()
            self.count += len(data)
            self.link.send(self.raw, data)
        self.raw.flush()

    def __getattr__(self, name):
        return getattr(self.raw, name)


class ShapedHandler(Handler):
    """Static files through the shared link, gzipped and cached as GitHub Pages serves them."""

    link: Link
    log: list[tuple[str, int]]
    last_request: list[float]
    _compressed: dict = {}

    def setup(self):
        super().setup()
        self.wfile = _LinkWriter(self.wfile, self.link)

    def handle_one_request(self):
        self.path, self.wfile.count = "", 0
        super().handle_one_request()
        self.wfile.flush()
        if self.path:
            received = len(self.raw_requestline) + len(self.headers.as_bytes())
            self.log.append((self.path, self.wfile.count + received))
            self.last_request[0] = time.monotonic()

    def send_head(self):
        self.link.delay(1)  # the request's round trip before the first byte
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return None
        encoding = ""
        gzip_it = path.suffix in COMPRESSIBLE or (
            path.suffix == ".wasm" and self.link.profile.gzip_wasm
        )
        if gzip_it and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (str(path), etag)
            if key not in self._compressed:
                self._compressed[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body, encoding = self._compressed[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", etag)
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class ShapedServer:
    """A threaded server for folder on 127.0.0.1, shaped by profile; keeps the request log."""

    def __init__(self, folder: Path, profile: Profile):
        self.log: list[tuple[str, int]] = []
        self.last_request = [time.monotonic()]
        self.profile = profile
        attributes = {"link": Link(profile), "log": self.log, "last_request": self.last_request}
        handler = type("Shaped", (ShapedHandler,), attributes)
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
        )
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list[tuple[str, int]]:
        taken = list(self.log)
        self.log.clear()
        return taken

    def wait_quiet(self, quiet: float = 0.75, limit: float = 15.0) -> None:
        """Until no request has come for `quiet` seconds (late worker or service-worker fetches
        count)."""
        ends = time.monotonic() + limit
        while time.monotonic() < ends and time.monotonic() - self.last_request[0] < quiet:
            time.sleep(0.05)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
