"""The blocks beside every page: which ones show, in order, with what they need.

Each block kind has a template ``templates/sidebar/_<kind>.html``; this module loads
every visible block and the rows the visible ones need, one query per kind of row.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from portal import counting
from portal.extensions import db
from portal.models import BlockKind, SidebarBlock, Song, WebLink
from portal.services.content import most_read
from portal.services.visits import Counters


@dataclass
class Sidebar:
    blocks: list[SidebarBlock]
    songs: list[Song] = field(default_factory=list)
    links: list[WebLink] = field(default_factory=list)
    most_read: list = field(default_factory=list)
    counters: Counters | None = None


def build_sidebar(now: datetime) -> Sidebar:
    """The visible blocks in order, and the songs, links, most-read list and counters they show."""
    query = select(SidebarBlock).where(SidebarBlock.visible).order_by(SidebarBlock.position, SidebarBlock.id)
    sidebar = Sidebar(blocks=list(db.session.execute(query).scalars()))
    kinds = {block.kind for block in sidebar.blocks}
    if BlockKind.SONGS in kinds:
        songs = select(Song).order_by(Song.position, Song.id)
        sidebar.songs = list(db.session.execute(songs).scalars())
    if BlockKind.LINKS in kinds:
        links = select(WebLink).order_by(WebLink.position, WebLink.id)
        sidebar.links = list(db.session.execute(links).scalars())
    if BlockKind.MOST_READ in kinds:
        sidebar.most_read = most_read(now, current_app.config["MOST_READ_COUNT"])
    if BlockKind.COUNTERS in kinds:
        sidebar.counters = counting.current_counters()
    return sidebar
