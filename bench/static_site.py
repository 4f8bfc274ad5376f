"""A built site served on 127.0.0.1, as a static web host would serve it (404.html for a missing
page): the reader's search in `make bench` and the browser tests both open the site through it.

With `compress`, text files go out gzip-compressed to a client that accepts it, as GitHub Pages
sends them: the page-speed figures (bench/lighthouse.py) are measured that way (issue 27)."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


# What GitHub Pages compresses: text, not images or fonts that are compressed already.
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                     "application/xml")


class _CompressingHandler(_SiteHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()  # the stdlib's redirect to the address with a slash
                return
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(_COMPRESSED_TYPES)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_directory(directory: Path, *, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A threaded static server for `directory` on a random 127.0.0.1 port, and its base URL."""
    handler = functools.partial(_CompressingHandler if compress else _SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
