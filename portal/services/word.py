"""Microsoft Word's pasted HTML, made into plain HTML before sanitising.

Word does not write lists as <ul>/<ol>: each item is a <p> with ``mso-list:l0 level1``
in its style and the bullet or number as text inside a conditional comment. This turns
runs of such paragraphs into real, nested lists. Images in Word's clipboard point at
``file:///`` addresses that no browser may read; the editor (static/js/admin-editor.js)
uploads the PNG and JPEG ones from the clipboard's RTF and points them at the upload.
Those still left (WMF/EMF, or no alt text given) are dropped here rather than kept as
broken images.
"""

import re

_LIST_PARAGRAPH = re.compile(
    r"<p\b[^>]*?mso-list:\s*l(?P<list>\d+)\s+level(?P<level>\d+)[^>]*>(?P<body>.*?)</p>", re.IGNORECASE | re.DOTALL
)
_MARKER = re.compile(
    r"<!(?:--)?\[if !supportLists\](?:--)?>(?P<marker>.*?)<!(?:--)?\[endif\](?:--)?>", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")
_ORDERED_MARKER = re.compile(r"^\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]$")
_LOCAL_IMAGE = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?\s*file:[^>]*>", re.IGNORECASE)
_SPACE = "\u00a0"


def _marker_kind(body: str) -> tuple[str, str]:
    """("ol" or "ul", the item's HTML without Word's bullet)."""
    match = _MARKER.search(body)
    if not match:
        return "ul", body
    marker = _TAG.sub("", match.group("marker")).replace("&nbsp;", " ").replace(_SPACE, " ").strip()
    kind = "ol" if _ORDERED_MARKER.match(marker) else "ul"
    return kind, body[: match.start()] + body[match.end() :]


def _render(items: list[tuple[int, str, str]]) -> str:
    """Nested lists from (level, kind, item HTML), opening and closing lists as levels change."""
    out: list[str] = []
    open_lists: list[str] = []
    for level, kind, body in items:
        while len(open_lists) > level:
            out.append(f"</li></{open_lists.pop()}>")
        if len(open_lists) == level and out:
            out.append("</li>")
        while len(open_lists) < level:
            open_lists.append(kind)
            out.append(f"<{kind}>")
        out.append(f"<li>{body.strip()}")
    while open_lists:
        out.append(f"</li></{open_lists.pop()}>")
    return "".join(out)


def normalise_word_html(html: str) -> str:
    """Real lists instead of Word's list paragraphs; no images from the clipboard's temp folder."""
    html = _LOCAL_IMAGE.sub("", html)
    if "mso-list" not in html.lower():
        return html
    pieces: list[str] = []
    run: list[tuple[int, str, str]] = []
    position = 0
    for match in _LIST_PARAGRAPH.finditer(html):
        gap = html[position : match.start()]
        if run and gap.strip():
            pieces.append(_render(run))
            run = []
        if not run:
            pieces.append(gap)
        kind, body = _marker_kind(match.group("body"))
        run.append((max(1, int(match.group("level"))), kind, body))
        position = match.end()
    if run:
        pieces.append(_render(run))
    pieces.append(html[position:])
    return "".join(pieces)
