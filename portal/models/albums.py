"""Photo albums: a title, a date, a description and photos in order, each with its caption;
one of the photos is its cover. Articles link albums (``album_article``), as they cite documents."""

from datetime import date, datetime

from flask import url_for
from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db
from portal.models.content import Article, Media

album_article = Table(
    "album_article",
    db.metadata,
    Column("album_id", ForeignKey("album.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ForeignKey("article.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Album(db.Model):
    __tablename__ = "album"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    taken_on: Mapped[date] = mapped_column(index=True)  # the event's day, which orders /anh
    description: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)

    photos: Mapped[list["AlbumPhoto"]] = relationship(
        back_populates="album", order_by="AlbumPhoto.position, AlbumPhoto.id", lazy="selectin",
        cascade="all, delete-orphan",
    )  # fmt: skip
    articles: Mapped[list[Article]] = relationship(secondary=album_article, lazy="select")  # the admin only

    @property
    def url(self) -> str:
        return url_for("news.album", slug=self.slug)

    @property
    def cover_photo(self) -> "AlbumPhoto | None":
        """The photo chosen as cover, else the first."""
        return next((photo for photo in self.photos if photo.is_cover), self.photos[0] if self.photos else None)


class AlbumPhoto(db.Model):
    __tablename__ = "album_photo"

    id: Mapped[int] = mapped_column(primary_key=True)
    album_id: Mapped[int] = mapped_column(ForeignKey("album.id", ondelete="CASCADE"), index=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id"))
    caption: Mapped[str] = mapped_column(String(500), default="")
    position: Mapped[int] = mapped_column(default=0)
    is_cover: Mapped[bool] = mapped_column(default=False)  # one photo of the album at most (the service sees to it)

    album: Mapped[Album] = relationship(back_populates="photos", lazy="raise")
    media: Mapped[Media] = relationship(lazy="joined")
