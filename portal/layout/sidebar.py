"""The blocks beside every page: which ones show, in order, with what they need.

Each block kind has a template ``templates/sidebar/_<kind>.html``. The figures in the page
(the counters, the most-read list) are those of the moment it is rendered; the live fragment
brings the counters of the moment (``portal.widgets.routes_live``).
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from portal.counters import counting
from portal.counters.visits import Counters
from portal.extensions import db
from portal.models import BlockKind, Poll, SidebarBlock, Song, WebLink
from portal.services import polls
from portal.services.content import most_read


@dataclass
class Sidebar:
    blocks: list[SidebarBlock]
    songs: list[Song] = field(default_factory=list)
    links: list[WebLink] = field(default_factory=list)
    most_read: list = field(default_factory=list)
    counters: Counters | None = None
    poll: Poll | None = None  # the poll block's poll; the block is left out without one

    @property
    def shows_counters(self) -> bool:
        return any(block.kind == BlockKind.COUNTERS for block in self.blocks)


def build_sidebar(now: datetime) -> Sidebar:
    """The visible blocks in order, with the songs, links, most-read list, counters and poll they show."""
    query = select(SidebarBlock).where(SidebarBlock.visible).order_by(SidebarBlock.position, SidebarBlock.id)
    sidebar = Sidebar(blocks=list(db.session.execute(query).scalars()))
    kinds = {block.kind for block in sidebar.blocks}
    if BlockKind.SONGS in kinds:
        sidebar.songs = list(db.session.execute(select(Song).order_by(Song.position, Song.id)).scalars())
    if BlockKind.LINKS in kinds:
        sidebar.links = list(db.session.execute(select(WebLink).order_by(WebLink.position, WebLink.id)).scalars())
    if BlockKind.MOST_READ in kinds:
        sidebar.most_read = most_read(now, current_app.config["MOST_READ_COUNT"])
    if BlockKind.POLL in kinds:
        sidebar.poll = polls.sidebar_poll(now)
    if BlockKind.COUNTERS in kinds:
        sidebar.counters = counting.current_counters()
    return sidebar
