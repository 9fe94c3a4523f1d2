"""Static files: addresses that carry a hash of the content, cached by browsers for a year.

Templates write ``static_url('css/portal.css')`` instead of ``url_for('static', …)``; the
address gets ``?v=<hash>`` of the file's bytes, so a changed file has a new address and
the old one can safely be cached as immutable. Compression of HTML, CSS and JS is
Flask-Compress's job (``portal.extensions.compress``).

The few lines that must run before the first paint (the reader's text size) are written into
the page instead, ``inline_script('js/text-size.js')``: no request, nothing to wait for on a slow
network. The Content-Security-Policy allows exactly those lines by their hash (``INLINE_SCRIPTS``).
"""

import base64
import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, current_app, request, url_for
from markupsafe import Markup

ONE_YEAR = 365 * 24 * 3600
HASH_LENGTH = 12
INLINE_SCRIPTS = ("js/text-size.js",)


@lru_cache(maxsize=256)
def _digest(path: str, modified_ns: int) -> str:
    """The file's content hash; the modification time in the key renews it when the file changes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:HASH_LENGTH]


def content_hash(filename: str) -> str | None:
    """The short hash of a file under the static folder, or None if there is no such file."""
    path = Path(current_app.static_folder, filename)
    try:
        modified_ns = path.stat().st_mtime_ns
    except OSError:
        return None
    return _digest(str(path), modified_ns)


def static_url(filename: str) -> str:
    """The address of a static file, versioned by its content."""
    return url_for("static", filename=filename, v=content_hash(filename))


@lru_cache(maxsize=len(INLINE_SCRIPTS))
def _script_text(static_folder: str, filename: str) -> str:
    text = Path(static_folder, filename).read_text(encoding="utf-8")
    assert "</" not in text, f"{filename} cannot be written inside <script>"
    return text


def inline_script(filename: str) -> Markup:
    """The text of one of ``INLINE_SCRIPTS``, to write between <script> and </script>."""
    return Markup(_script_text(current_app.static_folder, filename))


def inline_script_sources(app: Flask) -> str:
    """The Content-Security-Policy sources allowing each inline script: its SHA-256, as browsers hash it."""
    hashes = (hashlib.sha256(_script_text(app.static_folder, name).encode()).digest() for name in INLINE_SCRIPTS)
    return " ".join(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in hashes)


def _cache_versioned_files(response: Response) -> Response:
    """A static file asked for under its current hash never changes: cache it for a year."""
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    version = request.args.get("v")
    if version and version == content_hash(request.view_args["filename"]):
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    return response


def _buffer_static_text(response: Response) -> Response:
    """Read a static text file into memory so Flask-Compress compresses it whole.

    Flask sends files as streams, and Flask-Compress's streaming path leaves the file
    open; our CSS, JS and SVG files are a few tens of kilobytes, so buffering is cheap.
    """
    if (
        request.endpoint == "static"
        and response.status_code == 200
        and response.mimetype in current_app.config["COMPRESS_MIMETYPES"]
    ):
        source = response.response
        response.direct_passthrough = False
        response.set_data(b"".join(response.iter_encoded()))
        getattr(source, "close", lambda: None)()  # the file, closed now rather than with the response
    return response


def init_app(app: Flask) -> None:
    """Register after Flask-Compress: these hooks must run before its own (Flask runs them in reverse)."""
    app.jinja_env.globals["static_url"] = static_url
    app.jinja_env.globals["inline_script"] = inline_script
    app.after_request(_cache_versioned_files)
    app.after_request(_buffer_static_text)
