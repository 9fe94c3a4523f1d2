"""The blocks beside every page: which ones show, in order, with what they need.

Each block kind has a template ``templates/sidebar/_<kind>.html``. The fixed blocks (map,
songs, links) change only when the webmaster saves them: they are rendered once per content
version and kept (``portal.layout.page_parts``). The live ones, the counters and the most-read list,
are read and rendered on every page.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app, render_template
from markupsafe import Markup
from sqlalchemy import select

from portal.counters import counting
from portal.counters.visits import Counters
from portal.extensions import db
from portal.layout import page_parts
from portal.models import BlockKind, SidebarBlock, Song, WebLink
from portal.services.content import most_read

LIVE_KINDS = {BlockKind.COUNTERS, BlockKind.MOST_READ}


@dataclass
class Sidebar:
    blocks: list[SidebarBlock]
    rendered: dict[int, Markup] = field(default_factory=dict)  # the fixed blocks' HTML, by block id
    songs: list[Song] = field(default_factory=list)
    links: list[WebLink] = field(default_factory=list)
    most_read: list = field(default_factory=list)
    counters: Counters | None = None


def _fixed_blocks() -> tuple[list[SidebarBlock], dict[int, Markup]]:
    """The visible blocks in order, and the HTML of those that are not live."""
    query = select(SidebarBlock).where(SidebarBlock.visible).order_by(SidebarBlock.position, SidebarBlock.id)
    sidebar = Sidebar(blocks=list(db.session.execute(query).scalars()))
    kinds = {block.kind for block in sidebar.blocks}
    if BlockKind.SONGS in kinds:
        sidebar.songs = list(db.session.execute(select(Song).order_by(Song.position, Song.id)).scalars())
    if BlockKind.LINKS in kinds:
        sidebar.links = list(db.session.execute(select(WebLink).order_by(WebLink.position, WebLink.id)).scalars())
    rendered = {
        block.id: Markup(render_template("sidebar/_block.html", block=block, sidebar=sidebar))
        for block in sidebar.blocks
        if block.kind not in LIVE_KINDS
    }
    return sidebar.blocks, rendered


def build_sidebar(now: datetime) -> Sidebar:
    """The visible blocks in order: the fixed ones rendered, with the most-read list and counters the live ones show."""
    blocks, rendered = page_parts.kept("sidebar", _fixed_blocks)
    sidebar = Sidebar(blocks=blocks, rendered=rendered)
    kinds = {block.kind for block in blocks}
    if BlockKind.MOST_READ in kinds:
        sidebar.most_read = most_read(now, current_app.config["MOST_READ_COUNT"])
    if BlockKind.COUNTERS in kinds:
        sidebar.counters = counting.current_counters()
    return sidebar
