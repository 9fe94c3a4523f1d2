"""Sending a văn bản file kept by the portal (an article's attachment, an older file of a
document) from a view that has decided the reader may have it: the file itself as a download of
its own type under the name it was uploaded with, or one of the pictures of its pages. Never
shown inline, never as HTML or script (the types are the six the pipeline recognised), sandboxed
should a browser open it anyway."""

from pathlib import Path

from flask import Response, abort, send_from_directory

from portal.models.files import StoredFile

SANDBOX = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def send_stored(folder: Path, file: StoredFile, page: int | None = None, max_age: int | None = None) -> Response:
    """The file (``page`` None) or the picture of its page ``page``; 404 for a page not drawn.
    ``max_age``: how long a shared cache may keep it (None: the caller's own Cache-Control)."""
    if page is None:
        response = send_from_directory(folder, file.filename, mimetype=file.mime_type, as_attachment=True,
                                       download_name=file.original_name, max_age=max_age)  # fmt: skip
    elif 1 <= page <= file.preview_pages:
        response = send_from_directory(folder, file.preview_filename(page), mimetype="image/png", max_age=max_age)
    else:
        abort(404)
    response.headers["Content-Security-Policy"] = SANDBOX
    return response
