"""A standalone copy of an article: its uploaded pictures carried inside the HTML as data URIs."""

import base64
import mimetypes
import re
from pathlib import Path

from markupsafe import Markup

MAX_INLINE_BYTES = 5 * 1024 * 1024
_UPLOAD_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")/uploads/([^"/?#]+)(")')
_SITE_HREF = re.compile(r'(<a\b[^>]*?\shref=")/(?!/)')


def inline_uploads(body_html: str, upload_folder: Path) -> Markup:
    """``body_html`` (already sanitised) with each /uploads/ picture embedded; a missing or
    very large file keeps its address."""

    def embed(match: re.Match) -> str:
        path = upload_folder / match.group(2)
        if not path.is_file() or path.stat().st_size > MAX_INLINE_BYTES:
            return match.group(0)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode()
        return f"{match.group(1)}data:{mime};base64,{data}{match.group(3)}"

    return Markup(_UPLOAD_SRC.sub(embed, body_html or ""))


def absolute_links(body_html: str, site_url: str) -> Markup:
    """``body_html`` with its links to the site's own pages ("/van-ban/…", as the seed article cites
    a plan) made absolute, so that they still lead there from a copy kept on a computer."""
    return Markup(_SITE_HREF.sub(lambda match: f"{match.group(1)}{site_url.rstrip('/')}/", body_html))
