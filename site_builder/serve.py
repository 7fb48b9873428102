"""Local preview: serve dist/, rebuild when content, templates, calc/ or the limits change,
and reload open tabs. A failed build is printed and shown in the page; the last good
site keeps being served, and the next good save recovers."""

from __future__ import annotations

import functools
import html
import http.server
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

WATCHED = ("content", "templates", "calc")
RELOAD_SCRIPT = b"""// Dev server only: reload this tab after a rebuild; show build errors
// over the page.
const started = fetch("/__dev/state").then((r) => r.json());
async function poll() {
  try {
    const first = await started;
    const state = await (await fetch("/__dev/state")).json();
    let box = document.getElementById("dev-build-error");
    if (state.error) {
      if (!box) {
        box = document.createElement("pre");
        box.id = "dev-build-error";
        box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;"
          + "margin:0;padding:1rem;background:#400;color:#fff;z-index:1000;white-space:pre-wrap";
        document.body.append(box);
      }
      box.textContent = "Build failed; showing the last good build.\\n\\n" + state.error;
    } else if (state.version !== first.version) {
      location.reload();
      return;
    } else if (box) {
      box.remove();
    }
  } catch {}
  setTimeout(poll, 300);
}
poll();
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types for Pyodide's .mjs and .wasm; a path the file system
    refuses (a NUL byte, a name too long) gets 400, not a dropped connection."""

    def send_head(self):
        try:
            return super().send_head()
        except (ValueError, OSError):
            self.send_error(400, "Bad request path")
            return None

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class PreviewServer(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 refuses connections when a page opens many at once


@dataclass
class DevState:
    """What the watcher last did: a version that changes on each good build, and the last error."""

    version: int = 0
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


class DevHandler(Handler):
    """Adds /__dev/state and /__dev/reload.js, and a reload script in every HTML page."""

    state: DevState

    def do_GET(self):  # noqa: N802 - http.server's name
        try:
            self._get()
        except (ValueError, OSError):  # a NUL byte or an over-long name in the path
            self.send_error(400, "Bad request path")

    def _get(self):
        if self.path == "/__dev/state":
            with self.state.lock:
                body = json.dumps(
                    {"version": self.state.version, "error": self.state.error}
                ).encode()
            return self._send(body, "application/json")
        if self.path == "/__dev/reload.js":
            return self._send(RELOAD_SCRIPT, "text/javascript")
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_bytes().replace(
                b"</body>", b'<script src="/__dev/reload.js"></script>\n</body>', 1
            )
            return self._send(page, "text/html; charset=utf-8")
        if not path.exists() and self.state.error:
            error = html.escape(self.state.error)
            page = f"<!doctype html><title>Build failed</title><pre>{error}</pre>".encode()
            return self._send(page, "text/html; charset=utf-8", status=500)
        return super().do_GET()

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def snapshot(root: Path) -> dict[str, int]:
    """Modification times of every watched file."""
    times = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                times[str(path)] = path.stat().st_mtime_ns
    return times


def rebuild(root: Path, out: Path, state: DevState) -> None:
    """Build once; record the result for the pages and print it for the maintainer."""
    from .build import build
    from .problems import BuildFailed

    try:
        report = build(root, out, base_path="/")
    except BuildFailed as failure:
        message = "\n".join(failure.problems)
        print(f"build failed:\n{message}", file=sys.stderr, flush=True)
        with state.lock:
            state.error = message
        return
    except Exception as error:  # a crash in our own code must not stop the preview server
        with state.lock:
            state.error = f"{type(error).__name__}: {error}"
        print(f"build crashed: {state.error}", file=sys.stderr, flush=True)
        return
    with state.lock:
        state.error = ""
        state.version += 1
    print(f"rebuilt {len(report.pages)} pages in {report.seconds:.2f} s", flush=True)


def watch(root: Path, out: Path, state: DevState, interval: float = 0.2) -> None:
    """Poll the watched folders; rebuild after each change."""
    seen = snapshot(root)
    while True:
        time.sleep(interval)
        current = snapshot(root)
        if current != seen:
            seen = current
            rebuild(root, out, state)


def serve(root: Path, out: Path, port: int, watch_files: bool = True) -> int:
    """Build, then serve out on 127.0.0.1:port, rebuilding on changes; Ctrl-C stops."""
    state = DevState()
    rebuild(root, out, state)
    out.mkdir(parents=True, exist_ok=True)
    handler_class = type("BoundDevHandler", (DevHandler,), {"state": state})
    handler = functools.partial(handler_class, directory=str(out))
    with PreviewServer(("127.0.0.1", port), handler) as server:
        if watch_files:
            threading.Thread(target=watch, args=(root, out, state), daemon=True).start()
        print(
            f"Serving {out} at http://127.0.0.1:{server.server_address[1]}/ (watching "
            f"{', '.join(WATCHED)}; Ctrl-C stops)",
            flush=True,
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print()
    return 0
