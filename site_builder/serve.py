"""Serve the built site on http://127.0.0.1:PORT/ (local preview only)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types for Pyodide's .mjs and .wasm."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(directory: Path, port: int) -> int:
    handler = functools.partial(Handler, directory=str(directory))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {directory} at http://127.0.0.1:{port}/ (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print()
    return 0
