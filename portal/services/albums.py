"""Photo albums: saving one, adding many photos at once (a broken file refused alone), the
photos' captions, descriptions and cover, and what the public pages list."""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Select, and_, func, select

from portal import clock
from portal.extensions import db
from portal.models import Album, AlbumPhoto, Article, Thread, User
from portal.models.albums import album_article
from portal.models.topics import article_thread
from portal.services import audit
from portal.services.content import is_visible
from portal.services.media import MediaError, UploadLimits, delete_files, prepare_image, remove_files, write_all
from portal.text import slugify

SLUG_LENGTH = 120


class AlbumError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class AlbumFields:
    title: str
    slug: str
    taken_on: date
    description: str
    published: bool
    articles: list[Article]


@dataclass(frozen=True)
class PhotoEdit:
    """What the album's form says of one photo."""

    caption: str
    alt: str
    remove: bool = False


def published() -> Select[tuple[Album]]:
    """The albums readers see, the newest event first."""
    return select(Album).where(Album.published).order_by(Album.taken_on.desc(), Album.id.desc())


def visible_album(slug: str) -> Album | None:
    return db.session.execute(select(Album).where(Album.slug == slug, Album.published)).scalar_one_or_none()


def linked_to(article: Article) -> list[Album]:
    """The published albums an article links, listed under its body."""
    query = published().join(album_article, and_(album_article.c.album_id == Album.id, album_article.c.article_id == article.id))
    return list(db.session.execute(query).scalars())


def of_thread(thread: Thread, now: datetime) -> list[Album]:
    """The published albums that the chuyên đề's visible articles link: its pictures, on its page."""
    linked = (
        select(album_article.c.album_id)
        .join(article_thread, article_thread.c.article_id == album_article.c.article_id)
        .join(Article, Article.id == album_article.c.article_id)
        .where(article_thread.c.thread_id == thread.id, is_visible(now))
    )
    return list(db.session.execute(published().where(Album.id.in_(linked))).scalars())


def _slug(album: Album | None, fields: AlbumFields) -> str:
    slug = slugify(fields.slug or fields.title, SLUG_LENGTH)
    if not slug:
        raise AlbumError("title", "Tên album phải có ít nhất một chữ cái hoặc chữ số.")
    taken = select(Album.id).where(Album.slug == slug, Album.id != (album.id if album else 0))
    if db.session.execute(taken).first():
        raise AlbumError("slug", "Đường dẫn này đã có album khác dùng; hãy chọn đường dẫn khác.")
    return slug


def save_album(album: Album | None, fields: AlbumFields, actor: User) -> Album:
    """Create (``album`` None) or change an album's own fields."""
    created = album is None
    album = album or Album()
    album.slug = _slug(album if not created else None, fields)
    album.title, album.description = fields.title.strip(), fields.description.strip()
    album.taken_on, album.published, album.articles = fields.taken_on, fields.published, fields.articles
    album.updated_at = clock.now()
    db.session.add(album)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "album", album.id, album.title)
    db.session.commit()
    return album


def add_photos(album: Album, uploads: list[tuple[str, BinaryIO]], limits: UploadLimits, actor: User) -> tuple[int, list[str]]:
    """Check and store every upload as a photo at the album's end, each with its renditions; a
    file that is not a good image is left out and named in the refusals ("tên tệp: lý do").
    Returns how many were added and the refusals."""
    position = db.session.execute(select(func.max(AlbumPhoto.position)).where(AlbumPhoto.album_id == album.id)).scalar() or 0
    added, refused, written = 0, [], []
    try:
        for name, stream in uploads:
            try:
                prepared = prepare_image(stream, f"Ảnh trong album {album.title}", limits)
            except MediaError as error:
                refused.append(f"{name}: {error}")
                continue
            write_all(limits.folder, prepared.files)
            written += list(prepared.files)
            position += 1
            db.session.add(AlbumPhoto(album_id=album.id, media=prepared.media, position=position, caption=""))
            added += 1
        if added:
            album.updated_at = clock.now()
            audit.record(actor, "upload", "album", album.id, f"{album.title}: {added} ảnh")
        db.session.commit()
    except BaseException:
        db.session.rollback()
        remove_files(limits.folder, written)
        raise
    return added, refused


def update_photos(album: Album, edits: dict[int, PhotoEdit], cover_id: int | None, folder: Path, actor: User) -> None:
    """The photos' captions and descriptions, those to remove (with their files) and the cover."""
    removed = []
    for photo in list(album.photos):
        edit = edits.get(photo.id)
        if edit is None:
            continue
        if edit.remove:
            removed.append(photo.media)
            album.photos.remove(photo)
            continue
        photo.caption, photo.media.alt = edit.caption.strip()[:500], (edit.alt.strip() or photo.media.alt)[:300]
        photo.is_cover = photo.id == cover_id
    for media in removed:
        db.session.delete(media)
    album.updated_at = clock.now()
    audit.record(actor, "update", "album", album.id, f"{album.title}: ảnh")
    db.session.commit()
    for media in removed:
        delete_files(media, folder)


def delete_album(album: Album, folder: Path, actor: User) -> None:
    media = [photo.media for photo in album.photos]
    audit.record(actor, "delete", "album", album.id, album.title)
    db.session.delete(album)
    db.session.flush()
    for item in media:
        db.session.delete(item)
    db.session.commit()
    for item in media:
        delete_files(item, folder)


def photo_at(album: Album, number: int) -> AlbumPhoto | None:
    """The album's ``number``-th photo, counted from 1 as its address does."""
    return album.photos[number - 1] if 1 <= number <= len(album.photos) else None
