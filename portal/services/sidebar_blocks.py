"""The webmaster's side of the sidebar: block order and visibility, the map, songs and links."""

import re
from urllib.parse import urlsplit

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Media, SidebarBlock, Song, User, WebLink
from portal.services import audit
from portal.services.ordering import move_in


class SidebarError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def blocks() -> list[SidebarBlock]:
    return list(db.session.execute(select(SidebarBlock).order_by(SidebarBlock.position, SidebarBlock.id)).scalars())


def songs() -> list[Song]:
    return list(db.session.execute(select(Song).order_by(Song.position, Song.id)).scalars())


def links() -> list[WebLink]:
    return list(db.session.execute(select(WebLink).order_by(WebLink.position, WebLink.id)).scalars())


def move(item: SidebarBlock | Song | WebLink, step: int, actor: User) -> None:
    """Move a block, song or link one place in its own list."""
    listing = {SidebarBlock: blocks, Song: songs, WebLink: links}[type(item)]()
    move_in(listing, item, step)
    audit.record(actor, "reorder", item.__tablename__, item.id, item.title)
    db.session.commit()


def set_visible(block: SidebarBlock, visible: bool, actor: User) -> None:
    block.visible = visible
    audit.record(actor, "update", "sidebar_block", block.id, f"{block.title}: {'hiện' if visible else 'ẩn'}")
    db.session.commit()


_SCHEME = re.compile(r"[a-z][a-z0-9+-]*:", re.IGNORECASE)  # "https:", "mailto:"; never "hatinh.gov.vn:8080"


def check_web_address(url: str, field: str = "url") -> str:
    """An absolute http(s) address, or an error for the field. An address typed without its
    scheme ("hatinh.gov.vn/tin-tuc") is completed with https://, as a browser's address bar does."""
    url = url.strip()
    if url and not _SCHEME.match(url) and not url.startswith(("/", "\\")):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or "." not in (parts.hostname or "") or any(c.isspace() for c in url):
        raise SidebarError(field, "Địa chỉ phải là một trang web (http:// hoặc https://) có tên miền, ví dụ https://hatinh.gov.vn.")
    return url


def update_map(block: SidebarBlock, title: str, caption: str, link: str, image: Media | None, actor: User) -> None:
    """Edit the map block; an empty link means the site's own map page."""
    block.link = check_web_address(link, "link") if link.strip() else ""
    block.title, block.caption = title.strip(), caption.strip()
    if image is not None:
        block.image_id = image.id
    audit.record(actor, "update", "sidebar_block", block.id, block.title)
    db.session.commit()


def _next_position(model: type[Song] | type[WebLink]) -> int:
    return (db.session.execute(select(func.max(model.position))).scalar() or 0) + 1


def save_song(song: Song | None, title: str, composer: str, performer: str, audio: Media | None, actor: User) -> Song:
    created = song is None
    song = song or Song(position=_next_position(Song))
    song.title, song.composer, song.performer = title.strip(), composer.strip(), performer.strip()
    if audio is not None:
        song.audio_id = audio.id
    db.session.add(song)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "song", song.id, song.title)
    db.session.commit()
    return song


def save_link(link: WebLink | None, title: str, url: str, actor: User) -> WebLink:
    clean_url = check_web_address(url)
    created = link is None
    link = link or WebLink(position=_next_position(WebLink))
    link.title, link.url = title.strip(), clean_url
    db.session.add(link)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "web_link", link.id, link.title)
    db.session.commit()
    return link


def delete_item(item: Song | WebLink, actor: User) -> None:
    audit.record(actor, "delete", item.__tablename__, item.id, item.title)
    db.session.delete(item)
    db.session.commit()

