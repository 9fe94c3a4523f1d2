"""Sidebar blocks as data: which blocks show, in what order, and what they hold."""

import enum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.content import Media


class BlockKind(enum.StrEnum):
    MAP = "map"
    SONGS = "songs"
    LINKS = "links"
    COUNTERS = "counters"
    MOST_READ = "most_read"
    POLL = "poll"  # the newest open poll marked for the sidebar


class SidebarBlock(db.Model):
    """One block beside every page; the map's own fields live here too."""

    __tablename__ = "sidebar_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[BlockKind] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    visible: Mapped[bool] = mapped_column(default=True)
    image_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"))
    caption: Mapped[str] = mapped_column(String(300), default="")
    link: Mapped[str] = mapped_column(String(500), default="")

    image: Mapped[Media | None] = relationship(lazy="joined")


class Song(db.Model):
    __tablename__ = "song"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    composer: Mapped[str] = mapped_column(String(200), default="")
    performer: Mapped[str] = mapped_column(String(200), default="")
    audio_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"))
    position: Mapped[int] = mapped_column(default=0)

    audio: Mapped[Media | None] = relationship(lazy="joined")


class WebLink(db.Model):
    __tablename__ = "web_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(default=0)
