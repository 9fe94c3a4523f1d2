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

# Every pattern below stops at the next "<" or ">" and each closing tag is searched for once,
# so a paste costs time in proportion to its length whatever it holds (issue 13, point 7).
_PARAGRAPH_OPENING = re.compile(r"<p\b[^<>]*>", re.IGNORECASE)
_LIST_LEVEL = re.compile(r"mso-list:\s*l\d+\s+level(?P<level>\d+)", re.IGNORECASE)
_PARAGRAPH_CLOSING = re.compile(r"</p>", re.IGNORECASE)
_MARKER_START = re.compile(r"<!(?:--)?\[if !supportLists\](?:--)?>", re.IGNORECASE)
_MARKER_END = re.compile(r"<!(?:--)?\[endif\](?:--)?>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_ORDERED_MARKER = re.compile(r"^\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]$")
_IMAGE = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_LOCAL_SOURCE = re.compile(r"\bsrc\s*=\s*[\"']?\s*file:", re.IGNORECASE)
_SPACE = "\u00a0"
WORD_MAX_LEVEL = 9  # Word's list levels go from 1 to 9; deeper ones are clamped to the ninth


def _level(digits: str) -> int:
    """Word's level number, between 1 and 9, without converting thousands of digits to an int."""
    significant = digits.lstrip("0")
    return WORD_MAX_LEVEL if len(significant) > 1 else min(WORD_MAX_LEVEL, max(1, int(significant or "0")))


def _marker_kind(body: str) -> tuple[str, str]:
    """("ol" or "ul", the item's HTML without Word's bullet)."""
    start = _MARKER_START.search(body)
    end = _MARKER_END.search(body, start.end()) if start else None
    if not start or not end:
        return "ul", body
    marker = _TAG.sub("", body[start.end() : end.start()]).replace("&nbsp;", " ").replace(_SPACE, " ").strip()
    kind = "ol" if _ORDERED_MARKER.match(marker) else "ul"
    return kind, body[: start.start()] + body[end.end() :]


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


def _list_paragraphs(html: str):
    """(start, end, level, body) of each of Word's list paragraphs, left to right."""
    position = 0
    closing = None
    for opening in _PARAGRAPH_OPENING.finditer(html):
        if opening.start() < position:
            continue  # inside the paragraph just taken
        style = _LIST_LEVEL.search(opening.group())
        if not style:
            continue
        if closing is None or closing.start() < opening.end():
            closing = _PARAGRAPH_CLOSING.search(html, opening.end())
            if not closing:
                return  # no list paragraph after this one is closed either
        yield opening.start(), closing.end(), _level(style.group("level")), html[opening.end() : closing.start()]
        position = closing.end()


def _drop_local_image(match: re.Match) -> str:
    return "" if _LOCAL_SOURCE.search(match.group()) else match.group()


def normalise_word_html(html: str) -> str:
    """Real lists instead of Word's list paragraphs; no images from the clipboard's temp folder."""
    html = _IMAGE.sub(_drop_local_image, html)
    if "mso-list" not in html.lower():
        return html
    pieces: list[str] = []
    run: list[tuple[int, str, str]] = []
    position = 0
    for start, end, level, body in _list_paragraphs(html):
        gap = html[position:start]
        if run and gap.strip():
            pieces.append(_render(run))
            run = []
        if not run:
            pieces.append(gap)
        kind, body = _marker_kind(body)
        run.append((level, kind, body))
        position = end
    if run:
        pieces.append(_render(run))
    pieces.append(html[position:])
    return "".join(pieces)
